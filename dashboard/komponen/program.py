"""Program coverage and targeting: tiles, the table one level down, and the deactivation chart.

Pure `isi_*`/`tabel_*`/`gambar_*` functions turn rows of `data.program_wilayah` and
`data.program_nonaktif` into formatted content (testable without Streamlit); rates are shown
only where their denominator is at least 10, as `metrics.md` section 4 says; counts always.
Recipients are counted, never named.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from dashboard.komponen.kpi import IsiKpi
from dashboard.tampilan import presentasi
from pipelines.enums import label


def _angka(x: object, bahasa: Bahasa) -> str:
    return "–" if x is None or pd.isna(x) else fmt.angka(int(x), bahasa)  # type: ignore[call-overload]


def _rasio(x: object, bahasa: Bahasa) -> str | None:
    return None if x is None or pd.isna(x) else fmt.persen(float(x), bahasa)  # type: ignore[arg-type]


def periode(ini: pd.Series, bahasa: Bahasa) -> str:
    """`DTKS Des 2025 · daftar penerima Jun 2026`."""
    dtks = fmt.bulan(pd.Timestamp(ini["periode_dtks"]).date(), bahasa) if pd.notna(ini["periode_dtks"]) else "–"
    roll = fmt.bulan(pd.Timestamp(ini["periode_roll"]).date(), bahasa) if pd.notna(ini["periode_roll"]) else "–"
    return t("program_periode", bahasa, dtks=dtks, roll=roll)


def isi_ubin(ini: pd.Series, program: str, bahasa: Bahasa) -> list[IsiKpi]:
    """The five tiles of a program for the selected wilayah."""
    nama = label("program", program, bahasa)
    cakupan = _rasio(ini["cakupan"], bahasa)
    inklusi = _rasio(ini["tingkat_inklusi"], bahasa)
    eksklusi = _rasio(ini["tingkat_eksklusi"], bahasa)
    tanpa_rasio = t("program_tanpa_rasio", bahasa)
    return [
        IsiKpi("program_layak", t("program_layak", bahasa), _angka(ini["keluarga_layak"], bahasa),
               t("program_def_layak", bahasa, program=nama)),
        IsiKpi("program_cakupan", t("program_cakupan", bahasa), cakupan or _angka(ini["tercakup"], bahasa),
               t("program_def_cakupan", bahasa),
               keterangan=t("program_ket_cakupan", bahasa, n=_angka(ini["tercakup"], bahasa),
                            dari=_angka(ini["keluarga_layak"], bahasa)) if cakupan else tanpa_rasio),
        IsiKpi("program_penerima", t("program_penerima", bahasa), _angka(ini["penerima"], bahasa),
               t("program_def_penerima", bahasa)),
        IsiKpi("program_inklusi", t("program_inklusi", bahasa), _angka(ini["salah_inklusi"], bahasa),
               t("program_def_inklusi", bahasa),
               keterangan=t("program_ket_inklusi", bahasa, persen=inklusi or "–",
                            desil=_angka(ini["inklusi_luar_desil"], bahasa),
                            dtks=_angka(ini["inklusi_tidak_dtks_aktif"], bahasa))),
        IsiKpi("program_eksklusi", t("program_eksklusi", bahasa), _angka(ini["salah_eksklusi"], bahasa),
               t("program_def_eksklusi", bahasa),
               keterangan=t("program_ket_eksklusi", bahasa, persen=eksklusi) if eksklusi else tanpa_rasio),
    ]


def tabel_anak(anak: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """One row per kecamatan or desa, weakest coverage first; rates blank under 10 households."""
    urut = anak.assign(_c=anak["cakupan"].fillna(2.0)).sort_values(["_c", "nama_wilayah"])
    return pd.DataFrame({
        t("program_kol_wilayah", bahasa): urut["nama_wilayah"],
        t("program_layak", bahasa): urut["keluarga_layak"].map(lambda x: _angka(x, bahasa)),
        t("program_kol_tercakup", bahasa): urut["tercakup"].map(lambda x: _angka(x, bahasa)),
        t("program_cakupan", bahasa): urut["cakupan"].map(lambda x: _rasio(x, bahasa) or "–"),
        t("program_penerima", bahasa): urut["penerima"].map(lambda x: _angka(x, bahasa)),
        t("program_kol_luar_desil", bahasa): urut["inklusi_luar_desil"].map(lambda x: _angka(x, bahasa)),
        t("program_kol_tidak_dtks", bahasa): urut["inklusi_tidak_dtks_aktif"].map(lambda x: _angka(x, bahasa)),
        t("program_eksklusi", bahasa): urut["salah_eksklusi"].map(lambda x: _angka(x, bahasa)),
    }).reset_index(drop=True)


WARNA_ALASAN: dict[str, str] = {"mampu": "#0072B2", "tidak_padan": "#E69F00", "meninggal": "#56B4E9",
                                "pindah": "#009E73", "kuota": "#CC79A7", "lainnya": "#999999"}


def gambar_nonaktif(nonaktif: pd.DataFrame, bahasa: Bahasa) -> go.Figure:
    """Deactivations by reason as horizontal bars, largest on top, each labelled with its count and its share of
    all deactivations; below them, set apart in orange, how many of them were reactivated later. Summed over the
    rolls loaded (their months are in the x-axis title); the hover box splits a bar by month."""
    b = bahasa
    df = nonaktif.assign(bulan=pd.to_datetime(nonaktif["bulan"]).dt.date)
    per_alasan = df.groupby("alasan", as_index=False, sort=False)["dinonaktifkan"].sum()
    per_alasan = per_alasan.sort_values(["dinonaktifkan", "alasan"], ascending=[True, False])  # largest on top
    jumlah = int(per_alasan["dinonaktifkan"].sum())
    kembali = int(df["diaktifkan_kembali"].sum())
    nama = [label("alasan_nonaktif", str(a), b) for a in per_alasan["alasan"]]

    def rincian(alasan: str) -> str:
        bagian = df[df["alasan"] == alasan].groupby("bulan")["dinonaktifkan"].sum()
        return "<br>".join(f"{fmt.bulan(m, b)}: {fmt.angka(int(v), b)}" for m, v in bagian.items())

    teks = [f"{fmt.angka(int(v), b)} ({fmt.persen(v / jumlah, b) if jumlah else fmt.KOSONG})"
            for v in per_alasan["dinonaktifkan"]]
    label_kembali = t("program_diaktifkan_kembali", b)
    fig = go.Figure()
    fig.add_bar(y=[label_kembali], x=[kembali], orientation="h", marker_color="#C2410C", name=label_kembali,
                text=[t("program_kembali_teks", b, n=fmt.angka(kembali, b),
                        persen=fmt.persen(kembali / jumlah, b) if jumlah else fmt.KOSONG)],
                textposition="outside", cliponaxis=False, hoverinfo="skip")
    fig.add_bar(y=nama, x=per_alasan["dinonaktifkan"], orientation="h", name=t("program_dinonaktifkan", b),
                marker_color=[WARNA_ALASAN.get(str(a), "#999999") for a in per_alasan["alasan"]],
                text=teks, textposition="outside", cliponaxis=False,
                hovertext=[rincian(str(a)) for a in per_alasan["alasan"]],
                hovertemplate="<b>%{y}</b><br>%{hovertext}<extra></extra>")
    bulan = sorted(df["bulan"].unique())
    periode = fmt.rentang_bulan(bulan[0], bulan[-1], b) if bulan else ""
    puncak = max([1, kembali, *per_alasan["dinonaktifkan"]])
    fig.update_layout(height=90 + 46 * (len(per_alasan) + 1), margin={"l": 8, "r": 8, "t": 8, "b": 8},
                      showlegend=False, bargap=0.3, separators=",." if b == "id" else ".,", font={"size": 14},
                      uniformtext={"minsize": 12, "mode": "show"})
    fig.update_xaxes(title_text=t("program_sumbu_nonaktif", b, periode=periode), tickformat=",d", rangemode="tozero",
                     range=[0, puncak * 1.3])  # room on the right for the labels
    fig.update_yaxes(automargin=True, tickfont={"size": 14})
    return fig


def isi_ubin_ringkasan(baris: pd.DataFrame, bahasa: Bahasa) -> IsiKpi:
    """The Ringkasan tile: PBI-JK coverage among eligible households (desil 1-5), same number as the Program page."""
    judul = t("program_ubin_pbi", bahasa)
    ini = baris[baris["peran"] == "ini"] if not baris.empty else baris
    if ini.empty:
        return IsiKpi("ringkasan_pbi", judul, t("program_ubin_kosong", bahasa), t("program_def_cakupan", bahasa),
                      redup=True)
    r = ini.iloc[0]
    cakupan = _rasio(r["cakupan"], bahasa)
    return IsiKpi("ringkasan_pbi", judul, cakupan or _angka(r["tercakup"], bahasa), t("program_def_cakupan", bahasa),
                  keterangan=t("program_ket_cakupan", bahasa, n=_angka(r["tercakup"], bahasa),
                               dari=_angka(r["keluarga_layak"], bahasa)) + " · " + periode(r, bahasa))


def tabel_cakupan(per_program: Mapping[str, pd.DataFrame], bahasa: Bahasa) -> pd.DataFrame:
    """One row per program with a roll (PBI-JK, PKH, Sembako): eligible households, covered, coverage, for the
    wilayah of `data.program_wilayah` (its row `peran` = 'ini'); the same numbers as the Program page's tiles."""
    baris = []
    for program, df in per_program.items():
        ini = df[df["peran"] == "ini"] if not df.empty else df
        if ini.empty:
            continue
        r = ini.iloc[0]
        baris.append({
            t("program_kol_program", bahasa): label("program", program, bahasa),
            t("program_layak", bahasa): _angka(r["keluarga_layak"], bahasa),
            t("program_kol_tercakup", bahasa): _angka(r["tercakup"], bahasa),
            t("program_cakupan", bahasa): _rasio(r["cakupan"], bahasa) or "–",
            t("program_kol_periode", bahasa): periode(r, bahasa),
        })
    return pd.DataFrame(baris)


