"""Rules for `indikator_kemiskinan` (BPS series) and `target_kemiskinan` (planning documents), contract 4.5.

Both are keyed by regency: the regency code must be in the national list. Rows of
a regency of the list that is not configured (a file covering several regencies,
such as `data/reference/indikator_kemiskinan.csv`) are skipped, not quarantined:
counted as skipped, each with a `kabupaten_lain_dilewati` warning giving the reason.
Targets are keyed by (kode_kab, dokumen, tahun) and documents are never merged.
"""

from __future__ import annotations

import pandas as pd

from pipelines.baca import nilai
from pipelines.baca.nilai import kode_wilayah
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
from pipelines.wilayah import LUAR_WILAYAH

JENIS_DILEWATI = "kabupaten_lain_dilewati"
"""The warning type of a skipped row of a regency that is not configured."""


def _pisah_kabupaten_lain(data: pd.DataFrame, konteks: Konteks) -> tuple[pd.DataFrame, list[dict]]:
    """The rows of configured (or unknown) regencies, and a warning for each row of another regency of the
    national list: those are skipped (not loaded, not quarantined)."""
    w = konteks.wilayah
    kode = petakan_unik(kolom_atau_kosong(data, "kode_kab"), lambda v: kode_wilayah(v, panjang=4))
    lain = penanda(kode, lambda k: k is not None and k in w.nama_kabupaten and k not in w.kabupaten)
    peringatan = [{"baris": int(b), "jenis_peringatan": JENIS_DILEWATI, "kolom": "kode_kab",
                   "pesan": f"{w.nama_kabupaten[k]} ({k}) {LUAR_WILAYAH}; baris dilewati"}
                  for b, k in zip(data["_baris"].to_numpy()[lain].tolist(), kode.to_numpy()[lain].tolist(),
                                  strict=True)]
    return data.loc[~lain].reset_index(drop=True), peringatan


def _dengan_dilewati(hasil: HasilValidasi, peringatan: list[dict]) -> HasilValidasi:
    hasil.peringatan = sorted(hasil.peringatan + peringatan, key=lambda x: x["baris"])
    hasil.dilewati = len(peringatan)
    return hasil


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
    data, dilewati = _pisah_kabupaten_lain(tabel.data, konteks)
    p = Pencatat(data)
    keluar = pd.DataFrame({"_baris": data["_baris"]})
    keluar["kode_kab"] = _kabupaten(p, data, konteks)
    keluar["tahun"] = angka_rentang(p, data, "tahun", 1990, 2100)
    p.karantina_jika(keluar["tahun"].isna(), "Kolom tahun kosong atau tidak sah")
    keluar["persen_miskin"] = _persen(p, data, "persen_miskin", wajib=True)
    keluar["jumlah_miskin_jiwa"] = angka_rentang(p, data, "jumlah_miskin_jiwa", 0, 100_000_000)
    keluar["garis_kemiskinan_rp"] = angka_rentang(p, data, "garis_kemiskinan_rp", 0, 100_000_000)
    keluar["sumber"] = teks_bebas(p, data, "sumber")
    return _dengan_dilewati(p.selesai(keluar), dilewati)


def validasi_target(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """Targets of one or more planning documents."""
    data, dilewati = _pisah_kabupaten_lain(tabel.data, konteks)
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
    return _dengan_dilewati(p.selesai(keluar), dilewati)
