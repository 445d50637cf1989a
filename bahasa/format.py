"""How numbers, percentages, dates and months are written on screen, in Indonesian (`id`) or English (`en`).

Indonesian style is `1.234,5`, `45,2 %` and `12 Mar 2025` with the Indonesian month
abbreviations; English style is `1,234.5`, `45.2%` and `12 Mar 2025` with English ones.
Python's `%b`/`%B` and locale settings are never used: they depend on the machine.
Missing values are written as an en dash.
"""

from __future__ import annotations

import datetime as dt
import math

from bahasa import Bahasa

KOSONG = "–"
"""What a missing value looks like."""

BULAN_PENDEK: dict[str, tuple[str, ...]] = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}


def _kosong(x: object) -> bool:
    if x is None:
        return True
    try:
        return bool(math.isnan(x))  # type: ignore[arg-type]
    except TypeError:
        return False


def angka(x: float | int | None, bahasa: Bahasa = "id", desimal: int = 0) -> str:
    """A number with thousands separators: `1.234,5` (id) or `1,234.5` (en)."""
    if _kosong(x):
        return KOSONG
    teks = f"{float(x):,.{desimal}f}" if desimal else f"{round(float(x)):,d}"  # type: ignore[arg-type]
    if bahasa == "id":
        teks = teks.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return teks


def persen(rasio: float | None, bahasa: Bahasa = "id", desimal: int = 1) -> str:
    """A share given as a fraction (0.452) written as a percentage: `45,2 %` (id) or `45.2%` (en)."""
    if _kosong(rasio):
        return KOSONG
    teks = angka(float(rasio) * 100, bahasa, desimal)  # type: ignore[arg-type]
    return f"{teks} %" if bahasa == "id" else f"{teks}%"


def selisih(x: float | int | None, bahasa: Bahasa = "id", desimal: int = 0) -> str:
    """A signed change: `+3`, `-2`, `0` (the sign is what `st.metric` reads to draw its arrow)."""
    if _kosong(x):
        return KOSONG
    nilai = round(float(x), desimal)  # type: ignore[arg-type]
    if nilai == 0:
        return "0"
    tanda = "+" if nilai > 0 else "-"
    return tanda + angka(abs(nilai), bahasa, desimal)


def selisih_persen(x_rasio: float | None, bahasa: Bahasa = "id", desimal: int = 1) -> str:
    """A relative change given as a fraction, signed: `+12,5 %` (id) or `+12.5%` (en)."""
    if _kosong(x_rasio):
        return KOSONG
    teks = selisih(float(x_rasio) * 100, bahasa, desimal)  # type: ignore[arg-type]
    return f"{teks} %" if bahasa == "id" else f"{teks}%"


def selisih_poin(x_rasio: float | None, bahasa: Bahasa = "id", desimal: int = 1) -> str:
    """A change between two shares, in percentage points: `+5,0 poin` (id) or `+5.0 pts` (en)."""
    if _kosong(x_rasio):
        return KOSONG
    teks = selisih(float(x_rasio) * 100, bahasa, desimal)  # type: ignore[arg-type]
    if teks == "0":
        return "0"
    return f"{teks} poin" if bahasa == "id" else f"{teks} pts"


def tanggal(d: dt.date | None, bahasa: Bahasa = "id") -> str:
    """A date as `12 Mar 2025` (Indonesian or English month abbreviation)."""
    if d is None:
        return KOSONG
    return f"{d.day} {BULAN_PENDEK[bahasa][d.month - 1]} {d.year}"


def bulan(d: dt.date | None, bahasa: Bahasa = "id") -> str:
    """A month as `Okt 2026` (id) or `Oct 2026` (en)."""
    if d is None:
        return KOSONG
    return f"{BULAN_PENDEK[bahasa][d.month - 1]} {d.year}"


def rentang_bulan(dari: dt.date, sampai: dt.date, bahasa: Bahasa = "id") -> str:
    """A month range: `Jun – Sep 2026`, `Des 2025 – Feb 2026`, or a single month `Jul 2026`."""
    if (dari.year, dari.month) == (sampai.year, sampai.month):
        return bulan(dari, bahasa)
    if dari.year == sampai.year:
        return f"{BULAN_PENDEK[bahasa][dari.month - 1]} – {bulan(sampai, bahasa)}"
    return f"{bulan(dari, bahasa)} – {bulan(sampai, bahasa)}"


def kode_bulan(d: dt.date) -> str:
    """A month as it appears in the URL: `2026-10`."""
    return f"{d.year:04d}-{d.month:02d}"


def baca_kode_bulan(teks: str) -> dt.date | None:
    """Parse a URL month `2026-10` (also `2026-1`) into the first day of that month; None when not a month."""
    bagian = teks.strip().split("-")
    if len(bagian) != 2 or not all(b.isdigit() for b in bagian) or len(bagian[0]) != 4:
        return None
    tahun, bln = int(bagian[0]), int(bagian[1])
    if not 1 <= bln <= 12:
        return None
    return dt.date(tahun, bln, 1)


_MD_KHUSUS = frozenset("\\`*_[]()<>!#|~$:{}@&^")
_MD_AWAL_BARIS = frozenset("-+=>#")


def teks_polos(nilai: object) -> str:
    """`nilai` (a URL parameter, a file, sheet, account or wilayah name: anything a user typed) made safe to put in
    a Streamlit Markdown string (`st.markdown`, `st.error`, `st.warning`...): it is shown as the very same text, never
    as a link, an image, emphasis, a colour, a formula or HTML.

    Every character Markdown, Streamlit's `:colour[...]`/`:material/...:` directives or LaTeX (`$`) read is
    backslash-escaped; line breaks become spaces (no list, heading or quote can start); a leading `-`, `+`, `=` or
    `1.` is escaped, and so is the dot of `www.` (no automatic link). Ordinary names and codes (`35.17.16`,
    `2026-13`, `Kec. Kabuh`) come out unchanged.
    """
    teks = " ".join(str(nilai).splitlines())
    keluar: list[str] = []
    for i, c in enumerate(teks):
        awal = i == 0 and c in _MD_AWAL_BARIS
        daftar_bernomor = c in ".)" and teks[:i].isdigit() and teks[i + 1:i + 2] in ("", " ", "\t")
        www = c == "." and teks[max(0, i - 3):i].lower() == "www"
        keluar.append("\\" + c if c in _MD_KHUSUS or awal or daftar_bernomor or www else c)
    return "".join(keluar)


def netralkan_rumus(s: str) -> str:
    """Prefix a formula-looking text with an apostrophe so that spreadsheets show it as text (exports)."""
    return "'" + s if s[:1] in "=+-@" else s
