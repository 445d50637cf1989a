"""Rapat kecamatan and Profil desa in a real browser (Chromium, 1366x768), on the warehouse built from
`tests/fixtures/app/`: choose a kecamatan on the page, download the agenda as PDF and XLSX and open both, and keep
screenshots (and a PNG of the PDF's first page) in `tests/artefak/` for a person to look at. The numbers are those
worked out by hand in `tests/dashboard/halaman/test_rapat_kecamatan.py` and
`tests/dashboard/halaman/test_profil_desa.py`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page, expect

from tests.browser.aplikasi import buka

pytestmark = pytest.mark.browser

SELESAI = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _tunggu(page: Page, teks: str) -> None:
    """Wait for a text of the expected result AND for the script run to have finished."""
    expect(page.get_by_text(teks, exact=False).first).to_be_visible(timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)
    page.wait_for_timeout(700)  # a run started by the first one (URL mirror) would show stale skeletons
    page.locator(SELESAI).wait_for(timeout=30_000)
    expect(page.locator('[data-testid="stSkeleton"]')).to_have_count(0, timeout=30_000)


def test_rapat_pilih_kecamatan_lalu_unduh_agenda(page: Page, alamat_aplikasi: str, folder_artefak: Path,
                                                 tmp_path: Path) -> None:
    buka(page, alamat_aplikasi + "/rapat_kecamatan")
    _tunggu(page, "Pilih satu kecamatan")
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(folder_artefak / "rapat_pilih_kecamatan.png"))

    # choose Kec. Kabuh on the page: it becomes the global filter and reaches the URL
    page.locator(".st-key-rapat_pilih_kec [data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Kabuh", exact=True).click()
    page.wait_for_url("**kec=35.17.16**", timeout=30_000)
    _tunggu(page, "Rapat kecamatan · Kec. Kabuh")
    _tunggu(page, "Semua desa berdampingan")
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(5)
    page.screenshot(path=str(folder_artefak / "rapat_kec_kabuh.png"))
    page.get_by_text("Agenda rapat koordinasi").first.scroll_into_view_if_needed()
    page.screenshot(path=str(folder_artefak / "rapat_kec_kabuh_agenda.png"))

    # the agenda as PDF: built when clicked, named after the kecamatan and the data date
    with page.expect_download(timeout=60_000) as unduhan:
        page.get_by_role("button", name="Unduh agenda rapat (PDF)").click()
    assert unduhan.value.suggested_filename == "agenda_rapat_kec_kabuh_2026-10-30.pdf"
    pdf = tmp_path / "agenda.pdf"
    unduhan.value.save_as(pdf)
    assert pdf.read_bytes()[:5] == b"%PDF-"
    teks = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    baris = teks.splitlines()
    assert "Agenda rapat koordinasi" in baris and "Kec. Kabuh, Kabupaten Jombang" in baris
    # Kabuh: 7 cases less 1 KDRT (left out below kabupaten level), 3/4 within 90 days, 1 overdue, 2 no answer
    assert "Kabuh Aktif 6 67 % 1 2 100 %" in baris  # 2/3: the KDRT referral is not counted
    assert "Marmoyo Aktif 3 0 % 1 1 100 %" in baris
    assert "Data per 30 Okt 2026, 2 dari 16 desa melapor (laporan bulan Sep 2026)" in teks
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                    str(folder_artefak / "rapat_agenda_pdf_hal1")], check=True, timeout=60)

    # and as XLSX
    with page.expect_download(timeout=60_000) as unduhan:
        page.get_by_role("button", name="Unduh agenda rapat (XLSX)").click()
    assert unduhan.value.suggested_filename == "agenda_rapat_kec_kabuh_2026-10-30.xlsx"
    xlsx = tmp_path / "agenda.xlsx"
    unduhan.value.save_as(xlsx)
    buku = openpyxl.load_workbook(xlsx)
    assert buku.sheetnames[:3] == ["Info", "Desa", "Per tujuan"]
    desa = {r[0]: r for r in buku["Desa"].iter_rows(values_only=True) if r[0]}
    assert desa["Kabuh"][:7] == ("Kabuh", "Aktif", 6, 2 / 3, 1, 2, 1)


def test_profil_desa_dan_perlu_perhatian(page: Page, alamat_aplikasi: str, folder_artefak: Path) -> None:
    buka(page, alamat_aplikasi + "/profil_desa?desa=35.17.16.2004")
    _tunggu(page, "Profil desa · Kabuh, Kec. Kabuh")
    _tunggu(page, "Riwayat laporan 12 bulan")
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.get_by_text("Selesai ≤ 90 hari: peringkat 1 dari 3 desa di Kec. Kabuh (67 %)")).to_be_visible()
    page.screenshot(path=str(folder_artefak / "profil_desa_kabuh.png"))
    page.get_by_text("Riwayat laporan 12 bulan").scroll_into_view_if_needed()
    expect(page.locator(".pantau-strip-sel")).to_have_count(12)
    page.screenshot(path=str(folder_artefak / "profil_desa_kabuh_bawah.png"))

    buka(page, alamat_aplikasi + "/")
    _tunggu(page, "Perlu perhatian · Kabupaten Jombang")
    page.get_by_text("Perlu perhatian · Kabupaten Jombang").scroll_into_view_if_needed()
    expect(page.get_by_role("button", name="Siapkan bahan rapat")).to_be_visible()
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(folder_artefak / "ringkasan_perlu_perhatian.png"))
