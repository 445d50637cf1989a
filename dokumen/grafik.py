"""Charts from their data (`model.Grafik`), drawn natively by each document: vector lines and bars in the PDF
(`gambar_pdf`, fpdf2's drawing), an editable chart object in the PPTX (`grafik_pptx`, python-pptx's line and bar
charts, whose numbers a user can open and edit in PowerPoint). No browser, no picture.

Both draw the same series with the same colours and dashes, and both fill the band between the two series named in
`Grafik.pita`: the PDF shades the polygon between them; the PPTX adds a stacked area chart to the line chart's plot
area (same axes): the lower bound as a transparent area, the band's width stacked on it in a pale fill, the lower
bound's legend entry deleted (`_pita_pptx`). Both mark the categories of `Grafik.ditandai` (months whose reports are
not yet due) with an asterisk, and the PDF also shades their columns. `kolom`: stacked columns (one series a part,
the total written on top of each column).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bahasa import format as fmt
from dokumen.model import Grafik

if TYPE_CHECKING:
    from fpdf import FPDF

HURUF = "DejaVu"
_ABU = (107, 114, 128)
_ABU_TUA = (55, 65, 81)
_GARIS = (229, 231, 235)
_PUTUS = {"putus": (2.0, 1.2), "titik": (0.5, 0.9)}


def _rgb(warna: str) -> tuple[int, int, int]:
    return int(warna[1:3], 16), int(warna[3:5], 16), int(warna[5:7], 16)


def label_kategori(g: Grafik) -> list[str]:
    """Category labels, with `*` on the ones not yet complete."""
    return [f"{k}*" if i in set(g.ditandai) else str(k) for i, k in enumerate(g.kategori)]


def skala(g: Grafik) -> tuple[float, float, float]:
    """The value axis: lowest, highest and step, on round numbers (1, 2, 2.5 or 5 times a power of ten)."""
    nilai = [v for d in g.deret for v in d.nilai if v is not None]
    if g.jenis == "kolom":  # stacked: the highest column is the sum of its parts
        nilai = [sum(float(d.nilai[i] or 0) for d in g.deret) for i in range(len(g.kategori))] or nilai
    bawah, atas = (min(nilai), max(nilai)) if nilai else (0.0, 1.0)
    if g.mulai_nol:
        bawah = min(0.0, bawah)
    rentang = max(atas - bawah, 1e-9)
    kasar = rentang / 5
    pangkat = 10 ** math.floor(math.log10(kasar))
    langkah = next(k * pangkat for k in (1, 2, 2.5, 5, 10) if k * pangkat >= kasar)
    if g.desimal == 0:
        langkah = max(1.0, round(langkah))
    bawah = math.floor(bawah / langkah) * langkah
    atas = math.ceil(atas / langkah) * langkah
    if atas <= bawah:
        atas = bawah + langkah
    return bawah, atas, langkah


def _teks_angka(x: float, g: Grafik) -> str:
    return fmt.angka(x, g.bahasa, desimal=g.desimal)


def gambar_pdf(pdf: FPDF, g: Grafik, x0: float, y0: float, lebar: float, tinggi: float) -> None:
    """Draw `g` in the box (mm) and leave the cursor under it (after the legend)."""
    if g.jenis == "batang":
        _batang_pdf(pdf, g, x0, y0, lebar, tinggi)
    elif g.jenis == "kolom":
        _kolom_pdf(pdf, g, x0, y0, lebar, tinggi)
    else:
        _garis_pdf(pdf, g, x0, y0, lebar, tinggi)
    pdf.set_fill_color(255, 255, 255)  # fpdf2's tables fill their cells with the current colour
    pdf.set_draw_color(0, 0, 0)


def _latar_pdf(pdf: FPDF, g: Grafik, x0: float, petak: tuple[float, float, float, float], lebar_kat: float,
               tanda_y: list[float], y: Callable[[float], float]) -> None:
    """What a line chart and a column chart share behind their data, in the plot area `petak` (x, y, width,
    height in mm): a pale column behind each category not yet complete, the gridlines with their values, and the
    value axis' title."""
    px, py, pl, pt = petak
    for i in g.ditandai:
        pdf.set_fill_color(243, 244, 246)
        pdf.rect(px + i * lebar_kat, py, lebar_kat, pt, style="F")
    pdf.set_line_width(0.15)
    pdf.set_draw_color(*_GARIS)
    pdf.set_text_color(*_ABU)
    for v in tanda_y:
        pdf.line(px, y(v), px + pl, y(v))
        teks = _teks_angka(v, g)
        pdf.text(px - 1.5 - pdf.get_string_width(teks), y(v) + 1.2, teks)
    if g.sumbu_y:
        with pdf.rotation(90, x0 + 2.5, py + pt / 2):
            pdf.text(x0 + 2.5 - pdf.get_string_width(g.sumbu_y) / 2, py + pt / 2 + 1, g.sumbu_y)


