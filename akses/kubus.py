"""Reading the monthly mart through the gate for the command line (`pantau metrik --sebagai NAMA`):
the raw cube, then exactly what a user may see of it (scope and protection)."""

from __future__ import annotations

from datetime import date

import pandas as pd

from akses.peran import (
    TINGKAT,
    Pengguna,
    di_dalam,
    nama_wilayah,
    normalkan_kode,
    periksa_tingkat,
    periksa_wilayah,
    saring,
)
from akses.privasi import lindungi_bulanan
from pipelines.konfigurasi import Konfigurasi


def baca_kubus_bulanan(konfigurasi: Konfigurasi, dari: date, sampai: date, per: date | None = None) -> pd.DataFrame:
    """The RAW monthly mart for every desa, kecamatan and kabupaten and months `dari`..`sampai` (column `tingkat`),
    read with the query of `pantau metrik` (`sql/kueri/metrik_bulanan.sql`). Never show it without
    `lindungi_bulanan`."""
    from pipelines import build
    from pipelines.gudang import baca_gudang

    kueri = (build.FOLDER_SQL / "kueri" / "metrik_bulanan.sql").read_text(encoding="utf-8")
    with baca_gudang(konfigurasi.gudang, per=per, konfigurasi=konfigurasi) as con:
        bagian = [con.execute(kueri, {"tingkat": t, "dari": dari, "sampai": sampai}).fetchdf().assign(tingkat=t)
                  for t in TINGKAT]
    return rapikan_kubus(pd.concat(bagian, ignore_index=True))


def rapikan_kubus(df: pd.DataFrame) -> pd.DataFrame:
    """The monthly mart as read from the warehouse, with its counts as int64 (NULL = 0) and its cohort flags as
    bool (NULL = False), the form `lindungi_bulanan` works on."""
    angka = [c for c in df.columns if c.startswith(("kasus_", "rujukan_", "desa_"))]
    df[angka] = df[angka].fillna(0).astype("int64")
    for c in ("kohort_matang_30", "kohort_matang_60", "kohort_matang_90"):
        if c in df.columns:
            df[c] = df[c].fillna(False).astype(bool)
    return df


def metrik_bulanan_untuk(konfigurasi: Konfigurasi, pengguna: Pengguna | None, tingkat: str, dari: date,
                         sampai: date, per: date | None = None, wilayah: str | None = None) -> pd.DataFrame:
    """Exactly what `pengguna` may see of the monthly mart at `tingkat`: rows inside the scope (and inside `wilayah`
    when given), desa and kecamatan rows protected. Out of scope raises `AksesDitolak`."""
    from akses.pseudonim import muat_kunci
    from pipelines.metrik import KesalahanMetrik

    periksa_tingkat(pengguna, tingkat)
    if sampai < dari:
        raise KesalahanMetrik("--sampai lebih awal dari --dari.")
    diminta = None
    if wilayah is not None:
        diminta = normalkan_kode(wilayah)
        periksa_wilayah(pengguna, diminta)
    kubus = baca_kubus_bulanan(konfigurasi, dari, sampai, per)
    aman = lindungi_bulanan(kubus, muat_kunci(konfigurasi))
    hasil = saring(aman[aman["tingkat"] == tingkat].drop(columns="tingkat"), pengguna)
    if diminta is not None:
        hasil = di_dalam(hasil, diminta)
        if hasil.empty:
            raise KesalahanMetrik(f"Tidak ada baris tingkat {tingkat} di dalam {nama_wilayah(diminta)}.")
    hasil = hasil.reset_index(drop=True)
    tampil = set(hasil["kode_wilayah"])
    hasil.attrs["risiko_sisa"] = [r for r in aman.attrs.get("risiko_sisa", []) if r[1] in tampil]
    return hasil
