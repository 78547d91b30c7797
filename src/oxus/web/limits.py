"""Bounds on what a request may carry and on how much of one value a page shows.

Requests past these bounds are answered with a 4xx before any query runs: a search
term of 50,000 characters, an offset above 2^63 or a 100 MB form would otherwise reach
the database (which fails on them with a 500) or make pages of hundreds of megabytes.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

MAX_BODY_BYTES = 1 << 20
"""Largest request body (forms and JSON): every write the app takes is a few fields."""
MAX_PATH_BYTES = 2048
MAX_QUERY_BYTES = 8192
"""Largest query string: filters and search terms fit many times over."""
MAX_ID = 2**63 - 1
"""Largest row id a path or form may name (the databases' 64-bit integers)."""
MAX_OFFSET = 10_000_000
"""Largest offset into a list (events of the timeline)."""
MAX_PAGE = MAX_OFFSET // 100
DISPLAY_CHARS = 1000
"""Longest plain value a page shows in full; longer ones are cut with a marker."""


def clip(value: Any, limit: int = DISPLAY_CHARS) -> Any:
    """A value for a page: text past ``limit`` characters cut, saying how much is hidden.

    Used as the templates' ``finalize``: every ``{{ value }}`` goes through it, so one
    huge name (an entity of 100 MB) costs a page a thousand characters, not 100 MB.
    Markup that the app built itself (a document's highlighted text) passes whole.
    """
    if isinstance(value, str) and not isinstance(value, Markup) and len(value) > limit:
        return f"{value[:limit]}… [{len(value) - limit:,} more characters]"
    return value
