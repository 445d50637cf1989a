"""The app's look: the quiet palette, the few CSS rules that make KPIs readable on a projector, and the media
query that reflows the desk layout in a window narrower than 640 px.

One accent colour for "needs attention", one for "good", neutral greys otherwise
(`screens.md`, Look). The two accents are Okabe-Ito blue and a vermillion-orange darkened
for text contrast; they stay distinct for the common forms of colour blindness. The same
colours are the theme in `dashboard/.streamlit/config.toml`.
"""

from __future__ import annotations

import streamlit as st

WARNA_PERHATIAN = "#C2410C"
"""Needs attention (dark vermillion-orange; the theme's `orangeColor`)."""
WARNA_BAIK = "#0072B2"
"""Good (Okabe-Ito blue; the theme's `primaryColor` and `blueColor`)."""
ABU_TUA = "#374151"
ABU = "#6B7280"
ABU_MUDA = "#D1D5DB"

_CSS = """
<style>
/* Less empty space above the filter bar: the laptop screen is 768 px high. */
.block-container { padding-top: 3.2rem; padding-bottom: 1.5rem; }
/* KPI numbers large enough to read from the back of a meeting room. */
[data-testid="stMetricValue"] { font-size: 2.6rem; font-weight: 700; line-height: 1.15; }
[data-testid="stMetricLabel"] p { font-size: 1.05rem; font-weight: 600; }
[data-testid="stMetricDelta"] { font-size: 1rem; }
/* Wrap long values and comparisons instead of cutting them to "belum mat...". */
[data-testid="stMetricValue"], [data-testid="stMetricValue"] *,
[data-testid="stMetricDeltaDescription"], [data-testid="stMetricDeltaDescription"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
/* A tile whose value is a state in words ("belum matang") is drawn smaller and grey. */
[class*="st-key-kpi_"][class*="_redup"] [data-testid="stMetricValue"] { font-size: 1.7rem; color: #6B7280; }
/* A narrow window that is not known to be a phone (a desktop browser narrowed to 390 px, a tablet whose
   User-Agent has no "Mobi"): Streamlit already stacks columns below 640 px; this puts the numbers on the first
   screen and keeps everything within the width. */
@media (max-width: 640px) {
  .block-container { padding: 3.4rem 0.75rem 1rem 0.75rem; }
  .block-container h4 { font-size: 1.2rem; padding: 0.25rem 0; }
  .block-container h5 { font-size: 1.05rem; }
  [data-testid="stMetricValue"] { font-size: 2rem; }
  [data-testid="stMetricLabel"] p { font-size: 0.95rem; }
  [class*="st-key-kpi_"][class*="_redup"] [data-testid="stMetricValue"] { font-size: 1.4rem; }
  /* the language switch and the account on one line, beside each other */
  .st-key-baris_kepala [data-testid="stHorizontalBlock"] {
    flex-direction: row !important; flex-wrap: wrap !important; row-gap: 0.5rem; align-items: flex-start; }
  .st-key-baris_kepala [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] > * { justify-content: flex-start; }
  .st-key-baris_kepala [data-testid="stHorizontalBlock"] > [data-testid="stColumn"] {
    flex: 1 1 100% !important; width: 100% !important; min-width: 100% !important; }
  .st-key-baris_kepala [data-testid="stHorizontalBlock"] > [data-testid="stColumn"]:nth-child(n+3) {
    flex: 0 1 auto !important; width: auto !important; min-width: 0 !important; }
  /* the filter boxes two by two instead of four full-width rows */
  .st-key-bilah_filter [data-testid="stHorizontalBlock"] { flex-wrap: wrap; row-gap: 0.4rem; }
  .st-key-bilah_filter [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.5rem) !important; width: calc(50% - 0.5rem) !important;
    min-width: calc(50% - 0.5rem) !important; }
  .st-key-bilah_filter label p { font-size: 0.8rem; }
  /* nobody projects from a phone */
  .st-key-tautan_presentasi { display: none; }
  /* a chart's title in one line of the phone's width (plotly does not wrap titles) */
  .js-plotly-plot .gtitle { font-size: 13px !important; }
  /* charts, maps and grids never wider than the screen */
  [data-testid="stPlotlyChart"], .js-plotly-plot, [data-testid="stDataFrame"] { max-width: 100%; }
}
</style>
"""


_CSS_PRESENTASI = """
<style>
/* Projector: no Streamlit toolbar, the whole width and height for the numbers and the map. */
header[data-testid="stHeader"] { display: none; }
.block-container { padding: 1rem 2.5rem 0.5rem 2.5rem; max-width: none; }
[data-testid="stMetricValue"] { font-size: 4.2rem; }
[data-testid="stMetricLabel"] p { font-size: 1.45rem; }
[data-testid="stMetricDelta"] { font-size: 1.3rem; }
[data-testid="stCaptionContainer"] { font-size: 1.05rem; }
[class*="st-key-kpi_"][class*="_redup"] [data-testid="stMetricValue"] { font-size: 2.4rem; }
.block-container h5 { font-size: 1.7rem; }
[data-testid="stTable"] td, [data-testid="stTable"] th { font-size: 1.15rem; }
/* section and table titles, notes in running text */
.block-container [data-testid="stMarkdownContainer"] p { font-size: 1.25rem; }
/* ... but not the KPI tiles' own text, whose value and label are Markdown too */
.block-container [data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p { font-size: inherit; }
.block-container [data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p { font-size: 1.45rem; }
</style>
"""

_CSS_PONSEL = """
<style>
/* Phone: narrow margins, a smaller title, the numbers as high on the screen as they can be. */
.block-container { padding: 3.6rem 0.75rem 1rem 0.75rem; }
.block-container h4 { font-size: 1.2rem; padding: 0.25rem 0; }
.block-container h5 { font-size: 1.05rem; }
[data-testid="stMetricValue"] { font-size: 2.3rem; }
</style>
"""


def terapkan_gaya(mode: str = "biasa") -> None:
    """Add the app's CSS to the page, and the rules of the phone or presentation layout (`dashboard.tampilan`);
    call once per run, from the frame."""
    st.html(_CSS + (_CSS_PRESENTASI if mode == "presentasi" else _CSS_PONSEL if mode == "ponsel" else ""))
