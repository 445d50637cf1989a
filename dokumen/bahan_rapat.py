"""The briefing pack (`screens.md`, Ringkasan: "Unduh bahan rapat") as PDF and as PPTX, with the same content: one
model (`IsiBahanRapat`) and two renderers.

Content, in order: the cover (wilayah, period, data date and freshness, due month, DATA SINTETIS for demo data),
the headline numbers as their tiles show them (a number that covers a month not yet due carries the mark
`belum lengkap`), then the sections (`model.Bagian`) in the caller's order: charts as data (`Grafik`: drawn as
vector graphics in the PDF, as editable chart objects in the PPTX), several charts on one page or slide
(`GrafikGanda`: stacked below each other in the PDF, side by side on one slide), the map (`Gambar`, a labelled PNG),
tables, sentences (`Teks`) and definitions (`DaftarDefinisi`).

PPTX: 16:9 (13.333 x 7.5 in). Every slide is made from a layout with a title placeholder ("Title Slide" for the
cover, "Title Only" for the rest), so the outline, the reading order and screen readers see its title. Every text
is set with a size measured to fit its box (`ukur.muatkan`): a value like `1.234 dari 83.762` shrinks to one line
instead of wrapping. Tables continue on further slides by measured height. Every slide repeats the freshness line
and the DATA SINTETIS mark.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from dokumen.model import Angka, Bagian, DaftarDefinisi, Gambar, Grafik, GrafikGanda, Kepala, Tabel, Teks, baris_teks
from dokumen.pdf import HalamanPdf, ke_bytes
from dokumen.ukur import Muat, bungkus, muatkan

EMU_PER_PT = 12700
SISIP_PT = 7.2
"""python-pptx's default left/right inset of a text frame (0.1 in), in points."""
SISIP_ATAS_PT = 3.6


@dataclass(frozen=True)
class IsiBahanRapat:
    """Everything the briefing pack shows."""

    kepala: Kepala
    judul_angka: str
    angka: Sequence[Angka]
    bagian: Sequence[Bagian] = ()
    sampul: Sequence[str] = field(default_factory=tuple)
    """Further lines on the cover under the period and freshness (the due month, a partial month)."""
    lanjutan: str = "(lanjutan)"
    """Appended to a section's title on its continuation slides."""


def bahan_rapat_pdf(isi: IsiBahanRapat) -> bytes:
    """The pack as an A4 PDF: title block, headline numbers, then every section in order."""
    pdf = HalamanPdf(isi.kepala)
    pdf.add_page()
    pdf.blok_judul()
    if isi.sampul:
        pdf.set_font("DejaVu", "", 9.5)
        pdf.set_text_color(55, 65, 81)
        for baris in isi.sampul:
            pdf.multi_cell(0, 5, baris, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0, 0, 0)
        pdf.ln(2)
    pdf.subjudul(isi.judul_angka)
    pdf.ubin_angka(list(isi.angka))
    for b in isi.bagian:
        if isinstance(b, Grafik):
            pdf.grafik(b)
        elif isinstance(b, GrafikGanda):
            pdf.grafik_ganda(b)
        elif isinstance(b, Gambar):
            pdf.gambar(b)
        elif isinstance(b, Tabel):
            pdf.tabel(b)
        elif isinstance(b, Teks):
            pdf.teks(b)
        elif isinstance(b, DaftarDefinisi):
            pdf.definisi(b)
    return ke_bytes(pdf)


# the PPTX
LEBAR_IN, TINGGI_IN = 13.333, 7.5
TATA_SAMPUL, TATA_JUDUL = 0, 5
"""Layouts of python-pptx's default template: "Title Slide" (title, subtitle) and "Title Only"."""


