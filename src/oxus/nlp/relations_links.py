"""Relation rules between lists of mentions around a cue, and location (based_in) rules.

A cue ("alongside", "swore allegiance to", "a wing of", "banned in") sits between the
subject side (the list of mentions just before it) and the object side (the list just
after it); passives ("backed by") and possessives ("Al-Qaeda's affiliate X") swap the
sides. Lists matter because reports name groups in series ("IMU, JA and IJU").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from oxus.nlp.clauses import Ment, governing_verb, mention_lists
from oxus.nlp.relations_people import Candidate

SYMMETRIC = frozenset({"allied_with", "rival_of"})
NOUN_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "dative", "conj"})
RECIPROCAL = ("among themselves", "each other", "one another", "with one another", "between")


@dataclass(frozen=True)
class Cue:
    predicate: str
    start: int
    end: int


class CueIndex:
    """Cue words compiled once: a word -> predicates map and one regex per phrase.

    Sentences are scanned once for all predicates instead of once per predicate; the
    cues come out in the same order (by predicate, then words, then phrases).
    """

    def __init__(self, cues: dict[str, dict[str, list[str]]]) -> None:
        self.predicates = list(cues)
        self.words: dict[str, list[str]] = {}
        self.phrases: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for predicate, spec in cues.items():
            for word in {w.lower() for w in spec.get("lemmas", [])}:
                self.words.setdefault(word, []).append(predicate)
            compiled = []
            for phrase in spec.get("phrases", []):
                low = phrase.lower()
                pattern = re.escape(low).replace(r"\ ", r"\s*")
                edge = r"\b" if phrase[:1].isalnum() else ""
                compiled.append((low.split(" ")[0], re.compile(edge + pattern + r"\b")))
            self.phrases[predicate] = compiled

    def find(self, sent: Span) -> list[Cue]:
        hits: dict[str, list[Cue]] = {}
        words = self.words
        for tok in sent:
            preds = words.get(tok.lemma_.lower())
            other = words.get(tok.lower_)
            if preds is None and other is None:
                continue
            for predicate in dict.fromkeys((preds or []) + (other or [])):
                hits.setdefault(predicate, []).append(Cue(predicate, tok.i, tok.i + 1))
        low = sent.text.lower()
        found: list[Cue] = []
        for predicate in self.predicates:
            found.extend(hits.get(predicate, ()))
            for first, regex in self.phrases[predicate]:
                if first not in low:
                    continue
                for match in regex.finditer(low):
                    span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
                    if span is not None:
                        found.append(Cue(predicate, span.start, span.end))
        return found


def find_cues(sent: Span, cues: dict[str, dict[str, list[str]]] | CueIndex) -> list[Cue]:
    """Every cue occurrence in the sentence: single lemmas and multi-word phrases."""
    index = cues if isinstance(cues, CueIndex) else CueIndex(cues)
    return index.find(sent)


def cue_relations(
    sent: Span,
    mentions: list[Ment],
    *,
    cues: dict[str, dict[str, list[str]]] | CueIndex,
    window: int,
    passive_markers: frozenset[str],
    ends: dict[str, dict[str, list[str]]],
    leader_objects: frozenset[str] = frozenset(),
    noun_predicates: frozenset[str] = frozenset(),
    name_gap: frozenset[str] = frozenset(),
) -> Iterator[Candidate]:
    """Pairs of mentions linked by a cue, one list on each side.

    Only lists holding a type the predicate allows at either end are considered, so a
    place between a group and "banned in X" does not hide the group.
    """
    doc = sent.doc
    all_lists = mention_lists(sent, mentions)
    for cue in find_cues(sent, cues):
        spec = ends.get(cue.predicate, {})
        allowed = set(spec.get("subject", [])) | set(spec.get("object", []))
        lists = [lst for lst in all_lists if any(m.type in allowed for m in lst)]
        left = next(
            (
                lst
                for lst in reversed(lists)
                if lst[-1].end <= cue.start and cue.start - lst[-1].end <= window
            ),
            None,
        )
        right = next(
            (lst for lst in lists if lst[0].start >= cue.end and lst[0].start - cue.end <= window),
            None,
        )
        inside = next((lst for lst in lists if lst[0].start < cue.start < lst[-1].end), None)
        if inside is not None and left is None:
            # "Al-Qaeda-linked Nusra": the cue is glued to the mention before it.
            left = [m for m in inside if m.end <= cue.start] or None
        if left is None and right is not None and cue.predicate in SYMMETRIC:
            # "X, ..., while maintaining close links with Y": the clause subject.
            left = _clause_subject(doc[cue.start], lists)
        tail = doc[cue.end : min(cue.end + 4, sent.end)].text.lower()
        passive = any(
            doc[i].lower_ in passive_markers for i in range(cue.end, min(cue.end + 2, sent.end))
        )
        possessive = (
            left is not None
            and left[-1].end < sent.end
            and doc[left[-1].end].lower_ in ("'s", "’s", "’")
            and cue.start - left[-1].end <= 3
            and not any(doc[i].is_punct for i in range(left[-1].end + 1, cue.start))
            and doc[cue.start].pos_ != "VERB"
        )
        if (
            cue.predicate in SYMMETRIC
            and left
            and (right is None or any(tail.startswith(r) for r in RECIPROCAL))
        ):
            for i, a in enumerate(left):
                for b in left[i + 1 :]:
                    yield Candidate(a, cue.predicate, b, None, doc[cue.start])
        if left is None or right is None:
            continue
        named = False
        if cue.predicate in noun_predicates and cue.end - cue.start == 1:
            noun = doc[cue.start]
            if noun.pos_ == "NOUN":
                # "the Al-Qaeda-linked faction X", "Y's battalion, X": the cue names the
                # part; otherwise the noun must predicate ("X is part of Y", "X, a wing
                # of Y"), not be an argument ("inspire the cells of Y").
                gap = doc[cue.end : right[0].start]
                named = all(t.lower_ in name_gap for t in gap)
                if not named and noun.dep_ in NOUN_ARGUMENT_DEPS:
                    continue
        subjects, objects = left, right
        if passive or possessive or named:
            subjects, objects = right, left
        elif cue.predicate in leader_objects:
            objects = right + _leader_after(sent, all_lists, right[-1].end)
        for s in subjects:
            for o in objects:
                if s.id != o.id:
                    yield Candidate(s, cue.predicate, o, None, doc[cue.start])
                    if cue.predicate == "designated_by":
                        yield Candidate(o, cue.predicate, s, None, doc[cue.start])


def _clause_subject(token: Token, lists: list[list[Ment]]) -> list[Ment] | None:
    """The list holding the subject of the token's clause, climbing through
    participle and infinitive clauses ("..., while maintaining links with Y")."""
    verb = governing_verb(token)
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                return next(
                    (lst for lst in lists if any(m.start <= child.i < m.end for m in lst)), None
                )
        if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head.i == verb.i:
            return None
        verb = governing_verb(verb.head)
    return None


def _leader_after(sent: Span, lists: list[list[Ment]], start: int) -> list[Ment]:
    """People named just after a group, before any verb ("X and its leader, Y")."""
    doc = sent.doc
    out: list[Ment] = []
    for lst in lists:
        if lst[0].start < start:
            continue
        if lst[0].start - start > 8 or any(
            doc[i].pos_ in ("VERB", "AUX") for i in range(start, lst[0].start)
        ):
            break
        out.extend(m for m in lst if m.type == "person")
        start = lst[-1].end
    return out


def based_in_relations(
    sent: Span,
    mentions: list[Ment],
    by_token: dict[int, Ment],
    *,
    preps: frozenset[str],
    lemmas: frozenset[str],
    exclude_preps: frozenset[str],
    exclude_lemmas: frozenset[str],
    cue_preps: frozenset[str] = frozenset({"from"}),
) -> Iterator[Candidate]:
    """Groups and people located in a place or state by a preposition or "X-based"."""
    doc = sent.doc
    actors = [m for m in mentions if m.type in ("group", "person")]
    if not actors:
        return
    sent_lemmas = {t.lemma_.lower() for t in sent}
    has_base_cue = bool(sent_lemmas & lemmas)
    for loc in mentions:
        if loc.type not in ("place", "state"):
            continue
        root = loc.span.root
        head = root.head
        nxt = doc[loc.end : min(loc.end + 2, sent.end)].text.lower().replace(" ", "")
        compound_based = nxt.startswith("-based") or nxt.startswith("based")
        located = False
        if compound_based:
            located = True
        elif root.dep_ == "pobj" and head.lower_ in preps and head.lower_ not in exclude_preps:
            verb = head.head
            if verb.lemma_.lower() in exclude_lemmas:
                continue
            located = head.lower_ not in cue_preps or has_base_cue
        elif root.dep_ == "poss" and head.i in by_token and by_token[head.i].type == "group":
            located = True
        described = _described_by(root, by_token) if root.dep_ == "pobj" else None
        if described is not None and described.type == "person":
            # "X, an analyst from Tashkent": the apposition places the person.
            yield Candidate(described, "based_in", loc, None, root)
            continue
        if not located:
            continue
        clause = governing_verb(root).i
        for actor in actors:
            # Groups: the same clause, or either side in the main clause (reports
            # locate groups loosely: "X, active in Y, ...").
            actor_clause = governing_verb(actor.span.root)
            related = (
                actor_clause.i == clause
                or actor_clause.dep_ == "ROOT"
                or (governing_verb(root).dep_ == "ROOT")
            )
            if not compound_based and not related:
                continue
            if (
                actor.type == "person"
                and not compound_based
                and (actor_clause.i != clause or not _near(actor, loc, 10) or not has_base_cue)
            ):
                # People move: only a place in their own clause locates them.
                continue
            yield Candidate(actor, "based_in", loc, None, root)


def _described_by(root: Token, by_token: dict[int, Ment]) -> Ment | None:
    """The mention a "<noun> from/in <place>" apposition describes, if any."""
    prep = root.head
    noun = prep.head
    if prep.lower_ not in ("from", "in", "of") or noun.dep_ != "appos" or noun.pos_ != "NOUN":
        return None
    return by_token.get(noun.head.i)


def _near(a: Ment, b: Ment, distance: int) -> bool:
    return abs(a.start - b.start) <= distance
