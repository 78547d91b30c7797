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
        if plain(parse.normal_form) != word:
            continue
        out.update(plain(form.word) for form in parse.lexeme)
    return frozenset(out)


def all_forms(phrases: Iterable[str]) -> frozenset[str]:
    """Each phrase in every form of its last word ("полевой командир" -> "полевой
    командира", ...); one-word phrases in every form."""
    out: set[str] = set()
    for phrase in phrases:
        words = plain(phrase).split()
        if not words:
            continue
        head = " ".join(words[:-1])
        for form in forms_of(words[-1]):
            out.add(f"{head} {form}" if head else form)
    return frozenset(out)
