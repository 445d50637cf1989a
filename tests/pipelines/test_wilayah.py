"""Place resolution: codes, normalised names, the alias table, unambiguous fuzzy matches, refusals."""

from __future__ import annotations

import pytest

from pipelines.konfigurasi import FOLDER_REFERENSI
from pipelines.wilayah import Wilayah, muat_wilayah, normalkan_nama


@pytest.fixture(scope="module")
def jombang() -> Wilayah:
    return muat_wilayah(FOLDER_REFERENSI, ("35.17",))


def test_daftar_jombang_306_desa_21_kecamatan(jombang: Wilayah) -> None:
    df = jombang.tabel_desa()
    assert len(df) == 306 and df.kode_kec.nunique() == 21
    assert (df.jenis == "kelurahan").sum() == 4


@pytest.mark.parametrize("nama", ["Desa Jantiganggong", "Ds. Jantiganggong", "JANTIGANGGONG", "  jantiganggong ",
                                  "Jantiganggong (Jantigang)", "Kel. Jantiganggong", "Jantigang-gong"])
def test_nama_dinormalkan(nama: str) -> None:
    assert normalkan_nama(nama) == "jantiganggong"


def test_kode_dalam_dan_luar_wilayah(jombang: Wilayah) -> None:
    assert jombang.dari_kode("3517012001").kode_desa == "35.17.01.2001"
    luar = jombang.dari_kode("35.16.01.2001")
    assert luar.kode_desa is None and "di luar wilayah kabupaten yang dikonfigurasi" in luar.alasan
    assert "tidak ada dalam daftar" in jombang.dari_kode("35.17.01.2999").alasan
    assert jombang.dari_kode(None) is None


def test_kode_diingat_sama_dengan_dihitung(monkeypatch: pytest.MonkeyPatch) -> None:
    """`dari_kode` remembers text cells: a second call gives the same outcome without resolving again, and after
    `SIMPAN_KODE` cells it starts again, still right."""
    from pipelines import wilayah as modul

    w = muat_wilayah(FOLDER_REFERENSI, ("35.17",))
    monkeypatch.setattr(modul, "SIMPAN_KODE", 4)
    dihitung: list[object] = []
    asli = w._dari_kode
    monkeypatch.setattr(w, "_dari_kode", lambda sel: dihitung.append(sel) or asli(sel))
    sel = ["3517012001", "35.16.01.2001", "35.17.01.2999", "  ", "3517012001", "35.16.01.2001", "35.17.01.2002",
           "3517012001", 3517012001.0, 3517012001.0]
    hasil = [w.dari_kode(s) for s in sel]
    assert [h.kode_desa if h else None for h in hasil] == [
        "35.17.01.2001", None, None, None, "35.17.01.2001", None, "35.17.01.2002", "35.17.01.2001",
        "35.17.01.2001", "35.17.01.2001"]
    assert "di luar wilayah" in hasil[5].alasan and hasil[5] == hasil[1]
    # cells 1-4 resolved; 5 and 6 remembered; the 5th distinct cell ("35.17.01.2002") finds 4 remembered and starts
    # again, so "3517012001" is resolved again; a number is never remembered
    assert dihitung == ["3517012001", "35.16.01.2001", "35.17.01.2999", "  ", "35.17.01.2002", "3517012001",
                        3517012001.0, 3517012001.0]


def test_nama_tepat_dengan_dan_tanpa_kecamatan(jombang: Wilayah) -> None:
    assert jombang.dari_nama("Ds. Kepuhkajang", "Kec. Perak").kode_desa == "35.17.01.2002"
    assert jombang.dari_nama("Kepuhkajang", None).kode_desa == "35.17.01.2002"


def test_nama_ganda_di_kabupaten_butuh_kecamatan(jombang: Wilayah) -> None:
    # "Sumberagung" is the name of three desa of Jombang
    tanpa = jombang.dari_nama("Sumberagung", None)
    assert tanpa.kode_desa is None and "ada lebih dari satu" in tanpa.alasan and "Kec. Perak" in tanpa.alasan
    assert jombang.dari_nama("Sumberagung", "Perak").kode_desa == "35.17.01.2003"


def test_alias_dan_fuzzy(jombang: Wilayah) -> None:
    alias = jombang.dari_nama("Gedungombo", "Ploso")
    assert alias.kode_desa == "35.17.14.2007" and not alias.fuzzy
    mirip = jombang.dari_nama("Kalangsemandin", "Perak")
    assert mirip.kode_desa == "35.17.01.2008" and mirip.fuzzy


def test_tidak_dikenal_menyebut_kandidat(jombang: Wilayah) -> None:
    h = jombang.dari_nama("Sumbrejo", "Kabuh")
    assert h.kode_desa is None
    assert h.alasan.startswith('Desa "Sumbrejo" tidak dikenal di Kec. Kabuh; mungkin: ')
    assert "Sumberaji" in h.alasan


def test_kecamatan_tidak_dikenal(jombang: Wilayah) -> None:
    h = jombang.dari_nama("Perak", "Kecamatan Antah")
    assert h.kode_desa is None and 'Kecamatan "Kecamatan Antah" tidak dikenal' in h.alasan


def test_kabupaten_lain_dari_konfigurasi() -> None:
    banjar = muat_wilayah(FOLDER_REFERENSI, ("63.03",))
    assert len(banjar.tabel_desa()) == 290
    assert banjar.dari_kode("35.17.01.2001").kode_desa is None
