"""THE access gate: which wilayah a user may read, at which detail, and what a table may show of sensitive counts.

Every page, chart, map tooltip, table, download and the command line pass through this module; nothing else decides
a user's scope or the privacy of a number.

# 1/ Roles, rights and scope
Six roles (`PERAN`). `pimpinan`, `perencana`, `operator` and `admin` read their whole kabupaten, `kecamatan` one
kecamatan and its desa, `desa` one desa. A user's scope is one wilayah code; a row is inside it when its code is
that code or lies below it (`35.17.16` holds `35.17.16.2001`), never when it is a parent: a camat does not get the
kabupaten row, a desa operator not the kecamatan row. `saring` keeps the rows inside the scope; asking for a wilayah
outside it (`periksa_wilayah`, `saring(..., diminta=...)`, a tampered `?kec=`) raises `AksesDitolak` with an
Indonesian message and returns no data. `None` is the system (the command line without `--sebagai`): every
configured regency. What a role may do besides reading is in `HAK`.

# 2/ The small-cell rule with complementary protection (`metrics.md` section 7)
Sensitive columns: `kasus_kekerasan_perempuan`, `kasus_kekerasan_anak` (the two violence categories) and
`kasus_sensitif` (those plus cases with a `*_korban_kekerasan` target group). Kabupaten rows are exact. Desa and
kecamatan rows of the monthly mart pass `lindungi_bulanan`, which works on the whole regency and month at once:

1. Primary. A row (one wilayah, one month) with any sensitive count from 1 to 4 is protected.
2. Whole row. In a protected row all three sensitive cells are hidden: 0 to 4 as `<5` (a true 0 too, so that a
   protected zero cannot be told from a small count) and 5 or more as `≥5`.
3. Totals without the hidden cases (row subtraction). In a protected row `kasus_baru` counts only the cases outside
   the two violence categories, i.e. exactly the sum of the other `kasus_<kategori>` cells shown, and
   `kasus_baru_sebagian` is True. `kasus_baru` minus the shown categories gives 0, not the hidden count ("totals
   that exclude the sensitive categories", `metrics.md`).
4. Parents (parent minus children, a single hidden cell in a group). For each month the kabupaten group (its
   kecamatan rows) and every kecamatan group (the kecamatan row and its desa rows) hold either no protected row or at
   least two. Missing ones are added as complementary rows: preferably a row without any sensitive case and with at
   least 4 other cases, always from a wilayah that reported cases that month (a silent or nihil desa is known to be
   0 and would hide nothing), in an order drawn from the installation's secret key (HMAC of month and code): stable
   from view to view, unpredictable for a reader.
5. Check. An attacker model per regency and month, interval propagation over every published relation (kabupaten =
   sum of kecamatan and kecamatan = sum of desa, per column and for the sums `kp + ka` and `ks - kp - ka`;
   `kp + ka <= ks <= kp + ka +` the row's other cases; a reporting, non-nihil row has at least one case; a silent or
   nihil desa has none), must not pin any hidden count from 1 to 4, nor a row's `kp + ka` from 1 to 4, to its value;
   when it does, more complementary rows are added (each kept only if it lowers the number of pinned cells). Where
   no choice of rows can help (all of a month's reports came from one kecamatan, so the exact kabupaten count is
   that kecamatan's; or a regency of two kecamatan with 4 cases each), the cell is listed in
   `df.attrs["risiko_sisa"]`.
6. Months (neighbouring months). The protection of a month depends only on that month's data, not on the range
   asked for; totals over several months are built from the protected monthly cells only (`jumlah_periode`), so a
   period total minus the visible months gives back only what the hidden cells already said (`6–10`, `≤8`).

Not protected, by design or not yet: the difference between two data versions or cut-off dates (`--per`) of the same
month; tables that are not built from protected monthly rows (referrals by destination, cases by category of one
desa: they get the primary rule of `privasi` only); what the exact kabupaten figure itself tells when a single place
reported (flagged, see 5); knowledge from outside Pantau (a neighbour who knows of a case); the fact that a row is
protected (`<5` says "maybe a case here", as the rule intends). Zero is not protected as a value: a hidden 0 may be
pinned to 0. The attacker model is interval propagation, not an integer solver, so a pin that needs a cleverer
combination of relations could go unseen: the tests check the method with an exhaustive integer solver on hand-made
and random small regencies.

# 3/ Reading the monthly mart through the gate (`pantau metrik --sebagai NAMA`): `metrik_bulanan_untuk`.
# 4/ Exports: `netralkan_ekspor` (spreadsheet formulas, identity columns, metadata), `ekspor_csv`, `ekspor_xlsx`.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache

import pandas as pd

from pipelines.baca.nilai import kode_wilayah as baca_kode
from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi
from pipelines.privasi import AMBANG, DISEMBUNYIKAN, KOLOM_SENSITIF, sel_kecil

# 1/ roles, rights and scope

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
class Cakupan:
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


@lru_cache(maxsize=1)
def _nasional() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
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


def cakupan(pengguna: Pengguna | None) -> Cakupan:
    """The wilayah `pengguna` may read (None: the system, every configured regency)."""
    if pengguna is None:
        return Cakupan("kabupaten", None)
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
    return Cakupan(tingkat, pengguna.kode_wilayah)


def tingkat_boleh(pengguna: Pengguna | None) -> tuple[str, ...]:
    """The levels a user may read, coarsest first: kabupaten roles all three, `kecamatan` kecamatan and desa,
    `desa` only desa."""
    tingkat = cakupan(pengguna).tingkat
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
    if not cakupan(pengguna).memuat(kode):
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
    cak = cakupan(pengguna)
    if cak.kode is None:
        return df
    if kolom_kode not in df.columns:
        raise AksesDitolak(f"Tabel tanpa kolom {kolom_kode} tidak dapat disaring menurut wilayah; tidak ditampilkan.")
    return df[df[kolom_kode].map(cak.memuat).astype(bool)]


def di_dalam(df: pd.DataFrame, kode: str, kolom_kode: str = "kode_wilayah") -> pd.DataFrame:
    """The rows of `df` at wilayah `kode` or below it: a narrowing of a view, after `periksa_wilayah` has let `kode`
    through."""
    dalam = Cakupan(tingkat_dari_kode(kode), kode)
    return df[df[kolom_kode].map(dalam.memuat).astype(bool)]


# 2/ the small-cell rule with complementary protection

KOLOM_KEKERASAN: tuple[str, str] = ("kasus_kekerasan_perempuan", "kasus_kekerasan_anak")
"""The two sensitive categories, which are part of `kasus_baru` (`kasus_sensitif` overlaps them)."""
DISEMBUNYIKAN_BESAR = f"≥{AMBANG}"
"""A hidden sensitive count of 5 or more in a protected row (`privasi.AMBANG`)."""
KOLOM_SEBAGIAN = "kasus_baru_sebagian"
"""True where `kasus_baru` leaves out the violence cases hidden in the row (a protected row)."""

_TAK_HINGGA = 10**9


@dataclass
class _Baris:
    """One desa or kecamatan row of a regency and month, as the protection sees it."""

    pos: int
    kode: str
    tingkat: str
    induk: str
    nilai: tuple[int, int, int]  # kasus_kekerasan_perempuan, kasus_kekerasan_anak, kasus_sensitif
    lain: int  # kasus_baru minus the two violence categories: the published total of a protected row
    kredibel: bool  # a reader cannot know its sensitive counts are 0 (it reported cases that month)
    ada_kasus: bool  # a reader knows it has at least one case (reported and not nihil)


def _urutan(kunci: bytes, bulan: str, kode: str) -> str:
    return hmac.new(kunci, f"akses|{bulan}|{kode}".encode(), hashlib.sha256).hexdigest()


def _turunan(nilai: tuple[int, int, int]) -> tuple[int, int, int, int, int]:
    """kp, ka, ks and two sums a reader can form from them: x = ks - kp - ka (other sensitive cases) and
    s = kp + ka (the violence cases of the row, inside `kasus_baru`)."""
    kp, ka, ks = nilai
    return kp, ka, ks, ks - kp - ka, kp + ka


KOLOM_SERANG: tuple[str, ...] = (*KOLOM_SENSITIF, "kasus_sensitif_lain", "kasus_kekerasan")
"""The cells the attacker model checks: the three sensitive columns, then the two sums of `_turunan`."""


def _serang(baris: list[_Baris], tersembunyi: set[str], total: tuple[int, int, int]) -> list[tuple[str, int]]:
    """The attacker model: bounds that every published relation implies for the hidden cells, tightened until
    nothing changes. Besides kp, ka and ks it tracks x = ks - kp - ka and s = kp + ka of every hidden row, with their
    own kabupaten and kecamatan sums, so that differences of whole columns (ks - kp over a group) are seen too.
    Returns the hidden cells (code, index into `KOLOM_SERANG`) whose count 1-4 is pinned to one value."""
    sembunyi = [b for b in baris if b.kode in tersembunyi]
    total5 = _turunan(total)
    var: dict[tuple[str, int], int] = {}
    lo: list[int] = []
    hi: list[int] = []
    for b in sembunyi:
        for j in range(5):
            var[(b.kode, j)] = len(lo)
            if not b.kredibel:
                lo.append(0)
                hi.append(0)
            elif j == 3:
                lo.append(0)
                hi.append(b.lain)
            elif j == 4:
                lo.append(1 if b.ada_kasus and b.lain == 0 else 0)
                hi.append(_TAK_HINGGA)
            elif b.nilai[j] < AMBANG:
                lo.append(0)
                hi.append(AMBANG - 1)
            else:
                lo.append(AMBANG)
                hi.append(max(total[j], AMBANG))
    kendala: list[tuple[list[tuple[int, int]], int, int]] = []
    kec = [b for b in baris if b.tingkat == "kecamatan"]
    desa_per_kec: dict[str, list[_Baris]] = defaultdict(list)
    for b in baris:
        if b.tingkat == "desa":
            desa_per_kec[b.induk].append(b)
    for j in range(5):
        suku = [(var[(k.kode, j)], 1) for k in kec if k.kode in tersembunyi]
        tetap = sum(_turunan(k.nilai)[j] for k in kec if k.kode not in tersembunyi)
        if suku:
            kendala.append((suku, total5[j] - tetap, total5[j] - tetap))
        for k in kec:
            suku = [(var[(k.kode, j)], 1)] if k.kode in tersembunyi else []
            tetap = 0 if k.kode in tersembunyi else _turunan(k.nilai)[j]
            for d in desa_per_kec[k.kode]:
                if d.kode in tersembunyi:
                    suku.append((var[(d.kode, j)], -1))
                else:
                    tetap -= _turunan(d.nilai)[j]
            if suku:
                kendala.append((suku, -tetap, -tetap))
    for b in sembunyi:
        p, a, s, x, jumlah = (var[(b.kode, j)] for j in range(5))
        kendala.append(([(s, 1), (p, -1), (a, -1), (x, -1)], 0, 0))
        kendala.append(([(jumlah, 1), (p, -1), (a, -1)], 0, 0))
        kendala.append(([(jumlah, 1), (s, -1), (x, 1)], 0, 0))  # the same sums, combined: kp + ka = ks - x
    for _ in range(1000):
        berubah = False
        for suku, c_lo, c_hi in kendala:
            mins = [lo[v] if c > 0 else -hi[v] for v, c in suku]
            maxs = [hi[v] if c > 0 else -lo[v] for v, c in suku]
            s_min, s_max = sum(mins), sum(maxs)
            for (v, c), mn, mx in zip(suku, mins, maxs, strict=True):
                bawah, atas = c_lo - (s_max - mx), c_hi - (s_min - mn)
                if c < 0:
                    bawah, atas = -atas, -bawah
                if bawah > lo[v]:
                    lo[v], berubah = bawah, True
                if atas < hi[v]:
                    hi[v], berubah = atas, True
        if not berubah:
            break
    return [(b.kode, j) for b in sembunyi for j in (0, 1, 2, 4)
            if lo[var[(b.kode, j)]] == hi[var[(b.kode, j)]] and sel_kecil(_turunan(b.nilai)[j]) == DISEMBUNYIKAN]


def _lindungi_kelompok(baris: list[_Baris], total: tuple[int, int, int], kunci: bytes,
                       bulan: str) -> tuple[set[str], list[tuple[str, int]]]:
    """The protected rows of one regency and month (steps 1, 4 and 5 of the method), and the cells left at risk.
    The outcome depends on the rows and the key only, not on their order."""
    baris = sorted(baris, key=lambda b: b.kode)
    per_kode = {b.kode: b for b in baris}
    kec = [b for b in baris if b.tingkat == "kecamatan"]
    desa_per_kec: dict[str, list[_Baris]] = defaultdict(list)
    for b in baris:
        if b.tingkat == "desa":
            desa_per_kec[b.induk].append(b)
    tersembunyi: set[str] = {b.kode for b in baris if any(sel_kecil(v) == DISEMBUNYIKAN for v in b.nilai)}
    if not tersembunyi:
        return tersembunyi, []

    def kunci_pilih(b: _Baris) -> tuple[int, int, str]:
        return (0 if sum(b.nilai) == 0 else 1, 0 if b.lain >= AMBANG - 1 else 1, _urutan(kunci, bulan, b.kode))

    def pilih(calon: list[_Baris], sudah: set[str]) -> str | None:
        calon = [b for b in calon if b.kode not in sudah and b.kredibel]
        return min(calon, key=kunci_pilih).kode if calon else None

    def tutup(sudah: set[str]) -> set[str]:
        """Step 4: add complementary rows until no group holds exactly one protected row (where possible)."""
        sudah = set(sudah)
        berubah = True
        while berubah:
            berubah = False
            if sum(k.kode in sudah for k in kec) == 1 and (kode := pilih(kec, sudah)):
                sudah.add(kode)
                berubah = True
            for k in kec:
                n = (k.kode in sudah) + sum(d.kode in sudah for d in desa_per_kec[k.kode])
                if n != 1:
                    continue
                kode = pilih(desa_per_kec[k.kode], sudah)
                if kode is None and k.kode not in sudah and k.kredibel:
                    kode = k.kode
                if kode:
                    sudah.add(kode)
                    berubah = True
        return sudah

    tersembunyi = tutup(tersembunyi)
    bocor = _serang(baris, tersembunyi, total)
    # Step 5: while the attacker pins a count, try one more complementary row in a group of a pinned cell; keep it
    # only when it lowers the number of pinned cells.
    while bocor:
        calon: list[str] = []
        for kode, _j in bocor:
            b = per_kode[kode]
            if b.tingkat == "desa":
                calon += [pilih(desa_per_kec[b.induk], tersembunyi) or "", b.induk]
            else:
                calon += [pilih(kec, tersembunyi) or "", pilih(desa_per_kec[b.kode], tersembunyi) or ""]
        lebih_baik = None
        for kode in dict.fromkeys(c for c in calon if c and c not in tersembunyi and per_kode[c].kredibel):
            coba = tutup(tersembunyi | {kode})
            hasil = _serang(baris, coba, total)
            if len(hasil) < len(bocor):
                lebih_baik = (coba, hasil)
                break
        if lebih_baik is None:
            break
        tersembunyi, bocor = lebih_baik
    return tersembunyi, bocor


def _angka(nilai: object) -> int:
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)) or (isinstance(nilai, float) and
                                                                          not nilai.is_integer()):
        raise ValueError(f"lindungi_bulanan butuh angka asli, bukan {nilai!r} (tabel sudah disamarkan?).")
    return int(nilai)


def lindungi_bulanan(df: pd.DataFrame, kunci: bytes) -> pd.DataFrame:
    """The monthly mart as it may be shown: desa and kecamatan rows protected as the module docstring describes,
    kabupaten rows unchanged, a `kasus_baru_sebagian` column after `kasus_baru`.

    `df` holds the RAW counts of every desa and kecamatan (kabupaten rows optional) of the configured regencies for
    the months wanted (`kode_wilayah`, `bulan`, `kasus_baru`, the sensitive columns; `desa_melapor` and `desa_nihil`
    when present tell which rows a reader knows to be 0). A partial table would give another pattern than the full
    one, so the kecamatan rows must equal the sum of their desa (checked). `kunci` is the installation's secret key
    (`pseudonim.muat_kunci`). Cells a reader could still work out are listed in `attrs["risiko_sisa"]` as
    `(bulan, kode_wilayah, kolom)`, `kolom` a sensitive column or `kasus_kekerasan` (the row's kp + ka)."""
    wajib = ["kode_wilayah", "bulan", "kasus_baru", *KOLOM_SENSITIF]
    hilang = [k for k in wajib if k not in df.columns]
    if hilang:
        raise ValueError(f"lindungi_bulanan butuh kolom {', '.join(hilang)}.")
    keluar = df.copy().reset_index(drop=True)
    tingkat = keluar["kode_wilayah"].map(tingkat_dari_kode)
    bulan = keluar["bulan"].astype(str)
    nilai = {k: [_angka(v) for v in keluar[k]] for k in (*KOLOM_SENSITIF, "kasus_baru")}
    melapor = keluar["desa_melapor"].tolist() if "desa_melapor" in keluar.columns else None
    nihil = keluar["desa_nihil"].tolist() if "desa_nihil" in keluar.columns else None

    kelompok: dict[tuple[str, str], list[_Baris]] = defaultdict(list)
    total_kab: dict[tuple[str, str], tuple[int, int, int]] = {}
    for i, (kode, t, b) in enumerate(zip(keluar["kode_wilayah"], tingkat, bulan, strict=True)):
        trio = (nilai[KOLOM_SENSITIF[0]][i], nilai[KOLOM_SENSITIF[1]][i], nilai[KOLOM_SENSITIF[2]][i])
        if t == "kabupaten":
            total_kab[(kode, b)] = trio
            continue
        lain = nilai["kasus_baru"][i] - trio[0] - trio[1]
        tahu_nol = False
        ada_kasus = False
        if t == "desa" and melapor is not None and nihil is not None:
            tahu_nol = nilai["kasus_baru"][i] == 0 and (int(melapor[i]) == 0 or int(nihil[i]) == 1)
            ada_kasus = int(melapor[i]) == 1 and int(nihil[i]) == 0
        kelompok[(kode[:5], b)].append(_Baris(i, kode, t, kode[:8] if t == "desa" else kode[:5], trio, lain,
                                              not tahu_nol, ada_kasus))

    risiko: list[tuple[str, str, str]] = []
    tersembunyi_semua: list[int] = []
    for (kab, b), baris in kelompok.items():
        kec = {x.kode: x for x in baris if x.tingkat == "kecamatan"}
        jumlah: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in kec}
        for x in baris:
            if x.tingkat != "desa":
                continue
            if x.induk not in jumlah:
                raise ValueError(f"lindungi_bulanan butuh baris kecamatan {x.induk} untuk {x.kode} ({b}).")
            for j in range(3):
                jumlah[x.induk][j] += x.nilai[j]
            jumlah[x.induk][3] += x.lain
        for k, x in kec.items():
            if [*x.nilai, x.lain] != jumlah[k]:
                raise ValueError(f"lindungi_bulanan butuh semua desa dan kecamatan: kecamatan {k} ({b}) tidak sama "
                                 "dengan jumlah desanya.")
            x.kredibel = any(d.kredibel for d in baris if d.induk == k)
            x.ada_kasus = any(d.ada_kasus for d in baris if d.induk == k)
        total = (sum(x.nilai[0] for x in kec.values()), sum(x.nilai[1] for x in kec.values()),
                 sum(x.nilai[2] for x in kec.values()))
        if (kab, b) in total_kab and total_kab[(kab, b)] != total:
            raise ValueError(f"lindungi_bulanan: baris kabupaten {kab} ({b}) tidak sama dengan jumlah kecamatannya.")
        sembunyi, bocor = _lindungi_kelompok(baris, total, kunci, b)
        per_kode = {x.kode: x for x in baris}
        tersembunyi_semua.extend(per_kode[k].pos for k in sembunyi)
        risiko.extend((b, kode, KOLOM_SERANG[j]) for kode, j in bocor)

    for kolom in KOLOM_SENSITIF:
        keluar[kolom] = keluar[kolom].astype(object)
    sebagian = [False] * len(keluar)
    if tersembunyi_semua:
        pos = sorted(tersembunyi_semua)
        for kolom in KOLOM_SENSITIF:
            keluar.loc[pos, kolom] = [DISEMBUNYIKAN if nilai[kolom][i] < AMBANG else DISEMBUNYIKAN_BESAR for i in pos]
        baru = list(nilai["kasus_baru"])
        for i in pos:
            baru[i] -= nilai[KOLOM_KEKERASAN[0]][i] + nilai[KOLOM_KEKERASAN[1]][i]
            sebagian[i] = True
        keluar["kasus_baru"] = pd.array(baru, dtype=keluar["kasus_baru"].dtype)
    if KOLOM_SEBAGIAN in keluar.columns:
        keluar = keluar.drop(columns=KOLOM_SEBAGIAN)
    keluar.insert(int(keluar.columns.get_loc("kasus_baru")) + 1, KOLOM_SEBAGIAN, sebagian)
    keluar.attrs["risiko_sisa"] = sorted(risiko)
    return keluar


