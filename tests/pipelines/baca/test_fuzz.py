"""Fuzzing the readers and validators (hypothesis): whatever bytes arrive, nothing crashes and every row is counted.

For random, truncated and mangled CSV, XLSX and Parquet files (huge cells, thousands of columns, mixed encodings,
NUL bytes, nested and non-finite Parquet values) the reading and validation step of the ingest (`ingest._lembar`,
what runs per file) must return summaries, never raise; and each summary is one of:

- `galat` set: the file cannot be read at all, with an Indonesian message (and nothing loaded from it);
- `jenis` None: a sheet without a recognised header, its filled rows counted as skipped, none read;
- otherwise `baris_dibaca = baris_dimuat + baris_dikarantina`, and the loaded rows insert into the warehouse's
  raw table (types fit) through the real writer (`ingest.Penulis`) on an in-memory DuckDB with the real schema.

Bounded so `make test` stays fast: 40 fixed (derandomised) examples per test, no deadline, and a 30 s ceiling per
file checked explicitly (a hang would show as a failure, not as a stuck run). A longer, random hunt:
`PANTAU_FUZZ_ACAK=1 PANTAU_FUZZ_CONTOH=2000 .venv/bin/python -m pytest tests/pipelines/baca/test_fuzz.py`.
"""

from __future__ import annotations

import functools
import io
import math
import os
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akses import muat_kunci
from pipelines import ingest
from pipelines.gudang import SKEMA
from pipelines.konfigurasi import FOLDER_REFERENSI
from pipelines.validasi.umum import Konteks
from pipelines.wilayah import muat_wilayah

from tests.fixtures import HARI_MUAT, buat_konfigurasi, keluaran_lembar

PENGATURAN = settings(max_examples=int(os.environ.get("PANTAU_FUZZ_CONTOH", "40")), deadline=None,
                      derandomize="PANTAU_FUZZ_ACAK" not in os.environ, print_blob=True, database=None,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                             HealthCheck.function_scoped_fixture])
BATAS_DETIK = 30.0


@functools.cache
def _konteks() -> Konteks:
    """The validation context of Kabupaten Jombang (a plain function: hypothesis would print a fixture's value)."""
    k = buat_konfigurasi(Path("/nonexistent"))
    return Konteks(muat_wilayah(FOLDER_REFERENSI, k.kabupaten), muat_kunci(k), HARI_MUAT)


@pytest.fixture
def konteks() -> Konteks:
    return _konteks()


def _periksa(jalur: Path, konteks: Konteks) -> list[ingest.RingkasanLembar]:
    """Read and validate like the ingest does; check the accounting and write the loaded rows for real."""
    mulai = time.monotonic()
    siap = ingest._lembar(jalur, None, konteks, "0" * 64, False)
    assert time.monotonic() - mulai < BATAS_DETIK, f"{jalur.name} took too long"
    assert siap, "every file gets at least one summary"
    con = duckdb.connect()
    con.execute(SKEMA)
    penulis = ingest.Penulis(con, datetime.now(UTC).replace(tzinfo=None))
    for s in siap:
        r = s.ringkasan
        if r.galat is not None:
            assert isinstance(r.galat, str) and r.galat and s.hasil is None
            assert r.baris_dimuat == 0
            continue
        if r.jenis is None:
            assert r.baris_dibaca == r.baris_dimuat == r.baris_dikarantina == 0 and s.hasil is None
            continue
        assert r.baris_dibaca == r.baris_dimuat + r.baris_dikarantina, r
        assert s.hasil is not None and len(s.hasil.dimuat) == r.baris_dimuat
        penulis.tambah(s)
    penulis.tulis()
    dimuat = sum(s.ringkasan.baris_dimuat for s in siap if s.ringkasan.galat is None)
    tertulis = sum(con.execute(f"select count(*) from {t}").fetchone()[0]  # type: ignore[index]
                   for t in ("raw_laporan_kasus", "raw_puskesos", "raw_penduduk", "raw_indikator_kemiskinan",
                             "raw_target_kemiskinan", "raw_dtks", "raw_penerima_program"))
    assert tertulis == dimuat
    con.close()
    return [s.ringkasan for s in siap]


