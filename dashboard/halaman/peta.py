"""Peta (map, `screens.md` page 2): one metric per desa as a choropleth, or a tile map without boundaries.

For planners and coordinators looking for the desa that need a push. Render only: the
numbers come from `dashboard.data` (marts), the classes, colours and hover text from
`dashboard.komponen.peta`. The global kecamatan filter zooms the map to that kecamatan;
a click on a desa chooses it in the filter and opens its profile (or, while the profile
page does not exist, stays here with the desa outlined).

On the projector (`dashboard.tampilan`, `?tampilan=presentasi`) the map takes the screen's height with the desa
and kecamatan names written on it, the metric and class method come from the link (`?metrik=`, `?kelas=tetap`),
and nothing can be clicked. On a phone the legend sits above the map, side by side.
"""

from __future__ import annotations

import streamlit as st

from bahasa import format as fmt
from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.grafik import figur_bersama
from dashboard.komponen.peta import (
    METODE_KELAS,
    METRIK_PER_KODE,
    choropleth_bersama,
    desa_dari_klik,
    gambar_petak,
    hitung_legenda,
    jumlah_berpoligon,
    legenda,
    metrik_tersedia,
    peta,
    saring_kecamatan,
    siapkan_peta,
)
from dashboard.komponen.tautan import boleh_ke
from dashboard.pilihan import pilih_wilayah, pilihan_aktif
from dashboard.tampilan import mode_tampilan

_BUKA_PROFIL = "_peta_buka_profil"
_HALAMAN_PROFIL = "profil_desa"


def _saat_klik(kunci: str) -> None:
    """A desa was clicked: choose it in the global filter (before the filter bar runs again)."""
    kode = desa_dari_klik(st.session_state.get(kunci))
    if kode:
        pilih_wilayah(desa=kode)
        st.session_state[_BUKA_PROFIL] = kode


# 1/ selection (made by the frame's filter bar)
p = pilihan_aktif()
b = p.bahasa
mode = mode_tampilan()
ada_profil = boleh_ke(_HALAMAN_PROFIL)

# 2/ a click (its callback ran just before this run) opens the desa's profile
kode_klik = st.session_state.pop(_BUKA_PROFIL, None)
if kode_klik and ada_profil:
    params = {k: v for k, v in st.query_params.to_dict().items() if k != "desa"}
    st.switch_page(f"halaman/{_HALAMAN_PROFIL}.py",
                   query_params={**params, "kec": kode_klik.rsplit(".", 1)[0], "desa": kode_klik})

# 3/ data
desa = data.peta_desa(p.versi, p.kode_kab, p.dari, p.sampai)
batas = data.info_batas(p.versi, p.kode_kab)
ada_batas = batas.jumlah_desa > 0
geojson = data.batas_desa_geojson(p.versi, p.kode_kab) if ada_batas else {}

# 4/ title
periode = fmt.rentang_bulan(p.dari, p.sampai, b)
st.markdown(f"##### {t('peta_judul', b)} · {p.nama_wilayah} &nbsp; :gray[{periode}]")
tersedia = metrik_tersedia(desa)
kode_tersedia = [m.kode for m in tersedia]

if mode == "presentasi":
    # 5/ projector: the link's metric and method, the map as high as the screen, names on it, a large legend
    kode_url = st.query_params.get("metrik")
    metrik = METRIK_PER_KODE[kode_url if kode_url in kode_tersedia else kode_tersedia[0]]
    metode = metrik.metode(st.query_params.get("kelas"))
    siap = siapkan_peta(desa, metrik, metode, p.sampai, p.tanggal_data, b)
    tampil = saring_kecamatan(siap, p.kode_kec)
    kolom_peta, kolom_kanan = st.columns([2.6, 1], gap="medium")
    with kolom_peta:
        if ada_batas:
            fig = choropleth_bersama((p.versi, p.kode_kab), tampil, geojson, data.garis_kecamatan(p.versi, p.kode_kab),
                                     p.kode_kec, None, tinggi=900, nama=True)
        else:
            fig = figur_bersama(gambar_petak, tampil, None, lebar_px=1400, tinggi_maks=880, nama=True)
        st.plotly_chart(fig, config={"displayModeBar": False, "staticPlot": True},
                        alt=t("peta_alt", b, metrik=t(metrik.judul_kunci, b), wilayah=p.nama_wilayah, periode=periode))
    with kolom_kanan:
        legenda(hitung_legenda(siap, tampil), t(metrik.judul_kunci, b), b, ukuran=1.35)
        st.caption(t("peta_kelas_cakupan_ket", b) if metrik.program else t("peta_kelas_presentasi", b, kab=p.nama_kab))
    st.stop()

