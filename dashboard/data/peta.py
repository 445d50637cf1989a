"""Peta (`screens.md` page 2): per-desa metrics over a period for the choropleth, and the boundaries imported by
`pantau batas` (`batas_desa`, `batas_kecamatan`: display copies simplified once at import).

The boundary tables are not written by the build: they are absent until the first `pantau batas`, which is why
`info_batas` and `garis_kecamatan` ask `tabel_gudang` (the Peta page then draws a tile map). Every mart read here
is guaranteed by the schema version (`gudang.status_gudang`).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import NamedTuple

import pandas as pd
import streamlit as st

from akses import SQL_KASUS_TAMPIL_DESA
from dashboard.data import ukuran
from dashboard.data.gerbang import _BESAR, _KECIL, _TTL, _gerbang, _tanggal, kueri
from dashboard.data.gudang import tabel_gudang
from dashboard.db import VersiGudang
from dashboard.periode import tambah_bulan

_PROGRAM_PETA = ("pbi_jk", "pkh", "sembako")
_KOLOM_PROGRAM_PETA = {"cakupan": "cakupan", "tercakup": "tercakup", "keluarga_layak": "layak"}
_SQL_PROGRAM_PETA = (
    "select kode_wilayah as kode_desa, "
    + ", ".join(f"max({k}) filter (where program = '{p}') as {nama}_{p}"  # fixed names, no user values
                for p in _PROGRAM_PETA for k, nama in _KOLOM_PROGRAM_PETA.items())
    + " from gudang.mart_program_wilayah where tingkat = 'desa' group by kode_wilayah"
)
"""Coverage of the map's programs per desa (`mart_program_wilayah`): `cakupan_<p>`, `tercakup_<p>`, `layak_<p>`."""

