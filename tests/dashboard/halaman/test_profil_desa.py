"""Profil desa with AppTest, on the Kec. Perak fixture warehouse (`gudang_perak` of conftest.py: its rows are in
`tests/fixtures/`, the marts' numbers worked out in `tests/pipelines/sql/test_marts.py`) and on `tests/fixtures/app/`.

Perak: cut-off 9 Mei 2025 (latest tanggal_kirim); mart months Mar, Apr, May 2025. The Perak tests pin the period
the page opened with before due months (`LAMA`: Mar - Apr 2025, the 6 months up to the latest complete month, Apr,
cut at the first month with data); the default period now ends with the last DUE month, March (April's reports are
due on 10 May): Mar 2025 alone (`test_periode_bawaan_berakhir_bulan_jatuh_tempo`). The app fixture's cut-off,
30 Okt 2026, has the same last due and last complete month, September: its default period is unchanged. Nothing
is mature for 90 days (Mar + 1 month + 90 days = 30 Jul 2025). The reporting strip covers the 12 months up to the
month before the cut-off month: May 2024 - Apr 2025, of which May 2024 - Feb 2025 lie before the warehouse's first
month and April is "belum jatuh tempo" for a desa that has not sent it yet.

Files: 1 = puskesos_perak.csv (2 rows, no quarantine, no warning); 2 = kasus_perak_2025_03.csv (loaded rows 5, 6,
7 Jantiganggong, 8, 9 Kepuhkajang, 10 Sumberagung, 14 Kalangsemanding, 15 Perak; quarantined rows 11 Pagerwojo
"31/02/2025", 12 "Sumbrejo", 13 Perak without tanggal_lapor; warnings on rows 8 (NIK), 9 (label), 14 (desa name),
15 (formula-looking text)); 3 = kasus_perak_2025_04.xlsx (loaded rows 5, 7 Jantiganggong, 6, 9 Kepuhkajang,
8 Sumberagung; quarantined row 10, a Mojokerto desa; warning on row 7, NIK stored as a number).
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import partial
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.fixtures import BukaApp, pseudonim_kasus


@pytest.fixture(scope="module")
def perak(gudang_perak) -> Path:
    k, _ = gudang_perak
    return Path(k.gudang)


@pytest.fixture
def buka(buka_app: BukaApp) -> BukaApp:
    """Open the app on a warehouse with the URL parameters given, on the Profil desa page."""
    return partial(buka_app, halaman="profil_desa")


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def _strip(at: AppTest) -> list[str]:
    """The reporting strip's cells as `Bulan: status` (their tooltips)."""
    [isi] = [h.proto.body for h in at.get("html") if "pantau-strip" in h.proto.body]
    return re.findall(r'title="([^"]*)"', isi)


def _tabel(at: AppTest, kolom: str) -> list[dict]:
    [df] = [d.value for d in at.dataframe if kolom in d.value.columns]
    return df.astype(object).where(df.notna(), None).to_dict("records")


def _pseudonim(kode_desa: str, no_registrasi: str) -> str:
    """The case id the app shows: keyed with the key the Perak warehouse was built with (conftest: kunci-uji)."""
    return pseudonim_kasus(b"kunci-uji", kode_desa, no_registrasi)


LAMA = {"dari": "2025-03", "sampai": "2025-04"}
"""The Perak period the page opened with before due months (up to the last complete month, April)."""
TANPA_DATA = [f"{b}: Tanpa data" for b in ("Mei 2024", "Jun 2024", "Jul 2024", "Agu 2024", "Sep 2024", "Okt 2024",
                                           "Nov 2024", "Des 2024", "Jan 2025", "Feb 2025")]


