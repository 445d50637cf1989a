"""Rujukan page with Streamlit's AppTest, on the Perak + Kabuh warehouse built by the real pipeline
(`tests/fixtures/app_rujukan/`; the Perak referrals are worked out in `tests/pipelines/sql/test_marts.py`).

Cut-off 2025-05-09. Grid Jun 2024 .. May 2025. The tests pin the period the page opened with before due months
(`LAMA`: 6 months up to the latest complete month, Apr 2025): Nov 2024 .. Apr 2025. The default period now ends with
the last DUE month (April's reports are due on 10 May): Oct 2024 .. Mar 2025, checked by
`test_periode_bawaan_berakhir_bulan_jatuh_tempo`. Referrals started in Nov 2024 .. Apr 2025 (start =
tanggal_rujuk; SLA dinsos/dukcapil/disdik 30, bpjs 45, uptd_ppa 3, perkim 180), as they stood on 9 May:
    Jantiganggong 2001-001 BPJS      start 04/03, response 10/03, selesai 20/03 (16 d)  respon_14, selesai_30
    Jantiganggong 2001-002 Dinsos    start 05/03, response 20/04 (46 d), diproses, 65 d  open, past SLA 30
    Jantiganggong 2001-002 Dukcapil  start 06/03, response 07/03, diproses, 64 d         respon_14, open, past SLA
    Kepuhkajang 2002-001 UPTD PPA    start 12/03, response 13/03, selesai 02/04 (21 d)  respon_14, selesai_30
    Kalangsemanding 2005-002 Perkim  start 26/03, dikirim, no response, 44 d             tanpa_respon; 44 < 135 = 75 %
                                                                                         of 180: tepat waktu
    Sumberagung 2003-001 Disdik      start 12/04, response 14/04, selesai 05/05 (23 d)  respon_14, selesai_30
    Kabuh KBH-2504-03 UPTD PPA (KDRT) start 15/04, dikirim, no response, 24 d            tanpa_respon, past SLA 3
The two UPTD PPA referrals (KDRT cases) are sensitive (metrics.md 7): in no figure of the page at any level; the
kabupaten's note counts them apart: 2 started, 1 open, 1 past SLA, 1 without response (the Kabuh one).
Funnel of the other five: sent 5; responded 4 (all but Perkim); completed 2 (BPJS, Disdik); rejected 0; open 3,
of them past SLA 2 (Dinsos, Dukcapil), without response 1 (Perkim).
Cohorts: Mar 2025: 4 sent, 1 done within 30 days (BPJS 16 d), also within 60 and 90: 25 %; mature for 30 days
(1 Mar + 1 month + 30 d = 1 May <= 9 May), not for 60 (31 May). Apr 2025: 1 sent, done within 30 d: 100 %,
immature for all (31 May > 9 May). No month is mature for 90 days: the 90-day rate reads "belum matang".
"""

from __future__ import annotations

import base64
import json
from datetime import date
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from akses import KASUS_SENSITIF, Pengguna
from dashboard import data
from dashboard.db import versi_gudang
from dashboard.komponen.rujukan import csv_daftar, tabel_daftar

from tests.fixtures import BukaApp, pseudonim_kasus
from tests.fixtures.app_rujukan import PANTAU_TOML

pytestmark = pytest.mark.usefixtures("sebagai_perencana")
LAMA = {"dari": "2024-11", "sampai": "2025-04"}
"""The period the page opened with before due months (6 months ending with the last complete month, April)."""


@pytest.fixture
def buka(buka_app: BukaApp, gudang_rujukan: Path) -> BukaApp:
    """Open the app on `gudang_rujukan` with the URL parameters given, on the Rujukan page."""
    return partial(buka_app, gudang_rujukan, "rujukan", config=PANTAU_TOML)


def _angka(nilai: dict | list) -> list:
    """A plotly array from a figure's JSON: a list, or a typed array `{"dtype", "bdata"}` (plotly >= 6)."""
    if isinstance(nilai, dict):
        return [float(x) for x in np.frombuffer(base64.b64decode(nilai["bdata"]), dtype=nilai["dtype"])]
    return list(nilai)


def _grafik(at: AppTest, i: int) -> dict:
    return json.loads(at.get("plotly_chart")[i].proto.spec)


def _tabel(at: AppTest, kunci_kolom: str) -> pd.DataFrame:
    """The st.dataframe whose data has the column `kunci_kolom`."""
    return next(d.value for d in at.dataframe if kunci_kolom in d.value.columns)


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown] + [i.value for i in at.info])


