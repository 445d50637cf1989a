"""Small things a user saw (issue "Numbers a Bupati can trust", item 7): the filter bar only where it acts, months
with data only, counts in Indonesian style, warning types and audit details in words, the tab icon without a
request to the internet. AppTest on `gudang_app` (reports up to Sep 2026, data date 30 Oct 2026: October has no
report yet) and pure functions.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from dashboard import data
from dashboard.db import versi_gudang
from dashboard.halaman import DAFTAR_HALAMAN
from dashboard.komponen.audit import nama_cakupan, teks_rincian
from dashboard.komponen.kualitas import tabel_skor
from dashboard.komponen.unggah import css_pengunggah, tabel_ringkasan
from pipelines.ingest import RingkasanLembar

from tests.fixtures import AKAR, BukaApp, env_pantau

# g) the filter bar only on pages that read it

def test_halaman_tanpa_filter_dinyatakan() -> None:
    assert {h.nama for h in DAFTAR_HALAMAN if not h.pakai_filter} == {"unggah", "audit"}


@pytest.mark.parametrize("halaman", ["unggah", "audit"])
def test_unggah_dan_audit_tanpa_bilah_filter(buka_app: BukaApp, gudang_app: Path, halaman: str) -> None:
    at = buka_app(gudang_app, halaman, peran="operator")
    kunci = {s.key for s in at.selectbox}
    assert not kunci & {"f_kec", "f_desa", "f_dari", "f_sampai"}, kunci
    assert "desa melapor" not in " ".join(c.value for c in at.caption)  # nor the freshness line of a wilayah


def test_ringkasan_tetap_dengan_bilah_filter(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app, peran="operator")
    assert {"f_kec", "f_desa", "f_dari", "f_sampai"} <= {s.key for s in at.selectbox}


# i) the period offers only months with data

def test_bulan_tersedia_tanpa_bulan_kosong(gudang_app: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for kunci, nilai in env_pantau(gudang_app).items():
        monkeypatch.setenv(kunci, nilai)
    bulan = data.bulan_tersedia(versi_gudang(gudang_app))
    # the mart grid runs to Oct 2026 (the data date's month), which has no report: it is not offered
    assert bulan[-1] == dt.date(2026, 9, 1) and dt.date(2026, 10, 1) not in bulan


def test_pilihan_bulan_bilah_filter(buka_app: BukaApp, gudang_app: Path) -> None:
    at = buka_app(gudang_app)
    assert at.selectbox(key="f_sampai").options[-1] == "Sep 2026"
    assert "Okt 2026" not in at.selectbox(key="f_dari").options


# c) counts in the language's number style

def _lembar(**kw: object) -> RingkasanLembar:
    dasar: dict[str, object] = {"berkas": "/x/laporan_banjar.csv", "lembar": None, "jenis": "laporan_kasus",
                                "baris_dibaca": 9288, "baris_dimuat": 4136, "baris_dikarantina": 5152,
                                "baris_dilewati": 0, "peringatan": {"label_tidak_dikenal": 1, "nik_tidak_valid": 1234}}
    return RingkasanLembar(**{**dasar, **kw})  # type: ignore[arg-type]


def test_tabel_unggah_angka_dan_nama_peringatan() -> None:
    baris = tabel_ringkasan([_lembar()], "id").iloc[0].to_dict()
    assert (baris["Dibaca"], baris["Akan dimuat"], baris["Dikarantina"]) == ("9.288", "4.136", "5.152")
    assert baris["Peringatan"] == "Label tidak dikenal: 1; NIK tidak sah: 1.234"
    assert "label_tidak_dikenal" not in str(baris)
    inggris = tabel_ringkasan([_lembar()], "en").iloc[0].to_dict()
    assert "9,288" in inggris.values() and "Unknown label: 1; Invalid NIK: 1,234" in inggris.values()


def test_tabel_skor_kualitas_angka_berpemisah() -> None:
    kualitas = pd.DataFrame({"nama_desa": ["Banjardowo"], "nama_kec": ["Kabuh"], "skor_kualitas": [80.0],
                             "kelengkapan": [0.9], "ketepatan": [0.8], "baris_dimuat": [9288],
                             "baris_karantina": [4136], "baris_peringatan": [0], "baris_tanpa_nik": [1000],
                             "baris_duplikat": [0], "kasus_direvisi": [12]})
    baris = tabel_skor(kualitas, "id").iloc[0]
    assert (baris["baris_dimuat"], baris["baris_karantina"], baris["baris_tanpa_nik"]) == ("9.288", "4.136", "1.000")


def test_tidak_ada_format_angka_mentah_di_kualitas_dan_unggah() -> None:
    for nama in ("kualitas.py", "unggah.py"):
        teks = (AKAR / "dashboard" / "komponen" / nama).read_text(encoding="utf-8")
        assert 'format="%d"' not in teks, nama


# e) audit details and wilayah in words

def test_rincian_audit_kalimat() -> None:
    assert teks_rincian({"peran": "perencana"}, "id") == "Peran: Perencana"
    assert teks_rincian({"peran": "kecamatan"}, "en") == "Role: District coordinator"
    teks = teks_rincian({"hak": "unduh_laporan", "bita": 126_000, "peran": "desa"}, "id")
    assert teks == "Jenis unduhan: bahan rapat (PDF/PPTX); Ukuran: 123,0 KB; Peran: Operator desa"
    unggah = teks_rincian({"berkas": [{"berkas": "a.csv"}], "galat": None,
                           "jumlah": {"dibaca": 9288, "dimuat": 3, "dikarantina": 1, "dilewati": 0}}, "id")
    assert unggah == "Berkas: a.csv; Jumlah baris: 9.288 dibaca, 3 dimuat, 1 dikarantina, 0 dilewati"
    for kalimat in (teks, unggah, teks_rincian({"url": {"kec": "35.17.16"}, "pesan": "x"}, "id")):
        assert "{" not in kalimat and '"' not in kalimat and not re.search(r"\b[a-z]+_[a-z_]+\b", kalimat), kalimat
    assert teks_rincian({}, "id") == "" and teks_rincian(None, "id") == ""


def test_nama_cakupan() -> None:
    assert nama_cakupan("35.17.16.2001") == "Desa Marmoyo" and nama_cakupan("35.17.16") == "Kec. Kabuh"
    assert nama_cakupan("35.17") == "Kabupaten Jombang" and nama_cakupan(None) == ""


def test_log_audit_tanpa_json_dan_kode(buka_app: BukaApp, gudang_app: Path, tmp_path: Path) -> None:
    from tests.fixtures import salin_gudang

    gudang = salin_gudang(gudang_app, tmp_path)
    buka_app(gudang, peran="kecamatan", wilayah="35.17.16")  # the log-in leaves a "masuk" record
    at = buka_app(gudang, "audit", peran="perencana")
    tabel = next(d.value for d in at.dataframe)
    rincian, wilayah = " ".join(tabel["Rincian"]), set(tabel["Wilayah"])
    assert "Peran: Koordinator kecamatan" in rincian and "Peran: Perencana" in rincian
    assert "{" not in rincian and "Kec. Kabuh" in wilayah and "35.17.16" not in wilayah


# f) the uploader's words

def test_css_pengunggah_teks_halaman() -> None:
    css = css_pengunggah("unggah_berkas_", "Cari berkas", 'Tarik "berkas" · 50 MB')
    assert '[class*="st-key-unggah_berkas_"]' in css and 'content: "Cari berkas"' in css
    assert 'content: "Tarik \\"berkas\\" · 50 MB"' in css and "font-size: 0;" in css


# j) the tab icon is not fetched from the internet

def test_ikon_tab_bukan_ikon_material() -> None:
    """A `:material/...:` page icon makes the browser fetch an SVG from a font server; an emoji is drawn inline."""
    teks = (AKAR / "dashboard" / "streamlit_app.py").read_text(encoding="utf-8")
    [panggilan] = re.findall(r"st\.set_page_config\((.*)\)", teks)
    assert "page_icon=IKON_APLIKASI" in panggilan
    [ikon] = re.findall(r'^IKON_APLIKASI = "(.*)"$', teks, flags=re.MULTILINE)
    assert len(ikon) == 1 and not ikon.isascii(), ikon  # one emoji, not a name or an address
