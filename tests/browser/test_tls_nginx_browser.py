"""The shipped reverse-proxy configuration (`deploy/nginx/pantau.conf`) in front of a running `pantau serve`, with
Debian's nginx: HTTPS answers with the app and its security headers, plain HTTP redirects, the websocket upgrade
goes through (a raw handshake answers 101, and Chromium logs in and sees the app render), and the app behind it
knows the request came over HTTPS (its cookie is `Secure`).

nginx runs as this user's own process (no daemon, no master/worker split) with a prefix, pid, logs and temp folders
in the test's folder and a self-signed certificate made here; the shipped file is included unchanged except for the
lines an administrator edits (name, certificate, ports). Skipped when nginx is not installed (`.ci/run` installs it).
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.aplikasi import AKUN, buka, hentikan, port_bebas, siapkan_akun
from tests.fixtures import AKAR, env_pantau

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
KONFIGURASI = AKAR / "deploy" / "nginx" / "pantau.conf"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(NGINX).is_file(), reason="nginx tidak terpasang (apt-get install nginx)"),
]


def _sertifikat(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for localhost and 127.0.0.1 (EC P-256), valid for a day."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    kunci = ec.generate_private_key(ec.SECP256R1())
    nama = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    kini = dt.datetime.now(dt.UTC)
    sert = (x509.CertificateBuilder().subject_name(nama).issuer_name(nama).public_key(kunci.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(kini - dt.timedelta(minutes=5))
            .not_valid_after(kini + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .sign(kunci, hashes.SHA256()))
    crt, key = folder / "pantau.crt", folder / "pantau.key"
    crt.write_bytes(sert.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(kunci.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption()))
    return crt, key


def _ganti(teks: str, lama: str, baru: str) -> str:
    assert lama in teks, f"{lama!r} tidak ada di deploy/nginx/pantau.conf"
    return teks.replace(lama, baru)


def situs_uji(situs: str, port_https: int, crt: Path, key: Path, port_http: int | None = None) -> str:
    """A shipped site file with only the administrator's lines changed: HTTPS (and, with `port_http`, the plain-HTTP
    redirect) on local ports, `server_name localhost`, the test certificate."""
    situs = _ganti(situs, "listen 443 ssl http2;", f"listen 127.0.0.1:{port_https} ssl http2;")
    situs = _ganti(situs, "listen [::]:443 ssl http2;\n", "")
    if port_http is not None:
        situs = _ganti(situs, "listen 80;", f"listen 127.0.0.1:{port_http};")
        situs = _ganti(situs, "listen [::]:80;\n", "")
    situs = _ganti(situs, "server_name pantau.example.go.id;", "server_name localhost;")
    situs = _ganti(situs, "/etc/ssl/certs/pantau.crt", str(crt))
    return _ganti(situs, "/etc/ssl/private/pantau.key", str(key))


def tulis_nginx(folder: Path, situs: str, *, log: str = "access_log {folder}/access.log;",
                koneksi: int = 256) -> Path:
    """nginx.conf in `folder`: the site file `situs` inside a minimal `http { }` whose pid, logs and temp folders are
    in `folder`; `log` is the access-log directive(s) (`{folder}` filled in)."""
    (folder / "pantau.conf").write_text(situs)
    for sub in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (folder / sub).mkdir()
    utama = folder / "nginx.conf"
    utama.write_text(f"""daemon off;
