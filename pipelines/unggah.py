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

A hostile file must fail alone. The reading and validation (the whole of `pratinjau`, the parse step of `muat`) run
in a separate process (`pipelines.terpisah`) limited to `[unggah] memori_mb` of resident memory and `waktu_detik`
seconds; the warehouse is written here, from what it sends back. In that process each file is first measured as it
is streamed (`pipelines.baca.ukuran`: an XLSX's bytes as they come out of the decompressor and its cells, a CSV's
rows and cells) against `[unggah] isi_mb`, `sel_maks` and `baris_maks`, never against the sizes a zip declares. Over
a limit, or should the process die, `KesalahanUnggah` says in Indonesian what happened and what to do; the app and
every other session go on, and the raw files are deleted as on every other path.

`siapkan` starts that process ahead of time (the page calls it at the end of each run): its interpreter, imports and
the national list of places are ready while the operator picks a file or reads the summary, and the check or load
that follows takes it (`terpisah.siapkan`). It reads no upload before that, and serves one check or load only.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from akses import Pengguna, audit, boleh, wajib_hak
from pipelines import ingest, terpisah
from pipelines.baca.berkas import KesalahanBaca
from pipelines.baca.ukuran import BatasUkuran, UkuranTerlampaui, periksa_csv, periksa_xlsx
from pipelines.gudang import MODE_BERKAS
from pipelines.konfigurasi import Konfigurasi
from pipelines.wilayah import muat_wilayah

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


SARAN_PECAH = "Pecah berkas menjadi beberapa berkas yang lebih kecil (mis. per kecamatan), lalu unggah lagi."
SARAN_EXCEL = ("Pecah berkas menjadi beberapa berkas yang lebih kecil (mis. per kecamatan), atau simpan lembar "
               "datanya saja sebagai CSV, lalu unggah lagi.")


def periksa_isi(jalur: Sequence[Path], konfigurasi: Konfigurasi) -> None:
    """Measure each file by streaming it (`pipelines.baca.ukuran`) against the `[unggah]` limits; raise
    `KesalahanUnggah` at the first one passed. A file that cannot be measured (damaged) is left to the reader,
    whose message goes in the summary."""
    for p in jalur:
        akhiran = p.suffix.lower()
        try:
            if akhiran in (".xlsx", ".xlsm", ".xls"):  # an .xls that is really a zip is measured too
                periksa_xlsx(p, BatasUkuran(bita_isi=konfigurasi.unggah_isi_maks_mb << 20,
                                            sel=konfigurasi.unggah_sel_maks, saran=SARAN_EXCEL))
            elif akhiran in (".csv", ".txt", ".tsv"):
                periksa_csv(p, BatasUkuran(bita_isi=konfigurasi.unggah_isi_maks_mb << 20,
                                           sel=konfigurasi.unggah_sel_maks, baris=konfigurasi.unggah_baris_maks,
                                           saran=SARAN_PECAH))
        except UkuranTerlampaui as e:
            raise KesalahanUnggah(str(e)) from None
        except KesalahanBaca:
            pass


def _anak_siap(konfigurasi: Konfigurasi) -> Iterator[None]:
    """In a spare checker process, before any file: what every check loads (the national list of places)."""
    muat_wilayah(konfigurasi.folder_referensi, konfigurasi.kabupaten)
    yield None


def siapkan(konfigurasi: Konfigurasi, pengguna: Pengguna) -> None:
    """Have the process of the next check or load of this app process started and warmed (`_anak_siap`); nothing
    for a user without the right `unggah`."""
    if boleh(pengguna, "unggah"):
        terpisah.siapkan(f"{__name__}:_anak_siap", konfigurasi)


def _anak_pratinjau(jalur: list[Path], konfigurasi: Konfigurasi) -> Iterator[list[ingest.RingkasanLembar]]:
    """In the separate process: measure, then the summaries of `ingest.pratinjau`."""
    periksa_isi(jalur, konfigurasi)
    yield ingest.pratinjau(jalur, konfigurasi)


