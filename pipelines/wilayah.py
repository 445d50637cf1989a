"""Places: the national Kemendagri list and the resolution of codes and names to a desa code (contract section 1).

Order for a row: a valid code; else the (desa, kecamatan) names inside the
configured regencies by normalised exact match, then the alias table
(`data/reference/alias_desa.csv`), then an unambiguous fuzzy match (rapidfuzz
ratio >= 90 and 5 points above the next). Anything else is refused with a
reason that names the best candidates.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz, process

from pipelines.baca.nilai import kode_wilayah

AMBANG_FUZZY = 90.0
SELISIH_FUZZY = 5.0


def _cocok_samar(kunci: str, pilihan: dict[str, str], nama: Callable[[str], str]) -> tuple[str | None, str]:
    """A fuzzy match of a normalised name among `pilihan` (code -> normalised name), unambiguous only: the code when
    the best score is at least `AMBANG_FUZZY` and `SELISIH_FUZZY` ahead of the next, else None and the
    `; mungkin: A, B` hint naming (`nama`) the candidates that scored 60 or more."""
    hasil = process.extract(kunci, pilihan, scorer=fuzz.ratio, limit=3)
    if hasil:
        terbaik = hasil[0][1]
        berikut = hasil[1][1] if len(hasil) > 1 else 0.0
        if terbaik >= AMBANG_FUZZY and terbaik - berikut >= SELISIH_FUZZY:
            return str(hasil[0][2]), ""
    mungkin = ", ".join(nama(str(h[2])) for h in hasil if h[1] >= 60)
    return None, f"; mungkin: {mungkin}" if mungkin else ""
LUAR_WILAYAH = "di luar wilayah kabupaten yang dikonfigurasi"
SIMPAN_KODE = 200_000
"""Code cells `Wilayah.dari_kode` remembers (the national list has 83,762 desa); beyond it, it starts again."""

_AWALAN_DESA = re.compile(r"^(desa|ds|kelurahan|kel|kalurahan|gampong|nagari|pekon)\b\.?\s*")
_AWALAN_KEC = re.compile(r"^(kecamatan|kec)\b\.?\s*")


def normalkan_nama(nama: str, *, kecamatan: bool = False) -> str:
    """Name key for matching: case, spacing, punctuation, prefixes (`Desa`, `Ds.`, `Kel.`) and brackets ignored."""
    s = nama.lower().replace("\u00a0", " ")
    s = re.sub(r"\(.*?\)", " ", s).strip()
    s = (_AWALAN_KEC if kecamatan else _AWALAN_DESA).sub("", s)
    return re.sub(r"[^0-9a-z]", "", s)


@dataclass(frozen=True)
class Desa:
    """One desa/kelurahan of the national list."""

    kode: str
    nama: str
    kode_kec: str
    nama_kec: str
    kode_kab: str
    nama_kab: str

    @property
    def jenis(self) -> str:
        return "kelurahan" if self.kode[9] == "1" else "desa"


@dataclass(frozen=True)
class HasilTempat:
    """Outcome of resolving one place: a code, or a refusal reason; `fuzzy` when matched approximately."""

    kode_desa: str | None
    alasan: str | None = None
    fuzzy: bool = False


@dataclass
class Wilayah:
    """The national list, with lookups for the configured regencies."""

    kabupaten: tuple[str, ...]
    desa: dict[str, Desa]
    kecamatan: dict[str, str]
    nama_kabupaten: dict[str, str]
    alias: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.desa_dikonfigurasi = [d for d in self.desa.values() if d.kode_kab in self.kabupaten]
        self.kode_kecamatan_nik = frozenset(k.replace(".", "") for k in self.kecamatan)
        self._kec_per_nama: dict[str, list[str]] = {}
        for kode, nama in self.kecamatan.items():
            if kode[:5] in self.kabupaten:
                self._kec_per_nama.setdefault(normalkan_nama(nama, kecamatan=True), []).append(kode)
        self._per_kode: dict[str, HasilTempat | None] = {}
        self._desa_per_nama: dict[str, list[Desa]] = {}
        self._desa_per_kec: dict[str, list[Desa]] = {}
        for d in self.desa_dikonfigurasi:
            self._desa_per_nama.setdefault(normalkan_nama(d.nama), []).append(d)
            self._desa_per_kec.setdefault(d.kode_kec, []).append(d)

    # 1/ codes
    def dari_kode(self, sel: object) -> HasilTempat | None:
        """Resolve a code cell; None when the cell is empty (fall back to names).

        A text cell is resolved once per `Wilayah` and remembered (`_per_kode`, at most `SIMPAN_KODE` cells): the
        files of one load repeat the same desa codes month after month (a validation worker keeps its `Wilayah`
        for the whole load)."""
        if not isinstance(sel, str):
            return self._dari_kode(sel)
        if sel in self._per_kode:
            return self._per_kode[sel]
        if len(self._per_kode) >= SIMPAN_KODE:
            self._per_kode.clear()
        hasil = self._per_kode[sel] = self._dari_kode(sel)
        return hasil

    def _dari_kode(self, sel: object) -> HasilTempat | None:
        kode = kode_wilayah(sel)
        if kode is None:
            if sel is None or (isinstance(sel, str) and not sel.strip()):
                return None
            return HasilTempat(None, f'Kode desa "{sel}" tidak sah (harus 10 digit, contoh 35.17.01.2001)')
        d = self.desa.get(kode)
        if d is None:
            return HasilTempat(None, f'Kode desa "{kode}" tidak ada dalam daftar wilayah Kemendagri')
        if d.kode_kab not in self.kabupaten:
            return HasilTempat(None, f"Desa {d.nama} ({kode}, {d.nama_kab}) {LUAR_WILAYAH}")
        return HasilTempat(kode)

    # 2/ names
    def dari_nama(self, nama_desa: str | None, nama_kec: str | None) -> HasilTempat:
        """Resolve (desa, kecamatan) names inside the configured regencies."""
        if not nama_desa:
            return HasilTempat(None, "Kolom kode_desa dan nama_desa kosong: desa tidak dapat dikenali")
        kunci = normalkan_nama(nama_desa)
        kec_kode: str | None = None
        if nama_kec:
            kec = self._cari_kecamatan(nama_kec)
            if kec.kode_desa is None:
                return kec
            kec_kode = kec.kode_desa
        kandidat = self._desa_per_kec.get(kec_kode, []) if kec_kode else self.desa_dikonfigurasi
        di_kec = f" di Kec. {self.kecamatan[kec_kode]}" if kec_kode else ""
        # exact
        cocok = [d for d in self._desa_per_nama.get(kunci, []) if kec_kode is None or d.kode_kec == kec_kode]
        if len(cocok) == 1:
            return HasilTempat(cocok[0].kode)
        if len(cocok) > 1:
            daftar = ", ".join(f"{d.nama} (Kec. {d.nama_kec})" for d in cocok[:4])
            return HasilTempat(None, f'Desa "{nama_desa}" ada lebih dari satu: {daftar}; isi kolom kecamatan '
                                     "atau kode_desa")
        # alias table
        kode_alias = self.alias.get(kunci)
        d_alias = self.desa.get(kode_alias) if kode_alias else None
        if d_alias and d_alias.kode_kab in self.kabupaten and kec_kode in (None, d_alias.kode_kec):
            return HasilTempat(d_alias.kode)
        # fuzzy, unambiguous only
        kode, saran = _cocok_samar(kunci, {d.kode: normalkan_nama(d.nama) for d in kandidat},
                                   lambda k: self.desa[k].nama)
        if kode:
            return HasilTempat(kode, fuzzy=True)
        return HasilTempat(None, f'Desa "{nama_desa}" tidak dikenal{di_kec}{saran}')

    def _cari_kecamatan(self, nama_kec: str) -> HasilTempat:
        kunci = normalkan_nama(nama_kec, kecamatan=True)
        kodes = self._kec_per_nama.get(kunci, [])
        if len(kodes) == 1:
            return HasilTempat(kodes[0])
        if len(kodes) > 1:
            return HasilTempat(None, f'Kecamatan "{nama_kec}" ada di lebih dari satu kabupaten; isi kode_desa')
        kode, saran = _cocok_samar(kunci, {k: n for n, ks in self._kec_per_nama.items() for k in ks},
                                   lambda k: self.kecamatan[k])
        if kode:
            return HasilTempat(kode, fuzzy=True)
        return HasilTempat(None, f'Kecamatan "{nama_kec}" tidak dikenal di kabupaten yang dikonfigurasi{saran}')

    def kabupaten_sah(self, sel: object) -> HasilTempat:
        """Resolve a regency code cell (`35.17` or `3517`)."""
        kode = kode_wilayah(sel, panjang=4)
        if kode is None:
            return HasilTempat(None, f'Kode kabupaten "{sel}" tidak sah (contoh 35.17)')
        if kode not in self.nama_kabupaten:
            return HasilTempat(None, f'Kode kabupaten "{kode}" tidak ada dalam daftar wilayah Kemendagri')
        if kode not in self.kabupaten:
            return HasilTempat(None, f"{self.nama_kabupaten[kode]} ({kode}) {LUAR_WILAYAH}")
        return HasilTempat(kode)

    def tabel_desa(self) -> pd.DataFrame:
        """The configured regencies' desa as the `ref_wilayah` table."""
        return pd.DataFrame(
            [
                {
                    "kode_desa": d.kode, "nama_desa": d.nama, "jenis": d.jenis, "kode_kec": d.kode_kec,
                    "nama_kec": d.nama_kec, "kode_kab": d.kode_kab, "nama_kab": d.nama_kab,
                }
                for d in sorted(self.desa_dikonfigurasi, key=lambda d: d.kode)
            ]
        )


