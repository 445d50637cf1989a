"""The header line of every page: app name, regency, and the DATA SINTETIS badge when the demo built the data."""

from __future__ import annotations

import streamlit as st

from dashboard.i18n import Bahasa, t


def kepala(bahasa: Bahasa, nama_kab: str | None, sintetis: bool) -> None:
    """Render the title row (the caller places it; the language switch sits beside it)."""
    judul = f"**{t('judul_aplikasi', bahasa)}**"
    if nama_kab:
        judul += f" · {nama_kab}"
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(f"#### {judul}", width="content")
        if sintetis:
            lencana_sintetis(bahasa)


def lencana_sintetis(bahasa: Bahasa) -> None:
    """The badge saying the numbers are synthetic (`meta_gudang.sintetis = 'ya'`)."""
    st.badge(t("data_sintetis", bahasa), icon=":material/science:", color="orange",
             help=t("data_sintetis_bantuan", bahasa))
