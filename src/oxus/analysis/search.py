"""Search over documents, and name search over entities and their aliases.

A query that names an entity ("ISKP", "ИГ-Хорасан") finds the documents about it under
any of its names, ranked by how often they mention it (``oxus.analysis.search_names``);
other words in the query must also appear in them. A query naming no entity is plain
full text: the store's index (SQLite FTS5 ``documents_fts``, PostgreSQL stored
``search_vector``), ranking the newest ``RANK_WINDOW`` matches. Entities match on the
folded alias index by prefix. All of these stay indexed lookups on a large store. A
query naming no entity is also looked up as it is spelled in the other script
("Ансаруллах" also finds English reports, "Ansarullah" Russian ones), its own spelling's
hits first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import Connection, bindparam, func, select, text

from oxus.analysis.refs import EntityRef, Resolver
from oxus.analysis.search_names import (
    NamedEntity,
    QueryReading,
    name_pattern,
    read_query,
    term_documents,
)
from oxus.analysis.snippets import SNIPPET_MARK, snippet_around
from oxus.kb.translit import other_script
from oxus.store import Store, schema
from oxus.store.chunks import chunks
from oxus.textnorm import fold

RANK_WINDOW = 500
"""Only this many matching documents are ranked, the newest (PostgreSQL: by publication
date; SQLite: the last ingested, the order its full-text index keeps): a word found in
most of a large store would otherwise have every match scored on each keystroke."""
MAX_WORDS = 16
"""Distinct words of a query that are searched: a query repeating one word a hundred
times took seconds in the full-text index; the rest of a long query adds nothing."""


@dataclass
class DocumentHit:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    """Text around the match, with matched words between ``SNIPPET_MARK`` characters."""
    mentions: int = 0
    """Mentions of the entities the query names (0 for a plain word search)."""


@dataclass
class EntityHit:
    entity: EntityRef
    matched: str
    """The name or alias that matched."""
    mentions: int


Hit = TypeVar("Hit", DocumentHit, EntityHit)


@dataclass
class SearchResults:
    query: str
    documents: list[DocumentHit]
    entities: list[EntityHit]
    named: list[NamedEntity] = field(default_factory=list)
    """The entities the query names: documents are those mentioning them (all of them)."""
    total: int = 0
    """How many documents match in all (``documents`` holds the best ``limit``)."""


def search(store: Store, query: str, *, limit: int = 25) -> SearchResults:
    query = query.strip()
    if not query:
        return SearchResults(query, [], [])
    spellings = [query, *other_script(query)]
    with store.engine.connect() as conn:
        resolver = Resolver(conn)
        reading = read_query(conn, resolver, query)
        if reading.terms:
            documents, total = _named_documents(conn, reading, limit)
        else:
            documents = _first_of_each(
                (hit for spelling in spellings for hit in _documents(conn, spelling, limit)),
                key=lambda hit: hit.id,
                limit=limit,
            )
            total = len(documents)
        entities = _first_of_each(
            (hit for spelling in spellings for hit in _entities(conn, spelling, limit)),
            key=lambda hit: hit.entity.id,
            limit=limit,
        )
    named = [n for term in reading.terms for n in term]
    return SearchResults(query, documents, entities, named, total)


def _first_of_each(hits: Iterable[Hit], *, key: Callable[[Hit], str], limit: int) -> list[Hit]:
    """Hits in order, each key once, at most ``limit``."""
    seen: set[str] = set()
    out: list[Hit] = []
    for hit in hits:
        if key(hit) not in seen and len(out) < limit:
            seen.add(key(hit))
            out.append(hit)
    return out


def _named_documents(
    conn: Connection, reading: QueryReading, limit: int
) -> tuple[list[DocumentHit], int]:
    """Documents naming every entity of the query (and its other words), most mentions first."""
    scores: dict[str, int] | None = None
    for term in reading.terms:
        found = term_documents(conn, term)
        scores = (
            found if scores is None else {d: scores[d] + n for d, n in found.items() if d in scores}
        )
    scores = scores or {}
    word_rank: dict[str, float] = {}
    if re.search(r"\w", reading.words):
        word_rank = _word_ranks(conn, reading.words, list(scores))
        scores = {d: n for d, n in scores.items() if d in word_rank}
    top = _best(conn, scores, word_rank, limit)
    meta = _metadata(conn, top)
    family = [i for term in reading.terms for named in term for i in named.family]
    names = [n for term in reading.terms for named in term for n in named.names]
    words = re.findall(r"\w+", reading.words)
    snippets = _snippets(conn, top, family, names, words)
    hits = [
        DocumentHit(d, meta[d].title, meta[d].published, meta[d].outlet, snippets[d], scores[d])
        for d in top
    ]
    return hits, len(scores)


def _best(
    conn: Connection, scores: dict[str, int], word_rank: dict[str, float], limit: int
) -> list[str]:
    """The ``limit`` best documents: most mentions, best word rank, then newest.

    Only the documents tied with the last one kept are read for their dates (the newest
    of them, in SQL): an entity mentioned in thousands of documents costs no more.
    """

    def key(d: str) -> tuple[int, float]:
        return (-scores[d], word_rank.get(d, 0.0))

    ordered = sorted(scores, key=key)
    if len(ordered) <= limit:
        tied = ordered
        sure: list[str] = []
    else:
        cutoff = key(ordered[limit - 1])
        sure = [d for d in ordered if key(d) < cutoff]
        tied = [d for d in ordered if key(d) == cutoff]
    newest = _newest(conn, tied, limit - len(sure))
    order = {d: i for i, d in enumerate(newest)}
    return sure + sorted(newest, key=lambda d: (key(d), order[d]))


def _newest(conn: Connection, doc_ids: list[str], count: int) -> list[str]:
    """The ``count`` most recently published of ``doc_ids`` (undated last), newest first."""
    d = schema.documents
    rows: list[Any] = []
    for chunk in chunks(doc_ids):
        rows += conn.execute(
            select(d.c.id, d.c.published)
            .where(d.c.id.in_(chunk))
            .order_by(d.c.published.is_(None), d.c.published.desc(), d.c.id.desc())
            .limit(count)
        ).all()
    rows.sort(key=lambda row: row.id, reverse=True)
    rows.sort(key=lambda row: row.published or "", reverse=True)
    return [row.id for row in rows[:count]]


def _metadata(conn: Connection, doc_ids: list[str]) -> dict[str, Any]:
    d = schema.documents
    rows: dict[str, Any] = {}
    for chunk in chunks(doc_ids):
        for row in conn.execute(
            select(d.c.id, d.c.title, d.c.published, d.c.outlet).where(d.c.id.in_(chunk))
        ):
            rows[row.id] = row
    return rows


def _word_ranks(conn: Connection, words: str, doc_ids: list[str]) -> dict[str, float]:
    """{document id: rank, lower is better} for those of ``doc_ids`` that have ``words``."""
    sqlite = conn.dialect.name == "sqlite"
    match = _fts_query(words) if sqlite else _tsquery(words)
    if not match:
        return {}
    if sqlite:
        query = text(
            "SELECT id, bm25(documents_fts, 0, 5.0, 1.0) AS rank FROM documents_fts "
            "WHERE documents_fts MATCH :q AND id IN :ids"
        )
    else:
        query = text(
            "SELECT id, -ts_rank(search_vector, to_tsquery('simple', :q)) AS rank "
            "FROM documents WHERE search_vector @@ to_tsquery('simple', :q) AND id IN :ids"
        )
    query = query.bindparams(bindparam("ids", expanding=True))
    ranks: dict[str, float] = {}
    for chunk in chunks(doc_ids):
        ranks.update(
            (row.id, float(row.rank)) for row in conn.execute(query, {"q": match, "ids": chunk})
        )
    return ranks


def _snippets(
    conn: Connection, doc_ids: list[str], family: list[str], names: list[str], words: list[str]
) -> dict[str, str]:
    """Text around each document's first mention of a named entity (or first name in it)."""
    if not doc_ids:
        return {}
    m, d = schema.mentions, schema.documents
    first: dict[str, tuple[int, int]] = {}
    for row in conn.execute(
        select(m.c.document_id, m.c.start, m.c.end)
        .where(m.c.document_id.in_(doc_ids), m.c.entity_id.in_(family), m.c.end > m.c.start)
        .order_by(m.c.document_id, m.c.start)
    ):
        first.setdefault(row.document_id, (row.start, row.end))
    pattern = name_pattern(names, ignore_case=True)
    out: dict[str, str] = {}
    for doc in conn.execute(select(d.c.id, d.c.text).where(d.c.id.in_(doc_ids))):
        span = first.get(doc.id)
        if span is None and pattern is not None and (found := pattern.search(doc.text)):
            span = found.span()
        start, end = span or (0, 0)
        out[doc.id] = snippet_around(doc.text, start, end, words)
    return out


