"""Fixtures for the browser tests: Debian's Chromium for pytest-playwright, a warehouse built by the real
pipeline from `tests/fixtures/app/`, and the Streamlit app served on a free port (`recipes.md`, Browser tests).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.aplikasi import layani_aplikasi

AKAR = Path(__file__).resolve().parents[2]
FIKSTUR = AKAR / "tests" / "fixtures" / "app"
ARTEFAK = AKAR / "tests" / "artefak"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Skip (with the reason) rather than fail when the machine has no Chromium."""
    if not Path(CHROMIUM).is_file():
        lewati = pytest.mark.skip(reason=f"{CHROMIUM} tidak ada (apt-get install chromium)")
        for item in items:
            if "browser" in item.path.parts:
                item.add_marker(lewati)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Launch Debian's Chromium (pytest-playwright's --browser-channel cannot find it)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    """A 1366x768 laptop screen, the smallest the design targets."""
    return {**browser_context_args, "viewport": {"width": 1366, "height": 768}}


def _env_uji(gudang: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PANTAU_DB": str(gudang),
        "PANTAU_KABUPATEN": "35.17",
        "PANTAU_KUNCI": "uji",
        "PANTAU_CONFIG": str(FIKSTUR / "pantau.toml"),
    }


@pytest.fixture(scope="session")
def gudang_browser(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse built by `pantau ingest` from the fixture files."""
    gudang = tmp_path_factory.mktemp("gudang_browser") / "gudang.duckdb"
    pantau = Path(sys.executable).parent / "pantau"
    hasil = subprocess.run(
        [str(pantau), "ingest", str(FIKSTUR / "laporan_kasus.csv"), str(FIKSTUR / "puskesos.csv")],
        env=_env_uji(gudang), cwd=gudang.parent, capture_output=True, text=True, timeout=120,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    return gudang


@pytest.fixture(scope="session")
def alamat_aplikasi(gudang_browser: Path) -> Iterator[str]:
    """Serve `dashboard/streamlit_app.py` on a free port; yield its base URL; stop it at the end."""
    with layani_aplikasi(_env_uji(gudang_browser), gudang_browser.parent) as alamat:
        yield alamat


@pytest.fixture(scope="session")
def folder_artefak() -> Path:
    """`tests/artefak/` (git-ignored) for screenshots, created on demand."""
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    return ARTEFAK


