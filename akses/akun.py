"""Local accounts: a name, a role with its wilayah, an argon2id password hash, lock-out, forced change, sessions.

The store is a SQLite file of its own (`Konfigurasi.jalur_akun`: default `akun.sqlite` beside the warehouse, never
inside it; created with permissions 600). Passwords are hashed with argon2-cffi's `PasswordHasher` (argon2id, its
RFC 9106 defaults) and never stored, printed or logged in plain text. Every change runs in one write transaction
(`BEGIN IMMEDIATE`, waiting up to 30 s for another writer), so two processes adding users at once neither lose nor
corrupt each other's work; the slow hashing happens before the transaction opens.

Log-in (`masuk`): a wrong password counts a failure; after `gagal_maks` failures in a row the account is locked for
`kunci_menit` minutes, during which even the right password is refused. An unknown name, a wrong password and a
locked account look the same from outside: each runs one password verification (the stored hash, or a dummy one for
an unknown name) and gets the same message (`PESAN_SALAH`), so neither the answer nor its time tells an attacker
which names exist or are locked; the audit log and `pantau pengguna daftar` say which it was. A new password must be
10-256 characters and hard to guess (`periksa_sandi`: zxcvbn's common-password and word lists, the user's own name
and e-mail; NIST SP 800-63B). A first password and a reset one must be changed
before anything else (`Sesi.wajib_ganti_sandi`). A session ends after `sesi_menit` minutes without activity, and as
soon as the account is deleted, reset or its password changed (`sesi_berlaku`). Every log-in, failure, lock-out,
log-out and account change leaves an audit record (`akses.audit`).
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from akses import audit
from akses.peran import LABEL_PERAN, PERAN, PERAN_KABUPATEN, KesalahanWilayah, Pengguna, kode_untuk_peran, nama_wilayah
from pipelines.konfigurasi import Konfigurasi

T = TypeVar("T")

PENGHASH = PasswordHasher()
"""argon2id with argon2-cffi's defaults (RFC 9106 low-memory profile)."""

SANDI_MIN = 10
SANDI_MAKS = 256
PESAN_SALAH = "Nama pengguna atau kata sandi salah."
"""The one answer to a refused log-in: unknown name, wrong password and locked account alike."""
SKOR_MIN = 3
"""zxcvbn's score (0-4) a new password must reach: 3 is "safely unguessable" (about 10^8 guesses or more)."""
PESAN_LEMAH = ("Kata sandi terlalu mudah ditebak: kata sandi umum, kata dari kamus, urutan angka atau tombol, atau "
               "memuat nama pengguna. Pilih kalimat sandi yang lebih panjang dan tidak umum, misalnya beberapa kata "
               "yang tidak saling berhubungan dipisah tanda hubung, tanpa nama, tanggal lahir atau urutan angka.")
_KUNCI_ZXCVBN = threading.Lock()  # zxcvbn keeps the user's words in a module-level dictionary while it scores
_NAMA = re.compile(r"^[a-z][a-z0-9._-]{2,31}$")
_HURUF_SANDI = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"

_SKEMA = """create table if not exists pengguna (
    nama text primary key,
    peran text not null,
    kode_wilayah text not null,
    hash_sandi text not null,
    wajib_ganti integer not null default 1,
    gagal integer not null default 0,
    terkunci_sampai text,
    masuk_terakhir text,
    dibuat_pada text not null,
    diubah_pada text not null,
    versi integer not null default 1,
    surel text
)"""


class KesalahanAkun(ValueError):
    """An account request that cannot be done; the message says why, in Indonesian."""


@dataclass(frozen=True)
class Akun:
    """One account as stored, without its hash."""

    nama: str
    peran: str
    kode_wilayah: str
    wajib_ganti_sandi: bool
    gagal: int
    terkunci_sampai: datetime | None
    masuk_terakhir: datetime | None
    dibuat_pada: datetime
    versi: int

    @property
    def pengguna(self) -> Pengguna:
        """The user as the access gate sees it."""
        return Pengguna(self.nama, self.peran, self.kode_wilayah)

    def terkunci(self, sekarang: datetime | None = None) -> bool:
        """True while the account is locked after too many failed log-ins."""
        return self.terkunci_sampai is not None and (sekarang or _sekarang()) < self.terkunci_sampai


