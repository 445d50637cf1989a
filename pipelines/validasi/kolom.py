"""Column rules shared by every kind: places, dates, identifiers, numbers, yes/no.

Each function reads one canonical column of a sheet, parses every distinct
value once, records quarantine reasons or warnings in the `Pencatat`, and
returns the parsed column.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from akses import periksa_kk, periksa_nik, pseudonim
from pipelines.baca import nilai
from pipelines.validasi.umum import Konteks, Pencatat, kolom_atau_kosong, penanda, petakan, petakan_unik

TANGGAL_AWAL_WAJAR = date(2015, 1, 1)
URUTAN_TANGGAL = ("tanggal_lapor", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai")


def resolusi_tempat(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> pd.Series:
    """Desa code per row from code or names; unresolved rows are quarantined, fuzzy matches warned."""
    w = konteks.wilayah
    kode = kolom_atau_kosong(data, "kode_desa")
    desa = kolom_atau_kosong(data, "nama_desa")
    kec = kolom_atau_kosong(data, "nama_kecamatan")
    kunci = pd.Series(list(zip(kode.tolist(), desa.tolist(), kec.tolist(), strict=True)), index=data.index,
                      dtype=object)

    def resolusi(k: tuple[Any, Any, Any]) -> tuple[str | None, str | None, bool]:
        hasil = w.dari_kode(k[0])
        if hasil is not None and (hasil.kode_desa is not None or nilai.teks(k[1]) is None):
            return hasil.kode_desa, hasil.alasan, False
        h = w.dari_nama(nilai.teks(k[1]), nilai.teks(k[2]))
        if h.kode_desa is None and hasil is not None:
            return None, f"{hasil.alasan}; {h.alasan}", False
        return h.kode_desa, h.alasan, h.fuzzy

    hasil = petakan_unik(kunci, resolusi)
    for i, (kode_desa, alasan, fuzzy) in enumerate(hasil.tolist()):
        if kode_desa is None:
            p.karantina(i, alasan or "Desa tidak dapat dikenali")
        elif fuzzy:
            p.peringatkan(i, "nama_desa_mirip", "nama_desa",
                          f'Desa "{nilai.teks(desa.iat[i])}" dicocokkan ke {w.desa[kode_desa].nama} ({kode_desa}) '
                          "karena ejaannya mirip; periksa atau tambahkan ke alias_desa.csv")
    return petakan(hasil, lambda h: h[0])


def tanggal_kolom(p: Pencatat, data: pd.DataFrame, kolom: str, konteks: Konteks, *, wajib: bool) -> pd.Series:
    """Parse a date column; an unreadable required date quarantines, an optional one is dropped with a warning."""
    mentah = kolom_atau_kosong(data, kolom)
    hasil = petakan_unik(mentah, nilai.tanggal)
    kosong = penanda(mentah, lambda v: nilai.teks(v) is None)
    rusak = penanda(hasil, lambda d: d is None) & ~kosong
    if wajib:
        p.karantina_jika(kosong, f"Kolom {kolom} kosong")
        p.karantina_jika(rusak, lambda i: f'{kolom} "{nilai.teks(mentah.iat[i])}" bukan tanggal yang sah '
                                          "(tulis hari/bulan/tahun, mis. 12/03/2025)")
    else:
        p.peringatkan_jika(rusak, "tanggal_tidak_valid", kolom,
                           lambda i: f'{kolom} "{nilai.teks(mentah.iat[i])}" bukan tanggal yang sah; dikosongkan')
    batas_atas = konteks.hari_ini + timedelta(days=1)
    luar = penanda(hasil, lambda d: d is not None and (d > batas_atas or d < TANGGAL_AWAL_WAJAR))
    p.peringatkan_jika(luar, "tanggal_di_luar_rentang", kolom,
                       lambda i: f"{kolom} {hasil.iat[i]} di masa depan atau sebelum 2015; periksa kembali")
    if kolom == "tanggal_kirim":  # a future send date would move the data date; the load date is used instead
        hasil = hasil.where(~penanda(hasil, lambda d: d is not None and d > batas_atas), None)
    return hasil


def urutkan_tanggal(p: Pencatat, tanggal: dict[str, pd.Series]) -> None:
    """tanggal_lapor <= tanggal_rujuk <= tanggal_respon <= tanggal_selesai: an earlier later date is dropped."""
    terakhir = tanggal["tanggal_lapor"].copy()
    for kolom in URUTAN_TANGGAL[1:]:
        s = tanggal[kolom]
        salah = np.array([a is not None and b is not None and b < a for a, b in zip(terakhir, s, strict=True)],
                         dtype=bool)  # dtype: a sheet with a header and no rows gives an empty array

        def pesan(i: int, k: str = kolom, t: pd.Series = terakhir) -> str:
            return f"{k} {tanggal[k].iat[i]} lebih awal dari tanggal sebelumnya ({t.iat[i]}); dikosongkan"

        p.peringatkan_jika(salah, "urutan_tanggal", kolom, pesan)
        tanggal[kolom] = s.where(~salah, None)
        terakhir = tanggal[kolom].where(tanggal[kolom].notna(), terakhir)


def identitas(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> tuple[pd.Series, pd.Series]:
    """NIK and No KK pseudonyms; invalid identifiers are dropped with a warning, the row still loads."""
    kec = konteks.wilayah.kode_kecamatan_nik
    nik = petakan_unik(kolom_atau_kosong(data, "nik"), lambda v: periksa_nik(v, kec))
    kk = petakan_unik(kolom_atau_kosong(data, "no_kk"), periksa_kk)
    p.peringatkan_jika(penanda(nik, lambda h: h[1] is not None), "nik_tidak_valid", "nik",
                       lambda i: f"NIK {nik.iat[i][1]}; NIK tidak disimpan")
    p.peringatkan_jika(penanda(kk, lambda h: h[1] is not None), "kk_tidak_valid", "no_kk",
                       lambda i: f"No KK {kk.iat[i][1]}; No KK tidak disimpan")
    kunci = konteks.kunci
    return (petakan_unik(petakan(nik, lambda h: h[0]), lambda s: pseudonim(kunci, s) if s else None),
            petakan_unik(petakan(kk, lambda h: h[0]), lambda s: pseudonim(kunci, s) if s else None))


def angka_rentang(p: Pencatat, data: pd.DataFrame, kolom: str, bawah: int, atas: int) -> pd.Series:
    """A whole number in [bawah, atas]; anything else is dropped with a warning."""
    mentah = kolom_atau_kosong(data, kolom)
    v = petakan_unik(mentah, nilai.bilangan_bulat)
    salah = np.array([(nilai.teks(m) is not None) and (x is None or not bawah <= x <= atas)
                      for m, x in zip(mentah, v, strict=True)], dtype=bool)
    p.peringatkan_jika(salah, "nilai_tidak_valid", kolom,
                       lambda i: f'{kolom} "{nilai.teks(mentah.iat[i])}" di luar {bawah}-{atas}; dikosongkan')
    return v.where(~salah, None)


def ya_tidak_kolom(p: Pencatat, data: pd.DataFrame, kolom: str) -> pd.Series:
    mentah = kolom_atau_kosong(data, kolom)
    v = petakan_unik(mentah, nilai.ya_tidak)
    salah = np.array([nilai.teks(m) is not None and x is None for m, x in zip(mentah, v, strict=True)], dtype=bool)
    p.peringatkan_jika(salah, "nilai_tidak_valid", kolom,
                       lambda i: f'{kolom} "{nilai.teks(mentah.iat[i])}" bukan Ya/Tidak; dikosongkan')
    return v.where(~salah, None)
