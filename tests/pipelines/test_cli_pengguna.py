"""`pantau pengguna`, `pantau audit`, `pantau ingest --sebagai` and `pantau metrik --sebagai`.

Two tests run the real `pantau` in a subprocess (password from the first line of a piped standard input, an unknown
`--sebagai`); the others call `pipelines.cli.main` in-process (same parser, same code, exit status returned) with a
cheap argon2id hasher, to keep the suite fast. Errors end with an Indonesian message and exit status 2, never a
traceback or data.
"""

from __future__ import annotations

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from argon2 import PasswordHasher

from akses import akun, audit
from pipelines import cli
from pipelines.konfigurasi import muat_konfigurasi

SANDI = "Rahasia-Kabuh-2026"


def _pantau(*args: str, masukan: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True,
                          input=masukan, check=False, env=dict(os.environ))


@pytest.fixture
def jalankan(env_uji: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    """`pantau ARGS` in-process: (exit status, stdout, stderr); `masukan` is standard input (not a terminal)."""
    monkeypatch.setattr(akun, "PENGHASH", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(akun, "_HASH_PALSU", [])

    def _jalankan(*args: str, masukan: str = "", env: dict | None = None) -> tuple[int, str, str]:
        monkeypatch.setattr(sys, "stdin", io.StringIO(masukan))
        for kunci, nilai in (env or {}).items():
            monkeypatch.setenv(kunci, nilai)
        capsys.readouterr()
        try:
            rc = cli.main(list(args))
        finally:
            for kunci in env or {}:
                monkeypatch.delenv(kunci)
        keluar = capsys.readouterr()
        return rc, keluar.out, keluar.err

    return _jalankan


def _gagal(hasil: tuple[int, str, str] | subprocess.CompletedProcess, pesan: str) -> None:
    rc, out, err = (hasil.returncode, hasil.stdout, hasil.stderr) if isinstance(
        hasil, subprocess.CompletedProcess) else hasil
    assert rc == 2, out + err
    assert pesan in err and "Traceback" not in err
    assert out == ""


def test_tambah_dari_stdin_subproses(env_uji: Path) -> None:
    # the real command: only the first line of a piped standard input is the password
    h = _pantau("pengguna", "tambah", "Camat_Kabuh", "--peran", "kecamatan", "--wilayah", "351716",
                masukan=f"{SANDI}\nbaris kedua bukan sandi\n")
    assert h.returncode == 0, h.stderr
    assert h.stdout.strip() == ("Pengguna camat_kabuh ditambahkan: kecamatan, Kec. Kabuh (35.17.16). "
                                "Kata sandi pertama harus diganti saat masuk.")
    k = muat_konfigurasi()
    sesi = akun.masuk(k, "camat_kabuh", SANDI)
    assert isinstance(sesi, akun.Sesi) and sesi.wajib_ganti_sandi
    assert SANDI.encode() not in k.jalur_akun.read_bytes()
    _gagal(_pantau("pengguna", "tambah", "camat_kabuh", "--peran", "kecamatan", "--wilayah", "35.17.16",
                   masukan=SANDI), "sudah ada")


def test_daftar_reset_hapus(jalankan) -> None:
    rc, out, _ = jalankan("pengguna", "tambah", "camat_kabuh", "--peran", "kecamatan", "--wilayah", "35.17.16",
                          masukan=SANDI + "\n")
    assert rc == 0 and "camat_kabuh ditambahkan" in out
    k = muat_konfigurasi()
    assert isinstance(akun.masuk(k, "camat_kabuh", SANDI), akun.Sesi)
    _, daftar, _ = jalankan("pengguna", "daftar")
    assert re.search(r"camat_kabuh +kecamatan +35\.17\.16 Kec\. Kabuh +wajib ganti sandi +masuk terakhir: \d{4}-",
                     daftar), daftar

    rc, out, _ = jalankan("pengguna", "reset", "camat_kabuh")
    assert rc == 0 and "tidak ditampilkan lagi" in out
    sekali = re.search(r"untuk camat_kabuh: (\S+)", out).group(1)
    assert isinstance(akun.masuk(k, "camat_kabuh", SANDI), akun.GagalMasuk)
    assert isinstance(akun.masuk(k, "camat_kabuh", sekali), akun.Sesi)

    assert jalankan("pengguna", "hapus", "camat_kabuh")[1].strip() == "Pengguna camat_kabuh dihapus."
    assert "Belum ada pengguna" in jalankan("pengguna", "daftar")[1]

    pelaku = audit.pelaku_os()
    jejak = [(c.pengguna, c.peristiwa, c.sasaran) for c in audit.baca(k)]
    assert jejak == [(pelaku, "akun_tambah", "camat_kabuh"), ("camat_kabuh", "masuk", None),
                     (pelaku, "akun_reset", "camat_kabuh"), ("camat_kabuh", "gagal_masuk", None),
                     ("camat_kabuh", "masuk", None), (pelaku, "akun_hapus", "camat_kabuh")]
    assert sekali not in k.jalur_audit.read_text(errors="ignore")


@pytest.mark.parametrize(("args", "masukan", "pesan"), [
    (("tambah", "bupati", "--peran", "raja"), SANDI, 'Peran "raja" tidak dikenal'),
    (("tambah", "camat", "--peran", "kecamatan"), SANDI, "butuh kode kecamatan (--wilayah)"),
    (("tambah", "camat", "--peran", "kecamatan", "--wilayah", "35.16.01"), SANDI, "di luar kabupaten"),
    (("tambah", "bupati", "--peran", "pimpinan"), "", "Kata sandi kosong"),
    (("tambah", "bupati", "--peran", "pimpinan"), "pendek", "terlalu pendek"),
    (("tambah", "b", "--peran", "pimpinan"), SANDI, "tidak sah"),
    (("hapus", "hantu"), "", 'Pengguna "hantu" tidak dikenal'),
    (("reset", "hantu"), "", 'Pengguna "hantu" tidak dikenal'),
])
def test_kesalahan_pengguna(jalankan, args: tuple[str, ...], masukan: str, pesan: str) -> None:
    _gagal(jalankan("pengguna", *args, masukan=masukan), pesan)
    assert akun.daftar(muat_konfigurasi()) == []


def test_pengelola_akun_harus_admin(jalankan) -> None:
    assert jalankan("pengguna", "tambah", "budi", "--peran", "perencana", masukan=SANDI)[0] == 0
    # PANTAU_PENGGUNA names who acts: a perencana may not manage accounts, an admin may
    _gagal(jalankan("pengguna", "reset", "budi", env={"PANTAU_PENGGUNA": "budi"}),
           "Peran perencana tidak berhak mengelola akun")
    assert jalankan("pengguna", "tambah", "admin1", "--peran", "admin", masukan=SANDI)[0] == 0
    assert jalankan("pengguna", "reset", "budi", env={"PANTAU_PENGGUNA": "admin1"})[0] == 0
    assert audit.baca(muat_konfigurasi(), peristiwa="akun_reset")[0].pengguna == "admin1"


def test_audit_cli(jalankan) -> None:
    rc, out, _ = jalankan("audit")
    assert rc == 0 and "belum ada" in out
    jalankan("pengguna", "tambah", "bupati", "--peran", "pimpinan", masukan=SANDI)
    k = muat_konfigurasi()
    akun.masuk(k, "bupati", "salah-salah-salah")
    teks = jalankan("audit")[1].splitlines()
    assert len(teks) == 2
    assert re.match(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d  os:\S+  akun_tambah  bupati  cakupan 35\.17  "
                    r'\{"peran": "pimpinan"\}$', teks[0])
    assert "bupati  gagal_masuk" in teks[1] and '"alasan": "kata sandi salah"' in teks[1]
    js = json.loads(jalankan("audit", "--pengguna", "bupati", "--json")[1])
    assert [c["peristiwa"] for c in js] == ["gagal_masuk"]
    assert "yang cocok" in jalankan("audit", "--sejak", "2999-01-01")[1]
    with pytest.raises(SystemExit):  # argparse: a date that is not one
        jalankan("audit", "--sejak", "kemarin")
    # an edit around the module shows: exit 1 and a warning
    con = sqlite3.connect(k.jalur_audit)
    con.execute("drop trigger audit_tanpa_ubah")
    con.execute("update audit set pengguna = 'orang_lain' where id = 1")
    con.commit()
    con.close()
    rc, _, err = jalankan("audit")
    assert rc == 1 and "diubah di luar Pantau mulai catatan #1" in err


@pytest.fixture
def dengan_akun(jalankan, berkas_perak: list[Path]) -> list[Path]:
    for nama, peran, wilayah in (("op_dinsos", "operator", None), ("camat_perak", "kecamatan", "35.17.01"),
                                 ("bupati", "pimpinan", None)):
        args = ["pengguna", "tambah", nama, "--peran", peran] + (["--wilayah", wilayah] if wilayah else [])
        assert jalankan(*args, masukan=SANDI)[0] == 0
    return berkas_perak


def test_ingest_tercatat(jalankan, dengan_akun: list[Path]) -> None:
    berkas = list(map(str, dengan_akun))
    _gagal(jalankan("ingest", "--sebagai", "bupati", *berkas), "Peran pimpinan tidak berhak mengunggah data")
    _gagal(jalankan("ingest", "--sebagai", "hantu", *berkas), 'Pengguna "hantu" tidak dikenal')
    k = muat_konfigurasi()
    assert not k.gudang.exists()  # refused before anything was loaded
    rc, out, err = jalankan("ingest", "--sebagai", "op_dinsos", "--json", *berkas)
    assert rc == 0, err
    ringkasan = json.loads(out)["berkas"]
    catatan = audit.baca(k, peristiwa="ingest")[-1]
    assert catatan.pengguna == "op_dinsos"
    assert catatan.sasaran == "puskesos_perak.csv, kasus_perak_2025_03.csv, kasus_perak_2025_04.xlsx"
    assert [b["berkas"] for b in catatan.rincian["berkas"]] == [Path(r["berkas"]).name for r in ringkasan]
    assert catatan.rincian["jumlah"]["dimuat"] == sum(r["baris_dimuat"] for r in ringkasan)
    # March CSV: 11 read, 8 loaded, 3 quarantined, 5 skipped (README)
    maret = next(b for b in catatan.rincian["berkas"] if b["berkas"] == "kasus_perak_2025_03.csv")
    assert (maret["dibaca"], maret["dimuat"], maret["dikarantina"], maret["dilewati"]) == (11, 8, 3, 5)
    # loading again, as the OS user and then as PANTAU_PENGGUNA
    assert jalankan("ingest", berkas[0])[0] == 0
    assert jalankan("ingest", berkas[0], env={"PANTAU_PENGGUNA": "op_dinsos"})[0] == 0
    assert [c.pengguna for c in audit.baca(k, peristiwa="ingest")] == ["op_dinsos", audit.pelaku_os(), "op_dinsos"]
    # a missing file is refused before anything is loaded or recorded
    _gagal(jalankan("ingest", str(Path(berkas[0]).parent / "tidak_ada.csv")), "tidak ditemukan")
    assert len(audit.baca(k, peristiwa="ingest")) == 3


def test_metrik_sebagai(jalankan, dengan_akun: list[Path]) -> None:
    assert jalankan("ingest", *map(str, dengan_akun))[0] == 0
    bulan = ("--dari", "2025-03", "--sampai", "2025-03")
    rc, out, err = jalankan("metrik", "--tingkat", "desa", *bulan, "--sebagai", "camat_perak")
    assert rc == 0, err
    df = pd.read_csv(io.StringIO(out), dtype={"kode_wilayah": str})
    assert len(df) == 13 and df.kode_wilayah.str.startswith("35.17.01.").all()  # Perak's 13 desa, nobody else
    kep = df.set_index("kode_wilayah").loc["35.17.01.2002"]
    # Kepuhkajang: KDRT + one other case; the KDRT case hidden and left out of kasus_baru (2 - 1)
    assert (kep.kasus_kekerasan_perempuan, kep.kasus_kekerasan_anak, kep.kasus_sensitif, kep.kasus_baru,
            bool(kep.kasus_baru_sebagian)) == ("<5", "<5", "<5", 1, True)
    assert not df.kasus_kekerasan_perempuan.isin(["1", "2", "3", "4"]).any()

    _gagal(jalankan("metrik", "--tingkat", "kabupaten", *bulan, "--sebagai", "camat_perak"),
           "Tingkat kabupaten tidak boleh dibaca")
    _gagal(jalankan("metrik", "--tingkat", "desa", *bulan, "--sebagai", "camat_perak", "--wilayah", "35.17.16"),
           "tidak berhak melihat data Kec. Kabuh")
    _gagal(jalankan("metrik", "--set", "target", "--sebagai", "camat_perak"), "Tingkat kabupaten tidak boleh dibaca")

    kab = json.loads(jalankan("metrik", "--tingkat", "kabupaten", *bulan, "--sebagai", "bupati", "--format",
                              "json")[1])
    assert (kab[0]["kode_wilayah"], kab[0]["kasus_kekerasan_perempuan"], kab[0]["kasus_baru"]) == ("35.17", 1, 6)
    kec = json.loads(jalankan("metrik", "--tingkat", "kecamatan", *bulan, "--sebagai", "camat_perak", "--format",
                              "json")[1])
    assert [(r["kode_wilayah"], r["kasus_kekerasan_perempuan"], r["kasus_baru"]) for r in kec] == [
        ("35.17.01", "<5", 5)]
    unduh = audit.baca(muat_konfigurasi(), peristiwa="unduh")
    assert [(c.cakupan, c.rincian["sebagai"], c.rincian["tingkat"], c.rincian["baris"]) for c in unduh] == [
        ("35.17.01", "camat_perak", "desa", 13), ("35.17", "bupati", "kabupaten", 1),
        ("35.17.01", "camat_perak", "kecamatan", 1)]

    # the real command: an unknown user gets an error, a non-zero exit and no data
    _gagal(_pantau("metrik", "--tingkat", "desa", *bulan, "--sebagai", "hantu"), 'Pengguna "hantu" tidak dikenal')
