"""Relation rules between lists of mentions around a cue (based_in is in ``based``).

A cue ("alongside", "swore allegiance to", "a wing of", "banned in") sits between the
subject side (the list of mentions just before it) and the object side (the list just
after it); passives ("backed by") and possessives ("Al-Qaeda's affiliate X") swap the
sides. Lists matter because reports name groups in series ("IMU, JA and IJU").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from oxus.nlp.clauses import Ment, governing_verb, mention_lists
from oxus.nlp.extensions import span_text, token_strings
from oxus.nlp.lemma_phrases import LemmaPhrases
from oxus.nlp.relations.people import Candidate, is_group_anaphor, subject_antecedent

SYMMETRIC = frozenset({"allied_with", "rival_of"})
NOUN_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "nsubj", "nsubjpass", "dative", "conj"})
PRIOR_BLOCKERS = frozenset({"former", "ex"})
RECIPROCAL = ("among themselves", "each other", "one another", "with one another", "between")


@dataclass(frozen=True)
class Cue:
    predicate: str
    start: int
    end: int
    reverse: bool = False
    """The object side comes first ("Y, under the protection of X": X supports Y)."""


class CueIndex:
    """Cue words compiled once: a word -> predicates map and one regex per phrase.

    Sentences are scanned once for all predicates instead of once per predicate; the
    cues come out in the same order (by predicate, then words, then phrases). English
    phrases are matched on the text; the phrases of other languages are lemma sequences
    (:mod:`oxus.nlp.lemma_phrases`), matched on the tokens' lemmas.
    """

    def __init__(self, cues: dict[str, dict[str, list[str]]], lang: str = "en") -> None:
        self.predicates = list(cues)
        self.words: dict[str, list[str]] = {}
        self.phrases: dict[str, list[tuple[str, re.Pattern[str], bool]]] = {}
        self.lemma_phrases: LemmaPhrases[tuple[str, bool]] | None = None
        if lang != "en":
            self.lemma_phrases = LemmaPhrases(
                (phrase, (predicate, reverse))
                for predicate, spec in cues.items()
                for key, reverse in (("phrases", False), ("reverse_phrases", True))
                for phrase in spec.get(key, [])
            )
        for predicate, spec in cues.items():
            for word in {w.lower() for w in spec.get("lemmas", [])}:
                self.words.setdefault(word, []).append(predicate)
            compiled: list[tuple[str, re.Pattern[str], bool]] = []
            if self.lemma_phrases is not None:
                self.phrases[predicate] = compiled
                continue
            for key, reverse in (("phrases", False), ("reverse_phrases", True)):
                for phrase in spec.get(key, []):
                    low = phrase.lower()
                    pattern = re.escape(low).replace(r"\ ", r"\s*")
                    edge = r"\b" if phrase[:1].isalnum() else ""
                    regex = re.compile(edge + pattern + r"\b")
                    compiled.append((low.split(" ")[0], regex, reverse))
            self.phrases[predicate] = compiled
        # The first word of every phrase: a sentence holding none of them has no phrase.
        self.firsts = frozenset(first for each in self.phrases.values() for first, _, _ in each)

    def find(self, sent: Span) -> list[Cue]:
        hits: dict[str, list[Cue]] = {}
        words = self.words
        strings = token_strings(sent.doc)
        for i in range(sent.start, sent.end):
            preds = words.get(strings.lemma[i])
            other = words.get(strings.lower[i])
            if preds is None and other is None:
                continue
            for predicate in dict.fromkeys((preds or []) + (other or [])):
                hits.setdefault(predicate, []).append(Cue(predicate, i, i + 1))
        low = span_text(sent).lower()
        by_lemma: dict[str, list[Cue]] = {}
        if self.lemma_phrases is not None:
            for start, end, (predicate, reverse) in self.lemma_phrases.find(
                strings.lemma, sent.start, sent.end
            ):
                by_lemma.setdefault(predicate, []).append(Cue(predicate, start, end, reverse))
        present = {first for first in self.firsts if first in low}
        found: list[Cue] = []
        for predicate in self.predicates:
            phrased: list[Cue] = list(by_lemma.get(predicate, ()))
            if present:
                for first, regex, reverse in self.phrases[predicate]:
                    if first not in present:
                        continue
                    for match in regex.finditer(low):
                        span = sent.char_span(match.start(), match.end(), alignment_mode="expand")
                        if span is not None:
                            phrased.append(Cue(predicate, span.start, span.end, reverse))
            worded = hits.get(predicate, ())
            reversed_spans = [c for c in phrased if c.reverse]
            if worded and reversed_spans:
                # A word inside a reversed phrase ("protection") must not link the other way.
                worded = [
                    c for c in worded if not any(r.start <= c.start < r.end for r in reversed_spans)
                ]
            found.extend(worded)
            found.extend(phrased)
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
    frame_predicates: frozenset[str] = frozenset(),
    noun_blockers: frozenset[str] = frozenset(),
    prior: list[Ment] | None = None,
) -> Iterator[Candidate]:
    """Pairs of mentions linked by a cue, one list on each side.

    Only lists holding a type the predicate allows at either end are considered, so a
    place between a group and "banned in X" does not hide the group.
    """
    doc = sent.doc
    # "X-linked groups", "X's affiliate": X modifies a noun, so it is a party only to
    # the cue right after it ("-linked", "'s affiliate"), not a member of a list.
    modifiers = [
        m for m in mentions if _glued_modifier(doc, m, sent.end) or _possessor(doc, m, sent.end)
    ]
    plain_lists = mention_lists(sent, [m for m in mentions if m not in modifiers])
    mention_ends = {m.end for m in mentions}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for cue in find_cues(sent, cues):
        if _unanchored_compound(doc, cue, mention_ends, sent.start):
            continue
        near = [m for m in modifiers if _modifies_cue(doc, m, cue)]
        all_lists = (
            mention_lists(sent, [m for m in mentions if m not in modifiers or m in near])
            if near
            else plain_lists
        )
        if cue.predicate in frame_predicates and doc[cue.start].pos_ == "VERB":
            continue  # the verb frames read who did what to whom from the parse
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
        # "under the command of [a person]" names the commander (see below).
        right_types = allowed | ({"person"} if cue.predicate == "part_of" else set())
        right = next(
            (
                lst
                for lst in all_lists
                if any(m.type in right_types for m in lst)
                and lst[0].start >= cue.end
                and lst[0].start - cue.end <= window
            ),
            None,
        )
        left = _resolve_left(doc, cue, lists, left, right, leader_objects, prior)
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
        if possessive and left is not None and cue.predicate in noun_predicates:
            # "Y, X's affiliate in Syria": the noun describes the name it is in apposition to.
            described = _apposed_to(doc[cue.start], by_token)
            if described is not None:
                for owner in left:
                    yield Candidate(described, cue.predicate, owner, None, doc[cue.start])
                continue
        if left is None or right is None:
            continue
        named = False
        if cue.predicate in noun_predicates:
            if _blocked(doc, left, cue, noun_blockers):
                continue
            verdict = _part_noun(doc, cue, right, possessive, name_gap)
            if verdict is None:
                continue
            named = verdict
        if _stray_support(doc, cue, right, passive):
            continue
        subjects, objects = left, right
        if passive or possessive or named or cue.reverse:
            subjects, objects = right, left
        elif cue.predicate in leader_objects:
            leaders = _leader_after(sent, all_lists, right[-1].end)
            # "to the group and its leader, X": both; "to then-Taliban leader X": the
            # group only names the leader's title.
            if leaders and not _coordinated(doc, right[-1].end, leaders[0].start):
                objects = leaders
            else:
                objects = right + leaders
        for s in subjects:
            for o in objects:
                if s.id != o.id and cue.predicate == "part_of" and o.type == "person":
                    # "X operates under the command of [a person]": the person leads X.
                    yield Candidate(o, "leader_of", s, "commander", doc[cue.start])
                elif s.id != o.id:
                    yield Candidate(s, cue.predicate, o, None, doc[cue.start])
                    if cue.predicate == "designated_by":
                        yield Candidate(o, cue.predicate, s, None, doc[cue.start])


def _resolve_left(
    doc: Doc,
    cue: Cue,
    lists: list[list[Ment]],
    left: list[Ment] | None,
    right: list[Ment] | None,
    leader_objects: frozenset[str],
    prior: list[Ment] | None,
) -> list[Ment] | None:
    """The subject side of a cue when the nearest list before it is not the answer."""
    inside = next((lst for lst in lists if lst[0].start < cue.start < lst[-1].end), None)
    if inside is not None and left is None:
        # "Al-Qaeda-linked Nusra": the cue is glued to the mention before it.
        left = [m for m in inside if m.end <= cue.start] or None
    if right is None:
        return left
    if cue.predicate in leader_objects or (
        cue.predicate in SYMMETRIC and doc[cue.start].pos_ == "VERB"
    ):
        # "X has been loyal to Y, having sworn allegiance to Z", "X operates alongside Y
        # and cooperates with Z": the clause's subject, not the nearest name.
        left = _clause_subject(doc[cue.start], lists) or left
    if left is None and cue.predicate in SYMMETRIC:
        # "X, ..., while maintaining close links with Y": the clause subject.
        left = _clause_subject(doc[cue.start], lists)
    if left is None and prior:
        # "The group has links with Y": the group the report is about.
        left = _anaphor_subject(doc[cue.start], prior)
    if left is None and cue.predicate in SYMMETRIC and _subjectless_participle(doc[cue.start]):
        # "IMU, JA and IJU carried out attacks ..., while maintaining links with Y": the
        # participle's doer is the sentence's opening list, whatever the parse made of it.
        left = _opening_list(lists, cue.start)
    return left


def _opening_list(lists: list[list[Ment]], before: int) -> list[Ment] | None:
    """The sentence's first list of names, with the lists apposed to it ("A, B and two
    other groups, C and D")."""
    first = next((lst for lst in lists if lst[-1].end <= before), None)
    if first is None:
        return None
    tokens = {i for m in first for i in range(m.start, m.end)}
    out = list(first)
    for lst in lists:
        root = lst[0].span.root
        if (
            lst is not first
            and lst[-1].end <= before
            and root.dep_ in ("appos", "conj")
            and any(a.i in tokens for a in root.ancestors)
        ):
            out.extend(lst)
    return out


