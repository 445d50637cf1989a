"""Rules for `indikator_kemiskinan` (BPS series) and `target_kemiskinan` (planning documents), contract 4.5.

Both are keyed by regency: the regency code must be in the national list and
among the configured regencies. Targets are keyed by (kode_kab, dokumen, tahun)
and documents are never merged.
"""

from __future__ import annotations

import pandas as pd

from pipelines.baca import nilai
from pipelines.validasi.kolom import angka_rentang
from pipelines.validasi.umum import (
    HasilValidasi,
    Konteks,
    Pencatat,
    TabelMentah,
    ganda_dalam_berkas,
    kolom_atau_kosong,
    penanda,
    petakan,
    petakan_unik,
    teks_bebas,
)


def _kabupaten(p: Pencatat, data: pd.DataFrame, konteks: Konteks) -> pd.Series:
    hasil = petakan_unik(kolom_atau_kosong(data, "kode_kab"), konteks.wilayah.kabupaten_sah)
    for i, h in enumerate(hasil.tolist()):
        if h.kode_desa is None:
            p.karantina(i, h.alasan or "Kode kabupaten tidak sah")
    return petakan(hasil, lambda h: h.kode_desa)


def _persen(p: Pencatat, data: pd.DataFrame, kolom: str, *, wajib: bool) -> pd.Series:
    mentah = kolom_atau_kosong(data, kolom)
    v = petakan_unik(mentah, nilai.angka)
    ada = penanda(mentah, lambda x: nilai.teks(x) is not None)
    salah = penanda(v, lambda x: x is None) & ada | penanda(v, lambda x: x is not None and not 0 <= x <= 100)
    if wajib:
        p.karantina_jika(~ada, f"Kolom {kolom} kosong")
        p.karantina_jika(salah, lambda i: f'{kolom} "{nilai.teks(mentah.iat[i])}" bukan persen 0-100')
    else:
        p.peringatkan_jika(salah, "nilai_tidak_valid", kolom,
                           lambda i: f'{kolom} "{nilai.teks(mentah.iat[i])}" bukan persen 0-100; dikosongkan')
    return v.where(~salah, None)


def validasi_indikator(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """BPS poverty rate per regency and year."""
    data = tabel.data
    p = Pencatat(data)
    keluar = pd.DataFrame({"_baris": data["_baris"]})
    keluar["kode_kab"] = _kabupaten(p, data, konteks)
    keluar["tahun"] = angka_rentang(p, data, "tahun", 1990, 2100)
    p.karantina_jika(keluar["tahun"].isna(), "Kolom tahun kosong atau tidak sah")
    keluar["persen_miskin"] = _persen(p, data, "persen_miskin", wajib=True)
    keluar["jumlah_miskin_jiwa"] = angka_rentang(p, data, "jumlah_miskin_jiwa", 0, 100_000_000)
    keluar["garis_kemiskinan_rp"] = angka_rentang(p, data, "garis_kemiskinan_rp", 0, 100_000_000)
    keluar["sumber"] = teks_bebas(p, data, "sumber")
    return p.selesai(keluar)


def validasi_target(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """Targets of one or more planning documents."""
    data = tabel.data
    p = Pencatat(data)
    keluar = pd.DataFrame({"_baris": data["_baris"]})
    keluar["kode_kab"] = _kabupaten(p, data, konteks)
    keluar["dokumen"] = teks_bebas(p, data, "dokumen")
    p.karantina_jika(keluar["dokumen"].isna(), "Kolom dokumen kosong (nama dokumen perencanaan, mis. RPJMD 2025-2029)")
    keluar["tahun"] = angka_rentang(p, data, "tahun", 1990, 2100)
    p.karantina_jika(keluar["tahun"].isna(), "Kolom tahun kosong atau tidak sah")
    keluar["target_persen"] = _persen(p, data, "target_persen", wajib=True)
    keluar["target_persen_atas"] = _persen(p, data, "target_persen_atas", wajib=False)
    keluar["sumber"] = teks_bebas(p, data, "sumber")
    keluar["catatan"] = teks_bebas(p, data, "catatan")
    ganda = ganda_dalam_berkas(keluar, ["kode_kab", "dokumen", "tahun"])
    p.peringatkan_jika(ganda, "duplikat_dalam_berkas", "tahun",
                       "Target yang sama muncul dua kali; baris terakhir dipakai")
    return p.selesai(keluar)
