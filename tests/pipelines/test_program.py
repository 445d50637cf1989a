"""Program coverage and targeting (metrics.md section 4) and poverty targets (section 5), worked out by hand.

Fixture (tests/fixtures): DTKS Dec 2025 for Jantiganggong (A) and Kepuhkajang (B), KK 35170101012500NN:
A: K01-K08 desil 1-4 aktif, K09 desil 5, K10 desil 7, K11 desil 2 *nonaktif*, K12 desil 3, K13 desil 1
   (+ one row with a 14-digit KK: quarantined); B: K21 desil 2, K22 desil 4, K23 desil 6.
PKH roll (one file, three periods): Jun 2025 K01-K07; Dec 2025 K01-K06, K10 (desil 7), K11 (household
nonaktif), an unknown KK, K21 in B, and K07 *dinonaktifkan* (naik desil); Mar 2026 K07 active again.
PBI-JK roll Dec 2025 by NIK only (program in a title row): the heads of K01 and K09, and an unknown NIK.
"""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines.ingest import muat
from pipelines.konfigurasi import Konfigurasi
from pipelines.metrik import metrik_program, metrik_target

from tests.fixtures import AKAR, FIXTURES, HARI_MUAT, buat_konfigurasi, kueri

BERKAS_PROGRAM = ["dtks_perak_2025_06.csv", "dtks_perak_2025_12.csv", "roll_pkh_perak.csv", "roll_pbi_perak.csv"]
REFERENSI = AKAR / "data" / "reference"


@pytest.fixture(scope="module")
def gudang_program(tmp_path_factory: pytest.TempPathFactory) -> tuple[Konfigurasi, list]:
    k = buat_konfigurasi(tmp_path_factory.mktemp("program"))
    ringkasan = muat([FIXTURES / f for f in BERKAS_PROGRAM]
                     + [REFERENSI / "indikator_kemiskinan.csv", REFERENSI / "target_kemiskinan.csv"],
                     k, hari_ini=HARI_MUAT)
    return k, ringkasan


def _baris(df: pd.DataFrame, kode: str, program: str) -> dict:
    return df[(df.kode_wilayah == kode) & (df.program == program)].iloc[0].to_dict()


def test_ringkasan_muat(gudang_program) -> None:
    _, r = gudang_program
    jenis = [(x.jenis, x.baris_dimuat, x.baris_dikarantina) for x in r]
    assert jenis[:4] == [("dtks", 1, 0), ("dtks", 16, 1), ("penerima_program", 19, 0), ("penerima_program", 3, 0)]
    assert r[1].kolom_pribadi_dibuang == ["Nama KRT", "Alamat"] and r[3].kolom_pribadi_dibuang == ["Nama Peserta"]


def test_cakupan_pkh_per_desa(gudang_program) -> None:
    k, _ = gudang_program
    df = metrik_program(k, "desa", per=date(2026, 1, 15))
    a = _baris(df, "35.17.01.2001", "pkh")
    # eligible: K01-K08, K12, K13 = 10; covered: K01-K06 = 6 (K07 deactivated, K08/K12/K13 missing)
    # recipients: K01-K06, K10, K11, unknown = 9; inclusion: K10 outside desil 1-4, K11 + unknown not in active DTKS
    assert (a["periode_dtks"], a["periode_roll"], a["keluarga_layak"], a["tercakup"], a["salah_eksklusi"],
            a["penerima"], a["salah_inklusi"], a["inklusi_luar_desil"], a["inklusi_tidak_dtks_aktif"]) == (
        "2025-12", "2025-12", 10, 6, 4, 9, 3, 1, 2)
    assert a["cakupan"] == pytest.approx(0.6)
    assert pd.isna(a["tingkat_inklusi"])  # 9 recipients < 10: count only, no rate
    b = _baris(df, "35.17.01.2002", "pkh")
    assert (b["keluarga_layak"], b["tercakup"], b["penerima"]) == (2, 1, 1) and pd.isna(b["cakupan"])


def test_pbi_dicocokkan_lewat_nik_kepala_keluarga(gudang_program) -> None:
    k, _ = gudang_program
    df = metrik_program(k, "desa", per=date(2026, 1, 15))
    a = _baris(df, "35.17.01.2001", "pbi_jk")
    # eligible desil 1-5: the 10 PKH-eligible + K09 = 11; K01 and K09 matched by the head's NIK; one unknown NIK
    assert (a["keluarga_layak"], a["tercakup"], a["penerima"], a["inklusi_tidak_dtks_aktif"]) == (11, 2, 3, 1)
    assert a["cakupan"] == pytest.approx(2 / 11, abs=1e-4)


def test_periode_roll_mengikuti_tanggal_per(gudang_program) -> None:
    k, _ = gudang_program
    kab_mar = _baris(metrik_program(k, "kabupaten", per=date(2026, 4, 1)), "35.17", "pkh")
    # from March 2026 the March roll (only K07, active again) is in force: covered 1 of 12 eligible
    assert (kab_mar["periode_roll"], kab_mar["keluarga_layak"], kab_mar["tercakup"], kab_mar["penerima"]) == (
        "2026-03", 12, 1, 1)
    kab_jun = _baris(metrik_program(k, "kabupaten", per=date(2025, 7, 1)), "35.17", "pkh")
    # in July 2025 the June DTKS (only K01) and the June roll (K01-K07) are in force
    assert (kab_jun["periode_dtks"], kab_jun["keluarga_layak"], kab_jun["tercakup"], kab_jun["penerima"],
            kab_jun["inklusi_tidak_dtks_aktif"]) == ("2025-06", 1, 1, 7, 6)


