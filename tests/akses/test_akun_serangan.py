"""Accounts under attack (`akses.akun`): log-in answers that tell no names apart (an unknown name, a wrong password
and a locked account give the same message after the same work: one password verification each), and new passwords
checked against common passwords, dictionary words and the user's own name (zxcvbn, NIST SP 800-63B).

The work is counted (calls to the hasher's `verify`) rather than timed: timing assertions are flaky.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from argon2 import PasswordHasher

from akses import akun, audit
from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import SANDI_UJI

SANDI = "Kabuh-Rahasia-2026"
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


class PenghashTerhitung(PasswordHasher):
    """A cheap argon2id hasher that counts its verifications."""

    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)
        self.verifikasi = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verifikasi += 1
        return super().verify(hash, password)


@pytest.fixture
def penghash(monkeypatch: pytest.MonkeyPatch) -> PenghashTerhitung:
    ph = PenghashTerhitung()
    monkeypatch.setattr(akun, "PENGHASH", ph)
    monkeypatch.setattr(akun, "_HASH_PALSU", [])
    return ph


def _kunci(k: Konfigurasi, nama: str) -> None:
    for i in range(k.gagal_maks):
        akun.masuk(k, nama, f"tebakan-ke-{i:03d}", sekarang=T0)
    assert akun.cari(k, nama).terkunci(T0 + timedelta(minutes=1))


def test_tidak_dikenal_salah_terkunci_sama(konfigurasi: Konfigurasi, penghash: PenghashTerhitung) -> None:
    k = replace(konfigurasi, gagal_maks=3, kunci_menit=15)
    akun.tambah(k, "siti", "operator", None, SANDI)
    akun.tambah(k, "dewi", "operator", None, SANDI)
    _kunci(k, "dewi")
    sekarang = T0 + timedelta(minutes=1)
    hasil, kerja = [], []
    for nama, sandi in (("hantu", SANDI), ("siti", "bukan-sandi-siti"), ("dewi", "bukan-sandi-dewi"),
                        ("dewi", SANDI)):
        sebelum = penghash.verifikasi
        hasil.append(akun.masuk(k, nama, sandi, sekarang=sekarang))
        kerja.append(penghash.verifikasi - sebelum)
    # the same value (message and no lock time) and one verification each: nothing tells the cases apart
    assert hasil == [akun.GagalMasuk(akun.PESAN_SALAH)] * 4
    assert kerja == [1, 1, 1, 1]
    # the lock stays in force and unchanged; the audit log keeps the real reason for the admin
    assert akun.cari(k, "dewi").terkunci_sampai == T0 + timedelta(minutes=15)
    assert akun.keterangan(akun.cari(k, "dewi"), sekarang).startswith("terkunci sampai")
    alasan = [(c.pengguna, c.rincian["alasan"]) for c in audit.baca(k, peristiwa="gagal_masuk")][-4:]
    assert alasan == [("hantu", "nama tidak dikenal"), ("siti", "kata sandi salah"), ("dewi", "terkunci"),
                      ("dewi", "terkunci")]


def test_penguncian_dijawab_seperti_sandi_salah(konfigurasi: Konfigurasi, penghash: PenghashTerhitung) -> None:
    k = replace(konfigurasi, gagal_maks=3, kunci_menit=15)
    akun.tambah(k, "dewi", "operator", None, SANDI)
    jawaban = [akun.masuk(k, "dewi", f"tebakan-ke-{i:03d}", sekarang=T0) for i in range(3)]
    assert jawaban == [akun.GagalMasuk(akun.PESAN_SALAH)] * 3  # the attempt that locks says nothing more
    assert akun.cari(k, "dewi").terkunci(T0)


def test_terkunci_sandi_benar_ditolak(konfigurasi: Konfigurasi, penghash: PenghashTerhitung) -> None:
    k = replace(konfigurasi, gagal_maks=3, kunci_menit=15)
    akun.tambah(k, "dewi", "operator", None, SANDI)
    _kunci(k, "dewi")
    assert akun.masuk(k, "dewi", SANDI, sekarang=T0 + timedelta(minutes=14)) == akun.GagalMasuk(akun.PESAN_SALAH)
    sebelum = penghash.verifikasi
    with pytest.raises(akun.KesalahanAkun, match=r"^Kata sandi lama salah\.$"):  # changing it: no way round
        akun.ganti_sandi(k, "dewi", SANDI, "kuda-laut-makan-tempe-pedas", sekarang=T0 + timedelta(minutes=14))
    assert penghash.verifikasi - sebelum == 1
    assert akun.cari(k, "dewi").terkunci_sampai == T0 + timedelta(minutes=15)
    assert isinstance(akun.masuk(k, "dewi", SANDI, sekarang=T0 + timedelta(minutes=16)), akun.Sesi)


@pytest.mark.parametrize(("nama", "sandi"), [
    ("budi", "password12"),
    ("budi", "1234567890"),
    ("budi", "rahasia123"),
    ("budi", "qwertyuiop"),
    ("budi", "Pa$$w0rd123"),
    ("camat_kabuh", "camat_kabuh1234"),
    ("camat_kabuh", "camatkabuh99"),
    ("camat_kabuh", "Kabuh19781231"),
    ("budi", "budi12345678"),
])
def test_sandi_umum_atau_nama_ditolak(konfigurasi: Konfigurasi, penghash: PenghashTerhitung, nama: str,
                                      sandi: str) -> None:
    with pytest.raises(akun.KesalahanAkun, match="Pilih kalimat sandi yang lebih panjang dan tidak umum") as e:
        akun.tambah(konfigurasi, nama, "perencana", None, sandi)
    assert str(e.value) == akun.PESAN_LEMAH and sandi not in str(e.value)
    assert akun.daftar(konfigurasi) == []


def test_sandi_lemah_ditolak_saat_ganti(konfigurasi: Konfigurasi, penghash: PenghashTerhitung) -> None:
    akun.tambah(konfigurasi, "siti", "operator", None, SANDI)
    for baru in ("password12", "siti12345678"):
        with pytest.raises(akun.KesalahanAkun, match="tidak umum"):
            akun.ganti_sandi(konfigurasi, "siti", SANDI, baru)
    # the linked e-mail counts as the user's own words too
    akun.atur_surel(konfigurasi, "siti", "siti.rahayu@jombangkab.go.id")
    with pytest.raises(akun.KesalahanAkun, match="tidak umum"):
        akun.ganti_sandi(konfigurasi, "siti", SANDI, "sitirahayu2026")
    assert akun.cari(konfigurasi, "siti").wajib_ganti_sandi  # nothing changed
    akun.ganti_sandi(konfigurasi, "siti", SANDI, "kuda-laut-makan-tempe-pedas")
    assert isinstance(akun.masuk(konfigurasi, "siti", "kuda-laut-makan-tempe-pedas"), akun.Sesi)


def test_kalimat_sandi_diterima(konfigurasi: Konfigurasi, penghash: PenghashTerhitung) -> None:
    a = akun.tambah(konfigurasi, "camat_kabuh", "kecamatan", "35.17.16", "kuda-laut-makan-tempe-pedas")
    assert a.nama == "camat_kabuh"
    for sandi in ("Sungai Brantas mengalir ke utara pagi ini", SANDI, SANDI_UJI, SANDI_UJI + "-awal"):
        akun.periksa_sandi(sandi, "camat_kabuh")


def test_sandi_acak_lolos_aturan() -> None:
    for _ in range(100):
        akun.periksa_sandi(akun.sandi_acak(), "demo_kecamatan")
