"""Match the knowledge pack's names in a Doc token by token, whatever their spelling.

Names are matched on normalised keys (one key per token: the spelling-variant skeleton
of :mod:`oxus.kb.names`, Cyrillic transliterated and Russian endings stripped), so
"Jamaat Ansorullah", "Джамаата Ансаруллах" and "Jamaat Ansarullah" all hit the same
entry. Short all-caps aliases (``TTT``, ``IMU``) match only in their exact case. Hyphens
and apostrophes are left out of the keys, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from oxus.kb.matcher import NameMatcher, acronym_key
from oxus.kb.names import fold, is_acronym, skeleton_word
from oxus.nlp.extensions import token_strings

SKIPPED = frozenset("-‐‑–'’‘`ʼʻ")
"""Tokens left out of the keys, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet."""


@lru_cache(maxsize=200_000)
def _key(text: str) -> str:
    """The spelling-variant key of one token."""
    return skeleton_word(fold(text).replace(" ", "")) or text


@lru_cache(maxsize=200_000)
def _acronym_key(text: str) -> str:
    return acronym_key(text) or text


def _kept(words: list[str]) -> list[int]:
    """Indices of the tokens that take part in the keys."""
    return [i for i, word in enumerate(words) if word not in SKIPPED]


class PhraseTrie:
    """Token-key sequences of names, each leading to the entity ids it names.

    A dict per trie node: scanning a document is one dict lookup per token, and no
    shadow spaCy ``Doc`` has to be built for the keys.
    """

    def __init__(self) -> None:
        self._root: dict[str | None, Any] = {}

    def add(self, entity_id: str, keys: list[str]) -> None:
        node = self._root
        for key in keys:
            node = node.setdefault(key, {})
        node.setdefault(None, {})[entity_id] = None

    def find(self, keys: list[str]) -> list[tuple[str, int, int]]:
        """Every (entity id, start, end) whose name is ``keys[start:end]``, overlaps included."""
        out: list[tuple[str, int, int]] = []
        root, size = self._root, len(keys)
        for start, key in enumerate(keys):
            node = root.get(key)
            end = start
            while node is not None:
                end += 1
                if ids := node.get(None):
                    out.extend((entity_id, start, end) for entity_id in ids)
                node = node.get(keys[end]) if end < size else None
        return out


class PackPhrases:
    """The pack's names as two tries over token keys, built once per pipeline."""

    def __init__(self, matcher: NameMatcher, make_doc: Callable[[str], Doc]) -> None:
        self.loose = PhraseTrie()
        self.acronyms = PhraseTrie()
        for entity in matcher.entities.values():
            for name in matcher.names_of(entity):
                bare = name[4:] if name.lower().startswith("the ") else name
                tokens = [t.text for t in make_doc(bare)]
                kept = [tokens[i] for i in _kept(tokens)]
                if not kept:
                    continue
                if is_acronym(name):
                    self.acronyms.add(entity.id, [acronym_key(w) or w for w in kept])
                else:
                    self.loose.add(entity.id, [_key(w) for w in kept])

    def matches(self, doc: Doc) -> list[tuple[str, int, int, bool]]:
        """(entity id, start, end, is_acronym) in ``doc`` token offsets."""
        texts = token_strings(doc).text
        kept = _kept(texts)
        words = [texts[i] for i in kept]
        out: list[tuple[str, int, int, bool]] = []
        for trie, keys, acronym in (
            (self.loose, [_key(w) for w in words], False),
            (self.acronyms, [_acronym_key(w) for w in words], True),
        ):
            for entity_id, start, end in trie.find(keys):
                out.append((entity_id, kept[start], kept[end - 1] + 1, acronym))
        return out
