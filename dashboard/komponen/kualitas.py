"""Render functions of the Kualitas data page (`screens.md` page 8, `metrics.md` sections 3 and 6).

Summary tiles, the 12-month reporting strip per desa (tepat waktu / terlambat / nihil / diam, each its own
colour AND its own word, so that "diam" and "nihil" can never be confused, not even in grey print), the
quality score and its parts per desa, the quarantine by file and reason with the download of the quarantined
rows, the warnings by type and the desa names that did not match. `isi_*`, `tabel_*` and `csv_*` are pure
(testable without Streamlit); the `tampilkan_*` functions draw. Exports leave through
`akses.netralkan_ekspor` and `unduhan.tombol_unduh`.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from akses import Pengguna, ekspor_csv, netralkan_ekspor
from bahasa import format as fmt
from dashboard.i18n import TEKS, Bahasa, t
from dashboard.komponen.gaya import ABU_TUA, WARNA_BAIK, WARNA_PERHATIAN
from dashboard.komponen.kpi import IsiKpi
from dashboard.komponen.unduhan import tombol_unduh
from dashboard.sesi import pengguna_aktif
from pipelines.enums import label

STATUS_LAPOR = ("tepat_waktu", "terlambat", "nihil", "diam", "belum_jatuh_tempo", "belum_diharapkan")
"""The states of `mart_pelaporan_desa_bulan.status_lapor`, in legend order."""

WARNA_LAPOR: dict[str, tuple[str, str]] = {
    "tepat_waktu": (WARNA_BAIK, "#FFFFFF"),
    "terlambat": ("#E69F00", "#1F2937"),
    "nihil": ("#CFE3F1", "#0B4F8A"),
    "diam": (WARNA_PERHATIAN, "#FFFFFF"),
    "belum_jatuh_tempo": ("#F3F4F6", ABU_TUA),
    "belum_diharapkan": ("#FFFFFF", "#9CA3AF"),
}
"""(background, text) per state: blue = on time, orange = late, pale blue with dark text = nihil (reported,
nothing happened), dark vermillion = diam (needs attention), greys for months that are not (yet) due."""

STATUS_PUSKESOS = ("aktif", "tersendat", "diam", "belum_dibentuk")


# 1/ tiles
def jendela(ringkasan: pd.DataFrame, bahasa: Bahasa) -> str:
    """The quality window in words: `Mei 2024 – Apr 2025`."""
    r = ringkasan.iloc[0]
    if r["jendela_dari"] is None or r["jendela_sampai"] is None:
        return fmt.KOSONG
    return fmt.rentang_bulan(r["jendela_dari"], r["jendela_sampai"], bahasa)


def isi_ubin(ringkasan: pd.DataFrame, karantina: pd.DataFrame, puskesos: pd.DataFrame, tanggal_data: dt.date,
             bahasa: Bahasa) -> list[IsiKpi]:
    """Completeness, timeliness (over the 12-month window), quarantined rows (`data.karantina_baris`: files of the
    period), rows without NIK, and the Puskesos status as of the cut-off."""
    r = ringkasan.iloc[0]
    jumlah_karantina, tanpa_desa = len(karantina), int(karantina["nama_desa"].isna().sum())
    dinilai = int(r["bulan_dinilai"] or 0)
    kelengkapan = IsiKpi(
        "kualitas_kelengkapan", t("kualitas_kpi_kelengkapan", bahasa), fmt.persen(r["kelengkapan"], bahasa),
        t("kualitas_def_kelengkapan", bahasa),
        keterangan=t("kualitas_ket_kelengkapan", bahasa, diterima=fmt.angka(int(r["bulan_diterima"] or 0), bahasa),
                     dinilai=fmt.angka(dinilai, bahasa)),
        redup=dinilai == 0,
    )
    ketepatan = IsiKpi(
        "kualitas_ketepatan", t("kualitas_kpi_ketepatan", bahasa), fmt.persen(r["ketepatan"], bahasa),
        t("kualitas_def_ketepatan", bahasa),
        keterangan=t("kualitas_ket_ketepatan", bahasa, tepat=fmt.angka(int(r["bulan_tepat_waktu"] or 0), bahasa),
                     dinilai=fmt.angka(dinilai, bahasa)),
        redup=dinilai == 0,
    )
    karantina = IsiKpi(
        "kualitas_karantina", t("kualitas_kpi_karantina", bahasa), fmt.angka(jumlah_karantina, bahasa),
        t("kualitas_def_karantina", bahasa),
        keterangan=t("kualitas_ket_karantina", bahasa, tanpa=fmt.angka(tanpa_desa, bahasa)),
    )
    nik = IsiKpi(
        "kualitas_nik", t("kualitas_kpi_tanpa_nik", bahasa), fmt.persen(r["porsi_tanpa_nik"], bahasa),
        t("kualitas_def_tanpa_nik", bahasa),
        keterangan=t("kualitas_ket_tanpa_nik", bahasa, tanpa=fmt.angka(int(r["baris_tanpa_nik"] or 0), bahasa),
                     kasus=fmt.angka(int(r["baris_kasus"] or 0), bahasa)),
        redup=not int(r["baris_kasus"] or 0),
    )
    s = puskesos.iloc[0]
    status = IsiKpi(
        "kualitas_puskesos", t("kualitas_kpi_puskesos", bahasa), fmt.angka(int(s["aktif"]), bahasa),
        t("def_puskesos_aktif", bahasa),
        keterangan=t("kualitas_ket_puskesos", bahasa, jumlah=fmt.angka(int(s["jumlah_desa"]), bahasa),
                     tersendat=fmt.angka(int(s["tersendat"]), bahasa),
                     diam=fmt.angka(int(s["diam"]), bahasa), belum=fmt.angka(int(s["belum_dibentuk"]), bahasa)),
    )
    return [kelengkapan, ketepatan, karantina, nik, status]


# 2/ the 12-month strip
def tabel_strip(kualitas: pd.DataFrame, strip: pd.DataFrame, bahasa: Bahasa) -> tuple[pd.DataFrame, list[str]]:
    """One row per desa (in the order of `kualitas`: lowest score first), its Puskesos status and score, and one
    column per month holding the state's short word. Returns the table and the names of its month columns."""
    bulan = sorted(set(strip["bulan"]))
    kolom_bulan = [fmt.bulan(b, bahasa) for b in bulan]
    kata = {s: t(f"kualitas_lapor_pendek_{s}", bahasa) for s in STATUS_LAPOR}
    label_puskesos = {s: label("status_puskesos_pantau", s, bahasa) for s in STATUS_PUSKESOS}
    tabel = pd.DataFrame({
        "desa": kualitas["nama_desa"].to_numpy(),
        "kecamatan": kualitas["nama_kec"].to_numpy(),
        "puskesos": kualitas["status_puskesos"].map(label_puskesos).to_numpy(),
        "skor": kualitas["skor_kualitas"].astype("float64").to_numpy(),
    })
    if bulan:
        lebar = (strip.pivot(index="kode_desa", columns="bulan", values="status_lapor")
                 .reindex(index=kualitas["kode_desa"], columns=bulan).fillna("belum_diharapkan"))
        for b, nama in zip(bulan, kolom_bulan, strict=True):
            tabel[nama] = lebar[b].map(kata).to_numpy()
    return tabel, kolom_bulan


