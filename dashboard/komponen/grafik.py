"""Charts. The monthly trend shows totals only: no category breakdown below kabupaten, so that small
counts of violence cases cannot be read off a desa's or kecamatan's chart (`metrics.md` section 7)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from dashboard.komponen.gaya import ABU, ABU_MUDA, ABU_TUA


def konfigurasi_grafik(mode: str = "biasa") -> dict[str, bool]:
    """plotly's `config` for every chart: no mode bar, redrawn to the width of its column when the window changes
    (a desktop browser narrowed to a phone's width), and on the projector a still picture (nobody hovers there)."""
    return {"displayModeBar": False, "responsive": True, "staticPlot": mode == "presentasi"}


def untuk_proyektor(fig: go.Figure, tinggi: int) -> go.Figure:
    """The same chart for a 1920x1080 projector: `tinggi` px high, text 18 px (titles 22 px), read from the back of
    the room; the layout's positions (legend below or beside the title) stay as they are."""
    fig.update_layout(height=tinggi, font={"size": 18}, title={"font": {"size": 22}}, legend={"font": {"size": 18}},
                      margin={"t": 48})
    fig.update_xaxes(tickfont={"size": 18}, title_font={"size": 18})
    fig.update_yaxes(tickfont={"size": 18}, title_font={"size": 18})
    fig.update_traces(textfont={"size": 17}, selector={"type": "bar"})
    return fig


class FigurBeku(go.Figure):
    """A finished figure that is never changed again: its dict (what `st.plotly_chart` turns into the JSON it sends)
    is made once, instead of plotly's deep copy of every trace at every draw. Made by `figur_bersama`."""

    def to_dict(self) -> dict[str, Any]:
        beku = getattr(self, "_pantau_dict", None)
        if beku is None:
            beku = super().to_dict()
            self._pantau_dict = beku
        return beku


def bekukan(fig: go.Figure) -> go.Figure:
    """`fig` as a `FigurBeku` (same fields; its dict made once). Nothing may change it afterwards."""
    fig.__class__ = FigurBeku
    return fig


@st.cache_resource(max_entries=256, show_spinner=False)
def _figur_bersama(pembangun: str, _bangun: Callable[..., go.Figure], /, *args: Any, **kwargs: Any) -> go.Figure:
    # positional-only: a builder's own keyword (the tile map's `nama=`) must not collide with these two
    return bekukan(_bangun(*args, **kwargs))


def figur_bersama(bangun: Callable[..., go.Figure], *args: Any, **kwargs: Any) -> go.Figure:
    """`bangun(*args, **kwargs)`, built once for every session that asks with equal arguments, and frozen
    (`FigurBeku`): a rerun or another user's session with the same data gets the same figure without building it.

    The key is every argument itself (the DataFrames already through the access gate, the language, the mode), so
    a figure is shared only between requests that would have built it from identical, permitted data; nothing of
    one scope can reach another. The figure must not be changed after this call."""
    return _figur_bersama(f"{bangun.__module__}.{bangun.__qualname__}", bangun, *args, **kwargs)


def label_bulan_pendek(bulan: list[dt.date], bahasa: Bahasa) -> list[str]:
    """Month tick labels for a narrow chart: the month alone, with its year under it on the first month and on every
    January (`Jun<br>2026`, `Jul`, ..., `Jan<br>2027`)."""
    teks = []
    for i, b in enumerate(bulan):
        nama, tahun = fmt.bulan(b, bahasa).rsplit(" ", 1)
        teks.append(f"{nama}<br>{tahun}" if i == 0 or b.month == 1 else nama)
    return teks


def gambar_tren(tren: pd.DataFrame, bulan_lengkap: dt.date, bahasa: Bahasa, mode: str = "biasa") -> go.Figure:
    """Bars of kasus baru and a line of rujukan dikirim per month; a month not yet complete is drawn pale.

    `mode` (`dashboard.tampilan`): on a phone the months are abbreviated (the year under the first and under
    January) and the legend sits below the plot, so nothing runs together or over the title; on the projector
    the chart is higher and its text larger."""
    x = [fmt.bulan(b, bahasa) for b in tren["bulan"]]
    warna_batang = [ABU if b <= bulan_lengkap else ABU_MUDA for b in tren["bulan"]]
    nama_kasus, nama_rujukan = t("tren_kasus_baru", bahasa), t("tren_rujukan_dikirim", bahasa)
    fig = go.Figure()
    fig.add_bar(x=x, y=tren["kasus_baru"], name=nama_kasus, marker_color=warna_batang,
                hovertemplate=f"%{{x}}<br>{nama_kasus}: %{{y:,}}<extra></extra>")
    fig.add_scatter(x=x, y=tren["rujukan_dikirim"], name=nama_rujukan, mode="lines+markers",
                    line={"color": ABU_TUA, "width": 3},
                    marker={"size": 10, "line": {"color": "white", "width": 2}},
                    hovertemplate=f"%{{x}}<br>{nama_rujukan}: %{{y:,}}<extra></extra>")
    fig.update_layout(
        # the legend below the plot, not beside the title: in a window as narrow as a phone's (which the server
        # cannot tell from a desk) the two would run into each other; plotly makes room for it under the axis
        title={"text": f"<b>{t('tren_judul', bahasa)}</b>", "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top",
               "font": {"size": 16}},
        height=300,
        margin={"l": 8, "r": 8, "t": 36, "b": 8},
        separators=",." if bahasa == "id" else ".,",
        legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0, "font": {"size": 14}},
        # few months would draw a wall of grey; keep bars about as wide as in a 12-month view
        bargap=0.25 if len(x) >= 6 else 0.55 if len(x) >= 3 else 0.75,
        font={"size": 14},
        hovermode="x unified",
    )
    # up to 12 months: level labels where they fit, turned by plotly only where they would overlap (a narrow window)
    fig.update_xaxes(type="category", tickangle=None if len(x) <= 12 else -45, tickfont={"size": 14})
    puncak = max([0, *tren["kasus_baru"], *tren["rujukan_dikirim"]])
    fig.update_yaxes(title_text=t("tren_sumbu_y", bahasa), rangemode="tozero", tickformat=",d", tickfont={"size": 14},
                     dtick=1 if puncak <= 6 else None)  # counts: no 0.2 steps rounded to "0, 0, 1, 1"
    if mode == "ponsel":
        fig.update_xaxes(tickvals=x, ticktext=label_bulan_pendek(list(tren["bulan"]), bahasa), tickangle=None,
                         tickfont={"size": 12})
        fig.update_yaxes(title_text=None, tickfont={"size": 12})
        fig.update_layout(height=300, margin={"l": 4, "r": 4, "t": 36, "b": 8}, font={"size": 12},
                          title={"font": {"size": 15}},
                          legend={"orientation": "h", "yanchor": "top", "y": -0.22, "xanchor": "left", "x": 0,
                                  "font": {"size": 12}})
    elif mode == "presentasi":
        fig.update_layout(height=420, font={"size": 18}, title={"font": {"size": 22}}, legend={"font": {"size": 18}})
        fig.update_xaxes(tickfont={"size": 18})
        fig.update_yaxes(tickfont={"size": 18}, title_font={"size": 18})
    return fig


def grafik_tren(tren: pd.DataFrame, bulan_lengkap: dt.date, tanggal_data: dt.date, nama_wilayah: str,
                bahasa: Bahasa, mode: str = "biasa") -> None:
    """Render the monthly trend and, when the last month is not complete, a note saying so."""
    if tren.empty:
        st.caption(f"{t('tren_judul', bahasa)}: {fmt.KOSONG}")
        return
    alt = t("tren_alt", bahasa, wilayah=nama_wilayah,
            periode=fmt.rentang_bulan(tren["bulan"].iloc[0], tren["bulan"].iloc[-1], bahasa))
    st.plotly_chart(figur_bersama(gambar_tren, tren, bulan_lengkap, bahasa, mode),
                    config=konfigurasi_grafik(mode), alt=alt)
    bulan_akhir = tren["bulan"].iloc[-1]
    if bulan_akhir > bulan_lengkap:
        st.caption(t("tren_bulan_berjalan", bahasa, bulan=fmt.bulan(bulan_akhir, bahasa),
                     tanggal=fmt.tanggal(tanggal_data, bahasa)))
