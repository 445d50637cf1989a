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
import pyarrow as pa

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
    faktor: dict[str, Faktor] | None = None
    """The raw columns as `Faktor`s, when the sheet was read by DuckDB as a case register: `data` then holds only
    `_baris`, and the cells are read through `kolom_mentah`."""

    def kolom_mentah(self, nama: str) -> Faktor:
        """A canonical raw column (all None when the file does not have it) as a `Faktor`."""
        if self.faktor is not None:
            return self.faktor.get(nama) or Faktor.kosong(len(self.data))
        return Faktor.dari_seri(kolom_atau_kosong(self.data, nama))

    def sel(self, i: int) -> dict[str, Any]:
        """The raw cells of data row `i` by canonical column, in the file's column order."""
        if self.faktor is not None:
            return {nama: f.nilai(i) for nama, f in self.faktor.items()}
        return {k: v for k, v in self.data.iloc[i].items() if k != "_baris"}


@dataclass
class Konteks:
    """What validation needs besides the rows."""

    wilayah: Wilayah
    kunci: bytes
    hari_ini: date


@dataclass
class HasilValidasi:
    """Outcome of one sheet: rows to load, quarantined rows, warnings."""

    dimuat: Any
    """The loaded rows: a DataFrame, or an Arrow table (case registers, `Pencatat.selesai_arrow`)."""
    karantina: list[dict[str, Any]] = field(default_factory=list)
    peringatan: list[dict[str, Any]] = field(default_factory=list)
    dilewati: int = 0
    """Data rows left out on purpose, neither loaded nor quarantined (e.g. another regency's row of a
    multi-regency reference file); counted as skipped, each with a warning giving the reason."""

    def kolom_dimuat(self) -> dict[str, list[Any]]:
        """The loaded rows column by column, as Python values (of a DataFrame or an Arrow table alike)."""
        d = self.dimuat
        if isinstance(d, pd.DataFrame):
            return {str(c): d[c].tolist() for c in d.columns}
        return dict(d.to_pydict())

    def tipe_dimuat(self) -> dict[str, str]:
        """The type of each loaded column (a pandas dtype, or an Arrow type: a dictionary's value type)."""
        d = self.dimuat
        if isinstance(d, pd.DataFrame):
            return {str(c): str(d[c].dtype) for c in d.columns}
        return {f.name: str(getattr(f.type, "value_type", f.type)) for f in d.schema}

    def jumlah_peringatan(self) -> dict[str, int]:
        return dict(sorted(Counter(p["jenis_peringatan"] for p in self.peringatan).items()))


def _teks_baris(baris: list[Any]) -> list[str]:
    return [t if (t := teks(c)) is not None else "" for c in baris]


def _baris_nomor_kolom(isi: list[str]) -> bool:
    angka = [s for s in isi if s]
    if len(angka) < 3 or not all(s.replace(".0", "").isdecimal() for s in angka):  # digits int() reads: no "²"
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
    return angka.isdecimal() and int(angka) in (0, 1)  # may start a column-number row (1, 2, 3, ...)


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
    lebar_arrow = tabel.num_columns
    # rows whose first two cells are plain ASCII data are decided column-wise; the rest per distinct cell (`_ciri`),
    # and a row that may be skipped is read again and judged whole, as `_kolom_data` does
    kasus = peta.jenis.nama == "laporan_kasus"
    per_baris = {k for k in idx if kasus and peta.kolom[k] in _KOLOM_PER_BARIS}
    kamus = {k: _kamus(tabel.column(k)) for k in sorted({0, 1, *idx} - (per_baris - {0, 1})) if k < lebar_arrow}
    sisa = np.flatnonzero(~_pasti_data(kamus.get(0), kamus.get(1), n, header_pertama))
    if len(sisa) > 1000:
        sisa = sisa[~_pasti_data_per_nilai(tabel.take(pa.array(sisa)), header_pertama)]
    simpan = np.ones(n, dtype=bool)
    for j in sisa.tolist():
        r = berkas.baris(i + 1 + j)
        if _mungkin_dilewati(r, header_pertama) and jenis_baris_dilewati(_teks_baris(r), header_normal):
            simpan[j] = False
    if not simpan.all():  # distinct values as they are in the data rows only, as `faktor` would find them
        tabel = tabel.filter(pa.array(simpan))
        kamus = {k: _kamus(tabel.column(k)) for k in idx if k < lebar_arrow and k not in per_baris}
    if kasus:  # validated column-wise on the dictionaries (`Faktor`), no object cells
        data = pd.DataFrame({"_baris": (np.flatnonzero(simpan) + i + 2).astype(np.int64)})
        faktor_mentah = {peta.kolom[k]: Faktor.kosong(tabel.num_rows) if k >= lebar_arrow
                         else Faktor.per_baris(tabel.column(k)) if k in per_baris
                         else _faktor_dari_kamus(kamus[k]) for k in idx}
        return TabelMentah(peta, data, i + int(len(simpan) - simpan.sum()), i + 1, faktor_mentah)
    return _tabel_kamus(peta, kamus, tabel.num_rows, simpan, i, program_luar, idx)


