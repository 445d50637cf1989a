"""What `pantau serve` runs: the app (`streamlit_app.py`) as a Streamlit `st.App`, with the media guard in front.

`streamlit run dashboard/layan.py` finds `app` below and serves it with Streamlit's own server and options
(`--server.port`, `--server.address`, `.streamlit/config.toml` beside this file). `dashboard.penjaga` explains the
guard: a downloaded or media file is served only to the browser session that owns it, while its log-in is valid.

Streamlit's full garbage collection after every page run is turned off (`[runner] postScriptGC = false` in
`.streamlit/config.toml`: under 20 sessions it was more than half of the process's CPU); instead one thread of the
served process collects every `SELANG_GC` seconds, so cyclic garbage of many page runs waits at most that long.
"""

import gc
import threading
import time
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from dashboard.penjaga import PenjagaMedia, pasang_pencatat_unduhan

SELANG_GC = 20.0
"""Seconds between two full garbage collections of the served process (one costs ~0.1-0.2 s of CPU)."""


def kumpulkan_sampah_berkala(selang: float = SELANG_GC, berhenti: threading.Event | None = None) -> threading.Thread:
    """Start (once per process) the daemon thread that runs `gc.collect()` every `selang` seconds, until `berhenti`
    is set."""
    for t in threading.enumerate():
        if t.name == "pantau-gc" and t.is_alive():
            return t
    tanda = berhenti or threading.Event()

    def ulang() -> None:
        while not tanda.wait(selang):
            mulai = time.monotonic()
            gc.collect()
            if time.monotonic() - mulai > selang:  # never more than about half of the time
                tanda.wait(selang)

    t = threading.Thread(target=ulang, name="pantau-gc", daemon=True)
    t.start()
    return t


pasang_pencatat_unduhan()
kumpulkan_sampah_berkala()

app = st.App(Path(__file__).with_name("streamlit_app.py"), middleware=[Middleware(PenjagaMedia)])
