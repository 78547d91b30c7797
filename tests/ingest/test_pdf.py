from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from oxus.errors import CORRUPT_PDF, EMPTY, ReadError
from oxus.ingest import read_source

from .pdfgen import make_pdf

Write = Callable[[str, str | bytes], Path]

LINES = [
    "Police in Dushanbe detained five men on Tuesday.",
    "The suspects were accused of recruit-",
    "ing young people online and of planning",
    "to travel abroad.",
]


def _encrypted(data: bytes, *, user_password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_layer_and_info(write: Write) -> None:
    data = make_pdf(LINES, title="Arrests in Dushanbe", date="20231130120000Z")
    [doc] = read_source(write("report.pdf", data))
    assert doc.id == "report"
    assert doc.media_type == "application/pdf"
    assert doc.title == "Arrests in Dushanbe"
    assert doc.published == "2023-11-30"
    assert doc.text == (
        "Police in Dushanbe detained five men on Tuesday.\n"
        "The suspects were accused of recruiting young people online and of planning "
        "to travel abroad."
    )


def test_pdf_without_info(write: Write) -> None:
    [doc] = read_source(write("bare.pdf", make_pdf(["Five arrested in Khujand."])))
    assert doc.title is None and doc.published is None
    assert doc.text == "Five arrested in Khujand."


def test_no_text_layer(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("scan.pdf", make_pdf([])))
    assert info.value.code == EMPTY
    assert "text layer" in info.value.reason


@pytest.mark.parametrize(
    "data",
    [make_pdf(LINES)[:150], b"%PDF-1.4\nthis is not a pdf body at all\n", b"%PDF-"],
)
def test_corrupt_pdf(write: Write, data: bytes) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("broken.pdf", data))
    assert info.value.code == CORRUPT_PDF
    assert "\n" not in str(info.value)


def test_not_a_pdf_at_all(write: Write) -> None:
    with pytest.raises(ReadError) as info:
        read_source(write("fake.pdf", b"plain words in a file named .pdf"))
    assert info.value.code == CORRUPT_PDF


def test_encrypted_with_password(write: Write) -> None:
    data = _encrypted(make_pdf(LINES), user_password="secret")
    with pytest.raises(ReadError) as info:
        read_source(write("locked.pdf", data))
    assert info.value.code == CORRUPT_PDF
    assert "encrypted" in info.value.reason


def test_encrypted_with_empty_user_password_is_read(write: Write) -> None:
    data = _encrypted(make_pdf(LINES), user_password="")
    [doc] = read_source(write("open.pdf", data))
    assert doc.text.startswith("Police in Dushanbe")