# 1/ funnel and cohorts
def test_corong_kabupaten(buka: BukaApp) -> None:
    at = buka(**LAMA)
    corong = _grafik(at, 0)["data"][0]
    assert corong["y"] == ["Dikirim", "Direspon", "Selesai", "Ditolak"]
    assert _angka(corong["x"]) == [5, 4, 2, 0]
    # shares of the 5 sent: 4/5 = 80,0 %, 2/5 = 40,0 %
    assert corong["text"] == ["5 (100,0 %)", "4 (80,0 %)", "2 (40,0 %)", "0 (0,0 %)"]
    teks = _teks(at)
    assert "3 masih terbuka: 2 lewat SLA, 1 tanpa respon > 14 hari" in teks
    assert "Rujukan · Kabupaten Jombang" in teks
    assert "Rujukan yang dimulai Nov 2024 – Apr 2025, keadaan per 9 Mei 2025" in teks


def test_periode_bawaan_berakhir_bulan_jatuh_tempo(buka: BukaApp) -> None:
    # no period in the URL: the 6 months ending with the last DUE month, Oct 2024 .. Mar 2025 (April's reports are
    # due on 10 May, after the 9 May cut-off). Started in it: four March referrals (BPJS, Dinsos, Dukcapil, Perkim;
    # the Kepuhkajang KDRT case to UPTD PPA is sensitive, not counted); responded 3 (all but Perkim), completed 1
    # (BPJS); open 3: Dinsos and Dukcapil past SLA, Perkim without response (44 d)
    at = buka()
    assert _angka(_grafik(at, 0)["data"][0]["x"]) == [4, 3, 1, 0]
    teks = _teks(at)
    assert "Rujukan yang dimulai Okt 2024 – Mar 2025, keadaan per 9 Mei 2025" in teks
    assert "3 masih terbuka: 2 lewat SLA, 1 tanpa respon > 14 hari" in teks


def test_kohort_matang_dan_belum_matang(buka: BukaApp) -> None:
    at = buka(**LAMA)
    jejak = _grafik(at, 1)["data"]
    assert [j["name"] for j in jejak] == ["≤ 30 hari", "≤ 60 hari", "≤ 90 hari"]
    assert jejak[0]["x"][:4] == ["Nov 2024", "Des 2024", "Jan 2025", "Feb 2025"]
    assert jejak[0]["x"][4:] == ["Mar 2025", "Apr 2025<br><i>belum matang</i>"]  # Apr: not even 30 days
    for j in jejak:  # months without referrals have no bar; Mar 1/4 = 25 %, Apr 1/1 = 100 %
        assert _angka(j["y"])[4:] == [25.0, 100.0]
        assert j["text"] == ["", "", "", "", "25 %", "100 %"]
    abu = "#D1D5DB"
    assert jejak[0]["marker"]["color"][4:] == ["#9ECAE1", abu]  # March is mature for 30 days only
    assert jejak[1]["marker"]["color"][4:] == [abu, abu]
    assert jejak[2]["marker"]["color"][4:] == [abu, abu]
    assert "(belum matang)" in jejak[2]["hovertext"][4]


# 2/ the table by destination
def test_tabel_per_tujuan_kabupaten(buka: BukaApp) -> None:
    at = buka(**LAMA)
    tabel = _tabel(at, "persen_selesai_90")
    # order: most overdue, then most without response, then most sent; columns: SLA, sent, responded <= 14 d,
    # done <= 90 d, rate over mature cohorts (none), rejected, median days to done, open, past SLA, no response,
    # oldest open (days)
    assert tabel.values.tolist() == [
        ["Dinas Sosial", "30", "1", "0", "0", "belum matang", "0", "–", "1", "1", "0", "65"],
        ["Dispendukcapil", "30", "1", "1", "0", "belum matang", "0", "–", "1", "1", "0", "64"],
        ["Dinas Perkim", "180", "1", "0", "0", "belum matang", "0", "–", "1", "0", "1", "44"],
        ["BPJS Kesehatan", "45", "1", "1", "1", "belum matang", "0", "16", "0", "0", "0", "–"],
        ["Dinas Pendidikan/Kemenag", "30", "1", "1", "1", "belum matang", "0", "23", "0", "0", "0", "–"],
    ]
    # the kabupaten alone counts the sensitive referrals, apart: the two UPTD PPA ones (Kepuhkajang completed,
    # Kabuh open past SLA and unanswered)
    assert ("rujukan ke UPTD PPA), yang hanya dihitung untuk seluruh kabupaten: 2 dimulai dalam periode; dari jumlah "
            "itu, per tanggal data 1 masih terbuka, 1 lewat batas waktu, 1 tanpa respon lebih dari 14 hari."
            ) in _teks(at)


