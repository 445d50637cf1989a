"""Links from one page to another, drawn only when the logged-in user may open the target page.

A page the user's role or scope may not open is not routed at all (`dashboard.halaman.halaman_tersedia`), and
Streamlit refuses a link to a page it does not know; so every link between pages goes through `tautan_halaman`
(and `boleh_ke`, for a jump made with `st.switch_page`), which leaves it out for such a user.
"""

from __future__ import annotations

import streamlit as st

from dashboard.halaman import HALAMAN_PER_NAMA, boleh_membuka
from dashboard.sesi import pengguna_aktif


def boleh_ke(nama: str) -> bool:
    """True when the current user may open the page `nama` (a file of `dashboard/halaman`, without `.py`)."""
    return nama in HALAMAN_PER_NAMA and boleh_membuka(nama, pengguna_aktif())


def tautan_halaman(nama: str, label: str, ikon: str | None = None) -> bool:
    """Draw a link to the page `nama` when the current user may open it; returns whether it was drawn."""
    if not boleh_ke(nama):
        return False
    st.page_link(f"halaman/{nama}.py", label=label, icon=ikon)
    return True
