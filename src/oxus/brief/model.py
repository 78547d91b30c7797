"""What a brief is made of: sections of cited sentences and tables, and numbered sources.

A brief holds no free text: every line is a template filled from claims, and carries
the footnote numbers of the documents whose sentences support it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from oxus.analysis.grading import Grading


class Cited(Protocol):
    """What a footnote needs of the sentence it points to (claim evidence, a report)."""

    @property
    def document_id(self) -> str: ...
    @property
    def title(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def grading(self) -> Grading | None: ...


@dataclass(frozen=True)
class Source:
    number: int
    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    source: str | None = None
    """The registry name of its outlet."""
    grade: str | None = None
    """Its outlet's reliability grade (A-F)."""


@dataclass
class Line:
    """One sentence of the brief and the footnotes to the documents that state it."""

    text: str
    refs: list[int] = field(default_factory=list)


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]] = field(default_factory=list)
    refs: list[list[int]] = field(default_factory=list)
    """The footnotes of each row."""


@dataclass
class Section:
    title: str
    lines: list[Line] = field(default_factory=list)
    table: Table | None = None

    @property
    def empty(self) -> bool:
        return not self.lines and not (self.table and self.table.rows)


@dataclass
class Brief:
    title: str
    subtitle: str
    sections: list[Section]
    sources: list[Source]


class Citations:
    """Numbers documents in the order the brief first cites them."""

    def __init__(self, urls: dict[str, str | None] | None = None) -> None:
        self._numbers: dict[str, Source] = {}
        self._urls = urls or {}

    def cite(self, evidence: Iterable[Cited]) -> list[int]:
        numbers = []
        for ev in evidence:
            source = self._numbers.get(ev.document_id)
            if source is None:
                source = self._numbers[ev.document_id] = Source(
                    len(self._numbers) + 1,
                    ev.document_id,
                    ev.title,
                    ev.outlet,
                    ev.published,
                    self._urls.get(ev.document_id),
                    ev.grading.source if ev.grading else None,
                    ev.grading.grade if ev.grading else None,
                )
            numbers.append(source.number)
        return sorted(set(numbers))

    @property
    def sources(self) -> list[Source]:
        return sorted(self._numbers.values(), key=lambda s: s.number)
