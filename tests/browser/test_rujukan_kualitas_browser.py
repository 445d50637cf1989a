"""Rujukan and Kualitas data in a real browser (Chromium, 1366x768), on the warehouse of `tests/fixtures/app_rujukan/`
(the Kec. Perak files plus two Kec. Kabuh reports, built by the real pipeline). The pages render without an
exception, show the values worked out by hand in `tests/dashboard/halaman/test_rujukan.py` and
`tests/dashboard/halaman/test_kualitas.py`, and the quarantine download is a neutralised CSV without personal data.
Screenshots go to `tests/artefak/` for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.browser.aplikasi import SELESAI, buka, layani_aplikasi
from tests.fixtures import env_pantau
from tests.fixtures.app_rujukan import PANTAU_TOML

pytestmark = pytest.mark.browser



@pytest.fixture(scope="module")
def alamat_rujukan(gudang_rujukan: Path) -> Iterator[str]:
    """Serve the app on the Perak + Kabuh warehouse (`gudang_rujukan`) on a free port (the pattern of
    `tests/browser/conftest.py`)."""
    env = {**os.environ, **env_pantau(gudang_rujukan, PANTAU_TOML)}
    with layani_aplikasi(env, gudang_rujukan.parent) as alamat:
        yield alamat


def _tunggu(page: Page, teks: str) -> None:
    """Wait for a text of the expected result AND for the script run to have finished."""
    expect(page.get_by_text(teks, exact=False).first).to_be_visible(timeout=30_000)
    page.locator(SELESAI).wait_for(timeout=30_000)


def _layar_penuh(page: Page, jalur: Path, tinggi: int = 2200) -> None:
    """Screenshot of the whole page: Streamlit scrolls inside its own container, so `full_page` shows only the
    viewport; a tall viewport for one shot does (then back to 1366x768)."""
    page.set_viewport_size({"width": 1366, "height": tinggi})
    page.locator(SELESAI).wait_for(timeout=30_000)
    page.wait_for_timeout(500)
    page.screenshot(path=str(jalur))
    page.set_viewport_size({"width": 1366, "height": 768})


def _tanpa_galat(page: Page) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.get_by_text("kesalahan tak terduga").count() == 0


def test_rujukan_kabupaten_dan_kecamatan(page: Page, alamat_rujukan: str, folder_artefak: Path) -> None:
    # the period of the hand-computed figures (the default now ends with March, the last due month at 9 May)
    buka(page, alamat_rujukan + "/rujukan?dari=2024-11&sampai=2025-04")
    _tunggu(page, "Corong rujukan")
    _tunggu(page, "3 masih terbuka: 2 lewat SLA, 1 tanpa respon > 14 hari")
    _tunggu(page, "yang hanya dihitung untuk seluruh kabupaten: 2 dimulai dalam periode")
    _tanpa_galat(page)
    # funnel, cohorts, ageing: three charts; destination table, tanpa_respon ranking, list: three tables
    expect(page.locator(".js-plotly-plot")).to_have_count(3)
    expect(page.locator('[data-testid="stDataFrame"]')).to_have_count(3)
    expect(page.get_by_text("Rujukan yang dimulai Nov 2024 – Apr 2025, keadaan per 9 Mei 2025")).to_be_visible()
    page.screenshot(path=str(folder_artefak / "rujukan_kabupaten.png"))
    _layar_penuh(page, folder_artefak / "rujukan_kabupaten_penuh.png")

    # The definition of the table by destination is one click away
    page.get_by_role("button", name="Definisi").nth(2).click()
    expect(page.get_by_text("instansi mana yang tidak menjawab", exact=False)).to_be_visible()
    page.screenshot(path=str(folder_artefak / "rujukan_definisi_tujuan.png"))
    page.keyboard.press("Escape")

    # Kec. Perak: no UPTD PPA row (its one referral is a KDRT case): the note says sensitive referrals are not counted
    buka(page, alamat_rujukan + "/rujukan?kec=35.17.01&dari=2024-11&sampai=2025-04")
    _tunggu(page, "Rujukan · Kec. Perak")
    _tunggu(page, "tidak dihitung dalam angka rujukan desa dan kecamatan")
    assert page.get_by_text("UPTD PPA", exact=True).count() == 0
    _tanpa_galat(page)
    _layar_penuh(page, folder_artefak / "rujukan_kec_perak.png")


def test_kualitas_strip_karantina_dan_unduhan(page: Page, alamat_rujukan: str, folder_artefak: Path,
                                             tmp_path: Path) -> None:
    buka(page, alamat_rujukan + "/kualitas?kec=35.17.16&dari=2024-11&sampai=2025-04")
    _tunggu(page, "Kualitas data · Kec. Kabuh")
    _tunggu(page, "Kelengkapan laporan")
    _tanpa_galat(page)
    # Kec. Kabuh, the last 12 due months Apr 2024 - Mar 2025 (April's reports are due on 10 May): received
    # Kabuh 10 + Marmoyo 6 + Mangunan 3 = 19 of 10 + 10 + 3 = 23 expected months
    nilai = [x.strip() for x in page.locator('[data-testid="stMetricValue"]').all_inner_texts()]
    assert nilai[:2] == ["82,6 %", "65,2 %"]  # 19/23; on time 8 + 5 + 2 = 15/23
    page.screenshot(path=str(folder_artefak / "kualitas_kec_kabuh_strip.png"))

    page.get_by_role("tab", name="Karantina (3)").click()
    _tunggu(page, "Unduh 3 baris dikarantina (CSV)")
    page.screenshot(path=str(folder_artefak / "kualitas_kec_kabuh_karantina.png"))
    with page.expect_download(timeout=30_000) as unduhan:
        page.get_by_role("button", name="Unduh 3 baris dikarantina (CSV)").click()
    jalur = tmp_path / "karantina.csv"
    unduhan.value.save_as(jalur)
    isi = jalur.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK(\"\"http://contoh.invalid\"\",\"\"klik\"\")" in isi  # neutralised, CSV-quoted
    for pribadi in ("Tono", "0813", "3517160303800008", "disembunyikan", "isi_nik"):
        assert pribadi not in isi

    page.get_by_role("tab", name="Peringatan dan nama").click()
    _tunggu(page, "Nama desa yang tidak cocok")
    page.screenshot(path=str(folder_artefak / "kualitas_kec_kabuh_peringatan.png"))


def test_kualitas_kabupaten_bahasa_inggris(page: Page, alamat_rujukan: str, folder_artefak: Path) -> None:
    buka(page, alamat_rujukan + "/kualitas?bahasa=en")
    _tunggu(page, "Reporting completeness")
    _tunggu(page, "12-month reporting")
    _tanpa_galat(page)
    page.screenshot(path=str(folder_artefak / "kualitas_kabupaten_en.png"))
    page.get_by_role("tab", name="Quality score by village").click()
    page.locator(SELESAI).wait_for(timeout=30_000)
    page.screenshot(path=str(folder_artefak / "kualitas_kabupaten_skor_en.png"))
