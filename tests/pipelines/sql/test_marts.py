"""The marts against numbers worked out by hand from the Kec. Perak fixture (see conftest.py).

Referrals in the fixture, with their dates (start = tanggal_rujuk):
- 2001-001 BPJS: start 04/03, response 10/03, selesai 20/03 (16 days)              -> respon_14, selesai_30
- 2001-002 Dinsos: start 05/03; March report: dikirim; May report: response 20/04,
  diproses (response after 46 days)                                                -> open, SLA 30
- 2001-002 Dukcapil: start 06/03, response 07/03, diproses                          -> respon_14, open, SLA 30
- 2002-001 UPTD PPA: start 12/03, response 13/03; May report: selesai 02/04 (21 d)  -> respon_14, selesai_30
  (a KDRT case to UPTD PPA: a sensitive referral, counted only in mart_rujukan_sensitif, for the kabupaten)
- 2005-002 (desa Kalangsemanding) Perkim: start 26/03, dikirim, no response          -> open, SLA 180
- 2003-001 Disdik: start 12/04, response 14/04, selesai 05/05 (23 d), status implied -> respon_14, selesai_30
The data date is the latest tanggal_kirim: 2025-05-09.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd
import pytest

from akses import baca_kubus_bulanan, metrik_bulanan_untuk
from pipelines.enums import KODE_KATEGORI


def _mart(k, tingkat: str, dari: date, sampai: date, per: date | None = None) -> pd.DataFrame:
    """The monthly mart's own values at `tingkat` (before any privacy rule: the rule is tested in tests/akses)."""
    kubus = baca_kubus_bulanan(k, dari, sampai, per)
    return kubus[kubus.tingkat == tingkat].drop(columns="tingkat").reset_index(drop=True)


def _baris(df: pd.DataFrame, kode: str, bulan: str) -> dict:
    return df[(df.kode_wilayah == kode) & (df.bulan == bulan)].iloc[0].to_dict()


@pytest.fixture(scope="module")
def desa(gudang_perak) -> pd.DataFrame:
    k, _ = gudang_perak
    return _mart(k, "desa", date(2025, 3, 1), date(2025, 5, 1))


def test_grid_semua_desa_tiap_bulan(desa: pd.DataFrame) -> None:
    assert len(desa) == 306 * 3
    assert set(desa.bulan) == {"2025-03", "2025-04", "2025-05"}
    kosong = _baris(desa, "35.17.21.2001", "2025-03")
    assert kosong["kasus_baru"] == 0 and kosong["desa_melapor"] == 0


def test_kolom_antarmuka(desa: pd.DataFrame) -> None:
    wajib = ["kode_wilayah", "nama_wilayah", "bulan", "kasus_baru", *[f"kasus_{k}" for k in KODE_KATEGORI],
             "rujukan_dikirim", "rujukan_selesai_90", "rujukan_tanpa_respon", "rujukan_terlambat", "desa_melapor",
             "desa_nihil"]
    assert [c for c in wajib if c not in desa.columns] == []


def test_kasus_per_desa_dan_bulan(desa: pd.DataFrame) -> None:
    # March: Jantiganggong 2001-001, 2001-002 (two referral rows, one case) = 2; Kepuhkajang 2002-001 (KDRT),
    # 2002-002 (unknown label -> lainnya) = 2; Perak: the formula-looking no_registrasi = 1; Kalangsemanding = 1
    harapan = {"35.17.01.2001": 2, "35.17.01.2002": 2, "35.17.01.2003": 0, "35.17.01.2005": 1, "35.17.01.2008": 1}
    for kode, n in harapan.items():
        assert _baris(desa, kode, "2025-03")["kasus_baru"] == n, kode
    assert _baris(desa, "35.17.01.2001", "2025-04")["kasus_baru"] == 1
    assert _baris(desa, "35.17.01.2003", "2025-04")["kasus_baru"] == 1
    assert _baris(desa, "35.17.01.2002", "2025-03")["kasus_lainnya"] == 1
    assert _baris(desa, "35.17.01.2001", "2025-03")["kasus_data_dtks"] == 1


