"""Ingest of the messy Kec. Perak files: every row accounted for, reasons, warnings, privacy, re-loads, history."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import duckdb

from pipelines.ingest import bangun_ulang, muat
from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import FIXTURES, HARI_MUAT, buat_konfigurasi, kueri

KUERI_JUMLAH = ("select (select count(*) from raw_laporan_kasus), "
                "(select sum(kasus_baru) from mart_wilayah_bulan where tingkat = 'kabupaten')")


def _ringkasan(ringkasan: list, nama: str, lembar: str | None = None):
    return next(r for r in ringkasan if Path(r.berkas).name == nama and r.lembar == lembar)


def test_maret_csv_cp1252_titik_koma(gudang_perak) -> None:
    _, ringkasan = gudang_perak
    r = _ringkasan(ringkasan, "kasus_perak_2025_03.csv")
    # rows 5-15 are data (11); rows 1-3 (title, title, blank), 16 (blank) and 17 (JUMLAH) are skipped (5)
    # quarantined: row 11 (31/02/2025), row 12 (unknown desa Sumbrejo), row 13 (empty tanggal_lapor)
    assert (r.jenis, r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina, r.baris_dilewati) == (
        "laporan_kasus", 11, 8, 3, 5)
    assert r.peringatan == {"label_tidak_dikenal": 1, "nama_desa_mirip": 1, "nik_tidak_valid": 1,
                            "teks_seperti_rumus": 1}
    assert r.kolom_pribadi_dibuang == ["Nama Pelapor", "Alamat", "Keterangan"]
    assert r.kolom_diabaikan == ["No", "Kolom Tambahan"]
    assert not r.sudah_pernah_dimuat


def test_april_xlsx_dua_lembar(gudang_perak) -> None:
    _, ringkasan = gudang_perak
    r = _ringkasan(ringkasan, "kasus_perak_2025_04.xlsx", "April 2025")
    # title + blank above the header, the column-number row, and TOTAL: 4 skipped; 6 data rows, 1 foreign code
    assert (r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina, r.baris_dilewati) == (6, 5, 1, 4)
    assert r.peringatan == {"nik_tidak_valid": 1}  # the NIK Excel stored as a number
    assert r.kolom_pribadi_dibuang == ["No HP"]
    petunjuk = _ringkasan(ringkasan, "kasus_perak_2025_04.xlsx", "Petunjuk")
    assert petunjuk.jenis is None and petunjuk.baris_dilewati == 1 and petunjuk.baris_dibaca == 0


def test_karantina_dengan_alasan_dan_nomor_baris(gudang_perak) -> None:
    k, _ = gudang_perak
    con = duckdb.connect(str(k.gudang), read_only=True)
    rows = con.execute("select baris, alasan from karantina order by id_berkas, baris").fetchall()
    con.close()
    assert rows == [
        (11, 'tanggal_lapor "31/02/2025" bukan tanggal yang sah (tulis hari/bulan/tahun, mis. 12/03/2025)'),
        (12, 'Desa "Sumbrejo" tidak dikenal di Kec. Perak; mungkin: Sukorejo'),
        (13, "Kolom tanggal_lapor kosong"),
        (10, "Desa Tawangrejo (35.16.01.2001, Kabupaten Mojokerto) di luar wilayah kabupaten yang dikonfigurasi"),
    ]


def test_isi_karantina_tanpa_nik_dan_tanpa_kolom_pribadi(gudang_perak) -> None:
    k, _ = gudang_perak
    con = duckdb.connect(str(k.gudang), read_only=True)
    isi = json.loads(con.execute("select isi from karantina where baris = 12").fetchone()[0])
    con.close()
    assert isi["nama_desa"] == "Sumbrejo" and isi["nik"] == "(disembunyikan)"
    assert "Nama Pelapor" not in isi and "nama_pelapor" not in isi


def test_tidak_ada_nik_atau_nama_di_gudang(gudang_perak) -> None:
    k, _ = gudang_perak
    isi = Path(k.gudang).read_bytes()
    for rahasia in (b"3517014506800001", b"3517011203850002", b"Siti A.", b"Dusun Krajan", b"0812-0000-0001"):
        assert rahasia not in isi


def test_muat_ulang_tidak_mengubah_apa_pun(tmp_path: Path, berkas_perak: list[Path]) -> None:
    k = buat_konfigurasi(tmp_path)
    muat(berkas_perak, k, hari_ini=HARI_MUAT)
    con = duckdb.connect(str(k.gudang), read_only=True)
    sebelum = con.execute(KUERI_JUMLAH).fetchone()
    con.close()
    salinan = tmp_path / "salinan_maret.csv"
    shutil.copy(FIXTURES / "kasus_perak_2025_03.csv", salinan)  # same bytes, another name
    ringkasan = muat([*berkas_perak, salinan], k, hari_ini=HARI_MUAT)
    assert all(r.sudah_pernah_dimuat for r in ringkasan if r.jenis)
    con = duckdb.connect(str(k.gudang), read_only=True)
    sesudah = con.execute(KUERI_JUMLAH).fetchone()
    # register, March CSV, April sheet: once each (the Petunjuk sheet holds no data and is not recorded)
    assert con.execute("select count(*) from meta_berkas").fetchone()[0] == 3
    con.close()
    assert sebelum == sesudah == (13, 8)


def test_pembaruan_menyimpan_riwayat(gudang_perak) -> None:
    k, _ = gudang_perak
    con = duckdb.connect(str(k.gudang), read_only=True)
    versi = con.execute(
        "select status_rujukan, tanggal_respon, tanggal_kirim from stg_laporan_kasus "
        "where kode_desa = '35.17.01.2001' and no_registrasi = '2001-002' and tujuan_rujukan = 'dinsos' "
        "order by tanggal_kirim").fetchall()
    kini = con.execute(
        "select status_rujukan, jumlah_versi from int_kasus_terkini "
        "where kode_desa = '35.17.01.2001' and no_registrasi = '2001-002' and tujuan_rujukan = 'dinsos'").fetchall()
    con.close()
    assert [(v[0], str(v[1]), str(v[2])) for v in versi] == [
        ("dikirim", "None", "2025-04-08"), ("diproses", "2025-04-20", "2025-05-09")]
    assert kini == [("diproses", 2)]


def test_stg_laporan_kasus_tampilan_juga_setelah_gudang_lama(tmp_path: Path, gudang_perak) -> None:
    """`stg_laporan_kasus` is a view (`build.TAMPILAN`); a warehouse built when it was a table becomes the view on its
    next build, with the same 13 row versions (the 13 rows of `raw_laporan_kasus`)."""
    k, _ = gudang_perak
    k = replace(k, gudang=tmp_path / "gudang.duckdb")
    shutil.copyfile(gudang_perak[0].gudang, k.gudang)
    con = duckdb.connect(str(k.gudang))
    sebelum = con.execute("select * from stg_laporan_kasus order by id_berkas, baris").fetchall()
    con.execute("create temp table salinan as select * from stg_laporan_kasus")
    con.execute("drop view stg_laporan_kasus")
    con.execute("create table stg_laporan_kasus as select * from salinan")  # as the build wrote it until now
    con.close()
    bangun_ulang(k)
    con = duckdb.connect(str(k.gudang), read_only=True)
    jenis = con.execute("select table_type from information_schema.tables "
                        "where table_name = 'stg_laporan_kasus'").fetchall()
    sesudah = con.execute("select * from stg_laporan_kasus order by id_berkas, baris").fetchall()
    con.close()
    assert jenis == [("VIEW",)]
    assert len(sebelum) == 13 and sesudah == sebelum


def test_status_tersirat_dari_tanggal(gudang_perak) -> None:
    k, _ = gudang_perak
    status = kueri(k.gudang, "select status_rujukan, tujuan_rujukan from int_kasus_terkini "
                             "where no_registrasi = '2003-001'")
    assert status == [("selesai", "disdik")]  # no status typed, tanggal_selesai set -> selesai


def test_cli_json_dan_kode_keluar(env_uji: Path, berkas_perak: list[Path]) -> None:
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "ingest", "--json", *map(str, berkas_perak)],
                           capture_output=True, text=True, check=False)
    assert hasil.returncode == 0, hasil.stderr
    dok = json.loads(hasil.stdout)
    assert [Path(b["berkas"]).name for b in dok["berkas"]] == [
        "puskesos_perak.csv", "kasus_perak_2025_03.csv", "kasus_perak_2025_04.xlsx", "kasus_perak_2025_04.xlsx"]
    for b in dok["berkas"]:
        assert set(b) >= {"berkas", "lembar", "jenis", "baris_dibaca", "baris_dimuat", "baris_dikarantina",
                          "baris_dilewati", "peringatan", "kolom_pribadi_dibuang", "sudah_pernah_dimuat"}
        assert b["baris_dibaca"] == b["baris_dimuat"] + b["baris_dikarantina"]
    assert dok["berkas"][3]["lembar"] == "Petunjuk" and dok["berkas"][3]["jenis"] is None


def test_berkas_tak_dikenal_ditolak_dengan_kolom_harapan(env_uji: Path, tmp_path: Path) -> None:
    aneh = tmp_path / "daftar_belanja.csv"
    aneh.write_text("barang,harga\nberas,10000\n", encoding="utf-8")
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "ingest", str(aneh)],
                           capture_output=True, text=True, check=False)
    assert hasil.returncode == 1
    assert "tidak ada lembar dengan baris judul kolom yang dikenali" in hasil.stdout
    assert "laporan_kasus: tanggal_lapor + kategori + kode_desa atau nama_desa" in hasil.stdout
    assert "Traceback" not in hasil.stdout + hasil.stderr


def test_jenis_dipaksa(tmp_path: Path) -> None:
    k: Konfigurasi = buat_konfigurasi(tmp_path)
    f = tmp_path / "register.csv"
    f.write_text("kode_desa,status\n3517012001,aktif\n", encoding="utf-8")
    r = muat([f], k, paksa_jenis="puskesos", hari_ini=HARI_MUAT)
    assert r[0].jenis == "puskesos" and r[0].baris_dimuat == 1
    r2 = muat([f], k, paksa_jenis="penduduk", hari_ini=HARI_MUAT)
    assert r2[0].jenis is None and r2[0].galat and "penduduk: tahun + jumlah_penduduk" in r2[0].galat


def test_unduh_karantina_dinetralkan(gudang_perak) -> None:
    from pipelines.karantina import baris_karantina

    k, _ = gudang_perak
    df = baris_karantina(k)
    assert list(df.baris) == [11, 12, 13, 10]
    assert df.iloc[0]["isi_tanggal_lapor"] == "31/02/2025" and df.iloc[1]["isi_nama_desa"] == "Sumbrejo"
    assert "isi_nama_pelapor" not in df.columns
    assert len(baris_karantina(k, "2025_04")) == 1


def test_tanggal_tidak_berurutan_dan_masa_depan(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path)
    f = tmp_path / "kasus.csv"
    f.write_text(
        "no_registrasi,tanggal_lapor,kode_desa,kategori,tujuan_rujukan,tanggal_rujuk,tanggal_selesai,tanggal_kirim\n"
        "X-1,10/03/2025,3517012001,PKH,Dinsos,05/03/2025,,01/04/2025\n"  # referral before the report: dropped
        "X-2,10/03/2025,3517012001,PKH,Dinsos,11/03/2025,09/03/2025,01/01/2030\n",  # selesai too early; future send
        encoding="utf-8")
    r = muat([f], k, hari_ini=HARI_MUAT)
    assert r[0].baris_dimuat == 2
    assert r[0].peringatan == {"tanggal_di_luar_rentang": 1, "tanggal_rujuk_kosong": 1, "urutan_tanggal": 2}
    con = duckdb.connect(str(k.gudang), read_only=True)
    rows = con.execute("select no_registrasi, tanggal_rujuk, tanggal_selesai, tanggal_kirim from raw_laporan_kasus "
                       "order by 1").fetchall()
    con.close()
    assert [(a, str(b), str(c), str(d)) for a, b, c, d in rows] == [
        ("X-1", "None", "None", "2025-04-01"), ("X-2", "2025-03-11", "None", "None")]
