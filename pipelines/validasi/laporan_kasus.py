"""Rules for `laporan_kasus`, the Puskesos case register (contract section 4.1).

Required: tanggal_lapor (a readable date), kategori, a resolvable desa inside
the configured regencies, and no_registrasi except on nihil rows; a row failing
one of these is quarantined with every reason. Everything else that is wrong
is repaired with a warning: unknown labels become `lainnya`, invalid NIK/KK are
dropped, out-of-order dates are dropped, out-of-range numbers are dropped.
"""

from __future__ import annotations

import pandas as pd

from pipelines.baca import nilai
from pipelines.enums import KATEGORI_SENSITIF, SASARAN_SENSITIF
from pipelines.validasi.kolom import (
    URUTAN_TANGGAL,
    angka_rentang,
    identitas,
    resolusi_tempat,
    tanggal_kolom,
    urutkan_tanggal,
    ya_tidak_kolom,
)
from pipelines.validasi.umum import (
    HasilValidasi,
    Konteks,
    Pencatat,
    TabelMentah,
    ganda_dalam_berkas,
    kolom_atau_kosong,
    label_enum,
    penanda,
    tanda_none,
    teks_bebas,
)

KOLOM_DIMUAT = (
    "_baris", "kode_desa", "no_registrasi", "tujuan_rujukan", "kategori", "tanggal_lapor", "nik_pseudonim",
    "kk_pseudonim", "jenis_kelamin", "umur", "kelompok_sasaran", "kanal", "terdaftar_dtks", "desil", "urgensi",
    "status_kasus", "program", "sumber_dana", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai",
    "status_rujukan", "tanggal_kirim", "sensitif",
)


def validasi(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """Validate one sheet of case reports."""
    data = tabel.data
    p = Pencatat(data)
    k: dict[str, pd.Series] = {"_baris": data["_baris"]}  # columns built apart, one DataFrame at the end
    k["kode_desa"] = resolusi_tempat(p, data, konteks)
    k["kategori"] = label_enum(p, data, "kategori", "kategori")
    kategori_kosong = penanda(kolom_atau_kosong(data, "kategori"), lambda v: nilai.teks(v) is None)
    p.karantina_jika(kategori_kosong, "Kolom kategori kosong")
    nihil = penanda(k["kategori"], lambda v: v == "nihil")

    k["no_registrasi"] = teks_bebas(p, data, "no_registrasi")
    p.karantina_jika(tanda_none(k["no_registrasi"]) & ~nihil & ~kategori_kosong,
                     "Kolom no_registrasi kosong (wajib, kecuali baris laporan nihil)")

    tanggal = {kol: tanggal_kolom(p, data, kol, konteks, wajib=(kol == "tanggal_lapor")) for kol in URUTAN_TANGGAL}
    urutkan_tanggal(p, tanggal)
    k.update(tanggal)
    k["tanggal_kirim"] = tanggal_kolom(p, data, "tanggal_kirim", konteks, wajib=False)

    for kolom in ("tujuan_rujukan", "kelompok_sasaran", "kanal", "urgensi", "status_kasus", "program",
                  "sumber_dana", "status_rujukan", "jenis_kelamin"):
        k[kolom] = label_enum(p, data, kolom, kolom)
    k["nik_pseudonim"], k["kk_pseudonim"] = identitas(p, data, konteks)
    k["umur"] = angka_rentang(p, data, "umur", 0, 120)
    k["desil"] = angka_rentang(p, data, "desil", 1, 10)
    k["terdaftar_dtks"] = ya_tidak_kolom(p, data, "terdaftar_dtks")
    k["sensitif"] = pd.Series(penanda(k["kategori"], lambda v: v in KATEGORI_SENSITIF)
                              | penanda(k["kelompok_sasaran"], lambda v: v in SASARAN_SENSITIF), index=data.index)

    # nihil rows carry no case: keep only their desa and date
    for kolom in ("tujuan_rujukan", "tanggal_rujuk", "tanggal_respon", "tanggal_selesai", "status_rujukan"):
        k[kolom] = k[kolom].where(~nihil, None)

    rujuk_tanpa_tanggal = penanda(k["tujuan_rujukan"], lambda v: v is not None) & penanda(
        k["tanggal_rujuk"], lambda v: v is None)
    p.peringatkan_jika(rujuk_tanpa_tanggal, "tanggal_rujuk_kosong", "tanggal_rujuk",
                       "Rujukan tanpa tanggal_rujuk; tanggal_lapor dipakai sebagai awal rujukan")

    keluar = pd.DataFrame({kolom: k[kolom] for kolom in KOLOM_DIMUAT}, copy=False)  # no 2-D copy of the cells
    # the same key with another send date is a later version (history), not a duplicate
    ganda = ganda_dalam_berkas(keluar, ["kode_desa", "no_registrasi", "tujuan_rujukan", "tanggal_kirim"]) & ~nihil \
        & ~tanda_none(keluar["no_registrasi"])
    p.peringatkan_jika(ganda, "duplikat_dalam_berkas", "no_registrasi",
                       lambda i: f"no_registrasi {keluar['no_registrasi'].iat[i]} muncul lagi di baris lain berkas "
                                 "ini; baris terakhir yang dipakai")
    return p.selesai(keluar)
