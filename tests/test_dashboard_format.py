"""Number, date and month formats (`dashboard.format`), month arithmetic (`dashboard.periode`) and the
validation of the filter parameters of a URL (`dashboard.pilihan.baca_url`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pandas as pd
import pytest

from dashboard import format as fmt
from dashboard.i18n import Bahasa
from dashboard.periode import bulan_lengkap_terakhir, jumlah_bulan, periode_bawaan, periode_sebelumnya
from dashboard.pilihan import baca_bahasa, baca_url


@pytest.mark.parametrize(
    ("fungsi", "nilai", "id_", "en"),
    [
        (fmt.angka, 1234.5, "1.234", "1,234"),
        (lambda x, b: fmt.angka(x, b, 1), 1234.5, "1.234,5", "1,234.5"),
        (lambda x, b: fmt.angka(x, b, 1), 1234567.25, "1.234.567,2", "1,234,567.2"),
        (fmt.angka, None, "–", "–"),
        (fmt.angka, float("nan"), "–", "–"),
        (fmt.persen, 0.452, "45,2 %", "45.2%"),
        (fmt.persen, 5 / 9, "55,6 %", "55.6%"),
        (fmt.selisih, 3, "+3", "+3"),
        (fmt.selisih, -1200, "-1.200", "-1,200"),
        (fmt.selisih, 0, "0", "0"),
        (fmt.selisih_poin, 0.1, "+10,0 poin", "+10.0 pts"),
        (fmt.selisih_persen, -2 / 7, "-28,6 %", "-28.6%"),
        (fmt.tanggal, dt.date(2025, 3, 12), "12 Mar 2025", "12 Mar 2025"),
        (fmt.tanggal, dt.date(2026, 10, 31), "31 Okt 2026", "31 Oct 2026"),
        (fmt.bulan, dt.date(2026, 8, 1), "Agu 2026", "Aug 2026"),
        (fmt.bulan, dt.date(2026, 5, 1), "Mei 2026", "May 2026"),
        (fmt.bulan, dt.date(2026, 12, 1), "Des 2026", "Dec 2026"),
    ],
)
def test_format_id_dan_en(fungsi: Callable[[Any, Bahasa], str], nilai: object, id_: str, en: str) -> None:
    assert fungsi(nilai, "id") == id_
    assert fungsi(nilai, "en") == en


def test_rentang_dan_kode_bulan() -> None:
    assert fmt.rentang_bulan(dt.date(2026, 6, 1), dt.date(2026, 9, 1)) == "Jun – Sep 2026"
    assert fmt.rentang_bulan(dt.date(2025, 12, 1), dt.date(2026, 2, 1), "en") == "Dec 2025 – Feb 2026"
    assert fmt.rentang_bulan(dt.date(2026, 7, 1), dt.date(2026, 7, 1), "en") == "Jul 2026"
    assert fmt.kode_bulan(dt.date(2025, 1, 1)) == "2025-01"
    assert fmt.baca_kode_bulan("2025-01") == dt.date(2025, 1, 1)
    assert fmt.baca_kode_bulan(" 2025-1 ") == dt.date(2025, 1, 1)
    for salah in ("2025-13", "2025-00", "25-01", "2025/01", "Jan 2025", "", "2025-01-01"):
        assert fmt.baca_kode_bulan(salah) is None


def test_periode() -> None:
    assert jumlah_bulan(dt.date(2025, 11, 1), dt.date(2026, 2, 1)) == 4
    assert periode_sebelumnya(dt.date(2026, 1, 1), dt.date(2026, 3, 1)) == (dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    assert bulan_lengkap_terakhir(dt.date(2026, 10, 30)) == dt.date(2026, 9, 1)
    assert bulan_lengkap_terakhir(dt.date(2026, 10, 31)) == dt.date(2026, 10, 1)
    assert bulan_lengkap_terakhir(dt.date(2026, 1, 5)) == dt.date(2025, 12, 1)
    bulan = [dt.date(2025, m, 1) for m in range(1, 13)] + [dt.date(2026, 1, 1)]
    assert periode_bawaan(bulan, dt.date(2026, 1, 9)) == (dt.date(2025, 7, 1), dt.date(2025, 12, 1))
    # the cut-off month is the first month with data: nothing is complete yet, show that month
    assert periode_bawaan([dt.date(2026, 1, 1)], dt.date(2026, 1, 9)) == (dt.date(2026, 1, 1), dt.date(2026, 1, 1))


WILAYAH = pd.DataFrame({
    "kode_desa": ["35.17.16.2001", "35.17.16.2003", "35.17.09.2012"],
    "nama_desa": ["Marmoyo", "Mangunan", "Jombang"],
    "jenis": ["desa"] * 3,
    "kode_kec": ["35.17.16", "35.17.16", "35.17.09"],
    "nama_kec": ["Kabuh", "Kabuh", "Jombang"],
    "kode_kab": ["35.17"] * 3,
    "nama_kab": ["Kabupaten Jombang"] * 3,
})
BULAN = [dt.date(2026, m, 1) for m in range(6, 11)]
PER = dt.date(2026, 10, 30)


def test_baca_url_sah() -> None:
    hasil = baca_url({"kec": "35.17.16", "desa": "35.17.16.2003", "dari": "2026-07", "sampai": "2026-08"},
                     WILAYAH, BULAN, PER, "id")
    assert hasil.peringatan == []
    assert hasil.nilai == {"kab": "35.17", "kec": "35.17.16", "desa": "35.17.16.2003",
                           "dari": dt.date(2026, 7, 1), "sampai": dt.date(2026, 8, 1)}


def test_baca_url_kosong_memberi_bawaan() -> None:
    hasil = baca_url({}, WILAYAH, BULAN, PER, "id")
    assert hasil.peringatan == []
    assert hasil.nilai == {"kab": "35.17", "kec": None, "desa": None,
                           "dari": dt.date(2026, 6, 1), "sampai": dt.date(2026, 9, 1)}


def test_baca_url_satu_ujung_periode() -> None:
    # only "dari", after the default end: the range becomes that one month
    assert baca_url({"dari": "2026-10"}, WILAYAH, BULAN, PER, "id").nilai["sampai"] == dt.date(2026, 10, 1)
    assert baca_url({"sampai": "2026-07"}, WILAYAH, BULAN, PER, "id").nilai["dari"] == dt.date(2026, 6, 1)


def test_baca_url_salah() -> None:
    hasil = baca_url({"kab": "35.99", "kec": "x", "desa": "35.17.09.2012", "dari": "2026-02"},
                     WILAYAH, BULAN, PER, "en")
    assert hasil.nilai["kab"] == "35.17"
    # the unknown kecamatan is dropped; the valid desa is kept and brings its own kecamatan
    assert (hasil.nilai["kec"], hasil.nilai["desa"]) == ("35.17.09", "35.17.09.2012")
    assert len(hasil.peringatan) == 3
    assert hasil.peringatan[0].startswith('Regency "35.99" in the link is not in this warehouse')


def test_baca_bahasa() -> None:
    assert baca_bahasa({}) == ("id", None)
    assert baca_bahasa({"bahasa": "EN"}) == ("en", None)
    bahasa, peringatan = baca_bahasa({"bahasa": "fr"})
    assert bahasa == "id" and peringatan and "fr" in peringatan
