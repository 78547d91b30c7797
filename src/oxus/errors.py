"""Errors oxus raises, each with a stable code so users and tests can tell them apart.

Exception tree::

    OxusError
     ├── ReadError          a source could not be turned into a Document (E1xx)
     ├── PackError          the knowledge pack is invalid (E2xx)
     │    └── LexiconError  a pattern file is missing or malformed (E210)
     ├── StoreError         the store cannot be opened or written (E3xx)
     │    └── NotFound      no stored entity or incident of that name or id (E300)
     ├── GoldError          a gold or facts file is not in the facts format (E4xx)
     │    └── ModelError    an extraction model file is missing or malformed (E410)
     ├── ExportError        an export or import failed (E5xx)
     ├── ServeError         the web server cannot start with these settings (E6xx)
     ├── PipelineError      no NLP pipeline can be built as asked (E7xx)
     ├── ScaleError         extraction cannot run where it was sent (E8xx)
     └── BudgetExceeded     one document took more time or memory than allowed (E113)

The library raises; the CLI catches ``OxusError`` and prints one line per problem.
"""

from __future__ import annotations


class OxusError(Exception):
    """Base of every error oxus raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ReadError(OxusError):
    """A source could not be read into a document (unsupported, empty, corrupt...)."""

    code = "E100"

    def __init__(self, source: str, reason: str, *, code: str = "E100") -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
        self.code = code


class PackError(OxusError):
    """The knowledge pack failed schema validation."""

    code = "E200"


class LexiconError(PackError):
    """A pattern file is missing or not a mapping."""

    code = "E210"


class StoreError(OxusError):
    """The store cannot be opened, migrated or written."""

    code = "E300"


class NotFound(StoreError):
    """A lookup named an entity or incident the store does not hold.

    Its own type so that surfaces can tell "there is no such thing" (the web app's
    404) from a request they cannot carry out (400); its code stays the store's.
    """


class GoldError(OxusError):
    """A gold or facts file does not follow the facts format."""

    code = "E400"


class ModelError(GoldError):
    """An extraction model file is missing, unreadable or of another format."""

    code = "E410"


class ExportError(OxusError):
    """An export or import could not be completed."""

    code = "E500"


class ServeError(OxusError):
    """The web server cannot start with these settings."""

    code = "E600"


class PipelineError(OxusError):
    """No NLP pipeline can be built as asked (e.g. for a language oxus does not read)."""

    code = "E700"


class ScaleError(OxusError):
    """Extraction cannot run as asked (a Dask scheduler out of reach, a bad address)."""

    code = "E800"


class BudgetExceeded(OxusError):
    """Reading or extracting one document used more time or memory than its budget."""

    code = "E113"


# Reasons a reader gives, one code each, so that a report of failures is stable.
UNSUPPORTED = "E101"
EMPTY = "E102"
BINARY = "E103"
UNDECODABLE = "E104"
CORRUPT_PDF = "E105"
MALFORMED_HTML = "E106"
MALFORMED_FEED = "E107"
NOT_FOUND = "E108"
NOT_A_FILE = "E109"
"""A FIFO, device, socket or link loop: refused without being opened."""
OUTSIDE = "E110"
"""A link inside a folder that leads out of it."""
UNREADABLE = "E111"
TOO_LARGE = "E112"
OVER_BUDGET = "E113"
"""Reading or extracting one document took more time or memory than allowed."""
EXTRACTION_FAILED = "E114"
"""The pipeline failed on one document (the others go on)."""
