"""Cell values as operators type them: empties, dates, yes/no, numbers, rupiah, codes (contract section 2).

Every parser takes one raw cell (text from CSV, or the typed value calamine
returns for XLSX: float, int, datetime, date, bool) and returns the parsed value
or None. Callers parse each distinct value once and map it back (see
`validasi`), which keeps large files fast.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timedelta
from typing import Any

from bahasa.format import netralkan_rumus as netralkan_rumus  # re-exported: readers and exports use it

KOSONG = frozenset({"", "-", "--", "n/a", "na", "null", "none", "nan", "tidak ada", "#n/a"})

BULAN: dict[str, int] = {
    "jan": 1, "januari": 1, "january": 1,
    "feb": 2, "februari": 2, "pebruari": 2, "february": 2,
    "mar": 3, "maret": 3, "march": 3,
    "apr": 4, "april": 4,
    "mei": 5, "may": 5,
    "jun": 6, "juni": 6, "june": 6,
    "jul": 7, "juli": 7, "july": 7,
    "agu": 8, "agt": 8, "ags": 8, "agus": 8, "agustus": 8, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9,
    "okt": 10, "oktober": 10, "oct": 10, "october": 10,
    "nov": 11, "nopember": 11, "november": 11,
    "des": 12, "desember": 12, "dec": 12, "december": 12,
}

EXCEL_EPOCH = date(1899, 12, 30)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{2}|\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$")
_D_NAMA_Y = re.compile(r"^(\d{1,2})[\s\-./]+([a-z]+)\.?[\s\-./,]+(\d{2}|\d{4})$")
_NAMA_Y = re.compile(r"^([a-z]+)\.?[\s\-./,]+(\d{4})$")
_YM = re.compile(r"^(\d{4})[-/](\d{1,2})$")
_SERIAL = re.compile(r"^\d{5}(?:\.0+)?$")


def teks(sel: Any) -> str | None:
    """A cell as trimmed text, or None when it is one of the contract's empty spellings."""
    if sel is None:
        return None
    if isinstance(sel, float):
        if math.isnan(sel):
            return None
        s = repr(int(sel)) if sel.is_integer() else repr(sel)
    elif isinstance(sel, (datetime, date)):
        s = sel.isoformat()
    else:
        s = str(sel)
    s = s.replace("\u00a0", " ").strip()
    return None if s.lower() in KOSONG else s


def teks_banyak(nilai: Any) -> list[str | None]:
    """`teks` of many cells (a column's distinct values): the same results, plain text cells on a short path."""
    keluar: list[str | None] = []
    for v in nilai:
        if type(v) is str:
            s = v.replace("\u00a0", " ").strip()
            # a lower-cased text is never shorter: anything longer than the longest empty spelling is text
            keluar.append(None if len(s) <= _KOSONG_MAKS and s.lower() in KOSONG else s)
        else:
            keluar.append(teks(v))
    return keluar


_KOSONG_MAKS = max(len(k) for k in KOSONG)

def _tahun(y: str) -> int:
    n = int(y)
    return n + 2000 if len(y) == 2 else n


