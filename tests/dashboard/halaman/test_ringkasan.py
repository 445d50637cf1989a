"""Ringkasan page with Streamlit's AppTest, on a warehouse built by the real pipeline from `tests/fixtures/app/`.

The expected values are worked out by hand from the fixture rows (`laporan_kasus.csv`, `puskesos.csv`):

Cut-off (tanggal_data) = latest tanggal_kirim = 2026-10-30 ("30 Okt 2026"); last DUE month (September's reports
were due on 10 Oct) = Sep 2026, also the latest complete month; mart months Jun..Oct 2026. Mature for 90 days when
month start + 1 month + 90 days <= 2026-10-30: Jun (2026-09-29) and Jul (2026-10-30) are mature; Aug (2026-11-29)
and Sep are not.
Default period: 6 months up to Sep 2026, cut at the first month with data -> Jun 2026 - Sep 2026.

Desa: A = Kabuh 35.17.16.2004, B = Marmoyo 35.17.16.2001, C = Mangunan 35.17.16.2003 (Kec. Kabuh 35.17.16,
16 desa); D = Jombang 35.17.09.2012 (Kec. Jombang). Kabupaten Jombang has 306 desa.

kasus baru (distinct no_registrasi per desa, by month of tanggal_lapor; nihil rows count 0)
    Jun: A KBH-2606-01, KBH-2606-02; B MRM-2606-01; C MGN-2606-01; D JBG-2606-01, JBG-2606-02     = 6 (Kabuh 4)
    Jul: A KBH-2607-01, KBH-2607-02; B nihil; C MGN-2607-01; D JBG-2607-01, JBG-2607-02          = 5 (Kabuh 3)
    Aug: A KBH-2608-01, KBH-2608-02; B MRM-2608-01; C nihil; D JBG-2608-01, JBG-2608-02 (2 rows) = 5 (Kabuh 3)
    Sep: A KBH-2609-01; B MRM-2609-01; C silent; D JBG-2609-01, JBG-2609-02                      = 4 (Kabuh 2)
referrals (start = tanggal_rujuk; days to tanggal_selesai; SLA dinsos/dukcapil/disdik 30, bpjs 45, ppa 3, perkim 180)
    Jun: A bpjs selesai 47 d (<=90), A dinsos selesai 105 d (>90), B dukcapil open 137 d (overdue),
         D dinsos selesai 25 d                                         -> sent 4, selesai_90 2, overdue 1
    Jul: A dinsos selesai 28 d, C dinsos diproses 114 d (overdue),
         D bpjs selesai 82 d, D disdik ditolak                         -> sent 4, selesai_90 2, overdue 1
         (A's KDRT case to uptd_ppa, done in 21 d, is a sensitive referral: in no referral figure, metrics.md 7)
    Aug: A bpjs dikirim 71 d (overdue), B dukcapil selesai 14 d, D dinsos selesai 15 d,
         D bpjs diproses 81 d (overdue)                                -> sent 4, overdue 2 (immature)
    Sep: A bpjs dikirim 32 d (< 45), D perkim diterima 50 d (< 180)    -> sent 2, overdue 0 (immature)
    Kabuh only: Jun sent 3 (A, A, B) selesai_90 1; Jul sent 2 (A, C) selesai_90 1; overdue Jun 1, Jul 1, Aug 1.
Puskesos status at the cut-off (last 2 full months Aug+Sep = aktif; 1 of Jul..Sep = tersendat):
    A, B, D aktif; C tersendat (Jul, Aug); E 35.17.16.2005 and G 35.17.16.2007 in the register, never
    reporting -> diam; F 35.17.16.2006 belum_dibentuk, and so are the 299 desa with neither register nor report.
    Kabupaten: aktif 3, tersendat 1, diam 2, belum 306 - 6 = 300. Kec. Kabuh: aktif 2, tersendat 1, diam 2,
    belum 16 - 5 = 11.
desa melapor for Sep 2026: A, B, D (C silent) -> 3 of 306; Kec. Kabuh: A, B -> 2 of 16.
"""

