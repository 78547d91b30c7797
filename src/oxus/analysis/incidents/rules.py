"""The linking rules, read from ``rules.yaml``: weights and type compatibility are data."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from oxus.errors import PackError
from oxus.yamlio import safe_load


@dataclass(frozen=True)
class LinkRules:
    """Hard conditions and evidence weights for linking events into incidents."""

    threshold: float
    compatible_types: frozenset[frozenset[str]]
    agent_defined_types: frozenset[str]
    dates: dict[str, float]
    places: dict[str, float]
    participants: dict[str, float]
    counts: dict[str, float]
    text: dict[str, float]
    members_compared: int
    rarity_prior: float
    anchor_text: float
    same_document: float

    def digest(self) -> str:
        """A short fingerprint of the rules, the same in every process."""
        data = {
            **{k: v for k, v in vars(self).items() if not isinstance(v, frozenset)},
            "compatible_types": sorted(sorted(pair) for pair in self.compatible_types),
            "agent_defined_types": sorted(self.agent_defined_types),
        }
        text = json.dumps(data, sort_keys=True)
        return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.compatible_types

    def type_group(self, type_: str) -> str:
        """A name shared by every type compatible with ``type_`` (for blocking)."""
        group = {type_}
        for pair in self.compatible_types:
            if type_ in pair:
                group |= pair
        return "+".join(sorted(group))


def _section(data: dict[str, Any], key: str) -> dict[str, float]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise PackError(f"incident rules: {key!r} must be a mapping")
    return {k: float(v) for k, v in value.items()}


def parse_rules(data: dict[str, Any]) -> LinkRules:
    try:
        pairs = frozenset(frozenset(pair) for pair in data.get("compatible_types", []))
        return LinkRules(
            threshold=float(data["threshold"]),
            compatible_types=pairs,
            agent_defined_types=frozenset(data.get("agent_defined_types", [])),
            dates=_section(data, "dates"),
            places=_section(data, "places"),
            participants=_section(data, "participants"),
            counts=_section(data, "counts"),
            text=_section(data, "text"),
            members_compared=int(data.get("members_compared", 12)),
            rarity_prior=float(data.get("rarity_prior", 100)),
            anchor_text=float(data.get("anchor_text", 1.0)),
            same_document=float(data.get("same_document", 0.0)),
        )
    except (KeyError, TypeError, ValueError) as e:
        raise PackError(f"incident rules: {e}") from e


@cache
def default_rules() -> LinkRules:
    text = resources.files("oxus.analysis.incidents").joinpath("rules.yaml").read_text("utf-8")
    return parse_rules(safe_load(text))
