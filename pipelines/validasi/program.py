"""Rules for the welfare register extract `dtks` (contract 4.2) and program rolls `penerima_program` (4.3).

Household and person identifiers are pseudonymised with the same key as case
reports, so a roll joins to the DTKS households by `id_keluarga` (No KK / ID
DTKS) or, failing that, by the NIK of the head of household. Periods are months
and are kept side by side: a new month never overwrites an old one.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from akses import periksa_nik, pseudonim
from pipelines.baca import nilai
from pipelines.validasi.kolom import angka_rentang, resolusi_tempat
from pipelines.validasi.umum import (
    HasilValidasi,
    Konteks,
    Pencatat,
    TabelMentah,
    ganda_dalam_berkas,
    kolom_atau_kosong,
    label_enum,
    penanda,
    petakan,
    petakan_unik,
)

STATUS_DTKS = {"aktif": "aktif", "nonaktif": "nonaktif", "non_aktif": "nonaktif", "tidak_aktif": "nonaktif",
               "ya": "aktif", "1": "aktif", "0": "nonaktif"}
STATUS_PENERIMA = {**STATUS_DTKS, "dinonaktifkan": "dinonaktifkan", "dicabut": "dinonaktifkan",
                   "dihapus": "dinonaktifkan", "nonaktif_baru": "dinonaktifkan"}


def id_keluarga(sel: Any) -> tuple[str | None, str | None]:
    """Normalised household identifier (No KK, ID DTKS, IDBDT) or (None, reason); empty gives (None, None)."""
    if isinstance(sel, float) and not math.isnan(sel):
        return None, "rusak: tersimpan sebagai angka di Excel"
    t = nilai.teks(sel)
    if t is None:
        return None, None
    s = re.sub(r"[\s.\-]", "", t.lstrip("'")).upper()
    if re.fullmatch(r"\d(\.\d+)?E\+\d+", t.upper()):
        return None, "rusak: tersimpan sebagai angka di Excel"
    if s.isdigit() and len(s) != 16:  # No KK, IDBDT and ID DTSEN all have 16 digits
        return None, f"panjangnya {len(s)} digit, seharusnya 16"
    if not re.fullmatch(r"[0-9A-Z]{6,40}", s):
        return None, "berisi karakter yang tidak sah"
    return s, None


def _periode(p: Pencatat, data: pd.DataFrame) -> pd.Series:
    mentah = kolom_atau_kosong(data, "periode")
    hasil = petakan_unik(mentah, nilai.bulan)
    p.karantina_jika(penanda(hasil, lambda v: v is None),
                     lambda i: f'Periode "{nilai.teks(mentah.iat[i]) or ""}" kosong atau tidak sah '
                               "(tulis 2025-03, Maret 2025, atau sebuah tanggal)")
    return hasil


def _status(p: Pencatat, data: pd.DataFrame, peta: dict[str, str]) -> pd.Series:
    mentah = kolom_atau_kosong(data, "status")
    hasil = petakan_unik(mentah, lambda v: "aktif" if nilai.teks(v) is None
                         else peta.get(re.sub(r"[^0-9a-z]+", "_", str(nilai.teks(v)).lower()).strip("_")))
    p.karantina_jika(penanda(hasil, lambda v: v is None),
                     lambda i: f'Status "{nilai.teks(mentah.iat[i])}" tidak dikenal '
                               f"({' / '.join(sorted(set(peta.values())))})")
    return hasil


def _identitas(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> tuple[pd.Series, pd.Series]:
    """(household pseudonym, NIK pseudonym); a row with neither is quarantined, a bad one is warned."""
    kunci = konteks.kunci
    kel = petakan_unik(kolom_atau_kosong(data, "id_keluarga"), id_keluarga)
    nik = petakan_unik(kolom_atau_kosong(data, "nik"), lambda v: periksa_nik(v, konteks.wilayah.kode_kecamatan_nik))
    p.peringatkan_jika(penanda(kel, lambda h: h[1] is not None), "id_keluarga_tidak_valid", "id_keluarga",
                       lambda i: f"id_keluarga {kel.iat[i][1]}; tidak disimpan")
    p.peringatkan_jika(penanda(nik, lambda h: h[1] is not None), "nik_tidak_valid", "nik",
                       lambda i: f"NIK {nik.iat[i][1]}; NIK tidak disimpan")
    tanpa = penanda(kel, lambda h: h[0] is None) & penanda(nik, lambda h: h[0] is None)
    p.karantina_jika(tanpa, lambda i: "Tidak ada id_keluarga (No KK/ID DTKS) atau NIK yang sah"
                     + (f": id_keluarga {kel.iat[i][1]}" if kel.iat[i][1] else "")
                     + (f"; NIK {nik.iat[i][1]}" if nik.iat[i][1] else ""))
    return (petakan_unik(petakan(kel, lambda h: h[0]), lambda s: pseudonim(kunci, s) if s else None),
            petakan_unik(petakan(nik, lambda h: h[0]), lambda s: pseudonim(kunci, s) if s else None))


def validasi_dtks(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """One row per household and period of the DTKS/DTSEN extract."""
    data = tabel.data
    p = Pencatat(data)
    k: dict[str, pd.Series] = {"_baris": data["_baris"]}
    k["periode"] = _periode(p, data)
    k["id_keluarga"], k["nik_krt"] = _identitas(p, data, konteks)
    p.karantina_jika(penanda(k["id_keluarga"], lambda v: v is None) & penanda(k["nik_krt"], lambda v: v is not None),
                     "Kolom id_keluarga kosong atau tidak sah (wajib di ekstrak DTKS)")
    k["kode_desa"] = resolusi_tempat(p, data, konteks)
    k["desil"] = angka_rentang(p, data, "desil", 1, 10)
    k["jumlah_art"] = angka_rentang(p, data, "jumlah_art", 1, 30)
    k["status"] = _status(p, data, STATUS_DTKS)
    keluar = pd.DataFrame(k)
    ganda = ganda_dalam_berkas(keluar, ["periode", "id_keluarga"]) & penanda(keluar["id_keluarga"],
                                                                             lambda v: v is not None)
    p.peringatkan_jika(ganda, "duplikat_dalam_berkas", "id_keluarga",
                       "Keluarga yang sama muncul lagi pada periode yang sama; baris terakhir dipakai")
    return p.selesai(keluar, kolom_rahasia=("id_keluarga", "nik"))


def validasi_penerima(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """One row per recipient (family or person) of a program's roll and period."""
    data = tabel.data
    p = Pencatat(data)
    k: dict[str, pd.Series] = {"_baris": data["_baris"]}
    k["program"] = label_enum(p, data, "program", "program")
    p.karantina_jika(penanda(kolom_atau_kosong(data, "program"), lambda v: nilai.teks(v) is None),
                     "Program kosong: isi kolom program/jenis_bantuan atau pakai --program")
    k["periode"] = _periode(p, data)
    k["id_keluarga"], k["nik_penerima"] = _identitas(p, data, konteks)
    k["kode_desa"] = resolusi_tempat(p, data, konteks)
    k["status"] = _status(p, data, STATUS_PENERIMA)
    k["alasan"] = label_enum(p, data, "alasan", "alasan_nonaktif")
    keluar = pd.DataFrame(k)
    ganda = ganda_dalam_berkas(keluar, ["program", "periode", "id_keluarga", "nik_penerima"])
    p.peringatkan_jika(ganda, "duplikat_dalam_berkas", "id_keluarga",
                       "Penerima yang sama muncul lagi pada program dan periode yang sama; baris terakhir dipakai")
    return p.selesai(keluar, kolom_rahasia=("id_keluarga", "nik"))
