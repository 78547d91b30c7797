"""What else the sentence says about a subject option, beyond its closest tie.

An option keeps only its closest tie to the count, but the facts format's subject rule
turns on the others too: the state that made the arrests is the subject of the arresting
verb even when it is also named inside the counted phrase ("US agents arrested eight
nationals located in the US"); a group named as one example among several ("members of
banned groups, including IS, AQ and JA") is not the group counted; a state the counted
come from ("suspects from Tajikistan") is their origin, not the authority that acted;
and a sentence that mentions an unnamed group ("members of a banned group") points to a
group named elsewhere in the report. These marks become features; the scorer weighs them.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Span

from oxus.nlp.estimates.subjects import Ties, lexicon_word, mentions_between
from oxus.nlp.extensions import token_strings
from oxus.nlp.numbers.parse import load_lexicon
from oxus.nlp.states import state_of_entity

Marks = dict[str, set[str]]
"""{entity id: marks}."""


@cache
def _cues(lang: str) -> dict[str, frozenset[str]]:
    lex = load_lexicon("measures", lang).get("subject_cues", {})
    return {key: frozenset(str(w) for w in words) for key, words in lex.items()}


def _words(span: Span) -> list[str]:
    """The Doc's words as the lexicons write them: lower case in English, lemmas else."""
    strings = token_strings(span.doc)
    return strings.lower if span.doc.lang_ == "en" else strings.lemma


def _is_example(
    mention: Span, words: list[str], first: int, cues: dict[str, frozenset[str]]
) -> bool:
    """A mention introduced as an example ("including X", "such as X"); ``first`` is
    its sentence's first token."""
    example = cues.get("example", frozenset())
    start = max(first, mention.start - 6)
    return any(words[i] in example for i in range(start, mention.start))


def _is_origin(mention: Span, cues: dict[str, frozenset[str]]) -> bool:
    """A mention the counted come from: the object of "from", or a nationality noun's
    modifier ("Tajikistan nationals")."""
    root = mention.root
    if root.dep_ in {"pobj", "nmod", "obl"} and lexicon_word(root.head) in cues.get("origin", ()):
        return True
    prep = [c for c in root.children if c.dep_ == "case"]
    if any(lexicon_word(c) in cues.get("origin", ()) for c in prep):
        return True
    head = root.head
    return root.dep_ in {"compound", "amod"} and lexicon_word(head) in cues.get("nationality", ())


def _unnamed_group(
    span: Span, words: list[str], in_sentence: list[Span], cues: dict[str, frozenset[str]]
) -> bool:
    """Whether the count's sentence speaks of a group it does not name."""
    sentence = span.sent
    nouns = cues.get("group_nouns", frozenset())
    named = {i for m in in_sentence for i in range(m.start, m.end)}
    return any(words[i] in nouns and i not in named for i in range(sentence.start, sentence.end))


def subject_marks(span: Span, ties: Ties) -> tuple[Marks, bool]:
    """Per entity of the sentence, its marks ("chain": the governing verb's subject names
    it, "example", "origin"); and whether an unnamed group is spoken of."""
    doc = span.doc
    cues = _cues(doc.lang_)
    phrase, chain = ties
    sentence = span.sent
    marks: Marks = {}
    every = mentions_between(doc, sentence.start, sentence.end)
    in_sentence = [m for m in every if m.kb_id_]
    words = _words(span)
    listed = [m for m in in_sentence if set(range(m.start, m.end)) & phrase]
    for mention in in_sentence:
        tokens = set(range(mention.start, mention.end))
        found = marks.setdefault(mention.kb_id_, set())
        if tokens & chain:
            found.add("chain")
        if _is_example(mention, words, sentence.start, cues) or (
            len(listed) > 2 and mention in listed
        ):
            found.add("example")
        if _is_origin(mention, cues):
            found.add("origin")
        if tokens & chain and mention.label_ in ("place", "organization"):
            state = state_of_entity(doc, mention.kb_id_)
            if state is not None:
                marks.setdefault(state, set()).add("chain")
    return marks, _unnamed_group(span, words, every, cues)
