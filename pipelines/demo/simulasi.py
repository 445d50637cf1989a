"""Simulation of synthetic Puskesos cases, referrals and monthly reports (DATA SINTETIS).

Each desa with a Puskesos sends one report per month (or skips, or falls silent,
following its profile). A report for month M is sent between day 2 and 20 of
M+1 and holds the new cases of M, a nihil row when there are none, and an update
row for every older referral whose state changed since the desa's previous
report. Referral timelines (sent, answered, in process, done or rejected) are
drawn per destination; a row always shows the state as known on its report's
`tanggal_kirim`. Labels are the spellings operators type (`enums.md`).
"""

from __future__ import annotations

import bisect
import calendar
import itertools
import math
import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache

import numpy as np

from pipelines.demo.wilayah import POLA_BELUM, POLA_DIAM, POLA_RUTIN, POLA_TERSENDAT, Desa, ProfilDesa

JUMLAH_BULAN = 24
BOBOT_HARI_KERJA = (1.00, 0.88, 0.84, 0.53, 0.43, 0.0, 0.0)
"""Relative intake per weekday, Monday first (domain.md section 7, Langsa tabulation)."""
KEKERASAN_PER_BULAN = 17.5
"""Violence cases per month regency-wide for Jombang's population (domain.md 4.4, 4.7)."""
PENDUDUK_ACUAN = 1_374_577

KATEGORI_KEKERASAN = ("kekerasan_perempuan", "kekerasan_anak")

LABEL_KATEGORI: dict[str, tuple[str, ...]] = {
    "jaminan_kesehatan": ("Pengaktifan BPJS", "Pengaktifan BPJS", "Pengaktifan BPJS", "BPJS", "KIS", "PBI", "PBI-JK",
                          "Reaktivasi PBI", "Jamkesda", "Bantuan biaya berobat", "Kesehatan"),
    "data_dtks": ("Cek desil", "Cek desil", "Pengecekan desil", "DTKS", "DTSEN", "Usulan DTKS", "Perbaikan data",
                  "Rekomendasi DTSEN", "Surat keterangan terdaftar DTKS"),
    "pkh": ("PKH", "PKH", "Program Keluarga Harapan"),
    "sembako": ("BPNT", "BPNT", "Sembako", "Bantuan pangan", "Beras"),
    "pendidikan": ("KIP", "PIP", "KIP Kuliah", "Beasiswa"),
    "rtlh": ("Rutilahu", "RTLH", "RTLH", "Bedah rumah"),
    "adminduk": ("KTP", "KK", "Akta kelahiran", "Adminduk"),
    "disabilitas": ("Disabilitas", "Alat bantu", "Penyandang disabilitas"),
    "lansia": ("Lansia", "Lansia terlantar", "ATENSI lansia"),
    "anak": ("Anak terlantar", "Yatim piatu", "ATENSI anak"),
    "kekerasan_perempuan": ("KDRT", "KDRT", "Kekerasan terhadap perempuan"),
    "kekerasan_anak": ("Kekerasan anak", "Kekerasan terhadap anak"),
    "ekonomi": ("KUBE", "Modal usaha", "UEP"),
    "bencana": ("Kebakaran", "Banjir", "Bantuan masa panik"),
    "kematian": ("Santunan kematian", "Ahli waris"),
    "lainnya": ("Lain-lain", "Konflik sosial"),
}
LABEL_KATEGORI_ASING = ("Bantuan kursi roda", "Sengketa tanah", "Minta surat SKTM", "Bantuan modal ternak")
"""Labels no enum knows: the ingest maps them to `lainnya` with a warning."""
LABEL_NIHIL = ("Nihil", "Nihil", "Laporan nihil", "Tidak ada kasus", "NIHIL")

BOBOT_KATEGORI: tuple[tuple[str, float], ...] = (
    ("jaminan_kesehatan", 0.35), ("data_dtks", 0.30), ("pkh", 0.04), ("sembako", 0.04), ("pendidikan", 0.06),
    ("rtlh", 0.05), ("adminduk", 0.04), ("disabilitas", 0.02), ("lansia", 0.02), ("anak", 0.01), ("ekonomi", 0.02),
    ("bencana", 0.01), ("kematian", 0.01), ("lainnya", 0.01), ("asing", 0.006),
)
BOBOT_KELOMPOK = (("miskin", 5.0), ("rentan_miskin", 3.0), ("ppks", 1.0), ("lainnya", 1.0))
BOBOT_KANAL = (("datang_langsung", 55.0), ("kunjungan_rumah", 15.0), ("rujukan_rt_rw", 12.0), ("telepon_wa", 12.0),
               ("media_sosial", 2.0), ("aplikasi", 4.0))
