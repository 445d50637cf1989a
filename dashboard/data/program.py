"""Program (`screens.md`, `metrics.md` section 4): coverage and targeting of the social-assistance programs per
wilayah (`mart_program_wilayah`: rates null below their minimum denominator), and deactivations over time
(`mart_program_nonaktif`). Nothing is computed here: the marts carry every rate.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data.gerbang import _BESAR, _KECIL, _TTL, _gerbang, kueri
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
