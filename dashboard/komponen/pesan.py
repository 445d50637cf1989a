"""Messages shown instead of a page when there is nothing to show (no, empty, unreadable warehouse, or one built by
another version of Pantau), each with the command that fixes it."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from bahasa.format import teks_polos
from dashboard.data import StatusGudang
from dashboard.i18n import Bahasa, t
from pipelines.gudang import VERSI_SKEMA

_KUNCI_PESAN: dict[StatusGudang, str] = {
    "tidak_ada": "gudang_tidak_ada",
    "kosong": "gudang_kosong",
    "rusak": "gudang_rusak",
    "versi_lain": "gudang_versi_lain",
}


def pesan_gudang(status: StatusGudang, jalur: Path | str, bahasa: Bahasa) -> None:
    """Say why there is no data and which command to run: `pantau build` for a warehouse of another schema version
    (its loaded rows are kept, only the tables are rebuilt), else `pantau demo` or `pantau ingest BERKAS`."""
    kunci = _KUNCI_PESAN.get(status, "gudang_rusak")
    if status == "versi_lain":
        st.info(t(kunci, bahasa, jalur=jalur, versi=VERSI_SKEMA), icon=":material/database:")
        return
    st.info(f"{t(kunci, bahasa, jalur=jalur)}\n\n{t('gudang_saran', bahasa)}", icon=":material/database:")


def pesan_konfigurasi(pesan: str, bahasa: Bahasa) -> None:
    """Say that `pantau.toml` or the environment settings cannot be used, and why."""
    st.error(t("konfigurasi_salah", bahasa, pesan=teks_polos(pesan)), icon=":material/settings:")
