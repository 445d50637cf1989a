"""How the screen is laid out: the ordinary desk layout, the phone layout, or the projector's presentation mode.

- `presentasi` (`?tampilan=presentasi`, or the Presentasi link in the header of the pages a meeting projects:
  Ringkasan, Peta, Rapat kecamatan, Rujukan and Target kemiskinan, `HALAMAN_PRESENTASI`): for a meeting-room
  projector (1920x1080). No menu, no filter boxes, no buttons, pop-ups or downloads: the selection of the session
  (or of the link) is shown as it is, the numbers are larger, charts higher with 18-px text, tables in large type,
  and the map takes the whole height of the screen with the kecamatan names and the desa names that fit written on
  it. A link at the top leaves the mode (in the same session, so no new log-in). The access gate is the same.
- `ponsel` (a phone's browser, whose User-Agent says `Mobi`, or `?tampilan=ponsel`): the numbers first; the
  filters, the language and the account behind one expander under the title; charts with their legend below the
  plot; tables as cards. A narrow window that is not known to be a phone (a desktop browser narrowed to 390 px, a
  tablet whose User-Agent has no `Mobi`) gets the desk layout reflowed by CSS media queries instead
  (`komponen.gaya`, below 640 px): columns stacked, the filter boxes two by two, smaller KPI numbers, charts as wide
  as the screen.
- `biasa`: everything else (laptop, desktop).

The mode is decided per run from the URL and the request headers; nothing is stored.
"""

from __future__ import annotations

from typing import Literal

import streamlit as st

Mode = Literal["biasa", "ponsel", "presentasi"]
PARAM = "tampilan"
"""The URL parameter that chooses a mode."""
HALAMAN_PRESENTASI: tuple[str, ...] = ("ringkasan", "peta", "rapat_kecamatan", "rujukan", "target")
"""Pages drawn for the projector (others keep their own choices)."""


def mode_dari(nilai_url: str | None, agen: str | None) -> Mode:
    """The mode for a URL parameter value and a User-Agent header (pure, for tests)."""
    nilai = (nilai_url or "").strip().lower()
    if nilai in ("presentasi", "ponsel", "biasa"):
        return nilai  # type: ignore[return-value]
    return "ponsel" if "Mobi" in (agen or "") else "biasa"


def mode_tampilan() -> Mode:
    """The mode of this run (see the module docstring)."""
    try:
        agen = st.context.headers.get("User-Agent")
    except Exception:  # no request (AppTest, bare mode): the URL alone decides
        agen = None
    return mode_dari(st.query_params.get(PARAM), agen)


def presentasi() -> bool:
    """True in the projector's presentation mode."""
    return mode_tampilan() == "presentasi"


def ponsel() -> bool:
    """True in the phone layout."""
    return mode_tampilan() == "ponsel"


def params_tanpa_mode() -> dict[str, str]:
    """The URL parameters of this run without `tampilan` (for the links that enter and leave a mode)."""
    return {k: v for k, v in st.query_params.to_dict().items() if k != PARAM}
