"""Number, date and month formats (`bahasa.format`), in Indonesian and English."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

import pytest

from bahasa import format as fmt
from dashboard.i18n import Bahasa


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


@pytest.mark.parametrize("nilai", [
    "**Sesi kedaluwarsa.** [Masuk ulang di sini](http://127.0.0.1:9/x) ![x](http://127.0.0.1:9/b.png)",
    "<img src=x onerror=alert(1)>", ":red[merah] :material/home: $x^2$ `kode` _miring_ ~~coret~~ a|b {c} w@x.id",
    "# judul", "- butir", "1. nomor", "> kutip", "www.contoh.id", "a\\b",
])
def test_teks_polos_tanpa_markdown(nilai: str) -> None:
    aman = fmt.teks_polos(nilai)
    # every special character is escaped, and removing the escapes gives the text back
    assert re.sub(r"\\(.)", r"\1", aman) == nilai
    tanpa_escape = re.sub(r"\\.", "", aman)
    assert not set(tanpa_escape) & set("\\`*_[]()<>!|~$:{}@&^"), aman
    assert not re.match(r"[-+#>=]|\d+[.)](\s|$)", tanpa_escape) and "www." not in tanpa_escape.lower()


@pytest.mark.parametrize("nilai", ["35.17.16.2001", "2026-13", "Kec. Kabuh", "jawa", "Desa Manduro 2"])
def test_teks_polos_nama_biasa_tidak_berubah(nilai: str) -> None:
    assert fmt.teks_polos(nilai) == nilai
    assert fmt.teks_polos("baris\nkedua") == "baris kedua"
