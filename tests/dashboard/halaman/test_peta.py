"""Peta page with Streamlit's AppTest, on warehouses built by the real pipeline: the app fixture files of
`tests/fixtures/app/` plus a small population file written here, without boundaries (tile map) and with the
real Jombang boundaries imported by `pantau batas` (choropleth; skipped when `../shared/boundaries` is absent).

Hand-computed from `laporan_kasus.csv` and `puskesos.csv` (arithmetic of the rows in
`tests/dashboard/halaman/test_ringkasan.py`). Cut-off 30 Okt 2026; default period Jun - Sep 2026 (4 months);
mature for 90 days: Jun, Jul. Desa A Kabuh 35.17.16.2004, B Marmoyo .2001, C Mangunan .2003 (Kec. Kabuh),
D Jombang 35.17.09.2012; E .2005 (register aktif, SK Jun 2025) and G .2007 (tidak_aktif, SK 2022) never
report; F .2006 belum_dibentuk; the other 299 desa of Kab. Jombang have neither register nor report.

    kasus baru Jun..Sep      A 2+2+2+1 = 7   B 1+0+1+1 = 3   C 1+1+0+0 = 2   D 2+2+2+2 = 8
    selesai <= 90 (Jun+Jul)  A 2/3 = 66,7 %  B 0/1 = 0,0 %   C 0/1 = 0,0 %   D 2/3 = 66,7 %  (A's KDRT referral: not
                             counted, metrics.md 7)
    tunggakan (at cut-off)   A 1 (Aug bpjs 71 d > 45)  B 1 (Jun dukcapil)  C 1 (Jul dinsos)  D 1 (Aug bpjs 81 d)
    tanpa respon > 14 d      A 2 (Aug, Sep bpjs dikirim)  B 1 (Jun dukcapil)  C 0 (diproses)  D 0 (responded)
    kelengkapan (Jun..Sep)   A 4/4, B 4/4 (Jul nihil), C 3/4 = 75,0 % (Aug nihil, Sep silent), D 4/4
    E, G: expected in Jul..Sep (the last 3 months of the period), nothing received -> "diam" on every metric;
    F and the 299 others: never reported -> "tidak ada data".
    Puskesos status at the cut-off: A, B, D aktif; C tersendat; E, G diam; 300 belum dibentuk.
Population file (below): A 2025 4.000; D 2024 8.000, 2026 10.000, 2027 99.999. For Sep 2026 the latest
year <= 2026 is used: A 6 / 4.000 x 1.000 = 1,50; D 8 / 10.000 x 1.000 = 0,80; B, C unknown -> no data.
Kasus baru on the map leaves the violence categories out (a desa is below kabupaten level,
`privasi.SQL_KASUS_TAMPIL_DESA`): A has 7 cases of which KBH-2607-02 is KDRT -> 6.

Quantile classes (equal numbers by rank, ties together, at most 5; for counts 0 is its own class):
kasus baru 2 | 3 | 7 | 8 (4 values, 5 classes: one each). Fixed breaks: 0 | 1-4 (B, C) | 5-9 (A, D) | ...
"""

from __future__ import annotations

import json
import re
from functools import partial
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.komponen.peta import WARNA_DIAM, WARNA_TANPA_DATA, YLGNBU, desa_dari_klik

from tests.fixtures import AKAR, BukaApp, pantau, salin_gudang

JOMBANG = AKAR.parent / "shared" / "boundaries" / "jombang_desa.geojson"
PENDUDUK = """kode_desa,tahun,jumlah_penduduk
35.17.16.2004,2025,4000
35.17.09.2012,2024,8000
35.17.09.2012,2026,10000
35.17.09.2012,2027,99999
"""
A, B, C = "35.17.16.2004", "35.17.16.2001", "35.17.16.2003"
D, E, F, G = "35.17.09.2012", "35.17.16.2005", "35.17.16.2006", "35.17.16.2007"
DIAM, TANPA = "Diam (3 bulan terakhir tanpa laporan)", "Tidak ada data"


