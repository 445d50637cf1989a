"""The column-wise validation (per distinct value, Arrow short paths) gives what the row-by-row rules give.

`faktor` must tell values apart exactly as the old dict keyed on (type, value) did; the NIK/KK short path must
accept only what `periksa_nik`/`periksa_kk` accept, with the same normalised digits (so the same pseudonym); the
column-wise row classification of `cari_tabel` must skip exactly the rows the row-wise rules skip; and the writer's
Arrow hand-over must store what the old object hand-over stored.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from akses import atur_kunci_sql, periksa_kk, periksa_nik, pseudonim, pseudonim_banyak, sql_pseudonim_kasus
from pipelines.ingest import _sebagai_arrow
from pipelines.validasi.kolom import _id_cepat, identitas, samaran
from pipelines.validasi.umum import Faktor, Konteks, Pencatat, cari_tabel, faktor, ganda_dalam_berkas

KEC = frozenset({"351701", "351702"})


def test_faktor_membedakan_jenis_dan_kosong() -> None:
    nan = float("nan")
    kolom = pd.Series(["1", 1, 1.0, True, None, nan, "1", None, 1, nan], dtype=object)
    kode, unik = faktor(kolom)
    # first appearance order; "1", 1, 1.0 and True are four values; None and NaN two empties
    assert kode.tolist() == [0, 1, 2, 3, 4, 5, 0, 4, 1, 5]
    assert [type(v).__name__ for v in unik] == ["str", "int", "float", "bool", "NoneType", "float"]
    assert math.isnan(unik[5])


def test_faktor_kolom_teks_dengan_kosong() -> None:
    kode, unik = faktor(pd.Series(["b", None, "a", "b", float("nan"), None], dtype=object))
    assert kode.tolist() == [0, 2, 1, 0, 3, 2]
    assert unik[0] == "b" and unik[1] == "a" and unik[2] is None and math.isnan(unik[3])


def test_ganda_dalam_berkas_per_repr() -> None:
    data = pd.DataFrame({"a": ["x", "x", "x", None, None, "y"], "b": [1, 1.0, 1, None, None, 0.0]}, dtype=object)
    # (x, 1) twice (rows 0 and 2; 1.0 has another repr), (None, None) twice: the earlier of each pair is marked
    assert ganda_dalam_berkas(data, ["a", "b"]).tolist() == [True, False, False, True, False, False]


def test_jalur_pendek_nik_hanya_yang_sah() -> None:
    sel = np.array(["3517014506800001", "3517 0145 0680 0001", " '3517.014506.800001 ", "3517-0145-0680-0001",
                    "3517014506800000",  # last four zero
                    "3599014506800001",  # kecamatan not in the list
                    "3517019506800001",  # day 95
                    "3517014513800001",  # month 13
                    "3517014506800001\t",  # a tab: not on the short path
                    "351701450680000",  # 15 digits
                    "3.51701E+15", "", None, 3517014506800001.0], dtype=object)
    cepat = _id_cepat(sel, KEC).to_pylist()
    assert cepat == ["3517014506800001"] * 4 + [None] * 10
    # whatever the short path accepts, the full rule accepts with the same digits
    for v, c in zip(sel, cepat, strict=True):
        if c is not None:
            assert periksa_nik(v, KEC) == (c, None)
    assert periksa_nik("3517014506800001\t", KEC) == ("3517014506800001", None)  # full rules still read it
    assert _id_cepat(np.array(["3517014506800001", "0000000000000000", "0000 0000 0000 0001"], dtype=object),
                     None).to_pylist() == ["3517014506800001", None, "0000000000000001"]
    assert periksa_kk("0000000000000000") == (None, "nol semua")


def test_identitas_pseudonim_sama_untuk_setiap_ejaan() -> None:
    from pipelines.konfigurasi import FOLDER_REFERENSI
    from pipelines.wilayah import muat_wilayah

    kunci = b"kunci-uji"
    konteks = Konteks(muat_wilayah(FOLDER_REFERENSI, ("35.17",)), kunci, date(2026, 1, 1))
    data = pd.DataFrame({"_baris": [2, 3, 4, 5], "nik": ["3517014506800001", "3517 0145 0680 0001",
                                                          "3517019506800001", None]}, dtype=object)
    p = Pencatat(data)
    nik, kk = identitas(p, data, konteks)
    harapan = hmac.new(kunci, b"3517014506800001", hashlib.sha256).hexdigest()
    assert nik.tolist() == [harapan, harapan, None, None]
    assert kk.tolist() == [None] * 4
    assert [(w["baris"], w["pesan"]) for w in p.peringatan] == [
        (4, "NIK digit 7-8 (tanggal lahir) tidak sah; NIK tidak disimpan")]


@pytest.mark.parametrize("kunci", [b"kunci-uji", b"k" * 65, "kunci-\u00e9".encode()])  # a key over 64 bytes is hashed
def test_samaran_sama_dengan_hmac(kunci: bytes) -> None:
    teks = ["3517014506800001", None, "3517014506800002", "0000000000000001"]
    harapan = [None if t is None else hmac.new(kunci, t.encode("ascii"), hashlib.sha256).hexdigest() for t in teks]
    assert samaran(kunci, pa.array(teks)).tolist() == harapan
    assert pseudonim_banyak(kunci, teks) == harapan
    assert [pseudonim(kunci, t) for t in teks if t] == [h for h in harapan if h]
    # the SQL pseudonym of a case uses the same pads (`atur_kunci_sql`): its first 12 hex digits are the HMAC's
    con = duckdb.connect()
    atur_kunci_sql(con, kunci)
    baris = con.execute(f"select {sql_pseudonim_kasus('$d', '$r')}", {"d": "35.17.01.2001", "r": "A1"}).fetchall()
    assert baris[0][0] == hmac.new(kunci, b"35.17.01.2001|A1", hashlib.sha256).hexdigest()[:12]


def test_identitas_jalur_lengkap_dan_sel_bukan_teks() -> None:
    from pipelines.konfigurasi import FOLDER_REFERENSI
    from pipelines.wilayah import muat_wilayah

    kunci = b"kunci-uji"
    konteks = Konteks(muat_wilayah(FOLDER_REFERENSI, ("35.17",)), kunci, date(2026, 1, 1))
    # a tab is read by the full rules only; a number (an Excel cell) is refused; a KK of 16 zeros too
    data = pd.DataFrame({"_baris": [2, 3, 4, 5], "nik": ["3517014506800001\t", 3517014506800001.0,
                                                          "3517014506800001", "-"],
                         "no_kk": ["0000000000000000", "3517010101010001", None, "3517 0101 0101 0001"]},
                        dtype=object)
    p = Pencatat(data)
    nik, kk = identitas(p, data, konteks)
    h = {t: hmac.new(kunci, t.encode("ascii"), hashlib.sha256).hexdigest()
         for t in ("3517014506800001", "3517010101010001")}
    assert nik.tolist() == [h["3517014506800001"], None, h["3517014506800001"], None]
    assert kk.tolist() == [None, h["3517010101010001"], None, h["3517010101010001"]]
    assert [(w["baris"], w["pesan"]) for w in p.peringatan] == [
        (3, "NIK rusak: tersimpan sebagai angka di Excel; NIK tidak disimpan"),
        (2, "No KK nol semua; No KK tidak disimpan")]


def test_cari_tabel_melewati_baris_yang_sama() -> None:
    kepala = ["No Reg", "Tanggal", "Kode Desa", "Kategori"]
    baris = [["LAPORAN PUSKESOS"], [], kepala, ["1", "2", "3", "4"],
             ["A1", "01/03/2025", "35.17.01.2001", "PKH"],
             ["", "", "", ""],
             ["A2", "02/03/2025", "35.17.01.2001"],  # a short row: the missing cell is None
             kepala,  # a repeated header
             ["1", "02/03/2025", "35.17.01.2001", "PKH"],  # a data row starting with 1 (not a numbering row)
             [None, "03/03/2025", "35.17.01.2001", "Nihil"],  # a nihil row without a number
             ["JUMLAH", "", "", "3"], [" total ", None]]
    tabel = cari_tabel(baris, None)
    assert tabel is not None
    assert tabel.baris_header == 3
    assert tabel.data["_baris"].tolist() == [5, 7, 9, 10]
    assert tabel.data["no_registrasi"].tolist() == ["A1", "A2", "1", None]
    assert tabel.data["kategori"].tolist() == ["PKH", None, "PKH", "Nihil"]
    # 2 rows above the header, then the numbering row, the blank row, the repeated header and two total rows
    assert tabel.baris_dilewati == 2 + 5


def test_penulis_arrow_sama_dengan_objek() -> None:
    df = pd.DataFrame({"a": pd.Series(["x", None, "z"], dtype=object),
                       "d": pd.Series([date(2025, 3, 1), None, date(2025, 3, 3)], dtype=object),
                       "n": pd.Series([1, None, 3], dtype=object), "f": [1.5, float("nan"), 2.0],
                       "b": pd.Series([True, None, False], dtype=object), "t": [datetime(2025, 1, 1)] * 3})
    con = duckdb.connect()
    con.execute("create table t (a varchar, d date, n integer, f double, b boolean, t timestamp)")
    con.register("_a", _sebagai_arrow(df))
    con.execute("insert into t select * from _a")
    assert con.execute("select * from t").fetchall() == [
        ("x", date(2025, 3, 1), 1, 1.5, True, datetime(2025, 1, 1)), (None, None, None, None, None,
                                                                       datetime(2025, 1, 1)),
        ("z", date(2025, 3, 3), 3, 2.0, False, datetime(2025, 1, 1))]
    campur = pd.DataFrame({"a": pd.Series([1, "x", None], dtype=object)})
    assert isinstance(_sebagai_arrow(campur), pd.DataFrame)  # Arrow cannot type it: the old hand-over
    assert _sebagai_arrow(campur)["a"].tolist() == [1, "x", None]


def test_id_keluarga_jalur_pendek_sama_dengan_aturan_penuh() -> None:
    """`program._periksa_keluarga` passes exactly-16-ASCII-digit texts on the Arrow array without `id_keluarga`;
    every cell (among them spellings that only look like 16 digits) gets the normal value and reason the full rule
    gives, and a column that is not all text goes the full way."""
    from pipelines.validasi.program import _periksa_keluarga, id_keluarga

    teks = ["3517010101010001", "'3517010101010002", "3517 0101 0101 0003", " 3517010101010004", "3.51701E+15",
            "351701010101000\u0661", "\uff13517010101010005", "35170101010100050", "351701010101000", "ID-DTKS-77",
            "x!y", "", "-", None, "3517010101010001", "3517.0101.0101.0006"]
    for sel in (teks, [*teks, 3517010101010007.0]):
        f = Faktor.dari_seri(pd.Series(sel, dtype=object))
        normal, alasan = _periksa_keluarga(f)
        harapan = [id_keluarga(v) for v in f.unik]
        assert normal.to_pylist() == [n for n, _ in harapan]
        assert alasan == {i: a for i, (_, a) in enumerate(harapan) if a is not None}
    # by hand: the plain 16 digits pass as they are, 17 digits do not
    assert _periksa_keluarga(Faktor.dari_seri(pd.Series(teks[:1] + teks[7:8], dtype=object)))[0].to_pylist() == \
        ["3517010101010001", None]
