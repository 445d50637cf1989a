"""The audit log (`akses.audit`): append-only records, filters, the hash chain, concurrent writers."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from akses import audit
from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import bersamaan


def test_catat_dan_baca(konfigurasi: Konfigurasi) -> None:
    assert audit.baca(konfigurasi) == []  # no file yet
    audit.catat(konfigurasi, "masuk", "budi", cakupan="35.17", rincian={"peran": "perencana"},
                waktu=datetime(2026, 11, 20, 8, 0, tzinfo=UTC))
    audit.catat(konfigurasi, "unduh", "budi", sasaran="rapat_kabuh.xlsx", cakupan="35.17.16",
                rincian={"halaman": "rapat_kecamatan", "format": "xlsx"},
                waktu=datetime(2026, 11, 22, 9, 0, tzinfo=UTC))
    audit.catat(konfigurasi, "gagal_masuk", "siti", rincian={"alasan": "kata sandi salah"},
                waktu=datetime(2026, 11, 23, 7, 30, tzinfo=UTC))
    semua = audit.baca(konfigurasi)
    assert [(c.id, c.pengguna, c.peristiwa) for c in semua] == [(1, "budi", "masuk"), (2, "budi", "unduh"),
                                                                (3, "siti", "gagal_masuk")]
    assert semua[1].sasaran == "rapat_kabuh.xlsx" and semua[1].cakupan == "35.17.16"
    assert semua[1].rincian == {"halaman": "rapat_kecamatan", "format": "xlsx"}
    assert semua[0].waktu == datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    assert [c.id for c in audit.baca(konfigurasi, pengguna="budi")] == [1, 2]
    assert [c.id for c in audit.baca(konfigurasi, sejak=datetime(2026, 11, 21, tzinfo=UTC))] == [2, 3]
    assert [c.id for c in audit.baca(konfigurasi, sejak=date(2026, 11, 24))] == []
    assert [c.id for c in audit.baca(konfigurasi, peristiwa="unduh")] == [2]
    assert audit.verifikasi(konfigurasi) is None
    assert "unduh  rapat_kabuh.xlsx  cakupan 35.17.16" in semua[1].baris_teks()


def test_tidak_bisa_diubah_atau_dihapus(konfigurasi: Konfigurasi) -> None:
    audit.catat(konfigurasi, "masuk", "budi")
    con = sqlite3.connect(konfigurasi.jalur_audit)
    with pytest.raises(sqlite3.DatabaseError, match="hanya boleh ditambah"):
        con.execute("update audit set pengguna = 'orang_lain'")
    with pytest.raises(sqlite3.DatabaseError, match="hanya boleh ditambah"):
        con.execute("delete from audit")
    con.close()
    assert not any(hasattr(audit, nama) for nama in ("hapus", "ubah", "update", "delete"))  # no API for it
    assert (konfigurasi.jalur_audit.stat().st_mode & 0o777) == 0o600
    assert konfigurasi.jalur_audit != konfigurasi.gudang


def test_rantai_hash_menangkap_suntingan(konfigurasi: Konfigurasi) -> None:
    for nama in ("a_satu", "b_dua", "c_tiga"):
        audit.catat(konfigurasi, "masuk", nama)
    con = sqlite3.connect(konfigurasi.jalur_audit)
    con.execute("drop trigger audit_tanpa_ubah")  # someone working around the module with another client
    con.execute("update audit set pengguna = 'x_palsu' where id = 2")
    con.commit()
    con.close()
    assert audit.verifikasi(konfigurasi) == 2


def test_peristiwa_tidak_dikenal(konfigurasi: Konfigurasi) -> None:
    with pytest.raises(audit.KesalahanAudit, match="tidak dikenal"):
        audit.catat(konfigurasi, "minum_kopi", "budi")


def _tulis_banyak(berkas_gudang: str, awalan: str) -> None:
    k = Konfigurasi(gudang=Path(berkas_gudang), kabupaten=("35.17",), berkas_kunci=Path(berkas_gudang).parent / "k")
    for i in range(25):
        audit.catat(k, "unduh", f"{awalan}{i}")


def test_dua_proses_bersamaan(konfigurasi: Konfigurasi) -> None:
    bersamaan(_tulis_banyak, [(str(konfigurasi.gudang), a) for a in ("p", "q")], 60)
    semua = audit.baca(konfigurasi)
    # 2 x 25 records, none lost, ids 1..50, and one unbroken chain
    assert len(semua) == 50 and [c.id for c in semua] == list(range(1, 51))
    assert {c.pengguna for c in semua} == {f"{a}{i}" for a in "pq" for i in range(25)}
    assert audit.verifikasi(konfigurasi) is None
