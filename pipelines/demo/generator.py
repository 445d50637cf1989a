"""Synthetic demo input files for one regency (DATA SINTETIS): what `pantau demo` feeds to the ingest.

`tulis_berkas_demo` writes, into one folder, every kind of input the data contract
accepts for a regency (default Kabupaten Jombang, 35.17): the Puskesos register,
population, the BPS poverty reference copies, and 24 months of Puskesos case
reports in the messy shapes the field sends (per-kecamatan XLSX workbooks with a
sheet per month, monthly CSVs in varied delimiters and encodings, one Parquet
export from the SLRT application), followed by a revision file and one file sent
twice. A few rows are invalid on purpose and must be quarantined; they are counted.

Everything is synthetic and labelled so in each file's name and title. The output
is a pure function of (`kabupaten`, `hari_ini`, `benih`): same arguments, same bytes.
"""

from __future__ import annotations

import math
import random
import re
import shutil
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np
import pyarrow as pa

from pipelines.demo.benih import fakta_demo
from pipelines.demo.berkas_pendukung import salin_referensi, tanggal_dibuat, tulis_penduduk, tulis_register
from pipelines.demo.gaya import (
    BULAN_ID,
    KOLOM_KANONIK,
    TEKS_FORMULA,
    GayaKecamatan,
    KonteksSel,
    bagikan,
    buat_gaya,
    nama_bulan,
    nilai_baris,
    susun_lembar,
)
from pipelines.demo.program import RingkasanProgram, tulis_program
from pipelines.demo.simulasi import (
    JENIS_NIHIL,
    JENIS_PEMBARUAN,
    JENIS_REVISI,
    MACAM_CACAT,
    Baris,
    HasilSimulasi,
    Laporan,
    baris_revisi,
    buat_baris_cacat,
    daftar_bulan,
    simulasikan,
)
from pipelines.demo.tulis import Lembar, tulis_csv, tulis_parquet, tulis_xlsx
from pipelines.demo.wilayah import POLA_RUTIN, ProfilDesa, Wilayah, baca_wilayah, buat_profil_desa, normal_nama

FOLDER_REFERENSI_BAWAAN = Path(__file__).resolve().parents[2] / "data" / "reference"
PORSI_KARANTINA = 0.0015
"""Share of case rows made invalid on purpose (0.1-0.3 % asked for)."""
NAMA_DESA_ASING = ("Sumbrejo", "Karangsintetis")
POLA_CSV = (((";", "cp1252"), (",", "utf-8-sig")), (("\t", "utf-8"), ("|", "utf-8-sig")),
            (("|", "cp1252"), (";", "utf-8")))
"""Delimiter and encoding of each CSV kecamatan before and after it changed operator (month 13 of 24)."""

SUBFOLDER_DEMO = ("01_register", "02_penduduk", "03_referensi", "04_laporan_kasus", "05_revisi", "06_program")

KunciBerkas = tuple[object, ...]


@dataclass(frozen=True)
class RingkasanDemo:
    """What was written. Row counts are over distinct files: the duplicated file is not counted twice.

    - `berkas`: every file, in ingest order (register, penduduk, poverty references, case reports by period,
      the revision file, the duplicate last).
    - `kasus` / `rujukan`: distinct genuine cases and referrals (deliberately invalid rows excluded).
    - `baris_kasus`: data rows in the case files (title, header, column-number and totals rows excluded).
    - `baris_sengaja_dikarantina`: rows made invalid on purpose; the ingest must quarantine exactly these.
    - `baris_nihil`, `baris_pembaruan` (update rows, the revision file's included), `label_tidak_dikenal`
      (rows whose kategori label no enum knows: loaded as `lainnya` with a warning).
    - `berkas_duplikat`: (original, byte-identical copy under another name).
    - `program`: the DTKS extract and program rolls (`pipelines.demo.program`), with their own counts.
    - `kasus_keluarga_nonaktif`: cases of households whose PBI-JK was deactivated in January 2026 (their No KK).
    - `fakta_benih`: the design's seed facts this regency's demo follows (`pipelines.demo.benih`).
    """

    berkas: list[Path]
    kasus: int
    rujukan: int
    baris_kasus: int
    baris_sengaja_dikarantina: int
    baris_nihil: int
    baris_pembaruan: int
    label_tidak_dikenal: int
    berkas_duplikat: tuple[Path, Path] | None
    program: RingkasanProgram | None = None
    kasus_keluarga_nonaktif: int = 0
    fakta_benih: tuple[str, ...] = ()


