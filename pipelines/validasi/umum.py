"""What every kind shares: finding the header, classifying rows, and recording quarantine and warnings.

A sheet becomes a `TabelMentah`: the data rows under canonical column names
(raw cell values, object dtype) with their file row numbers, plus the count of
skipped rows (title rows above the header, blank rows, column-number rows,
repeated headers and `JUMLAH`/`TOTAL` rows). Per-kind modules turn it into a
`HasilValidasi`: loaded rows, quarantined rows with reasons, warnings.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from pipelines.baca.nilai import tampak_rumus, teks
from pipelines.enums import normalkan, petakan_label
from pipelines.validasi.skema import PetaKolom, kenali_jenis
from pipelines.wilayah import Wilayah

BARIS_HEADER_MAKS = 20
_TOTAL = {"jumlah", "total", "jumlah_total", "grand_total", "total_keseluruhan", "jumlah_seluruhnya", "sub_total",
          "subtotal"}


@dataclass
class TabelMentah:
    """Data rows of one sheet under canonical names; `_baris` is the 1-based row in the file."""

    peta: PetaKolom
    data: pd.DataFrame
    baris_dilewati: int
    baris_header: int


@dataclass
class Konteks:
    """What validation needs besides the rows."""

    wilayah: Wilayah
    kunci: bytes
    hari_ini: date


@dataclass
class HasilValidasi:
    """Outcome of one sheet: rows to load, quarantined rows, warnings."""

    dimuat: pd.DataFrame
    karantina: list[dict[str, Any]] = field(default_factory=list)
    peringatan: list[dict[str, Any]] = field(default_factory=list)
    dilewati: int = 0
    """Data rows left out on purpose, neither loaded nor quarantined (e.g. another regency's row of a
    multi-regency reference file); counted as skipped, each with a warning giving the reason."""

    def jumlah_peringatan(self) -> dict[str, int]:
        return dict(sorted(Counter(p["jenis_peringatan"] for p in self.peringatan).items()))


def _teks_baris(baris: list[Any]) -> list[str]:
    return [t if (t := teks(c)) is not None else "" for c in baris]


def _baris_nomor_kolom(isi: list[str]) -> bool:
    angka = [s for s in isi if s]
    if len(angka) < 3 or not all(s.replace(".0", "").isdigit() for s in angka):
        return False
    nilai = [int(float(s)) for s in angka]
    return nilai == list(range(nilai[0], nilai[0] + len(nilai))) and nilai[0] in (0, 1)


def jenis_baris_dilewati(isi: list[str], header_normal: list[str]) -> bool:
    """Blank rows, `JUMLAH`/`TOTAL` rows, column-number rows and repeated headers are skipped, not data."""
    terisi = [s for s in isi if s]
    if not terisi:
        return True
    if normalkan(terisi[0]) in _TOTAL or (len(terisi) > 1 and normalkan(terisi[1]) in _TOTAL
                                          and terisi[0].isdigit() is False):
        return True
    if _baris_nomor_kolom(isi):
        return True
    # a repeated header row: cheap test on the first filled cell before comparing the whole row
    pertama = next((h for h in header_normal if h), "")
    if normalkan(terisi[0]) != pertama:
        return False
    return [normalkan(s) for s in isi] == header_normal


_JUDUL_PROGRAM = re.compile(r"^\s*(jenis bantuan|program|nama program|program bantuan)\s*:\s*(\S.*)$", re.I)


def program_dari_judul(baris_judul: list[list[Any]]) -> str | None:
    """A roll's program written in a title row above the header (`Jenis Bantuan: PBI JKN`), as typed."""
    for r in baris_judul:
        for c in _teks_baris(r):
            if m := _JUDUL_PROGRAM.match(c):
                return m[2].strip()
    return None


def _mungkin_dilewati(baris: list[Any], header_pertama: str) -> bool:
    """A cheap first look at a row (its first two filled cells only): False means it is certainly a data row, so
    `jenis_baris_dilewati` need not turn all its cells to text; True means: look at the whole row."""
    terisi: list[str] = []
    for c in baris:
        t = teks(c)
        if t:
            terisi.append(t)
            if len(terisi) == 2:
                break
    if not terisi:
        return True
    pertama = normalkan(terisi[0])
    if pertama in _TOTAL or pertama == header_pertama or (len(terisi) > 1 and normalkan(terisi[1]) in _TOTAL):
        return True
    angka = terisi[0].replace(".0", "")
    return angka.isdigit() and int(angka) in (0, 1)  # may start a column-number row (1, 2, 3, ...)


