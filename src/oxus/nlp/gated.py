"""Regexes that skip texts lacking a word every match must contain.

Python's regex engine tries a pattern at every position of the text; for a pattern
that can only match around a rare word ("ago", "dozens", "between"), checking that
the lowercased text contains one of those words first is far cheaper than the scan.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple


class GatedPattern(NamedTuple):
    """A compiled regex and the words (lowercase) one of which any match contains."""

    regex: re.Pattern[str]
    needs: tuple[str, ...] = ()

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``; nothing when ``lowered`` (``text.lower()``) lacks
        every needed word."""
        if self.needs and not any(word in lowered for word in self.needs):
            return iter(())
        return self.regex.finditer(text)


def gated(regex: re.Pattern[str], needs: list[str] | tuple[str, ...] = ()) -> GatedPattern:
    return GatedPattern(regex, tuple(sorted({word.lower() for word in needs})))
