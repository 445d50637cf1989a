"""Rapat kecamatan: all desa of one kecamatan side by side, and the meeting's agenda (screens.md, page 4).

For the Camat, Kasi Kesra or TKSK running the monthly rakor. Render only: numbers from `dashboard.data`,
tables from `dashboard.komponen.rapat`, the download from `dashboard.komponen.unduhan` (same tables as here).
On the projector (`?tampilan=presentasi`) the same tables in large type, without sparklines, sorting or download;
without a kecamatan it says how to choose one (nothing can be chosen on the projector).
"""

from __future__ import annotations

import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.kesegaran import teks_kesegaran
from dashboard.komponen.program import tampilkan_cakupan
from dashboard.komponen.rapat import bantuan_desa, garis_desa, pilih_kecamatan, tampilkan_tabel
from dashboard.komponen.unduhan import isi_agenda, tombol_agenda
from dashboard.laporan import tabel_agenda
from dashboard.pilihan import pilihan_aktif
from dashboard.tampilan import presentasi

# 1/ selection: the filter bar's kecamatan (a desa brings its kecamatan), or one chosen here
p = pilihan_aktif()
b = p.bahasa
if not p.kode_kec or not p.nama_kec:
    st.markdown(f"##### {t('rapat_judul', b)}")
    if presentasi():
        st.info(t("rapat_presentasi_pilih_kec", b), icon=":material/groups:")
    else:
        pilih_kecamatan(p, data.wilayah(p.versi))
    st.stop()
kode_kec, nama_kec = p.kode_kec, p.nama_kec

# 2/ data
tabel, desa = tabel_agenda(p, kode_kec)  # the same tables as `pantau agenda` (dashboard.laporan)
kesegaran = teks_kesegaran(p.tanggal_data, data.kesegaran(p.versi, kode_kec), b)
t_desa, t_tujuan, t_terlambat, t_diam, t_turun = tabel

# 3/ title and the agenda's download (the same tables as below)
kiri, kanan = st.columns([3, 2], vertical_alignment="center")
with kiri:
    st.markdown(f"##### {t('rapat_judul', b)} · Kec. {nama_kec} &nbsp; "
                f":gray[{t('pr_periode_dokumen', b, periode=fmt.rentang_bulan(p.dari, p.sampai, b))}]")
if not presentasi():  # the projector: no download
    with kanan:
        tombol_agenda(isi_agenda(p, nama_kec, tabel, kesegaran), p.tanggal_data, kode_kec)

# 4/ all desa side by side (sortable; sparklines per month of the period)
garis, konfigurasi_garis, urutan = garis_desa(desa, b)
tampilkan_tabel(t_desa, b, kunci="rapat_desa", tambahan=garis, konfigurasi_tambahan=konfigurasi_garis,
                urutan=urutan, bantuan=bantuan_desa(b))

# 5/ agenda: overdue referrals by destination, then one by one by destination and desa
st.markdown(f"##### {t('agenda_judul', b)}")
st.caption(t("agenda_per", b, tanggal=fmt.tanggal(p.tanggal_data, b)))
tampilkan_tabel(t_tujuan, b, kunci="rapat_tujuan")
tampilkan_tabel(t_terlambat, b, kunci="rapat_terlambat")

# 6/ silent and irregular Puskesos; desa whose reporting fell
kolom_diam, kolom_turun = st.columns(2, gap="medium")
with kolom_diam:
    tampilkan_tabel(t_diam, b, kunci="rapat_diam")
with kolom_turun:
    tampilkan_tabel(t_turun, b, kunci="rapat_turun")

# 7/ program coverage of the kecamatan: the Program page's numbers
tampilkan_cakupan({k: data.program_wilayah(p.versi, kode_kec, k) for k in data.program_tersedia(p.versi)}, b,
                  kunci="rapat_program")