master_process off;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections {koneksi}; }}
http {{
    {log.format(folder=folder)}
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/pantau.conf;
}}
""")
    return utama


def _render(folder: Path, port_https: int, port_http: int, port_app: int, crt: Path, key: Path) -> Path:
    """nginx.conf for this test: the shipped site file (`situs_uji`), upstream the app on `port_app`."""
    situs = situs_uji(KONFIGURASI.read_text(), port_https, crt, key, port_http)
    situs = _ganti(situs, "proxy_pass http://127.0.0.1:8501;", f"proxy_pass http://127.0.0.1:{port_app};")
    return tulis_nginx(folder, situs)


def _tunggu_http(url: str, konteks: ssl.SSLContext | None, proses: subprocess.Popen[bytes], log: Path) -> None:
    batas = time.monotonic() + 60
    while True:
        if proses.poll() is not None:
            pytest.fail(f"berhenti (kode {proses.returncode}):\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2, context=konteks) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > batas:
            pytest.fail(f"{url} tidak siap dalam 60 detik:\n{log.read_text()}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def proksi(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int, ssl.SSLContext]]:
    """`pantau serve` on a free port and nginx with the shipped configuration in front of it; yields the HTTPS base
    URL, the plain-HTTP port and an SSL context that trusts the test certificate."""
    folder = tmp_path_factory.mktemp("nginx")
    env = {**os.environ, **env_pantau(gudang_app)}
    siapkan_akun(env)
    port_app, port_https, port_http = port_bebas(), port_bebas(), port_bebas()
    crt, key = _sertifikat(folder)
    konteks = ssl.create_default_context(cafile=str(crt))
    log_app = folder / "serve.log"
    with log_app.open("w") as keluaran:
        serve = subprocess.Popen([sys.executable, "-m", "pipelines.cli", "serve", "--port", str(port_app)],
                                 env=env, cwd=AKAR, stdout=keluaran, stderr=subprocess.STDOUT)
    nginx: subprocess.Popen[bytes] | None = None
    try:
        _tunggu_http(f"http://127.0.0.1:{port_app}/_stcore/health", None, serve, log_app)
        utama = _render(folder, port_https, port_http, port_app, crt, key)
        log_nginx = folder / "nginx.out"
        with log_nginx.open("w") as keluaran:
            nginx = subprocess.Popen([NGINX, "-e", str(folder / "error.log"), "-p", str(folder), "-c", str(utama)],
                                     stdout=keluaran, stderr=subprocess.STDOUT)
        alamat = f"https://localhost:{port_https}"
        _tunggu_http(f"{alamat}/_stcore/health", konteks, nginx, folder / "error.log")
        yield alamat, port_http, konteks
    finally:
        if nginx is not None:
            hentikan(nginx)
        hentikan(serve)


def test_https_kepala_keamanan_dan_pengalihan(proksi: tuple[str, int, ssl.SSLContext]) -> None:
    alamat, port_http, konteks = proksi
    with urllib.request.urlopen(alamat + "/", timeout=10, context=konteks) as r:
        assert r.status == 200
        assert "<title>Streamlit</title>" in r.read().decode()
        kepala = r.headers
    assert kepala["Strict-Transport-Security"] == "max-age=31536000"
    assert kepala["X-Frame-Options"] == "DENY"
    assert kepala["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert kepala["X-Content-Type-Options"] == "nosniff"
    assert kepala["Server"] == "nginx"  # no version, and not the app server's name
    # the app saw X-Forwarded-Proto https: the browser cookie of the media guard is Secure
    kuki = kepala["Set-Cookie"]
    assert kuki.startswith("pantau_peramban=") and kuki.endswith("; HttpOnly; SameSite=Strict; Secure")
    with urllib.request.urlopen(alamat + "/_stcore/health", timeout=10, context=konteks) as r:
        assert (r.status, r.read()) == (200, b"ok")
    # plain HTTP answers only with a redirect to HTTPS
    kosong = urllib.request.build_opener(type("TanpaIkut", (urllib.request.HTTPRedirectHandler,),
                                              {"redirect_request": lambda *a, **k: None}))
    with pytest.raises(urllib.error.HTTPError) as e:
        kosong.open(f"http://localhost:{port_http}/rapat_kecamatan?kec=35.17.16", timeout=10)
    assert e.value.code == 301
    assert e.value.headers["Location"] == "https://localhost/rapat_kecamatan?kec=35.17.16"
    assert e.value.headers["Server"] == "nginx"
    # an unknown media file through the proxy: the guard's empty 404, with the security headers
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(alamat + "/media/" + "0" * 32 + ".xlsx", timeout=10, context=konteks)
    assert e.value.code == 404 and e.value.read() == b""
    assert e.value.headers["Strict-Transport-Security"] == "max-age=31536000"


def test_websocket_melalui_proksi(proksi: tuple[str, int, ssl.SSLContext]) -> None:
    alamat, _port_http, konteks = proksi
    port = int(alamat.rsplit(":", 1)[1])
    kunci = base64.b64encode(os.urandom(16)).decode()
    with socket.create_connection(("127.0.0.1", port), timeout=10) as mentah, \
            konteks.wrap_socket(mentah, server_hostname="localhost") as s:
        s.sendall((f"GET /_stcore/stream HTTP/1.1\r\nHost: localhost:{port}\r\nOrigin: {alamat}\r\n"
                   f"Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: {kunci}\r\n"
                   "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: streamlit\r\n\r\n").encode())
        jawaban = b""
        while b"\r\n\r\n" not in jawaban:
            potong = s.recv(4096)
            if not potong:
                break
            jawaban += potong
    baris = jawaban.decode("latin-1").split("\r\n")
    assert baris[0] == "HTTP/1.1 101 Switching Protocols", jawaban
    kepala = {b.split(":", 1)[0].lower(): b.split(":", 1)[1].strip() for b in baris[1:] if ":" in b}
    assert kepala["upgrade"].lower() == "websocket"
    assert kepala["sec-websocket-protocol"] == "streamlit"


def test_aplikasi_jalan_di_browser_melalui_proksi(proksi: tuple[str, int, ssl.SSLContext], browser: Browser) -> None:
    alamat, _port_http, _konteks = proksi
    konteks = browser.new_context(ignore_https_errors=True, viewport={"width": 1366, "height": 768})
    try:
        page = konteks.new_page()
        buka(page, alamat + "/rapat_kecamatan?kec=35.17.16")  # logs in through the form: the websocket works
        expect(page.get_by_text("Rapat kecamatan · Kec. Kabuh").first).to_be_visible(timeout=30_000)
        expect(page.get_by_text(AKUN, exact=True).first).to_be_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
    finally:
        konteks.close()
