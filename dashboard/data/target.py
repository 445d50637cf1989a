"""Target (`screens.md`, `metrics.md` section 5): a regency's poverty rate against its planning documents' targets.

Everything from marts: the BPS series (`mart_indikator_kemiskinan`), each document's final target and the decline
still needed (`mart_target`), its yearly targets as written (`mart_target_tahunan`) and straight-line path
(`mart_target_jalur`), and the trend projection (`mart_proyeksi_kemiskinan`). The series and the targets hold the
shipped reference rows of the regency under the rows the user loaded; `asal` and `berkas` say which.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.data.gerbang import _KECIL, _TTL, _gerbang, kueri
from dashboard.db import VersiGudang

_SQL_TARGET = {
    "bps": "select tahun, persen_miskin, jumlah_miskin_jiwa, garis_kemiskinan_rp, sumber, asal, berkas "
           "from gudang.mart_indikator_kemiskinan where kode_kab = $kab order by tahun",
    "dokumen": "select * from gudang.mart_target where kode_kab = $kab order by tahun_target desc, dokumen",
    "jalur": "select dokumen, tahun, target_jalur from gudang.mart_target_jalur where kode_kab = $kab "
             "order by dokumen, tahun",
    "target": "select dokumen, tahun, target_persen, target_persen_atas, sumber, catatan, asal, berkas "
              "from gudang.mart_target_tahunan where kode_kab = $kab order by dokumen, tahun",
    "proyeksi": "select tahun, proyeksi, bawah_80, atas_80, kemiringan_per_tahun, jumlah_titik "
                "from gudang.mart_proyeksi_kemiskinan where kode_kab = $kab order by tahun",
}


@_gerbang("tumpang")
@st.cache_data(ttl=_TTL, max_entries=_KECIL, show_spinner=False)
def target_kemiskinan(versi: VersiGudang, kode_kab: str) -> dict[str, pd.DataFrame]:
    """Everything the target page draws for one regency: `bps` (BPS series), `dokumen` (one row per document),
    `jalur` (their required paths), `target` (their yearly targets as written), `proyeksi` (the trend)."""
    return {nama: kueri(versi, teks, {"kab": kode_kab}) for nama, teks in _SQL_TARGET.items()}
