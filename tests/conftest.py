"""Shared fixtures: settings pointing at a temporary warehouse, and the Kec. Perak fixture warehouse.

The Perak fixture (`fixtures/kasus_perak_2025_03.csv`, the XLSX built by
`fixtures/buat_xlsx.py`, `fixtures/puskesos_perak.csv`) is small enough to
work every expected number out by hand; the tests state that arithmetic.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import pytest

from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi

FIXTURES = Path(__file__).resolve().parent / "fixtures"
sys.path.insert(0, str(FIXTURES))

from buat_xlsx import buat_kasus_perak_2025_04  # noqa: E402

HARI_MUAT = date(2025, 5, 20)


def buat_konfigurasi(folder: Path, kabupaten: tuple[str, ...] = ("35.17",)) -> Konfigurasi:
    return Konfigurasi(gudang=folder / "gudang.duckdb", kabupaten=kabupaten, berkas_kunci=folder / "pantau.kunci",
                       kunci="kunci-uji", folder_referensi=FOLDER_REFERENSI)


@pytest.fixture
def konfigurasi(tmp_path: Path) -> Konfigurasi:
    return buat_konfigurasi(tmp_path)


@pytest.fixture
def env_uji(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Environment for subprocess/CLI runs: a temporary warehouse and a fixed key."""
    gudang = tmp_path / "gudang.duckdb"
    monkeypatch.setenv("PANTAU_DB", str(gudang))
    monkeypatch.setenv("PANTAU_KABUPATEN", "35.17")
    monkeypatch.setenv("PANTAU_KUNCI", "kunci-uji")
    monkeypatch.delenv("PANTAU_CONFIG", raising=False)
    return gudang


@pytest.fixture(scope="session")
def berkas_perak(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The three Perak fixture files in load order."""
    folder = tmp_path_factory.mktemp("perak")
    xlsx = buat_kasus_perak_2025_04(folder)
    return [FIXTURES / "puskesos_perak.csv", FIXTURES / "kasus_perak_2025_03.csv", xlsx]


@pytest.fixture(scope="session")
def gudang_perak(tmp_path_factory: pytest.TempPathFactory, berkas_perak: list[Path]) -> tuple[Konfigurasi, list]:
    """A warehouse built from the Perak fixture (shared, read-only for the tests that use it)."""
    from pipelines.ingest import muat

    k = buat_konfigurasi(tmp_path_factory.mktemp("gudang_perak"))
    ringkasan = muat(berkas_perak, k, hari_ini=HARI_MUAT)
    return k, ringkasan
