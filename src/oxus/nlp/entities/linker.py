"""``oxus_linker``: give every candidate mention an entity — pack or provisional.

Runs after ``oxus_gazetteer``. In order:

1. resolve candidates the pack phrases did not claim (``NameMatcher.resolve``); a pack
   hit keeps the pack's type, otherwise the type comes from context cues;
2. capture aliases the text declares ("X (alias “Y”)", "X (IMU)") and link them to X;
3. find short forms (surnames, first names, captured aliases) elsewhere in the document;
4. group the remaining names into provisional entities (longest surface = name).

The result replaces ``doc.spans["oxus_mentions"]`` and fills ``doc._.entities``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span

from oxus.kb.matcher import Link, matcher_for
from oxus.kb.names import fold, has_cyrillic
from oxus.kb.translit import to_latin
from oxus.model import Entity, EntityType, entity_id
from oxus.nlp.entities.aliases import capture_after
from oxus.nlp.entities.boilerplate import boilerplate_of
from oxus.nlp.entities.coref import LocalNames, person_short_forms
from oxus.nlp.entities.cues import entity_cues
from oxus.nlp.entities.gazetteer import is_nisba
from oxus.nlp.entities.speakers import speaks
from oxus.nlp.entities.types import context_type
from oxus.nlp.extensions import (
    MENTIONS,
    doc_entities,
    doc_text,
    register_extensions,
    token_strings,
)

NICKNAME = re.compile(r"\b(?:alias|aka|a\.k\.a|nom de guerre|nicknamed)\b", re.I)
NEW = "new:"
"""Prefix of a working id for a name not (yet) linked: ``new:`` + folded surface."""


@dataclass
class Working:
    """A mention being linked: token range, entity (pack id or ``new:`` key), how."""

    start: int
    end: int
    type: EntityType
    id: str
    method: str
    score: float
    aliases: list[str] = field(default_factory=list)

    @property
    def provisional(self) -> bool:
        return self.id.startswith(NEW)


class Linker:
    """The spaCy component; the pack index is shared with the gazetteer (one per process)."""

    def __init__(self, nlp: Language, *, pack_dir: str | None) -> None:
        register_extensions()
        self.matcher = matcher_for(pack_dir)
        self.cues = entity_cues(nlp.lang or "en")

    def __call__(self, doc: Doc) -> Doc:
        resolved = (self._resolve(doc, span) for span in doc.spans.get(MENTIONS, []))
        mentions = [m for m in resolved if m is not None]
        _retype_listed_places(doc, mentions)
        local = LocalNames(titles=self.cues.honorifics)
        mentions = self._capture(doc, mentions, local)
        self._add_short_forms(doc, mentions, local)
        mentions = self._relink(doc, mentions, local)
        self._merge_short_forms(doc, mentions)
        skipped = boilerplate_of(doc_text(doc), self.cues)
        if skipped:
            mentions = [m for m in mentions if doc[m.start].idx not in skipped]
        self._write(doc, mentions)
        return doc

    def _resolve(self, doc: Doc, span: Span) -> Working | None:
        if span.kb_id_:
            entity = self.matcher.entities[span.kb_id_]
            return Working(
                span.start, span.end, entity.type, entity.id,
                span._.link_method or "exact", span._.link_score or 1.0,
            )  # fmt: skip
        guess = context_type(span, EntityType(span.label_), self.cues)
        end = span.end
        if end < len(doc) and doc[end].lower_ in self.cues.place_heads and doc[end].is_title:
            end, guess = end + 1, EntityType.PLACE
        surface = doc[span.start : end].text
        link = self.matcher.resolve(surface, guess)
        if (link.entity_id is None or link.is_new) and doc.lang_ == "ru":
            link = self._resolve_nominative(doc[span.start : end], guess) or link
        if link.entity_id is not None and not link.is_new:
            entity = self.matcher.entities[link.entity_id]
            if is_nisba(surface, entity):
                return Working(span.start, end, guess, NEW + fold(surface), "new", 0.5)
            return Working(span.start, end, entity.type, entity.id, link.method, link.score)
        return Working(span.start, end, guess, NEW + fold(surface), "new", 0.5)

    def _resolve_nominative(self, span: Span, guess: EntityType) -> Link | None:
        """A Russian name the pack knows only in the nominative ("Бакиеву": Bakiyev)."""
        from oxus.nlp.lang.ru.names import normal_form

        nominative = normal_form(span, organisation=guess in ORG_TYPES)
        if nominative == span.text:
            return None
        link = self.matcher.resolve(nominative, guess)
        return link if link.entity_id is not None and not link.is_new else None

    def _capture(self, doc: Doc, mentions: list[Working], local: LocalNames) -> list[Working]:
        """Link aliases declared right after a mention to that mention's entity."""
        text = doc_text(doc)
        for mention in sorted(mentions, key=lambda m: m.start):
            name = doc[mention.start : mention.end]
            for alias in capture_after(
                text, name.text, name.end_char, self.cues, name_tokens=len(name)
            ):
                span = doc.char_span(alias.start, alias.end, alignment_mode="expand")
                if span is None:
                    continue
                overlapping = [m for m in mentions if m.start < span.end and span.start < m.end]
                packed = [m for m in overlapping if not m.provisional]
                if packed and any(p.id != mention.id for p in packed):
                    if mention.provisional and len(packed) == 1:
                        self._rename(mentions, mention.id, packed[0].id, packed[0].type)
                    continue
                mentions = [m for m in mentions if m not in overlapping]
                mentions.append(
                    Working(span.start, span.end, mention.type, mention.id, "alias-capture", 0.9)
                )
                mention.aliases.append(alias.text)
                if mention.provisional and NICKNAME.search(text[name.end_char : alias.start]):
                    self._retype(mentions, mention.id, EntityType.PERSON)
                local.add([t.text for t in span], mention.id, method="alias-capture")
        return mentions

    @staticmethod
    def _retype(mentions: list[Working], id_: str, type_: EntityType) -> None:
        """ "Khikmatov (alias “Abdul Aziz”)": a nom de guerre is a person's."""
        for m in mentions:
            if m.id == id_:
                m.type = type_

    @staticmethod
    def _rename(mentions: list[Working], old: str, new: str, type_: EntityType) -> None:
        for m in mentions:
            if m.id == old:
                m.id, m.type, m.method, m.score = new, type_, "alias-capture", 0.9

    def _add_short_forms(self, doc: Doc, mentions: list[Working], local: LocalNames) -> None:
        names: dict[str, set[str]] = defaultdict(set)
        for m in mentions:
            if m.provisional and m.end - m.start == 1:
                continue  # a lone word is a short form to resolve, not a name owning one
            if m.type is EntityType.PERSON:
                names[m.id].add(doc[m.start : m.end].text)
                entity = self.matcher.entity(m.id)
                if entity is not None:
                    names[m.id].add(entity.name)
        for word, id_ in person_short_forms(names, self.cues).items():
            local.add([word], id_)

    def _relink(self, doc: Doc, mentions: list[Working], local: LocalNames) -> list[Working]:
        """Find short forms outside mentions, and re-point lone provisional words to them."""
        if not local:
            return mentions
        loose = [m for m in mentions if m.provisional and m.end - m.start == 1]
        taken = {i for m in mentions if m not in loose for i in range(m.start, m.end)}
        types = {m.id: m.type for m in mentions}
        for start, end, id_, method in local.find(doc, taken):
            covered = [m for m in loose if start <= m.start and m.end <= end]
            partial = [m for m in loose if m.start < end and start < m.end and m not in covered]
            if partial or id_ not in types:
                continue
            mentions = [m for m in mentions if m not in covered]
            mentions.append(Working(start, end, types[id_], id_, method, 0.8))
        return mentions

    def _merge_short_forms(self, doc: Doc, mentions: list[Working]) -> None:
        """Give an unknown name the entity of a longer name it shortens, nearest earlier
        first: "the Interior Ministry" after "the Uzbek Interior Ministry", "Treasury"
        after "Treasury Department", "Yuldash" after "Takhir Yuldash"."""
        words = {id(m): _name_words(doc[m.start : m.end]) for m in mentions}
        named_in_full = {m.id for m in mentions if len(words[id(m)]) > 1}
        for m in sorted(mentions, key=lambda m: m.start):
            short = words[id(m)]
            if not short or m.method == "alias-capture":
                continue
            if not m.provisional and not _lone_pack_surname(m, short, named_in_full):
                continue
            if any(w in self.cues.stop_names for w in short):
                continue
            owners = [
                n
                for n in mentions
                if n.id != m.id and _shortens(short, words[id(n)], m.type, n.type)
            ]
            owner = _nearest_owner(m, owners)
            if owner is None:
                continue
            for same in [n for n in mentions if n.id == m.id]:
                same.id, same.type = owner.id, owner.type
                same.method, same.score = "coreference", 0.7

    def _write(self, doc: Doc, mentions: list[Working]) -> None:
        entities = doc_entities(doc)
        final_ids = self._provisional_ids(doc, mentions, entities)
        spans = []
        for m in sorted(mentions, key=lambda m: m.start):
            id_ = final_ids.get(m.id, m.id)
            if not id_:
                continue
            entity = entities.get(id_) or self._pack_copy(id_)
            entities[id_] = entity
            span = Span(doc, m.start, m.end, label=entity.type.value, kb_id=id_)
            span._.link_method = m.method
            span._.link_score = round(m.score, 3)
            spans.append(span)
        doc.spans[MENTIONS] = spans

    @staticmethod
    def _worth_keeping(
        doc: Doc, surfaces: list[str], members: list[Working], lower: set[str]
    ) -> bool:
        """Drop unknown names that are common words ("Treasury" when the text also says
        "treasury") or undefined all-caps abbreviations ("UAV"), unless the text has them
        speak or be told (:func:`~oxus.nlp.entities.speakers.speaks`)."""
        if any(m.method == "alias-capture" or m.aliases for m in members):
            return True
        common = all(" " not in s and s.lower() in lower for s in surfaces)
        if not common and not all(s.isupper() and len(s) <= 5 for s in surfaces):
            return True
        return any(speaks(doc[m.start : m.end]) for m in members)

    def _pack_copy(self, id_: str) -> Entity:
        entity = self.matcher.entities[id_]
        return replace(entity, aliases=list(entity.aliases), sources=list(entity.sources))

    def _provisional_ids(
        self, doc: Doc, mentions: list[Working], entities: dict[str, Entity]
    ) -> dict[str, str]:
        """Turn ``new:`` keys into provisional entities: name, type by vote, aliases."""
        groups: dict[str, list[Working]] = defaultdict(list)
        for m in mentions:
            if m.provisional:
                groups[m.id].append(m)
        lower_words = {w for w in token_strings(doc).text if w.islower()} if groups else set()
        out: dict[str, str] = {}
        for key, members in groups.items():
            surfaces = [doc[m.start : m.end].text for m in members]
            if not self._worth_keeping(doc, surfaces, members, lower_words):
                out[key] = ""
                continue
            longest = max(members, key=lambda m: _name_length(doc[m.start : m.end].text))
            name = doc[longest.start : longest.end].text
            votes = Counter(m.type for m in members)
            type_ = max(votes, key=lambda t: (votes[t], t is members[0].type))
            aliases = [s for s in dict.fromkeys(surfaces) if fold(s) != fold(name)]
            aliases += [a for m in members for a in m.aliases if a not in aliases]
            if has_cyrillic(name):
                name, aliases = latin_name(doc[longest.start : longest.end], type_, aliases)
            id_ = entity_id(type_, name)
            out[key] = id_
            entities[id_] = Entity(
                id=id_, type=type_, name=name, aliases=aliases, status="provisional"
            )
            for m in members:
                m.type = type_
        for m in mentions:
            if not m.provisional and m.aliases and m.id in self.matcher.entities:
                entity = entities.get(m.id) or self._pack_copy(m.id)
                entity.aliases.extend(a for a in m.aliases if a not in entity.aliases)
                entities[m.id] = entity
        return out