def _tabel_kamus(peta: PetaKolom, kamus: dict[int, Any], n: int, simpan: np.ndarray, i: int,
                 program_luar: str | None, idx: list[int]) -> TabelMentah:
    """`_tabel` of the data rows' dictionary-encoded Arrow columns (`kamus`, None-filled where a column is missing):
    the cells as `to_pylist` gives them, and each text column's factorisation registered for the validators
    (`_daftarkan_faktor`), so that `faktor` does not factorise it again."""
    kolom = []
    faktor_kolom: dict[str, tuple[np.ndarray, np.ndarray, Any]] = {}
    for k in idx:
        if k not in kamus:
            kolom.append(np.full(n, None, dtype=object))
            continue
        kode, unik = _faktor_kamus(kamus[k])
        kolom.append(unik[kode] if len(kode) else np.empty(0, dtype=object))
        if pa.types.is_string(kamus[k].dictionary.type):  # `teks_arrow` hands the dictionary over as text
            faktor_kolom[peta.kolom[k]] = (kode, unik, kamus[k].dictionary)
    hasil = _tabel(peta, kolom, simpan, i, program_luar, idx)
    _daftarkan_faktor(hasil.data, faktor_kolom)
    return hasil


def cari_tabel_arrow(tabel: Any, paksa_jenis: str | None, program: str | None = None) -> TabelMentah | None:
    """`cari_tabel` of an Arrow table (a Parquet file) whose column names are a header: the same skipped and data
    rows, with the values as `to_pylist` gives them (the cells `cari_tabel` would see). A case register's raw
    columns become `Faktor`s of their dictionaries; another kind's become the object columns of `_tabel`, their
    factorisation already done (`_tabel_kamus`). None when the rows must be read one by one: a header that is not
    the column names, fewer than two columns, a nested or binary column (turned into text by `baca_parquet`), a
    floating-point column outside a case register (`faktor` orders NaN and None after the other values, a
    dictionary does not), or values Arrow cannot encode or turn into Python objects."""
    try:
        nama = [str(k) for k in tabel.column_names]
        if tabel.num_columns < 2 or any(pa.types.is_nested(t) or pa.types.is_binary(t) or pa.types.is_large_binary(t)
                                        or pa.types.is_fixed_size_binary(t) for t in tabel.schema.types):
            return None
        kepala = _cari_kepala([nama], paksa_jenis, program)
        if kepala is None:
            return None
        _, peta, program_luar, header_normal, header_pertama = kepala
        kasus = peta.jenis.nama == "laporan_kasus"
        if not kasus and any(pa.types.is_floating(t) for t in tabel.schema.types):
            return None
        idx = list(peta.kolom)
        kamus = {k: _kamus(tabel.column(k)) for k in sorted({0, 1, *idx})}
        c0, c1 = _ciri_kamus(kamus[0], False, header_pertama), _ciri_kamus(kamus[1], True, header_pertama)
        pasti = c0[:, 0] & c1[:, 0] & ~c0[:, 1] & ~c1[:, 1]  # as `_kolom_data`
        simpan = np.ones(tabel.num_rows, dtype=bool)
        for j in np.flatnonzero(~pasti).tolist():
            r = [tabel.column(c)[j].as_py() for c in range(tabel.num_columns)]
            if _mungkin_dilewati(r, header_pertama) and jenis_baris_dilewati(_teks_baris(r), header_normal):
                simpan[j] = False
        if not simpan.all():
            tabel = tabel.filter(pa.array(simpan))
            kamus = {k: _kamus(tabel.column(k)) for k in idx}
        if not kasus:
            return _tabel_kamus(peta, kamus, tabel.num_rows, simpan, 0, program_luar, idx)
        faktor_mentah = {}
        for k in idx:
            f = _faktor_dari_kamus(kamus[k])
            if not pa.types.is_string(f.arrow.type):
                f.unik  # noqa: B018  values Python cannot hold (a year past 9999) fail here, not in a rule
            faktor_mentah[peta.kolom[k]] = f
    except (pa.ArrowException, ValueError, TypeError, OverflowError):
        return None
    data = pd.DataFrame({"_baris": (np.flatnonzero(simpan) + 2).astype(np.int64)})
    return TabelMentah(peta, data, int(len(simpan) - simpan.sum()), 1, faktor_mentah)