def _tampil_rentang(bawah: int, atas: float) -> object:
    if atas == bawah:
        return bawah
    if atas < AMBANG:
        return DISEMBUNYIKAN
    if math.isinf(atas):
        return f"≥{bawah}"
    if bawah == 0:
        return f"≤{int(atas)}"
    return f"{bawah}–{int(atas)}"


def jumlah_sel(nilai: Sequence[object] | pd.Series) -> object:
    """The total of protected cells (`<5`, `≥5` or counts) as it may be shown: exact when no cell is hidden, else
    the range the cells allow (`<5`, `6–10`, `≤8`, `≥5`), never more than the cells themselves say."""
    bawah, atas = 0, 0.0
    for v in nilai:
        if v == DISEMBUNYIKAN:
            atas += AMBANG - 1
        elif v == DISEMBUNYIKAN_BESAR:
            bawah += AMBANG
            atas = math.inf
        else:
            bawah += int(str(v))
            atas += int(str(v))
    return _tampil_rentang(bawah, atas)


def jumlah_periode(df: pd.DataFrame, kolom_kelompok: Sequence[str] = ("kode_wilayah", "nama_wilayah")
                   ) -> pd.DataFrame:
    """Totals over the months of a PROTECTED monthly table (from `lindungi_bulanan`), one row per `kolom_kelompok`.

    A sensitive total is exact when every month of it is shown; otherwise it is the range the shown and hidden cells
    allow (`<5` counts 0-4, `≥5` counts 5 or more): `<5`, `≤8`, `6–10` or `≥7`. Built from the protected cells alone,
    a period total tells nothing the months do not (protection against neighbouring months). `kasus_baru` and the
    other counts are summed; `kasus_baru_sebagian` is True when any month was; `dari`/`sampai` give the months."""
    kelompok = [k for k in kolom_kelompok if k in df.columns]
    angka = [k for k in df.columns if k not in kelompok and k not in (*KOLOM_SENSITIF, KOLOM_SEBAGIAN, "bulan",
                                                                       "tingkat")
             and pd.api.types.is_numeric_dtype(df[k]) and not pd.api.types.is_bool_dtype(df[k])]
    hasil = []
    for kunci_kelompok, bagian in df.groupby(kelompok, sort=True, dropna=False):
        kunci_tuple = kunci_kelompok if isinstance(kunci_kelompok, tuple) else (kunci_kelompok,)
        baris: dict[str, object] = dict(zip(kelompok, kunci_tuple, strict=True))
        if "bulan" in bagian.columns:
            baris["dari"], baris["sampai"] = str(bagian["bulan"].min()), str(bagian["bulan"].max())
        for k in angka:
            baris[k] = int(bagian[k].sum())
        if KOLOM_SEBAGIAN in bagian.columns:
            baris[KOLOM_SEBAGIAN] = bool(bagian[KOLOM_SEBAGIAN].any())
        for k in KOLOM_SENSITIF:
            if k in bagian.columns:
                baris[k] = jumlah_sel(bagian[k])
        hasil.append(baris)
    kolom = [*kelompok, "dari", "sampai", *[k for k in df.columns if k not in kelompok]]
    keluar = pd.DataFrame(hasil)
    return keluar[[k for k in kolom if k in keluar.columns]]