def _subjectless_participle(token: Token) -> bool:
    """Whether the token's clause is a participle adjunct without its own subject."""
    verb = governing_verb(token)
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    )


def _part_noun(
    doc: Doc, cue: Cue, right: list[Ment], possessive: bool, name_gap: frozenset[str]
) -> bool | None:
    """Whether a part noun names the part after it; None when it links nothing.

    "the X-linked faction Y", "X's battalion, Y": the noun names the part (True).
    Otherwise the noun must predicate ("Y is part of X", "Y, a wing of X"), not be an
    argument ("inspire the cells of X"), and hold the whole ("an independent faction
    before joining X" is no part of X); "affiliated with X" is a link, not a part.
    """
    if cue.end - cue.start != 1:
        return False
    noun = doc[cue.start]
    if noun.pos_ != "NOUN":
        return False if possessive else None
    gap = doc[cue.end : right[0].start]
    if all(t.lower_ in name_gap for t in gap):
        return True
    if noun.dep_ in NOUN_ARGUMENT_DEPS:
        return None
    if not possessive and not _holds(noun, right[0]):
        return None
    return False


def _stray_support(doc: Doc, cue: Cue, right: list[Ment], passive: bool) -> bool:
    """A support noun whose supported side is not its own argument ("cut support to
    them after X's defection to Y": Y is not supported)."""
    noun = doc[cue.end - 1]
    return (
        cue.predicate == "supports"
        and noun.pos_ == "NOUN"
        and not passive
        and not cue.reverse
        and not _argument_of(noun, right[0])
    )