_KOLOM_PER_BARIS = frozenset({"nik", "no_kk"})
"""Columns of a case register with about one value per row: read as they are (`Faktor.per_baris`), not through a
dictionary that would be as long as the column."""

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


def _ciri_kolom(tabel: Any, k: int, kedua: bool, header_pertama: str) -> np.ndarray:
    """`_ciri` of column `k` of an Arrow table, row by row (`_ciri_kamus`)."""
    if k >= tabel.num_columns:
        return np.tile(np.array([False, True], dtype=bool), (tabel.num_rows, 1))  # no such cell: `_ciri(None)`
    return _ciri_kamus(_kamus(tabel.column(k)), kedua, header_pertama)


def _ciri_kamus(kamus: Any, kedua: bool, header_pertama: str) -> np.ndarray:
    """`_ciri` of a dictionary-encoded Arrow column, row by row: plain data cells (`_polos_data`) at once, every other
    distinct cell by `_ciri` itself."""
    v = kamus.dictionary
    ciri = np.zeros((len(v) + 1, 2), dtype=bool)
    ciri[:, 0] = True
    ciri[len(v)] = (False, True)  # an empty cell (null): `_ciri(None)`
    lain = np.flatnonzero(~_polos_data(v, kedua, header_pertama))
    if len(lain):
        teks_lain = teks_banyak(v.take(pa.array(lain)).to_pylist())
        ciri[lain] = np.array([_ciri(t, kedua, header_pertama) for t in teks_lain], dtype=bool).reshape(-1, 2)
    return ciri[kamus.indices.fill_null(len(v)).to_numpy(zero_copy_only=False)]


def _pasti_data_per_nilai(tabel: Any, header_pertama: str) -> np.ndarray:
    """Rows of an Arrow table whose first two cells are filled and start no skipped row (`_ciri`, as
    `_kolom_data`): certainly data rows. False: the row must be judged whole."""
    c0, c1 = _ciri_kolom(tabel, 0, False, header_pertama), _ciri_kolom(tabel, 1, True, header_pertama)
    return c0[:, 0] & c1[:, 0] & ~c0[:, 1] & ~c1[:, 1]


def _polos_data(v: Any, kedua: bool, header_pertama: str) -> np.ndarray:
    """Per value of an Arrow array: plain ASCII text (`_POLOS`), filled, that starts no skipped row by `_ciri` as the
    first (or, `kedua`, the second) cell of a row. False means: not decided here (always, for a column not of text)."""
    import pyarrow.compute as pc

    if not pa.types.is_string(v.type):
        return np.zeros(len(v), dtype=bool)
    kecil = pc.ascii_lower(v)
    kunci = pc.utf8_trim(pc.replace_substring_regex(kecil, r"[^0-9a-z]+", "_"), "_")
    mungkin = pc.is_in(kunci, value_set=pa.array(sorted(_TOTAL | ({header_pertama} if not kedua else set()))))
    if not kedua:
        mungkin = pc.or_(mungkin, pc.match_substring_regex(pc.replace_substring(v, ".0", ""), r"^0*[01]$"))
    ya = pc.and_(pc.match_substring_regex(v, _POLOS),
                 pc.and_(pc.invert(pc.is_in(kecil, value_set=pa.array(sorted(KOSONG)))), pc.invert(mungkin)))
    return np.asarray(pc.fill_null(ya, False).to_numpy(zero_copy_only=False), dtype=bool)


def _pasti_data(kamus0: Any, kamus1: Any, n: int, header_pertama: str) -> np.ndarray:
    """Rows whose first two cells (dictionary-encoded) are plain ASCII (`_POLOS`), filled, and start no skipped row
    by `_ciri`: certainly data rows. False means: not decided here. Each distinct cell is looked at once."""
    if kamus0 is None or kamus1 is None or n == 0:
        return np.zeros(n, dtype=bool)
    hasil = np.ones(n, dtype=bool)
    for kamus, kedua in ((kamus0, False), (kamus1, True)):
        v = kamus.dictionary
        ya_unik = np.append(_polos_data(v, kedua, header_pertama), False)
        indeks = kamus.indices.fill_null(len(v)).to_numpy(zero_copy_only=False)  # null: the appended False
        hasil &= ya_unik[indeks]
    return hasil


