"""How each kecamatan writes its synthetic reports (DATA SINTETIS): headers, dates, codes, names and labels.

Every kecamatan gets a fixed habit (its `GayaKecamatan`): which header aliases and
columns it uses and in what order, how it names desa (dotted or undotted code, a
code typed as an Excel number, or only names with prefixes and typos), how it
writes dates and NIKs, title rows, a row of column numbers, a totals row. The
habits are dealt out so that every messy shape of `data-contract.md` appears in
several kecamatan. `sel_baris` turns one simulated row into the cells a file holds.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from pipelines.demo.simulasi import JENIS_CACAT, JENIS_NIHIL, LABEL_NIHIL, MACAM_CACAT, Baris
from pipelines.demo.wilayah import Desa

BULAN_ID = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
            "November", "Desember")
SINGKAT_ID = ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des")
SINGKAT_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
EPOCH_EXCEL = date(1899, 12, 30)

TANGGAL_TEKS = ("iso", "miring", "strip", "titik", "panjang", "singkat", "singkat_strip")
TANGGAL_EXCEL = ("sel", "serial")
FORMAT_SEL_TANGGAL = ("dd/mm/yyyy", "d mmmm yyyy", "dd-mmm-yy", "yyyy-mm-dd")

HEADER: dict[str, tuple[str, ...]] = {
    "nomor": ("No", "No."),
    "no_registrasi": ("No. Reg", "No Registrasi", "Nomor Registrasi", "No. Kasus", "ID Kasus", "No Reg"),
    "tanggal_lapor": ("Tgl Lapor", "Tanggal Pengaduan", "Tanggal", "Tgl. Pengaduan", "Tanggal Registrasi",
                      "Tanggal Lapor"),
    "kode_desa": ("Kode Desa", "Kode Wilayah", "Kode Desa/Kelurahan", "KODE_DESA"),
    "nama_desa": ("Desa/Kelurahan", "Desa", "Nama Desa"),
    "nama_kecamatan": ("Kecamatan", "Nama Kecamatan"),
    "kategori": ("Jenis Layanan", "Jenis Keluhan", "Kategori", "Kategori Keluhan", "Kebutuhan", "Jenis Pengaduan"),
    "nik": ("NIK Pelapor", "NIK", "NIK Penerima", "No. NIK", "NIK Warga"),
    "no_kk": ("No. KK", "Nomor KK", "No Kartu Keluarga"),
    "jenis_kelamin": ("L/P", "JK", "Jenis Kelamin"),
    "umur": ("Umur", "Usia"),
    "kelompok_sasaran": ("Kelompok Sasaran", "Sasaran"),
    "kanal": ("Kanal", "Cara Lapor", "Saluran"),
    "terdaftar_dtks": ("Terdaftar DTKS", "DTKS", "Status DTKS", "Terdaftar DTSEN"),
    "desil": ("Desil", "Desil DTSEN"),
    "urgensi": ("Urgensi",),
    "status_kasus": ("Status", "Status Kasus"),
    "tujuan_rujukan": ("Dirujuk Ke", "Tujuan Rujukan", "Rujukan", "Lembaga Tujuan"),
    "program": ("Program", "Program Bantuan"),
    "sumber_dana": ("Sumber Dana",),
    "tanggal_rujuk": ("Tgl Rujuk", "Tanggal Rujuk", "Tanggal Rujukan"),
    "tanggal_respon": ("Tanggal Respon", "Tgl Respon", "Tanggal Diterima Tujuan"),
    "tanggal_selesai": ("Tanggal Selesai", "Tgl Selesai", "Tgl. Selesai"),
    "status_rujukan": ("Status Rujukan",),
    "tanggal_kirim": ("Tanggal Kirim", "Tgl Kirim", "Tanggal Laporan"),
    "nama_pelapor": ("Nama Pelapor", "Nama"),
    "alamat": ("Alamat",),
    "no_hp": ("No HP", "No. HP"),
    "keterangan": ("Keterangan", "Catatan"),
}
"""Header spellings per canonical column; each normalises to a name or alias of data-contract.md 4.1."""

KOLOM_PRIBADI = ("nama_pelapor", "alamat", "no_hp", "keterangan")
KOLOM_PILIHAN: dict[str, float] = {
    "nik": 0.9, "no_kk": 0.5, "jenis_kelamin": 0.8, "umur": 0.7, "kelompok_sasaran": 0.5, "kanal": 0.5,
    "terdaftar_dtks": 0.6, "desil": 0.5, "urgensi": 0.5, "program": 0.5, "sumber_dana": 0.3, "status_kasus": 0.85,
    "nama_pelapor": 0.85, "alamat": 0.7, "no_hp": 0.4, "keterangan": 0.7, "nomor": 0.6,
}
KOLOM_KANONIK = (
    "no_registrasi", "tanggal_lapor", "kode_desa", "nama_desa", "nama_kecamatan", "kategori", "nik", "no_kk",
    "jenis_kelamin", "umur", "kelompok_sasaran", "kanal", "terdaftar_dtks", "desil", "urgensi", "status_kasus",
    "tujuan_rujukan", "program", "sumber_dana", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai",
    "status_rujukan", "tanggal_kirim", "nama_pelapor", "alamat",
)
"""Columns of the SLRT export (Parquet): canonical names, plus two personal columns the ingest must drop."""

LABEL: dict[str, dict[str, tuple[str, ...]]] = {
    "kelompok_sasaran": {
        "miskin": ("Miskin", "Fakir miskin"), "rentan_miskin": ("Rentan miskin", "Hampir miskin"),
        "ppks": ("PPKS", "PMKS"), "perempuan_korban_kekerasan": ("Perempuan korban kekerasan",),
        "anak_korban_kekerasan": ("Anak korban kekerasan",), "disabilitas": ("Penyandang disabilitas", "Disabilitas"),
        "lansia": ("Lansia",), "lainnya": ("Lainnya", "Lain-lain"),
    },
    "kanal": {
        "datang_langsung": ("Datang langsung", "Datang ke Puskesos", "Walk-in"),
        "kunjungan_rumah": ("Kunjungan rumah", "Penjangkauan"), "rujukan_rt_rw": ("Ketua RT", "RT", "RW"),
        "telepon_wa": ("WA", "WhatsApp", "Telepon"), "media_sosial": ("Media sosial",),
        "aplikasi": ("Cek Bansos", "SIKS-NG"),
    },
    "urgensi": {"darurat": ("Darurat", "Mendesak"), "tinggi": ("Tinggi",), "normal": ("Normal", "Biasa")},
    "status_kasus": {
        "diterima": ("Diterima", "Terdaftar", "Baru"), "verifikasi": ("Verifikasi", "Verifikasi berkas"),
        "berkas_tidak_lengkap": ("Berkas tidak lengkap", "Pending"), "asesmen": ("Asesmen", "Kunjungan rumah"),
        "dirujuk": ("Dirujuk",), "dalam_penanganan": ("Dalam penanganan", "Proses"), "pemantauan": ("Pemantauan",),
        "selesai_terpenuhi": ("Selesai", "Selesai terpenuhi"), "selesai_tidak_layak": ("Tidak layak", "Ditolak"),
        "dibatalkan": ("Dibatalkan", "Batal"),
    },
    "status_rujukan": {
        "dikirim": ("Dikirim", "Terkirim"), "diterima_tujuan": ("Diterima tujuan", "Diterima"),
        "diproses": ("Diproses", "Proses"), "selesai": ("Selesai",), "ditolak_tujuan": ("Ditolak", "Ditolak tujuan"),
    },
    "program": {
        "pkh": ("PKH",), "sembako": ("BPNT", "Sembako"), "pbi_jk": ("PBI-JK", "PBI JKN", "KIS PBI"),
        "pbi_apbd": ("PBI APBD", "PBID", "Jamkesda"), "kip_pip": ("KIP", "PIP"), "rtlh": ("RTLH", "Rutilahu"),
        "atensi": ("ATENSI",),
    },
    "sumber_dana": {
        "apbn": ("APBN",), "apbd_kabupaten": ("APBD Kab", "APBD"), "apbdes": ("Dana Desa", "APBDes", "DD"),
        "baznas": ("Baznas",),
    },
}
"""Typed labels per enum and code; a kecamatan sticks to one spelling per code."""
JENIS_KELAMIN = (("L", "P"), ("L", "P"), ("Laki-laki", "Perempuan"), ("1", "2"))
YA_TIDAK = (("Ya", "Tidak"), ("Ya", "Tidak"), ("Y", "T"), ("Sudah", "Belum"))
T = TypeVar("T")
PELUANG_SALAH_KETIK = 0.025
"""Typo rate on desa whose name is long enough for an unambiguous fuzzy match (~1 % of name-only rows)."""
TEKS_FORMULA = ('=HYPERLINK("x")', '=HYPERLINK("https://contoh.invalid/berkas","lihat berkas")', "@SUM(1+1)",
                "=cmd|' /C calc'!A0")


class TeksKutip(str):
    """A text cell carrying Excel's quote prefix: Excel shows '3517..., the value has no apostrophe."""


@dataclass(frozen=True)
class GayaKecamatan:
    """The fixed habits of one kecamatan's report files."""

    kode_kecamatan: str
    nama_kecamatan: str
    format: str
    identitas: str
    kolom: tuple[tuple[str, str], ...]
    judul: int
    nomor_kolom: bool
    baris_total: str | None
    tanggal_utama: str
    tanggal_lain: tuple[str, ...]
    format_sel_tanggal: str
    nik: str
    kosong: str | None
    nama_desa: str
    no_registrasi: str
    nama_lembar: str
    label: dict[str, dict[str, str]]
    jenis_kelamin: tuple[str, str]
    ya_tidak: tuple[str, str]


