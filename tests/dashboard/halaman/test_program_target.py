"""Program and Target kemiskinan pages (AppTest) on a warehouse built by the real pipeline.

Files: the program fixtures of tests/pipelines/test_program.py (DTKS Dec 2025, PKH roll Jun 2025/Dec 2025/Mar 2026,
PBI-JK roll Dec 2025), the BPS series and targets of data/reference, and a one-month case report sent 10 Jan 2026,
so the cut-off is 2026-01-10: the Dec 2025 DTKS and rolls are in force. By hand (see tests/pipelines/test_program.py):
PKH, Kec. Perak = Kabupaten: eligible 10 (Jantiganggong) + 2 (Kepuhkajang) = 12; covered 6 + 1 = 7 -> 58,3 %;
active recipients 9 + 1 = 10; inclusion 3 (1 outside desil 1-4, 2 not in the active DTKS) = 30,0 % of 10;
exclusion 12 - 7 = 5 -> 41,7 %. Jantiganggong: 10 eligible, 6 covered -> 60,0 %; Kepuhkajang: 2 eligible -> no rate.
PBI-JK: eligible 11 + 2 = 13, covered 2 -> 15,4 %, recipients 3, inclusion 1.
Deactivations: PKH, Dec 2025, 1 (naik desil -> mampu), reactivated later 1.
Target TKPK 2026 (newest document): BPS 2025 8,36 %, target 8,04 % (range 8,04-8,10), no gap (the gap is of one
year with both numbers and BPS 2026 is not out), decline needed 0,32 pp per year (about 0.32 x 107,820 / 8.36 =
4.127 people), trend reaches it in 2026.
RPJMD 2018-2023: BPS 2023 9,15 %, target 9,36 %, gap -0,21 pp, target year passed, trend at or below in 2023.
"""

from __future__ import annotations

import json
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import AKAR, BPS_BARU, FIXTURES, RPJMD_BARU, BukaApp, nilai_ubin, pantau

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



