"""`pantau ekspor --parquet`: three regencies exported apart roll up to exactly what one warehouse of all three holds.

Fixture (written by `_tulis_kasus`, one small case CSV per regency, loaded on 2025-05-20; every regency has a case
in March 2025 and its latest tanggal_kirim is 2025-05-05, so the three warehouses and the combined one share the
cut-off 2025-05-05 and the month grid Mar..May 2025):

    35.17 Jombang  J1 2025-03-03 35.17.01.2001 jaminan_kesehatan -> bpjs_kesehatan, selesai 2025-03-20
                   J2 2025-03-10 35.17.01.2002 kekerasan_anak    -> uptd_ppa, diproses          (sensitive)
                   J3 2025-04-02 35.17.01.2001 lansia            (no referral)
                   Jq no tanggal_lapor                            -> quarantined
    63.03 Banjar   B1 2025-03-05 63.03.01.2001 pendidikan        -> disdik, dikirim
                   B2 2025-04-07 63.03.01.2002 kekerasan_perempuan -> uptd_ppa, selesai 2025-04-20 (sensitive)
                   B3 2025-04-08 63.03.01.2002 jaminan_kesehatan (no referral)
                   Bq desa "Entah Berantah" unknown              -> quarantined (no kode_desa, so no kode_kab)
    33.18 Pati     P1 2025-03-12 33.18.01.2001 rtlh              -> perkim, dikirim
                   P2 2025-04-15 33.18.01.2001 jaminan_kesehatan -> bpjs_kesehatan, diproses

Roll-up of the kabupaten rows of mart_wilayah_bulan over the three regencies, by hand:
    kasus_baru       Mar: J1 J2 + B1 + P1 = 4     Apr: J3 + B2 B3 + P2 = 4     May: 0
    kasus_sensitif   Mar: J2 = 1                   Apr: B2 = 1
    rujukan_dikirim  Mar: J1 J2 B1 P1 = 4          Apr: B2 P2 = 2
    rujukan_selesai  Mar: J1 = 1                   Apr: B2 = 1
J2 and B2 are sensitive cases referred to UPTD PPA: their referrals are counted for the kabupaten only
(mart_rujukan_sensitif), so rujukan_dikirim is Mar J1 B1 P1 = 3, Apr P2 = 1 and rujukan_selesai Mar J1 = 1, Apr 0.
Per desa, the sensitive counts of 35.17.01.2002 (Mar) and 63.03.01.2002 (Apr) are 1: the protected cube (as
`pantau metrik` shows it) holds NULL there, and those rows' kasus_baru leave the hidden case out (0 and 1), while the
kabupaten rows keep 1. The default export holds aggregates only; with --mikrodata stg_laporan_kasus has the
non-sensitive rows: Jombang 2 + Banjar 2 + Pati 2 = 6 (of 8 loaded); karantina 1 + 1 = 2 rows.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.ekspor import ekspor_parquet
from pipelines.ingest import muat
from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi

from tests.fixtures import HARI_MUAT, pseudonim_kasus

KEPALA = ("kode_desa,nama_desa,nama_kecamatan,no_registrasi,tanggal_lapor,kategori,tujuan_rujukan,tanggal_rujuk,"
          "tanggal_respon,tanggal_selesai,status_rujukan,tanggal_kirim")
KASUS = {
    "35.17": [
        "35.17.01.2001,,,J-001,03/03/2025,jaminan_kesehatan,bpjs_kesehatan,04/03/2025,,20/03/2025,selesai,05/04/2025",
        "35.17.01.2002,,,J-002,10/03/2025,kekerasan_anak,uptd_ppa,10/03/2025,,,diproses,05/04/2025",
        "35.17.01.2001,,,J-003,02/04/2025,lansia,,,,,,05/05/2025",
        "35.17.01.2001,,,J-004,,lansia,,,,,,05/05/2025",
    ],
    "63.03": [
        "63.03.01.2001,,,B-001,05/03/2025,pendidikan,disdik,06/03/2025,,,dikirim,05/04/2025",
        "63.03.01.2002,,,B-002,07/04/2025,kekerasan_perempuan,uptd_ppa,07/04/2025,08/04/2025,20/04/2025,selesai,"
        "05/05/2025",
        "63.03.01.2002,,,B-003,08/04/2025,jaminan_kesehatan,,,,,,05/05/2025",
        ",Entah Berantah,Aluh Aluh,B-004,09/04/2025,lansia,,,,,,05/05/2025",
    ],
    "33.18": [
        "33.18.01.2001,,,P-001,12/03/2025,rtlh,perkim,13/03/2025,,,dikirim,05/04/2025",
        "33.18.01.2001,,,P-002,15/04/2025,jaminan_kesehatan,bpjs_kesehatan,15/04/2025,20/04/2025,,diproses,05/05/2025",
    ],
}
KAB = tuple(KASUS)
HIVE = "hive_partitioning=true, hive_types={'kode_kab': VARCHAR}"
# columns that differ between warehouses by construction (load ids and times, build time)
KOLOM_LOKAL = {"id_berkas", "dimuat_pada"}


def _konfigurasi(folder: Path, kabupaten: tuple[str, ...]) -> Konfigurasi:
    return Konfigurasi(gudang=folder / "gudang.duckdb", kabupaten=kabupaten, berkas_kunci=folder / "pantau.kunci",
                       kunci="kunci-uji", folder_referensi=FOLDER_REFERENSI)


def _tulis_kasus(folder: Path, kab: str) -> Path:
    p = folder / f"kasus_{kab}.csv"
    p.write_text(KEPALA + "\n" + "\n".join(KASUS[kab]) + "\n", encoding="utf-8")
    return p


@pytest.fixture(scope="module")
def ekspor(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Three one-regency warehouses exported into one shared folder, and the all-three warehouse exported apart."""
    akar = tmp_path_factory.mktemp("ekspor")
    bersama = akar / "provinsi"
    berkas = []
    for kab in KAB:
        folder = akar / kab
        folder.mkdir()
        b = _tulis_kasus(folder, kab)
        berkas.append(b)
        k = _konfigurasi(folder, (kab,))
        muat([b], k, hari_ini=HARI_MUAT)
        ekspor_parquet(k, bersama, mikrodata=True)
    gabungan = akar / "gabungan"
    gabungan.mkdir()
    k = _konfigurasi(gabungan, KAB)
    muat(berkas, k, hari_ini=HARI_MUAT)
    ekspor_parquet(k, gabungan / "ekspor", mikrodata=True)
    ekspor_parquet(k, gabungan / "agregat")
    return {"terpisah": bersama, "gabungan": gabungan / "ekspor", "gudang_gabungan": k.gudang,
            "agregat": gabungan / "agregat"}


