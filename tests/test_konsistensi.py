"""One number, every surface: the reporting measures of `metrics.md` section 3 on the demo of 6 December 2026.

On 6 December the November reports are not due until 10 December, so the last due month is October 2026 and
November is partial. The Ringkasan tile, the Kualitas data tile, the map's status counts, the kecamatan agenda's
list of silent Puskesos and `pantau metrik --set pelaporan` must give the same counts, and the command line must
move the due month exactly after day 10 (days 1, 9, 10, 11 and 28 of a month, `--per`).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import PANTAU, BukaApp, env_pantau


def _metrik(gudang: Path, *argumen: str) -> list[dict]:
    hasil = subprocess.run([str(PANTAU), "metrik", "--format", "json", *argumen],
                           env={**os.environ, **env_pantau(gudang)}, capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stderr
    return list(json.loads(hasil.stdout))


def _ubin(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


@pytest.mark.parametrize(("per", "jatuh_tempo"), [
    ("2026-12-01", "2026-10"), ("2026-12-09", "2026-10"), ("2026-12-10", "2026-10"), ("2026-12-11", "2026-11"),
    ("2026-12-28", "2026-11")])
def test_bulan_jatuh_tempo_setelah_hari_kesepuluh(gudang_demo: Path, per: str, jatuh_tempo: str) -> None:
    [kab] = _metrik(gudang_demo, "--set", "pelaporan", "--tingkat", "kabupaten", "--per", per)
    assert kab["bulan_jatuh_tempo_terakhir"] == jatuh_tempo
    bulanan = _metrik(gudang_demo, "--tingkat", "kabupaten", "--dari", "2026-10", "--sampai", "2026-11", "--per", per)
    assert {b["bulan"]: b["sudah_jatuh_tempo"] for b in bulanan} == {
        "2026-10": True, "2026-11": jatuh_tempo == "2026-11"}


def test_status_puskesos_sama_di_setiap_permukaan(gudang_demo: Path, buka_app: BukaApp) -> None:
    [kab] = _metrik(gudang_demo, "--set", "pelaporan", "--tingkat", "kabupaten")
    assert kab["bulan_jatuh_tempo_terakhir"] == "2026-10"
    aktif = kab["puskesos_aktif"]
    jumlah = sum(kab[f"puskesos_{s}"] for s in ("aktif", "tersendat", "diam", "belum_dibentuk"))
    assert jumlah == 306
    # the demo's desa report on time month after month: with November not yet due, most are aktif (not "tersendat")
    assert aktif > 250 and kab["puskesos_tersendat"] < 20
    desa = _metrik(gudang_demo, "--set", "pelaporan", "--tingkat", "desa")
    assert Counter(d["status_puskesos"] for d in desa)["aktif"] == aktif

    ringkasan = _ubin(buka_app(gudang_demo))
    assert ringkasan["Puskesos aktif"] == f"{aktif} dari 306"
    # the same run of the page also carries the stock of overdue referrals and the period's new cases: one number
    # with the command line each (the app is opened once for all three, it is the slow part of this module)
    assert ringkasan["Tunggakan rujukan"] == _titik(_stok_tunggakan(gudang_demo))
    bulanan = _metrik(gudang_demo, "--tingkat", "kabupaten", "--dari", "2026-05", "--sampai", "2026-10")
    assert all(b["sudah_jatuh_tempo"] for b in bulanan)  # the default period, May - Oct 2026, is all due
    assert ringkasan["Kasus baru"] == _titik(sum(b["kasus_baru"] for b in bulanan))
    kualitas = buka_app(gudang_demo, "kualitas")
    assert _ubin(kualitas)["Puskesos aktif"] == str(aktif)


def test_peta_dan_agenda_memakai_status_yang_sama(gudang_demo: Path, monkeypatch: pytest.MonkeyPatch,
                                                  sebagai_perencana: None) -> None:
    from dashboard import data
    from dashboard.db import versi_gudang

    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    kec = {k["kode_wilayah"]: k for k in _metrik(gudang_demo, "--set", "pelaporan", "--tingkat", "kecamatan")}
    peta = data.peta_desa(versi, "35.17", dt.date(2026, 5, 1), dt.date(2026, 10, 1))
    per_kec = peta.groupby("kode_kec")["status_puskesos"].value_counts().unstack(fill_value=0)
    for kode, baris in kec.items():
        assert int(per_kec.loc[kode].get("aktif", 0)) == baris["puskesos_aktif"], kode
        assert int(per_kec.loc[kode].get("diam", 0)) == baris["puskesos_diam"], kode
    # the Kabuh agenda lists the silent and stalled Puskesos: exactly the command line's count for Kabuh
    bermasalah = data.puskesos_bermasalah(versi, "35.17.16")
    kabuh = kec["35.17.16"]
    assert len(bermasalah) == kabuh["puskesos_tersendat"] + kabuh["puskesos_diam"]


def test_november_belum_lengkap_tanpa_perbandingan(gudang_demo: Path, buka_app: BukaApp) -> None:
    # the default period ends with October, the last due month: a full comparison with the six months before
    bawaan = buka_app(gudang_demo)
    judul = " ".join(m.value for m in bawaan.markdown)
    assert "Mei – Okt 2026" in judul and "dibanding" in judul
    # a period that reaches into November is marked partial and shows no change figure
    sebagian = buka_app(gudang_demo, dari="2026-06", sampai="2026-11")
    judul = " ".join(m.value for m in sebagian.markdown)
    assert "belum lengkap" in judul
    kasus = next(m for m in sebagian.metric if m.label == "Kasus baru")
    assert not kasus.delta


def test_tunggakan_satu_angka(gudang_demo: Path, monkeypatch: pytest.MonkeyPatch, sebagai_perencana: None) -> None:
    # tunggakan is a stock at the cut-off (metrics.md section 2): the map's desa (whatever the period), the agenda's
    # destinations and the monthly set of the command line give one number (the Ringkasan tile: test above)
    from dashboard import data
    from dashboard.db import versi_gudang

    stok = _stok_tunggakan(gudang_demo)
    assert stok > 0
    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    for dari, sampai in ((dt.date(2026, 5, 1), dt.date(2026, 10, 1)), (dt.date(2026, 1, 1), dt.date(2026, 3, 1))):
        assert int(data.peta_desa(versi, "35.17", dari, sampai)["tunggakan"].sum()) == stok
    assert int(data.perhatian_tujuan(versi, "35.17", batas=None)["rujukan_terlambat"].sum()) == stok


def _stok_tunggakan(gudang: Path) -> int:
    """Every month's open overdue referrals of the regency, from the command line's monthly set."""
    bulanan = _metrik(gudang, "--tingkat", "kabupaten", "--dari", "2024-01", "--sampai", "2026-12")
    return sum(int(b["rujukan_terlambat"]) for b in bulanan)


def _titik(n: int) -> str:
    return f"{n:,}".replace(",", ".")
