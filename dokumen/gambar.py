"""Plotly figures to PNG for the documents, with kaleido (which drives the machine's Chromium).

Starting Chromium costs about 2-4 s, so a batch of figures shares one kaleido server (`recipes.md`, Static chart
images): about 0.3 s per further figure. A lock keeps two sessions of the app from starting or stopping the
shared server under each other. Call it only when a document is asked for, never on a page run.
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Sequence

import plotly.graph_objects as go

_KUNCI = threading.Lock()


class GambarGagal(RuntimeError):
    """A chart could not be rendered to PNG; the message is in Indonesian."""


def png(figur: Sequence[go.Figure], lebar: int = 900, tinggi: int = 360, skala: float = 2) -> list[bytes]:
    """Each figure as PNG bytes, `lebar` x `tinggi` CSS pixels at `skala` (2 = sharp on paper and projector)."""
    if not figur:
        return []
    import kaleido

    with _KUNCI, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # kaleido/plotly warn that options are ignored when a server runs
        server = len(figur) > 1
        try:
            if server:
                kaleido.start_sync_server(silence_warnings=True)
            try:
                return [f.to_image(format="png", width=lebar, height=tinggi, scale=skala) for f in figur]
            finally:
                if server:
                    kaleido.stop_sync_server(silence_warnings=True)
        except Exception as e:  # kaleido raises its own and choreographer's errors (no browser, timeout)
            raise GambarGagal(
                "Grafik tidak dapat diubah menjadi gambar untuk dokumen (kaleido/Chromium gagal: "
                f"{type(e).__name__}). Pastikan Chromium terpasang (apt-get install chromium), lalu coba lagi."
            ) from e
