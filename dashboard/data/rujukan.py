"""Rujukan (`screens.md` page 5, `metrics.md` section 2), and the funnel of the Profil desa.

Referrals are those STARTED in the months `dari`..`sampai` (`mart_rujukan.bulan_mulai`), as they stood at the
cut-off, in a desa, kecamatan or kabupaten (`kode`); counted with `ukuran.HITUNG_RUJUKAN`, rates from the summed
counts (`ukuran.SELESAI_90`). Privacy (`metrics.md` section 7) is built into the marts: `mart_rujukan` and the
referral counts of the monthly marts leave out every referral of a sensitive case or to a sensitive destination
(UPTD PPA), at every level, so that no funnel, destination row, list or tunggakan of a desa or kecamatan carries
one; those are counted apart for the kabupaten only (`rujukan_sensitif_kabupaten`, from `mart_rujukan_sensitif`).
Lists still pass `akses.daftar_kasus_aman` (pseudonymous ids, allowed columns only).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

import akses
from akses import daftar_kasus_aman
from dashboard.data import ukuran
from dashboard.data.gerbang import _BESAR, _TTL, _gerbang, _kolom_tanggal, kueri
from dashboard.db import VersiGudang

_RUJUKAN_DI = "(kode_desa = $kode or kode_kec = $kode or kode_kab = $kode) and bulan_mulai between $dari and $sampai"
"""The referrals of the wilayah `$kode` started in the period (a condition on `mart_rujukan` rows)."""



@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def corong_rujukan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The referral funnel of the referrals started in the period, as they stood at the cut-off. One row:
    `dikirim`, `direspon` (status past dikirim or a response date), `respon_14`, `selesai`, `ditolak`, `terbuka`,
    `terlambat`, `tanpa_respon`, and over the mature months only `dikirim_matang_90`, `selesai_90_matang` and their
    rate `persen_selesai_90` (NaN without mature referrals)."""
    df = kueri(
        versi,
        f"""
        with hitung as (
            select
                {ukuran.hitung_rujukan("dikirim", "direspon", "respon_14", "selesai", "ditolak", "terbuka",
                                       "terlambat", "tanpa_respon")}
            from gudang.mart_rujukan
            where {_RUJUKAN_DI}
        ),
        matang as (
            select
                {ukuran.dikirim_matang_90()}::bigint as dikirim_matang_90,
                {ukuran.selesai_90_matang()}::bigint as selesai_90_matang
            from gudang.mart_wilayah_bulan
            where kode_wilayah = $kode and bulan between $dari and $sampai
        )
        select *, {ukuran.SELESAI_90} as persen_selesai_90
        from hitung, matang
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    df["persen_selesai_90"] = df["persen_selesai_90"].astype("float64")
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_kohort(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Completion by start month (cohort) of one wilayah, oldest first: `bulan`, `dikirim`, `selesai_30`,
    `selesai_60`, `selesai_90` (counts), `persen_30`, `persen_60`, `persen_90` (shares, NaN without referrals) and
    `matang_30`, `matang_60`, `matang_90` (the month ended at least 30/60/90 days before the cut-off)."""
    df = kueri(
        versi,
        f"""
        select
            bulan,
            rujukan_dikirim as dikirim,
            rujukan_selesai_30 as selesai_30,
            rujukan_selesai_60 as selesai_60,
            rujukan_selesai_90 as selesai_90,
            {ukuran.rasio("rujukan_selesai_30", "rujukan_dikirim")} as persen_30,
            {ukuran.rasio("rujukan_selesai_60", "rujukan_dikirim")} as persen_60,
            {ukuran.rasio("rujukan_selesai_90", "rujukan_dikirim")} as persen_90,
            kohort_matang_30 as matang_30,
            kohort_matang_60 as matang_60,
            kohort_matang_90 as matang_90
        from gudang.mart_wilayah_bulan
        where kode_wilayah = $kode and bulan between $dari and $sampai
        order by bulan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    _kolom_tanggal(df, "bulan")
    for kolom in ("persen_30", "persen_60", "persen_90"):
        df[kolom] = df[kolom].astype("float64")
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_per_tujuan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The table by destination (metrics.md 2), most overdue first, as it may be shown. Per `tujuan_rujukan`:
    `sla_hari` (from the settings, `ref_sla`), `dikirim`, `respon_14`, `selesai_90` (completed within 90 days, any
    cohort: a count that can only grow), `dikirim_matang_90` and `selesai_90_matang` (mature cohorts only) and their
    rate `persen_selesai_90` (NaN without mature referrals), `ditolak`, `selesai`, `median_hari_selesai` (among the
    completed), `terbuka`, `terlambat`, `tanpa_respon`, `umur_tertua` (days, oldest open referral). Sensitive
    referrals are not in `mart_rujukan`, so a sensitive destination (UPTD PPA) has no row."""
    df = kueri(
        versi,
        f"""
        with r as (
            select r.*, m.kohort_matang_90
            from gudang.mart_rujukan as r
            join gudang.mart_wilayah_bulan as m
                on m.tingkat = 'desa' and m.kode_wilayah = r.kode_desa and m.bulan = r.bulan_mulai
            where (r.kode_desa = $kode or r.kode_kec = $kode or r.kode_kab = $kode)
                and r.bulan_mulai between $dari and $sampai
        ),
        final as (
            select
                tujuan_rujukan,
                any_value(sla_hari) as sla_hari,
                {ukuran.hitung_rujukan("dikirim", "respon_14", "selesai_90")},
                count_if(kohort_matang_90)::bigint as dikirim_matang_90,
                count_if(selesai_90 and kohort_matang_90)::bigint as selesai_90_matang,
                {ukuran.hitung_rujukan("ditolak", "selesai")},
                median(hari_selesai) filter (where status_per = 'selesai')::double as median_hari_selesai,
                {ukuran.hitung_rujukan("terbuka", "terlambat", "tanpa_respon")},
                max(umur_hari) filter (where terbuka) as umur_tertua
            from r
            group by tujuan_rujukan
        )
        select *, {ukuran.SELESAI_90} as persen_selesai_90
        from final
        order by terlambat desc, tanpa_respon desc, dikirim desc, tujuan_rujukan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    for kolom in ("persen_selesai_90", "median_hari_selesai"):
        df[kolom] = df[kolom].astype("float64")
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_sensitif_kabupaten(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The sensitive referrals (of a sensitive case, or to UPTD PPA) of a KABUPATEN started in the period, the one
    level where they are counted (`mart_rujukan_sensitif`, `metrics.md` section 7), as they stood at the cut-off: one
    row `dikirim`, `respon_14`, `selesai_90`, `ditolak`, `terbuka`, `terlambat`, `tanpa_respon` (the row
    `kasus_sensitif` of `pantau metrik --set rujukan --tingkat kabupaten`). No row for a desa or kecamatan code."""
    if akses.tingkat_dari_kode(kode_wilayah) != "kabupaten":
        return pd.DataFrame(columns=["dikirim", "respon_14", "selesai_90", "ditolak", "terbuka", "terlambat",
                                     "tanpa_respon"])
    return kueri(
        versi,
        """
        select
            coalesce(sum(rujukan_dikirim), 0)::bigint as dikirim,
            coalesce(sum(rujukan_respon_14), 0)::bigint as respon_14,
            coalesce(sum(rujukan_selesai_90), 0)::bigint as selesai_90,
            coalesce(sum(rujukan_ditolak), 0)::bigint as ditolak,
            coalesce(sum(rujukan_terbuka), 0)::bigint as terbuka,
            coalesce(sum(rujukan_terlambat), 0)::bigint as terlambat,
            coalesce(sum(rujukan_tanpa_respon), 0)::bigint as tanpa_respon
        from gudang.mart_rujukan_sensitif
        where kode_kab = $kode and bulan between $dari and $sampai
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
        f"""
        with kelompok as (
            select * from (values ('0-30', 1), ('31-60', 2), ('61-90', 3), ('>90', 4)) as k(kelompok_umur, urut)
        ),
        status as (
            select * from (values ('tepat waktu', 1), ('berisiko', 2), ('terlambat', 3)) as s(status_sla, urut_sla)
        ),
        hitung as (
            select kelompok_umur, status_sla, count(*) as jumlah
            from gudang.mart_rujukan
            where terbuka and {_RUJUKAN_DI}
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
        f"""
        with r as (
            select * from gudang.mart_rujukan where {_RUJUKAN_DI}
        )
        select
            r.kode_desa,
            w.nama_desa,
            w.nama_kec,
            {ukuran.hitung_rujukan("tanpa_respon", "terbuka", "terlambat")},
            max(r.umur_hari) filter (where r.tanpa_respon) as umur_tertua,
            list(distinct r.tujuan_rujukan order by r.tujuan_rujukan) filter (where r.tanpa_respon) as tujuan
        from r
        join gudang.ref_wilayah as w using (kode_desa)
        group by r.kode_desa, w.nama_desa, w.nama_kec
        having count_if(r.tanpa_respon) > 0
        order by tanpa_respon desc, umur_tertua desc, w.nama_desa, r.kode_desa
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def rujukan_terbuka_daftar(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """Open referrals started in the period, overdue first, then the oldest. Privacy applied
    (`akses.daftar_kasus_aman`: pseudonymous ids, "kasus sensitif"): `pseudonim_kasus`, `nama_desa`, `nama_kec`,
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
        order by r.terlambat desc, r.umur_hari desc, r.pseudonim_kasus, r.tujuan_rujukan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    return daftar_kasus_aman(_kolom_tanggal(df, "tanggal_mulai", "tanggal_respon"))