def _name_length(surface: str) -> tuple[int, int]:
    """How long a name is: words, then characters (the longest names the entity)."""
    return len(surface.split()), len(surface)


def latin_name(span: Span, type_: EntityType, aliases: list[str]) -> tuple[str, list[str]]:
    """A name written in Cyrillic is known by its Latin transliteration (BGN/PCGN), its
    Cyrillic forms among the aliases: first its nominative, where the language inflects
    ("Махди Арсалона" -> Makhdi Arsalon, aliases Махди Арсалон, Махди Арсалона)."""
    nominative = span.text
    if span.doc.lang_ == "ru":
        from oxus.nlp.lang.ru.names import normal_form

        nominative = normal_form(span, organisation=type_ in ORG_TYPES)
    latin = to_latin(nominative)
    forms = dict.fromkeys([nominative, span.text, *aliases])
    return latin, [a for a in forms if fold(a) != fold(latin)]


LIST_WORDS = frozenset({"and", "or", ",", "&"})
PLACE_TYPES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})
MODIFIER_DEPS = frozenset({"compound", "nmod", "amod", "poss"})


def _retype_listed_places(doc: Doc, mentions: list[Working]) -> None:
    """An unknown one-word name listed with a known place is a place too: "in
    Novosibirsk and Tomsk", "Moscow and Vladimir" (the model reads people and firms)."""
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    for m in mentions:
        if not m.provisional or m.end - m.start != 1 or m.type not in PLACE_TYPES:
            continue
        if doc[m.start].is_upper:
            continue
        left = by_end.get(m.start - 1) if m.start > 0 else None
        right = by_start.get(m.end + 1)
        neighbours = [
            n
            for n, joint in ((left, m.start - 1), (right, m.end))
            if n is not None and joint < len(doc) and doc[joint].lower_ in LIST_WORDS
        ]
        if any(
            not n.provisional and n.type is EntityType.PLACE and _conjuncts(doc, m, n)
            for n in neighbours
        ):
            m.type = EntityType.PLACE