def _words(query: str) -> list[str]:
    """The query's words, each once (case-folded), at most ``MAX_WORDS`` of them."""
    unique = {w.casefold(): w for w in re.findall(r"\w+", query)}
    return list(unique.values())[:MAX_WORDS]


def _fts_query(query: str) -> str:
    """A safe FTS5 query: every word quoted (no operators), the last one as a prefix."""
    words = _words(query)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def _tsquery(query: str) -> str:
    """The same query for PostgreSQL: all words required, the last one as a prefix."""
    words = _words(query)
    if not words:
        return ""
    return " & ".join([*words[:-1], f"{words[-1]}:*"])


def _documents(conn: Connection, query: str, limit: int) -> list[DocumentHit]:
    start, end = SNIPPET_MARK
    if conn.dialect.name == "sqlite":
        match = _fts_query(query)
        if not match:
            return []
        rows = conn.execute(
            text(
                "SELECT f.id, d.title, d.published, d.outlet, "
                "snippet(documents_fts, 2, :s, :e, ' … ', 24) AS snippet "
                "FROM documents_fts f JOIN documents d ON d.id = f.id "
                "WHERE documents_fts MATCH :q AND f.rowid >= (SELECT coalesce(min(rowid), 0) "
                "FROM (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q "
                "ORDER BY rowid DESC LIMIT :window)) "
                "ORDER BY bm25(documents_fts, 0, 5.0, 1.0) LIMIT :n"
            ),
            {"q": match, "s": start, "e": end, "n": limit, "window": RANK_WINDOW},
        ).all()
    else:
        match = _tsquery(query)
        if not match:
            return []
        rows = conn.execute(
            text(
                "SELECT d.id, d.title, d.published, d.outlet, "
                "ts_headline('simple', d.text, to_tsquery('simple', :q), :opts) AS snippet "
                "FROM (SELECT id, ts_rank(search_vector, to_tsquery('simple', :q)) AS rank "
                "FROM (SELECT id, search_vector FROM documents "
                "WHERE search_vector @@ to_tsquery('simple', :q) "
                "ORDER BY published DESC, id DESC LIMIT :window) recent "
                "ORDER BY rank DESC, id LIMIT :n) top "
                "JOIN documents d ON d.id = top.id ORDER BY top.rank DESC, d.id"
            ),
            {
                "q": match,
                "n": limit,
                "window": RANK_WINDOW,
                "opts": f"StartSel={start}, StopSel={end}, MaxWords=30, MinWords=12",
            },
        ).all()
    return [DocumentHit(r.id, r.title, r.published, r.outlet, r.snippet) for r in rows]


