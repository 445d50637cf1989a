"""Pieces of the Unggah data page: the load summary as a table (the same figures `pantau ingest` prints) and the
words under it. Pure functions, testable without Streamlit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

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


def tabel_ringkasan(ringkasan: Sequence[RingkasanLembar], bahasa: Bahasa, sudah_dimuat: bool = False) -> pd.DataFrame:
    """One row per file and sheet: kind recognised, rows read / to load / to quarantine / skipped, warnings,
    personal columns that will be (or were) dropped, and a note (already loaded, unreadable, no header)."""
    return pd.DataFrame({
        t("unggah_kol_berkas", bahasa): [Path(r.berkas).name for r in ringkasan],
        t("unggah_kol_lembar", bahasa): [r.lembar or "" for r in ringkasan],
        t("unggah_kol_jenis", bahasa): [_jenis(r.jenis, bahasa) for r in ringkasan],
        t("unggah_kol_dibaca", bahasa): [r.baris_dibaca for r in ringkasan],
        t("unggah_kol_dimuat" if sudah_dimuat else "unggah_kol_akan_dimuat", bahasa): [
            0 if r.sudah_pernah_dimuat else r.baris_dimuat for r in ringkasan],
        t("unggah_kol_karantina", bahasa): [0 if r.sudah_pernah_dimuat else r.baris_dikarantina for r in ringkasan],
        t("unggah_kol_dilewati", bahasa): [r.baris_dilewati for r in ringkasan],
        t("unggah_kol_peringatan", bahasa): [", ".join(f"{k} {v}" for k, v in r.peringatan.items())
                                            for r in ringkasan],
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