BOBOT_URGENSI = (("normal", 80.0), ("tinggi", 15.0), ("darurat", 5.0))
BOBOT_DESIL = tuple((str(d), b) for d, b in zip(range(1, 11), (20.0, 20, 18, 15, 12, 7, 4, 2, 1, 1), strict=True))
BOBOT_JEDA_RUJUK = tuple((str(d), b) for d, b in zip(range(6), (3.0, 3, 2, 2, 1, 1), strict=True))
BOBOT_TUTUP = (("selesai_terpenuhi", 55.0), ("selesai_tidak_layak", 8.0), ("dibatalkan", 5.0))
PELUANG_DIRUJUK: dict[str, float] = {
    "jaminan_kesehatan": 0.75, "data_dtks": 0.45, "pkh": 0.6, "sembako": 0.6, "pendidikan": 0.6, "rtlh": 0.8,
    "adminduk": 0.7, "disabilitas": 0.7, "lansia": 0.6, "anak": 0.7, "kekerasan_perempuan": 0.95,
    "kekerasan_anak": 0.95, "ekonomi": 0.5, "bencana": 0.8, "kematian": 0.5, "lainnya": 0.4,
}
TUJUAN_PER_KATEGORI: dict[str, tuple[tuple[str, float], ...]] = {
    "jaminan_kesehatan": (("dinsos", 0.55), ("bpjs_kesehatan", 0.35), ("puskesmas", 0.05), ("rsud", 0.05)),
    "data_dtks": (("dinsos", 1.0),),
    "pkh": (("dinsos", 1.0),),
    "sembako": (("dinsos", 1.0),),
    "pendidikan": (("disdik", 1.0),),
    "rtlh": (("perkim", 0.6), ("baznas", 0.2), ("pemdes", 0.2)),
    "adminduk": (("dukcapil", 1.0),),
    "disabilitas": (("dinsos", 0.7), ("kemensos", 0.3)),
    "lansia": (("dinsos", 0.7), ("puskesmas", 0.3)),
    "anak": (("dinsos", 0.6), ("uptd_ppa", 0.4)),
    "kekerasan_perempuan": (("uptd_ppa", 1.0),),
    "kekerasan_anak": (("uptd_ppa", 1.0),),
    "ekonomi": (("dinsos", 0.6), ("baznas", 0.4)),
    "bencana": (("dinsos", 0.7), ("baznas", 0.3)),
    "kematian": (("dinsos", 0.4), ("baznas", 0.3), ("dukcapil", 0.3)),
    "lainnya": (("dinsos", 0.7), ("pemdes", 0.3)),
}
TUJUAN_KEDUA: dict[str, tuple[float, tuple[str, ...]]] = {
    "jaminan_kesehatan": (0.2, ("bpjs_kesehatan", "dinsos")),
    "rtlh": (0.15, ("baznas", "pemdes")),
    "kekerasan_perempuan": (0.3, ("puskesmas", "rsud")),
    "kekerasan_anak": (0.3, ("puskesmas", "rsud")),
    "lansia": (0.1, ("puskesmas", "baznas")),
}


@dataclass(frozen=True)
class ParamTujuan:
    """How one destination behaves: typed labels, median days to answer and to finish, and odds."""

    label: tuple[str, ...]
    hari_respon: float
    hari_selesai: float
    p_tanpa_respon: float
    p_tolak: float


