"""The kecamatan meeting agenda (`screens.md`, Rapat kecamatan: "Unduh agenda rapat") as PDF and as XLSX.

The agenda is the page's tables in order: the desa side by side, the overdue referrals by destination and desa
(pseudonymous ids only, a sensitive category as "kasus sensitif": the caller passes lists through
`akses.privasi`), the silent and irregular Puskesos, and the desa whose reporting fell. Every page or sheet
carries the date, the freshness line and, for demo data, DATA SINTETIS. In the XLSX every text cell is
neutralised against formulas (`netralkan_rumus`), numbers stay numbers and dates stay dates.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from bahasa.format import netralkan_rumus
from dokumen.model import Kepala, Tabel, kosong
from dokumen.pdf import HalamanPdf, ke_bytes


@dataclass(frozen=True)
class IsiAgenda:
    """Everything the agenda shows."""

    kepala: Kepala
    tabel: Sequence[Tabel]
    judul_info: str = "Info"
    """Name of the XLSX's first sheet (title, freshness, definitions)."""
    definisi: Sequence[str] = ()
    """Definitions printed after the tables (and on the first sheet)."""
    judul_definisi: str = "Definisi"


def agenda_pdf(isi: IsiAgenda) -> bytes:
    """The agenda as an A4 PDF."""
    pdf = HalamanPdf(isi.kepala)
    pdf.add_page()
    pdf.blok_judul()
    for tabel in isi.tabel:
        pdf.tabel(tabel)
    if isi.definisi:
        pdf.subjudul(isi.judul_definisi)
        for baris in isi.definisi:
            pdf.catatan(baris)
    return ke_bytes(pdf)


def _nama_lembar(tabel: Tabel, dipakai: set[str]) -> str:
    nama = tabel.nama_lembar or tabel.judul
    nama = re.sub(r"[\[\]:*?/\\']", " ", nama).strip()[:31] or "Lembar"
    dasar, n = nama, 2
    while nama.lower() in dipakai:
        akhiran = f" ({n})"
        nama = dasar[: 31 - len(akhiran)] + akhiran
        n += 1
    dipakai.add(nama.lower())
    return nama


def _teks(nilai: object) -> str:
    """A text cell: a leading `=`, `+`, `-` or `@` gets an apostrophe, so no spreadsheet runs it as a formula."""
    return netralkan_rumus(str(nilai))


def agenda_xlsx(isi: IsiAgenda) -> bytes:
    """The agenda as an XLSX workbook: an info sheet, then one sheet per table (title, DATA SINTETIS when
    synthetic, a filterable header row, typed cells, the table's note)."""
    import xlsxwriter

    keluaran = io.BytesIO()
    buku = xlsxwriter.Workbook(keluaran, {"in_memory": True, "strings_to_formulas": False,
                                          "strings_to_urls": False, "strings_to_numbers": False})
    tebal = buku.add_format({"bold": True})
    judul = buku.add_format({"bold": True, "font_size": 14})
    sintetis = buku.add_format({"bold": True, "font_color": "#C2410C"})
    kepala_kolom = buku.add_format({"bold": True, "bg_color": "#F3F4F6", "border": 1, "text_wrap": True,
                                    "valign": "top"})
    format_jenis = {
        "angka": buku.add_format({"num_format": "#,##0"}),
        "persen": buku.add_format({"num_format": "0%"}),
        "tanggal": buku.add_format({"num_format": "dd/mm/yyyy"}),
        "bulan": buku.add_format({"num_format": "mm/yyyy"}),
        "teks": None,
    }
    abu = buku.add_format({"font_color": "#6B7280", "italic": True})
    k = isi.kepala
    dipakai: set[str] = set()

    info = buku.add_worksheet(_nama_lembar(Tabel(isi.judul_info, pd.DataFrame()), dipakai))
    baris = 0
    info.write_string(baris, 0, _teks(k.judul), judul)
    baris += 1
    for teks in (k.wilayah, k.periode, k.kesegaran, k.dibuat):
        info.write_string(baris, 0, _teks(teks))
        baris += 1
    if k.sintetis:
        info.write_string(baris, 0, _teks(f"{k.label_sintetis}: {k.catatan_sintetis}"), sintetis)
        baris += 1
    baris += 1
    info.write_string(baris, 0, _teks(isi.judul_definisi), tebal)
    baris += 1
    for teks in isi.definisi:
        info.write_string(baris, 0, _teks(teks))
        baris += 1
    info.set_column(0, 0, 120)

    for tabel in isi.tabel:
        lembar = buku.add_worksheet(_nama_lembar(tabel, dipakai))
        r = 0
        lembar.write_string(r, 0, _teks(tabel.judul), judul)
        r += 1
        if k.sintetis:
            lembar.write_string(r, 0, _teks(k.label_sintetis), sintetis)
            r += 1
        lembar.write_string(r, 0, _teks(k.kesegaran), abu)
        r += 2
        kolom = [str(c) for c in tabel.data.columns]
        if tabel.data.empty:
            lembar.write_string(r, 0, _teks(tabel.kosong))
            r += 1
        else:
            awal = r
            for j, nama in enumerate(kolom):
                lembar.write_string(r, j, _teks(nama), kepala_kolom)
            r += 1
            for isi_baris in tabel.data.itertuples(index=False, name=None):
                for j, (nama, nilai) in enumerate(zip(kolom, isi_baris, strict=True)):
                    jenis = tabel.jenis.get(nama, "teks")
                    gaya = format_jenis.get(jenis)
                    if kosong(nilai) or nilai == "":
                        lembar.write_blank(r, j, None)
                    elif jenis in ("angka", "persen") and not isinstance(nilai, str):
                        lembar.write_number(r, j, float(nilai), gaya)
                    elif jenis in ("tanggal", "bulan") and hasattr(nilai, "year"):
                        lembar.write_datetime(r, j, pd.Timestamp(nilai).to_pydatetime(), gaya)
                    else:
                        lembar.write_string(r, j, _teks(nilai))
                r += 1
            lembar.autofilter(awal, 0, r - 1, len(kolom) - 1)
            lembar.freeze_panes(awal + 1, 0)
            for j, nama in enumerate(kolom):
                panjang = max([len(nama), *(len(str(v)) for v in tabel.data.iloc[:, j])])
                lembar.set_column(j, j, min(max(10, panjang + 2), 60))
        if tabel.catatan:
            r += 1
            lembar.write_string(r, 0, _teks(tabel.catatan), abu)
    buku.close()
    return keluaran.getvalue()