def _holds(noun: Token, ment: Ment) -> bool:
    """Whether a mention hangs on the noun ("part of X", "a wing of the X movement")."""
    return any(a.i == noun.i for a in ment.span.root.ancestors)


def _argument_of(noun: Token, ment: Ment) -> bool:
    """Whether a mention hangs on the noun ("support for X") or, through a preposition,
    on the noun's verb ("gave support to X")."""
    root = ment.span.root
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:
        root = root.head
    prep = root.head
    return (
        root.dep_ == "pobj"
        and prep.lower_ in ("to", "for", "of", "from")
        and prep.head.i in (noun.i, noun.head.i)
    )


def _apposed_to(noun: Token, by_token: dict[int, Ment]) -> Ment | None:
    """The mention a noun is in apposition to ("HAD, AQ's affiliate"), if any."""
    if noun.dep_ != "appos" or noun.pos_ != "NOUN":
        return None
    return by_token.get(noun.head.i)


def _blocked(doc: Doc, left: list[Ment], cue: Cue, blockers: frozenset[str]) -> bool:
    """A word between the left names and a part noun that makes the names modifiers
    ("the X-linked faction", "former X affiliate", "the faction outside of X")."""
    before = doc[left[0].start - 1].lower_ if left[0].start > 0 else ""
    between = {doc[i].lower_ for i in range(left[-1].end, cue.start)}
    return (before in blockers and before in PRIOR_BLOCKERS) or bool(between & blockers)


