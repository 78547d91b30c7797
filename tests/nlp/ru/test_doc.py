"""The Russian Doc has the shape of the English one: offsets, lemmas, morphology, parse,
sentences and named entities with their nominative."""

from __future__ import annotations

from pathlib import Path

import natasha
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language

from oxus.nlp.lang.ru.tokenizer import words_and_spaces

TEXT = (
    "ФСБ России задержала в Москве двух уроженцев Таджикистана.\n\n"
    "По данным ведомства, они входили в ячейку «Джамаата Ансаруллах»."
)

PIECES = st.sampled_from(
    ["Бадахшан", "задержали", "«", "»", "т.е.", "17-й", "1,5", "6\u00a0500", " ", "  ", "\n",
     "\n\n", "\t", ",", "—", "ИГ*", "Reuters", "ё", "(", ")", "...", "№5", "US$"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_tokens_rebuild_the_text_exactly(text: str) -> None:
    words, spaces = words_and_spaces(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)) == text
    assert all(words)


@settings(max_examples=40, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=25).map("".join))
def test_doc_text_and_offsets_are_the_input(ru_bare: Language, text: str) -> None:
    doc = ru_bare(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx : token.idx + len(token.text)] == token.text
    for sent in doc.sents:
        roots = [t for t in sent if t.head.i == t.i]
        assert len(roots) == 1


def test_lemmas_parts_of_speech_and_morphology(ru_bare: Language) -> None:
    doc = ru_bare(TEXT)
    by_text = {t.text: t for t in doc}
    assert by_text["задержала"].lemma_ == "задержать"
    assert by_text["задержала"].pos_ == "VERB"
    assert by_text["Москве"].lemma_ == "Москва"
    assert by_text["Москве"].morph.get("Case") == ["Loc"]
    assert by_text["уроженцев"].morph.get("Number") == ["Plur"]
    assert by_text["ФСБ"].lemma_ == "ФСБ"
    assert by_text["\n\n"].pos_ == "SPACE"


def test_dependency_parse_uses_universal_labels(ru_bare: Language) -> None:
    doc = ru_bare("Боевики напали на пост.")
    verb = next(t for t in doc if t.text == "напали")
    assert verb.dep_ == "ROOT"
    assert next(t for t in doc if t.text == "Боевики").dep_ == "nsubj"
    assert next(t for t in doc if t.text == "Боевики").head.i == verb.i


def test_a_blank_line_ends_a_sentence(ru_bare: Language) -> None:
    doc = ru_bare("Взрыв в Кабуле\n\nВчера вечером прогремел взрыв.")
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert starts == ["Взрыв", "Вчера"]


def test_names_are_labelled_as_in_english_with_their_nominative(ru_bare: Language) -> None:
    doc = ru_bare(TEXT)
    ents = {e.text: (e.label_, e._.normal) for e in doc.ents}
    assert ents["Москве"] == ("GPE", "Москва")
    assert ents["Таджикистана"] == ("GPE", "Таджикистан")
    assert ents["ФСБ"][0] == "ORG"


def test_models_are_read_from_the_installed_packages() -> None:
    """natasha's models ship inside its package: nothing is fetched at run time."""
    data = Path(natasha.__file__).parent / "data"
    assert (data / "emb" / "navec_news_v1_1B_250K_300d_100q.tar").is_file()
    for model in ("morph", "syntax", "ner"):
        assert (data / "model" / f"slovnet_{model}_news_v1.tar").is_file()


def test_a_line_break_ends_a_sentence_unless_the_next_line_carries_on(ru_bare: Language) -> None:
    doc = ru_bare("ДУШАНБЕ, 5 марта\nСотрудники ГКНБ задержали\nдвух вербовщиков.")
    starts = [s[0].text for s in doc.sents if not s[0].is_space]
    assert starts == ["ДУШАНБЕ", "Сотрудники"]
