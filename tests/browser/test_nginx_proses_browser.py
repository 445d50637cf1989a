"""Several app processes behind the shipped nginx variant (`deploy/nginx/pantau-proses.conf`): `pantau serve
--proses 2` starts two processes on consecutive ports, nginx gives every browser a route cookie and keeps it on one
process for its page, its websocket and everything else, and a browser logs in there and sees Ringkasan.

Which process answered is read two ways: the header `X-Pantau-Proses` that each process puts on its HTTP answers
(`dashboard.penjaga`), and nginx's own access log (a test `log_format` naming the route cookie and `$upstream_addr`,
the only place the websocket's process shows). nginx runs as in `test_tls_nginx_browser.py` (own process, prefix,
self-signed certificate); skipped without nginx.
"""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Response, expect

from tests.browser.aplikasi import AKUN, buka, hentikan, port_bebas, siapkan_akun
from tests.browser.test_tls_nginx_browser import (
    NGINX,
    _ganti,
    _sertifikat,
    _tunggu_http,
    situs_uji,
    tulis_nginx,
)
from tests.fixtures import AKAR, env_pantau

KONFIGURASI = AKAR / "deploy" / "nginx" / "pantau-proses.conf"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(NGINX).is_file(), reason="nginx tidak terpasang (apt-get install nginx)"),
]


def _dua_port_bebas() -> int:
    """A free port whose next port is free too (`pantau serve --proses 2` takes both)."""
    import socket

    for _ in range(50):
        port = port_bebas()
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port + 1))
            except OSError:
                continue
        return port
    pytest.fail("tidak ada dua port berurutan yang bebas")


def _render(folder: Path, port_https: int, port_http: int, port_app: int, crt: Path, key: Path) -> Path:
    """nginx.conf for this test: the shipped multi-process site file (`situs_uji`), upstream the app's two ports,
    and an access log naming the route cookie and the upstream that answered."""
    situs = situs_uji(KONFIGURASI.read_text(), port_https, crt, key, port_http)
    situs = _ganti(situs, "server 127.0.0.1:8501;", f"server 127.0.0.1:{port_app};")
    situs = _ganti(situs, "server 127.0.0.1:8502;", f"server 127.0.0.1:{port_app + 1};")
    return tulis_nginx(folder, situs, log="log_format rute '$cookie_pantau_rute|$upstream_addr|$uri|$status|"
                                          "$http_upgrade';\n    access_log {folder}/access.log rute;")


@pytest.fixture(scope="module")
def proksi(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, ssl.SSLContext,
                                                                                          Path]]:
    """`pantau serve --proses 2` and nginx with the shipped multi-process configuration in front; yields the HTTPS
    base URL, the first app port, an SSL context trusting the test certificate, and nginx's access log."""
    folder = tmp_path_factory.mktemp("nginx-proses")
    env = {**os.environ, **env_pantau(gudang_app)}
    siapkan_akun(env)
    port_app, port_https, port_http = _dua_port_bebas(), port_bebas(), port_bebas()
    crt, key = _sertifikat(folder)
    konteks = ssl.create_default_context(cafile=str(crt))
    log_app = folder / "serve.log"
    with log_app.open("w") as keluaran:
        serve = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "serve", "--port", str(port_app),
                                  "--proses", "2"], env=env, cwd=AKAR, stdout=keluaran, stderr=subprocess.STDOUT)
    nginx: subprocess.Popen[bytes] | None = None
    try:
        for p in (port_app, port_app + 1):
            _tunggu_http(f"http://127.0.0.1:{p}/_stcore/health", None, serve, log_app)
        utama = _render(folder, port_https, port_http, port_app, crt, key)
        with (folder / "nginx.out").open("w") as keluaran:
            nginx = subprocess.Popen([NGINX, "-e", str(folder / "error.log"), "-p", str(folder), "-c", str(utama)],
                                     stdout=keluaran, stderr=subprocess.STDOUT)
        alamat = f"https://localhost:{port_https}"
        _tunggu_http(f"{alamat}/_stcore/health", konteks, nginx, folder / "error.log")
        yield alamat, port_app, konteks, folder / "access.log"
    finally:
        if nginx is not None:
            hentikan(nginx)
        hentikan(serve)