def _unanchored_compound(doc: Doc, cue: Cue, mention_ends: set[int], start: int) -> bool:
    """A one-word cue glued by a hyphen to something that is not a name ("Western-backed",
    "Chechen-led"): it describes the noun after it, not a link between two names."""
    i = cue.start
    if cue.end - i != 1 or i - 2 < start or doc[i - 1].text not in ("-", "–"):
        return False
    return (i - 1) not in mention_ends


def _clause_subject(token: Token, lists: list[list[Ment]]) -> list[Ment] | None:
    """The list holding the subject of the token's clause, climbing through
    participle and infinitive clauses ("..., while maintaining links with Y")."""
    verb = governing_verb(token)
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                found = next(
                    (lst for lst in lists if any(m.start <= child.i < m.end for m in lst)), None
                )
                return _coordinated_with(child, lists, found) if found else None
        if verb.dep_ not in ("advcl", "xcomp", "conj", "pcomp") or verb.head.i == verb.i:
            return None
        verb = governing_verb(verb.head)
    return None


def _coordinated_with(subject: Token, lists: list[list[Ment]], lst: list[Ment]) -> list[Ment]:
    """The names the subject coordinates ("A and two other groups, B and C": all three),
    not names its list merely runs into ("Affiliated with X, Y operates ...": Y alone)."""
    tokens = {subject.i}
    stack = [subject]
    while stack:
        for child in stack.pop().children:
            if child.dep_ in ("conj", "appos", "compound") and child.i not in tokens:
                tokens.add(child.i)
                stack.append(child)
    own = [m for other in lists for m in other if any(m.start <= i < m.end for i in tokens)]
    return own or lst


def _anaphor_subject(token: Token, prior: list[Ment]) -> list[Ment] | None:
    """The group an anaphoric subject of the token's clause ("it", "the group") stands for."""
    verb = governing_verb(token)
    for _ in range(3):
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass"):
                if not is_group_anaphor(child):
                    return None
                ante = subject_antecedent(prior, child)
                return [ante] if ante is not None else None
        if verb.dep_ not in ("advcl", "xcomp", "conj") or verb.head.i == verb.i:
            return None
        verb = governing_verb(verb.head)
    return None


def _glued_modifier(doc: Doc, ment: Ment, end: int) -> bool:
    """A name glued by a hyphen to a participle ("al-Qaeda-linked", "Taliban-aligned")."""
    return (
        ment.end + 1 < end
        and doc[ment.end].text in ("-", "–")
        and doc[ment.end + 1].tag_ in ("VBN", "VBD", "JJ")
    )


def _modifies_cue(doc: Doc, ment: Ment, cue: Cue) -> bool:
    """Whether a modifier name attaches to this cue ("X's current affiliate", "X-linked")."""
    if not ment.end <= cue.start <= ment.end + 4:
        return False
    between = doc[ment.end : cue.start]
    return all(t.lower_ in ("'s", "’s", "-", "–") or t.pos_ == "ADJ" for t in between)


def _possessor(doc: Doc, ment: Ment, end: int) -> bool:
    """A name in the possessive ("AQ's current affiliate")."""
    return ment.end < end and doc[ment.end].lower_ in ("'s", "’s")


def _coordinated(doc: Doc, start: int, stop: int) -> bool:
    """Whether "and" joins what ends at ``start`` to what begins at ``stop``."""
    return any(doc[i].lower_ in ("and", "&") for i in range(start, stop))


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