def test_kekerasan_disembunyikan_di_bawah_kabupaten(desa: pd.DataFrame, gudang_perak) -> None:
    # the mart holds the exact count; what `pantau metrik` shows of it below kabupaten level is `<5`
    assert _baris(desa, "35.17.01.2002", "2025-03")["kasus_kekerasan_perempuan"] == 1
    assert _baris(desa, "35.17.01.2001", "2025-03")["kasus_kekerasan_perempuan"] == 0
    k, _ = gudang_perak
    tampil = metrik_bulanan_untuk(k, None, "desa", date(2025, 3, 1), date(2025, 3, 1))
    assert _baris(tampil, "35.17.01.2002", "2025-03")["kasus_kekerasan_perempuan"] == "<5"
    assert _baris(tampil, "35.17.01.2002", "2025-03")["kasus_sensitif"] == "<5"
    kab = metrik_bulanan_untuk(k, None, "kabupaten", date(2025, 3, 1), date(2025, 3, 1))
    assert kab.iloc[0]["kasus_kekerasan_perempuan"] == 1


def test_rujukan_per_tanggal_data(desa: pd.DataFrame) -> None:
    j = _baris(desa, "35.17.01.2001", "2025-03")
    # 3 referrals; BPJS and Dukcapil answered within 14 days; BPJS done in 16 days;
    # Dinsos (65 days old on 9 May) and Dukcapil (64 days) are open beyond the 30-day SLA
    assert (j["rujukan_dikirim"], j["rujukan_respon_14"], j["rujukan_selesai_30"], j["rujukan_selesai_90"],
            j["rujukan_terbuka"], j["rujukan_tanpa_respon"], j["rujukan_terlambat"]) == (3, 2, 1, 1, 2, 0, 2)
    kp = _baris(desa, "35.17.01.2002", "2025-03")
    # its only referral is the KDRT case to UPTD PPA: sensitive, in no referral count of a desa (metrics.md 7)
    assert (kp["rujukan_dikirim"], kp["rujukan_selesai_30"], kp["rujukan_terlambat"]) == (0, 0, 0)
    # Perkim, 44 days without any response: tanpa_respon, but within its 180-day SLA
    kl = _baris(desa, "35.17.01.2008", "2025-03")
    assert (kl["rujukan_dikirim"], kl["rujukan_tanpa_respon"], kl["rujukan_terlambat"]) == (1, 1, 0)
    sa = _baris(desa, "35.17.01.2003", "2025-04")
    assert (sa["rujukan_dikirim"], sa["rujukan_respon_14"], sa["rujukan_selesai_30"]) == (1, 1, 1)


def test_rujukan_per_tanggal_lain(gudang_perak) -> None:
    k, _ = gudang_perak
    kec = _mart(k, "kecamatan", date(2025, 3, 1), date(2025, 3, 1), per=date(2025, 4, 15))
    p = _baris(kec, "35.17.01", "2025-03")
    # On 15 April only the March report (sent 8 April) is known:
    # Dinsos dikirim, 41 days, no response -> tanpa_respon and terlambat; Dukcapil diproses 40 days -> terlambat;
    # Perkim 20 days no response -> tanpa_respon; BPJS selesai. (UPTD PPA, the KDRT case, is not counted here.)
    assert (p["rujukan_dikirim"], p["rujukan_selesai_90"], p["rujukan_terbuka"], p["rujukan_tanpa_respon"],
            p["rujukan_terlambat"]) == (4, 1, 3, 2, 2)
    # on 9 May: Dinsos answered on 20/04 (no longer tanpa respon), still open past SLA with Dukcapil
    sekarang = _baris(_mart(k, "kecamatan", date(2025, 3, 1), date(2025, 3, 1)), "35.17.01", "2025-03")
    assert (sekarang["rujukan_selesai_90"], sekarang["rujukan_tanpa_respon"], sekarang["rujukan_terlambat"]) == (
        1, 1, 2)


def test_rujukan_sensitif_hanya_untuk_kabupaten(gudang_perak) -> None:
    k, _ = gudang_perak
    with duckdb.connect(str(k.gudang), read_only=True) as con:
        sensitif = con.execute("select * from mart_rujukan_sensitif").df()
        di_mart = con.execute("select count(*) from mart_rujukan where tujuan_rujukan = 'uptd_ppa' "
                              "or kategori in ('kekerasan_perempuan', 'kekerasan_anak')").fetchone()
    # the KDRT case 2002-001 to UPTD PPA: started March, answered next day, completed 2 April (21 days)
    assert sensitif.to_dict("records") == [{
        "kode_kab": "35.17", "bulan": pd.Timestamp(2025, 3, 1), "tujuan_rujukan": "uptd_ppa", "rujukan_dikirim": 1,
        "rujukan_respon_14": 1, "rujukan_selesai_90": 1, "rujukan_selesai": 1, "rujukan_ditolak": 0,
        "rujukan_terbuka": 0, "rujukan_terlambat": 0, "rujukan_tanpa_respon": 0}]
    assert di_mart == (0,)


