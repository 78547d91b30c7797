"""Numbers written in digits or words ("6,500", "1.5 million", "twenty-one", "a dozen").

Quantities, dates and estimates all need to read numbers the way reporters write them;
this module is the one place that knows how, from the word lists in
``patterns/numbers.yaml``.
"""

from __future__ import annotations

import re
from functools import cache

from oxus.nlp.lexicon import load_lexicon

__all__ = ["as_int", "first_letters", "load_lexicon", "number_regex", "parse_number"]


def _alternation(words: list[str]) -> str:
    """A regex alternation, longest first so "nineteen" wins over "nine"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def first_letters(words: list[str]) -> str:
    """A class of the words' first letters: as a leading lookahead it lets the regex
    engine skip positions where no alternative can start, without changing any match."""
    return "[" + re.escape("".join(sorted({str(w)[0].lower() for w in words if str(w)}))) + "]"


@cache
def number_regex() -> str:
    """A regex (no groups) matching one number in digits or words, with a scale word."""
    lex = load_lexicon("numbers")
    units = _alternation(list(lex["units"]))
    tens = _alternation(list(lex["tens"]))
    scales = _alternation(list(lex["scales"]))
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
    firsts = first_letters([*lex["tens"], *lex["units"]])
    word = rf"(?={firsts})(?:(?:{tens})(?:[- ](?:{units}))?|(?:{units}))"
    word_number = rf"{word}(?:\s+hundred(?:\s+(?:and\s+)?{word})?)?"
    nouns = _alternation(list(lex["nouns"]))
    return (
        rf"(?:(?:{digits})(?:\s*(?:{scales})\b)?"
        rf"|\b(?:{word_number})(?:\s+(?:{scales}))?\b"
        rf"|\ba\s+(?:{nouns})\b)"
    )


def _word_value(text: str) -> float | None:
    lex = load_lexicon("numbers")
    total = 0.0
    current = 0.0
    seen = False
    for part in re.split(r"[\s-]+", text.lower()):
        if part in ("", "and", "a", "an"):
            continue
        if part in lex["units"]:
            current += lex["units"][part]
        elif part in lex["tens"]:
            current += lex["tens"][part]
        elif part in lex["scales"] or part in lex["nouns"]:
            scale = lex["scales"].get(part) or lex["nouns"][part]
            current = (current or 1) * scale
            if scale >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """The value of one number as written ("6,500" -> 6500, "1.3 thousand" -> 1300).

    Returns None for anything that is not a number.
    """
    clean = text.strip().lower().replace("\u00a0", " ")
    if not clean:
        return None
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(.*)", clean)
    if match:
        value = float(match.group(1).replace(",", ""))
        rest = match.group(2).strip()
        if not rest:
            return value
        scale = _word_value(rest)
        return value * scale if scale is not None else None
    return _word_value(clean)


def as_int(value: float | None) -> float | int | None:
    """Whole numbers as int (so 6500.0 prints as 6500), others unchanged."""
    if value is not None and float(value).is_integer():
        return int(value)
    return value
