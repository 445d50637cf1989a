"""Places and Puskesos profiles for the synthetic demo data (DATA SINTETIS).

Reads the regency's kecamatan and desa from the national wilayah list and gives
every desa a synthetic profile: population, households, Puskesos register entry
and the reporting habit the case simulation follows (regular, irregular, silent,
or no Puskesos at all). Nothing here is real data except the place names/codes.
"""

from __future__ import annotations

import csv
import random
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from rapidfuzz.fuzz import ratio

from pipelines.demo.benih import BenihKabupaten, benih_kabupaten

TOTAL_PENDUDUK_2024: dict[str, int] = {"35.17": 1_374_577, "33.18": 1_379_022, "63.03": 612_000}
"""Known regency totals (domain.md 4.1); other regencies get RATA_RATA_PENDUDUK_DESA per desa."""
RATA_RATA_PENDUDUK_DESA = 4_300
PENDUDUK_MIN, PENDUDUK_MAKS = 1_500, 12_000

POLA_RUTIN, POLA_TERSENDAT, POLA_DIAM, POLA_BELUM = "rutin", "tersendat", "diam", "belum"


@dataclass(frozen=True)
class Desa:
    """One desa/kelurahan of the configured regency, keyed by its Kemendagri code."""

    kode: str
    kode_kecamatan: str
    nama: str
    nama_kecamatan: str

    @property
    def kelurahan(self) -> bool:
        return self.kode.rsplit(".", 1)[-1].startswith("1")

    @property
    def kode_polos(self) -> str:
        return self.kode.replace(".", "")

    @property
    def akhiran(self) -> str:
        """Last four digits of the code, used in registration numbers."""
        return self.kode.rsplit(".", 1)[-1]

    @property
    def digit_kecamatan(self) -> str:
        """The six digits that open a NIK issued in this desa's kecamatan."""
        return self.kode_kecamatan.replace(".", "")


@dataclass(frozen=True)
class Wilayah:
    """The configured regency: its name, kecamatan and desa, plus one desa code of another regency."""

    kode_kabupaten: str
    nama_kabupaten: str
    kecamatan: tuple[tuple[str, str], ...]
    desa: tuple[Desa, ...]
    kode_desa_luar: str

    def desa_di(self, kode_kecamatan: str) -> list[Desa]:
        return [d for d in self.desa if d.kode_kecamatan == kode_kecamatan]


@dataclass
class ProfilDesa:
    """Synthetic facts about one desa and its Puskesos."""

    desa: Desa
    penduduk: dict[int, int]
    jumlah_kk: dict[int, int]
    status_puskesos: str
    pola_lapor: str
    laju_kasus: float
    peluang_telat: float
    nomor_sk: str | None
    tanggal_sk: date | None
    ketua_terlatih: bool | None
    anggaran_rp: int
    salah_ketik: str | None = None


class WilayahTidakDikenal(ValueError):
    """The regency code is not in the national wilayah list."""


def _baris_csv(berkas: Path, awalan: str) -> list[list[str]]:
    """Rows of a reference CSV whose first field starts with `awalan` (cheap prefix filter first)."""
    with berkas.open(encoding="utf-8", newline="") as f:
        baris = [b for b in f if b.startswith(awalan)]
    return list(csv.reader(baris))


def baca_wilayah(folder_referensi: Path, kabupaten: str) -> Wilayah:
    """Load the regency's kecamatan and desa from `wilayah/*.csv`."""
    folder = folder_referensi / "wilayah"
    kab = [b for b in _baris_csv(folder / "regencies.csv", kabupaten + ",") if b[0] == kabupaten]
    if not kab:
        raise WilayahTidakDikenal(f"Kode kabupaten {kabupaten} tidak ada di daftar wilayah.")
    kecamatan = tuple(
        sorted((b[0], b[2]) for b in _baris_csv(folder / "districts.csv", kabupaten + ".") if b[1] == kabupaten)
    )
    nama_kec = dict(kecamatan)
    baris_desa = _baris_csv(folder / "villages.csv", kabupaten + ".")
    desa = tuple(sorted((Desa(b[0], b[1], b[2].strip(), nama_kec[b[1]]) for b in baris_desa if b[1] in nama_kec),
                        key=lambda d: d.kode))
    if not desa:
        raise WilayahTidakDikenal(f"Kabupaten {kabupaten} tidak punya desa di daftar wilayah.")
    return Wilayah(kabupaten, kab[0][2], kecamatan, desa, _kode_desa_luar(folder, kabupaten))


