"""Roles, rights and scope: which wilayah a user may read, and what a role may do besides reading.

Six roles (`PERAN`). `pimpinan`, `perencana`, `operator` and `admin` read their whole kabupaten, `kecamatan` one
kecamatan and its desa, `desa` one desa. A user's scope is one wilayah code; a row is inside it when its code is
that code or lies below it (`35.17.16` holds `35.17.16.2001`), never when it is a parent: a camat does not get the
kabupaten row, a desa operator not the kecamatan row. `saring` keeps the rows inside the scope; asking for a wilayah
outside it (`periksa_wilayah`, `saring(..., diminta=...)`, a tampered `?kec=`) raises `AksesDitolak` with an
Indonesian message and returns no data. `None` is the system (the command line without `--sebagai`): every
configured regency. What a role may do besides reading is in `HAK`.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from pipelines.baca.nilai import kode_wilayah as baca_kode
from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi

PERAN: tuple[str, ...] = ("pimpinan", "perencana", "operator", "kecamatan", "desa", "admin")
PERAN_KABUPATEN = frozenset({"pimpinan", "perencana", "operator", "admin"})

LABEL_PERAN: dict[str, str] = {
    "pimpinan": "Pimpinan (Bupati/Wabup/Sekda): seluruh kabupaten, baca",
    "perencana": "Perencana Dinsos: seluruh kabupaten, baca, unduh, kualitas data",
    "operator": "Operator Dinsos: seperti perencana, ditambah unggah data",
    "kecamatan": "Koordinator kecamatan: satu kecamatan dan desanya",
    "desa": "Operator desa: satu desa",
    "admin": "Admin: mengelola akun; data sebatas perencana",
}

HAK: dict[str, frozenset[str]] = {
    "pimpinan": frozenset({"baca", "unduh_laporan"}),
    "perencana": frozenset({"baca", "unduh", "unduh_laporan", "kualitas", "audit"}),
    "operator": frozenset({"baca", "unduh", "unduh_laporan", "kualitas", "audit", "unggah"}),
    "kecamatan": frozenset({"baca", "unduh", "unduh_laporan"}),
    "desa": frozenset({"baca", "unduh", "unduh_laporan"}),
    "admin": frozenset({"baca", "unduh", "unduh_laporan", "kualitas", "audit", "akun"}),
}
"""What each role may do: `baca` (pages), `unduh` (data files: CSV/XLSX), `unduh_laporan` (briefing and meeting packs:
PDF/PPTX), `kualitas` (Kualitas data page, quarantined rows), `audit` (the audit log), `unggah` (Unggah data),
`akun` (accounts). `admin` reads no more data than `perencana`."""

TINGKAT: tuple[str, ...] = ("desa", "kecamatan", "kabupaten")
_TINGKAT_PANJANG = {2: "kabupaten", 5: "kabupaten", 8: "kecamatan", 13: "desa"}
"""Length of a dotted code -> the level of a scope. A province code (`35`) is a kabupaten-level scope: the
installation serves several regencies of one province and a planner reads all of them."""
_DIGIT_TINGKAT = {4: "kabupaten", 6: "kecamatan", 10: "desa"}


class AksesDitolak(PermissionError):
    """A request outside the user's scope or rights; the message says so in Indonesian. No data goes with it."""


class KesalahanWilayah(ValueError):
    """A wilayah code that does not fit a role or the configured regencies; the message is in Indonesian."""


@dataclass(frozen=True)
class Pengguna:
    """Who looks: an account name, its role and the wilayah code the role carries."""

    nama: str
    peran: str
    kode_wilayah: str

    @property
    def tingkat(self) -> str:
        """The level of the user's scope: `kabupaten`, `kecamatan` or `desa`."""
        return tingkat_dari_kode(self.kode_wilayah)


@dataclass(frozen=True)
class Lingkup:
    """The wilayah a user may read: one code and everything below it; `kode=None` is every configured regency."""

    tingkat: str
    kode: str | None

    def memuat(self, kode: object) -> bool:
        """True when `kode` is the scope's code or lies below it (never a parent)."""
        if self.kode is None:
            return True
        return isinstance(kode, str) and (kode == self.kode or kode.startswith(self.kode + "."))

    def di_bawah(self, kode: str) -> bool:
        """True when the scope lies strictly below `kode` (`kode` is a parent: a camat's kabupaten)."""
        return self.kode is not None and self.kode.startswith(kode + ".")


def tingkat_dari_kode(kode: str) -> str:
    """`kabupaten` for `35.17` (and for a province code, `35`), `kecamatan` for `35.17.16`, `desa` for
    `35.17.16.2001`."""
    tingkat = _TINGKAT_PANJANG.get(len(kode))
    if tingkat is None:
        raise KesalahanWilayah(f'Kode wilayah "{kode}" tidak sah (contoh 35.17, 35.17.16 atau 35.17.16.2001).')
    return tingkat