@pytest.fixture(scope="session")
def gudang_peta(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The app fixture warehouse plus the population file (no boundaries)."""
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_peta"))
    (gudang.parent / "penduduk.csv").write_text(PENDUDUK, encoding="utf-8")
    pantau(gudang, "ingest", str(gudang.parent / "penduduk.csv"))
    return gudang


@pytest.fixture(scope="session")
def gudang_peta_batas(gudang_peta: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same warehouse with the real Jombang boundaries imported by `pantau batas`."""
    if not JOMBANG.is_file():
        pytest.skip("folder ../shared/boundaries (batas desa nyata khusus tes) tidak ada")
    gudang = salin_gudang(gudang_peta, tmp_path_factory.mktemp("gudang_peta_batas"))
    pantau(gudang, "batas", str(JOMBANG))
    return gudang


@pytest.fixture
def buka(buka_app: BukaApp) -> BukaApp:
    """Open the app on a warehouse (`state`: session state, the rest URL parameters), on the Peta page."""
    return partial(buka_app, halaman="peta")


def _legenda(at: AppTest) -> list[tuple[str, str, str]]:
    """(colour, label, count) of every legend line."""
    [html] = [m.value for m in at.markdown if "peta-legenda" in m.value or "background:" in m.value]
    return re.findall(r'background:(#[0-9A-Fa-f]{6});.*?<span>(.*?) <span style="color:#6B7280">\((.*?)\)',
                      html)


def _figur(at: AppTest) -> dict:
    [grafik] = at.get("plotly_chart")
    return json.loads(grafik.proto.spec)


def _hover_petak(at: AppTest) -> dict[str, str]:
    """desa code -> hover text, from the tile map's (invisible) point trace."""
    [titik] = [d for d in _figur(at)["data"] if d.get("name") == "desa"]
    return dict(zip(titik["customdata"], titik["hovertext"], strict=True))


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown] + [i.value for i in at.info])


# 1/ without boundaries: the tile map
def test_petak_kasus_baru_kuantil(buka: BukaApp, gudang_peta: Path) -> None:
    at = buka(gudang_peta)
    assert at.selectbox(key="peta_metrik").value == "kasus_baru"
    w = YLGNBU[4]  # four classes
    assert _legenda(at) == [
        (w[0], "2", "1 desa"), (w[1], "3", "1 desa"), (w[2], "6", "1 desa"), (w[3], "8", "1 desa"),  # C, B, A, D
        (WARNA_DIAM, DIAM, "2 desa"),  # E, G
        (WARNA_TANPA_DATA, TANPA, "300 desa"),  # F and the 299 desa without register or report
    ]
    hover = _hover_petak(at)
    assert len(hover) == 306
    assert hover[A] == "<b>Kabuh</b> · Kec. Kabuh<br>Kasus baru: 6 (dalam 4 bulan)<br>Puskesos: Aktif (per 30 Okt 2026)"
    assert hover[E] == ("<b>Kedungjati</b> · Kec. Kabuh<br>Kasus baru: 0 (dalam 4 bulan)<br>"
                        "Diam: tidak ada laporan Jul – Sep 2026<br>"
                        "Puskesos: Diam (per 30 Okt 2026)")
    assert "Belum pernah melapor sampai Sep 2026<br>Puskesos: Belum dibentuk" in hover[F]
    teks = _teks(at)
    assert "Peta · Kabupaten Jombang" in teks and "Jun – Sep 2026" in teks
    assert "**pantau batas BERKAS**" in teks  # how to import boundaries
    assert "Kelas dihitung atas seluruh Kabupaten Jombang." in teks


def test_petak_batas_tetap(buka: BukaApp, gudang_peta: Path) -> None:
    at = buka(gudang_peta, state={"peta_metode": "tetap"})
    w = YLGNBU[6]  # the six fixed classes of kasus baru
    assert _legenda(at) == [
        (w[0], "0", "0 desa"), (w[1], "1–4", "2 desa"), (w[2], "5–9", "2 desa"),  # B 3, C 2 | A 7, D 8
        (w[3], "10–24", "0 desa"), (w[4], "25–49", "0 desa"), (w[5], "≥ 50", "0 desa"),
        (WARNA_DIAM, DIAM, "2 desa"), (WARNA_TANPA_DATA, TANPA, "300 desa"),
    ]


@pytest.mark.parametrize(("metrik", "legenda", "desa", "baris_hover"), [
    ("selesai_90", [("0,0 %", "2 desa"), ("66,7 %", "2 desa")],  # B, C | A, D
     A, "Rujukan selesai ≤ 90 hari: 66,7 % (2 dari 3, kohort Jun – Jul 2026)"),
    ("tunggakan", [("1", "4 desa")], D, "Tunggakan rujukan: 1 (per 30 Okt 2026)"),  # A, B, C, D one each
    ("tanpa_respon", [("0", "2 desa"), ("1", "1 desa"), ("2", "1 desa")],  # C, D | B | A
     A, "Rujukan tanpa respon > 14 hari: 2 (per 30 Okt 2026)"),
    ("kelengkapan", [("75,0 %", "1 desa"), ("100,0 %", "3 desa")],  # C | A, B, D
     C, "Kelengkapan laporan: 75,0 % (3 dari 4 bulan)"),
    ("kasus_per_1000", [("0,80", "1 desa"), ("1,50", "1 desa")],  # D | A; B and C have no population
     A, "Kasus per 1.000 penduduk: 1,50 (6 kasus; penduduk 4.000, tahun 2025)"),
])
def test_petak_metrik_lain(buka: BukaApp, gudang_peta: Path, metrik: str, legenda: list[tuple[str, str]], desa: str,
                           baris_hover: str) -> None:
    at = buka(gudang_peta, state={"peta_metrik": metrik})
    tanpa = 302 if metrik == "kasus_per_1000" else 300  # B and C have cases but no population
    assert [(lbl, n) for _, lbl, n in _legenda(at)] == [*legenda, (DIAM, "2 desa"), (TANPA, f"{tanpa} desa")]
    assert baris_hover in _hover_petak(at)[desa].split("<br>")


