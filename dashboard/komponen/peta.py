"""The Peta page's drawing: the metric list, classes, colours, hover text, the choropleth or the tile map, the legend.

A desa's colour says one of three things, and the legend names each: its class of the
chosen metric; **diam** (silent at the end of the period: expected to report in the last
3 months of it and sent nothing, as `metrics.md` defines diam at the cut-off; silence is
not zero, `screens.md`); or **tidak ada data** (never reported up to the period's end, or
the metric is undefined: no mature referral, population unknown). Classes are quantiles
(equal numbers of desa, ties kept together, labelled by the smallest and largest value
really in them) or fixed breaks per metric; for counts, 0 is a class of its own. They
are computed over the whole regency, so a colour means the same when zoomed to one
kecamatan.

Fixed breaks never share a boundary: a value is put in its class as it is shown (rates to 0,1 %, per-1.000
figures to 0,01), and each class is labelled by the first and last shown value in it: rates `< 20 %`,
`20–39,9 %`, `40–59,9 %`, `60–79,9 %`, `≥ 80 %`. Program coverage always uses these fixed breaks (`KELAS_CAKUPAN`,
the same for every program, desa and period): its spread between desa is often a few points, which quantiles
would stretch over five colours, and a coverage has nothing to do with Puskesos reports, so its legend has no
"diam" entry, only "tidak ada data" (no DTKS household, or fewer than 10 eligible: a count, not a rate).
Sequential colours are ColorBrewer YlGnBu (colour-blind safe, darker = more);
"diam" is Okabe-Ito vermillion and "tidak ada data" grey, both outside the ramp.

Without imported boundaries a tile map stands in: one equal square per desa, grouped in
blocks per kecamatan. Neither map fetches anything from the network (no tiles, no
topojson; see `gambar_choropleth`). The functions up to the figures are pure, for tests.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from dashboard.komponen.gaya import ABU_TUA
from dashboard.komponen.grafik import bekukan
from dashboard.periode import tambah_bulan
from pipelines.enums import label

JenisMetrik = Literal["jumlah", "rasio", "per_1000", "status"]


@dataclass(frozen=True)
class MetrikPeta:
    """One metric the map can show: its column in `data.peta_desa` and its fixed class breaks."""

    kode: str
    jenis: JenisMetrik
    tetap: tuple[float, ...] = ()
    """Lower bounds of the fixed classes after the first (the first starts at 0)."""

    @property
    def judul_kunci(self) -> str:
        return f"peta_m_{self.kode}"

    @property
    def definisi_kunci(self) -> str:
        return f"def_peta_{self.kode}"

    @property
    def program(self) -> bool:
        """A program coverage (fixed classes only, no "diam")."""
        return self.kode.startswith("cakupan_")

    def metode(self, diminta: str | None) -> str:
        """The class method drawn for a requested one: coverage always `tetap`, a status none (`status`)."""
        if self.jenis == "status":
            return "status"
        return "tetap" if self.program or diminta == "tetap" else "kuantil"


KELAS_CAKUPAN: tuple[float, ...] = (0.2, 0.4, 0.6, 0.8)
"""Program coverage classes (lower bounds after the first): < 20 %, 20–39,9 %, 40–59,9 %, 60–79,9 %, ≥ 80 %."""

METRIK_PETA: tuple[MetrikPeta, ...] = (
    MetrikPeta("kasus_baru", "jumlah", (1, 5, 10, 25, 50)),
    MetrikPeta("kasus_per_1000", "per_1000", (0.5, 1, 2, 5)),
    MetrikPeta("selesai_90", "rasio", (0.2, 0.4, 0.6, 0.8)),
    MetrikPeta("tunggakan", "jumlah", (1, 2, 5, 10)),
    MetrikPeta("tanpa_respon", "jumlah", (1, 2, 5, 10)),
    MetrikPeta("kelengkapan", "rasio", (0.2, 0.4, 0.6, 0.8)),
    MetrikPeta("status_puskesos", "status"),
    MetrikPeta("cakupan_pbi_jk", "rasio", KELAS_CAKUPAN),
    MetrikPeta("cakupan_pkh", "rasio", KELAS_CAKUPAN),
    MetrikPeta("cakupan_sembako", "rasio", KELAS_CAKUPAN),
)
PROGRAM_PETA: tuple[str, ...] = ("pbi_jk", "pkh", "sembako")
"""Programs whose coverage the map offers (`mart_program_wilayah`, metrics.md section 4)."""
METRIK_PER_KODE: dict[str, MetrikPeta] = {m.kode: m for m in METRIK_PETA}
METODE_KELAS: tuple[str, ...] = ("kuantil", "tetap")
JUMLAH_KELAS = 5

# ColorBrewer YlGnBu, the n-class schemes (light to dark)
YLGNBU: dict[int, tuple[str, ...]] = {
    1: ("#41b6c4",),
    2: ("#a1dab4", "#225ea8"),
    3: ("#edf8b1", "#7fcdbb", "#2c7fb8"),
    4: ("#ffffcc", "#a1dab4", "#41b6c4", "#225ea8"),
    5: ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"),
    6: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#2c7fb8", "#253494"),
    7: ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#0c2c84"),
}
WARNA_DIAM = "#D55E00"
"""Okabe-Ito vermillion: a silent Puskesos, on every metric (never the colour of zero or of nihil)."""
WARNA_TANPA_DATA = "#BDBDBD"
WARNA_STATUS: dict[str, str] = {
    "aktif": "#0072B2",
    "tersendat": "#E69F00",
    "diam": WARNA_DIAM,
    "belum_dibentuk": WARNA_TANPA_DATA,
}
KELAS_DIAM = "diam"
KELAS_TANPA_DATA = "tanpa_data"


@dataclass(frozen=True)
class Kelas:
    """One legend entry: its key (class number as text, `diam`, `tanpa_data` or a Puskesos status), label, colour."""

    kunci: str
    label: str
    warna: str


@dataclass
class PetaSiap:
    """Everything the map and its legend draw: one row per desa (`kode_desa`, `nama_desa`, `kode_kec`,
    `nama_kec`, `kelas` = a `Kelas.kunci`, `warna`, `hover`) and the legend's classes in order."""

    desa: pd.DataFrame
    kelas: list[Kelas]


