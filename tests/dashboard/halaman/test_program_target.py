"""Program and Target kemiskinan pages (AppTest) on a warehouse built by the real pipeline.

Files: the program fixtures of tests/pipelines/test_program.py (DTKS Dec 2025, PKH roll Jun 2025/Dec 2025/Mar 2026,
PBI-JK roll Dec 2025), the BPS series and targets of data/reference, and a one-month case report sent 10 Jan 2026,
so the cut-off is 2026-01-10: the Dec 2025 DTKS and rolls are in force. By hand (see tests/pipelines/test_program.py):
PKH, Kec. Perak = Kabupaten: eligible 10 (Jantiganggong) + 2 (Kepuhkajang) = 12; covered 6 + 1 = 7 -> 58,3 %;
active recipients 9 + 1 = 10; inclusion 3 (1 outside desil 1-4, 2 not in the active DTKS) = 30,0 % of 10;
exclusion 12 - 7 = 5 -> 41,7 %. Jantiganggong: 10 eligible, 6 covered -> 60,0 %; Kepuhkajang: 2 eligible -> no rate.
PBI-JK: eligible 11 + 2 = 13, covered 2 -> 15,4 %, recipients 3, inclusion 1.
Deactivations: PKH, Dec 2025, 1 (naik desil -> mampu), reactivated later 1.
Target TKPK 2026 (newest document): BPS 2025 8,36 %, target 8,04 % (range 8,04-8,10), gap +0,32 pp, decline
needed 0,32 pp per year (about 0.32 x 107,820 / 8.36 = 4.127 people), trend reaches it in 2026.
RPJMD 2018-2023: BPS 2023 9,15 %, target 9,36 %, gap -0,21 pp, target year passed, trend at or below in 2023.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import AKAR, FIXTURES, BukaApp, pantau

BERKAS = [FIXTURES / "app_program" / "laporan_kasus.csv", FIXTURES / "dtks_perak_2025_06.csv",
          FIXTURES / "dtks_perak_2025_12.csv", FIXTURES / "roll_pkh_perak.csv", FIXTURES / "roll_pbi_perak.csv",
          AKAR / "data" / "reference" / "indikator_kemiskinan.csv",
          AKAR / "data" / "reference" / "target_kemiskinan.csv"]


@pytest.fixture(scope="module")
def gudang_program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gudang = tmp_path_factory.mktemp("gudang_program") / "gudang.duckdb"
    pantau(gudang, "ingest", *map(str, BERKAS))
    return gudang


@pytest.fixture
def buka(buka_app: BukaApp, gudang_program: Path) -> BukaApp:
    """`buka(halaman, **url)`: open the app on `gudang_program` with the URL parameters given, on `halaman`."""
    return partial(buka_app, gudang_program)


def _ubin(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def test_program_pkh_kabupaten(buka: BukaApp) -> None:
    at = buka("program", program="pkh")
    assert _ubin(at) == {"Keluarga layak": "12", "Cakupan": "58,3 %", "Penerima aktif": "10",
                         "Salah sasaran (inklusi)": "3", "Belum tercakup (eksklusi)": "5"}
    teks = _teks(at)
    assert "7 dari 12 keluarga layak" in teks and "30,0 % dari penerima; di luar desil 1, tidak di DTKS aktif 2" in teks
    assert "41,7 % dari keluarga layak" in teks and "DTKS Des 2025 · daftar penerima Des 2025" in teks
    assert "1 penerima dinonaktifkan; 1 di antaranya muncul lagi" in teks
    tabel = at.dataframe[0].value
    assert list(tabel["Wilayah"])[:1] == ["Perak"] and list(tabel["Cakupan"])[:1] == ["58,3 %"]


def test_program_desa_kecamatan_dan_pbi(buka: BukaApp) -> None:
    at = buka("program", program="pkh", kec="35.17.01")
    tabel = at.dataframe[0].value.set_index("Wilayah")
    assert tabel.loc["Jantiganggong", "Cakupan"] == "60,0 %" and tabel.loc["Kepuhkajang", "Cakupan"] == "–"
    assert tabel.loc["Kepuhkajang", "Keluarga layak"] == "2"
    pbi = buka("program", program="pbi_jk")
    assert _ubin(pbi) == {"Keluarga layak": "13", "Cakupan": "15,4 %", "Penerima aktif": "3",
                          "Salah sasaran (inklusi)": "1", "Belum tercakup (eksklusi)": "11"}


def test_target_dokumen_terbaru_dan_pilihan(buka: BukaApp) -> None:
    at = buka("target")
    assert at.selectbox(key="target_dokumen").value == "Target TKPK 2026"
    assert _ubin(at) == {"Kemiskinan BPS 2025": "8,36 %", "Target 2026": "8,04 %", "Selisih": "+0,32 pp",
                         "Penurunan diperlukan": "0,32 pp", "Tercapai menurut tren": "2026"}
    assert "per tahun, sekitar 4.127 jiwa" in _teks(at) and "rentang 8,04–8,10 %" in _teks(at)
    lama = buka("target", dokumen="RPJMD 2018-2023")
    assert _ubin(lama) == {"Kemiskinan BPS 2023": "9,15 %", "Target 2023": "9,36 %", "Selisih": "-0,21 pp",
                           "Penurunan diperlukan": "tahun target sudah lewat", "Tercapai menurut tren": "2023"}
    dokumen = lama.dataframe[0].value
    # both versions of the 2018-2023 plan are listed apart, each with its own target for 2023
    assert sorted(zip(dokumen["Dokumen"], dokumen["Target (%)"], strict=True)) == [
        ("P-RPJMD 2018-2023", "9,89"), ("RPJMD 2018-2023", "9,36"), ("Target TKPK 2026", "8,04")]


def test_program_tanpa_daftar(buka_app: BukaApp, tmp_path: Path) -> None:
    jalur = tmp_path / "gudang.duckdb"
    pantau(jalur, "ingest", str(BERKAS[0]))
    at = buka_app(jalur, "program")
    assert "Belum ada daftar penerima program" in at.info[0].value
    tgt = buka_app(jalur, "target")
    assert "Belum ada data BPS atau target kemiskinan" in tgt.info[0].value


def test_ringkasan_memakai_angka_yang_sama(buka_app: BukaApp, gudang_program: Path) -> None:
    at = buka_app(gudang_program, periksa=False)
    assert not at.exception
    ubin = _ubin(at)
    # the same numbers as the Program page (PBI-JK 2 of 13) and the Target page (BPS 2025 against TKPK 2026)
    assert ubin["Cakupan PBI-JK desil 1-5"] == "15,4 %" and ubin["Kemiskinan BPS 2025"] == "8,36 %"
    teks = _teks(at)
    assert "2 dari 13 keluarga layak · DTKS Des 2025 · daftar penerima Des 2025" in teks
    assert "target 8,04 % (2026, Target TKPK 2026); selisih +0,32 pp" in teks


def test_peta_cakupan_program(buka: BukaApp) -> None:
    at = buka("peta")
    pilihan = at.selectbox(key="peta_metrik").options
    assert {"Cakupan PBI-JK (desil 1-5)", "Cakupan PKH (desil 1-4)"} <= set(pilihan)
    assert "Cakupan Sembako (desil 1-4)" not in pilihan  # no Sembako roll loaded
    at.selectbox(key="peta_metrik").set_value("cakupan_pkh").run()
    assert not at.exception
    [grafik] = at.get("plotly_chart")
    figur = json.loads(grafik.proto.spec)
    titik = next(d for d in figur["data"] if d.get("hovertext") and d.get("customdata"))
    hover = dict(zip(titik["customdata"], titik["hovertext"], strict=True))
    # Jantiganggong: 6 of 10 eligible covered; Kepuhkajang: 1 of 2 (under 10: a count, not a rate); others: no DTKS
    assert "Cakupan: 60,0 % (6 dari 10 keluarga layak)" in hover["35.17.01.2001"]
    assert "1 dari 2 keluarga layak (kurang dari 10: tanpa persen)" in hover["35.17.01.2002"]
    assert "Cakupan: 0,0 %" not in hover["35.17.21.2001"]
