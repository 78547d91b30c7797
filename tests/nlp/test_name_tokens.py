"""The pack's names as the tokenizer splits them, whether kept from an earlier run or not."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from oxus.kb.derived import CACHE_ENV
from oxus.kb.matcher import matcher_for
from oxus.nlp.entities.name_tokens import name_tokens, tokenizer_identity
from oxus.nlp.entities.phrases import bare_names


def test_kept_tokens_are_the_tokenizers_own(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    names = bare_names(matcher_for(None))
    built = name_tokens(nlp, names)
    kept = name_tokens(nlp, names)
    assert len([p for p in tmp_path.iterdir() if p.name.startswith("names-")]) == 1
    assert kept == built == {name: [t.text for t in nlp.make_doc(name)] for name in set(names)}


def test_new_names_are_a_new_entry(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    assert name_tokens(nlp, ["Hizb ut-Tahrir"]) == {"Hizb ut-Tahrir": ["Hizb", "ut", "-", "Tahrir"]}
    assert name_tokens(nlp, ["U.S. Army"]) == {"U.S. Army": ["U.S.", "Army"]}
    assert len(list(tmp_path.iterdir())) == 2


class _SpaceTokenizer:
    def __init__(self, vocab: spacy.vocab.Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=text.split())


def test_another_tokenizer_is_never_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    blank = spacy.blank("en")
    assert tokenizer_identity(blank) is not None
    blank.tokenizer = _SpaceTokenizer(blank.vocab)
    assert tokenizer_identity(blank) is None
    assert name_tokens(blank, ["Hizb ut-Tahrir"]) == {"Hizb ut-Tahrir": ["Hizb", "ut-Tahrir"]}
    assert list(tmp_path.iterdir()) == []