def gaya_strip(tabel: pd.DataFrame, kolom_bulan: list[str], bahasa: Bahasa) -> Styler:
    """Colour the month cells by state (background and text colour)."""
    warna = {t(f"kualitas_lapor_pendek_{s}", bahasa): w for s, w in WARNA_LAPOR.items()}

    def css(nilai: object) -> str:
        latar, teks = warna.get(str(nilai), ("#FFFFFF", ABU_TUA))
        return f"background-color: {latar}; color: {teks}"

    return tabel.style.map(css, subset=kolom_bulan)


def legenda_strip(bahasa: Bahasa) -> str:
    """The legend as HTML: a swatch with the short word and the state's name, for every state."""
    bagian = []
    for s in STATUS_LAPOR:
        latar, teks = WARNA_LAPOR[s]
        bagian.append(
            f'<span style="display:inline-block;margin:0 14px 2px 0;white-space:nowrap">'
            f'<span style="background:{latar};color:{teks};border:1px solid #D1D5DB;border-radius:3px;'
            f'padding:0 6px;font-size:0.85rem">{t(f"kualitas_lapor_pendek_{s}", bahasa)}</span> '
            f'<span style="font-size:0.85rem;color:{ABU_TUA}">{t(f"kualitas_lapor_{s}", bahasa)}</span></span>'
        )
    return "<div>" + "".join(bagian) + "</div>"


