"""National-size synthetic input (DATA SINTETIS) for `pantau demo --skala nasional`: every desa, 24 months.

`tulis_berkas_nasional` writes, vectorised with numpy and pyarrow (no Python loop
over rows), for all 83,762 desa of `data/reference/wilayah/`:

- case reports, about 5 a desa a month (Poisson), about 10 million rows over 24
  months, as one Parquet file per province and month (the shape of an SLRT
  application export: canonical column names, typed dates); a desa-month with no
  case sends a nihil row; 0.1 % of rows lack `tanggal_lapor` and must be quarantined;
- a sample of the same stream as CSV (semicolon, Windows-1252, Indonesian header
  aliases) and as XLSX: the last month of two small provinces goes out in those
  formats instead of Parquet, so no row is sent twice;
- the Puskesos register (one row a desa), population (two years a desa), and a DTKS
  extract plus a PKH roll at reduced scale (`keluarga_per_desa` families a desa,
  default 12, about 1 million DTKS rows: the real DTKS is some 30 times larger).

Everything is a pure function of (`hari_ini`, `benih`). `demo_nasional` writes the
files beside the warehouse and loads them through the normal ingest with every
regency configured, into a new file swapped in at the end (like `pantau demo`).
"""

from __future__ import annotations

import csv
import os
import time
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipelines.konfigurasi import Konfigurasi

KASUS_PER_DESA_BULAN = 5.0
"""Mean case reports a desa a month: 83,762 desa x 24 months x 5 = about 10 million rows."""
PORSI_KARANTINA = 0.001
BULAN = 24
PROVINSI_CONTOH = ("75", "65")
"""Gorontalo and Kalimantan Utara: their last month goes out as CSV and XLSX (a sample of those formats)."""

KATEGORI = np.array(["jaminan_kesehatan", "data_dtks", "pkh", "sembako", "pendidikan", "rtlh", "adminduk",
                     "disabilitas", "lansia", "anak", "kekerasan_perempuan", "kekerasan_anak", "ekonomi", "bencana",
                     "kematian", "lainnya"])
BOBOT_KATEGORI = np.array([30, 16, 6, 6, 9, 6, 5, 3, 3, 2, 1.5, 1.5, 4, 2, 2, 3])
TUJUAN = {  # by kategori index: where a referral goes
    0: "bpjs_kesehatan", 1: "dinsos", 2: "dinsos", 3: "dinsos", 4: "disdik", 5: "perkim", 6: "dukcapil",
    7: "dinsos", 8: "dinsos", 9: "dinsos", 10: "uptd_ppa", 11: "uptd_ppa", 12: "dinsos", 13: "dinsos",
    14: "dukcapil", 15: "pemdes",
}
PORSI_DIRUJUK = 0.6
KANAL = np.array(["datang_langsung", "kunjungan_rumah", "telepon_wa", "rujukan_rt_rw"])
SASARAN = np.array(["miskin", "rentan_miskin", "lansia", "disabilitas", "ppks"])
KEPALA_CSV = {  # canonical column -> the header a kecamatan operator writes
    "no_registrasi": "No. Reg", "tanggal_lapor": "Tgl Lapor", "kode_desa": "Kode Desa", "kategori": "Jenis Layanan",
    "nik": "NIK", "jenis_kelamin": "JK", "umur": "Usia", "kelompok_sasaran": "Sasaran", "kanal": "Cara Lapor",
    "tujuan_rujukan": "Dirujuk Ke", "tanggal_rujuk": "Tgl Rujuk", "tanggal_respon": "Tgl Respon",
    "tanggal_selesai": "Tgl Selesai", "status_rujukan": "Status Rujukan", "tanggal_kirim": "Tanggal Kirim",
}


@dataclass
class RingkasanNasional:
    """What was written: files in ingest order and row counts."""

    berkas: list[Path] = field(default_factory=list)
    desa: int = 0
    baris_kasus: int = 0
    baris_nihil: int = 0
    baris_cacat: int = 0
    baris_dtks: int = 0
    baris_roll: int = 0
    detik: float = 0.0


@dataclass(frozen=True)
class _Desa:
    kode: np.ndarray  # dotted desa codes (object array of str)
    kec_digit: np.ndarray  # int64, 6-digit kecamatan code
    provinsi: np.ndarray  # 2-digit province code (str)


