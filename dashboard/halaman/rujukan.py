"""Rujukan (referrals): which referrals are answered and completed, at which agency they are stuck, and where.

For planners and coordination meetings (`screens.md` page 5, `metrics.md` section 2). The global filter
selects the wilayah and the START months of the referrals; everything is as it stood at the data date.
Render only: numbers from `dashboard.data`, drawing from `dashboard.komponen.rujukan`.
"""

from __future__ import annotations

import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen import rujukan as k
from dashboard.komponen.grafik import figur_bersama
from dashboard.pilihan import pilihan_aktif

# 1/ selection (made by the frame's filter bar)
p = pilihan_aktif()
b = p.bahasa

# 2/ data
corong = data.corong_rujukan(p.versi, p.kode_wilayah, p.dari, p.sampai)
kohort = data.rujukan_kohort(p.versi, p.kode_wilayah, p.dari, p.sampai)
per_tujuan = data.rujukan_per_tujuan(p.versi, p.kode_wilayah, p.dari, p.sampai)
sensitif = data.rujukan_sensitif_kabupaten(p.versi, p.kode_wilayah, p.dari, p.sampai)
umur = data.rujukan_umur(p.versi, p.kode_wilayah, p.dari, p.sampai)
tanpa_respon = data.rujukan_tanpa_respon_desa(p.versi, p.kode_wilayah, p.dari, p.sampai)
daftar = data.rujukan_terbuka_daftar(p.versi, p.kode_wilayah, p.dari, p.sampai)

# 3/ title
subjudul = t("rujukan_subjudul", b, periode=fmt.rentang_bulan(p.dari, p.sampai, b),
             tanggal=fmt.tanggal(p.tanggal_data, b))
st.markdown(f"##### {t('halaman_rujukan', b)} · {p.nama_wilayah} &nbsp; :gray[{subjudul}]")
if int(corong.iloc[0]["dikirim"]) == 0:
    st.info(t("rujukan_kosong_periode", b), icon=":material/info:")
    st.stop()

# 4/ funnel and cohort completion
kiri, kanan = st.columns([1, 1.35], gap="medium")
with kiri:
    k.judul_bagian(t("rujukan_bagian_corong", b), t("rujukan_def_corong", b), b)
    st.plotly_chart(figur_bersama(k.gambar_corong, corong, b), config={"displayModeBar": False}, key="rujukan_corong",
                    alt=t("rujukan_alt_corong", b, wilayah=p.nama_wilayah))
    st.caption(k.keterangan_corong(corong, b))
with kanan:
    k.judul_bagian(t("rujukan_bagian_kohort", b), t("rujukan_def_kohort", b), b)
    st.plotly_chart(figur_bersama(k.gambar_kohort, kohort, b), config={"displayModeBar": False}, key="rujukan_kohort",
                    alt=t("rujukan_alt_kohort", b, wilayah=p.nama_wilayah))
    st.caption(t("rujukan_kohort_catatan", b, tanggal=fmt.tanggal(p.tanggal_data, b)))

# 5/ table by destination
k.judul_bagian(t("rujukan_bagian_tujuan", b), t("rujukan_def_tujuan", b), b)
k.tampilkan_tabel_tujuan(per_tujuan, sensitif, b)

# 6/ ageing of open referrals and tanpa_respon by desa
kiri, kanan = st.columns([1, 1.35], gap="medium")
with kiri:
    k.judul_bagian(t("rujukan_bagian_umur", b), t("rujukan_def_umur", b), b)
    st.plotly_chart(figur_bersama(k.gambar_umur, umur, b), config={"displayModeBar": False}, key="rujukan_umur",
                    alt=t("rujukan_alt_umur", b, wilayah=p.nama_wilayah))
with kanan:
    k.judul_bagian(t("rujukan_bagian_tanpa_respon", b), t("rujukan_def_tanpa_respon", b), b)
    k.tampilkan_tanpa_respon(tanpa_respon, b)

# 7/ the open referrals themselves (pseudonymous ids only)
k.judul_bagian(t("rujukan_bagian_daftar", b), t("rujukan_def_daftar", b), b)
k.tampilkan_daftar(daftar, p.tanggal_data, p.kode_wilayah, b)
