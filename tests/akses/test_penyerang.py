"""The attacker as a test (`metrics.md` section 7): can anything a user sees pin a hidden count of sensitive cases?

The attacker is made strong on purpose: it knows EVERY fact about non-sensitive cases (each case, its referral and
its reports). Two parts:

1. Referral surfaces carry nothing sensitive below kabupaten level. Each warehouse is built twice, as is (W) and with
   every row of a sensitive case or of a referral to a sensitive destination removed before the build (W0). Every
   referral number of every desa and kecamatan (funnel, cohorts, table by destination, ageing, no-response list,
   open list, overdue list, Ringkasan tiles' tunggakan, `pantau metrik --set rujukan`, the monthly cube's referral
   columns, the Parquet export's cube) and the Kualitas data row counts must be identical in W and W0: an attacker
   who knows all of W0 learns nothing from them. (The kabupaten alone counts sensitive referrals, which the rule
   allows.)
2. The monthly cube (cases by category; the only surface left that depends on sensitive cases below kabupaten level:
   Ringkasan, Profil desa, Rapat kecamatan, the map and `pantau metrik --set bulanan` and the export all read it
   through `akses.lindungi_bulanan`) against an exact integer solver (HiGHS through PuLP): the unknowns are the
   sensitive counts of every hidden desa and kecamatan row; the constraints are every published number of the
   perencana (who sees every row, kabupaten rows exact: a kecamatan or desa user sees a subset, so cannot pin more)
   and what the attacker knows (the row's other cases, that a silent or nihil desa has none, that a reporting desa
   has at least one case). For every hidden cell whose true count is 1-4 the solver looks for a solution with any
   other value: none may be pinned.

Warehouses: `gudang_app`, a fixture built to be hard (`KASUS_SULIT`: one sensitive case beside one other case in a
desa-month, referred to different destinations; a sensitive case referred to an ordinary destination; a kecamatan
whose only case is sensitive), and the Jombang demo of 6 December 2026 (`gudang_demo`: 306 desa, 23 months; measured
on a 2-core machine under load: 1,401 hidden cells with a true count 1-4, 0 pinned, about 40 s).
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path

import duckdb
import pandas as pd
import pulp
import pytest

from akses import lindungi_bulanan
from akses.kubus import baca_kubus_bulanan
from akses.privasi import DISEMBUNYIKAN, DISEMBUNYIKAN_BESAR, KOLOM_SENSITIF
from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi

from tests.fixtures import APP, pantau

KEPALA = ("kode_desa,nama_desa,nama_kecamatan,no_registrasi,tanggal_lapor,kategori,kelompok_sasaran,tujuan_rujukan,"
          "tanggal_rujuk,tanggal_respon,tanggal_selesai,status_rujukan,tanggal_kirim")
KASUS_SULIT = [
    # Mar 2025, Kec. Perak: one sensitive case beside one other, to different destinations
    "35.17.01.2001,,,S-01,03/03/2025,kekerasan_anak,,uptd_ppa,03/03/2025,,,dikirim,05/04/2025",
    "35.17.01.2001,,,S-02,04/03/2025,lansia,,dinsos,04/03/2025,10/03/2025,,diproses,05/04/2025",
    "35.17.01.2002,,,S-03,05/03/2025,jaminan_kesehatan,,bpjs_kesehatan,05/03/2025,06/03/2025,20/03/2025,selesai,"
    "05/04/2025",
    # a sensitive case (victim as target group) referred to an ordinary destination, beside an ordinary case
    "35.17.01.2003,,,S-04,06/03/2025,jaminan_kesehatan,anak_korban_kekerasan,dinsos,06/03/2025,,,dikirim,05/04/2025",
    "35.17.01.2003,,,S-05,07/03/2025,pendidikan,,disdik,07/03/2025,08/03/2025,,diproses,05/04/2025",
    # Kec. Kudu: its only case is sensitive
    "35.17.02.2001,,,S-06,08/03/2025,kekerasan_perempuan,,uptd_ppa,08/03/2025,09/03/2025,,diterima_tujuan,05/04/2025",
    # Apr 2025: ordinary cases elsewhere, and a non-sensitive case sent to UPTD PPA (sensitive by destination)
    "35.17.01.2002,,,S-07,02/04/2025,lansia,,dinsos,02/04/2025,,,dikirim,05/05/2025",
    "35.17.01.2001,,,S-08,03/04/2025,anak,,uptd_ppa,03/04/2025,,,dikirim,05/05/2025",
    "35.17.01.2001,,,S-09,04/04/2025,pendidikan,,,,,,,05/05/2025",
]
TANPA_SENSITIF = """
create temp table buang as
    select id_berkas, baris from raw_laporan_kasus r
    where (kode_desa, no_registrasi) in (select kode_desa, no_registrasi from raw_laporan_kasus
                                         where coalesce(sensitif, false));
