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
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from pipelines.baca.csv_cepat import CsvCepat
from pipelines.baca.nilai import KOSONG, tampak_rumus, teks, teks_banyak
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


def _cari_kepala(baris: list[list[Any]], paksa_jenis: str | None, program: str | None
                 ) -> tuple[int, PetaKolom, str | None, list[str], str] | None:
    """The header among the first 20 rows: (its index, column map, program from outside or a title row, normalised
    header, its first filled cell); None when no kind matches."""
    for i, r in enumerate(baris[:BARIS_HEADER_MAKS]):
        header = _teks_baris(r)
        program_luar = program or program_dari_judul(baris[:i])
        peta = kenali_jenis(header, paksa_jenis, frozenset({"program"}) if program_luar else frozenset())
        if peta is None:
            continue
        header_normal = [normalkan(s) for s in header]
        return i, peta, program_luar, header_normal, next((h for h in header_normal if h), "")
    return None


def _tabel(peta: PetaKolom, kolom: list[np.ndarray], simpan: np.ndarray, i: int, program_luar: str | None,
           idx: list[int]) -> TabelMentah:
    dilewati = i + int(len(simpan) - simpan.sum())  # title and blank rows above the header, and skipped rows
    data = pd.DataFrame(dict(enumerate(kolom)), index=pd.RangeIndex(len(kolom[0]) if kolom else 0),
                        dtype=object, copy=False)  # the columns as they are: no 2-D copy of every cell
    data.columns = [peta.kolom[k] for k in idx]
    data.insert(0, "_baris", (np.flatnonzero(simpan) + i + 2).astype(np.int64))
    if program_luar and peta.jenis.nama == "penerima_program":
        if "program" in data.columns:
            data["program"] = [v if teks(v) is not None else program_luar for v in data["program"].tolist()]
        else:
            data["program"] = program_luar
    return TabelMentah(peta, data.reset_index(drop=True), dilewati, i + 1)


def cari_tabel(baris: list[list[Any]], paksa_jenis: str | None, program: str | None = None) -> TabelMentah | None:
    """Find the header in the first 20 rows and collect the data rows beneath it; None when no kind matches.

    `program` (from `--program`) or a title row naming the program makes the sheet a program roll whose rows
    get that program where their own `program` cell is empty.
    """
    kepala = _cari_kepala(baris, paksa_jenis, program)
    if kepala is None:
        return None
    i, peta, program_luar, header_normal, header_pertama = kepala
    idx = list(peta.kolom)
    kolom, simpan = _kolom_data(baris[i + 1:], idx, header_normal, header_pertama)
    return _tabel(peta, kolom, simpan, i, program_luar, idx)


