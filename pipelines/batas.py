"""Official desa boundaries (`batas_desa`, data contract section 4.6): read, match to codes, repair, simplify, store.

`impor_batas` reads a GeoJSON, GeoPackage, Shapefile or a `.zip` holding one (also in
a sub-folder of the zip, `recipes.md`), in any CRS (reprojected to EPSG:4326). Each
feature is matched to a Kemendagri desa code: by its code column (`kode_desa`,
`KDEPUM`, `kode`, `KODE_DESA`, `kd_desa`, or the one given; dots optional; BPS codes,
`KDEBPS`, are never used), else by its names exactly as the contract's place rules
(`Wilayah.dari_nama`: normalised, alias table, unambiguous fuzzy). Invalid geometries
are repaired (`make_valid`), several features of one desa are merged, and a simplified
display copy is made once, here, so that no page ever simplifies (`conventions.md`).

The warehouse gets, in one atomic change (`perubahan_gudang`) that also rebuilds the
marts: `batas_desa` (full geometry as WKB, display GeoJSON, how it was matched, source
file, time), replacing earlier boundaries of the same desa, and `batas_kecamatan`
(kecamatan outlines dissolved from every stored desa, display GeoJSON).
"""

from __future__ import annotations

import json
import zipfile
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry.base import BaseGeometry

from pipelines import build
from pipelines.baca.nilai import kode_wilayah, teks
from pipelines.gudang import perubahan_gudang
from pipelines.konfigurasi import AKAR_PROYEK, Konfigurasi
from pipelines.wilayah import LUAR_WILAYAH, Wilayah, muat_wilayah

KOLOM_KODE = ("kode_desa", "KDEPUM", "kode", "KODE_DESA", "kd_desa")
"""Where a desa's Kemendagri code may be, in order of preference (names compared without case)."""
KOLOM_KODE_BPS = ("kdebps", "kode_bps", "kd_bps")
"""BPS codes: not Kemendagri codes, never used for matching, refused as `--kolom-kode`."""
KOLOM_NAMA_DESA = ("nama_desa", "WADMKD", "NAMOBJ", "desa", "nama_kelurahan", "kelurahan")
KOLOM_NAMA_KEC = ("nama_kecamatan", "WADMKC", "nama_kec", "kecamatan")

AKHIRAN = (".geojson", ".json", ".gpkg", ".shp", ".zip")
TOLERANSI_AWAL = 0.0005
"""Display simplification in degrees (about 55 m, 2 px when one kecamatan fills the map; recipes.md); doubled
until the display copy fits its budget. Fewer vertices also keep the page fast: plotly copies them per run."""
ANGGARAN_BYTE_PER_DESA = 3_000
"""Display budget: 3 KB a desa, so 300-400 desa stay near 1 MB, well under the contract's 2 MB."""
PRESISI = 1e-5
"""Display coordinates are rounded to 5 decimals (about 1 m)."""
TUTUP_CELAH = 0.0003
"""Kecamatan outlines: gaps and slivers between neighbouring desa narrower than about 60 m are closed."""
LUBANG_MINIMUM = 5e-5
"""Kecamatan outlines: holes smaller than this (square degrees, about 60 ha) are dropped."""

FOLDER_BATAS_BERSAMA = AKAR_PROYEK.parent / "shared" / "boundaries"
"""Where the demo looks for a boundary file of its regency (`../shared/boundaries` beside the repository)."""

SKEMA_BATAS = """
create table if not exists batas_desa (
    kode_desa varchar primary key, geometri blob, geojson_tampilan varchar, cara_cocok varchar, berkas varchar,
    diimpor_pada timestamp
);
create table if not exists batas_kecamatan (
    kode_kec varchar primary key, geojson_tampilan varchar, jumlah_desa integer, diimpor_pada timestamp
);
"""


class KesalahanBatas(ValueError):
    """The boundary file cannot be used; the message says, in Indonesian, what to do."""