def test_tujuan_sensitif_tidak_ada_di_bawah_kabupaten(buka: BukaApp) -> None:
    at = buka(kec="35.17.01", **LAMA)
    tabel = _tabel(at, "persen_selesai_90").set_index("tujuan")
    # Kec. Perak: the Kepuhkajang KDRT referral to UPTD PPA is in no row; a UPTD PPA row would give it away
    assert "UPTD PPA" not in tabel.index and "<5" not in tabel.values
    assert tabel.loc["Dinas Sosial"].tolist() == ["30", "1", "0", "0", "belum matang", "0", "–", "1", "1", "0", "65"]
    teks = _teks(at)
    assert "tidak dihitung dalam angka rujukan desa dan kecamatan" in teks and "2 dimulai" not in teks
    # Kec. Kabuh: its only referral is the KDRT one: the page has no referral to show at all (funnel minus table
    # gave it away before: Dikirim 1 and UPTD PPA <5)
    at = buka(kec="35.17.16", **LAMA)
    assert "Tidak ada rujukan yang dimulai dalam periode dan wilayah terpilih" in _teks(at)
    assert not at.get("plotly_chart")


# 3/ ageing and tanpa_respon by desa
def test_umur_dan_status_sla(buka: BukaApp) -> None:
    at = buka(**LAMA)
    jejak = _grafik(at, 2)["data"]
    assert [j["name"] for j in jejak] == ["tepat waktu", "berisiko", "terlambat"]
    assert jejak[0]["x"] == ["0-30 hari", "31-60 hari", "61-90 hari", ">90 hari"]
    # open: Perkim 44 d (< 135), Dinsos 65 d and Dukcapil 64 d (past 30); PPA Kabuh is sensitive, not counted
    assert _angka(jejak[0]["y"]) == [0, 1, 0, 0]
    assert _angka(jejak[1]["y"]) == [0, 0, 0, 0]
    assert _angka(jejak[2]["y"]) == [0, 0, 2, 0]


def test_tanpa_respon_per_desa(buka: BukaApp) -> None:
    at = buka(**LAMA)
    # Kalangsemanding's Perkim referral; Kabuh's unanswered one is the KDRT case to UPTD PPA: not listed
    assert _tabel(at, "peringkat").values.tolist() == [
        ["1", "Kalangsemanding", "Perak", "1", "1", "44", "Dinas Perkim"],
    ]


# 4/ the list of open referrals: pseudonymous ids, "kasus sensitif", never a registration number or a name
def test_daftar_rujukan_terbuka(buka: BukaApp) -> None:
    at = buka(**LAMA)
    pilihan = at.segmented_control(key="rujukan_daftar_pilihan")
    assert pilihan.value == "terlambat"
    daftar = _tabel(at, "id_kasus")
    # keyed with the key the warehouse was built with (app_rujukan.bangun_gudang: kunci-uji)
    id_jantiganggong = pseudonim_kasus(b"kunci-uji", "35.17.01.2001", "2001-002")
    assert daftar[["id_kasus", "desa", "kategori", "tujuan", "tanggal_mulai", "status", "umur_hari",
                   "status_sla"]].values.tolist() == [
        [id_jantiganggong, "Jantiganggong", "Data DTKS/DTSEN", "Dinas Sosial", "5 Mar 2025", "Diproses", 65,
         "terlambat"],
        [id_jantiganggong, "Jantiganggong", "Data DTKS/DTSEN", "Dispendukcapil", "6 Mar 2025", "Diproses", 64,
         "terlambat"],
    ]  # the Kabuh KDRT case to UPTD PPA is never a line, for any role
    semua_sel = " ".join(map(str, daftar.values.ravel()))
    for rahasia in ("KBH-2504-03", "2001-002", "KDRT", "Dewi", "3517164403870018", "Kekerasan", "UPTD PPA",
                    "kasus sensitif", pseudonim_kasus(b"kunci-uji", "35.17.16.2004", "KBH-2504-03")):
        assert rahasia not in semua_sel
    assert [o.content for o in pilihan.proto.options] == ["Lewat SLA (2)", "Tanpa respon (1)", "Semua terbuka (3)"]
    assert "Kasus sensitif tidak didaftar di sini, untuk peran apa pun" in _teks(at)

    pilihan.set_value("tanpa_respon").run()
    assert [r[:2] for r in _tabel(at, "id_kasus")[["tujuan", "umur_hari"]].values.tolist()] == [
        ["Dinas Perkim", 44]]
    at.segmented_control(key="rujukan_daftar_pilihan").set_value("terbuka").run()
    assert len(_tabel(at, "id_kasus")) == 3


