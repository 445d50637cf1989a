"""Month arithmetic of the filters (`dashboard.periode`): period length, the previous period, the latest complete
month and the default period."""

from __future__ import annotations

import datetime as dt

from dashboard.periode import bulan_lengkap_terakhir, jumlah_bulan, periode_bawaan, periode_sebelumnya


def test_periode() -> None:
    assert jumlah_bulan(dt.date(2025, 11, 1), dt.date(2026, 2, 1)) == 4
    assert periode_sebelumnya(dt.date(2026, 1, 1), dt.date(2026, 3, 1)) == (dt.date(2025, 10, 1), dt.date(2025, 12, 1))
    assert bulan_lengkap_terakhir(dt.date(2026, 10, 30)) == dt.date(2026, 9, 1)
    assert bulan_lengkap_terakhir(dt.date(2026, 10, 31)) == dt.date(2026, 10, 1)
    assert bulan_lengkap_terakhir(dt.date(2026, 1, 5)) == dt.date(2025, 12, 1)
    bulan = [dt.date(2025, m, 1) for m in range(1, 13)] + [dt.date(2026, 1, 1)]
    assert periode_bawaan(bulan, dt.date(2026, 1, 9)) == (dt.date(2025, 7, 1), dt.date(2025, 12, 1))
    # the cut-off month is the first month with data: nothing is complete yet, show that month
    assert periode_bawaan([dt.date(2026, 1, 1)], dt.date(2026, 1, 9)) == (dt.date(2026, 1, 1), dt.date(2026, 1, 1))
