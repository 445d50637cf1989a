"""The data freshness line: "Data per 31 Okt 2026, 287 dari 306 desa melapor" (`screens.md`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from bahasa import format as fmt
from dashboard.i18n import Bahasa, t


def teks_kesegaran(tanggal_data: dt.date, lapor: pd.DataFrame, bahasa: Bahasa) -> str:
    """The freshness sentence for the cut-off date and the last due month's reporting (`data.kesegaran`)."""
    tanggal = fmt.tanggal(tanggal_data, bahasa)
    if lapor.empty:
        return t("kesegaran_tanpa_bulan", bahasa, tanggal=tanggal)
    baris = lapor.iloc[0]
    kalimat = t("kesegaran", bahasa, tanggal=tanggal, melapor=fmt.angka(int(baris["desa_melapor"]), bahasa),
                jumlah=fmt.angka(int(baris["jumlah_desa"]), bahasa))
    return f"{kalimat} {t('kesegaran_bulan', bahasa, bulan=fmt.bulan(baris['bulan'], bahasa))}"


def baris_kesegaran(tanggal_data: dt.date, lapor: pd.DataFrame, bahasa: Bahasa) -> None:
    """Render the freshness line with its definition as help."""
    st.caption(f":material/update: {teks_kesegaran(tanggal_data, lapor, bahasa)}", help=t("kesegaran_bantuan", bahasa),
               text_alignment="right")