def _minta(alamat: str, konteks: ssl.SSLContext, kuki: str | None = None) -> tuple[str, str | None]:
    """GET `alamat` with the route cookie `kuki`: (the process that answered, the route cookie set, if any)."""
    permintaan = urllib.request.Request(alamat, headers={"Cookie": f"pantau_rute={kuki}"} if kuki else {})
    with urllib.request.urlopen(permintaan, timeout=10, context=konteks) as r:
        assert r.status == 200
        proses = r.headers["X-Pantau-Proses"]
        baru = [k for k in r.headers.get_all("Set-Cookie") or [] if k.startswith("pantau_rute=")]
    assert len(baru) <= 1
    return proses, baru[0] if baru else None


def test_kuki_rute_menetapkan_proses(proksi: tuple[str, int, ssl.SSLContext, Path]) -> None:
    alamat, _port, konteks, _log = proksi
    # a browser without the cookie gets one: 32 hex digits, for the whole site, not readable by scripts
    proses, kuki = _minta(alamat + "/", konteks)
    assert kuki is not None
    assert re.fullmatch(r"pantau_rute=[0-9a-f]{32}; Path=/; HttpOnly; Secure; SameSite=Lax", kuki), kuki
    nilai = kuki.split(";")[0].split("=", 1)[1]
    # with it, every request reaches the same process, and no new cookie is set
    for jalur in ("/", "/_stcore/health", "/ringkasan", "/"):
        assert _minta(alamat + jalur, konteks, nilai) == (proses, None)
    # a malformed cookie is not trusted: it is replaced
    _, ganti = _minta(alamat + "/", konteks, "../../etc")
    assert ganti is not None and ganti.startswith("pantau_rute=")
    # different browsers are spread over both processes (20 random routes all on one: chance 2 in a million)
    dipakai = {_minta(alamat + "/_stcore/health", konteks, os.urandom(16).hex())[0] for _ in range(20)}
    assert dipakai == {"1", "2"}


def test_satu_browser_satu_proses_masuk_dan_ringkasan(proksi: tuple[str, int, ssl.SSLContext, Path],
                                                      browser: Browser) -> None:
    alamat, port_app, _konteks, log = proksi
    konteks = browser.new_context(ignore_https_errors=True, viewport={"width": 1366, "height": 768})
    proses: list[str] = []

    def catat(jawaban: Response) -> None:
        if jawaban.url.startswith(alamat) and (nomor := jawaban.headers.get("x-pantau-proses")):
            proses.append(nomor)

    try:
        page = konteks.new_page()
        page.on("response", catat)
        buka(page, alamat + "/")  # logs in through the form over the websocket
        expect(page.get_by_text("Ringkasan · Kabupaten").first).to_be_visible(timeout=30_000)
        expect(page.get_by_text(AKUN, exact=True).first).to_be_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
        page.reload()  # a reload is a new Streamlit session, on the same process
        page.locator(".st-key-masuk_nama input").or_(page.get_by_text(AKUN, exact=True)).first.wait_for()
        rute = next(k["value"] for k in konteks.cookies() if k["name"] == "pantau_rute")
    finally:
        konteks.close()  # closes the websockets: nginx logs them now
    assert len(proses) >= 5 and set(proses) == {proses[0]}, proses
    hulu = f"127.0.0.1:{port_app + int(proses[0]) - 1}"
    batas = time.monotonic() + 15
    while True:  # nginx writes a websocket's line when it closes, a moment after the browser has gone
        baris = [b.split("|") for b in log.read_text().splitlines() if b.startswith(rute + "|")]
        websocket = [b for b in baris if b[2] == "/_stcore/stream" and b[4] == "websocket"]
        if len(websocket) >= 2 or time.monotonic() > batas:
            break
        time.sleep(0.3)
    assert len(websocket) >= 2, baris  # one per page load
    assert {b[1] for b in baris} == {hulu}, baris  # page, assets and websockets: all to the same process
