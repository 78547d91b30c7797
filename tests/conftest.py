"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oxus.model import (
    Document,
    DocumentFacts,
    Entity,
    EntityType,
    Estimate,
    Event,
    EventType,
    Evidence,
    Measure,
    Mention,
    Predicate,
    Qualifier,
    Relation,
)
from oxus.store import Store

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold"


@pytest.fixture(autouse=True, scope="session")
def _derived_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Entries derived from the pack go to the session's temporary folder, never to the
    user's cache folder (commands run as subprocesses inherit it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("OXUS_CACHE_DIR", str(tmp_path_factory.mktemp("derived-cache")))
        yield


@pytest.fixture
def fresh_db() -> Store:
    """An in-memory SQLite store, migrated."""
    store = Store("sqlite://")
    yield store
    store.close()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A path for a SQLite file store."""
    return tmp_path / "oxus.db"


def make_facts(doc_id: str = "d1", text: str | None = None) -> DocumentFacts:
    """A small hand-made document with one fact of each kind."""
    text = text or (
        "The Northern Front, led by Ali Karimov, is based in Valley Province. "
        "Officials said the group has about 300 fighters. "
        "Police arrested 12 members of the Northern Front in Valley Province."
    )
    sents = [s.strip() + "." for s in text.split(".") if s.strip()]
    spans, pos = [], 0
    for s in sents:
        start = text.index(s, pos)
        spans.append(Evidence(text=s, start=start, end=start + len(s), sentence_index=len(spans)))
        pos = start + len(s)
    group = Entity(
        id="group:northern-front",
        type=EntityType.GROUP,
        name="Northern Front",
        aliases=["NF"],
        status="provisional",
    )
    person = Entity(
        id="person:ali-karimov", type=EntityType.PERSON, name="Ali Karimov", status="provisional"
    )
    place = Entity(
        id="place:valley-province",
        type=EntityType.PLACE,
        name="Valley Province",
        status="provisional",
    )
    police = Entity(
        id="organization:police", type=EntityType.ORGANIZATION, name="Police", status="provisional"
    )
    mentions = [
        Mention(
            group.id,
            "Northern Front",
            text.index("Northern Front"),
            text.index("Northern Front") + 14,
            0,
        ),
        Mention(
            person.id, "Ali Karimov", text.index("Ali Karimov"), text.index("Ali Karimov") + 11, 0
        ),
        Mention(
            place.id,
            "Valley Province",
            text.index("Valley Province"),
            text.index("Valley Province") + 15,
            0,
        ),
        Mention(police.id, "Police", text.index("Police"), text.index("Police") + 6, 2),
    ]
    return DocumentFacts(
        document=Document(
            id=doc_id,
            text=text,
            title="A test report",
            outlet="Test Wire",
            published="2024-04-02",
            content_hash=f"hash-{hash(text)}",
        ),
        entities={e.id: e for e in (group, person, place, police)},
        mentions=mentions,
        relations=[
            Relation(person.id, Predicate.LEADER_OF, group.id, spans[0], role="leader"),
            Relation(group.id, Predicate.BASED_IN, place.id, spans[0]),
        ],
        events=[
            Event(
                EventType.ARREST,
                spans[2],
                date="2024-04",
                location=place.id,
                agents=[police.id],
                targets=[group.id],
                counts={"arrested": 12},
            )
        ],
        estimates=[
            Estimate(
                group.id,
                Measure.FIGHTERS,
                Qualifier.ABOUT,
                spans[1],
                low=300,
                high=300,
                as_of="2024-04-02",
                asserted_by=police.id,
            )
        ],
    )


@pytest.fixture
def sample_facts() -> DocumentFacts:
    return make_facts()


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store with the whole shared corpus ingested once per test session."""
    if not CORPUS.is_dir():
        pytest.skip("the shared corpus is not beside this checkout")
    from oxus.ingestion import ingest_paths
    from oxus.store import open_store

    path = tmp_path_factory.mktemp("corpus") / "corpus.db"
    store = open_store(str(path))
    report = ingest_paths([CORPUS], store)
    store.close()
    assert not report.failed, report.failures
    return path
