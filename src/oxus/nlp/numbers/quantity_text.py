"""Numbers with their qualifiers, found in plain text: "less than 700", "25 to 150", "dozens".

This is the text-level half of quantity extraction (no spaCy): it knows how reporters
write a size and what each wording means as a (low, high, qualifier) triple, following
the facts format's table. :mod:`oxus.nlp.numbers.quantities` adds the token-level judgement
(is this a year, an age, a phone number?) and the counted noun.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from oxus.model import Qualifier
from oxus.nlp.gated import GatedPattern, gated
from oxus.nlp.numbers.parse import first_letters, load_lexicon, number_regex, parse_number


@dataclass(frozen=True)
class Quantity:
    """A qualified number: its bounds, how it is qualified, and what it counts.

    ``low``/``high`` follow the facts format (``at_least`` has no high, ``at_most`` no
    low, ``change`` is a signed percentage). ``unit`` is the counted noun next to it
    (``fighters``), when there is one.
    """

    low: float | None
    high: float | None
    qualifier: Qualifier
    unit: str | None = None
    percent: bool = False
    money: bool = False

    @property
    def value(self) -> float | None:
        """One representative number (the high end when only that is known)."""
        return self.low if self.low is not None else self.high


@dataclass(frozen=True)
class TextQuantity:
    """A quantity found in text, with its character offsets (qualifier words included)."""

    start: int
    end: int
    quantity: Quantity


def _alt(words: list[str]) -> str:
    ordered = sorted({str(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


def _guarded_alt(words: list[str]) -> str:
    """``_alt`` behind a lookahead on the words' first letters (see ``first_letters``)."""
    return rf"(?={first_letters(words)})(?:{_alt(words)})"


@cache
def _qualifier_of() -> dict[str, Qualifier]:
    lex = load_lexicon("quantities")["qualifiers"]
    return {phrase.lower(): Qualifier(key) for key, phrases in lex.items() for phrase in phrases}


@cache
def _patterns() -> list[tuple[str, GatedPattern]]:
    lex = load_lexicon("quantities")
    numbers = load_lexicon("numbers")
    num = number_regex()
    qual = rf"(?:\b(?P<q>{_guarded_alt(list(_qualifier_of()))})\s+)?"
    money = rf"(?P<cur>(?:{_alt(lex['currency_symbols'])})\s*)?"
    seps = _alt(lex["range_separators"])
    joiners = _alt(lex["range_joiners"])
    openers = _alt(lex["range_openers"])
    vague = _guarded_alt(list(numbers["vague"]))
    dets = _guarded_alt(numbers["vague_determiners"])
    scales = _alt([w for w in numbers["nouns"]])
    flags = re.IGNORECASE
    # Every pattern starts where no word character precedes: that skips numbers glued
    # to words (footnote markers, codes, URLs) and lets the engine skip most positions.
    start = r"(?<!\w)"
    return [
        (
            "range",
            gated(
                re.compile(
                    rf"{start}{qual}\b(?:{openers})\s+{money}(?P<a>{num})\s+(?:{joiners})\s+(?P<b>{num})",
                    flags,
                ),
                lex["range_openers"],
            ),
        ),
        (
            "range",
            gated(
                re.compile(rf"{start}{qual}{money}(?P<a>{num})\s*(?:{seps})\s*(?P<b>{num})", flags)
            ),
        ),
        (
            "vague",
            gated(
                re.compile(rf"{start}{qual}(?:\b(?:{dets})\s+)?\b(?P<v>{vague})\b", flags),
                list(numbers["vague"]),
            ),
        ),
        (
            "vague",
            gated(
                re.compile(rf"{start}{qual}\b(?:{dets})\s+(?P<s>{scales})\b", flags),
                list(numbers["nouns"]),
            ),
        ),
        ("single", gated(re.compile(rf"{start}{qual}{money}(?P<a>{num})", flags))),
    ]


def _range_values(a_text: str, b_text: str) -> tuple[float | None, float | None]:
    low, high = parse_number(a_text), parse_number(b_text)
    scales = load_lexicon("numbers")["scales"]
    b_words = b_text.lower().split()
    shared_scale = len(b_words) > 1 and b_words[-1] in scales
    if low is not None and shared_scale and not re.search(r"[a-z]", a_text.lower()) and low < 1000:
        low *= scales[b_words[-1]]
    return low, high


def _vague_bounds(match: re.Match[str]) -> tuple[float, float]:
    numbers = load_lexicon("numbers")
    if match.groupdict().get("v") is not None:
        low, high = numbers["vague"][re.sub(r"\s+", " ", match.group("v").lower())]
    else:
        plural = match.group("s").lower() + "s"
        low, high = numbers["vague"].get(plural, (None, None))
    return float(low), float(high)


@cache
def _suffix_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon("quantities")
    percent = re.compile(rf"\s*(?:{_alt(lex['percent_words'])})(?![a-z])", re.I)
    money = re.compile(rf"\s+(?:{_alt(lex['currency_words'])})\b", re.I)
    return percent, money


def _suffix(text: str, end: int) -> tuple[int, bool, bool]:
    """Extend past a percent sign or currency word; say which it was."""
    percent_pattern, money_pattern = _suffix_patterns()
    percent = percent_pattern.match(text, end)
    if percent:
        return percent.end(), True, False
    return end, False, bool(money_pattern.match(text, end))


def _build(kind: str, match: re.Match[str], text: str) -> TextQuantity | None:
    qualifier = _qualifier_of().get((match.group("q") or "").lower(), Qualifier.EXACT)
    end, percent, money = _suffix(text, match.end())
    money = money or bool(match.groupdict().get("cur"))
    low: float | None
    high: float | None
    if kind == "vague":
        low, high = _vague_bounds(match)
        if qualifier == Qualifier.AT_LEAST:
            quantity = Quantity(low, None, qualifier)
        elif qualifier == Qualifier.AT_MOST:
            quantity = Quantity(None, high, qualifier)
        else:
            quantity = Quantity(low, high, Qualifier.VAGUE)
    elif kind == "range":
        low, high = _range_values(match.group("a"), match.group("b"))
        if low is None or high is None or low >= high:
            return None
        quantity = Quantity(low, high, Qualifier.RANGE, percent=percent, money=money)
    else:
        value = parse_number(match.group("a"))
        if value is None:
            return None
        low = None if qualifier == Qualifier.AT_MOST else value
        high = None if qualifier == Qualifier.AT_LEAST else value
        quantity = Quantity(low, high, qualifier, percent=percent, money=money)
    if kind == "vague":
        quantity = Quantity(quantity.low, quantity.high, quantity.qualifier, money=money)
    return TextQuantity(match.start(), end, quantity)


def match_quantities(text: str) -> list[TextQuantity]:
    """Every qualified number in text, non-overlapping, ranges before single numbers."""
    found: list[TextQuantity] = []
    taken: list[tuple[int, int]] = []
    lowered = text.lower()
    for kind, pattern in _patterns():
        for match in pattern.finditer(text, lowered):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            built = _build(kind, match, text)
            if built is not None:
                found.append(built)
                taken.append((built.start, built.end))
    return sorted(found, key=lambda q: q.start)
