"""Each document goes to the pipeline of its language; a mixed folder lands in one store,
where a Russian and an English report of the same group meet on one entity."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oxus.analysis.search import search
from oxus.cli import app
from oxus.errors import PipelineError
from oxus.model import Document
from oxus.nlp.extract import extract
from oxus.nlp.pipeline import build_pipeline
from oxus.store import Store

ENGLISH = """---
title: Arrests in Dushanbe
published: 2024-03-02
---
Tajik security services arrested four members of Jamaat Ansarullah in Dushanbe on Friday.
The group's fighters are based in Badakhshan.
"""

RUSSIAN = """---
title: Задержания в Москве
published: 2024-03-05
---
Сотрудники ФСБ России задержали в Москве двух уроженцев Таджикистана, членов группировки
«Джамаат Ансаруллах». По данным ведомства, они готовили теракт.
"""


def _document(id_: str, text: str, language: str) -> Document:
    return Document(
        id=id_,
        text=text,
        language=language,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def test_extract_keeps_input_order_across_languages() -> None:
    documents = [
        _document("en-1", "Police in Osh detained a Hizb ut-Tahrir member.", "en"),
        _document("ru-1", "Полиция Оша задержала члена «Хизб ут-Тахрир».", "ru"),
        _document("en-2", "The Taliban took Kabul in August 2021.", "en"),
        _document("ru-2", "Талибы взяли Кабул в августе 2021 года.", "ru"),
    ]
    facts = list(extract(documents, batch_size=1))
    assert [f.document.id for f in facts] == ["en-1", "ru-1", "en-2", "ru-2"]
    assert "group:hizb-ut-tahrir" in facts[0].entities
    assert "group:hizb-ut-tahrir" in facts[1].entities
    assert "place:kabul" in facts[3].entities


def test_a_mixed_folder_lands_on_one_entity(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    db = tmp_path / "mixed.db"
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", str(db), "--quiet"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    exported = CliRunner().invoke(app, ["export", "--format", "facts-jsonl", "--db", str(db)])
    records = [json.loads(line) for line in exported.stdout.splitlines() if line.startswith("{")]
    by_lang = {r["doc"]["title"]: {e["id"] for e in r["entities"]} for r in records}
    assert "group:jamaat-ansarullah" in by_lang["Arrests in Dushanbe"]
    assert "group:jamaat-ansarullah" in by_lang["Задержания в Москве"]

    store = Store(f"sqlite:///{db}")
    try:
        titles = {hit.title for hit in search(store, "Ансаруллах").documents}
        assert titles == {"Arrests in Dushanbe", "Задержания в Москве"}
        titles = {hit.title for hit in search(store, "Ansarullah").documents}
        assert titles == {"Arrests in Dushanbe", "Задержания в Москве"}
        (hit, *_) = search(store, "Ансаруллах").entities
        assert hit.entity.id == "group:jamaat-ansarullah"
    finally:
        store.close()


def test_a_language_without_a_pipeline_is_a_clear_error() -> None:

    with pytest.raises(PipelineError, match="no pipeline for language 'fr'"):
        build_pipeline(lang="fr")


def test_a_document_in_another_language_is_read_as_english() -> None:
    (facts,) = extract([_document("x", "The Taliban took Kabul.", "fr")])
    assert "place:kabul" in facts.entities


def test_gold_documents_are_read_by_the_pipeline_of_their_language() -> None:
    from oxus.learn.samples import collect_samples
    from oxus.nlp.pipeline import shared_pipeline

    text = "Сотрудники ФСБ задержали в Москве трех членов «Джамаат Ансаруллах»."
    gold = {"ru-gold": {"doc": {"id": "ru-gold"}, "entities": [], "events": []}}
    samples = collect_samples(shared_pipeline(), [_document("ru-gold", text, "ru")], gold)
    arrests = [c for c in samples[0].candidates.events if c.fact.type.value == "arrest"]
    assert arrests and all(c.features["lang|ru"] == 1.0 for c in arrests)
    assert arrests[0].fact.location == "place:moscow"
