from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from oxus.errors import BINARY, EMPTY, UNDECODABLE, ReadError
from oxus.ingest import read_path, read_source

Write = Callable[[str, str | bytes], Path]

BODY = "Police in Dushanbe detained five men.\n\nThe suspects were accused of recruiting."


def test_front_matter_fields(write: Write) -> None:
    path = write(
        "report-1.txt",
        "---\n"
        "title: Under Black Flag: Militants Pledge Allegiance\n"
        "url: https://example.org/a/1\n"
        "outlet: Example News\n"
        "published: 2023-11-30\n"
        "---\n" + BODY + "\n",
    )
    [doc] = read_source(path)
    assert doc.id == "report-1"
    assert doc.title == "Under Black Flag: Militants Pledge Allegiance"
    assert doc.url == "https://example.org/a/1"
    assert doc.outlet == "Example News"
    assert doc.published == "2023-11-30"
    assert doc.text == BODY
    assert doc.source == str(path)
    assert doc.media_type == "text/plain"
    assert doc.language == "en"
    assert doc.content_hash == hashlib.sha256(BODY.encode()).hexdigest()


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2023", "2023"),
        ("2023-11", "2023-11"),
        ("30 November 2023", "2023-11-30"),
        ("Nov 30, 2023", "2023-11-30"),
        ("2023-11-30T10:00:00Z", "2023-11-30"),
        ("'2023-11-30'", "2023-11-30"),
        ("unknown", None),
        ("", None),
    ],
)
def test_published_variants(write: Write, written: str, expected: str | None) -> None:
    [doc] = read_source(write("a.txt", f"---\npublished: {written}\n---\n{BODY}"))
    assert doc.published == expected


def test_unknown_placeholders_and_keys(write: Write) -> None:
    content = (
        "---\ntitle: unknown\nurl: unknown\noutlet: unknown\nseed_file: 000_x.txt\n"
        "author: Someone\n---\n" + BODY
    )
    [doc] = read_source(write("a.txt", content))
    assert (doc.title, doc.url, doc.outlet, doc.published) == (None, None, None, None)
    assert "seed_file" not in doc.text and "Someone" not in doc.text


def test_quoted_and_folded_values(write: Write) -> None:
    content = (
        '---\ntitle: "Arrests: five held"\n'
        "outlet: >\n  Example\n  Weekly\n# a comment\n"
        "published: 2021-09\n---\n" + BODY
    )
    [doc] = read_source(write("a.txt", content))
    assert doc.title == "Arrests: five held"
    assert doc.outlet == "Example Weekly"
    assert doc.published == "2021-09"


def test_no_front_matter(write: Write) -> None:
    [doc] = read_source(write("plain.txt", BODY))
    assert doc.text == BODY
    assert doc.title is None and doc.published is None


def test_unclosed_front_matter_is_text(write: Write) -> None:
    [doc] = read_source(write("a.txt", "---\ntitle: x\n" + BODY))
    assert doc.text.startswith("---\ntitle: x")
    assert doc.title is None


def test_crlf_and_bom(write: Write) -> None:
    content = "\ufeff---\r\ntitle: T\r\n---\r\n" + BODY.replace("\n", "\r\n")
    [doc] = read_source(write("a.txt", content.encode("utf-8")))
    assert doc.title == "T"
    assert doc.text == BODY


def test_empty_after_front_matter(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("a.txt", "---\ntitle: Nothing here\n---\n\n  \n"))
    assert info.value.code == EMPTY


def test_empty_file(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("empty.txt", ""))
    assert info.value.code == EMPTY
    with pytest.raises(ReadError) as info:
        read_source(write("blank.txt", " \n\n\t"))
    assert info.value.code == EMPTY


def test_binary_file(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert info.value.code == BINARY
    assert "image.txt" in str(info.value) and "binary" in info.value.reason


def test_western_encoding_is_detected(write: Write) -> None:
    [doc] = read_source(write("fr.txt", "Le café est fermé à Genève.".encode("latin-1")))
    assert doc.text == "Le café est fermé à Genève."


def test_bytes_that_are_no_text_encoding_are_undecodable(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("noise.txt", bytes(range(1, 256)) * 4))
    assert info.value.code == UNDECODABLE


def test_cp1251_cyrillic(write: Write) -> None:
    text = "Полиция задержала пятерых мужчин в Душанбе."
    [doc] = read_source(write("ru.txt", text.encode("cp1251")))
    assert doc.text == text
    assert doc.language == "ru"


def test_utf16_with_bom(write: Write) -> None:
    [doc] = read_source(write("u16.txt", BODY.encode("utf-16")))
    assert doc.text == BODY


def test_markdown(write: Write) -> None:
    content = (
        "# Arrests in **Dushanbe**\n\n"
        "Police [detained](https://example.org) five *suspected* members\n"
        "of _Jamaat Ansarullah_.\n\n"
        "- first item\n- second item\n\n---\n\n> A quoted `statement`.\n"
    )
    [doc] = read_source(write("note.md", content))
    assert doc.media_type == "text/markdown"
    assert doc.title == "Arrests in Dushanbe"
    assert doc.text == (
        "Arrests in Dushanbe\n\n"
        "Police detained five suspected members\nof Jamaat Ansarullah.\n\n"
        "first item\nsecond item\n\n"
        "A quoted statement."
    )


def test_markdown_keeps_snake_case_and_front_matter_title(write: Write) -> None:
    content = "---\ntitle: From front matter\n---\n# Heading\n\nThe file some_name_here stays.\n"
    [doc] = read_source(write("note.md", content))
    assert doc.title == "From front matter"
    assert "some_name_here" in doc.text


def test_russian_text_language(write: Write) -> None:
    [doc] = read_source(write("ru.md", "Полиция задержала пятерых мужчин в Душанбе."))
    assert doc.language == "ru"


def test_koi8_r_is_detected(write: Write) -> None:
    text = "Полиция задержала пятерых мужчин в Душанбе."
    [doc] = read_source(write("ru-koi8.txt", text.encode("koi8_r")))
    assert doc.text == text and doc.language == "ru"


def test_a_stray_byte_is_replaced_and_reported(write: Write) -> None:
    result = read_path(write("stray.txt", BODY.encode() + b" \xff end."))
    [doc] = result.documents
    assert doc.text.endswith("recruiting. \ufffd end.")
    assert result.warnings == ["1 byte not valid UTF-8, replaced"]


def test_utf16_html_without_a_suffix_is_sniffed(write: Write) -> None:
    page = "<!DOCTYPE html><html><body><p>Five men were detained in Khujand.</p></body></html>"
    [doc] = read_source(write("page", page.encode("utf-16")))
    assert doc.media_type == "text/html"
    assert "Five men were detained in Khujand." in doc.text