def cari_tabel(baris: list[list[Any]], paksa_jenis: str | None, program: str | None = None) -> TabelMentah | None:
    """Find the header in the first 20 rows and collect the data rows beneath it; None when no kind matches.

    `program` (from `--program`) or a title row naming the program makes the sheet a program roll whose rows
    get that program where their own `program` cell is empty.
    """
    for i, r in enumerate(baris[:BARIS_HEADER_MAKS]):
        header = _teks_baris(r)
        program_luar = program or program_dari_judul(baris[:i])
        peta = kenali_jenis(header, paksa_jenis, frozenset({"program"}) if program_luar else frozenset())
        if peta is None:
            continue
        header_normal = [normalkan(s) for s in header]
        header_pertama = next((h for h in header_normal if h), "")
        nomor: list[int] = []
        sel: list[list[Any]] = []
        dilewati = i  # the rows above the header: title and blank rows
        idx = list(peta.kolom)
        for j in range(i + 1, len(baris)):
            r2 = baris[j]
            if _mungkin_dilewati(r2, header_pertama) and jenis_baris_dilewati(_teks_baris(r2), header_normal):
                dilewati += 1
                continue
            nomor.append(j + 1)
            sel.append([r2[k] if k < len(r2) else None for k in idx])
        data = pd.DataFrame(sel, columns=[peta.kolom[k] for k in idx], dtype=object)
        data.insert(0, "_baris", np.array(nomor, dtype=np.int64))
        if program_luar and peta.jenis.nama == "penerima_program":
            if "program" in data.columns:
                data["program"] = [v if teks(v) is not None else program_luar for v in data["program"].tolist()]
            else:
                data["program"] = program_luar
        return TabelMentah(peta, data.reset_index(drop=True), dilewati, i + 1)
    return None


def _objek(nilai: list[Any]) -> np.ndarray:
    """A 1-D object array of `nilai` (tuples stay elements, never a second dimension)."""
    arr = np.empty(len(nilai), dtype=object)
    for i, v in enumerate(nilai):
        arr[i] = v
    return arr


def petakan_unik(kolom: pd.Series, fungsi: Callable[[Any], Any]) -> pd.Series:
    """Apply `fungsi` once per distinct cell value and map the results back (large files stay fast).

    A column of text (and empty cells) is factorised by pandas in C; any other column goes through a dict keyed
    on (type, value), so that 1, 1.0 and "1" stay distinct inputs. Empty cells get `fungsi` of their own value
    (None or NaN)."""
    if pd.api.types.infer_dtype(kolom, skipna=True) in ("string", "empty"):
        kode, unik = pd.factorize(kolom, use_na_sentinel=True)
        keluar = _objek([fungsi(v) for v in unik])[np.maximum(kode, 0)] if len(unik) else _objek([None] * len(kolom))
        kosong = np.flatnonzero(kode < 0)
        if len(kosong):
            nilai = kolom.to_numpy(dtype=object)
            hasil_kosong: dict[Any, Any] = {}
            for i in kosong:
                v = nilai[i]
                k = "nan" if isinstance(v, float) else repr(v)
                if k not in hasil_kosong:
                    hasil_kosong[k] = fungsi(v)
                keluar[i] = hasil_kosong[k]
        return pd.Series(keluar, index=kolom.index, dtype=object)
    cache: dict[Any, Any] = {}
    daftar = []
    for v in kolom.tolist():
        kunci = (type(v), v) if not (isinstance(v, float) and v != v) else (float, "nan")
        if kunci not in cache:
            cache[kunci] = fungsi(v)
        daftar.append(cache[kunci])
    return pd.Series(daftar, index=kolom.index, dtype=object)


def petakan(kolom: pd.Series, fungsi: Callable[[Any], Any]) -> pd.Series:
    """Element-wise map that keeps None as None (pandas' own `map` turns it into NaN)."""
    return pd.Series([fungsi(v) for v in kolom.tolist()], index=kolom.index, dtype=object)


def penanda(kolom: pd.Series, fungsi: Callable[[Any], bool]) -> np.ndarray:
    """Element-wise boolean mask of a pure `fungsi`, computed once per distinct value (`petakan_unik`); a column
    with unhashable cells is done element by element."""
    try:
        return petakan_unik(kolom, lambda v: bool(fungsi(v))).to_numpy(dtype=bool)
    except TypeError:
        return np.fromiter((bool(fungsi(v)) for v in kolom.tolist()), dtype=bool, count=len(kolom))


