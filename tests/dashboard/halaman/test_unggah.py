"""Unggah data page (AppTest): the hostile XLSX of issue "a hardened front door" (60 million cells without `r=`,
900 MB of XML in a file of about 5 MB, which once made the whole dashboard abort on a 4.7 GB allocation) is refused
on the page with the reason and what to do, no traceback, no raw file left; the app then serves another session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures import BukaApp
from tests.fixtures.buat_xlsx import buat_xlsx_bom


@pytest.fixture(scope="module")
def xlsx_bom(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return buat_xlsx_bom(tmp_path_factory.mktemp("bom") / "rekap_desa.xlsx", 60_000_000)


def test_xlsx_bom_ditolak_di_halaman_sesi_lain_tetap_dilayani(buka_app: BukaApp, gudang_app: Path,
                                                               xlsx_bom: Path) -> None:
    assert xlsx_bom.stat().st_size < 8 << 20  # a small file: the batas_mb check lets it through
    at = buka_app(gudang_app, "unggah", peran="operator")
    at.file_uploader(key="unggah_berkas_0").set_value(
        ("rekap_desa.xlsx", xlsx_bom.read_bytes(), "application/octet-stream"))
    at.run(timeout=120)
    assert not at.exception, [e.value for e in at.exception]
    # the markdown source (the file name's `_` and the brackets escaped, so they show as typed)
    assert [e.value for e in at.error] == [
        "Berkas tidak dimuat: rekap\\_desa.xlsx berisi lebih dari 5.000.000 sel. Pecah berkas menjadi beberapa "
        "berkas yang lebih kecil \\(mis. per kecamatan\\), atau simpan lembar datanya saja sebagai CSV, lalu unggah "
        "lagi. Gudang data tidak berubah."]
    assert not list(gudang_app.parent.glob(".unggah-*"))  # the raw upload is gone
    assert not [t for t in at.button if t.key == "unggah_tombol_muat"]  # nothing to load
    # another user's session is served by the same app process
    lain = buka_app(gudang_app, peran="perencana")
    assert lain.metric and not lain.exception
