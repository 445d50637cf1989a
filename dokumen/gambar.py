"""Pictures for the documents: plotly figures to PNG with kaleido (which drives the machine's Chromium), and the
map of the briefing pack drawn with PIL (`peta_png`: areas, outlines, names with a halo, legend).

Starting Chromium costs about 2-4 s, so a batch of figures shares one kaleido server (`recipes.md`, Static chart
images): about 0.3 s per further figure. A lock keeps two sessions of the app from starting or stopping the
shared server under each other. Call it only when a document is asked for, never on a page run.
"""

from __future__ import annotations

import io
import math
import threading
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import plotly.graph_objects as go
from PIL import ImageFont

_KUNCI = threading.Lock()


class GambarGagal(RuntimeError):
    """A chart could not be rendered to PNG; the message is in Indonesian."""


def png(figur: Sequence[go.Figure], lebar: int = 900, tinggi: int = 360, skala: float = 2) -> list[bytes]:
    """Each figure as PNG bytes, `lebar` x `tinggi` CSS pixels at `skala` (2 = sharp on paper and projector)."""
    if not figur:
        return []
    import kaleido

    with _KUNCI, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # kaleido/plotly warn that options are ignored when a server runs
        server = len(figur) > 1
        try:
            if server:
                kaleido.start_sync_server(silence_warnings=True)
            try:
                return [f.to_image(format="png", width=lebar, height=tinggi, scale=skala) for f in figur]
            finally:
                if server:
                    kaleido.stop_sync_server(silence_warnings=True)
        except Exception as e:  # kaleido raises its own and choreographer's errors (no browser, timeout)
            raise GambarGagal(
                "Grafik tidak dapat diubah menjadi gambar untuk dokumen (kaleido/Chromium gagal: "
                f"{type(e).__name__}). Pastikan Chromium terpasang (apt-get install chromium), lalu coba lagi."
            ) from e


# the map as a labelled picture (PIL: no browser; the same font as the PDF)
@dataclass(frozen=True)
class BidangPeta:
    """One area of the map: its fill colour and its outer rings, in map units with y growing upward (lon/lat, or
    tile positions)."""

    kode: str
    warna: str
    cincin: Sequence[Sequence[tuple[float, float]]]


@dataclass(frozen=True)
class LabelPeta:
    """A name written on the map at (x, y) in map units."""

    teks: str
    x: float
    y: float
    tebal: bool = False


def peta_png(bidang: Sequence[BidangPeta], label: Sequence[LabelPeta], legenda: Sequence[tuple[str, str]], *,
             garis: Sequence[Sequence[tuple[float, float]]] = (), geografis: bool = True, lebar: int = 2000,
             tinggi: int = 1150, ukuran_label: int = 26) -> tuple[bytes, int]:
    """The map as PNG bytes, and how many labels were left out because they would cover another one.

    Areas are filled with their colour and outlined in white; `garis` (e.g. kecamatan outlines) are drawn on top in
    dark grey; every label is written with a white halo, larger first, and left out only when it would overlap a
    label already written. The legend (`(label, colour)`) sits on the right. `geografis`: lon/lat, so x is
    shortened by cos(latitude) to keep shapes true."""
    from PIL import Image, ImageChops, ImageDraw

    from dokumen.pdf import berkas_huruf

    biasa, berat = berkas_huruf()
    titik = [p for b in bidang for c in b.cincin for p in c] or [(0.0, 0.0), (1.0, 1.0)]
    xs, ys = [p[0] for p in titik], [p[1] for p in titik]
    faktor_x = math.cos(math.radians((min(ys) + max(ys)) / 2)) if geografis else 1.0
    lebar_legenda = 460
    tepi = 30
    area_l, area_t = lebar - lebar_legenda - 2 * tepi, tinggi - 2 * tepi
    rentang_x = max((max(xs) - min(xs)) * faktor_x, 1e-9)
    rentang_y = max(max(ys) - min(ys), 1e-9)
    sk = min(area_l / rentang_x, area_t / rentang_y)
    geser_x = tepi + (area_l - rentang_x * sk) / 2
    geser_y = tepi + (area_t - rentang_y * sk) / 2

    x_min, y_max = min(xs), max(ys)  # once: every vertex goes through `px`

    def px(p: tuple[float, float]) -> tuple[float, float]:
        return (geser_x + (p[0] - x_min) * faktor_x * sk, geser_y + (y_max - p[1]) * sk)

    gambar = Image.new("RGB", (lebar, tinggi), "white")
    kuas = ImageDraw.Draw(gambar)
    for b in bidang:
        for c in b.cincin:
            if len(c) >= 3:
                kuas.polygon([px(p) for p in c], fill=b.warna, outline="white", width=2)
    for c in garis:
        if len(c) >= 2:
            kuas.line([px(p) for p in c], fill="#374151", width=3, joint="curve")
    ditulis: list[tuple[float, float, float, float]] = []
    terlewat = 0
    for lb in sorted(label, key=lambda x: (not x.tebal, -len(x.teks))):
        for ukuran in (ukuran_label, int(ukuran_label * 0.8), int(ukuran_label * 0.65)):
            huruf = ImageFont.truetype(str(berat if lb.tebal else biasa), ukuran)
            x, y = px((lb.x, lb.y))
            kotak = kuas.textbbox((x, y), lb.teks, font=huruf, anchor="mm", stroke_width=3)
            if not any(kotak[0] < k[2] and k[0] < kotak[2] and kotak[1] < k[3] and k[1] < kotak[3] for k in ditulis):
                kuas.text((x, y), lb.teks, font=huruf, anchor="mm", fill="#111827", stroke_width=3,
                          stroke_fill="white")
                ditulis.append(kotak)
                break
        else:
            terlewat += 1
    huruf = ImageFont.truetype(str(biasa), 24)
    x0, y = lebar - lebar_legenda + 10, tepi + 10
    ruang = lebar - x0 - 48 - 10
    for teks, warna in legenda:  # each entry wrapped at spaces to the legend's width
        baris: list[str] = []
        for kata in teks.split(" "):
            if baris and kuas.textlength(f"{baris[-1]} {kata}", font=huruf) <= ruang:
                baris[-1] = f"{baris[-1]} {kata}"
            else:
                baris.append(kata)
        kuas.rectangle((x0, y, x0 + 32, y + 32), fill=warna, outline="#9CA3AF")
        for i, isi in enumerate(baris):
            kuas.text((x0 + 46, y + 16 + i * 30), isi, font=huruf, anchor="lm", fill="#111827")
        y += 30 * len(baris) + 18
    batas = ImageChops.difference(gambar, Image.new("RGB", gambar.size, "white")).getbbox()
    if batas:  # drop the empty margin a wide or tall layout leaves, keeping a small border
        gambar = gambar.crop((max(0, batas[0] - 20), max(0, batas[1] - 20), min(lebar, batas[2] + 20),
                              min(tinggi, batas[3] + 20)))
    keluaran = io.BytesIO()
    gambar.save(keluaran, format="PNG", optimize=True)
    return keluaran.getvalue(), terlewat