# 1/ metrics offered
def metrik_tersedia(desa: pd.DataFrame) -> list[MetrikPeta]:
    """The metrics that can be drawn: kasus per 1.000 only where some desa's population is known."""
    ada_penduduk = bool(desa["jumlah_penduduk"].notna().any()) if len(desa) else False
    ada_program = {m.kode for m in METRIK_PETA if m.kode.startswith("cakupan_") and m.kode in desa.columns
                   and bool(desa[f"layak_{m.kode[len('cakupan_'):]}"].notna().any())}
    return [m for m in METRIK_PETA if (m.kode != "kasus_per_1000" or ada_penduduk)
            and (not m.kode.startswith("cakupan_") or m.kode in ada_program)]


# 2/ classes
def _teks_nilai(metrik: MetrikPeta, x: float, bahasa: Bahasa) -> str:
    if metrik.jenis == "rasio":
        return fmt.persen(x, bahasa)
    if metrik.jenis == "per_1000":
        return fmt.angka(x, bahasa, 2)
    return fmt.angka(x, bahasa)


def _label_rentang(metrik: MetrikPeta, bawah: float, atas: float, bahasa: Bahasa) -> str:
    if bawah == atas:
        return _teks_nilai(metrik, bawah, bahasa)
    if metrik.jenis == "rasio":  # "20–40 %" rather than "20,0 % – 40,0 %"
        akhir = "%" if bahasa == "en" else " %"
        return f"{fmt.angka(bawah * 100, bahasa, 1 if (bawah * 100) % 1 else 0)}–" \
               f"{fmt.angka(atas * 100, bahasa, 1 if (atas * 100) % 1 else 0)}{akhir}"
    return f"{_teks_nilai(metrik, bawah, bahasa)}–{_teks_nilai(metrik, atas, bahasa)}"


def kelas_kuantil(nilai: pd.Series, metrik: MetrikPeta, bahasa: Bahasa) -> tuple[pd.Series, list[str]]:
    """Quantile classes: equal numbers of desa by rank (ties in one class), at most `JUMLAH_KELAS`.

    For counts 0 is a class of its own and the positive values share the rest. Returns the class
    number of each value (NaN stays NaN) and the labels (smallest–largest value in the class).
    """
    hasil = pd.Series(np.nan, index=nilai.index)
    ada = nilai.dropna()
    label_kelas: list[str] = []
    awal = 0
    if metrik.jenis == "jumlah" and (ada == 0).any():
        hasil[ada.index[ada == 0]] = 0
        label_kelas.append(_teks_nilai(metrik, 0, bahasa))
        ada = ada[ada > 0]
        awal = 1
    if len(ada):
        k = JUMLAH_KELAS - awal
        urutan = ada.rank(method="min")
        nomor = np.floor((urutan - 1) * k / len(ada)).astype(int)
        for i, n in enumerate(sorted(nomor.unique())):  # renumber: empty classes are dropped
            anggota = ada[nomor == n]
            hasil[anggota.index] = awal + i
            label_kelas.append(_label_rentang(metrik, float(anggota.min()), float(anggota.max()), bahasa))
    return hasil, label_kelas


DESIMAL_TAMPIL: dict[str, int] = {"rasio": 3, "per_1000": 2, "jumlah": 0}
"""Decimals a value is shown with (a rate as a fraction: 3 = 0,1 %); fixed classes are chosen on the shown value."""


def _satu_langkah(metrik: MetrikPeta) -> float:
    return 10.0 ** -DESIMAL_TAMPIL.get(metrik.jenis, 0)


def kelas_tetap(nilai: pd.Series, metrik: MetrikPeta, bahasa: Bahasa) -> tuple[pd.Series, list[str]]:
    """Fixed breaks of the metric (`MetrikPeta.tetap`), which never share a boundary: counts `0`, `1–4`, ...,
    `≥ 50`; rates `< 20 %`, `20–39,9 %`, ..., `≥ 80 %`; per 1.000 `< 0,50`, `0,50–0,99`, ..., `≥ 5,00`.

    A value goes in the class of its shown value (rounded to `DESIMAL_TAMPIL`), so that 19,96 % (shown "20,0 %")
    is in `20–39,9 %`. Returns the class number of each value (NaN stays NaN) and the labels.
    """
    batas = metrik.tetap
    tampil = nilai.round(DESIMAL_TAMPIL.get(metrik.jenis, 0)) if metrik.jenis != "jumlah" else nilai
    # a small tolerance: 0.2 as a float is a hair under or over 0.2
    nomor = pd.Series(np.searchsorted(np.asarray(batas, dtype=float) - 1e-9, tampil.fillna(0).to_numpy(),
                                      side="right"), index=nilai.index).astype(float)
    nomor[nilai.isna()] = np.nan
    langkah = _satu_langkah(metrik)
    label_kelas: list[str] = []
    tepi = (0.0, *batas)
    for i, bawah in enumerate(tepi):
        terakhir = i == len(tepi) - 1
        if terakhir:
            label_kelas.append(f"≥ {_teks_rentang_ujung(metrik, bawah, bahasa)}")
        elif metrik.jenis == "jumlah":
            label_kelas.append(_label_rentang(metrik, bawah, batas[i] - 1, bahasa))
        elif i == 0:
            label_kelas.append(f"< {_teks_rentang_ujung(metrik, batas[0], bahasa)}")
        else:
            label_kelas.append(_label_tetap(metrik, bawah, batas[i] - langkah, bahasa))
    return nomor, label_kelas