@dataclass(frozen=True)
class KonteksSel:
    """Regency-wide facts the cell formatter needs: typos per desa, the foreign code, the unknown desa name."""

    salah_ketik: dict[str, str]
    kode_luar: str
    nama_desa_asing: str


def bagikan(pilihan: Sequence[T], n: int, rnd: random.Random) -> list[T]:
    """Deal `n` values so that every option appears (when n allows), in random order."""
    hasil = [pilihan[i % len(pilihan)] for i in range(n)]
    rnd.shuffle(hasil)
    return hasil


def _pilih_kolom(identitas: str, format_: str, rnd: random.Random) -> list[str]:
    """Which canonical columns this kecamatan's files have, in their order."""
    ada = {k for k, p in KOLOM_PILIHAN.items() if rnd.random() < p}
    if format_ == "csv":
        ada.discard("nomor")
    identitas_kol = ["nama_desa", "nama_kecamatan"] if identitas == "nama" else ["kode_desa"]
    if identitas != "nama" and rnd.random() < 0.5:
        identitas_kol.append("nama_desa")
    kasus_opsional = [k for k in ("kelompok_sasaran", "kanal", "terdaftar_dtks", "desil", "urgensi", "program",
                                  "sumber_dana", "status_kasus") if k in ada]
    rnd.shuffle(kasus_opsional)
    kelompok: list[list[str]] = [
        rnd.sample(["no_registrasi", "tanggal_lapor", *identitas_kol], 2 + len(identitas_kol)),
        [k for k in ("nama_pelapor", "nik", "no_kk", "jenis_kelamin", "umur", "alamat", "no_hp") if k in ada],
        ["kategori", *kasus_opsional],
        ["tujuan_rujukan", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai", "status_rujukan"],
        [k for k in ("keterangan",) if k in ada] + ["tanggal_kirim"],
    ]
    if rnd.random() < 0.3:
        rnd.shuffle(kelompok[3])
    if rnd.random() < 0.3:
        tengah = kelompok[1:4]
        rnd.shuffle(tengah)
        kelompok[1:4] = tengah
    kolom = [k for kel in kelompok for k in kel]
    return (["nomor"] if "nomor" in ada else []) + kolom


def _header(kanonik: str, huruf_besar: bool, rnd: random.Random) -> str:
    teks = rnd.choice(HEADER[kanonik])
    return teks.upper() if huruf_besar else teks


def buat_gaya(kecamatan: list[tuple[str, str]], format_kec: dict[str, str], identitas_kec: dict[str, str],
              rnd: random.Random) -> dict[str, GayaKecamatan]:
    """Deal out the habits over the kecamatan so that each messy shape appears several times."""
    n = len(kecamatan)
    judul = bagikan((0, 1, 2, 3, 2, 3), n, rnd)
    nomor_kolom = bagikan((True, False, False), n, rnd)
    total = bagikan((None, "JUMLAH", "TOTAL"), n, rnd)
    tanggal_xlsx = bagikan(TANGGAL_TEKS + TANGGAL_EXCEL, n, rnd)
    format_sel = bagikan(FORMAT_SEL_TANGGAL, n, rnd)
    nik = bagikan(("teks", "apostrof", "spasi", "titik", "angka", "kutip"), n, rnd)
    nama_desa = bagikan(("asli", "ds", "besar", "kecil"), n, rnd)
    noreg = bagikan(("psk", "psk", "psk", "romawi"), n, rnd)
    gaya = {}
    for i, (kode, nama) in enumerate(kecamatan):
        fmt = format_kec[kode]
        utama = tanggal_xlsx[i]
        if fmt != "xlsx" and utama in TANGGAL_EXCEL:
            utama = rnd.choice(TANGGAL_TEKS)
        pilihan_lain = [g for g in (TANGGAL_TEKS + TANGGAL_EXCEL if fmt == "xlsx" else TANGGAL_TEKS) if g != utama]
        nik_gaya = nik[i]
        if fmt != "xlsx" and nik_gaya == "kutip":
            nik_gaya = "apostrof"
        huruf_besar = rnd.random() < 0.25
        kolom = _pilih_kolom(identitas_kec[kode], fmt, rnd)
        gaya[kode] = GayaKecamatan(
            kode_kecamatan=kode, nama_kecamatan=nama, format=fmt, identitas=identitas_kec[kode],
            kolom=tuple((k, _header(k, huruf_besar, rnd)) for k in kolom),
            judul=judul[i], nomor_kolom=nomor_kolom[i], baris_total=total[i],
            tanggal_utama=utama, tanggal_lain=tuple(rnd.sample(pilihan_lain, 2)),
            format_sel_tanggal=format_sel[i], nik=nik_gaya, kosong="-" if rnd.random() < 0.3 else None,
            nama_desa=nama_desa[i], no_registrasi=noreg[i],
            nama_lembar="panjang" if rnd.random() < 0.3 else "singkat",
            label={enum: {kode_: rnd.choice(opsi) for kode_, opsi in peta.items()} for enum, peta in LABEL.items()},
            jenis_kelamin=rnd.choice(JENIS_KELAMIN), ya_tidak=rnd.choice(YA_TIDAK),
        )
    return gaya


def nama_bulan(bulan: date, gaya: str = "singkat") -> str:
    """Sheet/title name of a month: `Jan 2026` or `Januari 2026`."""
    daftar = BULAN_ID if gaya == "panjang" else SINGKAT_ID
    return f"{daftar[bulan.month - 1]} {bulan.year}"


def tulis_tanggal(t: date, gaya: str, rnd: random.Random) -> object:
    """A date as an operator would have written it; never month-first."""
    if gaya == "iso":
        return t.isoformat()
    if gaya == "miring":
        return f"{t:%d/%m/%Y}"
    if gaya == "strip":
        return f"{t:%d-%m-%Y}"
    if gaya == "titik":
        return f"{t:%d.%m.%Y}"
    if gaya == "panjang":
        return f"{t.day} {BULAN_ID[t.month - 1]} {t.year}"
    if gaya == "singkat":
        singkat = SINGKAT_ID[t.month - 1]
        if t.month == 8:
            singkat = rnd.choice(("Agu", "Agt", "Ags"))
        return f"{t.day:02d} {singkat} {t.year}"
    if gaya == "singkat_strip":
        return f"{t.day:02d}-{SINGKAT_EN[t.month - 1]}-{t.year % 100:02d}"
    if gaya == "serial":
        return (t - EPOCH_EXCEL).days
    return t


def _tanggal(t: date | None, gaya: GayaKecamatan, rnd: random.Random) -> object:
    if t is None:
        return None
    pilihan = gaya.tanggal_utama if rnd.random() < 0.88 else rnd.choice(gaya.tanggal_lain)
    return tulis_tanggal(t, pilihan, rnd)


def tulis_nik(nik: str | None, gaya: str, rnd: random.Random) -> object:
    """NIK cell: text, with a typed apostrophe, spaced, dotted, quote-prefixed, or (broken) an Excel number."""
    if nik is None:
        return None
    acak = rnd.random()
    if gaya == "kutip":
        return TeksKutip(nik)
    if gaya == "angka" and acak < 0.25 and len(nik) == 16:
        return float(nik[:15] + "0")
    if gaya == "apostrof" and acak < 0.4:
        return "'" + nik
    if gaya == "spasi" and acak < 0.4:
        return f"{nik[:4]} {nik[4:8]} {nik[8:12]} {nik[12:]}" + (" " if acak < 0.1 else "")
    if gaya == "titik" and acak < 0.4:
        return f"{nik[:2]}.{nik[2:4]}.{nik[4:6]}.{nik[6:12]}.{nik[12:]}"
    return nik


def no_registrasi(baris: Baris, gaya: GayaKecamatan) -> str | None:
    """`PSK-2001-2025-0007`, or in Roman-month style `007/PSKS-2001/III/2025`."""
    kasus = baris.kasus
    if kasus is None:
        return None
    if kasus.no_registrasi_khusus:
        return kasus.no_registrasi_khusus
    if gaya.no_registrasi == "romawi":
        romawi = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
        return f"{kasus.urut:03d}/PSKS-{kasus.desa.akhiran}/{romawi[kasus.tanggal_lapor.month - 1]}/{kasus.tahun}"
    return f"PSK-{kasus.desa.akhiran}-{kasus.tahun}-{kasus.urut:04d}"


def _nama_desa(desa: Desa, gaya: GayaKecamatan, konteks: KonteksSel, rnd: random.Random) -> str:
    nama = desa.nama
    acak = rnd.random()
    if acak < PELUANG_SALAH_KETIK and desa.kode in konteks.salah_ketik:
        nama = konteks.salah_ketik[desa.kode]
    if gaya.nama_desa == "ds":
        nama = f"{'Kel.' if desa.kelurahan else 'Ds.'} {nama}"
    elif gaya.nama_desa == "besar":
        nama = f"{'KELURAHAN' if desa.kelurahan else 'DESA'} {nama.upper()}"
    elif gaya.nama_desa == "kecil":
        nama = nama.lower()
    if PELUANG_SALAH_KETIK <= acak < PELUANG_SALAH_KETIK + 0.04:
        nama = f" {nama.replace(' ', '  ')}  "
    return nama


def _kode_desa(kode: str, gaya: GayaKecamatan, rnd: random.Random) -> object:
    polos = kode.replace(".", "")
    if gaya.identitas == "kode_angka":
        return int(polos)
    if gaya.identitas == "kode_polos":
        return f" {polos} " if rnd.random() < 0.05 else polos
    return polos if rnd.random() < 0.05 else kode


def nilai_baris(baris: Baris, gaya: GayaKecamatan, konteks: KonteksSel, rnd: random.Random) -> dict[str, object]:
    """Canonical column -> cell value for one row, in this kecamatan's habits."""
    desa = baris.desa
    nilai: dict[str, object] = {
        "kode_desa": _kode_desa(desa.kode, gaya, rnd),
        "nama_desa": _nama_desa(desa, gaya, konteks, rnd),
        "nama_kecamatan": rnd.choice((desa.nama_kecamatan, desa.nama_kecamatan, desa.nama_kecamatan.upper(),
                                      desa.nama_kecamatan.lower(), f" {desa.nama_kecamatan}")),
        "tanggal_kirim": _tanggal(baris.kirim, gaya, rnd),
    }
    if baris.jenis == JENIS_NIHIL or baris.kasus is None:
        nilai.update(tanggal_lapor=_tanggal(baris.tanggal_nihil, gaya, rnd), kategori=rnd.choice(LABEL_NIHIL),
                     keterangan="Tidak ada warga yang melapor" if rnd.random() < 0.3 else None)
        return nilai
    kasus, rujukan = baris.kasus, baris.rujukan
    label = gaya.label
    nilai.update(
        no_registrasi=no_registrasi(baris, gaya),
        tanggal_lapor=_tanggal(kasus.tanggal_lapor, gaya, rnd),
        kategori=kasus.label_kategori,
        nik=tulis_nik(kasus.nik, gaya.nik, rnd),
        no_kk=kasus.no_kk,
        jenis_kelamin=gaya.jenis_kelamin[0 if kasus.jenis_kelamin == "L" else 1],
        umur=kasus.umur,
        kelompok_sasaran=label["kelompok_sasaran"][kasus.kelompok_sasaran],
        kanal=label["kanal"][kasus.kanal],
        terdaftar_dtks=gaya.ya_tidak[0 if kasus.terdaftar_dtks else 1],
        desil=kasus.desil,
        urgensi=label["urgensi"][kasus.urgensi],
        status_kasus=label["status_kasus"][kasus.status_kasus_pada(baris.kirim)],
        program=label["program"].get(kasus.program or ""),
        sumber_dana=label["sumber_dana"].get(kasus.sumber_dana or ""),
        nama_pelapor=kasus.nama_pelapor,
        alamat=kasus.alamat,
        no_hp=kasus.no_hp,
        keterangan=kasus.keterangan,
    )
    if rujukan is not None:
        status, respon, selesai = rujukan.status_pada(baris.kirim)
        tersirat = status == "dikirim" or (status == "selesai" and selesai is not None)
        nilai.update(
            tujuan_rujukan=rujukan.label,
            tanggal_rujuk=_tanggal(rujukan.tanggal_rujuk, gaya, rnd),
            tanggal_respon=_tanggal(respon, gaya, rnd),
            tanggal_selesai=_tanggal(selesai, gaya, rnd),
            status_rujukan=None if tersirat and rnd.random() < 0.05 else label["status_rujukan"][status],
        )
    if baris.jenis == JENIS_CACAT:
        _rusak(nilai, kasus.cacat, kasus.tanggal_lapor, gaya, konteks, rnd)
    return nilai


def _rusak(nilai: dict[str, object], cacat: str | None, tanggal: date, gaya: GayaKecamatan, konteks: KonteksSel,
           rnd: random.Random) -> None:
    """Make a deliberate defect that must send the row to quarantine."""
    assert cacat in MACAM_CACAT
    if cacat == "desa_tidak_dikenal":
        nilai["nama_desa"] = konteks.nama_desa_asing
    elif cacat == "tanggal_kosong":
        nilai["tanggal_lapor"] = None
    elif cacat == "tanggal_mustahil":
        nilai["tanggal_lapor"] = f"31/02/{tanggal.year}"
    elif cacat == "no_registrasi_kosong":
        nilai["no_registrasi"] = None
    elif cacat == "kode_luar":
        nilai["kode_desa"] = _kode_desa(konteks.kode_luar, gaya, rnd)
        nilai.pop("nama_desa", None)


def susun_lembar(gaya: GayaKecamatan, judul: list[str], baris: list[Baris], konteks: KonteksSel,
                 rnd: random.Random) -> list[list[object]]:
    """All rows of one sheet or CSV file: title rows, header, column numbers, data rows, totals row."""
    kolom = [k for k, _ in gaya.kolom]
    hasil: list[list[object]] = []
    for teks in judul[: gaya.judul]:
        baris_judul: list[object] = [None] * len(kolom)
        baris_judul[0] = teks or None
        hasil.append(baris_judul)
    hasil.append([h for _, h in gaya.kolom])
    if gaya.nomor_kolom:
        hasil.append(list(range(1, len(kolom) + 1)))
    for nomor, b in enumerate(baris, start=1):
        nilai = nilai_baris(b, gaya, konteks, rnd)
        nilai["nomor"] = nomor
        hasil.append([_isi(nilai.get(k), k, gaya) for k in kolom])
    if gaya.baris_total:
        hasil.append([gaya.baris_total, len(baris)] + [None] * (len(kolom) - 2))
    return hasil


def _isi(nilai: object, kolom: str, gaya: GayaKecamatan) -> object:
    if nilai is None or nilai == "":
        wajib = kolom in ("no_registrasi", "tanggal_lapor", "kategori", "kode_desa", "nama_desa")
        return None if wajib or kolom in KOLOM_PRIBADI else gaya.kosong
    return nilai
