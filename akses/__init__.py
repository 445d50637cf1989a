"""Who sees what: the one place that decides which wilayah a user may read and which number is protected.

Used by both the command line (`pipelines.cli`) and the app (`dashboard.data`); nothing reaches the warehouse's
numbers for a user around it. Its rooms:

- `peran`: roles, rights (`HAK`) and a user's scope (`lingkup`); `saring` keeps the rows inside it.
- `privasi`: the small-cell rule for sensitive cases, with complementary protection of the monthly mart.
- `kubus`: the monthly mart read through the gate for the command line (`pantau metrik --sebagai`).
- `ekspor`: tables leaving as files (identity columns dropped, formulas neutralised, metadata).
- `pseudonim`: keyed pseudonyms of NIK/KK and case numbers, and the NIK/KK checks.
- `akun`, `audit`: local accounts and sessions, and the hash-chained audit log.

The public surface is listed in `__all__`; callers import from `akses`, not from its modules.
"""

from __future__ import annotations

from akses import akun, audit
from akses.ekspor import ekspor_csv, netralkan_ekspor
from akses.kubus import baca_kubus_bulanan, metrik_bulanan_untuk, rapikan_kubus
from akses.peran import (
    HAK,
    LABEL_PERAN,
    PERAN,
    TINGKAT,
    AksesDitolak,
    KesalahanWilayah,
    Lingkup,
    Pengguna,
    boleh,
    di_dalam,
    kode_untuk_peran,
    lingkup,
    nama_wilayah,
    normalkan_kode,
    periksa_tingkat,
    periksa_wilayah,
    saring,
    tingkat_boleh,
    tingkat_dari_kode,
    wajib_hak,
)
from akses.privasi import (
    AMBANG,
    DISEMBUNYIKAN,
    KASUS_SENSITIF,
    KOLOM_SENSITIF,
    SQL_KASUS_TAMPIL,
    SQL_KASUS_TAMPIL_DESA,
    daftar_kasus_aman,
    jumlah_sel,
    lindungi_bulanan,
    sel_kecil,
    sembunyikan_sel_kecil,
    sql_kolom_ekspor,
)
from akses.pseudonim import (
    atur_kunci_sql,
    muat_kunci,
    periksa_kk,
    periksa_nik,
    pseudonim,
    pseudonim_banyak,
    sql_hmac,
    sql_pseudonim_kasus,
)

__all__ = [
    "AMBANG", "DISEMBUNYIKAN", "HAK", "KASUS_SENSITIF", "KOLOM_SENSITIF", "LABEL_PERAN", "PERAN", "SQL_KASUS_TAMPIL",
    "SQL_KASUS_TAMPIL_DESA", "TINGKAT", "AksesDitolak", "KesalahanWilayah", "Lingkup", "Pengguna", "akun",
    "atur_kunci_sql", "audit", "baca_kubus_bulanan", "boleh", "daftar_kasus_aman", "di_dalam", "ekspor_csv",
    "jumlah_sel", "kode_untuk_peran", "lindungi_bulanan", "lingkup", "metrik_bulanan_untuk", "muat_kunci",
    "nama_wilayah", "netralkan_ekspor", "normalkan_kode", "periksa_kk", "periksa_nik", "periksa_tingkat",
    "periksa_wilayah", "pseudonim", "pseudonim_banyak", "rapikan_kubus", "saring", "sel_kecil", "sembunyikan_sel_kecil",
    "sql_hmac", "sql_kolom_ekspor", "sql_pseudonim_kasus", "tingkat_boleh", "tingkat_dari_kode",
    "wajib_hak",
]
