"""The import directions of ARCHITECTURE.md, read from the source (every `import`, at module level or inside a
function): `bahasa` depends on no package of Pantau; `dokumen` imports neither `dashboard` nor `pipelines`;
`akses` never imports `dashboard`; no module outside the app's frame imports a page (`dashboard.halaman`); and the
batch side imports `dashboard` in one place only: `pipelines/cli.py`, inside the meeting-document commands, and
only `dashboard.laporan`, `dashboard.db` and `dashboard.sesi`."""

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


def test_pipelines_ke_dashboard_hanya_perintah_dokumen() -> None:
    boleh = {"dashboard.laporan", "dashboard.db.versi_gudang", "dashboard.sesi.sebagai"}
    ditemukan = []
    for berkas, impor in _semua("pipelines").items():
        for modul, fungsi in impor:
            if _akar(modul) == "dashboard":
                ditemukan.append((berkas, modul, fungsi))
    assert ditemukan, "pantau bahan/agenda memanggil dashboard.laporan"  # the exception exists, and only it
    for berkas, modul, fungsi in ditemukan:
        assert berkas == "pipelines/cli.py" and fungsi == "_buat_dokumen", (berkas, modul, fungsi)
        assert modul in boleh, modul