@dataclass
class HasilBatas:
    """What one import did; the field names are the `--json` keys."""

    berkas: str
    jumlah_fitur: int = 0
    cocok_kode: int = 0
    cocok_nama: int = 0
    tidak_cocok: int = 0
    desa_tanpa_poligon: int = 0
    fitur_tidak_cocok: list[dict[str, str | None]] = field(default_factory=list)
    """Unmatched features (names, code, reason), except those whose code lies in another regency."""
    di_luar_wilayah: int = 0
    """Of `tidak_cocok`: features whose code belongs to a regency that is not configured."""
    contoh_desa_tanpa_poligon: list[str] = field(default_factory=list)
    kolom_kode: str | None = None
    kolom_nama: list[str] = field(default_factory=list)
    crs_asal: str | None = None
    geometri_diperbaiki: int = 0
    desa_digabung: int = 0
    """Desa whose polygon came from more than one feature (merged)."""
    toleransi_derajat: float = TOLERANSI_AWAL
    ukuran_tampilan_byte: int = 0
    catatan: list[str] = field(default_factory=list)

    def ke_json(self) -> dict[str, Any]:
        return asdict(self)


# 1/ reading
def _sumber_zip(jalur: Path) -> str:
    """`zip:///abs.zip!inner/file.shp` for the one boundary layer inside a zip (also in a sub-folder)."""
    try:
        with zipfile.ZipFile(jalur) as z:
            nama = [n for n in z.namelist() if not n.startswith("__MACOSX/") and not n.endswith("/")]
    except zipfile.BadZipFile as e:
        raise KesalahanBatas(f"{jalur.name} bukan berkas zip yang utuh.") from e
    calon = [n for n in nama if n.lower().endswith((".shp", ".gpkg", ".geojson", ".json"))]
    if len(calon) > 1:
        desa = [n for n in calon if any(k in Path(n).name.lower() for k in ("desa", "kel", "village"))]
        calon = desa if len(desa) == 1 else calon
    if not calon:
        raise KesalahanBatas(f"Di dalam {jalur.name} tidak ada berkas .shp, .gpkg atau .geojson.")
    if len(calon) > 1:
        raise KesalahanBatas(f"{jalur.name} berisi beberapa lapisan ({', '.join(calon)}); ekstrak zip lalu "
                             "impor berkas lapisan desa saja.")
    return f"zip://{jalur.resolve()}!{calon[0]}"


def _lapisan(sumber: str) -> str | None:
    """The polygon layer to read from a multi-layer source (GeoPackage); None for single-layer files."""
    lapisan = pyogrio.list_layers(sumber)
    if len(lapisan) <= 1:
        return None
    poligon = [str(n) for n, jenis in lapisan if jenis is None or "polygon" in str(jenis).lower()
               or str(jenis).lower() == "unknown"]
    desa = [n for n in poligon if any(k in n.lower() for k in ("desa", "kel", "village"))]
    pilihan = desa or poligon
    if not pilihan:
        raise KesalahanBatas("Berkas tidak berisi lapisan poligon.")
    return pilihan[0]


def baca_batas(jalur: Path) -> tuple[gpd.GeoDataFrame, str | None]:
    """The features of a boundary file in EPSG:4326, and the name of the file's own CRS."""
    if not jalur.is_file():
        raise KesalahanBatas(f"Berkas tidak ditemukan: {jalur}")
    if jalur.suffix.lower() not in AKHIRAN:
        raise KesalahanBatas(f"{jalur.name}: format tidak dikenal. Pakai GeoJSON, GeoPackage (.gpkg), Shapefile "
                             "(.shp beserta .dbf, .shx, .prj) atau .zip berisi salah satunya.")
    sumber = _sumber_zip(jalur) if jalur.suffix.lower() == ".zip" else str(jalur)
    try:
        gdf = gpd.read_file(sumber, layer=_lapisan(sumber), engine="pyogrio")
    except KesalahanBatas:
        raise
    except Exception as e:  # pyogrio/GDAL raise many kinds; the user gets one sentence
        raise KesalahanBatas(f"{jalur.name} tidak dapat dibaca sebagai berkas batas wilayah: {e}") from e
    if gdf.crs is None:
        if len(gdf) and gdf.total_bounds[0] >= -180 and gdf.total_bounds[2] <= 180 \
                and gdf.total_bounds[1] >= -90 and gdf.total_bounds[3] <= 90:
            return gdf.set_crs(4326), None
        raise KesalahanBatas(f"{jalur.name} tidak menyebut sistem koordinatnya (CRS) dan koordinatnya bukan "
                             "derajat bujur/lintang. Sertakan berkas .prj shapefile-nya.")
    asal = gdf.crs.to_string()
    return (gdf if gdf.crs.to_epsg() == 4326 else gdf.to_crs(4326)), asal