_kunci_nasional = threading.Lock()


def _nasional() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The national list's names (desa, kecamatan, kabupaten by code), read once per process and shared: read-only.

    Called on every page run (the account line names the user's wilayah). The lock makes the first concurrent runs
    (a meeting logging in at once) wait for one reading instead of each reading the 83.762-desa national list:
    `lru_cache` alone lets every thread that misses read it."""
    with _kunci_nasional:
        return _nasional_sekali()


@lru_cache(maxsize=1)
def _nasional_sekali() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    from pipelines.wilayah import _baca_nasional

    desa, kec, kab = _baca_nasional(FOLDER_REFERENSI)
    return {k: d.nama for k, d in desa.items()}, kec, kab


@lru_cache(maxsize=1)
def _provinsi() -> dict[str, str]:
    df = pd.read_csv(FOLDER_REFERENSI / "wilayah" / "provinces.csv", dtype=str)
    return dict(zip(df["code"], df["name"].str.title(), strict=True))


def nama_wilayah(kode: str) -> str:
    """`Kabupaten Jombang`, `Kec. Kabuh`, `Desa Manduro`... from the national list (the code itself when unknown)."""
    desa, kec, kab = _nasional()
    if len(kode) == 2 and kode.isdigit():
        return f"Provinsi {_provinsi().get(kode, kode)}"
    if kode in kab:
        return kab[kode]
    if kode in kec:
        return f"Kec. {kec[kode]}"
    if kode in desa:
        return f"Desa {desa[kode]}"
    return kode


def normalkan_kode(teks: str) -> str:
    """A wilayah code typed any usual way (`35.17.16`, `351716`, `3517162001`) as dotted text."""
    digit = "".join(ch for ch in str(teks) if ch.isdigit())
    panjang = len(digit)
    kode = baca_kode(digit, panjang=panjang) if panjang in _DIGIT_TINGKAT else digit if panjang == 2 else None
    if kode is None:
        raise KesalahanWilayah(f'Kode wilayah "{teks}" tidak sah: tulis kode kabupaten (35.17), kecamatan '
                               "(35.17.16) atau desa (35.17.16.2001).")
    return kode


def kode_untuk_peran(peran: str, kode: str | None, konfigurasi: Konfigurasi) -> str:
    """The wilayah code a role carries, checked against the national list and the configured regencies.

    Kabupaten roles take a regency code (default: the only configured regency), `kecamatan` a kecamatan code,
    `desa` a desa code."""
    if peran not in PERAN:
        raise KesalahanWilayah(f'Peran "{peran}" tidak dikenal; pilih salah satu: {", ".join(PERAN)}.')
    harus = "kabupaten" if peran in PERAN_KABUPATEN else peran
    if kode is None or not str(kode).strip():
        if harus == "kabupaten" and len(konfigurasi.kabupaten) == 1:
            return konfigurasi.kabupaten[0]
        contoh = {"kabupaten": f"{konfigurasi.kabupaten[0]} (atau kode provinsi {konfigurasi.kabupaten[0][:2]} untuk "
                               "semua kabupaten yang dikonfigurasi)",
                  "kecamatan": "35.17.16", "desa": "35.17.16.2001"}[harus]
        raise KesalahanWilayah(f"Peran {peran} butuh kode {harus} (--wilayah), misalnya {contoh}.")
    k = normalkan_kode(kode)
    if tingkat_dari_kode(k) != harus:
        raise KesalahanWilayah(f"Peran {peran} butuh kode {harus}, bukan kode {tingkat_dari_kode(k)} {k}.")
    if len(k) == 2:  # a province: every configured regency must lie in it
        if not all(kab.startswith(k + ".") for kab in konfigurasi.kabupaten):
            raise KesalahanWilayah(f"Kode provinsi {k} hanya boleh bila semua kabupaten yang dikonfigurasi "
                                   f"({', '.join(konfigurasi.kabupaten)}) ada di dalamnya.")
        return k
    desa, kec, kab = _nasional()
    dikenal = {"kabupaten": kab, "kecamatan": kec, "desa": desa}[harus]
    if k not in dikenal:
        raise KesalahanWilayah(f"Kode {harus} {k} tidak ada dalam daftar wilayah Kemendagri.")
    if k[:5] not in konfigurasi.kabupaten:
        raise KesalahanWilayah(f"{nama_wilayah(k)} ({k}) di luar kabupaten yang dikonfigurasi "
                               f"({', '.join(konfigurasi.kabupaten)}).")
    return k


def lingkup(pengguna: Pengguna | None) -> Lingkup:
    """The wilayah `pengguna` may read (None: the system, every configured regency)."""
    if pengguna is None:
        return Lingkup("kabupaten", None)
    if pengguna.peran not in PERAN:
        raise AksesDitolak(f'Peran "{pengguna.peran}" tidak dikenal; akses ditolak.')
    harus = "kabupaten" if pengguna.peran in PERAN_KABUPATEN else pengguna.peran
    try:
        tingkat = pengguna.tingkat
    except KesalahanWilayah:
        tingkat = "?"
    if tingkat != harus:  # never widen a scope because a role and its code disagree
        raise AksesDitolak(f"Akun {pengguna.nama}: peran {pengguna.peran} dengan kode wilayah {pengguna.kode_wilayah} "
                           "tidak sah; akses ditolak.")
    return Lingkup(tingkat, pengguna.kode_wilayah)


def tingkat_boleh(pengguna: Pengguna | None) -> tuple[str, ...]:
    """The levels a user may read, coarsest first: kabupaten roles all three, `kecamatan` kecamatan and desa,
    `desa` only desa."""
    tingkat = lingkup(pengguna).tingkat
    return TINGKAT[: TINGKAT.index(tingkat) + 1][::-1]


def _siapa(pengguna: Pengguna) -> str:
    return f"akun {pengguna.nama} ({pengguna.peran}) hanya untuk {nama_wilayah(pengguna.kode_wilayah)}"


def boleh(pengguna: Pengguna | None, hak: str) -> bool:
    """True when the role may do `hak` (see `HAK`); the system may do everything."""
    return pengguna is None or hak in HAK.get(pengguna.peran, frozenset())


def wajib_hak(pengguna: Pengguna | None, hak: str) -> None:
    """Raise `AksesDitolak` unless the role may do `hak`."""
    if not boleh(pengguna, hak):
        assert pengguna is not None
        kata = {"unduh": "mengunduh data", "unduh_laporan": "mengunduh bahan rapat", "kualitas": "melihat kualitas "
                "data", "audit": "melihat log audit", "unggah": "mengunggah data", "akun": "mengelola akun",
                "baca": "membaca data"}.get(hak, hak)
        raise AksesDitolak(f"Peran {pengguna.peran} tidak berhak {kata} (akun {pengguna.nama}).")


def periksa_wilayah(pengguna: Pengguna | None, kode: str) -> None:
    """Raise `AksesDitolak` when `kode` lies outside the user's scope (a tampered `?kec=` gets this, not data)."""
    if not lingkup(pengguna).memuat(kode):
        assert pengguna is not None
        raise AksesDitolak(f"Anda tidak berhak melihat data {nama_wilayah(kode)}; {_siapa(pengguna)}.")


def periksa_tingkat(pengguna: Pengguna | None, tingkat: str) -> None:
    """Raise `AksesDitolak` when the user may not read tables at `tingkat` (a camat asking for the kabupaten)."""
    if tingkat not in TINGKAT:
        raise AksesDitolak(f"Tingkat {tingkat} tidak dikenal; pilih desa, kecamatan atau kabupaten.")
    if tingkat not in tingkat_boleh(pengguna):
        assert pengguna is not None
        raise AksesDitolak(f"Tingkat {tingkat} tidak boleh dibaca; {_siapa(pengguna)} "
                           f"(boleh: {', '.join(tingkat_boleh(pengguna))}).")


def saring(df: pd.DataFrame, pengguna: Pengguna | None, kolom_kode: str = "kode_wilayah",
           diminta: str | None = None) -> pd.DataFrame:
    """The rows of `df` whose `kolom_kode` lies inside the user's scope. `diminta` (a wilayah the view asked for,
    e.g. from the URL) outside the scope raises `AksesDitolak` instead of returning anything."""
    if diminta is not None:
        periksa_wilayah(pengguna, diminta)
    cak = lingkup(pengguna)
    if cak.kode is None:
        return df
    if kolom_kode not in df.columns:
        raise AksesDitolak(f"Tabel tanpa kolom {kolom_kode} tidak dapat disaring menurut wilayah; tidak ditampilkan.")
    return df[df[kolom_kode].map(cak.memuat).astype(bool)]


def di_dalam(df: pd.DataFrame, kode: str, kolom_kode: str = "kode_wilayah") -> pd.DataFrame:
    """The rows of `df` at wilayah `kode` or below it: a narrowing of a view, after `periksa_wilayah` has let `kode`
    through."""
    dalam = Lingkup(tingkat_dari_kode(kode), kode)
    return df[df[kolom_kode].map(dalam.memuat).astype(bool)]
