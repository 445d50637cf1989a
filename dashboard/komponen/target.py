"""Poverty rate against a planning document's target: tiles, the chart, the tables with sources.

The chosen document's required path is drawn with the BPS points, the other documents' paths in
grey (Jombang's RPJMD and its revision disagree for 2023: both are shown, never merged), and
the linear trend of the last five BPS points with its 80 % prediction band (`metrics.md` section 5).
"""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from dashboard.komponen.kpi import IsiKpi


def _pp(x: object, bahasa: Bahasa, tanda: bool = False) -> str:
    if x is None or pd.isna(x):
        return "–"
    nilai = fmt.angka(float(x), bahasa, desimal=2)  # type: ignore[arg-type]
    return (("+" if float(x) > 0 else "") + nilai if tanda else nilai) + " pp"  # type: ignore[arg-type]


def dokumen_bawaan(dokumen: pd.DataFrame) -> str:
    """The newest document: the latest final target year (then name), as `metrics.md` section 5 says."""
    return str(dokumen.sort_values(["tahun_target", "dokumen"], ascending=[False, True]).iloc[0]["dokumen"])


def isi_ubin(d: pd.Series, bahasa: Bahasa) -> list[IsiKpi]:
    """Tiles for one document: latest BPS rate, the target, the gap, the decline needed, the projection."""
    persen = t("target_persen_nilai", bahasa)
    aktual = fmt.angka(float(d["aktual"]), bahasa, desimal=2) + persen if pd.notna(d["aktual"]) else "–"
    target = fmt.angka(float(d["target_persen"]), bahasa, desimal=2) + persen
    ket_target = str(d["dokumen"])
    if pd.notna(d["target_persen_atas"]):
        ket_target = t("target_rentang", bahasa, bawah=fmt.angka(float(d["target_persen"]), bahasa, desimal=2),
                       atas=fmt.angka(float(d["target_persen_atas"]), bahasa, desimal=2)) + "; " + ket_target
    if pd.isna(d["penurunan_diperlukan"]):
        perlu, ket_perlu = t("target_tahun_lewat", bahasa), None
    else:
        perlu = _pp(d["penurunan_diperlukan"], bahasa)
        jiwa = d.get("penurunan_diperlukan_jiwa")
        per_tahun = (t("target_per_tahun_jiwa", bahasa, jiwa=fmt.angka(int(jiwa), bahasa))
                     if jiwa is not None and pd.notna(jiwa) else t("target_per_tahun_ket", bahasa))
        ket_perlu = per_tahun + "; " + t("target_ket_perlu", bahasa, r3=_pp(d["penurunan_rata_3"], bahasa),
                                         r5=_pp(d["penurunan_rata_5"], bahasa))
    tercapai = (str(int(d["tahun_tercapai_proyeksi"])) if pd.notna(d["tahun_tercapai_proyeksi"])
                else t("target_tidak_tercapai", bahasa))
    tahun_aktual = str(int(d["tahun_aktual"])) if pd.notna(d["tahun_aktual"]) else "–"
    return [
        IsiKpi("target_aktual", t("target_aktual", bahasa, tahun=tahun_aktual), aktual, t("target_def_aktual", bahasa)),
        IsiKpi("target_target", t("target_target", bahasa, tahun=int(d["tahun_target"])), target,
               t("target_def_target", bahasa), keterangan=ket_target),
        IsiKpi("target_selisih", t("target_selisih", bahasa), _pp(d["selisih_pp"], bahasa, tanda=True),
               t("target_def_selisih", bahasa), warna_selisih="gray"),
        IsiKpi("target_perlu", t("target_perlu", bahasa), perlu, t("target_def_perlu", bahasa), keterangan=ket_perlu,
               redup=pd.isna(d["penurunan_diperlukan"])),
        IsiKpi("target_proyeksi", t("target_proyeksi", bahasa), tercapai, t("target_def_proyeksi", bahasa),
               redup=pd.isna(d["tahun_tercapai_proyeksi"])),
    ]


