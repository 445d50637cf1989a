"""Readers: a CSV, XLSX/XLSM/XLS or Parquet file -> sheets of raw rows (contract section 2).

CSV: encoding UTF-8, UTF-8 with BOM or Windows-1252; delimiter `,` `;` tab or
`|`, detected. Excel: every sheet, with the typed values python-calamine gives
(numbers stay numbers, so a NIK saved as a number can be recognised as broken).
Parquet: the column names are the header row. Rows keep their 1-based row
number in the file so that quarantine reasons can point at them.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

EKSTENSI = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".parquet"}
PEMISAH = [",", ";", "\t", "|"]


class KesalahanBaca(Exception):
    """A file that cannot be read at all; the message says in Indonesian what to do."""


@dataclass
class Lembar:
    """One sheet (or the whole CSV/Parquet file) as raw rows; `baris[i]` is file row i+1."""

    nama: str | None
    baris: list[list[Any]]


def sha256_berkas(jalur: Path) -> str:
    h = hashlib.sha256()
    with jalur.open("rb") as f:
        for blok in iter(lambda: f.read(1 << 20), b""):
            h.update(blok)
    return h.hexdigest()


def kumpulkan_berkas(jalur_jalur: list[Path]) -> list[Path]:
    """Expand folders recursively; keep files in the given order, folders sorted by name."""
    hasil: list[Path] = []
    for p in jalur_jalur:
        if p.is_dir():
            hasil.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in EKSTENSI
                                and not q.name.startswith((".", "~$"))))
        else:
            hasil.append(p)
    return hasil


def _dekode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM, maybe over Windows-1252 bytes (a file pasted together)
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _pemisah(contoh: str) -> str:
    baris = [b for b in contoh.splitlines()[:40] if b.strip()]
    terbaik, skor_terbaik = ",", (-1, -1)
    for p in PEMISAH:
        hitung = [len(next(csv.reader([b], delimiter=p))) for b in baris]
        if not hitung:
            continue
        lebar = max(hitung)
        skor = (sum(1 for h in hitung if h == lebar and h > 1), lebar)
        if skor > skor_terbaik:
            terbaik, skor_terbaik = p, skor
    return terbaik


def baca_csv(jalur: Path) -> Iterator[Lembar]:
    teks = _dekode(jalur.read_bytes())
    if "\x00" in teks[:4096]:
        raise KesalahanBaca(f"{jalur.name} bukan berkas teks CSV (berisi data biner). "
                            "Simpan ulang sebagai CSV atau XLSX.")
    p = _pemisah(teks[:20000])
    csv.field_size_limit(1 << 24)
    try:
        baris = [list(r) for r in csv.reader(io.StringIO(teks, newline=""), delimiter=p)]
    except csv.Error as e:  # a cell over 16 MB (an unclosed quote swallowing the file, or a pasted blob)
        raise KesalahanBaca(f"{jalur.name} tidak dapat dibaca sebagai CSV: ada sel yang terlalu besar ({e}); "
                            "periksa tanda kutip yang tidak ditutup, lalu simpan ulang.") from e
    yield Lembar(None, baris)


def baca_excel(jalur: Path) -> Iterator[Lembar]:
    from python_calamine import CalamineWorkbook

    from pipelines.baca.ukuran import BATAS_BACA, periksa_xlsx

    periksa_xlsx(jalur, BATAS_BACA)  # calamine aborts the process on a grid it cannot allocate: measure it first
    try:
        buku = CalamineWorkbook.from_path(str(jalur))
    except Exception as e:  # calamine raises several error types for damaged files
        raise KesalahanBaca(f"{jalur.name} tidak dapat dibuka sebagai berkas Excel ({e}). "
                            "Buka di Excel/LibreOffice lalu simpan ulang sebagai .xlsx.") from e
    for nama in buku.sheet_names:
        try:
            baris = buku.get_sheet_by_name(nama).to_python(skip_empty_area=False)
        except Exception as e:
            raise KesalahanBaca(f'Lembar "{nama}" di {jalur.name} tidak dapat dibaca ({e}).') from e
        yield Lembar(nama, [list(r) for r in baris])


def baca_parquet(jalur: Path) -> Iterator[Lembar]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        tabel = pq.read_table(jalur)
    except Exception as e:
        raise KesalahanBaca(f"{jalur.name} tidak dapat dibaca sebagai Parquet ({e}).") from e
    try:
        kolom = tabel.column_names  # a damaged file may name a column in bytes that are not UTF-8
        data = tabel.to_pydict()
    except Exception as e:  # e.g. a timestamp beyond year 9999 has no Python value
        raise KesalahanBaca(f"{jalur.name}: isi Parquet tidak dapat dibaca ({e}).") from e
    for i, k in enumerate(kolom):  # nested and binary cells become text, like every other cell a reader yields
        tipe = tabel.schema.field(i).type
        if pa.types.is_nested(tipe) or pa.types.is_binary(tipe) or pa.types.is_large_binary(tipe) \
                or pa.types.is_fixed_size_binary(tipe):
            data[k] = [None if v is None else _teks_sel(v) for v in data[k]]
    baris = [list(kolom)] + [list(r) for r in zip(*(data[k] for k in kolom), strict=True)]
    yield Lembar(None, baris)


def _teks_sel(v: Any) -> str:
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="replace")
    return json.dumps(v, ensure_ascii=False, default=str)


def baca_berkas(jalur: Path) -> Iterator[Lembar]:
    """Sheets of a file, by its extension."""
    if not jalur.is_file():
        raise KesalahanBaca(f"Berkas {jalur} tidak ditemukan.")
    akhiran = jalur.suffix.lower()
    if akhiran in {".csv", ".txt", ".tsv"}:
        return baca_csv(jalur)
    if akhiran in {".xlsx", ".xlsm", ".xls"}:
        return baca_excel(jalur)
    if akhiran == ".parquet":
        return baca_parquet(jalur)
    raise KesalahanBaca(f"{jalur.name}: format {akhiran or '(tanpa akhiran)'} tidak didukung. "
                        "Gunakan CSV, XLSX/XLS atau Parquet.")
