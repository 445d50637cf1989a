"""Writers for the synthetic demo files (DATA SINTETIS): XLSX, CSV and Parquet, byte-for-byte reproducible.

Cells arrive already shaped by `gaya` (text, numbers, dates, quote-prefixed text or
empty); the writers only put them into the file format. Text is always written as
text, so a cell such as `=HYPERLINK("x")` stays a string and never becomes a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import xlsxwriter

from pipelines.demo.gaya import TeksKutip

Sel = object
Lembar = tuple[str, Sequence[Sequence[Sel]]]


def tulis_xlsx(berkas: Path, lembar: Sequence[Lembar], *, format_tanggal: str, judul: str, dibuat: datetime) -> None:
    """One workbook through xlsxwriter; the same input gives the same bytes (fixed creation date).

    Dates become date-formatted cells, `TeksKutip` gets Excel's quote prefix, numbers stay numbers, and
    text is never turned into a formula, a number or a link.
    """
    berkas.parent.mkdir(parents=True, exist_ok=True)
    buku = xlsxwriter.Workbook(str(berkas), {
        "constant_memory": True, "strings_to_formulas": False, "strings_to_numbers": False,
        "strings_to_urls": False,
    })
    buku.set_properties({"title": judul, "created": dibuat})
    gaya_tanggal = buku.add_format({"num_format": format_tanggal})
    gaya_kutip = buku.add_format({"quote_prefix": True})
    for nama, baris in lembar:
        ws = buku.add_worksheet(nama)
        for r, isi in enumerate(baris):
            for c, nilai in enumerate(isi):
                if nilai is None:
                    continue
                if isinstance(nilai, TeksKutip):
                    ws.write_string(r, c, str(nilai), gaya_kutip)
                elif isinstance(nilai, (datetime, date)):
                    ws.write_datetime(r, c, nilai if isinstance(nilai, datetime)
                                      else datetime(nilai.year, nilai.month, nilai.day), gaya_tanggal)
                elif isinstance(nilai, bool):
                    ws.write_boolean(r, c, nilai)
                elif isinstance(nilai, (int, float)):
                    ws.write_number(r, c, nilai)
                else:
                    ws.write_string(r, c, str(nilai))
    buku.close()


def _teks_csv(nilai: Sel) -> str:
    """How Excel's "Save as CSV" shows a cell: a 16-digit number becomes 3.51701E+15."""
    if nilai is None:
        return ""
    if isinstance(nilai, float):
        return f"{nilai:.5E}" if abs(nilai) >= 1e11 else f"{nilai:g}"
    if isinstance(nilai, date):
        return f"{nilai:%d/%m/%Y}"
    return str(nilai)


def tulis_csv(berkas: Path, baris: Sequence[Sequence[Sel]], *, pemisah: str, encoding: str) -> None:
    """CSV with Windows line ends in the given delimiter and encoding (`utf-8`, `utf-8-sig`, `cp1252`)."""
    berkas.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.StringIO()
    penulis = csv.writer(buffer, delimiter=pemisah, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for isi in baris:
        penulis.writerow([_teks_csv(n) for n in isi])
    berkas.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))


def tulis_parquet(berkas: Path, kolom: dict[str, list[object]], skema: pa.Schema) -> None:
    """A typed Parquet file (an export from an application, header = canonical column names)."""
    berkas.parent.mkdir(parents=True, exist_ok=True)
    tabel = pa.Table.from_pydict(kolom, schema=skema)
    pq.write_table(tabel, berkas, compression="zstd")
