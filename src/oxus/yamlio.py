"""YAML parsing through libyaml when PyYAML was built with it: the same data as the
pure-Python safe loader, several times faster (lexicons and rules are parsed at every
start)."""

from __future__ import annotations

from typing import IO, Any

import yaml

SafeLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_load(source: str | bytes | IO[str] | IO[bytes]) -> Any:
    """``yaml.safe_load``, with libyaml's parser when available."""
    return yaml.load(source, Loader=SafeLoader)
