"""Tests of `dokumen`: the downloadable documents (PDF, PPTX, XLSX) say what the screen says."""
