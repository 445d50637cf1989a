"""What the demo of each regency takes from the design's seed facts (DATA SINTETIS, configuration only).

The generator is the same for every regency; a regency named here gets a few facts of `domain.md` on top of it, and
its demo says which (`RingkasanDemo.fakta_benih`, printed by `pantau demo`). A regency not named here gets the
generic synthetic pattern (about 4 % of desa without a Puskesos, a few silent and irregular ones).

- `puskesos_hanya`: names of the only desa/kelurahan with a Puskesos (the rest `belum_dibentuk`: no register
  entry, no reports). Pati: the three pilot desa of the design.
- `kecamatan_aktif`: kecamatan whose every desa has an active Puskesos that reports every month (register
  `aktif`, so `aktif` at any demo date). Banjar: Astambul, whose 22 active Puskesos met in one rakor.
- `program_lokal`: local program rolls written beside PKH, Sembako and PBI-JK (program codes of `enums.md`).
  Banjar: BAGAMIS.

Every demo also follows the facts shared by all regencies (`FAKTA_UMUM`): the January 2026 PBI-JK wave with its
`kuota` reason, the complaint spike after it, and inclusion error in the sourced 5-10 % range.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BenihKabupaten:
    """The seed facts one regency's demo follows."""

    puskesos_hanya: tuple[str, ...] = ()
    kecamatan_aktif: tuple[str, ...] = ()
    program_lokal: tuple[str, ...] = ()
    fakta: tuple[str, ...] = ()


FAKTA_UMUM = (
    "PBI-JK: gelombang penonaktifan 1 Januari 2026 (alasan: naik desil, NIK tidak padan, pengurangan kuota, "
    "meninggal, pindah) dan sedikit reaktivasi pada Maret 2026 (domain.md 4.4)",
    "Lonjakan kasus jaminan kesehatan Januari-Maret 2026 (2-3 kali biasa), sebagian dari keluarga yang PBI-nya "
    "dinonaktifkan (domain.md 7, musiman)",
    "Salah inklusi program sekitar 5-10 % penerima (domain.md 7, rasio bersumber)",
)

BENIH: dict[str, BenihKabupaten] = {
    "35.17": BenihKabupaten(fakta=(
        "Kabupaten Jombang: 21 kecamatan, 306 desa/kelurahan (302 desa + 4 kelurahan), ~1,37 juta jiwa "
        "(domain.md 4.1)",
        "Jombang: sekitar 29.001 jiwa PBI-JK dinonaktifkan per 1 Januari 2026, 624 diaktifkan kembali "
        "(domain.md 4.4; demo per keluarga, diskalakan)",
    )),
    "63.03": BenihKabupaten(
        kecamatan_aktif=("Astambul",),
        program_lokal=("bagamis",),
        fakta=(
            "Kabupaten Banjar: Kecamatan Astambul dengan 22 Puskesos aktif (rakor 22 Puskesos; domain.md README)",
            "Banjar: program daerah BAGAMIS (Bantuan Gasan Masyarakat Miskin), bantuan biaya kesehatan "
            "(domain.md 4.5)",
        ),
    ),
    "33.18": BenihKabupaten(
        puskesos_hanya=("Ngarus", "Pati Lor", "Kalidoro"),
        fakta=(
            "Kabupaten Pati: Puskesos hanya di 3 desa percontohan Ngarus, Pati Lor dan Kalidoro (dua di antaranya "
            "kelurahan); desa lain belum membentuk Puskesos (domain.md README)",
            "Pati: PBI-JK dinonaktifkan per 1 Februari 2026 (domain.md 4.6; demo memakai gelombang Januari yang "
            "sama)",
        ),
    ),
}


def benih_kabupaten(kode_kabupaten: str) -> BenihKabupaten:
    """The seed facts of one regency (none beyond the shared ones for a regency not named in `BENIH`)."""
    return BENIH.get(kode_kabupaten, BenihKabupaten())


def fakta_demo(kode_kabupaten: str) -> tuple[str, ...]:
    """Every seed fact the demo of `kode_kabupaten` follows, regency facts first."""
    return (*benih_kabupaten(kode_kabupaten).fakta, *FAKTA_UMUM)
