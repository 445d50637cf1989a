"""Pantau's entry point: page setup, the shared header and filter bar, and the page router.

Run with `streamlit run dashboard/streamlit_app.py` (or `pantau serve`). This file only
frames and routes (`conventions.md`): it finds the warehouse, says what to do when there is
none, renders the header (regency, DATA SINTETIS badge, language switch), the global filter
bar and the freshness line, then hands over to the chosen page in `dashboard/halaman/`.
"""

from __future__ import annotations

import logging

import streamlit as st

from dashboard import data
from dashboard.db import jalur_gudang, versi_gudang
from dashboard.halaman import halaman_tersedia
from dashboard.i18n import t
from dashboard.komponen.gaya import terapkan_gaya
from dashboard.komponen.kepala import kepala
from dashboard.komponen.kesegaran import baris_kesegaran
from dashboard.komponen.pesan import pesan_gudang, pesan_konfigurasi
from dashboard.pilihan import bahasa_aktif, bilah_filter, pilih_bahasa
from pipelines.konfigurasi import KesalahanKonfigurasi

_log = logging.getLogger("pantau.dashboard")

st.set_page_config(page_title="Pantau", page_icon=":material/monitoring:", layout="wide")
terapkan_gaya()
bahasa = bahasa_aktif()

try:
    jalur = jalur_gudang()
except KesalahanKonfigurasi as e:
    pesan_konfigurasi(str(e), bahasa)
    st.stop()

# An unexpected error (a bug, a warehouse swapped mid-query) gets a message in Indonesian and a log
# line, never a traceback on a meeting-room screen; st.stop()/st.rerun() are BaseExceptions and pass.
try:
    versi = versi_gudang(jalur)
    status = data.status_gudang(versi)
    siap = versi is not None and status == "siap"
    meta = data.meta_gudang(versi) if siap and versi else {}
    # one regency: its name in the header; several: the filter bar has a regency box instead
    nama_kab = None
    if siap and versi and data.wilayah(versi)["kode_kab"].nunique() == 1:
        nama_kab = str(data.wilayah(versi)["nama_kab"].iloc[0])

    kiri, tengah, kanan = st.columns([3.2, 4, 0.9], vertical_alignment="center")
    with kanan:
        bahasa = pilih_bahasa(bahasa)
    with kiri:
        kepala(bahasa, nama_kab, meta.get("sintetis", "").strip().lower() == "ya")
    slot_kesegaran = tengah.container()  # filled once the filter bar has said which wilayah is shown

    if siap and versi:
        pilihan = bilah_filter(versi, bahasa)
        with slot_kesegaran:
            baris_kesegaran(pilihan.tanggal_data, data.kesegaran(versi, pilihan.kode_wilayah), bahasa)
    else:
        pesan_gudang(status, jalur, bahasa)

    daftar = halaman_tersedia(ada_gudang=siap)
    if not daftar:
        st.stop()
    halaman = st.navigation(
        [st.Page(h.berkas, title=t(h.kunci_judul, bahasa), icon=h.ikon, url_path=h.nama, default=i == 0)
         for i, h in enumerate(daftar)],
        position="top",
    )
    halaman.run()
except Exception:
    _log.exception("Halaman gagal ditampilkan")
    st.error(t("galat_halaman", bahasa), icon=":material/error:")
