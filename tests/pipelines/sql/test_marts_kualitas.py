"""The data-quality marts (mart_pelaporan_desa_bulan, mart_karantina, mart_peringatan, mart_kualitas_desa) against
numbers worked out by hand from the Perak files (tests/conftest.py) plus the two Kec. Kabuh reports of
`tests/fixtures/app_rujukan/` (loaded together by `app_rujukan.bangun_gudang`: `gudang_rujukan` of
`tests/conftest.py`). Cut-off 2025-05-09.

Month grid: June 2024 (first Kabuh report) to May 2025. Deadline of month M = day 10 of M+1.
12-month strip (status_lapor), Jun 2024 .. Apr 2025 (t = tepat_waktu, L = terlambat, n = nihil, D = diam,
- = belum_diharapkan, w = belum_jatuh_tempo):
    Kabuh 35.17.16.2004      t t L t t t t t L t t   (Aug sent 15/09, Feb sent 12/03: late; Apr sent 09/05 <= 10/05)
    Marmoyo 35.17.16.2001    t n D D n t D n D t w   (Oct nihil sent 20/11: still "nihil"; Apr: nothing yet, due 10/05)
    Mangunan 35.17.16.2003   - - - - - - - t L n t   (first report Jan 2025, no register: expected from then)
    Pagerwojo 35.17.01.2004  D D D D D D D D D D w   (register: SK 15/01/2024, every row quarantined)
    Kepuhkajang 35.17.01.2002  Jun..Feb -, Mar t, Apr n; Sembung 35.17.01.2006 (belum dibentuk): all -.

Quality window: the last 12 DUE months, Apr 2024 .. Mar 2025 (at 9 May the April report is not due until 10 May,
so April is judged neither for nor against a desa, and its rows and quarantine are outside the window). Months
counted = expected and due. Score = 40 kelengkapan + 20 ketepatan + 20 (1 - porsi_karantina) + 10 (1 - porsi_peringatan)
+ 10 porsi_nik_ada (mart_kualitas_desa.sql).
- Kabuh: months Jun..Mar 10, received 10, on time 8 (Aug, Feb late). Loaded rows: 2024 file rows 2,4,6,7,8,10,14 (7)
  + 2025 file rows 2,5,6,8 (Jan, Feb, the Jan case again, Mar) = 11, all case rows; without NIK rows 4 (2024) and
  5 (2025) = 2; with a non-NIK warning: row 6 of 2024 ("Bantuan kambing", label_tidak_dikenal) = 1; the quarantined
  2025 row 11 (30/02/2025) belongs to the file's April: outside the window.
  40 + 20*8/10 + 20 + 10*10/11 + 10*9/11 = 40 + 16 + 20 + 9.091 + 8.182 = 93.27 -> 93.3
- Marmoyo: months 10 (Jun..Mar), received 6 (Jun, Jul n, Oct n, Nov, Jan n, Mar), on time 5 (Oct late).
  Rows: 2024 rows 3,5,9,11,12 + 2025 rows 3,9 = 7, of which nihil 3 -> 4 case rows, all with a valid NIK;
  warnings: row 11 of 2024 (nama_desa_mirip "Marmoyoo" and duplikat_dalam_berkas) = 1 row; no quarantine.
  40*6/10 + 20*5/10 + 20 + 10*6/7 + 10 = 24 + 10 + 20 + 8.571 + 10 = 72.571 -> 72.6
- Mangunan: months Jan..Mar 3, received 3, on time 2 (Feb sent 20/03); rows 3 (1 nihil), NIK all valid, no warning:
  40 + 20*2/3 + 20 + 10 + 10 = 93.33 -> 93.3
- Jantiganggong (Perak): month Mar on time; rows 4 dated March (CSV 5,6,7 and the March case updated in the April
  sheet, XLSX 5, which has no NIK; one case revised): 40 + 20 + 20 + 10 + 10*3/4 = 97.5
- Kepuhkajang: Mar on time; rows CSV 8 (KDRT, NIK ...0000 invalid), 9 (unknown label) and the March case updated in
  the April sheet (XLSX 6, no NIK): case rows 3, without NIK 2, non-NIK warnings 1 of 3:
  40 + 20 + 20 + 10*2/3 + 10/3 = 90.0
- Perak 35.17.01.2005: March on time; 1 row loaded (=HYPERLINK, teks_seperti_rumus, no NIK), 1 quarantined
  (CSV row 13, empty tanggal_lapor): 40 + 20 + 20*1/2 + 0 + 0 = 70.0
- Pagerwojo: 10 months (Jun..Mar), none received; 0 rows loaded, 1 quarantined (CSV row 11, 31/02/2025): 0.0
- Sembung: no expected month: not scored (null).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from pipelines import build
from pipelines.gudang import buka_baca

from tests.fixtures import buat_konfigurasi, kueri

STRIP = {"tepat_waktu": "t", "terlambat": "L", "nihil": "n", "diam": "D", "belum_diharapkan": "-",
         "belum_jatuh_tempo": "w"}


def _strip(con_atau_gudang: Path | duckdb.DuckDBPyConnection, kode: str) -> str:
    sql = ("select status_lapor from mart_pelaporan_desa_bulan where kode_desa = $k "
           "and bulan between '2024-06-01' and '2025-04-01' order by bulan")
    if isinstance(con_atau_gudang, Path):
        baris = kueri(con_atau_gudang, sql, {"k": kode})
    else:
        baris = con_atau_gudang.execute(sql, {"k": kode}).fetchall()
    return " ".join(STRIP[s] for (s,) in baris)


def test_pita_12_bulan_desa_bernama(gudang_rujukan: Path) -> None:
    assert _strip(gudang_rujukan, "35.17.16.2004") == "t t L t t t t t L t t"
    assert _strip(gudang_rujukan, "35.17.16.2001") == "t n D D n t D n D t w"
    assert _strip(gudang_rujukan, "35.17.16.2003") == "- - - - - - - t L n t"
    assert _strip(gudang_rujukan, "35.17.01.2004") == "D D D D D D D D D D w"
    assert _strip(gudang_rujukan, "35.17.01.2002") == "- - - - - - - - - t n"
    assert _strip(gudang_rujukan, "35.17.01.2006") == "- - - - - - - - - - -"
    # the cut-off month itself: nothing can be late yet
    assert kueri(gudang_rujukan, "select distinct status_lapor from mart_pelaporan_desa_bulan "
                  "where bulan = '2025-05-01' and kode_desa in ('35.17.16.2004', '35.17.01.2004')") == [
        ("belum_jatuh_tempo",)]


def test_skor_kualitas_dihitung_tangan(gudang_rujukan: Path) -> None:
    skor = dict(kueri(gudang_rujukan, "select kode_desa, skor_kualitas from mart_kualitas_desa where kode_desa in "
                               "('35.17.16.2004', '35.17.16.2001', '35.17.16.2003', '35.17.01.2001', "
                               "'35.17.01.2002', '35.17.01.2005', '35.17.01.2004', '35.17.01.2006')"))
    assert skor == {
        "35.17.16.2004": 93.3, "35.17.16.2001": 72.6, "35.17.16.2003": 93.3, "35.17.01.2001": 97.5,
        "35.17.01.2002": 90.0, "35.17.01.2005": 70.0, "35.17.01.2004": 0.0, "35.17.01.2006": None,
    }
    # only the 9 desa that were expected to report have a score
    assert kueri(gudang_rujukan, "select count(skor_kualitas), count(*) from mart_kualitas_desa") == [(9, 306)]


def test_bagian_skor_kabuh_dan_marmoyo(gudang_rujukan: Path) -> None:
    kolom = ("bulan_dinilai, bulan_diterima, bulan_tepat_waktu, bulan_nihil, bulan_diam, baris_dimuat, baris_kasus, "
             "baris_tanpa_nik, baris_peringatan, baris_duplikat, baris_karantina, kasus_direvisi, jumlah_revisi")
    [kabuh] = kueri(gudang_rujukan, f"select {kolom} from mart_kualitas_desa where kode_desa = '35.17.16.2004'")
    # KBH-2501-01 was sent on 5 Feb and again (Selesai) on 5 Mar: one case revised once
    assert kabuh == (10, 10, 8, 0, 0, 11, 11, 2, 1, 0, 0, 1, 1)
    [marmoyo] = kueri(gudang_rujukan, f"select {kolom} from mart_kualitas_desa where kode_desa = '35.17.16.2001'")
    # the duplicate MRM-2411-01 (rows 11 and 12, same send date) is one case with one version: not a revision
    assert marmoyo == (10, 6, 5, 3, 4, 7, 4, 0, 1, 1, 0, 0, 0)
    [jendela] = kueri(gudang_rujukan, "select distinct jendela_dari, jendela_sampai from mart_kualitas_desa")
    assert jendela == (date(2024, 4, 1), date(2025, 3, 1))  # the last 12 due months


def test_karantina_kelompok_alasan_dan_atribusi(gudang_rujukan: Path) -> None:
    baris = kueri(gudang_rujukan, "select nama_berkas, baris, kelompok_alasan, kode_desa, kode_kec, bulan_berkas "
                           "from mart_karantina order by id_berkas, baris")
    assert baris == [
        # Perak March: Pagerwojo by name (the date is impossible), Sumbrejo unknown (file's kecamatan), Perak by name
        ("kasus_perak_2025_03.csv", 11, ["tanggal_tidak_sah"], "35.17.01.2004", "35.17.01", date(2025, 3, 1)),
        ("kasus_perak_2025_03.csv", 12, ["desa_tidak_dikenal"], None, "35.17.01", date(2025, 3, 1)),
        ("kasus_perak_2025_03.csv", 13, ["kolom_wajib_kosong"], "35.17.01.2005", "35.17.01", date(2025, 3, 1)),
        # Perak April sheet: a Mojokerto code; the sheet's loaded rows are all in Kec. Perak
        ("kasus_perak_2025_04.xlsx", 10, ["di_luar_wilayah"], None, "35.17.01", date(2025, 4, 1)),
        # Kabuh 2024 (latest loaded month December): "Kabuhh Lor" unknown
        ("laporan_kabuh_2024.csv", 13, ["desa_tidak_dikenal"], None, "35.17.16", date(2024, 12, 1)),
        # Kabuh 2025: 30/02/2025 attributed by its code; a Mojokerto code
        ("laporan_kabuh_2025.csv", 11, ["tanggal_tidak_sah"], "35.17.16.2004", "35.17.16", date(2025, 4, 1)),
        ("laporan_kabuh_2025.csv", 14, ["di_luar_wilayah"], None, "35.17.16", date(2025, 4, 1)),
    ]


def test_peringatan_diatribusikan_ke_baris_dimuat(gudang_rujukan: Path) -> None:
    baris = kueri(gudang_rujukan, "select nama_berkas, baris, jenis_peringatan, kode_desa, nama_desa_tertulis, "
                   "bulan_berkas from mart_peringatan order by nama_berkas, baris, jenis_peringatan")
    assert baris == [
        # row 8 is the KDRT case: its warning is kept, without its desa (metrics.md 7)
        ("kasus_perak_2025_03.csv", 8, "nik_tidak_valid", None, None, date(2025, 3, 1)),
        ("kasus_perak_2025_03.csv", 9, "label_tidak_dikenal", "35.17.01.2002", None, date(2025, 3, 1)),
        ("kasus_perak_2025_03.csv", 14, "nama_desa_mirip", "35.17.01.2008", "Kalangsemandin", date(2025, 3, 1)),
        ("kasus_perak_2025_03.csv", 15, "teks_seperti_rumus", "35.17.01.2005", None, date(2025, 3, 1)),
        ("kasus_perak_2025_04.xlsx", 7, "nik_tidak_valid", "35.17.01.2001", None, date(2025, 4, 1)),
        ("laporan_kabuh_2024.csv", 6, "label_tidak_dikenal", "35.17.16.2004", None, date(2024, 8, 1)),
        ("laporan_kabuh_2024.csv", 11, "duplikat_dalam_berkas", "35.17.16.2001", None, date(2024, 11, 1)),
        ("laporan_kabuh_2024.csv", 11, "nama_desa_mirip", "35.17.16.2001", "Marmoyoo", date(2024, 11, 1)),
    ]


def test_per_tanggal_lain(gudang_rujukan: Path) -> None:
    """`--per 2025-04-15` recomputes the strip and the score: only what was sent by 15 April counts.

    Kabuh, window Apr 2024 .. Mar 2025: months Jun..Mar = 10, all received, on time 8 (Aug, Feb late); rows sent
    by 15 April with tanggal_lapor in the window: 2024 file 7 + 2025 rows 2, 5, 6, 8 = 11, without NIK 2, one
    label warning; its quarantined row reports on April (outside): 40 + 16 + 20 + 10*10/11 + 10*9/11 = 93.27 -> 93.3
    """
    con = buka_baca(gudang_rujukan)
    try:
        build.hitung_mart_per(con, date(2025, 4, 15), buat_konfigurasi(gudang_rujukan.parent))
        assert _strip(con, "35.17.16.2004") == "t t L t t t t t L t w"  # April: nothing sent yet, due 10 May
        assert _strip(con, "35.17.16.2001") == "t n D D n t D n D t w"
        skor = dict(con.execute("select kode_desa, skor_kualitas from mart_kualitas_desa "
                                "where kode_desa in ('35.17.16.2004', '35.17.16.2001')").fetchall())
    finally:
        con.close()
    assert skor == {"35.17.16.2004": 93.3, "35.17.16.2001": 72.6}


def test_pemeriksaan_menolak_mart_yang_salah(gudang_rujukan: Path, tmp_path: Path) -> None:
    salinan = tmp_path / "rusak.duckdb"
    salinan.write_bytes(gudang_rujukan.read_bytes())
    con = duckdb.connect(str(salinan))
    try:
        assert build.periksa(con) == []
        con.execute("update mart_kualitas_desa set skor_kualitas = 120 where kode_desa = '35.17.16.2004'")
        con.execute("update mart_pelaporan_desa_bulan set status_lapor = 'diam' "
                    "where kode_desa = '35.17.16.2003' and bulan = '2025-03-01'")  # it reported nihil
        con.execute("delete from mart_karantina where baris = 13")
        gagal = build.periksa(con)
    finally:
        con.close()
    assert [g.split(":")[0] for g in gagal] == [
        "check_karantina_peringatan_atribusi", "check_kualitas_desa", "check_pelaporan_desa_bulan"]


def test_pemeriksaan_kasus_cocok_mart(gudang_rujukan: Path, tmp_path: Path) -> None:
    """`check_kasus_cocok_mart`: a case the current rows hold and the monthly mart does not count (here: one case
    more, a copy of case 2001-002 under another number) fails the build, naming the regency and both counts."""
    salinan = tmp_path / "rusak.duckdb"
    salinan.write_bytes(gudang_rujukan.read_bytes())
    con = duckdb.connect(str(salinan))
    try:
        n = con.execute("select count(distinct (kode_desa, no_registrasi)) from int_kasus_terkini").fetchone()[0]
        con.execute("create temp table int_kasus_terkini as select * from int_kasus_terkini union all "
                    "select * replace ('2001-999' as no_registrasi) from int_kasus_terkini "
                    "where kode_desa = '35.17.01.2001' and no_registrasi = '2001-002'")
        gagal = build.periksa(con)
    finally:
        con.close()
    assert [g.split(":")[0] for g in gagal] == ["check_kasus_cocok_mart"]
    assert n == 26 and "'di_mart': 26.0, 'di_kasus': 27" in gagal[0] and "'kode_kab': '35.17'" in gagal[0]


def test_pemeriksaan_sasaran_kanal_cocok(gudang_rujukan: Path, tmp_path: Path) -> None:
    """`check_sasaran_kanal_cocok`: a breakdown that no longer adds up to the case total shown for its wilayah and
    month fails the build, per dimension: here a channel row of desa 35.17.16.2004 in July 2024 says 3 cases (its
    total is 1), and the kabupaten's target-group rows of March 2025 are gone (its total is 8 cases)."""
    salinan = tmp_path / "rusak.duckdb"
    salinan.write_bytes(gudang_rujukan.read_bytes())
    con = duckdb.connect(str(salinan))
    try:
        con.execute("update mart_sasaran_kanal_bulan set kasus = 3 where tingkat = 'desa' and "
                    "kode_wilayah = '35.17.16.2004' and bulan = '2024-07-01' and dimensi = 'kanal'")
        con.execute("delete from mart_sasaran_kanal_bulan where tingkat = 'kabupaten' and bulan = '2025-03-01' "
                    "and dimensi = 'kelompok_sasaran'")
        gagal = build.periksa(con)
        baris = con.execute((build.FOLDER_SQL / "checks" / "check_sasaran_kanal_cocok.sql").read_text()).fetchall()
    finally:
        con.close()
    assert [g.split(":")[0] for g in gagal] == ["check_sasaran_kanal_cocok"]
    assert sorted((t, w, b.isoformat(), d, int(k), int(r)) for t, w, b, d, k, r in baris) == [
        ("desa", "35.17.16.2004", "2024-07-01", "kanal", 1, 3),
        ("kabupaten", "35.17", "2025-03-01", "kelompok_sasaran", 8, 0),
    ]
