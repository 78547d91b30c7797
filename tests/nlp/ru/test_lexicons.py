"""The Russian lexicons: the English keys, lemmas that natasha gives, and each cue family
found in sentences written for the purpose."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from oxus.errors import LexiconError
from oxus.kb.names import fold
from oxus.nlp.entities.cues import entity_cues
from oxus.nlp.lang.ru.models import russian_models
from oxus.nlp.lang.ru.morphology import plain
from oxus.nlp.lexicon import load_lexicon

NAMES = ["events", "relations", "attribution", "demonyms", "entity_cues", "timex", "numbers",
         "quantities", "measures"]  # fmt: skip
LEMMA_LEXICONS = ["events", "relations", "attribution", "measures"]
NOT_PYMORPHY_LEMMAS = frozenset({"родом"})
"""Words natasha keeps as they are although pymorphy2 reads them as a form of another."""


STRUCTURAL = frozenset(
    {"triggers", "captives", "realis", "cues", "based_in", "titles", "measures", "subjects",
     "casualties", "qualifiers", "count_keys", "ends"}
)  # fmt: skip
"""Keys whose own keys are vocabulary of the facts format, the same in every language
(elsewhere a mapping's keys are words of the language: "dozens", "десятки")."""


def _keys(data: object, prefix: str = "") -> set[str]:
    if not isinstance(data, dict):
        return set()
    out = set()
    for key, value in data.items():
        path = f"{prefix}{key}"
        out.add(path)
        if str(key) in STRUCTURAL or (prefix.startswith("cues.") and isinstance(value, dict)):
            out |= _keys(value, path + ".")
    return out


def _words(data: object) -> list[str]:
    if isinstance(data, str):
        return data.split()
    if isinstance(data, list):
        return [w for item in data for w in _words(item)]
    if isinstance(data, dict):
        return [w for value in data.values() for w in _words(value)]
    return []


@pytest.mark.parametrize("name", NAMES)
def test_russian_lexicon_has_the_keys_of_the_english_one(name: str) -> None:
    english, russian = load_lexicon(name), load_lexicon(name, "ru")
    assert not _keys(english) - _keys(russian)


@pytest.mark.parametrize("name", LEMMA_LEXICONS)
def test_single_words_are_written_as_lemmas(name: str) -> None:
    vocab = russian_models().vocab
    wrong = []
    for word in _words(load_lexicon(name, "ru")):
        if not any("\u0400" <= c <= "\u04ff" for c in word) or word in NOT_PYMORPHY_LEMMAS:
            continue
        known = [p for p in vocab.parse(plain(word)) if p.is_known]
        if known and not any(plain(p.normal_form) == plain(word) for p in known):
            wrong.append(word)
    assert not wrong


def test_a_missing_lexicon_is_a_clear_error() -> None:
    with pytest.raises(LexiconError, match="pattern file not found"):
        load_lexicon("no_such_lexicon", "ru")


def lemmas(doc: Doc) -> list[str]:
    return [t.lemma_.lower() for t in doc if not t.is_space and not t.is_punct]


def has(doc: Doc, entry: str) -> bool:
    """Whether the lemma sequence of a lexicon entry occurs in the Doc."""
    words, seq = entry.lower().split(), lemmas(doc)
    return any(seq[i : i + len(words)] == words for i in range(len(seq)))


def found(doc: Doc, entries: list[str]) -> set[str]:
    return {entry for entry in entries if has(doc, entry)}


@pytest.mark.parametrize(
    ("kind", "sentence", "entry"),
    [
        ("arrest", "Сотрудники ГКНБ задержали двух вербовщиков в Бишкеке.", "задержать"),
        ("arrest", "Полицейские арестовали подозреваемого.", "арестовать"),
        ("arrest", "Суд приговорил его к десяти годам колонии.", "приговорить"),
        ("arrest", "Заочно осудили ещё трех членов ячейки.", "осудить"),
        ("attack", "Ночью неизвестные обстреляли блокпост.", "обстрелять"),
        ("attack", "Спецназ ликвидировал главаря банды.", "ликвидировать"),
        ("plot_foiled", "Спецслужбы предотвратили теракт в Ташкенте.", "предотвратить теракт"),
        ("military_exercise", "Армии двух стран провели совместные учения.", "учение"),
        ("designation", "Движение признано террористическим и запрещено.",
         "признать террористический"),
        ("clash", "На границе произошла перестрелка.", "перестрелка"),
        ("statement", "Группировка взяла на себя ответственность за взрыв.",
         "взять на себя ответственность"),
        ("recruitment", "Их завербовали на стройке в Подмосковье.", "завербовать"),
        ("meeting", "Министры провели переговоры в Душанбе.", "переговоры"),
    ],
)  # fmt: skip
def test_event_triggers(ru_bare: Language, kind: str, sentence: str, entry: str) -> None:
    triggers = load_lexicon("events", "ru")["triggers"][kind]
    assert entry in triggers
    assert entry in found(ru_bare(sentence), triggers)


@pytest.mark.parametrize(
    ("path", "sentence", "entry"),
    [
        ("titles.leader", "Лидер группировки погиб.", "лидер"),
        ("titles.leader", "Главарь банды скрылся.", "главарь"),
        ("titles.leader", "Глава ячейки был задержан.", "глава"),
        ("titles.leader", "Амир джамаата выступил с обращением.", "амир"),
        ("member_words", "Он был членом запрещенной организации.", "член"),
        ("member_words", "Двое сторонников ИГ арестованы.", "сторонник"),
        ("member_words", "Боевики группировки ушли в горы.", "боевик"),
        ("cues.designated_by.phrases", "Организация запрещена в России.", "запретить в Россия"),
        ("cues.designated_by.phrases", "Движение признано террористическим.",
         "признать террористический"),
        ("cues.part_of.phrases", "Ячейка входит в состав ИГ.", "входить в состав"),
        ("cues.splinter_of.phrases", "Фракция откололась от движения.", "отколоться от"),
        ("cues.pledged_allegiance_to.phrases", "Он присягнул на верность халифу.",
         "присягнуть на верность"),
        ("cues.rival_of.phrases", "Началась перестрелка между талибами и боевиками.",
         "перестрелка между"),
        ("citizen_nouns", "Задержан уроженец Таджикистана.", "уроженец"),
    ],
)  # fmt: skip
def test_relation_cues(ru_bare: Language, path: str, sentence: str, entry: str) -> None:
    data: object = load_lexicon("relations", "ru")
    for key in path.split("."):
        assert isinstance(data, dict)
        data = data[key]
    assert isinstance(data, list)
    assert entry in found(ru_bare(sentence), data)


@pytest.mark.parametrize(
    ("key", "sentence", "entry"),
    [
        ("source_phrases", "По данным МВД, в ячейку входили пять человек.", "по данные"),
        ("source_phrases", "Как сообщили в ФСБ, задержанные дали показания.", "как сообщить в"),
        ("reporting_verbs", "Об этом заявил представитель ведомства.", "заявить"),
        ("reporting_verbs", "Об этом сообщает агентство.", "сообщать"),
        ("denial_verbs", "Министерство опровергло эту информацию.", "опровергнуть"),
        ("denial_verbs", "Движение отрицает свою причастность.", "отрицать"),
        ("denial_phrases", "Движение отрицает причастность к взрыву.", "отрицать причастность"),
        ("hedge_words", "Предположительно, взрывное устройство было самодельным.",
         "предположительно"),
        ("hedge_words", "Он якобы погиб при авиаударе.", "якобы"),
        ("hedge_phrases", "По неподтвержденным данным, лидер ранен.",
         "по неподтвержденный данные"),
    ],
)  # fmt: skip
def test_attribution_cues(ru_bare: Language, key: str, sentence: str, entry: str) -> None:
    entries = load_lexicon("attribution", "ru")[key]
    assert entry in found(ru_bare(sentence), entries)


def test_demonyms_name_their_state(ru_bare: Language) -> None:
    demonyms = load_lexicon("demonyms", "ru")["demonyms"]
    doc = ru_bare("Таджикский гражданин и двое узбекских мигрантов задержаны.")
    assert found(doc, demonyms["Tajikistan"]) == {"таджикский"}
    assert found(doc, demonyms["Uzbekistan"]) == {"узбекский"}
    origin = load_lexicon("demonyms", "ru")["origin_nouns"]
    assert found(ru_bare("Задержаны два уроженца Таджикистана."), origin) == {"уроженец"}


def test_entity_cues_hold_every_form_of_their_words() -> None:
    cues = entity_cues("ru")
    assert {"провинция", "провинции", "провинцию"} <= cues.place_heads
    assert {"группировки", "группировкой"} <= cues.group_cues
    assert {"министерства", "министерством"} <= cues.organization_cues
    assert {"лидера", "лидером"} <= cues.group_of_cues
    assert fold("Лидер") in cues.stop_names
    assert fold("таджикских") in cues.stop_names  # demonyms are never names
    assert cues.surname.search("Юлдашевым")
