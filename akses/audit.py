"""The audit log: an append-only record of who did what, and when.

Log-ins, failed log-ins, log-outs, lock-outs, every download (what, which scope), every upload and load with its
summary, every account change. The log is a SQLite file of its own (`Konfigurasi.jalur_audit`, beside the accounts
store, never inside the warehouse; created with permissions 600). This module only inserts: it has no update or
delete, and triggers in the file refuse both. Each record also carries the SHA-256 of the previous record and of
itself (a hash chain), so that a change made around the triggers (another SQLite client dropping them) shows in
`verifikasi`. Two processes writing at once are serialised by SQLite's write lock (`BEGIN IMMEDIATE`), which keeps
the chain a single line. Times are stored in UTC and shown in local time.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

from pipelines.konfigurasi import Konfigurasi

PERISTIWA: dict[str, str] = {
    "masuk": "masuk",
    "gagal_masuk": "gagal masuk",
    "keluar": "keluar",
    "sesi_habis": "sesi habis (tidak aktif)",
    "akun_terkunci": "akun terkunci (terlalu banyak gagal masuk)",
    "akses_ditolak": "akses ditolak (di luar cakupan atau hak)",
    "unduh": "unduh",
    "unggah": "unggah berkas",
    "ingest": "muat data (pantau ingest)",
    "akun_tambah": "akun ditambah",
    "akun_hapus": "akun dihapus",
    "akun_reset": "kata sandi direset",
    "ganti_sandi": "kata sandi diganti",
    "akun_surel": "surel SSO ditautkan",
}
"""Every kind of event, with the words `pantau audit` prints."""

_AWAL_RANTAI = "0" * 64

_SKEMA = (
    """create table if not exists audit (
        id integer primary key autoincrement,
        waktu text not null,
        pengguna text,
        peristiwa text not null,
        sasaran text,
        cakupan text,
        rincian text not null,
        hash_sebelum text not null,
        hash text not null
    )""",
    """create trigger if not exists audit_tanpa_ubah before update on audit
    begin select raise(abort, 'log audit hanya boleh ditambah, tidak diubah'); end""",
    """create trigger if not exists audit_tanpa_hapus before delete on audit
    begin select raise(abort, 'log audit hanya boleh ditambah, tidak dihapus'); end""",
)


class KesalahanAudit(ValueError):
    """The audit log cannot be written or read; the message says, in Indonesian, what to check."""


@dataclass(frozen=True)
class Catatan:
    """One audit record."""

    id: int
    waktu: datetime
    pengguna: str | None
    peristiwa: str
    sasaran: str | None = None
    cakupan: str | None = None
    rincian: dict[str, Any] = field(default_factory=dict)

    def baris_teks(self) -> str:
        """One line for `pantau audit`: local time, user, event, target, scope, details."""
        waktu = self.waktu.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        bagian = [waktu, self.pengguna or "-", self.peristiwa]
        if self.sasaran:
            bagian.append(self.sasaran)
        if self.cakupan:
            bagian.append(f"cakupan {self.cakupan}")
        if self.rincian:
            bagian.append(json.dumps(self.rincian, ensure_ascii=False, sort_keys=True))
        return "  ".join(bagian)


def pelaku_os() -> str:
    """The operating-system user running the command line, as `os:NAME`."""
    try:
        return f"os:{getpass.getuser()}"
    except (KeyError, OSError):
        return f"os:uid{os.getuid()}"


def _hash(sebelum: str, waktu: str, pengguna: str | None, peristiwa: str, sasaran: str | None,
          cakupan: str | None, rincian: str) -> str:
    isi = json.dumps([sebelum, waktu, pengguna, peristiwa, sasaran, cakupan, rincian], ensure_ascii=False)
    return hashlib.sha256(isi.encode("utf-8")).hexdigest()


def _buka(berkas: Path) -> sqlite3.Connection:
    try:
        berkas.parent.mkdir(parents=True, exist_ok=True)
        if not berkas.exists():
            os.close(os.open(berkas, os.O_WRONLY | os.O_CREAT, 0o600))
        con = sqlite3.connect(berkas, timeout=30, isolation_level=None)
    except (OSError, sqlite3.Error) as e:
        raise KesalahanAudit(f"Log audit {berkas} tidak dapat dibuka: {e}. Periksa izin folder.") from e
    con.execute("pragma busy_timeout = 30000")
    return con


def _teks_waktu(waktu: datetime) -> str:
    return waktu.astimezone(UTC).isoformat(timespec="microseconds")


def catat(konfigurasi: Konfigurasi, peristiwa: str, pengguna: str | None, *, sasaran: str | None = None,
          cakupan: str | None = None, rincian: dict[str, Any] | None = None,
          waktu: datetime | None = None) -> Catatan:
    """Append one record (`peristiwa` from `PERISTIWA`) and return it. Raises `KesalahanAudit` when it cannot."""
    if peristiwa not in PERISTIWA:
        raise KesalahanAudit(f"Peristiwa audit {peristiwa!r} tidak dikenal.")
    waktu = waktu or datetime.now(UTC)
    teks_waktu = _teks_waktu(waktu)
    teks_rincian = json.dumps(rincian or {}, ensure_ascii=False, sort_keys=True, default=str)
    pengguna = pengguna[:100] if pengguna else pengguna
    con = _buka(konfigurasi.jalur_audit)
    try:
        con.execute("begin immediate")
        for perintah in _SKEMA:
            con.execute(perintah)
        baris = con.execute("select hash from audit order by id desc limit 1").fetchone()
        sebelum = baris[0] if baris else _AWAL_RANTAI
        h = _hash(sebelum, teks_waktu, pengguna, peristiwa, sasaran, cakupan, teks_rincian)
        cur = con.execute(
            "insert into audit (waktu, pengguna, peristiwa, sasaran, cakupan, rincian, hash_sebelum, hash) "
            "values (?, ?, ?, ?, ?, ?, ?, ?)",
            (teks_waktu, pengguna, peristiwa, sasaran, cakupan, teks_rincian, sebelum, h))
        con.execute("commit")
        nomor = int(cur.lastrowid or 0)
    except sqlite3.Error as e:
        if con.in_transaction:
            con.execute("rollback")
        raise KesalahanAudit(f"Log audit {konfigurasi.jalur_audit} tidak dapat ditulis: {e}") from e
    finally:
        con.close()
    return Catatan(nomor, datetime.fromisoformat(teks_waktu), pengguna, peristiwa, sasaran, cakupan,
                   json.loads(teks_rincian))


def baca(konfigurasi: Konfigurasi, sejak: date | datetime | None = None, pengguna: str | None = None,
         peristiwa: str | None = None) -> list[Catatan]:
    """Records in order, optionally from `sejak` (a date means local midnight), for one user or one event."""
    berkas = konfigurasi.jalur_audit
    if not berkas.exists():
        return []
    syarat, param = [], []
    if sejak is not None:
        if not isinstance(sejak, datetime):
            sejak = datetime.combine(sejak, time()).astimezone()
        syarat.append("waktu >= ?")
        param.append(_teks_waktu(sejak))
    if pengguna is not None:
        syarat.append("pengguna = ?")
        param.append(pengguna)
    if peristiwa is not None:
        syarat.append("peristiwa = ?")
        param.append(peristiwa)
    kueri = "select id, waktu, pengguna, peristiwa, sasaran, cakupan, rincian from audit"
    if syarat:
        kueri += " where " + " and ".join(syarat)
    con = _buka(berkas)
    try:
        baris = con.execute(kueri + " order by id", param).fetchall()
    except sqlite3.OperationalError as e:
        if "no such table" in str(e):
            return []
        raise KesalahanAudit(f"Log audit {berkas} tidak dapat dibaca: {e}") from e
    finally:
        con.close()
    return [Catatan(int(b[0]), datetime.fromisoformat(b[1]), b[2], b[3], b[4], b[5], json.loads(b[6]))
            for b in baris]


def verifikasi(konfigurasi: Konfigurasi) -> int | None:
    """The id of the first record whose hash chain is broken (edited, deleted or inserted around this module),
    or None when the whole log is intact."""
    berkas = konfigurasi.jalur_audit
    if not berkas.exists():
        return None
    con = _buka(berkas)
    try:
        baris = con.execute("select id, waktu, pengguna, peristiwa, sasaran, cakupan, rincian, hash_sebelum, hash "
                            "from audit order by id").fetchall()
    except sqlite3.OperationalError:
        return None
    finally:
        con.close()
    sebelum = _AWAL_RANTAI
    for b in baris:
        if b[7] != sebelum or _hash(sebelum, b[1], b[2], b[3], b[4], b[5], b[6]) != b[8]:
            return int(b[0])
        sebelum = b[8]
    return None
