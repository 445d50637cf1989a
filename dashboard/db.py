"""Read-only access to the warehouse (gudang): which version it is, and one connection per version.

The pipeline never writes the warehouse in place; it builds a new file and swaps it in
with `os.replace` (`pipelines/sql/README.md`). The app therefore identifies a warehouse by
its *version* (path, modification time in ns, size) and keeps one connection per version.
Following `recipes.md` ("DuckDB 2.0 and concurrent access"), a connection is an in-memory
DuckDB with the file ATTACHed READ_ONLY as `gudang`: a plain `duckdb.connect(path)` in the
same process could hand back an old, still-open database after a swap. Every query runs on
its own cursor, so Streamlit's session threads never share one. Nothing here ever opens the
file for writing, so the app never holds a lock the pipeline needs. Only the data door
(`dashboard/data/`) calls `kueri`.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any, NamedTuple

import duckdb
import pandas as pd
import streamlit as st


class VersiGudang(NamedTuple):
    """One version of the warehouse file; a rebuilt warehouse has a different version."""

    jalur: str
    mtime_ns: int
    ukuran: int


def versi_gudang(jalur: Path) -> VersiGudang | None:
    """The current version of the warehouse file, or None when there is no such file."""
    try:
        info = os.stat(jalur)
    except OSError:
        return None
    if not Path(jalur).is_file():
        return None
    return VersiGudang(str(Path(jalur).resolve()), info.st_mtime_ns, info.st_size)


def _tutup(kon: duckdb.DuckDBPyConnection) -> None:
    with contextlib.suppress(duckdb.Error):
        kon.close()


@st.cache_resource(max_entries=2, show_spinner=False, on_release=_tutup)
def koneksi(versi: VersiGudang) -> duckdb.DuckDBPyConnection:
    """An in-memory connection with this warehouse version attached read-only as `gudang`."""
    kon = duckdb.connect(":memory:", config={"threads": 2})
    try:
        kon.execute("ATTACH $jalur AS gudang (READ_ONLY)", {"jalur": versi.jalur})
    except duckdb.Error:
        kon.close()
        raise
    return kon


def kueri(versi: VersiGudang, sql: str, parameter: dict[str, Any] | None = None) -> pd.DataFrame:
    """Run one SELECT on its own cursor and return the result as a DataFrame."""
    kursor = koneksi(versi).cursor()
    try:
        return kursor.execute(sql, parameter or {}).df()
    finally:
        kursor.close()
