"""Program: are the programs reaching the eligible households of each desa? (screens.md page 6)

Coverage of the chosen program among eligible DTKS/DTSEN households, inclusion and exclusion
errors as counts (never names), the kecamatan or desa one level down, the deactivations
and reactivations over time and whether the deactivated came to a Puskesos (referred, completed),
and beside the rolls the programs the cases ask for. Render only; numbers from `dashboard.data`.
"""

from __future__ import annotations

import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.kpi import ubin_kpi
from dashboard.komponen.program import (
    gambar_nonaktif,
    isi_ubin,
    kalimat_tindak,
    periode,
    tabel_anak,
    tabel_diminta,
    tabel_tindak,
)
from dashboard.komponen.tautan import tautan_halaman
from dashboard.pilihan import pilihan_aktif
from pipelines.enums import label

# 1/ selection: the frame's wilayah, and a program (mirrored to the URL as ?program=)
p = pilihan_aktif()
b = p.bahasa
program_ada = data.program_tersedia(p.versi)
if not program_ada:
    st.info(t("program_belum_ada", b), icon=":material/info:")
    st.stop()
dari_url = st.query_params.get("program")
if dari_url not in program_ada:
    dari_url = "pbi_jk" if "pbi_jk" in program_ada else program_ada[0]
program = st.segmented_control(t("program_pilih", b), program_ada, default=dari_url,
                               format_func=lambda k: label("program", k, b), key="program_pilihan") or dari_url
st.query_params["program"] = program

# 2/ data
baris = data.program_wilayah(p.versi, p.kode_wilayah, program)
ini = baris[baris["peran"] == "ini"]
if ini.empty:
    st.info(t("program_belum_ada", b), icon=":material/info:")
    st.stop()
ini_baris = ini.iloc[0]

# 3/ title and tiles
st.markdown(f"##### {label('program', program, b)} · {p.nama_wilayah} &nbsp; :gray[{periode(ini_baris, b)}]")
kolom = st.columns(5, gap="small")
for k, isi in zip(kolom, isi_ubin(ini_baris, program, b), strict=True):
    with k:
        ubin_kpi(isi, b)

# 4/ one level down: kecamatan of the regency, or desa of the kecamatan
anak = baris[baris["peran"] == "anak"]
if not anak.empty:
    st.markdown(f"###### {t('program_per_wilayah', b)}")
    st.dataframe(tabel_anak(anak, b), hide_index=True, width="stretch", height=320)
tautan_halaman("peta", t("program_ke_peta", b), ":material/map:")

# 5/ deactivations and reactivations over time
nonaktif = data.program_nonaktif(p.versi, p.kode_wilayah, program)
st.markdown(f"###### {t('program_nonaktif_judul', b)}")
if nonaktif.empty:
    st.caption(t("program_nonaktif_kosong", b))
else:
    st.plotly_chart(gambar_nonaktif(nonaktif, b), config={"displayModeBar": False})
    st.caption(t("program_nonaktif_ket", b, n=fmt.angka(int(nonaktif["dinonaktifkan"].sum()), b),
                 kembali=fmt.angka(int(nonaktif["diaktifkan_kembali"].sum()), b)))

    # did the deactivated come to a Puskesos, and were they referred and their referral completed?
    tindak = data.program_nonaktif_tindak(p.versi, p.kode_wilayah, program)
    st.markdown(f"###### {t('program_tindak_judul', b)}")
    st.markdown(kalimat_tindak(tindak, b))
    st.dataframe(tabel_tindak(tindak, b), hide_index=True, key="program_tindak")
    st.caption(t("program_tindak_ket", b))

# 6/ beside the rolls: the programs the cases of the period ask for
diminta = data.program_diminta(p.versi, p.kode_wilayah, p.dari, p.sampai)
st.markdown(f"###### {t('program_diminta_judul', b)}")
rentang = fmt.rentang_bulan(p.dari, p.sampai, b)
if diminta.empty:
    st.caption(t("program_diminta_kosong", b, periode=rentang))
else:
    st.dataframe(tabel_diminta(diminta, b), hide_index=True, key="program_diminta")
    st.caption(t("program_diminta_ket", b, periode=rentang))
