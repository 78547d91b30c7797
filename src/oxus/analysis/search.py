"""Full-text search over documents, and name search over entities and their aliases.

Documents use the store's full-text index (SQLite FTS5 ``documents_fts``, PostgreSQL
stored ``search_vector``), ranking the newest ``RANK_WINDOW`` matches; entities match on
the folded alias index by prefix, so both stay indexed
lookups on a large store. A query is also looked up as it is spelled in the other script
("Ансаруллах" also finds English reports of Ansarullah, "Ansarullah" Russian ones), its
own spelling's hits first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Connection, func, select, text

from oxus.analysis.refs import EntityRef, Resolver
from oxus.kb.translit import other_script
from oxus.store import Store, schema
from oxus.textnorm import fold

RANK_WINDOW = 500
"""Only this many matching documents are ranked, the newest (PostgreSQL: by publication
date; SQLite: the last ingested, the order its full-text index keeps): a word found in
most of a large store would otherwise have every match scored on each keystroke."""
MAX_WORDS = 16
"""Distinct words of a query that are searched: a query repeating one word a hundred
times took seconds in the full-text index; the rest of a long query adds nothing."""
SNIPPET_MARK = "\x02", "\x03"
"""Control characters around matched words in snippets: safe to escape, then mark up."""


@dataclass
class DocumentHit:
    id: str
    title: str | None
    published: str | None
    outlet: str | None
    snippet: str
    """Text around the match, with matched words between ``SNIPPET_MARK`` characters."""


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


def search(store: Store, query: str, *, limit: int = 25) -> SearchResults:
    query = query.strip()
    if not query:
        return SearchResults(query, [], [])
    spellings = [query, *other_script(query)]
    with store.engine.connect() as conn:
        documents = _first_of_each(
            (hit for spelling in spellings for hit in _documents(conn, spelling, limit)),
            key=lambda hit: hit.id,
            limit=limit,
        )
        entities = _first_of_each(
            (hit for spelling in spellings for hit in _entities(conn, spelling, limit)),
            key=lambda hit: hit.entity.id,
            limit=limit,
        )
    return SearchResults(query, documents, entities)


def _first_of_each(hits: Iterable[Hit], *, key: Callable[[Hit], str], limit: int) -> list[Hit]:
    """Hits in order, each key once, at most ``limit``."""
    seen: set[str] = set()
    out: list[Hit] = []
    for hit in hits:
        if key(hit) not in seen and len(out) < limit:
            seen.add(key(hit))
            out.append(hit)
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
