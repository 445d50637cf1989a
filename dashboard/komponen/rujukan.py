"""Render functions of the Rujukan page (`screens.md` page 5, `metrics.md` section 2).

The funnel, the cohort completion by start month, the table by destination, the ageing of open referrals by
SLA status, `tanpa_respon` by desa, and the list of open referrals. `gambar_*` and `tabel_*` are pure (rows of
`dashboard.data` in, a figure or a display table out) so that tests can read them; the other functions draw.
Every frame arrives already protected by the data door (sensitive referrals are in none of them below kabupaten
level, `data.rujukan_sensitif_kabupaten` counts them for the kabupaten; lists through `akses.daftar_kasus_aman`);
these functions only format and draw. Lists leave as CSV through `akses.netralkan_ekspor` and `unduhan.tombol_unduh`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from akses import KASUS_SENSITIF, Pengguna, ekspor_csv, netralkan_ekspor
from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from dashboard.komponen.gaya import ABU, ABU_MUDA, ABU_TUA, WARNA_BAIK, WARNA_PERHATIAN
from dashboard.komponen.unduhan import tombol_unduh
from dashboard.sesi import pengguna_aktif
from dashboard.tampilan import presentasi
from pipelines.enums import label

WARNA_SLA = {"tepat waktu": WARNA_BAIK, "berisiko": "#E69F00", "terlambat": WARNA_PERHATIAN}
"""Okabe-Ito blue, orange and a dark vermillion: distinct for the common forms of colour blindness."""
WARNA_HARI = {30: "#9ECAE1", 60: "#4A98C9", 90: "#0B4F8A"}
"""Completion within 30/60/90 days: one blue, light to dark (mature cohorts)."""
KELOMPOK_UMUR = ("0-30", "31-60", "61-90", ">90")
_TINGGI_GRAFIK = 270


def _tata_letak(fig: go.Figure, judul: str, bahasa: Bahasa, tinggi: int = _TINGGI_GRAFIK) -> go.Figure:
    fig.update_layout(
        title={"text": f"<b>{judul}</b>", "x": 0, "xanchor": "left", "y": 0.98, "yanchor": "top", "font": {"size": 15}},
        height=tinggi,
        margin={"l": 8, "r": 8, "t": 36, "b": 8},
        separators=",." if bahasa == "id" else ".,",
        font={"size": 13},
        # below the plot: beside the title they would overlap in a window as narrow as a phone's
        legend={"orientation": "h", "yanchor": "top", "y": -0.14, "xanchor": "left", "x": 0, "font": {"size": 12}},
    )
    return fig


def judul_bagian(judul: str, definisi: str, bahasa: Bahasa, catatan: str | None = None) -> None:
    """A section title with its `Definisi` popover beside it (every number's definition one click away; on the
    projector, where nobody clicks, the title alone)."""
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        teks = f"**{judul}**" + (f" &nbsp; :gray[{catatan}]" if catatan else "")
        st.markdown(teks, width="content")
        if presentasi():
            return
        with st.popover(t("definisi", bahasa), icon=":material/info:", type="tertiary"):
            st.markdown(definisi)


# 1/ funnel
def gambar_corong(corong: pd.DataFrame, bahasa: Bahasa) -> go.Figure:
    """Horizontal bars dikirim -> direspon -> selesai / ditolak, each with its share of dikirim."""
    b = corong.iloc[0]
    dikirim = int(b["dikirim"])
    tahap = [
        (t("rujukan_tahap_dikirim", bahasa), dikirim, ABU_TUA),
        (t("rujukan_tahap_direspon", bahasa), int(b["direspon"]), ABU),
        (t("rujukan_tahap_selesai", bahasa), int(b["selesai"]), WARNA_BAIK),
        (t("rujukan_tahap_ditolak", bahasa), int(b["ditolak"]), WARNA_PERHATIAN),
    ]
    teks = [f"{fmt.angka(n, bahasa)} ({fmt.persen(n / dikirim, bahasa)})" if dikirim else fmt.angka(n, bahasa)
            for _, n, _ in tahap]
    fig = go.Figure(go.Bar(
        y=[nama for nama, _, _ in tahap], x=[n for _, n, _ in tahap], orientation="h",
        marker_color=[w for _, _, w in tahap], text=teks, textposition="outside", cliponaxis=False,
        hovertemplate="%{y}: %{x:,}<extra></extra>",
    ))
    fig.update_yaxes(autorange="reversed", tickfont={"size": 13})
    # room on the right for the label of the longest bar; a zero bar still shows its "0 (0,0 %)"
    fig.update_xaxes(range=[0, max(dikirim, 1) * 1.35], tickformat=",d", showticklabels=False, showgrid=False)
    return _tata_letak(fig, t("rujukan_corong_judul", bahasa), bahasa)


def keterangan_corong(corong: pd.DataFrame, bahasa: Bahasa) -> str:
    """`3 masih terbuka: 2 lewat SLA, 1 tanpa respon > 14 hari`."""
    b = corong.iloc[0]
    return t("rujukan_corong_terbuka", bahasa, terbuka=fmt.angka(int(b["terbuka"]), bahasa),
             terlambat=fmt.angka(int(b["terlambat"]), bahasa), tanpa=fmt.angka(int(b["tanpa_respon"]), bahasa))


# 2/ cohorts
def gambar_kohort(kohort: pd.DataFrame, bahasa: Bahasa) -> go.Figure:
    """Per start month, the share completed within 30/60/90 days; an immature cohort's bar is grey ("belum
    matang") and its tick says so when even the 30-day horizon is not mature."""
    x = [fmt.bulan(b, bahasa) if m else f"{fmt.bulan(b, bahasa)}<br><i>{t('belum_matang', bahasa)}</i>"
         for b, m in zip(kohort["bulan"], kohort["matang_30"], strict=True)]
    fig = go.Figure()
    for hari in (30, 60, 90):
        matang = kohort[f"matang_{hari}"].astype(bool).tolist()
        persen = kohort[f"persen_{hari}"].tolist()
        teks = [fmt.persen(p, bahasa, 0) if pd.notna(p) else "" for p in persen]
        hover = [
            t("rujukan_kohort_hover", bahasa, hari=hari, persen=fmt.persen(p, bahasa),
              selesai=fmt.angka(int(s), bahasa), dikirim=fmt.angka(int(d), bahasa))
            + ("" if m else f" ({t('belum_matang', bahasa)})")
            for p, s, d, m in zip(persen, kohort[f"selesai_{hari}"], kohort["dikirim"], matang, strict=True)
        ]
        fig.add_bar(x=x, y=[p * 100 if pd.notna(p) else None for p in persen],
                    name=t("rujukan_kohort_hari", bahasa, hari=hari),
                    marker={"color": [WARNA_HARI[hari] if m else ABU_MUDA for m in matang],
                            "line": {"color": [WARNA_HARI[hari] if m else ABU for m in matang], "width": 1}},
                    text=teks, textposition="outside", textfont={"size": 11, "color": [
                        ABU_TUA if m else ABU for m in matang]},
                    hovertext=hover, hovertemplate="%{hovertext}<extra></extra>", cliponaxis=False)
    fig.update_yaxes(range=[0, 115], ticksuffix=" %" if bahasa == "id" else "%", tickvals=[0, 25, 50, 75, 100])
    fig.update_xaxes(type="category")
    fig.update_layout(barmode="group", bargap=0.25, bargroupgap=0.05)
    return _tata_letak(fig, t("rujukan_kohort_judul", bahasa), bahasa)


