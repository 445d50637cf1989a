"""Unggah data in a real browser (Chromium, 1366x768): an operator logs in, uploads a monthly report, sees the load
summary before anything is written, confirms, and the warehouse has the rows; a file without a header changes
nothing; two operators loading at the same time both keep their rows. Screenshots go to `tests/artefak/`.

The report `laporan_kabuh_2026_10.csv` made here has 4 rows for Desa Kabuh (35.17.16.2004): 3 valid, 1 with the
date 31/09/2026 (no such day) -> 4 read, 3 to load, 1 quarantined; its `nik` column is pseudonymised and its
`nama_pemohon` column dropped.
"""

from __future__ import annotations

import os
import shutil
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import duckdb
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.aplikasi import SELESAI, buka, layani_aplikasi, siapkan_akun
from tests.fixtures import env_pantau, salin_gudang
from tests.fixtures.buat_xlsx import buat_xlsx_bom

pytestmark = pytest.mark.browser

KEPALA = "no_registrasi,tanggal_lapor,kode_desa,nik,nama_pemohon,kategori,tujuan_rujukan,tanggal_rujuk,tanggal_kirim\n"


def _laporan(folder: Path, nama: str, awalan: str, baris_salah: bool = True) -> Path:
    isi = KEPALA + "".join(
        f"{awalan}-{i},2026-10-{10 + i:02d},35.17.16.2004,351716010101{i:04d},Nama Rahasia {i},Lansia,Dinsos,"
        f"2026-10-{10 + i:02d},2026-10-28\n" for i in range(1, 4))
    if baris_salah:
        isi += f"{awalan}-9,31/09/2026,35.17.16.2004,3517160101019999,Nama Rahasia 9,Lansia,,,2026-10-28\n"
    jalur = folder / nama
    jalur.write_text(isi, encoding="utf-8")
    return jalur


@pytest.fixture(scope="module")
def aplikasi_unggah(gudang_app: Path,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, dict[str, str]]]:
    """A warehouse of its own (a copy of `gudang_app`), two operators, the app served on it."""
    folder = tmp_path_factory.mktemp("gudang_unggah_browser")
    gudang = salin_gudang(gudang_app, folder)
    env = {**os.environ, **env_pantau(gudang)}
    for nama in ("operator_satu", "operator_dua"):
        siapkan_akun(env, nama, "operator")
    with layani_aplikasi(env, folder) as alamat:
        yield alamat, gudang, env


def _berkas_dimuat(gudang: Path) -> dict[str, int]:
    with duckdb.connect(str(gudang), read_only=True) as kon:
        return {Path(b).name: n for b, n in kon.execute("select berkas, baris_dimuat from meta_berkas").fetchall()}


def _kasus(gudang: Path, awalan: str) -> int:
    with duckdb.connect(str(gudang), read_only=True) as kon:
        return int(kon.execute("select count(*) from mart_rujukan where starts_with(no_registrasi, $a)",
                               {"a": awalan}).fetchone()[0])


def _unggah(page: Page, berkas: Path) -> None:
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(berkas))
    expect(page.get_by_text("Ringkasan pemeriksaan (belum dimuat)")).to_be_visible(timeout=60_000)
    page.locator(SELESAI).wait_for(timeout=30_000)