def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def test_program_pkh_kabupaten(buka: BukaApp) -> None:
    at = buka("program", program="pkh")
    assert nilai_ubin(at) == {"Keluarga layak": "12", "Cakupan": "58,3 %", "Penerima aktif": "10",
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
    assert nilai_ubin(pbi) == {"Keluarga layak": "13", "Cakupan": "15,4 %", "Penerima aktif": "3",
                          "Salah sasaran (inklusi)": "1", "Belum tercakup (eksklusi)": "11"}


def test_target_dokumen_terbaru_dan_pilihan(buka: BukaApp) -> None:
    at = buka("target")
    assert at.selectbox(key="target_dokumen").value == "Target TKPK 2026"
    # no BPS 2026 yet: the gap of TKPK 2026 (its only target year) cannot be computed; it is never BPS 2025 minus
    # the 2026 target (+0,32 pp before), which is what "Penurunan diperlukan" says per year instead
    assert nilai_ubin(at) == {"Kemiskinan BPS 2025": "8,36 %", "Target 2026": "8,04 %",
                              "Selisih": "belum dapat dihitung", "Penurunan diperlukan": "0,32 pp",
                              "Tercapai menurut tren": "2026"}
    assert "per tahun, sekitar 4.127 jiwa" in _teks(at) and "rentang 8,04–8,10 %" in _teks(at)
    lama = buka("target", dokumen="RPJMD 2018-2023")
    assert nilai_ubin(lama) == {"Kemiskinan BPS 2023": "9,15 %", "Target 2023": "9,36 %", "Selisih 2023": "-0,21 pp",
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
    # the shipped reference is in every warehouse: Jombang's BPS series and documents without loading anything
    assert not any("Belum ada" in i.value for i in tgt.info)
    assert nilai_ubin(tgt)["Kemiskinan BPS 2025"] == "8,36 %"


def test_ringkasan_memakai_angka_yang_sama(buka_app: BukaApp, gudang_program: Path) -> None:
    at = buka_app(gudang_program, periksa=False)
    assert not at.exception
    ubin = nilai_ubin(at)
    # the same numbers as the Program page (PBI-JK 2 of 13) and the Target page (BPS 2025 against TKPK 2026)
    assert ubin["Cakupan PBI-JK desil 1-5"] == "15,4 %" and ubin["Kemiskinan BPS 2025"] == "8,36 %"
    teks = _teks(at)
    assert "2 dari 13 keluarga layak · DTKS Des 2025 · daftar penerima Des 2025" in teks
    assert ("target 8,04 % (2026, Target TKPK 2026); selisih belum ada (belum ada angka BPS pada tahun target)"
            in teks)


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


# The shipped poverty reference (tests/pipelines/test_referensi_kemiskinan.py has the hand-worked values): Jombang
# BPS 2018-2025 (2024 8,60; 2025 8,36), Banjar 2017-2024 (2024 2,36), Pati 2022 9,33 and 2025 8,24 with the
# RPJMD 2017-2022 target 9,90 for 2022.


def _gudang_satu_laporan(tmp_path: Path, kode_desa: str) -> Path:
    """A warehouse of another regency holding one case report of `kode_desa` and no poverty file."""
    laporan = tmp_path / "laporan.csv"
    laporan.write_text("no_registrasi,tanggal_lapor,kode_desa,kategori,tanggal_kirim\n"
                       f"X-01,2026-01-05,{kode_desa},Usulan DTKS,2026-02-03\n", encoding="utf-8")
    jalur = tmp_path / "gudang.duckdb"
    pantau(jalur, "ingest", str(laporan), kabupaten=kode_desa[:5])
    return jalur


def _tabel(at: AppTest, judul: str) -> dict[int, dict[str, str]]:
    """The rows of the source table (with an "Asal data" column) whose first column is `judul`, keyed by it."""
    for df in (d.value for d in at.dataframe):
        if df.columns[0] == judul and "Asal data" in df.columns:
            return {int(r[judul]): r for r in df.to_dict("records")}
    raise AssertionError("tabel tidak ada")


def test_target_gudang_segar_seri_jombang(buka_app: BukaApp, tmp_path: Path) -> None:
    jalur = tmp_path / "gudang.duckdb"
    pantau(jalur, "ingest", str(BERKAS[0]))  # a case report only: no poverty file loaded
    at = buka_app(jalur, "target")
    bps = _tabel(at, "Tahun")
    assert list(bps) == list(range(2018, 2026))
    assert (bps[2024]["BPS (%)"], bps[2025]["BPS (%)"], bps[2025]["Asal data"]) == (
        "8,60", "8,36", "referensi bawaan")
    assert at.selectbox(key="target_dokumen").options == ["Target TKPK 2026", "P-RPJMD 2018-2023", "RPJMD 2018-2023"]
    assert nilai_ubin(at)["Kemiskinan BPS 2025"] == "8,36 %"
    assert "referensi bawaan: BPS via kedaiberita.com and lensaaktual.com" in _teks(at)


def test_target_dokumen_baru_dari_pengguna(buka_app: BukaApp, tmp_path: Path) -> None:
    berkas = tmp_path / "rpjmd_2025_2029.csv"
    berkas.write_text(RPJMD_BARU, encoding="utf-8")
    jalur = tmp_path / "gudang.duckdb"
    pantau(jalur, "ingest", str(BERKAS[0]), str(berkas))
    at = buka_app(jalur, "target")
    # the newest document (final year 2029) is the default; its gap is of 2025: BPS 8,36 - target 2025 8,50
    assert at.selectbox(key="target_dokumen").value == "RPJMD 2025-2029"
    ubin = nilai_ubin(at)
    assert (ubin["Kemiskinan BPS 2025"], ubin["Target 2029"], ubin["Selisih 2025"]) == ("8,36 %", "7,30 %", "-0,14 pp")
    teks = _teks(at)
    assert "BPS 2025 8,36 % − target 2025 8,50 %" in teks and "berkas rpjmd_2025_2029.csv" in teks
    ringkasan = buka_app(jalur, periksa=False)
    assert nilai_ubin(ringkasan)["Kemiskinan BPS 2025"] == "8,36 %"
    assert ("target 7,30 % (2029, RPJMD 2025-2029); selisih 2025 -0,14 pp (BPS 8,36 % vs target 8,50 %)"
            in _teks(ringkasan))


def test_target_bps_pengguna_menggantikan_referensi(buka_app: BukaApp, tmp_path: Path) -> None:
    (tmp_path / "rpjmd_2025_2029.csv").write_text(RPJMD_BARU, encoding="utf-8")
    (tmp_path / "bps_jombang_2025.csv").write_text(BPS_BARU, encoding="utf-8")
    jalur = tmp_path / "gudang.duckdb"
    pantau(jalur, "ingest", str(BERKAS[0]), str(tmp_path / "rpjmd_2025_2029.csv"),
           str(tmp_path / "bps_jombang_2025.csv"))
    at = buka_app(jalur, "target")
    bps = _tabel(at, "Tahun")
    # the user's 2025 row (8,30) replaces the shipped 8,36 and is named by its file; 2024 stays the shipped 8,60
    assert (bps[2025]["BPS (%)"], bps[2025]["Asal data"]) == ("8,30", "berkas bps_jombang_2025.csv")
    assert (bps[2024]["BPS (%)"], bps[2024]["Asal data"]) == ("8,60", "referensi bawaan")
    ubin = nilai_ubin(at)
    assert (ubin["Kemiskinan BPS 2025"], ubin["Selisih 2025"]) == ("8,30 %", "-0,20 pp")  # 8,30 - 8,50
    assert "berkas bps_jombang_2025.csv" in _teks(at)


def test_target_banjar_seri_tanpa_dokumen(buka_app: BukaApp, tmp_path: Path) -> None:
    jalur = _gudang_satu_laporan(tmp_path, "63.03.01.2001")  # Bakambat, Kabupaten Banjar
    at = buka_app(jalur, "target", kabupaten="63.03")
    [info] = at.info
    assert "Belum ada dokumen target kemiskinan untuk kabupaten ini" in info.value and "Unggah data" in info.value
    # trend of 2020-2024 (2,55; 3,04; 2,79; 2,44; 2,36): slope -0,98 / 10 = -0,098 pp a year
    assert nilai_ubin(at) == {"Kemiskinan BPS 2024": "2,36 %", "Tren per tahun": "-0,10 pp"}
    bps = _tabel(at, "Tahun")
    assert list(bps) == list(range(2017, 2025)) and bps[2017]["BPS (%)"] == "2,96"
    assert not [w for w in at.selectbox if w.key == "target_dokumen"]  # no document to choose


def test_ringkasan_pati_tahun_setiap_angka(buka_app: BukaApp, tmp_path: Path) -> None:
    jalur = _gudang_satu_laporan(tmp_path, "33.18.01.2001")  # Prawoto, Kabupaten Pati
    at = buka_app(jalur, "target", kabupaten="33.18")
    ubin = nilai_ubin(at)
    assert (ubin["Kemiskinan BPS 2022"], ubin["Target 2022"], ubin["Selisih 2022"]) == ("9,33 %", "9,90 %", "-0,57 pp")
    ringkasan = buka_app(jalur, kabupaten="33.18", periksa=False)
    # BPS 2025 8,24 is the headline; the gap is of 2022 and says so, with the two 2022 numbers it is made of
    assert nilai_ubin(ringkasan)["Kemiskinan BPS 2025"] == "8,24 %"
    assert ("target 9,90 % (2022, RPJMD 2017-2022); selisih 2022 -0,57 pp (BPS 9,33 % vs target 9,90 %)"
            in _teks(ringkasan))
