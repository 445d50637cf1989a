"""Kualitas data: which desa report completely and on time, whose rows need correcting, and why.

For Dinsos planners and kecamatan coordinators (`screens.md` page 8, `metrics.md` sections 3 and 6). The
global filter selects the wilayah; the strip shows the 12 months ending with the "sampai" month; the quality
score covers the 12 months before the data date; the quarantine and warnings are those of the rows reporting
on the months "dari".."sampai". Render only: numbers from `dashboard.data`, drawing from
`dashboard.komponen.kualitas`.
"""

from __future__ import annotations

import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen import kualitas as k
from dashboard.komponen.kpi import ubin_kpi
from dashboard.komponen.rujukan import judul_bagian
from dashboard.pilihan import pilihan_aktif

# 1/ selection (made by the frame's filter bar)
p = pilihan_aktif()
b = p.bahasa

# 2/ data
ringkasan = data.kualitas_ringkasan(p.versi, p.kode_wilayah)
puskesos = data.puskesos_status(p.versi, p.kode_wilayah)
per_desa = data.kualitas_per_desa(p.versi, p.kode_wilayah)
strip = data.pelaporan_12_bulan(p.versi, p.kode_wilayah, p.sampai)
karantina_berkas = data.karantina_per_berkas(p.versi, p.kode_wilayah, p.dari, p.sampai)
karantina_baris = data.karantina_baris(p.versi, p.kode_wilayah, p.dari, p.sampai)
peringatan = data.peringatan_per_jenis(p.versi, p.kode_wilayah, p.dari, p.sampai)
nama = data.nama_tidak_cocok(p.versi, p.kode_wilayah, p.dari, p.sampai)
periode = fmt.rentang_bulan(p.dari, p.sampai, b)

# 3/ title and tiles
st.markdown(f"##### {t('halaman_kualitas', b)} · {p.nama_wilayah} &nbsp; :gray["
            f"{t('kualitas_subjudul', b, tanggal=fmt.tanggal(p.tanggal_data, b), jendela=k.jendela(ringkasan, b))}]")
kolom = st.columns(5, gap="small")
for ubin, isi in zip(kolom, k.isi_ubin(ringkasan, karantina_baris, puskesos, p.tanggal_data, b), strict=True):
    with ubin:
        ubin_kpi(isi, b)

# 4/ tabs: reporting strip, score per desa, quarantine, warnings and names
tab_strip, tab_skor, tab_karantina, tab_peringatan = st.tabs([
    t("kualitas_tab_strip", b), t("kualitas_tab_skor", b),
    t("kualitas_tab_karantina", b, n=fmt.angka(len(karantina_baris), b)),
    t("kualitas_tab_peringatan", b, n=fmt.angka(int(peringatan["jumlah"].sum()), b)),
])
with tab_strip:
    judul_bagian(t("kualitas_bagian_strip", b), t("kualitas_def_strip", b), b,
                 catatan=t("kualitas_catatan_strip", b, sampai=fmt.bulan(p.sampai, b)))
    k.tampilkan_strip(per_desa, strip, b)
with tab_skor:
    judul_bagian(t("kualitas_bagian_skor", b), t("kualitas_def_skor", b), b,
                 catatan=t("kualitas_catatan_skor", b, jendela=k.jendela(ringkasan, b),
                           revisi=fmt.angka(int(ringkasan.iloc[0]["kasus_direvisi"] or 0), b)))
    k.tampilkan_skor(per_desa, b)
with tab_karantina:
    judul_bagian(t("kualitas_bagian_karantina", b), t("kualitas_def_karantina", b), b,
                 catatan=t("kualitas_catatan_periode", b, periode=periode))
    k.tampilkan_karantina(karantina_berkas, karantina_baris,
                          f"karantina_{p.kode_wilayah}_{fmt.kode_bulan(p.dari)}_{fmt.kode_bulan(p.sampai)}.csv",
                          p.kode_wilayah, p.tanggal_data, b)
with tab_peringatan:
    judul_bagian(t("kualitas_bagian_peringatan", b), t("kualitas_def_peringatan", b), b,
                 catatan=t("kualitas_catatan_periode", b, periode=periode))
    k.tampilkan_peringatan(peringatan, b)
    judul_bagian(t("kualitas_bagian_nama", b), t("kualitas_def_nama", b), b)
    k.tampilkan_nama(nama, b)