@dataclass
class _Rencana:
    """Decisions about the case files: per-kecamatan habits, rows per (kecamatan, month), special files."""

    wilayah: Wilayah
    profil: list[ProfilDesa]
    bulan: list[date]
    hasil: HasilSimulasi
    gaya: dict[str, GayaKecamatan]
    konteks: KonteksSel
    kecamatan_asing: str
    baris: dict[tuple[str, date], list[Baris]]
    kunci_duplikat: KunciBerkas | None = None
    cacat: int = 0


def tulis_berkas_demo(folder: Path, *, kabupaten: str = "35.17", hari_ini: date, benih: int = 17,
                      folder_referensi: Path | None = None) -> RingkasanDemo:
    """Write the synthetic input files of `kabupaten` into `folder` and say what was written."""
    referensi = folder_referensi or FOLDER_REFERENSI_BAWAAN
    _hapus_demo_lama(folder)
    rng = np.random.default_rng(benih)
    rnd = random.Random(benih)
    wilayah = baca_wilayah(referensi, kabupaten)
    profil = buat_profil_desa(wilayah, rng, rnd)
    bulan = daftar_bulan(hari_ini)
    rencana = _rencanakan(wilayah, profil, bulan, simulasikan(profil, bulan, hari_ini, rng, rnd), rnd)
    dibuat = tanggal_dibuat(hari_ini)
    berkas = [
        tulis_register(folder, wilayah, profil, bulan[-1].year, rnd, dibuat),
        tulis_penduduk(folder, wilayah, profil),
        *salin_referensi(folder, referensi, kabupaten),
    ]
    program = tulis_program(folder, wilayah, profil, hari_ini, rng)
    berkas += program.berkas
    kasus_nonaktif = _kaitkan_keluarga_nonaktif(rencana, program.nonaktif_pbi, rnd)
    laporan, baris_ditulis, duplikat_sumber = _tulis_laporan_kasus(folder, rencana, rnd, hari_ini)
    berkas += laporan
    revisi, n_revisi = _tulis_revisi(folder, rencana, rnd, hari_ini)
    berkas += revisi
    duplikat = None
    if duplikat_sumber is not None:
        salinan = duplikat_sumber.with_name(f"{duplikat_sumber.stem} (1){duplikat_sumber.suffix}")
        shutil.copyfile(duplikat_sumber, salinan)
        berkas.append(salinan)
        duplikat = (duplikat_sumber, salinan)
    semua = [b for daftar in rencana.baris.values() for b in daftar]
    return RingkasanDemo(
        berkas=berkas,
        kasus=len(rencana.hasil.kasus),
        rujukan=sum(len(k.rujukan) for k in rencana.hasil.kasus),
        baris_kasus=baris_ditulis + n_revisi,
        baris_sengaja_dikarantina=rencana.cacat,
        baris_nihil=sum(1 for b in semua if b.jenis == JENIS_NIHIL),
        baris_pembaruan=sum(1 for b in semua if b.jenis == JENIS_PEMBARUAN) + n_revisi,
        label_tidak_dikenal=sum(1 for b in semua if b.kasus is not None and b.kasus.label_asing),
        berkas_duplikat=duplikat,
        program=program,
        kasus_keluarga_nonaktif=kasus_nonaktif,
        fakta_benih=fakta_demo(kabupaten),
    )


PELUANG_DATANG_NONAKTIF = 0.5
"""Share of the extra health-insurance cases of January-April 2026 brought by a household just deactivated."""


def _kaitkan_keluarga_nonaktif(rencana: _Rencana, nonaktif: tuple[tuple[str, str], ...],
                               rnd: random.Random) -> int:
    """Give some PBI-JK cases of January-April 2026 the No KK of a household of their desa whose PBI-JK was
    deactivated in January (each household at most once), so that the program asked for can be followed from the
    roll to the Puskesos and its referral. Returns the number of cases linked."""
    per_desa: dict[str, list[str]] = defaultdict(list)
    for kode_desa, kk in nonaktif:
        per_desa[kode_desa].append(kk)
    for daftar in per_desa.values():
        rnd.shuffle(daftar)
    n = 0
    for kasus in rencana.hasil.kasus:
        if (kasus.program == "pbi_jk" and kasus.cacat is None and date(2026, 1, 1) <= kasus.tanggal_lapor
                < date(2026, 5, 1) and per_desa.get(kasus.desa.kode) and rnd.random() < PELUANG_DATANG_NONAKTIF):
            kasus.no_kk = per_desa[kasus.desa.kode].pop()
            n += 1
    return n