update meta_berkas m set baris_dibaca = baris_dibaca - n, baris_dimuat = baris_dimuat - n
    from (select id_berkas, count(*) as n from buang group by id_berkas) b where m.id_berkas = b.id_berkas;
delete from raw_laporan_kasus where (id_berkas, baris) in (select id_berkas, baris from buang);
update raw_laporan_kasus set tujuan_rujukan = null, tanggal_rujuk = null, tanggal_respon = null,
    tanggal_selesai = null, status_rujukan = null
where tujuan_rujukan = 'uptd_ppa';
"""
"""W0's load table: every row of a sensitive case, in any of its versions, is gone, with the files' row accounts
lowered to match (as if the rows had never been in the files); a referral to UPTD PPA of another case is taken off
its rows (the case stays, without that referral). A case's other referrals stay."""


def _konfigurasi(gudang: Path) -> Konfigurasi:
    """The settings `tests.fixtures.pantau` builds with (key `uji`, Jombang)."""
    return Konfigurasi(gudang=gudang, kabupaten=("35.17",), berkas_kunci=gudang.parent / "pantau.kunci", kunci="uji",
                       folder_referensi=FOLDER_REFERENSI)


def _tanpa_sensitif(gudang: Path, folder: Path) -> Path:
    """W0: a copy of `gudang` whose sensitive case rows are deleted from the load table, then rebuilt."""
    folder.mkdir(parents=True, exist_ok=True)
    salinan = Path(shutil.copy(gudang, folder / "gudang.duckdb"))
    with duckdb.connect(str(salinan)) as con:
        con.execute(TANPA_SENSITIF)
    pantau(salinan, "build")
    return salinan


@pytest.fixture(scope="module")
def pasangan(tmp_path_factory: pytest.TempPathFactory, gudang_app: Path) -> dict[str, tuple[Path, Path]]:
    """(W, W0) for the hard fixture and for `gudang_app`."""
    akar = tmp_path_factory.mktemp("penyerang")
    csv = akar / "kasus_sulit.csv"
    csv.write_text(KEPALA + "\n" + "\n".join(KASUS_SULIT) + "\n", encoding="utf-8")
    sulit = akar / "sulit" / "gudang.duckdb"
    sulit.parent.mkdir()
    pantau(sulit, "ingest", str(csv), str(APP / "puskesos.csv"))
    return {"sulit": (sulit, _tanpa_sensitif(sulit, akar / "sulit0")),
            "app": (gudang_app, _tanpa_sensitif(gudang_app, akar / "app0"))}


def _wilayah_di_bawah_kabupaten(gudang: Path) -> list[str]:
    with duckdb.connect(str(gudang), read_only=True) as con:
        return [r[0] for r in con.execute(
            "select distinct kode_desa from stg_laporan_kasus where kode_desa is not null union "
            "select distinct left(kode_desa, 8) from stg_laporan_kasus where kode_desa is not null order by 1")
            .fetchall()]


