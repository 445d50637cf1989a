"""The DuckDB CSV path (`baca.csv_cepat` + `cari_tabel_csv`) gives what `csv.reader` + `cari_tabel` give, or steps
aside: for every edge case the load summary, loaded rows, quarantine and warnings are the same both ways, and the
cases DuckDB reads differently (blank lines, Windows-1252, quoted line breaks, quotes inside fields or after a
space, lone carriage returns) are read by the old reader."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from akses import muat_kunci
from pipelines import duckdb_proses, ingest
from pipelines.baca import csv_cepat
from pipelines.baca.nilai import teks
from pipelines.konfigurasi import FOLDER_REFERENSI
from pipelines.validasi.umum import Konteks, _ciri, _ciri_kamus, _faktor_kamus, _kamus, _pasti_data, faktor
from pipelines.wilayah import muat_wilayah

from tests.fixtures import HARI_MUAT, buat_konfigurasi, keluaran_lembar

H = "no_registrasi;tanggal_lapor;kode_desa;kategori;nik;Nama Pelapor;umur"
B = ["A-1;02/03/2025;35.17.01.2001;PKH;3517014506800001;Budi;40",
     "A-2;3 Maret 2025;3517012002;Lansia;3517 0145 0680 0002;Sari;",
     "A-3;2025-03-04;35.17.01.2001;kip;;Ani;130"]

# (file text, encoding, read by DuckDB?)
KASUS: dict[str, tuple[str, str, bool]] = {
    "bersih": ("\n".join([H, *B]) + "\n", "utf-8", True),
    "bom": ("\n".join([H, *B]) + "\n", "utf-8-sig", True),
    "koma": ("\n".join(r.replace(";", ",") for r in [H, *B]) + "\n", "utf-8", True),
    "tab": ("\n".join(r.replace(";", "\t") for r in [H, *B]) + "\n", "utf-8", True),
    "pipa": ("\n".join(r.replace(";", "|") for r in [H, *B]) + "\n", "utf-8", True),
    "crlf_tanpa_akhir": ("\r\n".join([H, *B]), "utf-8", True),
    "judul_dan_jumlah": ("\n".join(["LAPORAN PUSKESOS", "Bulan: Maret", H, "1;2;3;4;5;6;7", *B, H, "JUMLAH;;;;;;3"])
                         + "\n", "utf-8", True),
    "baris_pendek": ("\n".join([H, B[0], "A-9;01/03/2025", "A-10", B[2]]) + "\n", "utf-8", True),
    "kutip_pemisah": ("\n".join([H, 'A-6;"01/03/2025";"35.17.01.2001";"Lansia; Disabilitas";"";"x"";y";5', *B])
                      + "\n", "utf-8", True),
    "baris_kosong": ("\n".join([H, B[0], "", B[1], B[2], ""]) + "\n", "utf-8", False),
    "baris_panjang_awal": ("\n".join([H, B[0], B[1] + ";lebih;lagi", B[2]]) + "\n", "utf-8", True),
    "baris_panjang_akhir": ("\n".join([H, *[B[0]] * 30, B[1] + ";lebih;lagi", B[2]]) + "\n", "utf-8", False),
    "kutip_baris_baru": ("\n".join([H, B[0], 'A-5;01/03/2025;35.17.01.2001;"PKH\ndan KIP";;"Budi";1', B[2]]) + "\n",
                         "utf-8", False),
    "kutip_tengah": ("\n".join([H, 'A-7;01/03/2025;35.17.01.2001;PK"H;;Bu"di;5', *B]) + "\n", "utf-8", False),
    "kutip_spasi": ("\n".join([H, 'A-8; "01/03/2025";35.17.01.2001;PKH;;x;5', *B]) + "\n", "utf-8", False),
    "cp1252": ("\n".join([H, B[0].replace("Budi", "Caf\u00e9 \u201cB\u201d"), *B[1:]]) + "\n", "cp1252", False),
    "cr_saja": ("\r".join([H, *B]) + "\r", "utf-8", False),
}


@functools.cache
def _konteks() -> Konteks:
    k = buat_konfigurasi(Path("/nonexistent"))
    return Konteks(muat_wilayah(FOLDER_REFERENSI, k.kabupaten), muat_kunci(k), HARI_MUAT)


def _keluaran(jalur: Path, cepat: bool) -> list[dict[str, Any]]:
    return keluaran_lembar(jalur, _konteks(), cepat)


@pytest.mark.parametrize("nama", list(KASUS))
def test_sama_dengan_csv_reader(tmp_path: Path, nama: str) -> None:
    teks, kode, duckdb = KASUS[nama]
    f = tmp_path / f"{nama}.csv"
    f.write_bytes(teks.encode(kode))
    assert (csv_cepat.baca(f) is not None) is duckdb
    assert _keluaran(f, True) == _keluaran(f, False)


def test_nomor_baris_dan_baris_dilewati_dihitung_tangan(tmp_path: Path) -> None:
    # line 1-2 titles, 3 header, 4 column numbers (skipped), 5-7 data, 8 repeated header, 9 JUMLAH (skipped);
    # line 7 has umur 130 (warning), line 6 an unreadable date (quarantined)
    teks = "\n".join(["LAPORAN PUSKESOS", "Bulan: Maret", H, "1;2;3;4;5;6;7", B[0],
                      "A-2;32/03/2025;3517012002;Lansia;;Sari;", B[2], H, "JUMLAH;;;;;;3"]) + "\n"
    f = tmp_path / "kasus.csv"
    f.write_text(teks, encoding="utf-8")
    assert csv_cepat.baca(f) is not None
    (s,) = ingest._lembar(f, None, _konteks(), "0" * 64, False)
    r = s.ringkasan
    assert (r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina, r.baris_dilewati) == (3, 2, 1, 5)
    assert s.hasil is not None
    assert [k["baris"] for k in s.hasil.karantina] == [6]
    assert s.hasil.karantina[0]["alasan"].startswith('tanggal_lapor "32/03/2025" bukan tanggal yang sah')
    assert s.hasil.kolom_dimuat()["_baris"] == [5, 7]
    assert [(w["baris"], w["jenis_peringatan"]) for w in s.hasil.peringatan] == [(7, "nilai_tidak_valid")]


def test_banyak_baris_tak_polos_sama(tmp_path: Path) -> None:
    """More than 1,000 rows whose first cells are not plain ASCII: classified per distinct cell, then whole."""
    baris = [H]
    for i in range(1500):
        awal = f"\u00d1-{i}" if i % 3 else f"  r{i} "
        baris.append(f"{awal};02/03/2025;35.17.01.2001;PKH;;x;{i % 150}")
        if i % 500 == 0:
            baris.append("Jumlah;;;;;;")
    f = tmp_path / "unik.csv"
    f.write_text("\n".join(baris) + "\n", encoding="utf-8")
    assert csv_cepat.baca(f) is not None
    lama, baru = _keluaran(f, False), _keluaran(f, True)
    assert baru == lama
    assert baru[0]["ringkasan"]["baris_dilewati"] == 3 and baru[0]["ringkasan"]["baris_dibaca"] == 1500


@pytest.mark.parametrize(("data", "janggal"), [
    (b'a;b\n"x";"y"\n', False), (b'a;b\n"x""y";2\n', False), (b'a;b\n"";2\n', False), (b'"a";b\r\n1;"2"', False),
    (b'a;b\nx""y;2\n', False), (b'a;b\nx"y;2\n', True), (b'a;b\n"x"y;2\n', True), (b'a;b\n "x";2\n', True),
    (b'a;b\n\t"x";2\n', True), (b'a\tb\n\t"x"\n', False), (b'a;b\n"x" ;2\n', True),
])
def test_kutip_janggal(data: bytes, janggal: bool) -> None:
    pemisah = "\t" if data.startswith(b"a\t") else ";"
    assert csv_cepat._kutip_janggal(data, pemisah) is janggal


def test_pasti_data_hanya_bila_ciri_setuju() -> None:
    pertama = ["A-1", "JUMLAH", "1", "1.0", "00", "2", "no_registrasi", "na", " A-2", "\u00d1", None, "x", "Total"]
    kedua = ["02/03/2025"] * 10 + ["02/03/2025", "total", "x"]
    pasti = _pasti_data(_kamus(pa.array(pertama, pa.string())), _kamus(pa.array(kedua, pa.string())), len(pertama),
                        "no_registrasi")
    # by hand: data only where the first cell is plain, filled and no total/header/0-1 number, the second no total
    assert pasti.tolist() == [True, False, False, False, False, True, False, False, False, False, False, False,
                              False]
    for a, b, p in zip(pertama, kedua, pasti.tolist(), strict=True):  # never more than the row-wise rule
        c0, c1 = _ciri(a.strip() if a else a, False, "no_registrasi"), _ciri(b, True, "no_registrasi")
        if p:
            assert c0 == (True, False) and c1 == (True, False)


@pytest.mark.parametrize("kedua", [False, True])
def test_ciri_kamus_sama_dengan_ciri_per_sel(kedua: bool) -> None:
    """`_ciri_kamus` (plain ASCII cells decided on Arrow, the rest by `_ciri`) gives `_ciri` of every cell."""
    sel = ["N1", "JUMLAH", " jumlah ", "Total:", "no_registrasi", "No Registrasi", "1", "0", "1.0", "01", "10", "",
           " ", None, "-", "n/a", "NaN", "\uff2aumlah", "Grand Total", "sub-total", "\u00a0N1\u00a0", "N\u0661",
           "\u00b2", "\u0130", "\u212a", "x\x1f", "2024-12-01", "N1", None, "35.17.01.2001"]
    dihitung = _ciri_kamus(_kamus(pa.array(sel, pa.string())), kedua, "no_registrasi")
    assert [tuple(c) for c in dihitung.tolist()] == [_ciri(teks(x), kedua, "no_registrasi") for x in sel]
    assert dihitung[0].tolist() == [True, False] and dihitung[1].tolist() == [True, True]


def test_faktor_arrow_sama_dengan_faktor() -> None:
    sel = ["b", None, "a", "b", None, "", "a"]
    kode, unik = _faktor_kamus(_kamus(pa.chunked_array([pa.array(sel[:3], pa.string()),
                                                       pa.array(sel[3:], pa.string())])))
    kode_l, unik_l = faktor(pd.Series(np.array(sel, dtype=object), dtype=object))
    assert kode.tolist() == kode_l.tolist() == [0, 3, 1, 0, 3, 2, 1]
    assert unik.tolist() == unik_l.tolist() == ["b", "a", "", None]


def test_acak_sama_dengan_csv_reader(tmp_path: Path) -> None:
    """150 random files (fixed seed) of a real header over rows built from the characters that trouble CSV readers
    (quotes, delimiters, spaces, tabs, line breaks, an accent, codes and dates): both paths give the same."""
    rng = np.random.default_rng(15)
    potong = ['"', '""', ";", " ", "\t", "\n", ";x;", "x", "\u00e9", "A-1", "35.17.01.2001", "02/03/2025", "PKH",
              "JUMLAH", "1", ",", "3517014506800001"]
    dipakai = 0
    for n in range(150):
        isi = "".join(rng.choice(potong, size=int(rng.integers(5, 40))).tolist())
        f = tmp_path / f"acak{n}.csv"
        f.write_text(H + "\n" + B[0] + "\n" + isi + "\n" + B[1] + "\n", encoding="utf-8")
        dipakai += csv_cepat.baca(f) is not None
        assert _keluaran(f, True) == _keluaran(f, False), isi
    assert dipakai >= 40  # the DuckDB path was really exercised


def test_batas_memori_proses_pakai_pembaca_lama(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under an address-space limit (an upload's checker) DuckDB may crash the process: the old reader reads."""
    f = tmp_path / "kasus.csv"
    f.write_text("\n".join([H, *B]) + "\n", encoding="utf-8")
    assert csv_cepat.baca(f) is not None
    monkeypatch.setattr(duckdb_proses.resource, "getrlimit", lambda _: (2048 << 20, 2048 << 20))
    assert csv_cepat.baca(f) is None
    assert _keluaran(f, True)[0]["ringkasan"]["baris_dimuat"] == 3
