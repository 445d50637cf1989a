"""Rules for the desa registers: `puskesos` (contract 4.4) and `penduduk` (4.5).

Both are keyed by desa (and year for `penduduk`); a later load of the same key
supersedes the earlier one in staging, and every version is kept.
"""

from __future__ import annotations

import pandas as pd

from pipelines.baca import nilai
from pipelines.validasi.kolom import angka_rentang, resolusi_tempat, tanggal_kolom, ya_tidak_kolom
from pipelines.validasi.umum import (
    HasilValidasi,
    Konteks,
    Pencatat,
    TabelMentah,
    kolom_atau_kosong,
    label_enum,
    penanda,
    petakan_unik,
    teks_bebas,
)


def validasi_puskesos(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """One row per desa: its Puskesos status, SK, trained chair and budget."""
    data = tabel.data
    p = Pencatat(data)
    keluar = pd.DataFrame({"_baris": data["_baris"]})
    keluar["kode_desa"] = resolusi_tempat(p, data, konteks)
    keluar["status"] = label_enum(p, data, "status", "status_puskesos")
    status_kosong = penanda(kolom_atau_kosong(data, "status"), lambda v: nilai.teks(v) is None)
    p.karantina_jika(status_kosong, "Kolom status kosong (aktif / tidak aktif / belum dibentuk)")
    tidak_dikenal = penanda(keluar["status"], lambda v: v is None) & ~status_kosong
    p.karantina_jika(tidak_dikenal, lambda i: f'Status Puskesos "{nilai.teks(data["status"].iat[i])}" tidak dikenal '
                                              "(aktif / tidak aktif / belum dibentuk)")
    keluar["nomor_sk"] = teks_bebas(p, data, "nomor_sk")
    keluar["tanggal_sk"] = tanggal_kolom(p, data, "tanggal_sk", konteks, wajib=False)
    keluar["ketua_terlatih"] = ya_tidak_kolom(p, data, "ketua_terlatih")
    keluar["tahun"] = angka_rentang(p, data, "tahun", 2000, 2100)
    anggaran = kolom_atau_kosong(data, "anggaran_rp")
    keluar["anggaran_rp"] = petakan_unik(anggaran, lambda v: nilai.angka(v, bulat=True))
    salah = penanda(keluar["anggaran_rp"], lambda v: v is None) & penanda(anggaran, lambda v: nilai.teks(v) is not None)
    p.peringatkan_jika(salah, "nilai_tidak_valid", "anggaran_rp",
                       lambda i: f'anggaran_rp "{nilai.teks(anggaran.iat[i])}" bukan angka rupiah; dikosongkan')
    return p.selesai(keluar)


def validasi_penduduk(tabel: TabelMentah, konteks: Konteks) -> HasilValidasi:
    """Population per desa and year."""
    data = tabel.data
    p = Pencatat(data)
    keluar = pd.DataFrame({"_baris": data["_baris"]})
    keluar["kode_desa"] = resolusi_tempat(p, data, konteks)
    keluar["tahun"] = angka_rentang(p, data, "tahun", 2000, 2100)
    keluar["jumlah_penduduk"] = angka_rentang(p, data, "jumlah_penduduk", 0, 10_000_000)
    keluar["jumlah_kk"] = angka_rentang(p, data, "jumlah_kk", 0, 10_000_000)
    p.karantina_jika(penanda(keluar["tahun"], lambda v: v is None), "Kolom tahun kosong atau tidak sah")
    p.karantina_jika(penanda(keluar["jumlah_penduduk"], lambda v: v is None),
                     "Kolom jumlah_penduduk kosong atau tidak sah")
    return p.selesai(keluar)
