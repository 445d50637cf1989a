"""Every label of the app in Bahasa Indonesia (default) and English.

`t(kunci, bahasa, **isian)` returns the label for a key, with `{placeholders}` filled in.
Enum labels (categories, statuses, destinations) are not repeated here: they come from
`pipelines.enums.label`. The KPI definitions quote `metrics.md`, the normative source.
"""

from __future__ import annotations

from typing import Literal

Bahasa = Literal["id", "en"]
BAHASA: tuple[Bahasa, ...] = ("id", "en")

TEKS: dict[str, tuple[str, str]] = {
    # Frame and navigation
    "judul_aplikasi": ("Pantau", "Pantau"),
    "subjudul_aplikasi": ("Layanan sosial per desa", "Social services by village"),
    "bahasa": ("Bahasa", "Language"),
    "halaman_ringkasan": ("Ringkasan", "Summary"),
    "halaman_peta": ("Peta", "Map"),
    "halaman_profil_desa": ("Profil desa", "Village profile"),
    "halaman_rapat_kecamatan": ("Rapat kecamatan", "District meeting"),
    "halaman_rujukan": ("Rujukan", "Referrals"),
    "halaman_program": ("Program", "Programs"),
    "halaman_target": ("Target kemiskinan", "Poverty target"),
    "halaman_kualitas": ("Kualitas data", "Data quality"),
    "halaman_unggah": ("Unggah data", "Upload data"),
    "data_sintetis": ("DATA SINTETIS", "SYNTHETIC DATA"),
    "data_sintetis_bantuan": (
        "Gudang data ini dibuat oleh `pantau demo`: angka-angkanya buatan, bukan laporan Puskesos yang sebenarnya.",
        "This warehouse was built by `pantau demo`: its numbers are made up, not real Puskesos reports.",
    ),
    # Filter bar
    "kabupaten": ("Kabupaten/kota", "Regency/city"),
    "kecamatan": ("Kecamatan", "District (kecamatan)"),
    "desa": ("Desa/kelurahan", "Village (desa/kelurahan)"),
    "dari": ("Dari", "From"),
    "sampai": ("Sampai", "To"),
    "semua_kecamatan": ("Semua kecamatan", "All districts"),
    "semua_desa": ("Semua desa/kelurahan", "All villages"),
    "url_kec_salah": (
        "Kecamatan \"{nilai}\" pada tautan tidak dikenal di wilayah ini; ditampilkan semua kecamatan.",
        "District \"{nilai}\" in the link is not known in this area; showing all districts.",
    ),
    "url_desa_salah": (
        "Desa \"{nilai}\" pada tautan tidak dikenal di wilayah terpilih; ditampilkan semua desa.",
        "Village \"{nilai}\" in the link is not known in the selected area; showing all villages.",
    ),
    "url_kab_salah": (
        "Kabupaten \"{nilai}\" pada tautan tidak ada di gudang data ini; ditampilkan {nama}.",
        "Regency \"{nilai}\" in the link is not in this warehouse; showing {nama}.",
    ),
    "url_bulan_salah": (
        "Bulan \"{nilai}\" pada tautan (\"{kunci}\") tidak sah atau di luar data ({awal} sampai {akhir}); "
        "dipakai periode bawaan.",
        "Month \"{nilai}\" in the link (\"{kunci}\") is invalid or outside the data ({awal} to {akhir}); "
        "using the default period.",
    ),
    "url_bulan_terbalik": (
        "Pada tautan, bulan \"dari\" ({dari}) jatuh setelah \"sampai\" ({sampai}); dipakai periode bawaan.",
        "In the link, the \"from\" month ({dari}) is after the \"to\" month ({sampai}); using the default period.",
    ),
    "url_bahasa_salah": (
        "Bahasa \"{nilai}\" pada tautan tidak tersedia; dipakai Bahasa Indonesia.",
        "Language \"{nilai}\" in the link is not available; using Bahasa Indonesia.",
    ),
    # Warehouse state
    "gudang_tidak_ada": (
        "Belum ada gudang data di `{jalur}`.",
        "There is no warehouse at `{jalur}` yet.",
    ),
    "gudang_kosong": (
        "Gudang data di `{jalur}` masih kosong (belum ada laporan yang dimuat).",
        "The warehouse at `{jalur}` is still empty (no reports loaded yet).",
    ),
    "gudang_rusak": (
        "Gudang data di `{jalur}` tidak dapat dibaca (berkas rusak atau bukan gudang Pantau).",
        "The warehouse at `{jalur}` cannot be read (damaged file, or not a Pantau warehouse).",
    ),
    "gudang_saran": (
        "Jalankan `pantau demo` untuk membuat data contoh, atau `pantau ingest BERKAS` untuk memuat laporan "
        "Puskesos, lalu muat ulang halaman ini.",
        "Run `pantau demo` to build example data, or `pantau ingest FILE` to load Puskesos reports, "
        "then reload this page.",
    ),
    "galat_halaman": (
        "Halaman ini tidak dapat ditampilkan karena kesalahan tak terduga. Muat ulang halaman; bila masih terjadi, "
        "laporkan ke pengelola Pantau beserta waktu kejadiannya.",
        "This page cannot be shown because of an unexpected error. Reload the page; if it happens again, tell the "
        "Pantau administrator when it happened.",
    ),
    "konfigurasi_salah": ("Konfigurasi Pantau tidak dapat dipakai: {pesan}", "Pantau settings cannot be used: {pesan}"),
    # Freshness line
    "kesegaran": (
        "Data per {tanggal}, {melapor} dari {jumlah} desa melapor",
        "Data as of {tanggal}, {melapor} of {jumlah} villages reporting",
    ),
    "kesegaran_bulan": ("(laporan bulan {bulan})", "(reports for {bulan})"),
    "kesegaran_tanpa_bulan": (
        "Data per {tanggal}; belum ada bulan yang lengkap.",
        "Data as of {tanggal}; no complete month yet.",
    ),
    "kesegaran_bantuan": (
        "Tanggal data = tanggal kirim laporan terakhir yang dimuat. Desa melapor = desa yang mengirim "
        "sekurang-kurangnya satu baris (kasus atau nihil) untuk bulan lengkap terakhir.",
        "Data date = the latest report sending date loaded. Villages reporting = villages that sent at least one row "
        "(a case or a nil report) for the latest complete month.",
    ),
    # Ringkasan
    "ringkasan_judul": ("Ringkasan", "Summary"),
    "periode_dibanding": ("Periode {periode}, dibanding {lalu}", "Period {periode}, compared with {lalu}"),
    "periode_tanpa_pembanding": (
        "Periode {periode} (tanpa periode pembanding: data mulai {awal})",
        "Period {periode} (no comparison period: data start {awal})",
    ),
    "kpi_kasus_baru": ("Kasus baru", "New cases"),
    "kpi_selesai_90": ("Rujukan selesai ≤ 90 hari", "Referrals completed ≤ 90 days"),
    "kpi_tunggakan": ("Tunggakan rujukan", "Overdue referrals"),
    "kpi_puskesos_aktif": ("Puskesos aktif", "Active Puskesos"),
    "tanpa_pembanding": ("tanpa pembanding", "no comparison"),
    "belum_matang": ("belum matang", "not yet mature"),
    "x_dari_y": ("{x} dari {y}", "{x} of {y}"),
    "ket_selesai_90": (
        "{selesai} dari {dikirim} rujukan, kohort {periode}",
        "{selesai} of {dikirim} referrals, cohorts {periode}",
    ),
    "ket_selesai_90_kosong": (
        "tidak ada rujukan pada bulan yang sudah matang",
        "no referrals in the mature months",
    ),
    "ket_belum_matang": (
        "belum ada bulan dalam periode yang berakhir ≥ 90 hari sebelum {tanggal}",
        "no month of the period ended ≥ 90 days before {tanggal}",
    ),
    "ket_tunggakan": (
        "lewat SLA per {tanggal}; {periode} dimulai dalam periode ini",
        "past SLA as of {tanggal}; {periode} started in this period",
    ),
    "ket_kasus_baru": ("laporan nihil dihitung 0", "nil reports count as 0"),
    "ket_puskesos": (
        "per {tanggal}; tersendat {tersendat}, diam {diam}, belum dibentuk {belum}",
        "as of {tanggal}; irregular {tersendat}, silent {diam}, not formed {belum}",
    ),
    "ket_puskesos_desa": ("per {tanggal}; status: {status}", "as of {tanggal}; status: {status}"),
    "definisi": ("Definisi", "Definition"),
    "def_kasus_baru": (
        "**Kasus baru**: kasus berbeda (kode_desa, no_registrasi) dengan `tanggal_lapor` dalam bulan itu; baris "
        "nihil dihitung 0. Angka ini adalah jumlahnya atas bulan-bulan periode terpilih. Perubahan dibanding "
        "periode sebelumnya dengan panjang yang sama.\n\n"
        "> `kasus_baru(desa, bulan)`: distinct (kode_desa, no_registrasi) with `tanggal_lapor` in the month. "
        "Nihil rows count 0. (metrics.md, 1)",
        "**New cases**: summed over the months of the chosen period; the change is against the previous period "
        "of the same length.\n\n"
        "> `kasus_baru(desa, bulan)`: distinct (kode_desa, no_registrasi) with `tanggal_lapor` in the month. "
        "Nihil rows count 0. (metrics.md, 1)",
    ),
    "def_selesai_90": (
        "**Rujukan selesai ≤ 90 hari** (berbasis kohort): rujukan yang dimulai dalam periode dan mencapai status "
        "selesai dengan `tanggal_selesai` ≤ `tanggal_rujuk` + 90 hari, dibagi semua rujukan yang dimulai dalam "
        "periode. Hanya bulan yang sudah matang (berakhir sekurang-kurangnya 90 hari sebelum tanggal data) yang "
        "dihitung; tanpa bulan matang ditulis \"belum matang\". Perubahan dalam poin persen.\n\n"
        "> `selesai_90 = referrals started in period P that reached status selesai with tanggal_selesai <= "
        "tanggal_rujuk + 90 days` / `referrals started in P`. A cohort is shown only once it is mature (P ended at "
        "least 90 days before cutoff). (metrics.md, 2)",
        "**Referrals completed ≤ 90 days** (cohort based), over the mature months of the chosen period; "
        "\"not yet mature\" when none is. The change is in percentage points.\n\n"
        "> `selesai_90 = referrals started in period P that reached status selesai with tanggal_selesai <= "
        "tanggal_rujuk + 90 days` / `referrals started in P`. A cohort is shown only once it is mature (P ended at "
        "least 90 days before cutoff). (metrics.md, 2)",
    ),
    "def_tunggakan": (
        "**Tunggakan rujukan**: rujukan yang masih terbuka (status dikirim, diterima_tujuan atau diproses) dan "
        "umurnya melewati SLA tujuannya per tanggal data, di antara semua rujukan yang dimulai sampai akhir "
        "periode. SLA bawaan 30 hari (UPTD PPA 3, BPJS Kesehatan 45, Perkim 180). Karena semua rujukan "
        "dinilai pada satu tanggal data, angka ini tidak dibandingkan dengan periode sebelumnya; keterangan "
        "menyebut berapa yang dimulai dalam periode terpilih.\n\n"
        "> Overdue (tunggakan): open referrals (status `dikirim`, `diterima_tujuan` or `diproses`) older than the "
        "SLA of their destination as of cutoff. (metrics.md, 2)",
        "**Overdue referrals**: among all referrals started up to the end of the period. Default SLA 30 days "
        "(UPTD PPA 3, BPJS Kesehatan 45, Perkim 180). All referrals are judged at one data date, so this number is "
        "not compared with the previous period; the note says how many were started in the chosen period.\n\n"
        "> Overdue (tunggakan): open referrals (status `dikirim`, `diterima_tujuan` or `diproses`) older than the "
        "SLA of their destination as of cutoff. (metrics.md, 2)",
    ),
    "def_puskesos_aktif": (
        "**Puskesos aktif**: Puskesos yang melapor (kasus atau nihil) pada masing-masing dari 2 bulan terakhir, "
        "per tanggal data. x = desa/kelurahan berstatus aktif; y = semua desa/kelurahan di wilayah terpilih, "
        "termasuk yang belum membentuk Puskesos.\n\n"
        "> Status of a Puskesos as of cutoff: `aktif` (reported in each of the last 2 months), `tersendat` "
        "(reported in 1 of the last 3), `diam` (nothing in the last 3 months), `belum_dibentuk` (no Puskesos). "
        "(metrics.md, 3)",
        "**Active Puskesos**, as of the data date. x = villages whose Puskesos is active; y = all villages of "
        "the selected area, including those without a Puskesos.\n\n"
        "> Status of a Puskesos as of cutoff: `aktif` (reported in each of the last 2 months), `tersendat` "
        "(reported in 1 of the last 3), `diam` (nothing in the last 3 months), `belum_dibentuk` (no Puskesos). "
        "(metrics.md, 3)",
    ),
    "tren_judul": ("Tren bulanan: kasus baru dan rujukan dikirim", "Monthly trend: new cases and referrals sent"),
    "tren_kasus_baru": ("Kasus baru", "New cases"),
    "tren_rujukan_dikirim": ("Rujukan dikirim", "Referrals sent"),
    "tren_sumbu_y": ("Jumlah", "Count"),
    "tren_bulan_berjalan": (
        "Bulan {bulan} belum lengkap (data per {tanggal}); batangnya digambar pucat.",
        "{bulan} is not complete (data as of {tanggal}); its bar is drawn pale.",
    ),
    "tren_alt": (
        "Grafik kasus baru dan rujukan dikirim per bulan, {wilayah}, {periode}",
        "Chart of new cases and referrals sent per month, {wilayah}, {periode}",
    ),
}


def t(kunci: str, bahasa: Bahasa = "id", /, **isian: object) -> str:
    """The label of `kunci` in `bahasa`, with `{placeholders}` filled from `isian`."""
    id_, en = TEKS[kunci]
    teks = en if bahasa == "en" else id_
    return teks.format(**isian) if isian else teks
