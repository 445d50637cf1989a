"""Local accounts (`akses.akun`): argon2id hashes, lock-out against brute force, forced change, sessions,
concurrent writers, and the audit record every action leaves.

Most tests swap in an argon2id hasher with a small cost (the production one takes ~0.1-1 s a hash); one test checks
the production parameters.
"""

from __future__ import annotations

import multiprocessing
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from argon2.low_level import Type

from akses import Pengguna, akun, audit
from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import bersamaan

SANDI = "Kabuh-Rahasia-2026"
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)
HASH_MURAH = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(autouse=True)
def hasher_murah(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "PENGHASH", HASH_MURAH)
    monkeypatch.setattr(akun, "_HASH_PALSU", [])


def _peristiwa(k: Konfigurasi) -> list[tuple[str | None, str, str | None]]:
    return [(c.pengguna, c.peristiwa, c.sasaran) for c in audit.baca(k)]


def test_parameter_produksi() -> None:
    ph = PasswordHasher()  # what akun.PENGHASH is outside these tests
    assert (ph.type, ph.memory_cost, ph.time_cost, ph.parallelism) == (Type.ID, 65536, 3, 4)


def test_tambah_masuk_keluar(konfigurasi: Konfigurasi) -> None:
    a = akun.tambah(konfigurasi, "Camat_Kabuh", "kecamatan", "351716", SANDI, oleh="os:tes")
    assert (a.nama, a.peran, a.kode_wilayah, a.wajib_ganti_sandi, a.gagal) == (
        "camat_kabuh", "kecamatan", "35.17.16", True, 0)
    sesi = akun.masuk(konfigurasi, "camat_kabuh", SANDI, sekarang=T0)
    assert isinstance(sesi, akun.Sesi)
    assert sesi.pengguna == Pengguna("camat_kabuh", "kecamatan", "35.17.16")
    assert (sesi.wajib_ganti_sandi, sesi.batas_menit, sesi.mulai) == (True, 30, T0)  # first password: must change
    akun.keluar(konfigurasi, sesi)
    assert _peristiwa(konfigurasi) == [("os:tes", "akun_tambah", "camat_kabuh"), ("camat_kabuh", "masuk", None),
                                       ("camat_kabuh", "keluar", None)]
    assert audit.baca(konfigurasi)[0].cakupan == "35.17.16"
    assert akun.cari(konfigurasi, "CAMAT_KABUH").masuk_terakhir == T0  # names are case-insensitive


def test_sandi_hanya_hash(konfigurasi: Konfigurasi) -> None:
    akun.tambah(konfigurasi, "budi", "perencana", None, SANDI)
    isi = konfigurasi.jalur_akun.read_bytes()
    assert SANDI.encode() not in isi and b"$argon2id$" in isi
    assert SANDI not in konfigurasi.jalur_audit.read_text(errors="ignore")
    assert (konfigurasi.jalur_akun.stat().st_mode & 0o777) == 0o600
    assert konfigurasi.jalur_akun.parent == konfigurasi.gudang.parent and konfigurasi.jalur_akun != konfigurasi.gudang


def test_penyimpanan_tidak_boleh_gudang(konfigurasi: Konfigurasi) -> None:
    with pytest.raises(akun.KesalahanAkun, match="tidak boleh sama dengan berkas gudang"):
        akun.daftar(replace(konfigurasi, berkas_akun=konfigurasi.gudang))


