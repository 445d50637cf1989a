"""Quarantined rows as a table to send back to the desa: file, sheet, row, reason, and the row's own cells.

The cells are those the pipeline read (personal columns were never kept; NIK
and No KK show as "(disembunyikan)"). Every text is neutralised against
spreadsheet formulas before it leaves the warehouse.
"""

from __future__ import annotations

import json

import pandas as pd

from pipelines.baca.nilai import netralkan_rumus
from pipelines.gudang import baca_gudang
from pipelines.konfigurasi import Konfigurasi


def baris_karantina(konfigurasi: Konfigurasi, saring_berkas: str | None = None) -> pd.DataFrame:
    """All quarantined rows (optionally of files whose path contains `saring_berkas`), oldest load first."""
    with baca_gudang(konfigurasi.gudang) as con:
        df = con.execute(
            "select k.berkas, k.lembar, k.baris, k.jenis, k.alasan, k.isi, b.dimuat_pada "
            "from karantina k join meta_berkas b using (id_berkas) "
            "where $saring is null or contains(k.berkas, $saring) order by k.id_berkas, k.baris",
            {"saring": saring_berkas},
        ).fetchdf()
    isi = pd.json_normalize([json.loads(x) for x in df.pop("isi")]) if len(df) else pd.DataFrame()
    keluar = pd.concat([df.reset_index(drop=True), isi.add_prefix("isi_")], axis=1)
    for kolom in keluar.columns:
        if keluar[kolom].dtype == object or str(keluar[kolom].dtype) == "str":
            keluar[kolom] = keluar[kolom].map(lambda v: netralkan_rumus(v) if isinstance(v, str) else v)
    return keluar
