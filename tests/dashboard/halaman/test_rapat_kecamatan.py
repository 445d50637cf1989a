"""Rapat kecamatan and Ringkasan's "Perlu perhatian" with AppTest, on warehouses built by the real pipeline.

Warehouse: `tests/fixtures/app/` (the arithmetic of its rows is in `tests/dashboard/halaman/test_ringkasan.py`), cut-off
30 Okt 2026, default period Jun - Sep 2026; mature for 90 days: Jun and Jul. Kec. Kabuh (35.17.16) has 16 desa:
Marmoyo 2001 (B), Mangunan 2003 (C), Kabuh 2004 (A), Kedungjati 2005 (E, register aktif, SK 1 Jun 2025, never
reports), Banjardowo 2006 (F, belum dibentuk), Karangpakis 2007 (G, register tidak aktif, SK 2022, never reports).
Desa are expected to report every DUE month from the month after their SK (September's reports were due on 10 Oct,
October's are not due at 30 Oct), so within the mart's months (Jun-Oct 2026) B, C, A, E, G are expected Jun, Jul,
Aug, Sep; the default period (ending with the last due month) is the same as before due months.

Desa side by side, Jun-Sep 2026 (overdue and no-response as of the cut-off, whenever started):
    Marmoyo   Aktif      cases 1+0+1+1 = 3; mature referrals Jun MRM-2606-01 (dukcapil, open) 0/1 = 0 %;
                         overdue 1 (137 d > 30); no response 1 (dikirim, 137 d > 14); reported Jun Jul(nihil) Aug
                         Sep = 4/4 = 100 %
    Mangunan  Tersendat  cases 1+1+0+0 = 2; mature Jul MGN-2607-01 (dinsos, diproses) 0/1 = 0 %; overdue 1
                         (114 d > 30); no response 0 (it was answered); reported Jun Jul Aug(nihil) = 3/4 = 75 %
    Kabuh     Aktif      cases 2+2+2+1 = 7; mature Jun bpjs 47 d (yes) + dinsos 105 d (no), Jul dinsos 28 d (yes)
                         = 2/3 = 67 % (July's KDRT referral to UPTD PPA is sensitive: in no referral
                         figure); overdue 1 (KBH-2608-02 bpjs 71 d > 45); no response 2
                         (KBH-2608-02 71 d, KBH-2609-01 32 d); 4/4 = 100 %
    Kedungjati, Karangpakis  Diam, 0 cases, no referrals, 0/4 = 0 %;  Banjardowo Belum dibentuk, nothing expected.
Agenda by destination (skor = overdue + no response): BPJS Kesehatan 1+2 = 3 (open 2, oldest 71), Dispendukcapil
1+1 = 2 (137), Dinas Sosial 1+0 = 1 (114).
"""

from __future__ import annotations

import json
import shutil
from functools import partial
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import FIXTURES, BukaApp, pantau, pseudonim_kasus, salin_gudang