@lru_cache(maxsize=4)
def _baca_nasional(folder: Path) -> tuple[dict[str, Desa], dict[str, str], dict[str, str]]:
    with (folder / "wilayah" / "regencies.csv").open(encoding="utf-8") as f:
        kab = {r["code"]: r["name"] for r in csv.DictReader(f)}
    with (folder / "wilayah" / "districts.csv").open(encoding="utf-8") as f:
        kec = {r["code"]: r["name"] for r in csv.DictReader(f)}
    desa: dict[str, Desa] = {}
    with (folder / "wilayah" / "villages.csv").open(encoding="utf-8", newline="") as f:
        baris = csv.reader(f)  # 83,762 rows: a list per row, not a dict (`DictReader` took most of the load time)
        kepala = next(baris, [])
        i_kode, i_nama, i_kec = (kepala.index(k) for k in ("code", "name", "district_code"))
        for r in baris:
            if not r:  # as `DictReader`: an empty line is no row
                continue
            kk = r[i_kec]
            desa[r[i_kode]] = Desa(r[i_kode], r[i_nama], kk, kec.get(kk, ""), kk[:5], kab.get(kk[:5], ""))
    return desa, kec, kab


def _baca_alias(folder: Path) -> dict[str, str]:
    berkas = folder / "alias_desa.csv"
    alias: dict[str, str] = {}
    if berkas.is_file():
        with berkas.open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                kode = kode_wilayah(r.get("kode_desa"))
                if kode and r.get("alias"):
                    alias[normalkan_nama(r["alias"])] = kode
    return alias


def muat_wilayah(folder_referensi: Path, kabupaten: tuple[str, ...]) -> Wilayah:
    """Load the national list and the alias table for the configured regencies."""
    desa, kec, kab = _baca_nasional(folder_referensi)
    tidak_dikenal = [k for k in kabupaten if k not in kab]
    if tidak_dikenal:
        raise ValueError(
            f"Kode kabupaten {', '.join(tidak_dikenal)} tidak ada dalam daftar wilayah Kemendagri "
            f"({folder_referensi / 'wilayah' / 'regencies.csv'})."
        )
    return Wilayah(kabupaten, desa, kec, kab, _baca_alias(folder_referensi))