def _baca_desa(folder_referensi: Path) -> _Desa:
    import pyarrow.csv as pacsv

    t = pacsv.read_csv(folder_referensi / "wilayah" / "villages.csv",
                       convert_options=pacsv.ConvertOptions(column_types={"code": pa.string(),
                                                                          "district_code": pa.string()}))
    kode = np.array(t.column("code").to_pylist(), dtype=object)
    kec = pc.replace_substring(t.column("district_code"), ".", "")
    return _Desa(kode, np.asarray(pc.cast(kec, pa.int64())), np.array([k[:2] for k in kode], dtype=object))


def _daftar_bulan(hari_ini: date) -> list[date]:
    """The 24 full months before `hari_ini`, oldest first."""
    y, m = hari_ini.year, hari_ini.month
    keluar = []
    for _ in range(BULAN):
        m -= 1
        if m == 0:
            y, m = y - 1, 12
        keluar.append(date(y, m, 1))
    return keluar[::-1]


def _hari(d: date) -> int:
    return (d - date(1970, 1, 1)).days


def _tanggal(hari: np.ndarray, ada: np.ndarray | None = None) -> pa.Array:
    arr = pa.array(hari.astype(np.int32), type=pa.int32()).cast(pa.date32())
    if ada is None:
        return arr
    return pc.if_else(pa.array(ada), arr, pa.scalar(None, pa.date32()))


def _teks(nilai: np.ndarray, ada: np.ndarray | None = None) -> pa.Array:
    return pa.array(nilai.astype(object), type=pa.string(), mask=None if ada is None else ~ada)


def _kasus_bulan(rng: np.random.Generator, d: _Desa, idx: np.ndarray, bulan: date, hari_ini: date,
                 awal_nomor: int, rata: float = KASUS_PER_DESA_BULAN) -> tuple[pa.Table, int, int, int]:
    """Case rows of one province and month; returns (table, rows, nihil rows, deliberately broken rows)."""
    jumlah = rng.poisson(rata, size=len(idx))
    nihil = idx[jumlah == 0]
    per_baris = np.repeat(idx, jumlah)
    n = len(per_baris)
    awal = _hari(bulan)
    panjang = ((bulan.replace(day=28) + timedelta(days=4)).replace(day=1) - bulan).days
    kirim = min(_hari(hari_ini), _hari((bulan.replace(day=28) + timedelta(days=4)).replace(day=1)) + 4)
    lapor = awal + rng.integers(0, panjang, size=n)
    kat = rng.choice(len(KATEGORI), size=n, p=BOBOT_KATEGORI / BOBOT_KATEGORI.sum())
    dirujuk = rng.random(n) < PORSI_DIRUJUK
    rujuk = lapor + rng.integers(0, 3, size=n)
    respon = rujuk + rng.integers(1, 21, size=n)
    selesai = respon + rng.integers(1, 61, size=n)
    ada_respon = dirujuk & (respon <= kirim) & (rng.random(n) < 0.85)
    ada_selesai = ada_respon & (selesai <= kirim) & (rng.random(n) < 0.8)
    status = np.where(ada_selesai, "selesai", np.where(ada_respon, "diproses", "dikirim"))
    ditolak = ada_respon & ~ada_selesai & (rng.random(n) < 0.05)
    status = np.where(ditolak, "ditolak_tujuan", status)
    perempuan = rng.random(n) < 0.55
    hari_lahir = rng.integers(1, 29, size=n) + np.where(perempuan, 40, 0)
    nik = (d.kec_digit[per_baris] * 10_000_000_000 + hari_lahir * 100_000_000
           + rng.integers(1, 13, size=n) * 1_000_000 + rng.integers(40, 100, size=n) * 10_000
           + rng.integers(1, 10_000, size=n))
    cacat = rng.random(n) < PORSI_KARANTINA
    tujuan = np.array([TUJUAN[int(k)] for k in range(len(KATEGORI))], dtype=object)[kat]
    nomor = np.char.add("N", (awal_nomor + np.arange(n)).astype(str))
    baris_kasus = {
        "no_registrasi": _teks(nomor),
        "tanggal_lapor": _tanggal(lapor, ~cacat),
        "kode_desa": _teks(d.kode[per_baris]),
        "kategori": _teks(KATEGORI[kat]),
        "nik": pa.array(nik, type=pa.int64()).cast(pa.string()),
        "jenis_kelamin": _teks(np.where(perempuan, "P", "L")),
        "umur": pa.array(rng.integers(0, 90, size=n).astype(np.int16)),
        "kelompok_sasaran": _teks(SASARAN[rng.integers(0, len(SASARAN), size=n)]),
        "kanal": _teks(KANAL[rng.integers(0, len(KANAL), size=n)]),
        "tujuan_rujukan": _teks(tujuan, dirujuk),
        "tanggal_rujuk": _tanggal(rujuk, dirujuk),
        "tanggal_respon": _tanggal(respon, ada_respon),
        "tanggal_selesai": _tanggal(selesai, ada_selesai),
        "status_rujukan": _teks(status, dirujuk),
        "tanggal_kirim": _tanggal(np.full(n, kirim)),
    }
    m = len(nihil)  # a desa with no case this month sends one nihil row
    baris_nihil = {k: pa.nulls(m, v.type) for k, v in baris_kasus.items()}
    baris_nihil.update(kode_desa=_teks(d.kode[nihil]), kategori=_teks(np.full(m, "nihil", dtype=object)),
                       tanggal_lapor=_tanggal(np.full(m, awal + panjang - 1)),
                       tanggal_kirim=_tanggal(np.full(m, kirim)))
    tabel = pa.concat_tables([pa.table(baris_kasus), pa.table(baris_nihil)])
    return tabel, n, m, int(cacat.sum())


