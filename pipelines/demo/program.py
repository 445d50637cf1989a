"""Synthetic DTKS/DTSEN extract and program rolls for the demo (DATA SINTETIS), at regency scale.

Households per desa follow the desa profiles (about 1.37 million people in
Jombang). Every household gets a national desil; the extract holds desil 1-6
(the bansos-relevant part of DTSEN). Rolls are drawn from it with realistic
targeting errors: PKH (about 50,000 families) and Sembako (about 91,000) mostly
from desil 1-4 with some from desil 5-6 and some not in the DTKS; PBI-JK (per
household here, to keep the demo fast: a real per-person roll loads the same way
and is matched by the NIK of the head of household) with the January 2026 wave of
deactivations (desil 6 and unmatched records, and eligible households cut by the
quota, reason `kuota`: Jombang's "over kuota"), and a few hundred reactivations
in March 2026 (domain.md 4.4). Inclusion error stays in the sourced 5-10 % range
(domain.md 7). A regency with a local program (`pipelines.demo.benih`: BAGAMIS in
Banjar) gets its roll too. Sizes scale with the regency's households.

Files: the DTKS extract as a semicolon CSV with title rows and aliases, PKH as a
pipe-delimited Windows-1252 CSV, Sembako as CSV with the program only in a title row, PBI-JK as Parquet
(an export from the BPJS application). A handful of rows are spoiled on
purpose (a KK saved by Excel as a number, an unknown desa code) and counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from pipelines.demo.benih import benih_kabupaten
from pipelines.demo.tulis import tulis_csv, tulis_parquet
from pipelines.demo.wilayah import ProfilDesa, Wilayah

SUBFOLDER = "06_program"
KK_JOMBANG = 390_000
"""Households of Jombang (domain.md 4.1: about 1.37 million people, about 3.5 per household)."""
TARGET_JOMBANG = {"pkh": 50_000, "sembako": 91_000, "pbi_jk": 120_000}
DINONAKTIFKAN_PBI_JOMBANG = 9_000  # households; about 29,001 people at 3.2 per household
DIAKTIFKAN_KEMBALI_PBI_JOMBANG = 190  # households; about 624 people
PORSI_KUOTA_PBI = 0.15
"""Share of the January 2026 deactivations that hit eligible households (desil 1-5) for the quota (`kuota`)."""
PORSI_BAGAMIS = 0.006
"""BAGAMIS recipients per household of the extract (a health-cost aid granted case by case; assumed)."""


@dataclass(frozen=True)
class RingkasanProgram:
    """What the program files hold."""

    berkas: list[Path]
    keluarga_dtks: int
    penerima: dict[str, int]
    dinonaktifkan_pbi: int
    diaktifkan_kembali_pbi: int
    baris_sengaja_dikarantina: int
    nonaktif_pbi: tuple[tuple[str, str], ...] = ()
    """(kode_desa, No KK) of every household deactivated in January 2026, for the cases that follow it."""


@dataclass
class _Rumah:
    """The households of the extract, as parallel arrays."""

    kk: np.ndarray
    nik: np.ndarray
    desa: np.ndarray
    desil: np.ndarray
    art: np.ndarray
    aktif: np.ndarray


def _keluarga(profil: list[ProfilDesa], rng: np.random.Generator) -> _Rumah:
    """Every household of desil 1-6, with a 16-digit KK and the head's NIK, both synthetic."""
    kk_list, nik_list, desa_list, desil_list = [], [], [], []
    for p in profil:
        jumlah = p.jumlah_kk.get(2025) or next(iter(p.jumlah_kk.values()))
        geser = rng.normal(0, 0.6)  # poorer and richer desa
        desil = np.clip(np.round(rng.uniform(0.5, 10.5, size=jumlah) + geser), 1, 10).astype(int)
        desil = desil[desil <= 6]
        n = len(desil)
        kec = p.desa.digit_kecamatan
        kk_list.append(np.full(n, kec))
        hari = rng.integers(1, 29, size=n) + np.where(rng.random(n) < 0.3, 40, 0)
        bulan = rng.integers(1, 13, size=n)
        tahun = rng.integers(50, 100, size=n)
        seq = rng.integers(1, 9999, size=n)
        nik_list.append(kec + np.char.zfill(hari.astype(str), 2) + np.char.zfill(bulan.astype(str), 2)
                        + tahun.astype(str) + np.char.zfill(seq.astype(str), 4))
        desa_list.append(np.full(n, p.desa.kode))
        desil_list.append(desil)
    # a 16-digit KK: kecamatan code, a running number unique in the regency, four more digits
    urut = np.arange(sum(len(k) for k in kk_list))
    kk = (np.concatenate(kk_list) + np.char.zfill(urut.astype(str), 6)
          + ((urut * 7919) % 9000 + 1000).astype(str))
    n = len(kk)
    return _Rumah(kk=kk, nik=np.concatenate(nik_list), desa=np.concatenate(desa_list),
                  desil=np.concatenate(desil_list), art=np.clip(rng.poisson(3.4, n), 1, 12),
                  aktif=rng.random(n) > 0.03)


