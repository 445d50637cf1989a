"""The national-size generator (`pantau demo --skala nasional`), tried on two regencies so the test stays quick.

Kabupaten Gorontalo (75.01, 205 desa) and Kabupaten Bulungan (65.01, 81 desa): 286 desa x 24 months (Nov 2024 -
Oct 2026 for `hari_ini` 2026-11-23). Their provinces (75, 65) are the two whose last month is written as the CSV
and the XLSX sample, so all three formats go through the normal ingest. The expected figures are worked out from
the files themselves, read independently of the pipeline (DuckDB for Parquet and CSV, calamine for XLSX):

- every desa-month has at least one row (a nihil row when Poisson gave 0), so 286 x 24 = 6,864 desa-months;
- quarantined = the rows written without tanggal_lapor (`baris_cacat`), nothing else;
- kasus_baru summed over the kabupaten rows of the mart = case rows with a date (one case number per row);
- desa_melapor summed over desa rows = desa-months with at least one dated row.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines.demo.nasional import BULAN, tulis_berkas_nasional
from pipelines.ingest import muat
from pipelines.konfigurasi import FOLDER_REFERENSI

from tests.fixtures import buat_konfigurasi

HARI_INI = date(2026, 11, 23)
KAB = ("75.01", "65.01")
DESA = 205 + 81


def _bulan(sel: object) -> str | None:
    return sel.strftime("%Y-%m") if isinstance(sel, date) else None


def _desa_bulan_berkas(berkas: list[Path]) -> tuple[set[tuple[str, str]], set[tuple[str, str]], int]:
    """(desa-months with any row, desa-months with a dated row, dated case rows), read without the pipeline."""
    from python_calamine import CalamineWorkbook

    con = duckdb.connect()
    semua: set[tuple[str, str]] = set()
    bertanggal: set[tuple[str, str]] = set()
    kasus = 0
    for b in berkas:
        if "kasus" not in b.name:
            continue
        if b.suffix == ".parquet":
            baris = con.execute("select kode_desa, strftime(tanggal_lapor, '%Y-%m'), kategori <> 'nihil' "
                                "from read_parquet($f)", {"f": str(b)}).fetchall()
            bulan_berkas = b.stem[-7:]
            baris = [(d, t, k) for d, t, k in baris]
        elif b.suffix == ".csv":
            baris = con.execute("select \"Kode Desa\", strftime(strptime(\"Tgl Lapor\", '%d/%m/%Y'), '%Y-%m'), "
                                "\"Jenis Layanan\" <> 'nihil' from read_csv($f, skip=1, delim=';', header=true, "
                                "all_varchar=true)", {"f": str(b)}).fetchall()
            bulan_berkas = b.stem[-7:]
        else:
            lembar = CalamineWorkbook.from_path(str(b)).get_sheet_by_name("Laporan").to_python()
            kepala = [str(x) for x in lembar[1]]
            i_desa, i_tgl, i_kat = kepala.index("Kode Desa"), kepala.index("Tgl Lapor"), kepala.index("Jenis Layanan")
            baris = [(r[i_desa], _bulan(r[i_tgl]), r[i_kat] != "nihil") for r in lembar[2:]]
            bulan_berkas = b.stem[-7:]
        for desa, bulan, bukan_nihil in baris:
            semua.add((desa, bulan_berkas))
            if bulan is not None:
                bertanggal.add((desa, bulan))
                kasus += bool(bukan_nihil)
    return semua, bertanggal, kasus


@pytest.fixture(scope="module")
def nasional(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("nasional")
    tulis = tulis_berkas_nasional(folder / "masukan", FOLDER_REFERENSI, HARI_INI, kabupaten=KAB, keluarga_per_desa=4)
    k = buat_konfigurasi(folder, KAB)
    ringkasan = muat(tulis.berkas, k, hari_ini=HARI_INI, sintetis=True)
    return tulis, ringkasan, k


def test_berkas_nasional(nasional, tmp_path: Path) -> None:
    tulis, _, _ = nasional
    kasus = [b for b in tulis.berkas if "kasus" in b.name]
    # 24 months x 2 provinces; the last month of each province is the CSV / XLSX sample
    assert len(kasus) == BULAN * 2
    assert sorted(b.name for b in kasus if b.suffix != ".parquet") == [
        "DATA SINTETIS - kasus 65 2026-10.xlsx", "DATA SINTETIS - kasus 75 2026-10.csv"]
    assert tulis.desa == DESA
    semua, _, _ = _desa_bulan_berkas(tulis.berkas)
    assert len(semua) == DESA * BULAN  # every desa sends something every month (a nihil row at least)
    # deterministic: the same arguments give the same bytes
    lagi = tulis_berkas_nasional(tmp_path, FOLDER_REFERENSI, HARI_INI, kabupaten=KAB, keluarga_per_desa=4)
    for a, b in zip(tulis.berkas, lagi.berkas, strict=True):
        if a.suffix == ".parquet":
            assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest(), a.name


def test_ingest_nasional_akuntansi(nasional) -> None:
    tulis, ringkasan, _ = nasional
    assert not [r.galat for r in ringkasan if r.galat]
    dibaca = sum(r.baris_dibaca for r in ringkasan)
    # register 286 + population 2 x 286 + cases + nihil + DTKS (4 a desa) + PKH roll
    assert dibaca == DESA + 2 * DESA + tulis.baris_kasus + tulis.baris_nihil + tulis.baris_dtks + tulis.baris_roll
    assert tulis.baris_dtks == 4 * DESA
    assert sum(r.baris_dikarantina for r in ringkasan) == tulis.baris_cacat
    assert sum(r.baris_dimuat for r in ringkasan) == dibaca - tulis.baris_cacat
    assert sum(r.baris_dilewati for r in ringkasan) == 2  # the title row of the CSV and of the XLSX sample


def test_mart_nasional(nasional) -> None:
    tulis, _, k = nasional
    _, bertanggal, kasus = _desa_bulan_berkas(tulis.berkas)
    con = duckdb.connect(str(k.gudang), read_only=True)
    try:
        kab = con.execute("select sum(kasus_baru), count(distinct kode_wilayah) from mart_wilayah_bulan "
                          "where tingkat = 'kabupaten'").fetchone()
        melapor = con.execute("select sum(desa_melapor) from mart_wilayah_bulan where tingkat = 'desa'").fetchone()
        meta = dict(con.execute("select kunci, nilai from meta_gudang").fetchall())
    finally:
        con.close()
    assert kab == (kasus, 2)
    assert kasus == tulis.baris_kasus - tulis.baris_cacat  # every dated case row is one case
    assert melapor == (len(bertanggal),)
    assert meta["sintetis"] == "ya" and meta["kabupaten"] == "75.01,65.01"
    assert meta["tanggal_data"] == "2026-11-05"  # the October reports are sent on 5 November
