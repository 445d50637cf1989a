"""NIK/KK validation (contract section 3) and HMAC pseudonyms with a key file created mode 600."""

from __future__ import annotations

import hashlib
import hmac
from pathlib import Path

import pytest

from akses.pseudonim import jalur_kunci_aman, muat_kunci, periksa_kk, periksa_nik, pseudonim
from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi

KEC = frozenset({"351701", "351709"})


def test_nik_sah_dengan_tanda_baca_dan_apostrof() -> None:
    assert periksa_nik("3517014506800001", KEC) == ("3517014506800001", None)
    assert periksa_nik("'3517.0145.0680.0001", KEC) == ("3517014506800001", None)
    assert periksa_nik("3517-0145-0680-0001", KEC)[0] == "3517014506800001"


@pytest.mark.parametrize("sel,bagian_alasan", [
    (3517014506800001.0, "angka di Excel"),
    ("3.51701E+15", "angka di Excel"),
    ("351701450680001", "15 digit"),
    ("9917014506800001", "bukan kode kecamatan"),
    ("3517013506800001", "digit 7-8"),
    ("3517014513800001", "digit 9-10"),
    ("3517014506800000", "nol semua"),
    ("35170145068000AB", "selain angka"),
])
def test_nik_tidak_sah(sel: object, bagian_alasan: str) -> None:
    nik, alasan = periksa_nik(sel, KEC)
    assert nik is None and alasan is not None and bagian_alasan in alasan


def test_nik_kosong_bukan_peringatan() -> None:
    assert periksa_nik(None, KEC) == (None, None)
    assert periksa_nik("-", KEC) == (None, None)


def test_kk() -> None:
    assert periksa_kk("3517010101250001") == ("3517010101250001", None)
    assert periksa_kk("12345")[0] is None


def test_pseudonim_hmac_sha256() -> None:
    harapan = hmac.new(b"k", b"3517014506800001", hashlib.sha256).hexdigest()
    assert pseudonim(b"k", "3517014506800001") == harapan
    assert pseudonim(b"k2", "3517014506800001") != harapan


def test_berkas_kunci_dibuat_600_dan_tetap(tmp_path: Path) -> None:
    k = Konfigurasi(gudang=tmp_path / "g.duckdb", kabupaten=("35.17",), berkas_kunci=tmp_path / "rahasia" / "k",
                    folder_referensi=FOLDER_REFERENSI)
    kunci1 = muat_kunci(k)
    assert len(kunci1) == 64 and jalur_kunci_aman(k.berkas_kunci)
    assert muat_kunci(k) == kunci1


def test_kunci_dari_lingkungan_menang(tmp_path: Path) -> None:
    k = Konfigurasi(gudang=tmp_path / "g.duckdb", kabupaten=("35.17",), berkas_kunci=tmp_path / "k", kunci="abc",
                    folder_referensi=FOLDER_REFERENSI)
    assert muat_kunci(k) == b"abc" and not (tmp_path / "k").exists()
