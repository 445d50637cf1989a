"""Measuring text so that it fits its box: the width of a string in points, and the largest font size (with word
wrapping) at which a text fits a given width and height.

Widths are measured with the metrics of DejaVu Sans (the PDF's font, `pdf.berkas_huruf`), read by PIL's
`ImageFont`. The PPTX keeps its theme font (Calibri, or what the viewer substitutes), which is narrower than DejaVu
Sans for the same size, so a text that fits by this measure also fits on the slide: the measure is conservative.
A text that cannot fit even at the smallest size allowed is reported (`Muat.muat` False), never silently cut.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from PIL import ImageFont

_UKURAN_UKUR = 100
"""Font size (px = pt at 72 dpi) the widths are measured at, then scaled: precise to a hundredth of a point."""


@functools.cache
def _huruf(tebal: bool, folder: Path | None = None) -> ImageFont.FreeTypeFont:
    from dokumen.pdf import berkas_huruf  # the PDF's font (dokumen.pdf imports this module)

    biasa, berat = berkas_huruf() if folder is None else berkas_huruf(folder)
    return ImageFont.truetype(str(berat if tebal else biasa), _UKURAN_UKUR)


def lebar_pt(teks: str, ukuran: float, *, tebal: bool = False) -> float:
    """The width of `teks` on one line at `ukuran` points, in points."""
    return float(_huruf(tebal).getlength(teks)) * ukuran / _UKURAN_UKUR


@dataclass(frozen=True)
class Muat:
    """How a text is set in its box: the font size, the lines, and whether it fits."""

    ukuran: float
    baris: tuple[str, ...]
    muat: bool

    @property
    def teks(self) -> str:
        return "\n".join(self.baris)


def bungkus(teks: str, ukuran: float, lebar: float, *, tebal: bool = False) -> list[str] | None:
    """`teks` wrapped at spaces into lines no wider than `lebar` points at `ukuran`; None when one word alone is
    wider (it would be broken inside the word). Explicit line breaks are kept."""
    hasil: list[str] = []
    for paragraf in teks.split("\n"):
        baris = ""
        for kata in paragraf.split(" "):
            coba = f"{baris} {kata}" if baris else kata
            if lebar_pt(coba, ukuran, tebal=tebal) <= lebar:
                baris = coba
                continue
            if not baris or lebar_pt(kata, ukuran, tebal=tebal) > lebar:
                return None
            hasil.append(baris)
            baris = kata
        hasil.append(baris)
    return hasil


def muatkan(teks: str, lebar: float, tinggi: float, *, maks: float, minimum: float, tebal: bool = False,
            jarak: float = 1.2, baris_maks: int | None = None, langkah: float = 0.5) -> Muat:
    """The largest size from `maks` down to `minimum` (in `langkah` steps) at which `teks`, wrapped at spaces, fits
    `lebar` x `tinggi` points with line height `jarak` x size and at most `baris_maks` lines. At `minimum` without
    a fit: the wrapped lines at that size and `muat=False`."""
    ukuran = maks
    while ukuran >= minimum - 1e-9:
        baris = bungkus(teks, ukuran, lebar, tebal=tebal)
        if baris is not None and len(baris) * ukuran * jarak <= tinggi \
                and (baris_maks is None or len(baris) <= baris_maks):
            return Muat(ukuran, tuple(baris), True)
        ukuran = round(ukuran - langkah, 2)
    baris = bungkus(teks, minimum, lebar, tebal=tebal) or teks.split("\n")
    return Muat(minimum, tuple(baris), False)
