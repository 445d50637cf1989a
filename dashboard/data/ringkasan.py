"""Ringkasan (`screens.md` page 1) and the frame's freshness line: the KPIs of a wilayah for a period and the
previous one, Puskesos counts by status, the monthly trend, and the reporting of the last due month.

All from `mart_wilayah_bulan` and `mart_puskesos_status`; sums over the period and the 90-day rate through
`ukuran`, case totals below kabupaten level through `akses.SQL_KASUS_TAMPIL` (without any sensitive case).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from akses import SQL_KASUS_TAMPIL
from dashboard.data import ukuran
from dashboard.data.gerbang import _BESAR, _TTL, _gerbang, _kolom_tanggal, deret_bulanan, kueri
from dashboard.db import VersiGudang
from dashboard.periode import jumlah_bulan, periode_sebelumnya

_DALAM = "bulan between dari and sampai"  # the months of the row's period (`periode` p joined to the months b)


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kpi_ringkasan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The Ringkasan KPIs of one wilayah for the period and for the previous period of equal length.

    Two rows, `periode` = `ini` then `lalu`, with: `dari`, `sampai`, `bulan_diharapkan`,
    `bulan_ada` (months of the period present in the mart; fewer than expected means the
    previous period reaches before the data and is not comparable), `lengkap`, `kasus_baru`,
    `bulan_matang_90`, `matang_dari`, `matang_sampai`, `dikirim_matang_90`,
    `selesai_90_matang`, `selesai_90` (rate, NaN without mature referrals), `tunggakan`
    (every open overdue referral at the cut-off: a stock, the same in both rows) and
    `tunggakan_periode` (those of them started within the period), `sebagian` (the period holds a month whose
    reports are not yet due: its counts are partial, "belum lengkap", and never feed a change figure).
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
                kohort_matang_90, sudah_jatuh_tempo
            from gudang.mart_wilayah_bulan
            where kode_wilayah = $kode
        ),
        final as (
            select
                p.periode,
                any_value(p.dari) as dari,
                any_value(p.sampai) as sampai,
                count(b.bulan) filter (where {_DALAM}) as bulan_ada,
                coalesce(bool_or(not b.sudah_jatuh_tempo) filter (where {_DALAM}), false) as sebagian,
                {ukuran.jumlah("kasus_baru", _DALAM)} as kasus_baru,
                count(b.bulan) filter (where {_DALAM} and kohort_matang_90) as bulan_matang_90,
                min(b.bulan) filter (where {_DALAM} and kohort_matang_90) as matang_dari,
                max(b.bulan) filter (where {_DALAM} and kohort_matang_90) as matang_sampai,
                {ukuran.dikirim_matang_90(_DALAM)} as dikirim_matang_90,
                {ukuran.selesai_90_matang(_DALAM)} as selesai_90_matang,
                {ukuran.TUNGGAKAN} as tunggakan,
                {ukuran.jumlah("rujukan_terlambat", _DALAM)} as tunggakan_periode
            from periode as p
            left join baris as b on true
            group by p.periode
        )
        select *, {ukuran.SELESAI_90} as selesai_90
        from final
        order by periode = 'lalu'
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai, "dari_lalu": dari_lalu, "sampai_lalu": sampai_lalu},
    )
    df["bulan_diharapkan"] = [jumlah_bulan(dari, sampai), jumlah_bulan(dari_lalu, sampai_lalu)]
    df["lengkap"] = df["bulan_ada"] == df["bulan_diharapkan"]
    _kolom_tanggal(df, "dari", "sampai", "matang_dari", "matang_sampai")
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
    return deret_bulanan(versi, kode_wilayah, dari, sampai, f"{SQL_KASUS_TAMPIL} as kasus_baru, rujukan_dikirim")


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def kesegaran(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """Reporting in the last due month (`metrics.md` 3: its reports were due by day 10 of the next month and that day
    has passed at the cut-off) of one wilayah: the month the Puskesos status, the completeness and the ranks are
    judged on. A month that has ended but is not yet due (November on 6 December) is never the freshness line's
    month: its reports are still coming in, and "118 dari 306 desa melapor" would read as 188 silent desa.

    One row (none when no month is due yet): `bulan`, `desa_melapor`, `desa_diharapkan`, `jumlah_desa`.
    """
    df = kueri(
        versi,
        """
        select m.bulan, m.desa_melapor, m.desa_diharapkan, m.jumlah_desa
        from gudang.mart_wilayah_bulan as m
        where m.kode_wilayah = $kode and m.sudah_jatuh_tempo
        order by m.bulan desc
        limit 1
        """,
        {"kode": kode_wilayah},
    )
    return _kolom_tanggal(df, "bulan")