@dataclass(frozen=True)
class Sesi:
    """A logged-in user for the app to keep (in `st.session_state`); it carries no password and no hash."""

    pengguna: Pengguna
    mulai: datetime
    aktif_terakhir: datetime
    batas_menit: int
    wajib_ganti_sandi: bool
    versi: int
    token: str
    sso: bool = False
    """Opened through single sign-on (`masuk_sso`): no Pantau password, so no forced change."""

    def habis(self, sekarang: datetime | None = None) -> bool:
        """True after `batas_menit` minutes without activity."""
        return (sekarang or _sekarang()) - self.aktif_terakhir > timedelta(minutes=self.batas_menit)


@dataclass(frozen=True)
class GagalMasuk:
    """Why a log-in was refused, in words fit for the screen. A password log-in always gets `PESAN_SALAH` and no
    `terkunci_sampai` (nothing tells a locked account from a wrong password); only single sign-on, where the identity
    provider has vouched for the user, is told of a lock-out and its end."""

    alasan: str
    terkunci_sampai: datetime | None = None


def _sekarang() -> datetime:
    return datetime.now(UTC)


def _teks(waktu: datetime | None) -> str | None:
    return waktu.astimezone(UTC).isoformat(timespec="seconds") if waktu else None


def _waktu(teks: str | None) -> datetime | None:
    return datetime.fromisoformat(teks) if teks else None


def normalkan_nama(nama: str) -> str:
    """An account name in lower case, checked: 3-32 characters, a letter first, then letters, digits, `.`, `_`, `-`."""
    n = (nama or "").strip().lower()
    if not _NAMA.match(n):
        raise KesalahanAkun(f'Nama pengguna "{nama}" tidak sah: 3-32 huruf kecil, angka, titik, garis bawah atau '
                            "tanda hubung, diawali huruf (contoh: camat_kabuh).")
    return n


def periksa_sandi(sandi: str, nama: str, surel: str | None = None) -> None:
    """The password rule (NIST SP 800-63B): 10 to 256 characters, not the name, not one character repeated, and hard
    to guess: refused when zxcvbn finds it as a whole in its lists (common passwords, words, names) or scores it below
    `SKOR_MIN`, the user's name, its parts and e-mail counting as known words. Everything zxcvbn needs ships inside
    the package: nothing is fetched."""
    if not sandi or not sandi.strip():
        raise KesalahanAkun("Kata sandi kosong.")
    if len(sandi) < SANDI_MIN:
        raise KesalahanAkun(f"Kata sandi terlalu pendek: paling sedikit {SANDI_MIN} karakter.")
    if len(sandi) > SANDI_MAKS:
        raise KesalahanAkun(f"Kata sandi terlalu panjang: paling banyak {SANDI_MAKS} karakter.")
    if sandi.strip().lower() == nama.lower() or len(set(sandi)) == 1:
        raise KesalahanAkun("Kata sandi terlalu mudah ditebak (sama dengan nama atau satu karakter berulang).")
    if _lemah(sandi, nama, surel):
        raise KesalahanAkun(PESAN_LEMAH)


def _lemah(sandi: str, nama: str, surel: str | None) -> bool:
    """True when zxcvbn scores `sandi` below `SKOR_MIN` or finds it whole in one of its dictionaries."""
    kata: list[str] = []
    for teks in (nama, *(surel.split("@") if surel else ())):
        bagian = [b for b in re.split(r"[._+-]+", teks) if len(b) >= 3]
        kata += [teks, "".join(bagian), *bagian]  # camat_kabuh: camat_kabuh, camatkabuh, camat, kabuh
    with _KUNCI_ZXCVBN:
        hasil = zxcvbn(sandi, user_inputs=kata, max_length=SANDI_MAKS)
    urutan = hasil["sequence"]
    return bool(hasil["score"] < SKOR_MIN or (len(urutan) == 1 and urutan[0]["pattern"] == "dictionary"))


def sandi_acak() -> str:
    """A one-time password: 16 characters without look-alikes (no 0/O, 1/l/I), in four groups."""
    isi = "".join(secrets.choice(_HURUF_SANDI) for _ in range(16))
    return "-".join(isi[i:i + 4] for i in range(0, 16, 4))