# 3/ reading the monthly mart through the gate

def baca_kubus_bulanan(konfigurasi: Konfigurasi, dari: date, sampai: date, per: date | None = None) -> pd.DataFrame:
    """The RAW monthly mart for every desa, kecamatan and kabupaten and months `dari`..`sampai` (column `tingkat`),
    read with the query of `pantau metrik` (`sql/kueri/metrik_bulanan.sql`). Never show it without
    `lindungi_bulanan`."""
    from pipelines import build
    from pipelines.gudang import buka_baca
    from pipelines.metrik import KesalahanMetrik

    if not konfigurasi.gudang.exists():
        raise KesalahanMetrik(f"Gudang data {konfigurasi.gudang} belum ada. Jalankan `pantau ingest BERKAS` "
                              "atau `pantau demo` lebih dulu.")
    kueri = (build.FOLDER_SQL / "kueri" / "metrik_bulanan.sql").read_text(encoding="utf-8")
    con = buka_baca(konfigurasi.gudang)
    try:
        if per is not None:
            build.hitung_mart_per(con, per, konfigurasi)
        bagian = [con.execute(kueri, {"tingkat": t, "dari": dari, "sampai": sampai}).fetchdf().assign(tingkat=t)
                  for t in TINGKAT]
    finally:
        con.close()
    return rapikan_kubus(pd.concat(bagian, ignore_index=True))


