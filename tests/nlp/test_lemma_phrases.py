"""Lexicon phrases written as lemma sequences, found by token lemmas."""

from __future__ import annotations

from oxus.nlp.lemma_phrases import LemmaPhrases, lemma_phrase_set


def test_phrases_are_found_by_lemmas_the_longest_first() -> None:
    phrases = LemmaPhrases([("по данные", "source"), ("по данные источник", "long")])
    lemmas = ["по", "данные", "источник", ",", "x"]
    assert phrases.find(lemmas, 0, len(lemmas)) == [(0, 3, "long"), (0, 2, "source")]


def test_whitespace_tokens_are_skipped_and_bounds_respected() -> None:
    phrases = lemma_phrase_set(["взять на себя ответственность"])
    lemmas = ["он", "взять", "\n", "на", "себя", "ответственность"]
    assert phrases.find(lemmas, 0, len(lemmas)) == [(1, 6, "взять на себя ответственность")]
    assert phrases.find(lemmas, 0, 5) == []
    assert not lemma_phrase_set([])


def test_yo_is_read_as_ye() -> None:
    phrases = lemma_phrase_set(["её лидер"])
    assert phrases.find(["ее", "лидер"], 0, 2) == [(0, 2, "её лидер")]
