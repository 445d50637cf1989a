"""Fixtures for the browser tests: Debian's Chromium for pytest-playwright, and the Streamlit app served on a free
port (`recipes.md`, Browser tests) on the warehouse built by the real pipeline from `tests/fixtures/app/`
(`gudang_app` of `tests/conftest.py`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.aplikasi import layani_aplikasi
from tests.fixtures import AKAR, env_pantau

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


@pytest.fixture(scope="session")
def alamat_aplikasi(gudang_app: Path) -> Iterator[str]:
    """Serve `dashboard/streamlit_app.py` on `gudang_app` on a free port; yield its base URL; stop it at the end."""
    with layani_aplikasi({**os.environ, **env_pantau(gudang_app)}, gudang_app.parent) as alamat:
        yield alamat


@pytest.fixture(scope="session")
def folder_artefak() -> Path:
    """`tests/artefak/` (git-ignored) for screenshots, created on demand."""
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    return ARTEFAK


