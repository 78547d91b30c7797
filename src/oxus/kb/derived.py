"""What is slow to derive from a knowledge pack at every start, kept between runs.

Parsing the pack's YAML and tokenizing its thousands of names take about a third of a
second each time oxus starts. Both results are plain data, so they are kept as JSON under
the user's cache folder (``$OXUS_CACHE_DIR``, else ``$XDG_CACHE_HOME/oxus``, else
``~/.cache/oxus``; ``OXUS_CACHE_DIR=off`` keeps nothing).

An entry is named by a digest of everything it is derived from (the pack files' bytes,
the names and the tokenizer's version), so a changed pack or model makes a new entry,
never a stale answer. Entries are written to a temporary file and renamed into place,
so a run started beside another sees a whole entry or none. An entry that cannot be
read, or does not have the expected shape, is derived again and rewritten; a cache
folder that cannot be written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

CACHE_ENV = "OXUS_CACHE_DIR"
OFF = frozenset({"", "0", "off", "none", "no"})
FORMAT = "1"
"""Bumped when what an entry holds changes meaning."""

T = TypeVar("T")


def cache_dir() -> Path | None:
    """The folder entries live in, or None when caching is off."""
    configured = os.environ.get(CACHE_ENV)
    if configured is not None:
        return None if configured.strip().lower() in OFF else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "oxus"


def digest(parts: Iterable[str | bytes]) -> str:
    """A digest of the parts, each length-prefixed so that no two lists collide."""
    sha = hashlib.sha256(FORMAT.encode())
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


def cached(
    kind: str,
    key: str,
    build: Callable[[], T],
    *,
    valid: Callable[[Any], bool],
    storable: Callable[[T], bool] = lambda _: True,
) -> T:
    """The entry ``kind``/``key`` when it is readable and ``valid``; else ``build()``'s
    value, stored for next time when ``storable``."""
    folder = cache_dir()
    path = folder / f"{kind}-{key}.json" if folder is not None else None
    if path is not None:
        found = _read(path)
        if found is not None and valid(found):
            return found
    value = build()
    if path is not None and storable(value):
        _write(path, value)
    return value


def _read(path: Path) -> Any | None:
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def _write(path: Path, value: object) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}-")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except (OSError, TypeError, ValueError):
        return


def plain_json(value: object) -> bool:
    """Whether ``value`` comes back from JSON exactly as it is (str keys; str, int,
    float, bool and None leaves; lists and dicts): YAML can also give dates and other
    keys, which are then not cached."""
    if value is None or isinstance(value, str | bool | int):
        return True
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if type(value) is list:
        return all(plain_json(item) for item in value)
    if type(value) is dict:
        return all(type(k) is str and plain_json(v) for k, v in value.items())
    return False
