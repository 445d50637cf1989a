"""Trends by category, target group and channel, and the Puskesos register summed (Ringkasan of a kabupaten or
kecamatan). Every frame arrives protected by the data door: below kabupaten level the violence categories as the
protected cube shows them, and target groups and channels over the cases outside the violence categories, victim
groups under "Lainnya" (`data.tren_sasaran_kanal`, `metrics.md` section 7); the captions say so.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from bahasa import format as fmt
from dashboard.data.tren import TIDAK_DIISI
from dashboard.i18n import Bahasa, t
from dashboard.komponen.profil import konfigurasi_kategori, tabel_kategori
from pipelines.enums import ENUM, label


def tabel_rincian(rincian: pd.DataFrame, dimensi: str, bulan: list[dt.date], bahasa: Bahasa,
                  belum_lengkap: list[dt.date] | None = None) -> pd.DataFrame:
    """Codes of `dimensi` with a case in the period (rows, enum order, "not filled in" last) x the months `bulan`
    plus the period's total, cells as text; the last row totals the column. A month in `belum_lengkap` (not yet
    due) is headed as partial, as in the category table."""
    b = bahasa
    kode = [k.kode for k in ENUM[dimensi] if k.kode in set(rincian["kode"])]
    kode += [TIDAK_DIISI] if TIDAK_DIISI in set(rincian["kode"]) else []
    lebar = rincian.pivot_table(index="kode", columns="bulan", values="kasus", aggfunc="sum", fill_value=0)
    lebar = lebar.reindex(index=kode, columns=bulan, fill_value=0)
    lebar.loc["_total"] = lebar.sum()
    lebar["jumlah"] = lebar.sum(axis=1)
    tabel = lebar.map(lambda x: fmt.angka(int(x), b))
    tabel.columns = [t("pr_kol_jumlah", b) if k == "jumlah"
                     else t("pr_bulan_belum_lengkap", b, bulan=fmt.bulan(k, b)) if k in (belum_lengkap or [])
                     else fmt.bulan(k, b) for k in lebar.columns]
    tabel.index = [t("tren_total", b) if k == "_total" else t("tren_tidak_diisi", b) if k == TIDAK_DIISI
                   else label(dimensi, str(k), b) for k in lebar.index]
    tabel.index.name = t(f"tren_kol_{dimensi}", b)
    return tabel.reset_index()


def bagian_tren(kategori: pd.DataFrame, sasaran: pd.DataFrame, kanal: pd.DataFrame, bahasa: Bahasa) -> None:
    """Three tabs: cases by category (`data.kasus_kategori`), by target group and by channel
    (`data.tren_sasaran_kanal`), months as columns, with what each leaves out below kabupaten level."""
    b = bahasa
    bulan = [k for k in kategori.columns if isinstance(k, dt.date)]
    st.markdown(f"##### {t('tren_rinci_judul', b)}")
    tab_kategori, tab_sasaran, tab_kanal = st.tabs([t("tren_tab_kategori", b), t("tren_tab_sasaran", b),
                                                    t("tren_tab_kanal", b)])
    with tab_kategori:
        tabel = tabel_kategori(kategori, b)
        tabel.attrs = {}  # the months' lists stay here: Arrow cannot carry dates in attrs
        st.dataframe(tabel, hide_index=True, key="tren_kategori", column_config=konfigurasi_kategori(tabel))
        st.caption(t("profil_kategori_catatan", b))
    for tab, df, dimensi in ((tab_sasaran, sasaran, "kelompok_sasaran"), (tab_kanal, kanal, "kanal")):
        with tab:
            tabel = tabel_rincian(df, dimensi, bulan, b, kategori.attrs.get("belum_lengkap", []))
            st.dataframe(tabel, hide_index=True, key=f"tren_{dimensi}",
                         column_config=konfigurasi_kategori(tabel))
            st.caption(t("tren_ket_bawah", b) if df.attrs.get("tanpa_kekerasan") else t("tren_ket_kabupaten", b))


def tabel_register(register: pd.DataFrame, bahasa: Bahasa) -> pd.DataFrame:
    """One row per wilayah (the wilayah first, then its kecamatan): desa, Puskesos formed, with a decree, trained
    chair, village budget (counts of the register as loaded), and active at the cut-off."""
    b = bahasa
    kolom = ("jumlah_desa", "dibentuk", "dengan_sk", "ketua_terlatih", "dengan_anggaran", "aktif")
    tabel = pd.DataFrame({t("tren_reg_wilayah", b): register["nama_wilayah"].astype(str)})
    for k in kolom:
        tabel[t(f"tren_reg_{k}", b)] = [fmt.angka(int(v), b) for v in register[k]]
    return tabel


def bagian_register(register: pd.DataFrame, tanggal_data: dt.date, bahasa: Bahasa, *, tabel: bool = True) -> None:
    """The register summed for the wilayah (a sentence) and, unless `tabel` is False (a phone), per part (a table)."""
    b = bahasa
    if register.empty:
        return
    ini = register[register["peran"] == "ini"].iloc[0]
    st.markdown(f"##### {t('tren_reg_judul', b)}")
    st.markdown(t("tren_reg_kalimat", b, desa=fmt.angka(int(ini["jumlah_desa"]), b),
                  dibentuk=fmt.angka(int(ini["dibentuk"]), b), sk=fmt.angka(int(ini["dengan_sk"]), b),
                  terlatih=fmt.angka(int(ini["ketua_terlatih"]), b),
                  anggaran=fmt.angka(int(ini["dengan_anggaran"]), b),
                  aktif=fmt.angka(int(ini["aktif"]), b), tanggal=fmt.tanggal(tanggal_data, b)))
    if not tabel:
        return
    anak = register[register["peran"] == "anak"]
    st.dataframe(tabel_register(pd.concat([register[register["peran"] == "ini"], anak]), b), hide_index=True,
                 key="tren_register", column_config=None)
    st.caption(t("tren_reg_ket", b))
