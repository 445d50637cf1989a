"""Memory and speed of a load: validation workers never far ahead of the writer, DuckDB's limit lowered while rows are
written, the whole `[gudang] batas_memori` given back to the build, and the Arrow tables of many files written in
one insert."""

from __future__ import annotations

import dataclasses
import os
import time
from datetime import datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from pipelines import build, ingest
from pipelines.gudang import SKEMA
from pipelines.ingest import LembarSiap, Penulis, RingkasanLembar, muat
from pipelines.validasi.umum import HasilValidasi

from tests.fixtures import FIXTURES, HARI_MUAT, buat_konfigurasi

WAKTU = datetime(2026, 12, 7, 8, 0)


def _berkas(tmp_path: Path, n: int) -> list[Path]:
    folder = tmp_path / "masukan"
    folder.mkdir()
    jalur = []
    for i in range(n):
        p = folder / f"berkas_{i:02d}.csv"
        p.write_bytes(b"kolom\n" + b"1\n" * 497)  # 1,000 bytes
        jalur.append(p)
    return jalur


def _pekerja_menandai(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[int, Path]:
    """(workers, folder in which each worker marks every file it starts); validation itself is replaced."""
    inti = min(os.cpu_count() or 1, 4)
    if inti < 2:
        pytest.skip("mesin ini hanya punya satu inti: validasi tidak memakai pekerja")
    penanda = tmp_path / "dimulai"
    penanda.mkdir()

    def lembar_palsu(jalur: Path, *_: object) -> list:
        (penanda / jalur.name).touch()  # the worker (a forked copy of this process) marks each file it starts
        return []

    monkeypatch.setattr(ingest, "_lembar", lembar_palsu)
    monkeypatch.setattr(ingest, "UKURAN_PARALEL", 0)  # these tiny files count as a large load
    monkeypatch.setattr(ingest, "DI_DEPAN_BYTE", 4000)  # four of them
    return inti, penanda


def test_pekerja_tidak_jauh_di_depan_penulis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inti, penanda = _pekerja_menandai(tmp_path, monkeypatch)
    berkas = _berkas(tmp_path, 12)
    hasil = ingest._validasi_berurutan(berkas, "konteks", None, None)  # type: ignore[arg-type]
    pertama = next(hasil)
    time.sleep(1.5)  # a writer busy with the first file: the workers could validate all twelve meanwhile
    dimulai = len(list(penanda.iterdir()))
    # handed out: four files (4,000 bytes; at least one per worker), then one more for the file the writer took
    assert dimulai <= max(4, inti) + 1 < len(berkas)
    sisanya = list(hasil)
    assert [pertama[0], *(j for j, _, _ in sisanya)] == berkas  # every file once, in order
    assert len(list(penanda.iterdir())) == len(berkas)


def test_berkas_berat_diserahkan_lebih_awal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, penanda = _pekerja_menandai(tmp_path, monkeypatch)
    monkeypatch.setattr(ingest, "BERAT_BARIS", 50)
    berkas = _berkas(tmp_path, 12)  # about 10 rows each (100 bytes a row)
    berat = tmp_path / "masukan" / "berat.csv"
    berat.write_bytes(b"kolom\n" + b"1\n" * 2497)  # 5,000 bytes: about 50 rows, a heavy file, last in line
    berkas.append(berat)
    hasil = ingest._validasi_berurutan(berkas, "konteks", None, None)  # type: ignore[arg-type]
    diambil = [next(hasil)[0], next(hasil)[0]]
    time.sleep(1.5)
    assert not (penanda / "berat.csv").exists()  # 120 rows before it, more than twice its 50: not yet
    diambil.append(next(hasil)[0])  # the writer now waits for the third file: 100 rows lie between
    time.sleep(1.5)
    assert (penanda / "berat.csv").exists()  # handed out ahead of its turn ...
    assert not (penanda / "berkas_11.csv").exists()  # ... before the files in line before it
    diambil.extend(j for j, _, _ in hasil)
    assert diambil == berkas  # still written in order, each file once
    assert len(list(penanda.iterdir())) == len(berkas)


def _batas_tercatat(monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    """DuckDB's memory limit and threads seen by the writer and by the build of the next load."""
    tercatat: dict[str, object] = {}
    tulis, bangun = Penulis.tulis, build.bangun

    def tulis_dicatat(self: Penulis) -> None:
        tercatat["menulis"] = self.con.execute("select current_setting('memory_limit')").fetchall()[0][0]
        tercatat["utas_menulis"] = self.con.execute("select current_setting('threads')").fetchall()[0][0]
        tulis(self)

    def bangun_dicatat(con, *a, **kw):  # type: ignore[no-untyped-def]
        tercatat["membangun"] = con.execute("select current_setting('memory_limit')").fetchall()[0][0]
        tercatat["utas_membangun"] = con.execute("select current_setting('threads')").fetchall()[0][0]
        return bangun(con, *a, **kw)

    monkeypatch.setattr(Penulis, "tulis", tulis_dicatat)
    monkeypatch.setattr(build, "bangun", bangun_dicatat)
    return tercatat


@pytest.mark.parametrize(("batas", "menulis", "membangun"), [
    ("2GB", "244.1 MiB", "1.8 GiB"),  # 256MB while writing, the whole 2GB (1.86 GiB) for the build
    ("3 GiB", "244.1 MiB", "3.0 GiB"),  # binary units and a space, as `[gudang] batas_memori` allows
    ("200MB", "190.7 MiB", "190.7 MiB"),  # already below 256MB: never raised
])
def test_batas_memori_saat_menulis_dan_membangun(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batas: str,
                                                menulis: str, membangun: str) -> None:
    tercatat = _batas_tercatat(monkeypatch)
    k = dataclasses.replace(buat_konfigurasi(tmp_path), batas_memori=batas)
    ringkasan = muat([FIXTURES / "kasus_perak_2025_03.csv"], k, hari_ini=HARI_MUAT)
    assert ringkasan[0].baris_dimuat == 8  # the March file of Kec. Perak: 11 rows read, 3 quarantined
    utas = duckdb.connect().execute("select current_setting('threads')").fetchall()[0][0]  # DuckDB's default
    # one thread while the rows are written, all of them back for the build
    assert tercatat == {"menulis": menulis, "membangun": membangun, "utas_menulis": 1, "utas_membangun": utas}


def _lembar_arrow(nama: str, kode_desa: list[str | None], kategori: list[str | None],
                  umur: list[int] | None) -> LembarSiap:
    """A validated case sheet as the column-wise validator gives it: dictionary columns, each file its own
    dictionary; `umur=None` leaves that column out (another schema)."""
    kolom = {"_baris": pa.array(range(2, 2 + len(kode_desa)), pa.int64()),
             "kode_desa": pa.array(kode_desa).dictionary_encode(), "kategori": pa.array(kategori).dictionary_encode()}
    if umur is not None:
        kolom["umur"] = pa.array(umur, pa.int64()).dictionary_encode()
    ringkasan = RingkasanLembar(nama, None, "laporan_kasus", baris_dibaca=len(kode_desa), baris_dimuat=len(kode_desa))
    return LembarSiap(ringkasan, "0" * 64, HasilValidasi(pa.table(kolom)))


def test_tabel_arrow_banyak_berkas_ditulis_sekali_dan_utuh(monkeypatch: pytest.MonkeyPatch) -> None:
    con = duckdb.connect()
    con.execute(SKEMA)
    sisipan: list[int] = []
    daftar = ingest._arrow_sekali

    def arrow_sekali_dicatat(tabel: list) -> list:
        hasil = daftar(tabel)
        sisipan.extend(t.num_rows for t in hasil)
        return hasil

    monkeypatch.setattr(ingest, "_arrow_sekali", arrow_sekali_dicatat)
    penulis = Penulis(con, WAKTU)
    penulis.tambah(_lembar_arrow("a.csv", ["3517012001", "3517012002", None], ["kdrt", None, "kdrt"], [30, 41, 30]))
    penulis.tambah(_lembar_arrow("b.csv", ["3517012002", "3517012002"], ["nihil", "bpjs"], None))
    penulis.tambah(_lembar_arrow("c.csv", ["3517012003"], ["bpjs"], [7]))
    penulis.tulis()
    # two inserts into raw_laporan_kasus: files a and c share a schema (4 rows), file b has no age column (2 rows)
    assert sisipan == [4, 2]
    baris = con.execute("select b.berkas, r.baris, r.kode_desa, r.kategori, r.umur from raw_laporan_kasus r "
                        "join meta_berkas b using (id_berkas) order by b.berkas, r.baris").fetchall()
    assert baris == [  # each value from its own file's dictionary, nulls kept
        ("a.csv", 2, "3517012001", "kdrt", 30), ("a.csv", 3, "3517012002", None, 41), ("a.csv", 4, None, "kdrt", 30),
        ("b.csv", 2, "3517012002", "nihil", None), ("b.csv", 3, "3517012002", "bpjs", None),
        ("c.csv", 2, "3517012003", "bpjs", 7),
    ]