def test_pelaporan_nihil_dan_diam(desa: pd.DataFrame) -> None:
    # Sumberagung sent only a nihil row for March; Kepuhkajang a nihil row for April;
    # Pagerwojo (register: SK Jan 2024) is expected but its only rows were quarantined: not reported
    s = _baris(desa, "35.17.01.2003", "2025-03")
    assert (s["desa_melapor"], s["desa_nihil"], s["kasus_baru"]) == (1, 1, 0)
    assert _baris(desa, "35.17.01.2002", "2025-04")["desa_nihil"] == 1
    pw = _baris(desa, "35.17.01.2004", "2025-03")
    assert (pw["desa_diharapkan"], pw["desa_melapor"]) == (1, 0)
    assert _baris(desa, "35.17.01.2001", "2025-03")["desa_tepat_waktu"] == 1  # sent 8 April <= 10 April


def test_rollup_kecamatan_dan_kabupaten(gudang_perak) -> None:
    k, _ = gudang_perak
    kec = _mart(k, "kecamatan", date(2025, 3, 1), date(2025, 4, 1))
    assert len(kec) == 21 * 2
    p3 = _baris(kec, "35.17.01", "2025-03")
    # expected in March: the 5 reporting desa + Pagerwojo (register) = 6; reporting 5; nihil 1 (Sumberagung)
    assert (p3["kasus_baru"], p3["desa_diharapkan"], p3["desa_melapor"], p3["desa_nihil"]) == (6, 6, 5, 1)
    kab = _mart(k, "kabupaten", date(2025, 3, 1), date(2025, 4, 1))
    assert list(kab.kasus_baru) == [6, 2] and list(kab.desa_melapor) == [5, 3]


def test_status_puskesos(gudang_perak) -> None:
    k, _ = gudang_perak
    con = duckdb.connect(str(k.gudang), read_only=True)
    status = dict(con.execute("select status_puskesos, count(*) from mart_puskesos_status group by 1").fetchall())
    per_desa = dict(con.execute("select kode_desa, status_puskesos from mart_puskesos_status "
                                "where kode_desa like '35.17.01.%'").fetchall())
    con.close()
    # data date 9 May 2025: April's report is due on 10 May, so the last due month is March and the window is
    # Jan-Mar (metrics.md section 3). Nobody reported both Feb and Mar (the data start in March): 2001, 2002, 2003,
    # 2005, 2008 reported in March -> tersendat; Pagerwojo registered, silent -> diam; everyone else -> belum_dibentuk
    assert status == {"tersendat": 5, "diam": 1, "belum_dibentuk": 300}
    assert per_desa["35.17.01.2004"] == "diam" and per_desa["35.17.01.2006"] == "belum_dibentuk"
    assert per_desa["35.17.01.2001"] == "tersendat"


@pytest.mark.parametrize(("per", "jatuh_tempo", "aktif"), [
    (date(2025, 5, 1), "2025-03-01", 0), (date(2025, 5, 9), "2025-03-01", 0), (date(2025, 5, 10), "2025-03-01", 0),
    (date(2025, 5, 11), "2025-04-01", 3), (date(2025, 5, 28), "2025-04-01", 3)])
def test_status_puskesos_menurut_jatuh_tempo(gudang_perak, per: date, jatuh_tempo: str, aktif: int) -> None:
    # the April report is due on 10 May: from 11 May the window is Feb-Apr and the three desa that reported both
    # March and April (2001, 2002, 2003) are aktif; up to 10 May April counts for nothing, not as a missed month
    from pipelines.build import bulan_jatuh_tempo_terakhir
    from pipelines.gudang import baca_gudang

    k, _ = gudang_perak
    with baca_gudang(k.gudang, per=per, konfigurasi=k) as con:
        assert bulan_jatuh_tempo_terakhir(con).isoformat() == jatuh_tempo
        status = dict(con.execute("select status_puskesos, count(*) from mart_puskesos_status group by 1").fetchall())
        april = con.execute("select sudah_jatuh_tempo, desa_diharapkan from mart_wilayah_bulan "
                            "where tingkat = 'kabupaten' and bulan = '2025-04-01'").fetchone()
    assert status.get("aktif", 0) == aktif
    assert april == ((True, 6) if aktif else (False, 0))


def test_meta_gudang(gudang_perak) -> None:
    k, _ = gudang_perak
    con = duckdb.connect(str(k.gudang), read_only=True)
    meta = dict(con.execute("select kunci, nilai from meta_gudang").fetchall())
    con.close()
    assert meta["tanggal_data"] == "2025-05-09" and meta["sintetis"] == "tidak" and meta["kabupaten"] == "35.17"
