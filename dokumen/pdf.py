"""The PDF page both documents share (fpdf2): A4, DejaVu Sans, a header with the DATA SINTETIS mark, a footer
with the freshness line and page numbers, a title block, key-number boxes, charts and tables.

fpdf2's built-in fonts are Latin-1 only (no `≤`, no en dash), so a TrueType font is registered: DejaVu Sans
from Debian's `fonts-dejavu-core`. Without it the builder raises `HurufTidakAda` with an Indonesian message
saying what to install; it never falls back to a font that would drop characters.
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from dokumen.model import Angka, DaftarDefinisi, Gambar, Grafik, GrafikGanda, Kepala, Tabel, Teks, baris_teks

FOLDER_HURUF = Path("/usr/share/fonts/truetype/dejavu")
"""Where Debian's `fonts-dejavu-core` puts DejaVu Sans."""
HURUF = "DejaVu"

WARNA_PERHATIAN = (194, 65, 12)  # the app's "needs attention" orange (dashboard/komponen/gaya.py)
ABU_TUA = (55, 65, 81)
ABU = (107, 114, 128)
ABU_MUDA = (243, 244, 246)
GARIS = (209, 213, 219)


PER_BARIS = 3
"""Key-number boxes per row: six headline numbers make two rows of three; more would squeeze the big values."""
PT_PER_MM = 72 / 25.4


class HurufTidakAda(RuntimeError):
    """The TrueType font the PDF needs is not installed; the message says what to do, in Indonesian."""


def berkas_huruf(folder: Path = FOLDER_HURUF) -> tuple[Path, Path]:
    """DejaVu Sans regular and bold; raises `HurufTidakAda` when either is missing."""
    biasa, tebal = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
    if not (biasa.is_file() and tebal.is_file()):
        raise HurufTidakAda(
            f"Huruf DejaVu Sans tidak ditemukan di {folder}, sehingga PDF tidak dapat dibuat. Minta pengelola "
            "server memasang paket fonts-dejavu-core (apt-get install fonts-dejavu-core), lalu coba lagi."
        )
    return biasa, tebal


