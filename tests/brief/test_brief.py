from __future__ import annotations

import re
from pathlib import Path

import pytest

from oxus.analysis.claims import entity_claims
from oxus.brief.build import country_brief, entity_brief
from oxus.brief.render import render_html, render_markdown, render_pdf
from oxus.errors import StoreError
from oxus.store import Store
from tests.export.factstore import NF, TJ, build_store

DATE = re.compile(r"\b\d{4}(-\d{2}){0,2}\b")
FOOTNOTE = re.compile(r"\[(\d+)\]")
NUMBER = re.compile(r"\d[\d,]*(\.\d+)?")
CODE = re.compile(r"\b[A-F][1-6]\b")
"""An Admiralty code (``B2``): a grade and a credibility, not a figure."""


@pytest.fixture
def store(fresh_db: Store) -> Store:
    return build_store(fresh_db)


def _body(markdown: str) -> str:
    return markdown.split("## Sources")[0]


def _evidence_numbers(store: Store, entity_id: str) -> set[str]:
    claims = entity_claims(store, entity_id)
    texts = [ev.text for c in claims.relations for ev in c.evidence]
    texts += [e.evidence.text for e in claims.events]
    texts += [p.evidence.text for s in claims.estimates for p in s.points]
    return {m.group().replace(",", "") for t in texts for m in NUMBER.finditer(t)}


def test_every_footnote_resolves_to_a_stored_document(store: Store) -> None:
    brief = entity_brief(store, NF.id)
    markdown = render_markdown(brief)
    cited = {int(n) for n in FOOTNOTE.findall(_body(markdown))}
    assert cited == {s.number for s in brief.sources} == {1, 2, 3}
    for source in brief.sources:
        document = store.document(source.document_id)
        assert document is not None and document.published == source.published


def test_every_figure_appears_in_an_evidence_sentence(store: Store) -> None:
    markdown = _body(render_markdown(entity_brief(store, NF.id)))
    text = CODE.sub("", FOOTNOTE.sub("", DATE.sub("", markdown)))
    figures = {m.group().replace(",", "") for m in NUMBER.finditer(text)}
    assert figures >= {"300", "6500", "12", "4"}
    assert figures <= _evidence_numbers(store, NF.id)


def test_a_figure_not_in_the_evidence_would_be_caught(store: Store) -> None:
    markdown = _body(render_markdown(entity_brief(store, NF.id))).replace("6,500", "7,000")
    figures = {
        m.group().replace(",", "") for m in NUMBER.finditer(CODE.sub("", DATE.sub("", markdown)))
    }
    assert not figures - {str(n) for n in range(1, 4)} <= _evidence_numbers(store, NF.id)


def test_sections_in_analyst_order_and_sentences_from_claims(store: Store) -> None:
    markdown = render_markdown(entity_brief(store, NF.id))
    titles = re.findall(r"^## (.+)$", markdown, flags=re.M)
    assert titles == [
        "Overview",
        "Leadership",
        "Strength estimates",
        "Activity timeline",
        "Relations",
        "Conflicting claims",
        "Sources",
    ]
    assert "Northern Front is reported to be based in Valley Province" in markdown
    assert "Ali Karimov is reported as leader of Northern Front (F6, Test Wire).[1]" in markdown
    assert "hundreds" in markdown and "about 300" in markdown
    assert "denied by Northern Front" in markdown
    assert markdown.index("2024-03:") < markdown.index("2024-07-15:")


def test_since_drops_older_reporting(store: Store) -> None:
    markdown = render_markdown(entity_brief(store, NF.id, since="2024-06-01"))
    assert "Ali Karimov" not in markdown and "about 300" not in markdown
    assert "Test Wire" not in markdown and "6,500" in markdown


def test_country_brief(store: Store) -> None:
    markdown = render_markdown(country_brief(store, TJ.id))
    assert "Northern Front is reported to be based in Valley Province" in markdown
    assert "Attack by Northern Front in Valley Province" in markdown
    with pytest.raises(StoreError):
        country_brief(store, NF.id)


def test_html_is_escaped_and_pdf_renders(store: Store, tmp_path: Path) -> None:
    brief = entity_brief(store, NF.id)
    brief.title = "<script>alert(1)</script>"
    html = render_html(brief)
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert 'href="#src-3"' in html
    render_pdf(brief, tmp_path / "b.pdf")
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