def _kode_desa_luar(folder: Path, kabupaten: str) -> str:
    """A real desa code of a neighbouring regency code (for Jombang 35.16.01.2001), else of the same province."""
    provinsi, nomor = kabupaten.split(".")
    daftar = _baris_csv(folder / "villages.csv", provinsi + ".")
    tetangga = [f"{provinsi}.{int(nomor) + d:02d}." for d in (-1, 1)] if nomor.isdigit() else []
    for awalan in [*tetangga, provinsi + "."]:
        for b in daftar:
            if b[0].startswith(awalan) and not b[0].startswith(kabupaten + "."):
                return b[0]
    with (folder / "villages.csv").open(encoding="utf-8", newline="") as f:
        for b in csv.reader(f):
            if b[0] != "code" and not b[0].startswith(kabupaten + "."):
                return b[0]
    raise WilayahTidakDikenal("Daftar desa hanya berisi kabupaten ini.")


def _bagi_penduduk(wilayah: Wilayah, rng: np.random.Generator) -> np.ndarray:
    """Log-normal desa sizes (sigma 0.4) rescaled to the regency total and kept within 1,500-12,000."""
    n = len(wilayah.desa)
    total = TOTAL_PENDUDUK_2024.get(wilayah.kode_kabupaten, RATA_RATA_PENDUDUK_DESA * n)
    mentah = rng.lognormal(mean=0.0, sigma=0.4, size=n)
    mentah *= np.array([1.6 if d.kelurahan else 1.0 for d in wilayah.desa])
    nilai = mentah / mentah.sum() * total
    for _ in range(20):
        nilai = np.clip(nilai, PENDUDUK_MIN, PENDUDUK_MAKS)
        nilai *= total / nilai.sum()
    return np.clip(np.round(nilai), PENDUDUK_MIN, PENDUDUK_MAKS).astype(np.int64)


def _jumlah_peran(n: int, per_306: float) -> int:
    return max(1, round(n * per_306 / 306))


def _pola_dan_status(n: int, rng: np.random.Generator) -> tuple[list[str], list[str]]:
    """Reporting habit and register status per desa index: ~12 without Puskesos, ~10 silent, ~10 irregular."""
    urutan = rng.permutation(n)
    pola = [POLA_RUTIN] * n
    status = ["aktif"] * n
    n_belum, n_diam, n_sendat = (_jumlah_peran(n, 12), _jumlah_peran(n, 10), _jumlah_peran(n, 10))
    n_tidak_aktif = _jumlah_peran(n, 5)
    for posisi, i in enumerate(urutan[: n_belum + n_diam + n_sendat]):
        if posisi < n_belum:
            pola[i], status[i] = POLA_BELUM, "belum_dibentuk"
        elif posisi < n_belum + n_diam:
            pola[i] = POLA_DIAM
            status[i] = "tidak_aktif" if posisi < n_belum + (n_tidak_aktif + 1) // 2 else "aktif"
        else:
            pola[i] = POLA_TERSENDAT
            status[i] = "tidak_aktif" if posisi < n_belum + n_diam + n_tidak_aktif // 2 else "aktif"
    return pola, status


def _terapkan_benih(wilayah: Wilayah, benih: BenihKabupaten, pola: list[str], status: list[str]) -> None:
    """The regency's seed facts over the generic pattern (`pipelines.demo.benih`): only the pilot desa have a
    Puskesos; every desa of an all-active kecamatan reports every month."""
    if benih.puskesos_hanya:
        pilot = {normal_nama(n) for n in benih.puskesos_hanya}
        for i, desa in enumerate(wilayah.desa):
            ada = normal_nama(desa.nama) in pilot
            pola[i], status[i] = (POLA_RUTIN, "aktif") if ada else (POLA_BELUM, "belum_dibentuk")
    aktif = {n.lower() for n in benih.kecamatan_aktif}
    for i, desa in enumerate(wilayah.desa):
        if desa.nama_kecamatan.lower() in aktif:
            pola[i], status[i] = POLA_RUTIN, "aktif"


