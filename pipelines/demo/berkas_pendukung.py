"""The demo's non-case files (DATA SINTETIS): Puskesos register, population, and the poverty reference copies.

- `puskesos`: one XLSX with a row per desa, codes dotted or as 10 digits, SK dates
  in mixed spellings, budgets as `Rp 5.000.000` text or plain numbers.
- `penduduk`: one semicolon CSV in Windows-1252, years 2024 and 2025.
- `indikator_kemiskinan` / `target_kemiskinan`: the reference CSVs cut to the
  regency's rows, every column and line kept exactly as in `data/reference/`.
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime
from pathlib import Path

from pipelines.demo.gaya import tulis_tanggal
from pipelines.demo.tulis import Sel, tulis_csv, tulis_xlsx
from pipelines.demo.wilayah import ProfilDesa, Wilayah

LABEL_STATUS_PUSKESOS = {"aktif": "Aktif", "tidak_aktif": "Tidak aktif", "belum_dibentuk": "Belum dibentuk"}
HEADER_REGISTER = ("Kode Desa", "Nama Desa", "Kecamatan", "Status Puskesos", "Nomor SK", "Tanggal SK",
                   "Ketua Sudah Pelatihan", "Tahun", "Anggaran (Rp)")


def _rupiah(nilai: int, rnd: random.Random) -> Sel:
    """`Rp 5.000.000`, `5000000` as text, or a plain number: all three appear in real registers."""
    acak = rnd.random()
    if acak < 0.4:
        return "Rp " + f"{nilai:,}".replace(",", ".")
    if acak < 0.55:
        return str(nilai)
    return nilai


def _baris_register(p: ProfilDesa, tahun: int, rnd: random.Random) -> list[Sel]:
    kode: Sel = p.desa.kode if rnd.random() < 0.5 else p.desa.kode_polos
    tanggal: Sel = None
    if p.tanggal_sk:
        tanggal = tulis_tanggal(p.tanggal_sk, rnd.choice(("sel", "sel", "miring", "panjang", "serial")), rnd)
    terlatih = None if p.ketua_terlatih is None else ("Ya" if p.ketua_terlatih else "Tidak")
    anggaran = "-" if p.status_puskesos == "belum_dibentuk" else _rupiah(p.anggaran_rp, rnd)
    return [kode, p.desa.nama, p.desa.nama_kecamatan, LABEL_STATUS_PUSKESOS[p.status_puskesos], p.nomor_sk,
            tanggal, terlatih, tahun, anggaran]


def tulis_register(folder: Path, wilayah: Wilayah, profil: list[ProfilDesa], tahun: int, rnd: random.Random,
                   dibuat: datetime) -> Path:
    """The `puskesos` register: one row per desa, with a title row and a blank row above the header."""
    berkas = folder / "01_register" / f"DATA SINTETIS - Register Puskesos {wilayah.nama_kabupaten}.xlsx"
    judul = f"REGISTER PUSKESOS {wilayah.nama_kabupaten.upper()} TAHUN {tahun} - DATA SINTETIS"
    baris: list[list[Sel]] = [[judul], [], list(HEADER_REGISTER)]
    baris += [_baris_register(p, tahun, rnd) for p in profil]
    tulis_xlsx(berkas, [("Register", baris)], format_tanggal="dd/mm/yyyy", judul=judul, dibuat=dibuat)
    return berkas


def tulis_penduduk(folder: Path, wilayah: Wilayah, profil: list[ProfilDesa]) -> Path:
    """The `penduduk` file: `;`-delimited, Windows-1252, one row per desa and year."""
    berkas = folder / "02_penduduk" / f"DATA SINTETIS - penduduk desa {wilayah.kode_kabupaten} 2024-2025.csv"
    baris: list[list[Sel]] = [["kode_desa", "nama_desa", "nama_kecamatan", "tahun", "jumlah_penduduk", "jumlah_kk"]]
    for tahun in (2024, 2025):
        baris += [[p.desa.kode, p.desa.nama, p.desa.nama_kecamatan, tahun, p.penduduk[tahun], p.jumlah_kk[tahun]]
                  for p in profil]
    tulis_csv(berkas, baris, pemisah=";", encoding="cp1252")
    return berkas


def salin_referensi(folder: Path, folder_referensi: Path, kabupaten: str) -> list[Path]:
    """Copies of the BPS poverty series and targets holding only the regency's lines (all columns kept)."""
    hasil = []
    for nama in ("indikator_kemiskinan", "target_kemiskinan"):
        sumber = folder_referensi / f"{nama}.csv"
        with sumber.open(encoding="utf-8", newline="") as f:
            baris = f.read().splitlines(keepends=True)
        kept = [baris[0]] + [b for b in baris[1:] if next(csv.reader([b]), [""])[0] == kabupaten]
        tujuan = folder / "03_referensi" / f"{nama}_{kabupaten} (salinan referensi, paket DATA SINTETIS).csv"
        tujuan.parent.mkdir(parents=True, exist_ok=True)
        tujuan.write_text("".join(kept), encoding="utf-8", newline="")
        hasil.append(tujuan)
    return hasil


def tanggal_dibuat(hari_ini: date) -> datetime:
    """Fixed document timestamp (the demo's `hari_ini`), so that the files are reproducible."""
    return datetime(hari_ini.year, hari_ini.month, hari_ini.day, 8, 0, 0)
