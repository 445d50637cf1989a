"""The import directions of ARCHITECTURE.md, read from the source (every `import`, at module level or inside a
function): `bahasa` depends on no package of Pantau; `dokumen` imports neither `dashboard` nor `pipelines`;
`akses` never imports `dashboard`; no module outside the app's frame imports a page (`dashboard.halaman`); and the
batch side never imports `dashboard` (the meeting-document commands live in `dashboard.perintah`, which adds them to
the batch parser and is the installed `pantau`)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.fixtures import AKAR

PAKET = ("akses", "bahasa", "dashboard", "dokumen", "pipelines")


def _impor(berkas: Path) -> list[tuple[str, str | None]]:
    """Every imported module of `berkas` and the function it is imported in (None: module level)."""
    pohon = ast.parse(berkas.read_text(encoding="utf-8"))
    hasil: list[tuple[str, str | None]] = []

    def kunjungi(simpul: ast.AST, fungsi: str | None) -> None:
        for anak in ast.iter_child_nodes(simpul):
            if isinstance(anak, ast.FunctionDef | ast.AsyncFunctionDef):
                kunjungi(anak, anak.name)
                continue
            if isinstance(anak, ast.Import):
                hasil.extend((a.name, fungsi) for a in anak.names)
            elif isinstance(anak, ast.ImportFrom) and anak.module and anak.level == 0:
                hasil.extend((f"{anak.module}.{a.name}", fungsi) for a in anak.names)
            kunjungi(anak, fungsi)

    kunjungi(pohon, None)
    return hasil


def _semua(paket: str) -> dict[str, list[tuple[str, str | None]]]:
    return {str(b.relative_to(AKAR)): _impor(b) for b in sorted((AKAR / paket).rglob("*.py"))}


def _akar(modul: str) -> str:
    """The top package of an imported name (`dashboard.laporan` -> `dashboard`)."""
    return modul.split(".")[0]


def test_bahasa_dokumen_akses_tidak_melanggar_arah() -> None:
    larangan = {"bahasa": set(PAKET) - {"bahasa"}, "dokumen": {"dashboard", "pipelines"}, "akses": {"dashboard"}}
    for paket, dilarang in larangan.items():
        for berkas, impor in _semua(paket).items():
            salah = [m for m, _ in impor if _akar(m) in dilarang]
            assert not salah, f"{berkas} mengimpor {salah}"


def test_halaman_hanya_dari_bingkai() -> None:
    """A page module renders only; nothing imports one (the registry `dashboard/halaman/__init__.py` is not a page)."""
    halaman = {f"dashboard.halaman.{b.stem}" for b in (AKAR / "dashboard" / "halaman").glob("*.py")
               if b.stem != "__init__"}
    assert "dashboard.halaman.ringkasan" in halaman
    for paket in PAKET:
        for berkas, impor in _semua(paket).items():
            salah = [m for m, _ in impor if any(m == h or m.startswith(h + ".") for h in halaman)]
            assert not salah, f"{berkas} mengimpor halaman {salah}"


def test_pipelines_tidak_mengimpor_dashboard() -> None:
    ditemukan = [(berkas, modul, fungsi) for berkas, impor in _semua("pipelines").items()
                 for modul, fungsi in impor if _akar(modul) == "dashboard"]
    assert not ditemukan, ditemukan


def test_pantau_terpasang_memuat_perintah_dokumen() -> None:
    """The installed `pantau` is the app's entry, with the batch commands and `bahan`/`agenda`."""
    import tomllib

    from dashboard.perintah import tambah_perintah
    from pipelines.cli import parser

    proyek = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))
    assert proyek["project"]["scripts"]["pantau"] == "dashboard.perintah:main"
    perintah = parser((tambah_perintah,))._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"ingest", "metrik", "serve", "bahan", "agenda"} <= set(perintah)
    assert not {"bahan", "agenda"} & set(parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