class _Slide:
    """The deck being built: slide size, header and footer, and text set to fit."""

    def __init__(self, isi: IsiBahanRapat) -> None:
        from pptx import Presentation
        from pptx.util import Inches

        self.isi = isi
        self.k = isi.kepala
        self.pres = Presentation()
        self.pres.slide_width, self.pres.slide_height = Inches(LEBAR_IN), Inches(TINGGI_IN)
        self.nomor = 0
        self.tidak_muat: list[str] = []
        """Texts that could not be fitted even at their smallest size (kept for the tests and the caller)."""

    def teks(self, bingkai: Any, teks: str, lebar_pt: float, tinggi_pt: float, *, maks: float, minimum: float,
             tebal: bool = False, warna: str | None = None, rata: str = "kiri", baris_maks: int | None = None,
             jarak: float = 1.2) -> Muat:
        """Set `teks` in a text frame at the largest size that fits `lebar_pt` x `tinggi_pt` (the frame's inner
        box), with the measured lines as explicit line breaks, no auto-fit and no extra wrapping."""
        from pptx.dml.color import RGBColor
        from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
        from pptx.util import Pt

        m = muatkan(teks, lebar_pt, tinggi_pt, maks=maks, minimum=minimum, tebal=tebal, baris_maks=baris_maks,
                    jarak=jarak)
        if not m.muat:
            self.tidak_muat.append(teks)
        bingkai.word_wrap = True
        bingkai.auto_size = MSO_AUTO_SIZE.NONE
        bingkai.text = ""
        para = bingkai.paragraphs[0]
        para.alignment = {"kiri": PP_ALIGN.LEFT, "kanan": PP_ALIGN.RIGHT, "tengah": PP_ALIGN.CENTER}[rata]
        para.line_spacing = jarak * 0.84  # PowerPoint's single spacing is about 1.2 x the size
        para.text = "\v".join(m.baris)  # measured lines, joined by line breaks (python-pptx writes <a:br/>)
        for run in para.runs:
            run.font.size = Pt(m.ukuran)
            run.font.bold = tebal
            if warna:
                run.font.color.rgb = RGBColor.from_string(warna[1:].upper())
        return m

    def kotak(self, slide: Any, kiri: float, atas: float, lebar: float, tinggi: float, teks: str, **gaya: Any) -> Muat:
        """A text box at (inches) holding `teks` fitted (see `teks`)."""
        from pptx.util import Inches

        bentuk = slide.shapes.add_textbox(Inches(kiri), Inches(atas), Inches(lebar), Inches(tinggi))
        return self.teks(bentuk.text_frame, teks, lebar * 72 - 2 * SISIP_PT, tinggi * 72 - 2 * SISIP_ATAS_PT, **gaya)

    def slide(self, judul: str, *, sampul: bool = False) -> Any:
        """A new slide from a layout with a title placeholder, its title fitted, header mark and footer."""
        from pptx.util import Inches

        self.nomor += 1
        slide = self.pres.slides.add_slide(self.pres.slide_layouts[TATA_SAMPUL if sampul else TATA_JUDUL])
        judul_ph = slide.shapes.title
        kiri, atas, lebar, tinggi = (0.8, 1.3, LEBAR_IN - 1.6, 1.4) if sampul else (0.5, 0.25, LEBAR_IN - 3.4, 0.9)
        judul_ph.left, judul_ph.top, judul_ph.width, judul_ph.height = (Inches(kiri), Inches(atas), Inches(lebar),
                                                                        Inches(tinggi))
        self.teks(judul_ph.text_frame, judul, lebar * 72 - 2 * SISIP_PT, tinggi * 72 - 2 * SISIP_ATAS_PT,
                  maks=40 if sampul else 28, minimum=16, tebal=True, baris_maks=2)
        if self.k.sintetis:
            self.kotak(slide, LEBAR_IN - 2.9, 0.3, 2.5, 0.5, self.k.label_sintetis, maks=16, minimum=9, tebal=True,
                       warna="#C2410C", rata="kanan", baris_maks=1)
        self.kotak(slide, 0.5, 7.0, LEBAR_IN - 2.0, 0.4, self.k.kesegaran, maks=11, minimum=7, warna="#6B7280",
                   baris_maks=1)
        self.kotak(slide, LEBAR_IN - 1.4, 7.0, 1.0, 0.4, str(self.nomor), maks=11, minimum=8, warna="#6B7280",
                   rata="kanan", baris_maks=1)
        return slide


