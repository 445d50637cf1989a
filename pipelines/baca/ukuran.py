"""How big a file really is once opened, measured by streaming it, before any reader builds it in memory.

An XLSX is a zip: its declared sizes are whatever the file says, and a 3.5 MB file can hold 900 MB of sheet XML
with 60 million cells. `periksa_xlsx` reads every member through the zip stream in blocks of 1 MB, adds up the
bytes as they come out of the decompressor (never `ZipInfo.file_size`) and counts the cells (`<c>` elements) as
they pass, and stops at the first block that goes over a limit: the memory it uses is one block, whatever the file
holds. It also finds the grid each sheet asks for (the highest row and column in the `r=` references), because
python-calamine allocates that grid densely and aborts the process when it cannot. `periksa_csv` counts a CSV's
rows and cells the same way (a file of 40 MB of newlines is 40 million rows).

Limits come from the caller: `pantau ingest` keeps the generous `BATAS_BACA` (the grid, and 2 GB of XML),
the Unggah data page uses `[unggah]` of `pantau.toml` (`pipelines.unggah`).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pipelines.baca.berkas import KesalahanBaca

BLOK = 1 << 20
"""Bytes read from the decompressor at a time."""
SISA_MAKS = 4096
"""Longest unfinished tag carried from one block to the next (a longer one is read without its end)."""


class UkuranTerlampaui(KesalahanBaca):
    """A file over a limit of `BatasUkuran`; the message says which, in Indonesian, and what to do."""


@dataclass(frozen=True)
class BatasUkuran:
    """Limits of one file (None: no limit)."""

    bita_isi: int | None = None
    """Bytes once decompressed (XLSX: every member of the zip; CSV: the file)."""
    sel: int | None = None
    """Cells (XLSX: `<c>` elements of every sheet; CSV: fields)."""
    baris: int | None = None
    """Rows of a CSV."""
    grid: int | None = 30_000_000
    """Rows x columns of one sheet's grid, from A1 to the furthest `r=` reference (1,048,576 rows x 28)."""
    anggota: int = 10_000
    """Members of the zip."""
    saran: str = "Pecah berkas menjadi beberapa berkas yang lebih kecil."
    """What the message tells the user to do."""


BATAS_BACA = BatasUkuran(bita_isi=2 << 30, sel=None, grid=30_000_000)
"""What every read of an XLSX checks (`pantau ingest` included): the grid calamine would allocate, and 2 GB of XML."""


def _angka(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _mb(n: int) -> str:
    return f"{_angka(n >> 20)} MB"


def _ukuran(n: int) -> str:
    """A file's size in words: `3,5 MB`, `12 KB`."""
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MB".replace(".", ",")
    return f"{max(1, round(n / 1024))} KB"


_REF = re.compile(rb"\br=\"([A-Z]{0,3})(\d{1,9})\"")
"""A row's (`<row r="12">`) or a cell's (`<c r="AB12">`) reference; no other worksheet attribute is named `r`."""
_SEL_BERAWALAN = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s/>]")


def _jumlah_sel(blok: bytes) -> int:
    """Cells in a block of sheet XML, counted as every tag that starts with `<c`: the only such tag in `sheetData`
    besides `<c>` is the rare `<color>` of a rich-text inline string, so this is an upper bound, in one pass."""
    n = blok.count(b"<c")
    if b":c" in blok:  # a namespace prefix (`<x:c>`), rare: written by a few generators
        n += len(_SEL_BERAWALAN.findall(blok))
    return n


def _kolom(huruf: bytes) -> int:  # b"AB" -> 28
    n = 0
    for c in huruf:
        n = n * 26 + c - 64
    return n


@dataclass
class UkuranXlsx:
    """What the stream showed: bytes decompressed, cells, and the largest grid of a sheet (rows, columns)."""

    bita_isi: int = 0
    sel: int = 0
    grid: tuple[int, int] = (0, 0)


