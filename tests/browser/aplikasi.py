"""The Streamlit app served for browser tests: one way to start it on a free port, wait until healthy, and stop it,
and one way to open a page as a logged-in user (`buka`).

Used by `conftest.alamat_aplikasi` and by the test modules that need the app on a warehouse of their own.
`layani_aplikasi` creates the test account (`AKUN`, a planner of the regency, first password already changed) in
the accounts store of the served warehouse; `buka` logs in through the real form when the page asks for it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from pipelines.terpisah import hentikan

from tests.fixtures import AKAR

AKUN = "uji_browser"
SANDI = "sandi-browser-yang-panjang"
SELESAI = '[data-testid="stApp"][data-test-script-state="notRunning"]'
LAYAN = str(AKAR / "dashboard" / "layan.py")
"""What `pantau serve` runs: `streamlit_app.py` behind the media guard (`dashboard.penjaga`)."""


def siapkan_akun(env: dict[str, str], nama: str = AKUN, peran: str = "perencana", wilayah: str | None = None) -> None:
    """An account in the accounts store of the app served with `env` (created once, first password changed)."""
    from unittest import mock

    from akses import akun
    from pipelines.konfigurasi import muat_konfigurasi

    with mock.patch.dict(os.environ, env, clear=True):
        konf = muat_konfigurasi()
    if akun.cari(konf, nama) is None:
        akun.tambah(konf, nama, peran, wilayah, SANDI + "-awal")
        akun.ganti_sandi(konf, nama, SANDI + "-awal", SANDI)


def masuk(page: Page, nama: str = AKUN, sandi: str = SANDI) -> None:
    """Fill the log-in form that is on screen and wait for the app to run."""
    page.locator(".st-key-masuk_nama input").fill(nama)
    page.locator(".st-key-masuk_sandi input").fill(sandi)
    page.locator(".st-key-masuk_sandi input").press("Enter")
    page.locator(".st-key-masuk_nama").wait_for(state="detached", timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)


def buka(page: Page, alamat: str, nama: str = AKUN, sandi: str = SANDI) -> None:
    """Open `alamat` (a new browser session, so a new log-in) and log in as `nama` when the form asks for it."""
    page.goto(alamat)
    formulir = page.locator(".st-key-masuk_nama input")
    formulir.or_(page.get_by_text(nama, exact=True)).first.wait_for(timeout=30_000)
    if formulir.count():
        masuk(page, nama, sandi)


def port_bebas() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def layani_aplikasi(env: dict[str, str], folder_log: Path) -> Iterator[str]:
    """Run `streamlit run dashboard/layan.py` (the app behind the media guard, as `pantau serve` runs it) with `env`;
    yield its base URL once `/_stcore/health` answers."""
    siapkan_akun(env)
    port = port_bebas()
    log = folder_log / "streamlit.log"
    with log.open("w") as keluaran:
        proses = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", LAYAN,
             "--server.headless", "true", "--server.address", "127.0.0.1", "--server.port", str(port),
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            env=env, cwd=AKAR, stdout=keluaran, stderr=subprocess.STDOUT,
        )
    alamat = f"http://127.0.0.1:{port}"
    try:
        batas = time.monotonic() + 60
        while True:
            if proses.poll() is not None:
                pytest.fail(f"streamlit berhenti (kode {proses.returncode}):\n{log.read_text()}")
            try:
                with urllib.request.urlopen(f"{alamat}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > batas:
                pytest.fail(f"streamlit tidak siap dalam 60 detik:\n{log.read_text()}")
            time.sleep(0.3)
        yield alamat
    finally:
        hentikan(proses)