# 2/ matching
def cari_kolom(kolom: list[str], calon: tuple[str, ...]) -> str | None:
    """The first column whose name equals one of `calon` (in that order), ignoring case."""
    per_nama = {k.lower(): k for k in reversed(kolom)}
    for c in calon:
        if c.lower() in per_nama:
            return per_nama[c.lower()]
    return None


def _kolom_kode(atribut: pd.DataFrame, wilayah: Wilayah, diminta: str | None, hasil: HasilBatas) -> str | None:
    if diminta:
        kolom = cari_kolom(list(atribut.columns), (diminta,))
        if kolom is None:
            raise KesalahanBatas(f'Kolom "{diminta}" tidak ada. Kolom berkas ini: {", ".join(atribut.columns)}.')
        if kolom.lower() in KOLOM_KODE_BPS:
            raise KesalahanBatas(f'Kolom "{kolom}" berisi kode BPS, bukan kode Kemendagri; kode BPS tidak dipakai '
                                 "untuk mencocokkan desa. Pilih kolom kode Kemendagri (mis. KDEPUM) atau tanpa "
                                 "--kolom-kode agar desa dicocokkan dengan nama.")
        return kolom
    kolom = cari_kolom(list(atribut.columns), KOLOM_KODE)
    if kolom is None:
        return None
    if not any(kode_wilayah(v) in wilayah.desa for v in atribut[kolom]):
        hasil.catatan.append(f'Kolom "{kolom}" tidak berisi kode desa Kemendagri; desa dicocokkan dengan nama.')
        return None
    return kolom


def cocokkan(atribut: pd.DataFrame, wilayah: Wilayah, hasil: HasilBatas,
             kolom_kode: str | None = None) -> list[tuple[str | None, str | None]]:
    """(kode_desa, `kode` or `nama`) for each feature, or (None, None); counts and reasons go into `hasil`."""
    kolom = _kolom_kode(atribut, wilayah, kolom_kode, hasil)
    k_desa = cari_kolom(list(atribut.columns), KOLOM_NAMA_DESA)
    k_kec = cari_kolom(list(atribut.columns), KOLOM_NAMA_KEC)
    hasil.kolom_kode = kolom
    hasil.kolom_nama = [k for k in (k_desa, k_kec) if k]
    if kolom is None and k_desa is None:
        raise KesalahanBatas("Berkas tidak punya kolom kode desa (" + ", ".join(KOLOM_KODE) + ") maupun nama desa ("
                             + ", ".join(KOLOM_NAMA_DESA) + "). Sebutkan kolom kodenya dengan --kolom-kode.")
    keluar: list[tuple[str | None, str | None]] = []
    for baris in atribut.to_dict(orient="records"):
        nama_desa = teks(baris.get(k_desa)) if k_desa else None
        nama_kec = teks(baris.get(k_kec)) if k_kec else None
        kode_sel = baris.get(kolom) if kolom else None
        alasan: str | None = None
        if kolom is not None:
            r = wilayah.dari_kode(kode_sel)
            if r is not None and r.kode_desa:
                keluar.append((r.kode_desa, "kode"))
                continue
            if r is not None and r.alasan and LUAR_WILAYAH in r.alasan:
                hasil.di_luar_wilayah += 1
                keluar.append((None, None))
                continue
            alasan = r.alasan if r is not None else None
        if nama_desa:
            r = wilayah.dari_nama(nama_desa, nama_kec)
            if r.kode_desa:
                keluar.append((r.kode_desa, "nama"))
                continue
            alasan = r.alasan
        keluar.append((None, None))
        hasil.fitur_tidak_cocok.append({"nama_desa": nama_desa, "nama_kecamatan": nama_kec,
                                        "kode": teks(kode_sel), "alasan": alasan or "tanpa kode dan nama desa"})
    return keluar


