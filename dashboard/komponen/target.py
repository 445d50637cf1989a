"""Poverty rate against a planning document's target: tiles, the chart, the tables with sources.

The chosen document's required path is drawn with the BPS points, the other documents' paths each with a
colour and dash of its own and named in the legend (Jombang's RPJMD and its revision disagree for 2023: both are
shown, never merged, and must be told apart), and
the linear trend of the last five BPS points with its 80 % prediction band (`metrics.md` section 5).
The gap is always of one year (`tahun_selisih` of `mart_target`), and every number is written with its year and
where it comes from: the shipped reference (with its source) or the file the user loaded. Without a planning
document the BPS series and its trend are shown alone (`isi_ubin_seri`).
"""

from __future__ import annotations

import dataclasses

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


def _persen(x: object, bahasa: Bahasa) -> str:
    return fmt.angka(float(x), bahasa, desimal=2) + t("target_persen_nilai", bahasa)  # type: ignore[arg-type]


def asal(asal_data: object, berkas: object, bahasa: Bahasa, sumber: object = None) -> str:
    """Where a number comes from: the user's file by name, or the shipped reference with its source."""
    if asal_data == "berkas":
        return t("target_asal_berkas", bahasa, berkas=str(berkas) if pd.notna(berkas) else "?")
    if sumber is not None and pd.notna(sumber) and str(sumber):
        return t("target_asal_referensi_sumber", bahasa, sumber=str(sumber))
    return t("target_asal_referensi", bahasa)


def _ket_selisih(d: pd.Series, bahasa: Bahasa) -> str:
    """The gap's own year and the two numbers it is made of, or why there is no gap yet."""
    if pd.isna(d["tahun_selisih"]):
        return t("target_selisih_belum", bahasa)
    return t("target_selisih_rincian", bahasa, tahun=int(d["tahun_selisih"]),
             aktual=_persen(d["aktual_selisih"], bahasa), target=_persen(d["target_selisih"], bahasa))


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
    ket_aktual = (asal(d["asal_aktual"], d["berkas_aktual"], bahasa, d["sumber_aktual"])
                  if pd.notna(d["tahun_aktual"]) else None)
    ket_target = ket_target + " · " + asal(d["asal"], d["berkas"], bahasa)
    judul_selisih = (t("target_selisih_tahun", bahasa, tahun=int(d["tahun_selisih"])) if pd.notna(d["tahun_selisih"])
                     else t("target_selisih", bahasa))
    return [
        IsiKpi("target_aktual", t("target_aktual", bahasa, tahun=tahun_aktual), aktual, t("target_def_aktual", bahasa),
               keterangan=ket_aktual),
        IsiKpi("target_target", t("target_target", bahasa, tahun=int(d["tahun_target"])), target,
               t("target_def_target", bahasa), keterangan=ket_target),
        IsiKpi("target_selisih", judul_selisih,
               _pp(d["selisih_pp"], bahasa, tanda=True) if pd.notna(d["selisih_pp"]) else t("target_selisih_kosong",
                                                                                             bahasa),
               t("target_def_selisih_tahun", bahasa), warna_selisih="gray", keterangan=_ket_selisih(d, bahasa),
               redup=pd.isna(d["selisih_pp"])),
        IsiKpi("target_perlu", t("target_perlu", bahasa), perlu, t("target_def_perlu", bahasa), keterangan=ket_perlu,
               redup=pd.isna(d["penurunan_diperlukan"])),
        IsiKpi("target_proyeksi", t("target_proyeksi", bahasa), tercapai, t("target_def_proyeksi", bahasa),
               redup=pd.isna(d["tahun_tercapai_proyeksi"])),
    ]


