"""Bytes -> str for text sources, refusing binary data and guessing only what is safe.

UTF-8 (with or without a byte-order mark) is the norm. Older Russian-language sites
and archives still serve Windows-1251, which decodes almost any byte sequence; it is
accepted only when the result reads as Cyrillic text, so Latin-1 or random bytes are
reported as undecodable instead of being turned into gibberish.
"""

from __future__ import annotations

import codecs

from oxus.errors import BINARY, UNDECODABLE
from oxus.ingest.base import RawSource
from oxus.ingest.language import cyrillic_share

_SNIFF_BYTES = 8192
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_MIN_CYRILLIC_SHARE = 0.5


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first few kilobytes mean binary data (text never has them)."""
    return b"\x00" in data[:_SNIFF_BYTES] and not data.startswith(_UTF16_BOMS)


def decode_text(raw: RawSource) -> str:
    """Decode a text source; raise ReadError(BINARY or UNDECODABLE) when it is not text."""
    data = raw.data
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise raw.fail("undecodable UTF-16 text", UNDECODABLE) from e
    if looks_binary(data):
        raise raw.fail("binary data, not text", BINARY)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = _as_cp1251(data)
    if text is None:
        raise raw.fail("undecodable: not UTF-8 and not Cyrillic Windows-1251", UNDECODABLE)
    return text


def _as_cp1251(data: bytes) -> str | None:
    """The Windows-1251 reading of ``data`` if it decodes cleanly and reads as Cyrillic."""
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        return None
    if cyrillic_share(text) < _MIN_CYRILLIC_SHARE:
        return None
    return text