def _kamus(kolom: Any) -> Any:
    """A text column (Arrow) dictionary-encoded: distinct values in order of first appearance."""
    import pyarrow as pa

    return kolom.combine_chunks().dictionary_encode() if isinstance(kolom, pa.ChunkedArray) \
        else kolom.dictionary_encode()


def _faktor_dari_kamus(kamus: Any) -> Faktor:
    """`_faktor_kamus` as a `Faktor` whose distinct values stay Arrow (the dictionary, then a null when the column
    has empty cells)."""
    indeks = kamus.indices
    kode = indeks.fill_null(len(kamus.dictionary)).to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    arrow = kamus.dictionary
    if indeks.null_count:
        arrow = pa.concat_arrays([arrow, pa.nulls(1, arrow.type)])
    f = Faktor(kode, arrow=arrow)
    f.berbeda = True
    return f


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


class Faktor:
    """A column as a code per row into its distinct values (`unik[kode]` is the column, as `faktor` gives them), so
    that every rule looks at each distinct value once and rows are only indexed.

    `arrow`, when known, holds the same distinct values as an Arrow array (a CSV read by DuckDB: its dictionary, then
    a null when the column has empty cells; pseudonyms computed by DuckDB). A column of a million distinct texts
    then never becomes a million Python objects unless a rule asks for them (`unik`)."""

    def __init__(self, kode: np.ndarray, unik: np.ndarray | None = None, arrow: Any = None,
                 identitas: bool = False) -> None:
        assert unik is not None or arrow is not None
        self.kode = kode
        self._unik = unik
        self.arrow = arrow
        self._teks: Any = arrow if arrow is not None and pa.types.is_string(arrow.type) else None
        self.identitas = identitas
        """Row i is value i (`per_baris`)."""
        self.berbeda = False
        """The distinct values are pairwise different (a dictionary), so equal rows already share a code."""

    @classmethod
    def per_baris(cls, kolom: Any) -> Faktor:
        """An Arrow text column as it is, one "distinct value" per row: for a column whose values hardly repeat
        (NIK), where a dictionary would cost more than it saves. Rules still give equal values equal results."""
        arr = kolom.combine_chunks() if isinstance(kolom, pa.ChunkedArray) else kolom
        return cls(np.arange(len(arr), dtype=np.int64), arrow=arr, identitas=True)

    @classmethod
    def dari_seri(cls, kolom: pd.Series) -> Faktor:
        """The `faktor` of a column (a raw column of `cari_tabel_csv` with its Arrow dictionary)."""
        kode, unik = faktor(kolom)
        siap = _FAKTOR_SIAP.get(id(kolom))
        f = cls(kode, unik)
        if siap is not None and siap[0] is kolom:
            f._teks = teks_arrow(kolom, siap[2])
        return f

    @classmethod
    def kosong(cls, n: int) -> Faktor:
        """A column the file does not have: every cell None."""
        return cls(np.zeros(n, dtype=np.int64), objek([None] if n else []))

    def __len__(self) -> int:
        return len(self.kode)

    @property
    def jumlah_unik(self) -> int:
        """The number of distinct values."""
        return len(self.arrow) if self._unik is None else len(self._unik)

    def tanda_none(self) -> np.ndarray:
        """Rows whose value is None."""
        if self._unik is None:
            return self.tanda(np.asarray(self.arrow.is_null().to_numpy(zero_copy_only=False), dtype=bool))
        return self.tanda([v is None for v in self._unik])

    @property
    def unik(self) -> np.ndarray:
        """The distinct values as Python objects."""
        if self._unik is None:
            self._unik = objek(self.arrow.to_pylist())
        return self._unik

    def nilai(self, i: int) -> Any:
        """The value of row `i`."""
        if self._unik is None:
            return self.arrow[int(self.kode[i])].as_py()
        return self._unik[self.kode[i]]

    def nilai_unik(self, posisi: np.ndarray) -> list[Any]:
        """The distinct values at `posisi` as Python objects."""
        if self._unik is None:
            return list(self.arrow.take(pa.array(posisi, type=pa.int64())).to_pylist())
        return list(self._unik[posisi])

    def teks_arrow(self) -> Any:
        """The distinct values as an Arrow string array (null for None); None when they are not all text or None."""
        if self._teks is None:
            try:
                self._teks = pa.array(self.unik, type=pa.string())
            except (pa.ArrowException, TypeError, ValueError):
                self._teks = False
        return self._teks if self._teks is not False else None

    def tanda(self, hasil_unik: Any) -> np.ndarray:
        """A per-row boolean mask from a per-distinct one."""
        return tanda(hasil_unik, self.kode)

    def ganti(self, hasil_unik: np.ndarray | None = None, arrow: Any = None) -> Faktor:
        """The same rows with other values per distinct value (the result of a rule)."""
        return Faktor(self.kode, hasil_unik, arrow, self.identitas)

    def kosongkan(self, mask: np.ndarray) -> Faktor:
        """The same column with the rows of `mask` set to None."""
        if not mask.any():
            return self
        kode = self.kode.copy()
        kode[mask] = self.jumlah_unik
        unik = None if self._unik is None else objek([*self._unik.tolist(), None])
        arrow = None if self.arrow is None else pa.concat_arrays([self.arrow, pa.nulls(1, self.arrow.type)])
        return Faktor(kode, unik, arrow)

    def kode_setara(self) -> tuple[np.ndarray, int]:
        """(code per row, number of codes) where rows of equal values (text, dates, None) share a code."""
        if self.berbeda:
            return self.kode, self.jumlah_unik
        if self._unik is None:
            kamus = _kamus(self.arrow)
            k = kamus.indices.fill_null(len(kamus.dictionary)).to_numpy(zero_copy_only=False).astype(np.int64)
            return (k[self.kode] if len(self.kode) else self.kode), len(kamus.dictionary) + 1
        k, u = pd.factorize(self._unik, use_na_sentinel=True)
        k = np.where(k < 0, len(u), k).astype(np.int64)
        return (k[self.kode] if len(self.kode) else self.kode), len(u) + 1

    def seri(self, index: pd.Index) -> pd.Series:
        """The per-row object Series."""
        return seri(self.unik, self.kode, index)

    def ke_arrow(self, tipe: Any, baris: np.ndarray | None) -> Any:
        """The rows `baris` (row positions; None: every row) as an Arrow array of type `tipe` (dictionary-encoded
        but for yes/no)."""
        arr = self.arrow if self.arrow is not None and self.arrow.type == tipe else pa.array(self.unik, type=tipe)
        if self.identitas:
            return arr if baris is None else arr.take(pa.array(baris))
        indeks = pa.array(self.kode if baris is None else self.kode[baris])
        if pa.types.is_boolean(tipe):
            return arr.take(indeks)
        return pa.DictionaryArray.from_arrays(indeks, arr)  # no copy of the values; DuckDB reads it as they are


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
    return _ganda_kode(gabung)