def rapikan_kubus(df: pd.DataFrame) -> pd.DataFrame:
    """The monthly mart as read from the warehouse, with its counts as int64 (NULL = 0) and its cohort flags as
    bool (NULL = False), the form `lindungi_bulanan` works on."""
    angka = [c for c in df.columns if c.startswith(("kasus_", "rujukan_", "desa_"))]
    df[angka] = df[angka].fillna(0).astype("int64")
    for c in ("kohort_matang_30", "kohort_matang_60", "kohort_matang_90"):
        if c in df.columns:
            df[c] = df[c].fillna(False).astype(bool)
    return df


def metrik_bulanan_untuk(konfigurasi: Konfigurasi, pengguna: Pengguna | None, tingkat: str, dari: date,
                         sampai: date, per: date | None = None, wilayah: str | None = None) -> pd.DataFrame:
    """Exactly what `pengguna` may see of the monthly mart at `tingkat`: rows inside the scope (and inside `wilayah`
    when given), desa and kecamatan rows protected. Out of scope raises `AksesDitolak`."""
    from pipelines.metrik import KesalahanMetrik
    from pipelines.pseudonim import muat_kunci

    periksa_tingkat(pengguna, tingkat)
    if sampai < dari:
        raise KesalahanMetrik("--sampai lebih awal dari --dari.")
    diminta = None
    if wilayah is not None:
        diminta = normalkan_kode(wilayah)
        periksa_wilayah(pengguna, diminta)
    kubus = baca_kubus_bulanan(konfigurasi, dari, sampai, per)
    aman = lindungi_bulanan(kubus, muat_kunci(konfigurasi))
    hasil = saring(aman[aman["tingkat"] == tingkat].drop(columns="tingkat"), pengguna)
    if diminta is not None:
        hasil = di_dalam(hasil, diminta)
        if hasil.empty:
            raise KesalahanMetrik(f"Tidak ada baris tingkat {tingkat} di dalam {nama_wilayah(diminta)}.")
    hasil = hasil.reset_index(drop=True)
    tampil = set(hasil["kode_wilayah"])
    hasil.attrs["risiko_sisa"] = [r for r in aman.attrs.get("risiko_sisa", []) if r[1] in tampil]
    return hasil