from __future__ import annotations

import base64
import json
import shutil
from functools import partial
from pathlib import Path

import duckdb
import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import APP, BukaApp, pantau


@pytest.fixture
def buka(buka_app: BukaApp, gudang_app: Path) -> BukaApp:
    """Open the app on `gudang_app` with the URL parameters given (the Ringkasan page is the first)."""
    return partial(buka_app, gudang_app)


def _kpi(at: AppTest) -> dict[str, tuple[str, str, str]]:
    """label -> (value, delta, delta description) of every st.metric."""
    return {m.label: (m.value, m.proto.delta, m.proto.delta_description) for m in at.metric}


def _angka_plotly(nilai: dict[str, str] | list[int]) -> list[int]:
    """A plotly array from a figure's JSON: a list, or a typed array `{"dtype", "bdata"}` (plotly >= 6)."""
    if isinstance(nilai, dict):
        return [int(x) for x in np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=nilai["dtype"])]
    return [int(x) for x in nilai]


def _teks(at: AppTest) -> str:
    """Every caption and markdown text of the page, one per line."""
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


# 1/ default view: kabupaten, Jun-Sep 2026
def test_kpi_kabupaten_periode_bawaan(buka: BukaApp) -> None:
    at = buka()
    assert not at.warning
    assert _kpi(at) == {
        "Kasus baru": ("20", "", ""),  # 6 + 5 + 5 + 4; the previous period (Feb-May) has no data: no delta
        "Rujukan selesai ≤ 90 hari": ("50,0 %", "", ""),  # mature Jun+Jul: (2 + 2) / (4 + 4) = 4/8 = 50,0 %
        "Tunggakan rujukan": ("4", "", ""),  # overdue 1 (Jun) + 1 (Jul) + 2 (Aug) + 0 (Sep)
        "Puskesos aktif": ("3 dari 306", "", ""),  # A, B, D
        # the app fixture has no DTKS or rolls: that tile says so instead of showing a 0; the poverty tile shows
        # the shipped BPS series every warehouse carries (Jombang 2025: 8,36 %)
        "Cakupan PBI-JK desil 1-5": ("belum ada data", "", ""),
        "Kemiskinan BPS 2025": ("8,36 %", "", ""),
    }
    teks = _teks(at)
    assert "4 dari 8 rujukan, kohort Jun – Jul 2026" in teks
    assert "lewat SLA per 30 Okt 2026; 4 dimulai dalam periode ini" in teks
    assert "per 30 Okt 2026; tersendat 1, diam 2, belum dibentuk 300" in teks
    assert "Ringkasan · Kabupaten Jombang" in teks
    assert "Periode Jun – Sep 2026 (tanpa periode pembanding: data mulai Jun 2026)" in teks
    assert at.query_params == {"dari": "2026-06", "sampai": "2026-09"}


def test_baris_kesegaran(buka: BukaApp) -> None:
    at = buka()
    # desa_melapor of Sep 2026 (the last due month on 30 Oct 2026: due on 10 Oct): A, B, D = 3 of 306
    assert "Data per 30 Okt 2026, 3 dari 306 desa melapor (laporan bulan Sep 2026)" in _teks(at)


def test_grafik_tren_hanya_total(buka: BukaApp) -> None:
    at = buka()
    [grafik] = at.get("plotly_chart")
    figur = json.loads(grafik.proto.spec)
    nama = [jejak["name"] for jejak in figur["data"]]
    assert nama == ["Kasus baru", "Rujukan dikirim"]  # totals only: no category (violence) breakdown
    assert _angka_plotly(figur["data"][0]["y"]) == [6, 5, 5, 4]  # kasus baru Jun..Sep
    assert _angka_plotly(figur["data"][1]["y"]) == [4, 4, 4, 2]  # rujukan dikirim Jun..Sep
    assert figur["data"][0]["x"] == ["Jun 2026", "Jul 2026", "Agu 2026", "Sep 2026"]


