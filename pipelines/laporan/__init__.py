"""Downloadable documents: the briefing pack (`bahan_rapat`: PDF and PPTX) and the kecamatan meeting agenda
(`agenda_rapat`: PDF and XLSX).

Each builder is a pure function from a document model (`dokumen`: header, key numbers, tables of typed values,
PNG charts) to bytes, so it can be tested without Streamlit and reused by a command. The dashboard assembles
the model from the same DataFrames and formatting it shows on screen, so a document says what the screen says.
Charts are turned into PNG by `gambar` (plotly + kaleido, Chromium), only when a document is asked for.
"""
