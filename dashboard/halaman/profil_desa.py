"""Profil desa: one desa's Puskesos, cases, referrals, reporting, data quality and rank (screens.md, page 3).

For the Dinsos planner drilling down from a map or a list. Render only: numbers from `dashboard.data`, pieces
from `dashboard.komponen.profil` and `.rapat`. The desa is the filter bar's (`?desa=`); without one, a selector
of the desa of the chosen kecamatan writes it there.
"""

from __future__ import annotations

import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.profil import (
    gambar_corong,
    html_strip_lapor,
    isi_register,
    kartu_register,
    konfigurasi_kategori,
    pilih_desa,
    tabel_kategori,
    teks_corong,
    teks_kualitas,
    teks_peringkat,
)
from dashboard.komponen.program import tampilkan_cakupan
from dashboard.komponen.rapat import tabel_rujukan_terlambat, tampilkan_tabel
from dashboard.periode import tambah_bulan
from dashboard.pilihan import pilihan_aktif

# 1/ selection: the filter bar's desa, or one chosen here
p = pilihan_aktif()
b = p.bahasa
if not p.kode_desa or not p.kode_kec or not p.nama_kec:
    st.markdown(f"##### {t('profil_judul', b)}")
    pilih_desa(p, data.wilayah(p.versi))
    st.stop()
kode_desa, kode_kec, nama_kec = p.kode_desa, p.kode_kec, p.nama_kec

# 2/ data
profil = data.profil_desa(p.versi, kode_desa).iloc[0]
kategori = data.kasus_kategori(p.versi, kode_desa, p.dari, p.sampai)
corong = data.corong_rujukan(p.versi, kode_desa, p.dari, p.sampai).iloc[0]
terlambat = data.rujukan_terlambat(p.versi, kode_desa)
bulan_akhir = tambah_bulan(p.tanggal_data.replace(day=1), -1)  # the last month a report was due for
riwayat = data.riwayat_lapor(p.versi, kode_desa, bulan_akhir)
kualitas = data.kualitas_desa(p.versi, kode_desa).iloc[0]
rapat = data.rapat_desa(p.versi, kode_kec, p.dari, p.sampai)
peringkat = rapat[rapat["kode_desa"] == kode_desa].iloc[0]
periode = fmt.rentang_bulan(p.dari, p.sampai, b)

# 3/ title
st.markdown(f"##### {t('profil_judul', b)} · {p.nama_wilayah} &nbsp; "
            f":gray[{t('pr_periode_dokumen', b, periode=periode)}]")

# 4/ Puskesos status and register | rank in the kecamatan and data quality
kiri, kanan = st.columns([1.1, 1], gap="medium")
with kiri:
    kartu_register(isi_register(profil, p.tanggal_data, b), b)
with kanan, st.container(border=True):
    st.markdown(f"**{t('profil_peringkat_judul', b)}**")
    st.markdown("\n".join(f"- {baris}" for baris in teks_peringkat(peringkat, nama_kec, b)))
    st.markdown(f"**{t('profil_kualitas_judul', b)}**")
    st.markdown(teks_kualitas(kualitas, b))
    with st.popover(t("definisi", b), icon=":material/info:", type="tertiary"):
        st.markdown(t("pr_def_peringkat", b) + "\n\n" + t("pr_def_kualitas_desa", b))

# 5/ monthly cases by category (violence counts 1-4 as <5)
st.markdown(f"**{t('profil_kategori_judul', b)}**")
tabel = tabel_kategori(kategori, b)
if len(tabel) <= 1:
    st.caption(t("profil_kategori_kosong", b, periode=periode))
else:
    st.dataframe(tabel, hide_index=True, key="profil_kategori", placeholder=fmt.KOSONG,
                 column_config=konfigurasi_kategori(tabel))
    st.caption(t("profil_kategori_catatan", b))

# 6/ referrals: the funnel of the period, and every referral past its SLA at the cut-off
corong_kiri, corong_kanan = st.columns([1, 2.3], gap="medium")
with corong_kiri:
    st.markdown(f"**{t('profil_corong_judul', b, periode=periode)}**")
    if int(corong["dikirim"]) == 0:
        st.caption(t("profil_corong_kosong", b))
    else:
        st.plotly_chart(gambar_corong(corong, b), config={"displayModeBar": False}, key="profil_corong",
                        alt=t("profil_corong_alt", b, wilayah=p.nama_wilayah, periode=periode))
        st.caption(teks_corong(corong, b))
with corong_kanan:
    tampilkan_tabel(tabel_rujukan_terlambat(terlambat, b, dengan_desa=False), b, kunci="profil_terlambat")

# 7/ reporting history: 12 months up to the last month a report was due for
st.markdown(f"**{t('profil_lapor_judul', b)}**")
st.html(html_strip_lapor(riwayat, b))

# 8/ program coverage of the desa: the Program page's numbers
tampilkan_cakupan({k: data.program_wilayah(p.versi, kode_desa, k) for k in data.program_tersedia(p.versi)}, b,
                  kunci="profil_program")