def ganda_dalam_berkas(data: pd.DataFrame, kolom: list[str]) -> np.ndarray:
    """Rows whose key (the given columns, None included) appears again further down the sheet."""
    kunci = pd.Series(["\x1f".join(repr(v) for v in r) for r in zip(*(data[k].tolist() for k in kolom), strict=True)])
    return np.asarray(kunci.duplicated(keep="last"))


class Pencatat:
    """Collects quarantine reasons and warnings per row of one sheet."""

    def __init__(self, data: pd.DataFrame) -> None:
        self.data = data
        self.alasan: dict[int, list[str]] = {}
        self.peringatan: list[dict[str, Any]] = []

    def karantina(self, i: int, alasan: str) -> None:
        self.alasan.setdefault(i, []).append(alasan)

    def karantina_jika(self, mask: pd.Series | np.ndarray, pesan: Callable[[int], str] | str) -> None:
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)):
            self.karantina(int(i), pesan(int(i)) if callable(pesan) else pesan)

    def peringatkan(self, i: int, jenis: str, kolom: str | None, pesan: str) -> None:
        self.peringatan.append({"baris": int(self.data["_baris"].iat[i]), "jenis_peringatan": jenis,
                                "kolom": kolom, "pesan": pesan})

    def peringatkan_jika(self, mask: pd.Series | np.ndarray, jenis: str, kolom: str | None,
                         pesan: Callable[[int], str] | str) -> None:
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)):
            self.peringatkan(int(i), jenis, kolom, pesan(int(i)) if callable(pesan) else pesan)

    def selesai(self, dimuat: pd.DataFrame, kolom_rahasia: tuple[str, ...] = ("nik", "no_kk")) -> HasilValidasi:
        """Split into loaded and quarantined rows; warnings of quarantined rows are not kept."""
        dikarantina = sorted(self.alasan)
        mask = np.ones(len(self.data), dtype=bool)
        mask[dikarantina] = False
        baris_karantina = set(self.data["_baris"].iloc[dikarantina].tolist())
        karantina = []
        for i in dikarantina:
            asli = self.data.iloc[i]
            isi = {k: ("(disembunyikan)" if k in kolom_rahasia and teks(v) else teks(v))
                   for k, v in asli.items() if k != "_baris"}
            karantina.append({"baris": int(asli["_baris"]), "alasan": "; ".join(self.alasan[i]),
                              "isi": json.dumps(isi, ensure_ascii=False, default=str)})
        peringatan = [p for p in self.peringatan if p["baris"] not in baris_karantina]
        return HasilValidasi(dimuat.loc[mask].reset_index(drop=True), karantina, peringatan)


def kolom_atau_kosong(data: pd.DataFrame, nama: str) -> pd.Series:
    """A canonical column, or an all-empty one when the file does not have it."""
    if nama in data.columns:
        return data[nama]
    return pd.Series([None] * len(data), index=data.index, dtype=object)


def label_enum(p: Pencatat, data: pd.DataFrame, kolom: str, nama_enum: str) -> pd.Series:
    """Map a label column to enum codes; unknown labels become `lainnya` (or empty) with a warning."""
    mentah = kolom_atau_kosong(data, kolom)

    def petakan_sel(v: Any) -> tuple[str | None, bool]:
        t = teks(v)
        return (None, True) if t is None else petakan_label(nama_enum, t)

    hasil = petakan_unik(mentah, petakan_sel)
    kode = petakan(hasil, lambda h: h[0])
    tidak_dikenal = penanda(hasil, lambda h: not h[1])
    p.peringatkan_jika(tidak_dikenal, "label_tidak_dikenal", kolom,
                       lambda i: f'Label {kolom} "{teks(mentah.iat[i])}" tidak dikenal; dicatat sebagai '
                                 f'{kode.iat[i] or "kosong"}. Tambahkan ke data/reference/alias_label.csv')
    return kode


def teks_bebas(p: Pencatat, data: pd.DataFrame, kolom: str) -> pd.Series:
    """A short text code column (e.g. no_registrasi): trimmed; formula-looking text is kept as text, with a warning."""
    nilai = petakan_unik(kolom_atau_kosong(data, kolom), teks)
    rumus = penanda(nilai, lambda s: s is not None and tampak_rumus(s))
    p.peringatkan_jika(rumus, "teks_seperti_rumus", kolom,
                       f"Isi kolom {kolom} tampak seperti rumus spreadsheet; disimpan sebagai teks")
    return nilai
