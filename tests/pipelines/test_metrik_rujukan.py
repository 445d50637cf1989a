"""`pantau metrik --set rujukan`: referrals per wilayah and destination, the same numbers as the Rujukan page.

Warehouse `gudang_rujukan` (cut-off 9 May 2025; the referrals are listed in tests/dashboard/halaman/test_rujukan.py).
Started Nov 2024 .. Apr 2025, without the two sensitive referrals (KDRT cases to UPTD PPA):
    Kec. Perak (35.17.01): BPJS 2001-001 (respon_14, selesai_90), Dinsos 2001-002 (open, past SLA), Dukcapil 2001-002
    (respon_14, open, past SLA), Perkim 2005-002 (open, tanpa respon), Disdik 2003-001 (respon_14, selesai_90)
    -> semua: dikirim 5, respon_14 3, selesai_90 2, ditolak 0, terbuka 3, terlambat 2, tanpa_respon 1.
    Kec. Kabuh (35.17.16): its only referral is the sensitive one -> semua: all 0, no destination row.
    Kabupaten 35.17: the Perak figures, plus the row kasus_sensitif: dikirim 2, respon_14 1 (Kepuhkajang), selesai_90 1,
    terbuka 1, terlambat 1, tanpa_respon 1 (Kabuh).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from tests.fixtures.app_rujukan import PANTAU_TOML

ANGKA = ["dikirim", "respon_14", "selesai_90", "ditolak", "terbuka", "terlambat", "tanpa_respon"]


def _metrik(gudang: Path, *argumen: str) -> pd.DataFrame:
    env = {**os.environ, "PANTAU_DB": str(gudang), "PANTAU_KABUPATEN": "35.17", "PANTAU_KUNCI": "kunci-uji",
           "PANTAU_CONFIG": str(PANTAU_TOML)}
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "metrik", "--set", "rujukan", *argumen],
                           env=env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stderr
    return pd.read_csv(io.StringIO(hasil.stdout), dtype={"kode_wilayah": str})


def test_rujukan_per_kecamatan_dan_kabupaten(gudang_rujukan: Path) -> None:
    kec = _metrik(gudang_rujukan, "--tingkat", "kecamatan", "--dari", "2024-11", "--sampai", "2025-04")
    assert list(kec.columns) == ["kode_wilayah", "nama_wilayah", "tujuan_rujukan", *ANGKA]
    perak = kec[kec.kode_wilayah == "35.17.01"].set_index("tujuan_rujukan")
    assert sorted(perak.index) == ["bpjs_kesehatan", "dinsos", "disdik", "dukcapil", "perkim", "semua"]
    assert perak.loc["semua", ANGKA].tolist() == [5, 3, 2, 0, 3, 2, 1]
    assert perak.loc["perkim", ANGKA].tolist() == [1, 0, 0, 0, 1, 0, 1]
    kabuh = kec[kec.kode_wilayah == "35.17.16"]
    assert kabuh.tujuan_rujukan.tolist() == ["semua"] and kabuh[ANGKA].sum().sum() == 0
    assert len(kec[kec.tujuan_rujukan == "semua"]) == 21  # every kecamatan, zeros included
    assert not kec.tujuan_rujukan.isin(["uptd_ppa", "kasus_sensitif"]).any()

    kab = _metrik(gudang_rujukan, "--tingkat", "kabupaten", "--dari", "2024-11", "--sampai", "2025-04",
                  "--format", "csv").set_index("tujuan_rujukan")
    assert kab.loc["semua", ANGKA].tolist() == [5, 3, 2, 0, 3, 2, 1]
    assert kab.loc["kasus_sensitif", ANGKA].tolist() == [2, 1, 1, 0, 1, 1, 1]
    assert "uptd_ppa" not in kab.index


def test_sama_dengan_halaman_rujukan(gudang_rujukan: Path, sebagai_perencana: None) -> None:
    """Each wilayah's rows equal the page's table by destination, its funnel and (kabupaten) its sensitive note."""
    from dashboard import data
    from dashboard.db import versi_gudang

    versi = versi_gudang(gudang_rujukan)
    dari, sampai = date(2024, 11, 1), date(2025, 4, 1)
    for tingkat, kode in (("kabupaten", "35.17"), ("kecamatan", "35.17.01"), ("desa", "35.17.01.2001")):
        cli = _metrik(gudang_rujukan, "--tingkat", tingkat, "--dari", "2024-11", "--sampai", "2025-04")
        cli = cli[cli.kode_wilayah == kode].set_index("tujuan_rujukan")
        tabel = data.rujukan_per_tujuan(versi, kode, dari, sampai).set_index("tujuan_rujukan")
        for tujuan, baris in tabel.iterrows():
            assert cli.loc[tujuan, ANGKA].tolist() == [int(baris[k]) for k in ANGKA], (kode, tujuan)
        corong = data.corong_rujukan(versi, kode, dari, sampai).iloc[0]
        assert cli.loc["semua", ["dikirim", "ditolak", "terbuka", "terlambat", "tanpa_respon", "respon_14"]].tolist() \
            == [int(corong[k]) for k in ("dikirim", "ditolak", "terbuka", "terlambat", "tanpa_respon", "respon_14")]
        sensitif = data.rujukan_sensitif_kabupaten(versi, kode, dari, sampai)
        if tingkat == "kabupaten":
            assert cli.loc["kasus_sensitif", ANGKA].tolist() == [int(sensitif.iloc[0][k]) for k in ANGKA]
        else:
            assert sensitif.empty and "kasus_sensitif" not in cli.index


@pytest.mark.parametrize("format_", ["json"])
def test_tanpa_periode_semua_bulan(gudang_rujukan: Path, format_: str) -> None:
    env = {**os.environ, "PANTAU_DB": str(gudang_rujukan), "PANTAU_KABUPATEN": "35.17", "PANTAU_KUNCI": "kunci-uji",
           "PANTAU_CONFIG": str(PANTAU_TOML)}
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "metrik", "--set", "rujukan", "--tingkat",
                            "kabupaten", "--format", format_], env=env, capture_output=True, text=True, timeout=120)
    baris = {b["tujuan_rujukan"]: b for b in json.loads(hasil.stdout)}
    # every month: the same referrals (none started outside Nov 2024 .. Apr 2025); terlambat is then tunggakan
    assert [baris["semua"][k] for k in ANGKA] == [5, 3, 2, 0, 3, 2, 1]
    hasil = subprocess.run([sys.executable, "-m", "pipelines.cli", "metrik", "--set", "rujukan"], env=env,
                           capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 2 and "--set rujukan butuh --tingkat" in hasil.stderr
