"""`pantau batas`: official desa boundaries matched by code or by name, repaired, simplified once, stored atomically.

Reads the real boundary files of `../shared/boundaries/` (Jombang 306 desa in 21 kecamatan, Banjar 290 in 20,
Pati 406 in 21; README there) and copies of them that the tests change: names only with spelling variants,
a zipped shapefile in a sub-folder, a reprojection to UTM 49S, a self-intersecting polygon. Skipped with a
message when that folder is missing. The files are never copied into the repository.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import geopandas as gpd
import numpy as np
import pytest
import shapely

from pipelines.batas import KesalahanBatas, cari_berkas_batas, impor_batas
from pipelines.konfigurasi import Konfigurasi

from tests.fixtures import AKAR, FIXTURES, HARI_MUAT, buat_konfigurasi

FOLDER_BATAS = AKAR.parent / "shared" / "boundaries"
pytestmark = pytest.mark.skipif(
    not FOLDER_BATAS.is_dir(),
    reason="folder ../shared/boundaries (batas desa nyata khusus tes) tidak ada; tes impor batas dilewati",
)
JOMBANG = FOLDER_BATAS / "jombang_desa.geojson"
BANJAR = FOLDER_BATAS / "banjar_desa.geojson"
PATI = FOLDER_BATAS / "pati_desa.geojson"
DUA_MB = 2_000_000


def _baca(gudang: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(gudang), read_only=True) as kon:
        return kon.execute(sql).fetchall()


def _geometri(gudang: Path) -> dict[str, shapely.Geometry]:
    return {k: shapely.from_wkb(bytes(g)) for k, g in _baca(gudang, "select kode_desa, geometri from batas_desa")}


def _asli(berkas: Path = JOMBANG) -> gpd.GeoDataFrame:
    return gpd.read_file(berkas)


def _pantau(gudang: Path, kabupaten: str, *args: str) -> subprocess.CompletedProcess:
    """`pantau batas ARGS` as a separate process (the real command line)."""
    env = {**os.environ, "PANTAU_DB": str(gudang), "PANTAU_KABUPATEN": kabupaten, "PANTAU_KUNCI": "uji"}
    env.pop("PANTAU_CONFIG", None)
    return subprocess.run([sys.executable, "-m", "pipelines.cli", "batas", *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False)


def _pantau_di_sini(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], gudang: Path,
                    kabupaten: str, *args: str) -> tuple[int, str, str]:
    """The same command in this process (`pipelines.cli.main`), to spare a Python start per case."""
    from pipelines.cli import main

    monkeypatch.setenv("PANTAU_DB", str(gudang))
    monkeypatch.setenv("PANTAU_KABUPATEN", kabupaten)
    monkeypatch.setenv("PANTAU_KUNCI", "uji")
    monkeypatch.delenv("PANTAU_CONFIG", raising=False)
    kode = main(["batas", *args])
    keluar = capsys.readouterr()
    return kode, keluar.out, keluar.err


# 1/ the three real files, matched by code
def test_jombang_lewat_cli(tmp_path: Path) -> None:
    gudang = tmp_path / "gudang.duckdb"
    h = _pantau(gudang, "35.17", str(JOMBANG), "--json")
    assert h.returncode == 0, h.stderr
    hasil = json.loads(h.stdout)
    # every one of the 306 features carries a valid Kemendagri code of Kab. Jombang (35.17)
    assert (hasil["cocok_kode"], hasil["cocok_nama"], hasil["tidak_cocok"], hasil["desa_tanpa_poligon"]) == (
        306, 0, 0, 0)
    assert hasil["fitur_tidak_cocok"] == [] and hasil["kolom_kode"] == "kode_desa"
    assert hasil["crs_asal"] == "EPSG:4326" and hasil["geometri_diperbaiki"] == 0
    assert _baca(gudang, "select count(*), count(distinct kode_desa), min(cara_cocok), max(cara_cocok), "
                         "min(berkas) from batas_desa") == [(306, 306, "kode", "kode", "jombang_desa.geojson")]
    assert _baca(gudang, "select count(*), sum(jumlah_desa) from batas_kecamatan") == [(21, 306)]
    # the display copy is small, parses, and every full geometry is valid
    [(ukuran,)] = _baca(gudang, "select sum(length(geojson_tampilan)) from batas_desa")
    assert ukuran == hasil["ukuran_tampilan_byte"] < DUA_MB
    for (teks,) in _baca(gudang, "select geojson_tampilan from batas_desa"):
        assert shapely.from_geojson(teks).is_valid
    penuh = _geometri(gudang)
    asli = _asli().set_index("kode_desa").geometry
    assert all(g.is_valid for g in penuh.values())
    # the full geometry is kept as it was (Jantiganggong: same shape, not the simplified one)
    assert penuh["35.17.01.2001"].equals_exact(asli["35.17.01.2001"], tolerance=1e-12)
    # the marts were rebuilt inside the same change: the warehouse is complete (empty of reports, but built)
    assert _baca(gudang, "select count(*) from ref_wilayah") == [(306,)]
    assert _baca(gudang, "select count(*) from meta_gudang where kunci = 'tanggal_data'") == [(1,)]


def test_ringkasan_tercetak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                            capsys: pytest.CaptureFixture[str]) -> None:
    kode, teks, _ = _pantau_di_sini(monkeypatch, capsys, tmp_path / "gudang.duckdb", "35.17", str(JOMBANG))
    assert kode == 0
    assert "cocok dengan kode 306 (kolom kode_desa), cocok dengan nama 0, tidak cocok 0" in teks
    assert "desa tanpa poligon: 0" in teks


@pytest.mark.parametrize(("berkas", "kabupaten", "jumlah", "kecamatan"), [
    (BANJAR, "63.03", 290, 20),
    (PATI, "33.18", 406, 21),
])
def test_banjar_dan_pati(tmp_path: Path, berkas: Path, kabupaten: str, jumlah: int, kecamatan: int) -> None:
    k = buat_konfigurasi(tmp_path, (kabupaten,))
    h = impor_batas(berkas, k)
    assert (h.cocok_kode, h.cocok_nama, h.tidak_cocok, h.desa_tanpa_poligon) == (jumlah, 0, 0, 0)
    assert h.ukuran_tampilan_byte < DUA_MB  # Pati, the largest (406 desa): about 0.5 MB
    assert _baca(k.gudang, "select count(*) from batas_desa") == [(jumlah,)]
    assert _baca(k.gudang, "select count(*) from batas_kecamatan") == [(kecamatan,)]


# 2/ names only, with spelling variants; BPS codes never used
def test_cocok_dengan_nama(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    asli = _asli()
    df = asli.drop(columns=["kode_desa", "kode_kecamatan", "src_kode", "src_nama"]).rename(
        columns={"nama_desa": "WADMKD", "nama_kecamatan": "WADMKC"})
    # a trap: a BPS code column holding the Kemendagri code of the NEXT feature; matching by it would swap desa
    df["KDEBPS"] = [*list(asli["kode_desa"].iloc[1:]), asli["kode_desa"].iloc[0]]
    df.loc[0, "WADMKD"] = "Ds. Jantiganggong"  # prefix            -> 35.17.01.2001
    df.loc[1, "WADMKD"] = "KEPUHKAJANG"  # upper case                 -> 35.17.01.2002
    df.loc[1, "WADMKC"] = "KEC. PERAK"
    df.loc[2, "WADMKD"] = "Sumberagong"  # one letter wrong (Sumberagung): ratio 90.9, alone in Kec. Perak
    df.loc[3, "WADMKD"] = "Xyzzy Qwerty"  # Pagerwojo's polygon under an impossible name -> tidak cocok
    berkas = tmp_path / "batas_nama.geojson"
    df.to_file(berkas, driver="GeoJSON")

    h = impor_batas(berkas, konfigurasi)
    assert (h.cocok_kode, h.cocok_nama, h.tidak_cocok) == (0, 305, 1)
    assert h.kolom_kode is None and h.kolom_nama == ["WADMKD", "WADMKC"]
    [gagal] = h.fitur_tidak_cocok
    assert gagal["nama_desa"] == "Xyzzy Qwerty" and gagal["nama_kecamatan"] == "Perak"
    assert 'Desa "Xyzzy Qwerty" tidak dikenal di Kec. Perak' in str(gagal["alasan"])
    # Pagerwojo (35.17.01.2004) has no polygon now
    assert h.desa_tanpa_poligon == 1 and h.contoh_desa_tanpa_poligon == ["35.17.01.2004 Pagerwojo (Kec. Perak)"]
    # every desa got its own polygon back: matched by name, not by the BPS column
    penuh = _geometri(konfigurasi.gudang)
    geometri_asli = asli.set_index("kode_desa").geometry
    assert len(penuh) == 305
    assert all(g.equals_exact(geometri_asli[k], tolerance=1e-12) for k, g in penuh.items())
    assert set(_baca(konfigurasi.gudang, "select distinct cara_cocok from batas_desa")) == {("nama",)}


def test_kolom_kode_bps_ditolak(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    df = _asli().rename(columns={"kode_desa": "KDEBPS"})
    berkas = tmp_path / "bps.geojson"
    df.to_file(berkas, driver="GeoJSON")
    kode, _, galat = _pantau_di_sini(monkeypatch, capsys, tmp_path / "gudang.duckdb", "35.17", str(berkas),
                                     "--kolom-kode", "KDEBPS")
    assert kode == 2 and "kode BPS, bukan kode Kemendagri" in galat
    assert not (tmp_path / "gudang.duckdb").exists()


# 3/ formats and projections
def test_zip_shapefile_dalam_subfolder(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    df = _asli()
    df["KDEPUM"] = df["kode_desa"].str.replace(".", "", regex=False)  # BIG's column, codes without dots
    df = df.drop(columns=["kode_desa", "src_kode"])
    folder = tmp_path / "unduhan" / "BATAS DESA JOMBANG"
    folder.mkdir(parents=True)
    df.to_file(folder / "desa_jombang.shp", driver="ESRI Shapefile")
    berkas = tmp_path / "batas_jombang.zip"
    with zipfile.ZipFile(berkas, "w") as z:
        for p in sorted(folder.iterdir()):
            z.write(p, f"BATAS DESA JOMBANG/{p.name}")
    h = impor_batas(berkas, konfigurasi)
    assert (h.cocok_kode, h.cocok_nama, h.tidak_cocok, h.desa_tanpa_poligon) == (306, 0, 0, 0)
    assert h.kolom_kode == "KDEPUM"


def test_utm_49s_diproyeksikan_ulang(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    asli = _asli()
    berkas = tmp_path / "batas_utm.gpkg"
    asli.to_crs(32749).to_file(berkas, driver="GPKG")
    h = impor_batas(berkas, konfigurasi)
    assert (h.cocok_kode, h.tidak_cocok, h.crs_asal) == (306, 0, "EPSG:32749")
    penuh = _geometri(konfigurasi.gudang)
    g_asli = asli.set_index("kode_desa").geometry["35.17.16.2004"]  # Kabuh
    # back in degrees: the same shape up to the round trip (area of the difference < 1e-6 of the desa)
    assert penuh["35.17.16.2004"].symmetric_difference(g_asli).area < 1e-6 * g_asli.area
    assert abs(penuh["35.17.16.2004"].centroid.x - 112.2) < 0.2  # longitude, not UTM metres


def test_poligon_tidak_sah_diperbaiki(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    df = _asli()
    x0, y0, x1, y1 = df.geometry.iloc[0].bounds  # Jantiganggong's bounding box
    # a bow-tie (the ring crosses itself): make_valid gives the two triangles, each a quarter of the box
    df.loc[0, "geometry"] = shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
    assert not df.geometry.iloc[0].is_valid
    berkas = tmp_path / "batas_rusak.geojson"
    df.to_file(berkas, driver="GeoJSON")
    h = impor_batas(berkas, konfigurasi)
    assert (h.geometri_diperbaiki, h.cocok_kode) == (1, 306)
    g = _geometri(konfigurasi.gudang)["35.17.01.2001"]
    assert g.is_valid and g.geom_type == "MultiPolygon" and len(g.geoms) == 2
    assert g.area == pytest.approx((x1 - x0) * (y1 - y0) / 2, rel=1e-9)
    [(teks,)] = _baca(konfigurasi.gudang, "select geojson_tampilan from batas_desa where kode_desa = '35.17.01.2001'")
    assert shapely.from_geojson(teks).is_valid


@pytest.mark.lambat
def test_berkas_rinci_tampilan_di_bawah_2_mb(tmp_path: Path) -> None:
    # Pati densified to a vertex every ~5 m with a small wiggle, like a 1:10K border: about 800,000 vertices
    df = _asli(PATI)
    geometri = shapely.segmentize(df.geometry.values, 0.00005)
    df["geometry"] = shapely.transform(geometri, lambda xy: xy + 0.00002 * np.sin(xy[:, ::-1] * 3e5))
    assert shapely.get_num_coordinates(df.geometry.values).sum() > 500_000
    berkas = tmp_path / "pati_rinci.gpkg"
    df.to_file(berkas, driver="GPKG")
    h = impor_batas(berkas, buat_konfigurasi(tmp_path, ("33.18",)))
    assert h.cocok_kode == 406 and h.ukuran_tampilan_byte < DUA_MB


# 4/ replacing, partial files, and the warehouse left alone on errors
def test_ganti_batas_desa_yang_sama(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    sebagian = tmp_path / "dua_desa.geojson"
    _asli().iloc[:2].to_file(sebagian, driver="GeoJSON")  # Jantiganggong, Kepuhkajang (Kec. Perak)
    h = impor_batas(sebagian, konfigurasi)
    assert (h.cocok_kode, h.desa_tanpa_poligon) == (2, 304)  # 306 - 2
    assert _baca(konfigurasi.gudang, "select count(*) from batas_kecamatan") == [(1,)]
    h = impor_batas(JOMBANG, konfigurasi)
    assert (h.cocok_kode, h.desa_tanpa_poligon) == (306, 0)
    # replaced, not added: still one row per desa, all from the later file
    assert _baca(konfigurasi.gudang, "select count(*), count(distinct kode_desa), count(distinct berkas) "
                                     "from batas_desa") == [(306, 306, 1)]
    assert _baca(konfigurasi.gudang, "select count(*) from batas_kecamatan") == [(21,)]


def test_ingest_setelah_batas_tidak_menghapusnya(tmp_path: Path) -> None:
    from pipelines.ingest import muat

    k = buat_konfigurasi(tmp_path)
    impor_batas(JOMBANG, k)
    muat([FIXTURES / "puskesos_perak.csv", FIXTURES / "kasus_perak_2025_03.csv"], k, hari_ini=HARI_MUAT)
    assert _baca(k.gudang, "select count(*) from batas_desa") == [(306,)]


def test_kabupaten_lain_tidak_mengubah_gudang(konfigurasi: Konfigurasi, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    impor_batas(JOMBANG, konfigurasi)
    sebelum = konfigurasi.gudang.read_bytes()
    kode, _, galat = _pantau_di_sini(monkeypatch, capsys, konfigurasi.gudang, "35.17", str(BANJAR))
    assert kode == 2
    assert "Tidak satu pun dari 290 fitur banjar_desa.geojson cocok" in galat
    assert "290 fitur berkode kabupaten lain" in galat
    assert konfigurasi.gudang.read_bytes() == sebelum


@pytest.mark.parametrize(("argumen", "pesan"), [
    (("tidak_ada.geojson",), "Berkas tidak ditemukan"),
    ((str(FIXTURES / "puskesos_perak.csv"),), "format tidak dikenal"),
    ((str(JOMBANG), "--kolom-kode", "KODE_BPS_DESA"), 'Kolom "KODE_BPS_DESA" tidak ada'),
])
def test_kesalahan_pengguna(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                           argumen: tuple[str, ...], pesan: str) -> None:
    kode, _, galat = _pantau_di_sini(monkeypatch, capsys, tmp_path / "gudang.duckdb", "35.17", *argumen)
    assert kode == 2 and galat.startswith("Kesalahan: ") and pesan in galat
    assert not (tmp_path / "gudang.duckdb").exists()


def test_kesalahan_tanpa_traceback_di_proses_terpisah(tmp_path: Path) -> None:
    h = _pantau(tmp_path / "gudang.duckdb", "35.17", "tidak_ada.geojson")
    assert h.returncode == 2 and "Berkas tidak ditemukan" in h.stderr and "Traceback" not in h.stderr


def test_tanpa_kolom_kode_maupun_nama(tmp_path: Path, konfigurasi: Konfigurasi) -> None:
    berkas = tmp_path / "polos.geojson"
    _asli()[["geometry"]].assign(luas=1.0).to_file(berkas, driver="GeoJSON")
    with pytest.raises(KesalahanBatas, match="tidak punya kolom kode desa"):
        impor_batas(berkas, konfigurasi)


# 5/ the demo finds the file of its regency by the codes inside, not by the file name
def test_cari_berkas_untuk_demo(tmp_path: Path) -> None:
    assert cari_berkas_batas("35.17", FOLDER_BATAS) == JOMBANG
    assert cari_berkas_batas("63.03", FOLDER_BATAS) == BANJAR
    assert cari_berkas_batas("33.18", FOLDER_BATAS) == PATI
    assert cari_berkas_batas("35.16", FOLDER_BATAS) is None  # Mojokerto: no file
    assert cari_berkas_batas("35.17", tmp_path / "tidak_ada") is None
    # a file named after another place is still found by its codes
    (tmp_path / "wilayah_a.geojson").write_bytes(JOMBANG.read_bytes())
    assert cari_berkas_batas("35.17", tmp_path) == tmp_path / "wilayah_a.geojson"


def test_demo_mengimpor_batas_kabupatennya(tmp_path: Path) -> None:
    from pipelines.cli import _batas_demo
    from pipelines.ingest import muat

    k = buat_konfigurasi(tmp_path / "jombang")
    muat([FIXTURES / "puskesos_perak.csv"], k, hari_ini=HARI_MUAT)  # the demo has just built its marts
    assert _batas_demo(k) == "batas desa: jombang_desa.geojson, 306 desa cocok, 0 tanpa poligon"
    assert _baca(k.gudang, "select count(*) from batas_desa") == [(306,)]
    # Kabupaten Mojokerto (35.16): no file in ../shared/boundaries, the tile map is announced
    k = buat_konfigurasi(tmp_path / "mojokerto", ("35.16",))
    muat([], k, hari_ini=HARI_MUAT)
    assert "peta petak" in _batas_demo(k) and "pantau batas BERKAS" in _batas_demo(k)
