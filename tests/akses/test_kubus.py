"""The monthly cube through the warehouse, role by role (`akses.kubus.metrik_bulanan_untuk`), on the Perak
fixture warehouse (`gudang_perak` of `tests/conftest.py`)."""

from __future__ import annotations

from datetime import date

import pytest

import akses
from akses import KOLOM_SENSITIF, AksesDitolak, Pengguna

from tests.akses.pengguna import ADMIN, CAMAT_KABUH, DESA_MARMOYO, PERENCANA, PIMPINAN

KP = KOLOM_SENSITIF[0]


@pytest.mark.parametrize(("pengguna", "tingkat", "baris"), [
    (PIMPINAN, "desa", 306), (ADMIN, "desa", 306), (PIMPINAN, "kecamatan", 21), (PERENCANA, "kabupaten", 1),
    (Pengguna("camat_perak", "kecamatan", "35.17.01"), "desa", 13),
    (Pengguna("camat_perak", "kecamatan", "35.17.01"), "kecamatan", 1),
    (CAMAT_KABUH, "desa", 16), (DESA_MARMOYO, "desa", 1),
])
def test_metrik_per_peran(gudang_perak, pengguna: Pengguna, tingkat: str, baris: int) -> None:
    k, _ = gudang_perak
    df = akses.metrik_bulanan_untuk(k, pengguna, tingkat, date(2025, 3, 1), date(2025, 3, 1))
    assert len(df) == baris
    assert all(akses.lingkup(pengguna).memuat(kode) for kode in df.kode_wilayah)
    assert "tingkat" not in df.columns and list(df.columns[3:5]) == ["kasus_baru", "kasus_baru_sebagian"]
    if tingkat != "kabupaten":
        assert not df[KP].isin([1, 2, 3, 4]).any()


def test_metrik_camat_dan_desa(gudang_perak) -> None:
    k, _ = gudang_perak
    camat = Pengguna("camat_perak", "kecamatan", "35.17.01")
    kec = akses.metrik_bulanan_untuk(k, camat, "kecamatan", date(2025, 3, 1), date(2025, 3, 1)).iloc[0]
    assert (kec.kode_wilayah, kec[KP], kec["kasus_baru"]) == ("35.17.01", "<5", 6 - 1)  # 6 cases, 1 KDRT hidden
    desa = akses.metrik_bulanan_untuk(k, Pengguna("op", "desa", "35.17.01.2002"), "desa", date(2025, 3, 1),
                                      date(2025, 4, 1))
    assert list(desa.bulan) == ["2025-03", "2025-04"] and list(desa[KP]) == ["<5", 0]
    kab = akses.metrik_bulanan_untuk(k, PIMPINAN, "kabupaten", date(2025, 3, 1), date(2025, 3, 1)).iloc[0]
    assert (kab[KP], kab["kasus_baru"]) == (1, 6)  # exact at kabupaten level
    with pytest.raises(AksesDitolak):
        akses.metrik_bulanan_untuk(k, CAMAT_KABUH, "kabupaten", date(2025, 3, 1), date(2025, 3, 1))
    with pytest.raises(AksesDitolak, match=r"Kec\. Perak"):
        akses.metrik_bulanan_untuk(k, CAMAT_KABUH, "desa", date(2025, 3, 1), date(2025, 3, 1), wilayah="35.17.01")
    satu = akses.metrik_bulanan_untuk(k, PIMPINAN, "desa", date(2025, 3, 1), date(2025, 3, 1), wilayah="35.17.01.2002")
    assert list(satu.kode_wilayah) == ["35.17.01.2002"]
