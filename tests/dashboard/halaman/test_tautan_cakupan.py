"""Links between pages and program coverage outside the Program page (AppTest), on a warehouse with program rolls.

The warehouse is the one of `test_program_target.py` (same files; built here so that the two modules do not share
state). By hand (see that module): PKH, Kec. Perak: eligible 12, covered 7 -> 58,3 %; PBI-JK: eligible 13, covered 2
-> 15,4 %; Desa Jantiganggong (35.17.01.2001): PKH eligible 10, covered 6 -> 60,0 %, PBI-JK eligible 11 -> covered 2
-> 18,2 %. No Sembako roll is loaded, so Sembako has no row.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from akses import Pengguna
from dashboard.halaman import DAFTAR_HALAMAN, boleh_membuka
from dashboard.komponen.program import tabel_cakupan

from tests.fixtures import AKAR, FIXTURES, BukaApp, pantau

BERKAS = [FIXTURES / "app_program" / "laporan_kasus.csv", FIXTURES / "dtks_perak_2025_06.csv",
          FIXTURES / "dtks_perak_2025_12.csv", FIXTURES / "roll_pkh_perak.csv", FIXTURES / "roll_pbi_perak.csv"]
JANTIGANGGONG = "35.17.01.2001"


@pytest.fixture(scope="module")
def gudang_program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    gudang = tmp_path_factory.mktemp("gudang_tautan") / "gudang.duckdb"
    pantau(gudang, "ingest", *map(str, BERKAS))
    return gudang


@pytest.fixture
def buka(buka_app: BukaApp, gudang_program: Path) -> BukaApp:
    return partial(buka_app, gudang_program)


def _tautan(at: AppTest) -> list[str]:
    return [e.proto.page for e in at.get("page_link")]


# a) a link to a page the role cannot open is not drawn (it crashed the page)

def test_program_untuk_operator_desa_tanpa_tautan_peta(buka: BukaApp) -> None:
    at = buka("program", peran="desa", wilayah=JANTIGANGGONG, program="pkh")  # asserts: no exception, no error
    assert "Program" in at.markdown[0].value or at.metric
    assert _tautan(at) == []


def test_program_untuk_perencana_dengan_tautan_peta(buka: BukaApp) -> None:
    at = buka("program", program="pkh")
    assert _tautan(at) == ["peta"]


def test_boleh_membuka_mengikuti_daftar_halaman() -> None:
    desa = Pengguna("d", "desa", JANTIGANGGONG)
    perencana = Pengguna("p", "perencana", "35.17")
    assert not boleh_membuka("peta", desa) and boleh_membuka("peta", perencana)
    assert not boleh_membuka("unggah", perencana) and not boleh_membuka("tidak_ada", perencana)
    assert boleh_membuka("unggah", Pengguna("o", "operator", "35.17"), ada_gudang=False)
    assert not boleh_membuka("peta", perencana, ada_gudang=False)
    assert {h.nama for h in DAFTAR_HALAMAN if boleh_membuka(h.nama, desa)} == {
        "ringkasan", "profil_desa", "rujukan", "program", "target"}


def test_semua_tautan_lewat_pembantu() -> None:
    """Every link between pages goes through `dashboard.komponen.tautan`, which checks the user's rights."""
    for folder in ("halaman", "komponen"):
        for berkas in (AKAR / "dashboard" / folder).glob("*.py"):
            if berkas.name == "tautan.py":
                continue
            teks = berkas.read_text(encoding="utf-8")
            assert ("st.page_link(" not in teks and "st.switch_page(" not in teks) or berkas.name == "peta.py", berkas
    teks_peta = (AKAR / "dashboard" / "halaman" / "peta.py").read_text(encoding="utf-8")
    assert "st.page_link(" not in teks_peta and "ada_profil = boleh_ke(" in teks_peta


# b) program coverage on Profil desa and Rapat kecamatan: the Program page's numbers

def _tabel(at: AppTest) -> list[dict[str, str]]:
    """The program coverage table (the one with a "Program" column)."""
    [df] = [d.value for d in at.dataframe if "Program" in d.value.columns]
    return df.to_dict("records")


def test_profil_desa_cakupan_program(buka: BukaApp) -> None:
    at = buka("profil_desa", desa=JANTIGANGGONG)
    teks = "\n".join([c.value for c in at.caption] + [m.value for m in at.markdown])
    assert "belum ada angkanya" not in teks and "Cakupan program" in teks
    baris = {r["Program"]: r for r in _tabel(at)}
    assert set(baris) == {"PBI-JK (APBN)", "PKH"}
    assert (baris["PKH"]["Keluarga layak"], baris["PKH"]["Tercakup"], baris["PKH"]["Cakupan"]) == ("10", "6", "60,0 %")


def test_rapat_kecamatan_cakupan_program_sama_dengan_halaman_program(buka: BukaApp) -> None:
    at = buka("rapat_kecamatan", kec="35.17.01")
    baris = {r["Program"]: r for r in _tabel(at)}
    assert (baris["PKH"]["Keluarga layak"], baris["PKH"]["Tercakup"], baris["PKH"]["Cakupan"]) == ("12", "7", "58,3 %")
    assert (baris["PBI-JK (APBN)"]["Keluarga layak"], baris["PBI-JK (APBN)"]["Tercakup"],
            baris["PBI-JK (APBN)"]["Cakupan"]) == (
        "13", "2", "15,4 %")
    program = buka("program", program="pkh", kec="35.17.01")
    assert {m.label: m.value for m in program.metric}["Cakupan"] == "58,3 %"


def test_tabel_cakupan_tanpa_daftar_penerima() -> None:
    kosong = pd.DataFrame({"peran": pd.Series(dtype=str)})
    assert tabel_cakupan({}, "id").empty and tabel_cakupan({"pkh": kosong}, "id").empty
