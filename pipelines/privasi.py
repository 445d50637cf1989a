"""The small-cell rule of `metrics.md` section 7, in one place for every table the project shows or exports.

Below kabupaten level, counts of sensitive cases (violence against women or
children, and victims of violence as target group) from 1 to 4 are shown as
`<5`. Zero stays 0 and 5 or more is shown. (Complementary protection against
recovery by subtraction is the job of the access gate, see the README.)
"""

from __future__ import annotations

import pandas as pd

AMBANG = 5
KOLOM_SENSITIF = ("kasus_kekerasan_perempuan", "kasus_kekerasan_anak", "kasus_sensitif")
DISEMBUNYIKAN = "<5"


def sembunyikan_sel_kecil(df: pd.DataFrame, tingkat: str) -> pd.DataFrame:
    """Replace sensitive counts 1-4 by `<5` in a desa or kecamatan table; kabupaten tables pass unchanged."""
    if tingkat == "kabupaten":
        return df
    keluar = df.copy()
    for kolom in KOLOM_SENSITIF:
        if kolom in keluar.columns:
            nilai = keluar[kolom]
            kecil = (nilai > 0) & (nilai < AMBANG)
            keluar[kolom] = nilai.astype(object).where(~kecil, DISEMBUNYIKAN)
    return keluar