def cari_tabel_csv(berkas: CsvCepat, paksa_jenis: str | None, program: str | None = None) -> TabelMentah | None:
    """`cari_tabel` of a CSV read by DuckDB (`baca.csv_cepat`): the same header, skipped rows and data rows.

    The header is searched in the first records as `csv.reader` gives them; the rows beneath are classified
    column-wise on the Arrow columns (per distinct first and second cell, as `_kolom_data`), and a row that may be
    skipped is read again exactly (`CsvCepat.baris`) and judged by the same row-wise rules."""
    import pyarrow as pa

    kepala = _cari_kepala(berkas.kepala, paksa_jenis, program)
    if kepala is None:
        return None
    i, peta, program_luar, header_normal, header_pertama = kepala
    idx = list(peta.kolom)
    tabel = berkas.tabel.slice(i + 1)
    n = tabel.num_rows
    faktor_kolom: dict[str, tuple[np.ndarray, np.ndarray, Any]] = {}
    lebar_arrow = tabel.num_columns

    def ciri_kolom(t: Any, k: int, kedua: bool) -> np.ndarray:
        if k >= lebar_arrow:
            return np.tile(np.array([False, True], dtype=bool), (t.num_rows, 1))  # no such cell: `_ciri(None)`
        kode, unik = _faktor_arrow(t.column(k))
        ciri = np.array([_ciri(x, kedua, header_pertama) for x in teks_banyak(unik)], dtype=bool).reshape(-1, 2)
        return ciri[kode] if len(kode) else np.zeros((0, 2), dtype=bool)

    # rows whose first two cells are plain ASCII data are decided column-wise; the rest per distinct cell (`_ciri`),
    # and a row that may be skipped is read again and judged whole, as `_kolom_data` does
    kamus = {k: _kamus(tabel.column(k)) for k in sorted({0, 1, *idx}) if k < lebar_arrow}
    sisa = np.flatnonzero(~_pasti_data(kamus.get(0), kamus.get(1), n, header_pertama))
    if len(sisa) > 1000:
        bagian = tabel.take(pa.array(sisa))
        c0, c1 = ciri_kolom(bagian, 0, False), ciri_kolom(bagian, 1, True)
        sisa = sisa[~(c0[:, 0] & c1[:, 0] & ~c0[:, 1] & ~c1[:, 1])]
    simpan = np.ones(n, dtype=bool)
    for j in sisa.tolist():
        r = berkas.baris(i + 1 + j)
        if _mungkin_dilewati(r, header_pertama) and jenis_baris_dilewati(_teks_baris(r), header_normal):
            simpan[j] = False
    if not simpan.all():  # distinct values as they are in the data rows only, as `faktor` would find them
        tabel = tabel.filter(pa.array(simpan))
        kamus = {k: _kamus(tabel.column(k)) for k in idx if k < lebar_arrow}
    kolom = []
    for k in idx:
        if k >= lebar_arrow:
            kolom.append(np.full(tabel.num_rows, None, dtype=object))
            continue
        kode, unik = _faktor_kamus(kamus[k])
        kolom.append(unik[kode] if len(kode) else np.empty(0, dtype=object))
        faktor_kolom[peta.kolom[k]] = (kode, unik, kamus[k].dictionary)
    hasil = _tabel(peta, kolom, simpan, i, program_luar, idx)
    _daftarkan_faktor(hasil.data, faktor_kolom)
    return hasil


_KOLOM_SIAP: dict[int, tuple[Any, dict[str, pd.Series]]] = {}
"""Per raw frame of `cari_tabel_csv` (by id, with a weak reference to tell a reused id apart): its columns as the
Series objects `kolom_atau_kosong` hands out."""
_FAKTOR_SIAP: dict[int, tuple[pd.Series, np.ndarray, np.ndarray, Any]] = {}
"""Per such Series (by id, the Series itself kept to tell a reused id apart): its `faktor`, already computed from
the Arrow dictionary, so the validators do not factorise the raw columns again; and that dictionary (`teks_arrow`)."""


def _daftarkan_faktor(data: pd.DataFrame, faktor_kolom: dict[str, tuple[np.ndarray, np.ndarray, Any]]) -> None:
    kolom: dict[str, pd.Series] = {}
    for nama, (kode, unik, kamus) in faktor_kolom.items():
        if nama == "program" or list(data.columns).count(nama) != 1:  # a roll's program was filled in: not raw
            continue
        s = data[nama]
        kolom[nama] = s
        _FAKTOR_SIAP[id(s)] = (s, kode, unik, kamus)
    kunci = id(data)
    _KOLOM_SIAP[kunci] = (weakref.ref(data), kolom)
    weakref.finalize(data, _lupakan_faktor, kunci, [id(s) for s in kolom.values()])


def _lupakan_faktor(kunci: int, id_seri: list[int]) -> None:
    _KOLOM_SIAP.pop(kunci, None)
    for i in id_seri:
        _FAKTOR_SIAP.pop(i, None)


_POLOS = r"^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$"
"""Printable ASCII with no space at either end: `teks` leaves it as is unless it is an empty spelling."""