def test_penguncian_setelah_gagal_beruntun(konfigurasi: Konfigurasi) -> None:
    k = replace(konfigurasi, gagal_maks=5, kunci_menit=15)
    akun.tambah(k, "siti", "operator", None, SANDI)
    # four wrong passwords: refused with the common message, counted
    for i in range(1, 5):
        g = akun.masuk(k, "siti", f"tebakan-{i:04d}", sekarang=T0 + timedelta(seconds=i))
        assert isinstance(g, akun.GagalMasuk) and g.alasan == akun.PESAN_SALAH
        assert akun.cari(k, "siti").gagal == i
    # the fifth locks the account for 15 minutes from that attempt
    # (the same answer as a wrong password: the lock is not told, the store and the audit log keep it)
    g = akun.masuk(k, "siti", "tebakan-0005", sekarang=T0 + timedelta(seconds=5))
    assert g == akun.GagalMasuk(akun.PESAN_SALAH)
    assert akun.cari(k, "siti").terkunci_sampai == T0 + timedelta(seconds=5, minutes=15)
    # brute force during the lock: 200 guesses, then the right password: all refused, lock unchanged
    for i in range(200):
        assert isinstance(akun.masuk(k, "siti", f"tebakan-{i:05d}", sekarang=T0 + timedelta(minutes=1)),
                          akun.GagalMasuk)
    g = akun.masuk(k, "siti", SANDI, sekarang=T0 + timedelta(minutes=15))
    assert g == akun.GagalMasuk(akun.PESAN_SALAH)
    assert akun.cari(k, "siti").terkunci_sampai == T0 + timedelta(seconds=5, minutes=15)
    # after the lock: the right password works and the count starts again
    sesi = akun.masuk(k, "siti", SANDI, sekarang=T0 + timedelta(minutes=16))
    assert isinstance(sesi, akun.Sesi) and akun.cari(k, "siti").gagal == 0
    jenis = [c.peristiwa for c in audit.baca(k)]
    # 1 account added, 5 + 200 + 1 refused log-ins, 1 lock-out, 1 log-in
    assert (jenis.count("akun_tambah"), jenis.count("gagal_masuk"), jenis.count("akun_terkunci"),
            jenis.count("masuk")) == (1, 206, 1, 1)
    alasan = [c.rincian["alasan"] for c in audit.baca(k, peristiwa="gagal_masuk")]
    assert alasan[:4] == ["kata sandi salah"] * 4 and set(alasan[4:]) == {"terkunci"}


def _serbu(berkas_gudang: str, n: int) -> None:
    akun.PENGHASH = HASH_MURAH
    k = Konfigurasi(gudang=Path(berkas_gudang), kabupaten=("35.17",), berkas_kunci=Path(berkas_gudang).parent / "k")
    for i in range(n):
        akun.masuk(k, "siti", f"serbu-{i:04d}")


def test_serbuan_dari_empat_proses(konfigurasi: Konfigurasi) -> None:
    akun.tambah(konfigurasi, "siti", "operator", None, SANDI)
    konteks = multiprocessing.get_context("spawn")
    proses = [konteks.Process(target=_serbu, args=(str(konfigurasi.gudang), 15)) for _ in range(4)]
    for p in proses:
        p.start()
    for p in proses:
        p.join(120)
        assert p.exitcode == 0
    assert akun.cari(konfigurasi, "siti").terkunci()
    assert isinstance(akun.masuk(konfigurasi, "siti", SANDI), akun.GagalMasuk)  # even the right one, now
    assert len(audit.baca(konfigurasi, peristiwa="gagal_masuk")) == 4 * 15 + 1
    assert audit.verifikasi(konfigurasi) is None


def test_nama_tidak_dikenal(konfigurasi: Konfigurasi) -> None:
    akun.tambah(konfigurasi, "budi", "perencana", None, SANDI)
    salah_nama = akun.masuk(konfigurasi, "bukan_budi", SANDI)
    salah_sandi = akun.masuk(konfigurasi, "budi", "bukan-sandi-budi")
    aneh = akun.masuk(konfigurasi, "'; drop table pengguna; --", SANDI)
    assert salah_nama == salah_sandi == aneh == akun.GagalMasuk(akun.PESAN_SALAH)  # nothing tells names apart
    gagal = audit.baca(konfigurasi, peristiwa="gagal_masuk")
    assert [(c.pengguna, c.rincian["alasan"]) for c in gagal] == [
        ("bukan_budi", "nama tidak dikenal"), ("budi", "kata sandi salah"), (None, "nama tidak sah")]
    assert akun.cari(konfigurasi, "budi") is not None


