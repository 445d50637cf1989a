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
from dashboard.komponen.peta import METRIK_PER_KODE, WARNA_TANPA_DATA, YLGNBU, kelas_tetap, pilih_label
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


def _label(figur: dict, jejak: str) -> list[tuple[str, int]]:
    """The names of one text trace of a figure with their font sizes."""
    for d in figur["data"]:
        if d.get("name") == jejak:
            ukuran = d["textfont"]["size"]
            ukuran = _angka(ukuran) if isinstance(ukuran, (dict, list)) else [ukuran] * len(d["text"])
            return list(zip(d["text"], [int(u) for u in ukuran], strict=True))
    return []


def _angka(nilai: dict | list) -> list:
    """A plotly array from a figure's JSON: a list, or a typed array `{"dtype", "bdata"}` (plotly >= 6)."""
    import base64

    if isinstance(nilai, dict):
        return [float(x) for x in np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=nilai["dtype"])]
    return list(nilai)


def test_presentasi_peta_nama_di_choropleth(buka_app: BukaApp, gudang_batas: Path) -> None:
    from shapely.geometry import Point, shape

    at = buka_app(gudang_batas, "peta", tampilan="presentasi")
    assert _widget(at) == {}
    [figur] = _figur(at)
    jejak = {d.get("name"): d for d in figur["data"]}
    desa, kec = _label(figur, "nama_desa"), _label(figur, "nama_kecamatan")
    geo = json.loads(JOMBANG.read_text(encoding="utf-8"))
    kolom = next(k for k in geo["features"][0]["properties"] if "kode" in k.lower() and "desa" in k.lower())
    nama_geo = {str(f["properties"][kolom]): f for f in geo["features"]}
    # the whole regency: the 21 kecamatan in bold capitals at 16 px; of the 306 desa only the names that fit their
    # desa at 12-14 px (1300 x 900 px map; a Jombang desa is ~40 px across, a name of 8 letters ~58 px at 12 px):
    # 19 of them (8 at 14 px, 7 at 13, 4 at 12)
    assert len(kec) == 21 and {u for _, u in kec} == {16}
    assert ("<b>KABUH</b>", 16) in kec and ("<b>JOMBANG</b>", 16) in kec
    assert sorted(u for _, u in desa) == [12] * 4 + [13] * 7 + [14] * 8
    # each desa name is written at a point inside its own polygon of the boundary file
    kode_per_nama: dict[str, list[str]] = {}
    for k, f in nama_geo.items():
        kode_per_nama.setdefault(f["properties"]["nama_desa"], []).append(k)
    d = jejak["nama_desa"]
    for nama, lon, lat in zip(d["text"], _angka(d["lon"]), _angka(d["lat"]), strict=True):
        assert any(shape(nama_geo[k]["geometry"]).contains(Point(lon, lat)) for k in kode_per_nama[nama]), nama
    assert figur["layout"]["height"] >= 880  # the screen's height, not 500 px

    # one kecamatan (Kabuh, 16 desa with a polygon): every desa's name at 12 px or more (14 at 16 px, 2 at 13), no
    # kecamatan name
    at = buka_app(gudang_batas, "peta", tampilan="presentasi", kec="35.17.16")
    [figur] = _figur(at)
    desa = _label(figur, "nama_desa")
    assert sorted(u for _, u in desa) == [13] * 2 + [16] * 14
    assert {"Marmoyo", "Kabuh", "Mangunan"} <= {n for n, _ in desa}
    assert _label(figur, "nama_kecamatan") == []


def _kotak_desa(kode: str, nama: str, kec: str, nama_kec: str, x0: float, y0: float, x1: float, y1: float) -> tuple:
    fitur = {"type": "Feature", "id": kode, "properties": {},
             "geometry": {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}}
    return fitur, {"kode_desa": kode, "nama_desa": nama, "kode_kec": kec, "nama_kec": nama_kec, "warna": "#ffffcc"}


def test_pilih_label_muat_dan_tidak_bertumpuk() -> None:
    """Rectangles at the equator (mercator is linear there to 1e-6): the map spans 0.2 x 0.1 degrees, padded by 5 %
    on each side as plotly does (0.22 x 0.11), on 1000 x 500 px, so 1 degree = 4545 px and 0.01 degree = 45 px.
    Kec. Alfa is one desa, Luas (455 x 455 px); Kec. Beta is Lebar (north half, 455 x 227 px), Sempit (a 23-px
    strip) and Sisa (432 x 227 px). A name of n letters at s px is 0.6 s n px wide and 1.35 s high; a kecamatan name
    in bold capitals 0.74 s n wide."""
    bagian = [
        _kotak_desa("99.01.01.2001", "Luas", "99.01.01", "Alfa", 0.0, 0.0, 0.1, 0.1),
        _kotak_desa("99.01.02.2001", "Lebar", "99.01.02", "Beta", 0.1, 0.05, 0.2, 0.1),
        _kotak_desa("99.01.02.2002", "Sempit", "99.01.02", "Beta", 0.1, 0.0, 0.105, 0.05),
        _kotak_desa("99.01.02.2003", "Sisa", "99.01.02", "Beta", 0.105, 0.0, 0.2, 0.05),
    ]
    geo = {"type": "FeatureCollection", "features": [f for f, _ in bagian]}
    tampil = pd.DataFrame([r for _, r in bagian])

    kab = {lb.teks: (lb.ukuran, lb.tebal) for lb in pilih_label(tampil, geo, None, 1000, 500)}
    # ALFA and BETA at 16 px bold, in the middle of their kecamatan; Luas would sit on ALFA (the same middle) at any
    # size: left out; Lebar (5 x 0,6 x 14 = 42 px) and Sisa fit at 14 px, clear of BETA (which lies on their
    # border, 22 px high, while their names sit 114 px above and below it); Sempit needs 6 x 0,6 x 12 = 43 px in 23
    assert kab == {"ALFA": (16, True), "BETA": (16, True), "Lebar": (14, False), "Sisa": (14, False)}

    beta = tampil[tampil["kode_kec"] == "99.01.02"]
    kec = {lb.teks: (lb.ukuran, lb.tebal) for lb in pilih_label(beta, geo, "99.01.02", 1000, 500)}
    # Kec. Beta alone: 0.11 x 0.11 degrees padded on 1000 x 500 px, 4545 px a degree again (the height decides).
    # Lebar (455 x 227 px) and Sisa (432 x 227) take 16 px (48 px wide); Sempit (23 px) fits at no size but every
    # name is written: 12
    assert kec == {"Lebar": (16, False), "Sisa": (16, False), "Sempit": (12, False)}