def _pasti_data(kamus0: Any, kamus1: Any, n: int, header_pertama: str) -> np.ndarray:
    """Rows whose first two cells (dictionary-encoded) are plain ASCII (`_POLOS`), filled, and start no skipped row
    by `_ciri`: certainly data rows. False means: not decided here. Each distinct cell is looked at once."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if kamus0 is None or kamus1 is None or n == 0:
        return np.zeros(n, dtype=bool)
    hasil = np.ones(n, dtype=bool)
    for kamus, kedua in ((kamus0, False), (kamus1, True)):
        v = kamus.dictionary
        kecil = pc.ascii_lower(v)
        kunci = pc.utf8_trim(pc.replace_substring_regex(kecil, r"[^0-9a-z]+", "_"), "_")
        mungkin = pc.is_in(kunci, value_set=pa.array(sorted(_TOTAL | ({header_pertama} if not kedua else set()))))
        if not kedua:
            mungkin = pc.or_(mungkin, pc.match_substring_regex(pc.replace_substring(v, ".0", ""), r"^0*[01]$"))
        ya = pc.and_(pc.match_substring_regex(v, _POLOS),
                     pc.and_(pc.invert(pc.is_in(kecil, value_set=pa.array(sorted(KOSONG)))), pc.invert(mungkin)))
        ya_unik = np.append(np.asarray(pc.fill_null(ya, False).to_numpy(zero_copy_only=False), dtype=bool), False)
        indeks = kamus.indices.fill_null(len(v)).to_numpy(zero_copy_only=False)  # null: the appended False
        hasil &= ya_unik[indeks]
    return hasil


def _kamus(kolom: Any) -> Any:
    """A text column (Arrow) dictionary-encoded: distinct values in order of first appearance."""
    import pyarrow as pa

    return kolom.combine_chunks().dictionary_encode() if isinstance(kolom, pa.ChunkedArray) \
        else kolom.dictionary_encode()


def _faktor_arrow(kolom: Any) -> tuple[np.ndarray, np.ndarray]:
    """`_faktor_kamus` of an Arrow text column."""
    return _faktor_kamus(_kamus(kolom))


def _faktor_kamus(kamus: Any) -> tuple[np.ndarray, np.ndarray]:
    """(code per row, distinct values in order of first appearance, then None when there are nulls) of a
    dictionary-encoded Arrow text column, as `faktor` gives them for the same cells as Python objects."""
    unik = kamus.dictionary.to_pylist()
    indeks = kamus.indices
    kode = indeks.fill_null(len(unik)).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    if indeks.null_count:
        unik.append(None)
    arr = np.empty(len(unik), dtype=object)
    arr[:] = unik  # text and None only: no element is a sequence numpy would unpack
    return kode, arr


def _ciri(t: str | None, kedua: bool, header_pertama: str) -> tuple[bool, bool]:
    """(filled, may start a skipped row) of one of the first two cells of a row, as text (`teks`)."""
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

    kode0, unik0 = faktor(pd.Series(kolom[0], copy=False))
    kode1, unik1 = faktor(pd.Series(kolom[1], copy=False))
    c0 = np.array([_ciri(t, False, header_pertama) for t in teks_banyak(unik0)], dtype=bool).reshape(-1, 2)[kode0]
    c1 = np.array([_ciri(t, True, header_pertama) for t in teks_banyak(unik1)], dtype=bool).reshape(-1, 2)[kode1]
    pasti = c0[:, 0] & c1[:, 0] & ~c0[:, 1] & ~c1[:, 1]  # two filled cells that start no skipped row: data
    simpan = np.ones(n, dtype=bool)
    for j in np.flatnonzero(~pasti):
        r = baris[j]
        if _mungkin_dilewati(r, header_pertama) and jenis_baris_dilewati(_teks_baris(r), header_normal):
            simpan[j] = False
    return [kolom[k][simpan] for k in idx], simpan


def objek(nilai: list[Any]) -> np.ndarray:
    """A 1-D object array of `nilai` (tuples stay elements, never a second dimension)."""
    return np.fromiter(nilai, dtype=object, count=len(nilai))  # one element per item, tuples included


_JENIS_SERAGAM = frozenset({"string", "empty", "date", "datetime", "integer", "boolean", "floating"})


def faktor(kolom: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Distinct cell values: (code per row, distinct values in order of first appearance), so that
    `unik[kode]` is the column again.

    Values are told apart as a dict keyed on (type, value) would: 1, 1.0 and "1" stay distinct, None and NaN are
    two distinct empties. A column of one type (text, dates, whole numbers, ...) is factorised by pandas in C;
    any other column goes through that dict."""
    siap = _FAKTOR_SIAP.get(id(kolom))
    if siap is not None and siap[0] is kolom:  # a raw column of `cari_tabel_csv`: factorised from Arrow already
        return siap[1].copy(), siap[2]
    arr = kolom.to_numpy(dtype=object)
    n = len(arr)
    if pd.api.types.infer_dtype(arr, skipna=True) in _JENIS_SERAGAM:
        kode, unik = pd.factorize(arr, use_na_sentinel=True)
        kode = kode.astype(np.int64, copy=False)
        unik_l = list(unik)
        kosong = np.flatnonzero(kode < 0)
        if len(kosong):
            nil = arr[kosong]
            try:  # element-wise `is None` in C: None is the only empty cell equal to None
                none = np.asarray(nil == None, dtype=bool)  # noqa: E711
            except (TypeError, ValueError):  # a cell whose comparison has no truth value (pd.NA)
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


