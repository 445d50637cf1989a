"""Every label of the app in Bahasa Indonesia (default) and English.

`t(kunci, bahasa, **isian)` returns the label for a key, with `{placeholders}` filled in.
Enum labels (categories, statuses, destinations) are not repeated here: they come from
`pipelines.enums.label`. Definitions follow `metrics.md` (the normative source) but are written for a Dinsos
planner in the page's language: plain sentences, no column, file or section names (`tests/dashboard/test_i18n.py`).
"""

from __future__ import annotations

from bahasa import BAHASA, Bahasa

__all__ = ["BAHASA", "TEKS", "Bahasa", "t"]

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
        "Gudang data ini dibuat oleh perintah demo Pantau: angka-angkanya buatan, bukan laporan Puskesos yang "
        "sebenarnya.",
        "This warehouse was built by Pantau's demo command: its numbers are made up, not real Puskesos reports.",
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
        "Belum ada gudang data di {jalur}.",
        "There is no warehouse at {jalur} yet.",
    ),
    "gudang_kosong": (
        "Gudang data di {jalur} masih kosong (belum ada laporan yang dimuat).",
        "The warehouse at {jalur} is still empty (no reports loaded yet).",
    ),
    "gudang_rusak": (
        "Gudang data di {jalur} tidak dapat dibaca (berkas rusak atau bukan gudang Pantau). Gudang sebelumnya yang "
        "masih baik dapat dipulihkan di server dengan perintah **pantau pulihkan**.",
        "The warehouse at {jalur} cannot be read (damaged file, or not a Pantau warehouse). The previous good "
        "warehouse can be restored on the server with the command **pantau pulihkan**.",
    ),
    "gudang_saran": (
        "Di server, jalankan **pantau demo** untuk membuat data contoh, atau **pantau ingest** diikuti nama berkas "
        "untuk memuat laporan Puskesos, lalu muat ulang halaman ini.",
        "On the server, run **pantau demo** to build example data, or **pantau ingest** followed by the file names "
        "to load Puskesos reports, then reload this page.",
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
        "Data per {tanggal}; belum ada bulan yang sudah jatuh tempo.",
        "Data as of {tanggal}; no month is due yet.",
    ),
    "kesegaran_bantuan": (
        "Tanggal data = tanggal kirim laporan terakhir yang dimuat. Desa melapor = desa yang mengirim "
        "sekurang-kurangnya satu baris (kasus atau nihil) untuk bulan jatuh tempo terakhir: laporan bulan M jatuh "
        "tempo tanggal 10 bulan M+1, jadi bulan yang laporannya masih boleh masuk belum dihitung di sini.",
        "Data date = the latest report sending date loaded. Villages reporting = villages that sent at least one row "
        "(a case or a nil report) for the last due month: the reports for month M are due on day 10 of M+1, so a "
        "month whose reports may still come in is not counted here.",
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
    "ket_kasus_baru_tanpa_kekerasan": ("tanpa kasus sensitif (dilindungi); nihil dihitung 0",
                                       "sensitive cases left out (protected); nil counts as 0"),
    "ket_puskesos": (
        "per {tanggal}; tersendat {tersendat}, diam {diam}, belum dibentuk {belum}",
        "as of {tanggal}; irregular {tersendat}, silent {diam}, not formed {belum}",
    ),
    "ket_puskesos_desa": ("per {tanggal}; status: {status}", "as of {tanggal}; status: {status}"),
    "definisi": ("Definisi", "Definition"),
    "def_kasus_baru": (
        "**Kasus baru**: kasus yang dilaporkan dalam bulan itu, tiap kasus dihitung sekali per desa menurut nomor "
        "registrasinya; laporan nihil dihitung 0. Angka ini adalah jumlahnya atas bulan-bulan periode terpilih, dan "
        "perubahannya dibanding periode sebelumnya yang sama panjang. Di bawah tingkat kabupaten, kasus sensitif "
        "(kekerasan terhadap perempuan atau anak, dan kasus lain yang sasarannya korban kekerasan) tidak ikut "
        "dijumlah di sini (juga di grafik, peta dan tabel), agar jumlahnya tidak dapat dikurangkan untuk mengetahui "
        "angka yang ditampilkan <5.",
        "**New cases**: cases reported in the month, each case counted once per village by its registration number; "
        "nil reports count 0. The number is summed over the months of the chosen period, and its change is against "
        "the previous period of the same length. Below regency level, sensitive cases (violence against women or "
        "children, and other cases whose target is a victim of violence) are left out of this count (and of charts, "
        "maps and tables), so that it cannot be subtracted to find a count shown as <5.",
    ),
    "def_selesai_90": (
        "**Rujukan selesai ≤ 90 hari** (per kohort): rujukan yang dimulai dalam periode dan sudah selesai paling "
        "lambat 90 hari sejak dirujuk, dibagi semua rujukan yang dimulai dalam periode. Hanya bulan yang sudah "
        "matang (berakhir sekurang-kurangnya 90 hari sebelum tanggal data) yang dihitung; tanpa bulan matang ditulis "
        "\"belum matang\". Perubahan dalam poin persen.",
        "**Referrals completed ≤ 90 days** (by cohort): referrals started in the period and completed within 90 days "
        "of being sent, divided by all referrals started in the period. Only mature months count (ended at least 90 "
        "days before the data date); \"not yet mature\" when there is none. The change is in percentage points.",
    ),
    "def_tunggakan": (
        "**Tunggakan rujukan**: rujukan yang masih terbuka (dikirim, diterima tujuan, atau sedang diproses) dan "
        "umurnya melewati batas waktu layanan (SLA) tujuannya per tanggal data, berapa pun umurnya dan kapan pun "
        "rujukan itu dimulai. SLA bawaan 30 hari (UPTD PPA 3, BPJS Kesehatan 45, Perkim 180). Karena semua rujukan "
        "dinilai pada satu tanggal data, angka ini tidak dibandingkan dengan periode sebelumnya; keterangan menyebut "
        "berapa yang dimulai dalam periode terpilih. Rujukan kasus sensitif (kekerasan, rujukan ke UPTD PPA) tidak "
        "dihitung; jumlahnya hanya ditampilkan untuk seluruh kabupaten di halaman Rujukan.",
        "**Overdue referrals**: referrals still open (sent, received by the destination, or in process) and older "
        "than their destination's service deadline (SLA) at the data date, whenever they started. Default SLA "
        "30 days (UPTD PPA 3, BPJS Kesehatan 45, Perkim 180). All referrals are judged at "
        "one data date, so this number is not compared with the previous period; the note says how many were started "
        "in the chosen period. Referrals of sensitive cases (violence, referrals to the UPTD PPA) are not counted; "
        "their number is shown for the whole regency only, on the Referrals page.",
    ),
    "def_puskesos_aktif": (
        "**Puskesos aktif**: Puskesos yang melapor (kasus atau nihil) pada masing-masing dari 2 bulan terakhir, per "
        "tanggal data. Angka pertama: desa/kelurahan yang Puskesosnya aktif; angka kedua: semua desa/kelurahan di "
        "wilayah terpilih, termasuk yang belum membentuk Puskesos.",
        "**Active Puskesos**: a Puskesos that reported (cases or nil) in each of the last 2 months, as of the data "
        "date. First number: villages whose Puskesos is active; second: all villages of the selected area, including "
        "those without a Puskesos.",
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
    # Profil desa, Rapat kecamatan, "Perlu perhatian", downloads (profil/rapat/unduhan components; prefix pr_)
    "pr_kasus_sensitif": ("kasus sensitif", "sensitive case"),
    "pr_ya": ("ya", "yes"),
    "pr_tidak": ("tidak", "no"),
    "pr_belum_pernah": ("belum pernah", "never"),
    "pr_lanjutan": ("(lanjutan)", "(continued)"),
    "pr_kol_no": ("No", "No"),
    "pr_kol_desa": ("Desa", "Village"),
    "pr_kol_kecamatan": ("Kecamatan", "District"),
    "pr_kol_puskesos": ("Puskesos", "Puskesos"),
    "pr_kol_alasan": ("Alasan", "Reason"),
    "pr_kol_tujuan": ("Tujuan rujukan", "Destination"),
    "pr_kol_kasus_baru": ("Kasus baru", "New cases"),
    "pr_kol_selesai_90": ("Selesai ≤ 90 hari", "Completed ≤ 90 days"),
    "pr_kol_tunggakan": ("Tunggakan", "Overdue"),
    "pr_kol_tanpa_respon": ("Tanpa respon", "No response"),
    "pr_kol_kelengkapan": ("Kelengkapan", "Completeness"),
    "pr_kol_terbuka": ("Terbuka", "Open"),
    "pr_kol_lewat_sla": ("Lewat SLA", "Past SLA"),
    "pr_kol_tanpa_respon_14": ("Tanpa respon > 14 hari", "No response > 14 days"),
    "pr_kol_desa_terlambat": ("Desa terdampak", "Villages affected"),
    "pr_kol_tertua": ("Tertua (hari)", "Oldest (days)"),
    "pr_kol_id_kasus": ("ID kasus", "Case ID"),
    "pr_kol_kategori": ("Kategori", "Category"),
    "pr_kol_mulai": ("Mulai", "Started"),
    "pr_kol_umur": ("Umur (hari)", "Age (days)"),
    "pr_kol_sla": ("SLA (hari)", "SLA (days)"),
    "pr_kol_status": ("Status", "Status"),
    "pr_kol_lapor_terakhir": ("Laporan terakhir", "Last report"),
    "pr_kol_lapor_3": ("Melapor, 3 bulan terakhir", "Reported, last 3 months"),
    "pr_kol_diam_sejak": ("Tidak melapor sejak", "Silent since"),
    "pr_kol_lapor_periode": ("Melapor {periode}", "Reported {periode}"),
    "pr_kol_jumlah": ("Jumlah", "Total"),
    "pr_kol_tren_kasus": ("Kasus/bln", "Cases/mo"),
    "pr_kol_tren_selesai": ("Selesai/bln", "Completed/mo"),
    "pr_kol_tren_tunggakan": ("Tunggakan/bln", "Overdue/mo"),
    "pr_kol_tren_lapor": ("Lapor/bln", "Reports/mo"),
    "pr_bantu_tren_kasus": ("Kasus baru tiap bulan dalam periode terpilih.", "New cases in each month of the period."),
    "pr_bantu_tren_selesai": (
        "Persen rujukan selesai ≤ 90 hari menurut bulan mulai, hanya bulan matang yang ada rujukannya (bulan lain "
        "dilewati).",
        "Share of referrals completed ≤ 90 days by start month, mature months with referrals only (others are "
        "skipped).",
    ),
    "pr_bantu_tren_tunggakan": (
        "Rujukan yang lewat SLA per tanggal data, menurut bulan dimulainya (bulan dalam periode).",
        "Referrals past their SLA as of the data date, by the month they started (months of the period).",
    ),
    "pr_bantu_tren_lapor": (
        "1 = desa mengirim laporan (kasus atau nihil) untuk bulan itu, 0 = tidak.",
        "1 = the village sent a report (cases or nil) for that month, 0 = it did not.",
    ),
    "pr_bantu_kasus_baru": (
        "Kasus baru: kasus yang dilaporkan dalam bulan itu, tiap kasus dihitung sekali, dijumlah atas periode; "
        "laporan nihil dihitung 0.",
        "New cases: cases reported in the month, each counted once, summed over the period; nil reports count 0.",
    ),
    "pr_bantu_selesai_90": (
        "Selesai ≤ 90 hari: rujukan yang dimulai pada bulan-bulan periode yang sudah matang dan selesai paling "
        "lambat 90 hari sejak dimulai, dibagi semua rujukan yang dimulai pada bulan-bulan itu. Bulan yang belum "
        "berakhir 90 hari sebelum tanggal data belum dihitung.",
        "Completed ≤ 90 days: referrals started in the mature months of the period and completed within 90 days of "
        "their start, divided by all referrals started in those months. Months that had not ended 90 days before the "
        "data date are not counted yet.",
    ),
    "pr_bantu_tunggakan": (
        "Tunggakan: rujukan yang masih terbuka (dikirim, diterima tujuan, atau sedang diproses) dan umurnya melewati "
        "batas waktu layanan (SLA) tujuannya per tanggal data, kapan pun dimulainya.",
        "Overdue: referrals still open (sent, received by the destination, or in process) and older than their "
        "destination's service deadline (SLA) at the data date, whenever they were started.",
    ),
    "pr_bantu_tanpa_respon": (
        "Tanpa respon: rujukan yang sudah dikirim tetapi belum pernah dijawab tujuannya, berumur lebih dari 14 hari "
        "per tanggal data.",
        "No response: referrals sent but never answered by the destination, older than 14 days at the data date.",
    ),
    "pr_bantu_kelengkapan": (
        "Kelengkapan: bulan yang dilaporkan (kasus atau nihil) dibagi bulan wajib lapor dalam periode.",
        "Completeness: months reported (cases or nil) divided by the months a report was due in the period.",
    ),
    "pr_bantu_puskesos": (
        "Status Puskesos per tanggal data, dari laporan yang diterima: aktif (melapor pada masing-masing dari 2 "
        "bulan terakhir), tersendat (melapor pada 1 dari 3 bulan terakhir), diam (tidak melapor selama 3 bulan "
        "terakhir), belum dibentuk (desa belum punya Puskesos).",
        "Puskesos status at the data date, from the reports received: active (reported in each of the last 2 "
        "months), irregular (reported in 1 of the last 3), silent (nothing in the last 3 months), not yet formed "
        "(the village has no Puskesos).",
    ),
    "alasan_terlambat": ("{n} rujukan lewat SLA", "{n} referral(s) past SLA"),
    "alasan_tanpa_respon": ("{n} tanpa respon", "{n} with no response"),
    "alasan_tertua": ("(tertua {hari} hari)", "(oldest {hari} days)"),
    "alasan_hanya_tanpa_respon": ("{n} rujukan tanpa respon > 14 hari", "{n} referral(s) with no response > 14 days"),
    "alasan_diam": (
        "tidak melapor {n} bulan terakhir (sejak {sejak})",
        "no report in the last {n} month(s) (since {sejak})",
    ),
    "alasan_tidak_lapor": (
        "tidak melapor {n} dari {dari} bulan terakhir",
        "no report in {n} of the last {dari} months",
    ),
    "alasan_tujuan_terlambat": (
        "{n} rujukan lewat SLA di {desa} desa",
        "{n} referral(s) past SLA in {desa} village(s)",
    ),
    "perhatian_judul": ("Perlu perhatian", "Needs attention"),
    "perhatian_per": (
        "Per {tanggal}: desa dan tujuan rujukan yang paling tertinggal, dengan alasannya.",
        "As of {tanggal}: the villages and referral destinations furthest behind, with the reason.",
    ),
    "perhatian_lingkup_desa": ("Kec. {kec} (kecamatan desa terpilih)", "{kec} district (the selected village's)"),
    "perhatian_desa_judul": ("{n} desa paling tertinggal", "{n} villages furthest behind"),
    "perhatian_desa_kosong": (
        "Tidak ada desa dengan rujukan lewat SLA, rujukan tanpa respon, atau bulan tanpa laporan.",
        "No village has referrals past SLA, unanswered referrals, or months without a report.",
    ),
    "perhatian_tujuan_judul": ("{n} tujuan rujukan paling tertinggal", "{n} destinations furthest behind"),
    "perhatian_tujuan_kosong": (
        "Tidak ada tujuan rujukan dengan rujukan lewat SLA atau tanpa respon.",
        "No destination has referrals past SLA or unanswered.",
    ),
    "pr_def_perlu_perhatian": (
        "**Perlu perhatian** dihitung per tanggal data, tidak bergantung pada periode terpilih.\n\n**Desa**: skor = "
        "rujukan lewat SLA + rujukan tanpa respon + 10 × bulan wajib lapor tanpa laporan (dari 3 bulan penuh "
        "terakhir sebelum bulan tanggal data). Satu rujukan lewat SLA = satu tindak lanjut; rujukan yang sama sekali "
        "belum dijawab setelah 14 hari = satu lagi; satu bulan tanpa laporan setara sebulan kerja desa (10), karena "
        "Puskesos yang diam menyembunyikan rujukannya dari semua angka lain. Urutan: skor terbesar, lalu rujukan "
        "lewat SLA tertua, lalu diam terlama. Desa dengan skor 0 tidak dicantumkan. Bila satu desa dipilih, daftar "
        "ini untuk kecamatannya.\n\n**Tujuan rujukan**: skor = rujukan lewat SLA + rujukan tanpa respon; urutan: "
        "skor, lalu rujukan lewat SLA tertua.",
        "**Needs attention** is computed as of the data date, whatever the chosen period.\n\n**Villages**: score = "
        "referrals past SLA + unanswered referrals + 10 × months a report was due but none came (of the last 3 full "
        "months before the data date's month). A referral past SLA is one follow-up; one never answered after 14 "
        "days is one more; a month without a report weighs a month of a village's work (10), because a silent "
        "Puskesos hides its referrals from every other count. Order: highest score, then the oldest overdue "
        "referral, then the longest silence. Villages scoring 0 are not listed. With one village selected, the list "
        "is for its district.\n\n**Destinations**: score = referrals past SLA + unanswered referrals; order: score, "
        "then the oldest overdue referral.",
    ),
    "rapat_judul": ("Rapat kecamatan", "District meeting"),
    "rapat_pilih_kec_info": (
        "Pilih satu kecamatan untuk melihat semua desanya berdampingan dan agenda rapatnya.",
        "Choose a district to see all its villages side by side and its meeting agenda.",
    ),
    "rapat_pilih_kec": ("Pilih kecamatan", "Choose a district"),
    "rapat_desa_judul": ("Semua desa berdampingan", "All villages side by side"),
    "rapat_desa_catatan": (
        "Kasus baru, selesai ≤ 90 hari (bulan matang saja) dan kelengkapan: periode terpilih. Tunggakan dan tanpa "
        "respon: rujukan terbuka per tanggal data.",
        "New cases, completed ≤ 90 days (mature months only) and completeness: the chosen period. Overdue and no "
        "response: open referrals as of the data date.",
    ),
    "rapat_tujuan_judul": ("Tunggakan per tujuan rujukan", "Overdue referrals by destination"),
    "rapat_terlambat_judul": (
        "Rujukan lewat SLA, per tujuan dan desa",
        "Referrals past SLA, by destination and village",
    ),
    "rapat_terlambat_catatan": (
        "ID kasus adalah pseudonim. Kasus sensitif (kekerasan, korban kekerasan, rujukan ke UPTD PPA) tidak didaftar "
        "dan tidak dihitung di sini. Umur dihitung sampai tanggal data.",
        "Case IDs are pseudonyms. Sensitive cases (violence, victims of violence, referrals to the UPTD PPA) are "
        "neither listed nor counted here. Age is counted to the data date.",
    ),
    "rapat_terlambat_kosong": (
        "Tidak ada rujukan yang lewat SLA per tanggal data.",
        "No referral is past its SLA as of the data date.",
    ),
    "rapat_diam_judul": ("Puskesos diam dan tersendat", "Silent and irregular Puskesos"),
    "rapat_diam_catatan": (
        "Per tanggal data, atas 3 bulan jatuh tempo terakhir (bulan yang laporannya belum jatuh tempo tidak "
        "dihitung). Diam: tidak melapor dalam ketiganya; tersendat: melapor, tetapi tidak pada masing-masing dari 2 "
        "bulan jatuh tempo terakhir.",
        "As of the data date, over the last 3 due months (a month whose reports are not yet due is not counted). "
        "Silent: no report in any of them; irregular: reported, but not in each of the last 2 due months.",
    ),
    "rapat_diam_kosong": (
        "Semua Puskesos yang sudah dibentuk melapor teratur.",
        "Every Puskesos that has been formed reports regularly.",
    ),
    "rapat_turun_judul": ("Desa dengan pelaporan menurun", "Villages whose reporting fell"),
    "rapat_turun_catatan": (
        "Kelengkapan = bulan yang dilaporkan / bulan wajib lapor; 3 bulan jatuh tempo terakhir dibanding 3 bulan "
        "sebelumnya.",
        "Completeness = months reported / months due; the last 3 due months against the 3 before.",
    ),
    "rapat_turun_kosong": (
        "Tidak ada desa yang kelengkapan laporannya menurun.",
        "No village's reporting completeness fell.",
    ),
    "pr_lembar_info": ("Info", "Info"),
    "pr_lembar_desa": ("Desa", "Villages"),
    "pr_lembar_tujuan": ("Per tujuan", "By destination"),
    "pr_lembar_terlambat": ("Rujukan lewat SLA", "Past SLA"),
    "pr_lembar_diam": ("Puskesos diam", "Silent Puskesos"),
    "pr_lembar_turun": ("Pelaporan turun", "Reporting fell"),
    "agenda_judul": ("Agenda rapat koordinasi", "Coordination meeting agenda"),
    "agenda_per": (
        "Rujukan yang tertinggal dan Puskesos yang tidak teratur melapor, per {tanggal}.",
        "Referrals behind and Puskesos not reporting regularly, as of {tanggal}.",
    ),
    "pr_cakupan_nanti": (
        "Cakupan program (PKH, Sembako, PBI-JK) per desa menyusul bersama data program; belum ada angkanya di sini.",
        "Program coverage (PKH, Sembako, PBI-JK) per village comes with the program data; no figures here yet.",
    ),
    "profil_judul": ("Profil desa", "Village profile"),
    "profil_pilih_info": (
        "Pilih satu desa di {wilayah} untuk melihat profilnya (atau pilih desa di bilah filter).",
        "Choose a village in {wilayah} to see its profile (or choose one in the filter bar).",
    ),
    "profil_pilih_desa": ("Pilih desa", "Choose a village"),
    "profil_puskesos_judul": ("Puskesos: status dan register", "Puskesos: status and register"),
    "reg_status_pantau": ("Status per {tanggal}", "Status as of {tanggal}"),
    "reg_lapor_terakhir": ("Laporan terakhir", "Last report"),
    "reg_lapor_3": ("Melapor dalam 3 bulan terakhir", "Reported in the last 3 months"),
    "reg_register": ("Register", "Register"),
    "reg_tidak_ada": ("belum tercatat di register Puskesos", "not in the Puskesos register"),
    "reg_sk": ("SK pembentukan", "Founding decree (SK)"),
    "reg_sk_isi": ("{nomor}, {tanggal}", "{nomor}, {tanggal}"),
    "reg_ketua": ("Ketua terlatih", "Trained chair"),
    "reg_anggaran": ("Anggaran", "Budget"),
    "profil_kategori_judul": ("Kasus baru per kategori dan bulan", "New cases by category and month"),
    "profil_kategori_kosong": ("Tidak ada kasus baru dalam {periode}.", "No new cases in {periode}."),
    "profil_kategori_catatan": (
        "Kasus sensitif tidak dihitung dalam kategori lain: kekerasan (terhadap perempuan, terhadap anak) punya "
        "barisnya sendiri, ditulis <5 bila berjumlah 1-4 di bawah tingkat kabupaten; kasus lain yang sasarannya "
        "korban kekerasan hanya dihitung untuk seluruh kabupaten. Baris jumlah memuat kasus yang tidak sensitif, "
        "agar angka yang disembunyikan tidak dapat dihitung balik.",
        "Sensitive cases are not counted in other categories: violence (against women, against children) has its "
        "own rows, written <5 when 1-4 below regency level; other cases whose target is a victim of violence are "
        "counted for the whole regency only. The total row holds the cases that are not sensitive, so that hidden "
        "counts cannot be worked out by subtraction.",
    ),
    "pr_total_bukan_sensitif": ("Jumlah kasus tidak sensitif", "Total of non-sensitive cases"),
    "pr_sensitif_lain": ("Korban kekerasan, kategori lain", "Victims of violence, other categories"),
    "profil_corong_judul": ("Rujukan yang dimulai {periode}", "Referrals started {periode}"),
    "profil_corong_kosong": (
        "Tidak ada rujukan yang dimulai dalam periode ini.",
        "No referral started in this period.",
    ),
    "profil_corong_alt": (
        "Rujukan {wilayah}, {periode}: dikirim, direspon, selesai, ditolak",
        "Referrals of {wilayah}, {periode}: sent, responded, completed, rejected",
    ),
    "pr_corong_dikirim": ("Dikirim", "Sent"),
    "pr_corong_direspon": ("Direspon", "Responded"),
    "pr_corong_selesai": ("Selesai", "Completed"),
    "pr_corong_ditolak": ("Ditolak", "Rejected"),
    "pr_corong_ket": (
        "Per tanggal data: {terbuka} masih terbuka, {terlambat} lewat SLA, {tanpa} tanpa respon > 14 hari.",
        "As of the data date: {terbuka} still open, {terlambat} past SLA, {tanpa} with no response > 14 days.",
    ),
    "pr_corong_ket_90": (
        "Selesai ≤ 90 hari (bulan matang): {selesai} dari {dikirim} ({persen}).",
        "Completed ≤ 90 days (mature months): {selesai} of {dikirim} ({persen}).",
    ),
    "profil_lapor_judul": ("Riwayat laporan 12 bulan", "Reporting over 12 months"),
    "pr_lapor_tepat_waktu": ("Tepat waktu", "On time"),
    "pr_lapor_terlambat": ("Terlambat", "Late"),
    "pr_lapor_nihil": ("Nihil", "Nil"),
    "pr_lapor_tidak_melapor": ("Tidak melapor", "Silent"),
    "pr_lapor_belum_wajib": ("Belum wajib", "Not due"),
    "pr_lapor_tanpa_data": ("Tanpa data", "No data"),
    "profil_peringkat_judul": ("Peringkat di kecamatan", "Rank in the district"),
    "pr_peringkat_selesai": (
        "Selesai ≤ 90 hari: peringkat {n} dari {dari} desa di Kec. {kec} ({nilai})",
        "Completed ≤ 90 days: rank {n} of {dari} villages in {kec} ({nilai})",
    ),
    "pr_peringkat_selesai_tidak": (
        "Selesai ≤ 90 hari: tidak diperingkat (tidak ada rujukan pada bulan matang periode ini)",
        "Completed ≤ 90 days: not ranked (no referrals in the mature months of this period)",
    ),
    "pr_peringkat_tunggakan": (
        "Tunggakan: peringkat {n} dari {dari} desa yang melapor di Kec. {kec} ({nilai} lewat SLA; sedikit = baik)",
        "Overdue: rank {n} of {dari} reporting villages in {kec} ({nilai} past SLA; fewer is better)",
    ),
    "pr_peringkat_tunggakan_tidak": (
        "Tunggakan: tidak diperingkat (Puskesos tidak aktif melapor)",
        "Overdue: not ranked (the Puskesos does not report)",
    ),
    "profil_kualitas_judul": ("Kualitas data", "Data quality"),
    "profil_kualitas_ket": (
        "{berkas} berkas memuat desa ini ({dimuat} baris dimuat). Dikarantina: {karantina_desa} baris yang menyebut "
        "desa ini ({karantina_berkas} di berkas-berkas itu). Peringatan: {peringatan_desa} pada baris desa ini "
        "({peringatan_berkas} di berkas-berkas itu).",
        "{berkas} file(s) touched this village ({dimuat} rows loaded). Quarantined: {karantina_desa} row(s) naming "
        "it ({karantina_berkas} in those files). Warnings: {peringatan_desa} on its rows ({peringatan_berkas} in "
        "those files).",
    ),
    "pr_def_peringkat": (
        "**Peringkat** di antara desa sekecamatan; 1 = terbaik, nilai sama berbagi peringkat. Selesai ≤ 90 hari: "
        "periode terpilih, bulan matang saja, hanya desa yang punya rujukan pada bulan matang. Tunggakan: rujukan "
        "lewat SLA per tanggal data, hanya desa yang Puskesosnya aktif atau tersendat (desa yang diam tidak punya "
        "laporan untuk dinilai).",
        "**Rank** among the villages of the district; 1 = best, equal values share a rank. Completed ≤ 90 days: the "
        "chosen period, mature months only, villages with referrals in them only. Overdue: referrals past SLA as "
        "of the data date, villages whose Puskesos is active or irregular only (a silent one has no reports to "
        "judge).",
    ),
    "pr_def_kualitas_desa": (
        "**Kualitas data**: berkas yang memuat desa ini = berkas dengan baris desa ini yang dimuat, atau baris "
        "karantina yang menyebut kode desa ini atau namanya di kecamatannya. Rincian per berkas dan alasannya ada di "
        "halaman Kualitas data.",
        "**Data quality**: files that touched this village = files with a loaded row of it, or a quarantined row "
        "naming its code, or its name within its district. Details per file and reason are on the Data quality "
        "page.",
    ),
    "pr_dibuat_pada": ("Dibuat {tanggal} pukul {jam}", "Made {tanggal} at {jam}"),
    "pr_periode_dokumen": ("Periode {periode}", "Period {periode}"),
    "pr_data_sintetis_dokumen": (
        "angka dalam dokumen ini dibuat oleh perintah demo Pantau, bukan laporan Puskesos yang sebenarnya.",
        "the numbers in this document were made by Pantau's demo command, not real Puskesos reports.",
    ),
    "pr_halaman_dari": ("Halaman {n} dari {total}", "Page {n} of {total}"),
    "unduh_agenda_pdf": ("Unduh agenda rapat (PDF)", "Download meeting agenda (PDF)"),
    "unduh_agenda_xlsx": ("Unduh agenda rapat (XLSX)", "Download meeting agenda (XLSX)"),
    "bahan_judul": ("Bahan rapat", "Briefing pack"),
    "bahan_angka_utama": ("Angka utama", "Key numbers"),
    "unduh_bahan_judul": ("Unduh bahan rapat", "Download briefing pack"),
    "pr_siapkan_bahan": ("Siapkan bahan rapat", "Prepare briefing pack"),
    "pr_menyiapkan_bahan": (
        "Menyiapkan bahan rapat (grafik dan dokumen)…",
        "Preparing the briefing pack (charts and documents)…",
    ),
    "unduh_bahan_pdf": ("Unduh bahan rapat (PDF)", "Download briefing pack (PDF)"),
    "unduh_bahan_pptx": ("Unduh bahan rapat (PPTX)", "Download briefing pack (PPTX)"),
    "bahan_ket": (
        "PDF dan PPTX berisi angka utama, grafik tren dan daftar \"Perlu perhatian\" halaman ini untuk wilayah dan "
        "periode terpilih; menyiapkannya butuh beberapa detik.",
        "PDF and PPTX with this page's key numbers, trend chart and \"Needs attention\" lists for the chosen area "
        "and period; preparing them takes a few seconds.",
    ),
    "unggah_judul": ("Unggah data", "Upload data"),
}


def t(kunci: str, bahasa: Bahasa = "id", /, **isian: object) -> str:
    """The label of `kunci` in `bahasa`, with `{placeholders}` filled from `isian`."""
    id_, en = TEKS[kunci]
    teks = en if bahasa == "en" else id_
    return teks.format(**isian) if isian else teks


# Peta (screens.md page 2). The definitions quote metrics.md.
TEKS.update({
    "peta_judul": ("Peta", "Map"),
    "peta_metrik": ("Metrik", "Metric"),
    "peta_kelas": ("Kelas", "Classes"),
    "peta_kelas_kuantil": ("Kuantil", "Quantiles"),
    "peta_kelas_tetap": ("Batas tetap", "Fixed breaks"),
    "peta_m_kasus_baru": ("Kasus baru", "New cases"),
    "peta_m_kasus_per_1000": ("Kasus per 1.000 penduduk", "Cases per 1,000 residents"),
    "peta_m_selesai_90": ("Rujukan selesai ≤ 90 hari", "Referrals completed ≤ 90 days"),
    "peta_m_tunggakan": ("Tunggakan rujukan", "Overdue referrals"),
    "peta_m_tanpa_respon": ("Rujukan tanpa respon", "Referrals without response"),
    "peta_m_kelengkapan": ("Kelengkapan laporan", "Reporting completeness"),
    "peta_m_status_puskesos": ("Status Puskesos", "Puskesos status"),
    "peta_diam": ("Diam (3 bulan terakhir tanpa laporan)", "Silent (no report in the last 3 months)"),
    "peta_tanpa_data": ("Tidak ada data", "No data"),
    "peta_n_desa": ("{n} desa", "{n} villages"),
    "peta_kelas_catatan": (
        "Kelas dihitung atas seluruh {kab}. Klik desa untuk {aksi}.",
        "Classes are computed over the whole of {kab}. Click a village to {aksi}.",
    ),
    "peta_aksi_profil": ("membuka profilnya", "open its profile"),
    "peta_aksi_pilih": ("memilihnya di filter", "select it in the filter"),
    "peta_sumber_batas": (
        "Batas desa: {berkas} (diimpor {tanggal}); {ada} dari {jumlah} desa punya poligon.",
        "Village boundaries: {berkas} (imported {tanggal}); {ada} of {jumlah} villages have a polygon.",
    ),
    "peta_tanpa_batas": (
        "Belum ada batas desa resmi di gudang data ini, jadi peta petak dipakai: satu kotak sama besar per desa, "
        "dikelompokkan per kecamatan. Untuk peta wilayah yang sebenarnya, impor berkas batas desa dari BIG atau "
        "Bappeda (GeoJSON, GeoPackage, Shapefile atau .zip-nya) di server dengan perintah **pantau batas BERKAS**.",
        "This warehouse has no official village boundaries yet, so a tile map is shown: one equal square per "
        "village, grouped by district. For the real map, import the village boundary file from BIG or Bappeda "
        "(GeoJSON, GeoPackage, Shapefile or its .zip) on the server with the command **pantau batas FILE**.",
    ),
    "peta_belum_matang": (
        "Belum ada bulan dalam periode yang sudah matang (berakhir ≥ 90 hari sebelum {tanggal}); pilih periode "
        "yang lebih awal untuk metrik ini.",
        "No month of the period is mature yet (ended ≥ 90 days before {tanggal}); choose an earlier period for "
        "this metric.",
    ),
    "peta_alt": (
        "Peta {metrik} per desa, {wilayah}, {periode}",
        "Map of {metrik} by village, {wilayah}, {periode}",
    ),
    "peta_h_kec": ("Kec. {kec}", "{kec} district"),
    "peta_h_kasus_baru": ("Kasus baru: {nilai} (dalam {bulan} bulan)", "New cases: {nilai} (in {bulan} months)"),
    "peta_h_kasus_per_1000": (
        "Kasus per 1.000 penduduk: {nilai} ({kasus} kasus; penduduk {penduduk}, tahun {tahun})",
        "Cases per 1,000 residents: {nilai} ({kasus} cases; population {penduduk}, year {tahun})",
    ),
    "peta_h_penduduk_kosong": (
        "Kasus per 1.000 penduduk: jumlah penduduk tidak diketahui ({kasus} kasus)",
        "Cases per 1,000 residents: population unknown ({kasus} cases)",
    ),
    "peta_h_selesai_90": (
        "Rujukan selesai ≤ 90 hari: {nilai} ({selesai} dari {dikirim}, kohort {periode})",
        "Referrals completed ≤ 90 days: {nilai} ({selesai} of {dikirim}, cohorts {periode})",
    ),
    "peta_h_selesai_90_kosong": (
        "Rujukan selesai ≤ 90 hari: tidak ada rujukan pada bulan yang sudah matang",
        "Referrals completed ≤ 90 days: no referrals in the mature months",
    ),
    "peta_h_belum_matang": ("Rujukan selesai ≤ 90 hari: belum matang", "Referrals completed ≤ 90 days: not mature"),
    "peta_h_tunggakan": ("Tunggakan rujukan: {nilai} (per {tanggal})", "Overdue referrals: {nilai} (as of {tanggal})"),
    "peta_h_tanpa_respon": (
        "Rujukan tanpa respon > 14 hari: {nilai} (per {tanggal})",
        "Referrals without response > 14 days: {nilai} (as of {tanggal})",
    ),
    "peta_h_kelengkapan": (
        "Kelengkapan laporan: {nilai} ({melapor} dari {diharapkan} bulan)",
        "Reporting completeness: {nilai} ({melapor} of {diharapkan} months)",
    ),
    "peta_h_kelengkapan_kosong": (
        "Kelengkapan laporan: belum diharapkan melapor",
        "Reporting completeness: not yet expected to report",
    ),
    "peta_h_diam": ("Diam: tidak ada laporan {rentang}", "Silent: no report for {rentang}"),
    "peta_h_belum_melapor": ("Belum pernah melapor sampai {bulan}", "No report at all up to {bulan}"),
    "peta_h_puskesos": ("Puskesos: {status} (per {tanggal})", "Puskesos: {status} (as of {tanggal})"),
    "def_peta_umum": (
        "Warna **Diam**: desa yang diharapkan melapor (Puskesos dibentuk, atau pernah melapor) dalam 3 bulan "
        "terakhir periode tetapi tidak mengirim satu baris pun (kasus atau nihil) untuk bulan-bulan itu, seperti "
        "status Puskesos \"diam\" dihitung pada akhir periode; diam tidak sama dengan nol, dan angkanya tetap "
        "ada di keterangan saat kursor di atas desa. **Tidak ada data**: desa "
        "yang belum pernah melapor sampai akhir periode, atau metriknya tidak terdefinisi (tanpa rujukan pada "
        "bulan matang, penduduk tidak diketahui). Kuantil: jumlah desa sama per kelas (untuk hitungan, 0 kelas "
        "tersendiri); batas tetap: batas yang sama untuk setiap periode.",
        "**Silent**: a village expected to report (Puskesos formed, or it has reported before) in the last 3 "
        "months of the period that sent not a single row (case or nil) for them, like the Puskesos status "
        "\"diam\" taken at the end of the period; silent is not zero, and its numbers stay in the hover box. "
        "**No data**: a village that never reported up to "
        "the end of the period, or where the metric is undefined (no referral in mature months, population "
        "unknown). Quantiles: equal numbers of villages per class (for counts 0 is a class of its own); fixed "
        "breaks: the same breaks for every period.",
    ),
    "def_peta_kasus_baru": (
        "**Kasus baru**: kasus yang dilaporkan, tiap kasus dihitung sekali; jumlah atas bulan-bulan periode "
        "terpilih. Laporan nihil dihitung 0.",
        "**New cases**: cases reported, each counted once; summed over the months of the chosen period. Nil reports "
        "count 0.",
    ),
    "def_peta_kasus_per_1000": (
        "**Kasus per 1.000 penduduk**: kasus baru dalam periode dibagi penduduk desa (data penduduk tahun terakhir "
        "sampai bulan akhir periode), dikali 1.000. Hanya untuk desa yang jumlah penduduknya sudah dimuat.",
        "**Cases per 1,000 residents**: new cases in the period divided by the village population (the latest year "
        "up to the period's last month), times 1,000. Only where the population has been loaded.",
    ),
    "def_peta_selesai_90": (
        "**Rujukan selesai ≤ 90 hari** (per kohort): rujukan yang selesai paling lambat 90 hari sejak dirujuk, "
        "dibagi semua rujukan yang dimulai, atas bulan periode yang sudah matang (berakhir sekurang-kurangnya 90 "
        "hari sebelum tanggal data).",
        "**Referrals completed ≤ 90 days** (by cohort): referrals completed within 90 days of being sent, divided by "
        "all referrals started, over the mature months of the period (ended at least 90 days before the data date).",
    ),
    "def_peta_tunggakan": (
        "**Tunggakan rujukan**: rujukan terbuka yang umurnya melewati SLA tujuannya per tanggal data, kapan pun "
        "rujukan itu dimulai (SLA bawaan 30 hari; UPTD PPA 3, BPJS Kesehatan 45, Perkim 180).",
        "**Overdue referrals**: open referrals past the SLA of their destination at the data date, whenever they "
        "started (default SLA 30 days; UPTD PPA 3, BPJS Kesehatan 45, Perkim 180).",
    ),
    "def_peta_tanpa_respon": (
        "**Rujukan tanpa respon**: rujukan yang sudah dikirim tetapi belum pernah dijawab tujuannya dan berumur "
        "lebih dari 14 hari per tanggal data, kapan pun rujukan itu dimulai.",
        "**Referrals without response**: referrals sent but never answered by the destination and older than 14 "
        "days at the data date, whenever they started.",
    ),
    "def_peta_kelengkapan": (
        "**Kelengkapan laporan**: bulan yang dilaporkan dibagi bulan yang diharapkan dalam periode. Sebuah Puskesos "
        "diharapkan melapor mulai bulan setelah SK-nya (atau laporan pertamanya) sampai bulan sebelum tanggal data.",
        "**Reporting completeness**: months reported divided by months expected in the period. A Puskesos is "
        "expected to report from the month after its SK (or its first report) to the month before the data date.",
    ),
    "def_peta_status_puskesos": (
        "**Status Puskesos** per tanggal data (tidak bergantung pada periode): aktif (melapor pada masing-masing "
        "dari 2 bulan terakhir), tersendat (melapor pada 1 dari 3 bulan terakhir), diam (tidak melapor selama 3 "
        "bulan terakhir), belum dibentuk.",
        "**Puskesos status** at the data date (independent of the period): active (reported in each of the last 2 "
        "months), irregular (reported in 1 of the last 3), silent (nothing in the last 3 months), not yet formed.",
    ),
})


# Rujukan (screens.md page 5) and Kualitas data (page 8). The definitions quote metrics.md sections 2, 3 and 6.
TEKS.update({
    # Rujukan (screens.md page 5; definitions quote metrics.md section 2)
    "rujukan_subjudul": (
        "Rujukan yang dimulai {periode}, keadaan per {tanggal}",
        "Referrals started {periode}, as of {tanggal}",
    ),
    "rujukan_kosong_periode": (
        "Tidak ada rujukan yang dimulai dalam periode dan wilayah terpilih. Pilih periode lain atau wilayah yang "
        "lebih luas pada bilah filter.",
        "No referral was started in the chosen period and area. Choose another period or a wider area in the "
        "filter bar.",
    ),
    "rujukan_kosong": ("Tidak ada rujukan.", "No referrals."),
    "rujukan_bagian_corong": ("Corong rujukan", "Referral funnel"),
    "rujukan_corong_judul": ("Dikirim → direspon → selesai / ditolak", "Sent → responded → completed / rejected"),
    "rujukan_tahap_dikirim": ("Dikirim", "Sent"),
    "rujukan_tahap_direspon": ("Direspon", "Responded"),
    "rujukan_tahap_selesai": ("Selesai", "Completed"),
    "rujukan_tahap_ditolak": ("Ditolak", "Rejected"),
    "rujukan_corong_terbuka": (
        "{terbuka} masih terbuka: {terlambat} lewat SLA, {tanpa} tanpa respon > 14 hari",
        "{terbuka} still open: {terlambat} past SLA, {tanpa} without response > 14 days",
    ),
    "rujukan_alt_corong": (
        "Grafik corong rujukan (dikirim, direspon, selesai, ditolak), {wilayah}",
        "Referral funnel chart (sent, responded, completed, rejected), {wilayah}",
    ),
    "rujukan_def_corong": (
        "**Corong rujukan**: rujukan yang *dimulai* dalam periode terpilih (menurut tanggal rujuk, atau tanggal "
        "lapor bila tanggal rujuk kosong), dengan keadaannya per tanggal data. **Direspon** = tujuan sudah menjawab "
        "(menerima, memproses, menyelesaikan atau menolak); **selesai** = layanan selesai; **ditolak** = ditolak "
        "tujuan. Persen = bagian dari yang dikirim.",
        "**Referral funnel**: referrals *started* in the chosen period (by referral date, or report date when the "
        "referral date is missing), with their state at the data date. **Responded** = the destination has answered "
        "(received, processing, completed or rejected); **completed** = service completed; **rejected** = rejected "
        "by the destination. Percent = share of those sent.",
    ),
    "rujukan_bagian_kohort": ("Penyelesaian per kohort", "Completion by cohort"),
    "rujukan_kohort_judul": (
        "Selesai ≤ 30 / 60 / 90 hari, per bulan mulai",
        "Completed ≤ 30 / 60 / 90 days, by start month",
    ),
    "rujukan_kohort_hari": ("≤ {hari} hari", "≤ {hari} days"),
    "rujukan_kohort_hover": (
        "≤ {hari} hari: {persen} ({selesai} dari {dikirim})",
        "≤ {hari} days: {persen} ({selesai} of {dikirim})",
    ),
    "rujukan_kohort_catatan": (
        "Abu-abu = kohort belum matang: bulannya belum berakhir 30/60/90 hari sebelum {tanggal}, angkanya masih "
        "bisa naik.",
        "Grey = cohort not yet mature: its month had not ended 30/60/90 days before {tanggal}; the number can "
        "still rise.",
    ),
    "rujukan_alt_kohort": (
        "Grafik persentase rujukan selesai dalam 30, 60 dan 90 hari per bulan mulai, {wilayah}",
        "Chart of referrals completed within 30, 60 and 90 days by start month, {wilayah}",
    ),
    "rujukan_def_kohort": (
        "**Penyelesaian per kohort**: dari rujukan yang dimulai pada suatu bulan, bagian yang mencapai status "
        "selesai dalam 30, 60 dan 90 hari sejak mulai. Kohort ditampilkan abu-abu dengan \"belum matang\" bila "
        "bulannya belum berakhir 30/60/90 hari sebelum tanggal data.",
        "**Completion by cohort**: of the referrals started in a month, the share completed within 30, 60 and 90 "
        "days of their start. A cohort is grey with \"not yet mature\" when its month had not ended 30/60/90 days "
        "before the data date.",
    ),
    "rujukan_bagian_tujuan": ("Per tujuan rujukan", "By destination"),
    "rujukan_def_tujuan": (
        "**Per tujuan rujukan**: tabel yang menunjukkan instansi mana yang tidak menjawab. Rujukan yang dimulai "
        "dalam periode, keadaan per tanggal data. Batas waktu layanan (SLA) diatur oleh admin Pantau, bawaan 30 "
        "hari. Arahkan penunjuk ke judul kolom untuk definisinya.",
        "**By destination**: the table that shows which agency is not answering. Referrals started in the period, as "
        "of the data date. The service deadline (SLA) is set by the Pantau admin, default 30 days. Hover a column "
        "title for its definition.",
    ),
    "rujukan_kol_tujuan": ("Tujuan", "Destination"),
    "rujukan_kol_sla": ("SLA (hari)", "SLA (days)"),
    "rujukan_kol_dikirim": ("Dikirim", "Sent"),
    "rujukan_kol_respon_14": ("Respon ≤ 14 hari", "Resp. ≤ 14 days"),
    "rujukan_kol_selesai_90": ("Selesai ≤ 90 hari", "Done ≤ 90 days"),
    "rujukan_kol_persen_90": ("% ≤ 90 hari (matang)", "% ≤ 90 days (mature)"),
    "rujukan_kol_ditolak": ("Ditolak", "Rejected"),
    "rujukan_kol_median": ("Median hari selesai", "Median days to done"),
    "rujukan_kol_terbuka": ("Terbuka", "Open"),
    "rujukan_kol_terlambat": ("Lewat SLA (rujukan periode ini)", "Past SLA (this period's referrals)"),
    "rujukan_kol_tanpa_respon": ("Tanpa respon", "No response"),
    "rujukan_kol_tertua": ("Tertua (hari)", "Oldest (days)"),
    "rujukan_bantu_tujuan": (
        "Instansi tujuan rujukan.",
        "The agency the referral was sent to.",
    ),
    "rujukan_bantu_sla": (
        "Batas waktu penyelesaian tujuan ini dalam hari, dari konfigurasi (bawaan 30; UPTD PPA 3, BPJS Kesehatan 45, "
        "Perkim 180).",
        "This destination's time limit in days, from the settings (default 30; UPTD PPA 3, BPJS Kesehatan 45, "
        "Perkim 180).",
    ),
    "rujukan_bantu_dikirim": ("Rujukan yang dimulai dalam periode.", "Referrals started in the period."),
    "rujukan_bantu_respon_14": (
        "Direspon dalam 14 hari: tujuan sudah menjawab (menerima, memproses, menyelesaikan atau menolak) paling "
        "lambat 14 hari sejak rujukan dimulai.",
        "Responded within 14 days: the destination answered (received, processing, completed or rejected) within 14 "
        "days of the referral's start.",
    ),
    "rujukan_bantu_selesai_90": (
        "Selesai paling lambat 90 hari sejak dimulai (semua kohort; jumlah ini hanya bisa bertambah).",
        "Completed within 90 days of the start (all cohorts; this count can only grow).",
    ),
    "rujukan_bantu_persen_90": (
        "Selesai ≤ 90 hari dibagi dikirim, hanya atas kohort matang (bulan mulai berakhir ≥ 90 hari sebelum "
        "tanggal data); \"belum matang\" bila belum ada.",
        "Completed ≤ 90 days over sent, mature cohorts only (start month ended ≥ 90 days before the data date); "
        "\"not yet mature\" when there is none.",
    ),
    "rujukan_bantu_ditolak": ("Ditolak tujuan per tanggal data.", "Rejected by the destination by the data date."),
    "rujukan_bantu_median": (
        "Median hari dari mulai sampai selesai, di antara rujukan yang sudah selesai.",
        "Median days from start to completion, among the completed referrals.",
    ),
    "rujukan_bantu_terbuka": (
        "Masih terbuka per tanggal data (dikirim, diterima tujuan, atau sedang diproses).",
        "Still open at the data date (sent, received by the destination, or in process).",
    ),
    "rujukan_bantu_terlambat": (
        "Tunggakan: rujukan terbuka yang umurnya melewati SLA tujuannya per tanggal data.",
        "Overdue: open referrals older than their destination's SLA as of the data date.",
    ),
    "rujukan_bantu_tanpa_respon": (
        "Tanpa respon: masih terbuka, belum pernah dijawab tujuan, dan berumur lebih dari 14 hari.",
        "No response: still open, never answered by the destination, and older than 14 days.",
    ),
    "rujukan_bantu_tertua": ("Umur (hari) rujukan terbuka yang tertua.", "Age (days) of the oldest open referral."),
    "rujukan_bagian_umur": ("Umur rujukan terbuka dan status SLA", "Age of open referrals and SLA status"),
    "rujukan_umur_judul": ("Rujukan terbuka per kelompok umur", "Open referrals by age"),
    "rujukan_umur_hari": ("{kelompok} hari", "{kelompok} days"),
    "rujukan_alt_umur": (
        "Grafik rujukan terbuka per kelompok umur dan status SLA, {wilayah}",
        "Chart of open referrals by age and SLA status, {wilayah}",
    ),
    "rujukan_sla_tepat_waktu": ("tepat waktu", "on time"),
    "rujukan_sla_berisiko": ("berisiko", "at risk"),
    "rujukan_sla_terlambat": ("terlambat", "overdue"),
    "rujukan_def_umur": (
        "**Umur rujukan terbuka**: hari sejak mulai sampai tanggal data (0-30, 31-60, 61-90, > 90), diwarnai menurut "
        "SLA tujuannya: tepat waktu (umur < 75 % SLA), berisiko (75-100 %), terlambat (> SLA).",
        "**Age of open referrals**: days from start to the data date (0-30, 31-60, 61-90, > 90), coloured by their "
        "destination's SLA: on time (age < 75 % of SLA), at risk (75-100 %), overdue (> SLA).",
    ),
    "rujukan_bagian_tanpa_respon": ("Tanpa respon per desa", "No response, by village"),
    "rujukan_def_tanpa_respon": (
        "**Tanpa respon**: rujukan terbuka yang sudah dikirim tetapi tidak pernah dijawab tujuannya dan berumur "
        "lebih dari 14 hari, per desa asal, terbanyak lebih dulu.",
        "**No response**: open referrals sent but never answered by the destination and older than 14 days, by "
        "village of origin, most first.",
    ),
    "rujukan_tanpa_respon_nihil": (
        "Tidak ada rujukan tanpa respon lebih dari 14 hari.",
        "No referral has gone unanswered for more than 14 days.",
    ),
    "rujukan_bantu_peringkat": ("Peringkat menurut jumlah tanpa respon.", "Rank by the number without response."),
    "rujukan_bantu_desa": ("Desa asal rujukan.", "Village the referral came from."),
    "rujukan_kol_tertua_tanpa": ("Tertua (hari)", "Oldest (days)"),
    "rujukan_bantu_tertua_tanpa": (
        "Umur (hari) rujukan tanpa respon yang tertua.",
        "Age (days) of the oldest referral without response.",
    ),
    "rujukan_kol_tujuan_diam": ("Belum menjawab", "Not answering"),
    "rujukan_bantu_tujuan_diam": (
        "Tujuan rujukan-rujukan tanpa respon dari desa ini.",
        "Destinations of this village's referrals without response.",
    ),
    "rujukan_bagian_daftar": ("Daftar rujukan terbuka", "Open referrals"),
    "rujukan_def_daftar": (
        "**Daftar rujukan terbuka** yang dimulai dalam periode, yang lewat SLA lebih dulu lalu yang tertua. Hanya id "
        "samaran (pseudonim), bukan nama, NIK atau nomor registrasi. Kasus sensitif tidak didaftar.",
        "**Open referrals** started in the period, past SLA first, then the oldest. Pseudonymous ids only, never a "
        "name, NIK or registration number. Sensitive cases are not listed.",
    ),
    "rujukan_daftar_saring": ("Tampilkan", "Show"),
    "rujukan_daftar_terlambat": ("Lewat SLA ({n})", "Past SLA ({n})"),
    "rujukan_daftar_tanpa_respon": ("Tanpa respon ({n})", "No response ({n})"),
    "rujukan_daftar_terbuka": ("Semua terbuka ({n})", "All open ({n})"),
    "rujukan_daftar_kosong": ("Tidak ada rujukan dalam daftar ini.", "No referral in this list."),
    "rujukan_kasus_sensitif": ("kasus sensitif", "sensitive case"),
    "rujukan_kol_id": ("Id kasus", "Case id"),
    "rujukan_bantu_id": (
        "Id samaran kasus (pseudonim dari kode desa dan nomor registrasi); tidak dapat dibalik menjadi identitas.",
        "Pseudonymous case id (from the desa code and registration number); it cannot be turned back into an "
        "identity.",
    ),
    "rujukan_kol_kategori": ("Kategori", "Category"),
    "rujukan_kol_mulai": ("Mulai", "Started"),
    "rujukan_kol_respon": ("Respon", "Response"),
    "rujukan_kol_status": ("Status", "Status"),
    "rujukan_kol_umur": ("Umur (hari)", "Age (days)"),
    "rujukan_kol_status_sla": ("Status SLA", "SLA status"),
    "rujukan_bantu_status_sla": (
        "tepat waktu (umur < 75 % SLA), berisiko (75-100 %), terlambat (> SLA).",
        "on time (age < 75 % of SLA), at risk (75-100 %), overdue (> SLA).",
    ),
    "rujukan_unduh_daftar": ("Unduh daftar (CSV)", "Download list (CSV)"),
    # Kualitas data (screens.md page 8; definitions quote metrics.md sections 3 and 6)
    "kualitas_subjudul": (
        "per {tanggal}; skor, kelengkapan dan ketepatan: 12 bulan {jendela}",
        "as of {tanggal}; score, completeness and timeliness: the 12 months {jendela}",
    ),
    "kualitas_ket_puskesos": (
        "dari {jumlah} desa; tersendat {tersendat} · diam {diam} · belum dibentuk {belum}",
        "of {jumlah} villages; irregular {tersendat} · silent {diam} · not formed {belum}",
    ),
    "kualitas_kpi_kelengkapan": ("Kelengkapan laporan", "Reporting completeness"),
    "kualitas_kpi_ketepatan": ("Ketepatan waktu", "Timeliness"),
    "kualitas_kpi_karantina": ("Baris dikarantina", "Quarantined rows"),
    "kualitas_kpi_tanpa_nik": ("Baris tanpa NIK", "Rows without NIK"),
    "kualitas_kpi_puskesos": ("Puskesos aktif", "Active Puskesos"),
    "kualitas_ket_kelengkapan": (
        "{diterima} dari {dinilai} bulan-desa yang diharapkan",
        "{diterima} of {dinilai} expected village-months",
    ),
    "kualitas_ket_ketepatan": (
        "{tepat} dari {dinilai} bulan-desa tepat waktu",
        "{tepat} of {dinilai} village-months on time",
    ),
    "kualitas_ket_karantina": (
        "{tanpa} di antaranya tanpa desa yang dikenali",
        "{tanpa} of them with no recognised village",
    ),
    "kualitas_ket_tanpa_nik": ("{tanpa} dari {kasus} baris kasus", "{tanpa} of {kasus} case rows"),
    "kualitas_def_kelengkapan": (
        "**Kelengkapan laporan** = bulan yang diterima / bulan yang diharapkan, atas 12 bulan sebelum bulan tanggal "
        "data. Bulan yang batas kirimnya (tanggal 10 bulan berikutnya) belum lewat dan belum ada laporannya tidak "
        "dihitung.",
        "**Reporting completeness** = months received / months expected, over the 12 months before the data date's "
        "month. A month whose deadline (day 10 of the next month) has not passed and that has no report yet is not "
        "counted.",
    ),
    "kualitas_def_ketepatan": (
        "**Ketepatan waktu** = bulan yang laporannya diterima tepat waktu (paling lambat tanggal 10 bulan "
        "berikutnya) / bulan yang diharapkan (jendela yang sama).",
        "**Timeliness** = months whose report arrived on time (by day 10 of the next month) / months expected (same "
        "window).",
    ),
    "kualitas_def_karantina": (
        "**Karantina**: baris yang tidak dimuat karena data wajib tidak dapat dipakai (desa tidak dikenal, di luar "
        "kabupaten, tanggal tidak sah, kolom wajib kosong), per berkas dan jenis alasan. Sebuah baris dengan dua "
        "jenis alasan dihitung di keduanya. Desa dikenali dari kode atau nama desa yang tertulis; baris tanpa desa "
        "masuk kecamatan berkasnya. Unduhan CSV berisi baris-baris ini untuk dikirim kembali ke desa: tanpa nama, "
        "alamat, telepon atau NIK, dan isian yang tampak seperti rumus diawali tanda '.",
        "**Quarantine**: rows not loaded because required data cannot be used (unknown village, outside the regency, "
        "invalid date, required column empty), by file and kind of reason. A row with two kinds counts under both. "
        "The village is recognised from the code or name written; a row without one counts in its file's district. "
        "The CSV download holds these rows to send back to the village: no name, address, phone or NIK, and "
        "formula-looking cells start with '.",
    ),
    "kualitas_def_tanpa_nik": (
        "**Baris tanpa NIK**: baris kasus (bukan nihil) tanpa NIK yang sah (kosong, atau tidak sah sehingga tidak "
        "disimpan), atas 12 bulan yang sama.",
        "**Rows without NIK**: case rows (not nihil) with no valid NIK (empty, or invalid and therefore not stored), "
        "over the same 12 months.",
    ),
    "kualitas_tab_strip": ("Pelaporan 12 bulan", "12-month reporting"),
    "kualitas_tab_skor": ("Skor kualitas per desa", "Quality score by village"),
    "kualitas_tab_karantina": ("Karantina ({n})", "Quarantine ({n})"),
    "kualitas_tab_peringatan": ("Peringatan dan nama ({n})", "Warnings and names ({n})"),
    "kualitas_bagian_strip": ("Kelengkapan dan ketepatan per desa dan bulan", "Completeness and timeliness"),
    "kualitas_catatan_strip": (
        "12 bulan sampai {sampai}; skor terendah di atas",
        "12 months up to {sampai}; lowest score on top",
    ),
    "kualitas_def_strip": (
        "**Pita 12 bulan**: keadaan laporan setiap desa per bulan. **tepat** = laporan kasus diterima paling lambat "
        "tanggal 10 bulan berikutnya; **telat** = diterima sesudahnya; **nihil** = hanya laporan nihil (tidak ada "
        "kasus: desa tetap melapor); **diam** = diharapkan tetapi tidak ada laporan dan batasnya sudah lewat; "
        "**tunggu** = belum ada laporan, batasnya belum lewat; **–** = sebelum Puskesos diharapkan melapor (bulan "
        "sesudah SK, atau laporan pertama) atau desa tanpa Puskesos. Diam dan nihil tidak pernah berwarna sama.",
        "**12-month strip**: each village's report state per month. **on time** = case report received by day 10 of "
        "the next month; **late** = received after; **nil** = only a nil report (no case: the village did report); "
        "**silent** = expected, nothing received, deadline passed; **due** = nothing yet, deadline not passed; **–** "
        "= before the Puskesos is expected to report (month after its SK, or its first report) or a village without "
        "a Puskesos. Silent and nil are never the same colour.",
    ),
    "kualitas_lapor_pendek_tepat_waktu": ("tepat", "on time"),
    "kualitas_lapor_pendek_terlambat": ("telat", "late"),
    "kualitas_lapor_pendek_nihil": ("nihil", "nil"),
    "kualitas_lapor_pendek_diam": ("diam", "silent"),
    "kualitas_lapor_pendek_belum_jatuh_tempo": ("tunggu", "due"),
    "kualitas_lapor_pendek_belum_diharapkan": ("–", "–"),
    "kualitas_lapor_tepat_waktu": ("tepat waktu", "on time"),
    "kualitas_lapor_terlambat": ("terlambat", "late"),
    "kualitas_lapor_nihil": ("laporan nihil", "nil report"),
    "kualitas_lapor_diam": ("tidak melapor", "no report"),
    "kualitas_lapor_belum_jatuh_tempo": ("belum jatuh tempo", "not yet due"),
    "kualitas_lapor_belum_diharapkan": ("belum diharapkan", "not yet expected"),
    "kualitas_kol_puskesos": ("Puskesos", "Puskesos"),
    "kualitas_kol_skor": ("Skor", "Score"),
    "kualitas_bagian_skor": ("Skor kualitas data per desa (0-100)", "Data quality score by village (0-100)"),
    "kualitas_catatan_skor": (
        "12 bulan {jendela}; {revisi} kasus diperbarui oleh laporan berikutnya",
        "12 months {jendela}; {revisi} cases updated by a later report",
    ),
    "kualitas_def_skor": (
        "**Skor kualitas data (0-100)** per desa, atas 12 bulan sebelum bulan tanggal data:\n\n| bagian | bobot "
        "|\n|---|---|\n| kelengkapan laporan | 40 |\n| ketepatan waktu | 20 |\n| 1 - bagian baris dikarantina "
        "(dikarantina / (dimuat + dikarantina)) | 20 |\n| 1 - bagian baris dimuat yang berperingatan (selain NIK/No "
        "KK tidak sah) | 10 |\n| bagian baris kasus dengan NIK sah | 10 |\n\nTanpa bulan yang diharapkan: tidak "
        "dinilai. Tanpa baris sama sekali: tiga bagian baris bernilai 0. Hanya laporan nihil: bagian NIK penuh. "
        "Revisi (kasus diperbarui laporan berikutnya) ditampilkan, tidak dinilai: memperbarui status rujukan adalah "
        "alur kerja yang wajar.",
        "**Data quality score (0-100)** per village, over the 12 months before the data date's month:\n\n| part | "
        "weight |\n|---|---|\n| reporting completeness | 40 |\n| timeliness | 20 |\n| 1 - share of rows quarantined "
        "(quarantined / (loaded + quarantined)) | 20 |\n| 1 - share of loaded rows with a warning (other than an "
        "invalid NIK/No KK) | 10 |\n| share of case rows with a valid NIK | 10 |\n\nNo expected month: not scored. "
        "No row at all: the three row parts are 0. Only nil reports: the NIK part is full. Revisions (cases updated "
        "by a later report) are shown, not scored: updating a referral's status is the normal workflow.",
    ),
    "kualitas_kol_kelengkapan": ("Kelengkapan", "Completeness"),
    "kualitas_kol_ketepatan": ("Ketepatan", "Timeliness"),
    "kualitas_kol_dimuat": ("Baris dimuat", "Rows loaded"),
    "kualitas_kol_karantina": ("Dikarantina", "Quarantined"),
    "kualitas_kol_peringatan": ("Berperingatan", "With warning"),
    "kualitas_kol_tanpa_nik": ("Tanpa NIK", "No NIK"),
    "kualitas_kol_duplikat": ("Duplikat", "Duplicates"),
    "kualitas_kol_revisi": ("Revisi", "Revised"),
    "kualitas_bantu_dimuat": (
        "Semua versi baris desa ini (termasuk nihil) untuk bulan-bulan jendela.",
        "Every row version of this village (nil included) for the window's months.",
    ),
    "kualitas_bantu_karantina_desa": (
        "Baris dikarantina yang dapat dikenali sebagai milik desa ini (dari kode atau nama desanya).",
        "Quarantined rows recognised as this village's (by code or name).",
    ),
    "kualitas_bantu_peringatan_desa": (
        "Baris dimuat dengan sekurang-kurangnya satu peringatan selain NIK/No KK tidak sah.",
        "Loaded rows with at least one warning other than an invalid NIK/No KK.",
    ),
    "kualitas_bantu_duplikat": (
        "Baris yang nomor registrasinya muncul lagi dalam berkas yang sama (baris terakhir yang dipakai).",
        "Rows whose registration number appears again in the same file (the last one is used).",
    ),
    "kualitas_bantu_revisi": (
        "Kasus yang diperbarui oleh laporan berikutnya (versi lama tetap disimpan).",
        "Cases updated by a later report (the older version is kept).",
    ),
    "kualitas_bagian_karantina": ("Karantina per berkas dan alasan", "Quarantine by file and reason"),
    "kualitas_catatan_periode": ("laporan bulan {periode}", "reports for {periode}"),
    "kualitas_karantina_kosong": (
        "Tidak ada baris yang dikarantina untuk wilayah dan periode ini.",
        "No quarantined rows for this area and period.",
    ),
    "kualitas_kol_berkas": ("Berkas", "File"),
    "kualitas_kol_lembar": ("Lembar", "Sheet"),
    "kualitas_kol_alasan": ("Alasan", "Reason"),
    "kualitas_kol_baris_karantina": ("Baris", "Rows"),
    "kualitas_kol_tanpa_desa": ("Tanpa desa", "No village"),
    "kualitas_kol_dibaca": ("Baris dibaca (berkas)", "Rows read (file)"),
    "kualitas_bantu_alasan": (
        "Jenis alasan karantina; alasan lengkap tiap baris ada di unduhan CSV.",
        "Kind of quarantine reason; each row's full reason is in the CSV download.",
    ),
    "kualitas_bantu_baris_karantina": ("Baris dikarantina dengan alasan ini.", "Rows quarantined for this reason."),
    "kualitas_bantu_tanpa_desa": (
        "Di antaranya, baris yang tidak menyebut desa yang dikenal.",
        "Of them, rows naming no known village.",
    ),
    "kualitas_bantu_dibaca": (
        "Semua baris data yang dibaca dari berkas/lembar ini.",
        "All data rows read from this file/sheet.",
    ),
    "kualitas_alasan_desa_tidak_dikenal": ("Desa tidak dikenal", "Unknown village"),
    "kualitas_alasan_di_luar_wilayah": ("Di luar kabupaten", "Outside the regency"),
    "kualitas_alasan_tanggal_tidak_sah": ("Tanggal tidak sah", "Invalid date"),
    "kualitas_alasan_kolom_wajib_kosong": ("Kolom wajib kosong", "Required column empty"),
    "kualitas_alasan_lainnya": ("Lainnya", "Other"),
    "kualitas_unduh_karantina": ("Unduh {n} baris dikarantina (CSV)", "Download {n} quarantined rows (CSV)"),
    "kualitas_bantu_unduh": (
        "Berkas untuk dikirim kembali ke desa: berkas, lembar, nomor baris, alasan dan isian baris. Tanpa nama, "
        "alamat, telepon atau NIK; isian yang tampak seperti rumus diawali tanda '.",
        "A file to send back to the village: file, sheet, row number, reason and the row's cells. No name, "
        "address, phone or NIK; formula-looking cells start with '.",
    ),
    "kualitas_bagian_peringatan": ("Peringatan per jenis", "Warnings by type"),
    "kualitas_def_peringatan": (
        "**Peringatan**: baris yang dimuat tetapi sebagian isinya diperbaiki atau dibuang (label tidak dikenal "
        "menjadi lainnya, NIK tidak sah tidak disimpan, tanggal yang tidak berurutan dikosongkan, nama desa "
        "dicocokkan karena ejaannya mirip, duplikat dalam berkas, teks seperti rumus).",
        "**Warnings**: rows loaded with part of their content repaired or dropped (unknown label recorded as other, "
        "invalid NIK not stored, out-of-order dates emptied, village name matched by spelling, duplicate in a file, "
        "formula-looking text).",
    ),
    "kualitas_peringatan_kosong": ("Tidak ada peringatan.", "No warnings."),
    "kualitas_kol_jenis": ("Jenis", "Type"),
    "kualitas_kol_jumlah": ("Baris", "Rows"),
    "kualitas_kol_jumlah_berkas": ("Berkas", "Files"),
    "kualitas_kol_contoh": ("Contoh pesan", "Example message"),
    "kualitas_peringatan_nik_tidak_valid": ("NIK tidak sah", "Invalid NIK"),
    "kualitas_peringatan_kk_tidak_valid": ("No KK tidak sah", "Invalid No KK"),
    "kualitas_peringatan_label_tidak_dikenal": ("Label tidak dikenal", "Unknown label"),
    "kualitas_peringatan_nama_desa_mirip": ("Nama desa dicocokkan (mirip)", "Village name matched by spelling"),
    "kualitas_peringatan_teks_seperti_rumus": ("Teks seperti rumus", "Formula-like text"),
    "kualitas_peringatan_tanggal_tidak_valid": ("Tanggal tidak sah (dikosongkan)", "Invalid date (emptied)"),
    "kualitas_peringatan_tanggal_di_luar_rentang": ("Tanggal di luar rentang", "Date out of range"),
    "kualitas_peringatan_urutan_tanggal": ("Urutan tanggal salah", "Dates out of order"),
    "kualitas_peringatan_tanggal_rujuk_kosong": ("Rujukan tanpa tanggal rujuk", "Referral without date"),
    "kualitas_peringatan_duplikat_dalam_berkas": ("Duplikat dalam berkas", "Duplicate in file"),
    "kualitas_peringatan_nilai_tidak_valid": ("Nilai tidak sah", "Invalid value"),
    "kualitas_bagian_nama": ("Nama desa yang tidak cocok", "Village names that did not match"),
    "kualitas_def_nama": (
        "**Nama desa yang tidak cocok** dengan daftar resmi Kemendagri: yang dikarantina (tidak dikenal, atau desa "
        "kabupaten lain) beserta sarannya, dan yang dimuat karena ejaannya mirip beserta desa yang dipilih. Minta "
        "admin Pantau menambahkan ejaan yang dipakai desa ke daftar ejaan desa, lalu muat ulang berkasnya.",
        "**Village names that did not match** the official Kemendagri list: those quarantined (unknown, or a village "
        "of another regency) with the suggestion, and those loaded because the spelling was close, with the village "
        "chosen. Ask the Pantau admin to add the spelling the village uses to the list of village spellings, then "
        "load the file again.",
    ),
    "kualitas_nama_tidak_dikenal": ("tidak dikenal (dikarantina)", "unknown (quarantined)"),
    "kualitas_nama_di_luar_wilayah": ("kabupaten lain (dikarantina)", "other regency (quarantined)"),
    "kualitas_nama_mirip": ("mirip (dimuat)", "close spelling (loaded)"),
    "kualitas_kol_nama_tertulis": ("Tertulis", "As written"),
    "kualitas_kol_keterangan": ("Alasan atau desa yang dipilih", "Reason or village chosen"),
    "kualitas_nama_kosong": ("Semua nama desa cocok.", "Every village name matched."),
    "kualitas_nama_saran": (
        "Tambahkan ejaan yang dipakai desa ke daftar ejaan desa (berkas data/reference/alias_desa.csv di server), "
        "lalu muat ulang berkasnya.",
        "Add the spelling the village uses to the list of village spellings (the file data/reference/alias_desa.csv "
        "on the server), then load the file again.",
    ),
    "kualitas_strip_semua": ("Tampilkan semua {n} desa", "Show all {n} villages"),
    "kualitas_strip_semua_bantu": (
        "Tanpa ini hanya {batas} desa dengan skor terendah yang ditampilkan. Pilih kecamatan pada bilah filter "
        "untuk melihat desa-desanya saja.",
        "Without this only the {batas} villages with the lowest score are shown. Choose a district in the filter "
        "bar to see its villages only.",
    ),
})

# Program coverage and targeting (metrics.md section 4)
TEKS.update({
    "program_pilih": ("Program", "Program"),
    "program_belum_ada": (
        "Belum ada daftar penerima program. Muat data DTKS/DTSEN terbaru dan daftar penerima PBI-JK, PKH atau "
        "Sembako lewat halaman Unggah data (atau di server dengan perintah **pantau ingest**).",
        "No program recipient list loaded yet. Load the latest DTKS/DTSEN data and the PBI-JK, PKH or Sembako "
        "recipient lists on the Upload data page (or on the server with the command **pantau ingest**).",
    ),
    "program_periode": ("DTKS {dtks} · daftar penerima {roll}", "DTKS {dtks} · roll {roll}"),
    "program_layak": ("Keluarga layak", "Eligible households"),
    "program_cakupan": ("Cakupan", "Coverage"),
    "program_penerima": ("Penerima aktif", "Active recipients"),
    "program_inklusi": ("Salah sasaran (inklusi)", "Inclusion error"),
    "program_eksklusi": ("Belum tercakup (eksklusi)", "Exclusion error"),
    "program_kol_wilayah": ("Wilayah", "Area"),
    "program_kol_tercakup": ("Tercakup", "Covered"),
    "program_kol_luar_desil": ("Penerima di luar desil", "Recipients outside desil"),
    "program_kol_tidak_dtks": ("Penerima tidak di DTKS aktif", "Recipients not in active DTKS"),
    "program_tanpa_rasio": ("kurang dari 10 keluarga: hanya jumlah", "fewer than 10 households: counts only"),
    "program_ket_cakupan": ("{n} dari {dari} keluarga layak", "{n} of {dari} eligible households"),
    "program_ket_inklusi": ("{persen} dari penerima; di luar desil {desil}, tidak di DTKS aktif {dtks}",
                            "{persen} of recipients; outside desil {desil}, not in active DTKS {dtks}"),
    "program_ket_eksklusi": ("{persen} dari keluarga layak", "{persen} of eligible households"),
    "program_def_layak": (
        "**Keluarga layak**: keluarga aktif di DTKS/DTSEN periode terakhir (sampai tanggal data) yang desilnya masuk "
        "rentang layak {program} (rentang ini diatur oleh admin Pantau).",
        "**Eligible households**: households active in the latest DTKS/DTSEN period (up to the data date) whose "
        "desil is in {program}'s eligible range (set by the Pantau admin).",
    ),
    "program_def_cakupan": (
        "**Cakupan** = keluarga layak yang ada dan aktif di daftar penerima terakhir / keluarga layak. Ditampilkan "
        "hanya bila keluarga layak paling sedikit 10; di bawah itu hanya jumlahnya.",
        "**Coverage** = eligible households present and active in the latest roll / eligible households. Shown only "
        "where there are at least 10 eligible households; below that, counts only.",
    ),
    "program_def_penerima": ("**Penerima aktif**: penerima berstatus aktif di daftar penerima terakhir.",
                             "**Active recipients**: recipients with status active in the latest roll."),
    "program_def_inklusi": (
        "**Salah sasaran (inklusi)**: penerima aktif yang keluarganya di luar rentang desil program, atau tidak ada "
        "di DTKS aktif (dicocokkan lewat No KK/ID DTKS, atau NIK kepala keluarga). Dihitung, tidak pernah disebut "
        "namanya.",
        "**Inclusion error**: active recipients whose household is outside the program's desil range, or not in the "
        "active DTKS (matched by No KK/ID DTKS, or the head of household's NIK). Counted, never named.",
    ),
    "program_def_eksklusi": ("**Belum tercakup (eksklusi)** = keluarga layak - tercakup; tingkatnya 1 - cakupan.",
                             "**Exclusion error** = eligible - covered households; its rate is 1 - coverage."),
    "program_per_wilayah": ("Per wilayah (cakupan terendah di atas)", "By area (lowest coverage first)"),
    "program_nonaktif_judul": ("Penonaktifan dan pengaktifan kembali", "Deactivations and reactivations"),
    "program_nonaktif_kosong": ("Tidak ada penerima yang dinonaktifkan di daftar yang dimuat.",
                                "No recipient was deactivated in the loaded rolls."),
    "program_nonaktif_ket": (
        "{n} penerima dinonaktifkan; {kembali} di antaranya muncul lagi sebagai penerima aktif di daftar berikutnya.",
        "{n} recipients deactivated; {kembali} of them appear again as active in a later roll.",
    ),
    "program_diaktifkan_kembali": ("Diaktifkan kembali kemudian", "Reactivated later"),
    "program_keluarga": ("Penerima", "Recipients"),
    "program_ubin_pbi": ("Cakupan PBI-JK desil 1-5", "PBI-JK coverage, desil 1-5"),
    "program_ubin_kosong": ("belum ada data", "no data yet"),
    "program_ke_peta": ("Cakupan per desa di peta (pilih metrik Cakupan)", "Coverage by village on the map "
                        "(choose a Coverage metric)"),
})

# Poverty target (metrics.md section 5)
TEKS.update({
    "target_belum_ada": (
        "Belum ada data BPS atau target kemiskinan untuk kabupaten ini. Muat data/reference/indikator_kemiskinan.csv "
        "dan data/reference/target_kemiskinan.csv (atau dokumen perencanaan baru dengan kolom yang sama) dengan "
        "**pantau ingest**.",
        "No BPS series or poverty target for this regency yet. Load data/reference/indikator_kemiskinan.csv and "
        "data/reference/target_kemiskinan.csv (or a new planning document with the same columns) with "
        "**pantau ingest**.",
    ),
    "target_pilih_dokumen": ("Dokumen perencanaan", "Planning document"),
    "target_ubin": ("Kemiskinan vs target", "Poverty vs target"),
    "target_ubin_tahun": ("Kemiskinan BPS {tahun}", "BPS poverty {tahun}"),
    "target_ubin_ket": ("target {target} % ({tahun}, {dokumen}); selisih {selisih}",
                        "target {target}% ({tahun}, {dokumen}); gap {selisih}"),
    "target_tingkat_kabupaten": ("Angka kemiskinan BPS hanya tersedia per kabupaten.",
                                 "BPS poverty rates exist per regency only."),
    "target_persen_nilai": (" %", "%"),
    "target_aktual": ("Kemiskinan BPS {tahun}", "BPS poverty {tahun}"),
    "target_target": ("Target {tahun}", "Target {tahun}"),
    "target_selisih": ("Selisih", "Gap"),
    "target_perlu": ("Penurunan diperlukan", "Decline needed"),
    "target_per_tahun_ket": ("per tahun", "per year"),
    "target_rentang": ("rentang {bawah}–{atas} %", "range {bawah}–{atas}%"),
    "target_tahun_lewat": ("tahun target sudah lewat", "target year has passed"),
    "target_ket_perlu": ("rata-rata penurunan 3 tahun terakhir {r3}, 5 tahun {r5}",
                         "average decline over the last 3 years {r3}, 5 years {r5}"),
    "target_per_tahun_jiwa": ("per tahun, sekitar {jiwa} jiwa", "per year, about {jiwa} people"),
    "target_proyeksi": ("Tercapai menurut tren", "Reached on trend"),
    "target_tidak_tercapai": ("tidak tercapai dengan tren saat ini", "not reached on the current trend"),
    "target_def_aktual": ("**Kemiskinan BPS**: persentase penduduk miskin (Susenas Maret) tahun BPS terakhir yang "
                          "tidak melewati tahun target dokumen.",
                          "**BPS poverty**: share of poor people (March Susenas) in the latest BPS year not after "
                          "the document's target year."),
    "target_def_target": ("**Target**: target akhir dokumen yang dipilih; dokumen lain tidak pernah digabung.",
                          "**Target**: the chosen document's final target; documents are never merged."),
    "target_def_selisih": ("**Selisih** = aktual - target, dalam poin persen. Negatif berarti lebih baik dari target.",
                           "**Gap** = actual - target, in percentage points. Negative is better than target."),
    "target_def_perlu": (
        "**Penurunan diperlukan** = (aktual terakhir - target akhir) / (tahun target - tahun aktual terakhir), poin "
        "persen per tahun, dibandingkan dengan rata-rata penurunan 3 dan 5 tahun terakhir.",
        "**Decline needed** = (latest actual - final target) / (target year - latest actual year), percentage points "
        "per year, compared with the average decline of the last 3 and 5 years.",
    ),
    "target_def_proyeksi": (
        "**Proyeksi**: tren linear 5 titik BPS terakhir dengan pita prediksi 80 %; tahun pertama (sejak tahun aktual "
        "dokumen) garis tren mencapai target, atau \"tidak tercapai dengan tren saat ini\" sampai 2035.",
        "**Projection**: linear trend of the last 5 BPS points with an 80 % prediction band; the first year (from the "
        "document's actual year) the trend reaches the target, or \"not reached on the current trend\" by 2035.",
    ),
    "target_pita": ("Pita prediksi 80 %", "80 % prediction band"),
    "target_garis_proyeksi": ("Tren linear", "Linear trend"),
    "target_jalur_dipilih": ("Jalur {dokumen}", "Path of {dokumen}"),
    "target_bps": ("BPS (%)", "BPS (%)"),
    "target_sumbu": ("Penduduk miskin (%)", "Poor people (%)"),
    "target_ket_dokumen_lain": (
        "Garis abu-abu: dokumen lain untuk kabupaten yang sama, ditampilkan apa adanya (mis. RPJMD dan P-RPJMD "
        "2018-2023 Jombang berbeda untuk 2023).",
        "Grey lines: other documents for the same regency, shown as they are (e.g. Jombang's RPJMD and P-RPJMD "
        "2018-2023 differ for 2023).",
    ),
    "target_tabel_dokumen": ("Dokumen perencanaan", "Planning documents"),
    "target_tabel_bps": ("Seri BPS", "BPS series"),
    "target_kol_dokumen": ("Dokumen", "Document"),
    "target_kol_tahun": ("Tahun", "Year"),
    "target_kol_target": ("Target (%)", "Target (%)"),
    "target_kol_sumber": ("Sumber", "Source"),
    "target_kol_jiwa": ("Penduduk miskin (jiwa)", "Poor people"),
})

# Program coverage on the map
TEKS.update({
    "peta_m_cakupan_pbi_jk": ("Cakupan PBI-JK (desil 1-5)", "PBI-JK coverage (desil 1-5)"),
    "peta_m_cakupan_pkh": ("Cakupan PKH (desil 1-4)", "PKH coverage (desil 1-4)"),
    "peta_m_cakupan_sembako": ("Cakupan Sembako (desil 1-4)", "Sembako coverage (desil 1-4)"),
    "def_peta_cakupan_pbi_jk": TEKS["program_def_cakupan"],
    "def_peta_cakupan_pkh": TEKS["program_def_cakupan"],
    "def_peta_cakupan_sembako": TEKS["program_def_cakupan"],
    "peta_h_cakupan": ("Cakupan: {nilai} ({tercakup} dari {layak} keluarga layak)",
                       "Coverage: {nilai} ({tercakup} of {layak} eligible households)"),
    "peta_h_cakupan_sedikit": ("{tercakup} dari {layak} keluarga layak (kurang dari 10: tanpa persen)",
                               "{tercakup} of {layak} eligible households (fewer than 10: no rate)"),
    "peta_h_cakupan_kosong": ("Belum ada ekstrak DTKS untuk periode ini", "No DTKS extract for this period"),
})

# Log-in, accounts and the gate (issue "Who sees what")
TEKS.update({
    "masuk_judul": ("Masuk", "Log in"),
    "masuk_nama": ("Nama pengguna", "User name"),
    "masuk_sandi": ("Kata sandi", "Password"),
    "masuk_tombol": ("Masuk", "Log in"),
    "masuk_ket": (
        "Akun dibuat oleh admin Dinsos. Setelah beberapa kali gagal, akun dikunci sementara. Setiap masuk, keluar "
        "dan unduhan dicatat.",
        "Accounts are created by the Dinsos admin. After repeated failures an account is locked for a while. Every "
        "log-in, log-out and download is recorded.",
    ),
    "masuk_belum_ada_akun": (
        "Belum ada akun. Buat akun pertama di server dengan perintah **pantau pengguna tambah NAMA --peran "
        "perencana** (atau **make demo** untuk akun demo).",
        "There is no account yet. Create the first one on the server with the command **pantau pengguna tambah NAME "
        "--peran perencana** (or **make demo** for demo accounts).",
    ),
    "masuk_sesi_berakhir": (
        "Sesi berakhir (tidak aktif {menit} menit, atau akun diubah). Silakan masuk lagi.",
        "Your session ended (idle for {menit} minutes, or the account was changed). Please log in again.",
    ),
    "sandi_wajib_ganti": (
        "Akun {nama} memakai kata sandi awal. Ganti dulu sebelum melihat data.",
        "Account {nama} still has its first password. Change it before viewing data.",
    ),
    "sandi_lama": ("Kata sandi sekarang", "Current password"),
    "sandi_baru": ("Kata sandi baru (minimal {n} karakter)", "New password (at least {n} characters)"),
    "sandi_ulang": ("Ulangi kata sandi baru", "Repeat the new password"),
    "sandi_tombol": ("Ganti kata sandi", "Change password"),
    "sandi_tidak_sama": ("Kedua kata sandi baru tidak sama.", "The two new passwords differ."),
    "keluar": ("Keluar", "Log out"),
    "akun_cakupan": ("Wilayah", "Area"),
    "akses_ditolak": ("Akses ditolak: {pesan}", "Access denied: {pesan}"),
    "akses_ditolak_saran": (
        "Tautan ini meminta wilayah di luar hak akun Anda; tidak ada data yang ditampilkan. Buka dasbor tanpa "
        "parameter wilayah, atau minta admin Dinsos mengubah hak akun.",
        "This link asks for an area outside your account's rights; no data is shown. Open the dashboard without "
        "area parameters, or ask the Dinsos admin to change your account.",
    ),
    "halaman_audit": ("Log audit", "Audit log"),
    "masuk_sso": ("Masuk dengan akun dinas (SSO)", "Log in with the office account (SSO)"),
    "masuk_sso_belum_siap": (
        "Masuk SSO belum disiapkan di server: penyedia \"{penyedia}\" belum lengkap di berkas rahasia Streamlit "
        "(.streamlit/secrets.toml, bagian [auth] dan [auth.{penyedia}], lihat README). Sementara itu masuk dengan "
        "nama dan kata sandi. ({pesan})",
        "Single sign-on is not set up on the server: provider \"{penyedia}\" is incomplete in Streamlit's secrets "
        "file (.streamlit/secrets.toml, [auth] and [auth.{penyedia}], see the README). Log in with name and password "
        "meanwhile. ({pesan})",
    ),
    "pr_dibuat_oleh": ("{waktu} oleh {nama}", "{waktu} by {nama}"),
    "akses_buka_wilayah_saya": ("Buka wilayah saya", "Open my area"),
})

# Unggah data (operators)
TEKS.update({
    "unggah_ket": (
        "Unggah satu atau beberapa berkas (CSV, XLSX atau Parquet; paling besar {mb} MB per berkas): laporan Puskesos, "
        "register Puskesos, ekstrak DTKS/DTSEN, daftar penerima program, data BPS. Pantau memeriksa dulu dan "
        "menampilkan ringkasannya; tidak ada yang disimpan sebelum Anda menekan **Muat ke gudang data**. NIK dan "
        "No KK disamarkan, nama dan teks bebas dibuang, berkas aslinya tidak disimpan.",
        "Upload one or more files (CSV, XLSX or Parquet; at most {mb} MB each): Puskesos reports, the Puskesos "
        "register, DTKS/DTSEN extracts, program rolls, BPS data. Pantau checks them first and shows the summary; "
        "nothing is stored before you press **Load into the warehouse**. NIK and KK numbers are pseudonymised, "
        "names and free text dropped, the original files not kept.",
    ),
    "unggah_pilih": ("Pilih berkas", "Choose files"),
    "unggah_memeriksa": ("Memeriksa berkas…", "Checking the files…"),
    "unggah_memuat": ("Memuat ke gudang data…", "Loading into the warehouse…"),
    "unggah_pratinjau_judul": ("Ringkasan pemeriksaan (belum dimuat)", "Check summary (not loaded yet)"),
    "unggah_hasil_judul": ("Hasil pemuatan", "Load result"),
    "unggah_tombol_muat": ("Muat ke gudang data", "Load into the warehouse"),
    "unggah_tombol_batal": ("Batal", "Cancel"),
    "unggah_tidak_ada_yang_dimuat": (
        "Tidak ada baris baru untuk dimuat (berkas sudah pernah dimuat, kosong, atau semua barisnya dikarantina).",
        "There are no new rows to load (the files were loaded before, are empty, or all rows are quarantined).",
    ),
    "unggah_berhasil": (
        "Selesai: {dimuat} baris dimuat, {karantina} dikarantina. Dasbor sudah memakai data baru (data per {tanggal}).",
        "Done: {dimuat} rows loaded, {karantina} quarantined. The dashboard already uses the new data (data as of "
        "{tanggal}).",
    ),
    "unggah_gagal": (
        "Berkas tidak dimuat: {pesan} Gudang data tidak berubah.",
        "The files were not loaded: {pesan} The warehouse is unchanged.",
    ),
    "unggah_karantina_saran": (
        "Baris yang dikarantina dapat diunduh di halaman Kualitas data untuk dikirim kembali ke desa.",
        "Quarantined rows can be downloaded on the Data quality page to send back to the village.",
    ),
    "unggah_jumlah": ("Jumlah: {dibaca} baris dibaca, {dimuat} akan dimuat, {karantina} dikarantina, {dilewati} "
                      "dilewati.",
                      "Total: {dibaca} rows read, {dimuat} to load, {karantina} quarantined, {dilewati} skipped."),
    "unggah_jumlah_dimuat": ("Jumlah: {dibaca} baris dibaca, {dimuat} dimuat, {karantina} dikarantina, {dilewati} "
                             "dilewati.",
                             "Total: {dibaca} rows read, {dimuat} loaded, {karantina} quarantined, {dilewati} "
                             "skipped."),
    "unggah_kol_berkas": ("Berkas", "File"),
    "unggah_kol_lembar": ("Lembar", "Sheet"),
    "unggah_kol_jenis": ("Jenis dikenali", "Kind recognised"),
    "unggah_kol_dibaca": ("Dibaca", "Read"),
    "unggah_kol_akan_dimuat": ("Akan dimuat", "To load"),
    "unggah_kol_dimuat": ("Dimuat", "Loaded"),
    "unggah_kol_karantina": ("Dikarantina", "Quarantined"),
    "unggah_kol_dilewati": ("Dilewati", "Skipped"),
    "unggah_kol_peringatan": ("Peringatan", "Warnings"),
    "unggah_kol_pribadi": ("Kolom data pribadi dibuang", "Personal columns dropped"),
    "unggah_kol_catatan": ("Catatan", "Note"),
    "unggah_cat_galat": ("tidak dapat dibaca: {galat}", "cannot be read: {galat}"),
    "unggah_cat_tanpa_judul": ("lembar tanpa judul kolom yang dikenali: dilewati",
                               "sheet without recognisable column headers: skipped"),
    "unggah_cat_sudah": ("sudah pernah dimuat (isi yang sama): tidak dimuat ulang",
                         "loaded before (same content): not loaded again"),
    "unggah_cat_siap": ("siap dimuat", "ready to load"),
    "unggah_cat_dimuat": ("dimuat", "loaded"),
    "unggah_cat_diabaikan": ("kolom tidak dikenal diabaikan: {kolom}", "unknown columns ignored: {kolom}"),
    "unggah_jenis_laporan_kasus": ("Laporan kasus Puskesos", "Puskesos case report"),
    "unggah_jenis_puskesos": ("Register Puskesos", "Puskesos register"),
    "unggah_jenis_penduduk": ("Penduduk per desa", "Population by village"),
    "unggah_jenis_indikator_kemiskinan": ("Indikator kemiskinan BPS", "BPS poverty indicators"),
    "unggah_jenis_target_kemiskinan": ("Target kemiskinan (dokumen)", "Poverty targets (plans)"),
    "unggah_jenis_dtks": ("Ekstrak DTKS/DTSEN", "DTKS/DTSEN extract"),
    "unggah_jenis_penerima_program": ("Daftar penerima program", "Program roll"),
    "unggah_cli": (
        "Berkas besar atau banyak folder dapat juga dimuat di server dengan perintah yang sama pemeriksaannya:",
        "Large files or many folders can also be loaded on the server, with the same checks:",
    ),
})

# Audit log page
TEKS.update({
    "audit_judul": ("Log audit", "Audit log"),
    "audit_ket": (
        "Catatan yang hanya bisa ditambah: masuk, gagal masuk, keluar, unduhan, unggahan dan pemuatan, perubahan "
        "akun. Waktu setempat. Rantai hash: {rantai}.",
        "An append-only record: log-ins, failed log-ins, log-outs, downloads, uploads and loads, account changes. "
        "Local time. Hash chain: {rantai}.",
    ),
    "audit_rantai_utuh": ("utuh", "intact"),
    "audit_rantai_putus": ("PUTUS mulai catatan #{id}: log telah diubah di luar Pantau",
                           "BROKEN from record #{id}: the log was changed outside Pantau"),
    "audit_sejak": ("Sejak", "Since"),
    "audit_peristiwa": ("Peristiwa", "Event"),
    "audit_pengguna": ("Pengguna", "User"),
    "audit_semua": ("Semua", "All"),
    "audit_kol_waktu": ("Waktu", "Time"),
    "audit_kol_pengguna": ("Pengguna", "User"),
    "audit_kol_peristiwa": ("Peristiwa", "Event"),
    "audit_kol_sasaran": ("Sasaran", "Target"),
    "audit_kol_cakupan": ("Wilayah", "Area"),
    "audit_kol_rincian": ("Rincian", "Details"),
    "audit_kosong": ("Belum ada catatan untuk pilihan ini.", "No records for this choice."),
    "audit_jumlah": ("{n} catatan", "{n} records"),
})

# Warehouse of another schema version (`data.status_gudang` = "versi_lain")
TEKS.update({
    "gudang_versi_lain": (
        "Gudang data di {jalur} dibuat oleh versi Pantau yang lain (susunan tabelnya bukan versi {versi}). Di "
        "server, jalankan **pantau build** untuk membangun ulang tabelnya dari baris yang sudah dimuat (tidak ada "
        "yang perlu dimuat ulang), lalu muat ulang halaman ini.",
        "The warehouse at {jalur} was built by another version of Pantau (its tables are not version {versi}). On "
        "the server, run **pantau build** to rebuild its tables from the rows already loaded (nothing needs to be "
        "loaded again), then reload this page.",
    ),
})

# Small fixes seen by users: program coverage on Profil desa and Rapat kecamatan, the upload box in Indonesian,
# readable audit details and warning names
TEKS.update({
    "cakupan_program_judul": ("Cakupan program", "Program coverage"),
    "cakupan_program_kosong": (
        "Belum ada daftar penerima program di gudang data, jadi cakupan PBI-JK, PKH dan Sembako belum dapat "
        "dihitung. Muat data DTKS/DTSEN terbaru beserta daftar penerima tiap program lewat halaman Unggah data.",
        "No program recipient list is loaded yet, so PBI-JK, PKH and Sembako coverage cannot be computed. Load the "
        "latest DTKS/DTSEN data and each program's recipient list on the Upload data page.",
    ),
    "cakupan_program_ket": (
        "Cakupan = keluarga layak yang menerima program, dibagi semua keluarga layak; angka yang sama dengan "
        "halaman Program. Persen ditulis hanya bila ada sekurang-kurangnya 10 keluarga layak.",
        "Coverage = eligible households receiving the program, divided by all eligible households; the same "
        "numbers as the Programs page. A percentage is shown only with at least 10 eligible households.",
    ),
    "program_kol_program": ("Program", "Program"),
    "program_kol_periode": ("Data", "Data"),
})

# Poverty target: shipped reference data, the source of each number, the gap of one year (issue item 6)
TEKS.update({
    "target_asal_berkas": ("berkas {berkas}", "file {berkas}"),
    "target_asal_referensi": ("referensi bawaan", "built-in reference"),
    "target_asal_referensi_sumber": ("referensi bawaan: {sumber}", "built-in reference: {sumber}"),
    "target_kol_asal": ("Asal data", "Data from"),
    "target_selisih_tahun": ("Selisih {tahun}", "Gap {tahun}"),
    "target_selisih_kosong": ("belum dapat dihitung", "cannot be computed yet"),
    "target_selisih_belum": (
        "belum ada angka BPS untuk tahun yang ditargetkan dokumen ini",
        "no BPS figure yet for a year this document targets",
    ),
    "target_selisih_rincian": ("BPS {tahun} {aktual} − target {tahun} {target}",
                               "BPS {tahun} {aktual} − target {tahun} {target}"),
    "target_selisih_sel": ("{selisih} ({tahun})", "{selisih} ({tahun})"),
    "target_def_selisih_tahun": (
        "**Selisih** = aktual - target untuk satu tahun yang sama: tahun terakhir yang punya angka BPS dan target "
        "dokumen itu. Poin persen; negatif berarti lebih baik dari target.",
        "**Gap** = actual - target for one and the same year: the latest year with both a BPS figure and a target "
        "of the document. Percentage points; negative is better than target.",
    ),
    "target_def_aktual_seri": ("**Kemiskinan BPS**: persentase penduduk miskin (Susenas Maret), tahun BPS terakhir.",
                               "**BPS poverty**: share of poor people (March Susenas), latest BPS year."),
    "target_tren": ("Tren per tahun", "Trend per year"),
    "target_tren_ket": ("garis linear {n} titik BPS terakhir", "linear fit of the last {n} BPS points"),
    "target_def_tren": (
        "**Tren**: kemiringan garis linear 5 titik BPS terakhir, poin persen per tahun (negatif berarti turun).",
        "**Trend**: slope of the linear fit of the last 5 BPS points, percentage points per year (negative = down).",
    ),
    "target_ubin_ket_tahun": ("target {target} ({tahun}, {dokumen}); {selisih}",
                              "target {target} ({tahun}, {dokumen}); {selisih}"),
    "target_ubin_selisih": ("selisih {tahun} {selisih} (BPS {aktual} vs target {target})",
                            "gap {tahun} {selisih} (BPS {aktual} vs target {target})"),
    "target_ubin_selisih_belum": ("selisih belum ada (belum ada angka BPS pada tahun target)",
                                  "no gap yet (no BPS figure for a target year)"),
    "target_ubin_tanpa_dokumen": ("belum ada dokumen target", "no target document yet"),
    "target_belum_ada_bps": (
        "Belum ada seri BPS kemiskinan untuk kabupaten ini (referensi bawaan Pantau belum memuatnya). Muat berkas "
        "dengan kolom “kode_kab, nama_kab, tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber” "
        "lewat halaman Unggah data atau **pantau ingest BERKAS**.",
        "No BPS poverty series for this regency yet (Pantau's built-in reference does not hold it). Load a file with "
        "the columns “kode_kab, nama_kab, tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber” on "
        "the Upload data page or with **pantau ingest FILE**.",
    ),
    "target_belum_ada_dokumen": (
        "Belum ada dokumen target kemiskinan untuk kabupaten ini: yang tampil adalah seri BPS dan trennya. Untuk "
        "membandingkan dengan target, muat dokumen perencanaan (mis. RPJMD 2025-2029) sebagai berkas dengan kolom "
        "“kode_kab, dokumen, tahun, target_persen” (opsional “target_persen_atas, sumber, catatan”), satu baris per "
        "tahun, lewat halaman Unggah data (jenis \"Target kemiskinan (dokumen)\") atau **pantau ingest BERKAS**.",
        "No poverty target document for this regency yet: shown are the BPS series and its trend. To compare with a "
        "target, load the planning document (e.g. RPJMD 2025-2029) as a file with the columns "
        "“kode_kab, dokumen, tahun, target_persen” (optional “target_persen_atas, sumber, catatan”), one row per "
        "year, on the Upload data page (kind \"Poverty targets (plans)\") or with **pantau ingest FILE**.",
    ),
    "target_ket_asal": (
        "\"Referensi bawaan\": angka yang dibawa Pantau (data/reference, sumbernya di kolom Sumber). Baris dari "
        "berkas yang dimuat pengguna dengan kabupaten dan tahun (dan dokumen) yang sama menggantikannya.",
        "\"Built-in reference\": figures shipped with Pantau (data/reference, their source in the Source column). "
        "A row of a file loaded by the user with the same regency and year (and document) replaces them.",
    ),
    "kualitas_peringatan_kabupaten_lain_dilewati": ("Baris kabupaten lain dilewati", "Other regency's row skipped"),
})

# Due months (metrics.md section 3): partial months are marked and never compared
TEKS.update({
    "periode_belum_lengkap": (
        "Periode {periode} (belum lengkap: laporan bulan terakhirnya belum jatuh tempo, jadi tanpa perbandingan)",
        "Period {periode} (incomplete: reports for its last month are not yet due, so no comparison)",
    ),
    "ket_belum_lengkap": (
        "Belum lengkap: laporan bulan terakhir belum jatuh tempo.",
        "Incomplete: reports for the last month are not yet due.",
    ),
    "pr_bulan_tidak_melapor": ("{bulan} (tidak melapor)", "{bulan} (no report)"),
    "pr_lapor_belum_jatuh_tempo": ("Belum jatuh tempo", "Not yet due"),
    "target_ubin_tingkat_kabupaten": (
        "Angka tingkat kabupaten (BPS tidak menerbitkannya per kecamatan atau desa).",
        "Regency-level figure (BPS does not publish it per district or village).",
    ),
    "pr_bulan_belum_lengkap": ("{bulan} (belum lengkap)", "{bulan} (incomplete)"),
})

# Log audit: the details of a record in words (`dashboard.komponen.audit`)
TEKS.update({
    "audit_r_peran": ("peran", "role"),
    "audit_r_alasan": ("alasan", "reason"),
    "audit_r_cara": ("cara masuk", "sign-in method"),
    "audit_r_sampai": ("terkunci sampai", "locked until"),
    "audit_r_gagal_maks": ("batas gagal masuk", "failed log-in limit"),
    "audit_r_batas_menit": ("batas tidak aktif (menit)", "idle limit (minutes)"),
    "audit_r_hak": ("jenis unduhan", "kind of download"),
    "audit_r_bita": ("ukuran", "size"),
    "audit_r_surel": ("surel", "email"),
    "audit_r_pesan": ("pesan", "message"),
    "audit_r_url": ("tautan", "link"),
    "audit_r_berkas": ("berkas", "files"),
    "audit_r_jumlah": ("jumlah baris", "rows"),
    "audit_r_galat": ("galat", "error"),
    "audit_r_sebagai": ("atas nama", "on behalf of"),
    "audit_r_set": ("kumpulan angka", "figures"),
    "audit_r_tingkat": ("tingkat", "level"),
    "audit_r_baris": ("baris", "rows"),
    "audit_r_dari": ("dari", "from"),
    "audit_r_wilayah": ("wilayah", "area"),
    "audit_r_kab": ("kabupaten", "regency"),
    "audit_r_kec": ("kecamatan", "district"),
    "audit_r_desa": ("desa", "village"),
    "audit_r_bahasa": ("bahasa", "language"),
    "audit_r_program": ("program", "program"),
    "audit_r_dokumen": ("dokumen", "document"),
    "audit_peran_pimpinan": ("Pimpinan", "Leadership"),
    "audit_peran_perencana": ("Perencana", "Planner"),
    "audit_peran_operator": ("Operator", "Operator"),
    "audit_peran_kecamatan": ("Koordinator kecamatan", "District coordinator"),
    "audit_peran_desa": ("Operator desa", "Village operator"),
    "audit_peran_admin": ("Admin", "Admin"),
    "audit_hak_unduh": ("data (CSV/XLSX)", "data (CSV/XLSX)"),
    "audit_hak_unduh_laporan": ("bahan rapat (PDF/PPTX)", "meeting pack (PDF/PPTX)"),
    "audit_ukuran_kb": ("{kb} KB", "{kb} KB"),
    "audit_jumlah_baris": ("{dibaca} dibaca, {dimuat} dimuat, {dikarantina} dikarantina, {dilewati} dilewati",
                           "{dibaca} read, {dimuat} loaded, {dikarantina} quarantined, {dilewati} skipped"),
    "audit_ya": ("ya", "yes"),
    "audit_tidak": ("tidak", "no"),
})

# Unggah data: the upload box's own words (Streamlit draws them in English; `dashboard.komponen.unggah`)
TEKS.update({
    "unggah_tombol_pilih": ("Cari berkas", "Browse files"),
    "unggah_petunjuk": ("Tarik berkas ke sini, atau tekan Cari berkas · paling besar {mb} MB per berkas · {jenis}",
                        "Drag files here, or press Browse files · at most {mb} MB per file · {jenis}"),
    "unggah_pilih_bantuan": (
        "Boleh beberapa berkas sekaligus. Tidak ada yang disimpan sebelum Anda menekan Muat ke gudang data.",
        "Several files at once are fine. Nothing is stored before you press Load into the warehouse.",
    ),
})

# Sensitive referrals (`metrics.md` section 7): left out of every referral figure, counted for the kabupaten only
TEKS.update({
    "rujukan_catatan_sensitif": (
        "Rujukan kasus sensitif (kekerasan terhadap perempuan atau anak, korban kekerasan, dan semua rujukan ke UPTD "
        "PPA) tidak dihitung dalam angka rujukan desa dan kecamatan, juga tidak dalam tunggakan, untuk melindungi "
        "korban. Jumlahnya hanya ditampilkan untuk seluruh kabupaten.",
        "Referrals of sensitive cases (violence against women or children, victims of violence, and every referral "
        "to the UPTD PPA) are left out of village and district referral figures, tunggakan included, to protect "
        "victims. Their number is shown for the whole regency only.",
    ),
    "rujukan_catatan_sensitif_kab": (
        "Tidak termasuk dalam angka di atas: rujukan kasus sensitif (kekerasan terhadap perempuan atau anak, korban "
        "kekerasan, dan semua rujukan ke UPTD PPA), yang hanya dihitung untuk seluruh kabupaten: {dikirim} dimulai "
        "dalam periode; dari jumlah itu, per tanggal data {terbuka} masih terbuka, {terlambat} lewat batas waktu, "
        "{tanpa_respon} tanpa respon lebih dari 14 hari.",
        "Not included in the figures above: referrals of sensitive cases (violence against women or children, "
        "victims of violence, and every referral to the UPTD PPA), counted for the whole regency only: {dikirim} "
        "started in the period; of them, at the data date {terbuka} still open, {terlambat} past the deadline, "
        "{tanpa_respon} without response for more than 14 days.",
    ),
    "rujukan_daftar_tanpa_sensitif": (
        "Kasus sensitif tidak didaftar di sini, untuk peran apa pun: penanganan korban dipantau di sistem kasus "
        "UPTD PPA.",
        "Sensitive cases are not listed here, for any role: casework with victims is followed in the UPTD PPA "
        "case system.",
    ),
})
# The briefing pack (dashboard/laporan.py): sections added to the tiles
TEKS.update({
    "bahan_tanda_sebagian": ("Belum lengkap: memuat {bulan}, belum jatuh tempo",
                             "Incomplete: includes {bulan}, not yet due"),
    "bahan_ket_sebagian": (
        "Bulan bertanda * belum jatuh tempo (laporannya belum wajib masuk): angkanya belum lengkap.",
        "Months marked * are not yet due (their reports need not be in yet): their numbers are incomplete.",
    ),
    "bahan_sampul_jatuh_tempo": (
        "Bulan jatuh tempo terakhir: {bulan} (per tanggal data {tanggal}); bulan sesudahnya belum lengkap.",
        "Last due month: {bulan} (at the data date {tanggal}); later months are incomplete.",
    ),
    "bahan_sampul_sebagian": (
        "Periode ini memuat {bulan}, yang laporannya belum jatuh tempo: angka kasus ditandai belum lengkap dan tidak "
        "dibandingkan.",
        "This period includes {bulan}, whose reports are not yet due: case counts are marked incomplete and not "
        "compared.",
    ),
    "bahan_target_judul": ("Angka kemiskinan dan target dokumen perencanaan", "Poverty rate and planning targets"),
    "bahan_pita_bawah": ("Batas bawah proyeksi (80 %)", "Projection lower bound (80%)"),
    "bahan_pita_atas": ("Batas atas proyeksi (80 %)", "Projection upper bound (80%)"),
    "bahan_target_tahunan": ("Target tahunan {dokumen}", "Yearly targets {dokumen}"),
    "bahan_ket_target_kab": (
        "Persentase penduduk miskin menurut BPS, jalur penurunan yang diperlukan tiap dokumen perencanaan (yang "
        "terbaru berwarna, yang lain abu-abu; tidak pernah digabung), target tahunan dokumen, dan proyeksi tren lima "
        "titik BPS terakhir dengan rentang 80 %. Sama dengan halaman Target.",
        "Poverty rate by BPS, the path each planning document requires (the newest in colour, the others grey; "
        "never merged), the documents' yearly targets, and the trend of the last five BPS points with its 80% band. "
        "As on the Target page.",
    ),
    "bahan_ket_target": (
        "BPS menerbitkan angka kemiskinan per kabupaten: grafik ini milik {kab}, bukan wilayah terpilih. Jalur tiap "
        "dokumen perencanaan, target tahunan, dan proyeksi tren dengan rentang 80 %, sama dengan halaman Target.",
        "BPS publishes the poverty rate per regency: this chart is {kab}'s, not the selected area's. Each planning "
        "document's path, its yearly targets and the trend with its 80% band, as on the Target page.",
    ),
    "bahan_peta_judul": ("Peta tunggakan rujukan per desa · {wilayah}", "Overdue referrals per village · {wilayah}"),
    "bahan_ket_peta": (
        "Warna: rujukan terbuka yang melewati SLA per {tanggal}, kelas dan warna sama dengan halaman Peta; diam dan "
        "tanpa data diberi warna sendiri. {cara}",
        "Colour: open referrals past their SLA at {tanggal}, same classes and colours as the Map page; silent and "
        "no data have colours of their own. {cara}",
    ),
    "bahan_peta_batas": ("Batas desa resmi yang diimpor.", "Imported official village boundaries."),
    "bahan_peta_petak": (
        "Belum ada batas desa resmi: satu kotak per desa, dikelompokkan per kecamatan.",
        "No official boundaries yet: one square per village, grouped by kecamatan.",
    ),
    "bahan_peta_terlewat": ("{n} nama tidak ditulis karena akan bertumpuk.", "{n} names left out to avoid overlap."),
    "bahan_banding_judul": ("Perbandingan {n} kecamatan, diurutkan menurut tunggakan rujukan",
                            "{n} kecamatan compared, ranked by overdue referrals"),
    "bahan_banding_grafik": ("Tunggakan rujukan per kecamatan per {tanggal}",
                             "Overdue referrals per kecamatan at {tanggal}"),
    "bahan_banding_catatan": (
        "Kasus baru dan selesai ≤ 90 hari: periode {periode}; tunggakan dan Puskesos aktif: per {tanggal}. Angka "
        "tiap baris sama dengan ubin Ringkasan bila kecamatan itu dipilih.",
        "New cases and completed ≤ 90 days: period {periode}; overdue and active Puskesos: at {tanggal}. Each row "
        "equals the Summary tiles when that kecamatan is selected.",
    ),
    "bahan_kol_no": ("No", "No"),
    "bahan_kol_desa": ("Desa", "Village"),
    "bahan_kol_status": ("Puskesos", "Puskesos"),
    "bahan_kol_lengkap": ("Kelengkapan", "Completeness"),
    "bahan_banding_desa_judul": ("Perbandingan {n} desa Kec. {kec}, diurutkan menurut tunggakan rujukan",
                                 "{n} villages of Kec. {kec} compared, ranked by overdue referrals"),
    "bahan_banding_desa_grafik": ("Tunggakan rujukan per desa per {tanggal}",
                                  "Overdue referrals per village at {tanggal}"),
    "bahan_banding_desa_catatan": (
        "Kasus baru, selesai ≤ 90 hari dan kelengkapan laporan: periode {periode}; tunggakan dan status Puskesos: per "
        "{tanggal}. Angka tiap baris sama dengan halaman Rapat kecamatan.",
        "New cases, completed ≤ 90 days and reporting completeness: period {periode}; overdue and Puskesos status: at "
        "{tanggal}. Each row equals the District meeting page.",
    ),
    "bahan_rincian_judul": ("Kasus baru per kategori, kelompok sasaran dan kanal, {periode}",
                            "New cases by category, target group and channel, {periode}"),
    "bahan_rincian_gabungan": ("{n} lainnya digabung", "{n} others combined"),
    "bahan_rincian_ket": (
        "Kasus baru per bulan, sama dengan tabel tren di Ringkasan. Bila lebih dari {n} kode berisi kasus, {maks} "
        "terbanyak dalam periode digambar sendiri dan sisanya digabung.",
        "New cases per month, as in the Summary's trend tables. When more than {n} codes hold cases, the {maks} "
        "largest of the period are drawn and the rest combined.",
    ),
    "bahan_rincian_ket_bawah": (
        "Di bawah tingkat kabupaten hanya kasus yang tidak sensitif yang digambar (kategori kekerasan, di Ringkasan "
        "ditulis <5, tidak digambar), sama dengan tabel di Ringkasan, agar tidak ada angka kasus sensitif yang dapat "
        "dihitung balik.",
        "Below kabupaten level only the cases that are not sensitive are drawn (the violence categories, written <5 "
        "on the Summary, are not), as in the Summary's tables, so that no sensitive count can be worked out.",
    ),
    "bahan_kol_kecamatan": ("Kecamatan", "Kecamatan"),
    "bahan_kol_tunggakan": ("Tunggakan", "Overdue"),
    "bahan_kol_kasus": ("Kasus baru", "New cases"),
    "bahan_kol_selesai": ("Selesai ≤ 90 hari", "Completed ≤ 90 days"),
    "bahan_kol_aktif": ("Puskesos aktif", "Active Puskesos"),
    "bahan_perubahan_judul": ("Yang berubah: {bulan} dibanding {lalu}", "What changed: {bulan} against {lalu}"),
    "bahan_perubahan_tidak_ada": (
        "{bulan} belum dapat dibandingkan dengan {lalu}: gudang data belum memuat bulan {lalu} seluruhnya.",
        "{bulan} cannot be compared with {lalu} yet: the warehouse does not hold all of {lalu}.",
    ),
    "bahan_naik": ("naik {n}", "up {n}"),
    "bahan_turun": ("turun {n}", "down {n}"),
    "bahan_sama": ("sama", "unchanged"),
    "bahan_kalimat_kasus": (
        "Kasus baru bulan {bulan}: {n}, {arah}{persen} dibanding {lalu} ({n_lalu}).",
        "New cases in {bulan}: {n}, {arah}{persen} against {lalu} ({n_lalu}).",
    ),
    "bahan_kalimat_rujukan": (
        "Rujukan dikirim bulan {bulan}: {n}, {arah} dibanding {lalu} ({n_lalu}).",
        "Referrals sent in {bulan}: {n}, {arah} against {lalu} ({n_lalu}).",
    ),
    "bahan_kalimat_tunggakan": (
        "Dari rujukan yang dimulai bulan {bulan}, {n} sudah melewati SLA per {tanggal}; dari yang dimulai {lalu}, "
        "{n_lalu}.",
        "Of the referrals started in {bulan}, {n} are past their SLA at {tanggal}; of those started in {lalu}, "
        "{n_lalu}.",
    ),
    "bahan_kalimat_selesai": (
        "Rujukan selesai ≤ 90 hari: {persen} untuk kohort {bulan}, {persen_lalu} untuk kohort {lalu}.",
        "Referrals completed ≤ 90 days: {persen} for the {bulan} cohort, {persen_lalu} for {lalu}.",
    ),
    "bahan_kalimat_selesai_belum": (
        "Rujukan selesai ≤ 90 hari belum dibandingkan: kohort {bulan} belum matang (belum 90 hari berlalu).",
        "Referrals completed ≤ 90 days are not compared yet: the {bulan} cohort is not mature (90 days have not "
        "passed).",
    ),
    "bahan_kalimat_kec_naik": ("Kenaikan kasus baru terbesar: Kec. {kec} (naik {n}).",
                               "Largest rise in new cases: Kec. {kec} (up {n})."),
    "bahan_kalimat_kec_turun": ("Penurunan kasus baru terbesar: Kec. {kec} (turun {n}).",
                                "Largest fall in new cases: Kec. {kec} (down {n})."),
    "bahan_kalimat_kec_sama": ("Kasus baru tidak berubah di kecamatan mana pun.",
                               "New cases did not change in any kecamatan."),
    "bahan_perubahan_catatan": (
        "Hanya bulan yang sudah jatuh tempo dibandingkan; {bulan} belum jatuh tempo dan tidak dibandingkan.",
        "Only due months are compared; {bulan} is not yet due and is not compared.",
    ),
    "bahan_tujuan_judul": ("Rujukan lewat SLA per tujuan", "Overdue referrals by destination"),
    "bahan_tujuan_catatan": (
        "Rujukan yang dimulai {periode}, keadaannya per {tanggal}; tabel yang sama dengan halaman Rujukan.",
        "Referrals started {periode}, as they stood at {tanggal}; the same table as the Referrals page.",
    ),
    "bahan_def_jatuh_tempo": (
        "Bulan jatuh tempo: laporan bulan M wajib masuk paling lambat tanggal 10 bulan berikutnya. Sebelum tanggal "
        "itu lewat, bulan M belum lengkap: tidak dihitung sebagai tidak melapor dan tidak dibandingkan dengan bulan "
        "yang lengkap.",
        "Due month: the report for month M is due on day 10 of the next month. Until then month M is incomplete: it "
        "never counts as missing and is never compared with a complete month.",
    ),
    "bahan_def_proyeksi": (
        "Proyeksi: garis lurus melalui lima angka BPS terakhir, dengan rentang tempat angka tahun depan jatuh pada 8 "
        "dari 10 kemungkinan (80 %).",
        "Projection: a straight line through the last five BPS figures, with the band where next year's figure falls "
        "8 times in 10 (80%).",
    ),
    "bahan_def_peta": (
        "Peta: tiap desa diwarnai menurut tunggakan rujukannya per tanggal data. Diam: desa yang diharapkan melapor "
        "tetapi tidak mengirim laporan dalam 3 bulan terakhir periode. Tanpa data: desa yang belum pernah melapor.",
        "Map: each village coloured by its overdue referrals at the data date. Silent: a village expected to report "
        "that sent nothing in the last 3 months of the period. No data: a village that has never reported.",
    ),
})

# Phone layout, projector presentation mode and readable charts (issue "The briefing in the room")
TEKS.update({
    "filter_ringkas": ("Filter · {wilayah} · {periode}", "Filters · {wilayah} · {periode}"),
    "akun_dan_bahasa": ("Akun dan bahasa", "Account and language"),
    "presentasi_masuk": ("Mode presentasi", "Presentation mode"),
    "presentasi_keluar": ("Keluar dari mode presentasi", "Leave presentation mode"),
    "rapat_presentasi_pilih_kec": (
        "Pilih dulu kecamatan rapat: keluar dari mode presentasi (tautan di atas), pilih kecamatan di kotak filter, "
        "lalu buka lagi mode presentasi.",
        "Choose the meeting's kecamatan first: leave presentation mode (the link above), choose the kecamatan in the "
        "filter box, then open presentation mode again."),
    "presentasi_bantuan": (
        "Untuk proyektor ruang rapat: tanpa menu dan kotak pilihan, angka lebih besar, peta setinggi layar dengan "
        "nama desa dan kecamatan. Wilayah dan periode tetap yang dipilih sekarang.",
        "For a meeting-room projector: no menu or boxes, larger numbers, a full-height map with desa and kecamatan "
        "names. The area and period stay as chosen now.",
    ),
    "peta_tanpa_data_program": ("Tidak ada data (tanpa DTKS, atau kurang dari 10 keluarga layak)",
                                "No data (no DTKS, or fewer than 10 eligible households)"),
    "peta_kelas_cakupan_ket": (
        "Cakupan program selalu memakai kelas tetap: kurang dari 20 %, 20–39,9 %, 40–59,9 %, 60–79,9 %, 80 % ke atas; "
        "sama untuk setiap program, desa dan periode. Setiap desa masuk kelas menurut angkanya yang tertulis "
        "(dibulatkan ke 0,1 %).",
        "Programme coverage always uses fixed classes: under 20 %, 20–39.9 %, 40–59.9 %, 60–79.9 %, 80 % and over; "
        "the same for every programme, desa and period. Each desa goes in the class of its shown figure (rounded to "
        "0.1 %).",
    ),
    "peta_kelas_presentasi": ("Kelas dihitung atas seluruh {kab}.", "Classes are computed over the whole of {kab}."),
    "program_dinonaktifkan": ("Dinonaktifkan", "Deactivated"),
    "program_sumbu_nonaktif": ("Penerima dinonaktifkan ({periode})", "Recipients deactivated ({periode})"),
    "program_kembali_teks": ("{n} ({persen} dari yang dinonaktifkan)", "{n} ({persen} of those deactivated)"),
    "target_jalur_lain": ("Jalur {dokumen}", "Path of {dokumen}"),
    "target_ket_dokumen_lain_warna": (
        "Garis putus-putus berwarna: dokumen lain untuk kabupaten yang sama, masing-masing dengan warna dan pola "
        "garisnya sendiri, ditampilkan apa adanya (mis. RPJMD dan P-RPJMD 2018-2023 Jombang berbeda untuk 2023).",
        "Coloured dashed lines: other documents for the same regency, each with its own colour and dash, shown as "
        "they are (e.g. Jombang's RPJMD and P-RPJMD 2018-2023 differ for 2023).",
    ),
    "target_ket_pp": (
        "pp = poin persentase: selisih antara dua angka persen (8,36 % dan 8,04 % berselisih 0,32 pp), bukan persen "
        "dari persen.",
        "pp = percentage points: the difference between two percentages (8.36 % and 8.04 % differ by 0.32 pp), not a "
        "percent of a percent.",
    ),
})

# Trends by category, target group and channel; the Puskesos register summed; the program cases ask for; what the
# deactivated did next (Ringkasan of a kabupaten or kecamatan, Program)
TEKS.update({
    "tren_rincian_judul": ("Tren kasus per kategori, kelompok sasaran dan kanal",
                           "Case trends by category, target group and channel"),
    "tren_tab_kategori": ("Kategori", "Category"),
    "tren_tab_sasaran": ("Kelompok sasaran", "Target group"),
    "tren_tab_kanal": ("Kanal", "Channel"),
    "tren_kol_kelompok_sasaran": ("Kelompok sasaran", "Target group"),
    "tren_kol_kanal": ("Kanal", "Channel"),
    "tren_total": ("Jumlah", "Total"),
    "tren_tidak_diisi": ("Tidak diisi", "Not filled in"),
    "tren_ket_bawah": (
        "Di bawah tingkat kabupaten rincian ini hanya memuat kasus yang tidak sensitif (bukan kekerasan, sasarannya "
        "bukan korban kekerasan), sama dengan jumlah kasus yang ditampilkan di sini, agar tidak ada angka kasus "
        "sensitif yang dapat dihitung balik.",
        "Below kabupaten level this breakdown counts only the cases that are not sensitive (not violence, not a "
        "victim of violence as target), the same cases as the total shown here, so that no sensitive count can be "
        "worked out.",
    ),
    "tren_ket_kabupaten": ("Tingkat kabupaten: semua kasus, termasuk kasus sensitif.",
                           "Kabupaten level: every case, sensitive ones included."),
    "tren_reg_judul": ("Register Puskesos", "Puskesos register"),
    "tren_reg_kalimat": (
        "{desa} desa/kelurahan; menurut register yang dimuat, Puskesos terbentuk di {dibentuk} desa: {sk} dengan SK, "
        "{terlatih} dengan ketua terlatih, {anggaran} dengan anggaran desa. Aktif melapor per {tanggal}: {aktif}.",
        "{desa} villages; according to the loaded register a Puskesos was formed in {dibentuk}: {sk} with a decree, "
        "{terlatih} with a trained chair, {anggaran} with a village budget. Actively reporting as of {tanggal}: "
        "{aktif}.",
    ),
    "tren_reg_ket": (
        "Terbentuk = baris register dengan status selain belum dibentuk; SK, ketua terlatih dan anggaran dihitung "
        "di antara yang terbentuk. Aktif = melapor di setiap 2 bulan jatuh tempo terakhir.",
        "Formed = a register row whose status is not 'not formed'; decree, trained chair and budget are counted among "
        "those formed. Active = reported in each of the last 2 due months.",
    ),
    "tren_reg_wilayah": ("Wilayah", "Area"),
    "tren_reg_jumlah_desa": ("Desa", "Villages"),
    "tren_reg_dibentuk": ("Puskesos terbentuk", "Puskesos formed"),
    "tren_reg_dengan_sk": ("Dengan SK", "With decree"),
    "tren_reg_ketua_terlatih": ("Ketua terlatih", "Trained chair"),
    "tren_reg_dengan_anggaran": ("Anggaran desa", "Village budget"),
    "tren_reg_aktif": ("Aktif melapor", "Actively reporting"),
    "program_diminta_judul": ("Program yang diminta kasus", "Programs the cases ask for"),
    "program_diminta_kosong": ("Tidak ada kasus yang menyebut program dalam {periode}.",
                               "No case named a program in {periode}."),
    "program_diminta_ket": (
        "Kasus baru {periode} menurut program yang diminta, dan berapa yang dirujuk dan rujukannya selesai. Tanpa "
        "kasus sensitif.",
        "New cases {periode} by the program they ask for, how many were referred and had a referral completed. "
        "Sensitive cases left out.",
    ),
    "program_kol_kasus": ("Kasus", "Cases"),
    "program_kol_dirujuk": ("Dirujuk", "Referred"),
    "program_kol_selesai": ("Rujukan selesai", "Referral completed"),
    "program_tindak_judul": ("Penerima yang dinonaktifkan: datang ke Puskesos?",
                             "Deactivated recipients: did they come to a Puskesos?"),
    "program_tindak_kalimat": (
        "Dari {n} penerima yang dinonaktifkan, {datang} datang ke Puskesos (kasus dari keluarga yang sama pada bulan "
        "penonaktifan atau sesudahnya), {dirujuk} dirujuk dan {selesai} rujukannya selesai; {kembali} diaktifkan "
        "kembali.",
        "Of {n} deactivated recipients, {datang} came to a Puskesos (a case of the same household in the month of "
        "deactivation or later), {dirujuk} were referred and {selesai} had a referral completed; {kembali} were "
        "reactivated.",
    ),
    "program_tindak_ket": (
        "Dicocokkan lewat pseudonim No KK (atau NIK) kasus dan daftar penerima; kasus tanpa No KK tidak dapat "
        "dicocokkan. Tanpa kasus sensitif.",
        "Matched by the pseudonym of the case's and the roll's No KK (or NIK); a case without a No KK cannot be "
        "matched. Sensitive cases left out.",
    ),
    "program_kol_bulan": ("Bulan penonaktifan", "Month of deactivation"),
    "program_kol_dinonaktifkan": ("Dinonaktifkan", "Deactivated"),
    "program_kol_datang": ("Datang ke Puskesos", "Came to a Puskesos"),
    "program_kol_kembali": ("Diaktifkan kembali", "Reactivated"),
})

# Ringkasan on a phone: the wide trend and register tables are left to a wider screen
TEKS.update({
    "tren_ponsel_layar_lebar": (
        "Tren per kategori, kelompok sasaran dan kanal, serta register Puskesos per wilayah, ada di layar yang lebih "
        "lebar (laptop atau proyektor).",
        "Trends by category, target group and channel, and the Puskesos register by area, are on a wider screen "
        "(laptop or projector).",
    ),
})
