"""The ``oxus_events`` component: what happened, who did it, to whom, where and when.

A trigger word (``patterns/events.yaml``) opens an event; its arguments come from the
trigger's clause: agents from the subject side ("by X", "X's attack"), targets from the
object side ("on X", "against X"), the most specific place in the sentence as location,
the sentence's date and its casualty or arrest counts. One event per trigger clause;
events of one type in one sentence are merged.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import Event, EventType
from oxus.nlp.clauses import Ment, dates_in, evidence_for, governing_verb, sentences_with_mentions
from oxus.nlp.event_counts import counts_getter
from oxus.nlp.extensions import doc_list
from oxus.nlp.lexicon import load_lexicon, phrase_set
from oxus.nlp.relations_links import CueIndex

SUBJECT_DEPS = frozenset({"nsubj", "agent", "poss", "compound", "amod", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "attr", "oprd", "dative", "ccomp", "xcomp"})
LOCATIVE = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside", "from"})
ACTOR_TYPES = frozenset({"group", "person", "organization", "state"})


class EventExtractor:
    """Finds events in a parsed Doc whose mentions are already linked."""

    def __init__(self, *, lexicon: str = "events") -> None:
        lex = load_lexicon(lexicon)
        self.cues = CueIndex(
            {
                kind: {
                    "lemmas": [w for w in words if " " not in w],
                    "phrases": [w for w in words if " " in w],
                }
                for kind, words in lex["triggers"].items()
            }
        )
        self.verb_only = phrase_set(lex.get("verb_only"))
        self.noun_only = phrase_set(lex.get("noun_only"))
        self.state_agents = phrase_set(lex.get("state_agents"))
        self.agent_preps = phrase_set(lex.get("agent_preps"))
        self.target_preps = phrase_set(lex.get("target_preps"))
        self.with_preps = phrase_set(lex.get("with_preps"))
        self.count_keys: dict[str, list[str]] = lex.get("count_keys", {})
        self.counts = counts_getter()

    def __call__(self, doc: Doc) -> Doc:
        events = doc_list(doc, "events")
        for index, sent, mentions in sentences_with_mentions(doc):
            if not mentions:
                continue
            by_token = {i: m for m in mentions for i in range(m.start, m.end)}
            merged: dict[str, Event] = {}
            for cue in self.cues.find(sent):
                tok = sent.doc[cue.start]
                if cue.start in by_token or not self._accept(tok, cue.end - cue.start):
                    continue
                event = self._event(sent, index, tok, cue.predicate, mentions, by_token)
                if event is None:
                    continue
                key = event.type.value
                if key in merged:
                    _merge(merged[key], event)
                else:
                    merged[key] = event
            events.extend(merged.values())
        return doc

    def _accept(self, tok: Token, length: int) -> bool:
        lemma = tok.lemma_.lower()
        if length > 1:
            return True
        if lemma in self.verb_only or tok.lower_ in self.verb_only:
            return tok.pos_ == "VERB"
        if lemma in self.noun_only or tok.lower_ in self.noun_only:
            return tok.pos_ in ("NOUN", "PROPN")
        return tok.pos_ in ("VERB", "NOUN", "ADJ", "PROPN")

    def _event(
        self,
        sent: Span,
        index: int,
        tok: Token,
        kind: str,
        mentions: list[Ment],
        by_token: dict[int, Ment],
    ) -> Event | None:
        agents, targets = self._arguments(tok, by_token)
        location = _location(mentions)
        if not agents and not targets:
            clause = governing_verb(tok)
            lo, hi = clause.left_edge.i, clause.right_edge.i
            for ment in mentions:
                if ment is location or ment.type not in ACTOR_TYPES or not lo <= ment.start <= hi:
                    continue
                (agents if ment.start < tok.i else targets).append(ment)
        agents = [m for m in agents if m is not location and m.type in ACTOR_TYPES]
        targets = [m for m in targets if m is not location and m.type in ACTOR_TYPES]
        if kind in self.state_agents:
            movers = [m for m in agents if m.type in ("group", "person")]
            agents = [m for m in agents if m not in movers]
            targets = movers + targets
        elif (
            kind == "attack"
            and agents
            and all(m.type in ("state", "organization") for m in agents)
            and any(m.type == "group" for m in targets)
        ):
            kind = "clash"
        if not agents and not targets and location is None:
            return None
        dates = dates_in(sent)
        counts = self.counts(sent) if kind in self.count_keys else {}
        allowed = self.count_keys.get(kind, [])
        return Event(
            type=EventType(kind),
            evidence=evidence_for(sent, index),
            date=dates[0]._.date if dates else None,
            location=location.id if location else None,
            agents=_ids(agents),
            targets=[i for i in _ids(targets) if i not in _ids(agents)],
            counts={k: v for k, v in counts.items() if k in allowed},
        )

    def _arguments(self, tok: Token, by_token: dict[int, Ment]) -> tuple[list[Ment], list[Ment]]:
        """Agents and targets from the trigger's dependents (and its light verb's)."""
        agents: list[Ment] = []
        targets: list[Ment] = []
        heads = [tok]
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            heads.append(verb)
        for head in heads:
            for child in head.children:
                dep = child.dep_
                if dep == "prep":
                    word = child.lower_
                    bucket = (
                        agents
                        if word in self.agent_preps
                        else targets
                        if word in self.target_preps or word in self.with_preps
                        else None
                    )
                    if bucket is not None:
                        for pobj in child.children:
                            bucket.extend(_subtree_ments(pobj, by_token))
                elif dep in SUBJECT_DEPS and (head is tok or dep == "nsubj"):
                    agents.extend(_subtree_ments(child, by_token))
                elif dep in OBJECT_DEPS and head is tok:
                    targets.extend(_subtree_ments(child, by_token))
        return _unique(agents), _unique(targets)


def _subtree_ments(token: Token, by_token: dict[int, Ment]) -> list[Ment]:
    return _unique([by_token[t.i] for t in token.subtree if t.i in by_token])


def _unique(ments: list[Ment]) -> list[Ment]:
    out: list[Ment] = []
    for ment in ments:
        if all(ment.id != m.id for m in out):
            out.append(ment)
    return out


def _ids(ments: list[Ment]) -> list[str]:
    return list(dict.fromkeys(m.id for m in ments))


def _location(mentions: list[Ment]) -> Ment | None:
    """The most specific location: a place under a locative preposition, then any place,
    then a state under a locative preposition."""

    def locative(ment: Ment) -> bool:
        root = ment.span.root
        return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE

    for ok in (
        lambda m: m.type == "place" and locative(m),
        lambda m: m.type == "place",
        lambda m: m.type == "state" and locative(m),
    ):
        for ment in mentions:
            if ok(ment):
                return ment
    return None


def _merge(into: Event, other: Event) -> None:
    for ent in other.agents:
        if ent not in into.agents:
            into.agents.append(ent)
    for ent in other.targets:
        if ent not in into.targets and ent not in into.agents:
            into.targets.append(ent)
    into.location = into.location or other.location
    into.date = into.date or other.date
    for key, value in other.counts.items():
        into.counts.setdefault(key, value)


@Language.factory(
    "oxus_events",
    assigns=["doc._.events"],
    requires=["token.dep", "token.lemma", "token.pos", "doc.sents"],
    default_config={"lexicon": "events"},
)
def make_events(nlp: Language, name: str, *, lexicon: str) -> EventExtractor:
    return EventExtractor(lexicon=lexicon)
