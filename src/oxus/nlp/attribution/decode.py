"""Choosing each candidate fact's source among its options (see ``sources``).

With a learned scorer, the option it scores highest; without one, the rules' choice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from oxus.nlp.candidates import Candidate
from oxus.nlp.scoring.linear import LinearScorer


def choose_sources(candidates: Iterable[Candidate[Any]], scorer: LinearScorer | None) -> None:
    """Set ``asserted_by`` on every candidate fact that has source options."""
    for cand in candidates:
        if cand.source_context is None:
            continue
        if scorer is None:
            cand.fact.asserted_by = cand.rule_source
            continue
        best = max(cand.sources, key=lambda o: scorer.margin(o.features))
        cand.fact.asserted_by = best.entity_id
