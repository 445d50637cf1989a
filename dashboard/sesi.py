"""Who is looking: the logged-in account of this browser session, checked on every run.

The frame (`streamlit_app.py`) calls `wajib_masuk()` before anything reads the warehouse: without a valid session
it draws the log-in form (or the forced password change) and stops the run. A session is an `akun.Sesi` kept in
`st.session_state` (server side; a browser cannot write it) and renewed on every run through
`akun.sesi_berlaku`, so that an idle timeout, a deleted or reset account, or a changed password ends it at the
next click. `pengguna_aktif()` is what `dashboard.data` asks before every query: no session, no data.

Work that happens after the run, when a download button is clicked (the file is made then) or when the file is
fetched from Streamlit's media route (`dashboard.layan`), asks `sesi_dari_keadaan` at that moment: the session
state of that browser session must still hold a session that `akun.sesi_sah` accepts (account there, not locked,
not reset, password unchanged, not idle past the limit), or nothing is made or served.

Code that runs outside a browser session (tests and `make bench` calling `dashboard.data` directly) names its user
with `sebagai(pengguna)`; it binds the current thread only, so a served app never sees it.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Callable, Iterator
from typing import Any

import streamlit as st

from akses import AksesDitolak, Pengguna, akun, audit
from pipelines.konfigurasi import Konfigurasi

KUNCI_SESI = "_sesi"
"""`st.session_state` key of the logged-in `akun.Sesi`."""
_KUNCI_KONFIGURASI = "_konfigurasi"

_DI_LUAR_SESI: contextvars.ContextVar[Pengguna | None] = contextvars.ContextVar("pantau_pengguna", default=None)


@contextlib.contextmanager
def sebagai(pengguna: Pengguna) -> Iterator[None]:
    """Let code outside a browser session (tests, benchmarks) read `dashboard.data` as `pengguna`."""
    token = _DI_LUAR_SESI.set(pengguna)
    try:
        yield
    finally:
        _DI_LUAR_SESI.reset(token)


def sesi_aktif() -> akun.Sesi | None:
    """The session of this browser, as last checked by `wajib_masuk` (None before log-in)."""
    try:
        sesi = st.session_state.get(KUNCI_SESI)
    except Exception:  # no Streamlit session at all (plain Python)
        return None
    return sesi if isinstance(sesi, akun.Sesi) else None


def sesi_dari_keadaan(keadaan: Any) -> akun.Sesi | None:
    """The logged-in session kept in one browser session's state (`st.session_state` read from another thread, or
    the state of a Streamlit `AppSession`), if it may act at this moment (`akun.sesi_sah`); else None. Reads only."""
    try:
        sesi = keadaan[KUNCI_SESI]
        konfigurasi = keadaan[_KUNCI_KONFIGURASI]
    except (KeyError, AttributeError, TypeError):
        return None
    if not isinstance(sesi, akun.Sesi) or not isinstance(konfigurasi, Konfigurasi):
        return None
    return sesi if akun.sesi_sah(konfigurasi, sesi) else None


def pemeriksa_sesi() -> Callable[[], akun.Sesi | None]:
    """A function that, called later from any thread (a download made when its button is clicked), gives this
    browser session's logged-in session if it may still act at that moment (`sesi_dari_keadaan`), else None."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    keadaan = ctx.session_state if ctx is not None else None
    return lambda: sesi_dari_keadaan(keadaan) if keadaan is not None else None


def pengguna_aktif() -> Pengguna:
    """The logged-in user; `AksesDitolak` when nobody is (no data leaves `dashboard.data` without a user)."""
    sesi = sesi_aktif()
    if sesi is not None:
        return sesi.pengguna
    pengguna = _DI_LUAR_SESI.get()
    if pengguna is not None:
        return pengguna
    raise AksesDitolak("Silakan masuk lebih dulu.")


def konfigurasi_aktif() -> Konfigurasi:
    """The settings the frame loaded for this run (`periksa_sesi` keeps them)."""
    konfigurasi = st.session_state.get(_KUNCI_KONFIGURASI)
    if not isinstance(konfigurasi, Konfigurasi):
        from pipelines.konfigurasi import muat_konfigurasi

        konfigurasi = muat_konfigurasi()
    return konfigurasi


def periksa_sesi(konfigurasi: Konfigurasi) -> akun.Sesi | None:
    """Renew the stored session, or drop it when it has ended (timeout, account deleted/reset, password changed)."""
    st.session_state[_KUNCI_KONFIGURASI] = konfigurasi
    sesi = sesi_aktif()
    if sesi is None:
        return None
    baru = akun.sesi_berlaku(konfigurasi, sesi)
    if baru is None:
        st.session_state.pop(KUNCI_SESI, None)
        st.session_state["_sesi_berakhir"] = True
        return None
    st.session_state[KUNCI_SESI] = baru
    return baru


def mulai(sesi: akun.Sesi) -> None:
    """Keep a new session (after a log-in)."""
    st.session_state[KUNCI_SESI] = sesi
    st.session_state.pop("_sesi_berakhir", None)


def akhiri(konfigurasi: Konfigurasi) -> None:
    """Log out: audit it and forget the session and every selection made in it."""
    sesi = sesi_aktif()
    if sesi is not None:
        akun.keluar(konfigurasi, sesi)
    for kunci in list(st.session_state):
        if kunci != "f_bahasa":
            del st.session_state[kunci]
    if konfigurasi.sso and st.user.is_logged_in:  # signed on through the identity provider: sign out there too
        st.logout()


def catat(konfigurasi: Konfigurasi, peristiwa: str, *, sasaran: str | None = None, cakupan: str | None = None,
          rincian: dict[str, object] | None = None) -> None:
    """Append an audit record in the name of the logged-in user."""
    sesi = sesi_aktif()
    audit.catat(konfigurasi, peristiwa, sesi.pengguna.nama if sesi else None, sasaran=sasaran, cakupan=cakupan,
                rincian=dict(rincian or {}))