def _permukaan_rujukan(gudang: Path, kode: list[str], dari: dt.date, sampai: dt.date) -> dict[str, object]:
    """Every referral number (and Kualitas row count) a perencana sees for each desa and kecamatan of `kode`."""
    from dashboard import data
    from dashboard.db import versi_gudang
    from pipelines.metrik import metrik_rujukan

    versi = versi_gudang(gudang)
    hasil: dict[str, object] = {}
    for k in kode:
        for nama, fungsi in (("corong", data.corong_rujukan), ("kohort", data.rujukan_kohort),
                             ("tujuan", data.rujukan_per_tujuan), ("umur", data.rujukan_umur),
                             ("tanpa_respon", data.rujukan_tanpa_respon_desa), ("daftar", data.rujukan_terbuka_daftar),
                             ("sensitif", data.rujukan_sensitif_kabupaten)):
            hasil[f"{nama} {k}"] = fungsi(versi, k, dari, sampai).to_dict("records")
        hasil[f"terlambat {k}"] = data.rujukan_terlambat(versi, k).to_dict("records")
        kpi = data.kpi_ringkasan(versi, k, dari, sampai)
        hasil[f"kpi {k}"] = kpi[[c for c in kpi.columns if "rujukan" in c or "tunggakan" in c or "selesai" in c
                                 or "respon" in c]].to_dict("records")
        if len(k) == 13:
            kualitas = data.kualitas_desa(versi, k)
            hasil[f"kualitas {k}"] = kualitas[[c for c in kualitas.columns if "baris" in c or "revisi" in c]
                                              ].to_dict("records")
        if len(k) == 8:
            rapat = data.rapat_desa(versi, k, dari, sampai)
            hasil[f"rapat {k}"] = rapat[["kode_desa", "dikirim_matang_90", "selesai_90_matang", "tunggakan",
                                         "tanpa_respon", "terlambat_bulanan"]].to_dict("records")
    konf = _konfigurasi(gudang)
    for tingkat in ("desa", "kecamatan"):
        hasil[f"metrik rujukan {tingkat}"] = metrik_rujukan(konf, tingkat, dari, sampai).to_dict("records")
        kubus = baca_kubus_bulanan(konf, dari, sampai)
        kubus = kubus[kubus.tingkat == tingkat]
        hasil[f"kubus rujukan {tingkat}"] = kubus[["kode_wilayah", "bulan", *[c for c in kubus.columns
                                                                             if c.startswith("rujukan_")]]
                                                  ].to_dict("records")
    return hasil


def _permukaan_kasus(gudang: Path, kode: list[str], dari: dt.date, sampai: dt.date) -> dict[str, object]:
    """Every case count a perencana sees for each desa and kecamatan of `kode`, but the protected sensitive cells
    themselves (the violence rows, `kasus_sensitif`, and `kasus_baru_sebagian`, which say only that a row is
    protected or leaves a case out): the category table, the target-group and channel trends, the Ringkasan tile
    and trend, the program asked for, Rapat kecamatan's desa rows, the map, and the protected monthly cube of
    `pantau metrik --set bulanan` and the export.

    A month a desa sent nothing for reads 0 here, as in the cube: in W0 a desa whose only report of a month was a
    sensitive case is silent that month. That a desa reported and shows no case tells that it has a sensitive case
    (at least one, not how many): the solver of part 2 is given that fact."""
    from dashboard import data
    from dashboard.db import versi_gudang
    from pipelines.enums import KATEGORI_SENSITIF

    versi = versi_gudang(gudang)
    hasil: dict[str, object] = {}

    def tanpa_sensitif(df: pd.DataFrame) -> object:
        df = df.drop(index=[k for k in df.index if k in KATEGORI_SENSITIF]).astype(object)
        df.columns = [str(c) for c in df.columns]
        return {k: {c: 0 if v is None or v != v else v if isinstance(v, str) else int(v) for c, v in baris.items()}
                for k, baris in df.to_dict("index").items()}

    for k in kode:
        hasil[f"kategori {k}"] = tanpa_sensitif(data.kasus_kategori(versi, k, dari, sampai))
        for dimensi in ("kelompok_sasaran", "kanal"):
            hasil[f"{dimensi} {k}"] = data.tren_sasaran_kanal(versi, k, dari, sampai, dimensi).to_dict("records")
        hasil[f"kpi kasus {k}"] = data.kpi_ringkasan(versi, k, dari, sampai)["kasus_baru"].tolist()
        hasil[f"tren {k}"] = data.tren_bulanan(versi, k, dari, sampai)["kasus_baru"].tolist()
        hasil[f"program diminta {k}"] = data.program_diminta(versi, k, dari, sampai).to_dict("records")
        if len(k) == 8:
            rapat = data.rapat_desa(versi, k, dari, sampai)
            hasil[f"rapat kasus {k}"] = rapat[["kode_desa", "kasus_baru", "kasus_bulanan"]].to_dict("records")
    peta = data.peta_desa(versi, "35.17", dari, sampai)
    hasil["peta"] = peta[["kode_desa", "kasus_baru"]].to_dict("records")
    publik, _ = _kubus_publik_dan_asli(_konfigurasi(gudang), dari, sampai)
    kolom = [c for c in publik.columns if c.startswith("kasus_") and c not in (*KOLOM_SENSITIF, "kasus_baru_sebagian")
             and c.removeprefix("kasus_") not in KATEGORI_SENSITIF]
    bawah = publik[publik.tingkat != "kabupaten"]
    hasil["kubus"] = bawah[["kode_wilayah", "bulan", *kolom]].to_dict("records")
    return hasil


