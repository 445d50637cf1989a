"""Roles, rights and scope (`akses.peran`): who may read which wilayah and level, and which codes fit a role."""

from __future__ import annotations

import pandas as pd
import pytest

import akses
from akses import AksesDitolak, KesalahanWilayah, Lingkup, Pengguna

from tests.akses.pengguna import ADMIN, CAMAT_KABUH, DESA_MARMOYO, OPERATOR, PERENCANA, PIMPINAN, SEMUA_PERAN


@pytest.fixture
def tabel_wilayah() -> pd.DataFrame:
    kode = ["35.17", "35.17.16", "35.17.16.2001", "35.17.16.2002", "35.17.14", "35.17.14.2001"]
    return pd.DataFrame({"kode_wilayah": kode, "kasus_baru": range(len(kode))})


@pytest.mark.parametrize(("pengguna", "terlihat", "tingkat"), [
    (PIMPINAN, {"35.17", "35.17.16", "35.17.16.2001", "35.17.16.2002", "35.17.14", "35.17.14.2001"},
     ("kabupaten", "kecamatan", "desa")),
    (PERENCANA, {"35.17", "35.17.16", "35.17.16.2001", "35.17.16.2002", "35.17.14", "35.17.14.2001"},
     ("kabupaten", "kecamatan", "desa")),
    (OPERATOR, {"35.17", "35.17.16", "35.17.16.2001", "35.17.16.2002", "35.17.14", "35.17.14.2001"},
     ("kabupaten", "kecamatan", "desa")),
    (ADMIN, {"35.17", "35.17.16", "35.17.16.2001", "35.17.16.2002", "35.17.14", "35.17.14.2001"},
     ("kabupaten", "kecamatan", "desa")),
    # Kabuh and its desa only: not the kabupaten row (it sums other kecamatan), not Ploso
    (CAMAT_KABUH, {"35.17.16", "35.17.16.2001", "35.17.16.2002"}, ("kecamatan", "desa")),
    # Marmoyo only: not the Kabuh row (it sums other desa)
    (DESA_MARMOYO, {"35.17.16.2001"}, ("desa",)),
    (None, {"35.17", "35.17.16", "35.17.16.2001", "35.17.16.2002", "35.17.14", "35.17.14.2001"},
     ("kabupaten", "kecamatan", "desa")),
])
def test_saring_per_peran(tabel_wilayah: pd.DataFrame, pengguna: Pengguna | None, terlihat: set[str],
                          tingkat: tuple[str, ...]) -> None:
    assert set(akses.saring(tabel_wilayah, pengguna)["kode_wilayah"]) == terlihat
    assert akses.tingkat_boleh(pengguna) == tingkat


@pytest.mark.parametrize(("pengguna", "diminta", "kata"), [
    (CAMAT_KABUH, "35.17.14", "Kec. Ploso"),  # another kecamatan: the tampered ?kec=
    (CAMAT_KABUH, "35.17.14.2001", "Desa Tanggungkramat"),  # a desa of another kecamatan
    (CAMAT_KABUH, "35.17", "Kabupaten Jombang"),  # the parent
    (DESA_MARMOYO, "35.17.16", "Kec. Kabuh"),
    (DESA_MARMOYO, "35.17.16.2002", "Desa Tanjungwadung"),  # the neighbouring desa
    (PIMPINAN, "35.16", "Kabupaten Mojokerto"),  # another regency
])
def test_permintaan_di_luar_cakupan_ditolak(tabel_wilayah: pd.DataFrame, pengguna: Pengguna, diminta: str,
                                            kata: str) -> None:
    with pytest.raises(AksesDitolak) as e:
        akses.saring(tabel_wilayah, pengguna, diminta=diminta)
    assert kata in str(e.value) and "tidak berhak" in str(e.value)
    assert akses.nama_wilayah(pengguna.kode_wilayah) in str(e.value)  # says what the account is for