def test_periode_bawaan_berakhir_bulan_jatuh_tempo(buka: BukaApp, gudang_perak) -> None:
    k, _ = gudang_perak
    at = buka(Path(k.gudang), state={"peta_metrik": "tunggakan"})
    # the Perak warehouse, cut-off 9 May 2025: April's reports are due on 10 May, so the default period ends with
    # the last DUE month, March, cut at the first month with data (Mar 2025 alone)
    assert "Peta · Kabupaten Jombang &nbsp; :gray[Mar 2025]" in _teks(at)
    # tunggakan at 9 May: Jantiganggong's Dinsos (65 d) and Dukcapil (64 d) referrals past SLA 30; the other
    # reporting desa 0; Pagerwojo, expected Jan..Mar (the period's last 3 months) and silent: diam
    assert [(lbl, n) for _, lbl, n in _legenda(at)] == [("0", "4 desa"), ("2", "1 desa"), (DIAM, "1 desa"),
                                                        (TANPA, "300 desa")]
    hover = _hover_petak(at)
    assert "Tunggakan rujukan: 2 (per 9 Mei 2025)" in hover["35.17.01.2001"].split("<br>")
    assert "Diam: tidak ada laporan Jan – Mar 2025" in hover["35.17.01.2004"].split("<br>")


def test_per_1000_memakai_tahun_terakhir_sampai_bulan_itu(buka: BukaApp, gudang_peta: Path) -> None:
    at = buka(gudang_peta, state={"peta_metrik": "kasus_per_1000"})
    hover = _hover_petak(at)
    # D: the 2026 row (10.000), not 2024 (8.000) nor the future 2027 (99.999)
    assert "Kasus per 1.000 penduduk: 0,80 (8 kasus; penduduk 10.000, tahun 2026)" in hover[D]
    assert "Kasus per 1.000 penduduk: jumlah penduduk tidak diketahui (3 kasus)" in hover[B]
    with duckdb.connect(str(gudang_peta), read_only=True) as kon:
        baris = kon.execute("select kode_desa, tahun_penduduk, jumlah_penduduk from mart_penduduk_bulan "
                            "where bulan = '2026-09-01' and kode_desa in ($a, $b, $d) order by kode_desa",
                            {"a": A, "b": B, "d": D}).fetchall()
    assert baris == [(D, 2026, 10000), (B, None, None), (A, 2025, 4000)]


def test_petak_status_puskesos(buka: BukaApp, gudang_peta: Path) -> None:
    at = buka(gudang_peta, state={"peta_metrik": "status_puskesos"})
    assert _legenda(at) == [("#0072B2", "Aktif", "3 desa"), ("#E69F00", "Tersendat", "1 desa"),
                            (WARNA_DIAM, "Diam", "2 desa"), (WARNA_TANPA_DATA, "Belum dibentuk", "300 desa")]


def test_petak_zoom_kecamatan(buka: BukaApp, gudang_peta: Path) -> None:
    at = buka(gudang_peta, kec="35.17.16")
    hover = _hover_petak(at)
    assert len(hover) == 16 and all(k.startswith("35.17.16.") for k in hover)  # the 16 desa of Kec. Kabuh
    # classes stay those of the regency; counts are of the shown desa (D, value 8, is in Kec. Jombang)
    assert [(lbl, n) for _, lbl, n in _legenda(at)] == [
        ("2", "1 desa"), ("3", "1 desa"), ("6", "1 desa"), ("8", "0 desa"), (DIAM, "2 desa"), (TANPA, "11 desa")]
    assert "Peta · Kec. Kabuh" in _teks(at)


def test_petak_bahasa_inggris(buka: BukaApp, gudang_peta: Path) -> None:
    at = buka(gudang_peta, bahasa="en")
    assert [lbl for _, lbl, _ in _legenda(at)][-2:] == ["Silent (no report in the last 3 months)", "No data"]
    assert _hover_petak(at)[A] == ("<b>Kabuh</b> · Kabuh district<br>New cases: 6 (in 4 months)<br>"
                                   "Puskesos: Active (as of 30 Oct 2026)")


