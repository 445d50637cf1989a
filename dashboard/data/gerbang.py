"""The door's shared machinery: the access gate, the cache settings, and the one way SQL is run.

`_gerbang` puts a data function behind the access gate (`akses`): the logged-in user (`dashboard.sesi.pengguna_aktif`,
no user: `AksesDitolak`) must be allowed the wilayah asked for, and rows of desa outside the user's scope are removed
before a page sees them. The gate wraps the `st.cache_data` wrapper, i.e. it sits OUTSIDE the cache, so a cached
result computed for one user never reaches another unchecked.

Cache settings: `_TTL` for every cached function; `_KECIL` entries for results that depend on the warehouse version
only, `_BESAR` for results keyed on the filters too. Every SQL text of the door runs through `kueri` (which calls
`dashboard.db.kueri` at call time, so a benchmark can wrap `db.kueri` to see every query).
"""

from __future__ import annotations

import datetime as dt
import functools
import inspect
from collections.abc import Callable
from typing import Any, Literal, ParamSpec, TypeVar

import pandas as pd

import akses
from dashboard import db
from dashboard.db import VersiGudang
from dashboard.sesi import pengguna_aktif

_TTL = dt.timedelta(minutes=30)
_KECIL = 8  # max_entries of functions whose result depends on the version only
_BESAR = 256  # max_entries of functions keyed on the filters too

P = ParamSpec("P")
R = TypeVar("R")
Cara = Literal["dalam", "tumpang"]


def kueri(versi: VersiGudang, sql: str, parameter: dict[str, Any] | None = None) -> pd.DataFrame:
    """Run one SELECT of the door on the warehouse (`dashboard.db.kueri`); values only as `$parameter`s."""
    return db.kueri(versi, sql, parameter)


def _gerbang(cara: Cara = "dalam", kolom: str | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Put a data function behind the access gate. Its second argument is a wilayah code.

    `dalam`: the code must lie inside the user's scope (a camat asking for another kecamatan gets `AksesDitolak`).
    `tumpang`: the code may also be a parent of the scope (a camat's map asks for the whole kabupaten); then the
    rows are kept only where `kolom` lies inside the scope. With `kolom`, rows outside the scope are dropped in
    both cases."""

    def bungkus(fungsi: Callable[P, R]) -> Callable[P, R]:
        tanda = inspect.signature(fungsi)
        nama_kode = list(tanda.parameters)[1]  # (versi, kode, ...)

        @functools.wraps(fungsi)
        def bergerbang(*args: P.args, **kwargs: P.kwargs) -> R:
            pengguna = pengguna_aktif()
            kode = str(tanda.bind(*args, **kwargs).arguments[nama_kode])
            if not (cara == "tumpang" and akses.lingkup(pengguna).di_bawah(kode)):
                akses.periksa_wilayah(pengguna, kode)
            hasil = fungsi(*args, **kwargs)
            if kolom is not None and isinstance(hasil, pd.DataFrame):
                return akses.saring(hasil, pengguna, kolom).reset_index(drop=True)
            return hasil

        return bergerbang

    return bungkus


def _tanggal(nilai: object) -> dt.date | None:
    """A DuckDB DATE as it comes back through pandas (Timestamp, datetime or date) as a `date`."""
    if nilai is None or pd.isna(nilai):
        return None
    if isinstance(nilai, pd.Timestamp):
        return nilai.date()
    if isinstance(nilai, dt.datetime):
        return nilai.date()
    if isinstance(nilai, dt.date):
        return nilai
    return dt.date.fromisoformat(str(nilai)[:10])


def _kolom_tanggal(df: pd.DataFrame, *kolom: str) -> pd.DataFrame:
    """Turn the DATE columns `kolom` of a query result into `date` values (None for NULL), in place."""
    for k in kolom:
        df[k] = [_tanggal(x) for x in df[k]]
    return df


def deret_bulanan(versi: VersiGudang, kode_wilayah: str, dari: dt.date, sampai: dt.date, kolom: str) -> pd.DataFrame:
    """The months `dari`..`sampai` of one wilayah from `mart_wilayah_bulan`: `bulan` (a date) and the SELECT list
    `kolom`, which is fixed text of the door (never a value from a user). Not gated: callers are."""
    df = kueri(
        versi,
        f"""
        select bulan, {kolom}
        from gudang.mart_wilayah_bulan
        where kode_wilayah = $kode and bulan between $dari and $sampai
        order by bulan
        """,
        {"kode": kode_wilayah, "dari": dari, "sampai": sampai},
    )
    return _kolom_tanggal(df, "bulan")
