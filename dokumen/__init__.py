"""Downloadable documents: the briefing pack (`bahan_rapat`: PDF and PPTX) and the kecamatan meeting agenda
(`agenda_rapat`: PDF and XLSX).

Each builder is a pure function from a document model (`model`: header, key numbers, tables of typed values,
PNG charts) to bytes, so it can be tested without Streamlit and used by the app and by a command alike. It imports
neither the app nor the batch pipeline: numbers are written with `bahasa.format`, exactly as the screen writes them,
and every label comes translated from the caller. Charts are turned into PNG by `gambar` (plotly + kaleido,
Chromium), only when a document is asked for.
"""