def _buka(konfigurasi: Konfigurasi) -> sqlite3.Connection:
    berkas: Path = konfigurasi.jalur_akun
    if berkas.resolve() == konfigurasi.gudang.resolve():
        raise KesalahanAkun("Penyimpanan akun tidak boleh sama dengan berkas gudang data.")
    try:
        berkas.parent.mkdir(parents=True, exist_ok=True)
        if not berkas.exists():
            os.close(os.open(berkas, os.O_WRONLY | os.O_CREAT, 0o600))
        con = sqlite3.connect(berkas, timeout=30, isolation_level=None)
        con.execute("pragma busy_timeout = 30000")
        con.execute(_SKEMA)
        if "surel" not in {r[1] for r in con.execute("pragma table_info(pengguna)")}:  # stores made before SSO
            try:
                con.execute("alter table pengguna add column surel text")
            except sqlite3.OperationalError as e:  # another process added it a moment ago
                if "duplicate column" not in str(e):
                    raise
    except (OSError, sqlite3.Error) as e:
        raise KesalahanAkun(f"Penyimpanan akun {berkas} tidak dapat dibuka: {e}. Periksa izin folder.") from e
    return con


def _akun(baris: tuple) -> Akun:
    return Akun(baris[0], baris[1], baris[2], bool(baris[3]), int(baris[4]), _waktu(baris[5]), _waktu(baris[6]),
                _waktu(baris[7]) or _sekarang(), int(baris[8]))


_KOLOM = "nama, peran, kode_wilayah, wajib_ganti, gagal, terkunci_sampai, masuk_terakhir, dibuat_pada, versi"


def _tulis(konfigurasi: Konfigurasi, kerja: Callable[[sqlite3.Connection], T]) -> T:
    """Run `kerja(con)` inside one write transaction; sqlite errors become `KesalahanAkun`."""
    con = _buka(konfigurasi)
    try:
        con.execute("begin immediate")
        hasil = kerja(con)
        con.execute("commit")
        return hasil
    except sqlite3.Error as e:
        raise KesalahanAkun(f"Penyimpanan akun {konfigurasi.jalur_akun} tidak dapat ditulis: {e}") from e
    finally:
        if con.in_transaction:
            con.execute("rollback")
        con.close()


def cari(konfigurasi: Konfigurasi, nama: str) -> Akun | None:
    """The account called `nama`, or None."""
    try:
        n = normalkan_nama(nama)
    except KesalahanAkun:
        return None
    con = _buka(konfigurasi)
    try:
        baris = con.execute(f"select {_KOLOM} from pengguna where nama = ?", (n,)).fetchone()
    finally:
        con.close()
    return _akun(baris) if baris else None


def pengguna(konfigurasi: Konfigurasi, nama: str) -> Pengguna:
    """The user called `nama` for the access gate (`pantau metrik --sebagai`); unknown raises `KesalahanAkun`."""
    akun = cari(konfigurasi, nama)
    if akun is None:
        raise KesalahanAkun(f'Pengguna "{nama}" tidak dikenal. Lihat `pantau pengguna daftar`.')
    return akun.pengguna


def daftar(konfigurasi: Konfigurasi) -> list[Akun]:
    """Every account, by name."""
    con = _buka(konfigurasi)
    try:
        return [_akun(b) for b in con.execute(f"select {_KOLOM} from pengguna order by nama").fetchall()]
    finally:
        con.close()


def periksa_tambah(konfigurasi: Konfigurasi, nama: str, peran: str, wilayah: str | None) -> tuple[str, str]:
    """The normalised name and the role's wilayah code of a new account (before any password is asked for)."""
    n = normalkan_nama(nama)
    try:
        return n, kode_untuk_peran(peran, wilayah, konfigurasi)
    except KesalahanWilayah as e:
        raise KesalahanAkun(str(e)) from e


def tambah(konfigurasi: Konfigurasi, nama: str, peran: str, wilayah: str | None, sandi: str, *,
           oleh: str | None = None) -> Akun:
    """Add an account. The password is a first password: it must be changed at the first log-in."""
    n, kode = periksa_tambah(konfigurasi, nama, peran, wilayah)
    periksa_sandi(sandi, n)
    h = PENGHASH.hash(sandi)
    waktu = _teks(_sekarang())

    def kerja(con: sqlite3.Connection) -> None:
        if con.execute("select 1 from pengguna where nama = ?", (n,)).fetchone():
            raise KesalahanAkun(f'Pengguna "{n}" sudah ada; pakai nama lain atau `pantau pengguna reset {n}`.')
        con.execute("insert into pengguna (nama, peran, kode_wilayah, hash_sandi, wajib_ganti, dibuat_pada, "
                    "diubah_pada) values (?, ?, ?, ?, 1, ?, ?)", (n, peran, kode, h, waktu, waktu))

    _tulis(konfigurasi, kerja)
    audit.catat(konfigurasi, "akun_tambah", oleh, sasaran=n, cakupan=kode, rincian={"peran": peran})
    akun = cari(konfigurasi, n)
    assert akun is not None
    return akun