Permukaan = Callable[[Path, list[str], dt.date, dt.date], dict[str, object]]

PERIODE = {"sulit": (dt.date(2025, 1, 1), dt.date(2025, 5, 1)), "app": (dt.date(2026, 6, 1), dt.date(2026, 9, 1))}
"""The months each fixture's W/W0 comparison reads."""
PERIODE_DEMO = (dt.date(2025, 11, 1), dt.date(2026, 10, 1))
"""The demo's: the 12 months to the last due month of 6 December 2026."""


def _kode_demo(gudang_demo: Path) -> list[str]:
    """Every kecamatan of the demo, and every desa of Kec. Kabuh and Kec. Kesamben."""
    return [k for k in _wilayah_di_bawah_kabupaten(gudang_demo) if len(k) == 8 or k.startswith(("35.17.16.",
                                                                                                   "35.17.12."))]


def _beda(permukaan: Permukaan, w: Path, w0: Path, kode: list[str], dari: dt.date,
          sampai: dt.date) -> tuple[dict[str, object], list[str]]:
    """The surfaces of `kode` in W, and the names of those that differ in W0."""
    asli, nol = permukaan(w, kode, dari, sampai), permukaan(w0, kode, dari, sampai)
    return asli, [k for k in asli if _teks(asli[k]) != _teks(nol[k])]


@pytest.mark.parametrize("nama", ["sulit", "app"])
def test_kasus_di_bawah_kabupaten_tidak_bergantung_pada_kasus_sensitif(
        pasangan: dict[str, tuple[Path, Path]], nama: str, sebagai_perencana: None) -> None:
    """Every case count below kabupaten level is the same in W and W0, except the protected cells themselves."""
    gudang, tanpa = pasangan[nama]
    dari, sampai = PERIODE[nama]
    asli, beda = _beda(_permukaan_kasus, gudang, tanpa, _wilayah_di_bawah_kabupaten(gudang), dari, sampai)
    assert not beda, beda
    # the test can fail: the kabupaten (exact) counts the sensitive cases, W0 has none of them
    from dashboard import data
    from dashboard.db import versi_gudang

    kab, kab0 = (int(data.kpi_ringkasan(versi_gudang(g), "35.17", dari, sampai).iloc[0]["kasus_baru"])
                 for g in (gudang, tanpa))
    assert kab > kab0
    assert len(asli) > 30


@pytest.mark.parametrize("nama", ["sulit", "app"])
def test_rujukan_di_bawah_kabupaten_tidak_bergantung_pada_kasus_sensitif(
        pasangan: dict[str, tuple[Path, Path]], nama: str, sebagai_perencana: None) -> None:
    gudang, tanpa = pasangan[nama]
    dari, sampai = PERIODE[nama]
    asli, beda = _beda(_permukaan_rujukan, gudang, tanpa, _wilayah_di_bawah_kabupaten(gudang), dari, sampai)
    assert not beda, beda
    # the test can fail: the kabupaten (allowed to be exact) does see the sensitive referrals
    from dashboard import data
    from dashboard.db import versi_gudang

    assert int(data.rujukan_sensitif_kabupaten(versi_gudang(gudang), "35.17", dari, sampai).iloc[0]["dikirim"]) > 0
    assert len(asli) > 30


def _teks(nilai: object) -> str:
    """A surface's rows as comparable text (arrays, dates and NaN included)."""
    import json

    def biasa(v: object) -> object:
        return v.tolist() if hasattr(v, "tolist") else str(v)

    return json.dumps(nilai, default=biasa, sort_keys=True)