# 2/ the URL restores the filters
def test_url_memulihkan_kecamatan_dan_periode(buka: BukaApp) -> None:
    at = buka(kec="35.17.16", dari="2026-08", sampai="2026-09")
    assert not at.warning
    assert at.selectbox(key="f_kec").value == "35.17.16"
    assert at.selectbox(key="f_desa").value == ""
    assert str(at.selectbox(key="f_dari").value) == "2026-08-01"
    assert str(at.selectbox(key="f_sampai").value) == "2026-09-01"
    assert _kpi(at) == {
        # Kabuh Aug 3 + Sep 2 = 5, previous period Jun 4 + Jul 3 = 7, of which KBH-2607-02 (KDRT) is left out below
        # kabupaten level (privasi.SQL_KASUS_TAMPIL): 6; 5 - 6 = -1, -1/6 = -16,7 %
        "Kasus baru": ("5", "-1 (-16,7 %)", ""),
        "Rujukan selesai ≤ 90 hari": ("belum matang", "", ""),  # Aug and Sep are not mature
        "Tunggakan rujukan": ("3", "", ""),  # B Jun + C Jul + A Aug, all started by Sep
        "Puskesos aktif": ("2 dari 16", "", ""),  # A, B of the 16 desa of Kec. Kabuh
        # the app fixture has no DTKS or rolls: that tile says so instead of showing a 0; the poverty tile shows
        # the shipped BPS series every warehouse carries (Jombang 2025: 8,36 %)
        "Cakupan PBI-JK desil 1-5": ("belum ada data", "", ""),
        "Kemiskinan BPS 2025": ("8,36 %", "", ""),
    }
    teks = _teks(at)
    assert "Data per 30 Okt 2026, 2 dari 16 desa melapor" in teks  # A, B reported Sep; C silent
    assert "lewat SLA per 30 Okt 2026; 1 dimulai dalam periode ini" in teks  # only A's Aug referral is in Aug-Sep
    assert "Periode Agu – Sep 2026, dibanding Jun – Jul 2026" in teks
    assert "per 30 Okt 2026; tersendat 1, diam 2, belum dibentuk 11" in teks
    assert "Ringkasan · Kec. Kabuh" in teks
    assert at.query_params == {"kec": "35.17.16", "dari": "2026-08", "sampai": "2026-09"}


def test_url_satu_bulan_dengan_pembanding(buka: BukaApp) -> None:
    at = buka(dari="2026-07", sampai="2026-07")
    kpi = _kpi(at)
    assert kpi["Kasus baru"] == ("5", "-1 (-16,7 %)", "")  # 5 - 6 = -1, -1/6 = -16,7 %
    # Jul 2/4 = 50,0 %; Jun 2/4 = 50,0 %: no change
    assert kpi["Rujukan selesai ≤ 90 hari"] == ("50,0 %", "0", "")
    [selesai] = [m for m in at.metric if m.label == "Rujukan selesai ≤ 90 hari"]
    assert selesai.proto.color == selesai.proto.MetricColor.GRAY  # no change: neither good nor bad news
    # tunggakan is a stock at the cut-off, whatever month a referral started: B Jun + C Jul + A and D Aug = 4;
    # of them started in the period (Jul): C's dinsos referral
    assert kpi["Tunggakan rujukan"] == ("4", "", "")
    assert "lewat SLA per 30 Okt 2026; 1 dimulai dalam periode ini" in _teks(at)
    assert "2 dari 4 rujukan, kohort Jul 2026" in _teks(at)
    assert "Periode Jul 2026, dibanding Jun 2026" in _teks(at)