def _hapus_demo_lama(folder: Path) -> None:
    """Remove files a previous demo run left in our own sub-folders, so the folder holds exactly `berkas`."""
    folder.mkdir(parents=True, exist_ok=True)
    for sub in SUBFOLDER_DEMO:
        for berkas in sorted((folder / sub).rglob("*")) if (folder / sub).is_dir() else []:
            if berkas.is_file() and "SINTETIS" in berkas.name:
                berkas.unlink()


# 1/ plan: formats, habits, deliberate defects


def _rencanakan(wilayah: Wilayah, profil: list[ProfilDesa], bulan: list[date], hasil: HasilSimulasi,
                rnd: random.Random) -> _Rencana:
    format_kec, identitas_kec, kec_asing = _bagi_format(wilayah, rnd)
    gaya = buat_gaya(list(wilayah.kecamatan), format_kec, identitas_kec, rnd)
    konteks = KonteksSel(
        salah_ketik={p.desa.kode: p.salah_ketik for p in profil if p.salah_ketik},
        kode_luar=wilayah.kode_desa_luar,
        nama_desa_asing=_nama_desa_asing(wilayah, kec_asing),
    )
    per_kelompok: dict[tuple[str, date], list[Baris]] = defaultdict(list)
    for b in hasil.baris:
        per_kelompok[(b.desa.kode_kecamatan, b.bulan)].append(b)
    rencana = _Rencana(wilayah, profil, bulan, hasil, gaya, konteks, kec_asing, dict(per_kelompok))
    rencana.kunci_duplikat = _kunci_duplikat(rencana)
    _sisipkan_cacat(rencana, rnd)
    _sisipkan_formula(rencana, rnd)
    for daftar in rencana.baris.values():
        daftar.sort(key=_urutan_baris)
    return rencana


def _bagi_format(wilayah: Wilayah, rnd: random.Random) -> tuple[dict[str, str], dict[str, str], str]:
    """1 kecamatan sends a Parquet export, 3 send monthly CSVs, the rest XLSX; one name-only XLSX gets the
    unknown desa (Kabuh when the regency has it)."""
    kode = [k for k, _ in wilayah.kecamatan]
    asing = next((k for k, n in wilayah.kecamatan if n.lower() == "kabuh"), None)
    lain = [k for k in kode if k != asing]
    rnd.shuffle(lain)
    n_parquet = 1 if len(kode) >= 3 else 0
    n_csv = min(3, max(0, len(kode) - 2))
    format_kec = dict.fromkeys(kode, "xlsx")
    format_kec.update(dict.fromkeys(lain[:n_parquet], "parquet"))
    format_kec.update(dict.fromkeys(lain[n_parquet:n_parquet + n_csv], "csv"))
    xlsx = sorted(k for k in kode if format_kec[k] == "xlsx")
    asing = asing or xlsx[0]
    identitas_kec = dict.fromkeys(kode, "kode_titik")
    xlsx_lain = [k for k in xlsx if k != asing]
    for k, i in zip(xlsx_lain, bagikan(("nama", "kode_titik", "kode_polos", "kode_angka"), len(xlsx_lain), rnd),
                    strict=True):
        identitas_kec[k] = i
    csv_kec = sorted(k for k in kode if format_kec[k] == "csv")
    for k, i in zip(csv_kec, bagikan(("kode_polos", "nama", "kode_titik"), len(csv_kec), rnd), strict=True):
        identitas_kec[k] = i
    identitas_kec[asing] = "nama"
    return format_kec, identitas_kec, asing


def _nama_desa_asing(wilayah: Wilayah, kode_kecamatan: str) -> str:
    """A desa name that does not exist in the kecamatan and is not close to any real one."""
    nama = [normal_nama(d.nama) for d in wilayah.desa_di(kode_kecamatan)]
    for calon in NAMA_DESA_ASING:
        n = normal_nama(calon)
        if all(SequenceMatcher(None, n, x).ratio() < 0.8 for x in nama):
            return calon
    return "Desa Fiktif Sintetis"


