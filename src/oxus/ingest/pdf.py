"""PDF reports: the text layer, page by page, with the title and date of the info dictionary.

Only PDFs with a text layer can be read; scanned images would need OCR, which oxus does
not do, so they are reported rather than stored as empty documents.
"""

from __future__ import annotations

import io
import logging
import re
import struct
import zlib

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from oxus.errors import CORRUPT_PDF, EMPTY
from oxus.ingest.base import RawSource, make_document
from oxus.ingest.dates import normalize_date
from oxus.model import Document

# pypdf logs its repairs of damaged files; without a handler Python would print them to
# stderr. Callers that configure logging still receive them through propagation.
logging.getLogger("pypdf").addHandler(logging.NullHandler())

# What pypdf raises on damaged files besides its own errors.
_DAMAGE = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError)
_DAMAGE_ALL = (*_DAMAGE, RecursionError, struct.error, zlib.error, OverflowError)

_HYPHENATED = re.compile(r"(\w)-\n(?=[a-zа-яё])")
_SOFT_BREAK = re.compile(r"(?<=[^\s.!?:;])\n(?=[a-zа-яё])")


def read(raw: RawSource) -> list[Document]:
    """Read a PDF's text layer into one Document."""
    try:
        reader = PdfReader(io.BytesIO(raw.data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise raw.fail("encrypted PDF (a password is needed)", CORRUPT_PDF)
        pages = [page.extract_text() or "" for page in reader.pages]
    except _DAMAGE_ALL as e:
        reason = "encrypted PDF" if "crypt" in str(e).lower() else "corrupt PDF"
        raise raw.fail(f"{reason}: {_first_line(e)}", CORRUPT_PDF) from e
    text = "\n\n".join(_join_lines(page) for page in pages if page.strip())
    if not text:
        raise raw.fail("PDF has no text layer (a scanned image?)", EMPTY)
    title, published = _info(reader)
    return [
        make_document(raw, text, media_type="application/pdf", title=title, published=published)
    ]


def _join_lines(page: str) -> str:
    """Undo line wrapping: rejoin hyphenated words and lines that continue a sentence."""
    return _SOFT_BREAK.sub(" ", _HYPHENATED.sub(r"\1", page))


def _info(reader: PdfReader) -> tuple[str | None, str | None]:
    """Title and creation date from the document info, when present and readable."""
    try:
        info = reader.metadata
        if info is None:
            return None, None
        return info.title, normalize_date(info.creation_date)
    except _DAMAGE:
        return None, None


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
