"""Language detection for the two languages the pipeline handles: English and Russian.

Reports in the region are written in English or in Russian (or another language in
Cyrillic script, which the Russian side handles best), so the share of Cyrillic letters
among all letters is enough to choose, and costs nothing compared to a statistical model.
"""

from __future__ import annotations

import re

_CYRILLIC = re.compile("[\u0400-\u04ff\u0500-\u052f]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_SAMPLE = 20_000


def detect_language(text: str, *, threshold: float = 0.5) -> str:
    """Return ``"ru"`` when at least ``threshold`` of the letters are Cyrillic, else ``"en"``."""
    return "ru" if cyrillic_share(text[:_SAMPLE]) >= threshold else "en"


def cyrillic_share(text: str) -> float:
    """The share of Cyrillic letters among Cyrillic and Latin letters (0 when there are none)."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    total = cyrillic + latin
    return cyrillic / total if total > 0 else 0.0