TUJUAN: dict[str, ParamTujuan] = {
    "dinsos": ParamTujuan(("Dinsos", "Dinsos", "Dinas Sosial", "Linjamsos"), 6, 35, 0.09, 0.15),
    "bpjs_kesehatan": ParamTujuan(("BPJS Kesehatan", "BPJS"), 10, 50, 0.15, 0.30),
    "dukcapil": ParamTujuan(("Dispendukcapil", "Dukcapil", "Capil"), 2, 8, 0.05, 0.05),
    "uptd_ppa": ParamTujuan(("UPTD PPA", "UPTD PPA", "P2TP2A", "Unit PPA"), 1, 30, 0.02, 0.05),
    "perkim": ParamTujuan(("Perkim", "Dinas Perkim"), 12, 120, 0.15, 0.25),
    "baznas": ParamTujuan(("Baznas",), 7, 14, 0.08, 0.20),
    "puskesmas": ParamTujuan(("Puskesmas",), 1, 7, 0.04, 0.05),
    "rsud": ParamTujuan(("RSUD", "Rumah sakit"), 2, 10, 0.05, 0.05),
    "disdik": ParamTujuan(("Dinas Pendidikan", "Dindik", "Kemenag"), 10, 60, 0.12, 0.20),
    "kemensos": ParamTujuan(("Kemensos", "Sentra"), 14, 45, 0.15, 0.20),
    "pemdes": ParamTujuan(("Pemdes", "Pemerintah desa"), 4, 30, 0.08, 0.15),
}
PELUANG_MACET = 0.08
"""Share of answered referrals that stay in process forever."""

NAMA_DEPAN = ("Siti", "Budi", "Sri", "Slamet", "Ahmad", "Nur", "Dwi", "Eko", "Wahyu", "Agus", "Sumiati", "Sulastri",
              "Rohmah", "Imam", "Joko", "Yuli", "Tutik", "Suparno", "Mulyani", "Anik", "Ma’ruf", "Khoirul", "Lilik",
              "Supri", "Endang", "Hartini", "Rudi", "Umi", "Mujiono", "Fatimah")
DUSUN = ("Krajan", "Sumber", "Kedungrejo", "Ngemplak", "Tegalsari", "Kauman", "Sidomulyo", "Gempol", "Karanglo")
KETERANGAN = ("Sudah dikunjungi TKSK", "Berkas SKTM menyusul", "Menunggu surat dokter", "Lansia tinggal sendiri",
              "Sudah diusulkan lewat SIKS-NG", "Didampingi pendamping PKH", "Rumah bocor – perlu survei",
              "Warga minta info desil", "Sudah konfirmasi ke operator desa", "KK belum padan – ke Dispendukcapil",
              "Pelapor: tetangga", "Perlu surat keterangan RT/RW")


