"""Folding of names for comparison: case, accents, quotes and punctuation.

This is the normalisation of the facts format's matching rule (case-folded,
accent-stripped, punctuation-free), shared by the store's alias index and the scorer.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "“": '"', "”": '"'})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case-fold, strip accents and punctuation, collapse spaces.

    ``Jama'at al-Tawhid`` becomes ``jamaat al tawhid``. Cached: the same names are
    folded for every document that mentions them.
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = text.replace("'", "")
    return " ".join(_NON_WORD.sub(" ", text).split())