def ganda_faktor(kolom: list[Faktor]) -> np.ndarray:
    """`ganda_dalam_berkas` of columns of text, dates and None given as `Faktor`s (equal values, equal repr).

    The key is the codes combined as digits of a mixed-radix number, renumbered only when it would overflow."""
    gabung = np.zeros(len(kolom[0]), dtype=np.int64)
    kali = 1
    for f in kolom:
        kode, jumlah = f.kode_setara()
        jumlah = max(jumlah, 1)
        if kali * jumlah >= 1 << 62:
            gabung = pd.factorize(gabung)[0].astype(np.int64, copy=False)
            kali = int(gabung.max()) + 1 if len(gabung) else 1
        gabung = gabung * jumlah + kode
        kali *= jumlah
    return _ganda_kode(gabung)


def _ganda_kode(gabung: np.ndarray) -> np.ndarray:
    """Rows whose combined key code appears again further down."""
    return np.asarray(pd.Series(gabung).duplicated(keep="last")) if len(gabung) else np.zeros(0, dtype=bool)


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

    def selesai_arrow(self, tabel: TabelMentah, kolom: dict[str, Any],
                      kolom_rahasia: tuple[str, ...] = ("nik", "no_kk")) -> HasilValidasi:
        """`selesai` for columns built column-wise: `kolom` maps each loaded column to a (`Faktor`, Arrow type) or a
        per-row numpy array; the loaded rows come back as an Arrow table in that column order."""
        dikarantina = sorted(self.alasan)
        baris = self.data["_baris"].to_numpy()
        karantina = []
        for i in dikarantina:
            isi = {k: ("(disembunyikan)" if k in kolom_rahasia and teks(v) else teks(v))
                   for k, v in tabel.sel(i).items()}
            karantina.append({"baris": int(baris[i]), "alasan": "; ".join(self.alasan[i]),
                              "isi": json.dumps(isi, ensure_ascii=False, default=str)})
        baris_karantina = set(baris[dikarantina].tolist())
        peringatan = [p for p in self.peringatan if p["baris"] not in baris_karantina]
        pilih: np.ndarray | None = None
        if dikarantina:
            mask = np.ones(len(self.data), dtype=bool)
            mask[dikarantina] = False
            pilih = np.flatnonzero(mask)
        keluar = {}
        for nama, k in kolom.items():
            if isinstance(k, np.ndarray):
                keluar[nama] = pa.array(k if pilih is None else k[pilih])
            else:
                keluar[nama] = k[0].ke_arrow(k[1], pilih)
        return HasilValidasi(pa.table(keluar), karantina, peringatan)


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
    return label_enum_faktor(p, Faktor.dari_seri(mentah), kolom, nama_enum).seri(mentah.index)


