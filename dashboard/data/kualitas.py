"""Kualitas data (`screens.md` page 8, `metrics.md` sections 3 and 6): which desa report completely and on time,
whose rows need correcting, and why.

Per desa as of the cut-off from `mart_kualitas_desa` (12-month window, score weights in its header), the monthly
strip from `mart_pelaporan_desa_bulan`, and the files' quarantine and warnings (`mart_karantina`,
`mart_peringatan`) filtered by wilayah and by the month the rows report on (`bulan_berkas` in `dari`..`sampai`).
Quarantined rows that name no known desa count in their file's kecamatan when the file has one, and always in
the kabupaten view. A wilayah's rates are recomputed from its desa's counts (`ukuran.rasio`), never averaged.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.data import ukuran
from dashboard.data.gerbang import _BESAR, _TTL, _gerbang, _kolom_tanggal, kueri
from dashboard.db import VersiGudang

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
    _kolom_tanggal(df, "jendela_dari", "jendela_sampai")
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
        f"""
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
            {ukuran.rasio("sum(bulan_diterima)", "sum(bulan_dinilai)")} as kelengkapan,
            {ukuran.rasio("sum(bulan_tepat_waktu)", "sum(bulan_dinilai)")} as ketepatan,
            sum(baris_dimuat)::bigint as baris_dimuat,
            sum(baris_kasus)::bigint as baris_kasus,
            sum(baris_tanpa_nik)::bigint as baris_tanpa_nik,
            {ukuran.rasio("sum(baris_tanpa_nik)", "sum(baris_kasus)")} as porsi_tanpa_nik,
            sum(baris_karantina)::bigint as baris_karantina_desa,
            sum(baris_peringatan)::bigint as baris_peringatan,
            sum(baris_duplikat)::bigint as baris_duplikat,
            sum(kasus_direvisi)::bigint as kasus_direvisi,
            sum(jumlah_revisi)::bigint as jumlah_revisi
        from q
        """,
        {"kode": kode_wilayah},
    )
    _kolom_tanggal(df, "jendela_dari", "jendela_sampai")
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
    return _kolom_tanggal(df, "bulan")


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
