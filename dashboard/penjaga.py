"""The guard on Streamlit's media route: a file made for a browser session leaves only to that browser, while its
log-in is valid.

Streamlit serves every file a page hands out (the download buttons' files, and any image or audio) at
`/media/<id>.<ext>`, to whoever asks for the URL, for as long as the file is kept in memory. `pantau serve` starts the
app through `dashboard/layan.py`, which puts `PenjagaMedia` in front of Streamlit; it answers a media request only
when, at that moment,

1. a browser session that owns the file is still connected (`pemilik`: the session whose click made a download, or
   the session whose page shows a media element),
2. the request carries that browser's cookie (`KUKI`, random, HttpOnly, SameSite=Strict, set by this guard on the
   first page load and sent again with the session's websocket), so a copied URL is useless elsewhere, and
3. the session's log-in may still act (`sesi.sesi_dari_keadaan`: the account exists, is not locked, not reset, its
   password unchanged, not idle past the limit, the same rule the pages apply at every run).

Otherwise the answer is 404 with an empty body (it says nothing about whether such a file exists). Every answer of
the media route carries `Cache-Control: no-store`, so no browser or proxy keeps a copy. The download's file itself is
made only if the same check passes when the button is clicked (`komponen.unduhan.tombol_unduh`).

Streamlit internals this relies on (pinned Streamlit version; `tests/browser/test_unduhan_sesi_browser.py` fails if
they change): `DeferredFileHandler.handle(request, session_id)` answers a click with the URL of the made file (it is
wrapped to record which session made it), and the media manager's per-session map of media elements.
"""

from __future__ import annotations

import asyncio
import hmac
import os
import secrets
import threading
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from dashboard.sesi import sesi_dari_keadaan

KUKI = "pantau_peramban"
"""The cookie that ties a media request to the browser whose websocket session owns the file."""

Pesan = MutableMapping[str, Any]
Terima = Callable[[], Awaitable[Pesan]]
Kirim = Callable[[Pesan], Awaitable[None]]
AplikasiAsgi = Callable[[Pesan, Terima, Kirim], Awaitable[None]]

_kunci = threading.Lock()
_dibuat: dict[str, set[str]] = {}
"""file id -> the sessions whose click made that file (a download button with a function as data)."""


def id_berkas(url_atau_nama: str) -> str:
    """`/media/ab12.pdf` or `ab12.pdf` -> `ab12` (Streamlit's file id: the name without its extension)."""
    return os.path.splitext(url_atau_nama.rsplit("/", 1)[-1])[0]


def catat_pembuat(url: str, id_sesi: str) -> None:
    """Remember that the browser session `id_sesi` made the file at `url`."""
    with _kunci:
        _dibuat.setdefault(id_berkas(url), set()).add(id_sesi)


def _runtime() -> Any:
    from streamlit.runtime import Runtime

    return Runtime.instance() if Runtime.exists() else None


def pemilik(file_id: str) -> set[str]:
    """The browser sessions that own `file_id`: the ones that made it by a click, and the ones whose page shows it.
    Sessions no longer connected are forgotten here."""
    rt = _runtime()
    if rt is None:
        return set()
    with _kunci:
        for f in list(_dibuat):
            _dibuat[f] = {s for s in _dibuat[f] if rt.is_active_session(s)}
            if not _dibuat[f]:
                del _dibuat[f]
        hasil = set(_dibuat.get(file_id, ()))
    mgr = rt.media_file_mgr
    with mgr._lock:  # media elements (st.image, st.audio, ...): Streamlit's own map of session -> files
        for id_sesi, per_posisi in mgr._files_by_session_and_coord.items():
            if file_id in per_posisi.values():
                hasil.add(id_sesi)
    return hasil


