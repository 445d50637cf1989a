"""The `pantau` command line: metrik output, settings from the environment, errors without tracebacks."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from pipelines.konfigurasi import KesalahanKonfigurasi, muat_konfigurasi


def _pantau(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipelines.cli", *args], capture_output=True, text=True,
                          check=False)


def test_metrik_csv_dan_json(env_uji: Path, berkas_perak: list[Path]) -> None:
    assert _pantau("ingest", *map(str, berkas_perak)).returncode == 0
    csv = _pantau("metrik", "--tingkat", "kecamatan", "--dari", "2025-03", "--sampai", "2025-04")
    assert csv.returncode == 0, csv.stderr
    df = pd.read_csv(io.StringIO(csv.stdout), dtype={"kode_wilayah": str})
    assert len(df) == 42
    perak = df[(df.kode_wilayah == "35.17.01") & (df.bulan == "2025-03")].iloc[0]
    # 6 cases in March, one of them KDRT: a protected row, whose kasus_baru leaves the hidden case out (akses rule 3)
    assert (perak.nama_wilayah, perak.kasus_baru, perak.kasus_baru_sebagian, perak.rujukan_dikirim,
            perak.kasus_kekerasan_perempuan) == ("Perak", 5, True, 4, "<5")  # the KDRT referral is not counted
    js = _pantau("metrik", "--tingkat", "kabupaten", "--dari", "2025-03", "--sampai", "2025-03",
                 "--per", "2025-04-15", "--format", "json")
    baris = json.loads(js.stdout)
    assert baris[0]["kode_wilayah"] == "35.17" and baris[0]["rujukan_tanpa_respon"] == 2
    assert baris[0]["kasus_kekerasan_perempuan"] == 1  # not suppressed at kabupaten level


def test_metrik_tanpa_gudang(env_uji: Path) -> None:
    h = _pantau("metrik", "--tingkat", "desa", "--dari", "2025-01", "--sampai", "2025-02")
    assert h.returncode == 2 and "belum ada" in h.stderr and "pantau ingest" in h.stderr
    assert "Traceback" not in h.stderr


def test_bulan_tidak_sah(env_uji: Path) -> None:
    h = _pantau("metrik", "--tingkat", "desa", "--dari", "Maretan", "--sampai", "2025-02")
    assert h.returncode == 2 and "tidak sah" in h.stderr and "Traceback" not in h.stderr


def test_berkas_tidak_ada(env_uji: Path) -> None:
    h = _pantau("ingest", "/tidak/ada.csv")
    assert h.returncode == 2 and "tidak ditemukan" in h.stderr


def test_kabupaten_tidak_dikenal(env_uji: Path, monkeypatch: pytest.MonkeyPatch, berkas_perak: list[Path]) -> None:
    monkeypatch.setenv("PANTAU_KABUPATEN", "99.99")
    h = _pantau("ingest", str(berkas_perak[0]))
    assert h.returncode == 2 and "99.99" in h.stderr and "Traceback" not in h.stderr


def test_build_ulang(env_uji: Path, berkas_perak: list[Path]) -> None:
    _pantau("ingest", *map(str, berkas_perak))
    h = _pantau("build")
    assert h.returncode == 0 and "2025-05-09" in h.stdout


def test_konfigurasi_berkas_dan_lingkungan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "pantau.toml"
    toml.write_text('[gudang]\nberkas = "g/x.duckdb"\n[wilayah]\nkabupaten = ["63.03", "3318"]\n'
                    "[sla]\nbawaan = 20\ndinsos = 14\n", encoding="utf-8")
    monkeypatch.setenv("PANTAU_CONFIG", str(toml))
    for v in ("PANTAU_DB", "PANTAU_KABUPATEN", "PANTAU_KUNCI"):
        monkeypatch.delenv(v, raising=False)
    k = muat_konfigurasi()
    assert k.gudang == tmp_path / "g" / "x.duckdb" and k.kabupaten == ("63.03", "33.18")
    assert k.sla_untuk("dinsos") == 14 and k.sla_untuk("perkim") == 180 and k.sla_untuk("baznas") == 20
    monkeypatch.setenv("PANTAU_KABUPATEN", "35.17")
    monkeypatch.setenv("PANTAU_DB", str(tmp_path / "lain.duckdb"))
    monkeypatch.setenv("PANTAU_KUNCI", "rahasia")
    k = muat_konfigurasi()
    assert (k.kabupaten, k.gudang.name, k.kunci) == (("35.17",), "lain.duckdb", "rahasia")
    monkeypatch.setenv("PANTAU_KABUPATEN", "Jombang")
    with pytest.raises(KesalahanKonfigurasi, match="tidak sah"):
        muat_konfigurasi()


def test_konfigurasi_batas_unggah(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "pantau.toml"
    monkeypatch.setenv("PANTAU_CONFIG", str(toml))
    toml.write_text("[unggah]\nbatas_mb = 20\n", encoding="utf-8")
    k = muat_konfigurasi()  # the defaults of what a file may hold and of the reading process
    assert (k.unggah_maks_mb, k.unggah_isi_maks_mb, k.unggah_sel_maks, k.unggah_baris_maks, k.unggah_memori_mb,
            k.unggah_waktu_detik) == (20, 200, 5_000_000, 1_000_000, 2048, 600)
    toml.write_text("[unggah]\nisi_mb = 50\nsel_maks = 100\nbaris_maks = 10\nmemori_mb = 512\nwaktu_detik = 30\n",
                    encoding="utf-8")
    k = muat_konfigurasi()
    assert (k.unggah_isi_maks_mb, k.unggah_sel_maks, k.unggah_baris_maks, k.unggah_memori_mb,
            k.unggah_waktu_detik) == (50, 100, 10, 512, 30)
    toml.write_text("[unggah]\nmemori_mb = 0\n", encoding="utf-8")
    with pytest.raises(KesalahanKonfigurasi) as e:
        muat_konfigurasi()
    assert str(e.value) == "unggah.memori_mb harus bilangan bulat positif, misalnya 2048."


def test_konfigurasi_proses_layan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    toml = tmp_path / "pantau.toml"
    monkeypatch.setenv("PANTAU_CONFIG", str(toml))
    toml.write_text("[wilayah]\nkabupaten = [\"35.17\"]\n", encoding="utf-8")
    assert muat_konfigurasi().proses_layan == 1  # default: one app process, as before
    toml.write_text("[layan]\nproses = 3\n", encoding="utf-8")
    assert muat_konfigurasi().proses_layan == 3
    toml.write_text("[layan]\nproses = 0\n", encoding="utf-8")
    with pytest.raises(KesalahanKonfigurasi) as e:
        muat_konfigurasi()
    assert str(e.value) == "layan.proses harus bilangan bulat positif, misalnya 1."


def test_gudang_versi_lain_dibangun_ulang(env_uji: Path, gudang_perak) -> None:
    # a warehouse written by another version of the tables: every reading command stops with what to do, and
    # `pantau build` (a full rebuild from the loaded rows) brings it to this version
    import duckdb

    from pipelines.gudang import VERSI_SKEMA

    k, _ = gudang_perak
    shutil.copy(k.gudang, env_uji)
    with duckdb.connect(str(env_uji)) as con:
        con.execute("update meta_gudang set nilai = '0' where kunci = 'versi_skema'")
    for perintah in (("metrik", "--tingkat", "desa", "--dari", "2025-03", "--sampai", "2025-03"),
                     ("karantina", "--keluar", str(env_uji.parent / "k.csv"))):
        h = _pantau(*perintah)
        assert h.returncode == 2 and "versi 0" in h.stderr and "pantau build" in h.stderr, h.stderr
        assert "Traceback" not in h.stderr
    assert _pantau("build").returncode == 0
    with duckdb.connect(str(env_uji), read_only=True) as con:
        assert con.execute("select nilai from meta_gudang where kunci = 'versi_skema'").fetchone() == (VERSI_SKEMA,)
    h = _pantau("metrik", "--tingkat", "kabupaten", "--dari", "2025-03", "--sampai", "2025-03", "--format", "json")
    assert h.returncode == 0 and json.loads(h.stdout)[0]["kasus_kekerasan_perempuan"] == 1


@pytest.mark.parametrize(("per", "jatuh_tempo", "aktif", "tersendat"), [
    ("2025-05-09", "2025-03", 0, 5), ("2025-05-10", "2025-03", 0, 5), ("2025-05-11", "2025-04", 3, 2)])
def test_metrik_pelaporan(env_uji: Path, gudang_perak, per: str, jatuh_tempo: str, aktif: int,
                          tersendat: int) -> None:
    # Perak fixture: 2001, 2002, 2003 report March and April, 2005 and 2008 March only, Pagerwojo (registered) never.
    # Until 10 May the April report is not due: the window ends in March and nobody can be aktif (no February).
    k, _ = gudang_perak
    shutil.copy(k.gudang, env_uji)
    h = _pantau("metrik", "--set", "pelaporan", "--tingkat", "desa", "--per", per, "--format", "json")
    assert h.returncode == 0, h.stderr
    desa = {b["kode_wilayah"]: b for b in json.loads(h.stdout)}
    assert len(desa) == 306 and {b["bulan_jatuh_tempo_terakhir"] for b in desa.values()} == {jatuh_tempo}
    status = pd.Series([b["status_puskesos"] for b in desa.values()]).value_counts().to_dict()
    assert status.get("aktif", 0) == aktif and status["tersendat"] == tersendat and status["diam"] == 1
    jantiganggong = desa["35.17.01.2001"]
    # March (and April once due) received on time
    bulan = 1 if jatuh_tempo == "2025-03" else 2
    assert (jantiganggong["diharapkan_3"], jantiganggong["diterima_3"], jantiganggong["kelengkapan_3"]) == (
        bulan, bulan, 1.0)
    kec = json.loads(_pantau("metrik", "--set", "pelaporan", "--tingkat", "kecamatan", "--per", per,
                             "--format", "json").stdout)
    perak = next(b for b in kec if b["kode_wilayah"] == "35.17.01")
    assert (perak["puskesos_aktif"], perak["puskesos_tersendat"], perak["puskesos_diam"]) == (aktif, tersendat, 1)
    assert "status_puskesos" not in perak
