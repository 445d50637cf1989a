"""Rapat kecamatan and "Perlu perhatian": the desa side by side, the agenda lists, and the reasons in words.

Each table is built once, as a `dokumen.model.Tabel` (display headers, typed cells), by a pure
function (`tabel_*`); the screen draws that same table (`tampilkan_tabel`) and the documents write it, so the
meeting's PDF/XLSX say what the screen says. Lists of cases arrive from `dashboard.data` already through
`akses.privasi` (pseudonymous ids, "kasus sensitif"); only their labels are translated here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd
import streamlit as st

from akses import KASUS_SENSITIF
from bahasa import format as fmt
from bahasa.format import teks_polos
from dashboard.i18n import Bahasa, t
from dashboard.periode import tambah_bulan
from dashboard.pilihan import Pilihan, pilih_wilayah
from dashboard.tampilan import mode_tampilan
from dokumen.model import Jenis, Tabel, kosong
from pipelines.enums import label

KUNCI_PILIH_KEC = "rapat_pilih_kec"


# 1/ choosing a kecamatan when the filter bar has none
def _saat_kec_dipilih() -> None:
    pilihan = st.session_state.get(KUNCI_PILIH_KEC)
    if pilihan:
        pilih_wilayah(kec=pilihan)


def pilih_kecamatan(p: Pilihan, wilayah: pd.DataFrame) -> None:
    """Ask for a kecamatan; the choice goes to the global filter (and so to the URL) through a callback."""
    b = p.bahasa
    kec = wilayah[wilayah["kode_kab"] == p.kode_kab].drop_duplicates("kode_kec")
    nama = dict(zip(kec["kode_kec"], kec["nama_kec"], strict=True))
    st.info(t("rapat_pilih_kec_info", b), icon=":material/groups:")
    st.selectbox(t("kecamatan", b), list(nama), index=None, format_func=nama.__getitem__, key=KUNCI_PILIH_KEC,
                 placeholder=t("rapat_pilih_kec", b), on_change=_saat_kec_dipilih)


# 2/ labels
def label_status_puskesos(kode: object, bahasa: Bahasa) -> str:
    return label("status_puskesos_pantau", str(kode), bahasa) if isinstance(kode, str) else fmt.KOSONG


def label_kategori(kode: object, bahasa: Bahasa) -> str:
    """A category's label; a sensitive case's "kasus sensitif" (set by `privasi.daftar_kasus_aman`) translated."""
    if kode == KASUS_SENSITIF:
        return t("pr_kasus_sensitif", bahasa)
    return label("kategori", str(kode), bahasa)


def x_dari_y(x: int, y: int, bahasa: Bahasa) -> str:
    return t("x_dari_y", bahasa, x=fmt.angka(x, bahasa), y=fmt.angka(y, bahasa))


# 3/ the reasons in words ("Perlu perhatian")
def alasan_desa(baris: Mapping[str, object], bahasa: Bahasa) -> str:
    """Why a desa is behind: `2 rujukan lewat SLA, 1 tanpa respon (tertua 137 hari); tidak melapor 4 bulan
    terakhir (sejak Jun 2026)`, from a row of `data.perhatian_desa`."""
    bagian: list[str] = []
    terlambat, tanpa = int(baris["rujukan_terlambat"]), int(baris["rujukan_tanpa_respon"])  # type: ignore[call-overload]
    if terlambat:
        teks = t("alasan_terlambat", bahasa, n=fmt.angka(terlambat, bahasa))
        if tanpa:
            teks += ", " + t("alasan_tanpa_respon", bahasa, n=fmt.angka(tanpa, bahasa))
        teks += " " + t("alasan_tertua", bahasa, hari=fmt.angka(baris["umur_terlambat_tertua"], bahasa))  # type: ignore[arg-type]
        bagian.append(teks)
    elif tanpa:
        bagian.append(t("alasan_hanya_tanpa_respon", bahasa, n=fmt.angka(tanpa, bahasa)))
    diam, tidak_lapor = int(baris["bulan_diam_beruntun"]), int(baris["bulan_tidak_lapor_3"])  # type: ignore[call-overload]
    if diam:
        bagian.append(t("alasan_diam", bahasa, n=fmt.angka(diam, bahasa),
                        sejak=fmt.bulan(baris["diam_sejak"], bahasa)))  # type: ignore[arg-type]
    elif tidak_lapor:
        bagian.append(t("alasan_tidak_lapor", bahasa, n=fmt.angka(tidak_lapor, bahasa),
                        dari=fmt.angka(baris["diharapkan_3"], bahasa)))  # type: ignore[arg-type]
    return "; ".join(bagian)


def alasan_tujuan(baris: Mapping[str, object], bahasa: Bahasa) -> str:
    """Why a destination is behind: `2 rujukan lewat SLA di 2 desa, 2 tanpa respon (tertua 81 hari)`."""
    terlambat, tanpa = int(baris["rujukan_terlambat"]), int(baris["rujukan_tanpa_respon"])  # type: ignore[call-overload]
    if terlambat:
        teks = t("alasan_tujuan_terlambat", bahasa, n=fmt.angka(terlambat, bahasa),
                 desa=fmt.angka(baris["desa_terlambat"], bahasa))  # type: ignore[arg-type]
        if tanpa:
            teks += ", " + t("alasan_tanpa_respon", bahasa, n=fmt.angka(tanpa, bahasa))
        return teks + " " + t("alasan_tertua", bahasa, hari=fmt.angka(baris["umur_terlambat_tertua"], bahasa))  # type: ignore[arg-type]
    return t("alasan_hanya_tanpa_respon", bahasa, n=fmt.angka(tanpa, bahasa))


def tabel_perhatian_desa(df: pd.DataFrame, dengan_kecamatan: bool, bahasa: Bahasa) -> Tabel:
    """The desa most behind, worst first: rank, desa (and kecamatan), Puskesos status, reason."""
    isi = {
        t("pr_kol_no", bahasa): list(range(1, len(df) + 1)),
        t("pr_kol_desa", bahasa): list(df["nama_desa"]),
    }
    if dengan_kecamatan:
        isi[t("pr_kol_kecamatan", bahasa)] = list(df["nama_kec"])
    isi[t("pr_kol_puskesos", bahasa)] = [label_status_puskesos(s, bahasa) for s in df["status_puskesos"]]
    isi[t("pr_kol_alasan", bahasa)] = [alasan_desa(r, bahasa) for r in df.to_dict("records")]
    lebar = [0.5, 2, 1.6, 1.2, 6] if dengan_kecamatan else [0.5, 2, 1.2, 7]
    return Tabel(t("perhatian_desa_judul", bahasa, n=len(df)), pd.DataFrame(isi),
                 {t("pr_kol_no", bahasa): "angka"}, kosong=t("perhatian_desa_kosong", bahasa), lebar=lebar,
                 nama_lembar=t("pr_kol_desa", bahasa))


def tabel_perhatian_tujuan(df: pd.DataFrame, bahasa: Bahasa) -> Tabel:
    """The destinations most behind, worst first: rank, destination, reason."""
    isi = {
        t("pr_kol_no", bahasa): list(range(1, len(df) + 1)),
        t("pr_kol_tujuan", bahasa): [label("tujuan_rujukan", str(k), bahasa) for k in df["tujuan_rujukan"]],
        t("pr_kol_alasan", bahasa): [alasan_tujuan(r, bahasa) for r in df.to_dict("records")],
    }
    return Tabel(t("perhatian_tujuan_judul", bahasa, n=len(df)), pd.DataFrame(isi), {t("pr_kol_no", bahasa): "angka"},
                 kosong=t("perhatian_tujuan_kosong", bahasa), lebar=[0.5, 2.5, 7],
                 nama_lembar=t("pr_kol_tujuan", bahasa))


# 4/ the agenda's tables
def tabel_desa(df: pd.DataFrame, bahasa: Bahasa) -> Tabel:
    """All desa of the kecamatan side by side (`data.rapat_desa`), in code order. Shares are fractions here;
    the screen and the documents write them as whole percentages."""
    b = bahasa
    isi = {
        t("pr_kol_desa", b): list(df["nama_desa"]),
        t("pr_kol_puskesos", b): [label_status_puskesos(s, b) for s in df["status_puskesos"]],
        t("pr_kol_kasus_baru", b): [int(x) for x in df["kasus_baru"]],
        t("pr_kol_selesai_90", b): [None if pd.isna(x) else float(x) for x in df["selesai_90"]],
        t("pr_kol_tunggakan", b): [int(x) for x in df["tunggakan"]],
        t("pr_kol_tanpa_respon", b): [int(x) for x in df["tanpa_respon"]],
        t("pr_kol_kelengkapan", b): [None if pd.isna(x) else float(x) for x in df["kelengkapan"]],
    }
    jenis: dict[str, Jenis] = {t("pr_kol_kasus_baru", b): "angka", t("pr_kol_selesai_90", b): "persen",
                               t("pr_kol_tunggakan", b): "angka", t("pr_kol_tanpa_respon", b): "angka",
                               t("pr_kol_kelengkapan", b): "persen"}
    return Tabel(t("rapat_desa_judul", b), pd.DataFrame(isi), jenis, catatan=t("rapat_desa_catatan", b),
                 lebar=[1.9, 1.35, 0.9, 1.05, 1.15, 0.95, 1.25], nama_lembar=t("pr_lembar_desa", b))


def tabel_tujuan(df: pd.DataFrame, bahasa: Bahasa) -> Tabel:
    """Overdue referrals by destination (`data.perhatian_tujuan(..., batas=None)`), worst first."""
    b = bahasa
    isi = {
        t("pr_kol_tujuan", b): [label("tujuan_rujukan", str(k), b) for k in df["tujuan_rujukan"]],
        t("pr_kol_terbuka", b): [int(x) for x in df["rujukan_terbuka"]],
        t("pr_kol_lewat_sla", b): [int(x) for x in df["rujukan_terlambat"]],
        t("pr_kol_tanpa_respon_14", b): [int(x) for x in df["rujukan_tanpa_respon"]],
        t("pr_kol_desa_terlambat", b): [int(x) for x in df["desa_terlambat"]],
        t("pr_kol_tertua", b): [None if pd.isna(x) else int(x) for x in df["umur_terlambat_tertua"]],
    }
    jenis: dict[str, Jenis] = {k: "angka" for k in list(isi)[1:]}
    return Tabel(t("rapat_tujuan_judul", b), pd.DataFrame(isi), jenis, kosong=t("rapat_terlambat_kosong", b),
                 lebar=[2.4, 1, 1, 1.3, 1, 1.2], nama_lembar=t("pr_lembar_tujuan", b))


def tabel_rujukan_terlambat(df: pd.DataFrame, bahasa: Bahasa, *, dengan_desa: bool = True) -> Tabel:
    """The overdue referrals one by one (`data.rujukan_terlambat`: pseudonymous ids, "kasus sensitif"), by
    destination, desa and age. In documents the destination heads each group."""
    b = bahasa
    isi: dict[str, list[object]] = {
        t("pr_kol_tujuan", b): [label("tujuan_rujukan", str(k), b) for k in df["tujuan_rujukan"]],
    }
    if dengan_desa:
        isi[t("pr_kol_desa", b)] = list(df["nama_desa"])
    isi |= {
        t("pr_kol_id_kasus", b): list(df["pseudonim_kasus"]),
        t("pr_kol_kategori", b): [label_kategori(k, b) for k in df["kategori"]],
        t("pr_kol_mulai", b): list(df["tanggal_mulai"]),
        t("pr_kol_umur", b): [int(x) for x in df["umur_hari"]],
        t("pr_kol_sla", b): [int(x) for x in df["sla_hari"]],
        t("pr_kol_status", b): [label("status_rujukan", str(s), b) for s in df["status_per"]],
        t("pr_kol_tanpa_respon", b): [t("pr_ya", b) if x else "" for x in df["tanpa_respon"]],
    }
    jenis: dict[str, Jenis] = {t("pr_kol_mulai", b): "tanggal", t("pr_kol_umur", b): "angka",
                               t("pr_kol_sla", b): "angka"}
    lebar = [2, 1.6, 1.5, 2, 1.3, 0.8, 0.7, 1.2, 0.9] if dengan_desa else [2, 1.5, 2.2, 1.3, 0.8, 0.7, 1.3, 0.9]
    return Tabel(t("rapat_terlambat_judul", b), pd.DataFrame(isi), jenis, catatan=t("rapat_terlambat_catatan", b),
                 kosong=t("rapat_terlambat_kosong", b), lebar=lebar, kelompok=t("pr_kol_tujuan", b),
                 nama_lembar=t("pr_lembar_terlambat", b))


def tabel_puskesos_bermasalah(df: pd.DataFrame, bahasa: Bahasa) -> Tabel:
    """Silent (`diam`) and irregular (`tersendat`) Puskesos of the kecamatan (`data.puskesos_bermasalah`)."""
    b = bahasa
    isi = {
        t("pr_kol_desa", b): list(df["nama_desa"]),
        t("pr_kol_puskesos", b): [label_status_puskesos(s, b) for s in df["status_puskesos"]],
        t("pr_kol_lapor_terakhir", b): [x if x is not None else t("pr_belum_pernah", b)
                                        for x in df["bulan_lapor_terakhir"]],
        t("pr_kol_lapor_3", b): [x_dari_y(int(x), int(y), b) for x, y in zip(df["diterima_3"], df["diharapkan_3"],
                                                                          strict=True)],
        t("pr_kol_diam_sejak", b): [x if x is not None else None for x in df["diam_sejak"]],
    }
    jenis: dict[str, Jenis] = {t("pr_kol_lapor_terakhir", b): "bulan", t("pr_kol_diam_sejak", b): "bulan"}
    return Tabel(t("rapat_diam_judul", b), pd.DataFrame(isi), jenis, catatan=t("rapat_diam_catatan", b),
                 kosong=t("rapat_diam_kosong", b), lebar=[2, 1.3, 1.5, 1.6, 1.5], nama_lembar=t("pr_lembar_diam", b))


def jendela_lapor(jatuh_tempo: dt.date) -> tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]:
    """The last 3 due months (ending with `jatuh_tempo`), and the 3 before those (`mart_perhatian_desa`)."""
    return ((tambah_bulan(jatuh_tempo, -2), jatuh_tempo),
            (tambah_bulan(jatuh_tempo, -5), tambah_bulan(jatuh_tempo, -3)))


def tabel_pelaporan_turun(df: pd.DataFrame, jatuh_tempo: dt.date, bahasa: Bahasa) -> Tabel:
    """Desa whose reporting completeness fell (`data.pelaporan_turun`), largest fall first."""
    b = bahasa
    (akhir_dari, akhir_sampai), (awal_dari, awal_sampai) = jendela_lapor(jatuh_tempo)
    sebelum = fmt.rentang_bulan(awal_dari, awal_sampai, b)
    sesudah = fmt.rentang_bulan(akhir_dari, akhir_sampai, b)
    isi = {
        t("pr_kol_desa", b): list(df["nama_desa"]),
        t("pr_kol_puskesos", b): [label_status_puskesos(s, b) for s in df["status_puskesos"]],
        t("pr_kol_lapor_periode", b, periode=sebelum): [
            x_dari_y(int(x), int(y), b) for x, y in zip(df["diterima_3_sebelumnya"], df["diharapkan_3_sebelumnya"],
                                                        strict=True)],
        t("pr_kol_lapor_periode", b, periode=sesudah): [
            x_dari_y(int(x), int(y), b) for x, y in zip(df["diterima_3"], df["diharapkan_3"], strict=True)],
    }
    return Tabel(t("rapat_turun_judul", b), pd.DataFrame(isi), catatan=t("rapat_turun_catatan", b),
                 kosong=t("rapat_turun_kosong", b), lebar=[2, 1.3, 1.8, 1.8], nama_lembar=t("pr_lembar_turun", b))


# 5/ drawing a Tabel on screen
def tabel_layar(tabel: Tabel) -> pd.DataFrame:
    """The table as the screen holds it: whole percentages as integers (so the column still sorts as numbers)."""
    layar = tabel.data.copy()
    for kolom, jenis in tabel.jenis.items():
        if jenis == "persen" and kolom in layar.columns:
            layar[kolom] = pd.array([None if pd.isna(x) else round(float(x) * 100) for x in layar[kolom]],
                                    dtype="Int64")
    return layar


def konfigurasi_kolom(tabel: Tabel, bantuan: Mapping[str, str] | None = None) -> dict[str, Any]:
    """`st.column_config` for a Tabel: counts and percentages right-aligned, dates in Indonesian (`D MMM YYYY`
    is not localised by the grid, so dates are written as text)."""
    konfigurasi: dict[str, Any] = {}
    for kolom in tabel.data.columns:
        jenis = tabel.jenis.get(str(kolom), "teks")
        bantu = (bantuan or {}).get(str(kolom))
        if jenis == "persen":
            konfigurasi[str(kolom)] = st.column_config.NumberColumn(str(kolom), format="%d %%", help=bantu,
                                                                    width="small")
        elif jenis == "angka":
            konfigurasi[str(kolom)] = st.column_config.NumberColumn(str(kolom), format="%d", help=bantu,
                                                                    width="small")
        elif bantu:
            konfigurasi[str(kolom)] = st.column_config.TextColumn(str(kolom), help=bantu)
    return konfigurasi


def tampilkan_tabel(tabel: Tabel, bahasa: Bahasa, *, kunci: str, judul: bool = True,
                    tambahan: pd.DataFrame | None = None, konfigurasi_tambahan: Mapping[str, Any] | None = None,
                    urutan: list[str] | None = None, bantuan: Mapping[str, str] | None = None,
                    lebar: Mapping[str, Any] | None = None) -> None:
    """Draw a Tabel: its title, the sortable grid (dates as Indonesian text), its note, or its empty sentence.
    `tambahan` adds screen-only columns (sparklines) with their `konfigurasi_tambahan`; `lebar` sets column
    widths (pixels, or small/medium/large)."""
    if judul:
        st.markdown(f"**{tabel.judul}**")
    if tabel.data.empty:
        st.caption(tabel.kosong)
        return
    layar = tabel_layar(tabel)
    for kolom, jenis in tabel.jenis.items():
        if jenis in ("tanggal", "bulan") and kolom in layar.columns:
            tulis = fmt.tanggal if jenis == "tanggal" else fmt.bulan
            layar[kolom] = [tulis(x, bahasa) if isinstance(x, dt.date) else fmt.KOSONG if kosong(x) else str(x)
                            for x in layar[kolom]]
    mode = mode_tampilan()
    if mode == "ponsel":  # a grid wider than the phone hides the reason off-screen: one wrapped card per row instead
        _kartu(layar, tabel, bahasa)
        return
    if mode == "presentasi":  # the grid's small font cannot be enlarged: a plain table, read from the back
        st.table(tabel_teks(layar, tabel).set_index(layar.columns[0]))
        if tabel.catatan:
            st.caption(tabel.catatan)
        return
    konfigurasi = konfigurasi_kolom(tabel, bantuan)
    for kolom, ukuran in (lebar or {}).items():
        konfigurasi[kolom] = st.column_config.Column(kolom, width=ukuran)
    if tambahan is not None:
        for kolom in tambahan.columns:
            layar[kolom] = list(tambahan[kolom])
        konfigurasi |= dict(konfigurasi_tambahan or {})
    tinggi = min(38 + 35 * len(layar), 38 + 35 * 12)
    st.dataframe(layar, hide_index=True, column_config=konfigurasi, column_order=urutan, key=kunci,
                 height=tinggi, placeholder=fmt.KOSONG)
    if tabel.catatan:
        st.caption(tabel.catatan)


def tabel_teks(layar: pd.DataFrame, tabel: Tabel) -> pd.DataFrame:
    """The table as text, for a plain table (the projector's): percentages with their sign (`67 %`), counts as
    whole numbers, an empty cell as the dash the grid shows."""
    teks = layar.astype(object).copy()
    for kolom in teks.columns:
        jenis = tabel.jenis.get(str(kolom), "teks")
        teks[kolom] = [fmt.KOSONG if kosong(x) else f"{x} %" if jenis == "persen" else str(x) for x in teks[kolom]]
    return teks


def _kartu(layar: pd.DataFrame, tabel: Tabel, bahasa: Bahasa) -> None:
    """A table on a phone: one block per row, the row's name in bold (its rank before it), the reason (the column
    that says why the row is listed) on the next line, wrapped, then the other columns as `column: value`."""
    no, alasan = t("pr_kol_no", bahasa), t("pr_kol_alasan", bahasa)
    kolom = [k for k in layar.columns if k not in (no, alasan)]
    if not kolom:
        return
    nama, lain = kolom[0], kolom[1:]
    blok = []
    for r in layar.to_dict("records"):
        kepala = f"**{str(r[no]) + '. ' if no in r else ''}{teks_polos(r[nama])}**"
        isi = [teks_polos(r[alasan])] if alasan in r else []
        isi += [f"{teks_polos(k)}: {teks_polos(fmt.KOSONG if kosong(r[k]) else r[k])}" for k in lain]
        blok.append(kepala + "  \n" + "  \n".join(isi))
    with st.container(border=True, gap="small"):
        st.markdown("\n\n---\n\n".join(blok))
    if tabel.catatan:
        st.caption(tabel.catatan)


def garis_desa(df: pd.DataFrame, bahasa: Bahasa) -> tuple[pd.DataFrame, dict[str, Any], list[str]]:
    """The sparkline columns of the desa table (monthly cases, completion, overdue by start month, reporting),
    their column settings, and the column order that puts each beside its number."""
    b = bahasa

    def daftar(nilai: object, skala: float = 1) -> list[float]:
        """A DuckDB list as floats; months without a value (immature, no referral) are left out, because the
        grid's sparklines cannot draw gaps."""
        if nilai is None or (isinstance(nilai, float) and pd.isna(nilai)):
            return []
        # DuckDB lists with nulls arrive as numpy masked arrays; tolist() turns the masked cells into None
        isi = nilai.tolist() if hasattr(nilai, "tolist") else list(nilai)  # type: ignore[call-overload]
        return [float(x) * skala for x in isi if x is not None and not pd.isna(x)]

    garis = pd.DataFrame({
        t("pr_kol_tren_kasus", b): [daftar(x) for x in df["kasus_bulanan"]],
        t("pr_kol_tren_selesai", b): [daftar(x, 100) for x in df["selesai_90_bulanan"]],
        t("pr_kol_tren_tunggakan", b): [daftar(x) for x in df["terlambat_bulanan"]],
        t("pr_kol_tren_lapor", b): [daftar(x) for x in df["lapor_bulanan"]],
    })
    cc = st.column_config
    konfigurasi: dict[str, Any] = {
        t("pr_kol_tren_kasus", b): cc.BarChartColumn(t("pr_kol_tren_kasus", b), y_min=0, width="small",
                                                  help=t("pr_bantu_tren_kasus", b)),
        t("pr_kol_tren_selesai", b): cc.LineChartColumn(t("pr_kol_tren_selesai", b), y_min=0, y_max=100, width="small",
                                                     help=t("pr_bantu_tren_selesai", b)),
        t("pr_kol_tren_tunggakan", b): cc.BarChartColumn(t("pr_kol_tren_tunggakan", b), y_min=0, width="small",
                                                      help=t("pr_bantu_tren_tunggakan", b)),
        t("pr_kol_tren_lapor", b): cc.BarChartColumn(t("pr_kol_tren_lapor", b), y_min=0, y_max=1, width="small",
                                                  help=t("pr_bantu_tren_lapor", b)),
    }
    urutan = [t(f"pr_kol_{k}", b) for k in ("desa", "puskesos", "kasus_baru", "tren_kasus", "selesai_90",
                                            "tren_selesai", "tunggakan", "tren_tunggakan", "tanpa_respon",
                                            "kelengkapan", "tren_lapor")]
    return garis, konfigurasi, urutan