def test_operator_unggah_pratinjau_lalu_muat(page: Page, aplikasi_unggah: tuple[str, Path, dict[str, str]],
                                            folder_artefak: Path, tmp_path: Path) -> None:
    alamat, gudang, _ = aplikasi_unggah
    sidik_awal = gudang.read_bytes()
    buka(page, alamat + "/unggah", nama="operator_satu")
    expect(page.get_by_text("Pilih berkas")).to_be_visible(timeout=30_000)
    _unggah(page, _laporan(tmp_path, "laporan_kabuh_2026_10.csv", "KBH-2610"))
    expect(page.get_by_text("Jumlah: 4 baris dibaca, 3 akan dimuat, 1 dikarantina, 0 dilewati.")).to_be_visible()
    assert gudang.read_bytes() == sidik_awal  # the check wrote nothing
    expect(page.get_by_role("button", name="Muat ke gudang data")).to_be_enabled()
    page.wait_for_timeout(800)  # the table's canvas draws after the run
    page.screenshot(path=str(folder_artefak / "unggah_pratinjau.png"))

    page.get_by_role("button", name="Muat ke gudang data").click()
    expect(page.get_by_text("Selesai: 3 baris dimuat, 1 dikarantina.", exact=False)).to_be_visible(timeout=60_000)
    page.locator(SELESAI).wait_for(timeout=30_000)
    page.screenshot(path=str(folder_artefak / "unggah_hasil.png"))
    assert _berkas_dimuat(gudang)["laporan_kabuh_2026_10.csv"] == 3 and _kasus(gudang, "KBH-2610") == 3
    teks_gudang = gudang.read_bytes()
    assert b"Nama Rahasia" not in teks_gudang and b"3517160101010001" not in teks_gudang
    assert not list(gudang.parent.glob(".unggah-*"))  # the uploaded file itself is not kept

    # the audit log (Log audit page) has the upload with its summary
    buka(page, alamat + "/audit", nama="operator_satu")
    expect(page.get_by_text("Rantai hash: utuh", exact=False)).to_be_visible(timeout=30_000)
    from akses import audit
    from pipelines.konfigurasi import muat_konfigurasi

    with pytest.MonkeyPatch.context() as mp:
        for k, v in aplikasi_unggah[2].items():
            mp.setenv(k, v)
        [catatan] = audit.baca(muat_konfigurasi(), peristiwa="unggah")
    assert catatan.pengguna == "operator_satu" and catatan.sasaran == "laporan_kabuh_2026_10.csv"
    assert catatan.rincian["jumlah"] == {"dibaca": 4, "dimuat": 3, "dikarantina": 1, "dilewati": 0}
    page.screenshot(path=str(folder_artefak / "audit_log.png"))


def test_berkas_tanpa_judul_tidak_mengubah_apa_pun(page: Page, aplikasi_unggah: tuple[str, Path, dict[str, str]],
                                                  folder_artefak: Path, tmp_path: Path) -> None:
    alamat, gudang, _ = aplikasi_unggah
    sidik_awal = gudang.read_bytes()
    buruk = tmp_path / "catatan_rapat.csv"
    buruk.write_text("ini bukan laporan\nhanya catatan;tanpa;judul kolom\n", encoding="utf-8")
    buka(page, alamat + "/unggah", nama="operator_satu")
    _unggah(page, buruk)
    expect(page.get_by_text("Tidak ada baris baru untuk dimuat", exact=False)).to_be_visible()
    expect(page.get_by_role("button", name="Muat ke gudang data")).to_be_disabled()
    page.screenshot(path=str(folder_artefak / "unggah_tanpa_judul.png"))
    assert gudang.read_bytes() == sidik_awal


def test_dua_operator_sekaligus(browser: Browser, aplikasi_unggah: tuple[str, Path, dict[str, str]],
                                tmp_path: Path) -> None:
    alamat, gudang, _ = aplikasi_unggah
    halaman = []
    for nama, berkas in (("operator_satu", _laporan(tmp_path, "laporan_a.csv", "KBH-A", False)),
                         ("operator_dua", _laporan(tmp_path, "laporan_b.csv", "KBH-B", False))):
        konteks = browser.new_context(viewport={"width": 1366, "height": 768})
        page = konteks.new_page()
        buka(page, alamat + "/unggah", nama=nama)
        _unggah(page, berkas)
        halaman.append(page)
    # both press "Muat" at (nearly) the same moment; the writer lock serialises the loads
    for p in halaman:
        p.get_by_role("button", name="Muat ke gudang data").click(no_wait_after=True)
    for p in halaman:
        expect(p.get_by_text("Selesai: 3 baris dimuat", exact=False)).to_be_visible(timeout=90_000)
    dimuat = _berkas_dimuat(gudang)
    assert dimuat["laporan_a.csv"] == 3 and dimuat["laporan_b.csv"] == 3
    assert _kasus(gudang, "KBH-A") == 3 and _kasus(gudang, "KBH-B") == 3
    for p in halaman:
        p.context.close()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_kotak_unggah_berbahasa_indonesia_tanpa_permintaan_keluar(
        page: Page, aplikasi_unggah: tuple[str, Path, dict[str, str]]) -> None:
    """The upload box speaks Indonesian (Streamlit's own words are hidden by CSS), the page has no filter bar, and
    loading it sends no request off the machine (the tab icon is an inline image, not a font server's)."""
    alamat, _, _ = aplikasi_unggah
    luar: list[str] = []
    page.on("request", lambda r: luar.append(r.url)
            if urlparse(r.url).hostname not in (None, "", "127.0.0.1", "localhost") else None)
    buka(page, alamat + "/unggah", nama="operator_satu")
    expect(page.get_by_text("Pilih berkas")).to_be_visible(timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)
    tombol = page.locator('[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p')
    assert tombol.evaluate("e => getComputedStyle(e, '::after').content") == '"Cari berkas"'
    assert tombol.evaluate("e => getComputedStyle(e).fontSize") == "0px"  # Streamlit's "Upload" is not seen
    petunjuk = page.locator('[data-testid="stFileUploaderDropzoneInstructions"] span').first
    assert "paling besar 50 MB per berkas" in petunjuk.evaluate("e => getComputedStyle(e, '::after').content")
    assert petunjuk.evaluate("e => getComputedStyle(e).fontSize") == "0px"  # nor "50MB per file"
    assert page.locator(".st-key-f_dari").count() == 0  # no period filter on a page that ignores it
    ikon = page.locator("link[rel='shortcut icon']").first.get_attribute("href") or ""
    assert ikon.startswith("data:"), ikon
    page.wait_for_timeout(1000)
    assert not luar, luar


