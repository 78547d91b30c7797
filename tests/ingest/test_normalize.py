from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from oxus.ingest import normalize_text
from oxus.ingest.normalize import normalize_line


def test_unifies_line_endings() -> None:
    assert normalize_text("one\r\ntwo\rthree\u2028four") == "one\ntwo\nthree\nfour"


def test_collapses_spaces_and_tabs_within_lines() -> None:
    assert normalize_text("Five \t  men\u00a0were   held.") == "Five men were held."


def test_strips_line_edges_and_outer_blank_lines() -> None:
    assert normalize_text("\n\n  first line   \n\tsecond\n\n") == "first line\nsecond"


def test_collapses_blank_runs_but_keeps_paragraph_breaks() -> None:
    text = "Para one.\n\nPara two.\n\n\n\n\nPara three.\n \n\t\nPara four."
    assert normalize_text(text) == "Para one.\n\nPara two.\n\nPara three.\n\nPara four."


def test_single_line_breaks_are_kept() -> None:
    assert normalize_text("line one\nline two") == "line one\nline two"


def test_drops_zero_width_and_control_characters() -> None:
    raw = "\ufeffJa\u200bmaat\u00ad An\u200dsar\x07ul\x1blah\u200e"
    assert normalize_text(raw) == "Jamaat Ansarullah"


def test_form_feed_becomes_a_line_break() -> None:
    assert normalize_text("page one\x0cpage two") == "page one\npage two"


def test_nfc_composition() -> None:
    decomposed = "Ko\u0308ln and \u0439"  # o + diaeresis; й as и + breve
    decomposed = unicodedata.normalize("NFD", decomposed)
    assert normalize_text(decomposed) == unicodedata.normalize("NFC", "Köln and й")


def test_keeps_meaningful_characters() -> None:
    text = "“Tajik Taliban” — 1,500 fighters; Душанбе: «Джамаат Ансаруллах»"
    assert normalize_text(text) == text


def test_same_input_same_output() -> None:
    text = " A  report\r\n\r\n\r\nwith\ttabs "
    assert normalize_text(text) == normalize_text(text) == "A report\n\nwith tabs"


def test_normalize_line_joins_lines() -> None:
    assert normalize_line("  Arrests\n in\tDushanbe ") == "Arrests in Dushanbe"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text(alphabet=" \t\r\n\u00a0\u200bab\u0301", max_size=60))
def test_no_trailing_spaces_or_triple_newlines(text: str) -> None:
    result = normalize_text(text)
    assert "\n\n\n" not in result
    assert all(line == line.strip(" \t") for line in result.split("\n"))
    assert "\r" not in result and "\u200b" not in result


def test_footnote_numbers_glued_to_a_sentence_end_are_dropped() -> None:
    assert normalize_text("fighters under his command.657 In July") == (
        "fighters under his command. In July"
    )
    assert normalize_text("as the report said.”12\nNext") == "as the report said.”\nNext"
    assert normalize_text("It grew to 2.5 million. Then") == "It grew to 2.5 million. Then"
    assert normalize_text("about 300 fighters.") == "about 300 fighters."
