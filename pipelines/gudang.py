"""The warehouse file: its load tables, and the copy-write-swap that makes every change atomic.

`perubahan_gudang` takes a lock (one writer at a time), copies the warehouse to
a temporary file in the same folder, hands out a read-write connection to the
copy, and on success closes it, fsyncs and `os.replace`s it over the warehouse.
On any error, or a `kill -9`, the warehouse file is untouched: readers (the app)
keep reading the old file and a stale temporary file is removed by the next
writer. See `recipes.md` "DuckDB 2.0 and concurrent access".

Just before the swap the warehouse being replaced is kept beside it as
`<gudang>.sebelumnya` (a hard link: no copy, no extra load time), so that
`pantau pulihkan` can bring back the previous good warehouse when the current one
is damaged. A full disk (`GudangPenuh`) and a damaged file (`GudangRusak`) end
with an Indonesian message; the warehouse is left as it was.

Every file written here (the warehouse, its temporary copy, `.sebelumnya`, the lock) is readable by its owner only
(mode 600; the spill folder 700: `pribadi`), whatever the process's umask: the warehouse holds personal data.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    from pipelines.konfigurasi import Konfigurasi

VERSI_SKEMA = "3"
"""The shape of the warehouse's tables. Written into `meta_gudang` by every write and checked by every reader
(`baca_gudang`, the app's `status_gudang`): a warehouse of another shape is rebuilt, never half-read."""

SKEMA = """
create sequence if not exists urutan_berkas start 1;
create table if not exists meta_gudang (kunci varchar primary key, nilai varchar);
create table if not exists meta_berkas (
    id_berkas bigint primary key, berkas varchar, lembar varchar, sha256 varchar, jenis varchar,
    dimuat_pada timestamp, baris_dibaca bigint, baris_dimuat bigint, baris_dikarantina bigint,
    baris_dilewati bigint, peringatan json, kolom_pribadi_dibuang json, kolom_diabaikan json
);
create table if not exists karantina (
    id_berkas bigint, berkas varchar, lembar varchar, baris bigint, jenis varchar, alasan varchar, isi json
);
create table if not exists peringatan (
    id_berkas bigint, baris bigint, jenis_peringatan varchar, kolom varchar, pesan varchar
);
create table if not exists raw_laporan_kasus (
    id_berkas bigint, baris bigint, kode_desa varchar, no_registrasi varchar, tujuan_rujukan varchar,
    kategori varchar, tanggal_lapor date, nik_pseudonim varchar, kk_pseudonim varchar, jenis_kelamin varchar,
    umur integer, kelompok_sasaran varchar, kanal varchar, terdaftar_dtks boolean, desil integer,
    urgensi varchar, status_kasus varchar, program varchar, sumber_dana varchar, tanggal_rujuk date,
    tanggal_respon date, tanggal_selesai date, status_rujukan varchar, tanggal_kirim date, sensitif boolean
);
create table if not exists raw_puskesos (
    id_berkas bigint, baris bigint, kode_desa varchar, status varchar, nomor_sk varchar, tanggal_sk date,
    ketua_terlatih boolean, tahun integer, anggaran_rp double
);
create table if not exists raw_penduduk (
    id_berkas bigint, baris bigint, kode_desa varchar, tahun integer, jumlah_penduduk bigint, jumlah_kk bigint
);
create table if not exists raw_indikator_kemiskinan (
    id_berkas bigint, baris bigint, kode_kab varchar, tahun integer, persen_miskin double,
    jumlah_miskin_jiwa bigint, garis_kemiskinan_rp double, sumber varchar
);
create table if not exists raw_dtks (
    id_berkas bigint, baris bigint, periode date, id_keluarga varchar, nik_krt varchar, kode_desa varchar,
    desil integer, jumlah_art integer, status varchar
);
create table if not exists raw_penerima_program (
    id_berkas bigint, baris bigint, program varchar, periode date, id_keluarga varchar, nik_penerima varchar,
    kode_desa varchar, status varchar, alasan varchar
);
create table if not exists raw_target_kemiskinan (
    id_berkas bigint, baris bigint, kode_kab varchar, dokumen varchar, tahun integer, target_persen double,
    target_persen_atas double, sumber varchar, catatan varchar
);
"""

TABEL_MENTAH = {
    "laporan_kasus": "raw_laporan_kasus",
    "puskesos": "raw_puskesos",
    "penduduk": "raw_penduduk",
    "indikator_kemiskinan": "raw_indikator_kemiskinan",
    "target_kemiskinan": "raw_target_kemiskinan",
    "dtks": "raw_dtks",
    "penerima_program": "raw_penerima_program",
}


class GudangSibuk(RuntimeError):
    """Another load holds the warehouse lock."""


class GudangRusak(RuntimeError):
    """The warehouse file is not a readable DuckDB database (garbage bytes, truncated, bad checksum)."""


class GudangPenuh(RuntimeError):
    """The disk holding the warehouse filled up during a write; the warehouse is unchanged."""


_TANDA_RUSAK = ("not a valid duckdb database file", "corrupt database file", "could not read enough bytes",
                "checksum", "invalid database header")
_TANDA_PENUH = ("no space left on device", "disk is full", "disk full")


MODE_BERKAS = 0o600
"""The mode of every file Pantau writes: readable and writable by its owner only."""
MODE_FOLDER = 0o700
"""The mode of every folder Pantau creates."""
UMASK = 0o077
"""The umask `pantau` commands and the app run with (`pipelines.cli.main`, `dashboard/streamlit_app.py`): whatever they
create (warehouse, exports, audit log, accounts, uploads) is readable by its owner only, files 600, folders 700."""


def _chmod(jalur: str | Path | int, mode: int) -> None:
    with contextlib.suppress(PermissionError):  # a file of another account (a shared folder): left as it is
        os.chmod(jalur, mode)


def pribadi(jalur: Path) -> Path:
    """Make `jalur` readable by its owner only: a file mode 600, a folder 700 with everything inside it; returns it."""
    if jalur.is_dir() and not jalur.is_symlink():
        _chmod(jalur, MODE_FOLDER)
        for akar, folder, berkas in os.walk(jalur):
            for nama in folder:
                _chmod(os.path.join(akar, nama), MODE_FOLDER)
            for nama in berkas:
                _chmod(os.path.join(akar, nama), MODE_BERKAS)
    elif jalur.exists():
        _chmod(jalur, MODE_BERKAS)
    return jalur


def pribadi_folder(folder: Path) -> Path:
    """Create `folder` when missing and make it (not its contents) readable by its owner only (700); returns it."""
    folder.mkdir(mode=MODE_FOLDER, exist_ok=True)
    _chmod(folder, MODE_FOLDER)
    return folder


def jalur_sebelumnya(gudang: Path) -> Path:
    """Where the previous good warehouse is kept (`pantau.duckdb.sebelumnya`)."""
    return gudang.with_name(gudang.name + ".sebelumnya")


def _pesan_rusak(gudang: Path, e: BaseException, salinan: Path | None = None) -> str:
    rincian = str(e).splitlines()[0] if str(e) else type(e).__name__
    if salinan is not None:
        rincian = rincian.replace(str(salinan), str(gudang))
    sebelumnya = jalur_sebelumnya(gudang)
    saran = ("Pulihkan gudang sebelumnya yang masih baik dengan `pantau pulihkan`, lalu muat ulang berkas yang "
             "dimuat sesudahnya." if sebelumnya.exists() else
             "Tidak ada gudang sebelumnya di sampingnya; pulihkan dari cadangan, atau pindahkan berkas ini dan muat "
             "ulang semua berkas.")
    return f"Berkas gudang {gudang} rusak dan tidak dapat dibaca ({rincian[:200]}). {saran}"


def _pesan_penuh(gudang: Path) -> str:
    ukuran = gudang.stat().st_size if gudang.exists() else 0
    return (f"Disk penuh saat menulis gudang di {gudang.parent}; gudang tidak berubah. Kosongkan ruang disk "
            f"(perlu sekitar {max(1, 3 * ukuran >> 20)} MB bebas: salinan kerja dan gudang sebelumnya) lalu ulangi.")


def tampak_rusak(e: BaseException) -> bool:
    """A DuckDB error that means the database file itself is damaged."""
    return isinstance(e, duckdb.Error) and any(t in str(e).lower() for t in _TANDA_RUSAK)


def tampak_penuh(e: BaseException) -> bool:
    """An OS or DuckDB error that means the disk is full."""
    if isinstance(e, OSError) and e.errno in (errno.ENOSPC, errno.EDQUOT):
        return True
    return isinstance(e, duckdb.Error) and any(t in str(e).lower() for t in _TANDA_PENUH)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _bersihkan_sisa(gudang: Path) -> None:
    """Remove temporary copies left by a writer that was killed (we hold the lock, so none is live)."""
    for sisa in gudang.parent.glob(f".{gudang.name}.tmp-*"):
        sisa.unlink(missing_ok=True)
    for sisa in gudang.parent.glob(f".{jalur_sebelumnya(gudang).name}.tmp-*"):
        sisa.unlink(missing_ok=True)
    for sisa in gudang.parent.glob(f".{gudang.name}.spill-*"):
        shutil.rmtree(sisa, ignore_errors=True)


@contextlib.contextmanager
def kunci_penulis(gudang: Path, *, tunggu: bool = True) -> Iterator[None]:
    """Exclusive writer lock beside the warehouse file (released when the process dies)."""
    gudang.parent.mkdir(parents=True, exist_ok=True)
    with open(gudang.parent / f".{gudang.name}.lock", "a+") as f:
        _chmod(f.fileno(), MODE_BERKAS)
        try:
            fcntl.flock(f, fcntl.LOCK_EX | (0 if tunggu else fcntl.LOCK_NB))
        except BlockingIOError as e:
            raise GudangSibuk("Gudang data sedang diperbarui oleh proses lain; coba lagi sebentar lagi.") from e
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def atur_batas_memori(con: duckdb.DuckDBPyConnection, batas: str) -> None:
    """DuckDB's memory limit on this connection (`[gudang] batas_memori`, e.g. "1.5GB")."""
    con.execute(f"set memory_limit = '{batas.replace(chr(39), '')}'")


@contextlib.contextmanager
def perubahan_gudang(gudang: Path, batas_memori: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a copy of the warehouse, swapped in atomically when the block succeeds.

    `batas_memori` (`Konfigurasi.batas_memori`, e.g. "1.5GB") caps DuckDB's memory on this connection; past it DuckDB
    spills to `.NAMA.spill-PID/` beside the warehouse, deleted afterwards (and by the next writer after a crash)."""
    with kunci_penulis(gudang):
        _bersihkan_sisa(gudang)
        sementara = gudang.parent / f".{gudang.name}.tmp-{os.getpid()}"
        tumpahan = gudang.parent / f".{gudang.name}.spill-{os.getpid()}"
        try:
            if gudang.exists():
                shutil.copyfile(gudang, sementara)
            con = duckdb.connect(str(sementara))
            pribadi(sementara)
            if batas_memori:
                tumpahan.mkdir(mode=MODE_FOLDER, exist_ok=True)
                pribadi(tumpahan)
                atur_batas_memori(con, batas_memori)
                con.execute(f"set temp_directory = '{str(tumpahan).replace(chr(39), chr(39) * 2)}'")
        except (OSError, duckdb.Error) as e:
            _buang_sementara(sementara)
            _galat_gudang(e, gudang, sementara)
            raise
        try:
            con.execute(SKEMA)
            con.execute("insert or replace into meta_gudang values ('versi_skema', $v)", {"v": VERSI_SKEMA})
            yield con
            con.execute("checkpoint")
            con.close()
            with open(sementara, "rb+") as f:
                os.fsync(f.fileno())
            pasang_gudang(sementara, gudang)
            shutil.rmtree(tumpahan, ignore_errors=True)
        except BaseException as e:
            shutil.rmtree(tumpahan, ignore_errors=True)
            with contextlib.suppress(duckdb.Error):
                con.close()
            _buang_sementara(sementara)
            _galat_gudang(e, gudang, sementara)
            raise


def _galat_gudang(e: BaseException, gudang: Path, sementara: Path) -> None:
    """Raise a failed write as `GudangPenuh` or `GudangRusak` when it is one (the warehouse itself is unchanged);
    return otherwise, for the caller to re-raise the original error."""
    if tampak_penuh(e):
        raise GudangPenuh(_pesan_penuh(gudang)) from e
    if tampak_rusak(e):
        raise GudangRusak(_pesan_rusak(gudang, e, sementara)) from e


def _buang_sementara(sementara: Path) -> None:
    sementara.unlink(missing_ok=True)
    Path(f"{sementara}.wal").unlink(missing_ok=True)


def pasang_gudang(baru: Path, gudang: Path) -> None:
    """Swap a finished warehouse file in, keeping the one it replaces as `<gudang>.sebelumnya`.

    The old file is hard-linked (same inode, no copy) to a temporary name and renamed over `.sebelumnya`
    before `os.replace`; every step is atomic, so a crash leaves either the old or the new warehouse in place,
    and `.sebelumnya` is always a complete file. Where hard links are not supported the file is copied.
    """
    if gudang.exists():
        sebelumnya = jalur_sebelumnya(gudang)
        tautan = gudang.parent / f".{sebelumnya.name}.tmp-{os.getpid()}"
        tautan.unlink(missing_ok=True)
        try:
            os.link(gudang, tautan)
        except OSError as e:
            if e.errno in (errno.ENOSPC, errno.EDQUOT):
                raise
            shutil.copyfile(gudang, tautan)
        pribadi(tautan)
        os.replace(tautan, sebelumnya)
    pribadi(baru)
    os.replace(baru, gudang)
    _fsync_folder(gudang.parent)


def buka_baca(gudang: Path) -> duckdb.DuckDBPyConnection:
    """A read-only view of the warehouse that never blocks a writer: in-memory DuckDB with the file attached."""
    if not gudang.exists():
        raise FileNotFoundError(gudang)
    con = duckdb.connect()
    try:
        con.execute(f"attach '{_kutip(gudang)}' as gudang (read_only)")
    except duckdb.Error as e:
        con.close()
        if tampak_rusak(e):
            raise GudangRusak(_pesan_rusak(gudang, e)) from e
        raise
    con.execute("use gudang")
    return con


class GudangBelumAda(FileNotFoundError):
    """There is no warehouse file yet; the message says how to make one."""


class GudangVersiLain(RuntimeError):
    """The warehouse was written with another table shape (`VERSI_SKEMA`); the message says how to rebuild it."""


def pesan_belum_ada(gudang: Path) -> str:
    return (f"Belum ada gudang data di {gudang}: laporan belum ada yang dimuat. Jalankan `pantau ingest BERKAS` "
            "atau `pantau demo` lebih dulu.")


def pesan_versi_lain(gudang: Path, versi: str | None) -> str:
    ditemukan = f"versi {versi}" if versi else "tanpa nomor versi"
    return (f"Gudang data {gudang} dibuat dengan susunan tabel {ditemukan}, sedangkan Pantau ini memakai versi "
            f"{VERSI_SKEMA}. Jalankan `pantau build` untuk membangunnya ulang dari baris yang sudah dimuat.")


def versi_skema(con: duckdb.DuckDBPyConnection) -> str | None:
    """The schema version a warehouse says it has (None for a warehouse older than the version row)."""
    try:
        baris = con.execute("select nilai from meta_gudang where kunci = 'versi_skema'").fetchone()
    except duckdb.CatalogException:
        return None
    return str(baris[0]) if baris else None


@contextlib.contextmanager
def baca_gudang(gudang: Path, *, per: date | None = None,
                konfigurasi: Konfigurasi | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only session on the warehouse for a command: `GudangBelumAda` when there is none,
    `GudangVersiLain` when its schema version is not this code's; with `per` (and `konfigurasi`), the
    cut-off-dependent marts re-run for that date into temporary tables (`build.hitung_mart_per`). Closed on exit."""
    if not gudang.exists():
        raise GudangBelumAda(pesan_belum_ada(gudang))
    con = buka_baca(gudang)
    try:
        versi = versi_skema(con)
        if versi != VERSI_SKEMA:
            raise GudangVersiLain(pesan_versi_lain(gudang, versi))
        if per is not None:
            if konfigurasi is None:
                raise ValueError("baca_gudang(per=...) butuh konfigurasi")
            from pipelines import build

            build.hitung_mart_per(con, per, konfigurasi)
        yield con
    finally:
        con.close()


def _kutip(jalur: Path) -> str:
    # ATTACH takes no parameters; the path is ours (configuration), quotes are doubled
    return str(jalur).replace("'", "''")
