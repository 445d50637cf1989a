"""Measures that must be computed at query time, written ONCE as SQL fragments (`metrics.md`).

Most numbers are computed by the pipeline's marts and only read here. What cannot be stored is a sum over the
period the user picks, and a rate over such sums: those are these fragments, used by every function of the door
that needs them (no page or component writes a formula). A rate is always recomputed from the summed counts,
never an average of monthly rates, and is NULL when its denominator is 0. The fragments contain no values: values
reach DuckDB only as `$parameters` of the query they are put in; the column names are the marts' own.
"""

from __future__ import annotations


def rasio(pembilang: str, penyebut: str) -> str:
    """A rate of two (summed) counts; NULL when the denominator is 0."""
    return f"{pembilang} / nullif({penyebut}, 0)"


def jumlah(kolom: str, syarat: str = "true") -> str:
    """The sum of a monthly count over the months meeting `syarat` (an SQL condition), 0 when there are none."""
    return f"coalesce(sum({kolom}) filter (where {syarat}), 0)"


SELESAI_90 = rasio("selesai_90_matang", "dikirim_matang_90")
"""Referrals completed within 90 days (`metrics.md` 2), over the MATURE cohorts of the period only: needs the
columns `selesai_90_matang` and `dikirim_matang_90` (`dikirim_matang_90`, `selesai_90_matang` below)."""

KELENGKAPAN = rasio("bulan_melapor", "bulan_diharapkan")
"""Reporting completeness (`metrics.md` 3): expected months that were reported / expected months."""

KASUS_PER_1000 = "1000.0 * " + rasio("kasus_baru", "jumlah_penduduk")
"""New cases per 1,000 residents (`metrics.md` 1), from the period's cases and the population of its last year."""


def dikirim_matang_90(periode: str = "true") -> str:
    """Referrals started in the months of the period (`periode`, an SQL condition on `bulan`) that are mature for
    the 90-day rate (`kohort_matang_90` of `mart_wilayah_bulan`/`mart_desa_bulan`): the rate's denominator."""
    return jumlah("rujukan_dikirim", f"({periode}) and kohort_matang_90")


def selesai_90_matang(periode: str = "true") -> str:
    """Of `dikirim_matang_90`, those completed within 90 days of their start: the rate's numerator."""
    return jumlah("rujukan_selesai_90", f"({periode}) and kohort_matang_90")


TUNGGAKAN = jumlah("rujukan_terlambat")
"""Tunggakan (`metrics.md` 2): a STOCK at the cut-off, every open referral past its SLA whatever month it started
(the Ringkasan tile, the map, the agenda). A count of those started in a chosen period is another number with its
own name ("tunggakan dari rujukan periode ini"), never called plain tunggakan."""

TANPA_RESPON = jumlah("rujukan_tanpa_respon")
"""Open referrals with no response older than 14 days at the cut-off (`metrics.md` 2): a stock, like
`TUNGGAKAN`."""


HITUNG_RUJUKAN: dict[str, str] = {
    "dikirim": "count(*)",
    "direspon": "count_if(status_per <> 'dikirim' or tanggal_respon is not null)::bigint",
    "respon_14": "count_if(respon_14)::bigint",
    "selesai_90": "count_if(selesai_90)::bigint",
    "selesai": "count_if(status_per = 'selesai')::bigint",
    "ditolak": "count_if(status_per = 'ditolak_tujuan')::bigint",
    "terbuka": "count_if(terbuka)::bigint",
    "terlambat": "count_if(terlambat)::bigint",
    "tanpa_respon": "count_if(tanpa_respon)::bigint",
}
"""Counts over rows of `mart_rujukan` (one row per referral, as it stood at the cut-off; `metrics.md` 2): `direspon`
= past `dikirim` or with a response date; `selesai_90` = completed within 90 days, any cohort (a count that can only
grow); the others are the mart's own flags and statuses. The funnel, the table by destination and the list of desa
without response all count with these."""


def hitung_rujukan(*nama: str) -> str:
    """`HITUNG_RUJUKAN` expressions as a SELECT list (`count(*) as dikirim, ...`), in the order asked."""
    return ", ".join(f"{HITUNG_RUJUKAN[n]} as {n}" for n in nama)


SELESAI_90_BULAN = "case when kohort_matang_90 then " + rasio("rujukan_selesai_90", "rujukan_dikirim") + " end"
"""The 90-day completion of ONE month's cohort (a monthly mart row): NULL when the month is not mature or sent
nothing (the Rapat kecamatan sparklines)."""
