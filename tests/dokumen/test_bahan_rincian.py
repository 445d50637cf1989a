"""The briefing pack's later sections: the desa of a kecamatan compared, new cases by category, target group and
channel, the map on official boundaries, and the projection band of the PPTX drawn as a filled area.

Warehouses:
- `gudang_app` (`tests/fixtures/app/`, cut-off 30 Okt 2026, last due month Sep 2026, default period Jun - Sep 2026).
  Kec. Kabuh (35.17.16) has 16 desa; worked out by hand in `tests/dashboard/halaman/test_peta.py`: overdue
  referrals at the cut-off Kabuh 1, Marmoyo 1, Mangunan 1, every other desa 0; completed <= 90 days Kabuh 2/3,
  Marmoyo 0/1, Mangunan 0/1; completeness Kabuh 4/4, Marmoyo 4/4, Mangunan 3/4; Kedungjati and Karangpakis "diam"
  (0 of 3 expected months). New cases below kabupaten level are not written here by hand (which sensitive cases a
  desa count leaves out is being widened on main): they are compared with the Rapat kecamatan screen instead.
- the seed warehouse of `tests/dashboard/halaman/test_benih.py` (`tests/fixtures/app_benih/`, cut-off 6 Apr 2026,
  last due month Feb 2026, period Dec 2025 - Mar 2026: March not yet due). Kabupaten by hand: target groups miskin
  1, 3, 1, 0; rentan miskin 0, 1, 0, 1; perempuan korban kekerasan 0, 1, 0, 0; anak korban kekerasan 0, 0, 1, 0.
- `gudang_app` with the real Jombang boundaries of `../shared/boundaries/` imported by `pantau batas` (skipped when
  that folder is absent; the files are never copied into the project).

Slides are previewed as PNG in `tests/artefak/` (`pratinjau_pptx`) and the PDF pages with `pdftoppm`.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from shapely.geometry import Point, shape
from streamlit.testing.v1 import AppTest

from akses import Pengguna
from dashboard import data, laporan
from dashboard.db import versi_gudang
from dashboard.pilihan import Pilihan
from dashboard.sesi import sebagai
from dokumen.bahan_rapat import bahan_rapat_pdf, bahan_rapat_pptx, pemeriksaan_muat
from dokumen.grafik import _nilai_pita
from dokumen.model import Deret, Grafik, GrafikGanda, Tabel

from tests.dokumen import ARTEFAK, teks_pdf
from tests.dokumen.pratinjau_pptx import pratinjau
from tests.fixtures import AKAR, FIXTURES, BukaApp, pantau, salin_gudang

PERENCANA = Pengguna("uji_perencana", "perencana", "35.17")
KABUH = "35.17.16"
JOMBANG = AKAR.parent / "shared" / "boundaries" / "jombang_desa.geojson"
BENIH = FIXTURES / "app_benih"

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
                                reason="poppler-utils (pdftotext, pdftoppm) tidak terpasang")


def _pilihan(gudang: Path, kode: str | None = None) -> Pilihan:
    versi = versi_gudang(gudang)
    assert versi is not None
    return laporan.pilihan_untuk(versi, PERENCANA, kode)




def _layar(at: AppTest, kolom_pertama: str, juga: str | None = None) -> pd.DataFrame:
    """The screen's table whose first column is `kolom_pertama` (and that has a column `juga`)."""
    [df] = [d.value for d in at.dataframe if len(d.value.columns) and d.value.columns[0] == kolom_pertama
            and (juga is None or juga in d.value.columns)]
    return df


