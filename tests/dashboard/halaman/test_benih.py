"""The briefing's seed questions on screen: trends by category, target group and channel at kabupaten and kecamatan
level (no victim group below kabupaten, breakdowns adding up to the shown total), the programs cases ask for and
what deactivated PBI-JK recipients did next (Program), and the Puskesos register summed (Ringkasan).

Fixture `tests/fixtures/app_benih/` (+ the register of `tests/fixtures/app/puskesos.csv`), cut-off 2026-04-06 (last
due month February 2026), period December 2025 - March 2026. Desa A = Kabuh 35.17.16.2004, B = Marmoyo 35.17.16.2001
(both Kec. Kabuh), C = Jombang 35.17.09.2012 (Kec. Jombang). Cases, by report month:
  Dec: B-00 (Sembako, miskin, datang langsung, KK6).
  Jan: A-01 (jaminan kesehatan, miskin, datang langsung, PBI-JK, KK1, referral completed), A-02 (jaminan kesehatan,
       rentan miskin, datang langsung, PBI-JK, KK2, referral open), A-03 (jaminan kesehatan, miskin, telepon/WA,
       PBI-JK, no KK, not referred), A-04 (KDRT, perempuan korban kekerasan, datang langsung: sensitive),
       C-01 (jaminan kesehatan, miskin, datang langsung, PBI-JK, KK4, referral completed).
  Feb: A-05 (anak terlantar, anak korban kekerasan, kunjungan rumah, ATENSI: sensitive by its target group, not by
       its category), B-01 (jaminan kesehatan, miskin, RT/RW, PBI-JK, KK3, not referred).
  Mar: C-02 (PKH, rentan miskin, aplikasi, PKH, referral open).
PBI-JK roll: Dec 2025 KK1-KK6 active; Jan 2026 KK1 (kuota), KK2 (mampu), KK3 (kuota), KK6 (mampu) deactivated;
Mar 2026 KK1 active again. So 4 deactivated, 1 reactivated; came to a Puskesos in January or later: KK1, KK2, KK3
(KK6's only case is of December) = 3; referred KK1, KK2 = 2; completed KK1 = 1.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from bahasa import format as fmt

from tests.fixtures import FIXTURES, BukaApp, pantau

BENIH = FIXTURES / "app_benih"
PERIODE = {"dari": "2025-12", "sampai": "2026-03"}
DES, JAN, FEB, MAR = (fmt.bulan(dt.date(2025, 12, 1)), fmt.bulan(dt.date(2026, 1, 1)), fmt.bulan(dt.date(2026, 2, 1)),
                      f"{fmt.bulan(dt.date(2026, 3, 1))} (belum lengkap)")


@pytest.fixture(scope="module")
def gudang_benih(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gudang = tmp_path_factory.mktemp("gudang_benih") / "gudang.duckdb"
    pantau(gudang, "ingest", str(BENIH / "laporan_kasus.csv"), str(FIXTURES / "app" / "puskesos.csv"),
           str(BENIH / "roll_pbi.csv"))
    return gudang


@pytest.fixture
def buka(buka_app: BukaApp, gudang_benih: Path) -> BukaApp:
    return partial(buka_app, gudang_benih)


def _tabel(at: AppTest, kolom_pertama: str) -> dict[str, list[str]]:
    """The dataframe whose first column is `kolom_pertama`, as {row label: [cells...]}, with its header."""
    for df in (d.value for d in at.dataframe):
        if isinstance(df, pd.DataFrame) and len(df.columns) and df.columns[0] == kolom_pertama:
            hasil = {"": [str(k) for k in df.columns[1:]]}
            hasil.update({str(r.iloc[0]): [str(x) for x in r.iloc[1:]] for _, r in df.iterrows()})
            return hasil
    raise AssertionError(f"tidak ada tabel {kolom_pertama}")


def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def test_tren_kabupaten_tepat(buka: BukaApp) -> None:
    at = buka("ringkasan", **PERIODE)
    sasaran = _tabel(at, "Kelompok sasaran")
    assert sasaran == {
        "": [DES, JAN, FEB, MAR, "Jumlah"],
        "Miskin": ["1", "3", "1", "0", "5"],
        "Rentan miskin": ["0", "1", "0", "1", "2"],
        "Perempuan korban kekerasan": ["0", "1", "0", "0", "1"],
        "Anak korban kekerasan": ["0", "0", "1", "0", "1"],
        "Jumlah": ["1", "5", "2", "1", "9"],
    }
    kanal = _tabel(at, "Kanal")
    assert kanal == {
        "": [DES, JAN, FEB, MAR, "Jumlah"],
        "Datang langsung": ["1", "4", "0", "0", "5"],
        "Kunjungan rumah": ["0", "0", "1", "0", "1"],
        "Rujukan RT/RW": ["0", "0", "1", "0", "1"],
        "Telepon/WA": ["0", "1", "0", "0", "1"],
        "Aplikasi": ["0", "0", "0", "1", "1"],
        "Jumlah": ["1", "5", "2", "1", "9"],
    }
    kategori = _tabel(at, "Kategori")
    assert kategori["Jaminan kesehatan (PBI-JK/KIS/BPJS)"] == ["0", "4", "1", "0", "5"]  # the January spike
    assert kategori["Kekerasan terhadap perempuan"] == ["0", "1", "0", "0", "1"]  # kabupaten: exact
    assert "Tingkat kabupaten: semua kasus, termasuk kasus sensitif." in _teks(at)


def test_tren_kecamatan_tanpa_korban_dan_cocok_dengan_total(buka: BukaApp) -> None:
    """Kec. Kabuh: A-04 (KDRT) and A-05 (anak korban kekerasan, not a violence category) are sensitive and left out
    below kabupaten level; both breakdowns add up to the kecamatan's shown total of 5 cases (B-00, A-01, A-02, A-03,
    B-01). The kabupaten counts A-05 on its own row of the category table."""
    at = buka("ringkasan", kec="35.17.16", **PERIODE)
    sasaran = _tabel(at, "Kelompok sasaran")
    assert sasaran == {
        "": [DES, JAN, FEB, MAR, "Jumlah"],
        "Miskin": ["1", "2", "1", "0", "4"],
        "Rentan miskin": ["0", "1", "0", "0", "1"],
        "Jumlah": ["1", "3", "1", "0", "5"],
    }
    assert not [k for k in sasaran if "korban kekerasan" in k.lower()]
    kanal = _tabel(at, "Kanal")
    assert kanal["Datang langsung"] == ["1", "2", "0", "0", "3"]
    assert kanal["Jumlah"] == ["1", "3", "1", "0", "5"]
    kategori = _tabel(at, "Kategori")
    assert kategori["Kekerasan terhadap perempuan"][1] == "<5"  # the protected cube's cell
    assert kategori["Jumlah kasus tidak sensitif"] == ["1", "3", "1", "0", "5"]  # the same total
    assert "Korban kekerasan, kategori lain" not in kategori
    assert "hanya memuat kasus yang tidak sensitif" in _teks(at)
    # the kabupaten: A-05 (February) on its own row, so that the category rows add up to every case
    kab = _tabel(buka("ringkasan", **PERIODE), "Kategori")
    assert kab["Korban kekerasan, kategori lain"] == ["0", "0", "1", "0", "1"]


def test_tren_camat_dan_desa_tanpa_baris_korban(buka: BukaApp, gudang_benih: Path) -> None:
    """A camat's own view shows the same protected rows; no desa or kecamatan row of the mart names a victim group."""
    import duckdb

    at = buka("ringkasan", peran="kecamatan", wilayah="35.17.16", **PERIODE)
    sasaran = _tabel(at, "Kelompok sasaran")
    assert "Lainnya" not in sasaran and sasaran["Jumlah"] == ["1", "3", "1", "0", "5"]
    with duckdb.connect(str(gudang_benih), read_only=True) as con:
        baris = con.execute("""select tingkat, kode from mart_sasaran_kanal_bulan
                               where kode like '%korban_kekerasan' order by all""").fetchall()
    assert baris == [("kabupaten", "anak_korban_kekerasan"), ("kabupaten", "perempuan_korban_kekerasan")]