def test_periode_bawaan_berakhir_bulan_jatuh_tempo(buka_app: BukaApp, gudang_perak) -> None:
    # the Perak warehouse, cut-off 9 May 2025: April's reports are due on 10 May, so the default period ends with
    # the last DUE month, March (not the last complete month, April), cut at the first month with data: Mar 2025
    k, _ = gudang_perak
    at = buka_app(Path(k.gudang))
    assert (str(at.selectbox(key="f_dari").value), str(at.selectbox(key="f_sampai").value)) == (
        "2025-03-01", "2025-03-01")
    assert "Periode Mar 2025 (tanpa periode pembanding: data mulai Mar 2025)" in _teks(at)
    kpi = _kpi(at)
    # March: Jantiganggong 2, Kepuhkajang 2, Perak 1, Kalangsemanding 1 (tests/pipelines/sql/test_marts.py)
    assert kpi["Kasus baru"][0] == "6"
    # open past SLA at 9 May: Jantiganggong's Dinsos (65 d) and Dukcapil (64 d) referrals, SLA 30
    assert kpi["Tunggakan rujukan"][0] == "2"
    # last due months Jan..Mar: the five Perak desa reported in March only -> tersendat, none aktif
    assert kpi["Puskesos aktif"][0] == "0 dari 306"


def test_url_desa_mengisi_kecamatannya(buka: BukaApp) -> None:
    at = buka(desa="35.17.16.2003")
    assert at.selectbox(key="f_kec").value == "35.17.16"
    assert at.selectbox(key="f_desa").value == "35.17.16.2003"
    assert at.query_params["kec"] == "35.17.16"
    assert _kpi(at) == {
        "Kasus baru": ("2", "", ""),  # Mangunan: MGN-2606-01, MGN-2607-01 (Aug was nihil, Sep silent)
        "Rujukan selesai ≤ 90 hari": ("0,0 %", "", ""),  # mature Jun+Jul: 1 referral (Jul), not completed
        "Tunggakan rujukan": ("1", "", ""),  # MGN-2607-01, diproses 114 days > 30
        "Puskesos aktif": ("0 dari 1", "", ""),  # tersendat
        # the app fixture has no DTKS or rolls: that tile says so instead of showing a 0; the poverty tile shows
        # the shipped BPS series every warehouse carries (Jombang 2025: 8,36 %)
        "Cakupan PBI-JK desil 1-5": ("belum ada data", "", ""),
        "Kemiskinan BPS 2025": ("8,36 %", "", ""),
    }
    assert "Data per 30 Okt 2026, 0 dari 1 desa melapor" in _teks(at)
    assert "per 30 Okt 2026; status: Tersendat" in _teks(at)  # reported Jul and Aug, not Sep


def test_pilih_kecamatan_lewat_widget_menulis_url(buka: BukaApp) -> None:
    at = buka()
    at.selectbox(key="f_kec").set_value("35.17.09").run()
    assert not at.exception
    assert at.query_params["kec"] == "35.17.09"
    # Kec. Jombang (20 desa in the reference list), only D reports: 2 + 2 + 2 + 2 = 8 cases; mature Jun+Jul:
    # Jun 1 sent (dinsos, 25 d) + Jul 2 sent (bpjs 82 d, disdik ditolak) -> 2/3 = 66,7 %;
    # overdue: D's Aug bpjs referral (81 days > 45); Puskesos aktif: D only
    assert [m.value for m in at.metric] == ["8", "66,7 %", "1", "1 dari 20", "belum ada data", "8,36 %"]


def test_dua_kabupaten(buka_app: BukaApp, tmp_path: Path) -> None:
    # a warehouse serving Jombang and Mojokerto (35.16, 304 desa in the reference list, no reports here)
    gudang_dua = tmp_path / "gudang.duckdb"
    pantau(gudang_dua, "ingest", str(APP / "laporan_kasus.csv"), str(APP / "puskesos.csv"), kabupaten="35.17,35.16")
    at = buka_app(gudang_dua, kabupaten="35.17,35.16", wilayah="35")
    assert at.selectbox(key="f_kab").value == "35.17"  # the first configured regency
    assert [m.value for m in at.metric] == ["20", "50,0 %", "4", "3 dari 306", "belum ada data", "8,36 %"]
    at = buka_app(gudang_dua, kabupaten="35.17,35.16", wilayah="35", kab="35.16")  # no shipped series for 35.16
    assert [m.value for m in at.metric] == ["0", "–", "0", "0 dari 304", "belum ada data", "belum ada data"]
    assert "Ringkasan · Kabupaten Mojokerto" in _teks(at)


