"""`dashboard.layan`: the served app's periodic garbage collection (Streamlit's after-every-run collection is off)."""

from __future__ import annotations

import gc
import threading
import time
import tomllib
from pathlib import Path

import pytest

from dashboard import layan


def test_konfigurasi_tanpa_gc_setiap_jalan() -> None:
    konf = tomllib.loads((Path(layan.__file__).with_name(".streamlit") / "config.toml").read_text())
    assert konf["runner"]["postScriptGC"] is False


def test_gc_berkala_berjalan_lalu_berhenti(monkeypatch: pytest.MonkeyPatch) -> None:
    panggilan: list[float] = []
    monkeypatch.setattr(gc, "collect", lambda *a: panggilan.append(time.monotonic()) or 0)
    berhenti = threading.Event()
    for t in threading.enumerate():  # the thread started when the module was imported: renamed, so a new one starts
        if t.name == "pantau-gc":
            t.name = "pantau-gc-impor"
    t = layan.kumpulkan_sampah_berkala(0.02, berhenti)
    assert layan.kumpulkan_sampah_berkala(0.02, berhenti) is t  # once per process
    time.sleep(0.2)
    berhenti.set()
    t.join(timeout=2)
    assert not t.is_alive()
    assert 3 <= len(panggilan) <= 11  # about every 0.02 s for 0.2 s
