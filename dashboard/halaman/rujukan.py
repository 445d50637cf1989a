"""Rujukan (referrals): which referrals are answered and completed, at which agency they are stuck, and where.

For planners and coordination meetings (`screens.md` page 5, `metrics.md` section 2). The global filter
selects the wilayah and the START months of the referrals; everything is as it stood at the data date.
Render only: numbers from `dashboard.data`, drawing from `dashboard.komponen.rujukan`. On the projector
(`?tampilan=presentasi`) the same numbers with no pop-up, filter or download, the charts larger and the tables in
large type (`dashboard.tampilan`).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen import rujukan as k
from dashboard.komponen.grafik import figur_bersama, konfigurasi_grafik, untuk_proyektor
from dashboard.pilihan import pilihan_aktif
from dashboard.tampilan import mode_tampilan

# 1/ selection (made by the frame's filter bar)
p = pilihan_aktif()
b = p.bahasa
mode = mode_tampilan()
config = konfigurasi_grafik(mode)


def _gambar(nama: str, df: pd.DataFrame, bahasa: str, mode_: str) -> go.Figure:
    """The chart `k.<nama>` as drawn in this mode: on the projector 440 px high with 18-px text (two side by side on
    1920x1080)."""
    fig = getattr(k, nama)(df, bahasa)
    return untuk_proyektor(fig, 440) if mode_ == "presentasi" else fig


def besar(nama: str, df: pd.DataFrame) -> go.Figure:
    """`_gambar`, built once for every session with the same (already permitted) data, language and mode."""
    return figur_bersama(_gambar, nama, df, b, mode)


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
    st.plotly_chart(besar("gambar_corong", corong), config=config, key="rujukan_corong",
                    alt=t("rujukan_alt_corong", b, wilayah=p.nama_wilayah))
    st.caption(k.keterangan_corong(corong, b))
with kanan:
    k.judul_bagian(t("rujukan_bagian_kohort", b), t("rujukan_def_kohort", b), b)
    st.plotly_chart(besar("gambar_kohort", kohort), config=config, key="rujukan_kohort",
                    alt=t("rujukan_alt_kohort", b, wilayah=p.nama_wilayah))
    st.caption(t("rujukan_kohort_catatan", b, tanggal=fmt.tanggal(p.tanggal_data, b)))

# 5/ table by destination
k.judul_bagian(t("rujukan_bagian_tujuan", b), t("rujukan_def_tujuan", b), b)
k.tampilkan_tabel_tujuan(per_tujuan, sensitif, b)

# 6/ ageing of open referrals and tanpa_respon by desa
kiri, kanan = st.columns([1, 1.35], gap="medium")
with kiri:
    k.judul_bagian(t("rujukan_bagian_umur", b), t("rujukan_def_umur", b), b)
    st.plotly_chart(besar("gambar_umur", umur), config=config, key="rujukan_umur",
                    alt=t("rujukan_alt_umur", b, wilayah=p.nama_wilayah))
with kanan:
    k.judul_bagian(t("rujukan_bagian_tanpa_respon", b), t("rujukan_def_tanpa_respon", b), b)
    k.tampilkan_tanpa_respon(tanpa_respon, b)

# 7/ the open referrals themselves (pseudonymous ids only)
k.judul_bagian(t("rujukan_bagian_daftar", b), t("rujukan_def_daftar", b), b)
k.tampilkan_daftar(daftar, p.tanggal_data, p.kode_wilayah, b)