def test_ganti_sandi_wajib(konfigurasi: Konfigurasi) -> None:
    akun.tambah(konfigurasi, "budi", "perencana", None, SANDI)
    sesi = akun.masuk(konfigurasi, "budi", SANDI, sekarang=T0)
    assert isinstance(sesi, akun.Sesi) and sesi.wajib_ganti_sandi
    with pytest.raises(akun.KesalahanAkun, match="lama salah"):
        akun.ganti_sandi(konfigurasi, "budi", "salah-sekali-ini", "Sandi-Baru-Budi-1")
    assert akun.cari(konfigurasi, "budi").gagal == 1  # a wrong old password counts as a failed log-in
    with pytest.raises(akun.KesalahanAkun, match="terlalu pendek"):
        akun.ganti_sandi(konfigurasi, "budi", SANDI, "pendek")
    with pytest.raises(akun.KesalahanAkun, match="berbeda"):
        akun.ganti_sandi(konfigurasi, "budi", SANDI, SANDI)
    akun.ganti_sandi(konfigurasi, "budi", SANDI, "Sandi-Baru-Budi-1", sekarang=T0 + timedelta(minutes=1))
    assert akun.sesi_berlaku(konfigurasi, sesi, sekarang=T0 + timedelta(minutes=2)) is None  # old session ends
    assert isinstance(akun.masuk(konfigurasi, "budi", SANDI), akun.GagalMasuk)
    baru = akun.masuk(konfigurasi, "budi", "Sandi-Baru-Budi-1")
    assert isinstance(baru, akun.Sesi) and not baru.wajib_ganti_sandi
    assert ("budi", "ganti_sandi", "budi") in _peristiwa(konfigurasi)


def test_reset(konfigurasi: Konfigurasi) -> None:
    k = replace(konfigurasi, gagal_maks=2)
    akun.tambah(k, "budi", "perencana", None, SANDI)
    akun.ganti_sandi(k, "budi", SANDI, "Sandi-Baru-Budi-1")
    for tebakan in ("salah-satu-aa", "salah-dua-bbb"):
        akun.masuk(k, "budi", tebakan)
    assert akun.cari(k, "budi").terkunci()
    sekali = akun.reset(k, "budi", oleh="os:admin")
    assert re.fullmatch(r"([A-HJ-NP-Za-km-z2-9]{4}-){3}[A-HJ-NP-Za-km-z2-9]{4}", sekali)
    a = akun.cari(k, "budi")
    assert (a.wajib_ganti_sandi, a.terkunci(), a.gagal) == (True, False, 0)
    assert isinstance(akun.masuk(k, "budi", "Sandi-Baru-Budi-1"), akun.GagalMasuk)
    sesi = akun.masuk(k, "budi", sekali)
    assert isinstance(sesi, akun.Sesi) and sesi.wajib_ganti_sandi
    assert ("os:admin", "akun_reset", "budi") in _peristiwa(k)
    with pytest.raises(akun.KesalahanAkun, match="tidak dikenal"):
        akun.reset(k, "hantu")


