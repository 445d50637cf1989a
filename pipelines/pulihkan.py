"""`pantau pulihkan`: bring back the previous good warehouse kept beside the current one.

Every successful load swaps its new warehouse in with `gudang.pasang_gudang`, which
keeps the file it replaces as `<gudang>.sebelumnya` (a hard link, so no copy and no
extra load time). When the current warehouse is damaged (garbage bytes, a truncated
copy, a failing disk) or a load must be undone, `pulihkan` checks that the kept file
is a readable warehouse, copies it to a temporary file, and swaps it in with the same
atomic rename; the file it replaces is set aside as `<gudang>.disisihkan` for
inspection. `.sebelumnya` itself is left as it is, so running it twice is harmless.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from pipelines.gudang import GudangRusak, jalur_sebelumnya, kunci_penulis, tampak_rusak


class KesalahanPulihkan(RuntimeError):
    """There is nothing to restore; the message says, in Indonesian, what to do."""


@dataclass(frozen=True)
class HasilPulihkan:
    """What was restored: the warehouse's data date and build time, and where the replaced file went."""

    gudang: Path
    tanggal_data: str | None
    dibangun_pada: str | None
    tabel: int
    disisihkan: Path | None
    gudang_lama_rusak: bool


def periksa_gudang(jalur: Path) -> dict[str, str]:
    """Open a warehouse read-only, read its `meta_gudang` and count every table; raises GudangRusak when it cannot.

    Returns `meta_gudang` plus `jumlah_tabel`.
    """
    try:
        con = duckdb.connect(str(jalur), read_only=True)
    except duckdb.Error as e:
        raise GudangRusak(f"{jalur} bukan gudang yang dapat dibaca ({str(e).splitlines()[0][:200]}).") from e
    try:
        meta = {str(k): str(v) for k, v in con.execute("select kunci, nilai from meta_gudang").fetchall()}
        tabel = [r[0] for r in con.execute("select table_name from duckdb_tables() where not internal").fetchall()]
        for nama in tabel:  # names from the catalogue of the file itself, quoted
            con.execute('select count(*) from "' + nama.replace('"', '""') + '"').fetchall()
    except duckdb.Error as e:
        pesan = "rusak" if tampak_rusak(e) else "bukan gudang Pantau"
        raise GudangRusak(f"{jalur} {pesan} ({str(e).splitlines()[0][:200]}).") from e
    finally:
        con.close()
    meta["jumlah_tabel"] = str(len(tabel))
    return meta


def _dapat_dibaca(jalur: Path) -> bool:
    try:
        periksa_gudang(jalur)
    except GudangRusak:
        return False
    return True


def pulihkan(gudang: Path) -> HasilPulihkan:
    """Replace `gudang` by a copy of `<gudang>.sebelumnya`, atomically, under the writer lock."""
    sebelumnya = jalur_sebelumnya(gudang)
    with kunci_penulis(gudang, tunggu=False):
        if not sebelumnya.exists():
            raise KesalahanPulihkan(
                f"Tidak ada gudang sebelumnya ({sebelumnya.name}) di {gudang.parent}: gudang ini belum pernah "
                "diganti oleh pemuatan yang berhasil. Pulihkan dari cadangan, atau muat ulang semua berkas.")
        try:
            meta = periksa_gudang(sebelumnya)
        except GudangRusak as e:
            raise GudangRusak(f"Gudang sebelumnya juga tidak dapat dipakai: {e} Pulihkan dari cadangan.") from e
        lama_rusak = gudang.exists() and not _dapat_dibaca(gudang)
        sementara = gudang.parent / f".{gudang.name}.tmp-{os.getpid()}"
        disisihkan = gudang.with_name(gudang.name + ".disisihkan") if gudang.exists() else None
        try:
            shutil.copyfile(sebelumnya, sementara)
            with open(sementara, "rb+") as f:
                os.fsync(f.fileno())
            if disisihkan is not None:
                tautan = gudang.parent / f".{disisihkan.name}.tmp-{os.getpid()}"
                tautan.unlink(missing_ok=True)
                os.link(gudang, tautan)
                os.replace(tautan, disisihkan)
            os.replace(sementara, gudang)
        finally:
            sementara.unlink(missing_ok=True)
        fd = os.open(gudang.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
    return HasilPulihkan(gudang, meta.get("tanggal_data"), meta.get("dibangun_pada"), int(meta["jumlah_tabel"]),
                         disisihkan, lama_rusak)


def ringkasan_teks(h: HasilPulihkan) -> str:
    """The lines `pantau pulihkan` prints."""
    baris = [f"Gudang sebelumnya dipulihkan ke {h.gudang}: data per {h.tanggal_data or '-'}, "
             f"dibangun {h.dibangun_pada or '-'}, {h.tabel} tabel."]
    if h.disisihkan is not None:
        keadaan = "rusak" if h.gudang_lama_rusak else "yang diganti"
        baris.append(f"Gudang {keadaan} disimpan sebagai {h.disisihkan}; hapus bila tidak diperlukan.")
    baris.append("Muat ulang berkas yang dimuat sesudah gudang itu dibangun (berkas yang sama tidak dimuat dua kali).")
    return "\n".join(baris)