def _garis_pdf(pdf: FPDF, g: Grafik, x0: float, y0: float, lebar: float, tinggi: float) -> None:
    bawah, atas, langkah = skala(g)
    pdf.set_font(HURUF, "", 7)
    tanda_y = [bawah + i * langkah for i in range(round((atas - bawah) / langkah) + 1)]
    kiri = max(pdf.get_string_width(_teks_angka(v, g)) for v in tanda_y) + 9
    px, py, pl, pt = x0 + kiri, y0 + 2, lebar - kiri - 2, tinggi - 12
    n = max(1, len(g.kategori))
    lebar_kat = pl / n

    def x(i: int) -> float:
        return px + (i + 0.5) * lebar_kat

    def y(v: float) -> float:
        return py + pt - (v - bawah) / (atas - bawah) * pt

    _latar_pdf(pdf, g, x0, (px, py, pl, pt), lebar_kat, tanda_y, y)
    label = label_kategori(g)
    setiap = 1
    while setiap < n and max(pdf.get_string_width(s) for s in label) + 1.5 > lebar_kat * setiap:
        setiap += 1
    for i, s in enumerate(label):
        if i % setiap == 0:
            pdf.text(x(i) - pdf.get_string_width(s) / 2, py + pt + 4, s)
    per_nama = {d.nama: d for d in g.deret}
    if g.pita and all(nama in per_nama for nama in g.pita):
        rendah, tinggi_ = per_nama[g.pita[0]].nilai, per_nama[g.pita[1]].nilai
        titik = [i for i in range(n) if rendah[i] is not None and tinggi_[i] is not None]
        if len(titik) >= 2:
            pdf.set_fill_color(*_campur(_rgb(per_nama[g.pita[1]].warna), 0.15))
            poligon = [(x(i), y(float(tinggi_[i]))) for i in titik]  # type: ignore[arg-type]
            poligon += [(x(i), y(float(rendah[i]))) for i in reversed(titik)]  # type: ignore[arg-type]
            pdf.polygon(poligon, style="F")
    for d in g.deret:
        pdf.set_draw_color(*_rgb(d.warna))
        pdf.set_fill_color(*_rgb(d.warna))
        pdf.set_line_width(d.tebal * 0.3528 * 0.6)
        if d.garis in _PUTUS:
            pdf.set_dash_pattern(*_PUTUS[d.garis])
        if d.garis != "tanpa":
            ruas: list[tuple[float, float]] = []
            for i, w in enumerate(d.nilai):
                if w is None:
                    if len(ruas) > 1:
                        pdf.polyline(ruas)
                    ruas = []
                    continue
                ruas.append((x(i), y(float(w))))
            if len(ruas) > 1:
                pdf.polyline(ruas)
        pdf.set_dash_pattern()
        if d.penanda or d.garis == "tanpa":
            for i, w in enumerate(d.nilai):
                if w is not None:
                    pdf.circle(x(i), y(float(w)), 0.9 if d.garis != "tanpa" else 1.1, style="F")
    pdf.set_line_width(0.2)
    _legenda_pdf(pdf, g, x0, y0 + tinggi - 5, lebar)


