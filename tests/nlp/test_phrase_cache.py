"""The pack's phrase keys kept between runs: the tries are those built afresh."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from oxus.kb.derived import CACHE_ENV
from oxus.kb.matcher import matcher_for
from oxus.nlp.entities.name_tokens import name_tokens
from oxus.nlp.entities.phrase_cache import pack_phrases
from oxus.nlp.entities.phrases import PackPhrases, bare_names


def _tries(phrases: PackPhrases) -> tuple[object, object]:
    return phrases.loose._root, phrases.acronyms._root


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of the test's own."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    return tmp_path


def test_kept_keys_make_the_same_tries(nlp: Language, cache: Path) -> None:
    matcher = matcher_for(None)
    built = pack_phrases(nlp, matcher)
    assert len(list(cache.glob("phrase-keys-*.json"))) == 1
    kept = pack_phrases(nlp, matcher)
    tokens = name_tokens(nlp, bare_names(matcher))
    fresh = PackPhrases(matcher, tokens.__getitem__)
    assert _tries(built) == _tries(kept) == _tries(fresh)
    doc = nlp("Militants of Jamaat Ansorullah and the IMU crossed the border.")
    assert kept.matches(doc) == fresh.matches(doc) != []


def test_a_damaged_entry_is_keyed_again(nlp: Language, cache: Path) -> None:
    matcher = matcher_for(None)
    built = pack_phrases(nlp, matcher)
    (entry,) = cache.glob("phrase-keys-*.json")
    entry.write_text('[[["x", ["key"]]]]')
    assert _tries(pack_phrases(nlp, matcher)) == _tries(built)


def test_names_matched_by_lemma_are_never_kept(nlp: Language, cache: Path) -> None:
    pack_phrases(nlp, matcher_for(None), lemmas=str.lower)
    assert list(cache.glob("phrase-keys-*.json")) == []