def label_enum_faktor(p: Pencatat, mentah: Faktor, kolom: str, nama_enum: str) -> Faktor:
    """`label_enum` of a `Faktor`."""

    def petakan_sel(v: Any) -> tuple[str | None, bool]:
        t = teks(v)
        return (None, True) if t is None else petakan_label(nama_enum, t)

    hasil = [petakan_sel(v) for v in mentah.unik]
    kode = mentah.ganti(objek([h[0] for h in hasil]))
    tidak_dikenal = mentah.tanda([not h[1] for h in hasil])
    p.peringatkan_jika(tidak_dikenal, "label_tidak_dikenal", kolom,
                       lambda i: f'Label {kolom} "{teks(mentah.nilai(i))}" tidak dikenal; dicatat sebagai '
                                 f'{kode.nilai(i) or "kosong"}. Tambahkan ke data/reference/alias_label.csv')
    return kode


def teks_bebas(p: Pencatat, data: pd.DataFrame, kolom: str) -> pd.Series:
    """A short text code column (e.g. no_registrasi): trimmed; formula-looking text is kept as text, with a warning."""
    mentah = kolom_atau_kosong(data, kolom)
    return teks_bebas_faktor(p, Faktor.dari_seri(mentah), kolom).seri(mentah.index)


def teks_bebas_faktor(p: Pencatat, mentah: Faktor, kolom: str) -> Faktor:
    """`teks_bebas` of a `Faktor`. Many distinct texts (>= 1,000) stay Arrow: a plain ASCII text (`_POLOS`, not an
    empty spelling) is its own `teks`, and only the others and those starting like a formula go through Python."""
    import pyarrow.compute as pc

    arr = mentah.teks_arrow()
    if arr is None or len(arr) < 1000:
        hasil_unik = objek(teks_banyak(mentah.unik))
        nilai = mentah.ganti(hasil_unik)
        rumus_unik = np.array([s is not None and s[0] in "=+-@" and tampak_rumus(s) for s in hasil_unik], dtype=bool)
    else:
        polos = pc.fill_null(pc.and_(pc.match_substring_regex(arr, _POLOS),
                                     pc.invert(pc.is_in(pc.ascii_lower(arr), value_set=pa.array(sorted(KOSONG))))),
                             True)  # an empty cell (null) stays None
        lain = np.flatnonzero(~np.asarray(polos.to_numpy(zero_copy_only=False), dtype=bool))
        if len(lain):
            topeng = np.zeros(len(arr), dtype=bool)
            topeng[lain] = True
            ganti = pa.array(teks_banyak(arr.take(pa.array(lain)).to_pylist()), type=pa.string())
            arr = pc.replace_with_mask(arr, pa.array(topeng), ganti)
        nilai = mentah.ganti(arrow=arr)
        nilai.berbeda = mentah.berbeda and not len(lain)  # every text its own `teks`: still pairwise different
        awal = np.flatnonzero(np.asarray(pc.fill_null(pc.match_substring_regex(arr, r"^[=+\-@]"), False)
                                         .to_numpy(zero_copy_only=False), dtype=bool))
        rumus_unik = np.zeros(len(arr), dtype=bool)
        for j, s in zip(awal.tolist(), arr.take(pa.array(awal, type=pa.int64())).to_pylist(), strict=True):
            rumus_unik[j] = tampak_rumus(s)
    rumus = mentah.tanda(rumus_unik)
    p.peringatkan_jika(rumus, "teks_seperti_rumus", kolom,
                       f"Isi kolom {kolom} tampak seperti rumus spreadsheet; disimpan sebagai teks")
    return nilai
