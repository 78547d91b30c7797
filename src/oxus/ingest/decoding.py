"""Bytes -> str for text sources: byte-order marks, UTF-8, else a detected encoding.

UTF-8 is the norm. Russian-language sites and archives still serve Windows-1251 and
KOI8-R, and older Western pages Windows-1252; charset-normalizer tells them apart,
limited to the encodings reporting from the region is written in (a free guess reads
short Cyrillic texts as Japanese). Text that is UTF-8 but for a few stray bytes is
kept, the bytes replaced and the replacement reported as a warning rather than the
whole file refused. Data with NUL bytes is binary, never text.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from oxus.errors import BINARY, UNDECODABLE
from oxus.ingest.base import RawSource

_SNIFF_BYTES = 8192
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
REGIONAL_ENCODINGS = (
    "utf_8",
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp866",
    "iso8859_5",
    "mac_cyrillic",
    "cp1252",
    "latin_1",
)
"""The encodings detection chooses among: Unicode, the Cyrillic ones and Western."""
_STRAY_SHARE = 100
"""At most one undecodable byte in this many (or a single one) makes a text UTF-8 with
stray bytes; more means another encoding."""
_REPLACEMENT = "\ufffd"
_ENCODED_REPLACEMENT = _REPLACEMENT.encode("utf-8")


def bom_encoding(data: bytes) -> str | None:
    """The codec a byte-order mark at the start of ``data`` names, if any."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first few kilobytes mean binary data (text never has them)."""
    return b"\x00" in data[:_SNIFF_BYTES] and bom_encoding(data) is None


def decode_text(raw: RawSource, *, declared: str | None = None) -> str:
    """Decode a text source; raise ReadError(BINARY or UNDECODABLE) when it is not text.

    ``declared`` is an encoding the source names itself (an HTML ``<meta charset>``),
    used when the bytes decode under it. Replaced bytes are reported on ``raw``.
    """
    data = raw.data
    if bom := bom_encoding(data):
        return _replacing(raw, data, bom)
    if looks_binary(data):
        raise raw.fail("binary data, not text", BINARY)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    if _mostly_utf8(data[: _SNIFF_BYTES * 8]):
        text = data.decode("utf-8", errors="replace")
        stray = text.count(_REPLACEMENT) - data.count(_ENCODED_REPLACEMENT)
        if _mostly_utf8(data, stray):
            raw.warn(f"{_bytes(stray)} not valid UTF-8, replaced")
            return text
    best = from_bytes(data, cp_isolation=list(REGIONAL_ENCODINGS)).best()
    if best is None:
        raise raw.fail("undecodable: not UTF-8 nor a known regional encoding", UNDECODABLE)
    return _replacing(raw, data, best.encoding)


def _mostly_utf8(data: bytes, stray: int | None = None) -> bool:
    """UTF-8 but for a few stray bytes (``stray`` counted here unless given)."""
    if stray is None:
        text = data.decode("utf-8", errors="replace")
        stray = text.count(_REPLACEMENT) - data.count(_ENCODED_REPLACEMENT)
    return stray <= max(1, len(data) // _STRAY_SHARE)


def _replacing(raw: RawSource, data: bytes, encoding: str) -> str:
    """``data`` decoded, any undecodable bytes replaced and reported."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        raw.warn(f"{_bytes(text.count(_REPLACEMENT))} not valid {encoding}, replaced")
        return text


def _bytes(count: int) -> str:
    return "1 byte" if count == 1 else f"{count} bytes"