def gambar_target(isi: dict[str, pd.DataFrame], dokumen: str | None, bahasa: Bahasa) -> go.Figure:
    """BPS points, the chosen document's path, the other documents in grey, the projection with its band
    (`dokumen` None: no planning document, the series and its trend only)."""
    bps, jalur, proyeksi, target = isi["bps"], isi["jalur"], isi["proyeksi"], isi["target"]
    fig = go.Figure()
    if not proyeksi.empty and not bps.empty:
        akhir = max(int(jalur["tahun"].max()) if not jalur.empty else 0, int(bps["tahun"].max()) + 3)
        masa = proyeksi[(proyeksi["tahun"] >= int(bps["tahun"].max())) & (proyeksi["tahun"] <= akhir)]
        fig.add_scatter(x=list(masa["tahun"]) + list(masa["tahun"][::-1]), mode="lines",
                        y=list(masa["atas_80"]) + list(masa["bawah_80"][::-1]), fill="toself",
                        fillcolor="rgba(0,114,178,0.12)", line={"width": 0}, hoverinfo="skip",
                        name=t("target_pita", bahasa))
        fig.add_scatter(x=masa["tahun"], y=masa["proyeksi"], mode="lines", line={"color": "#0072B2", "dash": "dot"},
                        name=t("target_garis_proyeksi", bahasa))
    gaya = gaya_dokumen(sorted({*jalur["dokumen"], *target["dokumen"]}), dokumen)
    for nama, bagian in jalur.groupby("dokumen", sort=False):
        warna, garis = gaya[str(nama)]
        dipilih = nama == dokumen
        fig.add_scatter(x=bagian["tahun"], y=bagian["target_jalur"], mode="lines", legendgroup=str(nama),
                        line={"color": warna, "width": 3 if dipilih else 2, "dash": garis},
                        name=(t("target_jalur_dipilih", bahasa, dokumen=nama) if dipilih
                              else t("target_jalur_lain", bahasa, dokumen=nama)))
    for nama, bagian in target.groupby("dokumen", sort=False):
        warna, _ = gaya[str(nama)]
        dipilih = nama == dokumen
        fig.add_scatter(x=bagian["tahun"], y=bagian["target_persen"], mode="markers", showlegend=False,
                        legendgroup=str(nama), marker={"symbol": "diamond", "size": 11 if dipilih else 9,
                                                       "color": warna},
                        hovertemplate=f"{nama}<br>%{{x}}: %{{y:.2f}}%<extra></extra>")
    fig.add_scatter(x=bps["tahun"], y=bps["persen_miskin"], mode="lines+markers", name=t("target_bps", bahasa),
                    line={"color": "#111827", "width": 2.5}, marker={"size": 8},
                    hovertemplate="BPS %{x}: %{y:.2f}%<extra></extra>")
    # the legend below the plot: seven entries wrap on a narrow screen and would run over the plot's top
    fig.update_layout(height=440, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.12, "xanchor": "left", "x": 0},
                      yaxis_title=t("target_sumbu", bahasa), xaxis={"dtick": 1},
                      separators=",." if bahasa == "id" else ".,")
    return fig


WARNA_DIPILIH = "#C2410C"
GAYA_LAIN: tuple[tuple[str, str], ...] = (("#6B7280", "dash"), ("#009E73", "dashdot"), ("#CC79A7", "longdash"),
                                          ("#E69F00", "dot"), ("#56B4E9", "longdashdot"))
"""Colour and dash of the documents not chosen, in name order (Okabe-Ito colours, distinct dashes: they can be told
apart in grey print and by the colour-blind)."""


def gaya_dokumen(nama: list[str], dipilih: str | None) -> dict[str, tuple[str, str]]:
    """Colour and dash of each planning document: the chosen one solid vermillion, the others `GAYA_LAIN` in order."""
    lain = [n for n in nama if n != dipilih]
    gaya = {n: GAYA_LAIN[i % len(GAYA_LAIN)] for i, n in enumerate(lain)}
    if dipilih is not None:
        gaya[dipilih] = (WARNA_DIPILIH, "solid")
    return gaya


