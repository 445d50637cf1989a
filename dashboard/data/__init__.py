"""The data door: the only place the app runs SQL. Small cached functions that return DataFrames (or plain values)
already checked by the access gate and already protected by the privacy rule, so pages and components only draw.

Every function takes the warehouse version (`db.VersiGudang`) as its first argument, so the cache key includes the
version: a rebuilt warehouse (new mtime/size) is read afresh without restarting the app, and the old entries simply
age out (`ttl`, `max_entries`). Values reach DuckDB only as named parameters (`$kode`); table and column names are
fixed in the SQL text. The door reads `mart_*`, `ref_*`, `meta_*` and the boundary tables only, never the staging or
load tables (table contract: `pipelines/sql/README.md`). Metrics are computed in the pipeline's marts; here they are
filtered and summed over the months asked for, with every such sum or rate written once in `ukuran`.

Every function that returns numbers of a wilayah passes the access gate (`gerbang._gerbang`, rules in `akses`):
the logged-in user must be allowed the wilayah asked for, and rows of desa outside the user's scope are removed
before a page sees them; the gate sits outside the cache. Small counts of sensitive cases, lists of cases and the
table by destination leave through `akses` (`daftar_kasus_aman`, `lindungi_bulanan`, `jumlah_sel`,
`SQL_KASUS_TAMPIL`).

Modules, one per page area (callers use `from dashboard import data; data.fungsi(...)`):

- `gerbang`: the access gate `_gerbang`, cache settings, `kueri`, date conversion.
- `ukuran`: the measures computed at query time (period sums, rates), as SQL fragments.
- `gudang`: the warehouse's state and schema version (`status_gudang`), `meta_gudang`, `wilayah`,
  `bulan_tersedia`, `tabel_gudang`.
- `ringkasan`: Ringkasan KPIs, Puskesos status counts, trend, freshness.
- `profil`: Profil desa, Rapat kecamatan and "Perlu perhatian" (register, cases by category, reporting strip,
  data quality of a desa, desa side by side, who is behind, overdue referrals).
- `peta`: the map's per-desa metrics and the imported boundaries.
- `rujukan`: the referral funnel, cohorts, table by destination, ageing, desa without response, open list.
- `kualitas`: Kualitas data (scores, strip, quarantine, warnings, unmatched names).
- `program`: program coverage, deactivations and what the deactivated did next, the program cases ask for.
- `target`: poverty rate against the planning documents.
- `tren`: trends by target group and channel (the category trend is `profil.kasus_kategori_bulanan`), and the
  Puskesos register summed per kecamatan and kabupaten.
"""

from __future__ import annotations

from dashboard.data.gudang import (
    TABEL_WAJIB,
    StatusGudang,
    bulan_tersedia,
    meta_gudang,
    status_gudang,
    tabel_gudang,
    wilayah,
)
from dashboard.data.kualitas import (
    karantina_baris,
    karantina_per_berkas,
    kualitas_per_desa,
    kualitas_ringkasan,
    nama_tidak_cocok,
    pelaporan_12_bulan,
    peringatan_per_jenis,
)
from dashboard.data.peta import InfoBatas, batas_desa_geojson, garis_kecamatan, info_batas, peta_desa
from dashboard.data.profil import (
    SENSITIF_LAIN,
    TOTAL_BUKAN_SENSITIF,
    kasus_kategori,
    kasus_kategori_bulanan,
    kasus_sensitif_terlindungi,
    kualitas_desa,
    pelaporan_turun,
    perhatian_desa,
    perhatian_tujuan,
    profil_desa,
    puskesos_bermasalah,
    rapat_desa,
    riwayat_lapor,
    rujukan_terlambat,
)
from dashboard.data.program import (
    program_diminta,
    program_nonaktif,
    program_nonaktif_tindak,
    program_tersedia,
    program_wilayah,
)
from dashboard.data.ringkasan import kesegaran, kpi_ringkasan, puskesos_status, tren_bulanan
from dashboard.data.rujukan import (
    corong_rujukan,
    rujukan_kohort,
    rujukan_per_tujuan,
    rujukan_sensitif_kabupaten,
    rujukan_tanpa_respon_desa,
    rujukan_terbuka_daftar,
    rujukan_umur,
)
from dashboard.data.target import target_kemiskinan
from dashboard.data.tren import register_puskesos, tren_sasaran_kanal

__all__ = [
    "SENSITIF_LAIN", "TABEL_WAJIB", "TOTAL_BUKAN_SENSITIF", "InfoBatas", "StatusGudang", "batas_desa_geojson",
    "bulan_tersedia", "corong_rujukan", "garis_kecamatan", "info_batas", "karantina_baris", "karantina_per_berkas",
    "kasus_kategori", "kasus_kategori_bulanan", "kasus_sensitif_terlindungi", "kesegaran", "kpi_ringkasan",
    "kualitas_desa", "kualitas_per_desa", "kualitas_ringkasan", "meta_gudang", "nama_tidak_cocok",
    "pelaporan_12_bulan", "pelaporan_turun", "perhatian_desa", "perhatian_tujuan", "peringatan_per_jenis",
    "peta_desa", "profil_desa", "program_diminta", "program_nonaktif", "program_nonaktif_tindak", "program_tersedia",
    "program_wilayah", "puskesos_bermasalah", "register_puskesos",
    "puskesos_status", "rapat_desa", "riwayat_lapor", "rujukan_kohort", "rujukan_per_tujuan",
    "rujukan_sensitif_kabupaten", "rujukan_tanpa_respon_desa", "rujukan_terbuka_daftar", "rujukan_terlambat", "rujukan_umur", "status_gudang",
    "tabel_gudang", "target_kemiskinan", "tren_bulanan", "tren_sasaran_kanal", "wilayah",
]
