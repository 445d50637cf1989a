"""A rough preview of PPTX slides as PNG, for a person to look at (LibreOffice is not installed on the test
machines): every shape at its place and size, text at its run's size in DejaVu Sans with the line breaks it holds,
tables as grids, pictures pasted, and chart objects drawn from their own data (categories and series values read
back from the chart part), so what is checked is what PowerPoint would open."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont
from pptx import Presentation
from pptx.util import Emu

DPI = 96
HURUF = Path("/usr/share/fonts/truetype/dejavu")


def _px(emu: int | None) -> float:
    return Emu(emu or 0).inches * DPI


def _huruf(pt: float, tebal: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(HURUF / ("DejaVuSans-Bold.ttf" if tebal else "DejaVuSans.ttf")),
                              max(6, round(pt * DPI / 72)))


def _warna(run: Any) -> str:
    try:
        rgb = run.font.color.rgb
        return f"#{rgb}" if rgb is not None else "#111827"
    except AttributeError:
        return "#111827"


def _teks(kuas: ImageDraw.ImageDraw, bingkai: Any, x: float, y: float, lebar: float, kanan: bool = False) -> None:
    y += 0.05 * DPI
    for para in bingkai.paragraphs:
        runs = para.runs
        ukuran = next((r.font.size.pt for r in runs if r.font.size), 18.0)
        tebal = any(r.font.bold for r in runs)
        teks = para.text  # line breaks (<a:br/>) come back as "\v"
        huruf = _huruf(ukuran, tebal)
        for baris in teks.replace("\v", "\n").split("\n"):
            lebar_b = kuas.textlength(baris, font=huruf)
            x0 = x + lebar - 0.1 * DPI - lebar_b if kanan or (para.alignment == 3) else x + 0.1 * DPI
            kuas.text((x0, y), baris, font=huruf, fill=_warna(runs[0]) if runs else "#111827")
            y += ukuran * 1.2 * DPI / 72


def _warna_seri(s: Any) -> str | None:
    """A series' colour: its fill (bars, columns, areas; None for no fill), else its line, else its marker's."""
    from pptx.enum.dml import MSO_FILL

    isi = s.format.fill
    if isi.type == MSO_FILL.SOLID:
        return f"#{isi.fore_color.rgb}"
    if isi.type == MSO_FILL.BACKGROUND:
        return None
    try:
        return f"#{s.format.line.color.rgb}"
    except AttributeError:
        try:
            return f"#{s.marker.format.fill.fore_color.rgb}"
        except AttributeError:
            return "#111827"


def _grafik(kuas: ImageDraw.ImageDraw, grafik: Any, x: float, y: float, lebar: float, tinggi: float) -> None:
    """A chart from its own data: horizontal bars (57), stacked columns (52), or lines over a stacked area (76,
    the projection band: a series with no fill is not drawn, the others filled between their stacked bounds)."""
    from pptx.enum.chart import XL_CHART_TYPE

    kuas.rectangle((x, y, x + lebar, y + tinggi), outline="#D1D5DB")
    plots = list(grafik.plots)
    plot = plots[-1]
    kategori = list(plot.categories)
    seri = [s for p in plots for s in p.series]
    if grafik.chart_type == XL_CHART_TYPE.COLUMN_STACKED:
        nilai = [sum(s.values[i] or 0 for s in seri) for i in range(len(kategori))]
    else:
        nilai = [v for s in seri for v in s.values if v is not None]
    bawah = grafik.value_axis.minimum_scale if grafik.value_axis.minimum_scale is not None else min([*nilai, 0])
    atas = grafik.value_axis.maximum_scale if grafik.value_axis.maximum_scale is not None else max([*nilai, 1])
    huruf = _huruf(9, False)
    px, py, pl, pt = x + 40, y + 10, lebar - 50, tinggi - 70
    kuas.text((x + 4, y + 2), f"[grafik {'+'.join(str(p_.__class__.__name__) for p_ in plots)}]", font=huruf,
              fill="#9CA3AF")
    if grafik.chart_type in (XL_CHART_TYPE.BAR_CLUSTERED, XL_CHART_TYPE.BAR_STACKED):  # horizontal bars
        n = max(1, len(kategori))
        h = pt / n
        kiri = px + 80
        for i, (k, v) in enumerate(zip(kategori, seri[0].values, strict=False)):
            yy = py + i * h
            kuas.text((kiri - 4 - kuas.textlength(str(k), font=huruf), yy), str(k), font=huruf, fill="#374151")
            panjang = (pl - 90) * (v or 0) / max(atas, 1e-9)
            kuas.rectangle((kiri, yy + 2, kiri + panjang, yy + h - 2), fill=_warna_seri(seri[0]) or "#C2410C")
            kuas.text((kiri + panjang + 4, yy), f"{v:g}", font=huruf, fill="#111827")
        return
    n = max(1, len(kategori))

    def titik(i: int, v: float) -> tuple[float, float]:
        return px + (i + 0.5) * pl / n, py + pt - (v - bawah) / max(atas - bawah, 1e-9) * pt

    for j in range(6):
        v = bawah + (atas - bawah) * j / 5
        yy = titik(0, v)[1]
        kuas.line((px, yy, px + pl, yy), fill="#E5E7EB")
        kuas.text((x + 4, yy - 6), f"{v:g}", font=huruf, fill="#6B7280")
    for i, k in enumerate(kategori):
        teks = str(k)
        kuas.text((titik(i, bawah)[0] - kuas.textlength(teks, font=huruf) / 2, py + pt + 4), teks, font=huruf,
                  fill="#374151")
    if grafik.chart_type == XL_CHART_TYPE.COLUMN_STACKED:
        lebar_k = pl / n * 0.6
        for i in range(len(kategori)):
            dasar = 0.0
            for s in seri:
                w = float(s.values[i] or 0)
                if w:
                    (cx, y1), (_, y0) = titik(i, dasar + w), titik(i, dasar)
                    kuas.rectangle((cx - lebar_k / 2, y1, cx + lebar_k / 2, y0), fill=_warna_seri(s) or "#111827")
                dasar += w
    for p_ in plots:
        if p_.__class__.__name__ != "AreaPlot":
            continue
        dasar = [0.0] * len(kategori)
        for s in p_.series:
            puncak = [d + float(v or 0) for d, v in zip(dasar, s.values, strict=True)]
            warna = _warna_seri(s)
            if warna is not None:  # one quadrilateral per pair of categories where the band has a width
                for i in range(len(kategori) - 1):
                    if puncak[i] - dasar[i] > 0 or puncak[i + 1] - dasar[i + 1] > 0:
                        kuas.polygon([titik(i, puncak[i]), titik(i + 1, puncak[i + 1]), titik(i + 1, dasar[i + 1]),
                                      titik(i, dasar[i])], fill="#D6E6F2")
            dasar = puncak
    ly = py + pt + 22
    lx = x + 10
    for p_ in plots:
        garis_plot = p_.__class__.__name__ == "LinePlot"
        for s in p_.series:
            warna = _warna_seri(s)
            if warna is None:
                continue
            if garis_plot:
                pts = [(titik(i, v), v) for i, v in enumerate(s.values) if v is not None]
                garis = s.format.line.fill.type != 5  # 5 = background: markers only
                if garis and len(pts) > 1:
                    kuas.line([q for q, _ in pts], fill=warna, width=2)
                for (a, b), _ in pts:
                    kuas.ellipse((a - 3, b - 3, a + 3, b + 3), fill=warna)
            kuas.rectangle((lx, ly + 4, lx + 14, ly + 8 if garis_plot else ly + 14), fill=warna)
            kuas.text((lx + 18, ly), s.name, font=huruf, fill="#374151")
            lx += 26 + kuas.textlength(s.name, font=huruf)
            if lx > x + lebar - 150:
                lx, ly = x + 10, ly + 14


def pratinjau(pptx: bytes, folder: Path, awalan: str) -> list[Path]:
    """One PNG per slide in `folder` (`<awalan>_slide<n>.png`); returns their paths."""
    pres = Presentation(io.BytesIO(pptx))
    lebar, tinggi = round(_px(pres.slide_width)), round(_px(pres.slide_height))
    folder.mkdir(parents=True, exist_ok=True)
    hasil = []
    for n, slide in enumerate(pres.slides, start=1):
        kanvas = Image.new("RGB", (lebar, tinggi), "white")
        kuas = ImageDraw.Draw(kanvas)
        for s in slide.shapes:
            x, y, w, h = _px(s.left), _px(s.top), _px(s.width), _px(s.height)
            if s.shape_type == 13:  # picture
                gambar = Image.open(io.BytesIO(s.image.blob)).convert("RGB").resize((round(w), round(h)))
                kanvas.paste(gambar, (round(x), round(y)))
            elif s.has_chart:
                _grafik(kuas, s.chart, x, y, w, h)
            elif s.has_table:
                yy = y
                for i, baris in enumerate(s.table.rows):
                    xx = x
                    tb = _px(baris.height)
                    for j, kolom in enumerate(s.table.columns):
                        lk = _px(kolom.width)
                        kuas.rectangle((xx, yy, xx + lk, yy + tb), outline="#9CA3AF",
                                       fill="#F3F4F6" if i == 0 else None)
                        _teks(kuas, s.table.cell(i, j).text_frame, xx, yy, lk)
                        xx += lk
                    yy += tb
            else:
                if s.shape_type == 1 or (s.is_placeholder is False and not s.has_text_frame):
                    kuas.rectangle((x, y, x + w, y + h), outline="#D1D5DB")
                if s.is_placeholder:
                    kuas.rectangle((x, y, x + w, y + h), outline="#BFDBFE")  # placeholders outlined in light blue
                if s.has_text_frame:
                    kuas.rectangle((x, y, x + w, y + h), outline="#F3F4F6")
                    _teks(kuas, s.text_frame, x, y, w)
        berkas = folder / f"{awalan}_slide{n}.png"
        kanvas.save(berkas)
        hasil.append(berkas)
    return hasil