def _tulis_csv_contoh(berkas: Path, tabel: pa.Table) -> None:
    """The sample in a kecamatan's CSV shape: `;`, Windows-1252, alias headers, day-first dates, a title row."""
    kolom = [k for k in tabel.column_names if k in KEPALA_CSV]
    data = {k: tabel.column(k).to_pylist() for k in kolom}
    with berkas.open("w", encoding="cp1252", errors="replace", newline="") as f:
        w = csv.writer(f, delimiter=";", lineterminator="\r\n")
        w.writerow(["DATA SINTETIS - LAPORAN PUSKESOS (contoh format CSV)"])
        w.writerow([KEPALA_CSV[k] for k in kolom])
        for r in zip(*(data[k] for k in kolom), strict=True):
            w.writerow(["" if v is None else (f"{v:%d/%m/%Y}" if isinstance(v, date) else v) for v in r])


def _tulis_xlsx_contoh(berkas: Path, tabel: pa.Table) -> None:
    import xlsxwriter

    buku = xlsxwriter.Workbook(str(berkas), {"constant_memory": True, "strings_to_numbers": False,
                                             "strings_to_formulas": False, "strings_to_urls": False})
    gaya = buku.add_format({"num_format": "dd/mm/yyyy"})
    ws = buku.add_worksheet("Laporan")
    ws.write_string(0, 0, "DATA SINTETIS - LAPORAN PUSKESOS (contoh format XLSX)")
    kolom = tabel.column_names
    for j, k in enumerate(kolom):
        ws.write_string(1, j, KEPALA_CSV.get(k, k))
    data = [tabel.column(k).to_pylist() for k in kolom]
    for i in range(tabel.num_rows):
        for j in range(len(kolom)):
            v = data[j][i]
            if v is None:
                continue
            if isinstance(v, date):
                ws.write_datetime(i + 2, j, v, gaya)
            elif isinstance(v, int):
                ws.write_number(i + 2, j, v)
            else:
                ws.write_string(i + 2, j, str(v))
    buku.close()


