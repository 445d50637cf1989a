"""The only place the app runs SQL: small cached functions that return DataFrames (or plain values).

Every function takes the warehouse version (`db.VersiGudang`) as its first argument, so
the cache key includes the version: a rebuilt warehouse (new mtime/size) is read afresh
without restarting the app, and the old entries simply age out (`ttl`, `max_entries`).
Values reach DuckDB only as named parameters (`$kode`); table and column names are fixed
in the SQL text below. Metrics are computed in the pipeline's marts; here they are only
filtered and summed over months, recomputing rates from the summed counts (never
averaging rates), as `metrics.md` requires. Table contract: `pipelines/sql/README.md`.

Every function that returns numbers of a wilayah passes the access gate (`pipelines.akses`) through `_gerbang`:
the logged-in user (`dashboard.sesi.pengguna_aktif`, no user: `AksesDitolak`) must be allowed the wilayah asked
for, and rows of desa outside the user's scope are removed before a page sees them. The gate sits outside the
cache, so a cached result computed for one user never reaches another unchecked.
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from typing import Literal, NamedTuple, ParamSpec, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from dashboard.db import VersiGudang, kueri
from dashboard.periode import jumlah_bulan, periode_sebelumnya, tambah_bulan
from dashboard.sesi import konfigurasi_aktif, pengguna_aktif
from pipelines import akses
from pipelines.enums import KODE_KATEGORI, PROGRAM
from pipelines.privasi import KOLOM_SENSITIF, SQL_KASUS_TAMPIL, SQL_KASUS_TAMPIL_DESA, daftar_kasus_aman

StatusGudang = Literal["siap", "tidak_ada", "kosong", "rusak"]

TABEL_WAJIB: tuple[str, ...] = ("meta_gudang", "ref_wilayah", "mart_wilayah_bulan", "mart_puskesos_status")
"""Tables the app cannot work without."""

_TTL = dt.timedelta(minutes=30)
_KECIL = 8  # max_entries of functions whose result depends on the version only
_BESAR = 256  # max_entries of functions keyed on the filters too

P = ParamSpec("P")
R = TypeVar("R")
Cara = Literal["dalam", "tumpang"]


def _gerbang(cara: Cara = "dalam", kolom: str | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Put a data function behind the access gate. Its second argument is a wilayah code.

    `dalam`: the code must lie inside the user's scope (a camat asking for another kecamatan gets `AksesDitolak`).
    `tumpang`: the code may also be a parent of the scope (a camat's map asks for the whole kabupaten); then the
    rows are kept only where `kolom` lies inside the scope. With `kolom`, rows outside the scope are dropped in
    both cases."""

    def bungkus(fungsi: Callable[P, R]) -> Callable[P, R]:
        tanda = inspect.signature(fungsi)
        nama_kode = list(tanda.parameters)[1]  # (versi, kode, ...)

        @functools.wraps(fungsi)
        def bergerbang(*args: P.args, **kwargs: P.kwargs) -> R:
            pengguna = pengguna_aktif()
            kode = str(tanda.bind(*args, **kwargs).arguments[nama_kode])
            if not (cara == "tumpang" and akses.cakupan(pengguna).di_bawah(kode)):
                akses.periksa_wilayah(pengguna, kode)
            hasil = fungsi(*args, **kwargs)
            if kolom is not None and isinstance(hasil, pd.DataFrame):
                return akses.saring(hasil, pengguna, kolom).reset_index(drop=True)
            return hasil

        return bergerbang

    return bungkus


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


def wilayah(versi: VersiGudang) -> pd.DataFrame:
    """The desa the logged-in user may see (all of the configured regencies for kabupaten roles) with their kecamatan
    and kabupaten (`ref_wilayah`), in code order."""
    pengguna = pengguna_aktif()
    awalan = akses.cakupan(pengguna).kode or ""
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
    """The months of the mart grid (first month with data up to the cut-off month), oldest first."""
    df = kueri(versi, "select distinct bulan from gudang.mart_wilayah_bulan order by bulan")
    return [d for d in (_tanggal(x) for x in df["bulan"]) if d is not None]


