"""Exports (`akses.ekspor`): spreadsheet formulas neutralised, NIK dropped, the download's metadata."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pandas as pd

import akses

from tests.akses.pengguna import CAMAT_KABUH


def test_netralkan_ekspor() -> None:
    df = pd.DataFrame({"pseudonim_kasus": ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)",
                                           "\tx", "biasa"],
                       "nik": ["3517"] * 6, "=rumus": [1, 2, 3, 4, 5, 6], "kasus": ["<5", 5, 0, "≥5", 1, 2]})
    waktu = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    keluar = akses.netralkan_ekspor(df, CAMAT_KABUH, date(2025, 5, 9), waktu)
    assert list(keluar.columns) == ["pseudonim_kasus", "'=rumus", "kasus"]  # NIK dropped, header neutralised
    assert list(keluar.pseudonim_kasus) == ["'=HYPERLINK(\"http://x\")", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)",
                                            "'\tx", "biasa"]
    assert list(keluar.kasus) == ["<5", 5, 0, "≥5", 1, 2]  # numbers and markers untouched
    meta = keluar.attrs["metadata_ekspor"]
    assert (meta["diunduh_oleh"], meta["peran"], meta["cakupan"], meta["data_per"]) == (
        "camat_kabuh", "kecamatan", "Kec. Kabuh", "2025-05-09")
    assert meta["waktu_unduh"].startswith("2026-11-23")
    csv = akses.ekspor_csv(keluar).decode("utf-8-sig")
    assert csv.startswith("# diunduh_oleh: camat_kabuh\n# peran: kecamatan\n# cakupan: Kec. Kabuh\n")
    data = pd.read_csv(io.StringIO(csv), comment="#")
    assert data.loc[0, "pseudonim_kasus"] == "'=HYPERLINK(\"http://x\")"


def test_metadata_sistem() -> None:
    meta = akses.ekspor.metadata_ekspor(None, None)
    assert (meta["diunduh_oleh"], meta["cakupan"], meta["data_per"]) == (
        "sistem", "semua kabupaten yang dikonfigurasi", "tidak diketahui")