# 3/ by destination
def tabel_tujuan(per_tujuan: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The table by destination as shown (`data.rujukan_per_tujuan`): labels, Indonesian/English number formats,
    the 90-day rate over mature cohorts only (`belum matang` when none)."""
    df = per_tujuan

    def angka(v: object) -> str:
        return fmt.angka(None if pd.isna(v) else float(v), bahasa)  # type: ignore[arg-type]

    def rasio(nilai: object) -> str:
        if pd.isna(nilai):
            return t("belum_matang", bahasa)
        return fmt.persen(float(nilai), bahasa)  # type: ignore[arg-type]

    return pd.DataFrame({
        "tujuan": [label("tujuan_rujukan", k, bahasa) for k in df["tujuan_rujukan"]],
        "sla_hari": [fmt.angka(int(v), bahasa) for v in df["sla_hari"]],
        "dikirim": [angka(v) for v in df["dikirim"]],
        "respon_14": [angka(v) for v in df["respon_14"]],
        "selesai_90": [angka(v) for v in df["selesai_90"]],
        "persen_selesai_90": [rasio(v) for v in df["persen_selesai_90"]],
        "ditolak": [angka(v) for v in df["ditolak"]],
        "median_hari_selesai": [fmt.KOSONG if pd.isna(m) else fmt.angka(m, bahasa, 0 if float(m).is_integer() else 1)
                                for m in df["median_hari_selesai"]],
        "terbuka": [angka(v) for v in df["terbuka"]],
        "terlambat": [angka(v) for v in df["terlambat"]],
        "tanpa_respon": [angka(v) for v in df["tanpa_respon"]],
        "umur_tertua": [fmt.KOSONG if pd.isna(v) else fmt.angka(int(v), bahasa) for v in df["umur_tertua"]],
    })


def catatan_sensitif(sensitif: pd.DataFrame, bahasa: Bahasa) -> str:
    """The sentence under every referral table and list: sensitive referrals are left out; for a kabupaten
    (`data.rujukan_sensitif_kabupaten` has its one row) their own figures, which are counted nowhere else."""
    if sensitif.empty:
        return t("rujukan_catatan_sensitif", bahasa)
    r = sensitif.iloc[0]
    return t("rujukan_catatan_sensitif_kab", bahasa, dikirim=fmt.angka(int(r["dikirim"]), bahasa),
             terbuka=fmt.angka(int(r["terbuka"]), bahasa), terlambat=fmt.angka(int(r["terlambat"]), bahasa),
             tanpa_respon=fmt.angka(int(r["tanpa_respon"]), bahasa))


def _kolom_teks(judul: str, bantuan: str, kanan: bool = True) -> Any:
    return st.column_config.TextColumn(judul, help=bantuan, alignment="right" if kanan else "left")


def _tabel(tabel: pd.DataFrame, kolom: dict[str, Any], **grid: Any) -> None:
    """A table as the sortable grid with `kolom` as its column settings, or on the projector (whose grid font cannot
    be enlarged) as a plain table with the same headers, its first column as the row names."""
    if presentasi():
        layar = tabel.rename(columns={k: (v.get("label") or k) for k, v in kolom.items()})
        st.table(layar.set_index(layar.columns[0]))
        return
    st.dataframe(tabel, hide_index=True, column_config=kolom, **grid)


def tampilkan_tabel_tujuan(per_tujuan: pd.DataFrame, sensitif: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw the table by destination (or say there is nothing to show), and under it the note on sensitive
    referrals (`catatan_sensitif`)."""
    if per_tujuan.empty:
        st.caption(t("rujukan_kosong", bahasa))
        st.caption(catatan_sensitif(sensitif, bahasa))
        return
    tabel = tabel_tujuan(per_tujuan, bahasa)
    kolom = {
        "tujuan": _kolom_teks(t("rujukan_kol_tujuan", bahasa), t("rujukan_bantu_tujuan", bahasa), kanan=False),
        "sla_hari": _kolom_teks(t("rujukan_kol_sla", bahasa), t("rujukan_bantu_sla", bahasa)),
        "dikirim": _kolom_teks(t("rujukan_kol_dikirim", bahasa), t("rujukan_bantu_dikirim", bahasa)),
        "respon_14": _kolom_teks(t("rujukan_kol_respon_14", bahasa), t("rujukan_bantu_respon_14", bahasa)),
        "selesai_90": _kolom_teks(t("rujukan_kol_selesai_90", bahasa), t("rujukan_bantu_selesai_90", bahasa)),
        "persen_selesai_90": _kolom_teks(t("rujukan_kol_persen_90", bahasa), t("rujukan_bantu_persen_90", bahasa)),
        "ditolak": _kolom_teks(t("rujukan_kol_ditolak", bahasa), t("rujukan_bantu_ditolak", bahasa)),
        "median_hari_selesai": _kolom_teks(t("rujukan_kol_median", bahasa), t("rujukan_bantu_median", bahasa)),
        "terbuka": _kolom_teks(t("rujukan_kol_terbuka", bahasa), t("rujukan_bantu_terbuka", bahasa)),
        "terlambat": _kolom_teks(t("rujukan_kol_terlambat", bahasa), t("rujukan_bantu_terlambat", bahasa)),
        "tanpa_respon": _kolom_teks(t("rujukan_kol_tanpa_respon", bahasa), t("rujukan_bantu_tanpa_respon", bahasa)),
        "umur_tertua": _kolom_teks(t("rujukan_kol_tertua", bahasa), t("rujukan_bantu_tertua", bahasa)),
    }
    _tabel(tabel, kolom, key="rujukan_tabel_tujuan",
           height=min(38 + 35 * len(tabel), 38 + 35 * 14))  # all 14 destinations without scrolling
    st.caption(catatan_sensitif(sensitif, bahasa))


# 4/ ageing of open referrals
def gambar_umur(umur: pd.DataFrame, bahasa: Bahasa) -> go.Figure:
    """Open referrals per age bucket, stacked by SLA status (tepat waktu / berisiko / terlambat)."""
    fig = go.Figure()
    x = [t("rujukan_umur_hari", bahasa, kelompok=k) for k in KELOMPOK_UMUR]
    puncak = max([0, *umur.groupby("kelompok_umur")["jumlah"].sum()])
    for status in ("tepat waktu", "berisiko", "terlambat"):
        baris = umur[umur["status_sla"] == status].set_index("kelompok_umur")["jumlah"]
        y = [int(baris.get(k, 0)) for k in KELOMPOK_UMUR]
        nama = t(f"rujukan_sla_{status.replace(' ', '_')}", bahasa)
        # a number only in a segment tall enough to hold it (the hover has every number)
        fig.add_bar(x=x, y=y, name=nama, marker_color=WARNA_SLA[status],
                    text=[fmt.angka(v, bahasa) if v and v >= 0.08 * puncak else "" for v in y],
                    textposition="inside", insidetextanchor="middle",
                    hovertemplate=f"%{{x}}<br>{nama}: %{{y:,}}<extra></extra>")
    fig.update_yaxes(rangemode="tozero", tickformat=",d", dtick=1 if puncak <= 6 else None)
    fig.update_xaxes(type="category")
    _tata_letak(fig, t("rujukan_umur_judul", bahasa), bahasa)
    # half a screen wide: the legend goes under the axis, in the order of the SLA scale, not beside the title
    fig.update_layout(barmode="stack", bargap=0.35, margin={"l": 8, "r": 8, "t": 36, "b": 8},
                      legend={"orientation": "h", "yanchor": "top", "y": -0.14, "xanchor": "left", "x": 0,
                              "traceorder": "normal", "font": {"size": 12}})
    return fig


# 5/ tanpa_respon by desa
def tabel_tanpa_respon(per_desa: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Desa ranked by referrals never answered after 14 days, with the destinations not answering."""
    return pd.DataFrame({
        "peringkat": [fmt.angka(i + 1, bahasa) for i in range(len(per_desa))],
        "desa": list(per_desa["nama_desa"]),
        "kecamatan": list(per_desa["nama_kec"]),
        "tanpa_respon": [fmt.angka(int(v), bahasa) for v in per_desa["tanpa_respon"]],
        "terbuka": [fmt.angka(int(v), bahasa) for v in per_desa["terbuka"]],
        "umur_tertua": [fmt.angka(int(v), bahasa) for v in per_desa["umur_tertua"]],
        "tujuan": [", ".join(label("tujuan_rujukan", k, bahasa) for k in tujuan) for tujuan in per_desa["tujuan"]],
    })


def tampilkan_tanpa_respon(per_desa: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw the ranking (or say that every referral got an answer within 14 days)."""
    if per_desa.empty:
        st.caption(t("rujukan_tanpa_respon_nihil", bahasa))
        return
    kolom = {
        "peringkat": _kolom_teks("#", t("rujukan_bantu_peringkat", bahasa)),
        "desa": _kolom_teks(t("desa", bahasa), t("rujukan_bantu_desa", bahasa), kanan=False),
        "kecamatan": _kolom_teks(t("kecamatan", bahasa), t("rujukan_bantu_desa", bahasa), kanan=False),
        "tanpa_respon": _kolom_teks(t("rujukan_kol_tanpa_respon", bahasa), t("rujukan_bantu_tanpa_respon", bahasa)),
        "terbuka": _kolom_teks(t("rujukan_kol_terbuka", bahasa), t("rujukan_bantu_terbuka", bahasa)),
        "umur_tertua": _kolom_teks(t("rujukan_kol_tertua_tanpa", bahasa), t("rujukan_bantu_tertua_tanpa", bahasa)),
        "tujuan": _kolom_teks(t("rujukan_kol_tujuan_diam", bahasa), t("rujukan_bantu_tujuan_diam", bahasa),
                              kanan=False),
    }
    _tabel(tabel_tanpa_respon(per_desa, bahasa), kolom, key="rujukan_tabel_tanpa_respon",
           height=min(38 + 35 * len(per_desa), _TINGGI_GRAFIK - 10))


# 6/ list of open referrals
PILIHAN_DAFTAR = ("terlambat", "tanpa_respon", "terbuka")


def saring_daftar(daftar: pd.DataFrame, pilihan: str) -> pd.DataFrame:
    """The open referrals to list: `terlambat` (past SLA), `tanpa_respon`, or all (`terbuka`)."""
    if pilihan == "terlambat":
        return daftar[daftar["terlambat"].astype(bool)]
    if pilihan == "tanpa_respon":
        return daftar[daftar["tanpa_respon"].astype(bool)]
    return daftar


def tabel_daftar(daftar: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Open referrals as shown and exported: pseudonymous id, desa, category ("kasus sensitif" for a sensitive
    case), destination, dates, status, age and SLA status. Never a name, NIK or registration number."""
    def kategori(k: str) -> str:
        return t("rujukan_kasus_sensitif", bahasa) if k == KASUS_SENSITIF else label("kategori", k, bahasa)

    return pd.DataFrame({
        "id_kasus": list(daftar["pseudonim_kasus"]),
        "desa": list(daftar["nama_desa"]),
        "kecamatan": list(daftar["nama_kec"]),
        "kategori": [kategori(k) for k in daftar["kategori"]],
        "tujuan": [label("tujuan_rujukan", k, bahasa) for k in daftar["tujuan_rujukan"]],
        "tanggal_mulai": [fmt.tanggal(d, bahasa) for d in daftar["tanggal_mulai"]],
        "tanggal_respon": [fmt.tanggal(d, bahasa) for d in daftar["tanggal_respon"]],
        "status": [label("status_rujukan", s, bahasa) for s in daftar["status_per"]],
        "umur_hari": [int(v) for v in daftar["umur_hari"]],
        "sla_hari": [int(v) for v in daftar["sla_hari"]],
        "status_sla": [t(f"rujukan_sla_{s.replace(' ', '_')}", bahasa) for s in daftar["status_sla"]],
    })


def csv_daftar(tabel: pd.DataFrame, pengguna: Pengguna | None, tanggal_data: dt.date | None) -> bytes:
    """The list as a CSV file (UTF-8 with BOM so that spreadsheet programs read the accents): identity columns
    dropped, formulas neutralised, and who/when/scope/data date on `# ` lines on top (`akses.netralkan_ekspor`)."""
    return ekspor_csv(netralkan_ekspor(tabel, pengguna, tanggal_data))


def tampilkan_daftar(daftar: pd.DataFrame, tanggal_data: dt.date, kode_wilayah: str, bahasa: Bahasa) -> None:
    """The list of open referrals with its filter (past SLA / no response / all open) and a CSV download; on the
    projector the referrals past their SLA, with no filter and no download."""
    if presentasi():
        pilihan: str | None = "terlambat"
        st.caption(t("rujukan_daftar_terlambat", bahasa, n=fmt.angka(len(saring_daftar(daftar, "terlambat")), bahasa)))
    else:
        pilihan = st.segmented_control(
            t("rujukan_daftar_saring", bahasa), PILIHAN_DAFTAR, key="rujukan_daftar_pilihan", default="terlambat",
            required=True, format_func=lambda p: t(f"rujukan_daftar_{p}", bahasa,
                                                   n=fmt.angka(len(saring_daftar(daftar, p)), bahasa)),
            label_visibility="collapsed",
        )
    tabel = tabel_daftar(saring_daftar(daftar, pilihan or "terlambat"), bahasa)
    if tabel.empty:
        st.caption(t("rujukan_daftar_kosong", bahasa))
        st.caption(t("rujukan_daftar_tanpa_sensitif", bahasa))
        return
    kolom = {
        "id_kasus": _kolom_teks(t("rujukan_kol_id", bahasa), t("rujukan_bantu_id", bahasa), kanan=False),
        "desa": st.column_config.TextColumn(t("desa", bahasa)),
        "kecamatan": st.column_config.TextColumn(t("kecamatan", bahasa)),
        "kategori": st.column_config.TextColumn(t("rujukan_kol_kategori", bahasa)),
        "tujuan": st.column_config.TextColumn(t("rujukan_kol_tujuan", bahasa)),
        "tanggal_mulai": st.column_config.TextColumn(t("rujukan_kol_mulai", bahasa)),
        "tanggal_respon": st.column_config.TextColumn(t("rujukan_kol_respon", bahasa)),
        "status": st.column_config.TextColumn(t("rujukan_kol_status", bahasa)),
        "umur_hari": st.column_config.NumberColumn(t("rujukan_kol_umur", bahasa), format="%d"),
        "sla_hari": st.column_config.NumberColumn(t("rujukan_kol_sla", bahasa), format="%d"),
        "status_sla": st.column_config.TextColumn(t("rujukan_kol_status_sla", bahasa),
                                                  help=t("rujukan_bantu_status_sla", bahasa)),
    }
    _tabel(tabel, kolom, key="rujukan_tabel_daftar", height=min(38 + 35 * len(tabel), 318))
    st.caption(t("rujukan_daftar_tanpa_sensitif", bahasa))
    if presentasi():
        return
    pengguna = pengguna_aktif()
    tombol_unduh(t("rujukan_unduh_daftar", bahasa), lambda: csv_daftar(tabel, pengguna, tanggal_data),
                 f"rujukan_{pilihan}_{kode_wilayah}_{tanggal_data}.csv", "text/csv", hak="unduh",
                 kunci="rujukan_unduh_daftar", cakupan=kode_wilayah, ikon=":material/download:")
