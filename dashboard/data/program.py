"""Program (`screens.md`, `metrics.md` section 4): coverage and targeting of the social-assistance programs per
wilayah (`mart_program_wilayah`: rates null below their minimum denominator), deactivations over time and what the
deactivated did next (`mart_program_nonaktif`: came to a Puskesos, referred, referral completed), and the program
cases ask for (`mart_program_diminta`). Nothing is computed here but sums over months: the marts carry every rate.
Sensitive cases and referrals are in none of these numbers (the marts leave them out, `metrics.md` section 7).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard.data.gerbang import _BESAR, _KECIL, _TTL, _gerbang, _kolom_tanggal, kueri
from dashboard.db import VersiGudang
from pipelines.enums import PROGRAM


@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def program_tersedia(versi: VersiGudang) -> list[str]:
    """Programs with a roll in the warehouse (codes), in enum order; empty when no roll was loaded."""
    df = kueri(versi, "select distinct program from gudang.mart_program_wilayah")
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


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def program_nonaktif_tindak(versi: VersiGudang, kode_wilayah: str, program: str) -> pd.DataFrame:
    """Per month of deactivation in the wilayah: `dinonaktifkan`, `diaktifkan_kembali`, and of the deactivated,
    `datang_puskesos` (a case of the same household reported that month or later), `dirujuk` (with a referral),
    `rujukan_selesai` (a referral completed by the cut-off). Non-sensitive cases only."""
    df = kueri(versi, """
        select bulan, sum(dinonaktifkan)::bigint as dinonaktifkan,
               sum(diaktifkan_kembali)::bigint as diaktifkan_kembali,
               sum(datang_puskesos)::bigint as datang_puskesos, sum(dirujuk)::bigint as dirujuk,
               sum(rujukan_selesai)::bigint as rujukan_selesai
        from gudang.mart_program_nonaktif
        where program = $program and $kode in (kode_desa, kode_kec, kode_kab)
        group by bulan
        order by bulan
    """, {"kode": kode_wilayah, "program": program})
    return _kolom_tanggal(df, "bulan")


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def program_diminta(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date) -> pd.DataFrame:
    """The programs cases of the wilayah asked for, reported in the months `dari`..`sampai` (`mart_program_diminta`),
    most asked first: `program`, `kasus`, `dirujuk` (of those, with a referral), `rujukan_selesai` (with a referral
    completed by the cut-off). Non-sensitive cases only."""
    return kueri(versi, """
        select program, sum(kasus)::bigint as kasus, sum(dirujuk)::bigint as dirujuk,
               sum(rujukan_selesai)::bigint as rujukan_selesai
        from gudang.mart_program_diminta
        where kode_wilayah = $kode and bulan between $dari and $sampai
        group by program
        order by kasus desc, program
    """, {"kode": kode_wilayah, "dari": dari, "sampai": sampai})
