"""The pages of the app, one file each in this folder (not `pages/`, which would trigger Streamlit's
legacy auto-discovery). `DAFTAR_HALAMAN` lists every planned page in menu order; the frame shows
those whose file exists, so a new page is added by writing its file (and, if new, a line here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FOLDER_HALAMAN = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Halaman:
    """One page: its file name (without `.py`), menu icon, and whether it needs a built warehouse."""

    nama: str
    ikon: str
    perlu_gudang: bool = True

    @property
    def berkas(self) -> Path:
        """The page's script."""
        return FOLDER_HALAMAN / f"{self.nama}.py"

    @property
    def kunci_judul(self) -> str:
        """Its title's key in `dashboard.i18n`."""
        return f"halaman_{self.nama}"


DAFTAR_HALAMAN: tuple[Halaman, ...] = (
    Halaman("ringkasan", ":material/dashboard:"),
    Halaman("peta", ":material/map:"),
    Halaman("profil_desa", ":material/home_work:"),
    Halaman("rapat_kecamatan", ":material/groups:"),
    Halaman("rujukan", ":material/swap_horiz:"),
    Halaman("program", ":material/volunteer_activism:"),
    Halaman("target", ":material/trending_down:"),
    Halaman("kualitas", ":material/fact_check:"),
    Halaman("unggah", ":material/upload_file:", perlu_gudang=False),
)


def halaman_tersedia(ada_gudang: bool) -> list[Halaman]:
    """The pages whose file exists, in menu order; without a warehouse only those that work without one."""
    return [h for h in DAFTAR_HALAMAN if h.berkas.is_file() and (ada_gudang or not h.perlu_gudang)]
