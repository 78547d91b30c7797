"""The ``oxus_events`` component: what happened, who did it, to whom, where and when.

A trigger word (``patterns/events.yaml``) opens an event; its arguments come from the
trigger's clause: agents from the subject side ("by X", "X's attack", or unnamed
authorities of a state: "Uzbek police detained"), targets from the object side ("on X",
"against X"), the most specific place of the trigger's clause (else of the sentence) as
location, the date nearest the trigger in the parse and the sentence's counts.
One event per trigger clause; events of one type in one sentence are merged, and an
event repeating an earlier one of the document (a headline restated) is dropped.

Only what happened counts: a trigger that modifies another noun ("attack helicopters"),
or whose clause is negated, modal or governed by an intention or prevention word
("planning attacks", "capacity to prevent attacks"), opens no event of the types that
must be realis; a planned attack whose plotters are arrested is a foiled plot.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from oxus.model import Entity, EntityType, Event, EventType, entity_id
from oxus.nlp.clauses import (
    Ment,
    dates_in,
    evidence_for,
    governing_verb,
    in_subtree,
    sentences_with_mentions,
)
from oxus.nlp.event_counts import counts_getter
from oxus.nlp.extensions import DATES, MENTIONS, doc_entities, doc_list
from oxus.nlp.lexicon import load_lexicon, phrase_set
from oxus.nlp.relations_links import Cue, CueIndex

SUBJECT_DEPS = frozenset({"nsubj", "agent", "poss", "compound", "amod", "nmod"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "pobj", "attr", "oprd", "dative", "ccomp", "xcomp"})
LOCATIVE = frozenset({"in", "at", "near", "across", "throughout", "inside", "outside"})
ACTOR_TYPES = frozenset({"group", "person", "organization", "state"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
RELATIVE = frozenset({"who", "whom", "which", "that"})
MODIFIER_DEPS = frozenset({"compound", "amod"})
CLIMB_DEPS = frozenset(
    {"xcomp", "dobj", "pobj", "prep", "pcomp", "compound", "amod", "conj", "acl", "advcl"}
    | {"nsubjpass"}
)
"""Dependencies through which an irrealis context above a trigger still governs it."""


class EventExtractor:
    """Finds events in a parsed Doc whose mentions are already linked."""

    def __init__(self, *, lexicon: str = "events") -> None:
        lex = load_lexicon(lexicon)
        self.phrasal = {
            tuple(w.split(" ")): kind
            for kind, words in lex["triggers"].items()
            for w in words
            if len(w.split(" ")) == 2
        }
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
        self.modifier_types = phrase_set(lex.get("modifier_types"))
        self.active_only = phrase_set(lex.get("active_only"))
        self.descriptive = phrase_set(lex.get("descriptive_participles"))
        self.state_agents = phrase_set(lex.get("state_agents"))
        self.agent_preps = phrase_set(lex.get("agent_preps"))
        self.target_preps = phrase_set(lex.get("target_preps"))
        self.with_preps = phrase_set(lex.get("with_preps"))
        self.authorities = phrase_set(lex.get("authority_nouns"))
        self.authority_types = phrase_set(lex.get("authority_types"))
        self.force_lemmas = phrase_set(lex.get("force_triggers"))
        self.combatants = phrase_set(lex.get("combatant_nouns"))
        captive = lex.get("captives", {})
        self.captive_triggers = phrase_set(captive.get("triggers"))
        self.captive_things = phrase_set(captive.get("things"))
        dem = load_lexicon("demonyms").get("demonyms") or {}
        self.demonyms = {d.lower(): state for state, words in dem.items() for d in words}
        self.count_keys: dict[str, list[str]] = lex.get("count_keys", {})
        self.counts = counts_getter()
        realis = lex.get("realis", {})
        self.realis_types = phrase_set(realis.get("types"))
        self.modals = phrase_set(realis.get("modals"))
        self.plan_heads = phrase_set(realis.get("plan_heads"))
        self.irrealis_heads = phrase_set(realis.get("irrealis_heads"))

    def __call__(self, doc: Doc) -> Doc:
        events = doc_list(doc, "events")
        for index, sent, mentions in sentences_with_mentions(doc):
            if not mentions:
                continue
            by_token = {i: m for m in mentions for i in range(m.start, m.end)}
            cues = self.cues.find(sent) + self._phrasal_cues(sent)
            kinds = {c.predicate for c in cues}
            merged: dict[str, Event] = {}
            for cue in cues:
                tok = sent.doc[cue.start]
                kind = self._opened_kind(tok, cue, kinds, events, by_token)
                if kind is None:
                    continue
                event = self._event(sent, index, tok, kind, mentions, by_token)
                if event is None:
                    continue
                for part in _split_by_date(event, tok, mentions):
                    key = event.type.value if part is event else _key(part)
                    if key in merged:
                        _merge(merged[key], part)
                    else:
                        merged[key] = part
            for event in merged.values():
                if not any(_same_event(event, seen) for seen in events):
                    events.append(event)
        return doc

    def _opened_kind(
        self,
        tok: Token,
        cue: Cue,
        kinds: set[str],
        events: list[Event],
        by_token: dict[int, Ment],
    ) -> str | None:
        """The type of event a cue opens, or None: not a trigger here, unreal, a bare
        reference to an event already reported, or a capture of things, not people."""
        if cue.start in by_token or not self._accept(tok, cue):
            return None
        kind = self._realis_kind(tok, cue.predicate, kinds)
        if kind is None or (_anaphoric(tok) and any(e.type == kind for e in events)):
            return None
        if kind == "arrest" and not self._takes_people(tok, by_token):
            return None
        if kind in self.descriptive and tok.dep_ in ("acl", "relcl") and tok.tag_ == "VBG":
            return None
        return kind

    def _phrasal_cues(self, sent: Span) -> list[Cue]:
        """Two-word triggers inflected as verb + particle ("rounded up", "broke up")."""
        found = []
        for tok in sent:
            if tok.pos_ != "VERB":
                continue
            for child in tok.children:
                kind = self.phrasal.get((tok.lemma_.lower(), child.lower_))
                if child.dep_ == "prt" and kind is not None:
                    found.append(Cue(kind, tok.i, child.i + 1))
        return found

    def _realis_kind(self, tok: Token, kind: str, kinds: set[str]) -> str | None:
        """The event type a trigger opens given its modality, or None for none.

        Types in ``realis.types`` need an event that happened: a negated, modal or
        intended/prevented trigger opens nothing, except that a planned attack in a
        sentence that also reports an arrest is the foiled plot. Types in ``active_only``
        need a doer: "he is accused of" names no one who accuses.
        """
        if kind in self.active_only and _agentless_passive(tok):
            return None
        if kind == "attack" and self._combatant_deaths(tok):
            return None
        if kind not in self.realis_types:
            return kind
        context = self._irrealis(tok)
        if context is None:
            return kind
        if kind == "attack" and context in self.plan_heads:
            return "plot_foiled" if "arrest" in kinds else None
        return None

    def _takes_people(self, tok: Token, by_token: dict[int, Ment]) -> bool:
        """Whether a capture-type trigger takes people ("captured a weapons facilitator"),
        not territory or things ("captured Kabul", "tanks captured in battle")."""
        if tok.lemma_.lower() not in self.captive_triggers:
            return True
        taken = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        first = tok
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ in ("acl", "amod"):
            taken.append(first.head)
        for noun in taken:
            ment = by_token.get(noun.i)
            if ment is not None and ment.type in ("place", "state"):
                return False
            if noun.lemma_.lower() in self.captive_things:
                return False
        return True

    def _combatant_deaths(self, tok: Token) -> bool:
        """ "Dozens of militants were killed": a toll of fighting, not an attack of its own
        (a named victim, "X was killed in 2009", still is one)."""
        if tok.lemma_.lower() not in self.force_lemmas or not _agentless_passive(tok):
            return False
        for child in tok.children:
            if child.dep_ == "nsubjpass":
                noun = child
                if child.pos_ == "NUM" or child.lemma_.lower() in ("some", "many", "most"):
                    noun = next((g for g in child.subtree if g.pos_ == "NOUN"), child)
                return noun.lemma_.lower() in self.combatants
        return False

    def _irrealis(self, tok: Token) -> str | None:
        """The word that makes the trigger unreal ("not", "will", "plan", "planned
        attacks"), if any: a modifier of it, or a negation, modal or head above it."""
        for child in tok.children:
            if child.dep_ in MODIFIER_DEPS and child.lemma_.lower() in self.irrealis_heads:
                return child.lemma_.lower()
        node = tok
        for _ in range(8):
            lemma = node.lemma_.lower()
            if node.i != tok.i and lemma in self.irrealis_heads:
                return lemma
            for child in node.children:
                if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in self.modals):
                    return child.lower_
            if node.dep_ not in CLIMB_DEPS or node.head.i == node.i:
                return None
            node = node.head
        return None

    def _accept(self, tok: Token, cue: Cue) -> bool:
        """Whether a one-word trigger has a part of speech that can name an event."""
        lemma = tok.lemma_.lower()
        if cue.end - cue.start > 1:
            return True
        if tok.dep_ in MODIFIER_DEPS and tok.head.pos_ in ("NOUN", "PROPN"):
            head_is_trigger = tok.head.lemma_.lower() in self.cues.words
            if head_is_trigger or cue.predicate not in self.modifier_types:
                return False
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
        location = _location(_in_clause(tok, mentions)) or _location(mentions)
        if not agents and not targets:
            clause = governing_verb(tok)
            lo, hi = clause.left_edge.i, clause.right_edge.i
            for ment in mentions:
                if ment is location or ment.type not in ACTOR_TYPES or not lo <= ment.start <= hi:
                    continue
                (agents if ment.start < tok.i else targets).append(ment)
        agents = [m for m in agents if m is not location and m.type in ACTOR_TYPES]
        targets = [m for m in targets if m is not location and m.type in ACTOR_TYPES]
        authority = self._authority(tok, by_token)
        state = authority if not any(m.type != "group" for m in agents) else None
        if kind == "attack" and self._force_on_militants(tok, authority, agents):
            kind = "clash"
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
        if not agents and not targets and location is None and not state:
            return None
        agent_ids = _ids(agents)
        if state and state not in agent_ids and kind in self.authority_types:
            agent_ids.append(state)
        counts = self.counts(sent) if kind in self.count_keys else {}
        allowed = self.count_keys.get(kind, [])
        return Event(
            type=EventType(kind),
            evidence=evidence_for(sent, index),
            date=_date(sent, tok),
            location=location.id if location else None,
            agents=agent_ids,
            targets=[i for i in _ids(targets) if i not in agent_ids],
            counts={k: v for k, v in counts.items() if k in allowed},
        )

    def _force_on_militants(self, tok: Token, authority: str | None, agents: list[Ment]) -> bool:
        """Security forces killing or striking militants: a clash, not an attack."""
        return (
            authority is not None
            and tok.lemma_.lower() in self.force_lemmas
            and not any(m.type in ("group", "person") for m in agents)
        )

    def _authority(self, tok: Token, by_token: dict[int, Ment]) -> str | None:
        """The state whose unnamed authorities act ("Uzbek authorities detained", "police
        in Germany arrested"): its entity id, "" for authorities of no named state, None
        when the doer is not an authority."""
        for doer in _doers(tok):
            if doer.lemma_.lower() not in self.authorities or doer.i in by_token:
                continue
            for child in doer.children:
                state = self.demonyms.get(child.lower_)
                if child.dep_ in ("compound", "amod") and state:
                    return state_entity_id(tok.doc, state)
                if child.dep_ == "prep" and child.lower_ in ("in", "of"):
                    for pobj in child.children:
                        ment = by_token.get(pobj.i)
                        if ment is not None and ment.type == "state":
                            return ment.id
            return ""
        return None

    def _arguments(self, tok: Token, by_token: dict[int, Ment]) -> tuple[list[Ment], list[Ment]]:
        """Agents and targets from the trigger's dependents (and its light verb's)."""
        agents: list[Ment] = []
        targets: list[Ment] = []
        heads = [tok]
        if tok.pos_ == "NOUN" and tok.dep_ in ("dobj", "pobj", "nsubjpass", "attr"):
            verb = tok.head if tok.dep_ != "pobj" else tok.head.head
            heads.append(verb)
        shared = _shared_subject(heads[-1])
        if shared is not None:
            agents.extend(_subtree_ments(shared, by_token))
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
                    agents.extend(_subtree_ments(_antecedent(child), by_token))
                elif dep in OBJECT_DEPS and head is tok:
                    targets.extend(_subtree_ments(_antecedent(child), by_token))
        return _unique(agents), _unique(targets)


