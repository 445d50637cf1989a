"""Who sees what in the app: log-in, forced password change, lock-out, each role's pages and wilayah, URL tampering,
downloads and the audit records each action leaves (AppTest with real sessions, on the warehouse of
`tests/fixtures/app/` built by the real pipeline).

Hand-worked values (see also `tests/dashboard/halaman/test_ringkasan.py`), default period Jun-Sep 2026, data date
30 Oct 2026:
Below kabupaten level new cases leave the violence categories out (`privasi.SQL_KASUS_TAMPIL`): KBH-2607-02 (KDRT).
- Kec. Kabuh (35.17.16): 12 - 1 = 11 new cases, 2 of 5 mature referrals completed within 90 days = 40,0 % (the KDRT
  referral to UPTD PPA is sensitive, in no referral figure), 3 overdue,
  Puskesos aktif 2 of 16.
- Desa Kabuh (35.17.16.2004), its 7 rows KBH-2606-01 .. KBH-2609-01: 7 - 1 = 6 new cases; mature cohorts Jun-Jul hold 4
  referrals, completed within 90 days: 2606-01 (47 days), 2607-01 (28), not 2606-02 (105); 2607-02 (21, KDRT to
  UPTD PPA) is not counted -> 2/3 = 66,7 %; overdue at 30 Oct: KBH-2608-02 (BPJS, SLA 45 days from 20 Aug = 4 Oct)
  -> 1; KBH-2609-01 is due 12 Nov.
  Its Puskesos is aktif: 1 of 1.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from akses import PERAN, Pengguna, akun, audit
from dashboard.halaman import DAFTAR_HALAMAN, halaman_tersedia
from pipelines.konfigurasi import muat_konfigurasi

from tests.fixtures import SANDI_UJI, BukaApp, env_pantau, salin_gudang

KABUH = "35.17.16"
DESA_KABUH = "35.17.16.2004"


@pytest.fixture(scope="module")
def gudang(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of `gudang_app`: the tests here add accounts and read the audit log beside it."""
    return salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_akses"))


