"""What `pantau serve` runs: the app (`streamlit_app.py`) as a Streamlit `st.App`, with the media guard in front.

`streamlit run dashboard/layan.py` finds `app` below and serves it with Streamlit's own server and options
(`--server.port`, `--server.address`, `.streamlit/config.toml` beside this file). `dashboard.penjaga` explains the
guard: a downloaded or media file is served only to the browser session that owns it, while its log-in is valid.
"""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from dashboard.penjaga import PenjagaMedia, pasang_pencatat_unduhan

pasang_pencatat_unduhan()

app = st.App(Path(__file__).with_name("streamlit_app.py"), middleware=[Middleware(PenjagaMedia)])