def _teks_rentang_ujung(metrik: MetrikPeta, x: float, bahasa: Bahasa) -> str:
    """`20 %` (a round rate without decimals), `0,50`, `50`."""
    if metrik.jenis == "rasio":
        return f"{fmt.angka(x * 100, bahasa, 1 if round(x * 1000) % 10 else 0)}{'%' if bahasa == 'en' else ' %'}"
    return _teks_nilai(metrik, x, bahasa)


def _label_tetap(metrik: MetrikPeta, bawah: float, atas: float, bahasa: Bahasa) -> str:
    """`20–39,9 %` or `0,50–0,99`: first and last shown value of a fixed class."""
    if metrik.jenis == "rasio":
        akhir = "%" if bahasa == "en" else " %"
        return (f"{fmt.angka(bawah * 100, bahasa, 1 if round(bawah * 1000) % 10 else 0)}–"
                f"{fmt.angka(atas * 100, bahasa, 1)}{akhir}")
    return f"{_teks_nilai(metrik, bawah, bahasa)}–{_teks_nilai(metrik, atas, bahasa)}"


# 3/ hover text
def _hover_nilai(r: Mapping[str, Any], metrik: MetrikPeta, tanggal_data: dt.date, bahasa: Bahasa) -> str:
    """The metric's line in the hover box, with the counts it comes from."""
    kode = metrik.kode
    if kode == "kasus_baru":
        return t("peta_h_kasus_baru", bahasa, nilai=fmt.angka(r["kasus_baru"], bahasa),
                 bulan=fmt.angka(r["bulan_periode"], bahasa))
    if kode == "kasus_per_1000":
        if pd.isna(r["jumlah_penduduk"]):
            return t("peta_h_penduduk_kosong", bahasa, kasus=fmt.angka(r["kasus_baru"], bahasa))
        return t("peta_h_kasus_per_1000", bahasa, nilai=fmt.angka(r["kasus_per_1000"], bahasa, 2),
                 kasus=fmt.angka(r["kasus_baru"], bahasa), penduduk=fmt.angka(r["jumlah_penduduk"], bahasa),
                 tahun=int(r["tahun_penduduk"]))
    if kode == "selesai_90":
        if int(r["bulan_matang_90"]) == 0:
            return t("peta_h_belum_matang", bahasa)
        if int(r["dikirim_matang_90"]) == 0:
            return t("peta_h_selesai_90_kosong", bahasa)
        return t("peta_h_selesai_90", bahasa, nilai=fmt.persen(r["selesai_90"], bahasa),
                 selesai=fmt.angka(r["selesai_90_matang"], bahasa), dikirim=fmt.angka(r["dikirim_matang_90"], bahasa),
                 periode=fmt.rentang_bulan(_tgl(r["matang_dari"]), _tgl(r["matang_sampai"]), bahasa))
    if kode == "tunggakan":
        return t("peta_h_tunggakan", bahasa, nilai=fmt.angka(r["tunggakan"], bahasa),
                 tanggal=fmt.tanggal(tanggal_data, bahasa))
    if kode == "tanpa_respon":
        return t("peta_h_tanpa_respon", bahasa, nilai=fmt.angka(r["tanpa_respon"], bahasa),
                 tanggal=fmt.tanggal(tanggal_data, bahasa))
    if kode.startswith("cakupan_"):
        program = kode[len("cakupan_"):]
        layak, tercakup = r[f"layak_{program}"], r[f"tercakup_{program}"]
        if pd.isna(layak):
            return t("peta_h_cakupan_kosong", bahasa)
        if pd.isna(r[kode]):  # fewer than 10 eligible households: a count, not a rate (metrics.md section 4)
            return t("peta_h_cakupan_sedikit", bahasa, tercakup=fmt.angka(tercakup, bahasa),
                     layak=fmt.angka(layak, bahasa))
        return t("peta_h_cakupan", bahasa, nilai=fmt.persen(r[kode], bahasa), tercakup=fmt.angka(tercakup, bahasa),
                 layak=fmt.angka(layak, bahasa))
    if kode == "kelengkapan":
        if int(r["bulan_diharapkan"]) == 0:
            return t("peta_h_kelengkapan_kosong", bahasa)
        return t("peta_h_kelengkapan", bahasa, nilai=fmt.persen(r["kelengkapan"], bahasa),
                 melapor=fmt.angka(r["bulan_melapor"], bahasa), diharapkan=fmt.angka(r["bulan_diharapkan"], bahasa))
    return ""


def _tgl(x: object) -> dt.date:
    if isinstance(x, pd.Timestamp):
        return x.date()
    if isinstance(x, dt.datetime):
        return x.date()
    assert isinstance(x, dt.date)
    return x


def teks_hover(r: Mapping[str, Any], metrik: MetrikPeta, keadaan: str, sampai: dt.date, tanggal_data: dt.date,
               bahasa: Bahasa) -> str:
    """The hover box of one desa: names, the metric with its counts, its state (diam / no data), Puskesos status."""
    baris = [f"<b>{r['nama_desa']}</b> · {t('peta_h_kec', bahasa, kec=r['nama_kec'])}"]
    if metrik.jenis != "status":
        baris.append(_hover_nilai(r, metrik, tanggal_data, bahasa))
    if keadaan == KELAS_DIAM:
        baris.append(t("peta_h_diam", bahasa, rentang=fmt.rentang_bulan(tambah_bulan(sampai, -2), sampai, bahasa)))
    elif keadaan == KELAS_TANPA_DATA and int(r["bulan_melapor_sampai"]) == 0:
        baris.append(t("peta_h_belum_melapor", bahasa, bulan=fmt.bulan(sampai, bahasa)))
    status = r["status_puskesos"] if isinstance(r["status_puskesos"], str) else "belum_dibentuk"
    baris.append(t("peta_h_puskesos", bahasa, status=label("status_puskesos_pantau", status, bahasa),
                   tanggal=fmt.tanggal(tanggal_data, bahasa)))
    return "<br>".join(b for b in baris if b)


