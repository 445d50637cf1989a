"""Trends by category, target group and channel at every level, and the Puskesos register summed per kecamatan and
kabupaten (the briefing's questions that only the command line answered before).

Privacy (`metrics.md` section 7): the category trend is `profil.kasus_kategori_bulanan` (below kabupaten level the
violence categories as the protected cube shows them, the total without any sensitive case); the target-group and
channel breakdowns come from `mart_sasaran_kanal_bulan`, which below kabupaten level counts only the cases of the shown
total (the cases that are not sensitive), so that its rows add up to the shown total, name no victim group, and no
subtraction reveals a hidden count. `attrs["tanpa_kekerasan"]` says so to the page.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

import akses
from dashboard.data.gerbang import _BESAR, _TTL, _gerbang, _kolom_tanggal, kueri
from dashboard.db import VersiGudang

DIMENSI = ("kelompok_sasaran", "kanal")
"""The breakdowns of `tren_sasaran_kanal` (enum names of `pipelines.enums`)."""
TIDAK_DIISI = "tidak_diisi"
"""The code of a case whose target group or channel was not typed."""


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def tren_sasaran_kanal(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date,
                       dimensi: str) -> pd.DataFrame:
    """New cases per month of one wilayah by target group (`dimensi` = 'kelompok_sasaran') or channel ('kanal'):
    columns `bulan`, `kode`, `kasus` (months without a case of a code are absent). Below kabupaten level only the
    cases that are not sensitive (`attrs["tanpa_kekerasan"]`)."""
    if dimensi not in DIMENSI:
        raise ValueError(f"dimensi tidak dikenal: {dimensi}")
    df = kueri(
        versi,
        """
        select bulan, kode, kasus
        from gudang.mart_sasaran_kanal_bulan
        where kode_wilayah = $kode and dimensi = $dimensi and bulan between $dari and $sampai
        order by bulan, kode
        """,
        {"kode": kode_wilayah, "dimensi": dimensi, "dari": dari, "sampai": sampai},
    )
    df = _kolom_tanggal(df, "bulan")
    df.attrs["tanpa_kekerasan"] = akses.tingkat_dari_kode(kode_wilayah) != "kabupaten"
    return df


@_gerbang()
@st.cache_data(ttl=_TTL, max_entries=_BESAR, show_spinner=False)
def register_puskesos(versi: VersiGudang, kode_wilayah: str) -> pd.DataFrame:
    """The Puskesos register summed (`mart_puskesos_wilayah`) for a kabupaten or kecamatan (`peran` = 'ini') and,
    for a kabupaten, each of its kecamatan (`peran` = 'anak', with `nama_wilayah`): `jumlah_desa`,
    `tanpa_register`, `dibentuk`, `register_aktif`, `dengan_sk`, `ketua_terlatih`, `dengan_anggaran`,
    `anggaran_rp`, and the status at the cut-off `aktif`, `tersendat`, `diam`, `belum_dibentuk`. Empty for a desa."""
    return kueri(
        versi,
        """
        select case when r.kode_wilayah = $kode then 'ini' else 'anak' end as peran,
            case when r.tingkat = 'kecamatan' then k.nama_kec else b.nama_kab end as nama_wilayah, r.*
        from gudang.mart_puskesos_wilayah as r
        left join (select kode_kec, any_value(nama_kec) as nama_kec from gudang.ref_wilayah group by kode_kec) as k
            on k.kode_kec = r.kode_kec
        left join (select kode_kab, any_value(nama_kab) as nama_kab from gudang.ref_wilayah group by kode_kab) as b
            on b.kode_kab = r.kode_kab
        where r.kode_wilayah = $kode or (r.tingkat = 'kecamatan' and r.kode_kab = $kode)
        order by peran desc, r.kode_wilayah
        """,
        {"kode": kode_wilayah},
    )
