"""Kualitas data page with Streamlit's AppTest, on the Perak + Kabuh warehouse built by the real pipeline
(`gudang_rujukan`, `tests/fixtures/app_rujukan/`). The strip states and the scores are worked out in
`tests/pipelines/sql/test_marts_kualitas.py`.

Cut-off 2025-05-09. The April report is due on 10 May, so the last DUE month is March 2025 (`metrics.md`
section 3): quality window = the last 12 due months, Apr 2024 .. Mar 2025; default period Oct 2024 .. Mar 2025 (6
months ending with the last due month). Most tests pin the period the page opened with before (Nov 2024 .. Apr 2025,
the files' months for the quarantine and warnings; the strip then shows Jun 2024 .. Apr 2025: 12 months up to
"sampai", within the grid); `test_periode_bawaan_berakhir_bulan_jatuh_tempo` checks the default.
Months expected / received / on time (window, due months only; April is not counted): Kabuh 10/10/8, Marmoyo
10/6/5, Mangunan 3/3/2 (Kec. Kabuh 23/19/15); Perak desa: Jantiganggong, Kepuhkajang, Sumberagung, Perak and
Kalangsemanding 1/1/1 each (March), Pagerwojo 10/0/0 (kabupaten 38/24/20). Case rows / without NIK (rows dated in
the window): Kabuh 11/2, Marmoyo 4/0, Mangunan 2/0 (Kec. Kabuh 17/2); Perak desa Jantiganggong 4/1 (CSV 5,6,7 and
the March case updated in the April sheet, XLSX 5 without NIK), Kepuhkajang 3/2, Sumberagung 0/0 (March nihil; its
KIP case is April's), Perak 1/1, Kalangsemanding 1/0 (kabupaten 26/6).
Quarantine (files of Nov 2024 .. Apr 2025): Perak CSV rows 11 (Pagerwojo), 12 (Sumbrejo, no desa), 13 (Perak),
Perak XLSX row 10 (Mojokerto, no desa), Kabuh 2024 row 13 ("Kabuhh Lor", no desa, `=HYPERLINK` No Reg), Kabuh 2025
rows 11 (Kabuh) and 14 (Mojokerto, no desa): 7, of them 4 without a desa; Kec. Kabuh 3, 2 without a desa. Files of
Oct 2024 .. Mar 2025 (the default period): the three Perak CSV rows and "Kabuhh Lor": 4, of them 2 without a desa.
Puskesos at the cut-off (last 3 due months Jan..Mar; aktif = reported in Feb and Mar): aktif Kabuh, Mangunan;
tersendat Marmoyo (Jan nihil, Mar), and Jantiganggong, Kepuhkajang, Sumberagung, Perak, Kalangsemanding (their data
start in March); diam Pagerwojo; 297 belum dibentuk.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from akses import Pengguna
from akses.privasi import ekspor_aman
from dashboard import data
from dashboard.db import versi_gudang
from dashboard.komponen.kualitas import WARNA_LAPOR, csv_karantina, gaya_strip, tabel_strip

from tests.fixtures import AKAR, BukaApp
from tests.fixtures.app_rujukan import PANTAU_TOML

pytestmark = pytest.mark.usefixtures("sebagai_perencana")
LAMA = {"dari": "2024-11", "sampai": "2025-04"}
"""The period the page opened with before due months (6 months ending with the last complete month, April)."""
BULAN = ["Jun 2024", "Jul 2024", "Agu 2024", "Sep 2024", "Okt 2024", "Nov 2024", "Des 2024", "Jan 2025", "Feb 2025",
         "Mar 2025", "Apr 2025"]


@pytest.fixture
def buka(buka_app: BukaApp, gudang_rujukan: Path) -> BukaApp:
    """Open the app on `gudang_rujukan` with the URL parameters given, on the Kualitas data page."""
    return partial(buka_app, gudang_rujukan, "kualitas", config=PANTAU_TOML)


def _kpi(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _tabel(at: AppTest, kolom: str) -> pd.DataFrame:
    """The st.dataframe whose data has the column `kolom`."""
    return next(d.value for d in at.dataframe if kolom in d.value.columns)


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


# 1/ tiles
def test_ubin_kabupaten(buka: BukaApp) -> None:
    at = buka(**LAMA)
    assert _kpi(at) == {
        # at 9 May April is not due: 24 of 38 due months received (Kabuh 10, Marmoyo 6, Mangunan 3, five Perak desa
        # 1 each, Pagerwojo 0 of 10), 20 on time (Kabuh 8, Marmoyo 5, Mangunan 2, Perak desa 5)
        "Kelengkapan laporan": "63,2 %",  # 24 / 38
        "Ketepatan waktu": "52,6 %",  # 20 / 38
        "Baris dikarantina": "7",  # period Nov 2024 .. Apr 2025
        # 4 / 24 case rows dated Apr 2024 .. Mar 2025: the two rows of the KDRT case 2002-001 (both without a valid
        # NIK) are not counted (metrics.md 7: a row count minus the other cases would give it away)
        "Baris tanpa NIK": "16,7 %",
        "Puskesos aktif": "2",  # Kabuh, Mangunan: reported Feb and Mar
    }
    teks = _teks(at)
    for potongan in ("24 dari 38 bulan-desa yang diharapkan", "20 dari 38 bulan-desa tepat waktu",
                     "4 di antaranya tanpa desa yang dikenali", "4 dari 24 baris kasus",
                     # tersendat: Marmoyo and the five Perak desa whose data start in March
                     "dari 306 desa; tersendat 6 · diam 1 · belum dibentuk 297",
                     "Kualitas data · Kabupaten Jombang",
                     "per 9 Mei 2025; skor, kelengkapan dan ketepatan: 12 bulan Apr 2024 – Mar 2025"):
        assert potongan in teks, potongan
    assert [t.label for t in at.tabs] == ["Pelaporan 12 bulan", "Skor kualitas per desa", "Karantina (7)",
                                         "Peringatan dan nama (7)"]  # Nov 2024 .. Apr 2025: 8 less August's


def test_ubin_kecamatan(buka: BukaApp) -> None:
    at = buka(kec="35.17.16", **LAMA)
    assert _kpi(at) == {
        # April is not due at 9 May: Kabuh 10/10/8, Marmoyo 10/6/5, Mangunan 3/3/2 (Jan..Mar)
        "Kelengkapan laporan": "82,6 %",  # 19 / 23
        "Ketepatan waktu": "65,2 %",  # 15 / 23
        "Baris dikarantina": "3",  # period Nov 2024 .. Apr 2025
        "Baris tanpa NIK": "11,8 %",  # 2 / 17 (Kabuh 11, Marmoyo 4, Mangunan 2 case rows; April's are outside)
        "Puskesos aktif": "2",  # Kabuh, Mangunan (Feb and Mar)
    }
    assert "dari 16 desa; tersendat 1 · diam 0 · belum dibentuk 13" in _teks(at)


def test_periode_bawaan_berakhir_bulan_jatuh_tempo(buka: BukaApp) -> None:
    # no period in the URL: the 6 months ending with the last DUE month, March 2025 (April's reports are due on
    # 10 May, after the 9 May cut-off), not with April
    at = buka()
    assert (at.session_state["f_dari"], at.session_state["f_sampai"]) == (date(2024, 10, 1), date(2025, 3, 1))
    strip = _tabel(at, "Jun 2024")
    assert list(strip.columns) == ["desa", "kecamatan", "puskesos", "skor", *BULAN[:-1]]  # Jun 2024 .. Mar 2025
    teks = _teks(at)
    assert "12 bulan sampai Mar 2025; skor terendah di atas" in teks
    assert "laporan bulan Okt 2024 – Mar 2025" in teks
    # files of Oct 2024 .. Mar 2025: the three rows of the Perak March CSV and "Kabuhh Lor" of November
    assert _kpi(at)["Baris dikarantina"] == "4"
    assert [t.label for t in at.tabs][2] == "Karantina (4)"


# 2/ the 12-month strip
def test_pita_kecamatan_kabuh(buka: BukaApp) -> None:
    at = buka(kec="35.17.16", **LAMA)
    strip = _tabel(at, "Jun 2024")
    assert list(strip.columns) == ["desa", "kecamatan", "puskesos", "skor", *BULAN]
    assert len(strip) == 16
    # lowest score first (ties by desa code: Mangunan 35.17.16.2003 before Kabuh .2004, both 93.3 over the due
    # months Apr 2024 .. Mar 2025); the 13 desa that never reported have no score and come last
    assert strip.iloc[:3][["desa", "puskesos", "skor"]].values.tolist() == [
        ["Marmoyo", "Tersendat", 72.6], ["Mangunan", "Aktif", 93.3], ["Kabuh", "Aktif", 93.3]]
    assert strip.iloc[0][BULAN].tolist() == ["tepat", "nihil", "diam", "diam", "nihil", "tepat", "diam", "nihil",
                                             "diam", "tepat", "tunggu"]
    assert strip.iloc[1][BULAN].tolist() == ["–"] * 7 + ["tepat", "telat", "nihil", "tepat"]
    assert strip.iloc[2][BULAN].tolist() == ["tepat", "tepat", "telat", "tepat", "tepat", "tepat", "tepat", "tepat",
                                             "telat", "tepat", "tepat"]
    assert strip.iloc[3]["desa"] == "Tanjungwadung" and strip.iloc[3]["puskesos"] == "Belum dibentuk"
    assert strip.iloc[3][BULAN].tolist() == ["–"] * 11 and pd.isna(strip.iloc[3]["skor"])
    assert "12 bulan sampai Apr 2025; skor terendah di atas" in _teks(at)


def test_pita_diam_dan_nihil_tidak_sewarna(gudang_rujukan: Path) -> None:
    versi = versi_gudang(gudang_rujukan)
    tabel, kolom = tabel_strip(data.kualitas_per_desa(versi, "35.17.16"),
                               data.pelaporan_12_bulan(versi, "35.17.16", date(2025, 4, 1)), "id")
    gaya = gaya_strip(tabel, kolom, "id")
    gaya._compute()
    css = {tabel.iat[r, c]: dict(gaya.ctx[(r, c)]) for (r, c) in gaya.ctx}
    assert css["diam"]["background-color"] == WARNA_LAPOR["diam"][0] == "#C2410C"
    assert css["nihil"]["background-color"] == WARNA_LAPOR["nihil"][0] == "#CFE3F1"
    assert len({latar for latar, _ in WARNA_LAPOR.values()}) == len(WARNA_LAPOR)  # every state its own colour


def test_pita_kabupaten_60_terendah_lalu_semua(buka: BukaApp) -> None:
    at = buka(**LAMA)
    strip = _tabel(at, "Jun 2024")
    assert len(strip) == 60
    # over the due months Apr 2024 .. Mar 2025: Pagerwojo 0.0, Perak 70.0, Marmoyo 72.6, Kepuhkajang 90.0 and
    # Kalangsemanding 90.0, Mangunan 93.3 and Kabuh 93.3, Jantiganggong 97.5, Sumberagung 100.0
    # (test_marts_kualitas.py); then the desa without a score
    assert strip["skor"].head(9).tolist() == [0.0, 70.0, 72.6, 90.0, 90.0, 93.3, 93.3, 97.5, 100.0]
    assert strip.iloc[0][BULAN].tolist() == ["diam"] * 10 + ["tunggu"]
    at.toggle(key="kualitas_strip_semua").set_value(True).run()
    assert len(_tabel(at, "Jun 2024")) == 306


# 3/ score and its parts
def test_tabel_skor(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    skor = _tabel(at, "kasus_direvisi").head(3)
    assert skor.values.tolist() == [
        # desa, kec, score, completeness %, timeliness %, loaded, quarantined, with warning, no NIK, duplicate, revised
        # (the last 12 due months, Apr 2024 .. Mar 2025: April's months, rows and quarantine are outside)
        ["Marmoyo", "Kabuh", 72.6, 60.0, 50.0, "7", "0", "1", "0", "1", "0"],
        ["Mangunan", "Kabuh", 93.3, 100.0, 66.7, "3", "0", "0", "0", "0", "0"],  # Jan..Mar, Feb late: 2/3
        ["Kabuh", "Kabuh", 93.3, 100.0, 80.0, "11", "0", "1", "2", "0", "1"],  # Jun..Mar, Aug and Feb late: 8/10
    ]
    assert "12 bulan Apr 2024 – Mar 2025; 1 kasus diperbarui oleh laporan berikutnya" in _teks(at)


# 4/ quarantine: by file and reason, and the download
def test_karantina_per_berkas_dan_alasan(buka: BukaApp) -> None:
    at = buka(**LAMA)
    # file, sheet, kind of reason, rows, of them without a desa, rows read in the whole file
    assert _tabel(at, "tanpa_desa").values.tolist() == [
        ["kasus_perak_2025_03.csv", "–", "Desa tidak dikenal", "1", "1", "11"],
        ["kasus_perak_2025_03.csv", "–", "Kolom wajib kosong", "1", "0", "11"],
        ["kasus_perak_2025_03.csv", "–", "Tanggal tidak sah", "1", "0", "11"],
        ["kasus_perak_2025_04.xlsx", "April 2025", "Di luar kabupaten", "1", "1", "6"],
        ["laporan_kabuh_2024.csv", "–", "Desa tidak dikenal", "1", "1", "13"],
        ["laporan_kabuh_2025.csv", "–", "Di luar kabupaten", "1", "1", "14"],
        ["laporan_kabuh_2025.csv", "–", "Tanggal tidak sah", "1", "0", "14"],
    ]
    [unduh] = at.get("download_button")
    assert unduh.proto.label == "Unduh 7 baris dikarantina (CSV)"
    # Kec. Perak, March only: the three rows of the March file
    at = buka(kec="35.17.01", dari="2025-03", sampai="2025-03")
    assert [r[2] for r in _tabel(at, "tanpa_desa").values.tolist()] == [
        "Desa tidak dikenal", "Kolom wajib kosong", "Tanggal tidak sah"]


def test_unduhan_karantina_netral_dan_tanpa_data_pribadi(gudang_rujukan: Path) -> None:
    baris = data.karantina_baris(versi_gudang(gudang_rujukan), "35.17.16", date(2024, 11, 1), date(2025, 4, 1))
    pengguna = Pengguna("perencana_dinsos", "perencana", "35.17")
    isi = csv_karantina(baris, pengguna, date(2025, 5, 20)).decode("utf-8-sig")
    meta = [b for b in isi.splitlines() if b.startswith("# ")]
    assert meta[:3] == ["# diunduh_oleh: perencana_dinsos", "# peran: perencana", "# cakupan: Kabupaten Jombang"]
    assert "# data_per: 2025-05-20" in meta and any(b.startswith("# waktu_unduh: 20") for b in meta)
    rows = list(csv.reader(io.StringIO("\n".join(b for b in isi.splitlines() if not b.startswith("# ")))))
    assert rows[0] == ["berkas", "lembar", "baris", "alasan", "desa_dikenali", "isi_no_registrasi",
                       "isi_tanggal_lapor", "isi_kode_desa", "isi_nama_desa", "isi_nama_kecamatan", "isi_kategori",
                       "isi_status_kasus", "isi_tanggal_kirim", "isi_tujuan_rujukan", "isi_tanggal_rujuk",
                       "isi_status_rujukan"]
    assert rows[1][:10] == ["laporan_kabuh_2024.csv", "", "13",
                            'Desa "Kabuhh Lor" tidak dikenal di Kec. Kabuh; mungkin: Kabuh', "",
                            "'=HYPERLINK(\"http://contoh.invalid\",\"klik\")", "15/11/2024", "", "Kabuhh Lor", "Kabuh"]
    assert rows[2][:5] == [
        "laporan_kabuh_2025.csv", "", "11",
        'tanggal_lapor "30/02/2025" bukan tanggal yang sah (tulis hari/bulan/tahun, mis. 12/03/2025)', "Kabuh"]
    assert rows[3][2] == "14" and rows[3][7] == "35.16.01.2001"
    assert len(rows) == 4
    # no personal column and no personal value (the NIK was "(disembunyikan)" in the warehouse; dropped here)
    for pribadi in ("nik", "Nama Pelapor", "nama_pelapor", "No HP", "Tono", "0813-2222-0002", "3517160303800008",
                    "disembunyikan"):
        assert pribadi not in isi


def test_ekspor_aman() -> None:
    df = pd.DataFrame({"nik": ["(disembunyikan)"], "isi_nik": ["3517..."], "isi_nama_pelapor": ["Tono"],
                       "no_hp": ["0812"], "keterangan": ["x"], "isi_no_kk": ["1"], "nama_desa": ["=Kabuh"],
                       "isi_nama_desa": ["+Kabuh"], "alasan": ["@SUM(A1)"], "no_registrasi": ["R-1"]})
    aman = ekspor_aman(df)
    assert aman.columns.tolist() == ["nama_desa", "isi_nama_desa", "alasan", "no_registrasi"]
    assert aman.iloc[0].tolist() == ["'=Kabuh", "'+Kabuh", "'@SUM(A1)", "R-1"]


# 5/ warnings and unmatched names
def test_peringatan_dan_nama(buka: BukaApp) -> None:
    at = buka(kec="35.17.16", **LAMA)
    # Nov 2024 .. Apr 2025 in Kec. Kabuh: Marmoyo's row 11 of November (misspelled, duplicated)
    assert _tabel(at, "contoh")[["jenis", "jumlah", "berkas", "desa"]].values.tolist() == [
        ["Duplikat dalam berkas", "1", "1", "1"], ["Nama desa dicocokkan (mirip)", "1", "1", "1"]]
    assert _tabel(at, "nama_tertulis").values.tolist() == [
        ["35.16.01.2001", "kabupaten lain (dikarantina)",
         "Desa Tawangrejo (35.16.01.2001, Kabupaten Mojokerto) di luar wilayah kabupaten yang dikonfigurasi", "1",
         "laporan_kabuh_2025.csv"],
        ["Marmoyoo", "mirip (dimuat)", "Marmoyo (35.17.16.2001)", "1", "laporan_kabuh_2024.csv"],
        ["Kabuhh Lor", "tidak dikenal (dikarantina)", 'Desa "Kabuhh Lor" tidak dikenal di Kec. Kabuh; mungkin: Kabuh',
         "1", "laporan_kabuh_2024.csv"],
    ]
    # from June 2024 the August label warning of Kabuh counts too
    at = buka(kec="35.17.16", dari="2024-06", sampai=LAMA["sampai"])
    assert _tabel(at, "contoh")["jenis"].tolist() == [
        "Duplikat dalam berkas", "Label tidak dikenal", "Nama desa dicocokkan (mirip)"]


def test_nama_tidak_cocok_kabupaten(buka: BukaApp) -> None:
    at = buka(**LAMA)
    nama = _tabel(at, "nama_tertulis")
    # the Mojokerto code appears in both April files: 2 rows
    assert nama[["nama_tertulis", "baris", "berkas"]].values.tolist()[0] == [
        "35.16.01.2001", "2", "kasus_perak_2025_04.xlsx, laporan_kabuh_2025.csv"]
    assert sorted(nama["nama_tertulis"].tolist()) == [
        "35.16.01.2001", "Kabuhh Lor", "Kalangsemandin", "Marmoyoo", "Sumbrejo"]


# 6/ a desa without a Puskesos, English, definitions
def test_desa_tanpa_puskesos(buka: BukaApp) -> None:
    at = buka(desa="35.17.01.2006", **LAMA)  # Sembung: "belum dibentuk" in the register
    assert _kpi(at) == {"Kelengkapan laporan": "–", "Ketepatan waktu": "–", "Baris dikarantina": "0",
                        "Baris tanpa NIK": "–", "Puskesos aktif": "0"}
    strip = _tabel(at, "Jun 2024")
    assert strip.values.tolist()[0][:3] == ["Sembung", "Perak", "Belum dibentuk"]
    assert strip.iloc[0][BULAN].tolist() == ["–"] * 11
    assert "Tidak ada baris yang dikarantina untuk wilayah dan periode ini." in _teks(at)


def test_bahasa_inggris(buka: BukaApp) -> None:
    at = buka(kec="35.17.16", bahasa="en", **LAMA)
    # due months only (April is not due at 9 May): 19/23, 15/23; 2 of 17 case rows without NIK
    assert _kpi(at) == {"Reporting completeness": "82.6%", "Timeliness": "65.2%", "Quarantined rows": "3",
                        "Rows without NIK": "11.8%", "Active Puskesos": "2"}
    strip = _tabel(at, "Jun 2024")
    assert strip.iloc[0][["puskesos", "Aug 2024", "Oct 2024", "Apr 2025"]].tolist() == [
        "Irregular", "silent", "nil", "due"]
    assert _tabel(at, "tanpa_desa")["alasan"].tolist() == ["Unknown village", "Outside the regency", "Invalid date"]


def test_definisi_dan_bobot(buka: BukaApp) -> None:
    teks = _teks(buka())
    for kutipan in ("| kelengkapan laporan | 40 |", "| ketepatan waktu | 20 |",
                    "| bagian baris kasus dengan NIK sah | 10 |",
                    # the definitions in plain Indonesian, without metrics.md's identifiers or a reference to it
                    "**Kelengkapan laporan** = bulan yang diterima / bulan yang diharapkan",
                    "Diam dan nihil tidak pernah berwarna sama",
                    "baris yang tidak dimuat karena data wajib tidak dapat dipakai"):
        assert kutipan in teks, kutipan
    assert "metrics.md" not in teks and "`" not in teks
    # the weights on screen are those of the mart's header
    kepala = (AKAR / "pipelines" / "sql" / "marts" / "mart_kualitas_desa.sql").read_text(encoding="utf-8")
    assert "= 40 x kelengkapan + 20 x ketepatan + 20 x (1 - porsi_karantina)" in kepala
    assert "+ 10 x (1 - porsi_peringatan) + 10 x porsi_nik_ada" in kepala