def _antecedent(token: Token) -> Token:
    """What a relative pronoun stands for: "X, the leader who was killed" -> X."""
    if token.lower_ not in RELATIVE or token.head.dep_ != "relcl":
        return token
    noun = token.head.head
    while noun.dep_ == "appos" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def _agentless_passive(tok: Token) -> bool:
    """A passive verb with no "by" agent ("X is accused of ...")."""
    if tok.pos_ != "VERB":
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubjpass" in deps and "agent" not in deps


def _anaphoric(tok: Token) -> bool:
    """A definite nominal trigger with no date or participant of its own ("after the
    attack", "these arrests"): it points back to an event the document already reported."""
    if tok.pos_ != "NOUN" or not any(c.lower_ in DEFINITE for c in tok.children):
        return False
    doc = tok.doc
    own = [*doc.spans.get(DATES, []), *doc.spans.get(MENTIONS, [])]
    return not any(span.root.i != tok.i and in_subtree(span.root, tok) for span in own)


def _doers(tok: Token) -> list[Token]:
    """Who performs the trigger: a verb's subject or "by" agent; a noun's possessor, "by"
    agent, or the subject of the light verb it is the object of ("troops conducted a raid")."""
    doers = [c for c in tok.children if c.dep_ == "poss"]
    heads = [tok] if tok.pos_ == "VERB" else []
    if tok.pos_ != "VERB" and tok.dep_ == "dobj":
        heads.append(tok.head)
    for head in heads:
        doers += [c for c in head.children if c.dep_ == "nsubj"]
        doers += [g for c in head.children if c.dep_ == "agent" for g in c.children]
    if tok.pos_ != "VERB":
        doers += [g for c in tok.children if c.lower_ == "by" for g in c.children]
    return doers