BATAS_BARIS_STRIP = 60
"""Desa drawn in the strip before the user asks for all (colouring 306 rows costs about half a second)."""


def tampilkan_strip(kualitas: pd.DataFrame, strip: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw the legend and the strip table, lowest score first; above `BATAS_BARIS_STRIP` desa only those
    unless the user switches on "all desa"."""
    st.html(legenda_strip(bahasa))
    semua = len(kualitas) <= BATAS_BARIS_STRIP or st.toggle(
        t("kualitas_strip_semua", bahasa, n=fmt.angka(len(kualitas), bahasa)), key="kualitas_strip_semua",
        help=t("kualitas_strip_semua_bantu", bahasa, batas=BATAS_BARIS_STRIP))
    tabel, kolom_bulan = tabel_strip(kualitas if semua else kualitas.head(BATAS_BARIS_STRIP), strip, bahasa)
    kolom: dict[str, Any] = {
        "desa": st.column_config.TextColumn(t("desa", bahasa)),
        "kecamatan": st.column_config.TextColumn(t("kecamatan", bahasa)),
        "puskesos": st.column_config.TextColumn(t("kualitas_kol_puskesos", bahasa),
                                                help=t("def_puskesos_aktif", bahasa)),
        "skor": st.column_config.ProgressColumn(t("kualitas_kol_skor", bahasa), help=t("kualitas_def_skor", bahasa),
                                                min_value=0, max_value=100, format="%.0f", width="small"),
    }
    for nama in kolom_bulan:
        kolom[nama] = st.column_config.TextColumn(nama, width=62, help=t("kualitas_def_strip", bahasa),
                                                  alignment="center")
    st.dataframe(gaya_strip(tabel, kolom_bulan, bahasa), hide_index=True, column_config=kolom,
                 key="kualitas_tabel_strip", height=min(38 + 35 * len(tabel), 420))


# 3/ score and its parts
def tabel_skor(kualitas: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Per desa (lowest score first): the score and each of its parts, and the revisions and duplicates (counts
    written with `bahasa.format.angka`)."""
    def persen(v: object) -> float | None:
        return None if v is None or pd.isna(v) else round(float(v) * 100, 1)  # type: ignore[arg-type]

    return pd.DataFrame({
        "desa": list(kualitas["nama_desa"]),
        "kecamatan": list(kualitas["nama_kec"]),
        "skor": [None if pd.isna(v) else float(v) for v in kualitas["skor_kualitas"]],
        "kelengkapan": [persen(v) for v in kualitas["kelengkapan"]],
        "ketepatan": [persen(v) for v in kualitas["ketepatan"]],
        "baris_dimuat": [fmt.angka(int(v), bahasa) for v in kualitas["baris_dimuat"]],
        "baris_karantina": [fmt.angka(int(v), bahasa) for v in kualitas["baris_karantina"]],
        "baris_peringatan": [fmt.angka(int(v), bahasa) for v in kualitas["baris_peringatan"]],
        "baris_tanpa_nik": [fmt.angka(int(v), bahasa) for v in kualitas["baris_tanpa_nik"]],
        "baris_duplikat": [fmt.angka(int(v), bahasa) for v in kualitas["baris_duplikat"]],
        "kasus_direvisi": [fmt.angka(int(v), bahasa) for v in kualitas["kasus_direvisi"]],
    })


def tampilkan_skor(kualitas: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw the score table."""
    def angka(judul: str, bantuan: str) -> Any:
        # counts as text in Indonesian style (9.288): the grid's own number format cannot be set to a language
        return st.column_config.TextColumn(judul, help=bantuan, width="small")

    kolom = {
        "desa": st.column_config.TextColumn(t("desa", bahasa)),
        "kecamatan": st.column_config.TextColumn(t("kecamatan", bahasa)),
        "skor": st.column_config.ProgressColumn(t("kualitas_kol_skor", bahasa), help=t("kualitas_def_skor", bahasa),
                                                min_value=0, max_value=100, format="%.0f"),
        "kelengkapan": st.column_config.NumberColumn(t("kualitas_kol_kelengkapan", bahasa), format="%.0f %%",
                                                     help=t("kualitas_def_kelengkapan", bahasa)),
        "ketepatan": st.column_config.NumberColumn(t("kualitas_kol_ketepatan", bahasa), format="%.0f %%",
                                                   help=t("kualitas_def_ketepatan", bahasa)),
        "baris_dimuat": angka(t("kualitas_kol_dimuat", bahasa), t("kualitas_bantu_dimuat", bahasa)),
        "baris_karantina": angka(t("kualitas_kol_karantina", bahasa), t("kualitas_bantu_karantina_desa", bahasa)),
        "baris_peringatan": angka(t("kualitas_kol_peringatan", bahasa), t("kualitas_bantu_peringatan_desa", bahasa)),
        "baris_tanpa_nik": angka(t("kualitas_kol_tanpa_nik", bahasa), t("kualitas_def_tanpa_nik", bahasa)),
        "baris_duplikat": angka(t("kualitas_kol_duplikat", bahasa), t("kualitas_bantu_duplikat", bahasa)),
        "kasus_direvisi": angka(t("kualitas_kol_revisi", bahasa), t("kualitas_bantu_revisi", bahasa)),
    }
    st.dataframe(tabel_skor(kualitas, bahasa), hide_index=True, column_config=kolom, key="kualitas_tabel_skor",
                 height=min(38 + 35 * len(kualitas), 420))


# 4/ quarantine
def tabel_karantina(per_berkas: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Quarantined rows by file and kind of reason."""
    return pd.DataFrame({
        "berkas": list(per_berkas["nama_berkas"]),
        "lembar": [fmt.KOSONG if v is None or pd.isna(v) else str(v) for v in per_berkas["lembar"]],
        "alasan": [t(f"kualitas_alasan_{k}", bahasa) for k in per_berkas["kelompok_alasan"]],
        "baris": [fmt.angka(int(v), bahasa) for v in per_berkas["jumlah"]],
        "tanpa_desa": [fmt.angka(int(v), bahasa) for v in per_berkas["tanpa_desa"]],
        "baris_dibaca": [fmt.angka(int(v), bahasa) for v in per_berkas["baris_dibaca"]],
    })


def csv_karantina(baris: pd.DataFrame, pengguna: Pengguna | None, tanggal_data: dt.date | None) -> bytes:
    """The quarantined rows as a CSV file to send back to the desa: file, sheet, row number, reason, the desa it
    could be attributed to, and the row's own cells (`isi_*`). Identity columns are dropped, every text is
    neutralised against spreadsheet formulas, and `# ` lines on top say who downloaded it, when, with which scope,
    and the data date (`akses.netralkan_ekspor`). UTF-8 with BOM for spreadsheets."""
    isi = pd.json_normalize([json.loads(x) for x in baris["isi"]]) if len(baris) else pd.DataFrame()
    tabel = pd.concat([baris.drop(columns=["isi"]).reset_index(drop=True), isi.add_prefix("isi_")], axis=1)
    tabel = tabel.rename(columns={"nama_berkas": "berkas", "nama_desa": "desa_dikenali"})
    return ekspor_csv(netralkan_ekspor(tabel, pengguna, tanggal_data))


def tampilkan_karantina(per_berkas: pd.DataFrame, baris: pd.DataFrame, nama_unduhan: str, kode_wilayah: str,
                        tanggal_data: dt.date, bahasa: Bahasa) -> None:
    """Draw the quarantine by file and reason and the download button of the rows."""
    if per_berkas.empty:
        st.caption(t("kualitas_karantina_kosong", bahasa))
        return
    kolom = {
        "berkas": st.column_config.TextColumn(t("kualitas_kol_berkas", bahasa)),
        "lembar": st.column_config.TextColumn(t("kualitas_kol_lembar", bahasa), width="small"),
        "alasan": st.column_config.TextColumn(t("kualitas_kol_alasan", bahasa),
                                              help=t("kualitas_bantu_alasan", bahasa)),
        "baris": st.column_config.TextColumn(t("kualitas_kol_baris_karantina", bahasa), alignment="right",
                                             help=t("kualitas_bantu_baris_karantina", bahasa)),
        "tanpa_desa": st.column_config.TextColumn(t("kualitas_kol_tanpa_desa", bahasa), alignment="right",
                                                  help=t("kualitas_bantu_tanpa_desa", bahasa)),
        "baris_dibaca": st.column_config.TextColumn(t("kualitas_kol_dibaca", bahasa), alignment="right",
                                                    help=t("kualitas_bantu_dibaca", bahasa)),
    }
    st.dataframe(tabel_karantina(per_berkas, bahasa), hide_index=True, column_config=kolom,
                 key="kualitas_tabel_karantina", height=min(38 + 35 * len(per_berkas), 300))
    pengguna = pengguna_aktif()
    tombol_unduh(t("kualitas_unduh_karantina", bahasa, n=fmt.angka(len(baris), bahasa)),
                 lambda: csv_karantina(baris, pengguna, tanggal_data), nama_unduhan, "text/csv", hak="unduh",
                 kunci="kualitas_unduh_karantina", cakupan=kode_wilayah, ikon=":material/download:",
                 bantuan=t("kualitas_bantu_unduh", bahasa))


# 5/ warnings and names
def tabel_peringatan(per_jenis: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Warnings by type with an example message."""
    return pd.DataFrame({
        "jenis": [t(f"kualitas_peringatan_{j}", bahasa) if f"kualitas_peringatan_{j}" in TEKS else j
                  for j in per_jenis["jenis_peringatan"]],
        "jumlah": [fmt.angka(int(v), bahasa) for v in per_jenis["jumlah"]],
        "berkas": [fmt.angka(int(v), bahasa) for v in per_jenis["berkas"]],
        "desa": [fmt.angka(int(v), bahasa) for v in per_jenis["desa"]],
        "contoh": list(per_jenis["contoh"]),
    })


def tampilkan_peringatan(per_jenis: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw the warnings by type."""
    if per_jenis.empty:
        st.caption(t("kualitas_peringatan_kosong", bahasa))
        return
    kolom = {
        "jenis": st.column_config.TextColumn(t("kualitas_kol_jenis", bahasa), width=230),
        "jumlah": st.column_config.TextColumn(t("kualitas_kol_jumlah", bahasa), alignment="right", width="small"),
        "berkas": st.column_config.TextColumn(t("kualitas_kol_jumlah_berkas", bahasa), alignment="right",
                                              width="small"),
        "desa": st.column_config.TextColumn(t("desa", bahasa), alignment="right", width="small"),
        "contoh": st.column_config.TextColumn(t("kualitas_kol_contoh", bahasa), width=680),
    }
    st.dataframe(tabel_peringatan(per_jenis, bahasa), hide_index=True, column_config=kolom,
                 key="kualitas_tabel_peringatan", height=min(38 + 35 * len(per_jenis), 300))


def tabel_nama(nama: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """Names that did not match: as typed, what happened, the reason or the desa it was matched to."""
    return pd.DataFrame({
        "nama_tertulis": list(nama["nama_tertulis"]),
        "jenis": [t(f"kualitas_nama_{j}", bahasa) for j in nama["jenis"]],
        "keterangan": list(nama["keterangan"]),
        "baris": [fmt.angka(int(v), bahasa) for v in nama["baris"]],
        "berkas": list(nama["berkas"]),
    })


def tampilkan_nama(nama: pd.DataFrame, bahasa: Bahasa) -> None:
    """Draw the unmatched names (or say that every name matched)."""
    if nama.empty:
        st.caption(t("kualitas_nama_kosong", bahasa))
        return
    kolom = {
        "nama_tertulis": st.column_config.TextColumn(t("kualitas_kol_nama_tertulis", bahasa)),
        "jenis": st.column_config.TextColumn(t("kualitas_kol_jenis", bahasa)),
        "keterangan": st.column_config.TextColumn(t("kualitas_kol_keterangan", bahasa), width=560),
        "baris": st.column_config.TextColumn(t("kualitas_kol_jumlah", bahasa), alignment="right", width="small"),
        "berkas": st.column_config.TextColumn(t("kualitas_kol_berkas", bahasa)),
    }
    st.dataframe(tabel_nama(nama, bahasa), hide_index=True, column_config=kolom, key="kualitas_tabel_nama",
                 height=min(38 + 35 * len(nama), 300))
    st.caption(t("kualitas_nama_saran", bahasa))

