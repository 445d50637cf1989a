"""The validation of the filter parameters of a URL (`dashboard.pilihan.baca_url`, `baca_bahasa`)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.pilihan import baca_bahasa, baca_url

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
JATUH_TEMPO = dt.date(2026, 9, 1)  # the last due month at 30 Oct 2026


def test_baca_url_sah() -> None:
    hasil = baca_url({"kec": "35.17.16", "desa": "35.17.16.2003", "dari": "2026-07", "sampai": "2026-08"},
                     WILAYAH, BULAN, JATUH_TEMPO, "id")
    assert hasil.peringatan == []
    assert hasil.nilai == {"kab": "35.17", "kec": "35.17.16", "desa": "35.17.16.2003",
                           "dari": dt.date(2026, 7, 1), "sampai": dt.date(2026, 8, 1)}


def test_baca_url_kosong_memberi_bawaan() -> None:
    hasil = baca_url({}, WILAYAH, BULAN, JATUH_TEMPO, "id")
    assert hasil.peringatan == []
    assert hasil.nilai == {"kab": "35.17", "kec": None, "desa": None,
                           "dari": dt.date(2026, 6, 1), "sampai": dt.date(2026, 9, 1)}


def test_baca_url_satu_ujung_periode() -> None:
    # only "dari", after the default end: the range becomes that one month
    assert baca_url({"dari": "2026-10"}, WILAYAH, BULAN, JATUH_TEMPO, "id").nilai["sampai"] == dt.date(2026, 10, 1)
    assert baca_url({"sampai": "2026-07"}, WILAYAH, BULAN, JATUH_TEMPO, "id").nilai["dari"] == dt.date(2026, 6, 1)


def test_baca_url_salah() -> None:
    hasil = baca_url({"kab": "35.99", "kec": "x", "desa": "35.17.09.2012", "dari": "2026-02"},
                     WILAYAH, BULAN, JATUH_TEMPO, "en")
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