def _tulis_register(folder: Path, rng: np.random.Generator, d: _Desa, bulan: list[date]) -> list[Path]:
    n = len(d.kode)
    status = np.array(["Aktif", "Tidak aktif", "Belum dibentuk"])[rng.choice(3, size=n, p=[0.35, 0.25, 0.4])]
    ada_sk = status != "Belum dibentuk"
    register = pa.table({
        "kode_desa": _teks(d.kode), "status": _teks(status),
        "nomor_sk": _teks(np.char.add("SK-", np.arange(n).astype(str)), ada_sk),
        "tanggal_sk": _tanggal(np.full(n, _hari(date(2023, 1, 16))), ada_sk),
        "ketua_terlatih": _teks(np.where(rng.random(n) < 0.5, "Ya", "Tidak"), ada_sk),
        "tahun": pa.array(np.full(n, bulan[-1].year, dtype=np.int32)),
        "anggaran_rp": pa.array(np.where(ada_sk, 5_000_000.0, np.nan), mask=~ada_sk),
    })
    jiwa = rng.integers(800, 9000, size=n)
    tahun = sorted({b.year for b in bulan})[-2:]
    penduduk = pa.table({
        "kode_desa": _teks(np.concatenate([d.kode] * len(tahun))),
        "tahun": pa.array(np.repeat(np.array(tahun, dtype=np.int32), n)),
        "jumlah_penduduk": pa.array(np.concatenate([jiwa + 10 * i for i in range(len(tahun))]).astype(np.int64)),
        "jumlah_kk": pa.array(np.concatenate([jiwa // 3 + 3 * i for i in range(len(tahun))]).astype(np.int64)),
    })
    (folder / "01_register").mkdir(parents=True, exist_ok=True)
    (folder / "02_penduduk").mkdir(parents=True, exist_ok=True)
    b1 = folder / "01_register" / "DATA SINTETIS - register puskesos nasional.parquet"
    b2 = folder / "02_penduduk" / "DATA SINTETIS - penduduk nasional.parquet"
    pq.write_table(register, b1, compression="zstd")
    pq.write_table(penduduk, b2, compression="zstd")
    return [b1, b2]


def _tulis_dtks_roll(folder: Path, rng: np.random.Generator, d: _Desa, bulan: list[date],
                     keluarga_per_desa: int) -> tuple[list[Path], int, int]:
    """A DTKS extract of the last period and the PKH roll of the same period (families in desil 1-4, mostly)."""
    n = len(d.kode) * keluarga_per_desa
    desa = np.repeat(np.arange(len(d.kode)), keluarga_per_desa)
    no_kk = d.kec_digit[desa] * 10_000_000_000 + np.arange(n) % 10_000_000_000 + 1
    desil = rng.integers(1, 11, size=n)
    periode = _tanggal(np.full(n, _hari(bulan[-1])))
    dtks = pa.table({
        "id_keluarga": pa.array(no_kk, type=pa.int64()).cast(pa.string()), "kode_desa": _teks(d.kode[desa]),
        "desil": pa.array(desil.astype(np.int8)), "jumlah_art": pa.array(rng.integers(1, 8, size=n).astype(np.int8)),
        "status": _teks(np.full(n, "aktif", dtype=object)), "periode": periode,
    })
    pilih = ((desil <= 4) & (rng.random(n) < 0.6)) | ((desil > 4) & (rng.random(n) < 0.03))
    roll = pa.table({
        "program": _teks(np.full(int(pilih.sum()), "pkh", dtype=object)),
        "periode": periode.filter(pa.array(pilih)),
        "id_keluarga": dtks.column("id_keluarga").filter(pa.array(pilih)),
        "kode_desa": dtks.column("kode_desa").filter(pa.array(pilih)),
        "status": _teks(np.full(int(pilih.sum()), "aktif", dtype=object)),
    })
    (folder / "06_program").mkdir(parents=True, exist_ok=True)
    b1 = folder / "06_program" / "DATA SINTETIS - DTKS nasional.parquet"
    b2 = folder / "06_program" / "DATA SINTETIS - roll PKH nasional.parquet"
    pq.write_table(dtks, b1, compression="zstd")
    pq.write_table(roll, b2, compression="zstd")
    return [b1, b2], n, roll.num_rows


def tulis_berkas_nasional(folder: Path, folder_referensi: Path, hari_ini: date, *, benih: int = 20261123,
                          keluarga_per_desa: int = 12, porsi_desa: float = 1.0,
                          kabupaten: tuple[str, ...] | None = None) -> RingkasanNasional:
    """Write the national input files into `folder` (emptied first by the caller); returns what was written.

    `porsi_desa` < 1 keeps a random share of desa, `kabupaten` only the desa of those regencies (quick trials
    and tests); the defaults are the national size.
    """
    mulai = time.perf_counter()
    rng = np.random.default_rng(benih)
    d = _baca_desa(folder_referensi)
    if kabupaten is not None:
        pilih = np.flatnonzero(np.array([k[:5] in kabupaten for k in d.kode]))
        d = _Desa(d.kode[pilih], d.kec_digit[pilih], d.provinsi[pilih])
    if porsi_desa < 1.0:
        pilih = np.sort(rng.choice(len(d.kode), size=max(1, int(len(d.kode) * porsi_desa)), replace=False))
        d = _Desa(d.kode[pilih], d.kec_digit[pilih], d.provinsi[pilih])
    bulan = _daftar_bulan(hari_ini)
    hasil = RingkasanNasional(desa=len(d.kode))
    hasil.berkas += _tulis_register(folder, rng, d, bulan)
    provinsi = sorted(set(d.provinsi.tolist()))
    nomor = 0
    kasus = folder / "04_laporan_kasus"
    for b in bulan:
        for prov in provinsi:
            idx = np.flatnonzero(d.provinsi == prov)
            tabel, n, m, cacat = _kasus_bulan(rng, d, idx, b, hari_ini, nomor)
            nomor += n
            hasil.baris_kasus += n
            hasil.baris_nihil += m
            hasil.baris_cacat += cacat
            sub = kasus / prov
            sub.mkdir(parents=True, exist_ok=True)
            dasar = f"DATA SINTETIS - kasus {prov} {b:%Y-%m}"
            if b == bulan[-1] and prov == PROVINSI_CONTOH[0]:
                berkas = sub / f"{dasar}.csv"
                _tulis_csv_contoh(berkas, tabel)
            elif b == bulan[-1] and prov == PROVINSI_CONTOH[1]:
                berkas = sub / f"{dasar}.xlsx"
                _tulis_xlsx_contoh(berkas, tabel)
            else:
                berkas = sub / f"{dasar}.parquet"
                pq.write_table(tabel, berkas, compression="zstd")
            hasil.berkas.append(berkas)
    if keluarga_per_desa > 0:
        berkas_program, hasil.baris_dtks, hasil.baris_roll = _tulis_dtks_roll(folder, rng, d, bulan,
                                                                              keluarga_per_desa)
        hasil.berkas += berkas_program
    hasil.detik = time.perf_counter() - mulai
    return hasil


def tabel_kasus_kabupaten(folder_referensi: Path, kabupaten: str, hari_ini: date, baris: int, *,
                          benih: int = 20261123) -> pa.Table:
    """About `baris` case rows for one regency over 24 months, in one table (the bench's large CSV)."""
    rng = np.random.default_rng(benih)
    d = _baca_desa(folder_referensi)
    idx = np.flatnonzero(np.array([k.startswith(kabupaten + ".") for k in d.kode]))
    bulan = _daftar_bulan(hari_ini)
    rata = baris / (len(idx) * len(bulan))
    bagian, nomor = [], 0
    for b in bulan:
        tabel, n, _, _ = _kasus_bulan(rng, d, idx, b, hari_ini, nomor, rata)
        nomor += n
        bagian.append(tabel)
    return pa.concat_tables(bagian)


def semua_kabupaten(folder_referensi: Path) -> tuple[str, ...]:
    """Every regency code of the national list, in order."""
    with (folder_referensi / "wilayah" / "regencies.csv").open(encoding="utf-8") as f:
        return tuple(r["code"] for r in csv.DictReader(f))


def demo_nasional(konfigurasi: Konfigurasi, hari_ini: date, *, keluarga_per_desa: int = 12,
                  porsi_desa: float = 1.0, kabupaten: tuple[str, ...] | None = None) -> list[str]:
    """Write the national files beside the warehouse, load them with every regency configured; the lines to print."""
    import shutil

    from pipelines import ingest
    from pipelines.gudang import pasang_gudang

    mulai = time.perf_counter()
    gudang = konfigurasi.gudang
    folder = gudang.parent / "demo-nasional"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    tulis = tulis_berkas_nasional(folder, konfigurasi.folder_referensi, hari_ini,
                                  keluarga_per_desa=keluarga_per_desa, porsi_desa=porsi_desa, kabupaten=kabupaten)
    nasional = replace(konfigurasi, kabupaten=kabupaten or semua_kabupaten(konfigurasi.folder_referensi))
    baru = gudang.parent / f".{gudang.name}.demo-{os.getpid()}"
    baru.unlink(missing_ok=True)
    try:
        ringkasan = ingest.muat(tulis.berkas, replace(nasional, gudang=baru), hari_ini=hari_ini, sintetis=True)
        pasang_gudang(baru, gudang)
    finally:
        baru.unlink(missing_ok=True)
    total = {k: sum(getattr(r, k) for r in ringkasan) for k in
             ("baris_dibaca", "baris_dimuat", "baris_dikarantina", "baris_dilewati")}
    durasi = time.perf_counter() - mulai
    def a(n: int) -> str:
        return f"{n:,}".replace(",", ".")

    return [
        f"Demo nasional (DATA SINTETIS): {a(tulis.desa)} desa x {BULAN} bulan, {len(tulis.berkas)} berkas di {folder}",
        f"  kasus {a(tulis.baris_kasus)}, nihil {a(tulis.baris_nihil)}, sengaja cacat {a(tulis.baris_cacat)}, "
        f"DTKS {a(tulis.baris_dtks)}, roll PKH {a(tulis.baris_roll)}",
        f"  baris dibaca {total['baris_dibaca']}, dimuat {total['baris_dimuat']}, "
        f"dikarantina {total['baris_dikarantina']}, dilewati {total['baris_dilewati']}",
        f"  gudang: {gudang} (PANTAU_KABUPATEN untuk aplikasi: semua {len(nasional.kabupaten)} kabupaten)",
        f"  waktu: {durasi:.1f} detik (menulis berkas {tulis.detik:.1f} detik, memuat {durasi - tulis.detik:.1f} "
        "detik)",
    ]
