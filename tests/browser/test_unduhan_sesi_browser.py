"""A download leaves only to its own live, logged-in browser session (`dashboard.penjaga`, `komponen.unduhan`).

The attack this reproduces: a download button already on screen, or the `/media/...` URL of a file it made, kept
serving the file after `pantau pengguna hapus` (audited under the deleted user), and the URL worked with plain curl,
without the session. Served as `pantau serve` serves it (`dashboard/layan.py`), on `gudang_app`, with an account of
its own (other browser tests share the server and its test account).
"""

from __future__ import annotations

import os
import urllib.error
import urllib.request
from pathlib import Path
from unittest import mock

import pytest
from playwright.sync_api import Download, Page, expect

from akses import audit

from tests.browser.aplikasi import SELESAI, buka, siapkan_akun
from tests.fixtures import env_pantau, pantau

pytestmark = pytest.mark.browser

AKUN_UNDUH = "uji_unduh_hapus"
TOMBOL = "Unduh agenda rapat (XLSX)"


def _unduhan_oleh(env: dict[str, str], nama: str) -> list[audit.Catatan]:
    from pipelines.konfigurasi import muat_konfigurasi

    with mock.patch.dict(os.environ, env, clear=True):
        konf = muat_konfigurasi()
    return [c for c in audit.baca(konf, peristiwa="unduh") if c.pengguna == nama]


def _curl(url: str, kuki: str | None = None) -> tuple[int, bytes]:
    """A plain HTTP GET, outside the browser (no websocket session), with an optional Cookie header."""
    permintaan = urllib.request.Request(url, headers={"Cookie": kuki} if kuki else {})
    try:
        with urllib.request.urlopen(permintaan, timeout=10) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def test_unduhan_hanya_untuk_sesi_hidup_yang_masuk(page: Page, alamat_aplikasi: str, gudang_app: Path) -> None:
    env = {**os.environ, **env_pantau(gudang_app)}
    siapkan_akun(env, AKUN_UNDUH, "perencana")
    buka(page, alamat_aplikasi + "/rapat_kecamatan?kec=35.17.16", nama=AKUN_UNDUH)
    tombol = page.get_by_role("button", name=TOMBOL)
    expect(tombol).to_be_visible(timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)

    # (3) the live, logged-in session: the click makes the file, it is served and audited under the account
    with page.expect_download(timeout=60_000) as unduhan:
        tombol.click()
    url = unduhan.value.url
    assert url.startswith(alamat_aplikasi + "/media/") and url.endswith(".xlsx")
    isi = Path(unduhan.value.path()).read_bytes()
    assert isi[:2] == b"PK"  # an XLSX (zip) file
    ulang = page.request.get(url)  # the same URL again from this browser (its cookie): served, never cached
    assert ulang.status == 200 and ulang.body() == isi
    assert ulang.headers["cache-control"] == "no-store"
    catatan = _unduhan_oleh(env, AKUN_UNDUH)
    assert [(c.sasaran, c.cakupan) for c in catatan] == [("agenda_rapat_kec_kabuh_2026-10-30.xlsx", "35.17.16")]

    # (1) curl-like: no cookie, or another browser's cookie, and no websocket session -> 404, no content
    kuki = {c["name"]: c["value"] for c in page.context.cookies()}
    assert len(kuki["pantau_peramban"]) >= 43
    assert _curl(url) == (404, b"")
    assert _curl(url, "pantau_peramban=" + "A" * 43) == (404, b"")
    # the browser's own cookie on a file id its session does not own: also nothing
    milik_browser = "pantau_peramban=" + kuki["pantau_peramban"]
    assert _curl(alamat_aplikasi + "/media/" + "0" * 32 + ".xlsx", milik_browser) == (404, b"")

    # (2) the account is deleted with `pantau pengguna hapus` while the page is still open
    pantau(gudang_app, "pengguna", "hapus", AKUN_UNDUH)
    ditolak = page.request.get(url)  # the URL from the same browser, with its cookie: refused
    assert ditolak.status == 404 and ditolak.body() == b""
    assert _curl(url, milik_browser) == (404, b"")
    # the button still on screen makes nothing, and nothing is audited in the deleted user's name
    diunduh: list[Download] = []
    page.on("download", lambda d: diunduh.append(d))
    tombol.click()
    page.wait_for_timeout(3_000)
    assert diunduh == []
    assert len(_unduhan_oleh(env, AKUN_UNDUH)) == 1