# 3/ invalid URL values fall back with a warning, never an exception
def test_url_kecamatan_tidak_dikenal(buka: BukaApp) -> None:
    at = buka(kec="35.17.99")
    [peringatan] = at.warning
    assert 'Kecamatan "35.17.99" pada tautan tidak dikenal' in peringatan.value
    assert at.selectbox(key="f_kec").value == ""
    assert at.metric[0].value == "20"  # the kabupaten view
    assert "kec" not in at.query_params


@pytest.mark.parametrize(
    ("params", "potongan"),
    [
        ({"dari": "2026-13"}, 'Bulan "2026-13" pada tautan ("dari") tidak sah'),
        ({"sampai": "kemarin"}, 'Bulan "kemarin" pada tautan ("sampai") tidak sah'),
        ({"dari": "2024-01"}, "di luar data (Jun 2026 sampai Sep 2026)"),  # Oct 2026 has no report yet
        ({"dari": "2026-09", "sampai": "2026-06"}, 'bulan "dari" (Sep 2026) jatuh setelah "sampai" (Jun 2026)'),
        ({"desa": "35.17.16.9999"}, 'Desa "35.17.16.9999" pada tautan tidak dikenal'),
        ({"kec": "35.17.09", "desa": "35.17.16.2003"}, 'Desa "35.17.16.2003" pada tautan tidak dikenal'),
        ({"bahasa": "jawa"}, 'Bahasa "jawa" pada tautan tidak tersedia'),
    ],
)
def test_url_tidak_sah_memberi_peringatan(buka: BukaApp, params: dict[str, str], potongan: str) -> None:
    at = buka(**params)
    assert any(potongan in w.value for w in at.warning), [w.value for w in at.warning]
    assert len(at.metric) == 6  # the four case tiles, PBI-JK coverage and poverty vs target


INJEKSI = "**Sesi kedaluwarsa.** [Masuk ulang di sini](http://127.0.0.1:9/x) ![x](http://127.0.0.1:9/b.png)"


@pytest.mark.parametrize("kunci", ["kec", "desa", "kab", "dari", "bahasa"])
def test_url_markdown_tampil_sebagai_teks(buka: BukaApp, kunci: str) -> None:
    """A URL value is shown as the text it is (escaped), in the URL warning or the access-denied error: no link, no
    image request, no bold text inside the app's message box."""
    at = buka(periksa=False, **{kunci: INJEKSI})
    assert not at.exception, [e.value for e in at.exception]
    pesan = [w.value for w in [*at.warning, *at.error]]
    assert any(r"\*\*Sesi kedaluwarsa.\*\* \[Masuk ulang di sini\]\(http\://127.0.0.1\:9/x\) "
               r"\!\[x\]\(http\://127.0.0.1\:9/b.png\)" in p for p in pesan), pesan
    for p in pesan:
        assert "](" not in p and "**" not in p and "![" not in p and "http:" not in p, p


# 4/ no warehouse yet
def test_gudang_tidak_ada(buka_app: BukaApp, tmp_path: Path) -> None:
    at = buka_app(tmp_path / "belum_ada.duckdb")
    [pesan] = at.info
    assert "Belum ada gudang data" in pesan.value
    assert "**pantau demo**" in pesan.value and "**pantau ingest**" in pesan.value
    assert not at.metric


