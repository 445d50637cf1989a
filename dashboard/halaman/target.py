"""Target kemiskinan: the BPS poverty rate against each planning document's target (screens.md page 7).

The chosen document (default: the newest) is drawn with its required path, the others in grey;
the gap of one year, the decline still needed per year, the recent declines, and the linear
projection with its 80 % band. Without a planning document: the BPS series and its projection,
and how to load a document. Every number names where it comes from (the shipped reference or
the user's file). Regency level: BPS publishes the rate per regency only. Render only. On the projector
(`?tampilan=presentasi`) the document comes from the link (`?dokumen=`, else the newest) with no box to choose it,
the tiles without pop-ups, the chart as high as the screen allows and the tables in large type.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import data
from dashboard.i18n import t
from dashboard.komponen.grafik import konfigurasi_grafik, untuk_proyektor
from dashboard.komponen.kpi import ubin_kpi
from dashboard.komponen.target import (
    dokumen_bawaan,
    gambar_target,
    isi_ubin,
    isi_ubin_seri,
    tabel_bps,
    tabel_dokumen,
)
from dashboard.pilihan import pilihan_aktif
from dashboard.tampilan import mode_tampilan


def tabel(df: pd.DataFrame) -> None:
    """A table as the grid, or on the projector (whose grid font cannot be enlarged) as a plain table."""
    if presentasi:
        st.table(df.set_index(df.columns[0]))
    else:
        st.dataframe(df, hide_index=True, width="stretch")


# 1/ selection: the regency of the filter bar, and a planning document (mirrored to the URL as ?dokumen=)
p = pilihan_aktif()
b = p.bahasa
mode = mode_tampilan()
presentasi = mode == "presentasi"
isi = data.target_kemiskinan(p.versi, p.kode_kab)
if isi["bps"].empty:
    st.info(t("target_belum_ada_bps", b), icon=":material/info:")
    st.stop()
daftar = isi["dokumen"]["dokumen"].tolist()
dokumen: str | None = None
if daftar:
    pilihan_url = st.query_params.get("dokumen")
    bawaan = pilihan_url if pilihan_url in daftar else dokumen_bawaan(isi["dokumen"])
    if presentasi:  # the projector: the link's document, nothing to choose
        dokumen = bawaan
    else:
        dokumen = st.selectbox(t("target_pilih_dokumen", b), daftar, index=daftar.index(bawaan),
                               key="target_dokumen")
        st.query_params["dokumen"] = dokumen

# 2/ title and tiles
st.markdown(f"##### {t('halaman_target', b)} · {p.nama_kab}")
if p.kode_kec:
    st.caption(t("target_tingkat_kabupaten", b))
if dokumen is None:
    st.info(t("target_belum_ada_dokumen", b), icon=":material/info:")
    ubin = isi_ubin_seri(isi, b)
else:
    d = isi["dokumen"].set_index("dokumen").loc[dokumen].copy()
    d["dokumen"] = dokumen
    ubin = isi_ubin(d, b)
kolom = st.columns(5, gap="small")
for k, u in zip(kolom, ubin, strict=False):
    with k:
        ubin_kpi(u, b, definisi=not presentasi)
st.caption(t("target_ket_pp", b))

# 3/ the chart
grafik = gambar_target(isi, dokumen, b)
st.plotly_chart(untuk_proyektor(grafik, 560) if presentasi else grafik, config=konfigurasi_grafik(mode))
if len(daftar) > 1:
    st.caption(t("target_ket_dokumen_lain_warna", b))

# 4/ tables with sources
if daftar:
    kiri, kanan = st.columns([3, 2])
    with kiri:
        st.markdown(f"###### {t('target_tabel_dokumen', b)}")
        tabel(tabel_dokumen(isi["dokumen"], b))
else:
    kanan = st.container()
with kanan:
    st.markdown(f"###### {t('target_tabel_bps', b)}")
    tabel(tabel_bps(isi["bps"], b))
st.caption(t("target_ket_asal", b))
