"""Russian numbers with their qualifiers in plain text: "около трехсот", "более 20",
"от 25 до 150", "двух-трех", "десятки", "несколько сотен", "около тысячи".

The Russian counterpart of :mod:`oxus.nlp.numbers.quantity_text`, with the same
:class:`~oxus.nlp.numbers.quantity_text.Quantity` as result: each wording is read as a
(low, high, qualifier) triple following the facts format's table. Matching runs on the
text lower-cased with "ё" as "е" (same length, same offsets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from oxus.model import Qualifier
from oxus.nlp.lang.ru.morphology import all_forms, plain
from oxus.nlp.lang.ru.numbers import number_regex, number_words, parse_number
from oxus.nlp.lexicon import load_lexicon
from oxus.nlp.numbers.quantity_text import Quantity, TextQuantity


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def _qualifier_of() -> dict[str, Qualifier]:
    lex = load_lexicon("quantities", "ru")["qualifiers"]
    return {plain(p): Qualifier(key) for key, phrases in lex.items() for p in phrases}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    lex = load_lexicon("quantities", "ru")
    words = number_words()
    num = number_regex()
    start = r"(?<![\w.,])"
    qual = rf"(?:\b(?P<q>{_alt(_qualifier_of())})\s+)?"
    required_qual = rf"\b(?P<q>{_alt(_qualifier_of())})\s+"
    money = rf"(?P<cur>(?:{_alt(lex['currency_symbols'])})\s*)?"
    seps = _alt(lex["range_separators"])
    joiners = _alt(lex["range_joiners"])
    openers = _alt(lex["range_openers"])
    vague = _alt(words.vague)
    dets = _alt(words.vague_determiners)
    nouns = _alt(words.nouns)
    return [
        (
            "range",
            re.compile(
                rf"{start}{qual}\b(?:{openers})\s+{money}(?P<a>{num})\s+(?:{joiners})\s+(?P<b>{num})"
            ),
        ),
        ("range", re.compile(rf"{start}{qual}{money}(?P<a>{num})\s*(?:{seps})\s*(?P<b>{num})")),
        ("single", re.compile(rf"{start}{qual}{money}(?P<a>{num})")),
        ("noun", re.compile(rf"{start}{required_qual}(?P<s>{nouns})\b")),
        ("vague", re.compile(rf"{start}{qual}(?:\b(?:{dets})\s+)?\b(?P<v>{vague})\b")),
        ("noun", re.compile(rf"{start}(?P<s>{nouns})\b(?!\s+(?:{_alt(words.values)})\b)")),
    ]


@cache
def _suffixes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lex = load_lexicon("quantities", "ru")
    percent_words = all_forms([w for w in lex["percent_words"] if w != "%"])
    percent = re.compile(rf"\s*(?:%|(?:{_alt(percent_words)})\b)")
    money = re.compile(rf"\s+(?:{_alt(all_forms(lex['currency_words']))})\b\.?")
    return percent, money


def _suffix(text: str, end: int) -> tuple[int, bool, bool]:
    """Extend past a percent sign or word, or a currency word; say which it was."""
    percent, money = _suffixes()
    found = percent.match(text, end)
    if found:
        return found.end(), True, False
    return end, False, bool(money.match(text, end))


def _build(kind: str, match: re.Match[str], text: str) -> TextQuantity | None:
    qualifier = _qualifier_of().get(match.groupdict().get("q") or "", Qualifier.EXACT)
    end, percent, money = _suffix(text, match.end())
    money = money or bool(match.groupdict().get("cur"))
    low: float | None
    high: float | None
    if kind == "vague":
        low, high = number_words().vague[re.sub(r"\s+", " ", match.group("v"))]
        if qualifier == Qualifier.AT_LEAST:
            quantity = Quantity(low, None, qualifier, money=money)
        elif qualifier == Qualifier.AT_MOST:
            quantity = Quantity(None, high, qualifier, money=money)
        else:
            quantity = Quantity(low, high, Qualifier.VAGUE, money=money)
        return TextQuantity(match.start(), end, quantity)
    if kind == "range":
        low, high = _range_values(match.group("a"), match.group("b"))
        if low is None or high is None or low >= high:
            return None
        quantity = Quantity(low, high, Qualifier.RANGE, percent=percent, money=money)
        return TextQuantity(match.start(), end, quantity)
    if kind == "noun":
        value: float | None = number_words().nouns[match.group("s")]
    else:
        value = parse_number(match.group("a"))
    if value is None:
        return None
    low = None if qualifier == Qualifier.AT_MOST else value
    high = None if qualifier == Qualifier.AT_LEAST else value
    return TextQuantity(
        match.start(), end, Quantity(low, high, qualifier, percent=percent, money=money)
    )


def _range_values(a_text: str, b_text: str) -> tuple[float | None, float | None]:
    """Both ends; a scale written once applies to both ("2-3 тысячи", "двух-трех тысяч")."""
    low, high = parse_number(a_text), parse_number(b_text)
    scales = number_words().scales
    b_words = plain(b_text).replace(".", " ").split()
    shared = len(b_words) > 1 and b_words[-1] in scales
    if low is not None and shared and plain(a_text).split()[-1] not in scales:
        low *= scales[b_words[-1]]
    return low, high


def match_quantities(text: str) -> list[TextQuantity]:
    """Every qualified number in text, non-overlapping, ranges before single numbers."""
    lowered = plain(text)
    found: list[TextQuantity] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns():
        for match in pattern.finditer(lowered):
            if any(match.start() < e and s < match.end() for s, e in taken):
                continue
            built = _build(kind, match, lowered)
            if built is not None:
                found.append(built)
                taken.append((built.start, built.end))
    return sorted(found, key=lambda q: q.start)