if mode == "ponsel":  # one column: the choices, the legend side by side, the map the phone's width, the notes
    kolom_pilihan, slot_legenda, kolom_peta, kolom_kanan = (st.container() for _ in range(4))
else:
    kolom_peta, kolom_kanan = st.columns([3.5, 1.3], gap="medium")
    kolom_pilihan = slot_legenda = kolom_kanan

# 5/ choices, beside the map (the map needs the height of a laptop screen)
with kolom_pilihan:
    kode_metrik = st.selectbox(t("peta_metrik", b), kode_tersedia,
                               format_func=lambda k: t(METRIK_PER_KODE[k].judul_kunci, b), key="peta_metrik")
    metrik = METRIK_PER_KODE[kode_metrik]
    metode = st.segmented_control(t("peta_kelas", b), list(METODE_KELAS), format_func=lambda k: t(f"peta_kelas_{k}", b),
                                  key="peta_metode", default="kuantil", required=True,
                                  disabled=metrik.jenis == "status" or metrik.program) or "kuantil"

# 6/ the map, its legend and the metric's definition
siap = siapkan_peta(desa, metrik, metode, p.sampai, p.tanggal_data, b)
tampil = saring_kecamatan(siap, p.kode_kec)
alt = t("peta_alt", b, metrik=t(metrik.judul_kunci, b), wilayah=p.nama_wilayah, periode=periode)
if mode == "ponsel":  # the legend above the map, side by side: the map fills the phone's width below it
    with slot_legenda:
        legenda(hitung_legenda(siap, tampil), t(metrik.judul_kunci, b), b, mendatar=True)
with kolom_peta:
    if ada_batas:
        fig = choropleth_bersama((p.versi, p.kode_kab), tampil, geojson, data.garis_kecamatan(p.versi, p.kode_kab),
                                 p.kode_kec, p.kode_desa, tinggi=480 if mode == "ponsel" else 500)
    else:
        fig = figur_bersama(gambar_petak, tampil, p.kode_desa, lebar_px=370 if mode == "ponsel" else 860)
    peta(fig, f"peta_{'batas' if ada_batas else 'petak'}_{p.kode_kec or 'kab'}", _saat_klik, alt)
with kolom_kanan:
    if mode != "ponsel":
        legenda(hitung_legenda(siap, tampil), t(metrik.judul_kunci, b), b)
    if metrik.program:
        st.caption(t("peta_kelas_cakupan_ket", b))
    with st.popover(t("definisi", b), icon=":material/info:", type="tertiary"):
        st.markdown(t(metrik.definisi_kunci, b))
        st.markdown(t("def_peta_umum", b))

# 7/ notes: classes and click, the source of the boundaries or how to import them
with kolom_kanan:
    if metrik.kode == "selesai_90" and int(desa["bulan_matang_90"].max() or 0) == 0:
        st.caption(t("peta_belum_matang", b, tanggal=fmt.tanggal(p.tanggal_data, b)))
    aksi = t("peta_aksi_profil" if ada_profil else "peta_aksi_pilih", b)
    st.caption(t("peta_kelas_catatan", b, kab=p.nama_kab, aksi=aksi))
    if ada_batas:
        st.caption(t("peta_sumber_batas", b, berkas=batas.berkas, tanggal=fmt.tanggal(batas.diimpor_pada, b),
                     ada=fmt.angka(jumlah_berpoligon(geojson, desa), b), jumlah=fmt.angka(len(desa), b)))
if not ada_batas:
    with kolom_peta:
        st.info(t("peta_tanpa_batas", b), icon=":material/map:")
