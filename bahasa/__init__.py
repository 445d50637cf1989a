"""The two languages of Pantau (Bahasa Indonesia, the default, and English) and how numbers, dates and months are
written in them (`bahasa.format`). Shared by the app, the documents and the command line."""

from __future__ import annotations

from typing import Literal

Bahasa = Literal["id", "en"]
BAHASA: tuple[Bahasa, ...] = ("id", "en")
