"""The user's current selection (wilayah, period, language), the global filter bar, and its URL mirror.

Every page opens with the same filter bar (`screens.md`): regency (shown, or chosen when
the warehouse serves several), kecamatan, desa, and a month range "dari"/"sampai". The
selection lives in `st.session_state` under the widget keys `f_*` and is mirrored to the
URL (`?kec=35.17.16&desa=35.17.16.2001&dari=2025-01&sampai=2026-10`, `&bahasa=en`) so a
view can be shared as a link. The URL is read once per session (when a widget key is not
yet in the session): values that are malformed or unknown in the warehouse fall back to
the default with an Indonesian (or English) warning, never an exception. Pages read the
result with `pilihan_aktif()`.

The bar offers only the wilayah of the logged-in user (`data.wilayah` is already limited to
them): a camat gets his kecamatan and its desa, without "all kecamatan"; a desa operator her
desa. A link naming a wilayah outside the user's scope raises `akses.AksesDitolak` (the frame
shows an error and no data), unlike a malformed or unknown code, which only warns.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd
import streamlit as st

import akses
from bahasa.format import baca_kode_bulan, bulan, kode_bulan, rentang_bulan, teks_polos
from dashboard import data
from dashboard.db import VersiGudang
from dashboard.i18n import BAHASA, Bahasa, t
from dashboard.periode import periode_bawaan
from dashboard.sesi import pengguna_aktif

KUNCI_STATE: dict[str, str] = {
    "kab": "f_kab",
    "kec": "f_kec",
    "desa": "f_desa",
    "dari": "f_dari",
    "sampai": "f_sampai",
    "bahasa": "f_bahasa",
}
"""URL parameter -> session-state key of its widget."""

SEMUA = ""
"""Widget value for "all kecamatan" / "all desa" (a real option, so the box shows its label, not a placeholder)."""

_KUNCI_PILIHAN = "_pilihan"
_KUNCI_PERINGATAN = "_peringatan_url"

Tingkat = Literal["desa", "kecamatan", "kabupaten"]


@dataclass(frozen=True)
class Pilihan:
    """What the user is looking at; every page renders for this selection."""

    versi: VersiGudang
    bahasa: Bahasa
    kode_kab: str
    nama_kab: str
    kode_kec: str | None
    nama_kec: str | None
    kode_desa: str | None
    nama_desa: str | None
    dari: dt.date
    sampai: dt.date
    tanggal_data: dt.date
    bulan_jatuh_tempo: dt.date
    """The last month whose reports were due at the data date (`metrics.md` section 3); later months are partial."""
    sintetis: bool
    tingkat_pengguna: Tingkat = "kabupaten"
    """The level of the logged-in user's scope (`desa` for a desa operator): what a page may show around the
    selection (a desa operator gets no kecamatan-wide lists)."""

    @property
    def tingkat(self) -> Tingkat:
        """The level of the selected wilayah."""
        if self.kode_desa:
            return "desa"
        return "kecamatan" if self.kode_kec else "kabupaten"

    @property
    def kode_wilayah(self) -> str:
        """The code of the selected wilayah (`kode_wilayah` of `mart_wilayah_bulan`)."""
        return self.kode_desa or self.kode_kec or self.kode_kab

    @property
    def nama_wilayah(self) -> str:
        """The selected wilayah in words, e.g. `Kabuh, Kec. Kabuh` or `Kabupaten Jombang`."""
        if self.kode_desa:
            return f"{self.nama_desa}, Kec. {self.nama_kec}"
        if self.kode_kec:
            return f"Kec. {self.nama_kec}"
        return self.nama_kab


@dataclass
class HasilUrl:
    """The filter values read from a URL, and the warnings for the values that had to be dropped."""

    nilai: dict[str, object] = field(default_factory=dict)
    peringatan: list[str] = field(default_factory=list)


def baca_bahasa(params: Mapping[str, str]) -> tuple[Bahasa, str | None]:
    """The language of the URL (`id` when absent) and a warning when the value is not a known language."""
    nilai = (params.get("bahasa") or "").strip().lower()
    if not nilai:
        return "id", None
    if nilai in BAHASA:
        return nilai, None
    return "id", t("url_bahasa_salah", "id", nilai=teks_polos(params.get("bahasa")))


def baca_url(
    params: Mapping[str, str],
    wil: pd.DataFrame,
    bulan_ada: list[dt.date],
    jatuh_tempo: dt.date,
    bahasa: Bahasa,
    kab_bawaan: str | None = None,
) -> HasilUrl:
    """Validate the URL's filter parameters against the warehouse; unknown values fall back with a warning.

    `wil` is `data.wilayah()`, `bulan_ada` is `data.bulan_tersedia()`, `kab_bawaan` the first
    configured regency (`meta_gudang.kabupaten`). Returns the values for `kab`, `kec`, `desa`,
    `dari`, `sampai` (codes, or first-of-month dates).
    """
    hasil = HasilUrl()
    kabs = list(dict.fromkeys(wil["kode_kab"]))
    nama_kab = dict(zip(wil["kode_kab"], wil["nama_kab"], strict=True))

    kab = kab_bawaan if kab_bawaan in kabs else kabs[0]
    teks_kab = (params.get("kab") or "").strip()
    if teks_kab:
        if teks_kab in kabs:
            kab = teks_kab
        else:
            hasil.peringatan.append(t("url_kab_salah", bahasa, nilai=teks_polos(teks_kab),
                                      nama=teks_polos(nama_kab[kab])))
    di_kab = wil[wil["kode_kab"] == kab]

    kec: str | None = None
    teks_kec = (params.get("kec") or "").strip()
    if teks_kec:
        if teks_kec in set(di_kab["kode_kec"]):
            kec = teks_kec
        else:
            hasil.peringatan.append(t("url_kec_salah", bahasa, nilai=teks_polos(teks_kec)))

    desa: str | None = None
    teks_desa = (params.get("desa") or "").strip()
    if teks_desa:
        cocok = di_kab[di_kab["kode_desa"] == teks_desa]
        if len(cocok) and (kec is None or cocok.iloc[0]["kode_kec"] == kec):
            desa = teks_desa
            kec = str(cocok.iloc[0]["kode_kec"])
        else:
            hasil.peringatan.append(t("url_desa_salah", bahasa, nilai=teks_polos(teks_desa)))

    bawaan_dari, bawaan_sampai = periode_bawaan(bulan_ada, jatuh_tempo)
    dari, sampai = bawaan_dari, bawaan_sampai
    dari_url: dt.date | None = None
    sampai_url: dt.date | None = None
    ada_salah = False
    for kunci in ("dari", "sampai"):
        teks = (params.get(kunci) or "").strip()
        if not teks:
            continue
        b = baca_kode_bulan(teks)
        if b is None or b not in bulan_ada:
            ada_salah = True
            hasil.peringatan.append(
                t("url_bulan_salah", bahasa, nilai=teks_polos(teks), kunci=kunci,
                  awal=bulan(bulan_ada[0], bahasa), akhir=bulan(bulan_ada[-1], bahasa))
            )
        elif kunci == "dari":
            dari_url = b
        else:
            sampai_url = b
    if not ada_salah:
        if dari_url and sampai_url and dari_url > sampai_url:
            hasil.peringatan.append(
                t("url_bulan_terbalik", bahasa, dari=bulan(dari_url, bahasa), sampai=bulan(sampai_url, bahasa))
            )
        elif dari_url or sampai_url:
            # With one end in the link, the other keeps its default unless that would reverse the range.
            dari, sampai = dari_url or bawaan_dari, sampai_url or bawaan_sampai
            if dari > sampai:
                dari, sampai = (dari, dari) if dari_url else (sampai, sampai)
    hasil.nilai = {"kab": kab, "kec": kec, "desa": desa, "dari": dari, "sampai": sampai}
    return hasil


@dataclass(frozen=True)
class DaftarWilayah:
    """The filter bar's lists of the wilayah the user may see, as plain dicts in code order (built from
    `data.wilayah`, i.e. after the access gate)."""

    nama_kab: dict[str, str]
    """kode_kab -> nama_kab."""
    nama_kec: dict[str, dict[str, str]]
    """kode_kab -> {kode_kec: nama_kec}."""
    desa_kab: dict[str, dict[str, str]]
    """kode_kab -> {kode_desa: "nama_desa (nama_kec)"} (the desa box when no kecamatan is chosen)."""
    desa_kec: dict[str, dict[str, str]]
    """kode_kec -> {kode_desa: nama_desa}."""
    kec_desa: dict[str, str]
    """kode_desa -> kode_kec."""
    nama_desa: dict[str, str]
    """kode_desa -> nama_desa."""


_KUNCI_DAFTAR = "_daftar_wilayah"


def daftar_wilayah(versi: VersiGudang) -> DaftarWilayah:
    """The filter bar's lists for the logged-in user, built once per session, warehouse version and user.

    Kept in this session's own state, keyed on the warehouse version, the user and the user's scope (`akses.lingkup`):
    another user of the same browser session, or a rebuilt warehouse, gets new lists from `data.wilayah` (the gated
    door), and nothing is shared between sessions. Before this, every run of every page unpickled the cached wilayah
    frame, filtered it through the gate and walked its Arrow columns value by value to fill five boxes (9-35 % of a
    warm run's CPU)."""
    pengguna = pengguna_aktif()
    kunci = (versi, pengguna, akses.lingkup(pengguna))
    tersimpan = st.session_state.get(_KUNCI_DAFTAR)
    if isinstance(tersimpan, tuple) and len(tersimpan) == 2 and tersimpan[0] == kunci:
        return tersimpan[1]
    wil = data.wilayah(versi)
    kol = {k: [str(x) for x in wil[k].tolist()] for k in ("kode_kab", "nama_kab", "kode_kec", "nama_kec",
                                                          "kode_desa", "nama_desa")}
    daftar = DaftarWilayah({}, {}, {}, {}, {}, {})
    for kab, nkab, kec, nkec, desa, ndesa in zip(kol["kode_kab"], kol["nama_kab"], kol["kode_kec"], kol["nama_kec"],
                                                 kol["kode_desa"], kol["nama_desa"], strict=True):
        daftar.nama_kab.setdefault(kab, nkab)
        daftar.nama_kec.setdefault(kab, {}).setdefault(kec, nkec)
        daftar.desa_kab.setdefault(kab, {})[desa] = f"{ndesa} ({nkec})"
        daftar.desa_kec.setdefault(kec, {})[desa] = ndesa
        daftar.kec_desa[desa] = kec
        daftar.nama_desa[desa] = ndesa
    st.session_state[_KUNCI_DAFTAR] = (kunci, daftar)
    return daftar


def _params_url() -> dict[str, str]:
    return {k: st.query_params.get(k) or "" for k in KUNCI_STATE}


def bahasa_aktif() -> Bahasa:
    """The interface language: the language widget's value, or on a session's first run the URL's."""
    kunci = KUNCI_STATE["bahasa"]
    if st.session_state.get(kunci) not in BAHASA:
        bahasa, peringatan = baca_bahasa(_params_url())
        st.session_state[kunci] = bahasa
        if peringatan:
            st.session_state.setdefault(_KUNCI_PERINGATAN, []).append(peringatan)
    return st.session_state[kunci]


def pilih_bahasa(bahasa: Bahasa) -> Bahasa:
    """Render the id/en switch (call after `bahasa_aktif()`) and return the chosen language."""
    pilihan = st.segmented_control(
        t("bahasa", bahasa),
        options=list(BAHASA),
        format_func=str.upper,
        key=KUNCI_STATE["bahasa"],
        required=True,
        label_visibility="collapsed",
    )
    return pilihan if pilihan in BAHASA else bahasa


def _kab_bawaan(meta: dict[str, str]) -> str:
    return meta.get("kabupaten", "").split(",")[0].strip()


def _atur_state_dari_url(versi: VersiGudang, bahasa: Bahasa, jatuh_tempo: dt.date) -> None:
    """On a session's first run with data, fill the filter widgets' state from the URL."""
    if all(KUNCI_STATE[k] in st.session_state for k in ("kec", "desa", "dari", "sampai")):
        return
    periksa_url_cakupan(_params_url())
    hasil = baca_url(_params_url(), data.wilayah(versi), data.bulan_tersedia(versi), jatuh_tempo, bahasa,
                     _kab_bawaan(data.meta_gudang(versi)))
    for kunci, nilai in hasil.nilai.items():
        st.session_state[KUNCI_STATE[kunci]] = SEMUA if nilai is None else nilai
    st.session_state.setdefault(_KUNCI_PERINGATAN, []).extend(hasil.peringatan)


def periksa_url_cakupan(params: Mapping[str, str]) -> None:
    """Raise `akses.AksesDitolak` when the link names a kabupaten, kecamatan or desa outside the user's scope (a
    parent of the scope, e.g. `?kab=` of a camat's own regency, is allowed: it only frames the view)."""
    pengguna = pengguna_aktif()
    cakupan = akses.lingkup(pengguna)
    for kunci in ("kab", "kec", "desa"):
        kode = (params.get(kunci) or "").strip()
        if not kode or cakupan.memuat(kode) or cakupan.di_bawah(kode):
            continue
        akses.periksa_wilayah(pengguna, kode)


def _boleh_semua(tingkat: str) -> tuple[bool, bool]:
    """Whether the user may choose "all kecamatan" and "all desa"."""
    return tingkat == "kabupaten", tingkat != "desa"


def _rapikan_state(daftar: DaftarWilayah, bulan_ada: list[dt.date], jatuh_tempo: dt.date, kab_bawaan: str) -> None:
    """Make the stored selection valid for the current warehouse (it may have been rebuilt since) and for the
    user's scope (`daftar` holds only the desa the user may see)."""
    ss = st.session_state
    semua_kec, semua_desa = _boleh_semua(pengguna_aktif().tingkat)
    kabs = list(daftar.nama_kab)
    if ss.get("f_kab") not in kabs:
        ss["f_kab"] = kab_bawaan if kab_bawaan in kabs else kabs[0]
    kec_di_kab = daftar.nama_kec[ss["f_kab"]]
    desa_di_kab = daftar.desa_kab[ss["f_kab"]]
    if (ss.get("f_kec") != SEMUA and ss.get("f_kec") not in kec_di_kab) or (not semua_kec and not ss.get("f_kec")):
        ss["f_kec"] = SEMUA if semua_kec else next(iter(kec_di_kab))
    if (ss.get("f_desa") != SEMUA and ss.get("f_desa") not in desa_di_kab) or (not semua_desa
                                                                               and not ss.get("f_desa")):
        ss["f_desa"] = SEMUA if semua_desa else next(iter(desa_di_kab))
    if ss["f_desa"]:
        kec_desa = daftar.kec_desa[ss["f_desa"]]
        if ss["f_kec"] not in (SEMUA, kec_desa):
            ss["f_desa"] = SEMUA
        else:
            ss["f_kec"] = kec_desa
    bawaan_dari, bawaan_sampai = periode_bawaan(bulan_ada, jatuh_tempo)
    if ss.get("f_dari") not in bulan_ada:
        ss["f_dari"] = bawaan_dari
    if ss.get("f_sampai") not in bulan_ada:
        ss["f_sampai"] = bawaan_sampai
    if ss["f_dari"] > ss["f_sampai"]:
        ss["f_dari"], ss["f_sampai"] = bawaan_dari, bawaan_sampai


def pilih_wilayah(*, kec: str | None = None, desa: str | None = None) -> None:
    """Choose a wilayah in the filter bar from a page (a click on the map, a kecamatan or desa picked where the bar
    had none). The only way a page changes the bar's state; call it from a widget callback, before the bar runs
    again. A desa brings its kecamatan; a kecamatan alone means all of its desa."""
    if desa:
        st.session_state[KUNCI_STATE["kec"]] = desa.rsplit(".", 1)[0]
        st.session_state[KUNCI_STATE["desa"]] = desa
    elif kec:
        st.session_state[KUNCI_STATE["kec"]] = kec
        st.session_state[KUNCI_STATE["desa"]] = SEMUA


def _saat_kab_berubah() -> None:
    st.session_state["f_kec"] = SEMUA
    st.session_state["f_desa"] = SEMUA


def _saat_kec_berubah() -> None:
    st.session_state["f_desa"] = SEMUA


def _saat_desa_berubah(kec_desa: dict[str, str]) -> None:
    desa = st.session_state.get("f_desa")
    if desa:
        st.session_state["f_kec"] = kec_desa[desa]


def _saat_dari_berubah() -> None:
    if st.session_state["f_dari"] > st.session_state["f_sampai"]:
        st.session_state["f_sampai"] = st.session_state["f_dari"]


def _saat_sampai_berubah() -> None:
    if st.session_state["f_sampai"] < st.session_state["f_dari"]:
        st.session_state["f_dari"] = st.session_state["f_sampai"]


def _tulis_url(nilai: dict[str, str | None]) -> None:
    """Mirror the selection to the URL, touching only our own parameters and only when they changed."""
    for kunci, isi in nilai.items():
        if isi:
            if st.query_params.get(kunci) != isi:
                st.query_params[kunci] = isi
        elif kunci in st.query_params:
            del st.query_params[kunci]


def _ringkasan_pilihan(daftar: DaftarWilayah, bahasa: Bahasa) -> str:
    """The selection in one line, for the phone's filter expander: `Kec. Kabuh · Jun – Sep 2026`."""
    ss = st.session_state
    if ss["f_desa"]:
        wilayah = daftar.nama_desa[ss["f_desa"]]
    elif ss["f_kec"]:
        wilayah = "Kec. " + daftar.nama_kec[ss["f_kab"]][ss["f_kec"]]
    else:
        wilayah = daftar.nama_kab[ss["f_kab"]]
    return t("filter_ringkas", bahasa, wilayah=teks_polos(wilayah), periode=rentang_bulan(ss["f_dari"], ss["f_sampai"],
                                                                                           bahasa))


def bilah_filter(versi: VersiGudang, bahasa: Bahasa, mode: str = "biasa",
                 sebelum: Callable[[], None] | None = None) -> Pilihan:
    """Render the global filter bar, mirror it to the URL, remember and return the selection.

    `mode` (`dashboard.tampilan`): `ponsel` puts the bar behind one expander that names the selection (`sebelum`
    draws first inside it: the language switch and the account); `presentasi` draws no widget at all and shows the
    selection of the session or of the link as it is."""
    meta = data.meta_gudang(versi)
    tanggal_data = dt.date.fromisoformat(meta["tanggal_data"][:10])
    jatuh_tempo = dt.date.fromisoformat(meta["bulan_jatuh_tempo_terakhir"][:10])
    daftar = daftar_wilayah(versi)
    bulan_ada = data.bulan_tersedia(versi)

    _atur_state_dari_url(versi, bahasa, jatuh_tempo)
    _rapikan_state(daftar, bulan_ada, jatuh_tempo, _kab_bawaan(meta))
    for pesan in st.session_state.pop(_KUNCI_PERINGATAN, []):
        st.warning(pesan, icon=":material/link_off:")

    ss = st.session_state
    nama_kab = daftar.nama_kab
    ada_pilihan_kab = len(nama_kab) > 1
    nama_kec = daftar.nama_kec[ss["f_kab"]]
    if mode != "presentasi":
        wadah = (st.expander(_ringkasan_pilihan(daftar, bahasa), icon=":material/tune:") if mode == "ponsel"
                 else st.container(key="bilah_filter"))  # the key: the narrow-window CSS of komponen.gaya
        with wadah:
            if sebelum is not None:
                sebelum()
            _kotak_filter(daftar, bulan_ada, bahasa, nama_kab, nama_kec, ada_pilihan_kab)

    pilihan = Pilihan(
        versi=versi,
        bahasa=bahasa,
        kode_kab=ss["f_kab"],
        nama_kab=nama_kab[ss["f_kab"]],
        kode_kec=ss["f_kec"] or None,
        nama_kec=nama_kec.get(ss["f_kec"]) if ss["f_kec"] else None,
        kode_desa=ss["f_desa"] or None,
        nama_desa=daftar.nama_desa.get(ss["f_desa"]) if ss["f_desa"] else None,
        dari=ss["f_dari"],
        sampai=ss["f_sampai"],
        tanggal_data=tanggal_data,
        bulan_jatuh_tempo=jatuh_tempo,
        sintetis=meta.get("sintetis", "tidak").strip().lower() == "ya",
        tingkat_pengguna=pengguna_aktif().tingkat,  # type: ignore[arg-type]
    )
    akses.periksa_wilayah(pengguna_aktif(), pilihan.kode_wilayah)  # never a selection outside the scope
    _tulis_url({
        "kab": pilihan.kode_kab if ada_pilihan_kab else None,
        "kec": pilihan.kode_kec,
        "desa": pilihan.kode_desa,
        "dari": kode_bulan(pilihan.dari),
        "sampai": kode_bulan(pilihan.sampai),
        "bahasa": bahasa if bahasa != "id" else None,
    })
    st.session_state[_KUNCI_PILIHAN] = pilihan
    return pilihan


def _kotak_filter(daftar: DaftarWilayah, bulan_ada: list[dt.date], bahasa: Bahasa, nama_kab: dict[str, str],
                  nama_kec: dict[str, str], ada_pilihan_kab: bool) -> None:
    """The filter boxes: regency (when several), kecamatan, desa, dari, sampai."""
    ss = st.session_state
    semua_kec, semua_desa = _boleh_semua(pengguna_aktif().tingkat)
    kabs = list(nama_kab)
    kolom = st.columns([1.2, 1.2, 1.4, 0.8, 0.8] if ada_pilihan_kab else [1.3, 1.6, 0.8, 0.8], gap="small")
    if ada_pilihan_kab:
        with kolom[0]:
            st.selectbox(t("kabupaten", bahasa), kabs, format_func=nama_kab.__getitem__, key="f_kab",
                         on_change=_saat_kab_berubah)
        kolom = kolom[1:]
    with kolom[0]:
        st.selectbox(
            t("kecamatan", bahasa),
            [SEMUA, *nama_kec] if semua_kec else list(nama_kec),
            format_func=lambda k: nama_kec.get(k) or t("semua_kecamatan", bahasa),
            key="f_kec",
            on_change=_saat_kec_berubah,
        )
    # with no kecamatan chosen, every desa of the regency, named with its kecamatan
    nama_desa = daftar.desa_kec.get(ss["f_kec"], {}) if ss["f_kec"] else daftar.desa_kab[ss["f_kab"]]
    kec_desa = daftar.kec_desa
    with kolom[1]:
        st.selectbox(
            t("desa", bahasa),
            [SEMUA, *nama_desa] if semua_desa else list(nama_desa),
            format_func=lambda k: nama_desa.get(k) or t("semua_desa", bahasa),
            key="f_desa",
            on_change=_saat_desa_berubah,
            args=(kec_desa,),
        )
    with kolom[2]:
        st.selectbox(t("dari", bahasa), bulan_ada, format_func=lambda b: bulan(b, bahasa), key="f_dari",
                     on_change=_saat_dari_berubah)
    with kolom[3]:
        st.selectbox(t("sampai", bahasa), bulan_ada, format_func=lambda b: bulan(b, bahasa), key="f_sampai",
                     on_change=_saat_sampai_berubah)


def pilihan_aktif() -> Pilihan:
    """The selection made by the filter bar in this run (the frame always renders it before the page)."""
    pilihan = st.session_state.get(_KUNCI_PILIHAN)
    if not isinstance(pilihan, Pilihan):
        raise RuntimeError("The filter bar has not run; start the app with dashboard/streamlit_app.py.")
    return pilihan
