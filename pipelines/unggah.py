"""Files uploaded from the browser (Unggah data): the same validation and load as `pantau ingest`, for an operator.

The page hands over (name, bytes) pairs. They are written to a private temporary folder beside the warehouse
(same disk, permissions 700), validated or loaded from there through `pipelines.ingest`, and deleted straight
after, whatever happens: raw files carry NIK and names, which Pantau never keeps. A process killed mid-upload
(`kill -9`, power cut) cannot delete its folder; the folder is named after the process (`.unggah-PID-...`), and
the next upload or `pantau serve` deletes every such folder whose process is gone (`bersihkan_sisa`).

`pratinjau` writes nothing to the warehouse; `muat` loads atomically (copy, write, checks, swap under the writer
lock, so two operators uploading at once are serialised and neither loses the other's rows) and writes the audit
record `unggah` with the load summary. Only a role with the right `unggah` may do either; the size limit is
`[unggah] batas_mb`.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from akses import Pengguna, audit, wajib_hak
from pipelines import ingest
from pipelines.gudang import MODE_BERKAS
from pipelines.konfigurasi import Konfigurasi

AKHIRAN = (".csv", ".txt", ".xlsx", ".xlsm", ".xls", ".parquet")
"""The file types `pantau ingest` reads."""


class KesalahanUnggah(ValueError):
    """An upload that cannot be taken; the message says, in Indonesian, what to do."""


@dataclass(frozen=True)
class BerkasUnggahan:
    """One uploaded file: its name as the browser gave it, and its bytes."""

    nama: str
    isi: bytes


def nama_aman(nama: str) -> str:
    """The file name without any folder part or unusual characters (a browser may send `../../x.csv`)."""
    dasar = Path(nama.replace("\\", "/")).name
    bersih = re.sub(r"[^A-Za-z0-9._ ()-]+", "_", dasar).strip(" .") or "berkas"
    return bersih[:120]


def periksa(berkas: Sequence[BerkasUnggahan], konfigurasi: Konfigurasi) -> None:
    """Refuse, with the reason, an empty upload, an unknown file type or a file over the size limit."""
    if not berkas:
        raise KesalahanUnggah("Belum ada berkas yang dipilih.")
    batas = konfigurasi.unggah_maks_mb * 1024 * 1024
    for b in berkas:
        if not nama_aman(b.nama).lower().endswith(AKHIRAN):
            raise KesalahanUnggah(f"{nama_aman(b.nama)}: jenis berkas tidak dikenal. Unggah CSV, XLSX atau Parquet "
                                  f"({', '.join(AKHIRAN)}).")
        if len(b.isi) > batas:
            raise KesalahanUnggah(f"{nama_aman(b.nama)} berukuran {len(b.isi) / 1024 / 1024:.1f} MB, melebihi batas "
                                  f"{konfigurasi.unggah_maks_mb} MB. Pecah berkasnya (mis. per kecamatan) atau minta "
                                  "admin menaikkan [unggah] batas_mb di pantau.toml.")
        if not b.isi:
            raise KesalahanUnggah(f"{nama_aman(b.nama)} kosong (0 bita).")


def _proses_hidup(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def bersihkan_sisa(konfigurasi: Konfigurasi) -> int:
    """Delete the upload folders left by processes that died mid-upload; returns how many were deleted."""
    dihapus = 0
    folder_induk = konfigurasi.gudang.parent
    if not folder_induk.is_dir():
        return 0
    for folder in folder_induk.glob(".unggah-*"):
        bagian = folder.name.split("-")
        pid = int(bagian[1]) if len(bagian) > 2 and bagian[1].isdigit() else None
        if folder.is_dir() and (pid is None or not _proses_hidup(pid)):
            shutil.rmtree(folder, ignore_errors=True)
            dihapus += 1
    return dihapus


@contextlib.contextmanager
def _berkas_sementara(berkas: Sequence[BerkasUnggahan], konfigurasi: Konfigurasi) -> Iterator[list[Path]]:
    folder_induk = konfigurasi.gudang.parent
    folder_induk.mkdir(parents=True, exist_ok=True)
    bersihkan_sisa(konfigurasi)
    with tempfile.TemporaryDirectory(prefix=f".unggah-{os.getpid()}-", dir=folder_induk) as folder:
        jalur: list[Path] = []
        for i, b in enumerate(berkas):
            nama = nama_aman(b.nama)
            if any(p.name == nama for p in jalur):
                nama = f"{i + 1}_{nama}"
            p = Path(folder) / nama
            p.touch(mode=MODE_BERKAS)  # owner only, like the temporary folder (700) and the warehouse
            p.write_bytes(b.isi)
            jalur.append(p)
        yield jalur


def pratinjau(berkas: Sequence[BerkasUnggahan], konfigurasi: Konfigurasi,
              pengguna: Pengguna) -> list[ingest.RingkasanLembar]:
    """What loading these files would do (kind, rows to load / quarantine / skip, warnings, personal columns that
    will be dropped, already loaded), without writing anything."""
    wajib_hak(pengguna, "unggah")
    periksa(berkas, konfigurasi)
    with _berkas_sementara(berkas, konfigurasi) as jalur:
        return ingest.pratinjau(jalur, konfigurasi)


def muat(berkas: Sequence[BerkasUnggahan], konfigurasi: Konfigurasi,
         pengguna: Pengguna) -> list[ingest.RingkasanLembar]:
    """Load the files into the warehouse (atomically) and audit the upload with its summary; a failure leaves the
    warehouse as it was, is audited too, and is raised."""
    wajib_hak(pengguna, "unggah")
    periksa(berkas, konfigurasi)
    sasaran = ", ".join(nama_aman(b.nama) for b in berkas)[:300]
    with _berkas_sementara(berkas, konfigurasi) as jalur:
        try:
            ringkasan = ingest.muat(jalur, konfigurasi, paralel=False)
        except Exception as e:
            audit.catat(konfigurasi, "unggah", pengguna.nama, sasaran=sasaran, cakupan=pengguna.kode_wilayah,
                        rincian=ingest.rincian_audit([], galat=str(e)))
            raise
    audit.catat(konfigurasi, "unggah", pengguna.nama, sasaran=sasaran, cakupan=pengguna.kode_wilayah,
                rincian=ingest.rincian_audit(ringkasan))
    return ringkasan