def test_unduhan_daftar_tanpa_data_pribadi(gudang_rujukan: Path) -> None:
    daftar = data.rujukan_terbuka_daftar(versi_gudang(gudang_rujukan), "35.17.16", date(2024, 11, 1), date(2025, 4, 1))
    pengguna = Pengguna("camat_kabuh", "kecamatan", "35.17.16")
    semua = csv_daftar(tabel_daftar(daftar, "id"), pengguna, date(2025, 5, 20)).decode("utf-8-sig").splitlines()
    assert semua[:3] == ["# diunduh_oleh: camat_kabuh", "# peran: kecamatan", "# cakupan: Kec. Kabuh"]
    isi = [b for b in semua if not b.startswith("# ")]
    # Kec. Kabuh's only open referral is the KDRT case to UPTD PPA: the file has the header only
    assert isi == [
        "id_kasus,desa,kecamatan,kategori,tujuan,tanggal_mulai,tanggal_respon,status,umur_hari,sla_hari,status_sla",
    ]
    perak = data.rujukan_terbuka_daftar(versi_gudang(gudang_rujukan), "35.17.01", date(2024, 11, 1), date(2025, 4, 1))
    assert sorted(perak["tujuan_rujukan"]) == ["dinsos", "dukcapil", "perkim"]


# 5/ the filter: a period without referrals, a desa, English, definitions
def test_periode_tanpa_rujukan(buka: BukaApp) -> None:
    at = buka(dari="2024-11", sampai="2025-01")
    assert "Tidak ada rujukan yang dimulai dalam periode dan wilayah terpilih" in _teks(at)
    assert not at.get("plotly_chart")


def test_satu_desa(buka: BukaApp) -> None:
    at = buka(desa="35.17.01.2001")
    # Jantiganggong: 3 sent, all 3 answered (Dinsos only after 46 days), BPJS done; Dinsos and Dukcapil open past SLA
    assert _angka(_grafik(at, 0)["data"][0]["x"]) == [3, 3, 1, 0]
    assert [r[0] for r in _tabel(at, "persen_selesai_90").values.tolist()] == [
        "Dinas Sosial", "Dispendukcapil", "BPJS Kesehatan"]
    assert "Rujukan · Jantiganggong, Kec. Perak" in _teks(at)


def test_bahasa_inggris(buka: BukaApp) -> None:
    at = buka(bahasa="en", **LAMA)
    assert _grafik(at, 0)["data"][0]["text"] == ["5 (100.0%)", "4 (80.0%)", "2 (40.0%)", "0 (0.0%)"]
    tabel = _tabel(at, "persen_selesai_90")
    assert tabel.iloc[0].tolist()[:6] == ["Social Affairs Office", "30", "1", "0", "0", "not yet mature"]
    teks = _teks(at)
    assert "3 still open: 2 past SLA, 1 without response > 14 days" in teks
    assert "counted for the whole regency only: 2 started in the period" in teks
    assert "Sensitive cases are not listed here, for any role" in teks


def test_definisi_untuk_pengguna(buka: BukaApp) -> None:
    teks = _teks(buka())
    # the definitions of metrics.md in plain Indonesian, without its identifiers or a reference to it
    for kutipan in ("menurut tanggal rujuk, atau tanggal lapor bila tanggal rujuk kosong",
                    "Kohort ditampilkan abu-abu dengan \"belum matang\"",
                    "tabel yang menunjukkan instansi mana yang tidak menjawab",
                    "tepat waktu (umur < 75 % SLA), berisiko (75-100 %), terlambat (> SLA)",
                    "tidak pernah dijawab tujuannya dan berumur lebih dari 14 hari",
                    "Hanya id samaran (pseudonim), bukan nama, NIK atau nomor registrasi"):
        assert kutipan in teks, kutipan
    assert "metrics.md" not in teks and "`" not in teks


# 6/ the privacy helpers used by the page
def test_kasus_sensitif_nama_tampilan() -> None:
    assert KASUS_SENSITIF == "kasus sensitif"
