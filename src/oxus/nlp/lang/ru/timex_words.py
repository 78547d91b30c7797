"""The Russian time lexicon (``lang/ru/patterns/timex.yaml``) compiled into regex pieces.

The lexicon is written in lemmas; Russian time expressions inflect every word ("в марте
прошлого года", "в прошлом году", "10 мая"), so each piece here is an alternation of all
the forms of its lemmas, with a map from each form back to what it means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from oxus.nlp.lang.ru.morphology import all_forms, forms_of
from oxus.nlp.lexicon import load_lexicon

YEAR = r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d]|,\d)"
DAY = r"(?<![\d.,])(?:[12]\d|3[01]|0?[1-9])(?![\d.,]\d)"


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first, of words taken literally."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _by_form(mapping: dict[str, object]) -> dict[str, object]:
    """Each form of each lemma key -> the key's value."""
    out: dict[str, object] = {}
    for lemma, value in mapping.items():
        for form in forms_of(str(lemma)):
            out.setdefault(form, value)
    return out


@dataclass(frozen=True)
class RussianTimeWords:
    """Form -> meaning maps and the regex alternations built from them."""

    months: dict[str, int]
    """Every form of every month name, and each abbreviation."""
    abbreviations: frozenset[str]
    weekdays: dict[str, int]
    relative: dict[str, int]
    units: dict[str, str]
    deictic: dict[str, int]
    year_words: frozenset[str]
    parts: frozenset[str]
    since_words: frozenset[str]
    until_words: frozenset[str]
    ago_words: frozenset[str]
    not_year_before: frozenset[str]
    anchor_sentences: int

    @property
    def month_re(self) -> str:
        """A month in any case, or its abbreviation with an optional full stop."""
        names = alternation(set(self.months) - self.abbreviations)
        return rf"(?:(?:{names})\b|(?:{alternation(self.abbreviations)})\b\.?)"

    @property
    def year_word_re(self) -> str:
        """ "года", "году", ... or "г." / "гг." (only an abbreviation takes the stop)."""
        return rf"(?:гг?\b\.?|(?:{alternation(self.year_words)})\b)"

    @property
    def relative_re(self) -> str:
        return rf"(?:{alternation(self.relative)})\b"

    @property
    def part_re(self) -> str:
        return rf"(?:{alternation(self.parts)})\b"

    @property
    def unit_re(self) -> str:
        return rf"(?:{alternation(self.units)})\b"

    @property
    def weekday_re(self) -> str:
        return rf"(?:{alternation(self.weekdays)})\b"

    @property
    def deictic_re(self) -> str:
        return rf"(?:{alternation(self.deictic)})\b"


@cache
def time_words() -> RussianTimeWords:
    lex = load_lexicon("timex", "ru")
    months: dict[str, int] = {}
    for number, words in lex["months"].items():
        for word in words:
            for form in forms_of(word):
                months.setdefault(form, int(number))
    abbreviations = {
        str(w): int(n) for n, words in lex["month_abbreviations"].items() for w in words
    }
    return RussianTimeWords(
        months={**months, **abbreviations},
        abbreviations=frozenset(abbreviations),
        weekdays={
            form: index for index, word in enumerate(lex["weekdays"]) for form in forms_of(word)
        },
        relative={k: int(str(v)) for k, v in _by_form(lex["relative"]).items()},
        units={k: str(v) for k, v in _by_form(lex["units"]).items()},
        deictic={str(k): int(v) for k, v in lex["deictic_days"].items()},
        year_words=frozenset(f for w in lex["year_words"] for f in forms_of(w)) - {"г", "гг"},
        parts=all_forms(lex["parts"]),
        since_words=frozenset(lex["since_words"]),
        until_words=frozenset(lex["until_words"]),
        ago_words=frozenset(lex["ago_words"]),
        not_year_before=frozenset(f for w in lex["not_year_before"] for f in forms_of(w)),
        anchor_sentences=int(lex.get("anchor_sentences", 3)),
    )