# 1/ a desa with its register, silent, whose only case row was quarantined
def test_pagerwojo_register_dan_diam(buka: BukaApp, perak: Path) -> None:
    at = buka(perak, desa="35.17.01.2004", **LAMA)
    teks = _teks(at)
    assert "Profil desa · Pagerwojo, Kec. Perak" in teks
    # register row: Aktif, SK 140/12/415.10/2024 of 15/01/2024, trained chair Ya, 2025 budget "Rp 5.000.000"
    for baris in ("Status per 9 Mei 2025: **Diam**", "Laporan terakhir: **belum pernah**",
                  "Melapor dalam 3 bulan terakhir: **0 dari 3**", "Register: **Aktif**",
                  "SK pembentukan: **140/12/415.10/2024, 15 Jan 2024**", "Ketua terlatih: **Ya**",
                  "Anggaran: **Rp 5.000.000 (2025)**"):
        assert baris in teks, baris
    assert "Tidak ada kasus baru dalam Mar – Apr 2025." in teks
    assert "Tidak ada rujukan yang dimulai dalam periode ini." in teks
    # expected since Feb 2024 (SK Jan 2024): March is due and was not received; at 9 May April's report is not due
    # until 10 May: waiting, never "tidak melapor"
    assert _strip(at) == [*TANPA_DATA, "Mar 2025: Tidak melapor", "Apr 2025: Belum jatuh tempo"]
    # files: 1 (its register row) and 2 (its quarantined row names "Pagerwojo", Kec. "Perak"); quarantined in
    # them 0 + 3; warnings on its loaded rows 0, in those files 0 + 4
    assert ("2 berkas memuat desa ini (1 baris dimuat). Dikarantina: 1 baris yang menyebut desa ini (3 di "
            "berkas-berkas itu). Peringatan: 0 pada baris desa ini (4 di berkas-berkas itu).") in teks
    assert "Selesai ≤ 90 hari: tidak diperingkat" in teks
    assert "Tunggakan: tidak diperingkat (Puskesos tidak aktif melapor)" in teks
    assert "Cakupan program" in teks


# 2/ a desa with cases, referrals and overdue ones
def test_jantiganggong_kasus_rujukan_dan_peringkat(buka: BukaApp, perak: Path) -> None:
    at = buka(perak, desa="35.17.01.2001", **LAMA)
    # Mar: 2001-001 "Pengaktifan BPJS", 2001-002 "Cek desil" (two referral rows, one case); Apr: 2001-003 PKH.
    # At 9 May April's reports are not due (10 May): its counts are partial, marked "belum lengkap"
    apr = "Apr 2025 (belum lengkap)"
    assert _tabel(at, "Jumlah") == [
        {"Kategori": "Jaminan kesehatan (PBI-JK/KIS/BPJS)", "Mar 2025": "1", apr: "0", "Jumlah": "1"},
        {"Kategori": "Data DTKS/DTSEN", "Mar 2025": "1", apr: "0", "Jumlah": "1"},
        {"Kategori": "PKH", "Mar 2025": "0", apr: "1", "Jumlah": "1"},
        {"Kategori": "Jumlah kasus tidak sensitif", "Mar 2025": "2", apr: "1", "Jumlah": "3"},
    ]
    # referrals started Mar-Apr: BPJS (selesai 20/03), Dinsos (answered 20/04, diproses), Dukcapil (answered
    # 07/03, diproses): sent 3, responded 3, completed 1, rejected 0
    [grafik] = at.get("plotly_chart")
    figur = json.loads(grafik.proto.spec)
    assert list(figur["data"][0]["y"]) == ["Dikirim", "Direspon", "Selesai", "Ditolak"]
    assert figur["data"][0]["text"] == ["3", "3", "1", "0"]
    # as of 9 May: Dinsos 65 days and Dukcapil 64 days old, open, past their 30-day SLA; both were answered
    assert "Per tanggal data: 2 masih terbuka, 2 lewat SLA, 0 tanpa respon > 14 hari." in _teks(at)
    assert "(bulan matang)" not in _teks(at)  # March is not mature yet
    id_kasus = _pseudonim("35.17.01.2001", "2001-002")
    assert [(r["Tujuan rujukan"], r["ID kasus"], r["Kategori"], r["Mulai"], r["Umur (hari)"], r["SLA (hari)"],
             r["Status"]) for r in _tabel(at, "ID kasus")] == [
        ("Dinas Sosial", id_kasus, "Data DTKS/DTSEN", "5 Mar 2025", 65, 30, "Diproses"),
        ("Dispendukcapil", id_kasus, "Data DTKS/DTSEN", "6 Mar 2025", 64, 30, "Diproses"),
    ]
    # Mar sent 8 Apr (<= 10 Apr) and Apr sent 9 May (<= 10 May): on time
    assert _strip(at) == [*TANPA_DATA, "Mar 2025: Tepat waktu", "Apr 2025: Tepat waktu"]
    teks = _teks(at)
    # desa reporting in Kec. Perak (last due months Jan..Mar: 2001, 2002, 2003, 2005, 2008 all tersendat, their data
    # start in March); overdue 2, 0, 0, 0, 0 -> rank 5
    assert "Tunggakan: peringkat 5 dari 5 desa yang melapor di Kec. Perak (2 lewat SLA; sedikit = baik)" in teks
    # files 2 and 3; rows 5, 6, 7 and 5, 7; quarantined 3 + 1, none naming it; warning on file 3 row 7 only
    assert ("2 berkas memuat desa ini (5 baris dimuat). Dikarantina: 0 baris yang menyebut desa ini (4 di "
            "berkas-berkas itu). Peringatan: 1 pada baris desa ini (5 di berkas-berkas itu).") in teks
    assert "Register: **belum tercatat di register Puskesos**" in teks