def _conjuncts(doc: Doc, first: Working, second: Working) -> bool:
    """The parse joins the two names as a list ("Novosibirsk and Tomsk"), not "Gazprom
    and Moscow officials"."""
    a, b = doc[first.end - 1], doc[second.end - 1]
    if b.dep_ == "conj" and b.head.i == a.i:
        a, b = b, a
    if not (a.dep_ == "conj" and a.head.i == b.i):
        return False
    return b.dep_ not in MODIFIER_DEPS


def _nearest_owner(short: Working, owners: list[Working]) -> Working | None:
    """The latest owner mentioned before the short form; else the owner named most often
    after it (None on a tie)."""
    earlier = [n for n in owners if n.start < short.start]
    if earlier:
        return max(earlier, key=lambda n: n.start)
    votes = Counter(n.id for n in owners).most_common(2)
    if not votes or (len(votes) == 2 and votes[0][1] == votes[1][1]):
        return None
    return next(n for n in owners if n.id == votes[0][0])


def _lone_pack_surname(m: Working, short: tuple[str, ...], named_in_full: set[str]) -> bool:
    """A pack person met only by one word ("Niyazov") may be another person of that
    name whom the document names in full."""
    return m.type is EntityType.PERSON and len(short) == 1 and m.id not in named_in_full


