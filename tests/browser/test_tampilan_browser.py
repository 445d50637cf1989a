"""The briefing in the room, in a real browser (Debian's Chromium): the projector (1920x1080) in presentation mode
and a phone (390x844, a phone's User-Agent). Screenshots go to `tests/artefak/` for a person to look at:

- `presentasi_peta_1920.png`: Peta in presentation mode on the real Jombang boundaries, the map as high as the
  screen with desa and kecamatan names; `presentasi_ringkasan_1920.png`: Ringkasan, large numbers, no widget.
- `presentasi_peta_kabuh_1920.png`: the same zoomed to Kec. Kabuh, every desa named;
  `presentasi_{rapat_kecamatan,rujukan,target}_1920.png`: the other pages a meeting projects (whole page).
- `sempit_*_390.png`: a desktop browser narrowed to 390 px (no phone User-Agent): the desk layout reflowed by CSS.
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


def _label_peta(page: Page) -> list[dict]:
    """Every name written on the choropleth: its text, font size (px) and box on the screen."""
    return page.evaluate("""() => [...document.querySelectorAll('.js-plotly-plot g.trace text')]
        .filter(e => (e.textContent || '').trim())
        .map(e => { const r = e.getBoundingClientRect();
                    return {teks: e.getAttribute('data-unformatted') || e.textContent,
                            ukuran: parseFloat(getComputedStyle(e).fontSize),
                            x: r.x, y: r.y, w: r.width, h: r.height}; })""")


def _seluruh_halaman(page: Page, jalur: Path) -> None:
    """A screenshot of the whole page: Streamlit scrolls inside its own container, so the window is made as high as
    the page for the picture (the width, and so the layout, stays), then put back."""
    ukuran = page.viewport_size
    assert ukuran is not None
    tinggi = int(page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight"))
    page.set_viewport_size({"width": ukuran["width"], "height": max(ukuran["height"], min(tinggi + 40, 6000))})
    page.wait_for_timeout(800)
    page.screenshot(path=str(jalur))
    page.set_viewport_size(ukuran)


def _tanpa_tumpuk(label: list[dict]) -> None:
    """No two names overlap on the screen (1 px of slack for anti-aliasing)."""
    for a, b in itertools.combinations(label, 2):
        lepas = (a["x"] + a["w"] <= b["x"] + 1 or b["x"] + b["w"] <= a["x"] + 1
                 or a["y"] + a["h"] <= b["y"] + 1 or b["y"] + b["h"] <= a["y"] + 1)
        assert lepas, (a, b)


def test_proyektor_presentasi(browser: Browser, alamat_batas: str, folder_artefak: Path) -> None:
    konteks = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = konteks.new_page()
    try:
        buka(page, alamat_batas + "/peta?tampilan=presentasi")
        expect(page.locator(".js-plotly-plot path.choroplethlocation")).to_have_count(306, timeout=30_000)
        _siap(page)
        assert page.locator(WIDGET).count() == 0
        # names on the map: the 21 kecamatan in bold capitals, and the desa names that fit, none on another
        expect(page.locator('.js-plotly-plot text[data-unformatted="<b>KABUH</b>"]')).to_have_count(1)
        kotak = page.locator(".js-plotly-plot").bounding_box()
        assert kotak is not None and kotak["height"] >= 850 and kotak["y"] + kotak["height"] <= 1080 + 5
        # the width the names were chosen for (komponen.peta.LEBAR_PETA_PRESENTASI, 1300 px), within 5 %
        assert abs(kotak["width"] - 1300) <= 65, kotak
        label = _label_peta(page)
        kec = [lb for lb in label if lb["teks"].startswith("<b>")]
        desa = [lb for lb in label if not lb["teks"].startswith("<b>")]
        assert len(kec) == 21 and {lb["ukuran"] for lb in kec} == {16}
        assert len(desa) == 19 and min(lb["ukuran"] for lb in desa) >= 12  # as AppTest counts them
        page.screenshot(path=str(folder_artefak / "presentasi_peta_1920.png"))
        _tanpa_tumpuk(label)

        # one kecamatan: every desa name at 12 px or more
        buka(page, alamat_batas + "/peta?tampilan=presentasi&kec=35.17.16")
        expect(page.locator(".js-plotly-plot path.choroplethlocation")).to_have_count(16, timeout=30_000)
        _siap(page)
        label = _label_peta(page)
        assert len(label) == 16 and min(lb["ukuran"] for lb in label) >= 12
        page.screenshot(path=str(folder_artefak / "presentasi_peta_kabuh_1920.png"))

        buka(page, alamat_batas + "/?tampilan=presentasi")
        expect(page.locator('[data-testid="stMetricValue"]')).to_have_count(6, timeout=30_000)
        _siap(page)
        assert page.locator(WIDGET).count() == 0
        nilai = page.locator('[data-testid="stMetricValue"]').first
        # the size the number is drawn at: that of the innermost element, which holds the text
        terdalam = ("e => { while (e.firstElementChild) e = e.firstElementChild; "
                    "return parseFloat(getComputedStyle(e).fontSize); }")
        assert float(nilai.evaluate(terdalam)) >= 60  # 4.2rem
        label = page.locator('[data-testid="stMetricLabel"]').first
        assert float(label.evaluate(terdalam)) >= 22  # 1.45rem
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


@pytest.mark.parametrize(("halaman", "ciri"), [
    ("rapat_kecamatan?kec=35.17.16", "Rapat kecamatan · Kec. Kabuh"),
    ("rujukan", "Rujukan · Kabupaten Jombang"),
    ("target", "Target kemiskinan · Kabupaten Jombang"),
])
def test_proyektor_halaman_rapat(browser: Browser, alamat_batas: str, folder_artefak: Path, halaman: str,
                                 ciri: str) -> None:
    """Rapat kecamatan, Rujukan and Target on the projector: nothing to click but the way out, numbers and table
    text large enough for the back of the room."""
    konteks = browser.new_context(viewport={"width": 1920, "height": 1080})
    page = konteks.new_page()
    try:
        pemisah = "&" if "?" in halaman else "?"
        buka(page, f"{alamat_batas}/{halaman}{pemisah}tampilan=presentasi")
        expect(page.get_by_text(ciri).first).to_be_visible(timeout=30_000)
        _siap(page)
        assert page.locator(WIDGET).count() == 0
        expect(page.get_by_text("Keluar dari mode presentasi")).to_have_count(1)
        sel = page.locator('[data-testid="stTable"] td').first
        assert float(sel.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 18  # 1.15rem
        if page.locator(".js-plotly-plot").count():
            teks = page.locator(".js-plotly-plot .xtick text").first
            assert float(teks.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 18
        lebar = page.evaluate("document.documentElement.scrollWidth")
        assert lebar <= 1921, lebar
        nama = halaman.split("?")[0]
        page.screenshot(path=str(folder_artefak / f"presentasi_{nama}_1920.png"))  # the projector's first screen
        _seluruh_halaman(page, folder_artefak / f"presentasi_{nama}_1920_penuh.png")
    finally:
        konteks.close()


def test_jendela_sempit_tanpa_agen_ponsel(browser: Browser, alamat_batas: str, folder_artefak: Path) -> None:
    """A desktop browser narrowed to 390 px (its User-Agent has no "Mobi", so the server draws the desk layout):
    the CSS media query of `komponen.gaya` reflows it; the first number is on the first screen and nothing is wider
    than the window."""
    konteks = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    page = konteks.new_page()
    try:
        assert "Mobi" not in page.evaluate("navigator.userAgent")
        buka(page, alamat_batas + "/")
        expect(page.locator('[data-testid="stMetricValue"]').first).to_have_text("20", timeout=30_000)
        _siap(page)
        assert page.locator('[data-testid="stExpander"]').count() == 0  # the desk layout, not the phone's
        kotak = page.locator('[data-testid="stMetricValue"]').first.bounding_box()
        assert kotak is not None and kotak["y"] + kotak["height"] <= 844, kotak
        assert float(page.locator('[data-testid="stMetricValue"]').first.evaluate(
            "e => parseFloat(getComputedStyle(e).fontSize)")) <= 33  # 2rem, not the desk's 2.6rem
        assert page.evaluate("document.documentElement.scrollWidth") <= 391
        # the filter boxes two by two, the Presentasi link hidden
        kotak_filter = [page.locator('[data-testid="stSelectbox"]').nth(i).bounding_box() for i in range(4)]
        assert all(k is not None and k["width"] < 195 for k in kotak_filter), kotak_filter
        assert page.locator(".st-key-tautan_presentasi").count() == 1
        assert not page.locator(".st-key-tautan_presentasi").is_visible()
        page.screenshot(path=str(folder_artefak / "sempit_ringkasan_390.png"))
        # the trend chart: its legend below the plot, under its title
        grafik = page.locator(".js-plotly-plot").first
        grafik.scroll_into_view_if_needed()
        page.wait_for_timeout(500)
        judul = page.locator(".js-plotly-plot .gtitle").first.bounding_box()
        legenda = page.locator(".js-plotly-plot .legend").first.bounding_box()
        assert judul is not None and legenda is not None and legenda["y"] > judul["y"] + judul["height"]
        assert grafik.bounding_box()["width"] <= 390  # type: ignore[index]
        grafik.screenshot(path=str(folder_artefak / "sempit_tren_390.png"))

        for halaman, ciri in (("rujukan", "Rujukan · Kabupaten Jombang"), ("peta", "Peta"),
                              ("rapat_kecamatan?kec=35.17.16", "Rapat kecamatan · Kec. Kabuh"),
                              ("target", "Target kemiskinan")):
            buka(page, f"{alamat_batas}/{halaman}")
            expect(page.get_by_text(ciri).first).to_be_visible(timeout=30_000)
            _siap(page)
            page.wait_for_timeout(500)
            lebar = page.evaluate("document.documentElement.scrollWidth")
            assert lebar <= 391, (halaman, lebar)
            for g in page.locator(".js-plotly-plot").all():
                k = g.bounding_box()
                assert k is not None and k["x"] >= 0 and k["x"] + k["width"] <= 391, (halaman, k)
            _seluruh_halaman(page, folder_artefak / f"sempit_{halaman.split('?')[0]}_390.png")
    finally:
        konteks.close()