def _kolom_pdf(pdf: FPDF, g: Grafik, x0: float, y0: float, lebar: float, tinggi: float) -> None:
    """Stacked columns: the value axis with gridlines, a pale column behind the categories not yet complete, the
    parts stacked in series order from the bottom, the total above each column, then the legend (squares)."""
    bawah, atas, langkah = skala(g)
    pdf.set_font(HURUF, "", 7)
    tanda_y = [bawah + i * langkah for i in range(round((atas - bawah) / langkah) + 1)]
    kiri = max(pdf.get_string_width(_teks_angka(v, g)) for v in tanda_y) + (9 if g.sumbu_y else 4)
    baris_legenda = _baris_legenda(pdf, g, lebar)
    px, py, pl = x0 + kiri, y0 + 4, lebar - kiri - 2
    pt = tinggi - 10 - 4 * baris_legenda
    n = max(1, len(g.kategori))
    lebar_kat = pl / n

    def y(v: float) -> float:
        return py + pt - (v - bawah) / (atas - bawah) * pt

    _latar_pdf(pdf, g, x0, (px, py, pl, pt), lebar_kat, tanda_y, y)
    lebar_batang = lebar_kat * 0.6
    for i, s in enumerate(label_kategori(g)):
        xk = px + i * lebar_kat + (lebar_kat - lebar_batang) / 2
        dasar = 0.0
        for d in g.deret:
            w = float(d.nilai[i] or 0)
            if w > 0:
                pdf.set_fill_color(*_rgb(d.warna))
                pdf.rect(xk, y(dasar + w), lebar_batang, y(dasar) - y(dasar + w), style="F")
            dasar += w
        pdf.set_text_color(*_ABU_TUA)
        jumlah = _teks_angka(dasar, g)
        pdf.text(px + (i + 0.5) * lebar_kat - pdf.get_string_width(jumlah) / 2, y(dasar) - 1, jumlah)
        pdf.text(px + (i + 0.5) * lebar_kat - pdf.get_string_width(s) / 2, py + pt + 4, s)
    _legenda_pdf(pdf, g, x0, py + pt + 8, lebar, kotak=True)


def _baris_legenda(pdf: FPDF, g: Grafik, lebar: float) -> int:
    """How many lines the legend takes at `lebar` (mm)."""
    pdf.set_font(HURUF, "", 7)
    baris, x = 1, 0.0
    for d in g.deret:
        lebar_entri = 8 + pdf.get_string_width(d.nama) + 5
        if x and x + lebar_entri > lebar:
            baris, x = baris + 1, 0.0
        x += lebar_entri
    return baris


def _campur(rgb: tuple[int, int, int], kekuatan: float) -> tuple[int, int, int]:
    """`rgb` at `kekuatan` over white (the PDF has no transparency here)."""
    r, g_, b = rgb
    return (round(255 - (255 - r) * kekuatan), round(255 - (255 - g_) * kekuatan), round(255 - (255 - b) * kekuatan))


def _legenda_pdf(pdf: FPDF, g: Grafik, x0: float, y: float, lebar: float, *, kotak: bool = False) -> None:
    pdf.set_font(HURUF, "", 7)
    pdf.set_text_color(*_ABU_TUA)
    x = x0
    for d in g.deret:
        lebar_entri = 8 + pdf.get_string_width(d.nama) + 5
        if x > x0 and x + lebar_entri > x0 + lebar:
            x, y = x0, y + 4
        pdf.set_draw_color(*_rgb(d.warna))
        pdf.set_fill_color(*_rgb(d.warna))
        if kotak:  # a part of a stacked column: a filled square
            pdf.rect(x + 1, y - 1.6, 3.2, 3.2, style="F")
            pdf.text(x + 5.5, y + 1.1, d.nama)
            x += lebar_entri - 2
            continue
        pdf.set_line_width(d.tebal * 0.3528 * 0.6)
        if d.garis in _PUTUS:
            pdf.set_dash_pattern(*_PUTUS[d.garis])
        if d.garis != "tanpa":
            pdf.line(x, y, x + 6, y)
        pdf.set_dash_pattern()
        if d.penanda or d.garis == "tanpa":
            pdf.circle(x + 3, y, 0.9, style="F")
        pdf.text(x + 7.5, y + 1.1, d.nama)
        x += lebar_entri
    pdf.set_line_width(0.2)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(x0, y + 4)


def _batang_pdf(pdf: FPDF, g: Grafik, x0: float, y0: float, lebar: float, tinggi: float) -> None:
    d = g.deret[0]
    nilai = [0.0 if v is None else float(v) for v in d.nilai]
    puncak = max([*nilai, 1e-9])
    pdf.set_font(HURUF, "", 7.5)
    kiri = min(50.0, max([pdf.get_string_width(str(k)) for k in g.kategori] + [10]) + 3)
    pl = lebar - kiri - 14
    tinggi_baris = (tinggi - 8) / max(1, len(g.kategori))
    pdf.set_fill_color(*_rgb(d.warna))
    for i, (k, v) in enumerate(zip(label_kategori(g), nilai, strict=True)):
        y = y0 + i * tinggi_baris
        pdf.set_text_color(*_ABU_TUA)
        pdf.text(x0 + kiri - 2 - pdf.get_string_width(k), y + tinggi_baris / 2 + 1.2, k)
        panjang = pl * v / puncak
        if panjang > 0:
            pdf.rect(x0 + kiri, y + tinggi_baris * 0.18, panjang, tinggi_baris * 0.64, style="F")
        pdf.set_text_color(0, 0, 0)
        pdf.text(x0 + kiri + panjang + 1.2, y + tinggi_baris / 2 + 1.2, _teks_angka(v, g))
    pdf.set_draw_color(*_ABU)
    pdf.line(x0 + kiri, y0, x0 + kiri, y0 + tinggi_baris * len(g.kategori))
    pdf.set_font(HURUF, "", 7)
    pdf.set_text_color(*_ABU_TUA)
    pdf.text(x0 + kiri, y0 + tinggi - 3, d.nama)
    pdf.set_text_color(0, 0, 0)
    pdf.set_xy(x0, y0 + tinggi)