# 2/ with the real Jombang boundaries: the choropleth
def _choropleth(at: AppTest) -> tuple[dict, dict[str, str], dict[str, str]]:
    """The choropleth trace, desa -> fill colour (z through the stepped colour scale), desa -> hover text."""
    figur = _figur(at)
    assert figur["data"][0]["type"] == "scattergeo"  # outlines first: no topojson fetched (see gambar_choropleth)
    [c] = [d for d in figur["data"] if d["type"] == "choropleth"]
    skala = c["colorscale"]
    z = c["z"] if isinstance(c["z"], list) else None
    assert z is not None
    warna = {k: skala[2 * int(i)][1] for k, i in zip(c["locations"], z, strict=True)}
    return c, warna, dict(zip(c["locations"], c["hovertext"], strict=True))


def test_choropleth_dengan_batas(buka: BukaApp, gudang_peta_batas: Path) -> None:
    at = buka(gudang_peta_batas)
    c, warna, hover = _choropleth(at)
    assert len(c["locations"]) == 306 and len(c["geojson"]["features"]) == 306
    w = YLGNBU[4]
    assert (warna[C], warna[B], warna[A], warna[D]) == w  # 2, 3, 7, 8: the four quantile classes
    assert warna[E] == warna[G] == WARNA_DIAM and warna[F] == WARNA_TANPA_DATA
    assert hover[A] == "<b>Kabuh</b> · Kec. Kabuh<br>Kasus baru: 6 (dalam 4 bulan)<br>Puskesos: Aktif (per 30 Okt 2026)"
    figur = _figur(at)
    assert figur["layout"]["geo"]["fitbounds"] == "locations" and figur["layout"]["geo"]["visible"] is False
    assert "mapbox" not in figur["layout"] and "map" not in figur["layout"]  # no network tiles
    teks = _teks(at)
    assert "pantau batas BERKAS" not in teks
    assert re.search(r"Batas desa: jombang_desa\.geojson \(diimpor \d+ \w+ \d{4}\); 306 dari 306 desa punya "
                     r"poligon\.", teks)
    assert _legenda(at)[-1] == (WARNA_TANPA_DATA, TANPA, "300 desa")


def test_choropleth_zoom_kecamatan_dan_desa_terpilih(buka: BukaApp, gudang_peta_batas: Path) -> None:
    at = buka(gudang_peta_batas, desa=A)
    c, _, _ = _choropleth(at)
    # the desa's kecamatan is chosen with it: only Kabuh's 16 desa are drawn, the map fits them
    assert len(c["locations"]) == 16 and {f["id"] for f in c["geojson"]["features"]} == set(c["locations"])
    nama = [d.get("name") for d in _figur(at)["data"]]
    assert nama == ["kecamatan", "desa", "terpilih"]  # the chosen desa outlined on top


# 3/ a click opens the profile
def test_klik_dibaca_dari_pilihan() -> None:
    assert desa_dari_klik({"selection": {"points": [{"curve_number": 1, "point_index": 3, "location": A,
                                                     "customdata": A}]}}) == A
    assert desa_dari_klik({"selection": {"points": [{"point_index": 3, "customdata": [D]}]}}) == D
    assert desa_dari_klik({"selection": {"points": [], "box": [], "lasso": []}}) is None
    assert desa_dari_klik(None) is None


def test_klik_membuka_profil(buka: BukaApp, gudang_peta: Path) -> None:
    # what the click callback leaves in the session: the desa chosen in the filter, and the profile to open
    at = buka(gudang_peta, state={"f_kec": "35.17.16", "f_desa": C, "_peta_buka_profil": C})
    if (AKAR / "dashboard" / "halaman" / "profil_desa.py").is_file():
        assert at.query_params["desa"] == C and at.query_params["kec"] == "35.17.16"
        assert "Peta ·" not in _teks(at)  # the profile page ran instead
    else:
        assert at.session_state["f_desa"] == C and "Peta · Mangunan, Kec. Kabuh" in _teks(at)


def test_jumlah_poligon_dalam_lingkup_pengguna(buka: BukaApp, gudang_peta_batas: Path) -> None:
    # a kecamatan coordinator of Kabuh sees his 16 desa: the count is of them, not of the regency's 306
    at = buka(gudang_peta_batas, peran="kecamatan", wilayah="35.17.16")
    assert re.search(r"; 16 dari 16 desa punya poligon\.", _teks(at)), _teks(at)
    assert "306 dari" not in _teks(at)