def _cocok(hash_sandi: str, sandi: str) -> bool:
    try:
        return PENGHASH.verify(hash_sandi, sandi)
    except (VerificationError, InvalidHashError):
        return False


_HASH_PALSU: list[str] = []


def _verifikasi_palsu(sandi: str) -> None:
    """Spend the time of one verification for an unknown name, so that timing does not tell names apart."""
    if not _HASH_PALSU:
        _HASH_PALSU.append(PENGHASH.hash(secrets.token_hex(16)))
    _cocok(_HASH_PALSU[0], sandi)


def _periksa_tercatat(konfigurasi: Konfigurasi, n: str, sandi: str,
                      sekarang: datetime) -> tuple[Akun | None, str | None]:
    """Check a password against the account and count the outcome (failures, lock-out) in one transaction: the
    account (None when unknown) and None when the password is right, else the reason for the audit log (`nama tidak
    dikenal`, `kata sandi salah`, `terkunci`). Every path runs exactly one verification: a locked account's stored
    hash is checked too (its result ignored), so that the time does not tell a locked account from a wrong password."""
    con = _buka(konfigurasi)
    try:
        hash_lama = con.execute("select hash_sandi from pengguna where nama = ?", (n,)).fetchone()
    finally:
        con.close()
    if hash_lama is None:
        _verifikasi_palsu(sandi)
        return None, "nama tidak dikenal"
    benar = _cocok(hash_lama[0], sandi)

    def kerja(con: sqlite3.Connection) -> tuple[Akun | None, str | None, bool]:
        baris = con.execute(f"select {_KOLOM}, hash_sandi from pengguna where nama = ?", (n,)).fetchone()
        if baris is None:
            return None, "nama tidak dikenal", False
        kini = _akun(baris[:-1])
        if kini.terkunci(sekarang):  # even the right password: refused, and the same answer as a wrong one
            return kini, "terkunci", False
        if benar and baris[-1] == hash_lama[0]:
            con.execute("update pengguna set gagal = 0, terkunci_sampai = null where nama = ?", (n,))
            return replace(kini, gagal=0, terkunci_sampai=None), None, False
        gagal = kini.gagal + 1
        if gagal >= konfigurasi.gagal_maks:
            sampai = sekarang + timedelta(minutes=konfigurasi.kunci_menit)
            con.execute("update pengguna set gagal = 0, terkunci_sampai = ? where nama = ?", (_teks(sampai), n))
            return replace(kini, gagal=0, terkunci_sampai=sampai), "terkunci", True
        con.execute("update pengguna set gagal = ? where nama = ?", (gagal, n))
        return replace(kini, gagal=gagal), "kata sandi salah", False

    akun_baru, alasan, baru_terkunci = _tulis(konfigurasi, kerja)
    if baru_terkunci and akun_baru is not None:
        audit.catat(konfigurasi, "akun_terkunci", n, sasaran=n,
                    rincian={"sampai": _teks(akun_baru.terkunci_sampai), "gagal_maks": konfigurasi.gagal_maks})
    return akun_baru, alasan


def _pesan_terkunci(sampai: datetime | None) -> GagalMasuk:
    """The lock-out told to whom an identity provider has vouched for (`masuk_sso`); a password log-in never gets it."""
    jam = sampai.astimezone().strftime("%H:%M") if sampai else "nanti"
    return GagalMasuk(f"Akun terkunci sampai pukul {jam} karena terlalu banyak percobaan masuk yang gagal. "
                      "Coba lagi nanti atau minta admin mereset kata sandi.", sampai)