def tampilkan_cakupan(per_program: Mapping[str, pd.DataFrame], bahasa: Bahasa, *, kunci: str) -> None:
    """Program coverage of one wilayah (Profil desa, Rapat kecamatan): its title, the compact table of
    `tabel_cakupan`, or a sentence saying that no program roll is loaded and what to load."""
    st.markdown(f"**{t('cakupan_program_judul', bahasa)}**")
    tabel = tabel_cakupan(per_program, bahasa)
    if tabel.empty:
        st.caption(t("cakupan_program_kosong", bahasa))
        return
    kanan = {k: st.column_config.TextColumn(k, alignment="right")
             for k in (t("program_layak", bahasa), t("program_kol_tercakup", bahasa), t("program_cakupan", bahasa))}
    if presentasi():  # the projector: large type (the grid's font cannot be enlarged)
        st.table(tabel.set_index(tabel.columns[0]))
    else:
        st.dataframe(tabel, hide_index=True, key=kunci, column_config=kanan)
    st.caption(t("cakupan_program_ket", bahasa))


def tabel_diminta(diminta: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """The programs cases asked for (`data.program_diminta`), most asked first, counts as text."""
    b = bahasa
    return pd.DataFrame({
        t("program_kol_program", b): [label("program", str(k), b) for k in diminta["program"]],
        t("program_kol_kasus", b): [fmt.angka(int(v), b) for v in diminta["kasus"]],
        t("program_kol_dirujuk", b): [fmt.angka(int(v), b) for v in diminta["dirujuk"]],
        t("program_kol_selesai", b): [fmt.angka(int(v), b) for v in diminta["rujukan_selesai"]],
    })


def kalimat_tindak(tindak: pd.DataFrame, bahasa: Bahasa) -> str:
    """One sentence over every deactivation month: deactivated, came, referred, completed, reactivated."""
    b = bahasa
    return t("program_tindak_kalimat", b, **{k: fmt.angka(int(tindak[kolom].sum()), b) for k, kolom in (
        ("n", "dinonaktifkan"), ("datang", "datang_puskesos"), ("dirujuk", "dirujuk"), ("selesai", "rujukan_selesai"),
        ("kembali", "diaktifkan_kembali"))})


def tabel_tindak(tindak: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Per month of deactivation (`data.program_nonaktif_tindak`): deactivated, came, referred, completed,
    reactivated, counts as text."""
    b = bahasa
    tabel = pd.DataFrame({t("program_kol_bulan", b): [fmt.bulan(m, b) for m in tindak["bulan"]]})
    for kunci, kolom in (("program_kol_dinonaktifkan", "dinonaktifkan"), ("program_kol_datang", "datang_puskesos"),
                         ("program_kol_dirujuk", "dirujuk"), ("program_kol_selesai", "rujukan_selesai"),
                         ("program_kol_kembali", "diaktifkan_kembali")):
        tabel[t(kunci, b)] = [fmt.angka(int(v), b) for v in tindak[kolom]]
    return tabel
