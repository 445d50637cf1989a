"""The pages of the app, one file each in this folder (not `pages/`, which would trigger Streamlit's
legacy auto-discovery). `DAFTAR_HALAMAN` lists every planned page in menu order; the frame shows
those whose file exists, so a new page is added by writing its file (and, if new, a line here)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from akses import Pengguna, boleh

FOLDER_HALAMAN = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Halaman:
    """One page: its file name (without `.py`), menu icon, whether it needs a built warehouse, the right it needs
    (`akses.HAK`), the scope levels of the users it is for, and whether it reads the filter bar (wilayah and
    period): a page that does not (Unggah data, Log audit) is shown without the bar."""

    nama: str
    ikon: str
    perlu_gudang: bool = True
    hak: str = "baca"
    untuk_tingkat: tuple[str, ...] = ("kabupaten", "kecamatan", "desa")
    pakai_filter: bool = True

    def boleh_dibuka(self, pengguna: Pengguna) -> bool:
        """True when `pengguna` may open this page (its role has the right, its scope the level)."""
        return boleh(pengguna, self.hak) and pengguna.tingkat in self.untuk_tingkat

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
    Halaman("peta", ":material/map:", untuk_tingkat=("kabupaten", "kecamatan")),
    Halaman("profil_desa", ":material/home_work:"),
    Halaman("rapat_kecamatan", ":material/groups:", untuk_tingkat=("kabupaten", "kecamatan")),
    Halaman("rujukan", ":material/swap_horiz:"),
    Halaman("program", ":material/volunteer_activism:"),
    Halaman("target", ":material/trending_down:"),
    Halaman("kualitas", ":material/fact_check:", hak="kualitas"),
    Halaman("unggah", ":material/upload_file:", perlu_gudang=False, hak="unggah", pakai_filter=False),
    Halaman("audit", ":material/history:", perlu_gudang=False, hak="audit", pakai_filter=False),
)
HALAMAN_PER_NAMA: dict[str, Halaman] = {h.nama: h for h in DAFTAR_HALAMAN}


def halaman_tersedia(ada_gudang: bool, pengguna: Pengguna) -> list[Halaman]:
    """The pages `pengguna` may open whose file exists, in menu order; without a warehouse only those that work
    without one. A page left out is not routed at all: typing its URL opens the first page instead."""
    return [h for h in DAFTAR_HALAMAN
            if h.berkas.is_file() and (ada_gudang or not h.perlu_gudang) and h.boleh_dibuka(pengguna)]


def boleh_membuka(nama: str, pengguna: Pengguna, ada_gudang: bool = True) -> bool:
    """True when the page `nama` is routed for `pengguna` (see `halaman_tersedia`): a link to it may be drawn."""
    return any(h.nama == nama for h in halaman_tersedia(ada_gudang, pengguna))
