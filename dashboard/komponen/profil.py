"""Profil desa: the Puskesos register, cases by category, the referral funnel, the 12-month reporting strip, the
data-quality line and the desa's rank in its kecamatan.

Every frame arrives already protected by the data door (`data.kasus_kategori`: violence counts as `akses.privasi`
allows them); these functions only format and draw.

The `isi_*`/`tabel_*`/`teks_*` functions are pure (DataFrames in, formatted values out) so they can be tested
without Streamlit; the others draw.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bahasa import format as fmt
from dashboard.data import SENSITIF_LAIN, TOTAL_BUKAN_SENSITIF
from dashboard.i18n import Bahasa, t
from dashboard.komponen.gaya import ABU, ABU_MUDA, ABU_TUA, WARNA_BAIK
from dashboard.komponen.kualitas import WARNA_LAPOR
from dashboard.komponen.rapat import label_status_puskesos, x_dari_y
from dashboard.pilihan import Pilihan, pilih_wilayah
from pipelines.enums import label

KUNCI_PILIH_DESA = "profil_pilih_desa"

STATUS_LAPOR: tuple[str, ...] = ("tepat_waktu", "terlambat", "nihil", "tidak_melapor", "belum_jatuh_tempo",
                                 "belum_wajib", "tanpa_data")
"""The states of a month in the reporting strip (`data.riwayat_lapor`)."""

_WARNA_LAPOR: dict[str, tuple[str, str]] = {  # the Kualitas data page's colours: one colour, one meaning
    "tepat_waktu": WARNA_LAPOR["tepat_waktu"],
    "terlambat": WARNA_LAPOR["terlambat"],
    "nihil": WARNA_LAPOR["nihil"],
    "tidak_melapor": WARNA_LAPOR["diam"],
    "belum_jatuh_tempo": WARNA_LAPOR["belum_jatuh_tempo"],
    "belum_wajib": WARNA_LAPOR["belum_diharapkan"],
    "tanpa_data": WARNA_LAPOR["belum_diharapkan"],
}
_TANDA_LAPOR = {"tepat_waktu": "✓", "terlambat": "!", "nihil": "0", "tidak_melapor": "✕", "belum_jatuh_tempo": "…",
                "belum_wajib": "·", "tanpa_data": "·"}


# 1/ choosing a desa when the filter bar has none
def _saat_desa_dipilih() -> None:
    pilihan = st.session_state.get(KUNCI_PILIH_DESA)
    if pilihan:
        pilih_wilayah(desa=pilihan)


def pilih_desa(p: Pilihan, wilayah: pd.DataFrame) -> None:
    """Ask for a desa (within the chosen kecamatan, or the regency with its kecamatan named); the choice goes
    to the global filter, and so to the URL, through a callback."""
    b = p.bahasa
    pilihan = wilayah[wilayah["kode_kab"] == p.kode_kab]
    if p.kode_kec:
        pilihan = pilihan[pilihan["kode_kec"] == p.kode_kec]
        nama = dict(zip(pilihan["kode_desa"], pilihan["nama_desa"], strict=True))
    else:
        nama = {k: f"{n} ({c})" for k, n, c in
                zip(pilihan["kode_desa"], pilihan["nama_desa"], pilihan["nama_kec"], strict=True)}
    st.info(t("profil_pilih_info", b, wilayah=p.nama_wilayah), icon=":material/home_work:")
    st.selectbox(t("desa", b), list(nama), index=None, format_func=nama.__getitem__, key=KUNCI_PILIH_DESA,
                 placeholder=t("profil_pilih_desa", b), on_change=_saat_desa_dipilih)


# 2/ Puskesos status and register
def isi_register(profil: pd.Series, tanggal_data: dt.date, bahasa: Bahasa) -> list[tuple[str, str]]:
    """(label, value) lines: derived status as of the cut-off, last report, and the register (status, SK,
    trained chair, budget) or a line saying there is no register row."""
    b = bahasa
    baris = [
        (t("reg_status_pantau", b, tanggal=fmt.tanggal(tanggal_data, b)),
         label_status_puskesos(profil["status_puskesos"], b)),
        (t("reg_lapor_terakhir", b), fmt.bulan(profil["bulan_lapor_terakhir"], b)
         if profil["bulan_lapor_terakhir"] is not None else t("pr_belum_pernah", b)),
        (t("reg_lapor_3", b), x_dari_y(int(profil["bulan_lapor_3"]), 3, b)),
    ]
    if pd.isna(profil["status_register"]):
        baris.append((t("reg_register", b), t("reg_tidak_ada", b)))
        return baris
    baris.append((t("reg_register", b), label("status_puskesos", str(profil["status_register"]), b)))
    sk = fmt.KOSONG
    if not pd.isna(profil["nomor_sk"]) or profil["tanggal_sk"] is not None:
        nomor = fmt.KOSONG if pd.isna(profil["nomor_sk"]) else str(profil["nomor_sk"])
        sk = t("reg_sk_isi", b, nomor=nomor, tanggal=fmt.tanggal(profil["tanggal_sk"], b))
    baris.append((t("reg_sk", b), sk))
    terlatih = profil["ketua_terlatih"]
    ketua = fmt.KOSONG if pd.isna(terlatih) else t("pr_ya" if terlatih else "pr_tidak", b).capitalize()
    baris.append((t("reg_ketua", b), ketua))
    anggaran = fmt.KOSONG
    if not pd.isna(profil["anggaran_rp"]):
        anggaran = f"Rp {fmt.angka(float(profil['anggaran_rp']), b)}"
        if not pd.isna(profil["tahun_anggaran"]):
            anggaran += f" ({int(profil['tahun_anggaran'])})"
    baris.append((t("reg_anggaran", b), anggaran))
    return baris


def kartu_register(baris: list[tuple[str, str]], bahasa: Bahasa) -> None:
    with st.container(border=True):
        st.markdown(f"**{t('profil_puskesos_judul', bahasa)}**")
        st.markdown("\n".join(f"- {judul}: **{nilai}**" for judul, nilai in baris))
        with st.popover(t("definisi", bahasa), icon=":material/info:", type="tertiary"):
            st.markdown(t("pr_bantu_puskesos", bahasa))


# 3/ cases by category
def tabel_kategori(kategori: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Categories (rows, only those with a case in the period) x months (columns) plus the period's total, every
    cell as text (`1.234`, `<5`), and the bottom line. From `data.kasus_kategori`, already protected: below
    kabupaten level the violence rows hold `<5`/`≥5` cells and a range as their total; at kabupaten level a row
    counts the sensitive cases of other categories (`data.SENSITIF_LAIN`); the bottom line
    (`data.TOTAL_BUKAN_SENSITIF`) totals the cases that are not sensitive (`metrics.md` section 7)."""
    b = bahasa
    jumlah = t("pr_kol_jumlah", b)
    tampil = [k for k in kategori.index if k != TOTAL_BUKAN_SENSITIF
              and (isinstance(kategori.loc[k, "jumlah"], str) or int(kategori.loc[k, "jumlah"]) > 0)]
    tabel = kategori.loc[[*tampil, TOTAL_BUKAN_SENSITIF]]
    tabel = tabel.map(lambda x: x if isinstance(x, str) else fmt.angka(x, b))  # one type a column: `<5` is text
    diam, sebagian = kategori.attrs.get("tidak_melapor", []), kategori.attrs.get("belum_lengkap", [])
    tabel.columns = [jumlah if k == "jumlah"
                     else t("pr_bulan_tidak_melapor", b, bulan=fmt.bulan(k, b)) if k in diam
                     else t("pr_bulan_belum_lengkap", b, bulan=fmt.bulan(k, b)) if k in sebagian
                     else fmt.bulan(k, b) for k in tabel.columns]
    tabel.index = [t("pr_total_bukan_sensitif", b) if k == TOTAL_BUKAN_SENSITIF
                   else t("pr_sensitif_lain", b) if k == SENSITIF_LAIN else label("kategori", k, b)
                   for k in tabel.index]
    tabel.index.name = t("pr_kol_kategori", b)
    return tabel.reset_index()


