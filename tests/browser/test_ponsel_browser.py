"""The app on a phone (390x844, the width of a common Android/iPhone screen) and on a projector-size screen: the
log-in form and Ringkasan render without horizontal scrolling, the KPI values are the hand-worked ones of
`tests/dashboard/halaman/test_ringkasan.py`, and screenshots go to `tests/artefak/` for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.aplikasi import SELESAI, buka

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("nama", "lebar", "tinggi"), [("ponsel", 390, 844), ("proyektor", 1920, 1080)])
def test_ringkasan_di_layar_lain(browser: Browser, alamat_aplikasi: str, folder_artefak: Path, nama: str,
                                 lebar: int, tinggi: int) -> None:
    konteks = browser.new_context(viewport={"width": lebar, "height": tinggi},
                                  device_scale_factor=2 if nama == "ponsel" else 1)
    page = konteks.new_page()
    try:
        page.goto(alamat_aplikasi + "/")
        expect(page.locator(".st-key-masuk_nama input")).to_be_visible(timeout=30_000)
        page.screenshot(path=str(folder_artefak / f"masuk_{nama}.png"))
        buka(page, alamat_aplikasi + "/")
        expect(page.locator('[data-testid="stMetricValue"]')).to_have_count(6, timeout=30_000)
        page.locator(SELESAI).wait_for(timeout=30_000)
        nilai = [t.strip() for t in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]
        assert nilai == ["20", "50,0 %", "4", "3 dari 306", "belum ada data", "8,36 %"]
        # nothing wider than the screen: no horizontal scrolling
        lebar_isi = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
        assert lebar_isi <= lebar + 1, lebar_isi
        page.screenshot(path=str(folder_artefak / f"ringkasan_{nama}.png"))
    finally:
        konteks.close()
