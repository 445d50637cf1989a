"""One number, every surface, on the demo of 6 December 2026 (`gudang_demo`).

On 6 December the November reports are not due until 10 December, so the last due month is October 2026 and
November is partial. Covered:
- reporting (`metrics.md` 3): Puskesos aktif/tersendat/diam on the Ringkasan tile, the Kualitas data tile, the map's
  status per kecamatan, the Kabuh agenda's list and `pantau metrik --set pelaporan` (desa, kecamatan, kabupaten);
  the due month moving exactly after day 10 (days 1, 9, 10, 11 and 28, `--per`); November partial, no change figure;
- tunggakan (a stock): the Ringkasan tile, the map's desa for two periods, the agenda's destinations, the monthly set
  and `--set rujukan` without a period;
- referrals (`metrics.md` 2 and 7): `pantau metrik --set rujukan` per kecamatan (all 21) against the Rujukan
  page's funnel and table by destination; the kabupaten's sensitive referrals on the page and the command line;
- new cases: the Ringkasan tile against the monthly set;
- the briefing pack's headline numbers against the Ringkasan tiles; the default Parquet export's protected cube
  against `pantau metrik` (desa rows, October); a kecamatan account (`--sebagai`) against the perencana's rows of
  its kecamatan for three sets, and refused the kabupaten.
Continued in `tests/test_konsistensi_lanjut.py`: the agenda XLSX against the Rapat kecamatan page, the reporting state
on days 1, 9, 10, 11 and 28 on small warehouses (tile, freshness line, Kualitas data, command line), a desa account
against the perencana, and Program and Target across their surfaces.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.fixtures import PANTAU, BukaApp, env_pantau, metrik_json, nilai_ubin


@pytest.mark.parametrize(("per", "jatuh_tempo"), [
    ("2026-12-01", "2026-10"), ("2026-12-09", "2026-10"), ("2026-12-10", "2026-10"), ("2026-12-11", "2026-11"),
    ("2026-12-28", "2026-11")])
def test_bulan_jatuh_tempo_setelah_hari_kesepuluh(gudang_demo: Path, per: str, jatuh_tempo: str) -> None:
    [kab] = metrik_json(gudang_demo, "--set", "pelaporan", "--tingkat", "kabupaten", "--per", per)
    assert kab["bulan_jatuh_tempo_terakhir"] == jatuh_tempo
    bulanan = metrik_json(gudang_demo, "--tingkat", "kabupaten", "--dari", "2026-10", "--sampai", "2026-11",
                          "--per", per)
    assert {b["bulan"]: b["sudah_jatuh_tempo"] for b in bulanan} == {
        "2026-10": True, "2026-11": jatuh_tempo == "2026-11"}


def test_status_puskesos_sama_di_setiap_permukaan(gudang_demo: Path, buka_app: BukaApp) -> None:
    [kab] = metrik_json(gudang_demo, "--set", "pelaporan", "--tingkat", "kabupaten")
    assert kab["bulan_jatuh_tempo_terakhir"] == "2026-10"
    aktif = kab["puskesos_aktif"]
    jumlah = sum(kab[f"puskesos_{s}"] for s in ("aktif", "tersendat", "diam", "belum_dibentuk"))
    assert jumlah == 306
    # the demo's desa report on time month after month: with November not yet due, most are aktif (not "tersendat")
    assert aktif > 250 and kab["puskesos_tersendat"] < 20
    desa = metrik_json(gudang_demo, "--set", "pelaporan", "--tingkat", "desa")
    assert Counter(d["status_puskesos"] for d in desa)["aktif"] == aktif

    ringkasan = nilai_ubin(buka_app(gudang_demo))
    assert ringkasan["Puskesos aktif"] == f"{aktif} dari 306"
    # the same run of the page also carries the stock of overdue referrals and the period's new cases: one number
    # with the command line each (the app is opened once for all three, it is the slow part of this module)
    assert ringkasan["Tunggakan rujukan"] == _titik(_stok_tunggakan(gudang_demo))
    bulanan = metrik_json(gudang_demo, "--tingkat", "kabupaten", "--dari", "2026-05", "--sampai", "2026-10")
    assert all(b["sudah_jatuh_tempo"] for b in bulanan)  # the default period, May - Oct 2026, is all due
    assert ringkasan["Kasus baru"] == _titik(sum(b["kasus_baru"] for b in bulanan))
    kualitas = buka_app(gudang_demo, "kualitas")
    assert nilai_ubin(kualitas)["Puskesos aktif"] == str(aktif)


def test_peta_dan_agenda_memakai_status_yang_sama(gudang_demo: Path, monkeypatch: pytest.MonkeyPatch,
                                                  sebagai_perencana: None) -> None:
    from dashboard import data
    from dashboard.db import versi_gudang

    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    kec = {k["kode_wilayah"]: k for k in metrik_json(gudang_demo, "--set", "pelaporan", "--tingkat", "kecamatan")}
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
    bulanan = metrik_json(gudang, "--tingkat", "kabupaten", "--dari", "2024-01", "--sampai", "2026-12")
    return sum(int(b["rujukan_terlambat"]) for b in bulanan)


def _titik(n: int) -> str:
    return f"{n:,}".replace(",", ".")


# Referral measures (metrics.md section 2, with section 7's exclusion of sensitive referrals): one number on the
# Rujukan page, the Ringkasan tile, the briefing pack's tiles, the Parquet export and the command line, for the
# kabupaten, every kecamatan and a kecamatan account.
PERIODE = (dt.date(2026, 5, 1), dt.date(2026, 10, 1))  # the default period on 6 December: May - Oct 2026


def test_rujukan_satu_angka_di_setiap_permukaan(gudang_demo: Path, monkeypatch: pytest.MonkeyPatch,
                                               sebagai_perencana: None) -> None:
    from dashboard import data
    from dashboard.db import versi_gudang

    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    # with no period, the command line's terlambat is the stock: tunggakan of the monthly set and the tile
    [semua] = [b for b in metrik_json(gudang_demo, "--set", "rujukan", "--tingkat", "kabupaten") if
               b["tujuan_rujukan"] == "semua"]
    assert semua["terlambat"] == _stok_tunggakan(gudang_demo) > 0
    kec = metrik_json(gudang_demo, "--set", "rujukan", "--tingkat", "kecamatan", "--dari", "2026-05", "--sampai",
                  "2026-10")
    assert len({b["kode_wilayah"] for b in kec}) == 21
    for kode in sorted({b["kode_wilayah"] for b in kec}):
        baris = {b["tujuan_rujukan"]: b for b in kec if b["kode_wilayah"] == kode}
        corong = data.corong_rujukan(versi, kode, *PERIODE).iloc[0]
        for ukuran in ("dikirim", "respon_14", "ditolak", "terbuka", "terlambat", "tanpa_respon"):
            assert baris["semua"][ukuran] == int(corong[ukuran]), (kode, ukuran)
        tujuan = data.rujukan_per_tujuan(versi, kode, *PERIODE).set_index("tujuan_rujukan")
        assert set(tujuan.index) == set(baris) - {"semua"}, kode
        for t, r in tujuan.iterrows():
            assert [baris[str(t)][u] for u in ("dikirim", "selesai_90", "terlambat")] == [
                int(r["dikirim"]), int(r["selesai_90"]), int(r["terlambat"])], (kode, t)
        assert "uptd_ppa" not in baris and "kasus_sensitif" not in baris
    # the kabupaten alone counts the sensitive referrals, apart, the same on the page and the command line
    kab = {b["tujuan_rujukan"]: b for b in metrik_json(gudang_demo, "--set", "rujukan", "--tingkat", "kabupaten",
                                                    "--dari", "2026-05", "--sampai", "2026-10")}
    sensitif = data.rujukan_sensitif_kabupaten(versi, "35.17", *PERIODE).iloc[0]
    assert kab["kasus_sensitif"]["dikirim"] == int(sensitif["dikirim"]) > 0
    assert kab["semua"]["dikirim"] == sum(b["dikirim"] for b in kec if b["tujuan_rujukan"] == "semua")


def test_bahan_rapat_dan_ekspor_sama_dengan_layar(gudang_demo: Path, buka_app: BukaApp, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch, sebagai_perencana: None) -> None:
    import duckdb

    from akses import Pengguna
    from dashboard import laporan
    from dashboard.db import versi_gudang

    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    # the pack's six numbers are the Ringkasan tiles of the same selection (kabupaten, default period)
    layar = nilai_ubin(buka_app(gudang_demo))
    p = laporan.pilihan_untuk(versi, Pengguna("uji_perencana", "perencana", "35.17"))
    isi = laporan.isi_bahan(p)
    assert [a.nilai for a in isi.angka][:4] == [layar[k] for k in (
        "Kasus baru", "Rujukan selesai ≤ 90 hari", "Tunggakan rujukan", "Puskesos aktif")]
    # the default Parquet export (protected aggregates) against the command line's monthly set, desa rows
    hasil = subprocess.run([str(PANTAU), "ekspor", "--parquet", str(tmp_path / "ekspor")],
                           env={**os.environ, **env_pantau(gudang_demo)}, capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stderr
    cli = metrik_json(gudang_demo, "--tingkat", "desa", "--dari", "2026-10", "--sampai", "2026-10")
    with duckdb.connect() as con:
        ekspor = con.execute(
            f"select kode_wilayah, kasus_baru, kasus_sensitif, rujukan_dikirim, rujukan_terlambat from read_parquet("
            f"'{tmp_path / 'ekspor'}/mart_wilayah_bulan/*/*.parquet', hive_partitioning=true, "
            "hive_types={'kode_kab': VARCHAR}) where tingkat = 'desa' and bulan = '2026-10-01'").fetchall()
    dari_ekspor = {r[0]: (r[1], r[2], r[3], r[4]) for r in ekspor}
    assert len(dari_ekspor) == len(cli) == 306
    for b in cli:
        sensitif = b["kasus_sensitif"] if isinstance(b["kasus_sensitif"], int) else None  # "<5" / "≥5" -> NULL
        assert dari_ekspor[b["kode_wilayah"]] == (b["kasus_baru"], sensitif, b["rujukan_dikirim"],
                                                  b["rujukan_terlambat"]), b["kode_wilayah"]
    assert not (tmp_path / "ekspor" / "stg_laporan_kasus").exists()


def test_akun_kecamatan_melihat_angka_kecamatannya(gudang_demo: Path, tmp_path: Path) -> None:
    """`--sebagai` a kecamatan account: its rows are the perencana's rows of that kecamatan, nothing else."""
    import shutil

    salinan = Path(shutil.copy(gudang_demo, tmp_path / "gudang.duckdb"))
    env = {**os.environ, **env_pantau(salinan)}
    tambah = subprocess.run([str(PANTAU), "pengguna", "tambah", "camat_kabuh_uji", "--peran", "kecamatan",
                             "--wilayah", "35.17.16"], input="Sandi-uji-yang-panjang-2026\n", env=env,
                            capture_output=True, text=True, timeout=120)
    assert tambah.returncode == 0, tambah.stderr
    for argumen in (("--set", "rujukan", "--tingkat", "desa", "--dari", "2026-05", "--sampai", "2026-10"),
                    ("--set", "pelaporan", "--tingkat", "desa"),
                    ("--tingkat", "desa", "--dari", "2026-10", "--sampai", "2026-10")):
        semua = [b for b in metrik_json(salinan, *argumen) if b["kode_wilayah"].startswith("35.17.16.")]
        hasil = subprocess.run([str(PANTAU), "metrik", "--format", "json", *argumen, "--sebagai", "camat_kabuh_uji"],
                               env=env, capture_output=True, text=True, timeout=300)
        assert hasil.returncode == 0, hasil.stderr
        assert json.loads(hasil.stdout) == semua, argumen
    ditolak = subprocess.run([str(PANTAU), "metrik", "--set", "rujukan", "--tingkat", "kabupaten", "--sebagai",
                              "camat_kabuh_uji"], env=env, capture_output=True, text=True, timeout=120)
    assert ditolak.returncode == 2 and "Traceback" not in ditolak.stderr
