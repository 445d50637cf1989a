"""What every kind shares: finding the header, classifying rows, and recording quarantine and warnings.

A sheet becomes a `TabelMentah`: the data rows under canonical column names
(raw cell values, object dtype) with their file row numbers, plus the count of
skipped rows (title rows above the header, blank rows, column-number rows,
repeated headers and `JUMLAH`/`TOTAL` rows). Per-kind modules turn it into a
`HasilValidasi`: loaded rows, quarantined rows with reasons, warnings.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from pipelines.baca.nilai import tampak_rumus, teks, teks_banyak
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
        idx = list(peta.kolom)
        kolom, simpan = _kolom_data(baris[i + 1:], idx, header_normal, header_pertama)
        dilewati = i + int(len(simpan) - simpan.sum())  # title and blank rows above the header, and skipped rows
        data = pd.DataFrame(dict(enumerate(kolom)), index=pd.RangeIndex(len(kolom[0]) if kolom else 0),
                            dtype=object)
        data.columns = [peta.kolom[k] for k in idx]
        data.insert(0, "_baris", (np.flatnonzero(simpan) + i + 2).astype(np.int64))
        if program_luar and peta.jenis.nama == "penerima_program":
            if "program" in data.columns:
                data["program"] = [v if teks(v) is not None else program_luar for v in data["program"].tolist()]
            else:
                data["program"] = program_luar
        return TabelMentah(peta, data.reset_index(drop=True), dilewati, i + 1)
    return None


def _kolom_data(baris: list[list[Any]], idx: list[int], header_normal: list[str],
                header_pertama: str) -> tuple[list[np.ndarray], np.ndarray]:
    """The rows under the header, column by column: the cells of columns `idx` of the data rows (None where a row
    is short), and the mask of data rows (False for skipped rows).

    The same decision as `_mungkin_dilewati` then `jenis_baris_dilewati` row by row, taken once per distinct first
    and second cell for the usual row whose first two cells are filled; any other row is looked at whole."""
    n = len(baris)
    if n == 0:
        return [np.empty(0, dtype=object) for _ in idx], np.zeros(0, dtype=bool)
    lebar = max(max(idx) + 1, 2)
    panjang = set(map(len, baris))
    if len(panjang) == 1 and (p := panjang.pop()) >= lebar:  # rows of one length (the usual CSV): one 2-D copy
        kisi = np.empty((n, p), dtype=object)
        kisi[:] = baris
        kolom = [kisi[:, k] for k in range(lebar)]
    else:
        kolom = [np.fromiter(c, dtype=object, count=n)
                 for c in itertools.islice(itertools.zip_longest(*baris, fillvalue=None), lebar)]
        kolom += [np.full(n, None, dtype=object) for _ in range(lebar - len(kolom))]

    def ciri(t: str | None, kedua: bool) -> tuple[bool, bool]:
        """(filled, may start a skipped row) of one of the first two cells, as text (`teks`)."""
        if not t:
            return False, True
        nt = t.lower() if t.isascii() and t.isalnum() else normalkan(t)  # the same key, without the regex
        if kedua:
            return True, nt in _TOTAL
        if nt in _TOTAL or nt == header_pertama:
            return True, True
        angka = t.replace(".0", "")
        try:
            return True, angka.isdigit() and int(angka) in (0, 1)
        except ValueError:  # a digit int() does not read (e.g. a superscript): the row is looked at whole
            return True, True

    kode0, unik0 = faktor(pd.Series(kolom[0], copy=False))
    kode1, unik1 = faktor(pd.Series(kolom[1], copy=False))
    c0 = np.array([ciri(t, False) for t in teks_banyak(unik0)], dtype=bool).reshape(-1, 2)[kode0]
    c1 = np.array([ciri(t, True) for t in teks_banyak(unik1)], dtype=bool).reshape(-1, 2)[kode1]
    pasti = c0[:, 0] & c1[:, 0] & ~c0[:, 1] & ~c1[:, 1]  # two filled cells that start no skipped row: data
    simpan = np.ones(n, dtype=bool)
    for j in np.flatnonzero(~pasti):
        r = baris[j]
        if _mungkin_dilewati(r, header_pertama) and jenis_baris_dilewati(_teks_baris(r), header_normal):
            simpan[j] = False
    return [kolom[k][simpan] for k in idx], simpan


def objek(nilai: list[Any]) -> np.ndarray:
    """A 1-D object array of `nilai` (tuples stay elements, never a second dimension)."""
    arr = np.empty(len(nilai), dtype=object)
    for i, v in enumerate(nilai):
        arr[i] = v
    return arr


_JENIS_SERAGAM = frozenset({"string", "empty", "date", "datetime", "integer", "boolean", "floating"})


def faktor(kolom: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Distinct cell values: (code per row, distinct values in order of first appearance), so that
    `unik[kode]` is the column again.

    Values are told apart as a dict keyed on (type, value) would: 1, 1.0 and "1" stay distinct, None and NaN are
    two distinct empties. A column of one type (text, dates, whole numbers, ...) is factorised by pandas in C;
    any other column goes through that dict."""
    arr = kolom.to_numpy(dtype=object)
    n = len(arr)
    if pd.api.types.infer_dtype(arr, skipna=True) in _JENIS_SERAGAM:
        kode, unik = pd.factorize(arr, use_na_sentinel=True)
        kode = kode.astype(np.int64, copy=False)
        unik_l = list(unik)
        kosong = np.flatnonzero(kode < 0)
        if len(kosong):
            nil = arr[kosong]
            none = np.fromiter((v is None for v in nil), dtype=bool, count=len(nil))
            lain: dict[Any, int] = {}
            if none.any():
                kode[kosong[none]] = len(unik_l)
                unik_l.append(None)
            for j in np.flatnonzero(~none):  # NaN, NaT, pd.NA: one distinct value per spelling (repr)
                v = nil[j]
                k = "nan" if isinstance(v, float) else repr(v)
                if k not in lain:
                    lain[k] = len(unik_l)
                    unik_l.append(v)
                kode[kosong[j]] = lain[k]
        return kode, objek(unik_l)
    cache: dict[Any, int] = {}
    unik_l = []
    kode = np.empty(n, dtype=np.int64)
    for i, v in enumerate(arr.tolist()):
        kunci = (type(v), v) if not (isinstance(v, float) and v != v) else (float, "nan")
        ada = cache.get(kunci)
        if ada is None:
            ada = cache[kunci] = len(unik_l)
            unik_l.append(v)
        kode[i] = ada
    return kode, objek(unik_l)


