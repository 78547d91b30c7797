"""JSON responses built with orjson: profiles and graphs are large nested dataclasses.

FastAPI's generic encoder walks every field in Python and took longer than the queries
behind a busy entity's profile; orjson writes dataclasses, enums and dates natively.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
from fastapi import Response


def _fallback(value: Any) -> Any:
    if isinstance(value, set | frozenset):
        return sorted(value, key=str)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"cannot write {type(value).__name__} as JSON")


def to_json(value: Any) -> bytes:
    """``value`` (dataclasses, dicts, lists, enums, dates) as UTF-8 JSON."""
    return orjson.dumps(value, default=_fallback, option=orjson.OPT_NON_STR_KEYS)


def json_response(value: Any) -> Response:
    """A response for ``value``, or for JSON bytes already written (from a cache)."""
    body = value if isinstance(value, bytes) else to_json(value)
    return Response(body, media_type="application/json")