# 1/ cell values: plausible ones from the contract and hostile ones
KEPALA_KASUS = [
    ["No", "No. Reg", "Tgl Lapor", "Desa/Kelurahan", "Kecamatan", "NIK Pelapor", "Jenis Layanan", "Dirujuk Ke",
     "Tgl Rujuk", "Tgl Selesai", "Status Rujukan", "Tanggal Kirim", "Umur", "Desil", "DTKS"],
    ["kode_desa", "no_registrasi", "tanggal_lapor", "kategori", "nik", "no_kk", "umur"],
]
KEPALA_LAIN = [
    ["kode_desa", "status", "nomor_sk", "tanggal_sk", "ketua_terlatih", "tahun", "anggaran_rp"],
    ["kode_desa", "tahun", "jumlah_penduduk", "jumlah_kk"],
    ["id_keluarga", "kode_desa", "desil", "status", "periode"],
]
NILAI_WAJAR = st.sampled_from([
    "", "-", "03/03/2025", "2025-03-31", "31/02/2025", "5 Maret 2025", "12.03.2025", "45717", "Perak", "Ds. Perak",
    "Jantiganggong", "Sumbrejo", "35.17.01.2001", "3517012001", "99.99.99.9999", "Pengaktifan BPJS", "KDRT",
    "Tidak ada kasus", "BPJS", "Dinsos", "Selesai", "Dikirim", "3517014506800001", "'3517015507900003",
    "3.51701E+15", "=HYPERLINK(\"x\")", "+1", "@SUM(A1)", "Ya", "Tidak", "1", "10", "-5", "999999999999999999999",
    "1e308", "inf", "nan", "JUMLAH", "TOTAL", "Rp 5.000.000", "2001-001", "Aktif", "2025", "Juni 2025",
])
NILAI_LIAR = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12),
    st.integers(min_value=1, max_value=5).map(lambda n: "x" * (10 ** n)),  # up to 100 kB (20 MB: fixed test)
    st.sampled_from(["\x00", "\r", "\n", '"', '""', "\ufeff", "\u00a0", "é", "€", "ÿþ", "\t;|,"]),
)
SEL = st.one_of(NILAI_WAJAR, NILAI_WAJAR, NILAI_LIAR)


@st.composite
def lembar(draw: st.DrawFn, maks_baris: int = 30) -> list[list[str]]:
    """Rows of text: optional title rows, a known or random header, data rows of ragged width."""
    judul = draw(st.lists(st.lists(SEL, max_size=3), max_size=3))
    kepala = draw(st.one_of(st.sampled_from(KEPALA_KASUS + KEPALA_LAIN), st.lists(SEL, min_size=1, max_size=8)))
    lebar = len(kepala)
    data = draw(st.lists(st.lists(SEL, min_size=0, max_size=lebar + 3), max_size=maks_baris))
    return [*judul, list(kepala), *data]


def _csv_teks(baris: list[list[str]], pemisah: str) -> str:
    import csv

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=pemisah, lineterminator="\r\n")
    for r in baris:
        w.writerow(r)
    return buf.getvalue()


@st.composite
def byte_csv(draw: st.DrawFn) -> bytes:
    """A CSV in one or several encodings (mixed line by line), maybe truncated or with bytes flipped."""
    teks = _csv_teks(draw(lembar()), draw(st.sampled_from([",", ";", "\t", "|"])))
    bagian = []
    for baris in teks.splitlines(keepends=True):
        kode = draw(st.sampled_from(["utf-8", "utf-8", "cp1252", "latin-1", "utf-16"]))
        bagian.append(baris.encode(kode, errors="replace"))
    data = b"".join(bagian)
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    return _rusak(draw, data)


def _rusak(draw: st.DrawFn, data: bytes) -> bytes:
    """Truncate, or overwrite a few bytes, or leave as is."""
    cara = draw(st.sampled_from(["utuh", "utuh", "potong", "ubah"]))
    if cara == "potong" and data:
        return data[: draw(st.integers(0, len(data) - 1))]
    if cara == "ubah" and data:
        b = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            b[draw(st.integers(0, len(b) - 1))] = draw(st.integers(0, 255))
        return bytes(b)
    return data


