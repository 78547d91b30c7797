"""Who speaks where a verb's subject does not say it plainly (English parses).

A report is often relayed ("..., the committee said, Interfax reports"), explained by a
participle ("X met Y, warning that ..."), or names its speaker by a surname the
gazetteer did not read as a mention ("Mujahid claimed ..."). These helpers read only
:class:`DocView` lists; the attribution component decides what to do with them.
"""

from __future__ import annotations

from oxus.nlp.attribution.scan import DocView, Segment
from oxus.nlp.attribution.scope import subjectless_participle, verb_speaker
from oxus.nlp.clauses import Ment

CLAUSAL = frozenset({"ccomp", "parataxis", "xcomp"})
"""Dependencies of what a verb of saying says."""
MAIN_DEPS = frozenset({"ROOT", "parataxis", "conj", "ccomp", "advcl"})
"""Dependencies of a verb of saying that may report for the whole segment."""
NAME_PARTS = frozenset({"compound", "flat"})


def relays(view: DocView, verb: int, verbs: list[int]) -> bool:
    """ "..., the committee said, Interfax reports": a verb of saying with nothing said
    of its own, hung after another verb of saying, only relays it (the parse often
    makes it the other's complement, which would read it as the inner speaker)."""
    head = view.head[verb]
    return (
        head != verb
        and head < verb
        and head in verbs
        and view.dep[verb] in CLAUSAL | {"conj"}
        and not any(view.dep[c] in CLAUSAL for c in view.children(verb))
    )


def participles_of(
    view: DocView, verbs: list[int], source: Ment, by_token: dict[int, Ment]
) -> tuple[int, ...]:
    """The participles of saying ``source`` speaks through, if it speaks through no verb
    of its own ("X met Y, warning that ..."), else ()."""
    own = [
        v
        for v in verbs
        if view.dep[v] in MAIN_DEPS
        and (speaker := verb_speaker(view, v, by_token)) is not None
        and speaker.id == source.id
    ]
    if own and all(subjectless_participle(view, v) for v in own):
        return tuple(own)
    return ()


def said_through(view: DocView, scope: tuple[int, ...], roots: list[int]) -> bool:
    """Whether a fact lies in what the participles of saying say (no participles: yes)."""
    if not scope or not roots:
        return True
    return all(any(r in view.subtree(v) for v in scope) for r in roots)


def unknown_name_subject(view: DocView, verb: int, by_token: dict[int, Ment]) -> str:
    """ "Mujahid claimed ...": a one-word name the gazetteer did not read as a mention,
    subject of a verb of saying (it may be the surname of someone named before)."""
    for child in view.children(verb):
        if (
            view.dep[child] == "nsubj"
            and view.pos[child] == "PROPN"
            and child not in by_token
            and not any(view.dep[c] in NAME_PARTS for c in view.children(child))
        ):
            return view.lower[child]
    return ""


def named_by_word(view: DocView, seg: Segment, word: str, reach: int) -> str | None:
    """The last person (else organisation) named up to ``reach`` sentences before whose
    name holds the word ("Zabihullah Mujahid" for "Mujahid")."""
    first = max(0, seg.sentence - reach)
    named = [
        m
        for index in range(first, seg.sentence + 1)
        for earlier in view.segments[index]
        for m in earlier.mentions
        if m.end <= seg.start
        and m.type in ("person", "organization")
        and word in (view.lower[t] for t in range(m.start, m.end))
    ]
    if not named:
        return None
    return max(named, key=lambda m: (m.type == "person", m.start)).id