def bahan_rapat_pptx(isi: IsiBahanRapat) -> bytes:
    """The pack as a 16:9 PPTX."""
    dek = _buat_dek(isi)
    keluaran = io.BytesIO()
    dek.pres.save(keluaran)
    return keluaran.getvalue()


def _buat_dek(isi: IsiBahanRapat) -> _Slide:
    dek = _Slide(isi)
    k = isi.kepala
    # 1/ cover: title and wilayah in the placeholders, then period, freshness, due month, date made
    slide = dek.slide(k.judul, sampul=True)
    sub = slide.placeholders[1]
    from pptx.util import Inches

    sub.left, sub.top, sub.width, sub.height = Inches(0.8), Inches(2.8), Inches(LEBAR_IN - 1.6), Inches(0.8)
    dek.teks(sub.text_frame, k.wilayah, (LEBAR_IN - 1.6) * 72 - 2 * SISIP_PT, 0.8 * 72 - 2 * SISIP_ATAS_PT, maks=28,
             minimum=14, baris_maks=1)
    dek.kotak(slide, 0.8, 3.7, LEBAR_IN - 1.6, 2.2, "\n".join((k.periode, k.kesegaran, *isi.sampul, k.dibuat)),
              maks=18, minimum=10, warna="#374151")
    if k.sintetis:
        dek.kotak(slide, 0.8, 5.95, LEBAR_IN - 1.6, 0.9, f"{k.label_sintetis}: {k.catatan_sintetis}", maks=16,
                  minimum=9, tebal=True, warna="#C2410C")
    # 2/ headline numbers: three a row, two rows a slide
    for awal in range(0, len(isi.angka), 6):
        slide = dek.slide(isi.judul_angka)
        _ubin_pptx(dek, slide, list(isi.angka)[awal:awal + 6])
    # 3/ the sections
    for b in isi.bagian:
        if isinstance(b, Grafik):
            _grafik_slide(dek, b)
        elif isinstance(b, GrafikGanda):
            _grafik_ganda_slide(dek, b)
        elif isinstance(b, Gambar):
            _gambar_slide(dek, b)
        elif isinstance(b, Tabel):
            _tabel_slide(dek, b)
        elif isinstance(b, Teks):
            _teks_slide(dek, b.judul, [f"• {x}" for x in b.kalimat], b.catatan)
        elif isinstance(b, DaftarDefinisi):
            _teks_slide(dek, b.judul, [f"{d.istilah}: {d.uraian}" for d in b.isi], None, maks=16, minimum=10)
    return dek


def _ubin_pptx(dek: _Slide, slide: Any, angka: list[Angka]) -> None:
    from pptx.dml.color import RGBColor
    from pptx.enum.shapes import MSO_SHAPE
    from pptx.util import Inches

    jarak, per_baris = 0.25, 3
    lebar = (LEBAR_IN - 1.0 - jarak * (per_baris - 1)) / per_baris
    tinggi = 2.6
    for i, a in enumerate(angka):
        kiri = 0.5 + (i % per_baris) * (lebar + jarak)
        atas = 1.35 + (i // per_baris) * (tinggi + 0.2)
        kotak = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Inches(kiri), Inches(atas), Inches(lebar), Inches(tinggi))
        kotak.fill.background()
        kotak.line.color.rgb = RGBColor(0xD1, 0xD5, 0xDB)
        kotak.name = a.judul[:60]
        dalam = lebar - 0.2
        dek.kotak(slide, kiri + 0.1, atas + 0.08, dalam, 0.6, a.judul, maks=15, minimum=10, tebal=True,
                  warna="#374151", baris_maks=2)
        dek.kotak(slide, kiri + 0.1, atas + 0.68, dalam, 0.72, a.nilai, maks=32, minimum=14, tebal=True,
                  baris_maks=1)
        bawah = [x for x in (a.tanda, a.selisih, a.keterangan) if x]
        if bawah:
            dek.kotak(slide, kiri + 0.1, atas + 1.4, dalam, tinggi - 1.45, "\n".join(bawah), maks=12, minimum=8,
                      warna="#6B7280")


