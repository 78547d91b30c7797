from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import oxus.ingest
from oxus.errors import NOT_FOUND, UNSUPPORTED, ReadError
from oxus.ingest import read_bytes, read_source
from oxus.ingest.registry import sniff

from .pdfgen import make_pdf

Write = Callable[[str, str | bytes], Path]


def test_public_api_is_pinned() -> None:
    assert sorted(oxus.ingest.__all__) == [
        "DEFAULT_MAX_BYTES",
        "Found",
        "SUPPORTED_SUFFIXES",
        "SourceRead",
        "detect_language",
        "discover",
        "find_sources",
        "normalize_date",
        "normalize_text",
        "read_bytes",
        "read_path",
        "read_source",
    ]


def test_not_found(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_source(tmp_path / "missing.txt")
    assert info.value.code == NOT_FOUND
    assert str(info.value) == f"[{NOT_FOUND}] {tmp_path / 'missing.txt'}: not found"


def test_folder_is_not_a_source(tmp_path: Path) -> None:
    with pytest.raises(ReadError) as info:
        read_source(tmp_path)
    assert info.value.code == UNSUPPORTED


def test_unsupported_suffix(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("sheet.docx", b"PK\x03\x04 some zip"))
    assert info.value.code == UNSUPPORTED
    assert ".docx" in info.value.reason


def test_sniffed_content_without_known_suffix(write: Write) -> None:
    [doc] = read_source(write("download.bin", make_pdf(["Five arrested in Khujand."])))
    assert doc.media_type == "application/pdf"
    page = "<!doctype html><html><body><p>Five arrested in Khujand.</p></body></html>"
    [doc] = read_source(write("page.php", page))
    assert doc.media_type == "text/html"


def test_no_suffix_is_read_as_text(write: Write) -> None:
    [doc] = read_source(write("README", "Five arrested in Khujand."))
    assert doc.media_type == "text/plain"
    assert doc.id == "README"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"%PDF-1.7\n", "pdf"),
        (b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        (b"\xef\xbb\xbf<feed xmlns='http://www.w3.org/2005/Atom'>", "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b"Plain words", None),
    ],
)
def test_sniff(head: bytes, expected: str | None) -> None:
    assert sniff(head) == expected


def test_read_bytes_uses_name_for_id_and_reader() -> None:
    [doc] = read_bytes(b"---\ntitle: T\n---\nFive arrested.", name="upload-7.txt")
    assert doc.id == "upload-7"
    assert doc.title == "T"
    assert doc.source == "upload-7.txt"


def test_same_content_same_hash(write: Write) -> None:
    [a] = read_source(write("a.txt", "Five  arrested.\r\n"))
    [b] = read_source(write("b.txt", "Five arrested."))
    assert a.content_hash == b.content_hash
    assert a.id != b.id
