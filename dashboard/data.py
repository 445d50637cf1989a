"""The only place the app runs SQL: small cached functions that return DataFrames (or plain values).

Every function takes the warehouse version (`db.VersiGudang`) as its first argument, so
the cache key includes the version: a rebuilt warehouse (new mtime/size) is read afresh
without restarting the app, and the old entries simply age out (`ttl`, `max_entries`).
Values reach DuckDB only as named parameters (`$kode`); table and column names are fixed
in the SQL text below. Metrics are computed in the pipeline's marts; here they are only
filtered and summed over months, recomputing rates from the summed counts (never
averaging rates), as `metrics.md` requires. Table contract: `pipelines/sql/README.md`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import duckdb
import pandas as pd
import streamlit as st

from dashboard.db import VersiGudang, kueri
from dashboard.periode import jumlah_bulan, periode_sebelumnya

StatusGudang = Literal["siap", "tidak_ada", "kosong", "rusak"]

TABEL_WAJIB: tuple[str, ...] = ("meta_gudang", "ref_wilayah", "mart_wilayah_bulan", "mart_puskesos_status")
"""Tables the app cannot work without."""

_TTL = dt.timedelta(minutes=30)
_KECIL = 8  # max_entries of functions whose result depends on the version only
_BESAR = 256  # max_entries of functions keyed on the filters too


def _tanggal(nilai: object) -> dt.date | None:
    """A DuckDB DATE as it comes back through pandas (Timestamp, datetime or date) as a `date`."""
    if nilai is None or pd.isna(nilai):
        return None
    if isinstance(nilai, pd.Timestamp):
        return nilai.date()
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    return dt.date.fromisoformat(str(nilai)[:10])


def status_gudang(versi: VersiGudang | None) -> StatusGudang:
    """`siap` when the warehouse can be shown; else why not: `tidak_ada`, `kosong` or `rusak`."""
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
    """The `meta_gudang` key/value pairs (tanggal_data, sintetis, kabupaten, ...)."""
    df = kueri(versi, "select kunci, nilai from gudang.meta_gudang")
    return {str(k): str(v) for k, v in zip(df["kunci"], df["nilai"], strict=True) if v is not None}


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def wilayah(versi: VersiGudang) -> pd.DataFrame:
    """All desa of the configured regencies with their kecamatan and kabupaten (`ref_wilayah`), in code order."""
    return kueri(
        versi,
        "select kode_desa, nama_desa, jenis, kode_kec, nama_kec, kode_kab, nama_kab "
        "from gudang.ref_wilayah order by kode_kab, kode_kec, kode_desa",
    )


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def bulan_tersedia(versi: VersiGudang) -> list[dt.date]:
    """The months of the mart grid (first month with data up to the cut-off month), oldest first."""
    df = kueri(versi, "select distinct bulan from gudang.mart_wilayah_bulan order by bulan")
    return [d for d in (_tanggal(x) for x in df["bulan"]) if d is not None]


@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kpi_ringkasan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The Ringkasan KPIs of one wilayah for the period and for the previous period of equal length.

    Two rows, `periode` = `ini` then `lalu`, with: `dari`, `sampai`, `bulan_diharapkan`,
    `bulan_ada` (months of the period present in the mart; fewer than expected means the
    previous period reaches before the data and is not comparable), `lengkap`, `kasus_baru`,
    `bulan_matang_90`, `matang_dari`, `matang_sampai`, `dikirim_matang_90`,
    `selesai_90_matang`, `selesai_90` (rate, NaN without mature referrals), `tunggakan`
    (open overdue referrals at the cut-off among those started up to the period's end) and
    `tunggakan_periode` (those of them started within the period).
    """
    dari_lalu, sampai_lalu = periode_sebelumnya(dari, sampai)
    df = kueri(
        versi,
        """
        with periode as (
            select * from (values ('ini', $dari::date, $sampai::date), ('lalu', $dari_lalu::date, $sampai_lalu::date))
                as p(periode, dari, sampai)
        ),
        baris as (
            select bulan, kasus_baru, rujukan_dikirim, rujukan_selesai_90, rujukan_terlambat, kohort_matang_90
            from gudang.mart_wilayah_bulan
            where kode_wilayah = $kode
        ),
        final as (
            select
                p.periode,
                any_value(p.dari) as dari,
                any_value(p.sampai) as sampai,
                count(b.bulan) filter (where b.bulan between p.dari and p.sampai) as bulan_ada,
                coalesce(sum(b.kasus_baru) filter (where b.bulan between p.dari and p.sampai), 0) as kasus_baru,
                count(b.bulan) filter (where b.bulan between p.dari and p.sampai and b.kohort_matang_90)
                    as bulan_matang_90,
                min(b.bulan) filter (where b.bulan between p.dari and p.sampai and b.kohort_matang_90) as matang_dari,
                max(b.bulan) filter (where b.bulan between p.dari and p.sampai and b.kohort_matang_90)
                    as matang_sampai,
                coalesce(sum(b.rujukan_dikirim) filter (where b.bulan between p.dari and p.sampai
                    and b.kohort_matang_90), 0) as dikirim_matang_90,
                coalesce(sum(b.rujukan_selesai_90) filter (where b.bulan between p.dari and p.sampai
                    and b.kohort_matang_90), 0) as selesai_90_matang,
                coalesce(sum(b.rujukan_terlambat) filter (where b.bulan <= p.sampai), 0) as tunggakan,
                coalesce(sum(b.rujukan_terlambat) filter (where b.bulan between p.dari and p.sampai), 0)
                    as tunggakan_periode
            from periode as p
            left join baris as b on true
            group by p.periode
        )
        select *, selesai_90_matang / nullif(dikirim_matang_90, 0) as selesai_90
        from final
        order by periode = 'lalu'
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai, "dari_lalu": dari_lalu, "sampai_lalu": sampai_lalu},
    )
    df["bulan_diharapkan"] = [jumlah_bulan(dari, sampai), jumlah_bulan(dari_lalu, sampai_lalu)]
    df["lengkap"] = df["bulan_ada"] == df["bulan_diharapkan"]
    for kolom in ("dari", "sampai", "matang_dari", "matang_sampai"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    df["selesai_90"] = df["selesai_90"].astype("float64")
    return df


@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def puskesos_status(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """Puskesos counts by status as of the cut-off for the desa of one wilayah (desa, kecamatan or kabupaten).

    One row: `aktif`, `tersendat`, `diam`, `belum_dibentuk`, `jumlah_desa`.
    """
    return kueri(
        versi,
        """
        select
            count(*) filter (where status_puskesos = 'aktif') as aktif,
            count(*) filter (where status_puskesos = 'tersendat') as tersendat,
            count(*) filter (where status_puskesos = 'diam') as diam,
            count(*) filter (where status_puskesos = 'belum_dibentuk') as belum_dibentuk,
            count(*) as jumlah_desa
        from gudang.mart_puskesos_status
        where kode_desa = $kode or kode_kec = $kode or kode_kab = $kode
        """,
        {"kode": kode_wilayah},
    )


@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def tren_bulanan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Kasus baru and rujukan dikirim per month of one wilayah (totals only, no category breakdown)."""
    df = kueri(
        versi,
        """
        select bulan, kasus_baru, rujukan_dikirim
        from gudang.mart_wilayah_bulan
        where kode_wilayah = $kode and bulan between $dari and $sampai
        order by bulan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    return df


@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kesegaran(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """Reporting in the latest complete month (its last day on or before the cut-off) of one wilayah.

    One row (none when no month is complete yet): `bulan`, `desa_melapor`, `desa_diharapkan`, `jumlah_desa`.
    """
    df = kueri(
        versi,
        """
        with per as (
            select max(try_cast(nilai as date)) as tanggal_data from gudang.meta_gudang where kunci = 'tanggal_data'
        )
        select m.bulan, m.desa_melapor, m.desa_diharapkan, m.jumlah_desa
        from gudang.mart_wilayah_bulan as m, per
        where m.kode_wilayah = $kode and last_day(m.bulan) <= per.tanggal_data
        order by m.bulan desc
        limit 1
        """,
        {"kode": kode_wilayah},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    return df