def gambar_target(isi: dict[str, pd.DataFrame], dokumen: str, bahasa: Bahasa) -> go.Figure:
    """BPS points, the chosen document's path, the other documents in grey, the projection with its band."""
    bps, jalur, proyeksi, target = isi["bps"], isi["jalur"], isi["proyeksi"], isi["target"]
    fig = go.Figure()
    if not proyeksi.empty and not bps.empty:
        akhir = max(int(jalur["tahun"].max()) if not jalur.empty else 0, int(bps["tahun"].max()) + 3)
        masa = proyeksi[(proyeksi["tahun"] >= int(bps["tahun"].max())) & (proyeksi["tahun"] <= akhir)]
        fig.add_scatter(x=list(masa["tahun"]) + list(masa["tahun"][::-1]),
                        y=list(masa["atas_80"]) + list(masa["bawah_80"][::-1]), fill="toself",
                        fillcolor="rgba(0,114,178,0.12)", line={"width": 0}, hoverinfo="skip",
                        name=t("target_pita", bahasa))
        fig.add_scatter(x=masa["tahun"], y=masa["proyeksi"], mode="lines", line={"color": "#0072B2", "dash": "dot"},
                        name=t("target_garis_proyeksi", bahasa))
    for nama, bagian in jalur.groupby("dokumen", sort=False):
        dipilih = nama == dokumen
        fig.add_scatter(x=bagian["tahun"], y=bagian["target_jalur"], mode="lines",
                        line={"color": "#C2410C" if dipilih else "#9CA3AF", "width": 3 if dipilih else 1.5,
                              "dash": "solid" if dipilih else "dash"},
                        name=(t("target_jalur_dipilih", bahasa, dokumen=nama) if dipilih else str(nama)))
    for nama, bagian in target.groupby("dokumen", sort=False):
        dipilih = nama == dokumen
        fig.add_scatter(x=bagian["tahun"], y=bagian["target_persen"], mode="markers", showlegend=False,
                        marker={"symbol": "diamond", "size": 11 if dipilih else 8,
                                "color": "#C2410C" if dipilih else "#9CA3AF"},
                        hovertemplate=f"{nama}<br>%{{x}}: %{{y:.2f}}%<extra></extra>")
    fig.add_scatter(x=bps["tahun"], y=bps["persen_miskin"], mode="lines+markers", name=t("target_bps", bahasa),
                    line={"color": "#111827", "width": 2.5}, marker={"size": 8},
                    hovertemplate="BPS %{x}: %{y:.2f}%<extra></extra>")
    fig.update_layout(height=380, margin={"l": 10, "r": 10, "t": 30, "b": 10}, legend={"orientation": "h", "y": 1.15},
                      yaxis_title=t("target_sumbu", bahasa), xaxis={"dtick": 1})
    return fig


def tabel_dokumen(dokumen: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Every document side by side with its source (never merged)."""
    return pd.DataFrame({
        t("target_kol_dokumen", bahasa): dokumen["dokumen"],
        t("target_kol_tahun", bahasa): dokumen["tahun_target"].astype(int),
        t("target_kol_target", bahasa): dokumen["target_persen"].map(lambda x: fmt.angka(float(x), bahasa, desimal=2)),
        t("target_selisih", bahasa): dokumen["selisih_pp"].map(lambda x: _pp(x, bahasa, tanda=True)),
        t("target_perlu", bahasa): dokumen["penurunan_diperlukan"].map(lambda x: _pp(x, bahasa)),
        t("target_proyeksi", bahasa): dokumen["tahun_tercapai_proyeksi"].map(
            lambda x: str(int(x)) if pd.notna(x) else t("target_tidak_tercapai", bahasa)),
        t("target_kol_sumber", bahasa): dokumen["sumber"],
    })


def tabel_bps(bps: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The BPS series with its sources."""
    return pd.DataFrame({
        t("target_kol_tahun", bahasa): bps["tahun"].astype(int),
        t("target_bps", bahasa): bps["persen_miskin"].map(lambda x: fmt.angka(float(x), bahasa, desimal=2)),
        t("target_kol_jiwa", bahasa): bps["jumlah_miskin_jiwa"].map(
            lambda x: fmt.angka(int(x), bahasa) if pd.notna(x) else "–"),
        t("target_kol_sumber", bahasa): bps["sumber"],
    })


def isi_ubin_ringkasan(isi: dict[str, pd.DataFrame], bahasa: Bahasa) -> IsiKpi:
    """The Ringkasan tile: the latest BPS rate against the newest document's target, as on the Target page."""
    judul = t("target_ubin", bahasa)
    if isi["dokumen"].empty or isi["bps"].empty:
        return IsiKpi("ringkasan_target", judul, t("program_ubin_kosong", bahasa), t("target_def_selisih", bahasa),
                      redup=True)
    nama = dokumen_bawaan(isi["dokumen"])
    d = isi["dokumen"].set_index("dokumen").loc[nama]
    bps = isi["bps"].iloc[-1]
    nilai = fmt.angka(float(bps["persen_miskin"]), bahasa, desimal=2) + t("target_persen_nilai", bahasa)
    return IsiKpi("ringkasan_target", t("target_ubin_tahun", bahasa, tahun=int(bps["tahun"])), nilai,
                  t("target_def_selisih", bahasa),
                  keterangan=t("target_ubin_ket", bahasa, target=fmt.angka(float(d["target_persen"]), bahasa,
                                                                           desimal=2),
                               tahun=int(d["tahun_target"]), dokumen=nama,
                               selisih=_pp(d["selisih_pp"], bahasa, tanda=True)))