def boleh_dilayani(file_id: str, kuki: str | None) -> bool:
    """True when a connected session owns `file_id`, its browser sent the cookie `kuki`, and its log-in may act now."""
    rt = _runtime()
    if rt is None or not kuki:
        return False
    for id_sesi in pemilik(file_id):
        klien = rt.get_client(id_sesi)
        sesi_app = rt.get_app_session(id_sesi)
        if klien is None or sesi_app is None:  # disconnected: the page has been left
            continue
        kuki_sesi = klien.client_context.cookies.get(KUKI)
        if not kuki_sesi or not hmac.compare_digest(kuki_sesi.encode(), kuki.encode()):
            continue
        if sesi_dari_keadaan(sesi_app.session_state) is not None:
            return True
    return False


def _kuki_permintaan(scope: Pesan) -> str | None:
    from http.cookies import CookieError, SimpleCookie

    for nama, nilai in scope.get("headers", ()):
        if nama == b"cookie":
            try:
                kuki = SimpleCookie(nilai.decode("latin-1"))
            except CookieError:
                return None
            if KUKI in kuki:
                return kuki[KUKI].value
    return None


def _awalan_media() -> str:
    from streamlit import config

    dasar = (config.get_option("server.baseUrlPath") or "").strip("/")
    return f"/{dasar}/media/" if dasar else "/media/"


class PenjagaMedia:
    """ASGI middleware: guards `/media/` (see the module docstring) and gives every browser its cookie `KUKI`.

    When `pantau serve --proses N` started this process (`PANTAU_PROSES`), every HTTP answer names it in the header
    `X-Pantau-Proses` (1..N), so an administrator can see that nginx keeps a browser on one process."""

    def __init__(self, app: AplikasiAsgi) -> None:
        self.app = app
        nomor = os.environ.get("PANTAU_PROSES", "")
        self.kepala_proses = [(b"x-pantau-proses", nomor.encode())] if nomor.isdigit() else []

    async def __call__(self, scope: Pesan, receive: Terima, send: Kirim) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.kepala_proses:
            send = _dengan_kepala(send, self.kepala_proses)
        kuki = _kuki_permintaan(scope)
        path: str = scope.get("path", "")
        if path.startswith(_awalan_media()):
            file_id = id_berkas(path)
            if not await asyncio.to_thread(boleh_dilayani, file_id, kuki):
                await _tolak(send)
                return
            await self.app(scope, receive, _dengan_kepala(send, [(b"cache-control", b"no-store")]))
            return
        if kuki is None:  # the first page load of this browser: give it the cookie its websocket will carry
            aman = "; Secure" if scope.get("scheme") in ("https", "wss") else ""
            nilai = f"{KUKI}={secrets.token_urlsafe(32)}; Path=/; HttpOnly; SameSite=Strict{aman}"
            send = _dengan_kepala(send, [(b"set-cookie", nilai.encode())])
        await self.app(scope, receive, send)


def _dengan_kepala(send: Kirim, tambahan: list[tuple[bytes, bytes]]) -> Kirim:
    async def kirim(pesan: Pesan) -> None:
        if pesan["type"] == "http.response.start":
            pesan = {**pesan, "headers": [*pesan.get("headers", []), *tambahan]}
        await send(pesan)

    return kirim


async def _tolak(send: Kirim) -> None:
    await send({"type": "http.response.start", "status": 404,
                "headers": [(b"content-length", b"0"), (b"cache-control", b"no-store")]})
    await send({"type": "http.response.body", "body": b""})


def pasang_pencatat_unduhan() -> None:
    """Wrap Streamlit's handler of download clicks so that the session that made each file is recorded."""
    from streamlit.runtime.backend_operation_handler import DeferredFileHandler

    asli = DeferredFileHandler.handle
    if getattr(asli, "_pantau", False):
        return

    async def handle(self: DeferredFileHandler, request: Any, session_id: str) -> Any:
        jawaban = await asli(self, request, session_id)
        if jawaban.HasField("deferred_file") and jawaban.deferred_file.url:
            catat_pembuat(jawaban.deferred_file.url, session_id)
        return jawaban

    handle._pantau = True  # type: ignore[attr-defined]
    DeferredFileHandler.handle = handle  # type: ignore[method-assign]
