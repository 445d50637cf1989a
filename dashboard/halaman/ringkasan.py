"""Ringkasan (briefing, the default page): KPI tiles with their change, and the monthly trend.

For the Bupati five minutes before a meeting (`screens.md`, page 1). Render only: the
numbers come from `dashboard.data`, the filter bar and the freshness line from the frame.
"""

from __future__ import annotations

import streamlit as st

from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.grafik import grafik_tren
from dashboard.komponen.kpi import (
    isi_kasus_baru,
    isi_puskesos_aktif,
    isi_selesai_90,
    isi_tunggakan,
    judul_periode,
    kotak_kpi,
)
from dashboard.periode import bulan_lengkap_terakhir
from dashboard.pilihan import pilihan_aktif

# 1/ selection (made by the frame's filter bar)
p = pilihan_aktif()
b = p.bahasa

# 2/ data
kpi = data.kpi_ringkasan(p.versi, p.kode_wilayah, p.dari, p.sampai)
puskesos = data.puskesos_status(p.versi, p.kode_wilayah)
tren = data.tren_bulanan(p.versi, p.kode_wilayah, p.dari, p.sampai)
bulan_pertama = data.bulan_tersedia(p.versi)[0]

# 3/ title
st.markdown(f"##### {t('ringkasan_judul', b)} · {p.nama_wilayah} &nbsp; :gray[{judul_periode(kpi, bulan_pertama, b)}]")

# 4/ KPI tiles
kolom = st.columns(4, gap="small")
with kolom[0]:
    kotak_kpi(isi_kasus_baru(kpi, b), b)
with kolom[1]:
    kotak_kpi(isi_selesai_90(kpi, p.tanggal_data, b), b)
with kolom[2]:
    kotak_kpi(isi_tunggakan(kpi, p.tanggal_data, b), b)
with kolom[3]:
    kotak_kpi(isi_puskesos_aktif(puskesos, p.tanggal_data, b), b)

# 5/ monthly trend (totals only)
grafik_tren(tren, bulan_lengkap_terakhir(p.tanggal_data), p.tanggal_data, p.nama_wilayah, b)
