"""Russian numbers in digits or words, in any case ("трех", "трёхсот", "1,5 тыс.", "6 500").

Russian writes a decimal comma ("1,5") and groups thousands with a space ("6 500");
number words inflect ("три", "трех", "тремя"), so the word lists of
``lang/ru/patterns/numbers.yaml`` (lemmas) are read with every form of each word. This is
the Russian counterpart of :mod:`oxus.nlp.numbers.parse`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from oxus.nlp.lang.ru.morphology import forms_of, plain, plural_forms, singular_forms
from oxus.nlp.lexicon import load_lexicon

DIGITS = r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]\d)|\d+(?:,\d+)?(?![\d])"
"""A number in digits: thousands grouped by spaces, or plain with a decimal comma."""


@dataclass(frozen=True)
class NumberWords:
    """Every form of every number word, with its worth."""

    values: dict[str, float]
    """Units, tens and hundreds."""
    scales: dict[str, float]
    nouns: dict[str, float]
    """Singular forms of the nouns that stand for a number ("сотня", "десятка")."""
    vague: dict[str, tuple[float, float]]
    vague_determiners: frozenset[str]

    def word_re(self) -> str:
        words = sorted({*self.values, *self.scales}, key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)

    def value_re(self) -> str:
        words = sorted(self.values, key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)

    def scale_re(self) -> str:
        words = sorted(self.scales, key=len, reverse=True)
        return "|".join(re.escape(w) for w in words)


def _forms(mapping: dict[str, float]) -> dict[str, float]:
    out: dict[str, float] = {}
    for lemma, value in mapping.items():
        for form in forms_of(lemma):
            out.setdefault(form, float(value))
    return out


@cache
def number_words() -> NumberWords:
    lex = load_lexicon("numbers", "ru")
    values = _forms({**lex["units"], **lex["tens"], **lex["hundreds"]})
    scales = _forms(lex["scales"])
    vague: dict[str, tuple[float, float]] = {}
    for phrase, bounds in lex["vague"].items():
        first, *rest = plain(phrase).split()
        for form in plural_forms(first):  # "сотен", "десятков тысяч", "тысячами"
            if form in lex["nouns"] or len(form) < 4:
                continue  # "десяток" is ten, not tens
            vague[" ".join([form, *rest])] = (float(bounds[0]), float(bounds[1]))
    return NumberWords(
        values=values,
        scales=scales,
        nouns={
            form: float(value)
            for lemma, value in lex["nouns"].items()
            for form in singular_forms(lemma)
        },
        vague=vague,
        vague_determiners=frozenset(plain(w) for w in lex["vague_determiners"]),
    )


@cache
def number_regex() -> str:
    """A regex (no groups) for one number in digits (with a scale word) or in words."""
    words = number_words()
    word = rf"(?:{words.word_re()})"
    return (
        rf"(?:(?:{DIGITS})(?:\s*(?:{words.scale_re()})\b\.?)?"
        rf"|\b(?:{words.value_re()})(?:\s+{word})*\b\.?)"
    )


def _word_value(text: str) -> float | None:
    words = number_words()
    total = 0.0
    current = 0.0
    seen = False
    for part in plain(text).replace(".", " ").split():
        if part in words.values:
            current += words.values[part]
        elif part in words.scales:
            total += (current or 1) * words.scales[part]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def parse_number(text: str) -> float | None:
    """The value of one number as written ("6 500" -> 6500, "1,5 тыс." -> 1500,
    "трехсот" -> 300); None for anything that is not a number."""
    clean = plain(text.strip()).replace("\u00a0", " ").replace("\u202f", " ")
    if not clean:
        return None
    match = re.fullmatch(rf"({DIGITS})\s*(.*)", clean)
    if match:
        value = float(re.sub(r"\s", "", match.group(1)).replace(",", "."))
        rest = match.group(2).strip(" .")
        if not rest:
            return value
        scale = number_words().scales.get(rest)
        return value * scale if scale is not None else None
    return _word_value(clean)
