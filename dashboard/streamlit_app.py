"""Pantau's entry point: page setup, the shared header and filter bar, and the page router.

Run with `streamlit run dashboard/streamlit_app.py` (or `pantau serve`). This file only
frames and routes (`conventions.md`): it asks who is looking (log-in, `dashboard.sesi`), finds
the warehouse, says what to do when there is none or it cannot be shown (`data.status_gudang`: empty,
unreadable, or built by another schema version: `pantau build`), renders the header (regency, DATA SINTETIS
badge, language switch, account), the global filter bar (limited to the user's wilayah) and the
freshness line, then hands over to the chosen page in `dashboard/halaman/`, among the pages the
user's role may open. A request outside the user's rights (`AksesDitolak`, e.g. a tampered
`?kec=`) shows an error and no data, and is audited.
"""

from __future__ import annotations

import logging
import os

import streamlit as st

from akses import AksesDitolak
from bahasa.format import teks_polos
from dashboard import data, sesi
from dashboard.db import versi_gudang
from dashboard.halaman import DAFTAR_HALAMAN, halaman_tersedia
from dashboard.i18n import t
from dashboard.komponen.gaya import terapkan_gaya
from dashboard.komponen.kepala import kepala
from dashboard.komponen.kesegaran import baris_kesegaran
from dashboard.komponen.masuk import baris_akun, wajib_masuk
from dashboard.komponen.pesan import pesan_gudang, pesan_konfigurasi
from dashboard.pilihan import bahasa_aktif, bilah_filter, daftar_wilayah, pilih_bahasa
from dashboard.tampilan import HALAMAN_PRESENTASI, PARAM, mode_tampilan, params_tanpa_mode
from pipelines.gudang import UMASK
from pipelines.konfigurasi import KesalahanKonfigurasi, muat_konfigurasi

_log = logging.getLogger("pantau.dashboard")
os.umask(UMASK)  # what the app writes (uploads, audit log, accounts): owner only, also under plain `streamlit run`

# The browser tab's icon: an emoji, which Streamlit draws as an inline image (a `:material/...:` icon would be
# fetched from a font server on the internet), so loading a page sends no request off the machine. (A comment, not
# a docstring: Streamlit would print a bare string of this script on the page.)
IKON_APLIKASI = "📊"

st.set_page_config(page_title="Pantau", page_icon=IKON_APLIKASI, layout="wide")
mode = mode_tampilan()  # biasa, ponsel or presentasi (dashboard.tampilan)
terapkan_gaya(mode)
bahasa = bahasa_aktif()

try:
    konfigurasi = muat_konfigurasi()
except KesalahanKonfigurasi as e:
    pesan_konfigurasi(str(e), bahasa)
    st.stop()
jalur = konfigurasi.gudang



def daftarkan_tanpa_menjalankan() -> None:
    """Register every page, hidden and not run, while the log-in form shows: the URL keeps its page (`/unggah`),
    which opens after the log-in if the user's role may open it (else the first page)."""
    st.navigation([st.Page(h.berkas, url_path=h.nama, default=i == 0)
                   for i, h in enumerate(x for x in DAFTAR_HALAMAN if x.berkas.is_file())], position="hidden")


if mode == "biasa":
    with st.container(key="baris_kepala"):  # the key: the narrow-window CSS of komponen.gaya
        kiri, tengah, kanan_bahasa, kanan_akun = st.columns([3.2, 4, 0.75, 1.05], vertical_alignment="center")
    with kanan_bahasa:
        bahasa = pilih_bahasa(bahasa)
    aktif = wajib_masuk(konfigurasi, bahasa, daftarkan_tanpa_menjalankan)  # no session: the log-in form, then stop
    with kanan_akun:
        baris_akun(konfigurasi, aktif, bahasa)
else:
    # phone: title, then one expander with the language, the account and the filters; projector: no widget at all
    kiri, tengah = (st.columns([3.2, 5.8], vertical_alignment="center") if mode == "presentasi"
                    else (st.container(), st.container()))
    aktif = wajib_masuk(konfigurasi, bahasa, daftarkan_tanpa_menjalankan)