def test_gudang_kosong_atau_rusak(buka_app: BukaApp, tmp_path: Path) -> None:
    kosong = tmp_path / "kosong.duckdb"
    duckdb.connect(str(kosong)).close()
    at = buka_app(kosong)
    assert "masih kosong" in at.info[0].value and "pantau demo" in at.info[0].value
    assert not at.metric

    rusak = tmp_path / "rusak.duckdb"
    rusak.write_bytes(b"bukan berkas duckdb\n" * 100)
    at = buka_app(rusak)
    assert "tidak dapat dibaca" in at.info[0].value and "pantau ingest" in at.info[0].value
    assert not at.metric


def test_galat_tak_terduga_tanpa_traceback(buka_app: BukaApp, gudang_app: Path, tmp_path: Path) -> None:
    # a warehouse whose mart lacks a column the app reads (e.g. an older schema): a message, not a traceback
    rusak = tmp_path / "skema_lama.duckdb"
    shutil.copy(gudang_app, rusak)
    with duckdb.connect(str(rusak)) as kon:
        kon.execute("alter table mart_wilayah_bulan drop column rujukan_terlambat")
    at = buka_app(rusak, periksa=False)
    assert not at.exception
    [galat] = at.error
    assert "tidak dapat ditampilkan karena kesalahan tak terduga" in galat.value


# 5/ English
def test_label_inggris_dari_url(buka: BukaApp) -> None:
    at = buka(bahasa="en")
    assert [(m.label, m.value) for m in at.metric] == [
        ("New cases", "20"),
        ("Referrals completed ≤ 90 days", "50.0%"),
        ("Overdue referrals", "4"),
        ("Active Puskesos", "3 of 306"),
        ("PBI-JK coverage, desil 1-5", "no data yet"),
        ("BPS poverty 2025", "8.36%"),
    ]
    assert at.selectbox(key="f_kec").label == "District (kecamatan)"
    teks = _teks(at)
    assert "Data as of 30 Oct 2026, 3 of 306 villages reporting (reports for Sep 2026)" in teks
    assert "Summary · Kabupaten Jombang" in teks
    assert at.query_params["bahasa"] == "en"


def test_ganti_bahasa_lewat_tombol(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    at.segmented_control(key="f_bahasa").set_value("en").run()
    assert not at.exception
    assert at.metric[0].label == "New cases"
    assert at.metric[3].value == "2 of 16"
    assert at.query_params == {"kec": "35.17.16", "dari": "2026-06", "sampai": "2026-09", "bahasa": "en"}


# 6/ synthetic data badge and KPI definitions
def test_lencana_data_sintetis(buka: BukaApp, buka_app: BukaApp, gudang_sintetis: Path) -> None:
    assert "DATA SINTETIS" not in _teks(buka())
    at = buka_app(gudang_sintetis)
    assert any("badge[" in m.value and "DATA SINTETIS" in m.value for m in at.markdown)


def test_definisi_kpi_untuk_pengguna(buka: BukaApp) -> None:
    at = buka()
    teks = _teks(at)
    # the definitions of metrics.md in plain Indonesian, without its identifiers or a reference to it
    for kutipan in ("laporan nihil dihitung 0", "sudah selesai paling lambat 90 hari sejak dirujuk",
                    "melewati batas waktu layanan (SLA) tujuannya per tanggal data",
                    "melapor (kasus atau nihil) pada masing-masing dari 2 bulan terakhir"):
        assert kutipan in teks
    assert "metrics.md" not in teks and "`" not in teks


# 7/ a rebuilt warehouse is read without restarting the app
def test_gudang_dibangun_ulang_terbaca(buka_app: BukaApp, gudang_app: Path, tmp_path: Path) -> None:
    salinan = tmp_path / "gudang_app.duckdb"
    shutil.copy(gudang_app, salinan)
    at = buka_app(salinan)
    assert at.metric[0].value == "20"
    # one more September case, swapped in by the pipeline
    pantau(salinan, "ingest", str(APP / "laporan_kasus_tambahan.csv"))
    at.run()
    assert not at.exception
    assert at.metric[0].value == "21"
