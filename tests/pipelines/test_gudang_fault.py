"""Faults beyond `kill -9` (that is `test_gudang_atomik.py`): a full disk during a load, and a damaged warehouse file.

- Full disk: the warehouse lives on a small tmpfs mounted for the test (needs root; skipped otherwise). A load
  that cannot copy the warehouse, or that fills the disk while DuckDB writes the copy, ends with exit status 2
  and an Indonesian "Disk penuh" message, no traceback; the warehouse keeps its exact bytes, no temporary file
  is left, and once there is room the same load succeeds.
- Damaged file: garbage bytes over the warehouse. Every command says, in Indonesian, that the file is damaged and
  that `pantau pulihkan` restores the previous good warehouse; `pantau pulihkan` brings back `.sebelumnya`,
  which every successful load keeps (a hard link of the replaced file: same inode, no copy).

Row counts, by hand from the Perak fixture (`tests/pipelines/sql/test_marts.py` has the arithmetic): the March CSV
loads 8 case rows, the April XLSX 5 more (13); the register CSV loads no case rows.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipelines.gudang import jalur_sebelumnya
from pipelines.ingest import muat

from tests.fixtures import AKAR, FIXTURES, HARI_MUAT, BukaApp, buat_konfigurasi

MARET = FIXTURES / "kasus_perak_2025_03.csv"


def _sidik(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _kasus(p: Path) -> int:
    con = duckdb.connect(str(p), read_only=True)
    try:
        return int(con.execute("select count(*) from raw_laporan_kasus").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def _pantau(gudang: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PANTAU_DB": str(gudang), "PANTAU_KUNCI": "kunci-uji", "PANTAU_KABUPATEN": "35.17"}
    env.pop("PANTAU_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300, cwd=AKAR)


def _sisa(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name or p.name.endswith(".wal"))


# 1/ a full disk
def _csv_besar(jalur: Path, baris: int) -> Path:
    """A valid case report of `baris` rows for the desa of Kec. Perak (35.17.01.2001-2010), 16 referrals a day."""
    isi = ["kode_desa,no_registrasi,tanggal_lapor,kategori,tujuan_rujukan,tanggal_rujuk,status_rujukan,"
           "tanggal_kirim"]
    for i in range(baris):
        hari = 1 + i % 28
        isi.append(f"35.17.01.{2001 + i % 10},R-{i:06d},{hari:02d}/03/2025,jaminan_kesehatan,bpjs_kesehatan,"
                   f"{hari:02d}/03/2025,dikirim,08/04/2025")
    jalur.write_text("\n".join(isi) + "\n", encoding="utf-8")
    return jalur


@pytest.fixture
def disk_kecil(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs mount point; the test sets its size with `_ukuran`. Unmounted afterwards."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("butuh root untuk memasang tmpfs kecil (mount -t tmpfs); uji disk penuh dilewati")
    hasil = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", str(mnt)], capture_output=True,
                           text=True)
    if hasil.returncode != 0:
        pytest.skip(f"tmpfs tidak dapat dipasang di sini ({hasil.stderr.strip()}); uji disk penuh dilewati")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


def _ukuran(mnt: Path, byte: int) -> None:
    subprocess.run(["mount", "-o", f"remount,size={byte}", str(mnt)], check=True)


@pytest.mark.parametrize("tahap", ["salin", "tulis"])
def test_disk_penuh_saat_muat(tmp_path: Path, disk_kecil: Path, tahap: str) -> None:
    awal = tmp_path / "awal"
    awal.mkdir()
    k = buat_konfigurasi(awal)
    muat([MARET], k, hari_ini=HARI_MUAT)
    gudang = disk_kecil / "gudang.duckdb"
    shutil.copyfile(k.gudang, gudang)
    ukuran = gudang.stat().st_size
    # "salin": room for half a copy, so the working copy cannot be made; "tulis": the copy fits with 512 KiB to
    # spare, and the 15,000 new rows (plus rebuilt marts) do not
    _ukuran(disk_kecil, (ukuran + ukuran // 2) if tahap == "salin" else (2 * ukuran + (512 << 10)))
    besar = _csv_besar(tmp_path / "kasus_besar.csv", 15_000)
    sidik = _sidik(gudang)

    hasil = _pantau(gudang, "ingest", str(besar))

    assert hasil.returncode == 2, hasil.stdout + hasil.stderr
    assert "Disk penuh saat menulis gudang" in hasil.stderr and "gudang tidak berubah" in hasil.stderr
    assert "Traceback" not in hasil.stderr
    assert _sidik(gudang) == sidik and _kasus(gudang) == 8
    assert _sisa(disk_kecil) == []
    assert not jalur_sebelumnya(gudang).exists()  # nothing was swapped, so nothing was set aside

    _ukuran(disk_kecil, 256 << 20)  # room again: the same load now succeeds
    hasil = _pantau(gudang, "ingest", str(besar))
    assert hasil.returncode == 0, hasil.stderr
    assert _kasus(gudang) == 8 + 15_000
    assert _sidik(jalur_sebelumnya(gudang)) == sidik  # the warehouse before this load is kept beside it


# 2/ the previous good warehouse
def test_muat_menyimpan_gudang_sebelumnya_sebagai_tautan(tmp_path: Path, berkas_perak: list[Path]) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([MARET], k, hari_ini=HARI_MUAT)
    assert not jalur_sebelumnya(k.gudang).exists()  # the first load replaces nothing
    inode, sidik = k.gudang.stat().st_ino, _sidik(k.gudang)
    muat(berkas_perak, k, hari_ini=HARI_MUAT)
    sebelumnya = jalur_sebelumnya(k.gudang)
    # the replaced file itself (same inode: linked, not copied), byte for byte
    assert sebelumnya.stat().st_ino == inode and _sidik(sebelumnya) == sidik
    assert _kasus(sebelumnya) == 8 and _kasus(k.gudang) == 13
    assert _sisa(tmp_path) == []


# 3/ a damaged warehouse
def test_gudang_rusak_pesan_jelas_dan_pulihkan(tmp_path: Path, berkas_perak: list[Path]) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([MARET], k, hari_ini=HARI_MUAT)
    muat([berkas_perak[0]], k, hari_ini=HARI_MUAT)  # the register: .sebelumnya = the March-only warehouse
    sidik_baik = _sidik(jalur_sebelumnya(k.gudang))
    sampah = os.urandom(1 << 20)
    k.gudang.write_bytes(sampah)  # a disk error, a bad copy: garbage over the warehouse

    for perintah in (["ingest", str(berkas_perak[2])], ["metrik", "--tingkat", "desa", "--dari", "2025-03",
                                                         "--sampai", "2025-04"], ["ekspor", "--parquet",
                                                                                  str(tmp_path / "ekspor")]):
        hasil = _pantau(k.gudang, *perintah)
        assert hasil.returncode == 2, (perintah, hasil.stderr)
        assert "rusak dan tidak dapat dibaca" in hasil.stderr and "`pantau pulihkan`" in hasil.stderr, perintah
        assert "Traceback" not in hasil.stderr
    assert k.gudang.read_bytes() == sampah and _sisa(tmp_path) == []

    hasil = _pantau(k.gudang, "pulihkan")
    assert hasil.returncode == 0, hasil.stderr
    assert "Gudang sebelumnya dipulihkan" in hasil.stdout and "data per 2025-04-08" in hasil.stdout
    assert "Gudang rusak disimpan sebagai" in hasil.stdout
    assert _sidik(k.gudang) == sidik_baik and _kasus(k.gudang) == 8
    assert k.gudang.with_name("gudang.duckdb.disisihkan").read_bytes() == sampah
    # the next load works again: March 8 rows + April 5 rows
    hasil = _pantau(k.gudang, "ingest", *map(str, berkas_perak))
    assert hasil.returncode == 0, hasil.stderr
    assert _kasus(k.gudang) == 13


def test_pulihkan_tanpa_gudang_sebelumnya(tmp_path: Path) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([MARET], k, hari_ini=HARI_MUAT)
    hasil = _pantau(k.gudang, "pulihkan")
    assert hasil.returncode == 2
    assert "Tidak ada gudang sebelumnya" in hasil.stderr and "Traceback" not in hasil.stderr


def test_pulihkan_menolak_gudang_sebelumnya_yang_rusak(tmp_path: Path, berkas_perak: list[Path]) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([MARET], k, hari_ini=HARI_MUAT)
    muat([berkas_perak[0]], k, hari_ini=HARI_MUAT)
    jalur_sebelumnya(k.gudang).write_bytes(b"\x00" * 4096)
    sidik = _sidik(k.gudang)
    hasil = _pantau(k.gudang, "pulihkan")
    assert hasil.returncode == 2 and "Gudang sebelumnya juga tidak dapat dipakai" in hasil.stderr
    assert "Traceback" not in hasil.stderr and _sidik(k.gudang) == sidik


def test_aplikasi_gudang_rusak(env_uji: Path, buat_app: BukaApp) -> None:
    """The app shows the Indonesian message with the way out (`pantau pulihkan`), not a traceback."""
    env_uji.write_bytes(os.urandom(1 << 16))
    at = buat_app()
    at.run()
    assert not at.exception
    teks = " ".join(i.value for i in at.info)
    assert "tidak dapat dibaca (berkas rusak" in teks and "**pantau pulihkan**" in teks


def test_batas_memori_koneksi_tulis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The write connection runs under `[gudang] batas_memori` and spills beside the warehouse; the spill folder is
    gone afterwards. A malformed limit is refused with an Indonesian message."""
    from pipelines.gudang import perubahan_gudang
    from pipelines.konfigurasi import KesalahanKonfigurasi, muat_konfigurasi

    gudang = tmp_path / "gudang.duckdb"
    with perubahan_gudang(gudang, "100MB") as con:
        batas = con.execute("select current_setting('memory_limit')").fetchone()[0]
        folder = con.execute("select current_setting('temp_directory')").fetchone()[0]
        # a sort bigger than the limit spills instead of failing
        con.execute("create table besar as select i, md5(i::varchar) as h from range(3000000) t(i) order by h")
    assert batas in ("95.3 MiB", "100.0 MB", "95.3MiB"), batas
    assert Path(folder).name == f".gudang.duckdb.spill-{os.getpid()}" and not Path(folder).exists()
    assert not list(tmp_path.glob(".gudang.duckdb.spill-*"))
    toml = tmp_path / "pantau.toml"
    toml.write_text('[gudang]\nbatas_memori = "banyak"\n', encoding="utf-8")
    monkeypatch.setenv("PANTAU_CONFIG", str(toml))
    with pytest.raises(KesalahanKonfigurasi, match="batas_memori"):
        muat_konfigurasi()


