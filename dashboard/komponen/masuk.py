"""The log-in form, the forced password change, and the account line of the header (name, role, Keluar).

Drawing only; the checks are `akses.akun`'s (argon2id, lock-out, audit) and the session keeping is
`dashboard.sesi`'s.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st
from streamlit.errors import StreamlitAuthError

from akses import LABEL_PERAN, akun, nama_wilayah
from dashboard import sesi
from dashboard.i18n import Bahasa, t
from pipelines.konfigurasi import Konfigurasi


def wajib_masuk(konfigurasi: Konfigurasi, bahasa: Bahasa,
                sebelum_formulir: Callable[[], None] | None = None) -> akun.Sesi:
    """The valid session of this browser; without one, draw the log-in form (or the forced password change) and
    stop the run, so that nothing below it runs for a visitor. `sebelum_formulir` runs first in that case (the
    frame registers the pages there, so that the page in the URL is still the one opened after the log-in)."""
    aktif = sesi.periksa_sesi(konfigurasi)
    if aktif is not None and not aktif.wajib_ganti_sandi:
        return aktif
    if sebelum_formulir is not None:
        sebelum_formulir()
    if aktif is None:
        _masuk_sso(konfigurasi)
    _, tengah, _ = st.columns([1, 1.4, 1])
    with tengah:
        st.markdown(f"### {t('judul_aplikasi', bahasa)}")
        if aktif is None:
            _form_masuk(konfigurasi, bahasa)
        else:
            _form_ganti_sandi(konfigurasi, aktif, bahasa)
    st.stop()


def _masuk_sso(konfigurasi: Konfigurasi) -> None:
    """Back from the identity provider (`st.login`): open the account linked to the e-mail it vouched for."""
    if not konfigurasi.sso or not st.user.is_logged_in:
        return
    hasil = akun.masuk_sso(konfigurasi, str(st.user.get("email") or ""))
    if isinstance(hasil, akun.Sesi):
        sesi.mulai(hasil)
        st.rerun()
    st.session_state["_galat_sso"] = hasil.alasan


def _form_masuk(konfigurasi: Konfigurasi, bahasa: Bahasa) -> None:
    if st.session_state.pop("_sesi_berakhir", False):
        st.info(t("masuk_sesi_berakhir", bahasa, menit=konfigurasi.sesi_menit), icon=":material/timer_off:")
    if not akun.daftar(konfigurasi):
        st.warning(t("masuk_belum_ada_akun", bahasa), icon=":material/person_off:")
    with st.form("form_masuk", border=True):
        st.markdown(f"**{t('masuk_judul', bahasa)}**")
        nama = st.text_input(t("masuk_nama", bahasa), key="masuk_nama", autocomplete="username")
        sandi = st.text_input(t("masuk_sandi", bahasa), type="password", key="masuk_sandi",
                              autocomplete="current-password")
        kirim = st.form_submit_button(t("masuk_tombol", bahasa), type="primary", width="stretch")
    if kirim:
        hasil = akun.masuk(konfigurasi, nama, sandi)
        if isinstance(hasil, akun.GagalMasuk):
            st.error(hasil.alasan, icon=":material/lock:")
            return
        sesi.mulai(hasil)
        st.rerun()
    if konfigurasi.sso:
        galat = st.session_state.pop("_galat_sso", None)
        if galat:
            st.error(galat, icon=":material/badge:")
        if st.button(t("masuk_sso", bahasa), icon=":material/badge:", key="masuk_sso", width="stretch"):
            try:
                st.login(konfigurasi.sso)
            except StreamlitAuthError as e:  # [auth] missing or incomplete in .streamlit/secrets.toml
                st.error(t("masuk_sso_belum_siap", bahasa, penyedia=konfigurasi.sso, pesan=str(e)),
                         icon=":material/settings:")
    st.caption(t("masuk_ket", bahasa))


def _form_ganti_sandi(konfigurasi: Konfigurasi, aktif: akun.Sesi, bahasa: Bahasa) -> None:
    st.info(t("sandi_wajib_ganti", bahasa, nama=aktif.pengguna.nama), icon=":material/password:")
    with st.form("form_ganti_sandi", border=True):
        lama = st.text_input(t("sandi_lama", bahasa), type="password", key="sandi_lama",
                             autocomplete="current-password")
        baru = st.text_input(t("sandi_baru", bahasa, n=akun.SANDI_MIN), type="password", key="sandi_baru",
                             autocomplete="new-password")
        ulang = st.text_input(t("sandi_ulang", bahasa), type="password", key="sandi_ulang",
                              autocomplete="new-password")
        kirim = st.form_submit_button(t("sandi_tombol", bahasa), type="primary", width="stretch")
    if st.button(t("keluar", bahasa), type="tertiary", key="keluar_ganti_sandi"):
        sesi.akhiri(konfigurasi)
        st.rerun()
    if not kirim:
        return
    if baru != ulang:
        st.error(t("sandi_tidak_sama", bahasa), icon=":material/error:")
        return
    try:
        akun.ganti_sandi(konfigurasi, aktif.pengguna.nama, lama, baru)
    except akun.KesalahanAkun as e:
        st.error(str(e), icon=":material/error:")
        return
    hasil = akun.masuk(konfigurasi, aktif.pengguna.nama, baru)  # the change ended the old session
    if isinstance(hasil, akun.GagalMasuk):
        st.error(hasil.alasan, icon=":material/lock:")
        return
    sesi.mulai(hasil)
    st.rerun()


def baris_akun(konfigurasi: Konfigurasi, aktif: akun.Sesi, bahasa: Bahasa) -> None:
    """The header's account menu: who is logged in, with which role and wilayah, and Keluar."""
    p = aktif.pengguna
    with st.popover(p.nama, icon=":material/account_circle:", type="tertiary"):
        st.markdown(f"**{p.nama}**  \n{LABEL_PERAN.get(p.peran, p.peran)}  \n"
                    f"{t('akun_cakupan', bahasa)}: {nama_wilayah(p.kode_wilayah)}")
        if st.button(t("keluar", bahasa), icon=":material/logout:", key="tombol_keluar"):
            sesi.akhiri(konfigurasi)
            st.rerun()
