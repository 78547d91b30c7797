"""Russian word forms outside a sentence: the lemma of a lone word, and every form of one.

Inside a document natasha picks each token's lemma from its context. Two things have
no context: the names of the knowledge pack (matched through their lemmas, so
"Исламское движение Узбекистана" is found as "Исламского движения Узбекистана") and the
cue words of the lexicons, written as lemmas but compared by the entity components with
the words as written (so "провинция" must also be "провинции", "провинцию"...).
pymorphy2's dictionary answers both.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from oxus.nlp.lang.ru.models import russian_models


def plain(word: str) -> str:
    """Lower case, "ё" as "е": the spelling lemmas and lexicons are compared in."""
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=100_000)
def lemma_of(word: str) -> str:
    """The most likely lemma of a word seen alone (its own spelling when not Russian)."""
    if not any("\u0400" <= c <= "\u04ff" for c in word):
        return plain(word)
    parses = russian_models().vocab.parse(plain(word))
    return plain(parses[0].normal_form) if parses else plain(word)


@lru_cache(maxsize=20_000)
def forms_of(lemma: str) -> frozenset[str]:
    """Every form of the words whose lemma this is ("провинция" -> "провинции", ...)."""
    word = plain(lemma)
    out = {word}
    if not any("\u0400" <= c <= "\u04ff" for c in word):
        return frozenset(out)
    for parse in russian_models().vocab.parse(word):
        if not parse.is_known or plain(parse.normal_form) != word:
            continue  # a guess (an abbreviation, a foreign name) has no forms to add
        out.update(plain(form.word) for form in parse.lexeme)
    if len(out) == 1 and "-" in word:  # "телеграм-канал": the last part inflects
        head, _, tail = word.rpartition("-")
        out.update(f"{head}-{form}" for form in forms_of(tail))
    return frozenset(out)


@lru_cache(maxsize=2_000)
def singular_forms(lemma: str) -> frozenset[str]:
    """Every singular form of a noun ("тысяча" -> "тысячи", "тысячу", ...)."""
    out = {plain(lemma)}
    for parse in russian_models().vocab.parse(plain(lemma)):
        if parse.is_known and plain(parse.normal_form) == plain(lemma):
            out.update(plain(f.word) for f in parse.lexeme if "sing" in f.tag)
    return frozenset(out)


@lru_cache(maxsize=2_000)
def plural_forms(word: str) -> frozenset[str]:
    """Every plural form of a plural noun ("тысячи" -> "тысяч", "тысячами", ...)."""
    out = {plain(word)}
    for parse in russian_models().vocab.parse(plain(word)):
        if parse.is_known and "plur" in parse.tag:
            out.update(plain(f.word) for f in parse.lexeme if "plur" in f.tag)
    return frozenset(out)


def all_forms(phrases: Iterable[str]) -> frozenset[str]:
    """Each phrase with each of its words in any of its forms ("полевой командир" ->
    "полевого командира", ...; forms of different words are not made to agree)."""
    out: set[str] = set()
    for phrase in phrases:
        combos = [""]
        for word in plain(phrase).split():
            combos = [f"{c} {f}".strip() for c in combos for f in sorted(forms_of(word))]
        out.update(c for c in combos if c)
    return frozenset(out)