def _entities(conn: Connection, query: str, limit: int) -> list[EntityHit]:
    norm = fold(query)
    if not norm:
        return []
    a = schema.aliases
    rows = list(
        conn.execute(
            select(a.c.entity_id, func.min(a.c.alias).label("alias"))
            .where(a.c.norm >= norm, a.c.norm < norm + "\uffff")
            .group_by(a.c.entity_id)
            .limit(limit * 4)
        ).all()
    )
    if len(rows) < limit:
        rows += conn.execute(
            select(a.c.entity_id, func.min(a.c.alias).label("alias"))
            .where(a.c.norm.like(f"% {_escape_like(norm)}%", escape="\\"))
            .group_by(a.c.entity_id)
            .limit(limit * 4)
        ).all()
    resolver = Resolver(conn)
    resolver.load(r.entity_id for r in rows)
    hits: dict[str, EntityHit] = {}
    for row in rows:
        ref = resolver.ref(row.entity_id)
        if ref is not None and ref.id not in hits:
            hits[ref.id] = EntityHit(ref, row.alias, 0)
    if hits:
        family = {i: resolver(i) for i in resolver.merges} | {i: i for i in hits}
        counts = conn.execute(
            select(schema.mentions.c.entity_id, func.count().label("n"))
            .where(schema.mentions.c.entity_id.in_([i for i, t in family.items() if t in hits]))
            .group_by(schema.mentions.c.entity_id)
        ).all()
        for row in counts:
            hits[family[row.entity_id]].mentions += row.n  # type: ignore[index]
    ranked = sorted(
        hits.values(), key=lambda h: (fold(h.entity.name) != norm, -h.mentions, h.entity.name)
    )
    return ranked[:limit]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
