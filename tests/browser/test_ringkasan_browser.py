"""Ringkasan in a real browser (Chromium, 1366x768): it renders without an exception, shows the KPI values
computed by hand in `tests/dashboard/halaman/test_ringkasan.py`, and a kecamatan chosen in the filter bar reaches the
URL. Screenshots go to `tests/artefak/` for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.aplikasi import buka

pytestmark = pytest.mark.browser

SELESAI = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def _tunggu(page: Page, teks: str) -> None:
    """Wait for a text of the expected result AND for the script run to have finished."""
    expect(page.get_by_text(teks, exact=True).first).to_be_visible(timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)


def _nilai_kpi(page: Page) -> list[str]:
    return [t.strip() for t in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]


def test_ringkasan_lalu_pilih_kecamatan(page: Page, alamat_aplikasi: str, folder_artefak: Path) -> None:
    buka(page, alamat_aplikasi + "/")
    _tunggu(page, "Kasus baru")
    _tunggu(page, "3 dari 306")
    assert page.locator('[data-testid="stException"]').count() == 0
    # Kabupaten, Jun-Sep 2026 (the default period): see the arithmetic in tests/dashboard/halaman/test_ringkasan.py
    assert _nilai_kpi(page) == ["20", "50,0 %", "4", "3 dari 306", "belum ada data", "8,36 %"]
    expect(page.get_by_text("Data per 30 Okt 2026, 3 dari 306 desa melapor", exact=False)).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    page.screenshot(path=str(folder_artefak / "ringkasan_kabupaten.png"))
    page.screenshot(path=str(folder_artefak / "ringkasan_kabupaten_penuh.png"), full_page=True)

    # Choose Kecamatan Kabuh in the filter bar
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Kecamatan").click()
    page.get_by_role("option", name="Kabuh", exact=True).click()
    page.wait_for_url("**kec=35.17.16**", timeout=30_000)
    _tunggu(page, "2 dari 16")
    assert "kec=35.17.16" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    # Kec. Kabuh, Jun-Sep 2026: 4+3+3+2 = 12 new cases, less KBH-2607-02 (KDRT: violence cases are left out of
    # totals below kabupaten level) = 11; mature Jun-Jul: 3+2 = 5 referrals sent (the KDRT one to UPTD PPA is not
    # counted), 1+1 = 2 completed within 90 days (2/5 = 40,0 %); overdue MRM-2606-01, MGN-2607-01, KBH-2608-02 = 3
    assert _nilai_kpi(page) == ["11", "40,0 %", "3", "2 dari 16", "belum ada data", "8,36 %"]
    page.screenshot(path=str(folder_artefak / "ringkasan_kec_kabuh.png"))

    # The definition of a KPI is one click away
    page.get_by_role("button", name="Definisi").first.click()
    expect(page.get_by_text("laporan nihil dihitung 0", exact=False)).to_be_visible()  # in words, no metrics.md
    page.screenshot(path=str(folder_artefak / "ringkasan_definisi.png"))


def test_ringkasan_pembanding_dalam_bahasa_inggris(page: Page, alamat_aplikasi: str, folder_artefak: Path) -> None:
    buka(page, alamat_aplikasi + "/?dari=2026-07&sampai=2026-07&bahasa=en")
    _tunggu(page, "New cases")
    _tunggu(page, "50.0%")
    assert page.locator('[data-testid="stException"]').count() == 0
    # Jul 2026 against Jun 2026: cases 5 vs 6; completed within 90 days 2/4 vs 2/4 (July's KDRT referral to UPTD PPA
    # is not counted); overdue is a stock at the cut-off, whatever the period: B (Jun), C (Jul), A and D (Aug) = 4
    # (test_ringkasan.py)
    assert _nilai_kpi(page) == ["5", "50.0%", "4", "3 of 306", "no data yet", "8.36%"]
    delta = page.locator('[data-testid="stMetricDelta"]').all_inner_texts()
    assert any("-1 (-16.7%)" in d for d in delta) and not any("pts" in d for d in delta)
    assert "bahasa=en" in page.url and "dari=2026-07" in page.url
    page.screenshot(path=str(folder_artefak / "ringkasan_pembanding_en.png"))