# 4/ classes, colours and hover for every desa
def siapkan_peta(desa: pd.DataFrame, metrik: MetrikPeta, metode: str, sampai: dt.date, tanggal_data: dt.date,
                 bahasa: Bahasa) -> PetaSiap:
    """Class, colour and hover text of every desa of the regency (`data.peta_desa`), and the legend's classes."""
    df = desa.copy()
    if metrik.jenis == "status":
        status = df["status_puskesos"].where(df["status_puskesos"].isin(list(WARNA_STATUS)), "belum_dibentuk")
        df["kelas"] = status
        df["warna"] = status.map(WARNA_STATUS)
        kelas = [Kelas(s, label("status_puskesos_pantau", s, bahasa), w) for s, w in WARNA_STATUS.items()]
        keadaan = pd.Series("nilai", index=df.index)
    else:
        if metrik.program:  # program coverage does not depend on Puskesos reports
            diam = pd.Series(False, index=df.index)
            tanpa = df[metrik.kode].isna()
        else:
            diam = df["diam_periode"].astype(bool)
            tanpa = ~diam & ((df["bulan_melapor_sampai"] == 0) | df[metrik.kode].isna())
        nilai = df[metrik.kode].astype("float64").where(~diam & ~tanpa)
        metode = metrik.metode(metode)
        nomor, label_kelas = (kelas_kuantil if metode == "kuantil" else kelas_tetap)(nilai, metrik, bahasa)
        warna = YLGNBU[max(1, min(len(label_kelas), 7))]
        kelas = [Kelas(str(i), lbl, warna[i]) for i, lbl in enumerate(label_kelas)]
        if metrik.program:  # a coverage is never "diam": that is a Puskesos state
            kelas.append(Kelas(KELAS_TANPA_DATA, t("peta_tanpa_data_program", bahasa), WARNA_TANPA_DATA))
        else:
            kelas += [Kelas(KELAS_DIAM, t("peta_diam", bahasa), WARNA_DIAM),
                      Kelas(KELAS_TANPA_DATA, t("peta_tanpa_data", bahasa), WARNA_TANPA_DATA)]
        df["kelas"] = nomor.map(lambda x: str(int(x)) if not pd.isna(x) else KELAS_TANPA_DATA)
        df.loc[diam, "kelas"] = KELAS_DIAM
        warna_per_kelas = {k.kunci: k.warna for k in kelas}
        df["warna"] = df["kelas"].map(warna_per_kelas)
        keadaan = df["kelas"].where(df["kelas"].isin([KELAS_DIAM, KELAS_TANPA_DATA]), "nilai")
    df["hover"] = [teks_hover(r, metrik, k, sampai, tanggal_data, bahasa)
                   for r, k in zip(df.to_dict(orient="records"), keadaan, strict=True)]
    return PetaSiap(df, kelas)


def saring_kecamatan(siap: PetaSiap, kode_kec: str | None) -> pd.DataFrame:
    """The desa shown: all of the regency, or those of the chosen kecamatan (the map then zooms to them)."""
    return siap.desa if not kode_kec else siap.desa[siap.desa["kode_kec"] == kode_kec]


def hitung_legenda(siap: PetaSiap, tampil: pd.DataFrame) -> list[tuple[Kelas, int]]:
    """Every legend entry (an empty class too: the scale stays readable) with the number of shown desa in it."""
    jumlah = tampil["kelas"].value_counts()
    return [(k, int(jumlah.get(k.kunci, 0))) for k in siap.kelas]


# 5/ the figures
def _skala_diskret(warna: Sequence[str]) -> list[list[float | str]]:
    """A stepped colour scale for z = 0..n-1 (zmin -0.5, zmax n-0.5): each integer gets exactly its colour."""
    n = len(warna)
    skala: list[list[float | str]] = []
    for i, w in enumerate(warna):
        skala += [[i / n, w], [(i + 1) / n, w]]
    return skala


def _garis_cincin(geometri: Mapping[str, Any]) -> tuple[list[float | None], list[float | None]]:
    poligon = geometri["coordinates"] if geometri["type"] == "MultiPolygon" else [geometri["coordinates"]]
    x: list[float | None] = []
    y: list[float | None] = []
    for p in poligon:
        x += [titik[0] for titik in p[0]] + [None]
        y += [titik[1] for titik in p[0]] + [None]
    return x, y


LEBAR_PETA_PRESENTASI = 1300
"""The projector map's width in px on a 1920x1080 screen (the page's left column, 2.6 of 3.6, less the margins:
measured 1303 px by `tests/browser/test_tampilan_browser.py`); the names are chosen for it."""
LEBAR_HURUF = 0.6
"""Width of an average letter of the map's font (plotly's Open Sans / the browser's sans-serif) in em: a name of
n letters at size s is at most about 0.6 * s * n px wide (measured on Jombang's names in Chromium: 0.37-0.55)."""
TINGGI_BARIS = 1.35
"""Height of a written name's box in em (Chromium's box of an SVG text: 1.31-1.36 em)."""
PADDING_FIT = 0.05
"""plotly's `fitbounds` pads the data's range by this share of its span on each side (measured: the names sit at
0.905 of the unpadded scale, 1 / 1.1 = 0.909)."""
LEBAR_HURUF_KAPITAL_TEBAL = 0.74
"""The same for a bold name in capitals (the kecamatan names; measured 0.62-0.65)."""
UKURAN_DESA: tuple[int, ...] = (14, 13, 12)
"""Sizes tried for a desa name on the whole-regency map, largest first; none under 12 px (readable on a projector
at 1920x1080). A name that fits at none of them inside its own polygon is not written (the hover has it)."""
UKURAN_DESA_KECAMATAN: tuple[int, ...] = (16, 15, 14, 13, 12)
"""Sizes tried for a desa name when the map shows one kecamatan: every name is written, at least 12 px."""
BAGIAN_DI_DALAM = 0.75
"""The share of a desa name's box that must lie inside its polygon (`_muat`)."""
UKURAN_KECAMATAN = 16
"""The kecamatan names (bold, capitals) on the whole-regency map."""


