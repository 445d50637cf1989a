"""Unggah data (screens.md, page 9), for now a placeholder: uploading from the browser comes with the access
control (only Dinsos operators may load files); until then files are loaded with the command line, which the
page shows. Works without a warehouse (it is how one gets a first one).
"""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import t
from dashboard.pilihan import bahasa_aktif

# 1/ language (the filter bar may not have run: there may be no warehouse yet)
b = bahasa_aktif()

# 2/ what this page will do, and how to load files meanwhile
st.markdown(f"##### {t('unggah_judul', b)}")
# a plain note, not st.info: without a warehouse the frame's own st.info above says what to run
st.markdown(f":material/lock: {t('unggah_nanti', b)}")
st.markdown(t("unggah_cli", b))
st.code("pantau ingest laporan/puskesos_maret_2026.xlsx laporan/kecamatan_kabuh/\n"
        "pantau ingest laporan/ --json\n"
        "pantau karantina --keluar dikarantina.csv", language="bash")
st.caption(t("unggah_ket", b))
