"""The source registry: the shipped seed, matching reports to outlets, grading, regrades."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import select
from stix2validator import ValidationOptions, validate_string

from oxus.analysis.claims import entity_claims
from oxus.analysis.grading import WEIGHTS, Grading, credence, grade_sentence
from oxus.analysis.profile import entity_profile
from oxus.analysis.source_registry import add_source, grade_source, list_sources, reset_source
from oxus.analysis.sources import GRADES, KINDS, SourceBook, seed_sources
from oxus.brief.build import entity_brief
from oxus.brief.render import render_markdown
from oxus.errors import PackError, StoreError
from oxus.export.stix import bundle_json, export_stix
from oxus.kb.pack import shared_pack
from oxus.store import Store, schema
from tests.conftest import CORPUS
from tests.export.factstore import NF, UN, build_store

FRONT = re.compile(r"^(outlet|url):\s*(.*)$", re.M)


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build_store(fresh_db)


def test_every_seed_entry_is_complete_and_names_pack_entities() -> None:
    sources = seed_sources()
    assert len(sources) >= 50
    pack = shared_pack(None)
    for source in sources:
        assert source.grade in GRADES and source.kind in KINDS
        assert source.reason.endswith(".") and len(source.reason) > 20
        for entity_id in source.entities:
            assert pack.entity(entity_id) is not None, (source.name, entity_id)
    assert {s.kind for s in sources} == set(KINDS)


def test_a_malformed_seed_is_refused(tmp_path) -> None:
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - {name: X, kind: wire, grade: Q, reason: r}\n")
    with pytest.raises(PackError, match="grade 'Q'"):
        seed_sources(bad)
    bad.write_text("sources:\n  - {name: X, kind: blog, grade: B, reason: r}\n")
    with pytest.raises(PackError, match="kind 'blog'"):
        seed_sources(bad)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside this checkout")
def test_every_corpus_outlet_has_a_graded_source() -> None:
    book = SourceBook(list(seed_sources()))
    unmatched = []
    for path in sorted(CORPUS.glob("*.txt")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0]
        meta = dict(FRONT.findall(head))
        outlet = meta.get("outlet") or None
        if outlet in (None, "unknown"):
            continue
        if book.for_document(outlet, meta.get("url") or None) is None:
            unmatched.append((path.name, outlet))
    assert unmatched == []


@pytest.mark.parametrize(
    ("outlet", "url", "expected"),
    [
        ("RFE/RL", None, "RFE/RL"),  # the name
        ("RFE/RL (Gandhara)", "https://gandhara.rferl.org/a/x.html", "RFE/RL"),  # an outlet name
        ("Eurasianet (via Somewhere)", None, "Eurasianet"),  # the name before the note
        ("Daily Example (AFP)", "https://example.com/x", "AFP"),  # a wire in the note
        ("Daily Example (Reuters)", None, "Reuters"),
        (None, "https://en.tass.ru/politics/1", "TASS"),  # a parent domain
        ("Some Blog", "https://www.voanews.com/a/1", "VOA"),  # www. dropped
        ("Some Blog", "https://blog.example.org/1", None),
    ],
)
def test_reports_are_matched_to_their_outlet(outlet, url, expected) -> None:
    source = SourceBook(list(seed_sources())).for_document(outlet, url)
    assert (source.name if source else None) == expected


def _grading(grade: str, credence_: float, source: str = "S") -> Grading:
    return Grading(source, source.lower(), grade, None, None, credence_)


class _Said:
    def __init__(self, grading: Grading, polarity: str = "affirmed") -> None:
        self.grading, self.polarity = grading, polarity


def test_one_sentence_weighs_confidence_outlet_and_speaker() -> None:
    book = SourceBook(list(seed_sources()))
    plain = grade_sentence(
        book, outlet="RFE/RL", url=None, speaker_id=None, confidence=0.5, hedged=False
    )
    assert (plain.grade, plain.credence) == ("B", 0.5 * WEIGHTS["B"])
    quoted = grade_sentence(
        book,
        outlet="RFE/RL",
        url=None,
        speaker_id="organization:federal-security-service",
        confidence=0.5,
        hedged=True,
    )
    assert (quoted.speaker, quoted.speaker_grade) == ("Government of Russia", "D")
    assert quoted.credence == pytest.approx(0.5 * WEIGHTS["D"] * 0.75)
    unknown = grade_sentence(
        book, outlet=None, url=None, speaker_id="person:someone", confidence=1.0, hedged=False
    )
    assert (unknown.source, unknown.grade, unknown.speaker_grade) == ("unknown outlet", "F", "F")
    assert unknown.credence == WEIGHTS["F"]  # an ungraded speaker leaves the outlet's weight


def test_a_claim_combines_independent_sources() -> None:
    one = credence([_Said(_grading("B", 0.4, "A1")), _Said(_grading("B", 0.3, "A1"))])
    assert (one.confidence, one.credibility, one.code) == (0.4, 3, "B3")  # one source, once
    two = credence([_Said(_grading("B", 0.4, "A1")), _Said(_grading("C", 0.3, "A2"))])
    assert two.confidence == pytest.approx(1 - 0.6 * 0.7)
    assert (two.credibility, two.code, two.cited()) == (1, "B1", "B1, A1; C1, A2")
    strong = credence([_Said(_grading("D", 0.6))])
    assert (strong.credibility, strong.code) == (2, "D2")
    weak = credence([_Said(_grading("E", 0.1))])
    assert weak.credibility == 4
    unjudged = credence([_Said(_grading("F", 0.5))])
    assert unjudged.credibility == 6


def test_denials_make_a_claim_doubtful_or_improbable() -> None:
    affirmed = _Said(_grading("B", 0.4, "A1"))
    weaker = _Said(_grading("D", 0.2, "A2"), "denied")
    stronger = _Said(_grading("A", 0.9, "A3"), "denied")
    assert credence([affirmed, weaker]).credibility == 4
    assert credence([affirmed, stronger]).credibility == 5
    assert credence([weaker]).credibility == 5


def test_profiles_carry_grades_and_a_regrade_shows_at_once(store: Store) -> None:
    def based_in() -> object:
        profile = entity_profile(store, NF.id)
        return profile.section("bases").links[0].claim  # type: ignore[union-attr]

    before = based_in()
    assert {e.grading.grade for e in before.evidence} == {"F"}
    add_source(store, "Test Wire", kind="wire", grade="B", reason="Invented wire for the test.")
    after = based_in()
    graded = {e.document_id: e.grading.grade for e in after.evidence}
    assert graded["d1"] == "B" and after.credence.confidence > before.credence.confidence
    grade_source(store, "Test Wire", "E", reason="Caught inventing quotes.", actor="ana")
    assert {e.document_id: e.grading.grade for e in based_in().evidence}["d1"] == "E"
    with store.engine.connect() as conn:
        audit = conn.execute(select(schema.audit).order_by(schema.audit.c.id)).all()
    assert [(a.actor, a.action, a.target) for a in audit[-2:]] == [
        ("cli", "source-add", "source:test-wire"),
        ("ana", "source-grade", "source:test-wire"),
    ]
    assert json.loads(audit[-1].detail)["after"]["grade"] == "E"


def test_a_regrade_reaches_the_brief_and_stix(store: Store) -> None:
    add_source(store, "Other Daily", kind="independent press", grade="B", reason="Invented.")
    assert "B" in render_markdown(entity_brief(store, NF.id)).split("## Sources")[1]
    text = bundle_json(export_stix(store))
    result = validate_string(text, ValidationOptions(version="2.1"))
    assert result.is_valid, [str(e) for r in result.object_results for e in r.errors]
    bundle = json.loads(text)
    authors = [o for o in bundle["objects"] if o.get("x_oxus_source")]
    assert [(a["name"], a["x_opencti_reliability"]) for a in authors] == [
        ("Other Daily", "B - Usually reliable")
    ]
    report = next(o for o in bundle["objects"] if o.get("x_oxus_document", {}).get("id") == "d2")
    assert report["created_by_ref"] == authors[0]["id"]
    grade_source(store, "Other Daily", "D")
    bundle = json.loads(bundle_json(export_stix(store)))
    author = next(o for o in bundle["objects"] if o.get("x_oxus_source"))
    assert author["x_opencti_reliability"] == "D - Not usually reliable"
    markdown = render_markdown(entity_brief(store, NF.id))
    assert "Other Daily [D: Not usually reliable]" in markdown


def test_a_speaker_can_be_graded_and_reset(store: Store) -> None:
    with pytest.raises(StoreError, match="--kind"):
        grade_source(store, UN.name, "B")
    source = grade_source(store, UN.name, "A", kind="UN")
    assert source.entities == (UN.id,) and source.origin == "analyst"
    claims = entity_claims(store, NF.id)
    quoted = [e for c in claims.relations for e in c.evidence if e.asserted_by]
    assert {e.grading.speaker_grade for e in quoted if e.asserted_by.id == UN.id} == {"A"}
    assert reset_source(store, UN.name) is None  # added here: nothing shipped to go back to
    with pytest.raises(StoreError, match="no source"):
        reset_source(store, UN.name)


def test_listing_counts_documents_and_unknown_outlets(store: Store) -> None:
    grade_source(store, "TASS", "D", reason="Regraded.")
    usage, unmatched = list_sources(store)
    assert unmatched == 3  # Test Wire, Other Daily, Third Post
    tass = next(u for u in usage if u.source.name == "TASS")
    assert (tass.source.grade, tass.seed.grade, tass.documents) == ("D", "C", 0)
    with pytest.raises(StoreError, match="unknown grade"):
        grade_source(store, "TASS", "G")
    with pytest.raises(StoreError, match="exists"):
        add_source(store, "tass", kind="wire", grade="C", reason="Again.")
    assert reset_source(store, "TASS").grade == "C"