def _tanggal_aman(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def tanggal(sel: Any) -> date | None:
    """Parse a date in every form of contract section 2, always day first; None when unparseable."""
    if isinstance(sel, datetime):
        return sel.date()
    if isinstance(sel, date):
        return sel
    if isinstance(sel, bool):
        return None
    if isinstance(sel, (int, float)):
        if isinstance(sel, float) and not math.isfinite(sel):  # NaN, inf (a Parquet float column)
            return None
        if isinstance(sel, float) and not sel.is_integer():
            sel = math.floor(sel)
        return _serial_excel(sel)
    s = teks(sel)
    if s is None:
        return None
    s = s.lower()
    if m := _ISO.match(s):
        return _tanggal_aman(int(m[1]), int(m[2]), int(m[3]))
    if m := _DMY.match(s):
        return _tanggal_aman(_tahun(m[3]), int(m[2]), int(m[1]))
    if m := _D_NAMA_Y.match(s):
        bulan = BULAN.get(m[2])
        return _tanggal_aman(_tahun(m[3]), bulan, int(m[1])) if bulan else None
    if _SERIAL.match(s):
        return _serial_excel(float(s))
    return None


def _serial_excel(n: Any) -> date | None:
    try:
        v = int(n)
    except (TypeError, ValueError, OverflowError):
        return None
    if not 20000 <= v <= 80000:  # 1954..2119: anything else is not a plausible report date
        return None
    return EXCEL_EPOCH + timedelta(days=v)


def bulan(sel: Any) -> date | None:
    """A period (month) as the first day of the month: `2025-03`, `Maret 2025`, `03/2025` or any date."""
    if not isinstance(sel, (date, datetime, int, float)):
        s = teks(sel)
        if s is None:
            return None
        s2 = s.lower()
        if m := _YM.match(s2):
            return _tanggal_aman(int(m[1]), int(m[2]), 1)
        if m := re.match(r"^(\d{1,2})[/\-.](\d{4})$", s2):
            return _tanggal_aman(int(m[2]), int(m[1]), 1)
        if m := _NAMA_Y.match(s2):
            b = BULAN.get(m[1])
            return date(int(m[2]), b, 1) if b else None
    d = tanggal(sel)
    return d.replace(day=1) if d else None


YA = frozenset({"ya", "y", "1", "sudah", "true", "yes", "benar", "ada"})
TIDAK = frozenset({"tidak", "t", "0", "belum", "false", "no", "n", "tdk", "bukan"})


def ya_tidak(sel: Any) -> bool | None:
    """Yes/No of contract section 2; None when empty or not a yes/no word."""
    if isinstance(sel, bool):
        return sel
    s = teks(sel)
    if s is None:
        return None
    s = s.lower().rstrip(".")
    if s in YA:
        return True
    if s in TIDAK:
        return False
    return None


def angka(sel: Any, *, bulat: bool = False) -> float | None:
    """A number typed the Indonesian or the English way (`1.234,5`, `1,234.5`, `9,36`, `Rp 5.000.000`)."""
    if isinstance(sel, bool):
        return None
    if isinstance(sel, (int, float)):
        return None if isinstance(sel, float) and math.isnan(sel) else float(sel)
    s = teks(sel)
    if s is None:
        return None
    s = re.sub(r"(?i)^rp\.?\s*", "", s).replace(" ", "").rstrip("%")
    s = re.sub(r",-$", "", s)
    if not re.fullmatch(r"-?[\d.,]+", s) or not re.search(r"\d", s):
        return None
    ribuan_titik = re.fullmatch(r"-?\d{1,3}(\.\d{3})+", s) is not None
    if "," in s and "." in s:  # the later separator is the decimal one
        s = s.replace(".", "").replace(",", ".") if s.rfind(",") > s.rfind(".") else s.replace(",", "")
    elif "," in s:
        ribuan_koma = bulat and re.fullmatch(r"-?\d{1,3}(,\d{3})+", s) is not None
        s = s.replace(",", "") if ribuan_koma else s.replace(",", ".")
    elif ribuan_titik and (bulat or s.count(".") >= 2):
        s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


def bilangan_bulat(sel: Any) -> int | None:
    """A whole number (counts, years); None when empty, not a number, or not whole."""
    v = angka(sel, bulat=True)
    if v is None or not float(v).is_integer():
        return None
    return int(v)


def kode_wilayah(sel: Any, panjang: int = 10) -> str | None:
    """A Kemendagri code as dotted text (`35.17.01.2001`) from dotted, undotted, or Excel-number input.

    `panjang` is the number of digits: 10 for desa, 6 for kecamatan, 4 for kabupaten.
    """
    if isinstance(sel, float):
        if math.isnan(sel) or not sel.is_integer():
            return None
        s = str(int(sel))
    else:
        t = teks(sel)
        if t is None:
            return None
        s = t.lstrip("'")
    digit = re.sub(r"[\s.]", "", s)
    if not digit.isdigit() or len(digit) != panjang:
        return None
    potong = {10: (2, 4, 6), 6: (2, 4), 4: (2,)}[panjang]
    bagian, awal = [], 0
    for akhir in (*potong, panjang):
        bagian.append(digit[awal:akhir])
        awal = akhir
    return ".".join(bagian)


_RUMUS = re.compile(r"^[=+\-@][A-Za-z]")


def tampak_rumus(s: str) -> bool:
    """True for text that a spreadsheet would run as a formula (`=HYPERLINK(...)`, `@SUM`, `+cmd`)."""
    return bool(_RUMUS.match(s))


