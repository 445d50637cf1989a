"""Readers: CSV delimiters and encodings, XLSX sheets, Parquet, header detection within the first 20 rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from openpyxl import Workbook

from pipelines.baca.berkas import KesalahanBaca, baca_berkas
from pipelines.ingest import muat
from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import HARI_MUAT

HEADER = ["no_registrasi", "tanggal_lapor", "kode_desa", "kategori"]
BARIS = [["A-1", "02/03/2025", "35.17.01.2001", "PKH"], ["A-2", "3 Maret 2025", "3517012002", "Lansia"]]


@pytest.mark.parametrize("pemisah", [",", ";", "\t", "|"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_csv_semua_pemisah_dan_encoding(tmp_path: Path, konfigurasi: Konfigurasi, pemisah: str,
                                        encoding: str) -> None:
    f = tmp_path / "kasus.csv"
    teks = "\n".join(pemisah.join(r) for r in [["Laporan Desa Caf\u00e9"], HEADER, *BARIS]) + "\n"
    f.write_bytes(teks.encode(encoding))
    r = muat([f], konfigurasi, hari_ini=HARI_MUAT)
    assert (r[0].jenis, r[0].baris_dibaca, r[0].baris_dimuat, r[0].baris_dilewati) == ("laporan_kasus", 2, 2, 1)


def test_header_setelah_baris_20_tidak_dikenali(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    f = tmp_path / "kasus.csv"
    f.write_text("\n".join(["judul"] * 20 + [",".join(HEADER)] + [",".join(b) for b in BARIS]) + "\n")
    r = muat([f], konfigurasi, hari_ini=HARI_MUAT)
    assert r[0].jenis is None and r[0].galat


def test_xlsx_beberapa_lembar_dan_parquet(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    wb = Workbook()
    wb.active.title = "Jan"
    wb.active.append(HEADER)
    wb.active.append(["B-1", date(2025, 1, 5), 3517012001, "KIP"])
    feb = wb.create_sheet("Feb")
    feb.append(["Judul"])
    feb.append(HEADER)
    feb.append(["B-2", "05/02/2025", "35.17.01.2001", "KIP"])
    feb.append(["B-3", "06/02/2025", "35.17.01.2001", "KIP"])
    xlsx = tmp_path / "kasus.xlsx"
    wb.save(xlsx)
    pq.write_table(pa.table({k: [r[i] for r in BARIS] for i, k in enumerate(HEADER)}), tmp_path / "slrt.parquet")
    r = muat([tmp_path], konfigurasi, hari_ini=HARI_MUAT)  # a folder is read recursively
    assert [(x.lembar, x.baris_dimuat) for x in r] == [("Jan", 1), ("Feb", 2), (None, 2)]


def test_berkas_rusak_pesan_jelas(tmp_path: Path) -> None:
    f = tmp_path / "rusak.xlsx"
    f.write_bytes(b"bukan excel sama sekali")
    with pytest.raises(KesalahanBaca, match="tidak dapat dibuka sebagai berkas Excel"):
        list(baca_berkas(f))
    with pytest.raises(KesalahanBaca, match="tidak didukung"):
        list(baca_berkas(tmp_path.joinpath("x.doc")) if tmp_path.joinpath("x.doc").touch() is None else [])


def test_berkas_rusak_tidak_menghentikan_berkas_lain(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    (tmp_path / "a_rusak.xlsx").write_bytes(b"rusak")
    (tmp_path / "b.csv").write_text(",".join(HEADER) + "\n" + ",".join(BARIS[0]) + "\n")
    r = muat([tmp_path], konfigurasi, hari_ini=HARI_MUAT)
    assert r[0].galat and r[1].baris_dimuat == 1
