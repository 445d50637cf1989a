"""Cell value parsing: every date spelling of the contract, numbers, yes/no, codes, formulas."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from pipelines.baca import nilai


@pytest.mark.parametrize("sel", [
    "2025-03-12", "12/03/2025", "12-03-2025", "12.03.2025", "12 Maret 2025", "12 Mar 2025", "12-Mar-25",
    "12 march 2025", "12 MAR 2025", " 12/3/2025 ", "2025-03-12 00:00:00", datetime(2025, 3, 12, 8, 30),
    date(2025, 3, 12), 45728, 45728.0, "45728",
])
def test_tanggal_semua_bentuk_kontrak(sel: object) -> None:
    assert nilai.tanggal(sel) == date(2025, 3, 12)


@pytest.mark.parametrize("sel,harapan", [
    ("03/12/2025", date(2025, 12, 3)),  # always day first, never month first
    ("12 Agt 2025", date(2025, 8, 12)), ("1 Ags 2025", date(2025, 8, 1)), ("5 Okt 2024", date(2024, 10, 5)),
    ("7 Des 2024", date(2024, 12, 7)), ("9 Mei 2025", date(2025, 5, 9)), ("9-Agu-25", date(2025, 8, 9)),
])
def test_tanggal_hari_dulu_dan_nama_bulan_indonesia(sel: str, harapan: date) -> None:
    assert nilai.tanggal(sel) == harapan


@pytest.mark.parametrize("sel", ["31/02/2025", "2025-13-01", "kemarin", "", "-", "12/2025", None, 12.5, 100])
def test_tanggal_tidak_sah_atau_kosong(sel: object) -> None:
    assert nilai.tanggal(sel) is None


def test_bulan_periode() -> None:
    assert nilai.bulan("2025-03") == date(2025, 3, 1)
    assert nilai.bulan("Maret 2025") == date(2025, 3, 1)
    assert nilai.bulan("17/03/2025") == date(2025, 3, 1)
    assert nilai.bulan("bulan lalu") is None


@pytest.mark.parametrize("sel,harapan", [
    ("Ya", True), ("Y", True), ("1", True), ("Sudah", True), ("True", True), ("tidak", False), ("T", False),
    ("0", False), ("Belum", False), ("False", False), ("mungkin", None), ("", None),
])
def test_ya_tidak(sel: str, harapan: bool | None) -> None:
    assert nilai.ya_tidak(sel) is harapan


@pytest.mark.parametrize("sel,harapan", [
    ("Rp 5.000.000", 5_000_000), ("5000000", 5_000_000), ("1.234.567", 1_234_567), ("Rp5.000.000,-", 5_000_000),
])
def test_rupiah_dan_ribuan(sel: str, harapan: int) -> None:
    assert nilai.bilangan_bulat(sel) == harapan


@pytest.mark.parametrize("sel,harapan", [("9,36", 9.36), ("9.36", 9.36), ("1.234,5", 1234.5), ("10", 10.0)])
def test_angka_desimal(sel: str, harapan: float) -> None:
    assert nilai.angka(sel) == pytest.approx(harapan)


@pytest.mark.parametrize("sel", ["35.17.01.2001", "3517012001", " 3517012001 ", 3517012001, 3517012001.0,
                                 "'3517012001", "35 17 01 2001"])
def test_kode_desa_semua_bentuk(sel: object) -> None:
    assert nilai.kode_wilayah(sel) == "35.17.01.2001"


def test_kode_kabupaten_dan_kode_salah() -> None:
    assert nilai.kode_wilayah("3517", panjang=4) == "35.17"
    assert nilai.kode_wilayah("35.17.01.200") is None
    assert nilai.kode_wilayah("Jombang") is None


@pytest.mark.parametrize("sel", ["-", "--", "n/a", "NA", "null", "tidak ada", "  ", None])
def test_nilai_kosong(sel: object) -> None:
    assert nilai.teks(sel) is None


def test_rumus_tetap_teks_dan_dinetralkan() -> None:
    assert nilai.tampak_rumus('=HYPERLINK("x")') and nilai.tampak_rumus("@SUM(A1)") and nilai.tampak_rumus("+cmd")
    assert not nilai.tampak_rumus("-5") and not nilai.tampak_rumus("2025-001")
    assert nilai.netralkan_rumus("=1+1") == "'=1+1"
    assert nilai.netralkan_rumus("biasa") == "biasa"