def _grafik_slide(dek: _Slide, g: Grafik) -> None:
    from pptx.util import Inches

    from dokumen.grafik import grafik_pptx

    slide = dek.slide(g.judul)
    tinggi = 5.0 if g.keterangan else 5.55
    grafik_pptx(slide, g, Inches(0.5), Inches(1.25), Inches(LEBAR_IN - 1.0), Inches(tinggi))
    if g.keterangan:
        dek.kotak(slide, 0.5, 6.3, LEBAR_IN - 1.0, 0.65, g.keterangan, maks=12, minimum=8, warna="#6B7280")


def _grafik_ganda_slide(dek: _Slide, gg: GrafikGanda) -> None:
    """The charts side by side on one slide, each under its heading (fitted to the chart's width), the note under."""
    from pptx.util import Inches

    from dokumen.grafik import grafik_pptx

    slide = dek.slide(gg.judul)
    n = max(1, len(gg.grafik))
    jarak = 0.2
    lebar = (LEBAR_IN - 1.0 - jarak * (n - 1)) / n
    tinggi = 4.6 if gg.keterangan else 5.1
    for i, g in enumerate(gg.grafik):
        kiri = 0.5 + i * (lebar + jarak)
        dek.kotak(slide, kiri, 1.2, lebar, 0.5, g.judul, maks=14, minimum=10, tebal=True, warna="#374151",
                  baris_maks=1)
        grafik_pptx(slide, g, Inches(kiri), Inches(1.7), Inches(lebar), Inches(tinggi), huruf=10)
    if gg.keterangan:
        dek.kotak(slide, 0.5, 6.35, LEBAR_IN - 1.0, 0.6, gg.keterangan, maks=11, minimum=7, warna="#6B7280")


def _gambar_slide(dek: _Slide, g: Gambar) -> None:
    from PIL import Image
    from pptx.util import Emu, Inches

    slide = dek.slide(g.judul)
    with Image.open(io.BytesIO(g.png)) as img:
        rasio = img.height / img.width
    maks_l, maks_t = Inches(LEBAR_IN - 1.0), Inches(5.0 if g.keterangan else 5.55)
    l_gambar = maks_l if maks_l * rasio <= maks_t else Emu(int(maks_t / rasio))
    kiri = Emu(int((Inches(LEBAR_IN) - l_gambar) / 2))
    gambar = slide.shapes.add_picture(io.BytesIO(g.png), kiri, Inches(1.25), width=l_gambar)
    gambar._element.nvPicPr.cNvPr.set("descr", g.keterangan or g.judul)  # alt text for screen readers
    if g.keterangan:
        dek.kotak(slide, 0.5, 6.3, LEBAR_IN - 1.0, 0.65, g.keterangan, maks=12, minimum=8, warna="#6B7280")


UKURAN_SEL = 13.0
TINGGI_TABEL_IN = 5.0


def _tinggi_baris(sel: Sequence[str], lebar_pt: Sequence[float], ukuran: float, tebal: bool = False) -> float:
    """Height in points of a table row whose cells wrap at their column widths (0.05 in insets top and bottom)."""
    baris = max(len(bungkus(s, ukuran, w - 2 * SISIP_PT, tebal=tebal) or [s] * 3) for s, w in zip(sel, lebar_pt,
                                                                                                 strict=True))
    return baris * ukuran * 1.2 + 2 * SISIP_ATAS_PT