# 4/ exports

def _netral(nilai: object) -> object:
    from pipelines.baca.nilai import netralkan_rumus

    if isinstance(nilai, str):
        if nilai[:1] in ("\t", "\r"):
            return "'" + nilai
        return netralkan_rumus(nilai)
    return nilai


def metadata_ekspor(pengguna: Pengguna | None, tanggal_data: date | str | None,
                    waktu: datetime | None = None) -> dict[str, str]:
    """Who downloaded, when, with which scope, and the data date: carried inside every exported file."""
    waktu = waktu or datetime.now(UTC)
    cak = cakupan(pengguna)
    return {
        "diunduh_oleh": pengguna.nama if pengguna else "sistem",
        "peran": pengguna.peran if pengguna else "sistem",
        "cakupan": nama_wilayah(cak.kode) if cak.kode else "semua kabupaten yang dikonfigurasi",
        "waktu_unduh": waktu.astimezone().isoformat(timespec="seconds"),
        "data_per": str(tanggal_data) if tanggal_data is not None else "tidak diketahui",
        "catatan": "Angka kekerasan 1-4 di bawah tingkat kabupaten ditampilkan <5 (metrics.md bagian 7).",
    }


def netralkan_ekspor(df: pd.DataFrame, pengguna: Pengguna | None = None, tanggal_data: date | str | None = None,
                     waktu: datetime | None = None) -> pd.DataFrame:
    """A table fit to leave the app as a file: identity columns (NIK, No KK, ...) dropped, every text cell and
    column name that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage
    return) prefixed with an apostrophe, and `attrs["metadata_ekspor"]` set (`metadata_ekspor`) for the writer."""
    from pipelines.enums import normalkan
    from pipelines.privasi import _KOLOM_IDENTITAS

    kolom = [k for k in df.columns if not _KOLOM_IDENTITAS.match(normalkan(str(k)).removeprefix("isi_"))]
    keluar = df[kolom].copy()
    for k in keluar.columns:
        if keluar[k].dtype == object or pd.api.types.is_string_dtype(keluar[k]):
            keluar[k] = keluar[k].map(_netral).astype(object)
    keluar.columns = [_netral(str(k)) for k in keluar.columns]
    keluar.attrs = {"metadata_ekspor": metadata_ekspor(pengguna, tanggal_data, waktu)}
    return keluar


def ekspor_csv(df: pd.DataFrame) -> bytes:
    """A neutralised table (`netralkan_ekspor`) as CSV bytes (UTF-8 with BOM): the metadata as `# kunci: nilai`
    lines, then the header and the rows."""
    meta = df.attrs.get("metadata_ekspor", {})
    kepala = "".join(f"# {k}: {_netral(str(v))}\n" for k, v in meta.items())
    return (kepala + df.to_csv(index=False, lineterminator="\n")).encode("utf-8-sig")


def ekspor_xlsx(df: pd.DataFrame, nama_lembar: str = "data") -> bytes:
    """A neutralised table as XLSX bytes: the data sheet and a `keterangan` sheet with the metadata; the writer never
    turns text into formulas or links."""
    buf = io.BytesIO()
    opsi = {"options": {"strings_to_formulas": False, "strings_to_urls": False}}
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs=opsi) as penulis:
        df.to_excel(penulis, sheet_name=nama_lembar[:31], index=False)
        meta = df.attrs.get("metadata_ekspor", {})
        pd.DataFrame({"kunci": list(meta), "nilai": [_netral(str(v)) for v in meta.values()]}).to_excel(
            penulis, sheet_name="keterangan", index=False)
    return buf.getvalue()
