"""Short-form coreference inside one document.

After "Andrei Serenko" a document says "Serenko"; after "Mahdi Arsalon", "Mahdi";
after defining "(JA)" it says "JA". ``LocalNames`` is the document's own dictionary of
such forms — person surnames and first names (only when one person in the document
owns them), and aliases the document declared — and finds them wherever the text
uses them outside an existing mention, or where the statistical model mistyped them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

from spacy.tokens import Doc

from oxus.kb.name_keys import acronym_key
from oxus.kb.names import fold, is_acronym, skeleton_word
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.extensions import token_strings

SKIPPED = frozenset("-‐‑–'’‘`ʼʻ")
PARTICLES = frozenset({"al", "el", "ul", "ut", "ad", "ash", "as", "bin", "ibn", "abu", "e"})


def _key(text: str, *, exact: bool) -> str:
    if exact:
        return acronym_key(text) or text
    return skeleton_word(fold(text).replace(" ", "")) or text


def person_short_forms(names: Mapping[str, Iterable[str]], cues: EntityCues) -> dict[str, str]:
    """{surname or first name: person id} for the names no two persons share.

    ``names`` maps each person id in the document to its full names (pack name and the
    surface forms seen)."""
    owners: dict[str, set[str]] = defaultdict(set)
    full_single: set[str] = set()
    for id_, forms in names.items():
        for form in forms:
            words = [w for w in form.replace("-", " ").split() if w.lower() not in PARTICLES]
            words = [w for w in words if w.lower().strip(".") not in cues.honorifics]
            if len(words) < 2:
                full_single.update(fold(w) for w in words)
                continue
            for word in (words[0], words[-1]):
                if len(word) >= 3 and word[0].isupper() and fold(word) not in cues.stop_names:
                    owners[word].add(id_)
    return {
        word: next(iter(ids))
        for word, ids in owners.items()
        if len(ids) == 1 and fold(word) not in full_single
    }


class LocalNames:
    """A document's dictionary of extra names (short forms, captured aliases) -> id."""

    def __init__(self, *, titles: frozenset[str] = frozenset()) -> None:
        self.titles = titles
        """Words that may precede a name without being part of it ("President")."""
        self._entries: dict[str, list[tuple[tuple[str, ...], str, bool]]] = defaultdict(list)
        self.methods: dict[str, str] = {}
        """How each registered name links: ``coreference`` or ``alias-capture``."""

    def add(self, words: list[str], id_: str, *, method: str = "coreference") -> None:
        """Register a name given as its tokens (hyphens and apostrophes ignored)."""
        words = [w for w in words if w not in SKIPPED]
        if not words:
            return
        exact = is_acronym("".join(words))
        keys = tuple(_key(w, exact=exact) for w in words)
        self._entries[keys[0]].append((keys, id_, exact))
        self.methods.setdefault(" ".join(keys), method)

    def __bool__(self) -> bool:
        return bool(self._entries)

    def find(self, doc: Doc, taken: set[int]) -> list[tuple[int, int, str, str]]:
        """(start, end, id, method) of every occurrence outside ``taken`` token positions,
        longest first at each position; capitalised, and not glued to another name."""
        texts = token_strings(doc).text
        kept = [i for i, text in enumerate(texts) if text not in SKIPPED]
        out: list[tuple[int, int, str, str]] = []
        k = 0
        while k < len(kept):
            text = texts[kept[k]]
            best: tuple[int, str, str] | None = None
            if text[:1].isupper() and kept[k] not in taken:
                for exact in (True, False):
                    for keys, id_, is_exact in self._entries.get(_key(text, exact=exact), ()):
                        if is_exact != exact or k + len(keys) > len(kept):
                            continue
                        window = [texts[kept[k + j]] for j in range(len(keys))]
                        if tuple(_key(w, exact=exact) for w in window) != keys:
                            continue
                        if best is None or len(keys) > best[0]:
                            best = (len(keys), id_, self.methods[" ".join(keys)])
            if best is not None:
                start, end = kept[k], kept[k + best[0] - 1] + 1
                if not any(i in taken for i in range(start, end)) and not _glued(
                    doc, start, end, self.titles
                ):
                    out.append((start, end, best[1], best[2]))
                    k += best[0]
                    continue
            k += 1
        return out


def _glued(doc: Doc, start: int, end: int, titles: frozenset[str]) -> bool:
    """True when a capitalised word touches the match: it is part of a longer name."""
    for i in (start - 1, end):
        if 0 <= i < len(doc):
            token = doc[i]
            if token.lower_.strip(".") in titles:
                continue
            if token.is_alpha and token.text[:1].isupper() and not token.is_sent_start:
                return True
    return False