def test_periode_bawaan_berakhir_bulan_jatuh_tempo(buka: BukaApp, perak: Path) -> None:
    # no period in the URL: 6 months ending with the last DUE month, March (April's reports are due on 10 May, after
    # the 9 May cut-off), cut at the first month with data: March 2025 alone. Jantiganggong's March cases only
    at = buka(perak, desa="35.17.01.2001")
    assert (at.session_state["f_dari"], at.session_state["f_sampai"]) == (date(2025, 3, 1), date(2025, 3, 1))
    assert "Periode Mar 2025" in _teks(at)
    assert _tabel(at, "Jumlah") == [
        {"Kategori": "Jaminan kesehatan (PBI-JK/KIS/BPJS)", "Mar 2025": "1", "Jumlah": "1"},
        {"Kategori": "Data DTKS/DTSEN", "Mar 2025": "1", "Jumlah": "1"},
        {"Kategori": "Jumlah kasus tidak sensitif", "Mar 2025": "2", "Jumlah": "2"},
    ]


# 3/ violence counts below kabupaten level
def test_kepuhkajang_kekerasan_disembunyikan(buka: BukaApp, perak: Path) -> None:
    at = buka(perak, desa="35.17.01.2002", **LAMA)
    # Mar: 2002-001 KDRT (1 -> "<5"), 2002-002 "Bantuan kursi roda" (unknown label -> lainnya); Apr: nihil only.
    # The bottom line leaves the violence rows out, so "<5" cannot be recovered by subtraction. March is a
    # protected row (a count of 1): all its sensitive cells are hidden, the true 0 of violence against children too
    # (complementary protection, akses.lindungi_bulanan rule 2); April has no violence case: exact zeros. April's
    # reports are not due at 9 May: its column is marked partial ("belum lengkap")
    apr = "Apr 2025 (belum lengkap)"
    assert _tabel(at, "Jumlah") == [
        {"Kategori": "Kekerasan terhadap perempuan", "Mar 2025": "<5", apr: "0", "Jumlah": "<5"},
        {"Kategori": "Kekerasan terhadap anak", "Mar 2025": "<5", apr: "0", "Jumlah": "<5"},
        {"Kategori": "Lainnya", "Mar 2025": "1", apr: "0", "Jumlah": "1"},
        {"Kategori": "Jumlah kasus tidak sensitif", "Mar 2025": "1", apr: "0", "Jumlah": "1"},
    ]
    assert _strip(at)[-2:] == ["Mar 2025: Tepat waktu", "Apr 2025: Nihil"]
    # warnings on its rows: file 2 row 9 (label); row 8 (the KDRT case, NIK) carries one too, but a sensitive case's
    # row is not counted per desa (metrics.md 7)
    assert "Peringatan: 1 pada baris desa ini" in _teks(at)


