"""Enum labels as operators type them, unknown labels, and the marts' category columns matching enums.md."""

from __future__ import annotations

import pytest

from pipelines import enums
from pipelines.build import sql_model


@pytest.mark.parametrize("enum,label,kode", [
    ("kategori", "Pengaktifan BPJS", "jaminan_kesehatan"), ("kategori", "PBI-JK", "jaminan_kesehatan"),
    ("kategori", "cek  desil", "data_dtks"), ("kategori", "Rutilahu", "rtlh"),
    ("kategori", "KDRT", "kekerasan_perempuan"),
    ("kategori", "Tidak ada kasus", "nihil"), ("tujuan_rujukan", "P2TP2A", "uptd_ppa"),
    ("tujuan_rujukan", "Dispendukcapil", "dukcapil"), ("status_rujukan", "Diterima tujuan", "diterima_tujuan"),
    ("program", "PBI JKN", "pbi_jk"), ("jenis_kelamin", "Perempuan", "P"), ("jenis_kelamin", "1", "L"),
    ("kategori", "Bantuan sosial tunai", "lainnya"),  # from data/reference/alias_label.csv
])
def test_label_dikenal(enum: str, label: str, kode: str) -> None:
    assert enums.petakan_label(enum, label) == (kode, True)


def test_label_tidak_dikenal() -> None:
    assert enums.petakan_label("kategori", "Bantuan kursi roda") == ("lainnya", False)
    assert enums.petakan_label("urgensi", "sangat") == (None, False)  # urgensi has no `lainnya`


def test_label_dua_bahasa() -> None:
    assert enums.label("kategori", "rtlh") == "Rumah tidak layak huni"
    assert enums.label("kategori", "rtlh", "en") == "Substandard housing (RTLH)"


def test_setiap_kategori_punya_kolom_di_mart() -> None:
    sql = sql_model("marts", "mart_desa_bulan")
    for kode in enums.KODE_KATEGORI:
        assert f"as kasus_{kode}" in sql, kode
    assert len(enums.KODE_KATEGORI) == 17