def _shared_subject(verb: Token) -> Token | None:
    """The subject a subjectless conjoined, adverbial or complement verb shares with the
    verb it hangs from ("X met Y and signed a deal", "X, hosting Y, ...")."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("conj", "advcl", "xcomp"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    first = verb.head
    return next((c for c in first.children if c.dep_ == "nsubj"), None)


@cache
def _pack_states() -> dict[str, Entity]:
    """Pack states by canonical name, so a demonym's state resolves to its pack id."""
    from oxus.kb.pack import default_pack

    return {e.name: e for e in default_pack().entities() if e.type == EntityType.STATE}


def state_entity_id(doc: Doc, name: str) -> str:
    """The id of the state ``name``, added to the document's entities when new to it."""
    for ent in doc_entities(doc).values():
        if ent.type == EntityType.STATE and ent.name == name:
            return str(ent.id)
    ent = _pack_states().get(name)
    if ent is None:
        ent = Entity(entity_id(EntityType.STATE, name), EntityType.STATE, name)
    doc_entities(doc).setdefault(ent.id, ent)
    return ent.id


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


def _in_clause(tok: Token, mentions: list[Ment]) -> list[Ment]:
    """The mentions inside the trigger's clause (a place there is the event's own)."""
    clause = governing_verb(tok)
    return [m for m in mentions if in_subtree(m.span.root, clause)]


