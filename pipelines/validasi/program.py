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
import pyarrow as pa
import pyarrow.compute as pc

from pipelines.baca import nilai
from pipelines.validasi.kolom import angka_rentang, aturan_penuh, disamarkan, periksa_id, resolusi_tempat
from pipelines.validasi.umum import (
    Faktor,
    HasilValidasi,
    Konteks,
    Pencatat,
    TabelMentah,
    ganda_dalam_berkas,
    kolom_atau_kosong,
    label_enum,
    penanda,
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


def _periksa_keluarga(mentah: Faktor) -> tuple[pa.Array, dict[int, str]]:
    """(normalised household identifier per distinct cell (null when empty or invalid), reason per distinct invalid
    cell). A text of exactly 16 ASCII digits is already normal (`id_keluarga` gives it back as it is), checked on
    the Arrow array at once; every other cell gets `id_keluarga`."""
    teks_id = mentah.teks_arrow()
    if teks_id is None:  # not all text (an Excel number among them): every cell the full way
        normal = pa.nulls(mentah.jumlah_unik, pa.string())
    else:
        normal = pc.if_else(pc.fill_null(pc.match_substring_regex(teks_id, r"^[0-9]{16}$"), False), teks_id, None)
    return aturan_penuh(mentah, normal, id_keluarga)


def _identitas(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> tuple[pd.Series, pd.Series]:
    """(household pseudonym, NIK pseudonym); a row with neither is quarantined, a bad one is warned. Each distinct
    cell is checked once and pseudonymised once (`kolom.disamarkan`)."""
    kel = Faktor.dari_seri(kolom_atau_kosong(data, "id_keluarga"))
    nik = Faktor.dari_seri(kolom_atau_kosong(data, "nik"))
    kel_normal, kel_alasan = _periksa_keluarga(kel)
    nik_normal, nik_alasan = periksa_id(nik, konteks.wilayah.kode_kecamatan_nik)

    def alasan(f: Faktor, a: dict[int, str], i: int) -> str | None:
        return a.get(int(f.kode[i]))

    kel_id = disamarkan(p, kel, kel_normal, kel_alasan, konteks.kunci, "id_keluarga_tidak_valid", "id_keluarga",
                        lambda a: f"id_keluarga {a}; tidak disimpan")
    nik_id = disamarkan(p, nik, nik_normal, nik_alasan, konteks.kunci, "nik_tidak_valid", "nik",
                        lambda a: f"NIK {a}; NIK tidak disimpan")
    tanpa = kel_id.tanda_none() & nik_id.tanda_none()
    p.karantina_jika(tanpa, lambda i: "Tidak ada id_keluarga (No KK/ID DTKS) atau NIK yang sah"
                     + (f": id_keluarga {a}" if (a := alasan(kel, kel_alasan, i)) else "")
                     + (f"; NIK {b}" if (b := alasan(nik, nik_alasan, i)) else ""))
    return kel_id.seri(data.index), nik_id.seri(data.index)


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
