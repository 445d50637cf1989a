"""One number, every surface (issue 13), continued from `tests/test_konsistensi.py`:

1. the meeting agenda (`pantau agenda --format xlsx`, read with openpyxl) cell by cell against the Rapat kecamatan page
   (AppTest) for Kec. Kabuh on the demo of 6 December 2026 (`gudang_demo`);
2. the reporting state on days 1, 9, 10, 11 and 28 of December 2026 (day 10 is the due day of the November reports,
   `metrics.md` 3): five small warehouses whose cut-off is that day, the Ringkasan tile, the freshness line, the
   partial-month marking and the Kualitas data tiles against `pantau metrik --set pelaporan`, with every desa's
   state worked out by hand below;
3. a desa account: every page it may open shows the numbers the perencana sees for that desa, and no link to a page
   it may not open is drawn;
4. Program and Target: the Program page, `pantau metrik --set program`, the Ringkasan tile, the briefing pack and
   Profil desa; the Target page, `pantau metrik --set target`, the pack and the Ringkasan tile (actual, target, gap
   and their years).

Below kabupaten level case counts are compared between surfaces, never against a hard-coded total (the lead is
changing which sensitive cases they leave out); the anchors computed by hand are referral, reporting, program and
target numbers.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import duckdb
import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from pipelines.konfigurasi import FOLDER_REFERENSI, Konfigurasi

from tests.fixtures import PANTAU, BukaApp, env_pantau, metrik_json, nilai_ubin

KABUH = "35.17.16"



def _teks(at: AppTest) -> str:
    return "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])


def _sel(x: Any) -> Any:
    """A screen cell as the file holds it: NA/NaN is an empty cell (None), numbers stay numbers."""
    import pandas as pd

    return None if pd.isna(x) else x


def _persen_bulat(x: Any) -> int | None:
    return None if x is None else round(float(x) * 100)


# 1/ the agenda XLSX against the Rapat kecamatan page, cell by cell

def _lembar(berkas: Path) -> dict[str, list[list[Any]]]:
    """Every sheet of the agenda: its rows from the header row (the first row whose first cell is a column name of
    the page's tables) on, up to the first empty row."""
    buku = load_workbook(berkas)
    hasil: dict[str, list[list[Any]]] = {}
    for lembar in buku.worksheets:
        baris = [list(r) for r in lembar.iter_rows(values_only=True)]
        mulai = next((i for i, r in enumerate(baris) if r and r[0] in ("Desa", "Tujuan rujukan")), None)
        if mulai is None:
            continue
        tabel = []
        for r in baris[mulai:]:
            if all(x is None for x in r):
                break
            tabel.append(r)
        hasil[lembar.title] = tabel
    return hasil


def _tabel_layar(at: AppTest, kolom_pertama: str, kolom_ada: str, kolom: list | None = None) -> list[list[Any]]:
    """The page's grid whose first column is `kolom_pertama` and that holds `kolom_ada`, header first; only the
    columns `kolom` when given (the screen's sparklines are not in the file)."""
    [df] = [d.value for d in at.dataframe if list(d.value.columns)[:1] == [kolom_pertama]
            and kolom_ada in d.value.columns]
    if kolom is not None:
        df = df[kolom]
    return [list(df.columns)] + [list(r) for r in df.itertuples(index=False, name=None)]


def test_agenda_xlsx_sama_dengan_halaman_rapat(gudang_demo: Path, buka_app: BukaApp, tmp_path: Path) -> None:
    berkas = tmp_path / "agenda.xlsx"
    hasil = subprocess.run([str(PANTAU), "agenda", "--kecamatan", KABUH, "--format", "xlsx", "--keluar", str(berkas)],
                           env={**os.environ, **env_pantau(gudang_demo)}, capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stderr
    xlsx = _lembar(berkas)
    at = buka_app(gudang_demo, "rapat_kecamatan", kec=KABUH)
    assert "Periode Mei – Okt 2026" in _teks(at)

    # desa side by side: every desa row, every column (shares: a fraction in the file, whole percent on screen)
    desa_x = xlsx["Desa"]
    desa_l = _tabel_layar(at, "Desa", "Kelengkapan", [str(k) for k in desa_x[0]])
    assert desa_x[0] == desa_l[0] == ["Desa", "Puskesos", "Kasus baru", "Selesai ≤ 90 hari", "Tunggakan",
                                      "Tanpa respon", "Kelengkapan"]
    assert len(desa_x) == len(desa_l) == 1 + 16  # Kec. Kabuh has 16 desa
    for rx, rl in zip(desa_x[1:], desa_l[1:], strict=True):
        nama, status, kasus, selesai, tunggakan, tanpa, lengkap = rx
        assert [nama, status, kasus, tunggakan, tanpa] == [rl[0], rl[1], rl[2], rl[4], rl[5]], nama
        assert _persen_bulat(selesai) == _sel(rl[3]), nama
        assert _persen_bulat(lengkap) == _sel(rl[6]), nama

    # the destination table, every cell
    tujuan_x, tujuan_l = xlsx["Per tujuan"], _tabel_layar(at, "Tujuan rujukan", "Lewat SLA")
    assert tujuan_x == [[_sel(x) for x in r] for r in tujuan_l]  # NA on screen = an empty cell

    # the overdue list: the same referrals (pseudonymous id, destination, desa, age)
    daftar_x, daftar_l = xlsx["Rujukan lewat SLA"], _tabel_layar(at, "Tujuan rujukan", "ID kasus")
    kunci = [daftar_x[0].index(k) for k in ("Tujuan rujukan", "Desa", "ID kasus", "Umur (hari)")]
    assert sorted(tuple(r[i] for i in kunci) for r in daftar_x[1:]) == \
        sorted(tuple(r[i] for i in kunci) for r in daftar_l[1:])

    # anchors worked out apart from the page's and the file's path, on the marts' rows of Kabuh:
    # - tunggakan: the referrals of Kabuh open past their SLA at the cut-off (mart_rujukan, no sensitive referral)
    #   = the desa column's total = the destination table's "Lewat SLA" total = the list's length
    # - kelengkapan of a desa: reports received for its expected months May - Oct / those expected months
    with duckdb.connect(str(gudang_demo), read_only=True) as con:
        [(lewat,)] = con.execute("select count(*) from mart_rujukan where kode_kec = ? and terlambat",
                                 [KABUH]).fetchall()
        lapor = dict(con.execute(
            "select w.nama_desa, round(100.0 * count(*) filter (where p.desa_melapor = 1) / count(*)) "
            "from mart_pelaporan_desa_bulan p join ref_wilayah w using (kode_desa) where p.kode_kec = ? "
            "and p.desa_diharapkan = 1 and p.bulan between '2026-05-01' and '2026-10-01' group by w.nama_desa",
            [KABUH]).fetchall())
    assert lewat > 0
    assert sum(r[4] for r in desa_x[1:]) == sum(r[2] for r in tujuan_x[1:]) == len(daftar_x) - 1 == lewat
    assert {r[0]: _persen_bulat(r[6]) for r in desa_x[1:] if r[6] is not None} == lapor
    # the command line's referral set agrees too (with no period, terlambat is the stock at the cut-off)
    [semua] = [b for b in metrik_json(gudang_demo, "--set", "rujukan", "--tingkat", "kecamatan", "--wilayah", KABUH)
               if b["tujuan_rujukan"] == "semua"]
    assert semua["terlambat"] == lewat


# 2/ the reporting state around the due day

A, B, C, D = "35.17.16.2001", "35.17.16.2003", "35.17.16.2004", "35.17.16.2005"  # Marmoyo, Mangunan, Kabuh, Kedungjati


def _gudang_hari(folder: Path, per: dt.date) -> Path:
    """A warehouse whose cut-off is `per` (the latest `tanggal_kirim`): four Puskesos of Kec. Kabuh formed on
    1 Jul 2026 (expected to report from August), every report sent on the 5th of the next month (on time), except
    Marmoyo's November report, sent on `per` itself (the row that makes the cut-off):
    - Marmoyo (A): Aug, Sep, Oct, Nov; Mangunan (B): Aug, Sep, Oct; Kabuh (C): Aug, Sep; Kedungjati (D): Aug (nihil).
    """
    from pipelines.ingest import muat

    folder.mkdir(parents=True, exist_ok=True)
    kasus = ["no_registrasi,tanggal_lapor,kode_desa,kategori,tujuan_rujukan,tanggal_rujuk,tanggal_respon,"
             "tanggal_selesai,status_rujukan,tanggal_kirim"]
    for desa, bulan in ((A, (8, 9, 10)), (B, (8, 9, 10)), (C, (8, 9))):
        kasus += [f"K-{desa[-4:]}-{m:02d},2026-{m:02d}-12,{desa},RTLH,,,,,,2026-{m + 1:02d}-05" for m in bulan]
    kasus.append(f",2026-08-31,{D},Nihil,,,,,,2026-09-05")
    kasus.append(f"K-{A[-4:]}-11,2026-11-20,{A},RTLH,,,,,,{per.isoformat()}")
    (folder / "kasus.csv").write_text("\n".join(kasus) + "\n", encoding="utf-8")
    register = ["kode_desa,status,nomor_sk,tanggal_sk,ketua_terlatih"]
    register += [f"{d},aktif,188/{i}/2026,2026-07-01,Ya" for i, d in enumerate((A, B, C, D))]
    (folder / "puskesos.csv").write_text("\n".join(register) + "\n", encoding="utf-8")
    k = Konfigurasi(gudang=folder / "gudang.duckdb", kabupaten=("35.17",), berkas_kunci=folder / "pantau.kunci",
                    kunci="uji", folder_referensi=FOLDER_REFERENSI)
    muat([folder / "puskesos.csv", folder / "kasus.csv"], k, hari_ini=per, paralel=False)
    return k.gudang


# By hand, per day (status over the last 3 due months M-2, M-1, M: aktif = reported in M-1 and M, diam = in none):
# - days 1, 9, 10: November is not yet due (its reports are due on 10 Dec and missing only after it): M = Oct.
#   A: Sep, Oct -> aktif; B: Sep, Oct -> aktif; C: Sep, not Oct -> tersendat; D: Aug only -> tersendat.
#   Completeness over the due months Aug - Oct: 3 + 3 + 2 + 1 = 9 of 4 x 3 = 12 -> 75 %, all on time (9/12).
#   Freshness: the last due month, October, was reported by A and B: 2 desa.
# - days 11, 28: November is due: M = Nov. A: Oct, Nov -> aktif; B: Oct, not Nov -> tersendat; C: Sep only ->
#   tersendat; D: none of Sep - Nov -> diam. Completeness over Aug - Nov: 4 + 3 + 2 + 1 = 10 of 16 -> 62,5 %; on
#   time 9 of 16 (A's November report was sent on the 11th or the 28th, after the 10th) -> 56,3 %.
#   Freshness: November, reported by A only: 1 desa.
HARI = {
    1: ("2026-10", {A: "aktif", B: "aktif", C: "tersendat", D: "tersendat"}, (9, 9, 12), "2", "Okt 2026"),
    9: ("2026-10", {A: "aktif", B: "aktif", C: "tersendat", D: "tersendat"}, (9, 9, 12), "2", "Okt 2026"),
    10: ("2026-10", {A: "aktif", B: "aktif", C: "tersendat", D: "tersendat"}, (9, 9, 12), "2", "Okt 2026"),
    11: ("2026-11", {A: "aktif", B: "tersendat", C: "tersendat", D: "diam"}, (10, 9, 16), "1", "Nov 2026"),
    28: ("2026-11", {A: "aktif", B: "tersendat", C: "tersendat", D: "diam"}, (10, 9, 16), "1", "Nov 2026"),
}


@pytest.mark.parametrize("hari", sorted(HARI))
def test_status_pelaporan_di_sekitar_hari_jatuh_tempo(hari: int, tmp_path: Path, buka_app: BukaApp) -> None:
    per = dt.date(2026, 12, hari)
    jatuh_tempo, status, (diterima, tepat, diharapkan), melapor, bulan_segar = HARI[hari]
    gudang = _gudang_hari(tmp_path, per)

    # the command line, desa and kabupaten
    desa = {d["kode_wilayah"]: d
            for d in metrik_json(gudang, "--set", "pelaporan", "--tingkat", "desa", "--wilayah", KABUH)}
    assert {k: desa[k]["status_puskesos"] for k in status} == status
    [kab] = metrik_json(gudang, "--set", "pelaporan", "--tingkat", "kabupaten")
    assert kab["bulan_jatuh_tempo_terakhir"] == jatuh_tempo
    hitung = {s: sum(1 for x in status.values() if x == s) for s in ("aktif", "tersendat", "diam")}
    assert [kab[f"puskesos_{s}"] for s in hitung] == list(hitung.values())
    assert (kab["diterima_12"], kab["tepat_waktu_12"], kab["diharapkan_12"]) == (diterima, tepat, diharapkan)

    # Ringkasan: the tile, its note, the freshness line (the last due month), and the partial month's marking
    tanggal = f"{hari} Des 2026"
    ringkasan = buka_app(gudang)
    belum = 306 - 4
    assert nilai_ubin(ringkasan)["Puskesos aktif"] == f"{hitung['aktif']} dari 306"
    teks = _teks(ringkasan)
    assert (f"per {tanggal}; tersendat {hitung['tersendat']}, diam {hitung['diam']}, belum dibentuk {belum}"
            in teks)
    assert f"Data per {tanggal}, {melapor} dari 306 desa melapor (laporan bulan {bulan_segar})" in teks
    sampai_nov = buka_app(gudang, dari="2026-09", sampai="2026-11")
    judul = _teks(sampai_nov)
    assert ("belum lengkap" in judul) == (jatuh_tempo == "2026-10"), judul
    kasus = next(m for m in sampai_nov.metric if m.label == "Kasus baru")
    assert kasus.value == "6"  # kabupaten, Sep - Nov: A 3 + B 2 + C 1 (D sent only an August nihil), any day

    # Kualitas data: the same Puskesos count and the same completeness and timeliness as the command line
    kualitas = buka_app(gudang, "kualitas")
    ubin = nilai_ubin(kualitas)
    assert ubin["Puskesos aktif"] == str(kab["puskesos_aktif"]) == str(hitung["aktif"])
    assert ubin["Kelengkapan laporan"] == _persen_teks(diterima / diharapkan)
    assert ubin["Ketepatan waktu"] == _persen_teks(tepat / diharapkan)
    assert f"{diterima} dari {diharapkan}" in _teks(kualitas)


def _persen_teks(x: float) -> str:
    from bahasa import format as fmt

    return fmt.persen(x, "id")


# 3/ a desa account sees its desa's numbers exactly as the perencana does

DESA = "35.17.16.2004"  # Desa Kabuh, Kec. Kabuh


def _angka_halaman(at: AppTest) -> tuple[dict[str, str], list[list[list[str]]]]:
    """The tiles (label -> value) and every grid (header and rows) of a page."""
    grid = []
    for d in at.dataframe:
        df = d.value
        grid.append([list(map(str, df.columns))] + [[str(x) for x in r] for r in df.itertuples(index=False)])
    return nilai_ubin(at), grid


def _tautan(at: AppTest) -> set[str]:
    """Pages linked from the page: `st.page_link` targets and any Markdown link to another page."""
    halaman = {e.proto.page or "ringkasan" for e in at.get("page_link")}  # "": the default page, Ringkasan
    for m in [*at.markdown, *at.caption]:
        halaman |= set(re.findall(r"\]\((?:[^)]*/)?([a-z_]+)(?:\?[^)]*)?\)", m.value))
    return halaman


@pytest.mark.parametrize("halaman", ["ringkasan", "profil_desa", "rujukan", "program", "target"])
def test_akun_desa_melihat_angka_desanya(gudang_demo: Path, buka_app: BukaApp, halaman: str) -> None:
    from akses import Pengguna
    from dashboard.halaman import DAFTAR_HALAMAN, boleh_membuka

    desa = Pengguna("d", "desa", DESA)
    boleh = {h.nama for h in DAFTAR_HALAMAN if boleh_membuka(h.nama, desa)}
    assert halaman in boleh and "peta" not in boleh and "rapat_kecamatan" not in boleh and "kualitas" not in boleh
    url = {"program": "pbi_jk"} if halaman == "program" else {}
    akun = buka_app(gudang_demo, None if halaman == "ringkasan" else halaman, peran="desa", wilayah=DESA, **url)
    perencana = buka_app(gudang_demo, None if halaman == "ringkasan" else halaman, kec=KABUH, desa=DESA, **url)
    ubin_d, grid_d = _angka_halaman(akun)
    ubin_p, grid_p = _angka_halaman(perencana)
    assert ubin_d == ubin_p
    if halaman == "ringkasan":
        # "Perlu perhatian": the perencana's lists are of the whole kecamatan, the desa account's of its desa only (the
        # gate drops the other desa, and a desa reads no destination-wide figure): the desa's own row is the same but
        # for its row number in the list ("No")
        grid_d, grid_p = _baris_desa(grid_d, "Kabuh"), _baris_desa(grid_p, "Kabuh")
    assert grid_d == grid_p
    assert _tautan(akun) <= boleh, _tautan(akun)
    if halaman in ("ringkasan", "profil_desa"):
        # an anchor apart from the pages: the desa's referrals open past their SLA at the cut-off, counted on the
        # referral rows of the mart (no sensitive referral is in them): the overdue list of Profil desa has as many
        # rows, and "Perlu perhatian" names the number
        with duckdb.connect(str(gudang_demo), read_only=True) as con:
            [(lewat,)] = con.execute("select count(*) from mart_rujukan where kode_desa = ? and terlambat",
                                     [DESA]).fetchall()
        assert lewat > 0
        if halaman == "profil_desa":
            [daftar] = [g for g in grid_d if "ID kasus" in g[0]]
            assert len(daftar) - 1 == lewat
        else:
            [perhatian] = [g for g in grid_d if g[0][:1] == ["Desa"] and "Alasan" in g[0]]
            assert perhatian[1][-1].startswith(f"{lewat} rujukan lewat SLA")


def _baris_desa(grid: list[list[list[str]]], nama: str) -> list[list[list[str]]]:
    """The grids of a page with "Perlu perhatian" cut to the row of desa `nama` without its row number, and the list
    of destinations left out."""
    hasil = []
    for g in grid:
        if g[0][:2] == ["No", "Tujuan rujukan"]:
            continue
        if g[0][:2] == ["No", "Desa"]:
            g = [r[1:] for r in g if r is g[0] or r[1] == nama]
        hasil.append(g)
    return hasil


# 4/ Program and Target across surfaces

def _persen(x: float) -> str:
    from bahasa import format as fmt

    return fmt.persen(x, "id")


def _angka(x: float, desimal: int = 0) -> str:
    from bahasa import format as fmt

    return fmt.angka(x, "id", desimal=desimal) if desimal else fmt.angka(int(x), "id")


def test_program_satu_angka(gudang_demo: Path, buka_app: BukaApp, monkeypatch: pytest.MonkeyPatch,
                            sebagai_perencana: None) -> None:
    from akses import Pengguna
    from dashboard import laporan
    from dashboard.db import versi_gudang

    [pbi] = [r for r in metrik_json(gudang_demo, "--set", "program", "--tingkat", "kabupaten")
             if r["program"] == "pbi_jk"]
    # the anchor, from the staging rows: eligible = active households of the latest DTKS extract with desil 1-5;
    # recipients = active rows of the latest PBI-JK roll
    with duckdb.connect(str(gudang_demo), read_only=True) as con:
        [(layak,)] = con.execute(
            "select count(distinct id_keluarga) from stg_dtks where periode = (select max(periode) from stg_dtks) "
            "and status = 'aktif' and desil between 1 and 5").fetchall()
        [(penerima,)] = con.execute(
            "select count(*) from stg_penerima_program where program = 'pbi_jk' and status = 'aktif' and periode = "
            "(select max(periode) from stg_penerima_program where program = 'pbi_jk')").fetchall()
    assert (pbi["keluarga_layak"], pbi["penerima"]) == (layak, penerima)
    assert pbi["cakupan"] == round(pbi["tercakup"] / layak, 4)

    # the Program page's tiles, the Ringkasan tile, the briefing pack's tile
    program = nilai_ubin(buka_app(gudang_demo, "program", program="pbi_jk"))
    assert program["Keluarga layak"] == _angka(layak)
    assert program["Cakupan"] == _persen(pbi["tercakup"] / layak)
    assert program["Penerima aktif"] == _angka(penerima)
    assert program["Salah sasaran (inklusi)"] == _angka(pbi["salah_inklusi"])
    assert program["Belum tercakup (eksklusi)"] == _angka(pbi["salah_eksklusi"])
    ringkasan = nilai_ubin(buka_app(gudang_demo))
    assert ringkasan["Cakupan PBI-JK desil 1-5"] == program["Cakupan"]
    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    isi = laporan.isi_bahan(laporan.pilihan_untuk(versi, Pengguna("uji_perencana", "perencana", "35.17")))
    assert [a.nilai for a in isi.angka][4] == program["Cakupan"]

    # Profil desa's coverage table against the command line's desa rows and the Program page of that desa
    desa = {r["program"]: r for r in metrik_json(gudang_demo, "--set", "program", "--tingkat", "desa")
            if r["kode_wilayah"] == DESA}
    profil = buka_app(gudang_demo, "profil_desa", kec=KABUH, desa=DESA)
    [tabel] = [d.value for d in profil.dataframe if "Tercakup" in d.value.columns]
    dari_profil = {r["Program"]: (r["Keluarga layak"], r["Tercakup"], r["Cakupan"]) for r in tabel.to_dict("records")}
    from pipelines.enums import label

    assert {label("program", k, "id"): (_angka(r["keluarga_layak"]), _angka(r["tercakup"]),
                      _persen(r["tercakup"] / r["keluarga_layak"]) if r["cakupan"] is not None else "–")
            for k, r in desa.items()} == {k: v for k, v in dari_profil.items()}
    program_desa = nilai_ubin(buka_app(gudang_demo, "program", kec=KABUH, desa=DESA, program="pkh"))
    assert (program_desa["Keluarga layak"], program_desa["Cakupan"]) == (dari_profil["PKH"][0], dari_profil["PKH"][2])


def test_target_satu_angka(gudang_demo: Path, buka_app: BukaApp, monkeypatch: pytest.MonkeyPatch,
                           sebagai_perencana: None) -> None:
    from akses import Pengguna
    from dashboard import laporan
    from dashboard.db import versi_gudang

    target = {r["dokumen"]: r for r in metrik_json(gudang_demo, "--set", "target")}
    # by hand from the shipped reference (data/reference): BPS 2025 8,36 %; Target TKPK 2026 8,04 % (the newest
    # document, the default): (8,36 - 8,04) / (2026 - 2025) = 0,32 pp a year, no gap yet (no BPS 2026);
    # RPJMD 2018-2023: 9,36 % for 2023, BPS 2023 9,15 % -> gap 2023 = 9,15 - 9,36 = -0,21 pp
    tkpk, rpjmd = target["Target TKPK 2026"], target["RPJMD 2018-2023"]
    assert (tkpk["bps_terakhir"], tkpk["tahun_bps_terakhir"], tkpk["target_persen"], tkpk["tahun_target"]) == (
        8.36, 2025, 8.04, 2026)
    assert tkpk["penurunan_diperlukan"] == 0.32 and tkpk["selisih_pp"] is None
    assert (rpjmd["tahun_selisih"], rpjmd["aktual_selisih"], rpjmd["target_selisih"], rpjmd["selisih_pp"]) == (
        2023, 9.15, 9.36, -0.21)

    # the Target page, default document then the RPJMD: every tile with its year
    halaman = nilai_ubin(buka_app(gudang_demo, "target"))
    assert halaman == {"Kemiskinan BPS 2025": "8,36 %", "Target 2026": "8,04 %", "Selisih": "belum dapat dihitung",
                       "Penurunan diperlukan": "0,32 pp", "Tercapai menurut tren": str(tkpk["tahun_tercapai_proyeksi"])}
    dokumen = buka_app(gudang_demo, "target", dokumen="RPJMD 2018-2023")
    ubin = nilai_ubin(dokumen)
    assert ubin["Target 2023"] == "9,36 %" and ubin["Selisih 2023"] == "-0,21 pp"
    assert "2023: BPS 9,15 % vs target 9,36 %" in _teks(dokumen) or "9,15" in _teks(dokumen)
    # the Ringkasan tile: the latest BPS figure with its year, the newest document's target with its year, the gap
    ringkasan = buka_app(gudang_demo)
    assert nilai_ubin(ringkasan)["Kemiskinan BPS 2025"] == "8,36 %"
    assert "target 8,04 % (2026, Target TKPK 2026); selisih belum ada" in _teks(ringkasan)
    # the briefing pack: the same tile, and its chart draws the Target page's BPS series and paths
    for kunci, nilai in env_pantau(gudang_demo).items():
        monkeypatch.setenv(kunci, nilai)
    versi = versi_gudang(gudang_demo)
    assert versi is not None
    p = laporan.pilihan_untuk(versi, Pengguna("uji_perencana", "perencana", "35.17"))
    isi = laporan.isi_bahan(p)
    tile = isi.angka[5]
    assert (tile.judul, tile.nilai) == ("Kemiskinan BPS 2025", "8,36 %")
    assert tile.keterangan is not None and "target 8,04 % (2026, Target TKPK 2026)" in tile.keterangan
    grafik = laporan.grafik_target(p)
    assert grafik is not None
    bps = dict(zip(grafik.kategori, grafik.deret[0].nilai, strict=True))
    assert bps["2025"] == 8.36 and bps["2023"] == 9.15


# 5/ the demo itself on days 1, 9, 10 and 11 of December and 28 November 2026, as kabupaten, kecamatan and desa users

# By hand (metrics.md 3): the reports of month M are due on day 10 of M+1 and missing only after it, so the last due
# month is October on 28 Nov and on 1, 9 and 10 Dec, and November from 11 Dec.
JATUH_TEMPO_DEMO = {"2026-11-28": "2026-10", "2026-12-01": "2026-10", "2026-12-09": "2026-10",
                    "2026-12-10": "2026-10", "2026-12-11": "2026-11"}
MARMOYO = "35.17.16.2001"


@pytest.mark.parametrize("hari_ini", sorted(JATUH_TEMPO_DEMO))
def test_demo_pada_hari_sekitar_jatuh_tempo(hari_ini: str, tmp_path: Path, buka_app: BukaApp) -> None:
    """`pantau demo --hari-ini` on each day: the due month, the Puskesos counts of the kabupaten and of Kec. Kabuh,
    the states of Kabuh's desa, and one desa's status agree on the command line, Ringkasan (perencana and camat),
    Kualitas data, the agenda XLSX and Profil desa (the desa operator)."""
    from tests.fixtures import pantau

    gudang = tmp_path / "gudang.duckdb"
    pantau(gudang, "demo", "--hari-ini", hari_ini, "--tanpa-akun")
    # the data date is the last day a report was sent, on or before `--hari-ini` (no report may come on a Sunday)
    with duckdb.connect(str(gudang), read_only=True) as con:
        [(teks,)] = con.execute("select nilai from meta_gudang where kunci = 'tanggal_data'").fetchall()
    per = dt.date.fromisoformat(teks)
    assert dt.date.fromisoformat(hari_ini) - dt.timedelta(days=3) <= per <= dt.date.fromisoformat(hari_ini)
    tanggal = f"{per.day} {'Nov' if per.month == 11 else 'Des'} 2026"

    [kab] = metrik_json(gudang, "--set", "pelaporan", "--tingkat", "kabupaten")
    assert kab["bulan_jatuh_tempo_terakhir"] == JATUH_TEMPO_DEMO[hari_ini]
    [kec] = metrik_json(gudang, "--set", "pelaporan", "--tingkat", "kecamatan", "--wilayah", KABUH)
    desa = {d["nama_wilayah"]: d["status_puskesos"]
            for d in metrik_json(gudang, "--set", "pelaporan", "--tingkat", "desa", "--wilayah", KABUH)}
    assert len(desa) == 16 and kec["puskesos_aktif"] == sum(s == "aktif" for s in desa.values())
    assert sum(kab[f"puskesos_{s}"] for s in ("aktif", "tersendat", "diam", "belum_dibentuk")) == 306

    def catatan(baris: dict) -> str:
        return (f"per {tanggal}; tersendat {baris['puskesos_tersendat']}, diam {baris['puskesos_diam']}, "
                f"belum dibentuk {baris['puskesos_belum_dibentuk']}")

    # Ringkasan as the perencana (kabupaten) and as the camat of Kabuh
    for at, baris, jumlah in ((buka_app(gudang), kab, 306),
                              (buka_app(gudang, peran="kecamatan", wilayah=KABUH), kec, 16)):
        assert nilai_ubin(at)["Puskesos aktif"] == f"{baris['puskesos_aktif']} dari {jumlah}"
        assert catatan(baris) in _teks(at)
    # Kualitas data: the same count, the same 12-month completeness
    kualitas = buka_app(gudang, "kualitas")
    assert nilai_ubin(kualitas)["Puskesos aktif"] == f"{kab['puskesos_aktif']:,}".replace(",", ".")
    assert nilai_ubin(kualitas)["Kelengkapan laporan"] == _persen_teks(kab["diterima_12"] / kab["diharapkan_12"])
    # the agenda of Kabuh: each desa's Puskesos state as the command line has it
    berkas = tmp_path / "agenda.xlsx"
    hasil = subprocess.run([str(PANTAU), "agenda", "--kecamatan", KABUH, "--format", "xlsx", "--keluar", str(berkas)],
                           env={**os.environ, **env_pantau(gudang)}, capture_output=True, text=True, timeout=300)
    assert hasil.returncode == 0, hasil.stderr
    [kepala, *baris_desa] = _lembar(berkas)["Desa"]
    i_status = kepala.index("Puskesos")
    from pipelines.enums import label

    assert {r[0]: r[i_status] for r in baris_desa} == {n: label("status_puskesos_pantau", s, "id")
                                                       for n, s in desa.items()}
    # the desa operator of Marmoyo: Profil desa names the same state
    profil = buka_app(gudang, "profil_desa", peran="desa", wilayah=MARMOYO)
    status = label("status_puskesos_pantau", desa["Marmoyo"], "id")
    assert f"Status per {tanggal}: **{status}**" in _teks(profil)
