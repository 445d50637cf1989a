"""KPI tiles: one big number, its change against the previous period, a short note, and its definition.

`IsiKpi` holds what a tile shows, already formatted; the `isi_*` functions turn the rows of
`data.kpi_ringkasan` / `data.puskesos_status` into it (pure, so they can be tested without
Streamlit), and `ubin_kpi` draws it. The change is against the previous period of equal
length, named once above the tiles (`judul_periode`). It is coloured by meaning, not by sign:
blue when it is good news, vermillion-orange when it needs attention, grey when neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

import pandas as pd
import streamlit as st

from bahasa import format as fmt
from dashboard.i18n import Bahasa, t
from pipelines.enums import label

WarnaSelisih = Literal["blue", "orange", "gray"]
Arah = Literal["naik_baik", "naik_buruk", "netral"]


@dataclass(frozen=True)
class IsiKpi:
    """Everything one tile shows, formatted for the interface language."""

    kunci: str
    judul: str
    nilai: str
    definisi: str
    selisih: str | None = None
    warna_selisih: WarnaSelisih = "gray"
    keterangan: str | None = None
    redup: bool = False
    """True when the value is a state in words (e.g. `belum matang`), drawn smaller and grey."""


def _warna(nilai_selisih: float, arah: Arah) -> WarnaSelisih:
    if nilai_selisih == 0 or arah == "netral":
        return "gray"
    baik = (nilai_selisih > 0) == (arah == "naik_baik")
    return "blue" if baik else "orange"


def _baris(kpi: pd.DataFrame, periode: str) -> pd.Series:
    return kpi[kpi["periode"] == periode].iloc[0]


def _catatan(*bagian: str | None) -> str | None:
    isi = [b for b in bagian if b]
    return "; ".join(isi) if isi else None


def ada_pembanding(kpi: pd.DataFrame) -> bool:
    """Whether a change may be shown: the previous period of equal length lies wholly within the months with data,
    and neither period holds a month whose reports are not yet due (a partial month is never compared)."""
    return bool(_baris(kpi, "lalu")["lengkap"]) and not _sebagian(kpi)


def _sebagian(kpi: pd.DataFrame) -> bool:
    return bool(_baris(kpi, "ini").get("sebagian", False)) or bool(_baris(kpi, "lalu").get("sebagian", False))


def judul_periode(kpi: pd.DataFrame, bulan_pertama: dt.date, bahasa: Bahasa) -> str:
    """`Periode Jun – Sep 2026, dibanding Feb – Mei 2026`, or why there is no comparison."""
    ini, lalu = _baris(kpi, "ini"), _baris(kpi, "lalu")
    periode = fmt.rentang_bulan(ini["dari"], ini["sampai"], bahasa)
    if ada_pembanding(kpi):
        return t("periode_dibanding", bahasa, periode=periode, lalu=fmt.rentang_bulan(lalu["dari"], lalu["sampai"],
                                                                                      bahasa))
    if _sebagian(kpi):
        return t("periode_belum_lengkap", bahasa, periode=periode)
    return t("periode_tanpa_pembanding", bahasa, periode=periode, awal=fmt.bulan(bulan_pertama, bahasa))


def isi_kasus_baru(kpi: pd.DataFrame, bahasa: Bahasa, tingkat: str = "kabupaten") -> IsiKpi:
    """Kasus baru summed over the period; change in cases and percent (neutral colour: more is not worse). Below
    kabupaten level the count leaves every sensitive case out (`privasi.SQL_KASUS_TAMPIL`), and says so."""
    ini, lalu = _baris(kpi, "ini"), _baris(kpi, "lalu")
    nilai = int(ini["kasus_baru"])
    selisih = None
    warna: WarnaSelisih = "gray"
    if ada_pembanding(kpi):
        beda = nilai - int(lalu["kasus_baru"])
        selisih = fmt.selisih(beda, bahasa)
        if int(lalu["kasus_baru"]) > 0 and beda != 0:
            selisih += f" ({fmt.selisih_persen(beda / int(lalu['kasus_baru']), bahasa)})"
        warna = _warna(beda, "netral")
    keterangan = t("ket_kasus_baru" if tingkat == "kabupaten" else "ket_kasus_baru_tanpa_kekerasan", bahasa)
    if bool(ini.get("sebagian", False)):
        keterangan = f"{t('ket_belum_lengkap', bahasa)} {keterangan}"
    return IsiKpi("kasus_baru", t("kpi_kasus_baru", bahasa), fmt.angka(nilai, bahasa), t("def_kasus_baru", bahasa),
                  selisih, warna, keterangan=keterangan)


def isi_selesai_90(kpi: pd.DataFrame, tanggal_data: dt.date, bahasa: Bahasa) -> IsiKpi:
    """Cohort completion within 90 days over the mature months; `belum matang` when none is mature.

    Compared (in percentage points) only when the previous period is wholly mature and had referrals.
    """
    ini, lalu = _baris(kpi, "ini"), _baris(kpi, "lalu")
    judul, definisi = t("kpi_selesai_90", bahasa), t("def_selesai_90", bahasa)
    if int(ini["bulan_matang_90"]) == 0:
        return IsiKpi("selesai_90", judul, t("belum_matang", bahasa), definisi,
                      keterangan=t("ket_belum_matang", bahasa, tanggal=fmt.tanggal(tanggal_data, bahasa)), redup=True)
    if int(ini["dikirim_matang_90"]) == 0:
        return IsiKpi("selesai_90", judul, fmt.KOSONG, definisi, keterangan=t("ket_selesai_90_kosong", bahasa),
                      redup=True)
    rasio = float(ini["selesai_90"])
    keterangan: str | None = t("ket_selesai_90", bahasa, selesai=fmt.angka(int(ini["selesai_90_matang"]), bahasa),
                               dikirim=fmt.angka(int(ini["dikirim_matang_90"]), bahasa),
                               periode=fmt.rentang_bulan(ini["matang_dari"], ini["matang_sampai"], bahasa))
    selisih = None
    warna: WarnaSelisih = "gray"
    sebanding = ada_pembanding(kpi) and int(lalu["bulan_matang_90"]) == int(lalu["bulan_diharapkan"]) \
        and int(lalu["dikirim_matang_90"]) > 0
    if sebanding:
        beda = rasio - float(lalu["selesai_90"])
        selisih = fmt.selisih_poin(beda, bahasa)
        warna = _warna(round(beda * 1000), "naik_baik")
    elif ada_pembanding(kpi):
        keterangan = _catatan(keterangan, t("tanpa_pembanding", bahasa))
    return IsiKpi("selesai_90", judul, fmt.persen(rasio, bahasa), definisi, selisih, warna, keterangan=keterangan)


def isi_tunggakan(kpi: pd.DataFrame, tanggal_data: dt.date, bahasa: Bahasa) -> IsiKpi:
    """Open overdue referrals at the cut-off, whatever month they started (a stock, `metrics.md` 2).

    No up/down change is drawn: the mart evaluates every referral at one cut-off, so the same
    count for the previous period is just a subset of this one (the "change" could never be
    negative). The tile says instead how many of them were started within the period.
    """
    ini = _baris(kpi, "ini")
    keterangan = t("ket_tunggakan", bahasa, tanggal=fmt.tanggal(tanggal_data, bahasa),
                   periode=fmt.angka(int(ini["tunggakan_periode"]), bahasa))
    return IsiKpi("tunggakan", t("kpi_tunggakan", bahasa), fmt.angka(int(ini["tunggakan"]), bahasa),
                  t("def_tunggakan", bahasa), keterangan=keterangan)


def isi_puskesos_aktif(status: pd.DataFrame, tanggal_data: dt.date, bahasa: Bahasa) -> IsiKpi:
    """`x dari y`: desa with an active Puskesos among all desa of the wilayah, as of the cut-off."""
    baris = status.iloc[0]
    nilai = t("x_dari_y", bahasa, x=fmt.angka(int(baris["aktif"]), bahasa),
              y=fmt.angka(int(baris["jumlah_desa"]), bahasa))
    tanggal = fmt.tanggal(tanggal_data, bahasa)
    if int(baris["jumlah_desa"]) == 1:
        status = next(s for s in ("aktif", "tersendat", "diam", "belum_dibentuk") if int(baris[s]) == 1)
        keterangan = t("ket_puskesos_desa", bahasa, tanggal=tanggal,
                       status=label("status_puskesos_pantau", status, bahasa))
    else:
        jumlah = {s: fmt.angka(int(baris[s]), bahasa) for s in ("tersendat", "diam", "belum_dibentuk")}
        keterangan = t("ket_puskesos", bahasa, tanggal=tanggal, tersendat=jumlah["tersendat"], diam=jumlah["diam"],
                       belum=jumlah["belum_dibentuk"])
    return IsiKpi("puskesos_aktif", t("kpi_puskesos_aktif", bahasa), nilai, t("def_puskesos_aktif", bahasa),
                  keterangan=keterangan)


def ubin_kpi(isi: IsiKpi, bahasa: Bahasa, definisi: bool = True) -> None:
    """Draw one tile: bordered box with the metric, its note, and a `Definisi` popover one click away (`definisi`
    False: none, on the projector where nobody clicks)."""
    kunci = f"kpi_{isi.kunci}_redup" if isi.redup else f"kpi_{isi.kunci}"
    with st.container(border=True, height="stretch", gap="xsmall", key=kunci):
        st.metric(
            isi.judul,
            isi.nilai,
            delta=isi.selisih,
            delta_color=isi.warna_selisih,
        )
        if isi.keterangan:
            st.caption(isi.keterangan)
        if not definisi:
            return
        with st.popover(t("definisi", bahasa), icon=":material/info:", type="tertiary"):
            st.markdown(isi.definisi)