_DALAM = "bulan between $dari and $sampai"


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def peta_desa(versi: VersiGudang, kode_kab: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """One row per desa of the regency: the Peta metrics over the months `dari`..`sampai`.

    Counts: `kasus_baru` (summed over the period), `bulan_periode`; `dikirim_matang_90`, `selesai_90_matang`,
    `bulan_matang_90` (mature months of the period only); `tunggakan` and `tanpa_respon` (open referrals overdue
    / unanswered at the cut-off, whatever month they started: stocks, as the Ringkasan tile); `bulan_diharapkan`,
    `bulan_melapor` (expected months that were reported), `bulan_melapor_sampai` (any report up to `sampai`);
    `tahun_penduduk`, `jumlah_penduduk` (latest year <= `sampai`; null when unknown); `status_puskesos` at the
    cut-off; the programs' coverage (`_SQL_PROGRAM_PETA`). Rates recomputed from the summed counts (`ukuran`):
    `kasus_per_1000`, `selesai_90`, `kelengkapan` (null when the denominator is 0 or unknown). `diam_periode`:
    silent at the end of the period, as `metrics.md` defines "diam" at the cut-off: expected to report in some of
    the 3 months ending at `sampai` (`diam_dari`..`sampai`) and no report at all for them.
    """
    diam_dari = tambah_bulan(sampai, -2)
    diam = "bulan between $diam_dari and $sampai"
    return kueri(
        versi,
        f"""
        with periode as (
            select
                kode_desa,
                {ukuran.jumlah(SQL_KASUS_TAMPIL_DESA, _DALAM)} as kasus_baru,
                count(*) filter (where {_DALAM}) as bulan_periode,
                {ukuran.dikirim_matang_90(_DALAM)} as dikirim_matang_90,
                {ukuran.selesai_90_matang(_DALAM)} as selesai_90_matang,
                count(*) filter (where {_DALAM} and kohort_matang_90) as bulan_matang_90,
                min(bulan) filter (where {_DALAM} and kohort_matang_90) as matang_dari,
                max(bulan) filter (where {_DALAM} and kohort_matang_90) as matang_sampai,
                {ukuran.TUNGGAKAN} as tunggakan,
                {ukuran.TANPA_RESPON} as tanpa_respon,
                {ukuran.jumlah("desa_diharapkan", _DALAM)} as bulan_diharapkan,
                {ukuran.jumlah("desa_melapor", _DALAM + " and desa_diharapkan = 1")} as bulan_melapor,
                {ukuran.jumlah("desa_melapor", _DALAM)} as bulan_melapor_semua,
                {ukuran.jumlah("desa_melapor", "bulan <= $sampai")} as bulan_melapor_sampai,
                {ukuran.jumlah("desa_diharapkan", diam)} as bulan_diharapkan_3,
                {ukuran.jumlah("desa_melapor", diam)} as bulan_melapor_3
            from gudang.mart_desa_bulan
            where kode_kab = $kab
            group by kode_desa
        ),
        penduduk as (
            select kode_desa, tahun_penduduk, jumlah_penduduk from gudang.mart_penduduk_bulan
            where kode_kab = $kab and bulan = $sampai
        ),
        program as ({_SQL_PROGRAM_PETA}),
        final as (
            select
                w.kode_desa, w.nama_desa, w.jenis, w.kode_kec, w.nama_kec,
                coalesce(p.kasus_baru, 0)::bigint as kasus_baru,
                coalesce(p.bulan_periode, 0)::bigint as bulan_periode,
                coalesce(p.dikirim_matang_90, 0)::bigint as dikirim_matang_90,
                coalesce(p.selesai_90_matang, 0)::bigint as selesai_90_matang,
                coalesce(p.bulan_matang_90, 0)::bigint as bulan_matang_90,
                p.matang_dari, p.matang_sampai,
                coalesce(p.tunggakan, 0)::bigint as tunggakan,
                coalesce(p.tanpa_respon, 0)::bigint as tanpa_respon,
                coalesce(p.bulan_diharapkan, 0)::bigint as bulan_diharapkan,
                coalesce(p.bulan_melapor, 0)::bigint as bulan_melapor,
                coalesce(p.bulan_melapor_semua, 0)::bigint as bulan_melapor_semua,
                coalesce(p.bulan_melapor_sampai, 0)::bigint as bulan_melapor_sampai,
                coalesce(p.bulan_diharapkan_3, 0)::bigint as bulan_diharapkan_3,
                coalesce(p.bulan_melapor_3, 0)::bigint as bulan_melapor_3,
                k.tahun_penduduk, k.jumlah_penduduk,
                s.status_puskesos,
                columns(g.* exclude (kode_desa))
            from gudang.ref_wilayah as w
            left join periode as p using (kode_desa)
            left join penduduk as k using (kode_desa)
            left join program as g using (kode_desa)
            left join gudang.mart_puskesos_status as s using (kode_desa)
            where w.kode_kab = $kab
        )
        select
            *,
            {ukuran.KASUS_PER_1000} as kasus_per_1000,
            {ukuran.SELESAI_90} as selesai_90,
            {ukuran.KELENGKAPAN} as kelengkapan,
            bulan_diharapkan_3 > 0 and bulan_melapor_3 = 0 as diam_periode
        from final
        order by kode_kec, kode_desa
        """,
        {"kab": kode_kab, "dari": dari, "sampai": sampai, "diam_dari": diam_dari},
    ).astype({"kasus_per_1000": "float64", "selesai_90": "float64", "kelengkapan": "float64"})


class InfoBatas(NamedTuple):
    """Imported boundaries of a regency: desa with a polygon (0 without `pantau batas`), source files, last import."""

    jumlah_desa: int
    berkas: str
    diimpor_pada: dt.date | None


@_gerbang("tumpang")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def info_batas(versi: VersiGudang, kode_kab: str) -> InfoBatas:
    """How many desa of the regency have an imported polygon, from which files, imported when."""
    if "batas_desa" not in tabel_gudang(versi):  # not a build table: absent until the first `pantau batas`
        return InfoBatas(0, "", None)
    baris = kueri(
        versi,
        """
        select count(*) as jumlah_desa, coalesce(string_agg(distinct b.berkas, ', '), '') as berkas,
            max(b.diimpor_pada) as diimpor_pada
        from gudang.batas_desa as b
        join gudang.ref_wilayah as w using (kode_desa)
        where w.kode_kab = $kab
        """,
        {"kab": kode_kab},
    ).iloc[0]
    return InfoBatas(int(baris["jumlah_desa"]), str(baris["berkas"]), _tanggal(baris["diimpor_pada"]))


@_gerbang("tumpang")
@st.cache_resource(ttl=_TTL, max_entries=_KECIL, show_spinner=False)  # one shared copy: never changed by a caller
def batas_desa_geojson(versi: VersiGudang, kode_kab: str) -> dict:
    """The display polygons of the regency's desa as a GeoJSON FeatureCollection, feature `id` = kode_desa (the
    Peta page asks only when `info_batas` found some)."""
    df = kueri(
        versi,
        """
        select b.kode_desa, b.geojson_tampilan
        from gudang.batas_desa as b
        join gudang.ref_wilayah as w using (kode_desa)
        where w.kode_kab = $kab
        order by b.kode_desa
        """,
        {"kab": kode_kab},
    )
    return {
        "type": "FeatureCollection",
        "features": [{"type": "Feature", "id": k, "geometry": json.loads(g)}
                     for k, g in zip(df["kode_desa"], df["geojson_tampilan"], strict=True)],
    }


@_gerbang("tumpang")
@st.cache_resource(ttl=_TTL, max_entries=_KECIL, show_spinner=False)  # one shared copy: never changed by a caller
def garis_kecamatan(versi: VersiGudang, kode_kab: str) -> pd.DataFrame:
    """Kecamatan outlines of the regency (dissolved at import) as lines: `kode_kec`, `nama_kec`, and `lon`,
    `lat` (lists, rings separated by None, as plotly draws them)."""
    if "batas_kecamatan" not in tabel_gudang(versi):  # not a build table: absent until the first `pantau batas`
        return pd.DataFrame({"kode_kec": [], "nama_kec": [], "lon": [], "lat": []})
    df = kueri(
        versi,
        """
        select b.kode_kec, any_value(w.nama_kec) as nama_kec, any_value(b.geojson_tampilan) as geojson
        from gudang.batas_kecamatan as b
        join gudang.ref_wilayah as w using (kode_kec)
        where w.kode_kab = $kab
        group by b.kode_kec
        order by b.kode_kec
        """,
        {"kab": kode_kab},
    )
    lon: list[list[float | None]] = []
    lat: list[list[float | None]] = []
    for teks in df["geojson"]:
        g = json.loads(teks)
        poligon = g["coordinates"] if g["type"] == "MultiPolygon" else [g["coordinates"]]
        x: list[float | None] = []
        y: list[float | None] = []
        for cincin in (c for p in poligon for c in p):
            x += [titik[0] for titik in cincin] + [None]
            y += [titik[1] for titik in cincin] + [None]
        lon.append(x)
        lat.append(y)
    return pd.DataFrame({"kode_kec": df["kode_kec"], "nama_kec": df["nama_kec"], "lon": lon, "lat": lat})