@dataclass(frozen=True)
class LabelPeta:
    """One name written on the choropleth: text, where (lon/lat of its centre), size in px, bold or not, colour."""

    teks: str
    lon: float
    lat: float
    ukuran: int
    tebal: bool
    warna: str


def _kotak_teks(x: float, y: float, lebar: float, tinggi: float) -> Any:
    from shapely.geometry import box

    return box(x - lebar / 2, y - tinggi / 2, x + lebar / 2, y + tinggi / 2)


def _muat(poligon: Any, kotak: Any) -> bool:
    """A name fits its desa when its box is no wider and no higher than the desa's box (its projected bbox) and
    at least `BAGIAN_DI_DALAM` of it lies inside the polygon (an L-shaped desa cannot take a name across its gap)."""
    px0, py0, px1, py1 = poligon.bounds
    kx0, ky0, kx1, ky1 = kotak.bounds
    return (kx1 - kx0 <= px1 - px0 and ky1 - ky0 <= py1 - py0
            and poligon.intersection(kotak).area >= BAGIAN_DI_DALAM * kotak.area)


def _tempat_kecamatan(teks: str, gabung: Any, terpasang: list[Any], polylabel: Any) -> tuple[float, float, int]:
    """Where a kecamatan name goes (pixels) and its size: at the pole of inaccessibility of the kecamatan's largest
    part, else moved by up to two lines or half its width (the point staying inside the kecamatan), else smaller
    (down to 12 px), so that it touches no name already placed; if nothing works, at the pole at full size."""
    from shapely.geometry import Point

    bagian_besar = max(getattr(gabung, "geoms", [gabung]), key=lambda g: g.area)
    kutub = polylabel(bagian_besar, tolerance=1.0)
    for ukuran in (UKURAN_KECAMATAN, 14, 13, 12):
        lebar, tinggi = LEBAR_HURUF_KAPITAL_TEBAL * ukuran * len(teks), ukuran * TINGGI_BARIS
        geser = sorted(((dx * lebar / 2, dy * tinggi) for dx in (0, -1, 1) for dy in (0, -1, 1, -2, 2)),
                       key=lambda g: math.hypot(*g))
        for dx, dy in geser:
            x, y = kutub.x + dx, kutub.y + dy
            kotak = _kotak_teks(x, y, lebar, tinggi)
            if gabung.contains(Point(x, y)) and not any(kotak.intersects(k) for k in terpasang):
                return x, y, ukuran
    return kutub.x, kutub.y, UKURAN_KECAMATAN


