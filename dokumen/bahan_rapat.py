"""The briefing pack (`screens.md`, Ringkasan: "Unduh bahan rapat") as PDF and as PPTX, with the same content:
the title block (wilayah, period, freshness line, date, DATA SINTETIS for demo data), the key numbers as their
tiles show them, the charts as PNG, and the tables ("Perlu perhatian").

PPTX is 16:9 (13.333 x 7.5 in): a title slide, a slide of key numbers, one slide per chart and one per table
(long tables continue on further slides); every slide repeats the freshness line and the DATA SINTETIS mark.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from dokumen.model import Angka, Gambar, Kepala, Tabel, baris_teks
from dokumen.pdf import HalamanPdf, ke_bytes

BARIS_PER_SLIDE = 10


@dataclass(frozen=True)
class IsiBahanRapat:
    """Everything the briefing pack shows."""

    kepala: Kepala
    judul_angka: str
    angka: Sequence[Angka]
    gambar: Sequence[Gambar] = ()
    tabel: Sequence[Tabel] = ()
    lanjutan: str = "(lanjutan)"
    """Appended to a table's title on its continuation slides."""


def bahan_rapat_pdf(isi: IsiBahanRapat) -> bytes:
    """The pack as an A4 PDF: title block, key numbers, charts, tables."""
    pdf = HalamanPdf(isi.kepala)
    pdf.add_page()
    pdf.blok_judul()
    pdf.subjudul(isi.judul_angka)
    pdf.ubin_angka(list(isi.angka))
    for g in isi.gambar:
        pdf.gambar(g)
    for tabel in isi.tabel:
        pdf.tabel(tabel)
    return ke_bytes(pdf)