# 1/ a kecamatan's pack: its desa compared
def test_banding_desa_sama_dengan_rapat_kecamatan(gudang_app: Path, buka_app: BukaApp, tmp_path: Path) -> None:
    with sebagai(PERENCANA):
        p = _pilihan(gudang_app, KABUH)
        isi = laporan.isi_bahan(p)
        kab = laporan.banding_desa(_pilihan(gudang_app))
    assert kab is None  # a regency's pack compares kecamatan, not desa
    [tabel] = [b for b in isi.bagian if isinstance(b, Tabel) and b.judul.startswith("Perbandingan")]
    [batang] = [b for b in isi.bagian if isinstance(b, Grafik) and b.jenis == "batang"]
    assert tabel.judul == "Perbandingan 16 desa Kec. Kabuh, diurutkan menurut tunggakan rujukan"
    df = tabel.data
    assert list(df.columns) == ["No", "Desa", "Tunggakan", "Kasus baru", "Selesai ≤ 90 hari", "Puskesos",
                                "Kelengkapan"]
    # ranked by overdue referrals (hand count: three desa with 1, thirteen with 0), then by new cases
    assert list(df["Tunggakan"]) == [1, 1, 1] + [0] * 13
    assert set(df["Desa"][:3]) == {"Kabuh", "Marmoyo", "Mangunan"}
    assert list(df["Kasus baru"][:3]) == sorted(df["Kasus baru"][:3], reverse=True)
    per_desa = df.set_index("Desa")
    assert per_desa.loc["Kabuh", "Selesai ≤ 90 hari"] == pytest.approx(2 / 3)
    assert per_desa.loc["Mangunan", "Kelengkapan"] == pytest.approx(0.75)
    assert per_desa.loc["Kedungjati", "Puskesos"] == "Diam" and per_desa.loc["Kedungjati", "Kelengkapan"] == 0
    # every desa row equals the Rapat kecamatan screen (same data function, `data.rapat_desa`)
    at = buka_app(gudang_app, "rapat_kecamatan", kec=KABUH)
    layar = _layar(at, "Desa", "Kelengkapan").set_index("Desa")
    assert len(layar) == len(df) == 16
    for nama, r in per_desa.iterrows():
        s = layar.loc[nama]
        assert (r["Tunggakan"], r["Kasus baru"], r["Puskesos"]) == (s["Tunggakan"], s["Kasus baru"], s["Puskesos"])
        for kolom in ("Selesai ≤ 90 hari", "Kelengkapan"):  # the screen shows whole percentages
            assert (None if pd.isna(r[kolom]) else round(r[kolom] * 100)) == (None if pd.isna(s[kolom]) else s[kolom])
    # the bar chart: the same desa in the same order, the same overdue counts
    assert list(batang.kategori) == list(df["Desa"]) and list(batang.deret[0].nilai) == list(df["Tunggakan"])
    # PDF: one line a desa; PPTX: the table and a native bar chart
    baris = teks_pdf(bahan_rapat_pdf(isi), tmp_path, "bahan_kecamatan").splitlines()
    kabuh = per_desa.loc["Kabuh"]
    no = int(kabuh["No"])
    assert f"{no} Kabuh 1 {kabuh['Kasus baru']} 67 % Aktif 100 %" in baris
    assert "Perbandingan 21 kecamatan" not in " ".join(baris)
    pptx = bahan_rapat_pptx(isi)
    pres = Presentation(io.BytesIO(pptx))
    [grafik] = [s.chart for sl in pres.slides for s in sl.shapes if s.has_chart and s.chart.chart_type == 57]
    assert list(grafik.plots[0].categories) == list(df["Desa"])
    assert list(grafik.plots[0].series[0].values) == [float(x) for x in df["Tunggakan"]]
    sel = [[c.text for c in r.cells] for sl in pres.slides for s in sl.shapes if s.has_table for r in s.table.rows]
    assert [str(no), "Kabuh", "1", str(kabuh["Kasus baru"]), "67 %", "Aktif", "100 %"] in sel
    assert pemeriksaan_muat(isi) == []
    pratinjau(pptx, ARTEFAK, "bahan_kecamatan_pptx")


