"""Month arithmetic of the filters (`dashboard.periode`): period length, the previous period, the latest complete
month and the default period."""

from __future__ import annotations

import datetime as dt

from dashboard.periode import jumlah_bulan, periode_bawaan, periode_sebelumnya


def test_periode() -> None:
    assert jumlah_bulan(dt.date(2025, 11, 1), dt.date(2026, 2, 1)) == 4
    assert periode_sebelumnya(dt.date(2026, 1, 1), dt.date(2026, 3, 1)) == (dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    bulan = [dt.date(2025, m, 1) for m in range(1, 13)] + [dt.date(2026, 1, 1)]
    # at 9 Jan 2026 the last due month is November 2025 (December's reports are due on 10 Jan): the default period
    # ends there, never with a partial month
    assert periode_bawaan(bulan, dt.date(2025, 11, 1)) == (dt.date(2025, 6, 1), dt.date(2025, 11, 1))
    assert periode_bawaan(bulan, dt.date(2025, 12, 1)) == (dt.date(2025, 7, 1), dt.date(2025, 12, 1))
    # the only month with data is not due yet: nothing is complete, show that month
    assert periode_bawaan([dt.date(2026, 1, 1)], dt.date(2025, 11, 1)) == (dt.date(2026, 1, 1), dt.date(2026, 1, 1))