def test_register_kabupaten_dan_kecamatan(buka: BukaApp) -> None:
    """Register (app/puskesos.csv): Kabuh 2004, 2001, 2003, 2005 aktif and 2007 tidak_aktif (5 formed, 5 with SK,
    trained chair 2004 and 2001), 2006 belum_dibentuk; Jombang 2012 aktif, trained. No budget column. At the cut-off
    only A (reported January and February) is aktif."""
    at = buka("ringkasan", **PERIODE)
    teks = _teks(at)
    assert ("306 desa/kelurahan; menurut register yang dimuat, Puskesos terbentuk di 6 desa: 6 dengan SK, 3 dengan "
            "ketua terlatih, 0 dengan anggaran desa. Aktif melapor per 6 Apr 2026: 1.") in teks
    tabel = _tabel(at, "Wilayah")
    assert tabel[""] == ["Desa", "Puskesos terbentuk", "Dengan SK", "Ketua terlatih", "Anggaran desa",
                         "Aktif melapor"]
    assert tabel["Kabupaten Jombang"] == ["306", "6", "6", "3", "0", "1"]
    assert tabel["Kabuh"] == ["16", "5", "5", "2", "0", "1"]
    assert tabel["Jombang"] == ["20", "1", "1", "1", "0", "0"]
    assert len(tabel) == 1 + 1 + 21  # header, the kabupaten, its 21 kecamatan
    at = buka("ringkasan", kec="35.17.09", **PERIODE)
    assert "20 desa/kelurahan; menurut register yang dimuat, Puskesos terbentuk di 1 desa: 1 dengan SK, 1 dengan " \
           "ketua terlatih, 0 dengan anggaran desa. Aktif melapor per 6 Apr 2026: 0." in _teks(at)


def test_program_diminta_dan_tindak_lanjut_nonaktif(buka: BukaApp) -> None:
    at = buka("program", program="pbi_jk", **PERIODE)
    teks = _teks(at)
    assert ("Dari 4 penerima yang dinonaktifkan, 3 datang ke Puskesos (kasus dari keluarga yang sama pada bulan "
            "penonaktifan atau sesudahnya), 2 dirujuk dan 1 rujukannya selesai; 1 diaktifkan kembali.") in teks
    tindak = _tabel(at, "Bulan penonaktifan")
    assert tindak[JAN] == ["4", "3", "2", "1", "1"]
    diminta = _tabel(at, "Program")
    assert diminta == {"": ["Kasus", "Dirujuk", "Rujukan selesai"], "PBI-JK (APBN)": ["5", "3", "2"],
                       "PKH": ["1", "1", "0"], "Sembako/BPNT": ["1", "0", "0"]}  # A-05 (ATENSI) is sensitive


def test_program_diminta_kecamatan(buka: BukaApp) -> None:
    at = buka("program", program="pbi_jk", kec="35.17.16", **PERIODE)
    assert _tabel(at, "Program") == {"": ["Kasus", "Dirujuk", "Rujukan selesai"], "PBI-JK (APBN)": ["4", "2", "1"],
                                     "Sembako/BPNT": ["1", "0", "0"]}
    assert _tabel(at, "Bulan penonaktifan")[JAN] == ["4", "3", "2", "1", "1"]
