"""Rebuilding a document from the evidence sentences a STIX bundle carries.

Bundles written by oxus give each sentence's offsets in its document: the text is
rebuilt with every sentence at its original offset (blanks between), so exporting again
gives the same bundle. Sentences without offsets (another producer's descriptions) are
appended, one per line. Mentions are looked for in the sentences only, with a bound on
the characters scanned: a bundle listing many entities with many aliases cannot make
the search quadratic.
"""

from __future__ import annotations

from typing import Any

from oxus.ingest.base import content_hash
from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    Estimate,
    Event,
    Evidence,
    Mention,
    Relation,
    fact_entity_ids,
)

MENTION_SCAN_CHARS = 200_000_000
"""Characters one import may scan looking for entity names (a few tenths of a second)."""
NAMES_PER_ENTITY = 16


class ScanBudget:
    """The characters left for name search in this import."""

    def __init__(self, chars: int = MENTION_SCAN_CHARS) -> None:
        self.left = chars

    def spend(self, chars: int) -> bool:
        self.left -= chars
        return self.left >= 0


class DocumentBuilder:
    """Collects the facts of one document and rebuilds a text their offsets point into."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.sentences: dict[tuple[int, int], str] = {}
        self.extra: list[str] = []
        self.relations: list[Relation] = []
        self.events: list[Event] = []
        self.estimates: list[Estimate] = []
        self.entity_ids: set[str] = set()

    def evidence(self, item: dict[str, Any] | None, fallback: str) -> Evidence:
        """Evidence at its offsets when the item has them, else a sentence to append."""
        if item and "start" in item and item.get("text"):
            start, end, text = int(item["start"]), int(item["end"]), str(item["text"])
            if end - start == len(text):
                self.sentences[(start, end)] = text
                return Evidence(text, start, end)
        self.extra.append(fallback)
        return Evidence(fallback, -1, -1, len(self.extra) - 1)

    def _segments(self) -> list[tuple[int, str]]:
        """Runs of sentence text with their offsets (overlaps agree: checked before)."""
        runs: list[tuple[int, str]] = []
        reach = 0
        for (start, end), text in sorted(self.sentences.items()):
            if end <= reach:
                continue
            if runs and start <= reach:
                at, run = runs[-1]
                runs[-1] = (at, run + text[reach - start :])
            else:
                runs.append((start, text))
            reach = end
        return runs

    def facts(self, entities: dict[str, Entity], budget: ScanBudget) -> DocumentFacts:
        segments = self._segments()
        pieces, at = [], 0
        for start, run in segments:
            pieces += [" " * (start - at), run]
            at = start + len(run)
        text = "".join(pieces)
        placed: dict[int, Evidence] = {}
        for i, sentence in enumerate(self.extra):
            if text:
                text += "\n"
            segments.append((len(text), sentence))
            placed[i] = Evidence(sentence, len(text), len(text) + len(sentence))
            text += sentence

        def fix(ev: Evidence) -> Evidence:
            return placed[ev.sentence_index] if ev.start < 0 else ev

        for relation in self.relations:
            relation.evidence = fix(relation.evidence)
        for event in self.events:
            event.evidence = fix(event.evidence)
        for estimate in self.estimates:
            estimate.evidence = fix(estimate.evidence)
        mentions = [
            _mention(entities[eid], segments, budget)
            for eid in sorted(self.entity_ids)
            if eid in entities
        ]
        self.document.text = text
        self.document.content_hash = content_hash(text)
        return DocumentFacts(
            document=self.document,
            entities={i: entities[i] for i in self._referenced() if i in entities},
            mentions=mentions,
            relations=self.relations,
            events=self.events,
            estimates=self.estimates,
        )

    def _referenced(self) -> set[str]:
        return set(self.entity_ids) | fact_entity_ids(self.relations, self.events, self.estimates)


def _mention(entity: Entity, segments: list[tuple[int, str]], budget: ScanBudget) -> Mention:
    """The first place one of the entity's names (name first) appears, else an empty span."""
    size = sum(len(run) for _, run in segments)
    for name in [entity.name, *entity.aliases][:NAMES_PER_ENTITY]:
        if not name or not budget.spend(size):
            break
        for start, run in segments:
            found = run.find(name)
            if found >= 0:
                end = start + found + len(name)
                return Mention(entity.id, name, start + found, end, method="stix")
    return Mention(entity.id, entity.name, 0, 0, method="stix")
