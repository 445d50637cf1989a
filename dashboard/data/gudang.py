"""The warehouse as a whole: can it be shown (`status_gudang`), its key/value facts (`meta_gudang`), the desa the
user may see (`wilayah`), the months of the marts (`bulan_tersedia`) and its optional tables (`tabel_gudang`).

The warehouse's table shape is its schema version (`meta_gudang.versi_skema`, written by every pipeline write,
`pipelines.gudang.VERSI_SKEMA`). When it is this code's, every model of `pipelines/build.py` MODEL exists, so the
door never asks whether a mart is there; a warehouse of another version is not read at all (`versi_lain`: the
user is told to run `pantau build`). Only tables the build does not write may be missing (`batas_desa`,
`batas_kecamatan`: written by `pantau batas`).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import duckdb
import pandas as pd
import streamlit as st

import akses
from dashboard.data.gerbang import _KECIL, _TTL, _BESAR, _tanggal, kueri
from dashboard.db import VersiGudang
from dashboard.sesi import pengguna_aktif
from pipelines.gudang import VERSI_SKEMA

StatusGudang = Literal["siap", "tidak_ada", "kosong", "rusak", "versi_lain"]
"""`siap`: can be shown. `tidak_ada`: no file. `kosong`: nothing built yet. `rusak`: unreadable. `versi_lain`: built
by another version of Pantau (another table shape): rebuild with `pantau build`."""

TABEL_WAJIB: tuple[str, ...] = ("meta_gudang", "ref_wilayah", "mart_wilayah_bulan", "mart_puskesos_status")
"""Tables a built warehouse has. Missing ones mean nothing was built yet (`kosong`): every pipeline write creates
`meta_gudang` and the load tables, the marts come with the first build."""


def status_gudang(versi: VersiGudang | None) -> StatusGudang:
    """`siap` when the warehouse can be shown; else why not: `tidak_ada`, `kosong`, `rusak` or `versi_lain`."""
    if versi is None:
        return "tidak_ada"
    return _status_gudang(versi)


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def _status_gudang(versi: VersiGudang) -> StatusGudang:
    try:
        ada = kueri(
            versi,
            "select table_name as nama from duckdb_tables() where database_name = 'gudang' "
            "union all select view_name from duckdb_views() where database_name = 'gudang'",
        )
        if "meta_gudang" not in set(ada["nama"]):
            return "kosong"
        skema = kueri(versi, "select any_value(nilai) as versi from gudang.meta_gudang where kunci = 'versi_skema'")
        if skema["versi"].iloc[0] != VERSI_SKEMA:
            return "versi_lain"
        if not set(TABEL_WAJIB) <= set(ada["nama"]):
            return "kosong"
        isi = kueri(
            versi,
            "select (select count(*) from gudang.mart_wilayah_bulan) as baris_mart, "
            "(select count(*) from gudang.ref_wilayah) as baris_wilayah, "
            "(select count(*) from gudang.meta_gudang "
            " where kunci = 'tanggal_data' and try_cast(nilai as date) is not null) as ada_tanggal",
        ).iloc[0]
    except duckdb.Error:
        return "rusak"
    if isi["baris_mart"] == 0 or isi["baris_wilayah"] == 0 or isi["ada_tanggal"] == 0:
        return "kosong"
    return "siap"


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def meta_gudang(versi: VersiGudang) -> dict[str, str]:
    """The `meta_gudang` key/value pairs (versi_skema, tanggal_data, sintetis, kabupaten, ...)."""
    df = kueri(versi, "select kunci, nilai from gudang.meta_gudang")
    return {str(k): str(v) for k, v in zip(df["kunci"], df["nilai"], strict=True) if v is not None}


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def tabel_gudang(versi: VersiGudang) -> frozenset[str]:
    """Names of the warehouse's tables. Only for tables the build does not write (`batas_desa`, `batas_kecamatan`);
    the models of `pipelines/build.py` are guaranteed by the schema version (`status_gudang`)."""
    df = kueri(versi, "select table_name as nama from duckdb_tables() where database_name = 'gudang'")
    return frozenset(str(n) for n in df["nama"])


def wilayah(versi: VersiGudang) -> pd.DataFrame:
    """The desa the logged-in user may see (all of the configured regencies for kabupaten roles) with their kecamatan
    and kabupaten (`ref_wilayah`), in code order."""
    pengguna = pengguna_aktif()
    awalan = akses.lingkup(pengguna).kode or ""
    return akses.saring(_wilayah_di(versi, awalan), pengguna, "kode_desa").reset_index(drop=True)


@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def _wilayah_di(versi: VersiGudang, awalan: str) -> pd.DataFrame:
    """The desa whose code is `awalan` or lies below it (all of them for ""): a national warehouse holds 83,762."""
    return kueri(
        versi,
        "select kode_desa, nama_desa, jenis, kode_kec, nama_kec, kode_kab, nama_kab from gudang.ref_wilayah "
        "where $awalan = '' or kode_desa = $awalan or starts_with(kode_desa, $awalan || '.') "
        "order by kode_kab, kode_kec, kode_desa",
        {"awalan": awalan},
    )


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def bulan_tersedia(versi: VersiGudang) -> list[dt.date]:
    """The months the filter bar offers, oldest first: those of the mart grid from the first to the last month that
    has data (a report received, or a case reported, anywhere in the warehouse). The grid runs up to the cut-off
    month, which has no report yet early in the month; such trailing months are left out (the whole grid when no
    month has data)."""
    df = kueri(versi, """
        with ada as (
            select min(bulan) as awal, max(bulan) as akhir from gudang.mart_wilayah_bulan
            where tingkat = 'kabupaten' and (desa_melapor > 0 or kasus_baru > 0))
        select distinct bulan from gudang.mart_wilayah_bulan, ada
        where ada.awal is null or bulan between ada.awal and ada.akhir
        order by bulan
    """)
    return [d for d in (_tanggal(x) for x in df["bulan"]) if d is not None]