# 2/ new cases by category, target group and channel, as on Ringkasan
@pytest.fixture(scope="module")
def gudang_benih(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gudang = tmp_path_factory.mktemp("bahan_benih") / "gudang.duckdb"
    pantau(gudang, "ingest", str(BENIH / "laporan_kasus.csv"), str(FIXTURES / "app" / "puskesos.csv"),
           str(BENIH / "roll_pbi.csv"))
    return gudang


def _tabel_layar(at: AppTest, kolom_pertama: str) -> dict[str, list[int]]:
    """The Ringkasan trend table whose first column is `kolom_pertama`: {row: [month cells]} (the period's total
    column left out); rows with a protected cell (`<5`) are left out too."""
    df = _layar(at, kolom_pertama)
    hasil = {}
    for _, r in df.iterrows():
        sel = [str(x) for x in r.iloc[1:-1]]
        if all(x.replace(".", "").isdigit() for x in sel):
            hasil[str(r.iloc[0])] = [int(x.replace(".", "")) for x in sel]
    return hasil


@pytest.mark.parametrize("kode", [None, KABUH])
def test_tren_rincian_sama_dengan_ringkasan(gudang_benih: Path, buka_app: BukaApp, kode: str | None,
                                            tmp_path: Path) -> None:
    with sebagai(PERENCANA):
        p = replace(_pilihan(gudang_benih, kode), dari=dt.date(2025, 12, 1), sampai=dt.date(2026, 3, 1))
        gg = laporan.tren_rincian(p)
        isi = laporan.isi_bahan(p)
    assert gg is not None and gg in isi.bagian
    assert [g.judul for g in gg.grafik] == ["Kategori", "Kelompok sasaran", "Kanal"]
    assert gg.judul == "Kasus baru per kategori, kelompok sasaran dan kanal, Des 2025 – Mar 2026"
    for g in gg.grafik:  # March is not yet due (last due month Feb 2026): marked as on Ringkasan
        assert g.jenis == "kolom" and list(g.ditandai) == [3]
    assert "Bulan bertanda * belum jatuh tempo" in (gg.keterangan or "")
    url = {"kec": kode} if kode else {}
    at = buka_app(gudang_benih, "ringkasan", dari="2025-12", sampai="2026-03", **url)
    header = [str(k) for k in _layar(at, "Kategori").columns[1:-1]]
    assert header[3] == "Mar 2026 (belum lengkap)"
    for g, kolom in zip(gg.grafik, ("Kategori", "Kelompok sasaran", "Kanal"), strict=True):
        layar = _tabel_layar(at, kolom)
        total = layar.pop("Jumlah kasus tidak sensitif" if kolom == "Kategori" else "Jumlah")
        assert [k.rstrip("*") for k in g.kategori] == [h.removesuffix(" (belum lengkap)") for h in header]
        gabungan = [d for d in g.deret if d.nama.endswith("lainnya digabung")]
        for d in g.deret:
            if d not in gabungan:
                assert list(d.nilai) == layar.pop(d.nama), (kolom, d.nama)  # each part: its row on screen
        sisa = [sum(v[i] for v in layar.values()) for i in range(4)]
        if gabungan:  # the smallest rows merged: their sum
            assert list(gabungan[0].nilai) == sisa
        else:
            assert not any(sisa)
        jumlah = [sum(float(d.nilai[i] or 0) for d in g.deret) for i in range(4)]
        if kolom != "Kategori" or kode:
            assert jumlah == total  # the columns add up to the screen's total row
    if kode is None:  # kabupaten: exact, by hand
        sasaran = {d.nama: list(d.nilai) for d in gg.grafik[1].deret}
        assert sasaran == {"Miskin": [1, 3, 1, 0], "Rentan miskin": [0, 1, 0, 1],
                           "Perempuan korban kekerasan": [0, 1, 0, 0], "Anak korban kekerasan": [0, 0, 1, 0]}
    else:  # below kabupaten: no violence category drawn, no victim group named
        nama = [d.nama for g in gg.grafik for d in g.deret]
        assert not [n for n in nama if "kekerasan" in n.lower()]
    # PPTX: one slide, three native stacked column charts, the partial month starred
    pres = Presentation(io.BytesIO(bahan_rapat_pptx(isi)))
    [slide] = [s for s in pres.slides if s.shapes.title.text_frame.text.replace("\v", " ") == gg.judul]
    grafik = [s.chart for s in slide.shapes if s.has_chart]
    assert [c.chart_type for c in grafik] == [52, 52, 52]  # COLUMN_STACKED
    for c, g in zip(grafik, gg.grafik, strict=True):
        assert list(c.plots[0].categories)[3] == "Mar 2026*"
        assert [list(s.values) for s in c.plots[0].series] == [[float(x or 0) for x in d.nilai] for d in g.deret]
    assert pemeriksaan_muat(isi) == []
    baris = teks_pdf(bahan_rapat_pdf(isi), tmp_path, f"bahan_rincian_{kode or 'kab'}").splitlines()
    satu = " ".join(baris)
    assert "Kasus baru per kategori, kelompok sasaran dan kanal, Des 2025" in satu  # the heading (it wraps)
    assert satu.count("Mar 2026*") == 4  # the partial month under the monthly trend and under each of the three


# 3/ the map on official boundaries
@pytest.fixture(scope="module")
def gudang_batas(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not JOMBANG.is_file():
        pytest.skip("folder ../shared/boundaries (batas desa nyata khusus tes) tidak ada; uji peta batas resmi "
                    "dilewati")
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("bahan_batas"))
    pantau(gudang, "batas", str(JOMBANG))
    return gudang


def test_peta_dari_batas_resmi(gudang_app: Path, gudang_batas: Path) -> None:
    fitur = json.loads(JOMBANG.read_text(encoding="utf-8"))["features"]
    kabuh = {f["properties"]["kode_desa"]: f for f in fitur if f["properties"]["kode_kecamatan"] == KABUH}
    with sebagai(PERENCANA):
        p, p_petak = _pilihan(gudang_batas, KABUH), _pilihan(gudang_app, KABUH)
        isi, isi_petak = laporan.isi_peta(p), laporan.isi_peta(p_petak)
        gambar, petak = laporan.gambar_peta(p), laporan.gambar_peta(p_petak)
        p_kab = _pilihan(gudang_batas)
        isi_kab = laporan.isi_peta(p_kab)
        gambar_kab = laporan.gambar_peta(p_kab)
    assert isi is not None and isi_petak is not None and isi_kab is not None
    assert gambar is not None and petak is not None and gambar_kab is not None
    assert isi.geografis and not isi_petak.geografis
    # the areas are the boundary file's 16 desa of Kec. Kabuh, in lon/lat, each name written inside its own desa
    assert {b.kode for b in isi.bidang} == set(kabuh)
    assert sorted(lb.teks for lb in isi.label) == sorted(f["properties"]["nama_desa"] for f in kabuh.values())
    per_nama = {f["properties"]["nama_desa"]: shape(f["geometry"]) for f in kabuh.values()}
    for lb in isi.label:
        assert per_nama[lb.teks].buffer(0.001).contains(Point(lb.x, lb.y)), lb.teks
    xs = [x for b in isi.bidang for c in b.cincin for x, _ in c]
    assert 112.0 < min(xs) < max(xs) < 112.4  # Kec. Kabuh's longitudes, not tile positions
    assert isi.garis and all(len(r) >= 2 for r in isi.garis if r)  # the kecamatan outline from the boundaries
    # the regency's map: every desa of the file, and its 21 kecamatan named as the file names them
    assert {b.kode for b in isi_kab.bidang} == {f["properties"]["kode_desa"] for f in fitur}
    assert {lb.teks for lb in isi_kab.label} == {f["properties"]["nama_kecamatan"] for f in fitur}
    assert all(lb.tebal for lb in isi_kab.label)
    # the images: not the tile map, the expected size, the caption says which
    assert gambar.png != petak.png
    with Image.open(io.BytesIO(gambar.png)) as img, Image.open(io.BytesIO(petak.png)) as img_petak:
        ukuran, ukuran_petak = img.size, img_petak.size
        warna = {c for _, c in img.convert("RGB").getcolors(maxcolors=1 << 20)}
    assert ukuran != ukuran_petak and ukuran[0] <= 2000 and ukuran[1] <= 1150
    assert ukuran[1] > 1000  # Kabuh's shape fills the height: (lat range x scale) + the margin
    hijau = next(w for teks, w in isi.legenda if teks.startswith("1 ("))  # the class of Kabuh, Marmoyo, Mangunan
    assert tuple(int(hijau[i:i + 2], 16) for i in (1, 3, 5)) in warna
    assert "Batas desa resmi yang diimpor." in (gambar.keterangan or "")
    assert "satu kotak per desa" in (petak.keterangan or "")
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    (ARTEFAK / "bahan_peta_batas_kabuh.png").write_bytes(gambar.png)
    (ARTEFAK / "bahan_peta_batas_jombang.png").write_bytes(gambar_kab.png)


# 4/ the projection band in the PPTX: a stacked area, lower bound transparent
def test_pita_proyeksi_area_bertumpuk(gudang_app: Path) -> None:
    with sebagai(PERENCANA):
        p = _pilihan(gudang_app)
        g = laporan.grafik_target(p)
        proyeksi = data.target_kemiskinan(p.versi, "35.17")["proyeksi"].set_index("tahun")
        isi = laporan.isi_bahan(p)
    assert g is not None and g.pita is not None
    pres = Presentation(io.BytesIO(bahan_rapat_pptx(isi)))
    [c] = [s.chart for sl in pres.slides for s in sl.shapes if s.has_chart and s.name == g.judul[:60]]
    plot_area = c._chartSpace.chart.plotArea
    kelompok = [el.tag.split("}")[1] for el in plot_area if el.tag.endswith("Chart")]
    assert kelompok == ["areaChart", "lineChart"]  # the area first: drawn under the lines
    area = plot_area.find(qn("c:areaChart"))
    garis = plot_area.find(qn("c:lineChart"))
    assert area.find(qn("c:grouping")).get("val") == "stacked"
    assert [a.get("val") for a in area.findall(qn("c:axId"))] == [a.get("val") for a in garis.findall(qn("c:axId"))]
    rendah, lebar = area.findall(qn("c:ser"))
    assert rendah.find(qn("c:spPr")).find(qn("a:noFill")) is not None  # transparent lower bound
    isi_lebar = lebar.find(qn("c:spPr")).find(qn("a:solidFill"))
    assert isi_lebar is not None and isi_lebar.find(qn("a:srgbClr")).find(qn("a:alpha")).get("val") == "35000"
    nama_garis = [s.find(qn("c:tx")).xpath(".//c:v")[0].text for s in garis.findall(qn("c:ser"))]
    assert "Batas bawah proyeksi (80 %)" not in nama_garis and "Batas atas proyeksi (80 %)" not in nama_garis
    [seri_area] = [pl for pl in c.plots if pl.__class__.__name__ == "AreaPlot"]
    s_rendah, s_lebar = seri_area.series
    assert s_lebar.name == "Pita prediksi 80 %"
    tahun = [int(k) for k in g.kategori]
    for i, a in enumerate(tahun):
        if 2025 <= a <= 2028:  # the band's years (last BPS year to the chart's end): bounds of the Target page
            assert s_rendah.values[i] == pytest.approx(proyeksi.loc[a, "bawah_80"])
            assert s_rendah.values[i] + s_lebar.values[i] == pytest.approx(proyeksi.loc[a, "atas_80"])
        else:
            assert s_lebar.values[i] == 0  # nothing filled outside the band
    entri = c._chartSpace.chart.find(qn("c:legend")).findall(qn("c:legendEntry"))
    assert [(e.find(qn("c:idx")).get("val"), e.find(qn("c:delete")).get("val")) for e in entri] == [
        (rendah.find(qn("c:idx")).get("val"), "1")]  # the transparent series has no legend entry


def test_nilai_pita_di_luar_pita() -> None:
    """Outside the band the width is 0 and the lower bound is the middle of the nearest end (the band opens from
    there): worked by hand for a band over the 2nd and 3rd of four categories."""
    g = Grafik("uji", "garis", ["a", "b", "c", "d"],
               [Deret("bawah", [None, 2.0, 3.0, None]), Deret("atas", [None, 4.0, 7.0, None])], pita=("bawah", "atas"))
    assert _nilai_pita(g) == ([3.0, 2.0, 3.0, 5.0], [0.0, 2.0, 4.0, 0.0])
    assert _nilai_pita(replace(g, pita=None)) is None


def test_teks_grafik_ganda_muat() -> None:
    """The three chart headings and a long note fit their boxes (`ukur`, DejaVu metrics)."""
    from dokumen.bahan_rapat import IsiBahanRapat

    from tests.dokumen.test_bahan_rapat import _kepala

    deret = [Deret(f"Kategori dengan nama yang cukup panjang {i}", [1, 2, 3, 4], "#0072B2") for i in range(6)]
    gg = GrafikGanda("Kasus baru per kategori, kelompok sasaran dan kanal, Des 2025 – Mar 2026",
                     [Grafik(j, "kolom", ["Des 2025", "Jan 2026", "Feb 2026", "Mar 2026*"], deret, ditandai=[3])
                      for j in ("Kategori", "Kelompok sasaran", "Kanal")],
                     " ".join(["Kasus baru per bulan, sama dengan tabel tren di Ringkasan."] * 5))
    isi = IsiBahanRapat(_kepala(), "Angka utama", [], [gg])
    assert pemeriksaan_muat(isi) == []
    pres = Presentation(io.BytesIO(bahan_rapat_pptx(isi)))
    assert len(pres.slides) == 2 and sum(1 for s in pres.slides[1].shapes if s.has_chart) == 3
