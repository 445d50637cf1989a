"""Pieces of the Unggah data page: the load summary as a table (the same figures `pantau ingest` prints) and the
words under it (pure functions, testable without Streamlit), and the upload box's own words in the page's language.

Streamlit's file uploader has no language option: its button ("Upload") and its line under it ("50MB per file •
CSV, ...") are English. `teks_pengunggah` hides those two texts with CSS (font size 0, scoped to the page's uploader
by its key) and draws the page's own words in their place (`::after`); the input, the drop zone and the file list
are untouched, so uploading (and the browser tests, which set the input's files) works as before. Should a new
Streamlit rename the test ids, the rules stop matching and the English words simply come back."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pandas as pd
import streamlit as st

from bahasa import format as fmt
from dashboard.i18n import TEKS, Bahasa, t
from pipelines.ingest import RingkasanLembar

KOLOM_ANGKA = ("baris_dibaca", "baris_dimuat", "baris_dikarantina", "baris_dilewati")


def _catatan(r: RingkasanLembar, bahasa: Bahasa, sudah_dimuat: bool) -> str:
    if r.galat:
        return t("unggah_cat_galat", bahasa, galat=r.galat)
    if r.jenis is None:
        return t("unggah_cat_tanpa_judul", bahasa)
    if r.sudah_pernah_dimuat:
        return t("unggah_cat_sudah", bahasa)
    bagian = [t("unggah_cat_dimuat" if sudah_dimuat else "unggah_cat_siap", bahasa)]
    if r.kolom_diabaikan:
        bagian.append(t("unggah_cat_diabaikan", bahasa, kolom=", ".join(r.kolom_diabaikan)))
    return "; ".join(bagian)


def _jenis(jenis: str | None, bahasa: Bahasa) -> str:
    if jenis is None:
        return fmt.KOSONG
    kunci = f"unggah_jenis_{jenis}"
    return t(kunci, bahasa) if kunci in TEKS else jenis


def nama_peringatan(jenis: str, bahasa: Bahasa) -> str:
    """A warning type in words (`label_tidak_dikenal` -> "Label tidak dikenal"), as the Kualitas data page names it."""
    kunci = f"kualitas_peringatan_{jenis}"
    return t(kunci, bahasa) if kunci in TEKS else jenis.replace("_", " ").capitalize()


def teks_peringatan(peringatan: Mapping[str, int], bahasa: Bahasa) -> str:
    """`Label tidak dikenal: 1; NIK tidak sah: 1.234` (counts in the language's number style)."""
    return "; ".join(f"{nama_peringatan(k, bahasa)}: {fmt.angka(int(v), bahasa)}" for k, v in peringatan.items())


def tabel_ringkasan(ringkasan: Sequence[RingkasanLembar], bahasa: Bahasa, sudah_dimuat: bool = False) -> pd.DataFrame:
    """One row per file and sheet: kind recognised, rows read / to load / to quarantine / skipped (as text in the
    language's number style), warnings by name, personal columns that will be (or were) dropped, and a note
    (already loaded, unreadable, no header)."""
    return pd.DataFrame({
        t("unggah_kol_berkas", bahasa): [Path(r.berkas).name for r in ringkasan],
        t("unggah_kol_lembar", bahasa): [r.lembar or "" for r in ringkasan],
        t("unggah_kol_jenis", bahasa): [_jenis(r.jenis, bahasa) for r in ringkasan],
        t("unggah_kol_dibaca", bahasa): [fmt.angka(r.baris_dibaca, bahasa) for r in ringkasan],
        t("unggah_kol_dimuat" if sudah_dimuat else "unggah_kol_akan_dimuat", bahasa): [
            fmt.angka(0 if r.sudah_pernah_dimuat else r.baris_dimuat, bahasa) for r in ringkasan],
        t("unggah_kol_karantina", bahasa): [fmt.angka(0 if r.sudah_pernah_dimuat else r.baris_dikarantina, bahasa)
                                           for r in ringkasan],
        t("unggah_kol_dilewati", bahasa): [fmt.angka(r.baris_dilewati, bahasa) for r in ringkasan],
        t("unggah_kol_peringatan", bahasa): [teks_peringatan(r.peringatan, bahasa) for r in ringkasan],
        t("unggah_kol_pribadi", bahasa): [", ".join(r.kolom_pribadi_dibuang) for r in ringkasan],
        t("unggah_kol_catatan", bahasa): [_catatan(r, bahasa, sudah_dimuat) for r in ringkasan],
    })


def jumlah(ringkasan: Sequence[RingkasanLembar]) -> dict[str, int]:
    """Totals over the files, counting a file already loaded as neither loaded nor quarantined (it is not loaded
    again)."""
    baru = [r for r in ringkasan if not r.sudah_pernah_dimuat]
    return {
        "baris_dibaca": sum(r.baris_dibaca for r in ringkasan),
        "baris_dimuat": sum(r.baris_dimuat for r in baru),
        "baris_dikarantina": sum(r.baris_dikarantina for r in baru),
        "baris_dilewati": sum(r.baris_dilewati for r in ringkasan),
        "gagal": sum(1 for r in ringkasan if r.galat),
    }


def teks_jumlah(ringkasan: Sequence[RingkasanLembar], bahasa: Bahasa, sudah_dimuat: bool = False) -> str:
    """`Jumlah: 1.234 baris dibaca, 1.230 akan dimuat, 4 dikarantina, 0 dilewati.`"""
    j = jumlah(ringkasan)
    return t("unggah_jumlah_dimuat" if sudah_dimuat else "unggah_jumlah", bahasa,
             dibaca=fmt.angka(j["baris_dibaca"], bahasa), dimuat=fmt.angka(j["baris_dimuat"], bahasa),
             karantina=fmt.angka(j["baris_dikarantina"], bahasa), dilewati=fmt.angka(j["baris_dilewati"], bahasa))


def css_pengunggah(kunci: str, tombol: str, petunjuk: str) -> str:
    """The CSS that replaces the uploader's English button text and instructions (uploader keyed `kunci*`)."""
    akar = f'[class*="st-key-{kunci}"] [data-testid="stFileUploaderDropzone"]'
    teks_tombol, teks_petunjuk = json.dumps(tombol, ensure_ascii=False), json.dumps(petunjuk, ensure_ascii=False)
    return (
        "<style>\n"
        f'{akar} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}\n'
        f'{akar} button [data-testid="stMarkdownContainer"] p::after {{ content: {teks_tombol}; '
        "font-size: 0.875rem; }\n"
        f'{akar} [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}\n'
        f'{akar} [data-testid="stFileUploaderDropzoneInstructions"] span::after {{ content: {teks_petunjuk}; '
        "font-size: 0.875rem; }\n"
        "</style>"
    )


def teks_pengunggah(kunci: str, mb: int, akhiran: Sequence[str], bahasa: Bahasa) -> None:
    """Put the page's words on the uploader keyed `kunci*`: its button and the line with the size limit and types."""
    jenis = ", ".join(a.lstrip(".").upper() for a in akhiran)
    st.html(css_pengunggah(kunci, t("unggah_tombol_pilih", bahasa),
                           t("unggah_petunjuk", bahasa, mb=fmt.angka(mb, bahasa), jenis=jenis)))