def pilih_label(tampil: pd.DataFrame, geojson: Mapping[str, Any], kode_kec: str | None, lebar_px: float,
                tinggi_px: float) -> list[LabelPeta]:
    """The names the projector's choropleth writes, chosen so that none overlaps another (`screens.md`, Look).

    The shown desa are projected as plotly draws them (mercator, `fitbounds="locations"`: the bounds of the shown
    polygons scaled to fit `lebar_px` x `tinggi_px`, centred). Whole regency (`kode_kec` None): every kecamatan name
    in bold capitals (`UKURAN_KECAMATAN`; `_tempat_kecamatan` moves it or makes it smaller where two would touch),
    then, largest desa first, a desa name at the largest of `UKURAN_DESA` that fits its desa (`_muat`) and
    touches no name already placed; the others are left out (the hover has them). One kecamatan: every desa name,
    at the largest of `UKURAN_DESA_KECAMATAN` that fits and touches no other, else 12 px. Desa without a polygon are
    left out. A name is written at the pole of inaccessibility of its polygon (the point farthest from its edges)."""
    import shapely
    from shapely.geometry import shape
    from shapely.ops import polylabel, unary_union

    ada = set(tampil["kode_desa"])
    bentuk_geo = {f["id"]: shape(f["geometry"]) for f in geojson.get("features", []) if f.get("id") in ada}
    if not bentuk_geo:
        return []
    def mercator(xy: Any) -> Any:  # plotly's projection up to a scale factor (radians, y northward)
        return np.column_stack([np.radians(xy[:, 0]), np.log(np.tan(np.pi / 4 + np.radians(xy[:, 1]) / 2))])

    proyeksi = {k: shapely.transform(g, mercator) for k, g in bentuk_geo.items()}
    x0, y0, x1, y1 = unary_union(list(proyeksi.values())).bounds
    # plotly pads the fitted ranges by 5 % of their span on each side (its autorange padding)
    x0, x1 = x0 - PADDING_FIT * (x1 - x0), x1 + PADDING_FIT * (x1 - x0)
    y0, y1 = y0 - PADDING_FIT * (y1 - y0), y1 + PADDING_FIT * (y1 - y0)
    skala = min(lebar_px / max(x1 - x0, 1e-12), tinggi_px / max(y1 - y0, 1e-12))
    geser_x = (lebar_px - skala * (x1 - x0)) / 2
    geser_y = (tinggi_px - skala * (y1 - y0)) / 2

    def ke_px(xy: Any) -> Any:  # screen pixels, y downward
        return np.column_stack([geser_x + (xy[:, 0] - x0) * skala, geser_y + (y1 - xy[:, 1]) * skala])

    def ke_lonlat(px: float, py: float) -> tuple[float, float]:
        mx, my = x0 + (px - geser_x) / skala, y1 - (py - geser_y) / skala
        return math.degrees(mx), math.degrees(2 * math.atan(math.exp(my)) - math.pi / 2)

    piksel = {k: shapely.transform(g, ke_px).buffer(0) for k, g in proyeksi.items()}
    desa = tampil[tampil["kode_desa"].isin(piksel)]
    terpasang: list[Any] = []
    label_: list[LabelPeta] = []
    if not kode_kec:
        kecamatan = []
        for (_, nama), bagian in desa.groupby(["kode_kec", "nama_kec"], sort=True):
            gabung = unary_union([piksel[k] for k in bagian["kode_desa"]])
            kecamatan.append((str(nama).upper(), gabung))
        for teks, gabung in sorted(kecamatan, key=lambda k: -k[1].area):  # the largest first: they have most room
            x, y, ukuran = _tempat_kecamatan(teks, gabung, terpasang, polylabel)
            terpasang.append(_kotak_teks(x, y, LEBAR_HURUF_KAPITAL_TEBAL * ukuran * len(teks), ukuran * TINGGI_BARIS))
            label_.append(LabelPeta(teks, *ke_lonlat(x, y), ukuran, True, "#111827"))
    ukuran_coba = UKURAN_DESA_KECAMATAN if kode_kec else UKURAN_DESA
    urut = sorted(desa.to_dict(orient="records"), key=lambda r: -piksel[r["kode_desa"]].area)
    for r in urut:
        poligon = piksel[r["kode_desa"]]
        bagian_besar = max(getattr(poligon, "geoms", [poligon]), key=lambda g: g.area)
        titik = polylabel(bagian_besar, tolerance=0.5)
        teks = str(r["nama_desa"])
        dipilih: int | None = None
        for ukuran in ukuran_coba:
            kotak = _kotak_teks(titik.x, titik.y, LEBAR_HURUF * ukuran * len(teks), ukuran * TINGGI_BARIS)
            if _muat(poligon, kotak) and not any(kotak.intersects(k) for k in terpasang):
                dipilih = ukuran
                break
        if dipilih is None and kode_kec:
            dipilih = ukuran_coba[-1]  # one kecamatan: every name, even one wider than its desa
        if dipilih is None:
            continue
        terpasang.append(_kotak_teks(titik.x, titik.y, LEBAR_HURUF * dipilih * len(teks), dipilih * TINGGI_BARIS))
        label_.append(LabelPeta(teks, *ke_lonlat(titik.x, titik.y), dipilih, False, _warna_teks(str(r["warna"]))))
    return label_


@st.cache_resource(max_entries=64, show_spinner=False)
def _choropleth_bersama(sumber: tuple[object, ...], tampil: pd.DataFrame, _geojson: Mapping[str, Any],
                        _garis: pd.DataFrame, kode_kec: str | None, desa_terpilih: str | None, tinggi: int,
                        nama: bool) -> go.Figure:
    return bekukan(gambar_choropleth(tampil, _geojson, _garis, kode_kec, desa_terpilih, tinggi, nama))


def choropleth_bersama(sumber: tuple[object, ...], tampil: pd.DataFrame, geojson: Mapping[str, Any],
                       garis: pd.DataFrame, kode_kec: str | None, desa_terpilih: str | None, tinggi: int = 500,
                       nama: bool = False) -> go.Figure:
    """`gambar_choropleth`, built once per equal arguments for every session and frozen (`grafik.FigurBeku`).

    `sumber` stands for `geojson` and `garis` in the key (e.g. `(versi, kode_kab)`: the boundaries of one
    warehouse version and regency, the same for every user of that regency), so the large polygons are not hashed
    at every run; `tampil` (the user's rows, already through the access gate) is part of the key itself."""
    return _choropleth_bersama(sumber, tampil, geojson, garis, kode_kec, desa_terpilih, tinggi, nama)


