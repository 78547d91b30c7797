"""Long texts in sections: cut at paragraph breaks, facts stitched back at their offsets."""

from __future__ import annotations

import spacy

from oxus.model import Document
from oxus.nlp.extensions import register_extensions
from oxus.nlp.extract import extract
from oxus.nlp.sections import split_sections

PARAGRAPHS = [
    "Police in Khujand detained four members of Jamaat Ansarullah on Monday.",
    "Officials said the Islamic Movement of Uzbekistan has about 300 fighters in Kunduz.",
    "Tajik border guards clashed with smugglers near Isfara, the interior ministry said.",
    "A court in Dushanbe sentenced six men for membership in the Islamic Jihad Union.",
]


def test_sections_cover_the_text_and_end_at_paragraph_breaks() -> None:
    text = "\n\n".join(PARAGRAPHS * 20)
    sections = split_sections(text, 500)
    assert len(sections) > 5
    for section in sections:
        assert text[section.start : section.start + len(section.text)] == section.text
        assert len(section.text) <= 500
        assert section.text.endswith("\n\n") or section is sections[-1]
    covered = "".join(s.text for s in sections)
    assert covered.split() == text.split()


def test_a_text_without_breaks_is_cut_at_spaces_then_anywhere() -> None:
    words = "word " * 1000
    assert all(s.text.endswith(" ") for s in split_sections(words, 333)[:-1])
    solid = "x" * 1000
    assert [len(s.text) for s in split_sections(solid, 300)] == [300, 300, 300, 100]
    assert split_sections("short", 300)[0].text == "short"


def test_facts_of_a_long_text_point_into_the_whole_text() -> None:
    text = "\n\n".join(PARAGRAPHS * 6)
    document = Document(id="long", text=text, published="2024-03-01")
    [whole] = extract([document])
    [sectioned] = extract([document], section_chars=700)
    assert sectioned.mentions and (sectioned.relations or sectioned.events)
    for mention in sectioned.mentions:
        assert text[mention.start : mention.end] == mention.text
    for fact in (*sectioned.relations, *sectioned.events, *sectioned.estimates):
        assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    spans = {(m.entity_id, m.start, m.end) for m in whole.mentions}
    assert {(m.entity_id, m.start, m.end) for m in sectioned.mentions} == spans
    assert sorted(s.sentence_index for s in (m for m in sectioned.mentions)) == sorted(
        m.sentence_index for m in whole.mentions
    )
    assert set(sectioned.entities) == set(whole.entities)


def test_texts_over_the_models_limit_are_extracted_in_sections() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.max_length = 1000
    [facts] = extract([Document(id="big", text="Some words here.\n\n" * 400)], nlp=nlp)
    assert facts.document.id == "big"