def _laju_kasus(penduduk: int, pola: str) -> float:
    """Monthly Poisson mean of new cases: 2 for the smallest desa up to 4 for the largest."""
    skala = np.log(penduduk / PENDUDUK_MIN) / np.log(PENDUDUK_MAKS / PENDUDUK_MIN)
    laju = 2.0 + 2.0 * float(np.clip(skala, 0.0, 1.0))
    return laju * (0.6 if pola == POLA_TERSENDAT else 1.0)


def _register(desa: Desa, status: str, rnd: random.Random) -> tuple[str | None, date | None, bool | None, int]:
    """Synthetic SK number and date, trained chair and budget of one Puskesos."""
    if status == "belum_dibentuk":
        return None, None, None, 0
    tanggal = date(rnd.randint(2019, 2024), rnd.randint(1, 12), rnd.randint(1, 28))
    nomor = f"{rnd.choice(['188', '400.9', '141'])}/{rnd.randint(1, 60):02d}/{desa.kode_polos}/{tanggal.year}"
    anggaran = rnd.choice([0, 2_500_000, 5_000_000, 5_000_000, 7_500_000, 10_000_000, 12_500_000, 15_000_000])
    return nomor, tanggal, rnd.random() < (0.7 if status == "aktif" else 0.3), anggaran


def buat_profil_desa(wilayah: Wilayah, rng: np.random.Generator, rnd: random.Random) -> list[ProfilDesa]:
    """One synthetic profile per desa, deterministic for the generators' state."""
    penduduk = _bagi_penduduk(wilayah, rng)
    pola, status = _pola_dan_status(len(wilayah.desa), rng)
    _terapkan_benih(wilayah, benih_kabupaten(wilayah.kode_kabupaten), pola, status)
    pertumbuhan = rng.normal(0.011, 0.003, size=len(wilayah.desa))
    ukuran_kk = rng.uniform(3.3, 3.6, size=len(wilayah.desa))
    profil = []
    for i, desa in enumerate(wilayah.desa):
        jiwa = {2024: int(penduduk[i]), 2025: round(float(penduduk[i]) * (1 + float(pertumbuhan[i])))}
        nomor, tanggal, terlatih, anggaran = _register(desa, status[i], rnd)
        profil.append(ProfilDesa(
            desa=desa,
            penduduk=jiwa,
            jumlah_kk={t: round(j / float(ukuran_kk[i])) for t, j in jiwa.items()},
            status_puskesos=status[i],
            pola_lapor=pola[i],
            laju_kasus=_laju_kasus(int(penduduk[i]), pola[i]),
            peluang_telat=float(np.clip(rng.beta(1.5, 8.5), 0.02, 0.6)),
            nomor_sk=nomor,
            tanggal_sk=tanggal,
            ketua_terlatih=terlatih,
            anggaran_rp=anggaran,
        ))
    _beri_salah_ketik(profil, rnd)
    return profil


_AWALAN = re.compile(r"^(desa|ds|kel|kelurahan)\b\.?\s*", re.IGNORECASE)


def normal_nama(nama: str) -> str:
    """Name normalisation used to check that a typo stays unambiguous (prefixes and punctuation ignored)."""
    return re.sub(r"[^0-9a-z]+", "", _AWALAN.sub("", nama.strip().lower()))


def _beri_salah_ketik(profil: list[ProfilDesa], rnd: random.Random) -> None:
    """Give long desa names a one-letter-dropped typo that a fuzzy match (>= 90, 5 points clear) still resolves."""
    semua = [normal_nama(p.desa.nama) for p in profil]
    for p, sah in zip(profil, semua, strict=True):
        if len(sah) < 10 or not p.desa.nama.isascii():
            continue
        nama = p.desa.nama
        posisi = [i for i in range(2, len(nama) - 2) if nama[i].isalpha() and nama[i] != nama[i - 1]]
        if not posisi:
            continue
        i = rnd.choice(posisi)
        calon = nama[:i] + nama[i + 1:]
        n_calon = normal_nama(calon)
        terbaik = float(ratio(n_calon, sah))
        lain = max((float(ratio(n_calon, s)) for s in semua if s != sah), default=0.0)
        if n_calon not in semua and terbaik >= 92 and terbaik - lain >= 8:
            p.salah_ketik = calon