def test_hapus_dan_daftar(konfigurasi: Konfigurasi) -> None:
    akun.tambah(konfigurasi, "op_marmoyo", "desa", "35.17.16.2001", SANDI)
    akun.tambah(konfigurasi, "bupati", "pimpinan", "35.17", SANDI)
    assert [(a.nama, a.peran, a.kode_wilayah) for a in akun.daftar(konfigurasi)] == [
        ("bupati", "pimpinan", "35.17"), ("op_marmoyo", "desa", "35.17.16.2001")]
    sesi = akun.masuk(konfigurasi, "op_marmoyo", SANDI)
    assert isinstance(sesi, akun.Sesi)
    akun.hapus(konfigurasi, "op_marmoyo", oleh="os:admin")
    assert akun.cari(konfigurasi, "op_marmoyo") is None
    assert akun.sesi_berlaku(konfigurasi, sesi) is None
    assert isinstance(akun.masuk(konfigurasi, "op_marmoyo", SANDI), akun.GagalMasuk)
    with pytest.raises(akun.KesalahanAkun, match="tidak dikenal"):
        akun.hapus(konfigurasi, "op_marmoyo")
    hapus = audit.baca(konfigurasi, peristiwa="akun_hapus")[0]
    assert (hapus.pengguna, hapus.sasaran, hapus.cakupan, hapus.rincian) == (
        "os:admin", "op_marmoyo", "35.17.16.2001", {"peran": "desa"})
    assert akun.keterangan(akun.cari(konfigurasi, "bupati")) == "wajib ganti sandi"


def test_sesi_habis_bila_tidak_aktif(konfigurasi: Konfigurasi) -> None:
    k = replace(konfigurasi, sesi_menit=30)
    akun.tambah(k, "budi", "perencana", None, SANDI)
    sesi = akun.masuk(k, "budi", SANDI, sekarang=T0)
    assert isinstance(sesi, akun.Sesi)
    lanjut = akun.sesi_berlaku(k, sesi, sekarang=T0 + timedelta(minutes=29))
    assert lanjut is not None and lanjut.aktif_terakhir == T0 + timedelta(minutes=29)
    # 29 + 31 minutes: more than 30 idle since the last request
    assert akun.sesi_berlaku(k, lanjut, sekarang=T0 + timedelta(minutes=60)) is None
    assert audit.baca(k)[-1].peristiwa == "sesi_habis"


@pytest.mark.parametrize(("nama", "peran", "wilayah", "sandi", "pesan"), [
    ("x", "perencana", None, SANDI, "tidak sah"),
    ("budi sudarsono", "perencana", None, SANDI, "tidak sah"),
    ("budi", "raja", None, SANDI, "tidak dikenal"),
    ("budi", "kecamatan", None, SANDI, "butuh kode kecamatan"),
    ("budi", "desa", "35.17.16", SANDI, "butuh kode desa"),
    ("budi", "kecamatan", "35.16.01", SANDI, "di luar kabupaten"),
    ("budi", "perencana", None, "pendek", "terlalu pendek"),
    ("budi", "perencana", None, "budi", "terlalu pendek"),
    ("budisantoso", "perencana", None, "budisantoso", "mudah ditebak"),
    ("budi", "perencana", None, "aaaaaaaaaaaa", "mudah ditebak"),
    ("budi", "perencana", None, "   ", "kosong"),
])
def test_tambah_ditolak(konfigurasi: Konfigurasi, nama: str, peran: str, wilayah: str | None, sandi: str,
                        pesan: str) -> None:
    with pytest.raises(akun.KesalahanAkun, match=pesan):
        akun.tambah(konfigurasi, nama, peran, wilayah, sandi)
    assert akun.daftar(konfigurasi) == []
    assert audit.baca(konfigurasi) == []  # nothing happened, nothing recorded


def test_nama_ganda(konfigurasi: Konfigurasi) -> None:
    akun.tambah(konfigurasi, "budi", "perencana", None, SANDI)
    with pytest.raises(akun.KesalahanAkun, match="sudah ada"):
        akun.tambah(konfigurasi, "BUDI", "pimpinan", None, SANDI)
    assert akun.cari(konfigurasi, "budi").peran == "perencana"


def _tambah_banyak(berkas_gudang: str, awalan: str) -> None:
    akun.PENGHASH = HASH_MURAH
    k = Konfigurasi(gudang=Path(berkas_gudang), kabupaten=("35.17",), berkas_kunci=Path(berkas_gudang).parent / "k")
    for i in range(15):
        akun.tambah(k, f"{awalan}{i:02d}", "perencana", None, SANDI)


