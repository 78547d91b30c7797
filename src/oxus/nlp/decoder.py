"""The ``oxus_decoder`` component: score every candidate and keep the facts.

Runs last, after attribution has stamped the candidates. The decision per family is a
pure function of the candidate set and the extraction model, so training and
cross-validation decode exactly as ingestion does, without parsing again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from oxus.model import Entity, Estimate, Event, Relation
from oxus.nlp.attribution.decode import choose_sources
from oxus.nlp.candidates import CandidateSet, doc_candidates
from oxus.nlp.entities.boilerplate import boilerplate_of
from oxus.nlp.entities.cues import EntityCues, entity_cues
from oxus.nlp.estimates.decode import score_estimates, select_estimates
from oxus.nlp.events.decode import score_events, select_events
from oxus.nlp.extensions import doc_entities, doc_list, doc_text
from oxus.nlp.relations.decode import score_relations, select_relations
from oxus.nlp.scoring.bundle import ExtractionModel, load_model
from oxus.nlp.scoring.linear import LinearScorer

RULES_ONLY_CUT = 0.5
"""Without a learned scorer, the rules' verdict is 0.8 or 0: this keeps the former."""


@dataclass
class Decoded:
    """The facts a candidate set yields under a model."""

    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)


def decode(candidates: CandidateSet, model: ExtractionModel) -> Decoded:
    """Score every family's candidates, choose the source of those that may be kept, and
    keep the facts."""
    sources = model.scorer("sources")
    relations, events, estimates = (
        model.scorer("relations"),
        model.scorer("events"),
        model.scorer("estimates"),
    )
    score_relations(candidates.relations, relations)
    score_events(candidates.events, events)
    score_estimates(candidates.estimates, estimates)
    cuts = ((candidates.relations, relations), (candidates.events, events))
    for family, scorer in (*cuts, (candidates.estimates, estimates)):
        cut = min(threshold(scorer), RULES_ONLY_CUT)
        choose_sources((c for c in family if c.probability >= cut), sources)
    return Decoded(
        relations=select_relations(candidates.relations, threshold(relations)),
        events=select_events(candidates.events, threshold(events), candidates.follow_ups),
        estimates=select_estimates(candidates.estimates, threshold(estimates)),
    )


def threshold(scorer: LinearScorer | None) -> float:
    """The probability a candidate needs to be kept (0.5 when the rules decide)."""
    return scorer.threshold if scorer is not None else RULES_ONLY_CUT


def referenced_entities(decoded: Decoded) -> set[str]:
    """Entity ids the kept facts refer to."""
    ids: set[str] = set()
    for relation in decoded.relations:
        ids.update((relation.subject, relation.object))
        if relation.asserted_by:
            ids.add(relation.asserted_by)
    for event in decoded.events:
        ids.update(event.agents)
        ids.update(event.targets)
        ids.update(i for i in (event.location, event.asserted_by) if i)
    for estimate in decoded.estimates:
        ids.update(i for i in (estimate.subject, estimate.asserted_by) if i)
    return ids


def pack_entity(entity_id: str) -> Entity | None:
    from oxus.kb.pack import default_pack

    return default_pack().entity(entity_id)


class Decoder:
    """Writes the kept facts to ``doc._.relations`` (and the entities they name)."""

    def __init__(
        self,
        model_path: str | None = None,
        *,
        model: ExtractionModel | None = None,
        cues: EntityCues | None = None,
    ) -> None:
        self.model_path = model_path or None
        self._model = model
        self.cues = cues or entity_cues()

    @property
    def model(self) -> ExtractionModel:
        """The given model, else the model file (read once per process)."""
        return self._model if self._model is not None else load_model(self.model_path)

    def __call__(self, doc: Doc) -> Doc:
        candidates = doc_candidates(doc)
        drop_non_text(candidates, doc_text(doc), self.cues)
        decoded = decode(candidates, self.model)
        doc_list(doc, "relations").extend(decoded.relations)
        doc_list(doc, "events").extend(decoded.events)
        doc_list(doc, "estimates").extend(decoded.estimates)
        entities = doc_entities(doc)
        for entity_id in referenced_entities(decoded) - entities.keys():
            entity = pack_entity(entity_id)
            if entity is not None:
                entities[entity_id] = entity
        return doc


@Language.factory(
    "oxus_decoder",
    assigns=["doc._.relations", "doc._.events", "doc._.estimates"],
    requires=["doc.spans"],
    default_config={"model_path": ""},
)
def make_decoder(nlp: Language, name: str, *, model_path: str) -> Decoder:
    return Decoder(model_path or None, cues=entity_cues(nlp.lang or "en"))


def drop_non_text(candidates: CandidateSet, text: str, cues: EntityCues) -> None:
    """Leave out candidates read from a reference list, a footnote, a credit or a byline
    ("681 'Germany Charges Five Tajiks ...,' RFE/RL, https://..." is a citation, not a
    report of five arrests): the gazetteer skips their names, and no fact comes from them.
    Training sees the same candidates, since samples are read after this component."""
    skipped = boilerplate_of(text, cues)
    if not skipped:
        return
    candidates.relations = [c for c in candidates.relations if c.fact.evidence.start not in skipped]
    candidates.events = [c for c in candidates.events if c.fact.evidence.start not in skipped]
    candidates.estimates = [c for c in candidates.estimates if c.fact.evidence.start not in skipped]