# 4/ choosing the desa
def test_pilih_desa_di_halaman(buka: BukaApp, perak: Path) -> None:
    at = buka(perak, kec="35.17.01")
    assert any("Pilih satu desa di Kec. Perak" in i.value for i in at.info)
    pilih = at.selectbox(key="profil_pilih_desa")
    assert len(pilih.options) == 13  # the 13 desa of Kec. Perak
    pilih.set_value("35.17.01.2001").run()
    assert not at.exception and not at.error
    assert at.selectbox(key="f_desa").value == "35.17.01.2001"
    assert at.query_params["desa"] == "35.17.01.2001"
    assert "Profil desa · Jantiganggong, Kec. Perak" in _teks(at)


def test_tanpa_kecamatan_semua_desa_kabupaten(buka: BukaApp, perak: Path) -> None:
    at = buka(perak)
    pilih = at.selectbox(key="profil_pilih_desa")
    assert len(pilih.options) == 306
    assert "Jantiganggong (Perak)" in pilih.proto.options  # the kecamatan named beside the desa


# 5/ the app fixture: rank by completion, a nihil month and a silent one
def test_kabuh_peringkat_selesai_90(buka: BukaApp, gudang_app: Path) -> None:
    at = buka(gudang_app, desa="35.17.16.2004")
    teks = _teks(at)
    # mature Jun-Jul: Kabuh 2/3 = 67 % (its July KDRT referral to UPTD PPA is sensitive: in no referral figure),
    # Marmoyo 0/1, Mangunan 0/1 -> Kabuh first of 3 ranked desa
    assert "Selesai ≤ 90 hari: peringkat 1 dari 3 desa di Kec. Kabuh (67 %)" in teks
    # overdue: Kabuh, Marmoyo, Mangunan 1 each -> all rank 1 of the 3 reporting desa
    assert "Tunggakan: peringkat 1 dari 3 desa yang melapor di Kec. Kabuh (1 lewat SLA; sedikit = baik)" in teks
    # Jun-Sep: sent 5 (bpjs, dinsos, dinsos, bpjs, bpjs), 3 completed; open 2, past SLA 1 (71 d > 45),
    # no response 2 (71 d and 32 d, both dikirim); mature 2 of 3 = 66,7 %
    assert ("Per tanggal data: 2 masih terbuka, 1 lewat SLA, 2 tanpa respon > 14 hari. Selesai ≤ 90 hari "
            "(bulan matang): 2 dari 3 (66,7 %).") in teks
    kategori = {r["Kategori"]: r for r in _tabel(at, "Jumlah")}
    assert kategori["Kekerasan terhadap perempuan"]["Jul 2026"] == "<5"  # KBH-2607-02, KDRT
    assert kategori["Jumlah kasus tidak sensitif"]["Jumlah"] == "6"  # 7 cases minus the KDRT one


def test_mangunan_riwayat_lapor(buka: BukaApp, gudang_app: Path) -> None:
    at = buka(gudang_app, desa="35.17.16.2003")
    # Jun sent 7 Jul, Jul sent 6 Aug (<= day 10): on time; Aug nihil only; Sep nothing: silent
    assert _strip(at)[-4:] == ["Jun 2026: Tepat waktu", "Jul 2026: Tepat waktu", "Agu 2026: Nihil",
                               "Sep 2026: Tidak melapor"]
    assert _strip(at)[:8] == [f"{b}: Tanpa data" for b in ("Okt 2025", "Nov 2025", "Des 2025", "Jan 2026",
                                                            "Feb 2026", "Mar 2026", "Apr 2026", "Mei 2026")]
    assert "Status per 30 Okt 2026: **Tersendat**" in _teks(at)


def test_bahasa_inggris(buka: BukaApp, gudang_app: Path) -> None:
    at = buka(gudang_app, desa="35.17.16.2003", bahasa="en")
    assert _strip(at)[-2:] == ["Aug 2026: Nil", "Sep 2026: Silent"]
    assert "Village profile · Mangunan, Kec. Kabuh" in _teks(at)