def _baca(con: duckdb.DuckDBPyConnection, folder: Path, tabel: str) -> str:
    return f"read_parquet('{folder}/{tabel}/*/*.parquet', {HIVE})"


def test_tata_letak_hive_dan_manifes(ekspor: dict[str, Path]) -> None:
    folder = ekspor["terpisah"]
    assert sorted(p.name for p in (folder / "mart_wilayah_bulan").iterdir()) == [
        "kode_kab=33.18", "kode_kab=35.17", "kode_kab=63.03"]
    assert list((folder / "mart_wilayah_bulan" / "kode_kab=35.17").glob("*.parquet"))
    manifes = json.loads((folder / "_pantau" / "63.03.json").read_text(encoding="utf-8"))
    assert manifes["kabupaten"] == ["63.03"] and manifes["tanggal_data"] == "2025-05-05"
    assert manifes["sintetis"] is False and manifes["baris"]["stg_laporan_kasus"] == 2  # B1, B3 (B2 sensitive)
    assert manifes["mikrodata"] is True
    # no hidden work folder is left behind
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]


def test_rollup_tiga_ekspor_sama_dengan_satu_gudang(ekspor: dict[str, Path]) -> None:
    con = duckdb.connect()
    sql = ("select bulan, sum(kasus_baru), sum(kasus_sensitif), sum(rujukan_dikirim), sum(rujukan_selesai) "
           "from {sumber} where tingkat = 'kabupaten' group by bulan order by bulan")
    terpisah = con.execute(sql.format(sumber=_baca(con, ekspor["terpisah"], "mart_wilayah_bulan"))).fetchall()
    gudang = duckdb.connect(str(ekspor["gudang_gabungan"]), read_only=True)
    satu = gudang.execute(sql.format(sumber="mart_wilayah_bulan")).fetchall()
    gudang.close()
    bulan = [str(r[0]) for r in terpisah]
    assert bulan == ["2025-03-01", "2025-04-01", "2025-05-01"]
    assert [tuple(r[1:]) for r in terpisah] == [(4, 1, 3, 1), (4, 1, 1, 0), (0, 0, 0, 0)]  # by hand, see docstring
    assert terpisah == satu
    # desa rows: kasus_baru without the two hidden violence cases (8 - 2), referrals as at every level
    desa = con.execute(f"select sum(kasus_baru), sum(rujukan_dikirim) from "
                       f"{_baca(con, ekspor['terpisah'], 'mart_wilayah_bulan')} where tingkat = 'desa'").fetchone()
    assert desa == (6, 4)