def bahasa_dan_akun() -> None:
    """The phone's language switch and account menu, at the top of its filter expander."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        pilih_bahasa(bahasa)
        baris_akun(konfigurasi, aktif, bahasa)


def tautan_presentasi(nama_halaman: str) -> None:
    """The link that enters the presentation mode (desk layout, the pages of `HALAMAN_PRESENTASI`) or leaves it, in
    this session."""
    if mode == "presentasi":
        kanan = st.container(horizontal=True, horizontal_alignment="right")
        kanan.page_link(f"halaman/{nama_halaman}.py", label=t("presentasi_keluar", bahasa),
                     icon=":material/close_fullscreen:", query_params=params_tanpa_mode())
    elif mode == "biasa" and nama_halaman in HALAMAN_PRESENTASI:  # (hidden in a narrow window, komponen.gaya)
        kanan = st.container(horizontal=True, horizontal_alignment="right", key="tautan_presentasi")
        kanan.page_link(f"halaman/{nama_halaman}.py", label=t("presentasi_masuk", bahasa),
                     icon=":material/co_present:", help=t("presentasi_bantuan", bahasa),
                     query_params={**params_tanpa_mode(), PARAM: "presentasi"})


# An unexpected error (a bug, a warehouse swapped mid-query) gets a message in Indonesian and a log
# line, never a traceback on a meeting-room screen; st.stop()/st.rerun() are BaseExceptions and pass.
try:
    versi = versi_gudang(jalur)
    status = data.status_gudang(versi)
    siap = versi is not None and status == "siap"
    meta = data.meta_gudang(versi) if siap and versi else {}
    # one regency: its name in the header; several: the filter bar has a regency box instead
    nama_kab = None
    if siap and versi and len(nama_kabs := daftar_wilayah(versi).nama_kab) == 1:
        nama_kab = next(iter(nama_kabs.values()))

    with kiri:
        kepala(bahasa, nama_kab, meta.get("sintetis", "").strip().lower() == "ya")
    slot_kesegaran = tengah.container()  # filled once the filter bar has said which wilayah is shown
    if mode == "ponsel":  # the filters under the title, the freshness line under them
        slot_kesegaran = st.container()

    if not (siap and versi):
        pesan_gudang(status, jalur, bahasa)
    daftar = halaman_tersedia(ada_gudang=siap, pengguna=aktif.pengguna)
    if not daftar:
        st.stop()
    laman = [st.Page(h.berkas, title=t(h.kunci_judul, bahasa), icon=h.ikon, url_path=h.nama, default=i == 0)
             for i, h in enumerate(daftar)]
    # the projector has no menu (the page is the URL's); a phone gets Streamlit's drawer
    halaman = st.navigation(laman, position="hidden" if mode == "presentasi" else "top")
    terpilih = next(h for h, s in zip(daftar, laman, strict=True) if s is halaman)

    # the filter bar only on a page that reads it (Unggah data and Log audit do not: `Halaman.pakai_filter`)
    if siap and versi and terpilih.pakai_filter:
        pilihan = bilah_filter(versi, bahasa, mode, bahasa_dan_akun if mode == "ponsel" else None)
        with slot_kesegaran:
            baris_kesegaran(pilihan.tanggal_data, data.kesegaran(versi, pilihan.kode_wilayah), bahasa)
            if mode != "ponsel":
                tautan_presentasi(terpilih.nama)
    elif mode == "ponsel":
        with st.expander(t("akun_dan_bahasa", bahasa), icon=":material/account_circle:"):
            bahasa_dan_akun()
    halaman.run()
except AksesDitolak as e:
    sesi.catat(konfigurasi, "akses_ditolak", rincian={"pesan": str(e), "url": st.query_params.to_dict()})
    st.error(t("akses_ditolak", bahasa, pesan=teks_polos(e)), icon=":material/block:")
    st.caption(t("akses_ditolak_saran", bahasa))
    if st.button(t("akses_buka_wilayah_saya", bahasa), icon=":material/home:", key="buka_wilayah_saya"):
        st.query_params.clear()
        st.rerun()
except Exception:
    _log.exception("Halaman gagal ditampilkan")
    st.error(t("galat_halaman", bahasa), icon=":material/error:")
