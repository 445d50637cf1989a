"""The briefing in the room: the projector's presentation mode, the phone layout, and the charts that must be readable
(`dashboard.tampilan`, `komponen.peta.kelas_tetap`, `komponen.program.gambar_nonaktif`, `komponen.target`).

AppTest runs on the app fixture warehouse (`gudang_app`: Kab. Jombang, 306 desa in 21 kecamatan; cut-off 30 Okt
2026, default period Jun - Sep 2026; the KPI values worked out in `tests/dashboard/halaman/test_ringkasan.py`:
20 | 50,0 % | 4 | 3 dari 306) and, for the names on the choropleth, on the same warehouse with the real Jombang
boundaries (skipped without `../shared/boundaries`). Program coverage on the map uses the program warehouse of
`test_program_target.py` (PKH: Jantiganggong 6 of 10 eligible = 60,0 %; Kepuhkajang 1 of 2, no rate).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.komponen.grafik import gambar_tren, label_bulan_pendek
from dashboard.komponen.peta import METRIK_PER_KODE, WARNA_TANPA_DATA, YLGNBU, kelas_tetap
from dashboard.komponen.program import gambar_nonaktif
from dashboard.komponen.target import GAYA_LAIN, WARNA_DIPILIH, gaya_dokumen
from dashboard.tampilan import mode_dari

from tests.dashboard.halaman.test_program_target import gudang_program  # noqa: F401  (a fixture)
from tests.fixtures import AKAR, BukaApp, pantau, salin_gudang

JOMBANG = AKAR.parent / "shared" / "boundaries" / "jombang_desa.geojson"
WIDGET = ("button", "checkbox", "color_picker", "date_input", "download_button", "multiselect", "number_input",
          "radio", "segmented_control", "select_slider", "selectbox", "slider", "text_area", "text_input",
          "time_input", "toggle", "chat_input", "popover", "expander")
"""Every interactive element type of AppTest (popovers and expanders open with a click: none on a projector)."""
ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126 "
           "Mobile Safari/537.36")


def _widget(at: AppTest) -> dict[str, int]:
    return {jenis: n for jenis in WIDGET if (n := len(at.get(jenis)))}


def _figur(at: AppTest) -> list[dict]:
    return [json.loads(g.proto.spec) for g in at.get("plotly_chart")]


# 1/ the mode of a request
def test_mode_dari_url_dan_agen() -> None:
    assert mode_dari("presentasi", ANDROID) == "presentasi"  # the link wins
    assert mode_dari(" Ponsel ", None) == "ponsel"
    assert mode_dari(None, ANDROID) == "ponsel"  # a phone browser says "Mobile"
    assert mode_dari("", "Mozilla/5.0 (X11; Linux x86_64) Chrome/126 Safari/537.36") == "biasa"
    assert mode_dari("layar-lebar", None) == "biasa"  # an unknown value is ignored


# 2/ fixed class breaks: never a shared boundary
def test_kelas_tetap_cakupan_tanpa_batas_bersama() -> None:
    metrik = METRIK_PER_KODE["cakupan_pkh"]
    nilai = pd.Series([0.0, 0.199, 0.1996, 0.2, 0.3994, 0.3996, 0.6, 0.7999, 0.8, 1.0, np.nan])
    nomor, label = kelas_tetap(nilai, metrik, "id")
    # 19,96 % is shown "20,0 %" and goes with 20 %; 39,94 % is shown "39,9 %", 39,96 % "40,0 %"; 79,99 % -> "80,0 %"
    assert nomor.tolist()[:10] == [0, 0, 1, 1, 1, 2, 3, 4, 4, 4]
    assert np.isnan(nomor.iloc[10])
    assert label == ["< 20 %", "20–39,9 %", "40–59,9 %", "60–79,9 %", "≥ 80 %"]
    assert kelas_tetap(nilai, metrik, "en")[1][1] == "20–39.9%"


def test_kelas_tetap_per_1000_dan_jumlah() -> None:
    nomor, label = kelas_tetap(pd.Series([0.0, 0.494, 0.495, 0.99, 0.996, 4.99, 5.0]),
                               METRIK_PER_KODE["kasus_per_1000"], "id")
    assert nomor.tolist() == [0, 0, 1, 1, 2, 3, 4]  # 0,495 is shown "0,50"; 0,996 "1,00"
    assert label == ["< 0,50", "0,50–0,99", "1,00–1,99", "2,00–4,99", "≥ 5,00"]
    nomor, label = kelas_tetap(pd.Series([0, 1, 4, 5, 10, 60]), METRIK_PER_KODE["tunggakan"], "id")
    assert nomor.tolist() == [0, 1, 2, 3, 4, 4]  # 0 | 1 | 2–4 | 5–9 | ≥ 10
    assert label == ["0", "1", "2–4", "5–9", "≥ 10"]


# 3/ charts
def test_grafik_penonaktifan_mendatar_berlabel() -> None:
    nonaktif = pd.DataFrame({
        "bulan": [dt.date(2026, 1, 1)] * 4 + [dt.date(2026, 2, 1)],
        "alasan": ["mampu", "tidak_padan", "meninggal", "pindah", "mampu"],
        "dinonaktifkan": [6000, 1841, 555, 352, 540],
        "diaktifkan_kembali": [150, 40, 0, 6, 0],
    })
    fig = gambar_nonaktif(nonaktif, "id").to_dict()
    kembali, alasan = fig["data"]
    assert alasan["orientation"] == "h" and kembali["orientation"] == "h"
    # largest on top (plotly draws the first category at the bottom): mampu 6.000 + 540 = 6.540 of 9.288
    assert list(alasan["y"]) == ["Pindah", "Meninggal", "NIK tidak padan Dukcapil", "Mampu/naik desil"]
    assert list(alasan["text"]) == ["352 (3,8 %)", "555 (6,0 %)", "1.841 (19,8 %)", "6.540 (70,4 %)"]
    assert "Jan 2026: 6.000<br>Feb 2026: 540" in alasan["hovertext"][3]
    assert list(kembali["x"]) == [196] and list(kembali["text"]) == ["196 (2,1 % dari yang dinonaktifkan)"]
    sumbu = fig["layout"]["xaxis"]
    assert sumbu["tickformat"] == ",d" and fig["layout"]["separators"] == ",."  # 8.000, not 8k
    assert sumbu["title"]["text"] == "Penerima dinonaktifkan (Jan – Feb 2026)"


def test_grafik_tren_ponsel() -> None:
    bulan = [dt.date(2025, 11, 1), dt.date(2025, 12, 1), dt.date(2026, 1, 1), dt.date(2026, 2, 1)]
    assert label_bulan_pendek(bulan, "id") == ["Nov<br>2025", "Des", "Jan<br>2026", "Feb"]
    tren = pd.DataFrame({"bulan": bulan, "kasus_baru": [5, 6, 7, 8], "rujukan_dikirim": [1, 2, 3, 4]})
    fig = gambar_tren(tren, dt.date(2026, 2, 1), "id", "ponsel").to_dict()["layout"]
    assert list(fig["xaxis"]["ticktext"]) == ["Nov<br>2025", "Des", "Jan<br>2026", "Feb"]
    assert fig["legend"]["yanchor"] == "top" and fig["legend"]["y"] < 0  # below the plot, not over the title


def test_gaya_dokumen_berbeda() -> None:
    gaya = gaya_dokumen(["P-RPJMD 2018-2023", "RPJMD 2018-2023", "Target TKPK 2026"], "Target TKPK 2026")
    assert gaya == {"P-RPJMD 2018-2023": GAYA_LAIN[0], "RPJMD 2018-2023": GAYA_LAIN[1],
                    "Target TKPK 2026": (WARNA_DIPILIH, "solid")}
    assert len(set(gaya.values())) == 3 and len({g[0] for g in GAYA_LAIN}) == len({g[1] for g in GAYA_LAIN}) == 5


# 4/ the projector
def test_presentasi_ringkasan_tanpa_widget(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, tampilan="presentasi")
    assert _widget(at) == {}
    assert [m.value for m in at.metric][:4] == ["20", "50,0 %", "4", "3 dari 306"]  # the desk's numbers
    assert [p.proto.label for p in at.get("page_link")] == ["Keluar dari mode presentasi"]
    # the same page in the desk layout has its filter boxes and the link into the mode
    biasa = buka_app(gudang_app)
    assert len(biasa.selectbox) == 4 and "Mode presentasi" in [p.proto.label for p in biasa.get("page_link")]


def test_presentasi_peta_petak_nama_desa(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, "peta", tampilan="presentasi", kec="35.17.16", metrik="tunggakan", kelas="tetap")
    assert _widget(at) == {}
    [figur] = _figur(at)
    [nama] = [d for d in figur["data"] if d.get("name") == "nama_desa"]
    # Kec. Kabuh: the 16 desa of the regency list, in code order (2001 Marmoyo, 2003 Mangunan, 2004 Kabuh, ...)
    assert len(nama["text"]) == 16
    assert {"Marmoyo", "Mangunan", "Kabuh", "Kedungjati"} <= set(nama["text"])
    assert [a["text"] for a in figur["layout"]["annotations"]] == ["Kabuh"]
    # fixed classes from the link: A, B and C have 1 overdue referral each; E and G are silent
    legenda = next(m.value for m in at.markdown if "background:" in m.value)
    assert '1 <span style="color:#6B7280">(3 desa)' in legenda
    assert 'Diam (3 bulan terakhir tanpa laporan) <span style="color:#6B7280">(2 desa)' in legenda


@pytest.fixture(scope="module")
def gudang_batas(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not JOMBANG.is_file():
        pytest.skip("folder ../shared/boundaries (batas desa nyata khusus tes) tidak ada")
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_tampilan_batas"))
    pantau(gudang, "batas", str(JOMBANG))
    return gudang


def test_presentasi_peta_nama_di_choropleth(buka_app: BukaApp, gudang_batas: Path) -> None:
    from shapely.geometry import Point, shape

    at = buka_app(gudang_batas, "peta", tampilan="presentasi")
    assert _widget(at) == {}
    [figur] = _figur(at)
    jejak = {d.get("name"): d for d in figur["data"]}
    desa, kec = jejak["nama_desa"], jejak["nama_kecamatan"]
    geo = json.loads(JOMBANG.read_text(encoding="utf-8"))
    kolom = next(k for k in geo["features"][0]["properties"] if "kode" in k.lower() and "desa" in k.lower())
    nama_geo = {str(f["properties"][kolom]): f for f in geo["features"]}
    assert len(desa["text"]) == 306 and len(kec["text"]) == 21
    assert "<b>KABUH</b>" in kec["text"] and "<b>JOMBANG</b>" in kec["text"]
    # Kabuh's name is written at a point inside Kabuh's own polygon of the boundary file
    i = desa["text"].index("Kabuh")
    poligon = shape(nama_geo["35.17.16.2004"]["geometry"])
    assert poligon.contains(Point(desa["lon"][i], desa["lat"][i]))
    assert figur["layout"]["height"] >= 880  # the screen's height, not 500 px


# 5/ the phone
def test_ponsel_filter_di_balik_satu_expander(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, tampilan="ponsel")
    [expander] = at.expander
    assert expander.label == "Filter · Kabupaten Jombang · Jun – Sep 2026"
    assert {s.key for s in expander.selectbox} == {"f_kec", "f_desa", "f_dari", "f_sampai"}
    # the lists as wrapped cards, the reason right under the name: no grid wider than the phone
    assert not at.dataframe
    kartu = [m.value for m in at.markdown if m.value.startswith("**1. ")]
    assert kartu and all("  \n" in k for k in kartu)


# 6/ program coverage on the map: fixed classes, no "diam"
def test_peta_cakupan_kelas_tetap_tanpa_diam(buka_app: BukaApp, gudang_program: Path) -> None:  # noqa: F811
    at = buka_app(gudang_program, "peta", state={"peta_metrik": "cakupan_pkh"})
    assert at.segmented_control(key="peta_metode").disabled
    html = next(m.value for m in at.markdown if "background:" in m.value)
    assert "Diam" not in html
    w = YLGNBU[5]
    for warna, teks in [(w[0], "&lt; 20 %"), (w[1], "20–39,9 %"), (w[3], "60–79,9 %"), (w[4], "≥ 80 %")]:
        assert f"background:{warna}" in html and (teks in html or teks.replace("&lt;", "<") in html)
    assert "60–79,9 % <span style=\"color:#6B7280\">(1 desa)" in html  # Jantiganggong, 60,0 %
    assert f"background:{WARNA_TANPA_DATA}" in html and "Tidak ada data (tanpa DTKS" in html