def per_unik(kolom: pd.Series, fungsi: Callable[[Any], Any]) -> tuple[np.ndarray, np.ndarray]:
    """`fungsi` of each distinct value (`faktor`): (code per row, results per distinct value)."""
    kode, unik = faktor(kolom)
    return kode, objek([fungsi(v) for v in unik])


def seri(hasil_unik: np.ndarray, kode: np.ndarray, index: pd.Index) -> pd.Series:
    """The per-row object Series of per-distinct results."""
    return pd.Series(hasil_unik[kode] if len(kode) else np.empty(0, dtype=object), index=index, dtype=object)


def tanda(hasil_unik: Any, kode: np.ndarray) -> np.ndarray:
    """A per-row boolean mask from a per-distinct one."""
    return np.asarray(hasil_unik, dtype=bool)[kode] if len(kode) else np.zeros(0, dtype=bool)


def petakan_unik(kolom: pd.Series, fungsi: Callable[[Any], Any]) -> pd.Series:
    """Apply `fungsi` once per distinct cell value and map the results back (large files stay fast).

    Distinct as in `faktor`: 1, 1.0 and "1" stay distinct inputs; empty cells get `fungsi` of their own value
    (None or NaN)."""
    kode, hasil = per_unik(kolom, fungsi)
    return seri(hasil, kode, kolom.index)


def petakan(kolom: pd.Series, fungsi: Callable[[Any], Any]) -> pd.Series:
    """Element-wise map that keeps None as None (pandas' own `map` turns it into NaN)."""
    return pd.Series([fungsi(v) for v in kolom.tolist()], index=kolom.index, dtype=object)


def penanda(kolom: pd.Series, fungsi: Callable[[Any], bool]) -> np.ndarray:
    """Element-wise boolean mask of a pure `fungsi`, computed once per distinct value (`faktor`); a column
    with unhashable cells is done element by element."""
    try:
        kode, hasil = per_unik(kolom, lambda v: bool(fungsi(v)))
    except TypeError:
        return np.fromiter((bool(fungsi(v)) for v in kolom.tolist()), dtype=bool, count=len(kolom))
    return tanda(hasil.astype(bool), kode)


_FAKTOR_SETARA_REPR = frozenset({"string", "empty", "date"})


def ganda_dalam_berkas(data: pd.DataFrame, kolom: list[str]) -> np.ndarray:
    """Rows whose key (the given columns, None included) appears again further down the sheet.

    Keys compare by the repr of each value: a text or date column is factorised as is (there equality is
    repr-equality), any other column by the repr of its values."""
    n = len(data)
    gabung = np.zeros(n, dtype=np.int64)
    for k in kolom:
        s = data[k]
        if pd.api.types.infer_dtype(s, skipna=True) not in _FAKTOR_SETARA_REPR:
            s = pd.Series([repr(v) for v in s.tolist()], index=s.index, dtype=object)
        kode, unik = faktor(s)
        gabung, _ = pd.factorize(gabung * max(len(unik), 1) + kode)
        gabung = gabung.astype(np.int64, copy=False)
    return np.asarray(pd.Series(gabung).duplicated(keep="last")) if n else np.zeros(0, dtype=bool)


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

    kode_baris, hasil = per_unik(mentah, petakan_sel)
    kode = seri(objek([h[0] for h in hasil]), kode_baris, mentah.index)
    tidak_dikenal = tanda([not h[1] for h in hasil], kode_baris)
    p.peringatkan_jika(tidak_dikenal, "label_tidak_dikenal", kolom,
                       lambda i: f'Label {kolom} "{teks(mentah.iat[i])}" tidak dikenal; dicatat sebagai '
                                 f'{kode.iat[i] or "kosong"}. Tambahkan ke data/reference/alias_label.csv')
    return kode


def teks_bebas(p: Pencatat, data: pd.DataFrame, kolom: str) -> pd.Series:
    """A short text code column (e.g. no_registrasi): trimmed; formula-looking text is kept as text, with a warning."""
    mentah = kolom_atau_kosong(data, kolom)
    kode, hasil = per_unik(mentah, teks)
    nilai = seri(hasil, kode, mentah.index)
    rumus = tanda([s is not None and tampak_rumus(s) for s in hasil], kode)
    p.peringatkan_jika(rumus, "teks_seperti_rumus", kolom,
                       f"Isi kolom {kolom} tampak seperti rumus spreadsheet; disimpan sebagai teks")
    return nilai
