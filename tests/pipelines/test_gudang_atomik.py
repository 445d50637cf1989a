"""A load is all or nothing: kill -9 mid-load or mid-build, or a failing check, leaves the warehouse as it was."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines import build
from pipelines.build import PemeriksaanGagal
from pipelines.ingest import muat

from tests.fixtures import FIXTURES, HARI_MUAT, buat_konfigurasi


def _sidik(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def _isi(p: Path) -> tuple:
    con = duckdb.connect(str(p), read_only=True)
    try:
        return con.execute("select (select count(*) from raw_laporan_kasus), (select count(*) from meta_berkas), "
                           "(select sum(kasus_baru) from mart_wilayah_bulan)").fetchone()
    finally:
        con.close()


def _bunuh_saat(tahap: str, gudang: Path, berkas: list[Path], tmp_path: Path) -> None:
    env = {**os.environ, "PANTAU_DB": str(gudang), "PANTAU_KUNCI": "kunci-uji", "PANTAU_KABUPATEN": "35.17",
           "PANTAU_UJI_JEDA": f"{tahap}:30"}
    proses = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "ingest", *map(str, berkas)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    sementara = list(gudang.parent.glob(f".{gudang.name}.tmp-*"))
    batas = time.monotonic() + 60
    while not sementara and time.monotonic() < batas:  # wait until the writer is at work on its copy
        time.sleep(0.1)
        sementara = list(gudang.parent.glob(f".{gudang.name}.tmp-*"))
    time.sleep(2.0 if tahap == "bangun" else 0.5)
    proses.send_signal(signal.SIGKILL)
    proses.wait(timeout=30)
    assert sementara, "the writer never started"


@pytest.mark.parametrize("tahap", ["muat", "bangun"])
def test_kill_9_tidak_mengubah_gudang(tmp_path: Path, berkas_perak: list[Path], tahap: str) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([FIXTURES / "kasus_perak_2025_03.csv"], k, hari_ini=HARI_MUAT)
    sidik_awal, isi_awal = _sidik(k.gudang), _isi(k.gudang)

    _bunuh_saat(tahap, k.gudang, berkas_perak, tmp_path)

    assert _sidik(k.gudang) == sidik_awal and _isi(k.gudang) == isi_awal
    # the next load succeeds, cleans the stale copy, and brings in the April report
    ringkasan = muat(berkas_perak, k, hari_ini=HARI_MUAT)
    assert not list(tmp_path.glob(".gudang.duckdb.tmp-*"))
    assert [r.sudah_pernah_dimuat for r in ringkasan if r.jenis] == [False, True, False]
    assert _isi(k.gudang)[0] == 8 + 5


def test_pemeriksaan_gagal_tidak_mengganti_gudang(tmp_path: Path, berkas_perak: list[Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    k = buat_konfigurasi(tmp_path)
    muat([FIXTURES / "kasus_perak_2025_03.csv"], k, hari_ini=HARI_MUAT)
    sidik_awal = _sidik(k.gudang)
    folder_cek = tmp_path / "sql"
    (folder_cek / "checks").mkdir(parents=True)
    for sub in ("staging", "intermediate", "marts", "kueri"):
        (folder_cek / sub).symlink_to(build.FOLDER_SQL / sub)
    (folder_cek / "checks" / "check_selalu_gagal.sql").write_text("select 1 as masalah")
    monkeypatch.setattr(build, "FOLDER_SQL", folder_cek)
    with pytest.raises(PemeriksaanGagal, match="check_selalu_gagal: 1 baris"):
        muat(berkas_perak, k, hari_ini=HARI_MUAT)
    assert _sidik(k.gudang) == sidik_awal
    assert not list(tmp_path.glob(".gudang.duckdb.tmp-*"))


def test_pembaca_tetap_membaca_selama_muat(tmp_path: Path, berkas_perak: list[Path]) -> None:
    """A reader holding the warehouse open (like the app) neither blocks a load nor sees a half-written file."""
    from pipelines.gudang import buka_baca

    k = buat_konfigurasi(tmp_path)
    muat([FIXTURES / "kasus_perak_2025_03.csv"], k, hari_ini=HARI_MUAT)
    pembaca = buka_baca(k.gudang)
    lama = pembaca.execute("select count(*) from raw_laporan_kasus").fetchone()
    muat(berkas_perak, k, hari_ini=HARI_MUAT)
    assert pembaca.execute("select count(*) from raw_laporan_kasus").fetchone() == lama  # old snapshot
    pembaca.close()
    baru = buka_baca(k.gudang)
    assert baru.execute("select count(*) from raw_laporan_kasus").fetchone() == (13,)
    baru.close()