def masuk(konfigurasi: Konfigurasi, nama: str, sandi: str, *, sekarang: datetime | None = None) -> Sesi | GagalMasuk:
    """Log in: a `Sesi`, or a `GagalMasuk` with the reason to show. Both leave an audit record."""
    sekarang = sekarang or _sekarang()
    try:
        n = normalkan_nama(nama)
    except KesalahanAkun:
        _verifikasi_palsu(sandi)
        # the typed text is not recorded: it may be a password typed into the name field
        audit.catat(konfigurasi, "gagal_masuk", None, rincian={"alasan": "nama tidak sah"}, waktu=sekarang)
        return GagalMasuk(PESAN_SALAH)
    akun, alasan = _periksa_tercatat(konfigurasi, n, sandi, sekarang)
    if alasan is not None or akun is None:
        audit.catat(konfigurasi, "gagal_masuk", n, rincian={"alasan": alasan or "nama tidak dikenal"},
                    waktu=sekarang)
        return GagalMasuk(PESAN_SALAH)

    def kerja(con: sqlite3.Connection) -> None:
        con.execute("update pengguna set masuk_terakhir = ? where nama = ?", (_teks(sekarang), n))
        baris = con.execute("select hash_sandi from pengguna where nama = ?", (n,)).fetchone()
        if baris and PENGHASH.check_needs_rehash(baris[0]):
            con.execute("update pengguna set hash_sandi = ? where nama = ?", (PENGHASH.hash(sandi), n))

    _tulis(konfigurasi, kerja)
    audit.catat(konfigurasi, "masuk", n, cakupan=akun.kode_wilayah, rincian={"peran": akun.peran}, waktu=sekarang)
    return Sesi(akun.pengguna, sekarang, sekarang, konfigurasi.sesi_menit, akun.wajib_ganti_sandi, akun.versi,
                secrets.token_urlsafe(24))


def _akun_sesi(konfigurasi: Konfigurasi, sesi: Sesi, sekarang: datetime) -> Akun | None:
    """The account behind `sesi` if the session may still stand for it: the account exists, is not locked, and its
    role, wilayah and password version (`versi`: raised by a reset and a password change) are those of the log-in."""
    akun = cari(konfigurasi, sesi.pengguna.nama)
    if akun is None or akun.versi != sesi.versi or akun.terkunci(sekarang) or akun.pengguna != sesi.pengguna:
        return None
    return akun


def sesi_berlaku(konfigurasi: Konfigurasi, sesi: Sesi, *, sekarang: datetime | None = None) -> Sesi | None:
    """The session renewed for this request, or None when it must end: idle too long (audited as `sesi_habis`),
    account deleted, locked, reset or its password changed since the log-in."""
    sekarang = sekarang or _sekarang()
    if sesi.habis(sekarang):
        audit.catat(konfigurasi, "sesi_habis", sesi.pengguna.nama, waktu=sekarang,
                    rincian={"batas_menit": sesi.batas_menit})
        return None
    akun = _akun_sesi(konfigurasi, sesi, sekarang)
    if akun is None:
        return None
    return replace(sesi, aktif_terakhir=sekarang, wajib_ganti_sandi=akun.wajib_ganti_sandi and not sesi.sso)


def sesi_sah(konfigurasi: Konfigurasi, sesi: Sesi, *, sekarang: datetime | None = None) -> bool:
    """True when `sesi` may act at this moment (the test of `sesi_berlaku`, and no forced password change pending),
    without renewing or auditing anything: for work done outside a page run, such as a file made or served when a
    download button is clicked."""
    sekarang = sekarang or _sekarang()
    if sesi.habis(sekarang) or sesi.wajib_ganti_sandi:
        return False
    akun = _akun_sesi(konfigurasi, sesi, sekarang)
    return akun is not None and not (akun.wajib_ganti_sandi and not sesi.sso)


def keluar(konfigurasi: Konfigurasi, sesi: Sesi) -> None:
    """Log out (audited)."""
    audit.catat(konfigurasi, "keluar", sesi.pengguna.nama)