def _tabel_slide(dek: _Slide, tabel: Tabel) -> None:
    from pptx.util import Inches, Pt

    k = dek.k
    baris = baris_teks(tabel, k.bahasa)
    kolom = [str(c) for c in tabel.data.columns]
    if not baris:
        slide = dek.slide(tabel.judul)
        dek.kotak(slide, 0.5, 1.4, LEBAR_IN - 1.0, 1.0, tabel.kosong, maks=20, minimum=12)
        return
    lebar_total = (LEBAR_IN - 1.0) * 72
    bobot = list(tabel.lebar) if tabel.lebar else [1.0] * len(kolom)
    lebar_pt = [lebar_total * w / sum(bobot) for w in bobot]
    kanan = [tabel.jenis.get(c) in ("angka", "persen", "kanan") for c in kolom]
    # rows per slide by measured height, so a long reason never pushes the table off the slide
    potongan: list[list[list[str]]] = [[]]
    tinggi_kepala = _tinggi_baris(kolom, lebar_pt, UKURAN_SEL, tebal=True)
    terpakai = tinggi_kepala
    for r in baris:
        h = _tinggi_baris(r, lebar_pt, UKURAN_SEL)
        if potongan[-1] and terpakai + h > TINGGI_TABEL_IN * 72:
            potongan.append([])
            terpakai = tinggi_kepala
        potongan[-1].append(r)
        terpakai += h
    for n, potong in enumerate(potongan):
        slide = dek.slide(tabel.judul if n == 0 else f"{tabel.judul} {dek.isi.lanjutan}")
        tinggi = [tinggi_kepala] + [_tinggi_baris(r, lebar_pt, UKURAN_SEL) for r in potong]
        bentuk = slide.shapes.add_table(len(potong) + 1, len(kolom), Inches(0.5), Inches(1.25),
                                        Inches(LEBAR_IN - 1.0), Pt(sum(tinggi)))
        t = bentuk.table
        for j, w in enumerate(lebar_pt):
            t.columns[j].width = Pt(w)
        for i, h in enumerate(tinggi):
            t.rows[i].height = Pt(h)
        for j, nama in enumerate(kolom):
            _isi_sel(t.cell(0, j), nama, UKURAN_SEL, tebal=True, kanan=kanan[j])
        for i, isi_baris in enumerate(potong, start=1):
            for j, teks in enumerate(isi_baris):
                _isi_sel(t.cell(i, j), teks, UKURAN_SEL, kanan=kanan[j])
        if tabel.catatan and n == len(potongan) - 1:
            dek.kotak(slide, 0.5, 6.35, LEBAR_IN - 1.0, 0.6, tabel.catatan, maks=11, minimum=8, warna="#6B7280")


def _isi_sel(sel: Any, teks: str, ukuran: float, *, tebal: bool = False, kanan: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

    sel.text = ""
    para = sel.text_frame.paragraphs[0]
    para.alignment = PP_ALIGN.RIGHT if kanan else PP_ALIGN.LEFT
    run = para.add_run()
    run.text = teks
    run.font.size = Pt(ukuran)
    run.font.bold = tebal


def _teks_slide(dek: _Slide, judul: str, paragraf: list[str], catatan: str | None, *, maks: float = 20,
                minimum: float = 12) -> None:
    """Paragraphs on as many slides as they need at no less than `minimum` points, each slide's text fitted."""
    lebar_pt, tinggi_pt = (LEBAR_IN - 1.0) * 72 - 2 * SISIP_PT, 5.2 * 72 - 2 * SISIP_ATAS_PT
    kelompok: list[list[str]] = [[]]
    for p in paragraf:
        coba = [*kelompok[-1], p]
        if kelompok[-1] and not muatkan("\n".join(coba), lebar_pt, tinggi_pt, maks=minimum, minimum=minimum).muat:
            kelompok.append([p])
        else:
            kelompok[-1] = coba
    for n, isi in enumerate(kelompok):
        slide = dek.slide(judul if n == 0 else f"{judul} {dek.isi.lanjutan}")
        dek.kotak(slide, 0.5, 1.3, LEBAR_IN - 1.0, 5.2, "\n".join(isi), maks=maks, minimum=minimum)
        if catatan and n == len(kelompok) - 1:
            dek.kotak(slide, 0.5, 6.4, LEBAR_IN - 1.0, 0.55, catatan, maks=11, minimum=8, warna="#6B7280")


def pemeriksaan_muat(isi: IsiBahanRapat) -> list[str]:
    """The texts of the PPTX that could not be fitted at their smallest size (empty: everything fits)."""
    return _buat_dek(isi).tidak_muat


__all__ = ["Angka", "Gambar", "Grafik", "GrafikGanda", "IsiBahanRapat", "Tabel", "Teks", "bahan_rapat_pdf",
           "bahan_rapat_pptx", "pemeriksaan_muat"]