def test_bangun_kehabisan_memori_pesan_dan_gudang_utuh(tmp_path: Path, gudang_demo: Path) -> None:
    """A build that needs more than `[gudang] batas_memori` (8MB on the demo: DuckDB's own out-of-memory error in
    the first model written as a table, `stg_puskesos`, as `stg_laporan_kasus` is a view) ends with exit 2 and an
    Indonesian message naming the table and the setting, no traceback; the warehouse keeps its exact bytes and no
    temporary file is left."""
    gudang = tmp_path / "gudang.duckdb"
    shutil.copyfile(gudang_demo, gudang)
    sidik = _sidik(gudang)
    toml = tmp_path / "pantau.toml"
    toml.write_text('[gudang]\nbatas_memori = "8MB"\n', encoding="utf-8")
    env = {**os.environ, "PANTAU_DB": str(gudang), "PANTAU_KUNCI": "demo", "PANTAU_KABUPATEN": "35.17",
           "PANTAU_CONFIG": str(toml)}
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "build"], env=env, capture_output=True,
                           text=True, timeout=300, cwd=AKAR)
    assert hasil.returncode == 2, hasil.stderr
    assert hasil.stderr.startswith("Kesalahan: Tabel stg_puskesos tidak dapat dibangun dalam batas memori "
                                   "gudang (8MB). Naikkan [gudang] batas_memori"), hasil.stderr
    assert "Traceback" not in hasil.stderr
    assert _sidik(gudang) == sidik and _sisa(tmp_path) == []