class HalamanPdf(FPDF):
    """An A4 portrait page with Pantau's header and footer."""

    def __init__(self, kepala: Kepala, folder_huruf: Path = FOLDER_HURUF) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        biasa, tebal = berkas_huruf(folder_huruf)
        self.add_font(HURUF, "", str(biasa))
        self.add_font(HURUF, "B", str(tebal))
        self.kepala = kepala
        self.set_margins(15, 18, 15)
        self.set_auto_page_break(auto=True, margin=18)
        self.set_title(f"{kepala.judul} · {kepala.wilayah}")
        self.set_creator("Pantau")
        self.set_lang("id-ID" if kepala.bahasa == "id" else "en")
        self.alias_nb_pages("{nb}")

    # fpdf2 calls these on every page
    def header(self) -> None:
        self.set_font(HURUF, "", 8)
        self.set_text_color(*ABU)
        self.set_xy(self.l_margin, 8)
        self.cell(0, 5, f"Pantau · {self.kepala.judul} · {self.kepala.wilayah}")
        if self.kepala.sintetis:
            self.set_font(HURUF, "B", 9)
            self.set_text_color(*WARNA_PERHATIAN)
            self.set_xy(self.l_margin, 8)
            self.cell(0, 5, self.kepala.label_sintetis, align="R")
        self.set_draw_color(*GARIS)
        self.line(self.l_margin, 14, self.w - self.r_margin, 14)
        self.set_xy(self.l_margin, 18)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-13)
        self.set_font(HURUF, "", 7.5)
        self.set_text_color(*ABU)
        self.cell(0, 4, self.kepala.kesegaran)
        self.set_x(self.l_margin)
        self.cell(0, 4, self.kepala.halaman.format(n=self.page_no(), total="{nb}"), align="R")

    @property
    def lebar_isi(self) -> float:
        return self.w - self.l_margin - self.r_margin

    def blok_judul(self) -> None:
        """Title, wilayah, period, freshness, date made, and a boxed DATA SINTETIS notice when synthetic."""
        k = self.kepala
        self.set_font(HURUF, "B", 18)
        self.multi_cell(0, 8, k.judul, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font(HURUF, "B", 13)
        self.multi_cell(0, 7, k.wilayah, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_font(HURUF, "", 10)
        self.set_text_color(*ABU_TUA)
        for baris in (k.periode, k.kesegaran, k.dibuat):
            self.multi_cell(0, 5.2, baris, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        if k.sintetis:
            self.ln(2)
            self.set_draw_color(*WARNA_PERHATIAN)
            self.set_text_color(*WARNA_PERHATIAN)
            self.set_font(HURUF, "B", 11)
            self.multi_cell(0, 6, f"{k.label_sintetis}: {k.catatan_sintetis}", border=1, padding=2, align="L",
                            new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
        self.ln(3)

    def subjudul(self, teks: str) -> None:
        """A section heading; starts a new page when less than 30 mm remain."""
        if self.get_y() > self.h - self.b_margin - 30:
            self.add_page()
        self.ln(2)
        self.set_font(HURUF, "B", 12.5)
        self.multi_cell(0, 6.5, teks, align="L", new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def catatan(self, teks: str) -> None:
        self.set_font(HURUF, "", 8)
        self.set_text_color(*ABU)
        self.multi_cell(0, 4, teks, align="L", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(1)

    def ubin_angka(self, angka: list[Angka]) -> None:
        """Key numbers side by side in boxes (at most `PER_BARIS` a row): title, big value (shrunk to fit its box on
        one line, `ukur.muatkan`), the partial-month mark, change, note."""
        from dokumen.ukur import muatkan

        if not angka:
            return
        if len(angka) > PER_BARIS:
            for awal in range(0, len(angka), PER_BARIS):
                self.ubin_angka(angka[awal:awal + PER_BARIS])
            return
        jarak = 3.0
        lebar = (self.lebar_isi - jarak * (PER_BARIS - 1)) / PER_BARIS
        dalam = lebar - 4
        nilai = [muatkan(a.nilai, dalam * PT_PER_MM, 12 * PT_PER_MM, maks=18, minimum=9, tebal=True, baris_maks=1)
                 for a in angka]

        def tinggi_isi(a: Angka) -> float:
            self.set_font(HURUF, "B", 8.5)
            t = float(self.multi_cell(dalam, 4, a.judul, dry_run=True, output="HEIGHT"))  # type: ignore[arg-type]
            t += 8
            self.set_font(HURUF, "", 7.5)
            for teks, h in ((a.tanda, 3.6), (a.selisih, 3.6), (a.keterangan, 3.4)):
                if teks:
                    t += float(self.multi_cell(dalam, h, teks, dry_run=True, output="HEIGHT"))  # type: ignore[arg-type]
            return t + 4

        tinggi = max(30.0, *(tinggi_isi(a) for a in angka))
        if self.get_y() + tinggi > self.h - self.b_margin:
            self.add_page()
        y0 = self.get_y()
        for i, (a, m) in enumerate(zip(angka, nilai, strict=True)):
            x = self.l_margin + i * (lebar + jarak)
            self.set_draw_color(*GARIS)
            self.rect(x, y0, lebar, tinggi)
            self.set_xy(x + 2, y0 + 2)
            self.set_font(HURUF, "B", 8.5)
            self.set_text_color(*ABU_TUA)
            self.multi_cell(dalam, 4, a.judul, align="L", new_x="LEFT", new_y="NEXT")
            self.set_font(HURUF, "B", m.ukuran)
            self.set_text_color(0, 0, 0)
            self.multi_cell(dalam, 8, m.teks, align="L", new_x="LEFT", new_y="NEXT")
            self.set_font(HURUF, "", 7.5)
            if a.tanda:
                self.set_font(HURUF, "B", 7.5)
                self.set_text_color(*WARNA_PERHATIAN)
                self.multi_cell(dalam, 3.6, a.tanda, align="L", new_x="LEFT", new_y="NEXT")
                self.set_font(HURUF, "", 7.5)
            if a.selisih:
                self.set_text_color(*ABU_TUA)
                self.multi_cell(dalam, 3.6, a.selisih, align="L", new_x="LEFT", new_y="NEXT")
            if a.keterangan:
                self.set_text_color(*ABU)
                self.multi_cell(dalam, 3.4, a.keterangan, align="L", new_x="LEFT", new_y="NEXT")
            self.set_text_color(0, 0, 0)
        self.set_xy(self.l_margin, y0 + tinggi + 3)

    def teks(self, bagian: Teks) -> None:
        """A heading and its sentences, one paragraph each."""
        self.subjudul(bagian.judul)
        self.set_font(HURUF, "", 9.5)
        for kalimat in bagian.kalimat:
            self.set_x(self.l_margin)
            self.cell(4, 5, "•")
            self.multi_cell(self.lebar_isi - 4, 5, kalimat, align="L", new_x="LMARGIN", new_y="NEXT")
            self.ln(0.8)
        if bagian.catatan:
            self.catatan(bagian.catatan)
        self.ln(1)

    def definisi(self, bagian: DaftarDefinisi) -> None:
        """Each term in bold, then what it means."""
        self.subjudul(bagian.judul)
        for d in bagian.isi:
            self.set_x(self.l_margin)
            self.set_font(HURUF, "B", 8.5)
            self.write(4.2, f"{d.istilah}: ")
            self.set_font(HURUF, "", 8.5)
            self.write(4.2, d.uraian)
            self.ln(5.4)
        self.ln(1)

    def grafik(self, g: Grafik) -> None:
        """A chart drawn as vector graphics from its data (`dokumen.grafik`)."""
        from dokumen.grafik import gambar_pdf

        tinggi = 10 + 6.2 * max(1, len(g.kategori)) if g.jenis == "batang" else 72.0
        if self.get_y() + tinggi + 20 > self.h - self.b_margin:
            self.add_page()
        self.subjudul(g.judul)
        gambar_pdf(self, g, self.l_margin, self.get_y(), self.lebar_isi, tinggi)
        self.set_xy(self.l_margin, self.get_y() + 1)
        if g.keterangan:
            self.catatan(g.keterangan)

    def grafik_ganda(self, gg: GrafikGanda) -> None:
        """Several charts on one page under one heading, each with a small heading of its own; the note under all."""
        from dokumen.grafik import gambar_pdf

        tinggi = 62.0
        if self.get_y() + 12 + len(gg.grafik) * (tinggi + 8) > self.h - self.b_margin:
            self.add_page()
        self.subjudul(gg.judul)
        for g in gg.grafik:
            self.set_font(HURUF, "B", 9.5)
            self.set_text_color(*ABU_TUA)
            self.multi_cell(0, 5, g.judul, align="L", new_x="LMARGIN", new_y="NEXT")
            self.set_text_color(0, 0, 0)
            gambar_pdf(self, g, self.l_margin, self.get_y(), self.lebar_isi, tinggi)
            self.set_xy(self.l_margin, self.get_y() + 2)
        if gg.keterangan:
            self.catatan(gg.keterangan)

    def gambar(self, g: Gambar) -> None:
        """A chart across the text width (its PNG's aspect ratio kept)."""
        from PIL import Image

        with Image.open(io.BytesIO(g.png)) as img:
            rasio = img.height / img.width
        lebar = self.lebar_isi
        tinggi = lebar * rasio
        if self.get_y() + tinggi + 8 > self.h - self.b_margin:
            self.add_page()
        self.subjudul(g.judul)
        self.image(io.BytesIO(g.png), x=self.l_margin, w=lebar, h=tinggi, alt_text=g.keterangan or g.judul)
        self.set_y(self.get_y() + 1)
        if g.keterangan:
            self.catatan(g.keterangan)

    def tabel(self, tabel: Tabel, *, dengan_judul: bool = True) -> None:
        """A table with a heading row repeated on every page; numbers right-aligned; `kelompok` runs as
        sub-headings; the `kosong` sentence instead when there are no rows."""
        if dengan_judul:
            self.subjudul(tabel.judul)
        if tabel.data.empty:
            self.set_font(HURUF, "", 9.5)
            self.multi_cell(0, 5, tabel.kosong, align="L", new_x="LMARGIN", new_y="NEXT")
            if tabel.catatan:
                self.catatan(tabel.catatan)
            self.ln(2)
            return
        if tabel.kelompok:
            kolom = [k for k in tabel.data.columns if k != tabel.kelompok]
            for nilai, bagian in tabel.data.groupby(tabel.kelompok, sort=False):
                self.set_font(HURUF, "B", 10)
                self.multi_cell(0, 5.5, str(nilai), align="L", new_x="LMARGIN", new_y="NEXT")
                lebar = None
                if tabel.lebar:
                    lebar = [w for k, w in zip(tabel.data.columns, tabel.lebar, strict=True) if k != tabel.kelompok]
                self._tabel_datar(Tabel(tabel.judul, bagian[kolom].reset_index(drop=True), tabel.jenis,
                                        lebar=lebar))
                self.ln(1.5)
        else:
            self._tabel_datar(tabel)
        if tabel.catatan:
            self.catatan(tabel.catatan)
        self.ln(2)

    def _tabel_datar(self, tabel: Tabel) -> None:
        kolom = [str(k) for k in tabel.data.columns]
        rata = tuple("RIGHT" if tabel.jenis.get(k) in ("angka", "persen", "kanan") else "LEFT" for k in kolom)
        self.set_font(HURUF, "", 8.5)
        self.set_draw_color(*GARIS)
        with self.table(
            col_widths=tuple(tabel.lebar) if tabel.lebar else None,
            text_align=rata,
            line_height=4.6,
            padding=(1.2, 1.5),
            headings_style=FontFace(emphasis="BOLD", fill_color=ABU_MUDA),
            repeat_headings=1,
            width=self.lebar_isi,
        ) as t:
            kepala = t.row()
            for k, r in zip(kolom, rata, strict=True):
                kepala.cell(k, align=r)
            for baris in baris_teks(tabel, self.kepala.bahasa):
                r_ = t.row()
                for sel in baris:
                    r_.cell(sel)


def ke_bytes(pdf: FPDF) -> bytes:
    """The finished PDF."""
    return bytes(pdf.output())
