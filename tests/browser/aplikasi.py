"""The Streamlit app served for browser tests: one way to start it on a free port, wait until healthy, and stop it.

Used by `conftest.alamat_aplikasi` and by the test modules that need the app on a warehouse of their own.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parents[2]


def port_bebas() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def layani_aplikasi(env: dict[str, str], folder_log: Path) -> Iterator[str]:
    """Run `streamlit run dashboard/streamlit_app.py` with `env`; yield its base URL once `/_stcore/health` answers."""
    port = port_bebas()
    log = folder_log / "streamlit.log"
    with log.open("w") as keluaran:
        proses = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(AKAR / "dashboard" / "streamlit_app.py"),
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
        proses.terminate()
        try:
            proses.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proses.kill()
            proses.wait()
