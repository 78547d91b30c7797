"""Very long inputs made on demand: a 2,000-page PDF report and a 50 MB text file.

Not committed (they are tens of megabytes); made from sentences written here, so they
read like reporting and give the pipeline real work. Run::

    .venv/bin/python -m tests.bigdocs OUT_DIR [--pages 2000] [--megabytes 50]

then time ``oxus ingest`` on each with ``/usr/bin/time -v`` for the peak memory.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

GROUPS = (
    "Jamaat Ansarullah",
    "the Islamic Movement of Uzbekistan",
    "Katibat Imam al-Bukhari",
    "the Islamic Jihad Union",
    "the Taliban",
)
PLACES = ("Dushanbe", "Khujand", "Isfara", "Kunduz", "Badakhshan", "Osh", "Fergana", "Rasht")
AGENCIES = ("the State Committee for National Security", "police", "the interior ministry")
TEMPLATES = (
    "{agency} arrested {n} suspected members of {group} in {place} on {day} {month}.",
    "Officials in {place} said {group} has about {n} fighters in the region.",
    "{group} claimed responsibility for an attack near {place} that killed {k} soldiers.",
    "According to {agency}, {group} recruited {n} young men from {place} last year.",
    "Fighting between {group} and government forces was reported in {place}.",
    "A court in {place} sentenced {k} men for membership in {group}.",
    "Analysts say {group} remains active along the border east of {place}.",
)
MONTHS = ("January", "March", "May", "July", "September", "November")
BACKGROUND = (
    "The valley has long been a crossing point for traders and smugglers alike.",
    "Local residents describe the situation as calm but uncertain.",
    "Roads in the area are often closed by snow in winter.",
    "The government has promised new investment in schools and clinics.",
    "Observers note that the border is poorly marked in several places.",
    "Many young men leave the district each spring to look for work abroad.",
    "Markets reopened after a week of restrictions on movement.",
    "The report draws on interviews with officials, elders and journalists.",
)
FACT_SHARE = 0.4
"""Share of sentences that state a fact; the rest is background, as in real reporting."""


def sentences(seed: int = 7) -> Iterator[str]:
    """An endless, repeatable stream of report-like sentences."""
    rng = random.Random(seed)
    while True:
        if rng.random() > FACT_SHARE:
            yield rng.choice(BACKGROUND)
            continue
        template = rng.choice(TEMPLATES)
        sentence = template.format(
            agency=rng.choice(AGENCIES),
            group=rng.choice(GROUPS),
            place=rng.choice(PLACES),
            n=rng.randint(3, 900),
            k=rng.randint(2, 40),
            day=rng.randint(1, 28),
            month=rng.choice(MONTHS),
        )
        yield sentence[0].upper() + sentence[1:]


def paragraphs(seed: int = 7) -> Iterator[str]:
    stream = sentences(seed)
    rng = random.Random(seed + 1)
    while True:
        yield " ".join(next(stream) for _ in range(rng.randint(2, 6)))


def write_text(path: Path, megabytes: float) -> Path:
    """A plain-text report of ``megabytes`` MB, in paragraphs."""
    target = int(megabytes * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        handle.write("Regional security digest\n\n")
        for paragraph in paragraphs():
            handle.write(paragraph + "\n\n")
            written += len(paragraph) + 2
            if written >= target:
                break
    return path


def write_pdf(path: Path, pages: int, lines_per_page: int = 40) -> Path:
    """A PDF of ``pages`` pages of text lines (Helvetica), written object by object."""
    stream = sentences(11)
    offsets: list[int] = []
    page_ids = [4 + 2 * i for i in range(pages)]
    with path.open("wb") as out:
        position = 0

        def put(data: bytes) -> None:
            nonlocal position
            out.write(data)
            position += len(data)

        def obj(number: int, body: bytes) -> None:
            while len(offsets) < number:
                offsets.append(0)
            offsets[number - 1] = position
            put(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")

        put(b"%PDF-1.4\n")
        obj(1, b"<< /Type /Catalog /Pages 2 0 R >>")
        kids = " ".join(f"{i} 0 R" for i in page_ids)
        obj(2, f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
        font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
        obj(3, font)
        for page_id in page_ids:
            lines = _page_lines(stream, lines_per_page)
            shown = " ".join(f"({_escape(line)}) Tj T*" for line in lines)
            content = f"BT /F1 9 Tf 11 TL 40 760 Td {shown} ET".encode("latin-1")
            obj(
                page_id,
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                f"/Contents {page_id + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>".encode(),
            )
            obj(
                page_id + 1,
                f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream",
            )
        xref = position
        put(f"xref\n0 {len(offsets) + 1}\n0000000000 65535 f \n".encode())
        for offset in offsets:
            put(f"{offset:010d} 00000 n \n".encode())
        trailer = f"<< /Size {len(offsets) + 1} /Root 1 0 R >>"
        put(f"trailer\n{trailer}\nstartxref\n{xref}\n%%EOF\n".encode())
    return path


def _page_lines(stream: Iterator[str], count: int, width: int = 110) -> list[str]:
    lines: list[str] = []
    current = ""
    while len(lines) < count:
        for word in next(stream).split():
            if len(current) + len(word) + 1 > width:
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}".strip()
    return lines[:count]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--megabytes", type=float, default=50)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    print(write_pdf(args.out / f"report-{args.pages}-pages.pdf", args.pages))
    print(write_text(args.out / f"digest-{args.megabytes:g}mb.txt", args.megabytes))


if __name__ == "__main__":
    main()
