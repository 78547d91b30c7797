"""Non-text lines are read once per document, however the pipeline batches documents."""

from __future__ import annotations

from oxus.nlp.entities.boilerplate import KEPT, boilerplate_of
from oxus.nlp.entities.cues import entity_cues


def test_every_component_of_a_batch_reuses_the_first_reading() -> None:
    cues = entity_cues("en")
    texts = [f"Fighters crossed the border.\nPhoto: Agency number {i}" for i in range(16)]
    first = [boilerplate_of(text, cues) for text in texts]  # the gazetteer, document by document
    again = [boilerplate_of(text, cues) for text in texts]  # then the linker
    assert all(a is b for a, b in zip(first, again, strict=True))
    assert all(first)  # each credit line is found


def test_the_readings_kept_are_bounded() -> None:
    cues = entity_cues("en")
    oldest = boilerplate_of("The first report.", cues)
    for i in range(KEPT):
        boilerplate_of(f"Report {i}.", cues)
    assert boilerplate_of("The first report.", cues) is not oldest
