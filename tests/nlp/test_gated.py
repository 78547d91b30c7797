from __future__ import annotations

import re

from oxus.nlp.gated import gated


def test_gated_pattern_scans_only_texts_holding_a_needed_word() -> None:
    pattern = gated(re.compile(r"\b\w+ days? ago\b", re.I), ["Ago"])
    text = "Three days AGO the group attacked; two days later it withdrew."
    assert [m.group() for m in pattern.finditer(text, text.lower())] == ["Three days AGO"]
    quiet = "Two days later it withdrew."
    assert list(pattern.finditer(quiet, quiet.lower())) == []


def test_ungated_pattern_is_plain_finditer() -> None:
    pattern = gated(re.compile(r"\d+"))
    assert [m.group() for m in pattern.finditer("12 and 7", "12 and 7")] == ["12", "7"]
