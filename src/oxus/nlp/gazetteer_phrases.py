"""Match the knowledge pack's names in a Doc token by token, whatever their spelling.

spaCy's ``PhraseMatcher`` runs on a shadow Doc of normalised keys (one key per token:
the spelling-variant skeleton of :mod:`oxus.kb.names`, Cyrillic transliterated and
Russian endings stripped), so "Jamaat Ansorullah", "Джамаата Ансаруллах" and "Jamaat
Ansarullah" all hit the same entry. Short all-caps aliases (``TTT``, ``IMU``) match
only in their exact case. Hyphens and apostrophes are left out of the keys, so
"Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from oxus.kb.matcher import NameMatcher, acronym_key
from oxus.kb.names import fold, is_acronym, skeleton_word

SKIPPED = frozenset("-‐‑–'’‘`ʼʻ")
"""Tokens left out of the key Doc, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet."""


@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    """The spelling-variant key of one token."""
    return skeleton_word(fold(text).replace(" ", "")) or text


@lru_cache(maxsize=200_000)
def _acronym_key(text: str) -> str:
    return acronym_key(text) or text


def _kept(words: list[str]) -> list[int]:
    """Indices of the tokens that take part in the key Doc."""
    return [i for i, word in enumerate(words) if word not in SKIPPED]


class PackPhrases:
    """The pack's names as two ``PhraseMatcher``s over key Docs, built once per pipeline."""

    def __init__(self, vocab: Vocab, matcher: NameMatcher, make_doc: Callable[[str], Doc]) -> None:
        self.vocab = vocab
        self.loose = PhraseMatcher(vocab, attr="ORTH")
        self.acronyms = PhraseMatcher(vocab, attr="ORTH")
        self._loose_keys: set[str] = set()
        self._acronym_keys: set[str] = set()
        for entity in matcher.entities.values():
            loose, exact = [], []
            for name in matcher.names_of(entity):
                bare = name[4:] if name.lower().startswith("the ") else name
                tokens = [t.text for t in make_doc(bare)]
                kept = [tokens[i] for i in _kept(tokens)]
                if not kept:
                    continue
                if is_acronym(name):
                    keys = [acronym_key(w) or w for w in kept]
                    self._acronym_keys.update(keys)
                    exact.append(Doc(vocab, words=keys))
                else:
                    keys = [_key(w) for w in kept]
                    self._loose_keys.update(keys)
                    loose.append(Doc(vocab, words=keys))
            if loose:
                self.loose.add(entity.id, loose)
            if exact:
                self.acronyms.add(entity.id, exact)

    def matches(self, doc: Doc) -> list[tuple[str, int, int, bool]]:
        """(entity id, start, end, is_acronym) in ``doc`` token offsets."""
        texts = [t.text for t in doc]
        kept = _kept(texts)
        if not kept:
            return []
        words = [texts[i] for i in kept]
        out: list[tuple[str, int, int, bool]] = []
        for phrase, known, keys, acronym in (
            (self.loose, self._loose_keys, [_key(w) for w in words], False),
            (self.acronyms, self._acronym_keys, [_acronym_key(w) for w in words], True),
        ):
            if known.isdisjoint(keys):
                continue  # no pattern word in the doc: skip building the key Doc
            shadow = Doc(self.vocab, words=keys)
            for match_id, start, end in phrase(shadow):
                out.append((self.vocab.strings[match_id], kept[start], kept[end - 1] + 1, acronym))
        return out
