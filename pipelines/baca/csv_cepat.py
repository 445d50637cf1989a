"""A CSV read by DuckDB's `read_csv` into Arrow, for files where it gives exactly what `berkas.baca_csv` gives.

`berkas.baca_csv` (Python's `csv.reader`) stays the reference: record `j` of the file is file row `j + 1`, and
every rule downstream (header search, skipped rows, quarantine row numbers) counts records that way. DuckDB parses
the same records in parallel and in C, but it differs on a few inputs, so `baca` returns None (the caller then uses
`baca_csv`) when the file has any of them, found by cheap scans of the bytes:

- not UTF-8 (after an optional BOM): Windows-1252 files are decoded by Python as today;
- a NUL byte (the old reader decides whether that is a binary file);
- a blank line (DuckDB drops it, `csv.reader` counts it as a record) or a lone carriage return;
- a quote in the middle of a field, or after a space (`csv.reader` keeps it as text, DuckDB trims or reads a
  quoted field); a quoted field with a line break makes DuckDB's strict mode stop, and so does a row with more
  fields than the widest of the first rows, or a closing quote followed by text: any DuckDB error falls back;
- fewer records than lines (a record spanning lines), or first records that differ from `csv.reader`'s;
- a process with an address-space limit (`RLIMIT_AS`: the upload checker of `pipelines.terpisah` only where there
  is no /proc to watch its memory from outside): under a tight limit DuckDB can end the process instead of
  raising, where `csv.reader` raises MemoryError.

Cells come back as text or null: DuckDB gives null for an empty field and pads a short row with nulls, where
`csv.reader` gives `""` or a shorter row. Every rule reads a cell through `nilai.teks` (both are empty), so the
outcome is the same.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from pipelines.baca.berkas import _pemisah
from pipelines.duckdb_proses import dapat_dipakai, kursor

BARIS_KEPALA = 25
"""Records parsed by `csv.reader` from the start of the file: the header search looks at the first 20."""


@dataclass
class CsvCepat:
    """A CSV read by DuckDB: the first records as `csv.reader` gives them, and every record as Arrow columns."""

    kepala: list[list[str]]
    tabel: Any  # pyarrow.Table, columns c0..c{lebar-1}, row j = record j of the file
    pemisah: str
    _data: bytes
    _awal_baris: np.ndarray | None = None

    def baris(self, j: int) -> list[str]:
        """Record `j` exactly as `csv.reader` gives it (records are single lines on this path)."""
        if self._awal_baris is None:
            self._awal_baris = np.concatenate(([0], np.flatnonzero(np.frombuffer(self._data, np.uint8) == 10) + 1))
        awal = int(self._awal_baris[j])
        akhir = int(self._awal_baris[j + 1]) if j + 1 < len(self._awal_baris) else len(self._data)
        teks = self._data[awal:akhir].decode("utf-8")
        return next(csv.reader(io.StringIO(teks, newline=""), delimiter=self.pemisah), [])


def _kutip_janggal(data: bytes, pemisah: str) -> bool:
    """A quote that `csv.reader` and DuckDB may read differently: after a space or tab (`csv.reader` keeps ` "x"`
    as text, DuckDB reads a quoted field), or, once doubled quotes (`""`) are taken away, a quote with ordinary
    text on both sides or text then a space after it (a quote inside an unquoted field, or text after a closing
    quote). Every other quote opens a field (after a delimiter or a line break) or closes one.

    The bytes are first reduced to their kind (ordinary text is `x`); without doubled quotes the patterns are found
    by numpy in a few passes over the file, with them by byte searches after taking the pairs away."""
    biasa = bytearray(b"x" * 256)  # every byte but the delimiter, line breaks, quote, space and tab reads as `x`
    for c in {pemisah, "\n", "\r", '"', " ", "\t"}:
        biasa[ord(c)] = ord(c)
    if pemisah != "\t":
        biasa[9] = 32  # a tab is a space here
    bentuk = data.translate(bytes(biasa))
    t = np.frombuffer(bentuk, dtype=np.uint8)
    if len(t) < 3:
        return b' "' in bentuk
    kutip = t == ord('"')
    kerja = np.empty(len(t) - 1, dtype=bool)  # one buffer for every pass (a new array per pass costs more)
    np.equal(t[:-1], ord(" "), out=kerja)
    if np.logical_and(kerja, kutip[1:], out=kerja).any():  # ` "`
        return True
    if np.logical_and(kutip[1:], kutip[:-1], out=kerja).any():  # doubled quotes: take them away, then search
        bentuk = bentuk.replace(b'""', b"")
        return b'x"x' in bentuk or b'x" ' in bentuk
    x = t == ord("x")
    k = kerja[:-1]
    np.equal(t[2:], ord(" "), out=k)
    np.logical_or(k, x[2:], out=k)
    np.logical_and(k, kutip[1:-1], out=k)
    return bool(np.logical_and(k, x[:-2], out=k).any())  # `x"x` or `x" `


def baca(jalur: Path) -> CsvCepat | None:
    """The file through DuckDB, or None when `berkas.baca_csv` must read it (see the module docstring)."""
    if not dapat_dipakai():
        return None  # a process with an address-space limit: DuckDB may crash, not raise
    data = jalur.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if not data or b"\x00" in data:
        return None
    try:
        teks = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    cr = b"\r" in data  # one memchr; without a carriage return the two CR rules need no scan
    akhir_baris = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
    if teks.startswith(("\n", "\r")) or (np.diff(akhir_baris) == 1).any() \
            or (cr and ("\n\r\n" in teks or teks.count("\r") != teks.count("\r\n"))):
        return None
    pemisah = _pemisah(teks[:20000])
    if '"' in teks and _kutip_janggal(data, pemisah):
        return None
    jumlah_baris = len(akhir_baris) + (0 if data.endswith(b"\n") else 1)
    awal = teks[:_batas_kepala(teks)]
    csv.field_size_limit(1 << 24)  # as `baca_csv`; also for `CsvCepat.baris`
    try:
        kepala = [list(r) for r in csv.reader(io.StringIO(awal, newline=""), delimiter=pemisah)]
    except csv.Error:  # a huge cell: `baca_csv` gives the message
        return None
    if not kepala:
        return None
    lebar = max(len(r) for r in kepala)
    tabel = _duckdb(jalur, pemisah, lebar)
    if tabel is None or tabel.num_rows != jumlah_baris:
        return None
    contoh = tabel.slice(0, len(kepala)).to_pylist()
    for r, d in zip(kepala, contoh, strict=False):
        sel = [d[f"c{k}"] for k in range(lebar)]
        if [c or "" for c in sel[:len(r)]] != r or any(c is not None for c in sel[len(r):]):
            return None
    return CsvCepat(kepala[:20], tabel, pemisah, data, np.concatenate(([0], akhir_baris + 1)))


def _batas_kepala(teks: str) -> int:
    """The end of the first `BARIS_KEPALA` lines."""
    posisi = -1
    for _ in range(BARIS_KEPALA):
        posisi = teks.find("\n", posisi + 1)
        if posisi < 0:
            return len(teks)
    return posisi + 1


def _duckdb(jalur: Path, pemisah: str, lebar: int) -> Any:
    import duckdb

    kolom = "{" + ", ".join(f"'c{k}': 'VARCHAR'" for k in range(lebar)) + "}"
    with kursor() as con:
        try:
            return con.sql(
                f"select * from read_csv($f, all_varchar = true, header = false, auto_detect = false, delim = $p, "
                f"quote = '\"', escape = '\"', columns = {kolom}, null_padding = true, strict_mode = true, "
                "encoding = 'utf-8')",
                params={"f": str(jalur), "p": pemisah}).to_arrow_table()
        except (duckdb.Error, MemoryError):
            return None