def _kubus_publik_dan_asli(konf: Konfigurasi, dari: dt.date, sampai: dt.date) -> tuple[pd.DataFrame, pd.DataFrame]:
    from akses import muat_kunci

    mentah = baca_kubus_bulanan(konf, dari, sampai)
    return lindungi_bulanan(mentah, muat_kunci(konf)), mentah


def serang_kubus(publik: pd.DataFrame, mentah: pd.DataFrame) -> tuple[int, list[tuple[str, str, str]]]:
    """The integer solver over one cube: (hidden cells with a true count 1-4, the cells it pins). One model per
    month (the protection and every relation are per month); for each target cell it looks for a solution below,
    then above its true value (HiGHS through PuLP, in-process)."""
    tersembunyi = 0
    terpaku: list[tuple[str, str, str]] = []
    for bulan, pub in publik.groupby("bulan"):
        asli = mentah[mentah.bulan == bulan].set_index("kode_wilayah")
        pub = pub.set_index("kode_wilayah")
        sembunyi = [k for k in pub.index if pub.loc[k, "tingkat"] != "kabupaten"
                    and pub.loc[k, KOLOM_SENSITIF[0]] in (DISEMBUNYIKAN, DISEMBUNYIKAN_BESAR)]
        if not sembunyi:
            continue
        sasaran = [(k, j) for k in sembunyi for j in range(3) if 0 < int(asli.loc[k, KOLOM_SENSITIF[j]]) < 5]
        tersembunyi += len(sasaran)
        if not sasaran:
            continue
        model, x = _model_bulan(pub, sembunyi)
        for kode, j in sasaran:
            benar = int(asli.loc[kode, KOLOM_SENSITIF[j]])
            if all(not _layak(model, x[(kode, j)], arah, benar) for arah in (-1, 1)):
                terpaku.append((str(bulan), kode, KOLOM_SENSITIF[j]))
    return tersembunyi, terpaku


Sel = tuple[str, int]


def _model_bulan(pub: pd.DataFrame, sembunyi: list[str]) -> tuple[pulp.LpProblem, dict[Sel, pulp.LpVariable]]:
    """Every published relation of one month: unknowns for the hidden rows' three sensitive counts, with the bounds
    their `<5`/`≥5` give, what the attacker knows of each row, and the sums kecamatan = its desa, kabupaten = its
    kecamatan (exact kabupaten rows, as the perencana sees them)."""
    model = pulp.LpProblem("penyerang", pulp.LpMinimize)
    x: dict[Sel, pulp.LpVariable] = {}
    for k in sembunyi:
        for c in range(3):
            besar = pub.loc[k, KOLOM_SENSITIF[c]] == DISEMBUNYIKAN_BESAR
            x[(k, c)] = pulp.LpVariable(f"x_{k.replace('.', '_')}_{c}", lowBound=5 if besar else 0,
                                        upBound=None if besar else 4, cat="Integer")
        kp, ka, ks = (x[(k, c)] for c in range(3))
        lain = int(pub.loc[k, "kasus_baru"])  # the published total below kabupaten: the cases that are not sensitive
        model += ks >= kp + ka  # (the other sensitive cases, ks - kp - ka, are in no published number: unbounded)
        if pub.loc[k, "tingkat"] == "desa":
            if int(pub.loc[k, "desa_melapor"]) == 0 or int(pub.loc[k, "desa_nihil"]) == 1:
                model += kp + ka + ks == 0  # a silent or nihil desa has no case
            elif lain == 0:
                model += ks >= 1  # it reported cases, none of them shown: at least one is sensitive

    def nilai(k: str, c: int) -> object:
        if (k, c) in x:
            return x[(k, c)]
        v = pub.loc[k, KOLOM_SENSITIF[c]]
        assert v not in (DISEMBUNYIKAN, DISEMBUNYIKAN_BESAR), (k, c, v)
        return int(v)

    kecamatan = [k for k in pub.index if pub.loc[k, "tingkat"] == "kecamatan"]
    for c in range(3):
        for kec in kecamatan:
            anak = [k for k in pub.index if pub.loc[k, "tingkat"] == "desa" and k.startswith(kec + ".")]
            if any((k, c) in x for k in [kec, *anak]):
                model += nilai(kec, c) == pulp.lpSum(nilai(k, c) for k in anak)
        for k in [k for k in pub.index if pub.loc[k, "tingkat"] == "kabupaten"]:
            if any((kc, c) in x for kc in kecamatan):
                model += int(pub.loc[k, KOLOM_SENSITIF[c]]) == pulp.lpSum(nilai(kc, c) for kc in kecamatan)
    return model, x


