"""The shipped poverty reference (data/reference/indikator_kemiskinan.csv, target_kemiskinan.csv) in every warehouse.

Values by hand from the two CSVs:
- Jombang (35.17): BPS 2018-2025 = 9.56, 9.22, 9.94, 10.00, 9.04, 9.15, 8.60, 8.36 (8 rows); documents
  RPJMD 2018-2023 (2018 9.506, 2023 9.36), P-RPJMD 2018-2023 (2022 9.90, 2023 9.89), Target TKPK 2026 (2026 8.04).
  Gap of one year, the latest year with both a BPS figure and a target of the document:
  RPJMD 2023: 9.15 - 9.36 = -0.21; P-RPJMD 2023: 9.15 - 9.89 = -0.74; TKPK: no BPS 2026 yet -> no gap.
- Pati (33.18): BPS 2017, 2018, 2021-2025 (2022 9.33, 2025 8.24); RPJMD 2017-2022 targets 9.90 for 2022:
  gap 2022 = 9.33 - 9.90 = -0.57 (not BPS 2025 8.24 against it), latest BPS 2025 8.24.
- Banjar (63.03): BPS 2017-2024 (2024 2.36), no document.
- The CSVs hold 23 BPS rows (8 Jombang, 8 Banjar, 7 Pati) and 6 target rows (5 Jombang, 1 Pati).

A user's file:
- `rpjmd_2025_2029.csv`, a new document for Jombang: 2025 8.50, 2027 7.90, 2029 7.30. Loaded alone its gap is of
  2025: 8.36 - 8.50 = -0.14; the decline needed (8.36 - 7.30) / (2029 - 2025) = 0.265 pp a year.
- `bps_jombang_2025.csv`: Jombang 2025 = 8.30 (a revised figure). It supersedes the shipped 8.36 for 2025 only:
  with the RPJMD file the gap of 2025 is 8.30 - 8.50 = -0.20; TKPK 2026's decline needed (8.30 - 8.04) / 1 = 0.26.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipelines.ingest import bangun_ulang, muat
from pipelines.konfigurasi import Konfigurasi
from pipelines.metrik import metrik_target

from tests.fixtures import AKAR, APP, BPS_BARU, HARI_MUAT, RPJMD_BARU, buat_konfigurasi, kueri

REFERENSI = AKAR / "data" / "reference"


def _tulis(folder: Path, nama: str, isi: str) -> Path:
    berkas = folder / nama
    berkas.write_text(isi, encoding="utf-8")
    return berkas


def _target(k: Konfigurasi) -> pd.DataFrame:
    return metrik_target(k).set_index("dokumen")


@pytest.fixture(scope="module")
def gudang_segar(tmp_path_factory: pytest.TempPathFactory) -> Konfigurasi:
    """A fresh Jombang warehouse: one case report, no poverty file loaded."""
    k = buat_konfigurasi(tmp_path_factory.mktemp("segar"))
    muat([APP / "laporan_kasus.csv"], k, hari_ini=HARI_MUAT)
    return k


def test_gudang_segar_membawa_seri_dan_target_referensi(gudang_segar: Konfigurasi) -> None:
    g = gudang_segar.gudang
    # only the configured regency's rows: 8 of the 23 BPS rows, 5 of the 6 target rows
    assert kueri(g, "select count(*), min(kode_kab), max(kode_kab) from ref_indikator_kemiskinan") == [
        (8, "35.17", "35.17")]
    assert kueri(g, "select count(*) from ref_target_kemiskinan") == [(5,)]
    assert kueri(g, "select tahun, persen_miskin, asal, berkas from mart_indikator_kemiskinan "
                    "where tahun >= 2024 order by tahun") == [(2024, 8.6, "referensi", None),
                                                              (2025, 8.36, "referensi", None)]
    assert kueri(g, "select count(*) from raw_indikator_kemiskinan") == [(0,)]


def test_selisih_satu_tahun_yang_sama(gudang_segar: Konfigurasi) -> None:
    df = _target(gudang_segar)
    rpjmd, prpjmd, tkpk = df.loc["RPJMD 2018-2023"], df.loc["P-RPJMD 2018-2023"], df.loc["Target TKPK 2026"]
    assert (rpjmd.tahun_selisih, rpjmd.aktual_selisih, rpjmd.target_selisih) == (2023, 9.15, 9.36)
    assert rpjmd.selisih_pp == pytest.approx(-0.21) and prpjmd.selisih_pp == pytest.approx(-0.74)
    # TKPK 2026 targets 2026 only and BPS 2026 is not out: no gap (before: BPS 2025 minus target 2026 = +0.32)
    assert pd.isna(tkpk.tahun_selisih) and pd.isna(tkpk.selisih_pp)
    assert (tkpk.tahun_aktual, tkpk.aktual, tkpk.penurunan_diperlukan) == (2025, 8.36, 0.32)
    assert (tkpk.tahun_bps_terakhir, tkpk.bps_terakhir, tkpk.asal, tkpk.asal_aktual) == (
        2025, 8.36, "referensi", "referensi")


def test_berkas_pengguna_menggantikan_referensi(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([APP / "laporan_kasus.csv", _tulis(tmp_path, "rpjmd_2025_2029.csv", RPJMD_BARU)], k, hari_ini=HARI_MUAT)
    baru = _target(k).loc["RPJMD 2025-2029"]
    # the new document's gap is of 2025, the latest year with both numbers: 8.36 - 8.50
    assert (baru.tahun_selisih, baru.aktual_selisih, baru.target_selisih) == (2025, 8.36, 8.5)
    assert baru.selisih_pp == pytest.approx(-0.14) and baru.penurunan_diperlukan == pytest.approx(0.265)
    assert (baru.tahun_target, baru.target_persen, baru.asal, baru.berkas) == (
        2029, 7.3, "berkas", "rpjmd_2025_2029.csv")
    assert len(_target(k)) == 4  # the three shipped documents stay beside it

    muat([_tulis(tmp_path, "bps_jombang_2025.csv", BPS_BARU)], k, hari_ini=HARI_MUAT)
    assert kueri(k.gudang, "select tahun, persen_miskin, asal, berkas, sumber from mart_indikator_kemiskinan "
                           "where tahun >= 2024 order by tahun") == [
        (2024, 8.6, "referensi", None, "BPS via jatim.tribunnews.com 2024-10-08 and databoks"),
        (2025, 8.3, "berkas", "bps_jombang_2025.csv", "BPS Jombang rilis Juli 2025")]
    df = _target(k)
    assert df.loc["RPJMD 2025-2029"].selisih_pp == pytest.approx(-0.20)  # 8.30 - 8.50
    tkpk = df.loc["Target TKPK 2026"]
    assert (tkpk.aktual, tkpk.asal_aktual, tkpk.berkas_aktual) == (8.3, "berkas", "bps_jombang_2025.csv")
    assert tkpk.penurunan_diperlukan == pytest.approx(0.26)


def test_baris_kabupaten_lain_dilewati_bukan_dikarantina(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path)
    r = muat([REFERENSI / "indikator_kemiskinan.csv", REFERENSI / "target_kemiskinan.csv"], k, hari_ini=HARI_MUAT)
    # BPS: 8 Jombang rows loaded, 8 Banjar + 7 Pati skipped; targets: 5 loaded, 1 Pati skipped
    assert [(x.baris_dibaca, x.baris_dimuat, x.baris_dikarantina, x.baris_dilewati) for x in r] == [
        (8, 8, 0, 15), (5, 5, 0, 1)]
    assert r[0].peringatan == {"kabupaten_lain_dilewati": 15} and r[1].peringatan == {"kabupaten_lain_dilewati": 1}
    assert kueri(k.gudang, "select count(*) from karantina") == [(0,)]
    assert kueri(k.gudang, "select baris, pesan from peringatan where baris in (10, 24) order by baris") == [
        (10, "Kabupaten Banjar (63.03) di luar wilayah kabupaten yang dikonfigurasi; baris dilewati"),
        (24, "Kabupaten Pati (33.18) di luar wilayah kabupaten yang dikonfigurasi; baris dilewati")]


def test_pati_selisih_tahun_2022_bukan_2025(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path, kabupaten=("33.18",))
    bangun_ulang(k)
    d = _target(k).loc["RPJMD 2017-2022"]
    assert (d.tahun_selisih, d.aktual_selisih, d.target_selisih) == (2022, 9.33, 9.9)
    assert d.selisih_pp == pytest.approx(-0.57)
    assert (d.tahun_bps_terakhir, d.bps_terakhir) == (2025, 8.24)


def test_banjar_seri_tanpa_dokumen(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path, kabupaten=("63.03",))
    bangun_ulang(k)
    seri = kueri(k.gudang, "select tahun, persen_miskin from mart_indikator_kemiskinan order by tahun")
    assert [s[0] for s in seri] == list(range(2017, 2025)) and seri[-1] == (2024, 2.36)
    assert metrik_target(k).empty
    assert kueri(k.gudang, "select count(*) from mart_proyeksi_kemiskinan where kode_kab = '63.03'") != [(0,)]