# 3/ geometry
def poligonal(g: BaseGeometry | None) -> BaseGeometry | None:
    """Only the polygonal part of a geometry (make_valid can leave stray lines and points); None when empty."""
    if g is None or g.is_empty:
        return None
    if g.geom_type in ("Polygon", "MultiPolygon"):
        return g
    if g.geom_type == "GeometryCollection":
        bagian = [p for p in shapely.get_parts(g) if p.geom_type in ("Polygon", "MultiPolygon")]
        return shapely.union_all(bagian) if bagian else None
    return None


def perbaiki(geometri: np.ndarray) -> tuple[list[BaseGeometry | None], int]:
    """Repair invalid geometries with `make_valid`; returns the polygonal geometries and how many were invalid."""
    geometri = np.asarray(geometri, dtype=object)
    ada = ~shapely.is_missing(geometri)
    tidak_sah = ada & ~shapely.is_valid(geometri)
    geometri = geometri.copy()
    geometri[tidak_sah] = shapely.make_valid(geometri[tidak_sah])
    return [poligonal(g) for g in geometri], int(tidak_sah.sum())


def _ke_geojson(g: BaseGeometry, toleransi: float) -> str:
    """Simplified (topology kept), rounded to 5 decimals, RFC 7946 winding; the rounded original if that collapses."""
    for calon in (shapely.simplify(g, toleransi, preserve_topology=True), g):
        bulat = poligonal(shapely.set_precision(calon, PRESISI))
        if bulat is not None:
            return shapely.to_geojson(shapely.orient_polygons(bulat))
    return shapely.to_geojson(shapely.orient_polygons(g))


def salinan_tampilan(geometri: list[BaseGeometry], anggaran_byte: int) -> tuple[list[str], float]:
    """Display GeoJSON for each geometry, simplified just enough to fit `anggaran_byte` in all."""
    toleransi = TOLERANSI_AWAL
    while True:
        tampilan = [_ke_geojson(g, toleransi) for g in geometri]
        if sum(map(len, tampilan)) <= anggaran_byte or toleransi > 0.01:
            return tampilan, toleransi
        toleransi *= 2


def garis_kecamatan(geometri: list[BaseGeometry], toleransi: float) -> str:
    """One kecamatan's outline from its desa: dissolved, slivers and small holes closed, simplified for display."""
    # simplified first: buffering a 1:10K border vertex by vertex is what would make a large import slow
    dasar = shapely.simplify(np.asarray(geometri, dtype=object), toleransi / 2, preserve_topology=True)
    gabung = shapely.union_all(shapely.buffer(dasar, TUTUP_CELAH, quad_segs=2))
    gabung = shapely.buffer(gabung, -TUTUP_CELAH, quad_segs=2)
    bagian = []
    for p in shapely.get_parts(gabung):
        if p.geom_type != "Polygon":
            continue
        lubang = [r for r in p.interiors if shapely.Polygon(r).area >= LUBANG_MINIMUM]
        bagian.append(shapely.Polygon(p.exterior, lubang))
    if not bagian:
        return _ke_geojson(shapely.union_all(geometri), toleransi)
    return _ke_geojson(shapely.MultiPolygon(bagian) if len(bagian) > 1 else bagian[0], toleransi)


# 4/ the import
def _tulis(con: Any, baru: pd.DataFrame, toleransi: float, wilayah: Wilayah, waktu: datetime) -> None:
    con.execute(SKEMA_BATAS)
    con.register("_batas_baru", baru)
    con.execute("delete from batas_desa where kode_desa in (select kode_desa from _batas_baru)")
    con.execute("insert into batas_desa select kode_desa, geometri, geojson_tampilan, cara_cocok, berkas, "
                "diimpor_pada from _batas_baru")
    con.unregister("_batas_baru")
    # outlines from every stored desa (this file's and earlier ones), so a partial import keeps them whole
    semua = con.execute("select kode_desa, geometri from batas_desa").fetchall()
    per_kec: dict[str, list[BaseGeometry]] = {}
    for kode, wkb in semua:
        d = wilayah.desa.get(kode)
        if d is not None:
            per_kec.setdefault(d.kode_kec, []).append(shapely.from_wkb(bytes(wkb)))
    kec = pd.DataFrame({
        "kode_kec": list(per_kec),
        "geojson_tampilan": [garis_kecamatan(g, toleransi) for g in per_kec.values()],
        "jumlah_desa": [len(g) for g in per_kec.values()],
        "diimpor_pada": waktu,
    })
    con.execute("delete from batas_kecamatan")
    if len(kec):
        con.register("_kec_baru", kec)
        con.execute("insert into batas_kecamatan select kode_kec, geojson_tampilan, jumlah_desa, diimpor_pada "
                    "from _kec_baru")
        con.unregister("_kec_baru")


