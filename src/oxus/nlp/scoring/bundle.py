"""The extraction model file: one scorer per fact family, versioned with the package.

The shipped file (``extraction-model.json`` beside this module) is trained on every
gold document; ``OXUS_MODEL`` points the pipeline at another file (a model retrained
with analysts' review decisions, say). A family without a scorer falls back to its
rules alone, so a missing or partial model never stops extraction.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from oxus.errors import ModelError
from oxus.nlp.scoring.linear import LinearScorer

FORMAT_VERSION = 1
SHIPPED = Path(__file__).parent / "extraction-model.json"


@dataclass
class ExtractionModel:
    """Scorers by family (``relations``, ``events``, ``estimates``) and how they were made."""

    scorers: dict[str, LinearScorer] = field(default_factory=dict)
    info: dict[str, Any] = field(default_factory=dict)

    def scorer(self, family: str) -> LinearScorer | None:
        return self.scorers.get(family)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_VERSION,
            "info": self.info,
            "scorers": {name: s.to_dict() for name, s in sorted(self.scorers.items())},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, where: str = "model") -> ExtractionModel:
        if data.get("format") != FORMAT_VERSION:
            raise ModelError(f"{where}: model format {data.get('format')!r} is not supported")
        scorers = {
            str(name): LinearScorer.from_dict(raw)
            for name, raw in dict(data.get("scorers", {})).items()
        }
        return cls(scorers=scorers, info=dict(data.get("info", {})))

    def save(self, path: Path | str) -> None:
        target = Path(path)
        text = json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_text(text + "\n", encoding="utf-8")
        tmp.replace(target)


def model_path() -> Path:
    """The model file the pipeline uses: ``OXUS_MODEL`` when set, else the shipped one."""
    override = os.environ.get("OXUS_MODEL")
    return Path(override) if override else SHIPPED


def read_model(path: Path | str) -> ExtractionModel:
    """Read a model file; a missing shipped file gives an empty model (rules only)."""
    source = Path(path)
    if not source.is_file():
        if source == SHIPPED:
            return ExtractionModel()
        raise ModelError(f"model file not found: {source}")
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise ModelError(f"{source}: not a readable model file ({e})") from e
    if not isinstance(data, dict):
        raise ModelError(f"{source}: not a model file")
    return ExtractionModel.from_dict(data, where=str(source))


@cache
def load_model(path: str | None = None) -> ExtractionModel:
    """The model at ``path`` (default :func:`model_path`), read once per process."""
    return read_model(path or model_path())
