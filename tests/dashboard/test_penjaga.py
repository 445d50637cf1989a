"""The media guard without a server (`dashboard.penjaga`, `dashboard.sesi.sesi_dari_keadaan`): which session state
still lets a download be made or served, how a media URL names its file, and the ASGI middleware's answers when no
session owns a file. The served app with a real browser is `tests/browser/test_unduhan_sesi_browser.py`.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from argon2 import PasswordHasher

from akses import akun
from dashboard import penjaga
from dashboard.sesi import KUNCI_SESI, sesi_dari_keadaan
from pipelines.konfigurasi import Konfigurasi

SANDI = "Kabuh-Rahasia-2026"
BARU = "Sandi-Baru-Budi-1"


@pytest.fixture(autouse=True)
def hasher_murah(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(akun, "PENGHASH", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(akun, "_HASH_PALSU", [])


def _keadaan(k: Konfigurasi, nama: str) -> dict[str, Any]:
    akun.tambah(k, nama, "perencana", None, SANDI)
    akun.ganti_sandi(k, nama, SANDI, BARU)
    sesi = akun.masuk(k, nama, BARU)
    assert isinstance(sesi, akun.Sesi)
    return {KUNCI_SESI: sesi, "_konfigurasi": k}  # what `periksa_sesi` keeps in `st.session_state`


def test_sesi_dari_keadaan(konfigurasi: Konfigurasi) -> None:
    k = replace(konfigurasi, sesi_menit=30)
    budi, sari, tono = (_keadaan(k, n) for n in ("budi", "sari", "tono"))
    assert sesi_dari_keadaan(budi) == budi[KUNCI_SESI]
    assert sesi_dari_keadaan({}) is None  # not logged in
    assert sesi_dari_keadaan({KUNCI_SESI: budi[KUNCI_SESI]}) is None  # no settings: no check possible, refused
    assert sesi_dari_keadaan(None) is None
    lama = datetime.now(UTC) - timedelta(minutes=31)
    assert sesi_dari_keadaan({**budi, KUNCI_SESI: replace(budi[KUNCI_SESI], aktif_terakhir=lama)}) is None  # idle
    akun.hapus(k, "budi", oleh="os:admin")
    assert sesi_dari_keadaan(budi) is None  # `pantau pengguna hapus`
    akun.reset(k, "sari", oleh="os:admin")
    assert sesi_dari_keadaan(sari) is None  # `pantau pengguna reset`
    assert sesi_dari_keadaan(tono) == tono[KUNCI_SESI]


def test_id_berkas_dan_kuki() -> None:
    assert penjaga.id_berkas("/media/0f3a9c.xlsx") == "0f3a9c"
    assert penjaga.id_berkas("http://127.0.0.1:8501/media/0f3a9c.pdf") == "0f3a9c"
    scope = {"headers": [(b"host", b"x"), (b"cookie", b"_streamlit_xsrf=abc; pantau_peramban=T0k3n-_x")]}
    assert penjaga._kuki_permintaan(scope) == "T0k3n-_x"
    assert penjaga._kuki_permintaan({"headers": [(b"cookie", b"lain=1")]}) is None
    assert penjaga._kuki_permintaan({"headers": []}) is None


def _panggil(scope: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    """Run `PenjagaMedia` over a stand-in app that answers 200 "isi"; return what was sent and what reached the app."""
    sampai: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        sampai.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"isi"})

    terkirim: list[dict[str, Any]] = []

    async def terima() -> dict[str, Any]:
        return {"type": "http.request", "body": b""}

    async def kirim(pesan: Any) -> None:
        terkirim.append(pesan)

    jalan = penjaga.PenjagaMedia(app)({"type": "http", "scheme": "http", **scope}, terima, kirim)
    with ThreadPoolExecutor(1) as pelaksana:  # its own event loop (Playwright may hold one in this thread)
        pelaksana.submit(asyncio.run, jalan).result()
    return terkirim, sampai


def test_middleware_menolak_media_tanpa_pemilik() -> None:
    # no Streamlit runtime, so no session owns anything: with or without the cookie, 404 and no content
    for kepala in ([], [(b"cookie", b"pantau_peramban=apa-saja")]):
        terkirim, sampai = _panggil({"path": "/media/0f3a9c.xlsx", "headers": kepala})
        assert sampai == []
        assert terkirim[0]["status"] == 404 and terkirim[1]["body"] == b""
        assert (b"cache-control", b"no-store") in terkirim[0]["headers"]


def test_middleware_memberi_kuki_sekali() -> None:
    terkirim, sampai = _panggil({"path": "/", "headers": []})
    assert sampai == ["/"] and terkirim[0]["status"] == 200 and terkirim[1]["body"] == b"isi"
    kuki = [v.decode() for n, v in terkirim[0]["headers"] if n == b"set-cookie"]
    assert len(kuki) == 1
    nama, _, atribut = kuki[0].partition("; ")
    assert nama.startswith("pantau_peramban=") and len(nama.split("=", 1)[1]) >= 43  # 32 random bytes
    assert atribut == "Path=/; HttpOnly; SameSite=Strict"
    # a browser that has it is not given another; over HTTPS (behind the proxy) the cookie is Secure
    terkirim, _ = _panggil({"path": "/", "headers": [(b"cookie", b"pantau_peramban=ada")]})
    assert not [n for n, _ in terkirim[0]["headers"] if n == b"set-cookie"]
    terkirim, _ = _panggil({"path": "/", "headers": [], "scheme": "https"})
    assert next(v for n, v in terkirim[0]["headers"] if n == b"set-cookie").endswith(b"; Secure")