def _puncak_rss_server(alamat: str) -> int:
    """Peak resident memory (VmHWM, kB) of the Streamlit server listening on the port of `alamat`."""
    port = urlparse(alamat).port
    for proses in Path("/proc").iterdir():
        try:
            argumen = (proses / "cmdline").read_bytes().split(b"\0")
            if b"streamlit" in b" ".join(argumen) and str(port).encode() in argumen:
                status = (proses / "status").read_text()
                return int(next(b for b in status.splitlines() if b.startswith("VmHWM")).split()[1])
        except (OSError, StopIteration):
            continue
    raise AssertionError(f"server on port {port} not found")


def test_xlsx_bom_gagal_sendiri_sesi_lain_tetap_dilayani(browser: Browser, page: Page, folder_artefak: Path,
                                                         aplikasi_unggah: tuple[str, Path, dict[str, str]],
                                                         tmp_path: Path) -> None:
    """The file of the finding: 60 million cells without `r=` (900 MB of XML in about 5 MB), which once aborted
    the whole dashboard on a 4.7 GB allocation. Uploaded while a planner has the Ringkasan open: the operator gets
    the reason on the page, the raw file is gone, the server stays small, the planner's session keeps working and
    a new session loads."""
    alamat, gudang, _ = aplikasi_unggah
    sidik_awal = gudang.read_bytes()
    lain = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    buka(lain, alamat + "/")  # the planner (`uji_browser`), in a session of its own
    expect(lain.locator('[data-testid="stMetricValue"]').first).to_be_visible(timeout=30_000)

    bom = buat_xlsx_bom(tmp_path / "rekap_desa.xlsx", 60_000_000)
    buka(page, alamat + "/unggah", nama="operator_satu")
    expect(page.get_by_text("Pilih berkas")).to_be_visible(timeout=30_000)
    mulai = time.monotonic()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(bom))
    expect(page.get_by_text("rekap_desa.xlsx berisi lebih dari 5.000.000 sel.", exact=False)).to_be_visible(
        timeout=60_000)
    detik = time.monotonic() - mulai
    expect(page.get_by_text("atau simpan lembar datanya saja sebagai CSV", exact=False)).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(folder_artefak / "unggah_bom_ditolak.png"))
    assert not list(gudang.parent.glob(".unggah-*")) and gudang.read_bytes() == sidik_awal
    puncak = _puncak_rss_server(alamat)
    print(f"\nxlsx 60 juta sel ({bom.stat().st_size / 2**20:.1f} MB): ditolak di halaman dalam {detik:.1f} s; "
          f"puncak RSS server {puncak / 1024:.0f} MB")
    assert puncak < 1_500_000  # kB: the server never held the sheet (the abort asked for 4.7 GB)

    # the server answers, the planner's open session reruns, and a new session loads a page
    with urllib.request.urlopen(f"{alamat}/_stcore/health", timeout=10) as r:
        assert r.status == 200
    lain.get_by_text("EN", exact=True).click()  # the open session still talks to the server: switch language
    expect(lain.get_by_role("radio", name="EN")).to_be_checked(timeout=30_000)
    lain.locator(SELESAI).wait_for(timeout=30_000)
    expect(lain.locator('[data-testid="stMetricValue"]').first).to_be_visible(timeout=30_000)
    assert lain.locator('[data-testid="stException"]').count() == 0
    baru = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    buka(baru, alamat + "/")
    expect(baru.locator('[data-testid="stMetricValue"]').first).to_be_visible(timeout=30_000)
    assert baru.locator('[data-testid="stException"]').count() == 0
    for p in (lain, baru):
        p.context.close()