def bantuan_desa(bahasa: Bahasa) -> dict[str, str]:
    """The definitions (quoting metrics.md) shown as help on the desa table's headers."""
    b = bahasa
    return {
        t("pr_kol_kasus_baru", b): t("pr_bantu_kasus_baru", b),
        t("pr_kol_selesai_90", b): t("pr_bantu_selesai_90", b),
        t("pr_kol_tunggakan", b): t("pr_bantu_tunggakan", b),
        t("pr_kol_tanpa_respon", b): t("pr_bantu_tanpa_respon", b),
        t("pr_kol_kelengkapan", b): t("pr_bantu_kelengkapan", b),
        t("pr_kol_puskesos", b): t("pr_bantu_puskesos", b),
    }


# 6/ "Perlu perhatian" on Ringkasan
def perlu_perhatian(desa: pd.DataFrame, tujuan: pd.DataFrame, lingkup: str, dengan_kecamatan: bool,
                    tanggal_data: dt.date, bahasa: Bahasa, definisi: bool = True) -> tuple[Tabel, Tabel]:
    """Render the two "Perlu perhatian" lists side by side (desa wider) and return them for the briefing pack."""
    b = bahasa
    tabel_d = tabel_perhatian_desa(desa, dengan_kecamatan, b)
    tabel_t = tabel_perhatian_tujuan(tujuan, b)
    with st.container(horizontal=True, vertical_alignment="center", gap="small"):
        st.markdown(f"##### {t('perhatian_judul', b)} · {lingkup}", width="content")
        if definisi:
            with st.popover(t("definisi", b), icon=":material/info:", type="tertiary"):
                st.markdown(t("pr_def_perlu_perhatian", b))
    st.caption(t("perhatian_per", b, tanggal=fmt.tanggal(tanggal_data, b)))
    # one above the other: the reasons are sentences, and a grid cell does not wrap
    tampilkan_tabel(tabel_d, b, kunci="perhatian_desa", lebar={t("pr_kol_no", b): 44, t("pr_kol_alasan", b): "large"})
    tampilkan_tabel(tabel_t, b, kunci="perhatian_tujuan", lebar={t("pr_kol_no", b): 44, t("pr_kol_alasan", b): "large"})
    return tabel_d, tabel_t
