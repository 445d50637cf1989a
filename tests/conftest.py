"""Shared fixtures: settings pointing at a temporary warehouse, the fixture warehouses, and the one AppTest opener.

Fixture warehouses are built once per session (per worker under `pytest -n`) from the files of `tests/fixtures/`
by the real pipeline, and are read-only for the tests that use them; a test that changes a warehouse or its
accounts store works on a copy (`tests.fixtures.salin_gudang`).

- `gudang_perak`: the Kec. Perak files (`berkas_perak`), loaded in-process (`pipelines.ingest.muat`, key `kunci-uji`);
  small enough to work every expected number out by hand, the tests state that arithmetic.
- `gudang_app`: `tests/fixtures/app/` (cases and the Puskesos register) loaded by `pantau ingest` (key `uji`); the
  arithmetic of its rows is in `tests/dashboard/halaman/test_ringkasan.py`. `gudang_sintetis`: the same, marked
  as built by the demo.
- `gudang_rujukan`: the Perak files plus two Kec. Kabuh reports (`tests/fixtures/app_rujukan/`).

`buka_app` opens the app with Streamlit's AppTest on a warehouse, logged in through the real log-in, on a page.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import (
    APLIKASI,
    APP,
    APP_TOML,
    FIXTURES,
    HARI_MUAT,
    SANDI_UJI,
    buat_kasus_perak_2025_04,
    buat_konfigurasi,
    env_pantau,
    pantau,
    salin_gudang,
)
from tests.fixtures.app_rujukan import bangun_gudang


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


# fixture warehouses (session-scoped, read-only)

@pytest.fixture(scope="session")
def berkas_perak(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The three Perak fixture files in load order."""
    xlsx = buat_kasus_perak_2025_04(tmp_path_factory.mktemp("perak"))
    return [FIXTURES / "puskesos_perak.csv", FIXTURES / "kasus_perak_2025_03.csv", xlsx]


@pytest.fixture(scope="session")
def gudang_perak(tmp_path_factory: pytest.TempPathFactory, berkas_perak: list[Path]) -> tuple[Konfigurasi, list]:
    """A warehouse built from the Perak fixture: its settings and the load summary."""
    from pipelines.ingest import muat

    k = buat_konfigurasi(tmp_path_factory.mktemp("gudang_perak"))
    ringkasan = muat(berkas_perak, k, hari_ini=HARI_MUAT)
    return k, ringkasan


@pytest.fixture(scope="session")
def gudang_rujukan(tmp_path_factory: pytest.TempPathFactory, berkas_perak: list[Path]) -> Path:
    """The Perak files plus the Kec. Kabuh reports of `tests/fixtures/app_rujukan/` (Rujukan and Kualitas data)."""
    return bangun_gudang(tmp_path_factory.mktemp("gudang_rujukan"), berkas_perak)


@pytest.fixture(scope="session")
def gudang_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`tests/fixtures/app/` loaded by `pantau ingest`."""
    gudang = tmp_path_factory.mktemp("gudang_app") / "gudang.duckdb"
    pantau(gudang, "ingest", str(APP / "laporan_kasus.csv"), str(APP / "puskesos.csv"))
    return gudang


@pytest.fixture(scope="session")
def gudang_sintetis(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`gudang_app` marked as built by the demo (`meta_gudang.sintetis = 'ya'`)."""
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_sintetis"))
    with duckdb.connect(str(gudang)) as kon:
        kon.execute("update meta_gudang set nilai = 'ya' where kunci = 'sintetis'")
    return gudang


@pytest.fixture(scope="session")
def gudang_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Jombang demo built as on 6 December 2026 (synthetic data, realistic reporting; `pantau demo --hari-ini`)."""
    gudang = tmp_path_factory.mktemp("demo_6des") / "gudang.duckdb"
    pantau(gudang, "demo", "--hari-ini", "2026-12-06", "--tanpa-akun")
    return gudang


# the app under AppTest

def _akun_uji(peran: str = "perencana", wilayah: str | None = None, nama: str | None = None) -> str:
    from akses import akun
    from pipelines.konfigurasi import muat_konfigurasi

    konf = muat_konfigurasi()
    nama = nama or f"uji_{peran}_{(wilayah or 'kab').replace('.', '')}"
    if akun.cari(konf, nama) is None:
        akun.tambah(konf, nama, peran, wilayah, SANDI_UJI + "-awal")
        akun.ganti_sandi(konf, nama, SANDI_UJI + "-awal", SANDI_UJI)
    return nama


@pytest.fixture
def akun_uji() -> Callable[..., str]:
    """`akun_uji(peran, wilayah, nama)`: an account of `peran` in the accounts store of the current settings (the
    test's PANTAU_* environment), its first password (`SANDI_UJI` + "-awal") already changed to `SANDI_UJI`;
    created once per store. Returns its name."""
    return _akun_uji


def _buat_app(peran: str | None = "perencana", wilayah: str | None = None, *, nama: str | None = None,
              user: dict[str, Any] | None = None) -> AppTest:
    from akses import akun
    from pipelines.konfigurasi import muat_konfigurasi

    at = AppTest.from_file(APLIKASI, default_timeout=60)
    if user is not None:
        at.user = user
    if peran is not None:
        nama = _akun_uji(peran, wilayah, nama)
        sesi = akun.masuk(muat_konfigurasi(), nama, SANDI_UJI)
        assert isinstance(sesi, akun.Sesi), sesi
        at.session_state["_sesi"] = sesi
    return at


@pytest.fixture
def buat_app() -> Callable[..., AppTest]:
    """`buat_app(peran, wilayah, nama=, user=)`: the app's `AppTest`, not yet run, with a session of `peran` (its
    kecamatan or desa code in `wilayah`) made by the real log-in (`akun.masuk`) exactly as the log-in form does;
    `peran=None`: no session (the log-in form). `user`: what `st.user` says (single sign-on). Set the PANTAU_*
    environment first (`buka_app` does)."""
    return _buat_app


@pytest.fixture
def buka_app(monkeypatch: pytest.MonkeyPatch) -> Callable[..., AppTest]:
    """`buka_app(gudang, halaman, peran=, wilayah=, config=, kabupaten=, state=, **url)`: the app on `gudang`
    (PANTAU_* set for the test), logged in as `peran`, with the URL parameters `url` and the session state `state`,
    run, then switched to `halaman/<halaman>.py` when given; unless `periksa=False`, it asserts that no exception
    and no error is shown."""

    def buka(gudang: Path, halaman: str | None = None, *, peran: str = "perencana", wilayah: str | None = None,
             config: Path = APP_TOML, kabupaten: str = "35.17", state: dict[str, Any] | None = None,
             periksa: bool = True, **url: str) -> AppTest:
        for kunci, nilai in env_pantau(gudang, config, kabupaten).items():
            monkeypatch.setenv(kunci, nilai)
        at = _buat_app(peran, wilayah)
        for kunci, nilai in url.items():
            at.query_params[kunci] = nilai
        for kunci, nilai in (state or {}).items():
            at.session_state[kunci] = nilai
        at.run()
        if halaman:
            at.switch_page(f"halaman/{halaman}.py").run()
        if periksa:
            assert not at.exception, [e.value for e in at.exception]
            assert not at.error, [e.value for e in at.error]
        return at

    return buka


@pytest.fixture
def sebagai_perencana() -> Iterator[None]:
    """Call `dashboard.data` directly (outside a browser session) as a Jombang planner."""
    from akses import Pengguna
    from dashboard.sesi import sebagai

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
