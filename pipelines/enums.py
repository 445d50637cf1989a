"""Every category, status and destination of `enums.md`, with labels in Indonesian and English.

This is the one place the codes live. `petakan_label` turns what an operator
typed into a code; unknown labels become `lainnya` (or empty where an enum has
no `lainnya`) and the caller records a warning naming the label. Extra aliases
can be added without code in `data/reference/alias_label.csv` (enum,label,kode).
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipelines.konfigurasi import FOLDER_REFERENSI


@dataclass(frozen=True)
class Kode:
    """One enum value: stored code, labels, and the spellings operators type."""

    kode: str
    label_id: str
    label_en: str
    alias: tuple[str, ...] = ()


def _k(kode: str, label_id: str, label_en: str, *alias: str) -> Kode:
    return Kode(kode, label_id, label_en, tuple(alias))


KATEGORI: tuple[Kode, ...] = (
    _k("jaminan_kesehatan", "Jaminan kesehatan (PBI-JK/KIS/BPJS)", "Health insurance (PBI-JK/KIS/BPJS)",
       "KIS", "PBI", "PBI-JK", "PBI JKN", "BPJS", "Pengaktifan BPJS", "Reaktivasi PBI", "Jamkesda", "Kesehatan",
       "Bantuan biaya berobat", "BAGAMIS", "Jaminan kesehatan"),
    _k("data_dtks", "Data DTKS/DTSEN", "Welfare registry (DTKS/DTSEN)",
       "DTKS", "DTSEN", "Usulan DTKS", "Pengecekan desil", "Cek desil", "Perbaikan data",
       "Surat keterangan terdaftar DTKS", "Rekomendasi DTSEN", "Data", "Data DTKS"),
    _k("pkh", "PKH", "PKH (conditional cash transfer)", "PKH", "Program Keluarga Harapan"),
    _k("sembako", "Sembako/BPNT", "Food aid (Sembako/BPNT)",
       "BPNT", "Sembako", "Program Sembako", "Bantuan pangan", "Rastra", "Beras"),
    _k("pendidikan", "Pendidikan (KIP/PIP)", "Education (KIP/PIP)",
       "KIP", "PIP", "KIP Kuliah", "Beasiswa", "Pendidikan"),
    _k("rtlh", "Rumah tidak layak huni", "Substandard housing (RTLH)",
       "RTLH", "Rutilahu", "Bedah rumah", "Rumah tidak layak huni", "Usulan rumah layak huni"),
    _k("adminduk", "Administrasi kependudukan", "Civil registration",
       "KTP", "KK", "Akta", "Akta kelahiran", "Adminduk", "Dokumen kependudukan", "Administrasi kependudukan"),
    _k("disabilitas", "Disabilitas", "Disability",
       "Disabilitas", "Penyandang disabilitas", "ATENSI disabilitas", "Alat bantu"),
    _k("lansia", "Lansia", "Older persons", "Lansia", "Lansia terlantar", "ATENSI lansia"),
    _k("anak", "Anak terlantar/yatim", "Neglected children/orphans",
       "Anak terlantar", "Yatim piatu", "Anak", "ATENSI anak"),
    _k("kekerasan_perempuan", "Kekerasan terhadap perempuan", "Violence against women",
       "KDRT", "Kekerasan terhadap perempuan", "Korban kekerasan perempuan"),
    _k("kekerasan_anak", "Kekerasan terhadap anak", "Violence against children",
       "Kekerasan anak", "Kekerasan terhadap anak", "Korban kekerasan anak", "Pelecehan anak"),
    _k("ekonomi", "Pemberdayaan ekonomi", "Economic empowerment",
       "KUBE", "Pemberdayaan ekonomi", "Modal usaha", "UEP"),
    _k("bencana", "Bencana/masa panik", "Disaster/emergency",
       "Bencana", "Korban bencana", "Bantuan masa panik", "Kebakaran", "Banjir"),
    _k("kematian", "Kematian/santunan", "Death/funeral aid", "Santunan kematian", "Surat kematian", "Ahli waris"),
    _k("lainnya", "Lainnya", "Other", "Lainnya", "Lain-lain", "Lain lain", "Konflik sosial"),
    _k("nihil", "Laporan nihil", "Nil report", "Nihil", "Laporan nihil", "Tidak ada kasus"),
)

KATEGORI_SENSITIF = frozenset({"kekerasan_perempuan", "kekerasan_anak"})
SASARAN_SENSITIF = frozenset({"perempuan_korban_kekerasan", "anak_korban_kekerasan"})

KELOMPOK_SASARAN: tuple[Kode, ...] = (
    _k("miskin", "Miskin", "Poor", "Miskin", "Fakir miskin"),
    _k("rentan_miskin", "Rentan miskin", "Near-poor", "Rentan miskin", "Hampir miskin"),
    _k("ppks", "PPKS", "Persons needing social welfare services (PPKS)", "PPKS", "PMKS"),
    _k("perempuan_korban_kekerasan", "Perempuan korban kekerasan", "Women victims of violence",
       "Perempuan korban kekerasan"),
    _k("anak_korban_kekerasan", "Anak korban kekerasan", "Child victims of violence", "Anak korban kekerasan"),
    _k("disabilitas", "Penyandang disabilitas", "Persons with disabilities", "Disabilitas", "Penyandang disabilitas"),
    _k("lansia", "Lansia", "Older persons", "Lansia"),
    _k("lainnya", "Lainnya", "Other", "Lainnya", "Lain-lain"),
)

KANAL: tuple[Kode, ...] = (
    _k("datang_langsung", "Datang langsung", "Walk-in", "Datang langsung", "Walk-in", "Datang ke Puskesos"),
    _k("kunjungan_rumah", "Kunjungan rumah", "Home visit", "Kunjungan rumah", "Penjangkauan", "Home visit"),
    _k("rujukan_rt_rw", "Rujukan RT/RW", "Referred by RT/RW", "RT", "RW", "Ketua RT", "RT/RW"),
    _k("telepon_wa", "Telepon/WA", "Phone/WhatsApp", "Telepon", "WA", "WhatsApp"),
    _k("media_sosial", "Media sosial", "Social media", "Media sosial", "Viral", "Berita"),
    _k("aplikasi", "Aplikasi", "App", "Cek Bansos", "SIKS-NG", "Aplikasi"),
    _k("lainnya", "Lainnya", "Other", "Lainnya"),
)

URGENSI: tuple[Kode, ...] = (
    _k("darurat", "Darurat", "Emergency", "Darurat", "Mendesak"),
    _k("tinggi", "Tinggi", "High", "Tinggi"),
    _k("normal", "Normal", "Normal", "Normal", "Biasa"),
)

STATUS_KASUS: tuple[Kode, ...] = (
    _k("diterima", "Diterima/terdaftar", "Received", "Diterima", "Terdaftar", "Baru"),
    _k("verifikasi", "Verifikasi berkas", "Document check", "Verifikasi", "Verifikasi berkas"),
    _k("berkas_tidak_lengkap", "Berkas tidak lengkap", "Documents incomplete", "Berkas tidak lengkap", "Pending"),
    _k("asesmen", "Asesmen/kunjungan rumah", "Assessment", "Asesmen", "Kunjungan rumah"),
    _k("menunggu_penetapan", "Menunggu penetapan", "Awaiting decision", "Menunggu penetapan"),
    _k("dirujuk", "Dirujuk", "Referred", "Dirujuk"),
    _k("dalam_penanganan", "Dalam penanganan", "In progress", "Dalam penanganan", "Proses", "Diproses"),
    _k("pemantauan", "Pemantauan", "Monitoring", "Pemantauan"),
    _k("selesai_terpenuhi", "Selesai, kebutuhan terpenuhi", "Closed, need met", "Selesai", "Selesai terpenuhi"),
    _k("selesai_tidak_layak", "Selesai, tidak layak/ditolak", "Closed, not eligible",
       "Tidak layak", "Ditolak", "Selesai tidak layak"),
    _k("dibatalkan", "Dibatalkan", "Cancelled", "Dibatalkan", "Batal"),
)
STATUS_KASUS_TUTUP = frozenset({"selesai_terpenuhi", "selesai_tidak_layak", "dibatalkan"})

TUJUAN_RUJUKAN: tuple[Kode, ...] = (
    _k("dinsos", "Dinas Sosial", "Social Affairs Office", "Dinas Sosial", "Dinsos", "Linjamsos", "Rehsos", "Dayasos"),
    _k("dinkes", "Dinas Kesehatan", "Health Office", "Dinas Kesehatan", "Dinkes"),
    _k("puskesmas", "Puskesmas", "Community health centre", "Puskesmas"),
    _k("rsud", "RSUD/Rumah sakit", "Hospital", "RSUD", "Rumah sakit", "RS"),
    _k("bpjs_kesehatan", "BPJS Kesehatan", "BPJS Health", "BPJS", "BPJS Kesehatan"),
    _k("disdik", "Dinas Pendidikan/Kemenag", "Education Office", "Dinas Pendidikan", "Disdik", "Dindik", "Kemenag",
       "Kampus"),
    _k("dukcapil", "Dispendukcapil", "Civil Registry", "Dispendukcapil", "Dukcapil", "Capil"),
    _k("uptd_ppa", "UPTD PPA", "Women and child protection unit", "UPTD PPA", "P2TP2A", "DP3A", "DPPKBPPPA",
       "Unit PPA", "PPA"),
    _k("perkim", "Dinas Perkim", "Housing Office", "Dinas Perkim", "Perkim", "Koramil"),
    _k("pemdes", "Pemerintah desa", "Village government", "Pemerintah desa", "Pemdes", "Dana Desa"),
    _k("baznas", "Baznas", "Baznas (zakat)", "Baznas", "Zakat"),
    _k("csr", "CSR/swasta", "CSR/private", "CSR", "Swasta", "Donatur"),
    _k("kemensos", "Kemensos (Sentra/Balai)", "Ministry of Social Affairs", "Kemensos", "Sentra", "Balai"),
    _k("lainnya", "Lainnya", "Other", "Lainnya"),
)
TUJUAN_SENSITIF = frozenset({"uptd_ppa"})
"""Destinations whose referrals are violence cases in all but name (the women and children protection unit): every
referral to them is a sensitive referral (`metrics.md` section 7), like a referral of a sensitive case."""

PROGRAM: tuple[Kode, ...] = (
    _k("pkh", "PKH", "PKH", "PKH", "Program Keluarga Harapan"),
    _k("sembako", "Sembako/BPNT", "Sembako/BPNT", "BPNT", "Sembako", "Program Sembako", "Bantuan Pangan Non Tunai",
       "Kartu Sembako"),
    _k("pbi_jk", "PBI-JK (APBN)", "PBI-JK (national health subsidy)", "PBI", "PBI-JK", "PBI JK", "PBI JKN", "KIS PBI",
       "Penerima Bantuan Iuran"),
    _k("pbi_apbd", "PBI APBD/Jamkesda", "PBI APBD (local health subsidy)", "PBI APBD", "PBID", "PBI Daerah",
       "Jamkesda", "UHC Daerah"),
    _k("kip_pip", "KIP/PIP", "KIP/PIP (education)", "KIP", "PIP", "Program Indonesia Pintar"),
    _k("rtlh", "RTLH", "RTLH (housing)", "RTLH", "Rutilahu", "Bedah rumah"),
    _k("atensi", "ATENSI", "ATENSI (rehabilitation)", "ATENSI", "Asistensi Rehabilitasi Sosial"),
    _k("blt_dd", "BLT Dana Desa", "BLT Dana Desa", "BLT DD", "BLT Dana Desa", "BLT Desa"),
    _k("bagamis", "BAGAMIS (Kab. Banjar)", "BAGAMIS (Banjar)", "BAGAMIS"),
    _k("lainnya", "Lainnya", "Other", "Lainnya"),
)

SUMBER_DANA: tuple[Kode, ...] = (
    _k("apbn", "APBN", "National budget", "APBN"),
    _k("apbd_provinsi", "APBD Provinsi", "Provincial budget", "APBD Provinsi", "APBD Prov"),
    _k("apbd_kabupaten", "APBD Kabupaten", "Regency budget", "APBD Kabupaten", "APBD Kab", "APBD"),
    _k("apbdes", "APBDes/Dana Desa", "Village budget", "APBDes", "Dana Desa", "DD"),
    _k("baznas", "Baznas", "Baznas", "Baznas"),
    _k("csr", "CSR", "CSR", "CSR"),
    _k("swadaya", "Swadaya", "Self-funded", "Swadaya"),
    _k("campuran", "Campuran", "Mixed", "Campuran"),
)

STATUS_RUJUKAN: tuple[Kode, ...] = (
    _k("dikirim", "Dikirim", "Sent", "Dikirim", "Terkirim"),
    _k("diterima_tujuan", "Diterima tujuan", "Received by destination", "Diterima tujuan", "Diterima"),
    _k("diproses", "Diproses", "In process", "Diproses", "Proses"),
    _k("selesai", "Selesai", "Completed", "Selesai"),
    _k("ditolak_tujuan", "Ditolak tujuan", "Rejected by destination", "Ditolak tujuan", "Ditolak"),
)
STATUS_RUJUKAN_TERBUKA = frozenset({"dikirim", "diterima_tujuan", "diproses"})

ALASAN_NONAKTIF: tuple[Kode, ...] = (
    _k("meninggal", "Meninggal", "Deceased", "Meninggal", "Meninggal dunia"),
    _k("pindah", "Pindah", "Moved", "Pindah", "Pindah domisili"),
    _k("mampu", "Mampu/naik desil", "No longer poor", "Mampu", "Naik desil", "Dinilai mampu", "Desil 6-10"),
    _k("tidak_padan", "NIK tidak padan Dukcapil", "ID not matched", "Tidak padan", "NIK tidak padan"),
    _k("kuota", "Pengurangan kuota", "Quota reduction", "Kuota", "Pengurangan kuota"),
    _k("lainnya", "Lainnya", "Other", "Lainnya"),
)

STATUS_PUSKESOS: tuple[Kode, ...] = (
    _k("aktif", "Aktif", "Active", "Aktif"),
    _k("tidak_aktif", "Tidak aktif", "Inactive", "Tidak aktif", "Nonaktif", "Vakum"),
    _k("belum_dibentuk", "Belum dibentuk", "Not yet formed", "Belum dibentuk", "Belum ada", "Belum terbentuk"),
)

STATUS_PUSKESOS_PANTAU: tuple[Kode, ...] = (
    _k("aktif", "Aktif", "Active"),
    _k("tersendat", "Tersendat", "Irregular"),
    _k("diam", "Diam", "Silent"),
    _k("belum_dibentuk", "Belum dibentuk", "Not formed"),
)
"""Puskesos status derived by the marts from reporting (`metrics.md` section 3)."""

JENIS_KELAMIN: tuple[Kode, ...] = (
    _k("L", "Laki-laki", "Male", "L", "Laki-laki", "Laki laki", "Pria", "1"),
    _k("P", "Perempuan", "Female", "P", "Perempuan", "Wanita", "2"),
)

ENUM: dict[str, tuple[Kode, ...]] = {
    "kategori": KATEGORI,
    "kelompok_sasaran": KELOMPOK_SASARAN,
    "kanal": KANAL,
    "urgensi": URGENSI,
    "status_kasus": STATUS_KASUS,
    "tujuan_rujukan": TUJUAN_RUJUKAN,
    "program": PROGRAM,
    "sumber_dana": SUMBER_DANA,
    "status_rujukan": STATUS_RUJUKAN,
    "alasan_nonaktif": ALASAN_NONAKTIF,
    "status_puskesos": STATUS_PUSKESOS,
    "jenis_kelamin": JENIS_KELAMIN,
    "status_puskesos_pantau": STATUS_PUSKESOS_PANTAU,
}


def normalkan(teks: str) -> str:
    """Header/label normalisation of the contract: lower-case, trim, non-alphanumeric runs become `_`."""
    return re.sub(r"[^0-9a-z]+", "_", teks.strip().lower()).strip("_")


def _berkas_alias_label() -> Path:
    return FOLDER_REFERENSI / "alias_label.csv"


@cache
def _peta(nama_enum: str) -> dict[str, str]:
    peta: dict[str, str] = {}
    for k in ENUM[nama_enum]:
        for teks in (k.kode, k.label_id, k.label_en, *k.alias):
            peta.setdefault(normalkan(teks), k.kode)
    berkas = _berkas_alias_label()
    if berkas.is_file():
        with berkas.open(encoding="utf-8") as f:
            for baris in csv.DictReader(f):
                if baris.get("enum") == nama_enum and baris.get("kode") in kode_sah(nama_enum):
                    peta[normalkan(baris["label"])] = baris["kode"]
    return peta


@cache
def kode_sah(nama_enum: str) -> frozenset[str]:
    """All codes of an enum."""
    return frozenset(k.kode for k in ENUM[nama_enum])


def petakan_label(nama_enum: str, teks: str) -> tuple[str | None, bool]:
    """Map a typed label to its code. Returns (code, known); unknown gives `lainnya` (or None) and False."""
    kode = _peta(nama_enum).get(normalkan(teks))
    if kode is not None:
        return kode, True
    return ("lainnya" if "lainnya" in kode_sah(nama_enum) else None), False


def label(nama_enum: str, kode: str, bahasa: str = "id") -> str:
    """Display label of a code in Indonesian (`id`) or English (`en`); the code itself when unknown."""
    for k in ENUM[nama_enum]:
        if k.kode == kode:
            return k.label_en if bahasa == "en" else k.label_id
    return kode


KODE_KATEGORI: tuple[str, ...] = tuple(k.kode for k in KATEGORI)