def _nilai_pita(g: Grafik) -> tuple[list[float], list[float]] | None:
    """The band of `g.pita` as a stacked area needs it: the lower bound and the width (upper - lower) per category.
    An area chart cannot leave a gap (a blank is drawn as 0: area chart groups do not support blank entries), so
    outside the band the width is 0 and the lower bound holds the middle of the nearest end of the band: nothing is
    filled there, and between the category next to the band and the band's first (or last) category the band
    opens from that middle to its full width, like a fan, instead of rising from the axis."""
    if not g.pita:
        return None
    per_nama = {d.nama: d for d in g.deret}
    if not all(nama in per_nama for nama in g.pita):
        return None
    rendah, tinggi = per_nama[g.pita[0]].nilai, per_nama[g.pita[1]].nilai
    ada = [i for i in range(len(g.kategori)) if rendah[i] is not None and tinggi[i] is not None]
    if not ada:
        return None
    bawah, lebar = [], []
    for i in range(len(g.kategori)):
        if i in ada:
            bawah.append(float(rendah[i]))  # type: ignore[arg-type]
            lebar.append(float(tinggi[i]) - float(rendah[i]))  # type: ignore[arg-type]
        else:
            j = min(ada, key=lambda k: abs(k - i))
            bawah.append((float(rendah[j]) + float(tinggi[j])) / 2)  # type: ignore[arg-type]
            lebar.append(0.0)
    return bawah, lebar


def grafik_pptx(slide: Any, g: Grafik, kiri: int, atas: int, lebar: int, tinggi: int, huruf: float = 12) -> Any:
    """Add `g` to `slide` as an editable chart (a graphic frame holding a chart part), its text at `huruf` points;
    returns the chart."""
    from pptx.chart.data import CategoryChartData
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
    from pptx.enum.dml import MSO_LINE_DASH_STYLE
    from pptx.util import Pt

    from dokumen.model import Deret

    data = CategoryChartData(number_format="#,##0" if g.desimal == 0 else "#,##0." + "0" * g.desimal)
    data.categories = label_kategori(g)
    deret = list(g.deret)
    pita = _nilai_pita(g) if g.jenis == "garis" else None
    if pita is not None and g.pita:
        # the two bounds become the band's lower bound and width (moved to a stacked area below)
        atas_d = next(d for d in deret if d.nama == g.pita[1])
        deret = [d for d in deret if d.nama not in g.pita]
        deret += [Deret(g.pita[0], pita[0], atas_d.warna, "tanpa"),
                  Deret(g.nama_pita or f"{g.pita[0]} – {g.pita[1]}", pita[1], atas_d.warna, "tanpa")]
    for d in deret:
        data.add_series(d.nama, list(d.nilai))
    jenis = {"garis": XL_CHART_TYPE.LINE_MARKERS, "batang": XL_CHART_TYPE.BAR_CLUSTERED,
             "kolom": XL_CHART_TYPE.COLUMN_STACKED}[g.jenis]
    bingkai = slide.shapes.add_chart(jenis, kiri, atas, lebar, tinggi, data)
    bingkai.name = g.judul[:60]
    grafik = bingkai.chart
    grafik.font.size = Pt(huruf)
    grafik.has_legend = g.jenis != "batang"
    if grafik.has_legend:
        grafik.legend.position = XL_LEGEND_POSITION.BOTTOM
        grafik.legend.include_in_layout = False
    nilai = grafik.value_axis
    bawah, atas_, langkah = skala(g)
    nilai.minimum_scale, nilai.maximum_scale, nilai.major_unit = bawah, atas_, langkah
    nilai.has_major_gridlines = True
    nilai.major_gridlines.format.line.color.rgb = RGBColor(0xE5, 0xE7, 0xEB)
    if g.sumbu_y:
        nilai.has_title = True
        nilai.axis_title.text_frame.text = g.sumbu_y
        nilai.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
    if g.jenis == "batang":
        grafik.category_axis.reverse_order = True  # first category on top, as the table ranks them
        plot = grafik.plots[0]
        plot.gap_width = 60
        plot.has_data_labels = True
        plot.data_labels.number_format = data.number_format
        plot.data_labels.number_format_is_linked = False
        plot.data_labels.font.size = Pt(11)
    if g.jenis == "kolom":
        grafik.plots[0].gap_width = 60
        grafik.plots[0].overlap = 100
    for seri, d in zip(grafik.plots[0].series, deret, strict=True):
        warna = RGBColor.from_string(d.warna[1:].upper())
        if g.jenis in ("batang", "kolom"):
            seri.format.fill.solid()
            seri.format.fill.fore_color.rgb = warna
            continue
        seri.smooth = False
        garis = seri.format.line
        if d.garis == "tanpa":
            garis.fill.background()
        else:
            garis.color.rgb = warna
            garis.width = Pt(d.tebal)
            if d.garis in ("putus", "titik"):
                garis.dash_style = MSO_LINE_DASH_STYLE.DASH if d.garis == "putus" else MSO_LINE_DASH_STYLE.ROUND_DOT
        if d.penanda or d.garis == "tanpa":
            seri.marker.style = XL_MARKER_STYLE.DIAMOND if d.garis == "tanpa" else XL_MARKER_STYLE.CIRCLE
            seri.marker.size = 9 if d.garis == "tanpa" else 6
            seri.marker.format.fill.solid()
            seri.marker.format.fill.fore_color.rgb = warna
            seri.marker.format.line.color.rgb = warna
        else:
            seri.marker.style = XL_MARKER_STYLE.NONE
    if pita is not None:
        _pita_pptx(grafik, deret[-1].warna)
    return grafik


