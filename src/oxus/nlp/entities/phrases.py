"""Match the knowledge pack's names in a Doc token by token, whatever their spelling.

Names are matched on normalised keys (one key per token: the spelling-variant skeleton
of :mod:`oxus.kb.names`, Cyrillic transliterated and Russian endings stripped), so
"Jamaat Ansorullah", "Джамаата Ансаруллах" and "Jamaat Ansarullah" all hit the same
entry. Short all-caps aliases (``TTT``, ``IMU``) match only in their exact case. Hyphens
and apostrophes are left out of the keys, so "Hizb-ut-Tahrir" and "Hizb ut-Tahrir" meet.

In a language that inflects names (Russian), each token also offers the key of its
lemma, and each pack name is also entered under the keys of its words' lemmas, so
"Исламского движения Узбекистана" meets "Исламское движение Узбекистана".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from oxus.kb.matcher import NameMatcher
from oxus.kb.name_keys import NamesOf, acronym_key
from oxus.kb.names import fold, is_acronym, skeleton_word
from oxus.model import Entity
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

    def find_any(self, options: list[tuple[str, ...]]) -> list[tuple[str, int, int]]:
        """Like :meth:`find`, each position offering one or more keys (surface, lemma)."""
        out: dict[tuple[str, int, int], None] = {}
        size = len(options)
        for start in range(size):
            frontier = [self._root]
            end = start
            while frontier and end < size:
                frontier = [
                    child
                    for node in frontier
                    for key in options[end]
                    if (child := node.get(key)) is not None
                ]
                end += 1
                for node in frontier:
                    for entity_id in node.get(None, ()):
                        out[(entity_id, start, end)] = None
        return list(out)

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


def lemmatizer_for(lang: str) -> Callable[[str], str] | None:
    """The lemma of a lone word in a language whose names inflect (None: names are
    matched by their words as written)."""
    if lang == "ru":
        from oxus.nlp.lang.ru.morphology import lemma_of

        return lemma_of
    return None


def bare_name(name: str) -> str:
    """A name without its leading "the" (matched with or without it)."""
    return name[4:] if name.lower().startswith("the ") else name


def bare_names(matcher: NameMatcher) -> list[str]:
    """Every name and alias of the pack, bare, as :class:`PackPhrases` tokenizes them."""
    return [
        bare_name(name) for entity in matcher.entities.values() for name in matcher.names_of(entity)
    ]


PhraseRow = list[tuple[str, list[str]]]
"""One entity's entries in the tries: ("a", acronym keys) or ("l", loose keys), name by
name (a name's lemma keys, where names inflect, as a second "l" entry)."""


def phrase_rows(
    entities: Iterable[Entity],
    names_of: NamesOf,
    tokenize: Callable[[str], list[str]],
    lemmas: Callable[[str], str] | None = None,
) -> list[PhraseRow]:
    """Each entity's :data:`PhraseRow`, its names split by ``tokenize``."""
    rows = []
    for entity in entities:
        row: PhraseRow = []
        for name in names_of(entity):
            tokens = tokenize(bare_name(name))
            kept = [tokens[i] for i in _kept(tokens)]
            if not kept:
                continue
            if is_acronym(name):
                row.append(("a", [acronym_key(w) or w for w in kept]))
            else:
                row.append(("l", [_key(w) for w in kept]))
                if lemmas is not None:
                    row.append(("l", [_key(lemmas(w)) for w in kept]))
        rows.append(row)
    return rows


class PackPhrases:
    """The pack's names as two tries over token keys, built once per pipeline.

    ``tokenize`` gives a bare name's token texts (see :mod:`~oxus.nlp.entities.name_tokens`);
    :meth:`from_rows` fills the tries from keys worked out before
    (:mod:`~oxus.nlp.entities.phrase_cache`).
    """

    def __init__(
        self,
        matcher: NameMatcher,
        tokenize: Callable[[str], list[str]],
        *,
        lemmas: Callable[[str], str] | None = None,
    ) -> None:
        entities = list(matcher.entities.values())
        self._fill(entities, phrase_rows(entities, matcher.names_of, tokenize, lemmas), lemmas)

    @classmethod
    def from_rows(
        cls,
        entities: list[Entity],
        rows: list[PhraseRow],
        *,
        lemmas: Callable[[str], str] | None = None,
    ) -> PackPhrases:
        phrases = cls.__new__(cls)
        phrases._fill(entities, rows, lemmas)
        return phrases

    def _fill(
        self, entities: list[Entity], rows: list[PhraseRow], lemmas: Callable[[str], str] | None
    ) -> None:
        self.loose = PhraseTrie()
        self.acronyms = PhraseTrie()
        self.lemmas = lemmas
        for entity, row in zip(entities, rows, strict=True):
            for kind, keys in row:
                (self.acronyms if kind == "a" else self.loose).add(entity.id, keys)

    def matches(self, doc: Doc) -> list[tuple[str, int, int, bool]]:
        """(entity id, start, end, is_acronym) in ``doc`` token offsets."""
        strings = token_strings(doc)
        texts = strings.text
        kept = _kept(texts)
        words = [texts[i] for i in kept]
        out: list[tuple[str, int, int, bool]] = []
        if self.lemmas is None:
            loose = self.loose.find([_key(w) for w in words])
        else:
            lemmas = [strings.lemma[i] for i in kept]
            loose = self.loose.find_any(
                [
                    tuple(dict.fromkeys((_key(w), _key(m))))
                    for w, m in zip(words, lemmas, strict=True)
                ]
            )
        for found, acronym in (
            (loose, False),
            (self.acronyms.find([_acronym_key(w) for w in words]), True),
        ):
            for entity_id, start, end in found:
                out.append((entity_id, kept[start], kept[end - 1] + 1, acronym))
        return out