def periksa_xlsx(jalur: Path, batas: BatasUkuran) -> UkuranXlsx | None:
    """Stream every member of the XLSX/XLSM zip at `jalur`; raise `UkuranTerlampaui` at the first limit passed.

    Returns None when the file is not a zip (an .xls, or a damaged file: calamine says what is wrong); raises
    `KesalahanBaca` when a member cannot be decompressed here (an unknown compression or encryption), since what
    cannot be measured is not handed to calamine.
    """
    try:
        arsip = zipfile.ZipFile(jalur)
    except Exception:  # not a zip, or a damaged one: calamine says what is wrong
        return None
    ukuran = UkuranXlsx()
    with arsip:
        anggota = arsip.infolist()
        if len(anggota) > batas.anggota:
            raise UkuranTerlampaui(f"{jalur.name} berisi {_angka(len(anggota))} bagian zip (batas "
                                   f"{_angka(batas.anggota)}); ini bukan buku kerja Excel biasa. {batas.saran}")
        for info in anggota:
            if info.is_dir():
                continue
            lembar = info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml")
            baris = kolom = 0
            try:
                with arsip.open(info) as f:
                    sisa = b""
                    while blok := f.read(BLOK):
                        ukuran.bita_isi += len(blok)
                        if batas.bita_isi is not None and ukuran.bita_isi > batas.bita_isi:
                            raise UkuranTerlampaui(
                                f"{jalur.name}: isinya setelah dibuka lebih dari {_mb(batas.bita_isi)} "
                                f"(berkasnya sendiri {_ukuran(jalur.stat().st_size)}). {batas.saran}")
                        if not lembar:
                            continue
                        data = sisa + blok
                        potong = data.rfind(b"<")
                        if potong < 0 or len(data) - potong > SISA_MAKS:
                            potong = len(data)
                        data, sisa = data[:potong], data[potong:]
                        ukuran.sel += _jumlah_sel(data)
                        if batas.sel is not None and ukuran.sel > batas.sel:
                            raise UkuranTerlampaui(f"{jalur.name} berisi lebih dari {_angka(batas.sel)} sel. "
                                                   f"{batas.saran}")
                        if b'r="' in data:
                            for h, b in _REF.findall(data):
                                baris = max(baris, int(b))
                                if h:
                                    kolom = max(kolom, _kolom(h))
                    if lembar and sisa:
                        ukuran.sel += _jumlah_sel(sisa)
            except UkuranTerlampaui:
                raise
            except Exception as e:  # zlib, CRC, unknown compression, encryption: what cannot be measured is refused
                raise KesalahanBaca(f"{jalur.name} tidak dapat dibuka sebagai berkas Excel (bagian {info.filename} "
                                    f"rusak atau terkunci: {e}). Buka di Excel/LibreOffice lalu simpan ulang "
                                    "sebagai .xlsx.") from e
            if batas.sel is not None and ukuran.sel > batas.sel:
                raise UkuranTerlampaui(f"{jalur.name} berisi lebih dari {_angka(batas.sel)} sel. {batas.saran}")
            if baris * kolom > ukuran.grid[0] * ukuran.grid[1]:
                ukuran.grid = (baris, kolom)
            if batas.grid is not None and baris * kolom > batas.grid:
                raise UkuranTerlampaui(f"{jalur.name}: lembar terlalu besar (sel terisi sampai baris {_angka(baris)} "
                                       f"dan kolom ke-{_angka(kolom)}). Hapus isi sel yang jauh di luar tabel, atau "
                                       "simpan tabelnya saja sebagai CSV.")
    return ukuran


PEMISAH_CSV = (b",", b";", b"\t", b"|")


def periksa_csv(jalur: Path, batas: BatasUkuran) -> tuple[int, int]:
    """Stream a CSV and count its rows (line ends) and cells (rows plus the most common delimiter); raise
    `UkuranTerlampaui` at the first limit passed. Returns (rows, cells). A quoted delimiter or line end counts
    too, so the counts are an upper bound: a limit is never passed unseen."""
    bita = baris = 0
    pemisah = dict.fromkeys(PEMISAH_CSV, 0)
    akhir = b"\n"
    with jalur.open("rb") as f:
        while blok := f.read(BLOK):
            bita += len(blok)
            if batas.bita_isi is not None and bita > batas.bita_isi:
                raise UkuranTerlampaui(f"{jalur.name} lebih dari {_mb(batas.bita_isi)}. {batas.saran}")
            baris += blok.count(b"\n") + blok.count(b"\r") - blok.count(b"\r\n")
            akhir = blok[-1:]
            for p in pemisah:
                pemisah[p] += blok.count(p)
            sel = baris + max(pemisah.values())
            if batas.baris is not None and baris > batas.baris:
                raise UkuranTerlampaui(f"{jalur.name} berisi lebih dari {_angka(batas.baris)} baris. {batas.saran}")
            if batas.sel is not None and sel > batas.sel:
                raise UkuranTerlampaui(f"{jalur.name} berisi lebih dari {_angka(batas.sel)} sel. {batas.saran}")
    if bita and akhir not in (b"\n", b"\r"):
        baris += 1
    sel = baris + max(pemisah.values())
    if batas.baris is not None and baris > batas.baris:
        raise UkuranTerlampaui(f"{jalur.name} berisi lebih dari {_angka(batas.baris)} baris. {batas.saran}")
    if batas.sel is not None and sel > batas.sel:
        raise UkuranTerlampaui(f"{jalur.name} berisi lebih dari {_angka(batas.sel)} sel. {batas.saran}")
    return baris, sel