def gambar_choropleth(tampil: pd.DataFrame, geojson: Mapping[str, Any], garis: pd.DataFrame, kode_kec: str | None,
                      desa_terpilih: str | None, tinggi: int = 500, nama: bool = False,
                      lebar_px: int = LEBAR_PETA_PRESENTASI) -> go.Figure:
    """Choropleth of the shown desa on a blank base, kecamatan outlines on top (only the chosen kecamatan's when
    one is chosen: the map then fits it), the chosen desa outlined; `nama` (the projector): the names of
    `pilih_label` for a map of `lebar_px` x `tinggi` pixels.

    The first trace is the outline `Scattergeo` (lon/lat, no `locations`): plotly.js fetches its world topojson
    from the network when the *first* trace of a geo subplot has a `locationmode`, which a choropleth always has;
    with no base layers shown and this trace first, nothing is fetched, and scattergeo always draws above.
    """
    kode_tampil = set(tampil["kode_desa"])
    fitur = [f for f in geojson["features"] if f["id"] in kode_tampil]
    warna = list(dict.fromkeys(tampil["warna"]))
    z = tampil["warna"].map({w: i for i, w in enumerate(warna)})
    if kode_kec:
        garis = garis[garis["kode_kec"] == kode_kec]
    lon: list[float | None] = [x for xs in garis["lon"] for x in xs]
    lat: list[float | None] = [y for ys in garis["lat"] for y in ys]
    fig = go.Figure()
    fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", line={"color": ABU_TUA, "width": 1.8},
                                hoverinfo="skip", showlegend=False, name="kecamatan"))
    fig.add_trace(go.Choropleth(
        geojson={"type": "FeatureCollection", "features": fitur},
        locations=list(tampil["kode_desa"]), z=list(z), zmin=-0.5, zmax=len(warna) - 0.5,
        colorscale=_skala_diskret(warna), showscale=False,
        marker={"line": {"color": "white", "width": 0.7}},
        selected={"marker": {"opacity": 1}}, unselected={"marker": {"opacity": 1}},
        customdata=list(tampil["kode_desa"]), hovertext=list(tampil["hover"]),
        hovertemplate="%{hovertext}<extra></extra>", name="desa",
    ))
    if desa_terpilih:
        terpilih = [f for f in fitur if f["id"] == desa_terpilih]
        if terpilih:
            x, y = _garis_cincin(terpilih[0]["geometry"])
            fig.add_trace(go.Scattergeo(lon=x, lat=y, mode="lines", line={"color": "#000000", "width": 3.5},
                                        hoverinfo="skip", showlegend=False, name="terpilih"))
    if nama:  # the projector: names where they fit (`pilih_label`); nobody hovers there
        semua = pilih_label(tampil, geojson, kode_kec, lebar_px, tinggi)
        for tebal, jejak in ((False, "nama_desa"), (True, "nama_kecamatan")):
            bagian = [lb for lb in semua if lb.tebal == tebal]
            if not bagian:
                continue
            fig.add_trace(go.Scattergeo(
                lon=[lb.lon for lb in bagian], lat=[lb.lat for lb in bagian], mode="text", hoverinfo="skip",
                text=[f"<b>{lb.teks}</b>" if tebal else lb.teks for lb in bagian], showlegend=False, name=jejak,
                textfont={"size": [lb.ukuran for lb in bagian], "color": [lb.warna for lb in bagian],
                          **({"shadow": "1px 1px 2px white, -1px -1px 2px white, 1px -1px 2px white, "
                                        "-1px 1px 2px white"} if tebal else {})}))
    fig.update_geos(visible=False, fitbounds="locations", projection_type="mercator", bgcolor="rgba(0,0,0,0)")
    fig.update_layout(height=tinggi, margin={"l": 0, "r": 0, "t": 0, "b": 0}, showlegend=False,
                      dragmode=False, hoverlabel={"font": {"size": 14}}, clickmode="event+select")
    return fig


LEBAR_BLOK = 5
"""Tiles per row inside a kecamatan block."""


