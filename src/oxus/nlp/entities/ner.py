"""Statistical NER spans as ``oxus_gazetteer`` candidates, merged with the pack's.

NER spans (PERSON, ORG, GPE, LOC, FAC, NORP) are added where they do not collide with a
pack match; a pack match wins on overlap unless the NER span extends it with more
capitalised words ("Tajikistan's Security Service"), or a state owns a separate name
("Uzbekistan's Harakat Online"). Person lists are split, and title-case section headings
are not names.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from oxus.model import EntityType
from oxus.nlp.entities.candidates import Candidate, is_capitalised
from oxus.nlp.entities.cues import EntityCues
from oxus.nlp.entities.spans import SpanCleaner
from oxus.nlp.entities.types import NER_TYPES, context_type
from oxus.nlp.extensions import doc_text

POSSESSIVE = frozenset({"'s", "’s", "`s"})
HEADING_WORDS = 8
"""The most words a line may have to be read as a section heading."""


class NerMerger:
    """Adds the NER's spans to the pack's candidates where the pack leaves room."""

    def __init__(self, cues: EntityCues) -> None:
        self.cues = cues
        self.cleaner = SpanCleaner(cues)

    def merge(self, doc: Doc, pack: list[Candidate]) -> list[Candidate]:
        """The pack candidates NER does not override, plus the NER candidates."""
        owner = [-1] * len(doc)
        for index, cand in enumerate(pack):
            for i in range(cand.start, cand.end):
                owner[i] = index
        dropped: set[int] = set()
        extra: list[Candidate] = []
        lower = _LowerWords(doc)
        for ent in _split_person_lists(doc.ents):
            guess = NER_TYPES.get(ent.label_)
            span = self.cleaner.trim(ent, person=ent.label_ == "PERSON")
            if guess is None or span is None:
                continue
            inside = {owner[i] for i in range(span.start, span.end)}
            if inside == {-1}:
                if (
                    ent.label_ != "NORP"
                    and not _heading_words(span, lower)
                    and not _only_in_title_case_line(span)
                ):
                    extra.append(self._candidate(span, guess))
                continue
            hits = [pack[i] for i in inside if i >= 0]
            owned = self._owned_by_state(span, hits)
            if owned is not None:
                extra.append(self._candidate(owned, guess))
                continue
            if (
                all(span.start <= c.start and c.end <= span.end for c in hits)
                and any((c.start, c.end) != (span.start, span.end) for c in hits)
                and self._extends(span, hits)
                and ent.label_ != "NORP"
            ):
                dropped.update(i for i in inside if i >= 0)
                extra.append(self._candidate(span, guess))
        kept = [c for i, c in enumerate(pack) if i not in dropped]
        return kept + extra

    def _owned_by_state(self, span: Span, hits: list[Candidate]) -> Span | None:
        """In "Uzbekistan's Harakat Online" the state owns a separate name: the part after
        the possessive, unless that is a state body ("Tajikistan's Security Service" is
        how the service is named)."""
        if len(hits) != 1 or hits[0].type is not EntityType.STATE or hits[0].start != span.start:
            return None
        doc = span.doc
        rest = hits[0].end + 1
        if rest >= span.end or doc[hits[0].end].text not in POSSESSIVE:
            return None
        owned = doc[rest : span.end]
        words = {t.lower_ for t in owned}
        state_body = bool(words & self.cues.organization_cues) and not words & self.cues.media_words
        return None if state_body else owned

    def _candidate(self, span: Span, guess: EntityType) -> Candidate:
        """An NER candidate, its organisation or person guess checked against context."""
        if guess is EntityType.ORGANIZATION or guess is EntityType.PERSON:
            guess = context_type(span, guess, self.cues)
        return Candidate(span.start, span.end, guess, source="ner")

    def _extends(self, span: Span, hits: list[Candidate]) -> bool:
        """A longer NER name wins when its extra words are capitalised name words."""
        covered = {i for c in hits for i in range(c.start, c.end)}
        extra = [t for t in span if t.i not in covered]
        if any(t.text in {",", "and", "&", "/"} or t.text == "-" for t in extra):
            return False
        words = [t for t in extra if t.is_alpha]
        if any(self.cues.surname.search(t.text) for t in words):
            return False  # "the Treasury Department Ismailov ...": a person follows
        return bool(words) and all(is_capitalised(t) or t.lower_ in {"of", "for"} for t in words)


def _split_person_lists(ents: Sequence[Span]) -> list[Span]:
    """A PERSON span with commas is a list of people ("Karim N., Saeed S."): one span each."""
    out: list[Span] = []
    for ent in ents:
        if ent.label_ != "PERSON" or not any(t.text == "," for t in ent):
            out.append(ent)
            continue
        start = ent.start
        for token in [*ent, None]:
            if token is None or token.text == ",":
                end = token.i if token is not None else ent.end
                if end > start:
                    out.append(Span(ent.doc, start, end, label=ent.label_))
                start = end + 1
    return out


class _LowerWords:
    """The words a text writes in lower case, read on first need (most docs never ask)."""

    def __init__(self, doc: Doc) -> None:
        self._doc = doc
        self._words: set[str] | None = None

    def __contains__(self, word: object) -> bool:
        if self._words is None:
            self._words = {t.text for t in self._doc if t.is_lower}
        return word in self._words


def _heading_words(span: Span, lower: _LowerWords) -> bool:
    """A section heading in title case ("Militant Groups in Afghanistan", "Diaspora
    Radicalisation"): its words are ones the text otherwise writes in lower case."""
    start, end = _line_of(span)
    line = doc_text(span.doc)[start:end].strip()
    if not line or len(line.split()) > HEADING_WORDS or line[-1] in '.!?:;,"”’':
        return False
    return all(t.lower_ in lower for t in span if t.is_alpha)


TITLE_CASE_SHARE = 0.7
"""The share of capitalised words that makes a line a title-case headline."""


def _line_of(span: Span) -> tuple[int, int]:
    """Character offsets of the line a span is on."""
    text = doc_text(span.doc)
    start = text.rfind("\n", 0, span.start_char) + 1
    end = text.find("\n", span.end_char)
    return start, end if end >= 0 else len(text)


def _only_in_title_case_line(span: Span) -> bool:
    """A name the NER found in a title-case headline ("Kazakh Officials Say Terrorist
    Group Involved") that the body never writes: title case makes any run of words look
    like a name, so such a name is kept only when the text names it again elsewhere."""
    text = doc_text(span.doc)
    start, end = _line_of(span)
    line = text[start:end].strip()
    if not line or line[-1] in '.!?;,"”’':
        return False  # a sentence of the body, however many names it lists
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4 or sum(w[:1].isupper() for w in words) < TITLE_CASE_SHARE * len(words):
        return False
    name = span.text
    return text.rfind(name, 0, start) < 0 and text.find(name, end) < 0