def tabel_dokumen(dokumen: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Every document side by side with its source and where the row comes from (never merged); the gap with its
    own year."""
    return pd.DataFrame({
        t("target_kol_dokumen", bahasa): dokumen["dokumen"],
        t("target_kol_tahun", bahasa): dokumen["tahun_target"].astype(int),
        t("target_kol_target", bahasa): dokumen["target_persen"].map(lambda x: fmt.angka(float(x), bahasa, desimal=2)),
        t("target_selisih", bahasa): [
            t("target_selisih_sel", bahasa, selisih=_pp(x, bahasa, tanda=True), tahun=int(y)) if pd.notna(x) else "–"
            for x, y in zip(dokumen["selisih_pp"], dokumen["tahun_selisih"], strict=True)],
        t("target_perlu", bahasa): dokumen["penurunan_diperlukan"].map(lambda x: _pp(x, bahasa)),
        t("target_proyeksi", bahasa): dokumen["tahun_tercapai_proyeksi"].map(
            lambda x: str(int(x)) if pd.notna(x) else t("target_tidak_tercapai", bahasa)),
        t("target_kol_sumber", bahasa): dokumen["sumber"],
        t("target_kol_asal", bahasa): [asal(a, b, bahasa) for a, b in zip(dokumen["asal"], dokumen["berkas"],
                                                                          strict=True)],
    })


def tabel_bps(bps: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The BPS series with its sources and where each row comes from (shipped reference or a loaded file)."""
    return pd.DataFrame({
        t("target_kol_tahun", bahasa): bps["tahun"].astype(int),
        t("target_bps", bahasa): bps["persen_miskin"].map(lambda x: fmt.angka(float(x), bahasa, desimal=2)),
        t("target_kol_jiwa", bahasa): bps["jumlah_miskin_jiwa"].map(
            lambda x: fmt.angka(int(x), bahasa) if pd.notna(x) else "–"),
        t("target_kol_sumber", bahasa): bps["sumber"],
        t("target_kol_asal", bahasa): [asal(a, b, bahasa) for a, b in zip(bps["asal"], bps["berkas"], strict=True)],
    })


def isi_ubin_seri(isi: dict[str, pd.DataFrame], bahasa: Bahasa) -> list[IsiKpi]:
    """Tiles without a planning document: the latest BPS rate with its source, and the trend per year."""
    bps = isi["bps"].iloc[-1]
    ubin = [IsiKpi("target_aktual", t("target_aktual", bahasa, tahun=int(bps["tahun"])),
                   _persen(bps["persen_miskin"], bahasa), t("target_def_aktual_seri", bahasa),
                   keterangan=asal(bps["asal"], bps["berkas"], bahasa, bps["sumber"]))]
    proyeksi = isi["proyeksi"]
    if not proyeksi.empty:
        p = proyeksi.iloc[0]
        ubin.append(IsiKpi("target_tren", t("target_tren", bahasa), _pp(p["kemiringan_per_tahun"], bahasa, tanda=True),
                           t("target_def_tren", bahasa),
                           keterangan=t("target_tren_ket", bahasa, n=int(p["jumlah_titik"]))))
    return ubin


def isi_ubin_ringkasan(isi: dict[str, pd.DataFrame], bahasa: Bahasa, tingkat: str = "kabupaten") -> IsiKpi:
    """The Ringkasan tile: the latest BPS rate, the newest document's final target and the gap of one year, each
    with its year; the same numbers as the Target page and `pantau metrik --set target` (`mart_target`). BPS
    publishes the rate per regency only: below kabupaten level (`tingkat`) the tile says it is the regency's."""
    isi_ubin = _isi_ubin_ringkasan(isi, bahasa)
    if tingkat != "kabupaten" and not isi["bps"].empty:
        lingkup = t("target_ubin_tingkat_kabupaten", bahasa)
        ket = f"{lingkup} {isi_ubin.keterangan}" if isi_ubin.keterangan else lingkup
        return dataclasses.replace(isi_ubin, keterangan=ket)
    return isi_ubin


def _isi_ubin_ringkasan(isi: dict[str, pd.DataFrame], bahasa: Bahasa) -> IsiKpi:
    if isi["bps"].empty:
        return IsiKpi("ringkasan_target", t("target_ubin", bahasa), t("program_ubin_kosong", bahasa),
                      t("target_def_selisih_tahun", bahasa), redup=True)
    if isi["dokumen"].empty:
        bps = isi["bps"].iloc[-1]
        return IsiKpi("ringkasan_target", t("target_ubin_tahun", bahasa, tahun=int(bps["tahun"])),
                      _persen(bps["persen_miskin"], bahasa), t("target_def_selisih_tahun", bahasa),
                      keterangan=t("target_ubin_tanpa_dokumen", bahasa))
    nama = dokumen_bawaan(isi["dokumen"])
    d = isi["dokumen"].set_index("dokumen").loc[nama]
    if pd.notna(d["selisih_pp"]):
        selisih = t("target_ubin_selisih", bahasa, tahun=int(d["tahun_selisih"]),
                    selisih=_pp(d["selisih_pp"], bahasa, tanda=True), aktual=_persen(d["aktual_selisih"], bahasa),
                    target=_persen(d["target_selisih"], bahasa))
    else:
        selisih = t("target_ubin_selisih_belum", bahasa)
    ket = t("target_ubin_ket_tahun", bahasa, target=_persen(d["target_persen"], bahasa),
            tahun=int(d["tahun_target"]), dokumen=nama, selisih=selisih)
    return IsiKpi("ringkasan_target", t("target_ubin_tahun", bahasa, tahun=int(d["tahun_bps_terakhir"])),
                  _persen(d["bps_terakhir"], bahasa), t("target_def_selisih_tahun", bahasa), keterangan=ket)