def tambah_bulan(bulan: date, n: int) -> date:
    indeks = bulan.year * 12 + bulan.month - 1 + n
    return date(indeks // 12, indeks % 12 + 1, 1)


def daftar_bulan(hari_ini: date) -> list[date]:
    """The 24 report months, ending with the last full month before `hari_ini`."""
    akhir = tambah_bulan(date(hari_ini.year, hari_ini.month, 1), -1)
    return [tambah_bulan(akhir, i - JUMLAH_BULAN + 1) for i in range(JUMLAH_BULAN)]


def akhir_bulan(bulan: date) -> date:
    return date(bulan.year, bulan.month, calendar.monthrange(bulan.year, bulan.month)[1])


@dataclass(frozen=True)
class Laporan:
    """One monthly report of one desa: the month it covers and the day it was sent."""

    bulan: date
    kirim: date


@dataclass
class Rujukan:
    """One referral of a case to one destination, with its full (partly future) timeline."""

    tujuan: str
    label: str
    tanggal_rujuk: date
    tanggal_respon: date | None = None
    tanggal_proses: date | None = None
    tanggal_selesai: date | None = None
    tanggal_tolak: date | None = None

    def status_pada(self, t: date) -> tuple[str, date | None, date | None]:
        """(status_rujukan code, tanggal_respon, tanggal_selesai) as known on day `t`."""
        respon = self.tanggal_respon if self.tanggal_respon and self.tanggal_respon <= t else None
        if self.tanggal_tolak and self.tanggal_tolak <= t:
            return "ditolak_tujuan", respon, None
        if self.tanggal_selesai and self.tanggal_selesai <= t:
            return "selesai", respon, self.tanggal_selesai
        if self.tanggal_proses and self.tanggal_proses <= t:
            return "diproses", respon, None
        if respon:
            return "diterima_tujuan", respon, None
        return "dikirim", None, None

    def peristiwa(self) -> list[date]:
        return [t for t in (self.tanggal_respon, self.tanggal_proses, self.tanggal_selesai, self.tanggal_tolak) if t]


@dataclass
class Kasus:
    """One case (keluhan) of one desa, with the person's synthetic attributes and its referrals."""

    desa: Desa
    tahun: int
    urut: int
    tanggal_lapor: date
    kategori: str
    label_kategori: str
    jenis_kelamin: str
    umur: int
    nik: str | None
    no_kk: str | None
    kelompok_sasaran: str
    kanal: str
    terdaftar_dtks: bool
    desil: int | None
    urgensi: str
    program: str | None
    sumber_dana: str | None
    nama_pelapor: str
    alamat: str
    no_hp: str
    keterangan: str | None
    rujukan: list[Rujukan] = field(default_factory=list)
    riwayat_status: list[tuple[date, str]] = field(default_factory=list)
    no_registrasi_khusus: str | None = None
    cacat: str | None = None
    nik_tidak_valid: bool = False

    @property
    def label_asing(self) -> bool:
        return self.label_kategori in LABEL_KATEGORI_ASING

    def status_kasus_pada(self, t: date) -> str:
        """status_kasus code as known on day `t` (derived from the referrals when there are any)."""
        if not self.rujukan:
            status = self.riwayat_status[0][1]
            for tanggal, s in self.riwayat_status:
                if tanggal <= t:
                    status = s
            return status
        keadaan = [r.status_pada(t)[0] for r in self.rujukan]
        if all(s in ("selesai", "ditolak_tujuan") for s in keadaan):
            return "selesai_terpenuhi" if "selesai" in keadaan else "selesai_tidak_layak"
        if any(s != "dikirim" for s in keadaan):
            return "dalam_penanganan"
        return "dirujuk"

    def peristiwa(self) -> list[date]:
        hasil = [t for t, _ in self.riwayat_status[1:]]
        for r in self.rujukan:
            hasil.extend(r.peristiwa())
        return sorted(set(hasil))


@dataclass
class Baris:
    """One row of a report: a new case, an update of an older one, a nihil row, or a deliberate defect."""

    desa: Desa
    bulan: date
    kirim: date
    jenis: str
    kasus: Kasus | None = None
    rujukan: Rujukan | None = None
    tanggal_nihil: date | None = None


JENIS_BARU, JENIS_PEMBARUAN, JENIS_NIHIL, JENIS_CACAT, JENIS_REVISI = "baru", "pembaruan", "nihil", "cacat", "revisi"


def keadaan_baris(kasus: Kasus, rujukan: Rujukan | None, t: date) -> tuple[object, ...]:
    """What a row shows on day `t`; a new row version is sent when this changes."""
    return (kasus.status_kasus_pada(t), rujukan.status_pada(t) if rujukan else None)


class Penomoran:
    """Registration sequence per desa and year (no_registrasi is unique per desa)."""

    def __init__(self) -> None:
        self._urut: dict[tuple[str, int], int] = defaultdict(int)

    def berikut(self, desa: Desa, tahun: int) -> int:
        self._urut[(desa.kode, tahun)] += 1
        return self._urut[(desa.kode, tahun)]


@cache
def _kumulatif(pilihan: tuple[tuple[str, float], ...]) -> tuple[list[str], list[float]]:
    return [p for p, _ in pilihan], list(itertools.accumulate(b for _, b in pilihan))


def _pilih(pilihan: tuple[tuple[str, float], ...], rnd: random.Random, k: int = 1) -> list[str]:
    """`k` weighted draws from (value, weight) pairs."""
    nilai, kumulatif = _kumulatif(pilihan)
    return rnd.choices(nilai, cum_weights=kumulatif, k=k)


@lru_cache(maxsize=64)
def _hari_kerja(bulan: date) -> tuple[tuple[date, ...], tuple[float, ...]]:
    """Days of the month and their cumulative intake weights (weekdays only, Monday-heavy)."""
    hari = tuple(bulan + timedelta(days=i) for i in range(akhir_bulan(bulan).day))
    return hari, tuple(itertools.accumulate(BOBOT_HARI_KERJA[h.weekday()] for h in hari))


def _tanggal_kerja(bulan: date, rnd: random.Random) -> date:
    """A weekday of the month, weighted Monday-heavy."""
    hari, kumulatif = _hari_kerja(bulan)
    return rnd.choices(hari, cum_weights=kumulatif)[0]


def _hari_lognormal(median: float, sigma: float, rnd: random.Random) -> int:
    return max(0, round(rnd.lognormvariate(math.log(max(median, 0.5)), sigma)))


def jadwal_laporan(profil: list[ProfilDesa], bulan: list[date], hari_ini: date,
                   rnd: random.Random) -> dict[str, list[Laporan]]:
    """Which monthly reports each desa sent, and when (day 2-10 of M+1, late ones day 11-20)."""
    jadwal: dict[str, list[Laporan]] = {}
    for p in profil:
        laporan: list[Laporan] = []
        for i, b in enumerate(bulan):
            telat = rnd.random() < p.peluang_telat
            hari = rnd.randint(11, 20) if telat else rnd.randint(2, 10)
            lewati = rnd.random() < 0.35
            if p.pola_lapor == POLA_BELUM or (p.pola_lapor == POLA_DIAM and i >= len(bulan) - 4):
                continue
            if p.pola_lapor == POLA_TERSENDAT and lewati:
                continue
            berikut = tambah_bulan(b, 1)
            kirim = date(berikut.year, berikut.month, hari)
            if kirim <= hari_ini:
                laporan.append(Laporan(b, kirim))
        jadwal[p.desa.kode] = laporan
    return jadwal


def _orang(kategori: str, rnd: random.Random) -> tuple[str, int, str]:
    """(jenis_kelamin, umur, kelompok_sasaran) fitting the category."""
    if kategori == "kekerasan_perempuan":
        return "P", rnd.randint(18, 55), "perempuan_korban_kekerasan"
    if kategori == "kekerasan_anak":
        return rnd.choice("LPP"), rnd.randint(3, 17), "anak_korban_kekerasan"
    jk = "P" if rnd.random() < 0.56 else "L"
    if kategori == "lansia":
        return jk, rnd.randint(60, 92), "lansia"
    if kategori == "anak":
        return jk, rnd.randint(2, 17), "ppks"
    if kategori == "pendidikan":
        return jk, rnd.randint(6, 22), "miskin"
    if kategori == "disabilitas":
        return jk, rnd.randint(5, 80), "disabilitas"
    kelompok = _pilih(BOBOT_KELOMPOK, rnd)[0]
    return jk, rnd.randint(19, 78), kelompok


def buat_nik(desa: Desa, jenis_kelamin: str, umur: int, tanggal: date, rnd: random.Random) -> str:
    """A structurally valid synthetic NIK: kecamatan digits, birth date (+40 for women), sequence."""
    tahun_lahir = tanggal.year - umur - rnd.randint(0, 1)
    hari = rnd.randint(1, 28) + (40 if jenis_kelamin == "P" else 0)
    return f"{desa.digit_kecamatan}{hari:02d}{rnd.randint(1, 12):02d}{tahun_lahir % 100:02d}{rnd.randint(1, 9999):04d}"


def rusak_nik(nik: str, rnd: random.Random) -> str:
    """One of the invalid NIK shapes seen in the field: 15 digits, month 13, all-zero tail."""
    jenis = rnd.choice(("pendek", "bulan13", "ekor_nol"))
    if jenis == "pendek":
        return nik[:-1]
    if jenis == "bulan13":
        return nik[:8] + "13" + nik[10:]
    return nik[:12] + "0000"


def _buat_no_kk(desa: Desa, rnd: random.Random) -> str:
    """Kecamatan digits, issue date DDMMYY, sequence."""
    hari, bulan, tahun = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(2005, 2024)
    return f"{desa.digit_kecamatan}{hari:02d}{bulan:02d}{tahun % 100:02d}{rnd.randint(1, 9999):04d}"


def _program_dan_dana(kategori: str, tujuan: list[str], rnd: random.Random) -> tuple[str | None, str | None]:
    program: str | None = {
        "jaminan_kesehatan": "pbi_jk" if rnd.random() < 0.7 else "pbi_apbd",
        "pkh": "pkh", "sembako": "sembako", "pendidikan": "kip_pip", "rtlh": "rtlh",
        "disabilitas": "atensi", "lansia": "atensi", "anak": "atensi",
    }.get(kategori)
    dana: str | None
    if program == "rtlh":
        dana = "baznas" if "baznas" in tujuan else rnd.choice(("apbd_kabupaten", "apbd_kabupaten", "apbdes"))
    elif program == "pbi_apbd":
        dana = "apbd_kabupaten"
    elif program:
        dana = "apbn"
    else:
        dana = "baznas" if "baznas" in tujuan else None
    return program, dana


def _urgensi(kategori: str, rnd: random.Random) -> str:
    if kategori in KATEGORI_KEKERASAN:
        return "darurat" if rnd.random() < 0.8 else "tinggi"
    if kategori == "bencana":
        return "darurat" if rnd.random() < 0.5 else "tinggi"
    return _pilih(BOBOT_URGENSI, rnd)[0]


def buat_rujukan(tujuan: str, tanggal_lapor: date, kirim_pertama: date, urgensi: str,
                 rnd: random.Random) -> Rujukan:
    """Referral timeline: referred 0-5 days after intake (known by the first report), then per destination."""
    p = TUJUAN[tujuan]
    jeda = rnd.randint(0, 1) if urgensi == "darurat" else int(_pilih(BOBOT_JEDA_RUJUK, rnd)[0])
    r = Rujukan(tujuan, rnd.choice(p.label), min(tanggal_lapor + timedelta(days=jeda), kirim_pertama))
    if rnd.random() < p.p_tanpa_respon:
        return r
    r.tanggal_respon = r.tanggal_rujuk + timedelta(days=min(_hari_lognormal(p.hari_respon, 0.6, rnd), 45))
    nasib = rnd.random()
    if nasib < p.p_tolak:
        r.tanggal_tolak = r.tanggal_respon + timedelta(days=rnd.randint(0, 20))
        return r
    r.tanggal_proses = r.tanggal_respon + timedelta(days=rnd.randint(1, 10))
    if nasib < p.p_tolak + PELUANG_MACET:
        return r
    selesai = r.tanggal_respon + timedelta(days=max(1, min(_hari_lognormal(p.hari_selesai, 0.7, rnd), 400)))
    r.tanggal_selesai = selesai
    if r.tanggal_proses >= selesai:
        r.tanggal_proses = None
    return r


def _riwayat_tanpa_rujukan(kategori: str, tanggal: date, rnd: random.Random) -> list[tuple[date, str]]:
    """status_kasus history of a case handled at the Puskesos itself."""
    riwayat = [(tanggal, "diterima")]
    t = tanggal
    if rnd.random() < 0.25:
        t += timedelta(days=rnd.randint(1, 10))
        riwayat.append((t, "berkas_tidak_lengkap"))
    if rnd.random() < 0.3:
        t += timedelta(days=rnd.randint(1, 14))
        riwayat.append((t, rnd.choice(("verifikasi", "asesmen"))))
    nasib = rnd.random()
    hari_tutup = rnd.randint(0, 3) if kategori == "data_dtks" else rnd.randint(2, 45)
    if nasib < 0.68:
        tutup = _pilih(BOBOT_TUTUP, rnd)[0]
        riwayat.append((max(t, tanggal + timedelta(days=hari_tutup)), tutup))
    elif nasib < 0.75:
        riwayat.append((t + timedelta(days=rnd.randint(5, 30)), "pemantauan"))
    return riwayat


def buat_kasus(profil: ProfilDesa, kategori: str, tanggal: date, kirim: date, urut: int,
               rnd: random.Random) -> Kasus:
    """One synthetic case with its person, referrals (about 60 % of cases) and status history."""
    desa = profil.desa
    asing = kategori == "asing"
    kode = "lainnya" if asing else kategori
    label = rnd.choice(LABEL_KATEGORI_ASING if asing else LABEL_KATEGORI[kode])
    jk, umur, kelompok = _orang(kode, rnd)
    nik: str | None = buat_nik(desa, jk, umur, tanggal, rnd)
    nik_rusak = rnd.random() < 0.02
    if nik_rusak and nik:
        nik = rusak_nik(nik, rnd)
    if rnd.random() < 0.08:
        nik, nik_rusak = None, False
    dtks = rnd.random() < (0.75 if kode in ("jaminan_kesehatan", "pkh", "sembako") else 0.55)
    desil = int(_pilih(BOBOT_DESIL, rnd)[0]) if dtks else None
    urgensi = _urgensi(kode, rnd)
    tujuan: list[str] = []
    if rnd.random() < PELUANG_DIRUJUK[kode]:
        tujuan.append(_pilih(TUJUAN_PER_KATEGORI[kode], rnd)[0])
        peluang, kedua = TUJUAN_KEDUA.get(kode, (0.0, ()))
        lain = [t for t in kedua if t != tujuan[0]]
        if lain and rnd.random() < peluang:
            tujuan.append(rnd.choice(lain))
    program, dana = _program_dan_dana(kode, tujuan, rnd)
    kasus = Kasus(
        desa=desa, tahun=tanggal.year, urut=urut, tanggal_lapor=tanggal, kategori=kode, label_kategori=label,
        jenis_kelamin=jk, umur=umur, nik=nik, no_kk=_buat_no_kk(desa, rnd) if rnd.random() < 0.85 else None,
        kelompok_sasaran=kelompok, kanal=_pilih(BOBOT_KANAL, rnd)[0],
        terdaftar_dtks=dtks, desil=desil, urgensi=urgensi, program=program, sumber_dana=dana,
        nama_pelapor=f"{rnd.choice(NAMA_DEPAN)} {chr(rnd.randint(65, 90))}.",
        alamat=f"Dsn. {rnd.choice(DUSUN)} RT {rnd.randint(1, 9):03d}/RW {rnd.randint(1, 6):03d}",
        no_hp=f"0800-0000-{rnd.randint(0, 9999):04d}",
        keterangan=rnd.choice(KETERANGAN) if rnd.random() < 0.6 else None,
        nik_tidak_valid=nik_rusak,
    )
    kasus.rujukan = [buat_rujukan(t, tanggal, kirim, urgensi, rnd) for t in tujuan]
    kasus.riwayat_status = [] if tujuan else _riwayat_tanpa_rujukan(kode, tanggal, rnd)
    return kasus


def baris_kasus(kasus: Kasus, laporan: list[Laporan], indeks: int) -> list[Baris]:
    """The case's rows in its first report, then one update row per later report in which its state changed."""
    kunci: list[Rujukan | None] = list(kasus.rujukan) if kasus.rujukan else [None]
    pertama = laporan[indeks]
    hasil = [Baris(kasus.desa, pertama.bulan, pertama.kirim, JENIS_BARU, kasus, r) for r in kunci]
    kirim = [lap.kirim for lap in laporan]
    indeks_ubah = sorted({bisect.bisect_left(kirim, t) for t in kasus.peristiwa()} - set(range(indeks + 1)))
    terakhir = {id(r): keadaan_baris(kasus, r, pertama.kirim) for r in kunci}
    for j in indeks_ubah:
        if j >= len(laporan):
            break
        for r in kunci:
            baru = keadaan_baris(kasus, r, laporan[j].kirim)
            if baru != terakhir[id(r)]:
                terakhir[id(r)] = baru
                hasil.append(Baris(kasus.desa, laporan[j].bulan, laporan[j].kirim, JENIS_PEMBARUAN, kasus, r))
    return hasil


@dataclass
class HasilSimulasi:
    """All report rows of the regency (new, update and nihil rows) and the cases behind them."""

    baris: list[Baris]
    kasus: list[Kasus]
    laporan: dict[str, list[Laporan]]
    penomoran: Penomoran


def _kekerasan_per_desa(profil: list[ProfilDesa], laporan: dict[str, list[Laporan]], bulan: list[date],
                        rng: np.random.Generator) -> dict[tuple[str, date], int]:
    """Violence cases drawn regency-wide (~17/month for 1.37 M people served by a Puskesos) and placed in reporting
    desa: a regency where few desa have a Puskesos (Pati's three pilot desa) hears of few."""
    total = sum(p.penduduk[2024] for p in profil if p.pola_lapor != POLA_BELUM)
    hasil: dict[tuple[str, date], int] = defaultdict(int)
    melapor = {b: [p for p in profil if any(lap.bulan == b for lap in laporan[p.desa.kode])] for b in bulan}
    for b in bulan:
        calon = melapor[b]
        if not calon:
            continue
        n = int(rng.poisson(KEKERASAN_PER_BULAN * total / PENDUDUK_ACUAN))
        bobot = np.array([p.penduduk[2024] for p in calon], dtype=float)
        for i in rng.choice(len(calon), size=n, p=bobot / bobot.sum()):
            hasil[(calon[int(i)].desa.kode, b)] += 1
    return hasil


def _kategori_bulan(profil: ProfilDesa, bulan: date, rng: np.random.Generator, rnd: random.Random) -> list[str]:
    """Categories of one desa's new cases in one month, with the PBI-JK wave of Jan-Mar 2026."""
    laju = profil.laju_kasus
    n = int(rng.poisson(laju))
    kategori = _pilih(BOBOT_KATEGORI, rnd, n)
    gelombang = {1: 2.5, 2: 2.0, 3: 1.5}.get(bulan.month, 1.0) if bulan.year == 2026 else 1.0
    kategori += ["jaminan_kesehatan"] * int(rng.poisson(laju * 0.35 * (gelombang - 1.0)))
    if bulan.month in (6, 7, 8):
        kategori += ["pendidikan"] * int(rng.poisson(laju * 0.03))
    return kategori


def simulasikan(profil: list[ProfilDesa], bulan: list[date], hari_ini: date, rng: np.random.Generator,
                rnd: random.Random) -> HasilSimulasi:
    """Run the whole regency: reports, cases, referrals, nihil and update rows."""
    laporan = jadwal_laporan(profil, bulan, hari_ini, rnd)
    kekerasan = _kekerasan_per_desa(profil, laporan, bulan, rng)
    penomoran = Penomoran()
    semua_baris: list[Baris] = []
    semua_kasus: list[Kasus] = []
    for p in profil:
        daftar = laporan[p.desa.kode]
        for indeks, lap in enumerate(daftar):
            kategori = _kategori_bulan(p, lap.bulan, rng, rnd)
            kategori += [rnd.choice(KATEGORI_KEKERASAN) for _ in range(kekerasan.get((p.desa.kode, lap.bulan), 0))]
            tanggal = sorted(_tanggal_kerja(lap.bulan, rnd) for _ in kategori)
            if not kategori:
                semua_baris.append(Baris(p.desa, lap.bulan, lap.kirim, JENIS_NIHIL,
                                         tanggal_nihil=lap.bulan + timedelta(days=rnd.randint(0, 27))))
            for k, t in zip(rnd.sample(kategori, len(kategori)), tanggal, strict=True):
                kasus = buat_kasus(p, k, t, lap.kirim, penomoran.berikut(p.desa, t.year), rnd)
                semua_kasus.append(kasus)
                semua_baris.extend(baris_kasus(kasus, daftar, indeks))
    return HasilSimulasi(semua_baris, semua_kasus, laporan, penomoran)


def baris_revisi(hasil: HasilSimulasi, profil: list[ProfilDesa], kode_kecamatan: str,
                 tanggal_revisi: date, bulan: date) -> list[Baris]:
    """A kecamatan's correction file: every row of its regular desa whose state changed since the last report."""
    rutin = {p.desa.kode for p in profil if p.pola_lapor == POLA_RUTIN and p.desa.kode_kecamatan == kode_kecamatan}
    hasil_revisi = []
    for kasus in hasil.kasus:
        if kasus.desa.kode not in rutin:
            continue
        terakhir = hasil.laporan[kasus.desa.kode][-1].kirim
        if terakhir >= tanggal_revisi:
            continue
        kunci: list[Rujukan | None] = list(kasus.rujukan) if kasus.rujukan else [None]
        for r in kunci:
            if keadaan_baris(kasus, r, tanggal_revisi) != keadaan_baris(kasus, r, terakhir):
                hasil_revisi.append(Baris(kasus.desa, bulan, tanggal_revisi, JENIS_REVISI, kasus, r))
    return hasil_revisi


MACAM_CACAT: tuple[str, ...] = (
    "desa_tidak_dikenal", "tanggal_kosong", "tanggal_mustahil", "no_registrasi_kosong", "kode_luar",
)
"""Kinds of deliberately invalid rows: unknown desa name, empty or impossible date, no number, foreign code."""


def buat_baris_cacat(profil: ProfilDesa, lap: Laporan, jenis: str, penomoran: Penomoran,
                     rnd: random.Random) -> Baris:
    """An extra case row made invalid on purpose (the ingest must quarantine it)."""
    tanggal = _tanggal_kerja(lap.bulan, rnd)
    kategori = _pilih(BOBOT_KATEGORI[:-1], rnd)[0]
    kasus = buat_kasus(profil, kategori, tanggal, lap.kirim, penomoran.berikut(profil.desa, tanggal.year), rnd)
    kasus.cacat = jenis
    return Baris(profil.desa, lap.bulan, lap.kirim, JENIS_CACAT, kasus, kasus.rujukan[0] if kasus.rujukan else None)