def kunci_berkas(gaya: GayaKecamatan, bulan: date) -> KunciBerkas:
    """Which file a (kecamatan, month) lands in: a monthly CSV, a half-year XLSX, or the one Parquet export."""
    if gaya.format == "csv":
        return (gaya.kode_kecamatan, bulan)
    if gaya.format == "xlsx":
        return (gaya.kode_kecamatan, bulan.year, 1 if bulan.month <= 6 else 2)
    return (gaya.kode_kecamatan,)


def _kunci_duplikat(rencana: _Rencana) -> KunciBerkas | None:
    """The file that is delivered twice: a CSV of three months ago (else the first XLSX half-year)."""
    for fmt in ("csv", "xlsx"):
        for kode, _ in rencana.wilayah.kecamatan:
            g = rencana.gaya[kode]
            if g.format != fmt:
                continue
            for b in reversed(rencana.bulan[:-2]):
                if rencana.baris.get((kode, b)):
                    return kunci_berkas(g, b)
    return None


def _sisipkan_cacat(rencana: _Rencana, rnd: random.Random) -> None:
    """Add the rows that must be quarantined, spread over XLSX/CSV files (never the duplicated one)."""
    total = sum(len(v) for v in rencana.baris.values())
    per_jenis = math.ceil(max(len(MACAM_CACAT), round(total * PORSI_KARANTINA)) / len(MACAM_CACAT))
    profil = {p.desa.kode: p for p in rencana.profil}
    for jenis in MACAM_CACAT:
        kelompok = [k for k in sorted(rencana.baris) if _boleh_cacat(rencana, k, jenis)]
        if not kelompok:
            continue
        for _ in range(per_jenis):
            kunci = rnd.choice(kelompok)
            contoh = rnd.choice(rencana.baris[kunci])
            laporan = Laporan(contoh.bulan, contoh.kirim)
            rencana.baris[kunci].append(
                buat_baris_cacat(profil[contoh.desa.kode], laporan, jenis, rencana.hasil.penomoran, rnd))
            rencana.cacat += 1


def _boleh_cacat(rencana: _Rencana, kunci: tuple[str, date], jenis: str) -> bool:
    g = rencana.gaya[kunci[0]]
    if g.format == "parquet" or kunci_berkas(g, kunci[1]) == rencana.kunci_duplikat or not rencana.baris[kunci]:
        return False
    if jenis == "desa_tidak_dikenal":
        return kunci[0] == rencana.kecamatan_asing
    if jenis == "kode_luar":
        return g.identitas != "nama"
    return True


def _sisipkan_formula(rencana: _Rencana, rnd: random.Random) -> None:
    """A few text cells that look like formulas: in `keterangan`, and one registration number."""
    calon = [b.kasus for kunci, daftar in sorted(rencana.baris.items()) for b in daftar
             if b.kasus is not None and b.kasus.cacat is None and rencana.gaya[kunci[0]].format != "parquet"
             and kunci_berkas(rencana.gaya[kunci[0]], kunci[1]) != rencana.kunci_duplikat]
    if not calon:
        return
    dengan_ket = [k for k in calon if any(c == "keterangan" for c, _ in rencana.gaya[k.desa.kode_kecamatan].kolom)]
    for teks, kasus in zip(TEKS_FORMULA, rnd.sample(dengan_ket, min(len(TEKS_FORMULA), len(dengan_ket))),
                           strict=False):
        kasus.keterangan = teks
    kasus = rnd.choice(calon)
    kasus.no_registrasi_khusus = f'=HYPERLINK("https://contoh.invalid/kasus","PSK-{kasus.desa.akhiran}-{kasus.tahun}")'


def _urutan_baris(b: Baris) -> tuple[object, ...]:
    """Rows sorted as a kecamatan compiles them: desa by desa, new cases first, then updates."""
    peringkat = {JENIS_PEMBARUAN: 1, JENIS_NIHIL: 2}.get(b.jenis, 0)
    tanggal = b.kasus.tanggal_lapor if b.kasus else b.tanggal_nihil
    urut = b.kasus.urut if b.kasus else 0
    tujuan = b.rujukan.tujuan if b.rujukan else ""
    return (b.desa.kode, peringkat, tanggal, urut, tujuan)