def _ambil(rng: np.random.Generator, calon: np.ndarray, n: int) -> np.ndarray:
    return rng.choice(calon, size=min(n, len(calon)), replace=False)


def _penerima(rumah: _Rumah, rng: np.random.Generator, target: int, layak_maks: int,
              porsi_layak: float, porsi_luar: float) -> tuple[np.ndarray, int]:
    """Indices of recipient households and the number of extra recipients not in the DTKS."""
    idx = np.arange(len(rumah.kk))
    layak = idx[(rumah.desil <= layak_maks) & rumah.aktif]
    luar = idx[(rumah.desil > layak_maks) | ~rumah.aktif]
    dalam = np.concatenate([_ambil(rng, layak, round(target * porsi_layak)),
                            _ambil(rng, luar, round(target * porsi_luar))])
    return np.sort(dalam), round(target * (1 - porsi_layak - porsi_luar))


def _kk_asing(rng: np.random.Generator, n: int, awalan: str) -> np.ndarray:
    return np.array([f"{awalan}99{x:08d}" for x in rng.integers(0, 10**8, size=n)])


def tulis_program(folder: Path, wilayah: Wilayah, profil: list[ProfilDesa], hari_ini: date,
                  rng: np.random.Generator) -> RingkasanProgram:
    """Write the DTKS extract and the PKH, Sembako and PBI-JK rolls; returns what they hold."""
    skala = sum(p.jumlah_kk.get(2025, 0) for p in profil) / KK_JOMBANG
    rumah = _keluarga(profil, rng)
    keluar = folder / SUBFOLDER
    awalan = wilayah.desa[0].digit_kecamatan
    berkas: list[Path] = []
    cacat = 0

    # 1/ DTKS extract, December 2025 (in force for the 2026 rolls): a semicolon CSV with title rows, as exported
    dtks = pd.DataFrame({
        "No": np.arange(1, len(rumah.kk) + 1), "IDBDT": rumah.kk, "NIK KRT": rumah.nik, "Nama KRT": "(disamarkan)",
        "Alamat": "-", "Kode Desa": rumah.desa, "Desil": rumah.desil, "Jml ART": rumah.art,
        "Status DTKS": np.where(rumah.aktif, "Aktif", "Nonaktif"), "Periode": "Desember 2025",
    })
    rusak = dtks.iloc[[0]].assign(No=len(dtks) + 1, IDBDT="3.51701E+15", **{"NIK KRT": ""})  # Excel-broken KK
    cacat += 1
    judul = (f"EKSTRAK DTSEN DESIL 1-6 {wilayah.nama_kabupaten.upper()} - DATA SINTETIS\n"
             "Periode Penetapan: Desember 2025\n\n")
    berkas.append(keluar / "dtks_desember_2025_DATA_SINTETIS.csv")
    berkas[-1].parent.mkdir(parents=True, exist_ok=True)
    berkas[-1].write_text(judul + pd.concat([dtks, rusak]).to_csv(sep=";", index=False), encoding="utf-8")

    # 2/ PKH, June 2026: the program in a column, pipe-delimited, Windows-1252
    pkh, pkh_asing = _penerima(rumah, rng, round(TARGET_JOMBANG["pkh"] * skala), 4, 0.92, 0.05)
    baris: list[list[object]] = [["DAFTAR KPM PKH TAHAP II 2026 - DATA SINTETIS"], [],
                                 ["No", "No KK", "Nama Pengurus", "Kode Desa", "Jenis Bantuan", "Periode",
                                  "Status Kepesertaan"]]
    baris += [[n, rumah.kk[j], "(disamarkan)", rumah.desa[j], "PKH", "2026-06", "Aktif"]
              for n, j in enumerate(pkh, 1)]
    baris += [[len(pkh) + n, kk, "(disamarkan)", rumah.desa[0], "PKH", "2026-06", "Aktif"]
              for n, kk in enumerate(_kk_asing(rng, pkh_asing, awalan), 1)]
    berkas.append(keluar / "pkh_juni_2026_DATA_SINTETIS.csv")
    tulis_csv(berkas[-1], baris, pemisah="|", encoding="cp1252")

    # 3/ Sembako, June 2026 (CSV, program only in a title row)
    sembako, sembako_asing = _penerima(rumah, rng, round(TARGET_JOMBANG["sembako"] * skala), 4, 0.91, 0.06)
    baris = [["Jenis Bantuan: Program Sembako"], ["Periode: Juni 2026 - DATA SINTETIS"],
             ["NO_KK", "KODE_WILAYAH", "PERIODE", "STATUS"]]
    baris += [[rumah.kk[j], rumah.desa[j].replace(".", ""), "06/2026", "aktif"] for j in sembako]
    baris += [[kk, rumah.desa[-1].replace(".", ""), "06/2026", "aktif"]
              for kk in _kk_asing(rng, sembako_asing, awalan)]
    baris.append(["3517999999990001", "9999999999", "06/2026", "aktif"])  # unknown desa code
    cacat += 1
    berkas.append(keluar / "sembako_juni_2026_DATA_SINTETIS.csv")
    tulis_csv(berkas[-1], baris, pemisah=",", encoding="utf-8")

    # 4/ PBI-JK: January 2026 wave of deactivations, March 2026 reactivations (Parquet)
    pbi, pbi_asing = _penerima(rumah, rng, round(TARGET_JOMBANG["pbi_jk"] * skala), 5, 0.86, 0.09)
    kk_pbi = np.concatenate([rumah.kk[pbi], _kk_asing(rng, pbi_asing, awalan)])
    desa_pbi = np.concatenate([rumah.desa[pbi], rng.choice(rumah.desa, size=pbi_asing)])
    di_luar = np.concatenate([(rumah.desil[pbi] > 5) | ~rumah.aktif[pbi], np.ones(pbi_asing, dtype=bool)])
    n_nonaktif = min(round(DINONAKTIFKAN_PBI_JOMBANG * skala), int(di_luar.sum()))
    n_kuota = min(round(n_nonaktif * PORSI_KUOTA_PBI), int((~di_luar).sum()))
    luar = rng.choice(np.flatnonzero(di_luar), size=n_nonaktif - n_kuota, replace=False)
    kuota = rng.choice(np.flatnonzero(~di_luar), size=n_kuota, replace=False)
    nonaktif = np.concatenate([luar, kuota])
    status_jan = np.full(len(kk_pbi), "aktif", dtype=object)
    status_jan[nonaktif] = "dinonaktifkan"
    alasan_jan = np.full(len(kk_pbi), None, dtype=object)
    alasan_jan[luar] = rng.choice(["mampu", "tidak_padan", "meninggal", "pindah"], size=len(luar),
                                  p=[0.7, 0.2, 0.06, 0.04])
    alasan_jan[kuota] = "kuota"
    n_kembali = min(round(DIAKTIFKAN_KEMBALI_PBI_JOMBANG * skala), n_nonaktif)
    kembali = rng.choice(nonaktif, size=n_kembali, replace=False)
    tetap = np.ones(len(kk_pbi), dtype=bool)
    tetap[nonaktif] = False
    tetap[kembali] = True
    kolom: dict[str, list[object]] = {"program": [], "periode": [], "id_keluarga": [], "kode_desa": [],
                                      "status": [], "alasan": []}
    for periode, pilih, status, alasan in (
        (date(2026, 1, 1), np.ones(len(kk_pbi), dtype=bool), status_jan, alasan_jan),
        (date(2026, 3, 1), tetap, np.full(len(kk_pbi), "aktif", dtype=object),
         np.full(len(kk_pbi), None, dtype=object)),
    ):
        kolom["program"] += ["PBI JKN"] * int(pilih.sum())
        kolom["periode"] += [periode] * int(pilih.sum())
        kolom["id_keluarga"] += kk_pbi[pilih].tolist()
        kolom["kode_desa"] += desa_pbi[pilih].tolist()
        kolom["status"] += status[pilih].tolist()
        kolom["alasan"] += alasan[pilih].tolist()
    skema = pa.schema([("program", pa.string()), ("periode", pa.date32()), ("id_keluarga", pa.string()),
                       ("kode_desa", pa.string()), ("status", pa.string()), ("alasan", pa.string())])
    berkas.append(keluar / "pbi_jk_jan_mar_2026_DATA_SINTETIS.parquet")
    tulis_parquet(berkas[-1], kolom, skema)
    penerima = {"pkh": len(pkh) + pkh_asing, "sembako": len(sembako) + sembako_asing, "pbi_jk": len(kk_pbi)}

    # 5/ local programs of the regency's seed facts (BAGAMIS in Banjar): a CSV with the program only in a title
    # row, June 2026, mostly desil 1-5 (a health-cost aid)
    for program in benih_kabupaten(wilayah.kode_kabupaten).program_lokal:
        lokal, lokal_asing = _penerima(rumah, rng, max(10, round(len(rumah.kk) * PORSI_BAGAMIS)), 5, 0.93, 0.05)
        baris = [[f"Jenis Bantuan: {program.upper()}"], ["Periode: Juni 2026 - DATA SINTETIS"],
                 ["No KK", "Kode Desa", "Periode", "Status"]]
        baris += [[rumah.kk[j], rumah.desa[j], "2026-06", "Aktif"] for j in lokal]
        baris += [[kk, rumah.desa[0], "2026-06", "Aktif"] for kk in _kk_asing(rng, lokal_asing, awalan)]
        berkas.append(keluar / f"{program}_juni_2026_DATA_SINTETIS.csv")
        tulis_csv(berkas[-1], baris, pemisah=";", encoding="utf-8")
        penerima[program] = len(lokal) + lokal_asing

    return RingkasanProgram(
        berkas=berkas, keluarga_dtks=len(rumah.kk), penerima=penerima,
        dinonaktifkan_pbi=n_nonaktif, diaktifkan_kembali_pbi=n_kembali, baris_sengaja_dikarantina=cacat,
        nonaktif_pbi=tuple(zip(desa_pbi[nonaktif].tolist(), kk_pbi[nonaktif].tolist(), strict=True)),
    )