def tata_petak(tampil: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Tile positions: one square per desa, kecamatan blocks `LEBAR_BLOK` wide, laid out in a grid of blocks.

    Returns the desa with `x`, `y` (tile centre; y grows downward, drawn reversed) and the blocks' labels
    (`kode_kec`, `nama_kec`, `x`, `y`). Blocks keep kecamatan code order, row by row.
    """
    nama_kec: dict[str, str] = {}
    desa_per_kec: dict[str, list[str]] = {}
    for kode_desa, kode, nama in zip(tampil["kode_desa"], tampil["kode_kec"], tampil["nama_kec"], strict=True):
        nama_kec.setdefault(kode, nama)
        desa_per_kec.setdefault(kode, []).append(kode_desa)
    kec = list(nama_kec)
    n_kec = len(kec)
    tinggi_blok = {k: math.ceil(len(d) / LEBAR_BLOK) for k, d in desa_per_kec.items()}

    def rasio(per_baris: int) -> float:
        tinggi = sum(2 + max(tinggi_blok[k] for k in kec[i:i + per_baris]) for i in range(0, n_kec, per_baris))
        return per_baris * (LEBAR_BLOK + 1) / tinggi

    # blocks per row: the layout closest to twice as wide as high, the shape of the map's place on a laptop
    per_baris = min(range(1, n_kec + 1), key=lambda n: abs(math.log(rasio(n) / 2.0))) if n_kec else 1
    posisi_x: dict[str, float] = {}
    posisi_y: dict[str, float] = {}
    label: list[dict[str, object]] = []
    y0 = 0.0
    for awal in range(0, n_kec, per_baris):
        baris = kec[awal:awal + per_baris]
        for j, kode in enumerate(baris):
            x0 = j * (LEBAR_BLOK + 1)
            label.append({"kode_kec": kode, "nama_kec": nama_kec[kode], "x": x0 + (LEBAR_BLOK - 1) / 2, "y": y0})
            for i, kode_desa in enumerate(desa_per_kec[kode]):
                posisi_x[kode_desa] = x0 + i % LEBAR_BLOK
                posisi_y[kode_desa] = y0 + 1 + i // LEBAR_BLOK
        y0 += 2 + max(tinggi_blok[k] for k in baris)
    keluar = tampil.assign(x=tampil["kode_desa"].map(posisi_x), y=tampil["kode_desa"].map(posisi_y))
    return keluar, pd.DataFrame(label)


def _kotak(x: float, y: float, setengah: float = 0.46) -> tuple[list[float | None], list[float | None]]:
    return ([x - setengah, x + setengah, x + setengah, x - setengah, x - setengah, None],
            [y - setengah, y - setengah, y + setengah, y + setengah, y - setengah, None])


def _singkat(nama: str, panjang: int = 10) -> str:
    return nama if len(nama) <= panjang else nama[: panjang - 1] + "…"


def _warna_teks(latar: str) -> str:
    """Black or white text, whichever reads better on a fill colour `#rrggbb` (relative luminance)."""
    r, g, b = (int(latar[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return "#111827" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.45 else "#FFFFFF"


def gambar_petak(tampil: pd.DataFrame, desa_terpilih: str | None, lebar_px: int = 860, tinggi_maks: int = 500,
                 nama: bool = False) -> go.Figure:
    """The tile map: filled squares per colour, kecamatan names above their blocks, invisible centre points for
    hover and click (a click selects the point, which `desa_dari_klik` reads)."""
    petak, label = tata_petak(tampil)
    lebar = float(petak["x"].max()) + 1 if len(petak) else 1.0
    tinggi = float(petak["y"].max()) + 1 if len(petak) else 1.0
    # squares stay square; their side follows from the ~860 x 500 px the map has on a laptop, at most 60 px
    sisi_px = min(60.0 if not nama else 90.0, lebar_px / (lebar + 0.6), tinggi_maks / (tinggi + 0.6))
    tinggi_px = max(220, int(sisi_px * (tinggi + 0.6)))
    fig = go.Figure()
    for warna, kelompok in petak.groupby("warna", sort=False):
        x: list[float | None] = []
        y: list[float | None] = []
        for a, b in zip(kelompok["x"], kelompok["y"], strict=True):
            kx, ky = _kotak(a, b)
            x += kx
            y += ky
        fig.add_trace(go.Scatter(x=x, y=y, mode="lines", fill="toself", fillcolor=str(warna),
                                 line={"color": "white", "width": 1}, hoverinfo="skip", showlegend=False))
    if desa_terpilih and desa_terpilih in set(petak["kode_desa"]):
        r = petak[petak["kode_desa"] == desa_terpilih].iloc[0]
        kx, ky = _kotak(float(r["x"]), float(r["y"]), 0.5)
        fig.add_trace(go.Scatter(x=kx, y=ky, mode="lines", line={"color": "#000000", "width": 3},
                                 hoverinfo="skip", showlegend=False))
    fig.add_trace(go.Scatter(
        x=petak["x"], y=petak["y"], mode="markers",
        marker={"size": max(8, int(sisi_px * 0.9)), "opacity": 0, "symbol": "square"},
        selected={"marker": {"opacity": 0}}, unselected={"marker": {"opacity": 0}},
        customdata=list(petak["kode_desa"]), hovertext=list(petak["hover"]),
        hovertemplate="%{hovertext}<extra></extra>", showlegend=False, name="desa",
    ))
    if sisi_px >= 45 or nama:  # few tiles (one kecamatan), or the projector: the desa names inside them
        fig.add_trace(go.Scatter(
            x=petak["x"], y=petak["y"], mode="text", hoverinfo="skip", showlegend=False, name="nama_desa",
            text=[_singkat(str(n), max(6, int(sisi_px / 5.5)) if nama else 10) for n in petak["nama_desa"]],
            textfont={"size": max(8, min(13, int(sisi_px / 5))) if nama else 10,
                      "color": [_warna_teks(str(w)) for w in petak["warna"]]},
        ))
    fig.update_layout(annotations=[  # in one go: add_annotation validates the whole list each time
        {"x": r["x"], "y": r["y"], "text": str(r["nama_kec"]), "showarrow": False, "yanchor": "middle",
         "font": {"size": 16 if nama else 11 if sisi_px < 45 else 14, "color": ABU_TUA}}
        for r in label.to_dict(orient="records")
    ])
    fig.update_xaxes(visible=False, range=[-0.8, lebar - 0.2], fixedrange=True)
    fig.update_yaxes(visible=False, range=[tinggi - 0.2, -0.8], scaleanchor="x", scaleratio=1, fixedrange=True)
    fig.update_layout(height=tinggi_px, margin={"l": 0, "r": 0, "t": 0, "b": 0},
                      plot_bgcolor="white", showlegend=False, dragmode=False, hovermode="closest",
                      hoverlabel={"font": {"size": 14}}, clickmode="event+select")
    return fig


# 6/ reading a click
def jumlah_berpoligon(geojson: Mapping[str, Any], desa: pd.DataFrame) -> int:
    """How many of the desa in `desa` (the user's, as `data.peta_desa` returns them) have a polygon in `geojson`."""
    return len({f.get("id") for f in geojson.get("features", [])} & set(desa["kode_desa"]))


def desa_dari_klik(keadaan: Mapping[str, Any] | None) -> str | None:
    """The desa code of a clicked map point (the chart's selection state), or None."""
    if not keadaan:
        return None
    pilihan = keadaan.get("selection") or {}
    for titik in pilihan.get("points") or []:
        kode = titik.get("customdata") or titik.get("location")
        if isinstance(kode, list):
            kode = kode[0] if kode else None
        if isinstance(kode, str) and kode.count(".") == 3:
            return kode
    return None


# 7/ rendering helpers
def legenda(entri: list[tuple[Kelas, int]], judul: str, bahasa: Bahasa, *, ukuran: float = 0.95,
            mendatar: bool = False) -> None:
    """The legend: a swatch, the class label and the number of desa, one line each (`mendatar`: side by side,
    wrapping, for a phone above its map; `ukuran`: font size in rem, larger on the projector)."""
    jarak = ".8rem" if mendatar else "0"
    baris = "".join(
        f'<div style="display:flex;align-items:center;gap:.45rem;margin:.12rem {jarak} .12rem 0">'
        f'<span style="display:inline-block;width:{ukuran * 1.1:.2f}rem;height:{ukuran * 1.1:.2f}rem;'
        f'background:{k.warna};border:1px solid #9CA3AF;flex:none"></span>'
        f"<span>{k.label} <span style=\"color:#6B7280\">({t('peta_n_desa', bahasa, n=fmt.angka(n, bahasa))})"
        f"</span></span></div>"
        for k, n in entri
    )
    susun = "display:flex;flex-wrap:wrap" if mendatar else ""
    st.markdown(f'<div style="font-size:{ukuran}rem"><b>{judul}</b><div style="{susun}">{baris}</div></div>',
                unsafe_allow_html=True)


def peta(fig: go.Figure, kunci: str, saat_klik: Callable[..., None], alt: str) -> None:
    """Draw the map with click selection; `saat_klik(kunci)` runs before the rerun that follows a click."""
    st.plotly_chart(fig, key=kunci, on_select=functools.partial(saat_klik, kunci), selection_mode="points",
                    config={"displayModeBar": False, "scrollZoom": False}, alt=alt)