def test_permintaan_di_dalam_cakupan(tabel_wilayah: pd.DataFrame) -> None:
    assert len(akses.saring(tabel_wilayah, CAMAT_KABUH, diminta="35.17.16.2002")) == 3  # scope rows, not narrowed
    akses.periksa_wilayah(DESA_MARMOYO, "35.17.16.2001")
    akses.periksa_wilayah(PIMPINAN, "35.17.14.2001")
    with pytest.raises(AksesDitolak, match="kabupaten tidak boleh dibaca"):
        akses.periksa_tingkat(CAMAT_KABUH, "kabupaten")
    with pytest.raises(AksesDitolak, match="kecamatan tidak boleh dibaca"):
        akses.periksa_tingkat(DESA_MARMOYO, "kecamatan")


def test_cakupan_bukan_awalan_teks() -> None:
    # 35.17.1 is not a parent of 35.17.16: containment is by whole code parts
    assert not Lingkup("kecamatan", "35.17.1").memuat("35.17.16")
    assert Lingkup("kecamatan", "35.17.16").memuat("35.17.16.2001")
    assert not Lingkup("kecamatan", "35.17.16").memuat(None)


def test_hak_peran() -> None:
    def bisa(hak: str) -> set[str]:
        return {p.peran for p in SEMUA_PERAN if akses.boleh(p, hak)}

    assert bisa("baca") == {"pimpinan", "perencana", "operator", "admin", "kecamatan", "desa"}
    assert bisa("unggah") == {"operator"}
    assert bisa("akun") == {"admin"}
    assert bisa("audit") == {"perencana", "operator", "admin"}
    assert bisa("unduh") == {"perencana", "operator", "admin", "kecamatan", "desa"}
    assert bisa("kualitas") == {"perencana", "operator", "admin"}
    # admin reads no more data than perencana
    assert akses.HAK["admin"] - {"akun"} <= akses.HAK["perencana"]
    with pytest.raises(AksesDitolak, match="Peran pimpinan tidak berhak mengunduh data"):
        akses.wajib_hak(PIMPINAN, "unduh")
    with pytest.raises(AksesDitolak, match="tidak dikenal"):
        akses.lingkup(Pengguna("x", "raja", "35.17"))
    # a role whose code does not fit it never gets the wider scope of the code
    for salah in (Pengguna("x", "kecamatan", "35.17"), Pengguna("x", "desa", "35.17.16"),
                  Pengguna("x", "pimpinan", "35.17.16"), Pengguna("x", "desa", "35.17.16.20")):
        with pytest.raises(AksesDitolak, match="tidak sah"):
            akses.saring(pd.DataFrame({"kode_wilayah": ["35.17.16.2001"]}), salah)
    assert akses.boleh(None, "unggah")  # the system (command line)


def test_kode_untuk_peran(konfigurasi) -> None:
    assert akses.kode_untuk_peran("pimpinan", None, konfigurasi) == "35.17"  # the only configured regency
    assert akses.kode_untuk_peran("kecamatan", "351716", konfigurasi) == "35.17.16"
    assert akses.kode_untuk_peran("desa", "3517162001", konfigurasi) == "35.17.16.2001"
    salah = [("kecamatan", None, "butuh kode kecamatan"), ("kecamatan", "35.17.16.2001", "bukan kode desa"),
             ("desa", "35.17.16", "butuh kode desa"), ("kecamatan", "35.16.01", "di luar kabupaten"),
             ("desa", "35.17.16.2999", "tidak ada dalam daftar"), ("perencana", "35.17.16", "butuh kode kabupaten"),
             ("lurah", "35.17", "tidak dikenal"), ("kecamatan", "35.17.1x", "tidak sah")]
    for peran, kode, pesan in salah:
        with pytest.raises(KesalahanWilayah, match=pesan):
            akses.kode_untuk_peran(peran, kode, konfigurasi)