# 4b/ the other pages a meeting projects: Rapat kecamatan, Rujukan, Target
def test_presentasi_rapat_kecamatan(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, "rapat_kecamatan", tampilan="presentasi", kec="35.17.16")
    assert _widget(at) == {}  # no sorting grid, no download, no pop-up
    assert [p.proto.label for p in at.get("page_link")] == ["Keluar dari mode presentasi"]
    assert not at.dataframe and len(at.table) >= 3
    meja = buka_app(gudang_app, "rapat_kecamatan", kec="35.17.16")
    assert "Mode presentasi" in [p.proto.label for p in meja.get("page_link")]
    # the same agenda as at the desk: overdue referrals by destination, row for row
    tujuan = next(x.value for x in at.table if "Lewat SLA" in x.value.columns and "ID kasus" not in x.value.columns)
    meja_tujuan = next(d.value for d in meja.dataframe if "Lewat SLA" in d.value.columns
                       and "ID kasus" not in d.value.columns)
    assert tujuan.reset_index().astype(str).values.tolist() == meja_tujuan.astype(str).values.tolist()
    # the desa table: the desk's 16 desa, without the sparkline columns
    desa = next(x.value for x in at.table if "Kelengkapan" in " ".join(map(str, x.value.columns)))
    assert len(desa) == 16 and not any("Tren" in str(k) for k in desa.columns)
    # no kecamatan chosen: a sentence saying how, and nothing to click
    tanpa = buka_app(gudang_app, "rapat_kecamatan", tampilan="presentasi")
    assert _widget(tanpa) == {} and any("keluar dari mode presentasi" in i.value for i in tanpa.info)


def test_presentasi_rujukan(buka_app: BukaApp, gudang_rujukan: Path) -> None:
    from tests.fixtures.app_rujukan import PANTAU_TOML

    periode = {"dari": "2024-11", "sampai": "2025-04"}  # the period of tests/dashboard/halaman/test_rujukan.py
    at = buka_app(gudang_rujukan, "rujukan", config=PANTAU_TOML, tampilan="presentasi", **periode)
    assert _widget(at) == {}  # no Definisi pop-up, no list filter, no download
    assert [p.proto.label for p in at.get("page_link")] == ["Keluar dari mode presentasi"]
    meja = buka_app(gudang_rujukan, "rujukan", config=PANTAU_TOML, **periode)
    assert "Mode presentasi" in [p.proto.label for p in meja.get("page_link")]
    # the table by destination: the desk's rows, under the desk's headers (never a column's code)
    tabel = next(x.value for x in at.table if "SLA (hari)" in x.value.columns).reset_index()
    grid = next(d for d in meja.dataframe if "persen_selesai_90" in d.value.columns)
    judul = {k: v["label"] for k, v in json.loads(grid.proto.columns).items() if k != "_index"}
    assert list(tabel.columns) == [judul[k] for k in grid.value.columns]
    assert tabel.values.tolist() == grid.value.values.tolist()
    # the list: the referrals past their SLA (2, as the desk's default choice), named
    daftar = next(x.value for x in at.table if "Status SLA" in x.value.columns)
    assert len(daftar) == 2 and set(daftar["Status SLA"]) == {"terlambat"}
    # the three charts, the same numbers, 440 px high with 18-px text, drawn still
    for g, g_meja in zip(_figur(at), [json.loads(x.proto.spec) for x in meja.get("plotly_chart")], strict=True):
        assert g["layout"]["height"] == 440 and g["layout"]["font"]["size"] == 18
        assert g["data"][0].get("x") == g_meja["data"][0].get("x")
        assert g["data"][0].get("y") == g_meja["data"][0].get("y")
    assert all(json.loads(x.proto.config)["staticPlot"] for x in at.get("plotly_chart"))


def test_presentasi_target(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, "target", tampilan="presentasi")
    assert _widget(at) == {}  # no document box, no Definisi pop-up
    meja = buka_app(gudang_app, "target")
    assert "Mode presentasi" in [p.proto.label for p in meja.get("page_link")]
    # the desk's default document (the newest) and its tiles, the same values
    assert [m.value for m in at.metric] == [m.value for m in meja.metric]
    assert at.query_params.get("dokumen") is None or at.query_params["dokumen"] == meja.selectbox(
        key="target_dokumen").value
    [figur] = _figur(at)
    assert figur["layout"]["height"] == 560 and figur["layout"]["font"]["size"] == 18
    assert len(at.table) == len(meja.dataframe) and not at.dataframe
    # a document named in the link is the one drawn
    lama = buka_app(gudang_app, "target", tampilan="presentasi", dokumen="RPJMD 2018-2023")
    assert any(m.label == "Target 2023" for m in lama.metric)


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