# 2/ write the case reports


def _slug(teks: str) -> str:
    return re.sub(r"[^0-9A-Za-z]+", "_", teks).strip("_")


def _judul(gaya: GayaKecamatan, bulan: date, awalan: str = "LAPORAN BULANAN") -> list[str]:
    return [f"{awalan} PUSKESOS KECAMATAN {gaya.nama_kecamatan.upper()} - DATA SINTETIS",
            f"BULAN: {BULAN_ID[bulan.month - 1]} {bulan.year}", ""]


def _tulis_laporan_kasus(folder: Path, rencana: _Rencana, rnd: random.Random,
                         hari_ini: date) -> tuple[list[Path], int, Path | None]:
    """Write every kecamatan's files; returns them in chronological order, the data rows written, the duplicate."""
    ditulis: list[tuple[tuple[object, ...], Path]] = []
    n_baris = 0
    sumber_duplikat = None
    for kode, _ in rencana.wilayah.kecamatan:
        g = rencana.gaya[kode]
        per_berkas: dict[KunciBerkas, list[date]] = defaultdict(list)
        for b in rencana.bulan:
            if rencana.baris.get((kode, b)):
                per_berkas[kunci_berkas(g, b)].append(b)
        for kunci, bulan in per_berkas.items():
            berkas, n = _tulis_satu_berkas(folder, rencana, g, bulan, rnd, hari_ini)
            n_baris += n
            ditulis.append(((bulan[-1], {"xlsx": 0, "csv": 1, "parquet": 2}[g.format], kode), berkas))
            if kunci == rencana.kunci_duplikat:
                sumber_duplikat = berkas
    ditulis.sort(key=lambda x: x[0])
    return [p for _, p in ditulis], n_baris, sumber_duplikat


def _tulis_satu_berkas(folder: Path, rencana: _Rencana, g: GayaKecamatan, bulan: list[date], rnd: random.Random,
                       hari_ini: date) -> tuple[Path, int]:
    """One kecamatan file: a half-year XLSX (a sheet per month), a monthly CSV, or the whole Parquet export."""
    sub = folder / "04_laporan_kasus" / _slug(g.nama_kecamatan)
    baris = {b: rencana.baris[(g.kode_kecamatan, b)] for b in bulan}
    n = sum(len(v) for v in baris.values())
    if g.format == "xlsx":
        semester = "I" if bulan[0].month <= 6 else "II"
        nama = f"DATA SINTETIS - Laporan Puskesos Kec. {g.nama_kecamatan} {bulan[0].year} Semester {semester}"
        berkas = sub / f"{nama}.xlsx"
        lembar: list[Lembar] = [(nama_bulan(b, g.nama_lembar), susun_lembar(g, _judul(g, b), v, rencana.konteks, rnd))
                                for b, v in baris.items()]
        tulis_xlsx(berkas, lembar, format_tanggal=g.format_sel_tanggal, judul=_judul(g, bulan[0])[0],
                   dibuat=tanggal_dibuat(hari_ini))
    elif g.format == "csv":
        b = bulan[0]
        berkas = sub / f"laporan_puskesos_{_slug(g.nama_kecamatan).lower()}_{b:%Y-%m}_DATA_SINTETIS.csv"
        pemisah, encoding = _pola_csv(rencana, g, b)
        tulis_csv(berkas, susun_lembar(g, _judul(g, b), baris[b], rencana.konteks, rnd), pemisah=pemisah,
                  encoding=encoding)
    else:
        berkas = sub / f"export_SLRT_{_slug(g.nama_kecamatan)}_{bulan[0]:%Y%m}-{bulan[-1]:%Y%m}_DATA_SINTETIS.parquet"
        semua = sorted((x for v in baris.values() for x in v), key=lambda x: (x.kirim, _urutan_baris(x)))
        tulis_parquet(berkas, _kolom_parquet(semua, g, rencana.konteks, rnd), SKEMA_PARQUET)
    return berkas, n


def _pola_csv(rencana: _Rencana, g: GayaKecamatan, bulan: date) -> tuple[str, str]:
    csv_kec = sorted(k for k, x in rencana.gaya.items() if x.format == "csv")
    sebelum, sesudah = POLA_CSV[csv_kec.index(g.kode_kecamatan) % len(POLA_CSV)]
    return sesudah if rencana.bulan.index(bulan) >= len(rencana.bulan) // 2 else sebelum


