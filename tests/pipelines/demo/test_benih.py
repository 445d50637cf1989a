"""The demo follows the design's seed facts per regency (`pipelines.demo.benih`): Pati has a Puskesos in its 3 pilot
desa only; Banjar's Astambul has 22 active Puskesos at the demo date and a BAGAMIS roll; the PBI-JK wave has a
`kuota` reason; inclusion error of every program is within the sourced 5-10 %; each demo lists the facts it follows.
Banjar is written and loaded once (about 10 s); Pati is only written (its 3 desa need no warehouse to count)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from pipelines.demo.generator import RingkasanDemo, tulis_berkas_demo
from pipelines.ingest import muat

from tests.fixtures import buat_konfigurasi

HARI_INI = date(2026, 12, 6)


@pytest.fixture(scope="module")
def banjar(tmp_path_factory: pytest.TempPathFactory) -> tuple[RingkasanDemo, Path]:
    folder = tmp_path_factory.mktemp("demo_banjar")
    ringkasan = tulis_berkas_demo(folder / "masukan", kabupaten="63.03", hari_ini=HARI_INI)
    k = buat_konfigurasi(folder, kabupaten=("63.03",))
    muat(ringkasan.berkas, k, hari_ini=HARI_INI, sintetis=True)
    return ringkasan, k.gudang


def _kueri(gudang: Path, sql: str) -> list[tuple[object, ...]]:
    with duckdb.connect(str(gudang), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_pati_hanya_tiga_desa_percontohan(tmp_path: Path) -> None:
    ringkasan = tulis_berkas_demo(tmp_path, kabupaten="33.18", hari_ini=HARI_INI)
    register = pd.read_excel(ringkasan.berkas[0], header=2, engine="calamine", dtype=str)
    assert len(register) == 406
    dibentuk = register[register["Status Puskesos"] != "Belum dibentuk"]
    assert sorted(dibentuk["Nama Desa"]) == ["Kalidoro", "Ngarus", "Pati Lor"]
    # two of them are kelurahan (code 1xxx)
    assert sorted(dibentuk["Kode Desa"].str.replace(".", "").str[6]) == ["1", "1", "2"]
    assert any("Ngarus, Pati Lor dan Kalidoro" in f for f in ringkasan.fakta_benih)
    assert 0 < ringkasan.kasus < 1_000  # three desa over 24 months, not a regency's worth


def test_banjar_astambul_22_aktif(banjar: tuple[RingkasanDemo, Path]) -> None:
    ringkasan, gudang = banjar
    status = _kueri(gudang, """select s.status_puskesos, s.status_register, count(*) from mart_puskesos_status s
                               join ref_wilayah w using (kode_desa) where w.nama_kec = 'Astambul' group by all""")
    assert status == [("aktif", "aktif", 22)]
    assert any("Astambul dengan 22 Puskesos aktif" in f for f in ringkasan.fakta_benih)


def test_banjar_bagamis_dan_kuota(banjar: tuple[RingkasanDemo, Path]) -> None:
    ringkasan, gudang = banjar
    assert ringkasan.program is not None and ringkasan.program.penerima["bagamis"] > 100
    bagamis = _kueri(gudang, """select penerima from mart_program_wilayah
                                where program = 'bagamis' and tingkat = 'kabupaten'""")
    assert bagamis == [(ringkasan.program.penerima["bagamis"],)]
    kuota = _kueri(gudang, "select sum(dinonaktifkan) from mart_program_nonaktif where alasan = 'kuota'")
    assert kuota[0][0] > 0.1 * ringkasan.program.dinonaktifkan_pbi


def test_salah_inklusi_dalam_rentang_bersumber(banjar: tuple[RingkasanDemo, Path]) -> None:
    _, gudang = banjar
    tingkat = dict(_kueri(gudang, """select program, tingkat_inklusi from mart_program_wilayah
                                     where tingkat = 'kabupaten'"""))
    assert set(tingkat) == {"pkh", "sembako", "pbi_jk", "bagamis"}
    assert all(0.05 <= float(v) <= 0.10 for v in tingkat.values()), tingkat


def test_keluarga_nonaktif_datang_ke_puskesos(banjar: tuple[RingkasanDemo, Path]) -> None:
    """Some cases carry the No KK of a household deactivated in January 2026: the mart finds them again."""
    ringkasan, gudang = banjar
    datang, dirujuk, selesai = _kueri(gudang, """select sum(datang_puskesos), sum(dirujuk), sum(rujukan_selesai)
                                                 from mart_program_nonaktif where program = 'pbi_jk'""")[0]
    assert ringkasan.kasus_keluarga_nonaktif > 0
    assert 0 < int(selesai) <= int(dirujuk) <= int(datang) <= ringkasan.kasus_keluarga_nonaktif
