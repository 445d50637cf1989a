"""Reading the monthly mart for the command line: one row per wilayah and month, privacy rule applied.

The query lives in `sql/kueri/metrik_bulanan.sql`; a `--per` other than the
data date recomputes the cut-off dependent marts in a read-only session
(`build.hitung_mart_per`), so the definitions are the same as the build's.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from akses import sembunyikan_sel_kecil
from pipelines import build
from pipelines.gudang import baca_gudang
from pipelines.konfigurasi import Konfigurasi

TINGKAT = ("desa", "kecamatan", "kabupaten")


class KesalahanMetrik(ValueError):
    """A request the warehouse cannot answer; the message is in Indonesian."""


def metrik_bulanan(konfigurasi: Konfigurasi, tingkat: str, dari: date, sampai: date,
                   per: date | None = None) -> pd.DataFrame:
    """The monthly mart at `tingkat` for months `dari`..`sampai` (first days), as of `per` (default: data date)."""
    if tingkat not in TINGKAT:
        raise KesalahanMetrik(f"Tingkat {tingkat} tidak dikenal; pilih desa, kecamatan atau kabupaten.")
    if sampai < dari:
        raise KesalahanMetrik("--sampai lebih awal dari --dari.")
    kueri = (build.FOLDER_SQL / "kueri" / "metrik_bulanan.sql").read_text(encoding="utf-8")
    with baca_gudang(konfigurasi.gudang, per=per, konfigurasi=konfigurasi) as con:
        df = con.execute(kueri, {"tingkat": tingkat, "dari": dari, "sampai": sampai}).fetchdf()
    angka = [c for c in df.columns if c.startswith(("kasus_", "rujukan_", "desa_"))]
    df[angka] = df[angka].fillna(0).astype("int64")
    for c in ("kohort_matang_30", "kohort_matang_60", "kohort_matang_90"):
        df[c] = df[c].fillna(False).astype(bool)
    return sembunyikan_sel_kecil(df, tingkat)


def _baca(konfigurasi: Konfigurasi, kueri: str, parameter: dict, per: date | None = None) -> pd.DataFrame:
    with baca_gudang(konfigurasi.gudang, per=per, konfigurasi=konfigurasi) as con:
        return con.execute(kueri, parameter).fetchdf()


def metrik_program(konfigurasi: Konfigurasi, tingkat: str, per: date | None = None) -> pd.DataFrame:
    """Coverage and targeting per wilayah and program at the cut-off (`--set program`)."""
    if tingkat not in TINGKAT:
        raise KesalahanMetrik(f"Tingkat {tingkat} tidak dikenal; pilih desa, kecamatan atau kabupaten.")
    kueri = (build.FOLDER_SQL / "kueri" / "metrik_program.sql").read_text(encoding="utf-8")
    df = _baca(konfigurasi, kueri, {"tingkat": tingkat}, per)
    for c in ("periode_dtks", "periode_roll"):
        df[c] = pd.to_datetime(df[c]).dt.strftime("%Y-%m")
    jumlah = ["keluarga_layak", "tercakup", "penerima", "salah_inklusi", "salah_eksklusi", "inklusi_luar_desil",
              "inklusi_tidak_dtks_aktif"]
    df[jumlah] = df[jumlah].astype("Int64")  # counts stay whole numbers where the DTKS leaves some unknown
    return df


def metrik_target(konfigurasi: Konfigurasi) -> pd.DataFrame:
    """Poverty rate against every planning document's target, per regency (`--set target`)."""
    kueri = (build.FOLDER_SQL / "kueri" / "metrik_target.sql").read_text(encoding="utf-8")
    return _baca(konfigurasi, kueri, {})
