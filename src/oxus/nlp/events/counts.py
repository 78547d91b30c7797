"""Casualty and arrest counts of an event sentence ("killing 14", "two were wounded").

Uses ``oxus.nlp.numbers.quantities.casualty_counts`` when that module provides it; otherwise
a small fallback reads "<number> ... killed/wounded/arrested" within the sentence.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable

from spacy.tokens import Span

from oxus.nlp.numbers.parse import parse_number

COUNT_WORDS = {
    "killed": ("killed", "killing", "dead", "died", "deaths", "death", "lives", "fatalities"),
    "wounded": ("wounded", "wounding", "injured", "injuring", "injuries", "hurt"),
    "arrested": (
        "arrested",
        "detained",
        "arrests",
        "detentions",
        "rounded",
        "apprehended",
        "suspects",
        "detaining",
        "arresting",
    ),
    "participants": (
        "troops",
        "servicemen",
        "soldiers",
        "personnel",
        "participants",
        "military",
        "people",
        "volunteers",
    ),
}
_NUMBER = re.compile(
    r"(?:at least |more than |over |some |about |around |nearly |almost |up to )?"
    r"(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|"
    r"hundreds|thousands|a dozen|[a-z]+ty(?:-[a-z]+)?|[a-z]+ hundred|[a-z]+ thousand)\b",
    re.IGNORECASE,
)


def _fallback(span: Span) -> dict[str, int]:
    """Nearest count word within a few words after each number in the sentence."""
    text = span.text
    counts: dict[str, int] = {}
    for match in _NUMBER.finditer(text):
        value = parse_number(match.group(1))
        if value is None or value != int(value) or value <= 0 or 1900 <= value <= 2100:
            continue
        window = text[match.end() : match.end() + 45].lower()
        before = text[max(0, match.start() - 20) : match.start()].lower()
        for key, words in COUNT_WORDS.items():
            if key in counts:
                continue
            hit = re.search(r"\b(" + "|".join(words) + r")\b", window)
            if hit is None and key in ("killed", "wounded"):
                hit = re.search(r"\b(" + "|".join(words) + r")\s*$", before)
            if hit is not None:
                counts[key] = int(value)
                break
    return counts


def counts_getter() -> Callable[[Span], dict[str, int]]:
    """``casualty_counts`` from the quantities module when present, else the fallback."""
    try:
        module = importlib.import_module("oxus.nlp.numbers.quantities")
    except ImportError:
        return _fallback
    return getattr(module, "casualty_counts", _fallback)
