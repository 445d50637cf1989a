"""Peta in a real browser (Chromium, 1366x768): the choropleth on the real Jombang boundaries draws its 306 desa
with no network (no tiles, no topojson), hovering a desa shows its numbers, a click opens the desa's profile;
without boundaries the tile map stands in. Screenshots go to `tests/artefak/`; the values are those worked out
by hand in `tests/dashboard/halaman/test_peta.py` (Kabuh 35.17.16.2004: 7 new cases in Jun - Sep 2026).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.aplikasi import SELESAI, buka, layani_aplikasi
from tests.fixtures import AKAR, env_pantau, pantau, salin_gudang

pytestmark = pytest.mark.browser

JOMBANG = AKAR.parent / "shared" / "boundaries" / "jombang_desa.geojson"
KABUH = "35.17.16.2004"


@pytest.fixture(scope="module")
def alamat_peta(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app fixture warehouse with the Jombang boundaries imported, served on a free port."""
    if not JOMBANG.is_file():
        pytest.skip("folder ../shared/boundaries (batas desa nyata khusus tes) tidak ada")
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_peta_browser"))
    pantau(gudang, "batas", str(JOMBANG))
    with layani_aplikasi({**os.environ, **env_pantau(gudang)}, gudang.parent) as alamat:
        yield alamat


def _tunggu(page: Page, teks: str) -> None:
    expect(page.get_by_text(teks, exact=False).first).to_be_visible(timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)


def test_choropleth_hover_dan_klik(page: Page, alamat_peta: str, folder_artefak: Path) -> None:
    luar: list[str] = []
    page.on("request", lambda r: luar.append(r.url) if "cdn.plot.ly" in r.url or "mapbox" in r.url
            or "carto" in r.url or "tile" in r.url else None)
    buka(page, alamat_peta + "/peta")
    _tunggu(page, "Batas desa: jombang_desa.geojson")
    assert page.locator('[data-testid="stException"]').count() == 0
    lokasi = page.locator(".js-plotly-plot path.choroplethlocation")
    expect(lokasi).to_have_count(306)
    expect(page.get_by_text("Tidak ada data", exact=False).first).to_be_visible()
    page.screenshot(path=str(folder_artefak / "peta_batas_kabupaten.png"))
    assert luar == []  # nothing asked of a map or topojson server

    # hover Kabuh's polygon: its path is the one at its index in the trace's locations
    indeks = page.evaluate(
        "kode => document.querySelector('.js-plotly-plot').data.find(d => d.type === 'choropleth')"
        ".locations.indexOf(kode)", KABUH)
    assert indeks >= 0
    lokasi.nth(indeks).hover(force=True)  # plotly listens on the background layer, not on the paths
    expect(page.locator(".hoverlayer")).to_contain_text("Kabuh · Kec. Kabuh")
    label = page.locator(".hoverlayer").text_content() or ""
    # 7 cases less KBH-2607-02 (KDRT), left out below kabupaten level
    assert "Kasus baru: 6 (dalam 4 bulan)" in label and "Puskesos: Aktif" in label
    page.screenshot(path=str(folder_artefak / "peta_batas_hover_kabuh.png"))

    # a click opens Kabuh's profile, with the desa in the URL and in the filter bar
    lokasi.nth(indeks).click(force=True)
    page.wait_for_url(f"**desa={KABUH}**", timeout=30_000)
    _tunggu(page, "Kabuh, Kec. Kabuh")  # the profile page's title names the desa
    assert "kec=35.17.16" in page.url
    assert page.locator('[data-testid="stException"]').count() == 0
    page.screenshot(path=str(folder_artefak / "peta_klik_profil_kabuh.png"))

    # back on the map: zoomed to Kec. Kabuh (16 desa), Kabuh outlined
    buka(page, alamat_peta + f"/peta?kec=35.17.16&desa={KABUH}")
    _tunggu(page, "Peta · Kabuh, Kec. Kabuh")
    expect(page.locator(".js-plotly-plot path.choroplethlocation")).to_have_count(16)
    page.screenshot(path=str(folder_artefak / "peta_batas_kec_kabuh.png"))


def test_petak_tanpa_batas(page: Page, alamat_aplikasi: str, folder_artefak: Path) -> None:
    buka(page, alamat_aplikasi + "/peta")
    _tunggu(page, "pantau batas BERKAS")
    assert page.locator('[data-testid="stException"]').count() == 0
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    # one block per kecamatan, named above it: 21 in Kab. Jombang
    expect(page.locator(".js-plotly-plot .annotation-text")).to_have_count(21)
    expect(page.get_by_text("Diam (3 bulan terakhir tanpa laporan)", exact=False)).to_be_visible()
    page.screenshot(path=str(folder_artefak / "peta_petak_kabupaten.png"))
    buka(page, alamat_aplikasi + "/peta?kec=35.17.16")
    _tunggu(page, "Peta · Kec. Kabuh")
    expect(page.locator(".js-plotly-plot .annotation-text")).to_have_text(["Kabuh"])
    expect(page.locator(".js-plotly-plot .textpoint", has_text="Marmoyo")).to_have_count(1)  # names fit the tiles
    page.screenshot(path=str(folder_artefak / "peta_petak_kec_kabuh.png"))
    # a click on Mangunan's tile opens its profile
    kotak = page.locator(".js-plotly-plot .textpoint", has_text="Mangunan").bounding_box()
    assert kotak is not None
    page.mouse.move(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
    expect(page.locator(".hoverlayer")).to_contain_text("Kasus baru: 2 (dalam 4 bulan)")  # MGN Jun + Jul
    page.mouse.click(kotak["x"] + kotak["width"] / 2, kotak["y"] + kotak["height"] / 2)
    page.wait_for_url("**desa=35.17.16.2003**", timeout=30_000)
    _tunggu(page, "Mangunan, Kec. Kabuh")