def test_setiap_tabel_ekspor_terpisah_sama_dengan_ekspor_gabungan(ekspor: dict[str, Path]) -> None:
    """Row for row, every exported table of the three regencies equals the combined warehouse's export."""
    con = duckdb.connect()
    tabel = sorted(p.name for p in ekspor["gabungan"].iterdir() if not p.name.startswith(("_", ".")))
    assert {"stg_laporan_kasus", "mart_wilayah_bulan", "mart_rujukan", "ref_wilayah"} <= set(tabel)
    assert "mart_desa_bulan" not in tabel  # raw per-desa counts: the protected cube's desa rows replace them
    for nama in tabel:
        kolom = [r[0] for r in con.execute(f"describe select * from {_baca(con, ekspor['gabungan'], nama)}")
                 .fetchall() if r[0] not in KOLOM_LOKAL]
        # the unknown-desa quarantine row has no regency: in a one-regency warehouse it belongs to that regency,
        # in the combined one to Hive's default partition, so kode_kab is left out of the comparison there
        if nama in ("mart_karantina", "mart_peringatan"):
            kolom = [k for k in kolom if k != "kode_kab"]
        daftar = ", ".join(f'"{k}"' for k in kolom)
        a = con.execute(f"select {daftar} from {_baca(con, ekspor['terpisah'], nama)} order by all").fetchall()
        b = con.execute(f"select {daftar} from {_baca(con, ekspor['gabungan'], nama)} order by all").fetchall()
        assert a == b, nama
    jumlah = con.execute(f"select count(*) from {_baca(con, ekspor['terpisah'], 'stg_laporan_kasus')}").fetchone()
    karantina = con.execute(f"select count(*) from {_baca(con, ekspor['terpisah'], 'mart_karantina')}").fetchone()
    assert jumlah == (6,) and karantina == (2,)


def test_privasi_ekspor(ekspor: dict[str, Path]) -> None:
    con = duckdb.connect()
    sumber = _baca(con, ekspor["terpisah"], "mart_wilayah_bulan")
    # sensitive counts of 1 below kabupaten level are NULL (`<5`); the kabupaten rows keep them
    sel = con.execute(f"select kode_wilayah, tingkat, kasus_sensitif, kasus_kekerasan_anak from {sumber} "
                      "where bulan = '2025-03-01' and kode_kab = '35.17' and tingkat <> 'kecamatan' "
                      "and kode_wilayah in ('35.17.01.2002', '35.17') order by tingkat").fetchall()
    assert sel == [("35.17.01.2002", "desa", None, None), ("35.17", "kabupaten", 1, 1)]
    # a zero stays 0
    assert con.execute(f"select kasus_sensitif from {sumber} where kode_wilayah = '35.17.01.2001' "
                       "and bulan = '2025-03-01'").fetchone() == (0,)
    kasus = _baca(con, ekspor["terpisah"], "stg_laporan_kasus")
    kolom = {r[0] for r in con.execute(f"describe select * from {kasus}").fetchall()}
    assert not kolom & {"no_registrasi", "nik_pseudonim", "kk_pseudonim", "berkas"}
    assert "pseudonim_kasus" in kolom
    # J2 and B2, the two sensitive cases, are not in the microdata at all (nor are their referrals)
    assert con.execute(f"select count(*) from {kasus} where sensitif or tujuan_rujukan = 'uptd_ppa' "
                       "or kategori in ('kekerasan_anak', 'kekerasan_perempuan', 'kasus sensitif')").fetchone() == (0,)
    for desa, reg in (("35.17.01.2002", "J-002"), ("63.03.01.2002", "B-002")):
        for tabel in ("stg_laporan_kasus", "mart_rujukan"):
            id_kasus = pseudonim_kasus(b"kunci-uji", desa, reg)
            assert con.execute(f"select count(*) from {_baca(con, ekspor['terpisah'], tabel)} "
                               "where pseudonim_kasus = $p", {"p": id_kasus}).fetchone() == (0,)
    # the pseudonymous case id is the app's (int_rujukan): first 12 hex of HMAC-SHA256(key, '35.17.01.2001|J-001'),
    # and not the unkeyed hash, which anyone could recompute from a registration number
    import hashlib


    harapan = pseudonim_kasus(b"kunci-uji", "35.17.01.2001", "J-001")
    assert harapan != hashlib.sha256(b"35.17.01.2001|J-001").hexdigest()[:12]
    assert con.execute(f"select count(*) from {kasus} where pseudonim_kasus = $p", {"p": harapan}).fetchone() == (1,)
    rujukan = _baca(con, ekspor["terpisah"], "mart_rujukan")
    assert con.execute(f"select count(*) from {rujukan} where pseudonim_kasus = $p", {"p": harapan}).fetchone() == (1,)


