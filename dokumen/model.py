"""The document model shared by the builders: a header, key numbers, charts as PNG, and tables of typed values.

A table keeps typed cells (int, float share, date, text) and says per column what kind each is, so the PDF and
PPTX write them exactly as the screen does (`bahasa.format`: `1.234`, `75 %`, `12 Mar 2025`) while the XLSX
keeps real numbers and dates. The label texts (titles, headers, notes) come already translated from the caller.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from bahasa import Bahasa
from bahasa import format as fmt

Jenis = Literal["teks", "angka", "persen", "tanggal", "bulan", "kanan"]
"""How a column is written: text, a count (`1.234`), a share as a whole percentage (`75 %`), a date, a month, or
text already formatted as a number (`<5`, `1.234`) and aligned right (`kanan`)."""


@dataclass(frozen=True)
class Kepala:
    """What heads every page or slide of a document."""

    judul: str
    """`Agenda rapat koordinasi` / `Bahan rapat`."""
    wilayah: str
    """`Kec. Kabuh, Kabupaten Jombang`."""
    periode: str
    """`Periode Jun – Sep 2026`."""
    kesegaran: str
    """The freshness line: `Data per 30 Okt 2026, 2 dari 16 desa melapor (laporan bulan Sep 2026)`."""
    dibuat: str
    """When the document was made: `Dibuat 23 Nov 2026 16.40`."""
    sintetis: bool
    """True when `meta_gudang.sintetis = 'ya'`: every page carries `label_sintetis`."""
    label_sintetis: str
    catatan_sintetis: str
    halaman: str
    """`Halaman {n} dari {total}` with those two placeholders."""
    bahasa: Bahasa = "id"


@dataclass(frozen=True)
class Angka:
    """A key number as its tile shows it (already formatted)."""

    judul: str
    nilai: str
    selisih: str | None = None
    keterangan: str | None = None
    tanda: str | None = None
    """A short mark drawn beside the value when it covers a month whose reports are not yet due (`belum lengkap`)."""


@dataclass(frozen=True)
class Gambar:
    """A chart rendered to PNG, with the sentence that describes it."""

    judul: str
    png: bytes
    keterangan: str | None = None


GayaGaris = Literal["penuh", "putus", "titik", "tanpa"]
"""How a series is drawn: solid, dashed, dotted, or markers without a line (`tanpa`)."""


@dataclass(frozen=True)
class Deret:
    """One series of a chart: its name in the legend, one value per category (None: no point), and its style."""

    nama: str
    nilai: Sequence[float | None]
    warna: str = "#111827"
    """`#rrggbb`."""
    garis: GayaGaris = "penuh"
    tebal: float = 2.0
    """Line width in points."""
    penanda: bool = False


@dataclass(frozen=True)
class Grafik:
    """A chart as data, drawn natively by each renderer (vector lines in the PDF, an editable chart in the PPTX).

    `garis`: a line chart over the categories (years, months); `batang`: horizontal bars, one series, categories
    top to bottom in the given order; `kolom`: stacked columns over the categories (months), one series a part.
    `pita` names two series (lower, upper) drawn as a filled band: shaded in the PDF, a stacked area (the lower
    bound transparent, the width on top) in the PPTX."""

    judul: str
    jenis: Literal["garis", "batang", "kolom"]
    kategori: Sequence[str]
    deret: Sequence[Deret]
    sumbu_y: str = ""
    keterangan: str | None = None
    desimal: int = 0
    """Decimals of the value axis and of the bars' labels."""
    pita: tuple[str, str] | None = None
    nama_pita: str | None = None
    """The band's name in the PPTX legend (default: the two bounds' names joined)."""
    mulai_nol: bool = True
    """The value axis starts at 0 (counts); False: it fits the values (a rate between 6 and 12 %)."""
    ditandai: Sequence[int] = ()
    """Categories drawn as not yet complete (months whose reports are not yet due)."""
    bahasa: Bahasa = "id"


@dataclass(frozen=True)
class GrafikGanda:
    """Several charts on one page or slide under one title (e.g. cases by category, target group and channel), each
    with its own `judul` as a small heading; `keterangan` under them all."""

    judul: str
    grafik: Sequence[Grafik]
    keterangan: str | None = None


@dataclass(frozen=True)
class Teks:
    """A section of sentences (e.g. what changed since the previous month), one paragraph a sentence."""

    judul: str
    kalimat: Sequence[str]
    catatan: str | None = None


@dataclass(frozen=True)
class Definisi:
    """A term and what it means, in words for the reader (no markup)."""

    istilah: str
    uraian: str


@dataclass(frozen=True)
class DaftarDefinisi:
    """The definitions section."""

    judul: str
    isi: Sequence[Definisi]


@dataclass(frozen=True)
class Tabel:
    """A table: display headers as column names, typed cells, and the kind of each column (default `teks`)."""

    judul: str
    data: pd.DataFrame
    jenis: Mapping[str, Jenis] = field(default_factory=dict)
    catatan: str | None = None
    """A line under the table (a definition, a rule)."""
    kosong: str = ""
    """What to write instead of the table when it has no rows."""
    lebar: Sequence[float] | None = None
    """Relative column widths for the PDF (default: equal)."""
    kelompok: str | None = None
    """A column whose runs of equal values start a sub-heading (the PDF and PPTX; the XLSX keeps the column)."""
    nama_lembar: str | None = None
    """Sheet name in the XLSX (<= 31 characters); default derived from `judul`."""


Bagian = Grafik | GrafikGanda | Gambar | Tabel | Teks | DaftarDefinisi
"""One section of a document, in reading order."""


def kosong(nilai: object) -> bool:
    """None, NaN and pandas' missing markers."""
    if nilai is None:
        return True
    if isinstance(nilai, float) and math.isnan(nilai):
        return True
    try:
        return bool(pd.isna(nilai))
    except (TypeError, ValueError):
        return False


def teks_sel(nilai: object, jenis: Jenis, bahasa: Bahasa) -> str:
    """One cell as the screen writes it."""
    if kosong(nilai):
        return fmt.KOSONG
    if jenis == "angka":
        return fmt.angka(float(nilai), bahasa)  # type: ignore[arg-type]
    if jenis == "persen":
        return fmt.persen(float(nilai), bahasa, desimal=0)  # type: ignore[arg-type]
    if jenis in ("tanggal", "bulan"):
        if isinstance(nilai, pd.Timestamp | dt.datetime):
            nilai = nilai.date()
        if isinstance(nilai, dt.date):
            return fmt.tanggal(nilai, bahasa) if jenis == "tanggal" else fmt.bulan(nilai, bahasa)
    return str(nilai)


def baris_teks(tabel: Tabel, bahasa: Bahasa) -> list[list[str]]:
    """Every row of a table as the strings the PDF and PPTX write."""
    jenis = [tabel.jenis.get(str(k), "teks") for k in tabel.data.columns]
    return [[teks_sel(v, j, bahasa) for v, j in zip(baris, jenis, strict=True)]
            for baris in tabel.data.itertuples(index=False, name=None)]


def nama_berkas(awalan: str, wilayah: str, tanggal: dt.date, akhiran: str) -> str:
    """A safe file name: `agenda_rapat_kec_kabuh_2026-10-30.pdf`."""
    bersih = "".join(c if c.isalnum() else "_" for c in wilayah.lower())
    while "__" in bersih:
        bersih = bersih.replace("__", "_")
    return f"{awalan}_{bersih.strip('_')}_{tanggal.isoformat()}.{akhiran}"