SKEMA_PARQUET = pa.schema([
    ("no_registrasi", pa.string()), ("tanggal_lapor", pa.date32()), ("kode_desa", pa.string()),
    ("nama_desa", pa.string()), ("nama_kecamatan", pa.string()), ("kategori", pa.string()), ("nik", pa.string()),
    ("no_kk", pa.string()), ("jenis_kelamin", pa.string()), ("umur", pa.int16()),
    ("kelompok_sasaran", pa.string()), ("kanal", pa.string()), ("terdaftar_dtks", pa.bool_()),
    ("desil", pa.int8()), ("urgensi", pa.string()), ("status_kasus", pa.string()),
    ("tujuan_rujukan", pa.string()), ("program", pa.string()), ("sumber_dana", pa.string()),
    ("tanggal_rujuk", pa.date32()), ("tanggal_respon", pa.date32()), ("tanggal_selesai", pa.date32()),
    ("status_rujukan", pa.string()), ("tanggal_kirim", pa.date32()), ("nama_pelapor", pa.string()),
    ("alamat", pa.string()),
])
assert tuple(SKEMA_PARQUET.names) == KOLOM_KANONIK


def _kolom_parquet(baris: list[Baris], g: GayaKecamatan, konteks: KonteksSel,
                   rnd: random.Random) -> dict[str, list[object]]:
    """Typed columns of an SLRT application export: clean codes and names, real dates, booleans."""
    bersih = replace(g, tanggal_utama="sel", tanggal_lain=("sel",), nik="teks", kosong=None, identitas="kode_titik",
                     nama_desa="asli", jenis_kelamin=("L", "P"), ya_tidak=("Ya", "Tidak"))
    kolom: dict[str, list[object]] = {k: [] for k in KOLOM_KANONIK}
    for b in baris:
        nilai = nilai_baris(b, bersih, konteks, rnd)
        nilai.update(kode_desa=b.desa.kode, nama_desa=b.desa.nama, nama_kecamatan=b.desa.nama_kecamatan)
        if "terdaftar_dtks" in nilai:
            nilai["terdaftar_dtks"] = nilai["terdaftar_dtks"] == "Ya"
        for k in KOLOM_KANONIK:
            kolom[k].append(nilai.get(k))
    return kolom


# 3/ the revision file


def _tulis_revisi(folder: Path, rencana: _Rencana, rnd: random.Random, hari_ini: date) -> tuple[list[Path], int]:
    """A kecamatan re-sends, near `hari_ini`, the rows whose state changed after its desa's last report."""
    calon = [k for k, g in sorted(rencana.gaya.items()) if g.format == "xlsx" and g.identitas != "nama"]
    calon = calon or [k for k, g in sorted(rencana.gaya.items()) if g.format == "xlsx"]
    if not calon:
        return [], 0
    kode = calon[len(calon) // 2]
    g = rencana.gaya[kode]
    rutin = [p.desa.kode for p in rencana.profil if p.desa.kode_kecamatan == kode and p.pola_lapor == POLA_RUTIN]
    terakhir = max((lap.kirim for d in rutin for lap in rencana.hasil.laporan[d]), default=hari_ini)
    tanggal = min(hari_ini, max(hari_ini - timedelta(days=1), terakhir + timedelta(days=1)))
    bulan = rencana.bulan[-1]
    baris = baris_revisi(rencana.hasil, rencana.profil, kode, tanggal, bulan)
    if not baris:
        return [], 0
    baris.sort(key=_urutan_baris)
    judul = _judul(g, bulan, awalan="REVISI LAPORAN")
    berkas = (folder / "05_revisi" /
              f"DATA SINTETIS - REVISI Laporan Puskesos Kec. {g.nama_kecamatan} {nama_bulan(bulan)}.xlsx")
    assert all(b.jenis == JENIS_REVISI for b in baris)
    tulis_xlsx(berkas, [(f"Revisi {nama_bulan(bulan)}", susun_lembar(g, judul, baris, rencana.konteks, rnd))],
               format_tanggal=g.format_sel_tanggal, judul=judul[0], dibuat=tanggal_dibuat(hari_ini))
    return [berkas], len(baris)