def bahan_rapat_pptx(isi: IsiBahanRapat) -> bytes:
    """The pack as a 16:9 PPTX."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Emu, Inches, Pt

    oranye, abu, abu_tua = RGBColor(0xC2, 0x41, 0x0C), RGBColor(0x6B, 0x72, 0x80), RGBColor(0x37, 0x41, 0x51)
    k = isi.kepala
    pres = Presentation()
    pres.slide_width, pres.slide_height = Inches(13.333), Inches(7.5)
    kosong = pres.slide_layouts[6]
    lebar = pres.slide_width
    nomor = [0]

    def kotak_teks(slide, kiri, atas, lebar_, tinggi, teks: str, ukuran: float, *, tebal: bool = False,
                   warna: RGBColor | None = None, rata=None) -> None:
        bingkai = slide.shapes.add_textbox(kiri, atas, lebar_, tinggi).text_frame
        bingkai.word_wrap = True
        for i, baris in enumerate(teks.split("\n")):
            para = bingkai.paragraphs[0] if i == 0 else bingkai.add_paragraph()
            if rata is not None:
                para.alignment = rata
            run = para.add_run()
            run.text = baris
            run.font.size = Pt(ukuran)
            run.font.bold = tebal
            if warna is not None:
                run.font.color.rgb = warna

    def slide_baru(judul: str | None):
        nomor[0] += 1
        slide = pres.slides.add_slide(kosong)
        if judul:
            kotak_teks(slide, Inches(0.5), Inches(0.3), lebar - Inches(3.2), Inches(0.8), judul, 28, tebal=True)
        if k.sintetis:
            kotak_teks(slide, lebar - Inches(2.9), Inches(0.3), Inches(2.5), Inches(0.5), k.label_sintetis, 16,
                       tebal=True, warna=oranye, rata=PP_ALIGN.RIGHT)
        kotak_teks(slide, Inches(0.5), Inches(7.0), lebar - Inches(2.0), Inches(0.4), k.kesegaran, 11, warna=abu)
        kotak_teks(slide, lebar - Inches(1.4), Inches(7.0), Inches(1.0), Inches(0.4), str(nomor[0]), 11, warna=abu,
                   rata=PP_ALIGN.RIGHT)
        return slide

    # 1/ title
    slide = slide_baru(None)
    kotak_teks(slide, Inches(0.8), Inches(1.6), lebar - Inches(1.6), Inches(1.0), k.judul, 40, tebal=True)
    kotak_teks(slide, Inches(0.8), Inches(2.6), lebar - Inches(1.6), Inches(0.8), k.wilayah, 28)
    kotak_teks(slide, Inches(0.8), Inches(3.6), lebar - Inches(1.6), Inches(1.4),
               "\n".join((k.periode, k.kesegaran, k.dibuat)), 18, warna=abu_tua)
    if k.sintetis:
        kotak_teks(slide, Inches(0.8), Inches(5.3), lebar - Inches(1.6), Inches(1.0),
                   f"{k.label_sintetis}: {k.catatan_sintetis}", 16, tebal=True, warna=oranye)

    # 2/ key numbers, one box each, at most four a slide
    for awal in range(0, len(isi.angka), 4):
        bagian = list(isi.angka)[awal:awal + 4]
        slide = slide_baru(isi.judul_angka)
        jarak = Inches(0.25)
        n = len(bagian)
        lebar_kotak = Emu(int((lebar - Inches(1.0) - jarak * (n - 1)) / n))
        for i, a in enumerate(bagian):
            kiri = Emu(int(Inches(0.5) + i * (lebar_kotak + jarak)))
            bingkai = slide.shapes.add_shape(1, kiri, Inches(1.5), lebar_kotak, Inches(4.8))  # 1 = rectangle
            bingkai.fill.background()
            bingkai.line.color.rgb = RGBColor(0xD1, 0xD5, 0xDB)
            kotak_teks(slide, kiri + Inches(0.15), Inches(1.65), lebar_kotak - Inches(0.3), Inches(1.0), a.judul, 16,
                       tebal=True, warna=abu_tua)
            kotak_teks(slide, kiri + Inches(0.15), Inches(2.7), lebar_kotak - Inches(0.3), Inches(1.2), a.nilai, 36,
                       tebal=True)
            bawah = "\n".join(x for x in (a.selisih, a.keterangan) if x)
            if bawah:
                kotak_teks(slide, kiri + Inches(0.15), Inches(4.0), lebar_kotak - Inches(0.3), Inches(2.2), bawah,
                           13, warna=abu)

    # 3/ charts
    for g in isi.gambar:
        slide = slide_baru(g.judul)
        from PIL import Image

        with Image.open(io.BytesIO(g.png)) as img:
            rasio = img.height / img.width
        maks_l, maks_t = lebar - Inches(1.0), Inches(5.3)
        l_gambar = maks_l if maks_l * rasio <= maks_t else Emu(int(maks_t / rasio))
        slide.shapes.add_picture(io.BytesIO(g.png), Inches(0.5), Inches(1.3), width=l_gambar)
        if g.keterangan:
            kotak_teks(slide, Inches(0.5), Inches(6.5), lebar - Inches(1.0), Inches(0.45), g.keterangan, 12,
                       warna=abu)

    # 4/ tables, BARIS_PER_SLIDE rows a slide
    for tabel in isi.tabel:
        baris = baris_teks(tabel, k.bahasa)
        kolom = [str(c) for c in tabel.data.columns]
        if not baris:
            slide = slide_baru(tabel.judul)
            kotak_teks(slide, Inches(0.5), Inches(1.5), lebar - Inches(1.0), Inches(1.0), tabel.kosong, 20)
            continue
        for awal in range(0, len(baris), BARIS_PER_SLIDE):
            potong = baris[awal:awal + BARIS_PER_SLIDE]
            judul = tabel.judul if awal == 0 else f"{tabel.judul} {isi.lanjutan}"
            slide = slide_baru(judul)
            bentuk = slide.shapes.add_table(len(potong) + 1, len(kolom), Inches(0.5), Inches(1.3),
                                            lebar - Inches(1.0), Inches(0.45) * (len(potong) + 1))
            tabel_pptx = bentuk.table
            if tabel.lebar:
                total = sum(tabel.lebar)
                for j, w in enumerate(tabel.lebar):
                    tabel_pptx.columns[j].width = Emu(int((lebar - Inches(1.0)) * w / total))
            kanan = [tabel.jenis.get(c) in ("angka", "persen") for c in kolom]
            for j, nama in enumerate(kolom):
                _isi_sel(tabel_pptx.cell(0, j), nama, Pt(15), tebal=True, kanan=kanan[j])
            for i, isi_baris in enumerate(potong, start=1):
                for j, teks in enumerate(isi_baris):
                    _isi_sel(tabel_pptx.cell(i, j), teks, Pt(14), kanan=kanan[j])
            if tabel.catatan and awal + BARIS_PER_SLIDE >= len(baris):
                kotak_teks(slide, Inches(0.5), Inches(6.45), lebar - Inches(1.0), Inches(0.5), tabel.catatan, 11,
                           warna=abu)

    keluaran = io.BytesIO()
    pres.save(keluaran)
    return keluaran.getvalue()


def _isi_sel(sel, teks: str, ukuran, *, tebal: bool = False, kanan: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN

    sel.text = ""
    para = sel.text_frame.paragraphs[0]
    para.alignment = PP_ALIGN.RIGHT if kanan else PP_ALIGN.LEFT
    run = para.add_run()
    run.text = teks
    run.font.size = ukuran
    run.font.bold = tebal


__all__ = ["Angka", "Gambar", "IsiBahanRapat", "Tabel", "bahan_rapat_pdf", "bahan_rapat_pptx"]