@pytest.fixture
def env(gudang: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for kunci, nilai in env_pantau(gudang).items():
        monkeypatch.setenv(kunci, nilai)
    return gudang


@pytest.fixture
def app(env: Path, buat_app: BukaApp) -> BukaApp:
    """`app(peran, wilayah, nama=)`: the app on this module's warehouse, not yet run, logged in as `peran`;
    `app(None)`: no session, the log-in form."""
    return buat_app


def _jalankan(at: AppTest, halaman: str | None = None, **params: str) -> AppTest:
    for kunci, nilai in params.items():
        at.query_params[kunci] = nilai
    at.run()
    if halaman:
        at.switch_page(f"halaman/{halaman}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _kpi(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def _audit(peristiwa: str) -> list[audit.Catatan]:
    return audit.baca(muat_konfigurasi(), peristiwa=peristiwa)


# 1/ log-in
def test_tanpa_sesi_hanya_formulir_masuk(app: BukaApp) -> None:
    at = _jalankan(app(None))
    assert at.text_input(key="masuk_nama") is not None and not at.metric and not at.dataframe
    assert "Kabupaten Jombang" not in _teks(at)


def test_masuk_ganti_sandi_pertama_lalu_data(app: BukaApp) -> None:
    konf = muat_konfigurasi()
    akun.tambah(konf, "camat_kabuh", "kecamatan", KABUH, "sandi-awal-camat")
    at = _jalankan(app(None))
    at.text_input(key="masuk_nama").input("camat_kabuh")
    at.text_input(key="masuk_sandi").input("sandi-salah-sekali")
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."] and not at.metric
    at.text_input(key="masuk_sandi").input("sandi-awal-camat")
    at.button[0].click().run()
    # the first password must be changed before any data
    assert "memakai kata sandi awal" in at.info[0].value and not at.metric
    at.text_input(key="sandi_lama").input("sandi-awal-camat")
    at.text_input(key="sandi_baru").input("sandi-baru-camat-kabuh")
    at.text_input(key="sandi_ulang").input("sandi-baru-camat-kabuh")
    at.button[0].click().run()
    assert not at.exception
    # a camat sees Kec. Kabuh and nothing else
    assert _kpi(at) == ["11", "40,0 %", "3", "2 dari 16", "belum ada data", "8,36 %"]
    peristiwa = [c.peristiwa for c in audit.baca(konf, pengguna="camat_kabuh")]
    assert peristiwa == ["gagal_masuk", "masuk", "ganti_sandi", "masuk"]
    # log out: back to the form, audited
    at.button(key="tombol_keluar").click().run()
    assert at.text_input(key="masuk_nama") is not None and not at.metric
    assert [c.peristiwa for c in audit.baca(konf, pengguna="camat_kabuh")][-1] == "keluar"


def test_serbuan_sandi_mengunci_akun(app: BukaApp, akun_uji: Callable[..., str]) -> None:
    konf = muat_konfigurasi()
    nama = akun_uji("perencana", None, nama="korban_serbuan")
    at = _jalankan(app(None))
    for i in range(konf.gagal_maks):
        at.text_input(key="masuk_nama").input(nama)
        at.text_input(key="masuk_sandi").input(f"tebakan-ke-{i:03d}")
        at.button[0].click().run()
    # locked: even the right password is refused, no data is shown, and the answer is that of a wrong password
    at.text_input(key="masuk_sandi").input(SANDI_UJI)
    at.button[0].click().run()
    assert [e.value for e in at.error] == ["Nama pengguna atau kata sandi salah."] and not at.metric
    assert akun.cari(konf, nama).terkunci()  # the lock is in force, for `pantau pengguna daftar` to show
    # 4 failures counted, the 5th locks the account, the right password while locked is refused
    gagal = [c.rincian.get("alasan") for c in audit.baca(konf, pengguna=nama, peristiwa="gagal_masuk")]
    assert gagal == ["kata sandi salah"] * (konf.gagal_maks - 1) + ["terkunci", "terkunci"]


def test_sesi_berakhir_bila_akun_direset(app: BukaApp) -> None:
    at = _jalankan(app("kecamatan", KABUH, nama="camat_direset"))
    assert _kpi(at)[0] == "11"
    akun.reset(muat_konfigurasi(), "camat_direset")
    at.run()
    assert at.text_input(key="masuk_nama") is not None and not at.metric
    assert "Sesi berakhir" in at.info[0].value


# 2/ scope: a camat, a desa operator
def test_camat_hanya_kecamatannya(app: BukaApp) -> None:
    at = _jalankan(app("kecamatan", KABUH))
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox(key="f_kec").options == ["Kabuh"]  # no "Semua kecamatan", no other kecamatan
    assert len(at.selectbox(key="f_desa").options) == 1 + 16  # "Semua desa" and the 16 desa of Kabuh
    assert _kpi(at) == ["11", "40,0 %", "3", "2 dari 16", "belum ada data", "8,36 %"]
    assert "Kec. Kabuh" in _teks(at) and "Jombang" not in " ".join(at.selectbox(key="f_desa").options)


def test_daftar_filter_mengikuti_pengguna_sesi(app: BukaApp) -> None:
    """The filter bar's lists are kept in the session (`pilihan.daftar_wilayah`) but keyed on the user: when another
    account takes over the same browser session, its boxes hold only its own wilayah, never the previous user's."""
    at = _jalankan(app("perencana"))
    assert len(at.selectbox(key="f_kec").options) == 1 + 21  # "Semua kecamatan" and the 21 kecamatan of Jombang
    at.session_state["_sesi"] = app("kecamatan", KABUH).session_state["_sesi"]
    at.run()
    assert not at.exception and not at.error, [e.value for e in [*at.exception, *at.error]]
    assert at.selectbox(key="f_kec").options == ["Kabuh"]
    assert len(at.selectbox(key="f_desa").options) == 1 + 16  # "Semua desa" and the 16 desa of Kabuh


def test_operator_desa_hanya_desanya(app: BukaApp) -> None:
    at = _jalankan(app("desa", DESA_KABUH))
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox(key="f_kec").options == ["Kabuh"] and at.selectbox(key="f_desa").options == ["Kabuh"]
    assert _kpi(at)[:4] == ["6", "66,7 %", "1", "1 dari 1"]
    # its profile ranks it within its kecamatan without listing the other desa
    at = _jalankan(app("desa", DESA_KABUH), "profil_desa")
    assert not at.error, [e.value for e in at.error]
    assert "Marmoyo" not in _teks(at) and "Mangunan" not in _teks(at)


@pytest.mark.parametrize(("peran", "wilayah", "params", "ditolak"), [
    ("kecamatan", KABUH, {"kec": "35.17.09"}, "Kec. Jombang"),
    ("kecamatan", KABUH, {"desa": "35.17.09.2012"}, "Desa Jombang"),
    ("desa", DESA_KABUH, {"desa": "35.17.16.2001"}, "Desa Marmoyo"),
    ("desa", DESA_KABUH, {"kec": "35.17.09"}, "Kec. Jombang"),
])
def test_url_diubah_ke_wilayah_lain_ditolak(app: BukaApp, peran: str, wilayah: str, params: dict[str, str],
                                           ditolak: str, akun_uji: Callable[..., str]) -> None:
    at = _jalankan(app(peran, wilayah), **params)
    [galat] = at.error
    assert f"Anda tidak berhak melihat data {ditolak}" in galat.value
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")
    catatan = _audit("akses_ditolak")[-1]
    assert catatan.pengguna == akun_uji(peran, wilayah) and ditolak in catatan.rincian["pesan"]
    # the way out: drop the parameters, back to the user's own wilayah
    at.button(key="buka_wilayah_saya").click().run()
    assert not at.error, [e.value for e in at.error]
    assert at.metric


def test_url_ke_kecamatan_sendiri_boleh(app: BukaApp) -> None:
    at = _jalankan(app("kecamatan", KABUH), kec=KABUH, desa=DESA_KABUH)
    assert not at.error and _kpi(at)[:3] == ["6", "66,7 %", "1"]


def test_halaman_di_luar_hak_tidak_dibuka(app: BukaApp) -> None:
    # pimpinan: Kualitas data is not routed at all (its URL opens the default page); the page switch finds no page
    at = _jalankan(app("pimpinan"))
    with pytest.raises(ValueError, match="Could not find a navigation page") as galat:
        at.switch_page("halaman/kualitas.py")
    assert "ringkasan.py" in str(galat.value) and "kualitas.py'" not in str(galat.value).split("Known pages")[1]


# 3/ pages per role
@pytest.mark.parametrize(("peran", "wilayah", "halaman"), [
    ("pimpinan", "35.17", ["ringkasan", "peta", "profil_desa", "rapat_kecamatan", "rujukan", "program", "target"]),
    ("perencana", "35.17", ["ringkasan", "peta", "profil_desa", "rapat_kecamatan", "rujukan", "program", "target",
                            "kualitas", "audit"]),
    ("operator", "35.17", ["ringkasan", "peta", "profil_desa", "rapat_kecamatan", "rujukan", "program", "target",
                           "kualitas", "unggah", "audit"]),
    ("admin", "35.17", ["ringkasan", "peta", "profil_desa", "rapat_kecamatan", "rujukan", "program", "target",
                        "kualitas", "audit"]),
    ("kecamatan", KABUH, ["ringkasan", "peta", "profil_desa", "rapat_kecamatan", "rujukan", "program", "target"]),
    ("desa", DESA_KABUH, ["ringkasan", "profil_desa", "rujukan", "program", "target"]),
])
def test_halaman_per_peran(peran: str, wilayah: str, halaman: list[str]) -> None:
    assert [h.nama for h in halaman_tersedia(True, Pengguna("x", peran, wilayah))] == halaman
    assert {p for p in PERAN} == {"pimpinan", "perencana", "operator", "kecamatan", "desa", "admin"}
    assert len(DAFTAR_HALAMAN) == 10


def test_unduhan_sesuai_hak(app: BukaApp) -> None:
    # Rujukan's CSV of open referrals: perencana yes, pimpinan no (briefing documents only)
    at = _jalankan(app("perencana"), "rujukan")
    assert at.get("download_button") and any(d.proto.label.startswith("Unduh") for d in at.get("download_button"))
    at = _jalankan(app("pimpinan"), "rujukan")
    assert not at.get("download_button")


def test_log_audit_untuk_perencana(app: BukaApp) -> None:
    at = _jalankan(app("perencana"), "audit")
    tabel = next(d.value for d in at.dataframe)
    assert "masuk" in set(tabel["Peristiwa"]) and "uji_perencana_kab" in set(tabel["Pengguna"])
    assert "Rantai hash: utuh" in _teks(at)


PERAN_UJI = [("pimpinan", None), ("perencana", None), ("operator", None), ("admin", None), ("kecamatan", KABUH),
             ("desa", DESA_KABUH)]


@pytest.mark.parametrize(("peran", "wilayah"), PERAN_UJI)
def test_setiap_halaman_setiap_peran_tanpa_galat(app: BukaApp, peran: str, wilayah: str | None) -> None:
    """Every page a role may open renders for it without an error, and shows nothing outside its wilayah."""
    pengguna = Pengguna("x", peran, wilayah or "35.17")
    for h in halaman_tersedia(True, pengguna):
        at = _jalankan(app(peran, wilayah), h.nama if h.nama != "ringkasan" else None)
        assert not at.error, (h.nama, [e.value for e in at.error])
        teks = _teks(at) + " ".join(str(d.value.to_dict()) for d in at.dataframe)
        if peran == "kecamatan":
            assert "Kec. Jombang" not in teks and "Marmoyo" in " ".join(at.selectbox(key="f_desa").options), h.nama
        if peran == "desa":
            assert "Marmoyo" not in teks and "Mangunan" not in teks, h.nama


def test_gerbang_data_langsung(env: Path) -> None:
    """`dashboard.data` itself refuses, however it is called: positional or keyword wilayah, no user at all."""
    from datetime import date

    from akses import AksesDitolak
    from dashboard import data
    from dashboard.db import versi_gudang
    from dashboard.sesi import sebagai

    versi = versi_gudang(env)
    with pytest.raises(AksesDitolak, match="Silakan masuk"):
        data.wilayah(versi)
    with sebagai(Pengguna("camat_kabuh", "kecamatan", KABUH)):
        assert len(data.wilayah(versi)) == 16  # only the desa of Kabuh
        with pytest.raises(AksesDitolak, match=r"Kec\. Jombang"):
            data.kpi_ringkasan(versi, kode_wilayah="35.17.09", dari=date(2026, 6, 1), sampai=date(2026, 9, 1))
        with pytest.raises(AksesDitolak, match="Kabupaten Jombang"):
            data.kpi_ringkasan(versi, "35.17", date(2026, 6, 1), date(2026, 9, 1))
        # a parent is allowed where the view frames the user's scope in it, with the other desa dropped
        peta = data.peta_desa(versi, "35.17", date(2026, 6, 1), date(2026, 9, 1))
        assert len(peta) == 16 and set(peta["kode_desa"].str[:8]) == {KABUH}