def ganti_sandi(konfigurasi: Konfigurasi, nama: str, sandi_lama: str, sandi_baru: str, *,
                sekarang: datetime | None = None) -> None:
    """Change one's own password (the old one is checked and a wrong one counts as a failed log-in). Ends every
    session of the account (`versi` changes) and lifts the forced change."""
    sekarang = sekarang or _sekarang()
    n = normalkan_nama(nama)
    akun, alasan = _periksa_tercatat(konfigurasi, n, sandi_lama, sekarang)
    if alasan is not None or akun is None:
        audit.catat(konfigurasi, "gagal_masuk", n, rincian={"alasan": "kata sandi lama salah (ganti sandi)"},
                    waktu=sekarang)
        raise KesalahanAkun("Kata sandi lama salah.")  # a locked account too: the same answer
    periksa_sandi(sandi_baru, n, _surel(konfigurasi, n))
    if sandi_baru == sandi_lama:
        raise KesalahanAkun("Kata sandi baru harus berbeda dari yang lama.")
    h = PENGHASH.hash(sandi_baru)

    def kerja(con: sqlite3.Connection) -> None:
        con.execute("update pengguna set hash_sandi = ?, wajib_ganti = 0, versi = versi + 1, diubah_pada = ? "
                    "where nama = ?", (h, _teks(sekarang), n))

    _tulis(konfigurasi, kerja)
    audit.catat(konfigurasi, "ganti_sandi", n, sasaran=n, waktu=sekarang)


def _surel(konfigurasi: Konfigurasi, n: str) -> str | None:
    con = _buka(konfigurasi)
    try:
        baris = con.execute("select surel from pengguna where nama = ?", (n,)).fetchone()
    finally:
        con.close()
    return baris[0] if baris else None


def reset(konfigurasi: Konfigurasi, nama: str, *, oleh: str | None = None) -> str:
    """Give the account a generated one-time password (returned once, never stored in plain text), lift a lock-out,
    force a change at the next log-in and end its sessions."""
    n = normalkan_nama(nama)
    sandi = sandi_acak()
    h = PENGHASH.hash(sandi)

    def kerja(con: sqlite3.Connection) -> bool:
        cur = con.execute("update pengguna set hash_sandi = ?, wajib_ganti = 1, gagal = 0, terkunci_sampai = null, "
                          "versi = versi + 1, diubah_pada = ? where nama = ?", (h, _teks(_sekarang()), n))
        return cur.rowcount == 1

    if not _tulis(konfigurasi, kerja):
        raise KesalahanAkun(f'Pengguna "{n}" tidak dikenal. Lihat `pantau pengguna daftar`.')
    audit.catat(konfigurasi, "akun_reset", oleh, sasaran=n)
    return sandi


def hapus(konfigurasi: Konfigurasi, nama: str, *, oleh: str | None = None) -> None:
    """Delete an account (its sessions end at their next request)."""
    n = normalkan_nama(nama)

    def kerja(con: sqlite3.Connection) -> tuple[str, str] | None:
        baris = con.execute("select peran, kode_wilayah from pengguna where nama = ?", (n,)).fetchone()
        if baris:
            con.execute("delete from pengguna where nama = ?", (n,))
        return baris

    baris = _tulis(konfigurasi, kerja)
    if baris is None:
        raise KesalahanAkun(f'Pengguna "{n}" tidak dikenal. Lihat `pantau pengguna daftar`.')
    audit.catat(konfigurasi, "akun_hapus", oleh, sasaran=n, cakupan=baris[1], rincian={"peran": baris[0]})


def normalkan_surel(surel: str) -> str:
    """An e-mail address as stored and compared: trimmed, lower case; `KesalahanAkun` when it is not one."""
    s = str(surel).strip().lower()
    if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", s) or len(s) > 254:
        raise KesalahanAkun(f'"{surel}" bukan alamat surel yang sah.')
    return s


def atur_surel(konfigurasi: Konfigurasi, nama: str, surel: str | None, *, oleh: str | None = None) -> None:
    """Link an account to the e-mail its owner signs on with (`[akun] sso`), or unlink it (`surel=None`). One
    e-mail opens one account only."""
    n = normalkan_nama(nama)
    s = normalkan_surel(surel) if surel else None

    def kerja(con: sqlite3.Connection) -> bool:
        if s is not None:
            lain = con.execute("select nama from pengguna where surel = ? and nama <> ?", (s, n)).fetchone()
            if lain:
                raise KesalahanAkun(f"Surel {s} sudah tertaut ke akun {lain[0]}.")
        cur = con.execute("update pengguna set surel = ?, diubah_pada = ? where nama = ?", (s, _teks(_sekarang()), n))
        return cur.rowcount == 1

    if not _tulis(konfigurasi, kerja):
        raise KesalahanAkun(f'Pengguna "{n}" tidak dikenal. Lihat `pantau pengguna daftar`.')
    audit.catat(konfigurasi, "akun_surel", oleh, sasaran=n, rincian={"surel": s})