@_gerbang()
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
        f"""
        with periode as (
            select * from (values ('ini', $dari::date, $sampai::date), ('lalu', $dari_lalu::date, $sampai_lalu::date))
                as p(periode, dari, sampai)
        ),
        baris as (
            select bulan, {SQL_KASUS_TAMPIL} as kasus_baru, rujukan_dikirim, rujukan_selesai_90, rujukan_terlambat,
                kohort_matang_90
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


@_gerbang()
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


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def tren_bulanan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Kasus baru and rujukan dikirim per month of one wilayah (totals only, no category breakdown)."""
    df = kueri(
        versi,
        f"""
        select bulan, {SQL_KASUS_TAMPIL} as kasus_baru, rujukan_dikirim
        from gudang.mart_wilayah_bulan
        where kode_wilayah = $kode and bulan between $dari and $sampai
        order by bulan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    return df


@_gerbang()
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


# Profil desa, Rapat kecamatan and "Perlu perhatian" (screens.md pages 1, 3 and 4). Lists of cases leave this
# module through `pipelines.privasi.daftar_kasus_aman` (pseudonymous ids, "kasus sensitif"); counts by category
# are raw here; the sensitive ones are shown from `kasus_sensitif_terlindungi` instead (`akses.lindungi_bulanan`).

_KOLOM_KATEGORI = ", ".join(f"kasus_{k}" for k in KODE_KATEGORI if k != "nihil")  # identifiers from the enum list


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def profil_desa(versi: VersiGudang, kode_desa: str) -> pd.DataFrame:
    """One row (none for an unknown code): the desa, its kecamatan, its Puskesos status as of the cut-off
    (`mart_puskesos_status`) and its register (`stg_puskesos`: status, SK, trained chair, budget)."""
    df = kueri(
        versi,
        """
        select w.kode_desa, w.nama_desa, w.jenis, w.kode_kec, w.nama_kec, w.kode_kab, w.nama_kab,
            s.status_puskesos, s.bulan_lapor_terakhir, s.bulan_lapor_3,
            p.status as status_register, p.nomor_sk, p.tanggal_sk, p.ketua_terlatih, p.tahun as tahun_anggaran,
            p.anggaran_rp
        from gudang.ref_wilayah as w
        join gudang.mart_puskesos_status as s using (kode_desa)
        left join gudang.stg_puskesos as p using (kode_desa)
        where w.kode_desa = $kode
        """,
        {"kode": kode_desa},
    )
    for kolom in ("bulan_lapor_terakhir", "tanggal_sk"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    return df


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def _kubus_terlindungi(versi: VersiGudang, kode_kab: str) -> pd.DataFrame:
    """Every desa, kecamatan and kabupaten row of one regency's monthly mart through `akses.lindungi_bulanan`: the
    sensitive cells as they may be shown (`<5`, `≥5` or the count), with complementary rows chosen with the
    installation's key. Computed once per warehouse version and regency (a fraction of a second for Jombang)."""
    from pipelines.pseudonim import muat_kunci

    kubus = akses.rapikan_kubus(kueri(versi, "select * from gudang.mart_wilayah_bulan where kode_kab = $kab",
                                      {"kab": kode_kab}))
    kubus["bulan"] = [_tanggal(x) for x in kubus["bulan"]]
    return akses.lindungi_bulanan(kubus, muat_kunci(konfigurasi_aktif()))


@_gerbang()
def kasus_sensitif_terlindungi(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The sensitive counts of one desa or kecamatan per month as they may be shown (`metrics.md` section 7 with
    complementary protection, `akses.lindungi_bulanan`): `bulan`, `kasus_kekerasan_perempuan`,
    `kasus_kekerasan_anak`, `kasus_sensitif`, each an int or `<5` / `≥5`. A month may show `<5` where the desa had
    none: it was chosen to protect another desa."""
    kubus = _kubus_terlindungi(versi, kode_wilayah[:5])
    baris = kubus[(kubus["kode_wilayah"] == kode_wilayah) & (kubus["bulan"] >= dari) & (kubus["bulan"] <= sampai)]
    return baris[["bulan", *KOLOM_SENSITIF]].sort_values("bulan").reset_index(drop=True)


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kasus_kategori_bulanan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """`kasus_baru` (below kabupaten level without the violence categories, `privasi.SQL_KASUS_TAMPIL`) and every
    `kasus_<kategori>` per month of one wilayah. The two violence columns are RAW: below kabupaten level show
    `kasus_sensitif_terlindungi` in their place."""
    df = kueri(
        versi,
        f"""
        select bulan, {SQL_KASUS_TAMPIL} as kasus_baru, {_KOLOM_KATEGORI}
        from gudang.mart_wilayah_bulan
        where kode_wilayah = $kode and bulan between $dari and $sampai
        order by bulan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def corong_rujukan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The referral funnel of the referrals started in the period, as they stood at the cut-off. One row:
    `dikirim`, `direspon` (status past dikirim or a response date), `respon_14`, `selesai`, `ditolak`, `terbuka`,
    `terlambat`, `tanpa_respon`, and over the mature months only `dikirim_matang_90`, `selesai_90_matang`."""
    return kueri(
        versi,
        """
        select
            count(*) as dikirim,
            count_if(status_per <> 'dikirim' or tanggal_respon is not null)::bigint as direspon,
            count_if(respon_14)::bigint as respon_14,
            count_if(status_per = 'selesai')::bigint as selesai,
            count_if(status_per = 'ditolak_tujuan')::bigint as ditolak,
            count_if(terbuka)::bigint as terbuka,
            count_if(terlambat)::bigint as terlambat,
            count_if(tanpa_respon)::bigint as tanpa_respon,
            (select coalesce(sum(rujukan_dikirim), 0) from gudang.mart_wilayah_bulan
             where kode_wilayah = $kode and bulan between $dari and $sampai and kohort_matang_90)::bigint
                as dikirim_matang_90,
            (select coalesce(sum(rujukan_selesai_90), 0) from gudang.mart_wilayah_bulan
             where kode_wilayah = $kode and bulan between $dari and $sampai and kohort_matang_90)::bigint
                as selesai_90_matang
        from gudang.mart_rujukan
        where (kode_desa = $kode or kode_kec = $kode or kode_kab = $kode) and bulan_mulai between $dari and $sampai
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_terlambat(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """Open referrals past their destination's SLA at the cut-off in a desa, kecamatan or kabupaten, by
    destination, desa and age (oldest first). Privacy applied: pseudonymous ids only, a sensitive case's
    category replaced by `privasi.KASUS_SENSITIF`. Columns: `pseudonim_kasus`, `kode_desa`, `nama_desa`,
    `kategori`, `tujuan_rujukan`, `tanggal_mulai`, `umur_hari`, `sla_hari`, `lewat_hari`, `status_per`,
    `tanpa_respon`."""
    df = kueri(
        versi,
        """
        select r.pseudonim_kasus, r.kode_desa, w.nama_desa, r.kategori, r.sensitif, r.tujuan_rujukan,
            r.tanggal_mulai, r.umur_hari, r.sla_hari, r.umur_hari - r.sla_hari as lewat_hari, r.status_per,
            r.tanpa_respon
        from gudang.mart_rujukan as r
        join gudang.ref_wilayah as w using (kode_desa)
        where r.terlambat and (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
        order by r.tujuan_rujukan, w.nama_desa, r.umur_hari desc, r.pseudonim_kasus
        """,
        {"kode": kode_wilayah},
    )
    df["tanggal_mulai"] = [_tanggal(x) for x in df["tanggal_mulai"]]
    return daftar_kasus_aman(df)


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def riwayat_lapor(versi: VersiGudang, kode_desa: str, bulan_akhir: dt.date, jumlah: int = 12) -> pd.DataFrame:
    """The reporting of one desa over `jumlah` months ending with `bulan_akhir` (a first of month), oldest first.

    `status_lapor` per month: `tepat_waktu`, `terlambat` (received after day N of the next month), `nihil`
    (only a nihil report), `tidak_melapor` (expected, nothing received), `belum_wajib` (not expected yet),
    `tanpa_data` (the month lies outside the warehouse's months).
    """
    df = kueri(
        versi,
        """
        with bulan as (
            select cast(b as date) as bulan
            from generate_series($akhir::date - to_months($jumlah - 1), $akhir::date, interval 1 month) as g(b)
        )
        select
            b.bulan,
            case
                when m.bulan is null then 'tanpa_data'
                when m.desa_melapor = 1 and m.desa_nihil = 1 then 'nihil'
                when m.desa_melapor = 1 and m.desa_tepat_waktu = 1 then 'tepat_waktu'
                when m.desa_melapor = 1 then 'terlambat'
                when m.desa_diharapkan = 1 then 'tidak_melapor'
                else 'belum_wajib'
            end as status_lapor
        from bulan as b
        left join gudang.mart_wilayah_bulan as m
            on m.kode_wilayah = $kode and m.tingkat = 'desa' and m.bulan = b.bulan
        order by b.bulan
        """,
        {"kode": kode_desa, "akhir": bulan_akhir, "jumlah": jumlah},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kualitas_desa(versi: VersiGudang, kode_desa: str) -> pd.DataFrame:
    """Data quality of one desa, one row. The files that touched it are those with a loaded row of the desa or a
    quarantined row naming it (by code, or by its exact name within its kecamatan): `berkas`, `baris_dimuat`
    (loaded rows of the desa), `dikarantina_desa` (quarantined rows naming the desa), `dikarantina_berkas` (all
    quarantined rows of those files), `peringatan_desa` (warnings on the desa's rows), `peringatan_berkas`."""
    return kueri(
        versi,
        """
        with w as (
            select * from gudang.ref_wilayah where kode_desa = $kode
        ),
        dimuat as (
            select id_berkas, baris from gudang.raw_laporan_kasus where kode_desa = $kode
            union all
            select id_berkas, baris from gudang.raw_puskesos where kode_desa = $kode
        ),
        karantina_desa as (
            select k.id_berkas, k.baris
            from gudang.karantina as k, w
            where replace(json_extract_string(k.isi, '$.kode_desa'), '.', '') = replace(w.kode_desa, '.', '')
                or (lower(trim(json_extract_string(k.isi, '$.nama_desa'))) = lower(w.nama_desa)
                    and coalesce(lower(trim(json_extract_string(k.isi, '$.nama_kecamatan'))), lower(w.nama_kec))
                        in (lower(w.nama_kec), 'kec. ' || lower(w.nama_kec)))
        ),
        berkas as (
            select id_berkas from dimuat union select id_berkas from karantina_desa
        )
        select
            (select count(*) from berkas) as berkas,
            (select count(*) from dimuat) as baris_dimuat,
            (select count(*) from karantina_desa) as dikarantina_desa,
            (select count(*) from gudang.karantina where id_berkas in (select id_berkas from berkas))
                as dikarantina_berkas,
            (select count(*) from gudang.peringatan as p join dimuat as d using (id_berkas, baris)) as peringatan_desa,
            (select count(*) from gudang.peringatan where id_berkas in (select id_berkas from berkas))
                as peringatan_berkas
        """,
        {"kode": kode_desa},
    )


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rapat_desa(versi: VersiGudang, kode_kec: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Every desa of one kecamatan side by side, in code order: the period's numbers, the monthly series for the
    sparklines, the cut-off's status, and two ranks within the kecamatan (1 = best, ties share a rank).

    Period (months `dari`..`sampai`): `kasus_baru`, `kasus_bulanan`; `dikirim_matang_90`, `selesai_90_matang`,
    `selesai_90` (mature months only; NaN without mature referrals), `selesai_90_bulanan` (per mature month with
    referrals, else None); `terlambat_bulanan` (overdue referrals by start month); `bulan_diharapkan`,
    `bulan_melapor` (reports received for expected months), `kelengkapan`, `lapor_bulanan` (0/1).
    Cut-off: `status_puskesos`, `tunggakan` (all open referrals past SLA), `tanpa_respon`, `pelaporan_turun`.
    Ranks: `peringkat_selesai_90` among the `desa_peringkat_selesai_90` desa with mature referrals (highest
    first); `peringkat_tunggakan` among the `desa_peringkat_tunggakan` desa whose Puskesos reports (aktif or
    tersendat; fewest first). Null when the desa is not ranked.
    """
    df = kueri(
        versi,
        f"""
        with bulanan as (
            select
                kode_wilayah as kode_desa,
                sum({SQL_KASUS_TAMPIL_DESA})::bigint as kasus_baru,
                list({SQL_KASUS_TAMPIL_DESA} order by bulan) as kasus_bulanan,
                coalesce(sum(rujukan_dikirim) filter (where kohort_matang_90), 0)::bigint as dikirim_matang_90,
                coalesce(sum(rujukan_selesai_90) filter (where kohort_matang_90), 0)::bigint as selesai_90_matang,
                list(case when kohort_matang_90 and rujukan_dikirim > 0
                          then rujukan_selesai_90 / rujukan_dikirim end order by bulan) as selesai_90_bulanan,
                list(rujukan_terlambat::bigint order by bulan) as terlambat_bulanan,
                sum(desa_diharapkan)::bigint as bulan_diharapkan,
                coalesce(sum(desa_melapor) filter (where desa_diharapkan = 1), 0)::bigint as bulan_melapor,
                list(desa_melapor order by bulan) as lapor_bulanan
            from gudang.mart_wilayah_bulan
            where tingkat = 'desa' and kode_kec = $kec and bulan between $dari and $sampai
            group by kode_wilayah
        ),
        gabung as (
            select
                p.kode_desa, p.nama_desa, p.status_puskesos,
                coalesce(b.kasus_baru, 0) as kasus_baru, b.kasus_bulanan,
                coalesce(b.dikirim_matang_90, 0) as dikirim_matang_90,
                coalesce(b.selesai_90_matang, 0) as selesai_90_matang,
                b.selesai_90_matang / nullif(b.dikirim_matang_90, 0) as selesai_90,
                b.selesai_90_bulanan, b.terlambat_bulanan,
                p.rujukan_terlambat as tunggakan, p.rujukan_tanpa_respon as tanpa_respon,
                coalesce(b.bulan_diharapkan, 0) as bulan_diharapkan, coalesce(b.bulan_melapor, 0) as bulan_melapor,
                b.bulan_melapor / nullif(b.bulan_diharapkan, 0) as kelengkapan, b.lapor_bulanan,
                p.pelaporan_turun,
                coalesce(b.dikirim_matang_90, 0) > 0 as ada_matang,
                p.status_puskesos in ('aktif', 'tersendat') as melapor
            from gudang.mart_perhatian_desa as p
            left join bulanan as b using (kode_desa)
            where p.kode_kec = $kec
        )
        select
            * exclude (ada_matang, melapor),
            case when ada_matang then rank() over (partition by ada_matang order by selesai_90 desc) end
                as peringkat_selesai_90,
            count(*) filter (where ada_matang) over () as desa_peringkat_selesai_90,
            case when melapor then rank() over (partition by melapor order by tunggakan) end as peringkat_tunggakan,
            count(*) filter (where melapor) over () as desa_peringkat_tunggakan
        from gabung
        order by kode_desa
        """,
        {"kec": kode_kec, "dari": dari, "sampai": sampai},
    )
    df["selesai_90"] = df["selesai_90"].astype("float64")
    df["kelengkapan"] = df["kelengkapan"].astype("float64")
    return df


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def perhatian_desa(versi: VersiGudang, kode_wilayah: str, batas: int = 10) -> pd.DataFrame:
    """The `batas` desa most behind in a kecamatan or kabupaten (`mart_perhatian_desa`, skor > 0), worst first."""
    df = kueri(
        versi,
        """
        select kode_desa, nama_desa, kode_kec, nama_kec, status_puskesos, skor, rujukan_terlambat,
            rujukan_tanpa_respon, umur_terlambat_tertua, bulan_tidak_lapor_3, diharapkan_3, bulan_diam_beruntun,
            diam_sejak, bulan_lapor_terakhir
        from gudang.mart_perhatian_desa
        where skor > 0 and (kode_kec = $kode or kode_kab = $kode)
        order by case when kode_kec = $kode then peringkat_kec else peringkat_kab end
        limit $batas
        """,
        {"kode": kode_wilayah, "batas": batas},
    )
    for kolom in ("diam_sejak", "bulan_lapor_terakhir"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def perhatian_tujuan(versi: VersiGudang, kode_wilayah: str, batas: int | None = 5) -> pd.DataFrame:
    """Referral destinations of a kecamatan or kabupaten by how far behind they are (`mart_perhatian_tujuan`),
    worst first: the first `batas` with skor > 0, or with `batas=None` every destination with an overdue one."""
    df = kueri(
        versi,
        """
        select tujuan_rujukan, skor, rujukan, rujukan_terbuka, rujukan_terlambat, rujukan_tanpa_respon,
            rujukan_ditolak, umur_terlambat_tertua, desa_terlambat
        from gudang.mart_perhatian_tujuan
        where kode_wilayah = $kode and (case when $semua then rujukan_terlambat > 0 else skor > 0 end)
        order by peringkat
        limit $batas
        """,
        {"kode": kode_wilayah, "semua": batas is None, "batas": batas if batas is not None else 1_000_000},
    )
    return df


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def puskesos_bermasalah(versi: VersiGudang, kode_kec: str) -> pd.DataFrame:
    """Desa of a kecamatan whose Puskesos is `diam` or `tersendat` at the cut-off: silent ones first, then the
    longer silence. Columns: `kode_desa`, `nama_desa`, `status_puskesos`, `bulan_lapor_terakhir`, `diterima_3`,
    `diharapkan_3`, `bulan_diam_beruntun`, `diam_sejak`."""
    df = kueri(
        versi,
        """
        select kode_desa, nama_desa, status_puskesos, bulan_lapor_terakhir, diterima_3, diharapkan_3,
            bulan_diam_beruntun, diam_sejak
        from gudang.mart_perhatian_desa
        where kode_kec = $kec and status_puskesos in ('diam', 'tersendat')
        order by status_puskesos = 'tersendat', bulan_diam_beruntun desc, kode_desa
        """,
        {"kec": kode_kec},
    )
    for kolom in ("bulan_lapor_terakhir", "diam_sejak"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    return df


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def pelaporan_turun(versi: VersiGudang, kode_kec: str) -> pd.DataFrame:
    """Desa of a kecamatan whose reporting completeness fell: the last 3 full months before the cut-off month
    against the 3 before (`mart_perhatian_desa.pelaporan_turun`), largest fall first."""
    df = kueri(
        versi,
        """
        select kode_desa, nama_desa, status_puskesos, diterima_3_sebelumnya, diharapkan_3_sebelumnya,
            kelengkapan_3_sebelumnya, diterima_3, diharapkan_3, kelengkapan_3
        from gudang.mart_perhatian_desa
        where kode_kec = $kec and pelaporan_turun
        order by kelengkapan_3 - kelengkapan_3_sebelumnya, kode_desa
        """,
        {"kec": kode_kec},
    )
    for kolom in ("kelengkapan_3", "kelengkapan_3_sebelumnya"):
        df[kolom] = df[kolom].astype("float64")
    return df


# Peta (screens.md page 2): per-desa metrics over a period for the choropleth, and the boundaries imported by
# `pantau batas` (`batas_desa`, `batas_kecamatan`: display copies simplified once at import).

_PENDUDUK_PETA = {
    True: "select kode_desa, tahun_penduduk, jumlah_penduduk from gudang.mart_penduduk_bulan "
          "where kode_kab = $kab and bulan = $sampai",
    False: "select null::varchar as kode_desa, null::integer as tahun_penduduk, null::bigint as jumlah_penduduk "
           "where false",
}
"""Population at the period's last month; the second text serves a warehouse built before `mart_penduduk_bulan`."""


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def tabel_gudang(versi: VersiGudang) -> frozenset[str]:
    """Names of the warehouse's tables (optional ones, such as `batas_desa`, may be missing)."""
    df = kueri(versi, "select table_name as nama from duckdb_tables() where database_name = 'gudang'")
    return frozenset(str(n) for n in df["nama"])


_KOLOM_PROGRAM_PETA = {"cakupan": "cakupan", "tercakup": "tercakup", "keluarga_layak": "layak"}
_PROGRAM_PETA = {
    True: "select kode_wilayah as kode_desa, "
          + ", ".join(f"max({k}) filter (where program = '{p}') as {nama}_{p}"  # fixed names, no user values
                      for p in ("pbi_jk", "pkh", "sembako") for k, nama in _KOLOM_PROGRAM_PETA.items())
          + " from gudang.mart_program_wilayah where tingkat = 'desa' group by kode_wilayah",
    False: "select null::varchar as kode_desa"
           + "".join(f", null::double as {nama}_{p}" for p in ("pbi_jk", "pkh", "sembako")
                     for nama in _KOLOM_PROGRAM_PETA.values()),
}
"""Coverage of the map's programs per desa (`mart_program_wilayah`), or empty columns in an older warehouse."""


@_gerbang("tumpang", kolom="kode_desa")
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def peta_desa(versi: VersiGudang, kode_kab: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """One row per desa of the regency: the Peta metrics over the months `dari`..`sampai`.

    Counts: `kasus_baru` (summed over the period), `bulan_periode`; `dikirim_matang_90`, `selesai_90_matang`,
    `bulan_matang_90` (mature months of the period only); `tunggakan` and `tanpa_respon` (open referrals overdue
    / unanswered at the cut-off, among those started up to `sampai`, as the Ringkasan tile); `bulan_diharapkan`,
    `bulan_melapor` (expected months that were reported), `bulan_melapor_sampai` (any report up to `sampai`);
    `tahun_penduduk`, `jumlah_penduduk` (latest year <= `sampai`; null when unknown); `status_puskesos` at the
    cut-off. Rates recomputed from the summed counts: `kasus_per_1000`, `selesai_90`, `kelengkapan` (null when
    the denominator is 0 or unknown). `diam_periode`: silent at the end of the period, as `metrics.md` defines
    "diam" at the cut-off: expected to report in some of the 3 months ending at `sampai` (`diam_dari`..`sampai`)
    and no report at all for them.
    """
    sql_penduduk = _PENDUDUK_PETA["mart_penduduk_bulan" in tabel_gudang(versi)]
    diam_dari = tambah_bulan(sampai, -2)
    return kueri(
        versi,
        f"""
        with periode as (
            select
                kode_desa,
                coalesce(sum({SQL_KASUS_TAMPIL_DESA}) filter (where bulan between $dari and $sampai), 0)
                    as kasus_baru,
                count(*) filter (where bulan between $dari and $sampai) as bulan_periode,
                coalesce(sum(rujukan_dikirim) filter (where bulan between $dari and $sampai
                    and kohort_matang_90), 0) as dikirim_matang_90,
                coalesce(sum(rujukan_selesai_90) filter (where bulan between $dari and $sampai
                    and kohort_matang_90), 0) as selesai_90_matang,
                count(*) filter (where bulan between $dari and $sampai and kohort_matang_90) as bulan_matang_90,
                min(bulan) filter (where bulan between $dari and $sampai and kohort_matang_90) as matang_dari,
                max(bulan) filter (where bulan between $dari and $sampai and kohort_matang_90) as matang_sampai,
                coalesce(sum(rujukan_terlambat) filter (where bulan <= $sampai), 0) as tunggakan,
                coalesce(sum(rujukan_tanpa_respon) filter (where bulan <= $sampai), 0) as tanpa_respon,
                coalesce(sum(desa_diharapkan) filter (where bulan between $dari and $sampai), 0)
                    as bulan_diharapkan,
                coalesce(sum(desa_melapor) filter (where bulan between $dari and $sampai and desa_diharapkan = 1), 0)
                    as bulan_melapor,
                coalesce(sum(desa_melapor) filter (where bulan between $dari and $sampai), 0) as bulan_melapor_semua,
                coalesce(sum(desa_melapor) filter (where bulan <= $sampai), 0) as bulan_melapor_sampai,
                coalesce(sum(desa_diharapkan) filter (where bulan between $diam_dari and $sampai), 0)
                    as bulan_diharapkan_3,
                coalesce(sum(desa_melapor) filter (where bulan between $diam_dari and $sampai), 0) as bulan_melapor_3
            from gudang.mart_desa_bulan
            where kode_kab = $kab
            group by kode_desa
        ),
        penduduk as ({sql_penduduk}),
        program as ({_PROGRAM_PETA["mart_program_wilayah" in tabel_gudang(versi)]}),
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
            1000.0 * kasus_baru / nullif(jumlah_penduduk, 0) as kasus_per_1000,
            selesai_90_matang / nullif(dikirim_matang_90, 0) as selesai_90,
            bulan_melapor / nullif(bulan_diharapkan, 0) as kelengkapan,
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
    if "batas_desa" not in tabel_gudang(versi):
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
@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def batas_desa_geojson(versi: VersiGudang, kode_kab: str) -> dict:
    """The display polygons of the regency's desa as a GeoJSON FeatureCollection, feature `id` = kode_desa."""
    import json  # only this page reads geometry

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
@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def garis_kecamatan(versi: VersiGudang, kode_kab: str) -> pd.DataFrame:
    """Kecamatan outlines of the regency (dissolved at import) as lines: `kode_kec`, `nama_kec`, and `lon`,
    `lat` (lists, rings separated by None, as plotly draws them)."""
    import json  # only this page reads geometry

    if "batas_kecamatan" not in tabel_gudang(versi):
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


# --- Rujukan (screens.md page 5) ----------------------------------------------------------------------------------
# Referrals are those STARTED in the months `dari`..`sampai` (mart_rujukan.bulan_mulai), as they stood at the cut-off,
# in a desa, kecamatan or kabupaten (`kode`). The funnel is `corong_rujukan` above. Lists of referrals leave through
# `privasi.daftar_kasus_aman`; the table by destination through `privasi.sembunyikan_tujuan_sensitif` (komponen).


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_kohort(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Completion by start month (cohort) of one wilayah, oldest first: `bulan`, `dikirim`, `selesai_30`,
    `selesai_60`, `selesai_90` (counts), `persen_30`, `persen_60`, `persen_90` (shares, NaN without referrals) and
    `matang_30`, `matang_60`, `matang_90` (the month ended at least 30/60/90 days before the cut-off)."""
    df = kueri(
        versi,
        """
        select
            bulan,
            rujukan_dikirim as dikirim,
            rujukan_selesai_30 as selesai_30,
            rujukan_selesai_60 as selesai_60,
            rujukan_selesai_90 as selesai_90,
            rujukan_selesai_30 / nullif(rujukan_dikirim, 0) as persen_30,
            rujukan_selesai_60 / nullif(rujukan_dikirim, 0) as persen_60,
            rujukan_selesai_90 / nullif(rujukan_dikirim, 0) as persen_90,
            kohort_matang_30 as matang_30,
            kohort_matang_60 as matang_60,
            kohort_matang_90 as matang_90
        from gudang.mart_wilayah_bulan
        where kode_wilayah = $kode and bulan between $dari and $sampai
        order by bulan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    for kolom in ("persen_30", "persen_60", "persen_90"):
        df[kolom] = df[kolom].astype("float64")
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_per_tujuan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The table by destination (metrics.md 2), most overdue first. Per `tujuan_rujukan`: `sla_hari` (from the
    settings, `ref_sla`), `dikirim`, `respon_14`, `selesai_90` (completed within 90 days, any cohort: a count that
    can only grow), `dikirim_matang_90` and `selesai_90_matang` (mature cohorts only, for the rate), `ditolak`,
    `selesai`, `median_hari_selesai` (among the completed), `terbuka`, `terlambat`, `tanpa_respon`, `umur_tertua`
    (days, oldest open referral). RAW counts: show through `privasi.sembunyikan_tujuan_sensitif`."""
    return kueri(
        versi,
        """
        with r as (
            select r.*, m.kohort_matang_90
            from gudang.mart_rujukan as r
            join gudang.mart_wilayah_bulan as m
                on m.tingkat = 'desa' and m.kode_wilayah = r.kode_desa and m.bulan = r.bulan_mulai
            where (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
                and r.bulan_mulai between $dari and $sampai
        )
        select
            tujuan_rujukan,
            any_value(sla_hari) as sla_hari,
            count(*) as dikirim,
            count_if(respon_14)::bigint as respon_14,
            count_if(selesai_90)::bigint as selesai_90,
            count_if(kohort_matang_90)::bigint as dikirim_matang_90,
            count_if(selesai_90 and kohort_matang_90)::bigint as selesai_90_matang,
            count_if(status_per = 'ditolak_tujuan')::bigint as ditolak,
            count_if(status_per = 'selesai')::bigint as selesai,
            median(hari_selesai) filter (where status_per = 'selesai')::double as median_hari_selesai,
            count_if(terbuka)::bigint as terbuka,
            count_if(terlambat)::bigint as terlambat,
            count_if(tanpa_respon)::bigint as tanpa_respon,
            max(umur_hari) filter (where terbuka) as umur_tertua
        from r
        group by tujuan_rujukan
        order by terlambat desc, tanpa_respon desc, dikirim desc, tujuan_rujukan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_umur(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Open referrals by age bucket (`kelompok_umur`: 0-30, 31-60, 61-90, >90 days) and SLA status (`status_sla`:
    tepat waktu, berisiko, terlambat), every combination present (zeros included), in that order: `jumlah`."""
    return kueri(
        versi,
        """
        with kelompok as (
            select * from (values ('0-30', 1), ('31-60', 2), ('61-90', 3), ('>90', 4)) as k(kelompok_umur, urut)
        ),
        status as (
            select * from (values ('tepat waktu', 1), ('berisiko', 2), ('terlambat', 3)) as s(status_sla, urut_sla)
        ),
        hitung as (
            select kelompok_umur, status_sla, count(*) as jumlah
            from gudang.mart_rujukan as r
            where r.terbuka and (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
                and r.bulan_mulai between $dari and $sampai
            group by all
        )
        select k.kelompok_umur, s.status_sla, coalesce(h.jumlah, 0)::bigint as jumlah
        from kelompok as k
        cross join status as s
        left join hitung as h using (kelompok_umur, status_sla)
        order by k.urut, s.urut_sla
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_tanpa_respon_desa(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Desa with open referrals never answered after 14 days (`tanpa_respon`), most first: `kode_desa`,
    `nama_desa`, `nama_kec`, `tanpa_respon`, `terbuka`, `terlambat`, `umur_tertua` (days, oldest unanswered),
    `tujuan` (list of the destination codes not answering)."""
    return kueri(
        versi,
        """
        select
            r.kode_desa,
            w.nama_desa,
            w.nama_kec,
            count_if(r.tanpa_respon)::bigint as tanpa_respon,
            count_if(r.terbuka)::bigint as terbuka,
            count_if(r.terlambat)::bigint as terlambat,
            max(r.umur_hari) filter (where r.tanpa_respon) as umur_tertua,
            list(distinct r.tujuan_rujukan order by r.tujuan_rujukan) filter (where r.tanpa_respon) as tujuan
        from gudang.mart_rujukan as r
        join gudang.ref_wilayah as w using (kode_desa)
        where (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
            and r.bulan_mulai between $dari and $sampai
        group by r.kode_desa, w.nama_desa, w.nama_kec
        having count_if(r.tanpa_respon) > 0
        order by tanpa_respon desc, umur_tertua desc, w.nama_desa
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_terbuka_daftar(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Open referrals started in the period, overdue first, then the oldest. Privacy applied
    (`privasi.daftar_kasus_aman`: pseudonymous ids, "kasus sensitif"): `pseudonim_kasus`, `nama_desa`, `nama_kec`,
    `kategori`, `tujuan_rujukan`, `tanggal_mulai`, `tanggal_respon`, `status_per`, `umur_hari`, `sla_hari`,
    `status_sla`, `kelompok_umur`, `terlambat`, `tanpa_respon`."""
    df = kueri(
        versi,
        """
        select r.pseudonim_kasus, w.nama_desa, w.nama_kec, r.kategori, r.sensitif, r.tujuan_rujukan,
            r.tanggal_mulai, r.tanggal_respon, r.status_per, r.umur_hari, r.sla_hari, r.status_sla, r.kelompok_umur,
            r.terlambat, r.tanpa_respon
        from gudang.mart_rujukan as r
        join gudang.ref_wilayah as w using (kode_desa)
        where r.terbuka and (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
            and r.bulan_mulai between $dari and $sampai
        order by r.terlambat desc, r.umur_hari desc, r.pseudonim_kasus
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    for kolom in ("tanggal_mulai", "tanggal_respon"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    return daftar_kasus_aman(df)


# --- Kualitas data (screens.md page 8) ----------------------------------------------------------------------------
# Per desa as of the cut-off from `mart_kualitas_desa` (12-month window, score weights in its header), the monthly
# strip from `mart_pelaporan_desa_bulan`, and the files' quarantine and warnings (`mart_karantina`,
# `mart_peringatan`) filtered by wilayah and by the month the rows report on (`bulan_berkas` in `dari`..`sampai`).
# Quarantined rows that name no known desa count in their file's kecamatan when the file has one, and always in
# the kabupaten view.

_WILAYAH_BERKAS = """(k.kode_desa = $kode or k.kode_kec = $kode or k.kode_kab = $kode
    or (k.kode_kab is null and $kode in (select kode_kab from gudang.ref_wilayah)))"""
"""Wilayah filter of a quarantine or warning row (SQL text with no values: the value is the parameter $kode)."""


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kualitas_per_desa(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """Every desa of a wilayah with its quality numbers (`mart_kualitas_desa`) and Puskesos status, lowest score
    first (desa not scored last): names, `status_puskesos`, the window, the month and row counts, the shares and
    `skor_kualitas` (NaN when not scored)."""
    df = kueri(
        versi,
        """
        select w.nama_desa, w.nama_kec, s.status_puskesos, q.*
        from gudang.mart_kualitas_desa as q
        join gudang.ref_wilayah as w using (kode_desa)
        join gudang.mart_puskesos_status as s using (kode_desa)
        where q.kode_desa = $kode or q.kode_kec = $kode or q.kode_kab = $kode
        order by q.skor_kualitas asc nulls last, q.kode_desa
        """,
        {"kode": kode_wilayah},
    )
    for kolom in ("jendela_dari", "jendela_sampai"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    for kolom in ("kelengkapan", "ketepatan", "porsi_karantina", "porsi_peringatan", "porsi_nik_ada", "skor_kualitas"):
        df[kolom] = df[kolom].astype("float64")
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kualitas_ringkasan(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """The quality numbers of a wilayah, recomputed from its desa's counts (never an average of rates). One row:
    `jendela_dari`, `jendela_sampai`, `desa_dinilai`, `bulan_dinilai`, `bulan_diterima`, `bulan_tepat_waktu`,
    `kelengkapan`, `ketepatan`, `baris_dimuat`, `baris_kasus`, `baris_tanpa_nik`, `porsi_tanpa_nik`,
    `baris_karantina_desa` (attributed to a desa), `baris_peringatan`, `baris_duplikat`, `kasus_direvisi`,
    `jumlah_revisi`."""
    df = kueri(
        versi,
        """
        with q as (
            select * from gudang.mart_kualitas_desa
            where kode_desa = $kode or kode_kec = $kode or kode_kab = $kode
        )
        select
            min(jendela_dari) as jendela_dari,
            max(jendela_sampai) as jendela_sampai,
            count(skor_kualitas) as desa_dinilai,
            sum(bulan_dinilai)::bigint as bulan_dinilai,
            sum(bulan_diterima)::bigint as bulan_diterima,
            sum(bulan_tepat_waktu)::bigint as bulan_tepat_waktu,
            sum(bulan_diterima) / nullif(sum(bulan_dinilai), 0) as kelengkapan,
            sum(bulan_tepat_waktu) / nullif(sum(bulan_dinilai), 0) as ketepatan,
            sum(baris_dimuat)::bigint as baris_dimuat,
            sum(baris_kasus)::bigint as baris_kasus,
            sum(baris_tanpa_nik)::bigint as baris_tanpa_nik,
            sum(baris_tanpa_nik) / nullif(sum(baris_kasus), 0) as porsi_tanpa_nik,
            sum(baris_karantina)::bigint as baris_karantina_desa,
            sum(baris_peringatan)::bigint as baris_peringatan,
            sum(baris_duplikat)::bigint as baris_duplikat,
            sum(kasus_direvisi)::bigint as kasus_direvisi,
            sum(jumlah_revisi)::bigint as jumlah_revisi
        from q
        """,
        {"kode": kode_wilayah},
    )
    for kolom in ("jendela_dari", "jendela_sampai"):
        df[kolom] = [_tanggal(x) for x in df[kolom]]
    for kolom in ("kelengkapan", "ketepatan", "porsi_tanpa_nik"):
        df[kolom] = df[kolom].astype("float64")
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def pelaporan_12_bulan(versi: VersiGudang, kode_wilayah: str, sampai: dt.date) -> pd.DataFrame:
    """The reporting state of every desa of a wilayah for the 12 months ending with `sampai` (months of the
    warehouse only), long form: `kode_desa`, `bulan`, `status_lapor` (`mart_pelaporan_desa_bulan`), `tepat_waktu`."""
    df = kueri(
        versi,
        """
        select kode_desa, bulan, status_lapor, desa_tepat_waktu = 1 as tepat_waktu
        from gudang.mart_pelaporan_desa_bulan
        where (kode_desa = $kode or kode_kec = $kode or kode_kab = $kode)
            and bulan between $sampai::date - interval 11 month and $sampai::date
        order by kode_desa, bulan
        """,
        {"kode": kode_wilayah, "sampai": sampai},
    )
    df["bulan"] = [_tanggal(x) for x in df["bulan"]]
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def karantina_per_berkas(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Quarantined rows by file and kind of reason (a row with two kinds counts under each): `nama_berkas`,
    `lembar`, `kelompok_alasan`, `jumlah`, `tanpa_desa` (of them, naming no known desa), `baris_dibaca` (the
    whole file), `dimuat_pada`; files in load order."""
    return kueri(
        versi,
        f"""
        with k as (
            select k.*, unnest(k.kelompok_alasan) as kelompok
            from gudang.mart_karantina as k
            where {_WILAYAH_BERKAS} and k.bulan_berkas between $dari and $sampai
        )
        select
            k.nama_berkas,
            k.lembar,
            k.kelompok as kelompok_alasan,
            count(*) as jumlah,
            count(*) filter (where k.kode_desa is null) as tanpa_desa,
            any_value(b.baris_dibaca) as baris_dibaca,
            any_value(b.dimuat_pada) as dimuat_pada
        from k
        join gudang.meta_berkas as b using (id_berkas)
        group by k.id_berkas, k.nama_berkas, k.lembar, k.kelompok
        order by k.id_berkas, jumlah desc, kelompok_alasan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def karantina_baris(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The quarantined rows themselves, to send back to the desa: `nama_berkas`, `lembar`, `baris`, `alasan`,
    `nama_desa` (the desa it could be attributed to, else empty), `isi` (JSON of the row's cells as read: personal
    columns were never kept; pass the result through `privasi.ekspor_aman` before it leaves the app)."""
    return kueri(
        versi,
        f"""
        select k.nama_berkas, k.lembar, k.baris, k.alasan, w.nama_desa, k.isi
        from gudang.mart_karantina as k
        left join gudang.ref_wilayah as w using (kode_desa)
        where {_WILAYAH_BERKAS} and k.bulan_berkas between $dari and $sampai
        order by k.id_berkas, k.baris
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def peringatan_per_jenis(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Warnings by type, most frequent first: `jenis_peringatan`, `jumlah`, `berkas` (files), `desa`, and one
    `contoh` message."""
    return kueri(
        versi,
        f"""
        select
            k.jenis_peringatan,
            count(*) as jumlah,
            count(distinct k.id_berkas) as berkas,
            count(distinct k.kode_desa) as desa,
            min(k.pesan) as contoh
        from gudang.mart_peringatan as k
        where {_WILAYAH_BERKAS} and k.bulan_berkas between $dari and $sampai
        group by k.jenis_peringatan
        order by jumlah desc, k.jenis_peringatan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def nama_tidak_cocok(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Desa names that did not match the official list, most rows first: `nama_tertulis` (as typed, or the code),
    `jenis` (`tidak_dikenal` or `di_luar_wilayah`: quarantined; `mirip`: loaded, matched by spelling),
    `keterangan` (the quarantine reason with its suggestion, or the desa it was matched to), `baris`, `berkas`."""
    return kueri(
        versi,
        f"""
        with karantina as (
            select
                coalesce(k.nama_desa_tertulis, json_extract_string(k.isi, '$.kode_desa'), '') as nama_tertulis,
                case when list_contains(k.kelompok_alasan, 'di_luar_wilayah') then 'di_luar_wilayah'
                    else 'tidak_dikenal' end as jenis,
                k.alasan as keterangan,
                k.nama_berkas
            from gudang.mart_karantina as k
            where list_has_any(k.kelompok_alasan, ['desa_tidak_dikenal', 'di_luar_wilayah'])
                and {_WILAYAH_BERKAS} and k.bulan_berkas between $dari and $sampai
        ),
        mirip as (
            select k.nama_desa_tertulis as nama_tertulis, 'mirip' as jenis,
                w.nama_desa || ' (' || w.kode_desa || ')' as keterangan, k.nama_berkas
            from gudang.mart_peringatan as k
            join gudang.ref_wilayah as w using (kode_desa)
            where k.jenis_peringatan = 'nama_desa_mirip'
                and {_WILAYAH_BERKAS} and k.bulan_berkas between $dari and $sampai
        ),
        semua as (
            select * from karantina
            union all
            select * from mirip
        )
        select nama_tertulis, jenis, keterangan, count(*) as baris,
            string_agg(distinct nama_berkas, ', ' order by nama_berkas) as berkas
        from semua
        group by nama_tertulis, jenis, keterangan
        order by baris desc, jenis, nama_tertulis
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


# Program coverage and targeting (metrics.md section 4) and the poverty target (section 5)


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def program_tersedia(versi: VersiGudang) -> list[str]:
    """Programs with a roll in the warehouse (codes), in enum order; empty when no roll was loaded."""
    try:
        df = kueri(versi, "select distinct program from gudang.mart_program_wilayah")
    except duckdb.Error:
        return []
    ada = set(df["program"])
    return [k.kode for k in PROGRAM if k.kode in ada]


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def program_wilayah(versi: VersiGudang, kode_wilayah: str, program: str) -> pd.DataFrame:
    """The selected wilayah (`peran` = 'ini') and its children one level down (`peran` = 'anak') for a program."""
    return kueri(versi, """
        select case when kode_wilayah = $kode then 'ini' else 'anak' end as peran, *
        from gudang.mart_program_wilayah
        where program = $program and (
            kode_wilayah = $kode
            or (tingkat = 'kecamatan' and kode_kab = $kode)
            or (tingkat = 'desa' and kode_kec = $kode))
        order by peran desc, kode_wilayah
    """, {"kode": kode_wilayah, "program": program})


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def program_nonaktif(versi: VersiGudang, kode_wilayah: str, program: str) -> pd.DataFrame:
    """Deactivations by month and reason in the wilayah, with how many were reactivated later."""
    return kueri(versi, """
        select bulan, alasan, sum(dinonaktifkan)::bigint as dinonaktifkan,
               sum(diaktifkan_kembali)::bigint as diaktifkan_kembali
        from gudang.mart_program_nonaktif
        where program = $program and $kode in (kode_desa, kode_kec, kode_kab)
        group by bulan, alasan
        order by bulan, alasan
    """, {"kode": kode_wilayah, "program": program})


@_gerbang("tumpang")
@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def target_kemiskinan(versi: VersiGudang, kode_kab: str) -> dict[str, pd.DataFrame]:
    """Everything the target page draws for one regency: BPS series, documents, their paths, the projection."""
    parameter = {"kab": kode_kab}
    sql = {
        "bps": "select tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber "
               "from gudang.stg_indikator_kemiskinan where kode_kab = $kab order by tahun",
        "dokumen": "select * from gudang.mart_target where kode_kab = $kab order by tahun_target desc, dokumen",
        "jalur": "select dokumen, tahun, target_jalur from gudang.mart_target_jalur where kode_kab = $kab "
                 "order by dokumen, tahun",
        "target": "select dokumen, tahun, target_persen, target_persen_atas, sumber, catatan "
                  "from gudang.stg_target_kemiskinan where kode_kab = $kab order by dokumen, tahun",
        "proyeksi": "select tahun, proyeksi, bawah_80, atas_80, kemiringan_per_tahun, jumlah_titik "
                    "from gudang.mart_proyeksi_kemiskinan where kode_kab = $kab order by tahun",
    }
    return {nama: kueri(versi, teks, parameter) for nama, teks in sql.items()}