def test_ekspor_bawaan_hanya_agregat_terlindungi(ekspor: dict[str, Path]) -> None:
    """The default export: no case-level table, and the cube's subtraction attack (kasus_baru minus the shown
    categories of a protected desa row) gives 0, not the hidden count."""
    folder = ekspor["agregat"]
    tabel = {p.name for p in folder.iterdir() if not p.name.startswith(("_", "."))}
    assert not tabel & {"stg_laporan_kasus", "mart_rujukan", "mart_karantina", "mart_peringatan", "mart_desa_bulan",
                        "stg_dtks", "stg_penerima_program"}
    assert {"mart_wilayah_bulan", "mart_rujukan_sensitif", "mart_pelaporan_wilayah"} <= tabel
    con = duckdb.connect()
    kubus = _baca(con, folder, "mart_wilayah_bulan")
    kategori = " + ".join(f"coalesce({k}, 0)" for k in (
        "kasus_jaminan_kesehatan", "kasus_data_dtks", "kasus_pkh", "kasus_sembako", "kasus_pendidikan", "kasus_rtlh",
        "kasus_adminduk", "kasus_disabilitas", "kasus_lansia", "kasus_anak", "kasus_kematian", "kasus_lainnya"))
    baris = con.execute(f"select kode_wilayah, strftime(bulan, '%Y-%m'), kasus_baru, kasus_baru - ({kategori}), "
                        f"kasus_sensitif, kasus_baru_sebagian from {kubus} where kode_wilayah in "
                        "('35.17.01.2002', '63.03.01.2002', '35.17', '63.03') and kasus_sensitif is distinct from 0 "
                        "order by 1, 2").fetchall()
    assert baris == [("35.17", "2025-03", 2, 1, 1, False), ("35.17.01.2002", "2025-03", 0, 0, None, True),
                     ("63.03", "2025-04", 2, 1, 1, False), ("63.03.01.2002", "2025-04", 1, 0, None, True)]
    sensitif = con.execute(f"select kode_kab, rujukan_dikirim, rujukan_selesai from "
                           f"{_baca(con, folder, 'mart_rujukan_sensitif')} order by 1").fetchall()
    assert sensitif == [("35.17", 1, 0), ("63.03", 1, 1)]  # J2 diproses; B2 selesai 20/04


def test_ekspor_ulang_mengganti_partisi_sendiri_saja(ekspor: dict[str, Path], tmp_path: Path) -> None:
    """Exporting one regency again replaces only its own partitions (the other regencies' files stay as they were)."""
    folder = ekspor["terpisah"]
    lain = folder / "mart_wilayah_bulan" / "kode_kab=63.03"
    sidik = {p: p.stat().st_mtime_ns for p in lain.glob("*.parquet")}
    ekspor_parquet(_konfigurasi(folder.parent / "35.17", ("35.17",)), folder, mikrodata=True)
    assert {p: p.stat().st_mtime_ns for p in lain.glob("*.parquet")} == sidik
    con = duckdb.connect()
    assert con.execute(f"select count(*) from {_baca(con, folder, 'stg_laporan_kasus')}").fetchone() == (6,)


def test_cli_ekspor(ekspor: dict[str, Path], tmp_path: Path) -> None:
    env = {**os.environ, "PANTAU_DB": str(ekspor["gudang_gabungan"]), "PANTAU_KABUPATEN": ",".join(KAB),
           "PANTAU_KUNCI": "kunci-uji"}
    env.pop("PANTAU_CONFIG", None)
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "ekspor", "--parquet", str(tmp_path / "x")],
                           env=env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert "kabupaten 35.17, 63.03, 33.18" in hasil.stdout and "(agregat terlindungi)" in hasil.stdout
    assert "mart_wilayah_bulan" in hasil.stdout and "stg_laporan_kasus" not in hasil.stdout
    assert not (tmp_path / "x" / "stg_laporan_kasus").exists() and not (tmp_path / "x" / "mart_rujukan").exists()
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "ekspor", "--parquet", str(tmp_path / "m"),
                            "--mikrodata"], env=env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    assert "stg_laporan_kasus" in hasil.stdout and "6 baris" in hasil.stdout
    # both reads are audited, the second with its option
    log = subprocess.run([sys.executable, "-m", "pipelines.cli", "audit"], env=env, capture_output=True, text=True,
                         timeout=120).stdout
    assert log.count("pantau ekspor") >= 2 and '"mikrodata": true' in log.replace("True", "true")
    # no warehouse yet: an Indonesian message, no traceback
    env["PANTAU_DB"] = str(tmp_path / "tidak_ada.duckdb")
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "ekspor", "--parquet", str(tmp_path / "y")],
                           env=env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 2 and "Belum ada gudang data" in hasil.stderr and "Traceback" not in hasil.stderr