def test_nonaktif_dan_reaktivasi(gudang_program) -> None:
    k, _ = gudang_program
    rows = kueri(k.gudang, "select kode_desa, program, strftime(bulan, '%Y-%m'), alasan, dinonaktifkan, "
                           "diaktifkan_kembali from mart_program_nonaktif")
    assert rows == [("35.17.01.2001", "pkh", "2025-12", "mampu", 1, 1)]


def test_target_kemiskinan_dari_referensi(gudang_program) -> None:
    k, _ = gudang_program
    df = metrik_target(k).set_index("dokumen")
    tkpk = df.loc["Target TKPK 2026"]
    # BPS 2025 8.36 vs 8.04: 0.32 pp to go over one year; 3-year decline (9.04 - 8.36) / 3; 5-year (9.94 - 8.36) / 5
    # no gap: the gap is of one year with both a BPS figure and a target, and BPS 2026 is not out yet
    assert (tkpk.tahun_target, tkpk.tahun_aktual) == (2026, 2025)
    assert pd.isna(tkpk.selisih_pp) and tkpk.penurunan_diperlukan == pytest.approx(0.32)
    assert tkpk.penurunan_rata_3 == pytest.approx(0.2267, abs=1e-4)
    assert tkpk.penurunan_rata_5 == pytest.approx(0.316)
    # trend of 2021-2025 (10.00, 9.04, 9.15, 8.60, 8.36): slope -0.372 per year, 2026 fit 7.914 <= 8.04
    assert tkpk.tahun_tercapai_proyeksi == 2026
    rpjmd, prpjmd = df.loc["RPJMD 2018-2023"], df.loc["P-RPJMD 2018-2023"]
    # the two versions of the 2018-2023 plan are kept apart: 9.36 vs 9.89 for 2023, BPS 2023 was 9.15
    assert (rpjmd.target_persen, prpjmd.target_persen) == (9.36, 9.89)
    assert rpjmd.selisih_pp == pytest.approx(-0.21) and prpjmd.selisih_pp == pytest.approx(-0.74)
    assert pd.isna(rpjmd.penurunan_diperlukan)  # target year passed
    assert list(df.index).count("RPJMD 2018-2023") == 1


def test_proyeksi_dan_jalur(gudang_program) -> None:
    k, _ = gudang_program
    con = duckdb.connect(str(k.gudang), read_only=True)
    p2026 = con.execute("select proyeksi, bawah_80, atas_80 from mart_proyeksi_kemiskinan "
                        "where kode_kab = '35.17' and tahun = 2026").fetchall()[0]
    jalur = con.execute("select tahun, round(target_jalur, 4) from mart_target_jalur "
                        "where dokumen = 'RPJMD 2018-2023' order by tahun").fetchall()
    con.close()
    assert p2026[0] == pytest.approx(7.914)
    assert p2026[1] < p2026[0] < p2026[2] and p2026[2] - p2026[0] == pytest.approx(p2026[0] - p2026[1])
    # straight line 9.506 (2018) -> 9.36 (2023): -0.0292 per year
    assert jalur == [(2018, 9.506), (2019, 9.4768), (2020, 9.4476), (2021, 9.4184), (2022, 9.3892), (2023, 9.36)]


def test_cli_set_program_dan_target(env_uji: Path) -> None:
    berkas = [str(FIXTURES / f) for f in BERKAS_PROGRAM] + [str(REFERENSI / "target_kemiskinan.csv"),
                                                           str(REFERENSI / "indikator_kemiskinan.csv")]
    assert subprocess.run([sys.executable, "-m", "pipelines.cli", "ingest", *berkas], capture_output=True,
                          check=False).returncode == 0
    h = subprocess.run([sys.executable, "-m", "pipelines.cli", "metrik", "--set", "program", "--tingkat", "kecamatan",
                        "--per", "2026-01-15", "--format", "json"], capture_output=True, text=True, check=False)
    assert h.returncode == 0, h.stderr
    perak = next(r for r in pd.read_json(io.StringIO(h.stdout)).to_dict("records")
                 if r["kode_wilayah"] == "35.17.01" and r["program"] == "pkh")
    assert (perak["keluarga_layak"], perak["tercakup"], perak["penerima"]) == (12, 7, 10)
    t = subprocess.run([sys.executable, "-m", "pipelines.cli", "metrik", "--set", "target"], capture_output=True,
                       text=True, check=False)
    kolom = t.stdout.splitlines()[0].split(",")
    assert kolom[:11] == ["kode_kab", "dokumen", "tahun_target", "target_persen", "tahun_aktual", "aktual",
                          "selisih_pp", "penurunan_diperlukan", "penurunan_rata_3", "penurunan_rata_5",
                          "tahun_tercapai_proyeksi"]


def test_program_dari_opsi(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path)
    f = tmp_path / "roll.csv"
    f.write_text("NIK,Kode Desa,Periode\n3517010101800001,3517012001,2025-12\n", encoding="utf-8")
    r = muat([f], k, hari_ini=HARI_MUAT, program_roll="Sembako")
    assert (r[0].jenis, r[0].baris_dimuat) == ("penerima_program", 1)
    con = duckdb.connect(str(k.gudang), read_only=True)
    assert con.execute("select program, status from raw_penerima_program").fetchall() == [("sembako", "aktif")]
    con.close()