def _layak(model: pulp.LpProblem, sel: pulp.LpVariable, arah: int, benar: int) -> bool:
    """Is there a solution of the month's relations where `sel` is below (-1) or above (+1) its true value?"""
    model.constraints["sasaran"] = sel <= benar - 1 if arah < 0 else sel >= benar + 1
    try:
        model.solve(pulp.HiGHS(msg=False))
        return pulp.LpStatus[model.status] == "Optimal"
    finally:
        del model.constraints["sasaran"]


@pytest.mark.parametrize("nama", ["sulit", "app"])
def test_pemecah_bilangan_bulat_tidak_memaku_sel_tersembunyi(pasangan: dict[str, tuple[Path, Path]],
                                                             nama: str) -> None:
    gudang, _ = pasangan[nama]
    dari, sampai = (dt.date(2025, 3, 1), dt.date(2025, 5, 1)) if nama == "sulit" else (dt.date(2026, 6, 1),
                                                                                         dt.date(2026, 10, 1))
    konf = _konfigurasi(gudang)
    publik, mentah = _kubus_publik_dan_asli(konf, dari, sampai)
    tersembunyi, terpaku = serang_kubus(publik, mentah)
    assert tersembunyi >= 2  # the fixture does hide cells
    assert terpaku == []


def test_pemecah_memaku_tanpa_perlindungan_pelengkap() -> None:
    """The solver is not blind: with the primary rule only (a 1-4 as <5, no complementary row), a kecamatan whose
    desa alone hides a case is pinned by kabupaten minus the other kecamatan; `lindungi_bulanan` prevents it."""
    kolom = ["kode_wilayah", "tingkat", "bulan", "kasus_baru", "desa_melapor", "desa_nihil", *KOLOM_SENSITIF]
    mentah = pd.DataFrame([
        ["35.17", "kabupaten", "2025-03", 9, 2, 0, 1, 0, 1],
        ["35.17.01", "kecamatan", "2025-03", 4, 1, 0, 1, 0, 1],
        ["35.17.01.2001", "desa", "2025-03", 4, 1, 0, 1, 0, 1],
        ["35.17.02", "kecamatan", "2025-03", 5, 1, 0, 0, 0, 0],
        ["35.17.02.2001", "desa", "2025-03", 5, 1, 0, 0, 0, 0],
    ], columns=kolom)
    primer = mentah.astype(object)
    for i in (1, 2):
        primer.loc[i, list(KOLOM_SENSITIF)] = DISEMBUNYIKAN
        primer.loc[i, "kasus_baru"] = 3  # 4 cases, 1 of them sensitive
    _, terpaku = serang_kubus(primer, mentah)
    assert ("2025-03", "35.17.01.2001", "kasus_kekerasan_perempuan") in terpaku
    terlindungi = lindungi_bulanan(mentah[mentah.tingkat != "kabupaten"].reset_index(drop=True), b"kunci")
    terlindungi = pd.concat([mentah[mentah.tingkat == "kabupaten"], terlindungi], ignore_index=True)
    assert set(terlindungi.loc[terlindungi.tingkat != "kabupaten", "kasus_sensitif"]) == {DISEMBUNYIKAN}
    _, terpaku = serang_kubus(terlindungi, mentah)
    assert terpaku == []


def _konfigurasi_demo(gudang: Path) -> Konfigurasi:
    """The settings `tests.fixtures.pantau` builds the demo with."""
    return _konfigurasi(gudang)