# 2/ the tests
@PENGATURAN
@given(data=byte_csv())
def test_csv_acak(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "acak.csv"
    p.write_bytes(data)
    _periksa(p, _konteks())


@PENGATURAN
@given(data=st.binary(max_size=4096), akhiran=st.sampled_from([".csv", ".xlsx", ".xls", ".parquet", ".tsv"]))
def test_byte_acak_semua_format(tmp_path: Path, data: bytes, akhiran: str) -> None:
    p = tmp_path / f"acak{akhiran}"
    p.write_bytes(data)
    _periksa(p, _konteks())


SEL_EXCEL = st.one_of(SEL, st.floats(allow_nan=False, allow_infinity=False), st.integers(-(2**53), 2**53),
                      st.booleans(), st.dates(min_value=date(1900, 3, 1), max_value=date(9999, 12, 31)))


@st.composite
def byte_xlsx(draw: st.DrawFn) -> bytes:
    buf = io.BytesIO()
    buku = xlsxwriter.Workbook(buf, {"strings_to_formulas": False, "strings_to_numbers": False,
                                     "strings_to_urls": False, "in_memory": True})
    gaya_tanggal = buku.add_format({"num_format": "dd/mm/yyyy"})
    for n in range(draw(st.integers(1, 3))):
        ws = buku.add_worksheet(f"L{n}")
        baris = draw(lembar(maks_baris=15))
        for i, r in enumerate(baris):
            for j, _ in enumerate(r):
                v = draw(SEL_EXCEL) if i > 0 and draw(st.booleans()) else r[j]
                if isinstance(v, date):
                    ws.write_datetime(i, j, datetime(v.year, v.month, v.day), gaya_tanggal)
                elif isinstance(v, str):
                    ws.write_string(i, j, v[:32767].replace("\x00", ""))
                else:
                    ws.write(i, j, v)
    buku.close()
    return _rusak(draw, buf.getvalue())


@PENGATURAN
@given(data=byte_xlsx())
def test_xlsx_acak(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "acak.xlsx"
    p.write_bytes(data)
    _periksa(p, _konteks())


KOLOM_PARQUET = st.sampled_from([
    ("kode_desa", pa.string(), st.one_of(NILAI_WAJAR, st.none())),
    ("no_registrasi", pa.string(), st.one_of(SEL, st.none())),
    ("tanggal_lapor", pa.date32(), st.one_of(st.dates(min_value=date(1, 1, 1)), st.none())),
    ("tanggal_lapor", pa.string(), SEL),
    ("tanggal_lapor", pa.float64(), st.floats()),
    ("tanggal_rujuk", pa.timestamp("us", tz="Asia/Jakarta"),
     st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(2200, 1, 1), timezones=st.just(UTC))),
    ("kategori", pa.string(), SEL),
    ("kategori", pa.list_(pa.int64()), st.lists(st.integers(-5, 5), max_size=3)),
    ("umur", pa.int64(), st.integers(-(2**63), 2**63 - 1)),
    ("umur", pa.float64(), st.floats()),
    ("desil", pa.decimal128(20, 4), st.decimals(min_value=-(10**10), max_value=10**10, places=4,
                                                allow_nan=False)),
    ("nik", pa.binary(), st.binary(max_size=20)),
    ("nik", pa.float64(), st.floats(min_value=0, max_value=1e17)),
    ("terdaftar_dtks", pa.bool_(), st.booleans()),
    ("kode_desa", pa.struct([("a", pa.int32())]), st.fixed_dictionaries({"a": st.integers(0, 9)})),
    ("kolom_aneh", pa.null(), st.none()),
])


@st.composite
def byte_parquet(draw: st.DrawFn) -> bytes:
    """A Parquet file of typed columns (nested, binary, decimal, non-finite floats, far dates), maybe truncated."""
    kolom = draw(st.lists(KOLOM_PARQUET, min_size=1, max_size=8))
    n = draw(st.integers(0, 20))
    larik, nama = [], []
    for i, (k, tipe, nilai) in enumerate(kolom):
        isi = [draw(nilai) for _ in range(n)]
        if tipe == pa.decimal128(20, 4):
            isi = [Decimal(v).quantize(Decimal("0.0001")) for v in isi]
        larik.append(pa.array(isi, type=tipe))
        nama.append(k if k not in nama else f"{k}_{i}")
    buf = io.BytesIO()
    pq.write_table(pa.table(larik, names=nama), buf)
    return _rusak(draw, buf.getvalue())


@PENGATURAN
@given(data=byte_parquet())
def test_parquet_acak(tmp_path: Path, data: bytes) -> None:
    p = tmp_path / "acak.parquet"
    p.write_bytes(data)
    _periksa(p, _konteks())


def _hasil_lembar(jalur: Path, cepat: bool) -> list[dict[str, Any]]:
    return keluaran_lembar(jalur, _konteks(), cepat)


@PENGATURAN
@given(data=byte_parquet())
def test_parquet_acak_kolom_sama_dengan_baris(tmp_path: Path, data: bytes) -> None:
    """A Parquet case register read as Arrow columns (`cari_tabel_arrow`) gives what reading it row by row gives:
    summary, every loaded cell and its type, quarantine and warnings; or steps aside."""
    p = tmp_path / "acak.parquet"
    p.write_bytes(data)
    assert _hasil_lembar(p, True) == _hasil_lembar(p, False)


# 3/ fixed nasty cases (kept outside hypothesis so they always run)
def test_ribuan_kolom(tmp_path: Path, konteks: Konteks) -> None:
    """5,000 columns: the three required ones first, then junk; 200 rows all loaded (valid desa, date, kategori)."""
    kepala = ["kode_desa", "tanggal_lapor", "kategori", "no_registrasi"] + [f"k{i}" for i in range(4996)]
    baris = [",".join(kepala)]
    for i in range(200):
        baris.append(",".join(["35.17.01.2001", "03/03/2025", "KDRT", f"R-{i}"] + ["x"] * 4996))
    p = tmp_path / "lebar.csv"
    p.write_text("\n".join(baris) + "\n", encoding="utf-8")
    (r,) = _periksa(p, konteks)
    assert (r.jenis, r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina) == ("laporan_kasus", 200, 200, 0)
    assert len(r.kolom_diabaikan) + len(r.kolom_pribadi_dibuang) == 4996


@pytest.mark.parametrize("akhiran", [".csv", ".parquet"])
def test_angka_superskrip_di_sel_pertama(tmp_path: Path, konteks: Konteks, akhiran: str) -> None:
    """A superscript digit ("²": a digit to `str.isdigit`, not to `int`) in a row's first cell, and a row of them,
    are data rows quarantined with a reason (no crash), on the column-wise and the row-by-row path alike; the
    row 1, 2, 3, 4 is a column-number row, skipped."""
    baris = [["35.17.01.2001", "03/03/2025", "KDRT", "R-1"], ["²", "03/03/2025", "KDRT", "R-2"],
             ["²", "³", "⁴", "⁵"], ["1", "2", "3", "4"], ["35.17.01.2001", "03/03/2025", "KDRT", "R-3"]]
    kepala = ["kode_desa", "tanggal_lapor", "kategori", "no_registrasi"]
    p = tmp_path / f"superskrip{akhiran}"
    if akhiran == ".csv":
        p.write_text("\n".join(",".join(r) for r in [kepala, *baris]) + "\n", encoding="utf-8")
    else:
        pq.write_table(pa.table({k: [r[i] for r in baris] for i, k in enumerate(kepala)}), p)
    (r,) = _periksa(p, konteks)
    assert (r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina, r.baris_dilewati) == (4, 2, 2, 1)
    assert _hasil_lembar(p, True) == _hasil_lembar(p, False)


def test_sel_raksasa_csv(tmp_path: Path, konteks: Konteks) -> None:
    """A 20 MB cell (over the csv module's field limit): the file gets a summary with `galat`, not a crash."""
    p = tmp_path / "raksasa.csv"
    p.write_bytes(b"kode_desa,tanggal_lapor,kategori,no_registrasi\n35.17.01.2001,03/03/2025,KDRT,\"" +
                  b"y" * (20 << 20) + b"\"\n")
    (r,) = _periksa(p, konteks)
    assert r.galat is not None and "terlalu besar" in r.galat


def test_bom_dengan_byte_cp1252(tmp_path: Path, konteks: Konteks) -> None:
    """A UTF-8 BOM followed by Windows-1252 bytes (a mixed-encoding file): read as Windows-1252, rows load."""
    p = tmp_path / "campur.csv"
    p.write_bytes(b"\xef\xbb\xbfkode_desa;tanggal_lapor;kategori;no_registrasi\n"
                  b"35.17.01.2001;03/03/2025;KDRT;R-1\n35.17.01.2001;04/03/2025;Lansia \xe9;R-2\n")
    (r,) = _periksa(p, konteks)
    assert (r.baris_dibaca, r.baris_dimuat) == (2, 2)


def test_parquet_tak_hingga_dan_bersarang(tmp_path: Path, konteks: Konteks) -> None:
    """inf/-inf/NaN dates and umur, a list column and a struct column: 3 rows read, the accounting holds.

    Row 1 has a valid date string and desa -> loaded; rows 2-3 have inf/-inf as tanggal_lapor -> quarantined.
    """
    tabel = pa.table({
        "kode_desa": ["35.17.01.2001"] * 3,
        "tanggal_lapor": pa.array([45719.0, math.inf, -math.inf]),
        "kategori": ["KDRT", "Lansia", "KIS"],
        "no_registrasi": ["R-1", "R-2", "R-3"],
        "umur": pa.array([math.nan, math.inf, 1e300]),
        "program": pa.array([[1, 2], [], None], type=pa.list_(pa.int64())),
        "kanal": pa.array([{"a": 1}, {"a": 2}, None], type=pa.struct([("a", pa.int64())])),
    })
    p = tmp_path / "aneh.parquet"
    pq.write_table(tabel, p)
    (r,) = _periksa(p, konteks)
    # 45719 is the Excel serial of 2025-03-03: row 1 loads; inf/-inf are no date -> rows 2 and 3 quarantined
    assert (r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina) == (3, 1, 2)


def test_xlsx_rentang_raksasa(tmp_path: Path, konteks: Konteks) -> None:
    """Two cells, A1 and XFD1048576: the used range would be 17 billion cells. Refused with `galat`, quickly."""
    p = tmp_path / "jauh.xlsx"
    buku = xlsxwriter.Workbook(str(p))
    ws = buku.add_worksheet("Data")
    ws.write_string(0, 0, "kode_desa")
    ws.write_string(1048575, 16383, "x")
    buku.close()
    (r,) = _periksa(p, konteks)
    assert r.galat is not None and "terlalu besar" in r.galat


def test_parquet_nama_kolom_bukan_utf8(tmp_path: Path, konteks: Konteks) -> None:
    """A damaged Parquet whose column name is not UTF-8 (found by `test_parquet_acak`): a summary with `galat`."""
    buf = io.BytesIO()
    pq.write_table(pa.table({"kode_desa": ["35.17.01.2001"], "zqzq": ["x"]}), buf, store_schema=False)
    p = tmp_path / "nama_rusak.parquet"
    p.write_bytes(buf.getvalue().replace(b"zqzq", b"\x80zqz"))
    (r,) = _periksa(p, konteks)
    assert r.galat is not None and "tidak dapat dibaca" in r.galat and r.baris_dimuat == 0


def test_parquet_dtks_kolom_sama_dengan_baris(tmp_path: Path) -> None:
    """A DTKS extract as Parquet (desil as int8, a JUMLAH row, a desa not in the national list, a short and a missing
    id, a desil out of range, a family twice) is read column-wise (`cari_tabel_arrow`, `_tabel_kamus`) with the
    row-by-row outcome; with a floating-point column it is read row by row, with the same outcome."""
    from pipelines.validasi.umum import cari_tabel_arrow

    kolom = {
        "id_keluarga": ["3517010101250001", "JUMLAH", "3517010101250002", "3517010101250003", "12", None,
                        "3517010101250001"],
        "kode_desa": ["35.17.01.2001", None, "35.99.01.2001", "3517012002", "35.17.01.2001", "35.17.01.2001",
                      "35.17.01.2001"],
        "desil": pa.array([1, None, 2, 11, 3, 4, 1], pa.int8()),
        "status": ["aktif", None, "Aktif", "nonaktif", "aktif", "aktif", "aktif"],
        "periode": ["2025-06", None, "2025-06", "Juni 2025", "2025-06", "2025-06", "2025-06"],
    }
    hasil = []
    for desil in (kolom["desil"], kolom["desil"].cast(pa.float64())):
        p = tmp_path / f"dtks_{desil.type}.parquet"
        pq.write_table(pa.table({**kolom, "desil": desil}), p)
        assert (cari_tabel_arrow(pq.read_table(p), None) is None) == pa.types.is_floating(desil.type)
        cepat, baris = _hasil_lembar(p, True), _hasil_lembar(p, False)
        assert cepat == baris
        hasil.append(cepat[0])
    for h in hasil:
        r = h["ringkasan"]
        # JUMLAH (line 3) skipped; quarantined: line 4 (35.99 is no regency), line 6 (2-digit id), line 7 (no id)
        assert (r["jenis"], r["baris_dibaca"], r["baris_dimuat"], r["baris_dikarantina"], r["baris_dilewati"]) == (
            "dtks", 6, 3, 3, 1)
        assert r["peringatan"] == {"duplikat_dalam_berkas": 1, "nilai_tidak_valid": 1}  # line 2 again; desil 11
        assert h["dimuat"]["_baris"] == ["2", "5", "8"] and [k["baris"] for k in h["karantina"]] == [4, 6, 7]
        assert h["dimuat"]["kode_desa"] == ["'35.17.01.2001'", "'35.17.01.2002'", "'35.17.01.2001'"]


def test_parquet_kasus_kolom_sama_dengan_baris(tmp_path: Path) -> None:
    """A typed Parquet register (dates as date32 and as text, NIK as text and as a number, a JUMLAH row, a row with
    an empty first cell, an unknown desa, a future date) is read column-wise, with the row-by-row outcome."""
    from pipelines.validasi.umum import cari_tabel_arrow

    tabel = pa.table({
        "no_registrasi": ["A-1", None, "A-3", "JUMLAH", "A-5", "A-5"],
        "tanggal_lapor": pa.array([date(2025, 3, 1), date(2025, 3, 2), None, None, date(2031, 1, 1),
                                   date(2025, 3, 5)], type=pa.date32()),
        "kode_desa": ["35.17.01.2001", "3517012002", "35.17.01.2001", None, "35.99.01.2001", "35.17.01.2001"],
        "kategori": ["PKH", "Lansia", "kip", None, "KDRT", "bansos aneh"],
        "nik": pa.array([3517014506800001, None, 3517014506800002, None, 1, 3517014506800001], type=pa.int64()),
        "umur": [40.0, 130.0, None, None, 7.5, 30.0],
        "tanggal_rujuk": ["01/02/2025", "03/03/2025", "x", None, None, "2025-03-06"],
        "dirujuk_ke": ["Dinsos", None, "Puskesmas", None, None, "Dinsos"],
    })
    p = tmp_path / "kasus.parquet"
    pq.write_table(tabel, p)
    assert cari_tabel_arrow(pq.read_table(p), None) is not None  # the column-wise path takes it
    cepat, baris = _hasil_lembar(p, True), _hasil_lembar(p, False)
    assert cepat == baris
    r = cepat[0]["ringkasan"]
    # 6 rows: JUMLAH skipped; quarantined: line 3 (no no_registrasi), A-3 (no tanggal_lapor), the first A-5 (a
    # desa outside the regency); loaded: A-1 (line 2) and the second A-5 (line 7)
    assert (r["baris_dibaca"], r["baris_dimuat"], r["baris_dikarantina"], r["baris_dilewati"]) == (5, 2, 3, 1)
    assert cepat[0]["dimuat"]["_baris"] == ["2", "7"]