def masuk_sso(konfigurasi: Konfigurasi, surel: str, *, sekarang: datetime | None = None) -> Sesi | GagalMasuk:
    """Log in with the e-mail an identity provider vouched for (Streamlit's `st.login`): the account linked to it
    (`atur_surel`), with its role and wilayah. No password, so no forced change; a locked account stays locked.
    Both outcomes are audited (`cara: sso`)."""
    sekarang = sekarang or _sekarang()
    try:
        s = normalkan_surel(surel)
    except KesalahanAkun:
        s = ""
    con = _buka(konfigurasi)
    try:
        baris = con.execute(f"select {_KOLOM} from pengguna where surel = ?", (s,)).fetchone() if s else None
    finally:
        con.close()
    if baris is None:
        audit.catat(konfigurasi, "gagal_masuk", None, rincian={"alasan": "surel tidak tertaut", "cara": "sso",
                                                                "surel": s or str(surel)[:100]}, waktu=sekarang)
        return GagalMasuk(f"Akun dinas {s or surel} belum tertaut ke akun Pantau. Minta admin menautkannya: "
                          "`pantau pengguna surel NAMA SUREL`.")
    akun = _akun(baris)
    if akun.terkunci(sekarang):
        audit.catat(konfigurasi, "gagal_masuk", akun.nama, rincian={"alasan": "terkunci", "cara": "sso"},
                    waktu=sekarang)
        return _pesan_terkunci(akun.terkunci_sampai)

    def kerja(con: sqlite3.Connection) -> None:
        con.execute("update pengguna set masuk_terakhir = ? where nama = ?", (_teks(sekarang), akun.nama))

    _tulis(konfigurasi, kerja)
    audit.catat(konfigurasi, "masuk", akun.nama, cakupan=akun.kode_wilayah,
                rincian={"peran": akun.peran, "cara": "sso"}, waktu=sekarang)
    return Sesi(akun.pengguna, sekarang, sekarang, konfigurasi.sesi_menit, False, akun.versi,
                secrets.token_urlsafe(24), sso=True)


def keterangan(akun: Akun, sekarang: datetime | None = None) -> str:
    """The account's state in words: `aktif`, `wajib ganti sandi`, `terkunci sampai ...`."""
    if akun.terkunci(sekarang):
        assert akun.terkunci_sampai is not None
        return "terkunci sampai " + akun.terkunci_sampai.astimezone().strftime("%Y-%m-%d %H:%M")
    return "wajib ganti sandi" if akun.wajib_ganti_sandi else "aktif"


def buat_akun_demo(konfigurasi: Konfigurasi, *, oleh: str | None = None) -> list[tuple[str, str, str, str]]:
    """One demo account per role (`demo_<peran>`, a new one-time password each time), for `make demo` to print once:
    (nama, peran, wilayah, sandi). The kecamatan account gets Kabuh in Jombang, else the first kecamatan."""
    from akses.peran import _nasional

    _desa, kec, _kab = _nasional()
    kab = konfigurasi.kabupaten[0]
    kode_kec = "35.17.16" if kab == "35.17" else min(k for k in kec if k.startswith(kab + "."))
    kode_desa = min(d for d in _desa if d.startswith(kode_kec + "."))
    hasil = []
    for peran in PERAN:
        wilayah = kab if peran in PERAN_KABUPATEN else kode_kec if peran == "kecamatan" else kode_desa
        nama = f"demo_{peran}"
        if cari(konfigurasi, nama) is None:
            tambah(konfigurasi, nama, peran, wilayah, sandi_acak(), oleh=oleh)
        hasil.append((nama, peran, nama_wilayah(wilayah), reset(konfigurasi, nama, oleh=oleh)))
    return hasil


__all__ = ["LABEL_PERAN", "PERAN", "Akun", "GagalMasuk", "KesalahanAkun", "Sesi", "atur_surel", "buat_akun_demo",
           "cari", "daftar", "ganti_sandi", "hapus", "keluar", "keterangan", "masuk", "masuk_sso", "pengguna", "reset",
           "sesi_berlaku", "sesi_sah", "tambah"]