def _name_words(span: Span) -> tuple[str, ...]:
    """The folded words of a name, article prefixes dropped ("al-Baghdadi" -> "baghdadi")."""
    return tuple(
        ARTICLE.sub("", fold(t.text)) for t in span if not t.is_punct and t.lower_ not in TRAILING
    )


ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|an|az|ul|ud)-")


TRAILING = frozenset({"'s", "’s"})
ORG_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.GROUP})


def _shortens(
    short: tuple[str, ...], full: tuple[str, ...], short_type: EntityType, full_type: EntityType
) -> bool:
    """``short`` is the start or end of the longer name ``full``: a person's first name or
    surname (whatever the short form was typed), or an organisation's name without its
    country ("Interior Ministry") or without its head noun ("Treasury")."""
    if len(short) >= len(full) or not short:
        return False
    if full_type is EntityType.PERSON:
        return len(short) == 1 and short[0] in (full[0], full[-1]) and len(short[0]) >= 3
    if full_type is not short_type or full_type not in ORG_TYPES:
        return False
    return full[: len(short)] == short or full[-len(short) :] == short


@Language.factory(
    "oxus_linker",
    assigns=["doc.spans", "doc._.entities", "span._.link_method", "span._.link_score"],
    requires=["doc.spans"],
    default_config={"pack_dir": None},
)
def make_linker(nlp: Language, name: str, *, pack_dir: str | None) -> Linker:
    return Linker(nlp, pack_dir=pack_dir)
