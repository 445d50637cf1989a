"""Month arithmetic for the period filter: month ranges, the previous period, the latest complete month.

A month is always represented by the date of its first day, as `mart_wilayah_bulan.bulan` is.
"""

from __future__ import annotations

import calendar
import datetime as dt


def awal_bulan(d: dt.date) -> dt.date:
    """The first day of the month containing `d`."""
    return d.replace(day=1)


def akhir_bulan(d: dt.date) -> dt.date:
    """The last day of the month containing `d`."""
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def tambah_bulan(d: dt.date, n: int) -> dt.date:
    """The first day of the month `n` months after (or before, when negative) the month of `d`."""
    indeks = d.year * 12 + (d.month - 1) + n
    return dt.date(indeks // 12, indeks % 12 + 1, 1)


def jumlah_bulan(dari: dt.date, sampai: dt.date) -> int:
    """How many months from `dari` to `sampai`, both included (0 when `sampai` is before `dari`)."""
    n = (sampai.year - dari.year) * 12 + (sampai.month - dari.month) + 1
    return max(n, 0)


def periode_sebelumnya(dari: dt.date, sampai: dt.date) -> tuple[dt.date, dt.date]:
    """The period of equal length that ends the month before `dari`."""
    n = jumlah_bulan(dari, sampai)
    return tambah_bulan(dari, -n), tambah_bulan(dari, -1)


def periode_bawaan(bulan_ada: list[dt.date], jatuh_tempo: dt.date, panjang: int = 6) -> tuple[dt.date, dt.date]:
    """Default period: the last `panjang` months ending at the last DUE month (`jatuh_tempo`, the warehouse's
    `bulan_jatuh_tempo_terakhir`: later months are partial, `metrics.md` section 3), within the months with data."""
    pertama, terakhir = min(bulan_ada), max(bulan_ada)
    sampai = min(max(jatuh_tempo, pertama), terakhir)
    dari = max(tambah_bulan(sampai, -(panjang - 1)), pertama)
    return dari, sampai
