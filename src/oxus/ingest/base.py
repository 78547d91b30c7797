"""What every reader shares: the raw source it is given and how a Document is built."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath

from oxus.errors import EMPTY, ReadError
from oxus.ingest.language import detect_language
from oxus.ingest.normalize import normalize_line, normalize_text
from oxus.model import Document

_MISSING = frozenset({"", "unknown", "none", "null", "n/a"})


@dataclass(frozen=True)
class RawSource:
    """The bytes of one source and where they came from."""

    data: bytes
    source: str
    """A path or URL, used in error messages and as ``Document.source``."""
    name: str
    """The file name (for the suffix and the document id)."""
    warnings: list[str] = field(default_factory=list, compare=False)
    """Problems that did not stop the reading (replaced bytes), for the run's report."""

    @property
    def stem(self) -> str:
        return PurePath(self.name).stem or "document"

    @property
    def suffix(self) -> str:
        return PurePath(self.name).suffix.lower()

    def warn(self, message: str) -> None:
        """Note a problem the reader worked around; the source is still read."""
        self.warnings.append(message)

    def fail(self, reason: str, code: str) -> ReadError:
        """The error to raise for this source (a one-line reason and its code)."""
        return ReadError(self.source, reason, code=code)


def clean_field(value: object) -> str | None:
    """A metadata value on one line, or None when it is absent or a placeholder."""
    if value is None:
        return None
    text = normalize_line(str(value))
    return None if text.lower() in _MISSING else text


def content_hash(text: str) -> str:
    """The sha256 hex digest of normalised text: the identity of a document's content."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def make_document(
    raw: RawSource,
    text: str,
    *,
    doc_id: str | None = None,
    media_type: str,
    title: object = None,
    url: object = None,
    outlet: object = None,
    published: str | None = None,
) -> Document:
    """Normalise ``text`` and build the Document; raise ReadError(EMPTY) if no text is left."""
    normalized = normalize_text(text)
    if not normalized:
        raise raw.fail("no text after extraction", EMPTY)
    return Document(
        id=doc_id or raw.stem,
        text=normalized,
        title=clean_field(title),
        url=clean_field(url),
        outlet=clean_field(outlet),
        published=published,
        source=raw.source,
        media_type=media_type,
        content_hash=content_hash(normalized),
        language=detect_language(normalized),
    )


def with_title(title: str | None, body: str) -> str:
    """Put the headline in front of the body unless the body already opens with it.

    Headlines carry facts ("Police arrest five IMU members") that extraction should see,
    as it does in plain-text reports that repeat the headline as their first line.
    """
    if not title:
        return body
    head = normalize_line(body[: len(title) + 200]).casefold()
    if head.startswith(normalize_line(title).casefold()):
        return body
    return f"{title}\n\n{body}"