def konfigurasi_kategori(tabel: pd.DataFrame) -> dict[str, Any]:
    """The count columns of `tabel_kategori` right-aligned (they hold text, so that `<5` can stand among them)."""
    return {str(k): st.column_config.TextColumn(str(k), alignment="right") for k in tabel.columns[1:]}


# 4/ referral funnel
def gambar_corong(corong: pd.Series, bahasa: Bahasa) -> go.Figure:
    """Sent -> responded -> completed for the referrals started in the period (rejected beside)."""
    b = bahasa
    tahap = [t(f"pr_corong_{k}", b) for k in ("dikirim", "direspon", "selesai", "ditolak")]
    nilai = [int(corong["dikirim"]), int(corong["direspon"]), int(corong["selesai"]), int(corong["ditolak"])]
    warna = [ABU_TUA, ABU, WARNA_BAIK, ABU_MUDA]
    fig = go.Figure(go.Bar(
        x=nilai, y=tahap, orientation="h", marker_color=warna, text=[fmt.angka(n, b) for n in nilai],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}: %{x}<extra></extra>",
    ))
    fig.update_layout(height=190, margin={"l": 8, "r": 40, "t": 8, "b": 8}, font={"size": 14},
                      separators=",." if b == "id" else ".,", showlegend=False)
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(visible=False, rangemode="tozero")
    return fig


