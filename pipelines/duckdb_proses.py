"""The process's own in-memory DuckDB, for the short queries of reading (a CSV read): opening a DuckDB database
costs about 12 ms of CPU, more than many of those queries, and a national load made one or two per file. Each process
(a forked validation worker too) opens its own on first use and keeps it; each caller gets its own cursor, so threads
never share a connection, and a cursor's variables and registered tables end with it."""

from __future__ import annotations

import os
import resource
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb

_KUNCI = threading.Lock()
_BASIS: dict[int, duckdb.DuckDBPyConnection] = {}
"""Per process id, the connection whose database the cursors share. A forked child opens its own and keeps its
parent's entry unused and unclosed (closing it would act on the parent's threads, which the child does not have)."""


def _kunci_baru() -> None:
    global _KUNCI
    _KUNCI = threading.Lock()  # a lock held by another thread at the fork would never be released in the child


os.register_at_fork(after_in_child=_kunci_baru)


def dapat_dipakai() -> bool:
    """False in a process with an address-space limit (`RLIMIT_AS`, set on the upload checker of `pipelines.terpisah`
    only where there is no /proc): under a tight limit DuckDB can end the process instead of raising, so the caller
    takes its pure-Python way instead."""
    return resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY


@contextmanager
def kursor() -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh connection to this process's in-memory DuckDB database, closed on exit."""
    import duckdb

    pid = os.getpid()
    with _KUNCI:
        basis = _BASIS.get(pid)
        if basis is None:
            basis = _BASIS[pid] = duckdb.connect()
        con = basis.cursor()
    try:
        yield con
    finally:
        con.close()
