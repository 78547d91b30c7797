"""Reading a STIX bundle's bytes into JSON values, within bounds, or one clear error.

Python's JSON reader accepts what a bundle must not carry: ``NaN`` and ``Infinity``,
numbers of thousands of digits (slow to convert, then refused with an unrelated error),
``1e999`` (infinity), keys given twice (the last silently wins), lone surrogates (which
no database stores) and nesting deep enough to exhaust the interpreter's stack. Each
is refused here, before anything looks at the objects.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from oxus.errors import ExportError

MAX_BUNDLE_BYTES = 256 * 1024 * 1024
MAX_DEPTH = 24
"""Deepest nesting of arrays and objects (an oxus bundle needs 5)."""
MAX_NUMBER_DIGITS = 40
MAX_STRING_CHARS = 4_000_000
_BAD_CHARACTERS = re.compile("[\x00\ud800-\udfff]")


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ExportError(f"key {quote_value(key)} appears twice in one object")
            seen.add(key)
    return value


def _integer(text: str) -> int:
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise ExportError(f"a number of {len(text)} digits")
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise ExportError(f"a number of {len(text)} characters")
    value = float(text)
    if not math.isfinite(value):
        raise ExportError(f"the number {text[:20]} is out of range")
    return value


def _constant(name: str) -> Any:
    raise ExportError(f"{name} is not a JSON number")


def quote_value(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "…")


def parse_json(data: str | bytes) -> Any:
    """The JSON value of ``data``, or ``ExportError`` naming what is wrong with it."""
    if len(data) > MAX_BUNDLE_BYTES:
        raise ExportError(f"bundle larger than {MAX_BUNDLE_BYTES // 2**20} MiB")
    try:
        value = json.loads(
            data,
            object_pairs_hook=_pairs,
            parse_int=_integer,
            parse_float=_float,
            parse_constant=_constant,
        )
    except RecursionError:
        raise ExportError("not a JSON document: nested too deeply") from None
    except json.JSONDecodeError as e:
        raise ExportError(f"not a JSON document: {e}") from None
    except (ValueError, UnicodeError) as e:  # undecodable bytes, too many digits
        raise ExportError(f"not a JSON document: {str(e)[:120]}") from None
    check_values(value)
    return value


def check_values(root: Any) -> None:
    """Refuse nesting past ``MAX_DEPTH``, over-long strings, NUL and lone surrogates.

    Iterative (no recursion), each value visited once.
    """
    stack: list[tuple[Any, int]] = [(root, 0)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, str):
            _check_string(value)
        elif isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise ExportError(f"values nested deeper than {MAX_DEPTH} levels")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str):
                    _check_string(key)
                stack.append((item, depth + 1))


def _check_string(value: str) -> None:
    if len(value) > MAX_STRING_CHARS:
        raise ExportError(f"a string of {len(value):,} characters (at most {MAX_STRING_CHARS:,})")
    found = _BAD_CHARACTERS.search(value)
    if found is not None:
        what = "a NUL character" if found[0] == "\x00" else "an unpaired surrogate"
        raise ExportError(f"{what} in the string {quote_value(value)}")