def teks_corong(corong: pd.Series, bahasa: Bahasa) -> str:
    """The funnel's note: open, past SLA, no response, and the cohort completion within 90 days."""
    b = bahasa
    teks = t("pr_corong_ket", b, terbuka=fmt.angka(int(corong["terbuka"]), b),
             terlambat=fmt.angka(int(corong["terlambat"]), b), tanpa=fmt.angka(int(corong["tanpa_respon"]), b))
    if not pd.isna(corong["persen_selesai_90"]):
        teks += " " + t("pr_corong_ket_90", b, selesai=fmt.angka(int(corong["selesai_90_matang"]), b),
                        dikirim=fmt.angka(int(corong["dikirim_matang_90"]), b),
                        persen=fmt.persen(float(corong["persen_selesai_90"]), b))
    return teks


# 5/ reporting strip
def html_strip_lapor(riwayat: pd.DataFrame, bahasa: Bahasa) -> str:
    """A row of 12 month cells (symbol and word, so colour is never the only cue) with a legend."""
    b = bahasa
    sel = []
    for bulan, status in zip(riwayat["bulan"], riwayat["status_lapor"], strict=True):
        latar, warna = _WARNA_LAPOR[status]
        kata = t(f"pr_lapor_{status}", b)
        sel.append(
            f'<div class="pantau-strip-sel" title="{html.escape(fmt.bulan(bulan, b))}: {html.escape(kata)}" '
            f'style="background:{latar};color:{warna};">'
            f'<div class="pantau-strip-bulan">{html.escape(fmt.bulan(bulan, b))}</div>'
            f'<div class="pantau-strip-tanda">{_TANDA_LAPOR[status]}</div>'
            f'<div class="pantau-strip-kata">{html.escape(kata)}</div></div>'
        )
    legenda = " · ".join(f"{_TANDA_LAPOR[s]} {html.escape(t(f'pr_lapor_{s}', b))}" for s in STATUS_LAPOR[:6])
    gaya = (
        "<style>.pantau-strip{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:3px;}"
        ".pantau-strip-sel{border:1px solid #D1D5DB;border-radius:4px;padding:3px 2px;text-align:center;"
        "line-height:1.15;}"
        ".pantau-strip-bulan{font-size:0.72rem;opacity:0.9;}.pantau-strip-tanda{font-size:1.05rem;font-weight:700;}"
        ".pantau-strip-kata{font-size:0.68rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;}</style>"
    )
    return (f'{gaya}<div class="pantau-strip">{"".join(sel)}</div>'
            f'<div style="font-size:0.8rem;color:{ABU};margin-top:4px;">{legenda}</div>')


# 6/ data quality and rank
def teks_kualitas(kualitas: pd.Series, bahasa: Bahasa) -> str:
    """One sentence: files that touched the desa, quarantined rows and warnings (the desa's own, and in those
    files)."""
    b = bahasa
    return t("profil_kualitas_ket", b, berkas=fmt.angka(int(kualitas["berkas"]), b),
             dimuat=fmt.angka(int(kualitas["baris_dimuat"]), b),
             karantina_desa=fmt.angka(int(kualitas["dikarantina_desa"]), b),
             karantina_berkas=fmt.angka(int(kualitas["dikarantina_berkas"]), b),
             peringatan_desa=fmt.angka(int(kualitas["peringatan_desa"]), b),
             peringatan_berkas=fmt.angka(int(kualitas["peringatan_berkas"]), b))


def teks_peringkat(baris: pd.Series, nama_kec: str, bahasa: Bahasa) -> list[str]:
    """The desa's rank in its kecamatan by completion <= 90 days and by overdue referrals (`data.rapat_desa`),
    or why it is not ranked."""
    b = bahasa
    keluar = []
    if pd.isna(baris["peringkat_selesai_90"]):
        keluar.append(t("pr_peringkat_selesai_tidak", b))
    else:
        keluar.append(t("pr_peringkat_selesai", b, n=int(baris["peringkat_selesai_90"]),
                        dari=int(baris["desa_peringkat_selesai_90"]), kec=nama_kec,
                        nilai=fmt.persen(float(baris["selesai_90"]), b, desimal=0)))
    if pd.isna(baris["peringkat_tunggakan"]):
        keluar.append(t("pr_peringkat_tunggakan_tidak", b))
    else:
        keluar.append(t("pr_peringkat_tunggakan", b, n=int(baris["peringkat_tunggakan"]),
                        dari=int(baris["desa_peringkat_tunggakan"]), kec=nama_kec,
                        nilai=fmt.angka(int(baris["tunggakan"]), b)))
    return keluar