def impor_batas(jalur: Path, konfigurasi: Konfigurasi, kolom_kode: str | None = None, *,
                bangun_ulang: bool = True) -> HasilBatas:
    """`pantau batas FILE`: match, repair, simplify and store desa boundaries; rebuild the marts in the same change.

    `bangun_ulang=False` only for a caller that has just built the marts in the same, not yet
    swapped-in file (the demo): the boundary tables feed no mart.
    """
    jalur = Path(jalur)
    wilayah = muat_wilayah(konfigurasi.folder_referensi, konfigurasi.kabupaten)
    gdf, crs_asal = baca_batas(jalur)
    hasil = HasilBatas(berkas=jalur.name, jumlah_fitur=len(gdf), crs_asal=crs_asal)
    if not len(gdf):
        raise KesalahanBatas(f"{jalur.name} tidak berisi satu fitur pun.")

    geometri, hasil.geometri_diperbaiki = perbaiki(gdf.geometry.values)
    cocok = cocokkan(pd.DataFrame(gdf.drop(columns=gdf.geometry.name)), wilayah, hasil, kolom_kode)
    per_desa: dict[str, list[BaseGeometry]] = {}
    cara: dict[str, str] = {}
    for i, (kode, c) in enumerate(cocok):
        if kode is None or c is None:
            continue
        g = geometri[i]
        if g is None:
            hasil.fitur_tidak_cocok.append({"nama_desa": wilayah.desa[kode].nama, "nama_kecamatan":
                                            wilayah.desa[kode].nama_kec, "kode": kode,
                                            "alasan": "geometri kosong atau bukan poligon"})
            continue
        per_desa.setdefault(kode, []).append(g)
        cara.setdefault(kode, c)
        if c == "kode":
            hasil.cocok_kode += 1
        else:
            hasil.cocok_nama += 1
    hasil.tidak_cocok = hasil.jumlah_fitur - hasil.cocok_kode - hasil.cocok_nama
    if not per_desa:
        raise KesalahanBatas(
            f"Tidak satu pun dari {hasil.jumlah_fitur} fitur {jalur.name} cocok dengan desa kabupaten yang "
            f"dikonfigurasi ({', '.join(konfigurasi.kabupaten)}); gudang tidak diubah. Periksa PANTAU_KABUPATEN "
            "atau pantau.toml, atau sebutkan kolom kode dengan --kolom-kode."
            + (f" {hasil.di_luar_wilayah} fitur berkode kabupaten lain." if hasil.di_luar_wilayah else "")
            + (f" Contoh: {_teks_fitur(hasil.fitur_tidak_cocok[0])}" if hasil.fitur_tidak_cocok else ""))
    hasil.desa_digabung = sum(1 for g in per_desa.values() if len(g) > 1)
    kode_urut = sorted(per_desa)
    penuh = [shapely.union_all(per_desa[k]) if len(per_desa[k]) > 1 else per_desa[k][0] for k in kode_urut]
    anggaran = max(300_000, ANGGARAN_BYTE_PER_DESA * len(kode_urut))
    tampilan, hasil.toleransi_derajat = salinan_tampilan(penuh, anggaran)
    hasil.ukuran_tampilan_byte = sum(map(len, tampilan))
    waktu = datetime.now(UTC).replace(tzinfo=None)
    baru = pd.DataFrame({
        "kode_desa": kode_urut,
        "geometri": [shapely.to_wkb(g) for g in penuh],
        "geojson_tampilan": tampilan,
        "cara_cocok": [cara[k] for k in kode_urut],
        "berkas": jalur.name,
        "diimpor_pada": waktu,
    })
    with perubahan_gudang(konfigurasi.gudang, konfigurasi.batas_memori) as con:
        _tulis(con, baru, hasil.toleransi_derajat, wilayah, waktu)
        ada = {r[0] for r in con.execute("select kode_desa from batas_desa").fetchall()}
        if bangun_ulang:
            build.bangun(con, konfigurasi, wilayah)
    tanpa = [d for d in sorted(wilayah.desa_dikonfigurasi, key=lambda d: d.kode) if d.kode not in ada]
    hasil.desa_tanpa_poligon = len(tanpa)
    hasil.contoh_desa_tanpa_poligon = [f"{d.kode} {d.nama} (Kec. {d.nama_kec})" for d in tanpa[:20]]
    return hasil


