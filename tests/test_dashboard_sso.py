"""Single sign-on through Streamlit's `st.login` (`[akun] sso` in pantau.toml): an e-mail the identity provider
vouched for opens the local account linked to it, with that account's role and wilayah; an unlinked e-mail opens
nothing. No identity provider runs here: AppTest seeds `st.user` as Streamlit would after the provider's callback
(`AppTest.user`), which is exactly what the app reads.

Values: Kec. Kabuh, Jun-Sep 2026 (see `tests/test_dashboard_akses.py`): 11 new cases (violence left out), 50,0 %,
3 overdue, Puskesos aktif 2 of 16.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from pipelines import akun, audit
from pipelines.konfigurasi import muat_konfigurasi

from conftest import APLIKASI

AKAR = Path(__file__).resolve().parents[1]
FIKSTUR = AKAR / "tests" / "fixtures" / "app"
SUREL = "camat.kabuh@jombangkab.go.id"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("sso")
    (folder / "pantau.toml").write_text((FIKSTUR / "pantau.toml").read_text(encoding="utf-8")
                                        + '\n[akun]\nsso = "dinas"\n', encoding="utf-8")
    env = {**os.environ, "PANTAU_DB": str(folder / "gudang.duckdb"), "PANTAU_KABUPATEN": "35.17",
           "PANTAU_KUNCI": "uji", "PANTAU_CONFIG": str(folder / "pantau.toml")}
    hasil = subprocess.run([str(Path(sys.executable).parent / "pantau"), "ingest", str(FIKSTUR / "laporan_kasus.csv"),
                            str(FIKSTUR / "puskesos.csv")], env=env, capture_output=True, text=True, timeout=120)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    # the admin links the camat's account to his office e-mail (the command line the README shows)
    for perintah in (["pengguna", "tambah", "camat_kabuh", "--peran", "kecamatan", "--wilayah", "35.17.16"],
                     ["pengguna", "surel", "camat_kabuh", SUREL]):
        hasil = subprocess.run([str(Path(sys.executable).parent / "pantau"), *perintah], env=env, text=True,
                               input="sandi-awal-camat-kabuh\n", capture_output=True, timeout=60)
        assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    return folder


@pytest.fixture
def env(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for kunci, nilai in {"PANTAU_DB": str(folder / "gudang.duckdb"), "PANTAU_KABUPATEN": "35.17",
                         "PANTAU_KUNCI": "uji", "PANTAU_CONFIG": str(folder / "pantau.toml")}.items():
        monkeypatch.setenv(kunci, nilai)
    return folder


def _app(user: dict | None = None) -> AppTest:
    at = AppTest.from_file(APLIKASI, default_timeout=60)
    at.user = user or {"is_logged_in": False}
    return at.run()


def test_tombol_sso_di_formulir_masuk(env: Path) -> None:
    at = _app()
    assert at.button(key="masuk_sso").label == "Masuk dengan akun dinas (SSO)"
    assert not at.metric


def test_surel_tertaut_membuka_akunnya(env: Path) -> None:
    at = _app({"is_logged_in": True, "email": "Camat.Kabuh@JombangKab.go.id", "name": "Camat"})
    assert not at.exception and not at.error
    # the camat's own scope, no password and no forced change (the provider vouched for him)
    assert [m.value for m in at.metric][:4] == ["11", "50,0 %", "3", "2 dari 16"]
    assert at.selectbox(key="f_kec").options == ["Kabuh"]
    catatan = audit.baca(muat_konfigurasi(), pengguna="camat_kabuh", peristiwa="masuk")[-1]
    assert catatan.rincian == {"peran": "kecamatan", "cara": "sso"}


def test_surel_tidak_tertaut_tidak_membuka_apa_pun(env: Path) -> None:
    at = _app({"is_logged_in": True, "email": "orang.lain@gmail.com"})
    assert not at.metric
    assert "orang.lain@gmail.com belum tertaut ke akun Pantau" in at.error[0].value
    catatan = audit.baca(muat_konfigurasi(), peristiwa="gagal_masuk")[-1]
    assert catatan.rincian["cara"] == "sso" and catatan.rincian["surel"] == "orang.lain@gmail.com"


def test_tanpa_konfigurasi_sso_st_user_diabaikan(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANTAU_CONFIG", str(FIKSTUR / "pantau.toml"))
    at = _app({"is_logged_in": True, "email": SUREL})
    assert not at.metric and at.text_input(key="masuk_nama") is not None
    assert not [b for b in at.button if b.key == "masuk_sso"]


def test_satu_surel_satu_akun(env: Path) -> None:
    konf = muat_konfigurasi()
    akun.tambah(konf, "perencana_sso", "perencana", None, "sandi-perencana-sso")
    with pytest.raises(akun.KesalahanAkun, match="sudah tertaut ke akun camat_kabuh"):
        akun.atur_surel(konf, "perencana_sso", SUREL.upper())
    with pytest.raises(akun.KesalahanAkun, match="bukan alamat surel"):
        akun.atur_surel(konf, "perencana_sso", "bukan-surel")


def test_tombol_sso_tanpa_rahasia_memberi_pesan(env: Path) -> None:
    # [akun] sso names a provider, but the server has no [auth] secrets: a message, not a traceback
    at = _app()
    at.button(key="masuk_sso").click().run()
    assert not at.exception
    assert "Masuk SSO belum disiapkan di server" in at.error[0].value and not at.metric