def _locative(ment: Ment) -> bool:
    """A mention under "in", "at", "near" (or in a list under one: "in X and Y")."""
    root = ment.span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in LOCATIVE


def _acting(ment: Ment) -> bool:
    """A place as the subject of a verb other than "be": a city standing for its rulers."""
    root = ment.span.root
    return root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ != "be"


def _location(mentions: list[Ment]) -> Ment | None:
    """The most specific location: a place under a locative preposition, then any place
    but a subject ("Kabul fell", "Moscow held drills" name actors), then a state under a
    locative preposition."""
    for ok in (
        lambda m: m.type == "place" and _locative(m),
        lambda m: m.type == "place" and not _acting(m),
        lambda m: m.type == "state" and _locative(m),
    ):
        for ment in mentions:
            if ok(ment):
                return ment
    return None


def _date(sent: Span, tok: Token) -> str | None:
    """The date the trigger's own phrase or clause carries, else the sentence's first.

    "The trial over the May attack begins in June": the attack is dated May, not June.
    """
    dates = dates_in(sent)
    if not dates:
        return None
    clause = governing_verb(tok)

    def rank(span: Span) -> tuple[int, int]:
        root = span.root
        if in_subtree(root, tok):
            return (0, abs(root.i - tok.i))
        if governing_verb(root).i == clause.i:
            return (1, abs(root.i - tok.i))
        return (2, 0)

    best = min(dates, key=rank)
    date: str | None = best._.date
    return date


def _split_by_date(event: Event, tok: Token, mentions: list[Ment]) -> list[Event]:
    """One event per place when the clause dates its places apart ("arrests took place in
    February in Tomsk and Omsk, and in May in Kazan"): each place with the date before it."""
    clause = governing_verb(tok)
    lo, hi = clause.left_edge.i, clause.right_edge.i
    spans = tok.doc.spans.get(DATES, [])
    dates = [d for d in spans if lo <= d.start and d.end <= hi + 1 and d._.date]
    if len({d._.date for d in dates}) < 2:
        return [event]
    parts: list[Event] = []
    for ment in mentions:
        if ment.type not in ("place", "state") or not lo <= ment.start <= hi:
            continue
        before = [d for d in dates if d.end <= ment.start]
        if not before or not _locative(ment):
            continue
        part = replace(event, location=ment.id, date=before[-1]._.date)
        part.agents, part.targets = list(event.agents), list(event.targets)
        part.counts = dict(event.counts)
        parts.append(part)
    if len({p.date for p in parts}) < 2:
        return [event]
    return parts


def _key(event: Event) -> str:
    return f"{event.type.value}@{event.location}@{event.date}"


def _same_event(first: Event, second: Event) -> bool:
    """Whether two events of one document are one restated: type, date, place and actors."""
    return (
        first.type == second.type
        and first.date == second.date
        and first.location == second.location
        and set(first.agents) | set(first.targets) == set(second.agents) | set(second.targets)
    )


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
