"""Uploads from the browser, below the page (`pipelines.unggah`): the check writes nothing, the load is the one of
`pantau ingest`, the raw files are never kept (not even after `kill -9`), rights and size limits are enforced.

The report made here: 4 rows for Desa Kabuh (35.17.16.2004), 3 valid and 1 dated 31/09/2026 (no such day) -> 4 read,
3 loaded, 1 quarantined; `nama_pemohon` is a personal column, dropped.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from akses import AksesDitolak, Pengguna, audit
from pipelines import unggah
from pipelines.ingest import muat

from tests.fixtures import AKAR, FIXTURES, HARI_MUAT, buat_konfigurasi
from tests.fixtures.buat_xlsx import buat_xlsx_bom

OPERATOR = Pengguna("operator_uji", "operator", "35.17")
KEPALA = "no_registrasi,tanggal_lapor,kode_desa,nik,nama_pemohon,kategori,tujuan_rujukan,tanggal_rujuk,tanggal_kirim\n"


def _laporan(awalan: str) -> unggah.BerkasUnggahan:
    isi = KEPALA + "".join(f"{awalan}-{i},2026-10-1{i},35.17.16.2004,351716010101{i:04d},Nama Rahasia {i},Lansia,"
                           f"Dinsos,2026-10-1{i},2026-10-28\n" for i in range(1, 4))
    isi += f"{awalan}-9,31/09/2026,35.17.16.2004,3517160101019999,Nama Rahasia 9,Lansia,,,2026-10-28\n"
    return unggah.BerkasUnggahan(f"laporan_{awalan}.csv", isi.encode())


def _sidik(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


@pytest.fixture
def gudang(tmp_path: Path):
    k = buat_konfigurasi(tmp_path)
    muat([FIXTURES / "app" / "laporan_kasus.csv", FIXTURES / "app" / "puskesos.csv"], k, hari_ini=HARI_MUAT)
    return k


def test_pratinjau_tidak_menulis_lalu_muat(gudang) -> None:
    sebelum = _sidik(gudang.gudang)
    [r] = unggah.pratinjau([_laporan("KBH-2610")], gudang, OPERATOR)
    assert (r.jenis, r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina, r.kolom_pribadi_dibuang) == (
        "laporan_kasus", 4, 3, 1, ["nama_pemohon"])
    assert _sidik(gudang.gudang) == sebelum and not list(gudang.gudang.parent.glob(".unggah-*"))
    [r] = unggah.muat([_laporan("KBH-2610")], gudang, OPERATOR)
    assert (r.baris_dimuat, r.baris_dikarantina, r.sudah_pernah_dimuat) == (3, 1, False)
    assert b"Nama Rahasia" not in gudang.gudang.read_bytes()
    [catatan] = audit.baca(gudang, peristiwa="unggah")
    assert catatan.pengguna == "operator_uji" and catatan.rincian["jumlah"]["dimuat"] == 3
    # the same bytes again: recognised as loaded before, nothing loaded twice
    [r] = unggah.pratinjau([_laporan("KBH-2610")], gudang, OPERATOR)
    assert r.sudah_pernah_dimuat


@pytest.mark.parametrize("peran", ["pimpinan", "perencana", "admin"])
def test_hanya_operator(gudang, peran: str) -> None:
    with pytest.raises(AksesDitolak, match="tidak berhak mengunggah data"):
        unggah.pratinjau([_laporan("X")], gudang, Pengguna("x", peran, "35.17"))


def test_batas_ukuran_dan_jenis(gudang) -> None:
    kecil = dataclasses.replace(gudang, unggah_maks_mb=1)
    with pytest.raises(unggah.KesalahanUnggah, match="melebihi batas 1 MB"):
        unggah.pratinjau([unggah.BerkasUnggahan("besar.csv", b"a" * (1024 * 1024 + 1))], kecil, OPERATOR)
    with pytest.raises(unggah.KesalahanUnggah, match="jenis berkas tidak dikenal"):
        unggah.pratinjau([unggah.BerkasUnggahan("program.exe", b"MZ")], gudang, OPERATOR)
    assert unggah.nama_aman("../../etc/passwd.csv") == "passwd.csv"


def test_kill_9_saat_unggah(gudang, tmp_path: Path) -> None:
    """The process loading an upload dies (kill -9) while building: the warehouse is as before, the raw file is
    deleted by the next upload, and that upload succeeds."""
    sebelum = _sidik(gudang.gudang)
    skrip = (
        "import sys; from pathlib import Path\n"
        "from tests.fixtures import buat_konfigurasi\n"
        "from pipelines import unggah\nfrom akses.peran import Pengguna\n"
        f"k = buat_konfigurasi(Path({str(tmp_path)!r}))\n"
        "b = unggah.BerkasUnggahan('laporan.csv', Path(sys.argv[1]).read_bytes())\n"
        "unggah.muat([b], k, Pengguna('operator_uji', 'operator', '35.17'))\n"
    )
    berkas = tmp_path / "masukan.csv"
    berkas.write_bytes(_laporan("KBH-K9").isi)
    proses = subprocess.Popen([sys.executable, "-c", skrip, str(berkas)], cwd=AKAR,
                              env={**os.environ, "PANTAU_UJI_JEDA": "bangun:60"})
    batas = time.monotonic() + 60
    while not list(gudang.gudang.parent.glob(f".{gudang.gudang.name}.tmp-*")) and time.monotonic() < batas:
        time.sleep(0.1)  # wait until the writer is at work on its copy
    time.sleep(2.0)  # the build is done; the process sleeps in the test hook, before the swap
    os.kill(proses.pid, signal.SIGKILL)
    proses.wait(timeout=30)
    assert _sidik(gudang.gudang) == sebelum
    sisa = list(gudang.gudang.parent.glob(".unggah-*"))
    assert len(sisa) == 1 and sisa[0].name.startswith(f".unggah-{proses.pid}-")  # the raw file, left by the kill
    [r] = unggah.muat([_laporan("KBH-K9")], gudang, OPERATOR)
    assert r.baris_dimuat == 3 and not list(gudang.gudang.parent.glob(".unggah-*"))


# A hostile file fails alone (issue "a hardened front door"): measured as streamed, read in a limited process.

def _tanpa_sisa(k) -> bool:
    return not list(k.gudang.parent.glob(".unggah-*"))


def test_xlsx_bom_ditolak_dari_sel_yang_dihitung(gudang, tmp_path: Path) -> None:
    """2 million cells without `r=` (30 MB of XML in a file of about 160 KB, no grid declared) against a limit of
    1 million cells: refused with the count, before calamine sees it, for the check and for the load."""
    k = dataclasses.replace(gudang, unggah_sel_maks=1_000_000)
    bom = buat_xlsx_bom(tmp_path / "bom.xlsx", 2_000_000)
    assert bom.stat().st_size < 1 << 20
    b = unggah.BerkasUnggahan("bom.xlsx", bom.read_bytes())
    pesan = ("bom.xlsx berisi lebih dari 1.000.000 sel. Pecah berkas menjadi beberapa berkas yang lebih kecil "
             "(mis. per kecamatan), atau simpan lembar datanya saja sebagai CSV, lalu unggah lagi.")
    with pytest.raises(unggah.KesalahanUnggah) as e:
        unggah.pratinjau([b], k, OPERATOR)
    assert str(e.value) == pesan and _tanpa_sisa(k)
    sebelum = _sidik(k.gudang)
    with pytest.raises(unggah.KesalahanUnggah) as e:
        unggah.muat([b], k, OPERATOR)
    assert str(e.value) == pesan and _tanpa_sisa(k) and _sidik(k.gudang) == sebelum
    [catatan] = audit.baca(k, peristiwa="unggah")
    assert catatan.rincian["galat"] == pesan and catatan.rincian["jumlah"]["dimuat"] == 0
    # the process that refused it goes on serving: a normal report right after
    [r] = unggah.pratinjau([_laporan("KBH-B1")], k, OPERATOR)
    assert (r.baris_dimuat, r.baris_dikarantina) == (3, 1)


def test_xlsx_berisi_spasi_ditolak_dari_bita_yang_dibuka(gudang, tmp_path: Path) -> None:
    """12 MB of spaces before 10 cells compress to a few KB; the limit of 10 MB counts the bytes as decompressed."""
    k = dataclasses.replace(gudang, unggah_isi_maks_mb=10)
    spasi = buat_xlsx_bom(tmp_path / "spasi.xlsx", 10, sisipan=b" " * (12 << 20))
    kb = round(spasi.stat().st_size / 1024)
    assert kb < 100
    with pytest.raises(unggah.KesalahanUnggah) as e:
        unggah.pratinjau([unggah.BerkasUnggahan("spasi.xlsx", spasi.read_bytes())], k, OPERATOR)
    assert str(e.value) == (f"spasi.xlsx: isinya setelah dibuka lebih dari 10 MB (berkasnya sendiri {kb} KB). "
                            "Pecah berkas menjadi beberapa berkas yang lebih kecil (mis. per kecamatan), atau simpan "
                            "lembar datanya saja sebagai CSV, lalu unggah lagi.")
    assert _tanpa_sisa(k)


@pytest.mark.parametrize(("isi", "pesan"), [
    (KEPALA.encode() + b"   \n" * 1_000_001, "berisi lebih dari 1.000.000 baris"),  # 4 MB of blank lines
    (KEPALA.encode() + b"," * 5_000_000 + b"\n", "berisi lebih dari 5.000.000 sel"),  # 5 MB of empty fields
])
def test_csv_berisi_spasi_ditolak(gudang, isi: bytes, pesan: str) -> None:
    with pytest.raises(unggah.KesalahanUnggah) as e:
        unggah.pratinjau([unggah.BerkasUnggahan("spasi.csv", isi)], gudang, OPERATOR)
    assert str(e.value) == (f"spasi.csv {pesan}. Pecah berkas menjadi beberapa berkas yang lebih kecil "
                            "(mis. per kecamatan), lalu unggah lagi.")
    assert _tanpa_sisa(gudang)


def test_proses_pemeriksa_mati_aplikasi_tetap_jalan(gudang) -> None:
    """The reading process may hold 1 MB and is killed at the first reading of its memory: a message, no traceback,
    no raw file left, the warehouse unchanged, and this process (the app) carries on."""
    k = dataclasses.replace(gudang, unggah_memori_mb=1)
    pesan = ("laporan_KBH-M.csv: pemeriksaan dihentikan karena berkas memerlukan memori lebih dari 1 MB. Pecah "
             "berkas menjadi beberapa berkas yang lebih kecil (mis. per kecamatan), atau simpan lembar datanya saja "
             "sebagai CSV, lalu unggah lagi.")
    with pytest.raises(unggah.KesalahanUnggah) as e:
        unggah.pratinjau([_laporan("KBH-M")], k, OPERATOR)
    assert str(e.value) == pesan and _tanpa_sisa(k)
    sebelum = _sidik(k.gudang)
    with pytest.raises(unggah.KesalahanUnggah) as e:
        unggah.muat([_laporan("KBH-M")], k, OPERATOR)
    assert str(e.value) == pesan and _tanpa_sisa(k) and _sidik(k.gudang) == sebelum
    [r] = unggah.muat([_laporan("KBH-M")], gudang, OPERATOR)  # the usual limit: the same file loads
    assert (r.baris_dimuat, r.baris_dikarantina) == (3, 1) and _tanpa_sisa(gudang)


def test_proses_siap_dipakai_pratinjau(gudang) -> None:
    """`siapkan` starts the checker process ahead for an operator (none for a planner); the preview then runs in
    it, with the same summary as in a new process, and it serves that one check only."""
    from pipelines import terpisah

    try:
        unggah.siapkan(gudang, Pengguna("perencana_uji", "perencana", "35.17"))
        assert "pipelines.unggah" not in terpisah._cadangan
        unggah.siapkan(gudang, OPERATOR)
        cadangan = terpisah._cadangan["pipelines.unggah"]
        [r] = unggah.pratinjau([_laporan("KBH-S")], gudang, OPERATOR)
        assert (r.jenis, r.baris_dibaca, r.baris_dimuat, r.baris_dikarantina) == ("laporan_kasus", 4, 3, 1)
        assert cadangan.proses.returncode is not None and "pipelines.unggah" not in terpisah._cadangan
    finally:
        while terpisah._cadangan:
            terpisah._cadangan.popitem()[1].buang()
