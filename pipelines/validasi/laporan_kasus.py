"""Rules for `laporan_kasus`, the Puskesos case register (contract section 4.1).

Required: tanggal_lapor (a readable date), kategori, a resolvable desa inside
the configured regencies, and no_registrasi except on nihil rows; a row failing
one of these is quarantined with every reason. Everything else that is wrong
is repaired with a warning: unknown labels become `lainnya`, invalid NIK/KK are
dropped, out-of-order dates are dropped, out-of-range numbers are dropped.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from pipelines.baca import nilai
from pipelines.enums import KATEGORI_SENSITIF, SASARAN_SENSITIF
from pipelines.validasi.kolom import (
    URUTAN_TANGGAL,
    angka_rentang_faktor,
    identitas_faktor,
    resolusi_tempat_faktor,
    tanggal_faktor,
    urutkan_tanggal,
    ya_tidak_faktor,
)
from pipelines.validasi.umum import (
    Faktor,
    HasilValidasi,
    Konteks,
    Pencatat,
    TabelMentah,
    ganda_faktor,
    label_enum_faktor,
    teks_bebas_faktor,
)

TEKS, TANGGAL, BULAT, BENAR = pa.string(), pa.date32(), pa.int64(), pa.bool_()
KOLOM_DIMUAT = {
    "_baris": BULAT, "kode_desa": TEKS, "no_registrasi": TEKS, "tujuan_rujukan": TEKS, "kategori": TEKS,
    "tanggal_lapor": TANGGAL, "nik_pseudonim": TEKS, "kk_pseudonim": TEKS, "jenis_kelamin": TEKS, "umur": BULAT,
    "kelompok_sasaran": TEKS, "kanal": TEKS, "terdaftar_dtks": BENAR, "desil": BULAT, "urgensi": TEKS,
    "status_kasus": TEKS, "program": TEKS, "sumber_dana": TEKS, "tanggal_rujuk": TANGGAL, "tanggal_respon": TANGGAL,
    "tanggal_selesai": TANGGAL, "status_rujukan": TEKS, "tanggal_kirim": TANGGAL, "sensitif": BENAR,
}
"""The loaded columns, in order, with their Arrow types."""


def validasi(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """Validate one sheet of case reports, column by column: each rule looks at each distinct cell once
    (`Faktor`), and the loaded rows come back as an Arrow table."""
    p = Pencatat(tabel.data)
    m = tabel.kolom_mentah
    k: dict[str, Faktor] = {}
    k["kode_desa"] = resolusi_tempat_faktor(p, m("kode_desa"), m("nama_desa"), m("nama_kecamatan"), konteks)
    kategori_mentah = m("kategori")
    k["kategori"] = label_enum_faktor(p, kategori_mentah, "kategori", "kategori")
    kategori_kosong = kategori_mentah.tanda([nilai.teks(v) is None for v in kategori_mentah.unik])
    p.karantina_jika(kategori_kosong, "Kolom kategori kosong")
    nihil = k["kategori"].tanda([v == "nihil" for v in k["kategori"].unik])

    k["no_registrasi"] = teks_bebas_faktor(p, m("no_registrasi"), "no_registrasi")
    tanpa_no = k["no_registrasi"].tanda_none()
    p.karantina_jika(tanpa_no & ~nihil & ~kategori_kosong,
                     "Kolom no_registrasi kosong (wajib, kecuali baris laporan nihil)")

    tanggal = {kol: tanggal_faktor(p, m(kol), kol, konteks, wajib=(kol == "tanggal_lapor")) for kol in URUTAN_TANGGAL}
    urutkan_tanggal(p, tanggal)
    k.update(tanggal)
    k["tanggal_kirim"] = tanggal_faktor(p, m("tanggal_kirim"), "tanggal_kirim", konteks, wajib=False)

    for kolom in ("tujuan_rujukan", "kelompok_sasaran", "kanal", "urgensi", "status_kasus", "program",
                  "sumber_dana", "status_rujukan", "jenis_kelamin"):
        k[kolom] = label_enum_faktor(p, m(kolom), kolom, kolom)
    k["nik_pseudonim"], k["kk_pseudonim"] = identitas_faktor(p, m("nik"), m("no_kk"), konteks)
    k["umur"] = angka_rentang_faktor(p, m("umur"), "umur", 0, 120)
    k["desil"] = angka_rentang_faktor(p, m("desil"), "desil", 1, 10)
    k["terdaftar_dtks"] = ya_tidak_faktor(p, m("terdaftar_dtks"), "terdaftar_dtks")
    sensitif = k["kategori"].tanda([v in KATEGORI_SENSITIF for v in k["kategori"].unik]) \
        | k["kelompok_sasaran"].tanda([v in SASARAN_SENSITIF for v in k["kelompok_sasaran"].unik])

    # nihil rows carry no case: keep only their desa and date
    for kolom in ("tujuan_rujukan", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai", "status_rujukan"):
        k[kolom] = k[kolom].kosongkan(nihil)

    rujuk_tanpa_tanggal = ~k["tujuan_rujukan"].tanda_none() & k["tanggal_rujuk"].tanda_none()
    p.peringatkan_jika(rujuk_tanpa_tanggal, "tanggal_rujuk_kosong", "tanggal_rujuk",
                       "Rujukan tanpa tanggal_rujuk; tanggal_lapor dipakai sebagai awal rujukan")

    # the same key with another send date is a later version (history), not a duplicate
    no_reg = k["no_registrasi"]
    ganda = ganda_faktor([k["kode_desa"], no_reg, k["tujuan_rujukan"], k["tanggal_kirim"]]) & ~nihil & ~tanpa_no
    p.peringatkan_jika(ganda, "duplikat_dalam_berkas", "no_registrasi",
                       lambda i: f"no_registrasi {no_reg.nilai(i)} muncul lagi di baris lain berkas "
                                 "ini; baris terakhir yang dipakai")
    keluar: dict[str, tuple[Faktor, pa.DataType] | np.ndarray] = {}
    for kolom, tipe in KOLOM_DIMUAT.items():
        if kolom == "_baris":
            keluar[kolom] = tabel.data["_baris"].to_numpy(dtype=np.int64)
        elif kolom == "sensitif":
            keluar[kolom] = sensitif
        else:
            keluar[kolom] = (k[kolom], tipe)
    return p.selesai_arrow(tabel, keluar)

