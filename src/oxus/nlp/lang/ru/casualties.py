"""Which casualty count a Russian number is: killed, wounded, arrested or participants.

Read from the words that govern the number, as lemmas (``casualties`` in
``quantities.yaml``): the noun it counts ("30 погибших", "десятки раненых"), the verb
it is the subject or object of ("погибли 14 человек", "задержаны трое", "убиты 20
боевиков"), that verb's object ("65 человек получили ранения") or the counted noun
behind "число" ("число погибших возросло до 20"). Verbs that only carry the figure
("составить", "возрасти", "получить") are passed through.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span, Token

from oxus.nlp.lang.ru.quantities import counted_noun
from oxus.nlp.lexicon import load_lexicon

CLIMB = 4
"""How far above the number its casualty word may be."""
ARGUMENT_DEPS = frozenset({"nsubj", "nsubj:pass", "obj", "obl", "xcomp"})


@cache
def _lookup() -> dict[str, str]:
    keys = load_lexicon("quantities", "ru")["casualties"]
    return {str(w): key for key, words in keys.items() for w in words}


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(str(w) for w in load_lexicon("quantities", "ru").get(key) or [])


def casualty_key(span: Span) -> str | None:
    """The casualty count a quantity span is, or None."""
    lookup = _lookup()
    noun = counted_noun(span)
    if noun is not None and noun.lemma_ in lookup:
        return lookup[noun.lemma_]
    inside = range(span.start, span.end)
    node = span.root
    for _ in range(CLIMB):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.i in inside:
            continue
        if node.pos_ in ("VERB", "ADJ") and node.lemma_ in lookup:
            return lookup[node.lemma_]
        if node.pos_ != "VERB":
            continue
        if node.lemma_ not in _words("count_verbs"):
            return None  # "осужденные отправили 15 человек": the count is of another act
        found = _argument_key(node, noun, lookup)
        if found is not None:
            return found
    return None


def _argument_key(verb: Token, noun: Token | None, lookup: dict[str, str]) -> str | None:
    """A casualty word among the verb's other arguments ("получили ранения"), or behind
    "число" ("число погибших")."""
    for child in verb.children:
        if child.dep_ not in ARGUMENT_DEPS or (noun is not None and child.i == noun.i):
            continue
        if child.lemma_ in lookup and child.pos_ in ("NOUN", "VERB", "ADJ"):
            return lookup[child.lemma_]
        if child.lemma_ in _words("counters"):
            for owner in child.children:
                if owner.dep_ == "nmod" and owner.lemma_ in lookup:
                    return lookup[owner.lemma_]
    return None
