"""Shared fixtures: settings pointing at a temporary warehouse, and the Kec. Perak fixture warehouse.

The Perak fixture (`fixtures/kasus_perak_2025_03.csv`, the XLSX built by
`fixtures/buat_xlsx.py`, `fixtures/puskesos_perak.csv`) is small enough to
work every expected number out by hand; the tests state that arithmetic.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
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


SANDI_UJI = "sandi-uji-yang-panjang"
"""The password of every account the app tests log in with (a test-only value, never a default anywhere)."""

APLIKASI = str(Path(__file__).resolve().parents[1] / "dashboard" / "streamlit_app.py")


def akun_uji(peran: str = "perencana", wilayah: str | None = None, nama: str | None = None) -> str:
    """An account of `peran` in the accounts store of the current settings (the test's PANTAU_* environment), its
    first password already changed; created once per store. Returns its name."""
    from pipelines import akun
    from pipelines.konfigurasi import muat_konfigurasi

    konf = muat_konfigurasi()
    nama = nama or f"uji_{peran}_{(wilayah or 'kab').replace('.', '')}"
    if akun.cari(konf, nama) is None:
        akun.tambah(konf, nama, peran, wilayah, SANDI_UJI + "-awal")
        akun.ganti_sandi(konf, nama, SANDI_UJI + "-awal", SANDI_UJI)
    return nama


def app_uji(peran: str = "perencana", wilayah: str | None = None, *, nama: str | None = None,
            berkas: str = APLIKASI):
    """`AppTest` of the app with a logged-in session of `peran` (wilayah: its kecamatan or desa code), made by the
    real log-in (`akun.masuk`) exactly as the log-in form does. Set the PANTAU_* environment first."""
    from streamlit.testing.v1 import AppTest

    from pipelines import akun
    from pipelines.konfigurasi import muat_konfigurasi

    nama = akun_uji(peran, wilayah, nama)
    sesi = akun.masuk(muat_konfigurasi(), nama, SANDI_UJI)
    assert isinstance(sesi, akun.Sesi), sesi
    at = AppTest.from_file(berkas, default_timeout=60)
    at.session_state["_sesi"] = sesi
    return at


@pytest.fixture
def sebagai_perencana() -> Iterator[None]:
    """Call `dashboard.data` directly (outside a browser session) as a Jombang planner."""
    from dashboard.sesi import sebagai
    from pipelines.akses import Pengguna

    with sebagai(Pengguna("uji_perencana", "perencana", "35.17")):
        yield


@pytest.fixture(autouse=True)
def _pulihkan_main() -> Iterator[None]:
    """`AppTest` leaves the app script as `sys.modules["__main__"]`; a later `spawn` child process would then run
    the app. Put the real `__main__` back after every test."""
    asli = sys.modules.get("__main__")
    yield
    if asli is not None:
        sys.modules["__main__"] = asli