def _anak_validasi(jalur: list[Path], konfigurasi: Konfigurasi) -> Iterator[object]:
    """In the separate process: measure (then yield None: the files may be loaded), then each file validated."""
    periksa_isi(jalur, konfigurasi)
    yield None
    yield from ingest.validasi(jalur, konfigurasi)


def _di_proses_terpisah(fungsi: str, jalur: list[Path], konfigurasi: Konfigurasi) -> Generator[Any, None, None]:
    """What `fungsi` of this module yields in the limited process; its death becomes `KesalahanUnggah`."""
    nama = ", ".join(p.name for p in jalur)[:200]
    try:
        yield from terpisah.jalankan(f"{__name__}:{fungsi}", jalur, konfigurasi,
                                     memori_mb=konfigurasi.unggah_memori_mb,
                                     waktu_detik=konfigurasi.unggah_waktu_detik)
    except terpisah.ProsesGagal as e:
        if e.sebab == "memori":
            pesan = (f"{nama}: pemeriksaan dihentikan karena berkas memerlukan memori lebih dari "
                     f"{konfigurasi.unggah_memori_mb:,} MB".replace(",", ".") + ". " + SARAN_EXCEL)
        elif e.sebab == "waktu":
            pesan = (f"{nama}: pemeriksaan tidak selesai dalam {konfigurasi.unggah_waktu_detik} detik dan "
                     "dihentikan. " + SARAN_PECAH)
        else:
            pesan = (f"{nama}: pemeriksaan berhenti tiba-tiba. Buka berkas di Excel/LibreOffice, simpan ulang (atau "
                     "simpan sebagai CSV), lalu unggah lagi.")
        raise KesalahanUnggah(pesan) from None
    except (ValueError, OSError):  # KesalahanUnggah and the like: their message is for the user
        raise
    except Exception as e:  # anything else a reader broke on (its traceback is in the server's log)
        raise KesalahanUnggah(f"{nama}: pemeriksaan berhenti tiba-tiba. Buka berkas di Excel/LibreOffice, simpan "
                              "ulang (atau simpan sebagai CSV), lalu unggah lagi.") from e


def pratinjau(berkas: Sequence[BerkasUnggahan], konfigurasi: Konfigurasi,
              pengguna: Pengguna) -> list[ingest.RingkasanLembar]:
    """What loading these files would do (kind, rows to load / quarantine / skip, warnings, personal columns that
    will be dropped, already loaded), without writing anything; read in the limited process."""
    wajib_hak(pengguna, "unggah")
    periksa(berkas, konfigurasi)
    with _berkas_sementara(berkas, konfigurasi) as jalur:
        [ringkasan] = list(_di_proses_terpisah("_anak_pratinjau", jalur, konfigurasi))
        return ringkasan


def muat(berkas: Sequence[BerkasUnggahan], konfigurasi: Konfigurasi,
         pengguna: Pengguna) -> list[ingest.RingkasanLembar]:
    """Load the files into the warehouse (atomically) and audit the upload with its summary; a failure leaves the
    warehouse as it was, is audited too, and is raised."""
    wajib_hak(pengguna, "unggah")
    periksa(berkas, konfigurasi)
    sasaran = ", ".join(nama_aman(b.nama) for b in berkas)[:300]
    with _berkas_sementara(berkas, konfigurasi) as jalur:
        try:
            with contextlib.closing(_di_proses_terpisah("_anak_validasi", jalur, konfigurasi)) as hasil:
                next(hasil)  # measured and within the limits: only now is the warehouse copied
                ringkasan = ingest.muat(jalur, konfigurasi, paralel=False, tervalidasi=hasil)
        except Exception as e:
            audit.catat(konfigurasi, "unggah", pengguna.nama, sasaran=sasaran, cakupan=pengguna.kode_wilayah,
                        rincian=ingest.rincian_audit([], galat=str(e)))
            raise
    audit.catat(konfigurasi, "unggah", pengguna.nama, sasaran=sasaran, cakupan=pengguna.kode_wilayah,
                rincian=ingest.rincian_audit(ringkasan))
    return ringkasan
