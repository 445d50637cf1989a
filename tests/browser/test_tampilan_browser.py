"""The briefing in the room, in a real browser (Debian's Chromium): the projector (1920x1080) in presentation mode
and a phone (390x844, a phone's User-Agent). Screenshots go to `tests/artefak/` for a person to look at:

- `presentasi_peta_1920.png`: Peta in presentation mode on the real Jombang boundaries, the map as high as the
  screen with desa and kecamatan names; `presentasi_ringkasan_1920.png`: Ringkasan, large numbers, no widget.
- `ponsel_ringkasan_390.png`: the first screen of a phone, the first KPI number in it; `ponsel_tren_390.png`: the
  trend chart with month labels apart and the legend below the plot; `ponsel_peta_390.png`: Peta, opened from the
  menu drawer (which closes by itself after the choice), the map with its legend above it.

The values are those of the app fixture (`tests/dashboard/halaman/test_ringkasan.py`): kasus baru 20.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.aplikasi import SELESAI, buka, layani_aplikasi
from tests.fixtures import AKAR, env_pantau, pantau, salin_gudang

pytestmark = pytest.mark.browser

JOMBANG = AKAR.parent / "shared" / "boundaries" / "jombang_desa.geojson"
ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 "
           "Mobile Safari/537.36")
WIDGET = ('[data-testid="stSelectbox"], [data-testid="stButton"], [data-testid="stPopover"], '
          '[data-testid="stExpander"], [data-testid="stDownloadButton"], [data-testid="stButtonGroup"], '
          '[data-testid="stSidebar"], [data-testid="stTopNavLinkContainer"]')


@pytest.fixture(scope="module")
def alamat_batas(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app fixture warehouse with the Jombang boundaries imported, served on a free port."""
    if not JOMBANG.is_file():
        pytest.skip("folder ../shared/boundaries (batas desa nyata khusus tes) tidak ada")
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_tampilan_browser"))
    pantau(gudang, "batas", str(JOMBANG))
    with layani_aplikasi({**os.environ, **env_pantau(gudang)}, gudang.parent) as alamat:
        yield alamat


def _siap(page: Page) -> None:
    page.locator(SELESAI).wait_for(timeout=30_000)
    page.wait_for_timeout(800)  # plotly draws after the script has finished
    assert page.locator('[data-testid="stException"]').count() == 0


def test_proyektor_presentasi(browser: Browser, alamat_batas: str, folder_artefak: Path) -> None:
    konteks = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = konteks.new_page()
    try:
        buka(page, alamat_batas + "/peta?tampilan=presentasi")
        expect(page.locator(".js-plotly-plot path.choroplethlocation")).to_have_count(306, timeout=30_000)
        _siap(page)
        assert page.locator(WIDGET).count() == 0
        # names on the map: the 21 kecamatan in capitals, desa names among them
        expect(page.locator('.js-plotly-plot text[data-unformatted="<b>KABUH</b>"]')).to_have_count(1)
        expect(page.locator('.js-plotly-plot text[data-unformatted="Marmoyo"]')).to_have_count(1)
        kotak = page.locator(".js-plotly-plot").bounding_box()
        assert kotak is not None and kotak["height"] >= 850 and kotak["y"] + kotak["height"] <= 1080 + 5
        page.screenshot(path=str(folder_artefak / "presentasi_peta_1920.png"))

        buka(page, alamat_batas + "/?tampilan=presentasi")
        expect(page.locator('[data-testid="stMetricValue"]')).to_have_count(6, timeout=30_000)
        _siap(page)
        assert page.locator(WIDGET).count() == 0
        nilai = page.locator('[data-testid="stMetricValue"]').first
        assert float(nilai.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 60  # 4.2rem
        page.screenshot(path=str(folder_artefak / "presentasi_ringkasan_1920.png"))
        # leaving the mode keeps the session: the filter boxes are back without a new log-in
        page.get_by_text("Keluar dari mode presentasi").click()
        expect(page.locator('[data-testid="stSelectbox"]')).to_have_count(4, timeout=30_000)
    finally:
        konteks.close()


def test_ponsel(browser: Browser, alamat_batas: str, folder_artefak: Path) -> None:
    konteks = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                                  has_touch=True, user_agent=ANDROID)
    page = konteks.new_page()
    try:
        buka(page, alamat_batas + "/")
        expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("20", timeout=30_000)
        _siap(page)
        # the first number within the first screen; the filters behind one expander
        kotak = page.locator('[data-testid="stMetricValue"]').first.bounding_box()
        assert kotak is not None and kotak["y"] + kotak["height"] <= 844, kotak
        expect(page.locator('[data-testid="stExpander"]')).to_have_count(1)
        expect(page.locator('[data-testid="stSelectbox"]').first).to_be_hidden()
        lebar_isi = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollWidth")
        assert lebar_isi <= 391, lebar_isi
        page.screenshot(path=str(folder_artefak / "ponsel_ringkasan_390.png"))

        # the trend chart: month labels apart, the legend below the plot
        grafik = page.locator(".js-plotly-plot").first
        grafik.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        label = [page.locator(".js-plotly-plot .xtick text").nth(i).bounding_box()
                 for i in range(page.locator(".js-plotly-plot .xtick text").count())]
        assert len(label) == 4  # Jun - Sep 2026
        for kiri, kanan in itertools.pairwise(label):
            assert kiri is not None and kanan is not None and kiri["x"] + kiri["width"] < kanan["x"]
        legenda = page.locator(".js-plotly-plot .legend").bounding_box()
        plot = page.locator(".js-plotly-plot .nsewdrag").first.bounding_box()
        assert legenda is not None and plot is not None and legenda["y"] > plot["y"] + plot["height"]
        grafik.screenshot(path=str(folder_artefak / "ponsel_tren_390.png"))

        # the menu drawer: open it, choose Peta, and it closes by itself
        page.locator('[data-testid="stExpandSidebarButton"]').click()
        tautan = page.locator('[data-testid="stSidebarNavLink"]', has_text="Peta").first
        expect(tautan).to_be_visible()
        tautan.click()
        page.wait_for_url("**/peta**", timeout=30_000)
        page.locator(SELESAI).wait_for(timeout=30_000)
        page.wait_for_timeout(1000)  # the drawer slides out
        kotak = tautan.bounding_box()  # a closed drawer is moved off the screen's left edge
        assert kotak is None or kotak["x"] + kotak["width"] <= 0, kotak

        # the map: legend above it, the map the phone's width
        expect(page.locator(".js-plotly-plot path.choroplethlocation")).to_have_count(306, timeout=30_000)
        _siap(page)
        legenda_peta = page.get_by_text("Tidak ada data", exact=False).first.bounding_box()
        peta = page.locator(".js-plotly-plot").bounding_box()
        assert legenda_peta is not None and peta is not None and legenda_peta["y"] < peta["y"]
        assert peta["width"] >= 340
        page.screenshot(path=str(folder_artefak / "ponsel_peta_390.png"))
    finally:
        konteks.close()