def test_dua_proses_menambah_bersamaan(konfigurasi: Konfigurasi) -> None:
    bersamaan(_tambah_banyak, [(str(konfigurasi.gudang), a) for a in ("ani", "eko")], 120)
    assert {a.nama for a in akun.daftar(konfigurasi)} == {f"{a}{i:02d}" for a in ("ani", "eko") for i in range(15)}
    assert len(audit.baca(konfigurasi, peristiwa="akun_tambah")) == 30 and audit.verifikasi(konfigurasi) is None


def test_akun_demo(konfigurasi: Konfigurasi) -> None:
    akun_demo = akun.buat_akun_demo(konfigurasi, oleh="os:demo")
    assert [(n, p, w) for n, p, w, _s in akun_demo] == [
        ("demo_pimpinan", "pimpinan", "Kabupaten Jombang"), ("demo_perencana", "perencana", "Kabupaten Jombang"),
        ("demo_operator", "operator", "Kabupaten Jombang"), ("demo_kecamatan", "kecamatan", "Kec. Kabuh"),
        ("demo_desa", "desa", "Desa Marmoyo"), ("demo_admin", "admin", "Kabupaten Jombang")]
    for nama, _p, _w, sandi in akun_demo:
        sesi = akun.masuk(konfigurasi, nama, sandi)
        assert isinstance(sesi, akun.Sesi) and sesi.wajib_ganti_sandi
    lagi = akun.buat_akun_demo(konfigurasi)  # run again: same accounts, new passwords
    assert {s for *_x, s in lagi}.isdisjoint({s for *_x, s in akun_demo})


def test_sesi_sah_tanpa_memperbarui_atau_mencatat(konfigurasi: Konfigurasi) -> None:
    """`sesi_sah` is the test of `sesi_berlaku` at one moment, for a download clicked or served after the page run:
    idle past the limit, reset, locked, deleted or a pending forced change are refused; nothing is renewed or
    audited."""
    k = replace(konfigurasi, sesi_menit=30, gagal_maks=2)
    for nama in ("budi", "sari", "tono"):
        akun.tambah(k, nama, "perencana", None, SANDI)
        akun.ganti_sandi(k, nama, SANDI, "Sandi-Baru-Budi-1", sekarang=T0)
    sesi = {n: akun.masuk(k, n, "Sandi-Baru-Budi-1", sekarang=T0) for n in ("budi", "sari", "tono")}
    assert all(isinstance(s, akun.Sesi) and not s.wajib_ganti_sandi for s in sesi.values())
    budi, sari, tono = (s for s in sesi.values() if isinstance(s, akun.Sesi))
    jumlah = len(audit.baca(k))
    assert akun.sesi_sah(k, budi, sekarang=T0 + timedelta(minutes=30))  # exactly 30 idle minutes: still valid
    assert not akun.sesi_sah(k, budi, sekarang=T0 + timedelta(minutes=31))  # idle past the limit
    assert len(audit.baca(k)) == jumlah  # no `sesi_habis`, nothing renewed
    assert budi.aktif_terakhir == T0
    akun.reset(k, "budi", oleh="os:admin")
    assert not akun.sesi_sah(k, budi, sekarang=T0 + timedelta(minutes=1))
    for tebakan in ("salah-satu-aa", "salah-dua-bbb"):
        akun.masuk(k, "sari", tebakan, sekarang=T0 + timedelta(minutes=1))
    assert not akun.sesi_sah(k, sari, sekarang=T0 + timedelta(minutes=2))  # locked for 15 minutes
    assert akun.sesi_sah(k, tono, sekarang=T0 + timedelta(minutes=2))
    akun.hapus(k, "tono", oleh="os:admin")
    assert not akun.sesi_sah(k, tono, sekarang=T0 + timedelta(minutes=2))
    assert not akun.sesi_sah(k, replace(sari, wajib_ganti_sandi=True), sekarang=T0)
