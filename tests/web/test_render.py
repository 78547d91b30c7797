from __future__ import annotations

from oxus.model import Mention
from oxus.web.render import Span, highlight_document, parse_highlight, snippet_html

TEXT = "Ali <b> leads NF.\n\nNF fights in Valley.\n"


def test_sentences_anchor_mentions_link_and_text_is_escaped() -> None:
    html = str(
        highlight_document(
            TEXT,
            [Mention("person:ali", "Ali", 0, 3), Mention("group:nf", "NF", 19, 21)],
            evidence=[(0, 19), (19, 40)],
            names={"person:ali": 'Ali "A" <x>'},
        )
    )
    assert html.startswith('<span id="ev-0-19" class="ev"><a class="m m-person" href="/entities/')
    assert "&lt;b&gt;" in html and "<b>" not in html
    assert 'title="Ali &#34;A&#34; &lt;x&gt;"' in html
    assert 'NF.</span>\n\n<span id="ev-19-40"' in html  # trailing blank lines stay outside


def test_highlight_wins_over_overlapping_sentences_and_bad_mentions_are_dropped() -> None:
    mentions = [
        Mention("group:nf", "NF", 14, 16),
        Mention("group:x", "F.", 15, 17),  # overlaps the previous one
        Mention("place:v", "beyond", 30, 99),  # outside the text
    ]
    html = str(highlight_document(TEXT, mentions, evidence=[(0, 19)], highlight=Span(10, 25, True)))
    assert '<span id="ev-10-25" class="ev hl">' in html
    assert 'id="ev-0-19"' not in html
    assert html.count("<a ") == 1 and html.count("</a>") == 1


def test_mentions_straddling_a_sentence_edge_are_not_linked() -> None:
    html = str(highlight_document(TEXT, [Mention("group:nf", "x", 15, 21)], evidence=[(0, 19)]))
    assert "<a " not in html


def test_parse_highlight() -> None:
    assert parse_highlight("3-9", 10) == Span(3, 9, True)
    assert parse_highlight("9-3", 10) is None
    assert parse_highlight("3-99", 10) is None
    assert parse_highlight("x-9", 10) is None
    assert parse_highlight(None, 10) is None


def test_snippet_marks_only_matches() -> None:
    html = str(snippet_html("a \x02<script>\x03 b"))
    assert html == "a <mark>&lt;script&gt;</mark> b"