# 5/ the summary
def _teks_fitur(f: dict[str, str | None]) -> str:
    nama = f.get("nama_desa") or f.get("kode") or "(tanpa nama)"
    kec = f" (Kec. {f['nama_kecamatan']})" if f.get("nama_kecamatan") else ""
    return f"{nama}{kec}: {f.get('alasan')}"


def ringkasan_teks(h: HasilBatas) -> str:
    """The import summary as printed by `pantau batas`."""
    kb = h.ukuran_tampilan_byte / 1000
    kolom = f" (kolom {h.kolom_kode})" if h.kolom_kode else ""
    baris = [
        f"batas_desa             {h.berkas}: {h.jumlah_fitur} fitur"
        + (f", CRS asal {h.crs_asal}" if h.crs_asal else ", tanpa CRS (dianggap EPSG:4326)"),
        f"    cocok dengan kode {h.cocok_kode}{kolom}, cocok dengan nama {h.cocok_nama}, tidak cocok {h.tidak_cocok}"
        + (f" (di luar kabupaten yang dikonfigurasi {h.di_luar_wilayah})" if h.di_luar_wilayah else ""),
        f"    desa tanpa poligon: {h.desa_tanpa_poligon}",
        f"    geometri diperbaiki {h.geometri_diperbaiki}, desa dari beberapa fitur digabung {h.desa_digabung}; "
        f"salinan tampilan {f'{kb:,.0f}'.replace(',', '.')} KB "
        f"(disederhanakan {f'{h.toleransi_derajat:g}'.replace('.', ',')} derajat)",
    ]
    baris += [f"    catatan: {c}" for c in h.catatan]
    if h.fitur_tidak_cocok:
        baris.append("    fitur tidak cocok:")
        baris += [f"      - {_teks_fitur(f)}" for f in h.fitur_tidak_cocok[:50]]
        if len(h.fitur_tidak_cocok) > 50:
            baris.append(f"      ... dan {len(h.fitur_tidak_cocok) - 50} lagi (lihat --json)")
    if h.contoh_desa_tanpa_poligon:
        lagi = h.desa_tanpa_poligon - len(h.contoh_desa_tanpa_poligon)
        baris.append("    desa tanpa poligon: " + ", ".join(h.contoh_desa_tanpa_poligon)
                     + (f" ... dan {lagi} lagi" if lagi > 0 else ""))
    return "\n".join(baris)


# 6/ the demo's boundary file
def cari_berkas_batas(kabupaten: str, folder: Path = FOLDER_BATAS_BERSAMA) -> Path | None:
    """A boundary file in `folder` whose features' codes are mostly of `kabupaten`; None when there is none."""
    if not folder.is_dir():
        return None
    for berkas in sorted(p for p in folder.iterdir() if p.suffix.lower() in (".geojson", ".json", ".gpkg")):
        try:
            atribut = pyogrio.read_dataframe(berkas, read_geometry=False)
        except Exception:  # an unreadable file is simply not the one we look for
            continue
        kolom = cari_kolom(list(atribut.columns), KOLOM_KODE)
        if kolom is None:
            continue
        kode = [k for k in (kode_wilayah(v) for v in atribut[kolom]) if k]
        if kode and 2 * sum(k.startswith(kabupaten + ".") for k in kode) > len(kode):
            return berkas
    return None


def ke_json(h: HasilBatas) -> str:
    """The import summary as one JSON document (`pantau batas --json`)."""
    return json.dumps(h.ke_json(), ensure_ascii=False, indent=2)
