"""Tests of `dokumen`: the downloadable documents (PDF, PPTX, XLSX) say what the screen says."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.fixtures import AKAR

ARTEFAK = AKAR / "tests" / "artefak"


def teks_pdf(pdf: bytes, tmp_path: Path, nama: str) -> str:
    """The PDF's text (`pdftotext -raw`, one table row a line); every page kept as PNG in tests/artefak/."""
    berkas = tmp_path / f"{nama}.pdf"
    berkas.write_bytes(pdf)
    ARTEFAK.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "70", "-png", str(berkas), str(ARTEFAK / f"{nama}_hal")], check=True,
                   timeout=120)
    return subprocess.run(["pdftotext", "-raw", str(berkas), "-"], check=True, capture_output=True, text=True,
                          timeout=60).stdout