@pytest.fixture(scope="module")
def demo_tanpa_sensitif(gudang_demo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _tanpa_sensitif(gudang_demo, tmp_path_factory.mktemp("demo0"))


def test_demo_rujukan_tidak_bergantung_pada_kasus_sensitif(gudang_demo: Path, demo_tanpa_sensitif: Path,
                                                             sebagai_perencana: None) -> None:
    """On the demo: every kecamatan, and every desa of Kec. Kabuh and Kec. Kesamben, over the 12 months to the last
    due month."""
    kode = _kode_demo(gudang_demo)
    assert len([k for k in kode if len(k) == 8]) == 21 and len(kode) > 40
    _, beda = _beda(_permukaan_rujukan, gudang_demo, demo_tanpa_sensitif, kode, *PERIODE_DEMO)
    assert not beda, beda


def test_demo_kasus_tidak_bergantung_pada_kasus_sensitif(gudang_demo: Path, demo_tanpa_sensitif: Path,
                                                          sebagai_perencana: None) -> None:
    """On the demo: every case count of every kecamatan and of every desa of Kec. Kabuh and Kec. Kesamben, over
    the 12 months to the last due month, is the same in W and W0."""
    _, beda = _beda(_permukaan_kasus, gudang_demo, demo_tanpa_sensitif, _kode_demo(gudang_demo), *PERIODE_DEMO)
    assert not beda, beda[:10]


def test_demo_pemecah_tidak_memaku_sel_tersembunyi(gudang_demo: Path) -> None:
    publik, mentah = _kubus_publik_dan_asli(_konfigurasi_demo(gudang_demo), dt.date(2025, 1, 1), dt.date(2026, 11, 1))
    tersembunyi, terpaku = serang_kubus(publik, mentah)
    assert tersembunyi > 1000  # the demo hides many small violence counts
    assert terpaku == []


def _dokumen(gudang: Path, folder: Path, wilayah: str = "35.17.16") -> dict[str, object]:
    """What the documents of a kecamatan (Kabuh) carry: every cell of the meeting agenda (XLSX) and every line of the
    briefing pack (PDF text), both made by the real command line; for the kabupaten (`wilayah` "35.17") the pack
    only."""
    import os
    import subprocess

    from openpyxl import load_workbook

    from tests.fixtures import PANTAU, env_pantau

    folder.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **env_pantau(gudang)}
    agenda, bahan = folder / "agenda.xlsx", folder / "bahan.pdf"
    perintah = [["bahan", "--format", "pdf", "--wilayah", wilayah, "--keluar", str(bahan)]]
    if len(wilayah) == 8:
        perintah.append(["agenda", "--kecamatan", wilayah, "--format", "xlsx", "--keluar", str(agenda)])
    for argumen in perintah:
        hasil = subprocess.run([str(PANTAU), *argumen], env=env, capture_output=True, text=True, timeout=600)
        assert hasil.returncode == 0, hasil.stderr
    hasil_: dict[str, object] = {}
    if agenda.exists():
        # every row but the one that says when it was made ("Dibuat 6 Des 2026 pukul 18.43 oleh ...")
        hasil_ = {f"agenda {lembar.title}": [list(r) for r in lembar.iter_rows(values_only=True)
                                             if not str(r[0] or "").startswith("Dibuat")]
                  for lembar in load_workbook(agenda).worksheets}
    teks = subprocess.run(["pdftotext", "-raw", str(bahan), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
    hasil_["bahan"] = [baris for baris in teks.splitlines() if "dibuat" not in baris.lower()]
    return hasil_


def test_demo_dokumen_kecamatan_tidak_bergantung_pada_kasus_sensitif(gudang_demo: Path, demo_tanpa_sensitif: Path,
                                                                     tmp_path: Path) -> None:
    """The agenda and the briefing pack of a kecamatan are the same in W and W0, cell by cell and line by line."""
    asli = _dokumen(gudang_demo, tmp_path / "w")
    nol = _dokumen(demo_tanpa_sensitif, tmp_path / "w0")
    assert len(asli["bahan"]) > 50  # type: ignore[arg-type]
    beda = {k: [(a, b) for a, b in zip(asli[k], nol[k], strict=False) if a != b][:5]  # type: ignore[call-overload]
            for k in asli if asli[k] != nol.get(k)}
    assert not beda, beda
    # the test can fail: the kabupaten's pack (exact) does count the sensitive cases
    assert _dokumen(gudang_demo, tmp_path / "kab", "35.17")["bahan"] != _dokumen(demo_tanpa_sensitif,
                                                                               tmp_path / "kab0", "35.17")["bahan"]