def teks_arrow(kolom: pd.Series, unik: np.ndarray) -> Any:
    """The distinct values `unik` of `kolom` (as `faktor` gave them) as an Arrow string array, null for None; None
    when they are not all text or None. A raw column of `cari_tabel_csv` hands over its Arrow dictionary as is."""
    import pyarrow as pa

    siap = _FAKTOR_SIAP.get(id(kolom))
    if siap is not None and siap[0] is kolom and siap[2] is unik:
        kamus = siap[3]
        return pa.concat_arrays([kamus, pa.nulls(1, pa.string())]) if len(unik) > len(kamus) else kamus
    try:
        return pa.array(unik, type=pa.string())
    except (pa.ArrowException, TypeError, ValueError):
        return None


def _teks_unik(kolom: pd.Series, unik: np.ndarray) -> np.ndarray:
    """`teks_banyak(unik)` as an object array: a plain ASCII text (`_POLOS`, not an empty spelling), found
    column-wise by Arrow, is its own `teks`; every other value goes through `teks_banyak`."""
    import pyarrow as pa
    import pyarrow.compute as pc

    arr = teks_arrow(kolom, unik)
    if arr is None or len(unik) < 1000:
        return objek(teks_banyak(unik))
    polos = pc.and_(pc.match_substring_regex(arr, _POLOS),
                    pc.invert(pc.is_in(pc.ascii_lower(arr), value_set=pa.array(sorted(KOSONG)))))
    lain = np.flatnonzero(~np.asarray(pc.fill_null(polos, False).to_numpy(zero_copy_only=False), dtype=bool))
    hasil = unik.copy()
    if len(lain):
        hasil[lain] = objek(teks_banyak(unik[lain]))
    return hasil


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


def tanda_none(kolom: pd.Series) -> np.ndarray:
    """`penanda(kolom, lambda v: v is None)` in C: None is the only cell equal to None among text, numbers and
    dates; a column where that comparison has no truth value (pd.NA) is done cell by cell."""
    arr = kolom.to_numpy(dtype=object)
    try:
        return np.asarray(arr == None, dtype=bool)  # noqa: E711
    except (TypeError, ValueError):
        return np.fromiter((v is None for v in arr), dtype=bool, count=len(arr))


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
        baris = self.data["_baris"].to_numpy()  # once per mask, not per row (the same numbers as `peringatkan`)
        for i in np.flatnonzero(np.asarray(mask, dtype=bool)).tolist():
            self.peringatan.append({"baris": int(baris[i]), "jenis_peringatan": jenis, "kolom": kolom,
                                    "pesan": pesan(i) if callable(pesan) else pesan})

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
    siap = _KOLOM_SIAP.get(id(data))
    if siap is not None and siap[0]() is data and nama in siap[1]:
        return siap[1][nama]  # the same Series object each time: its `faktor` is known
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
    kode, unik = faktor(mentah)
    hasil = _teks_unik(mentah, unik)
    nilai = seri(hasil, kode, mentah.index)
    rumus = tanda([s is not None and s[0] in "=+-@" and tampak_rumus(s) for s in hasil], kode)
    p.peringatkan_jika(rumus, "teks_seperti_rumus", kolom,
                       f"Isi kolom {kolom} tampak seperti rumus spreadsheet; disimpan sebagai teks")
    return nilai