def _pita_pptx(grafik: Any, warna: str) -> None:
    """Move the last two series of the line chart (lower bound, width) into a stacked area chart drawn first in the
    same plot area on the same axes: the lower bound transparent (no fill, no line, no legend entry), the width
    filled pale on top of it, so the band fills the space between the bounds; the lines are drawn over it."""
    from copy import deepcopy

    from lxml import etree
    from pptx.oxml.ns import qn

    area_plot = grafik._chartSpace.chart.plotArea
    garis = area_plot.find(qn("c:lineChart"))
    seri = garis.findall(qn("c:ser"))[-2:]
    area = etree.SubElement(area_plot, qn("c:areaChart"))
    garis.addprevious(area)  # drawn before (under) the lines
    etree.SubElement(area, qn("c:grouping")).set("val", "stacked")
    etree.SubElement(area, qn("c:varyColors")).set("val", "0")
    for s in seri:
        for anak in s.findall(qn("c:marker")) + s.findall(qn("c:smooth")):
            s.remove(anak)  # not part of an area series
        area.append(s)
    for ax in garis.findall(qn("c:axId")):
        area.append(deepcopy(ax))
    rendah, lebar = seri
    _isi_sppr(rendah, None)
    _isi_sppr(lebar, warna)
    legenda = grafik._chartSpace.chart.find(qn("c:legend"))
    if legenda is not None:  # the transparent lower bound has no legend entry
        entri = etree.Element(qn("c:legendEntry"))
        etree.SubElement(entri, qn("c:idx")).set("val", rendah.find(qn("c:idx")).get("val"))
        etree.SubElement(entri, qn("c:delete")).set("val", "1")
        legenda.find(qn("c:legendPos")).addnext(entri)


def _isi_sppr(seri: Any, warna: str | None) -> None:
    """A series' shape properties: no fill at all (`warna` None), or a solid fill of `warna` at 35 % opacity; never
    an outline."""
    from lxml import etree
    from pptx.oxml.ns import qn

    lama = seri.find(qn("c:spPr"))
    sppr = etree.Element(qn("c:spPr"))
    if warna is None:
        etree.SubElement(sppr, qn("a:noFill"))
    else:
        isi = etree.SubElement(sppr, qn("a:solidFill"))
        rgb = etree.SubElement(isi, qn("a:srgbClr"))
        rgb.set("val", warna[1:].upper())
        etree.SubElement(rgb, qn("a:alpha")).set("val", "35000")
    etree.SubElement(etree.SubElement(sppr, qn("a:ln")), qn("a:noFill"))
    if lama is not None:
        lama.addprevious(sppr)
        seri.remove(lama)
    else:
        seri.find(qn("c:tx")).addnext(sppr)