@pytest.fixture(scope="module")
def gudang_sensitif(gudang_app: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`gudang_app` plus one unanswered KDRT referral to UPTD PPA in desa Jombang (fixtures/rapat)."""
    gudang = salin_gudang(gudang_app, tmp_path_factory.mktemp("gudang_sensitif"))
    pantau(gudang, "ingest", str(FIXTURES / "rapat" / "kasus_sensitif.csv"))
    return gudang


@pytest.fixture
def buka(buka_app: BukaApp, gudang_app: Path) -> BukaApp:
    """Open the app on `gudang_app` with the URL parameters given, on the Rapat kecamatan page (`halaman=None`:
    the first page, Ringkasan)."""
    return partial(buka_app, gudang_app, halaman="rapat_kecamatan")


CIRI = {  # a column only that table has (a read-only st.dataframe carries no key AppTest can see)
    "rapat_desa": ("Kelengkapan", "Completeness"),
    "rapat_tujuan": ("Terbuka",),
    "rapat_terlambat": ("ID kasus",),
    "rapat_diam": ("Tidak melapor sejak",),
    "rapat_turun": ("Melapor Jul – Sep 2026",),
    "perhatian_desa": ("Desa",),
    "perhatian_tujuan": ("Tujuan rujukan",),
}


def _tabel(at: AppTest, nama: str) -> list[dict]:
    """The rows of one of the page's tables (`CIRI`), as dicts (NA as None)."""
    ciri = CIRI[nama]
    cocok = [d.value for d in at.dataframe if any(c in d.value.columns for c in ciri)]
    if nama.startswith("perhatian"):
        cocok = [df for df in cocok if "Alasan" in df.columns]
    if nama == "rapat_tujuan":
        cocok = [df for df in cocok if "ID kasus" not in df.columns]
    [df] = cocok
    return df.astype(object).where(df.notna(), None).to_dict("records")


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def _pseudonim(kode_desa: str, no_registrasi: str) -> str:
    """The case id the app shows: keyed with the key the warehouse was built with (PANTAU_KUNCI=uji)."""
    return pseudonim_kasus(b"uji", kode_desa, no_registrasi)


# 1/ choosing the kecamatan
def test_tanpa_kecamatan_meminta_pilihan(buka: BukaApp) -> None:
    at = buka()
    assert any("Pilih satu kecamatan" in i.value for i in at.info)
    assert not at.dataframe
    pilih = at.selectbox(key="rapat_pilih_kec")
    assert len(pilih.options) == 21  # Kabupaten Jombang's 21 kecamatan
    pilih.set_value("35.17.16").run()
    assert not at.exception and not at.error
    assert at.selectbox(key="f_kec").value == "35.17.16"  # the choice went to the global filter...
    assert at.query_params["kec"] == "35.17.16"  # ...and to the URL
    assert "Rapat kecamatan · Kec. Kabuh" in _teks(at)
    assert len(_tabel(at, "rapat_desa")) == 16


def test_desa_di_url_membawa_kecamatannya(buka: BukaApp) -> None:
    at = buka(desa="35.17.16.2003")
    assert "Rapat kecamatan · Kec. Kabuh" in _teks(at)
    assert len(_tabel(at, "rapat_desa")) == 16


def test_periode_bawaan_berakhir_bulan_jatuh_tempo(buka_app: BukaApp, gudang_perak) -> None:
    # the Perak warehouse, cut-off 9 May 2025 (tests/pipelines/sql/test_marts.py): April's reports are due on
    # 10 May, so the default period ends with the last DUE month, March, cut at the first month with data
    k, _ = gudang_perak
    at = buka_app(Path(k.gudang), "rapat_kecamatan", kec="35.17.01")
    assert "Rapat kecamatan · Kec. Perak" in _teks(at) and "Periode Mar 2025]" in _teks(at)
    baris = {r["Desa"]: r for r in _tabel(at, "rapat_desa")}
    kolom = ["Puskesos", "Kasus baru", "Selesai ≤ 90 hari", "Tunggakan", "Tanpa respon", "Kelengkapan"]
    # March cases (KDRT 2002-001 left out below kabupaten); nothing mature; tunggakan and tanpa respon are stocks
    # at 9 May (Jantiganggong's Dinsos 65 d and Dukcapil 64 d past SLA 30; Kalangsemanding's Perkim unanswered
    # 44 d); completeness over March, the one due month; statuses over the due months Jan..Mar
    assert [baris["Jantiganggong"][k] for k in kolom] == ["Tersendat", 2, None, 2, 0, 100]
    assert [baris["Kepuhkajang"][k] for k in kolom] == ["Tersendat", 1, None, 0, 0, 100]
    assert [baris["Pagerwojo"][k] for k in kolom] == ["Diam", 0, None, 0, 0, 0]
    assert [baris["Kalangsemanding"][k] for k in kolom] == ["Tersendat", 1, None, 0, 1, 100]
    assert [baris["Sembung"][k] for k in kolom] == ["Belum dibentuk", 0, None, 0, 0, None]
    assert list(baris["Jantiganggong"]["Kasus/bln"]) == [2]  # one month: March


# 2/ all desa side by side
def test_desa_berdampingan(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    baris = {r["Desa"]: r for r in _tabel(at, "rapat_desa")}
    kolom = ["Puskesos", "Kasus baru", "Selesai ≤ 90 hari", "Tunggakan", "Tanpa respon", "Kelengkapan"]

    def angka(nama: str) -> list:
        return [baris[nama][k] for k in kolom]

    assert angka("Marmoyo") == ["Aktif", 3, 0, 1, 1, 100]
    assert angka("Mangunan") == ["Tersendat", 2, 0, 1, 0, 75]
    assert angka("Kabuh") == ["Aktif", 6, 67, 1, 2, 100]  # 7 cases, KBH-2607-02 (KDRT) left out below kabupaten
    assert angka("Kedungjati") == ["Diam", 0, None, 0, 0, 0]
    assert angka("Karangpakis") == ["Diam", 0, None, 0, 0, 0]
    assert angka("Banjardowo") == ["Belum dibentuk", 0, None, 0, 0, None]  # nothing expected: no rate
    assert list(baris)[:4] == ["Marmoyo", "Tanjungwadung", "Mangunan", "Kabuh"]  # code order 2001..2004
    # sparklines, months Jun..Sep: cases; completion of the mature months with referrals (Jun 1/2, Jul 2/2);
    # overdue by start month (KBH-2608-02 started in Aug); reports received
    assert list(baris["Kabuh"]["Kasus/bln"]) == [2, 1, 2, 1]  # July: KBH-2607-01; KBH-2607-02 (KDRT) left out
    assert list(baris["Kabuh"]["Selesai/bln"]) == [50, 100]
    assert list(baris["Kabuh"]["Tunggakan/bln"]) == [0, 0, 1, 0]
    assert list(baris["Mangunan"]["Lapor/bln"]) == [1, 1, 1, 0]  # silent in Sep
    assert "Tunggakan dan tanpa respon: rujukan terbuka per tanggal data" in _teks(at)


def test_definisi_di_judul_kolom(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    [df] = [d for d in at.dataframe if "Kelengkapan" in d.value.columns]
    kolom = json.loads(df.proto.columns)
    assert "selesai paling lambat 90 hari sejak dimulai" in kolom["Selesai ≤ 90 hari"]["help"]
    assert "melewati batas waktu layanan (SLA) tujuannya per tanggal data" in kolom["Tunggakan"]["help"]
    assert "dibagi bulan wajib lapor dalam periode" in kolom["Kelengkapan"]["help"]
    assert not any("metrics.md" in k.get("help", "") for k in kolom.values() if isinstance(k, dict))


# 3/ the agenda
def test_agenda_tunggakan_per_tujuan_dan_desa(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    assert _tabel(at, "rapat_tujuan") == [
        {"Tujuan rujukan": "BPJS Kesehatan", "Terbuka": 2, "Lewat SLA": 1, "Tanpa respon > 14 hari": 2,
         "Desa terdampak": 1, "Tertua (hari)": 71},
        {"Tujuan rujukan": "Dispendukcapil", "Terbuka": 1, "Lewat SLA": 1, "Tanpa respon > 14 hari": 1,
         "Desa terdampak": 1, "Tertua (hari)": 137},
        {"Tujuan rujukan": "Dinas Sosial", "Terbuka": 1, "Lewat SLA": 1, "Tanpa respon > 14 hari": 0,
         "Desa terdampak": 1, "Tertua (hari)": 114},
    ]
    daftar = _tabel(at, "rapat_terlambat")
    assert [(r["Tujuan rujukan"], r["Desa"], r["ID kasus"], r["Mulai"], r["Umur (hari)"], r["SLA (hari)"],
             r["Status"], r["Tanpa respon"]) for r in daftar] == [
        ("BPJS Kesehatan", "Kabuh", _pseudonim("35.17.16.2004", "KBH-2608-02"), "20 Agu 2026", 71, 45, "Dikirim",
         "ya"),  # 20 Aug -> 30 Oct = 71 days
        ("Dinas Sosial", "Mangunan", _pseudonim("35.17.16.2003", "MGN-2607-01"), "8 Jul 2026", 114, 30, "Diproses",
         ""),
        ("Dispendukcapil", "Marmoyo", _pseudonim("35.17.16.2001", "MRM-2606-01"), "15 Jun 2026", 137, 30, "Dikirim",
         "ya"),
    ]
    semua = json.dumps(daftar, default=str)
    assert "KBH-" not in semua and "MGN-" not in semua and "MRM-" not in semua  # never the register number


def test_agenda_puskesos_diam_dan_pelaporan_turun(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    # last 3 due months at 30 Oct (September's reports were due 10 Oct): Jul, Aug, Sep; the 3 before: Apr, May, Jun
    assert _tabel(at, "rapat_diam") == [
        {"Desa": "Kedungjati", "Puskesos": "Diam", "Laporan terakhir": "belum pernah",
         "Melapor, 3 bulan terakhir": "0 dari 3", "Tidak melapor sejak": "Jun 2026"},
        {"Desa": "Karangpakis", "Puskesos": "Diam", "Laporan terakhir": "belum pernah",
         "Melapor, 3 bulan terakhir": "0 dari 3", "Tidak melapor sejak": "Jun 2026"},
        {"Desa": "Mangunan", "Puskesos": "Tersendat", "Laporan terakhir": "Agu 2026",
         "Melapor, 3 bulan terakhir": "2 dari 3", "Tidak melapor sejak": "Sep 2026"},
    ]
    # Mangunan: Apr-Jun only Jun was expected (the mart starts in Jun) and reported = 1 of 1; Jul-Sep 2 of 3
    assert _tabel(at, "rapat_turun") == [
        {"Desa": "Mangunan", "Puskesos": "Tersendat", "Melapor Apr – Jun 2026": "1 dari 1",
         "Melapor Jul – Sep 2026": "2 dari 3"},
    ]
    # no program roll in this warehouse: the sentence says so and what to load (never "numbers come later")
    assert "Cakupan program" in _teks(at) and "Belum ada daftar penerima program di gudang data" in _teks(at)
    assert "belum ada angkanya" not in _teks(at)


def test_kasus_sensitif_tidak_dalam_daftar(buka_app: BukaApp, gudang_sensitif: Path) -> None:
    at = buka_app(gudang_sensitif, "rapat_kecamatan", kec="35.17.09")
    daftar = _tabel(at, "rapat_terlambat")
    # Kec. Jombang: JBG-2608-02 to BPJS (81 d > 45); the KDRT referral to UPTD PPA (25 d > 3, no answer) is never a
    # line of a list, for any role (metrics.md 7), nor a row of the table by destination
    assert [(r["Tujuan rujukan"], r["ID kasus"], r["Kategori"], r["Umur (hari)"], r["Tanpa respon"])
            for r in daftar] == [
        ("BPJS Kesehatan", _pseudonim("35.17.09.2012", "JBG-2608-02"), "Jaminan kesehatan (PBI-JK/KIS/BPJS)", 81, ""),
    ]
    teks = json.dumps(daftar) + json.dumps(_tabel(at, "rapat_tujuan"))
    for rahasia in ("Kekerasan", "kasus sensitif", "UPTD PPA", _pseudonim("35.17.09.2012", "JBG-2610-01")):
        assert rahasia not in teks
    assert "Kasus sensitif (kekerasan, korban kekerasan, rujukan ke UPTD PPA) tidak didaftar" in _teks(at)


def test_tombol_unduh_agenda(buka: BukaApp) -> None:
    at = buka(kec="35.17.16")
    tombol = {b.proto.label: b.proto for b in at.get("download_button")}
    assert set(tombol) == {"Unduh agenda rapat (PDF)", "Unduh agenda rapat (XLSX)"}
    assert all(b.deferred_file_id for b in tombol.values())  # built only when clicked


def test_bahasa_inggris(buka: BukaApp) -> None:
    at = buka(kec="35.17.16", bahasa="en")
    baris = {r["Village"]: r for r in _tabel(at, "rapat_desa")}
    assert baris["Kedungjati"]["Puskesos"] == "Silent" and baris["Kabuh"]["Completed ≤ 90 days"] == 67
    assert "District meeting · Kec. Kabuh" in _teks(at)
    assert {b.proto.label for b in at.get("download_button")} == {"Download meeting agenda (PDF)",
                                                                   "Download meeting agenda (XLSX)"}


# 4/ Ringkasan: "Perlu perhatian"
PERHATIAN_KABUPATEN = [
    # skor = overdue + no response + 10 x expected months of Jul-Sep without a report
    ("Kedungjati", "Kabuh", "Diam", "tidak melapor 4 bulan terakhir (sejak Jun 2026)"),  # 0 + 0 + 30
    ("Karangpakis", "Kabuh", "Diam", "tidak melapor 4 bulan terakhir (sejak Jun 2026)"),  # 30; tie: code 2005 < 2007
    ("Mangunan", "Kabuh", "Tersendat",
     "1 rujukan lewat SLA (tertua 114 hari); tidak melapor 1 bulan terakhir (sejak Sep 2026)"),  # 1 + 0 + 10
    ("Kabuh", "Kabuh", "Aktif", "1 rujukan lewat SLA, 2 tanpa respon (tertua 71 hari)"),  # 1 + 2
    ("Marmoyo", "Kabuh", "Aktif", "1 rujukan lewat SLA, 1 tanpa respon (tertua 137 hari)"),  # 1 + 1
    ("Jombang", "Jombang", "Aktif", "1 rujukan lewat SLA (tertua 81 hari)"),  # JBG-2608-02 bpjs 81 d > 45
]


def test_perlu_perhatian_kabupaten(buka: BukaApp) -> None:
    at = buka(halaman=None)
    desa = _tabel(at, "perhatian_desa")
    assert [(r["Desa"], r["Kecamatan"], r["Puskesos"], r["Alasan"]) for r in desa] == PERHATIAN_KABUPATEN
    assert [r["No"] for r in desa] == [1, 2, 3, 4, 5, 6]  # only 6 desa score above 0
    # BPJS: KBH-2608-02 (71 d) and JBG-2608-02 (81 d) overdue in 2 desa; no response KBH-2608-02, KBH-2609-01
    assert [(r["Tujuan rujukan"], r["Alasan"]) for r in _tabel(at, "perhatian_tujuan")] == [
        ("BPJS Kesehatan", "2 rujukan lewat SLA di 2 desa, 2 tanpa respon (tertua 81 hari)"),
        ("Dispendukcapil", "1 rujukan lewat SLA di 1 desa, 1 tanpa respon (tertua 137 hari)"),
        ("Dinas Sosial", "1 rujukan lewat SLA di 1 desa (tertua 114 hari)"),
    ]
    teks = _teks(at)
    assert "Perlu perhatian · Kabupaten Jombang" in teks
    assert "skor = rujukan lewat SLA + rujukan tanpa respon + 10 × bulan wajib lapor tanpa laporan" in teks
    assert len(at.metric) == 6  # the existing sections are still there (4 case tiles, PBI-JK, poverty)


def test_perlu_perhatian_kecamatan_dan_desa(buka: BukaApp) -> None:
    at = buka(halaman=None, kec="35.17.09")
    assert [(r["Desa"], r["Alasan"]) for r in _tabel(at, "perhatian_desa")] == [
        ("Jombang", "1 rujukan lewat SLA (tertua 81 hari)")]
    assert "Kecamatan" not in _tabel(at, "perhatian_desa")[0]  # one kecamatan: no kecamatan column
    # a desa: the list of its kecamatan
    at = buka(halaman=None, desa="35.17.16.2004")
    assert [r["Desa"] for r in _tabel(at, "perhatian_desa")] == ["Kedungjati", "Karangpakis", "Mangunan", "Kabuh",
                                                               "Marmoyo"]
    assert "Perlu perhatian · Kec. Kabuh (kecamatan desa terpilih)" in _teks(at)


def test_bahan_rapat_disiapkan_saat_diminta(buka: BukaApp) -> None:
    at = buka(halaman=None)
    assert not at.get("download_button")  # nothing is rendered (no kaleido) until asked
    at.button(key="siapkan_bahan_rapat").click().run()
    assert not at.exception and not at.error
    tombol = {b.proto.label for b in at.get("download_button")}
    assert tombol == {"Unduh bahan rapat (PDF)", "Unduh bahan rapat (PPTX)"}
    at.selectbox(key="f_kec").set_value("35.17.16").run()  # another selection: the pack must be made again
    assert not at.get("download_button")


def test_gudang_lama_tanpa_mart_baru(buka_app: BukaApp, gudang_app: Path, tmp_path: Path) -> None:
    # a warehouse built before these marts existed: an Indonesian message, no traceback
    lama = tmp_path / "lama.duckdb"
    shutil.copy(gudang_app, lama)
    with duckdb.connect(str(lama)) as kon:
        kon.execute("drop table mart_perhatian_desa")
    at = buka_app(lama, "rapat_kecamatan", periksa=False, kec="35.17.16")
    assert not at.exception
    assert any("tidak dapat ditampilkan" in e.value for e in at.error)
