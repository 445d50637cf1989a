"""Every label of `dashboard.i18n` is written for users: no developer text in the app, the popovers or the documents.

A definition popover or the agenda PDF's last page once ended with "`kasus_baru(desa, bulan)`: distinct ...
(metrics.md, 1)". No label may hold backticks, a design-document reference (`metrics.md`, `§4`) or a program
identifier in snake_case; a definition (keys `def_*`, `*_def_*`, `*_bantu_*`) names no file either. `{placeholders}`
are filled in by the app and are not text; a file path an operator must edit (`data/reference/alias_desa.csv`) and
the column names of a file to load, in quotes, are allowed outside definitions.
"""

from __future__ import annotations

import re

import pytest

from dashboard.i18n import BAHASA, TEKS

_ISIAN = re.compile(r"\{[a-z_]+\}")
_JALUR = re.compile(r"\S*/\S*|\S+\.(?:csv|toml|xlsx|geojson|zip|duckdb)\b")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b")
_DOKUMEN = re.compile(r"\b\w+\.md\b|§")
_DEFINISI = re.compile(r"(^def_|_def_|_bantu_)")
_KOLOM_BERKAS = re.compile(r"“[^”]*”")
"""A file's column names in quotes, as the user must write them in its header ("muat berkas dengan kolom “kode_kab,
tahun, ...”"): allowed, they are what the user types, not a program's words."""
_BERKAS = re.compile(r"[\w.-]+\.(?:csv|toml|xlsx|sql|py|geojson)\b")


def _salah(kunci: str, teks: str) -> list[str]:
    salah = []
    tanpa_isian = _ISIAN.sub("", teks)
    if "`" in teks:
        salah.append("backtick")
    if _DOKUMEN.search(teks):
        salah.append("rujukan dokumen desain")
    if m := _SNAKE.search(_JALUR.sub("", _KOLOM_BERKAS.sub("", tanpa_isian))):
        salah.append(f"pengenal program {m.group()!r}")
    if _DEFINISI.search(kunci) and (m := _BERKAS.search(tanpa_isian)):
        salah.append(f"nama berkas dalam definisi {m.group()!r}")
    return salah


@pytest.mark.parametrize("bahasa", BAHASA)
def test_teks_untuk_pengguna(bahasa: str) -> None:
    i = BAHASA.index(bahasa)
    masalah = {k: s for k, nilai in TEKS.items() if (s := _salah(k, nilai[i]))}
    assert not masalah, masalah


def test_pemeriksa_menangkap_teks_pengembang() -> None:
    assert _salah("def_x", "> `kasus_baru(desa, bulan)`: distinct (metrics.md, 1)") == [
        "backtick", "rujukan dokumen desain", "pengenal program 'kasus_baru'"]
    assert _salah("program_def_layak", "Keluarga layak (konfigurasi desil_program, §4)")[:1] == [
        "rujukan dokumen desain"]
    assert _salah("kualitas_def_nama", "Tambahkan ke data/reference/alias_desa.csv") == [
        "nama berkas dalam definisi 'alias_desa.csv'"]
    assert _salah("kualitas_nama_saran", "Tambahkan ke data/reference/alias_desa.csv") == []
    assert _salah("x", "{karantina_desa} baris dari {jumlah} desa") == []
    assert _salah("target_belum_ada_bps", "muat berkas dengan kolom “kode_kab, tahun”") == []


def test_tidak_ada_kunci_ganda() -> None:
    """A key given twice (in the first dictionary or a later `TEKS.update`) silently replaces the first text: the
    monthly trend's title once became "Tren kasus per kategori, ..." on Ringkasan and in the briefing pack."""
    import ast
    from collections import Counter
    from pathlib import Path

    import dashboard.i18n

    pohon = ast.parse(Path(dashboard.i18n.__file__).read_text(encoding="utf-8"))
    kunci = [k.value for d in ast.walk(pohon) if isinstance(d, ast.Dict) for k in d.keys
             if isinstance(k, ast.Constant) and isinstance(k.value, str) and k.value in TEKS]
    assert len(kunci) >= len(TEKS)  # every key of TEKS is found as a literal
    assert [k for k, n in Counter(kunci).items() if n > 1] == []
    assert TEKS["tren_judul"][0] == "Tren bulanan: kasus baru dan rujukan dikirim"
