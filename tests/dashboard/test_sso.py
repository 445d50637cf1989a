"""Single sign-on through Streamlit's `st.login` (`[akun] sso` in pantau.toml): an e-mail the identity provider
vouched for opens the local account linked to it, with that account's role and wilayah; an unlinked e-mail opens
nothing. No identity provider runs here: AppTest seeds `st.user` as Streamlit would after the provider's callback
(`AppTest.user`), which is exactly what the app reads.

Values: Kec. Kabuh, Jun-Sep 2026 (see `tests/dashboard/test_akses.py`): 11 new cases (violence left out), 40,0 %,
3 overdue, Puskesos aktif 2 of 16.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from akses import akun, audit
from pipelines.konfigurasi import muat_konfigurasi

from tests.fixtures import APP_TOML, PANTAU, BukaApp, env_pantau, salin_gudang

SUREL = "camat.kabuh@jombangkab.go.id"


@pytest.fixture(scope="module")
def folder(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of `gudang_app` whose settings name an identity provider (`[akun] sso`), the camat's account linked
    to his office e-mail."""
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("sso"))
    (gudang.parent / "pantau.toml").write_text(APP_TOML.read_text(encoding="utf-8") + '\n[akun]\nsso = "dinas"\n',
                                               encoding="utf-8")
    env = {**os.environ, **env_pantau(gudang, gudang.parent / "pantau.toml")}
    # the admin links the camat's account to his office e-mail (the command line the README shows)
    for perintah in (["pengguna", "tambah", "camat_kabuh", "--peran", "kecamatan", "--wilayah", "35.17.16"],
                     ["pengguna", "surel", "camat_kabuh", SUREL]):
        hasil = subprocess.run([str(PANTAU), *perintah], env=env, text=True,
                               input="sandi-awal-camat-kabuh\n", capture_output=True, timeout=60)
        assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    return gudang.parent


@pytest.fixture
def env(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for kunci, nilai in env_pantau(folder / "gudang.duckdb", folder / "pantau.toml").items():
        monkeypatch.setenv(kunci, nilai)
    return folder


@pytest.fixture
def app(env: Path, buat_app: BukaApp) -> BukaApp:
    """`app(user)`: the app run with no session, `st.user` as the identity provider would have left it."""
    return lambda user=None: buat_app(None, user=user or {"is_logged_in": False}).run()


def test_tombol_sso_di_formulir_masuk(app: BukaApp) -> None:
    at = app()
    assert at.button(key="masuk_sso").label == "Masuk dengan akun dinas (SSO)"
    assert not at.metric


def test_surel_tertaut_membuka_akunnya(app: BukaApp) -> None:
    at = app({"is_logged_in": True, "email": "Camat.Kabuh@JombangKab.go.id", "name": "Camat"})
    assert not at.exception and not at.error
    # the camat's own scope, no password and no forced change (the provider vouched for him)
    assert [m.value for m in at.metric][:4] == ["11", "40,0 %", "3", "2 dari 16"]
    assert at.selectbox(key="f_kec").options == ["Kabuh"]
    catatan = audit.baca(muat_konfigurasi(), pengguna="camat_kabuh", peristiwa="masuk")[-1]
    assert catatan.rincian == {"peran": "kecamatan", "cara": "sso"}


def test_surel_tidak_tertaut_tidak_membuka_apa_pun(app: BukaApp) -> None:
    at = app({"is_logged_in": True, "email": "orang.lain@gmail.com"})
    assert not at.metric
    assert "orang.lain@gmail.com belum tertaut ke akun Pantau" in at.error[0].value
    catatan = audit.baca(muat_konfigurasi(), peristiwa="gagal_masuk")[-1]
    assert catatan.rincian["cara"] == "sso" and catatan.rincian["surel"] == "orang.lain@gmail.com"


def test_tanpa_konfigurasi_sso_st_user_diabaikan(app: BukaApp, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PANTAU_CONFIG", str(APP_TOML))
    at = app({"is_logged_in": True, "email": SUREL})
    assert not at.metric and at.text_input(key="masuk_nama") is not None
    assert not [b for b in at.button if b.key == "masuk_sso"]


def test_satu_surel_satu_akun(env: Path) -> None:
    konf = muat_konfigurasi()
    akun.tambah(konf, "perencana_sso", "perencana", None, "sandi-perencana-sso")
    with pytest.raises(akun.KesalahanAkun, match="sudah tertaut ke akun camat_kabuh"):
        akun.atur_surel(konf, "perencana_sso", SUREL.upper())
    with pytest.raises(akun.KesalahanAkun, match="bukan alamat surel"):
        akun.atur_surel(konf, "perencana_sso", "bukan-surel")


def test_tombol_sso_tanpa_rahasia_memberi_pesan(app: BukaApp) -> None:
    # [akun] sso names a provider, but the server has no [auth] secrets: a message, not a traceback
    at = app()
    at.button(key="masuk_sso").click().run()
    assert not at.exception
    assert "Masuk SSO belum disiapkan di server" in at.error[0].value and not at.metric
