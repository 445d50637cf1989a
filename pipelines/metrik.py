"""Reading the monthly mart for the command line: one row per wilayah and month, privacy rule applied.

The query lives in `sql/kueri/metrik_bulanan.sql`; a `--per` other than the
data date recomputes the cut-off dependent marts in a read-only session
(`build.hitung_mart_per`), so the definitions are the same as the build's.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from pipelines import build
from pipelines.gudang import baca_gudang
from pipelines.konfigurasi import Konfigurasi

TINGKAT = ("desa", "kecamatan", "kabupaten")


class KesalahanMetrik(ValueError):
    """A request the warehouse cannot answer; the message is in Indonesian."""


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


def metrik_pelaporan(konfigurasi: Konfigurasi, tingkat: str, per: date | None = None) -> pd.DataFrame:
    """Reporting per wilayah at the cut-off (`--set pelaporan`): due month, Puskesos status and completeness."""
    if tingkat not in TINGKAT:
        raise KesalahanMetrik(f"Tingkat {tingkat} tidak dikenal; pilih desa, kecamatan atau kabupaten.")
    kueri = (build.FOLDER_SQL / "kueri" / "metrik_pelaporan.sql").read_text(encoding="utf-8")
    df = _baca(konfigurasi, kueri, {"tingkat": tingkat}, per)
    if tingkat != "desa":
        df = df.drop(columns="status_puskesos")
    return df


def metrik_rujukan(konfigurasi: Konfigurasi, tingkat: str, dari: date | None = None, sampai: date | None = None,
                   per: date | None = None) -> pd.DataFrame:
    """Referrals per wilayah and destination, started in `dari`..`sampai` (`--set rujukan`,
    `sql/kueri/metrik_rujukan.sql`): the Rujukan page's table by destination and funnel, sensitive referrals left
    out (counted apart, row `kasus_sensitif`, at kabupaten level only)."""
    if tingkat not in TINGKAT:
        raise KesalahanMetrik(f"Tingkat {tingkat} tidak dikenal; pilih desa, kecamatan atau kabupaten.")
    if dari and sampai and sampai < dari:
        raise KesalahanMetrik("--sampai lebih awal dari --dari.")
    kueri = (build.FOLDER_SQL / "kueri" / "metrik_rujukan.sql").read_text(encoding="utf-8")
    return _baca(konfigurasi, kueri, {"tingkat": tingkat, "dari": dari, "sampai": sampai}, per)
