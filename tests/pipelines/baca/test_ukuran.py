"""Measuring an XLSX as it is streamed (`pipelines.baca.ukuran`): cells and references are counted exactly even when
a tag is cut between two blocks, a namespace prefix does not hide cells, and the grid comes from the references."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from pipelines.baca import ukuran
from pipelines.baca.ukuran import BatasUkuran, UkuranTerlampaui, periksa_xlsx


def _xlsx(jalur: Path, sheet: bytes) -> Path:
    with zipfile.ZipFile(jalur, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return jalur


# 3 rows of 4 cells, the last cell in D3; one cell is self-closing; 12 cells in all
def _baris(r: int) -> bytes:
    sel = b"".join(b'<c r="%s%d" t="n"><v>%d</v></c>' % (k, r, r) for k in (b"A", b"B", b"C"))
    return b'<row r="%d">' % r + sel + b'<c r="D%d"/></row>' % r


LEMBAR = b"<worksheet><sheetData>" + b"".join(_baris(r) for r in (1, 2, 3)) + b"</sheetData></worksheet>"


@pytest.mark.parametrize("blok", [5, 7, 64, 1 << 20])
def test_sel_dan_grid_di_batas_blok(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, blok: int) -> None:
    monkeypatch.setattr(ukuran, "BLOK", blok)
    u = periksa_xlsx(_xlsx(tmp_path / "a.xlsx", LEMBAR), BatasUkuran())
    assert u is not None and (u.sel, u.grid) == (12, (3, 4))
    assert u.bita_isi == len(LEMBAR) + len(b"<workbook/>")


def test_awalan_namespace(tmp_path: Path) -> None:
    lembar = b'<x:worksheet xmlns:x="s"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c/></x:row></x:sheetData>'
    u = periksa_xlsx(_xlsx(tmp_path / "a.xlsx", lembar + b"</x:worksheet>"), BatasUkuran())
    assert u is not None and u.sel == 2


def test_batas_sel_tepat(tmp_path: Path) -> None:
    p = _xlsx(tmp_path / "a.xlsx", LEMBAR)
    assert periksa_xlsx(p, BatasUkuran(sel=12)) is not None  # 12 cells, limit 12: accepted
    with pytest.raises(UkuranTerlampaui) as e:
        periksa_xlsx(p, BatasUkuran(sel=11, saran="Pecah."))
    assert str(e.value) == "a.xlsx berisi lebih dari 11 sel. Pecah."


def test_bukan_zip_diserahkan_ke_pembaca(tmp_path: Path) -> None:
    p = tmp_path / "lama.xls"
    p.write_bytes(b"\xd0\xcf\x11\xe0 bukan zip")
    assert periksa_xlsx(p, BatasUkuran(sel=1)) is None
