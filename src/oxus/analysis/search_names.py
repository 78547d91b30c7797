"""Search queries that name an entity: read the names, expand them to every alias in every script.

"ISKP", "IS-K", "Islamic State Khorasan Province" and "ИГ-Хорасан" are one entity; a
query naming any of them should find every document about it. A query is split into
the longest word runs that are a stored name or alias (``aliases.norm``), the rest being
plain words. A named entity's documents are those with a mention of it (or of anything
merged into it) and those whose text contains one of its names (full-text index); short
names such as "IS-K" must appear with their capitals, so "is k" in prose does not count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, func, select, text

from oxus.analysis.refs import EntityRef, Resolver
from oxus.store import schema
from oxus.textnorm import fold

MAX_WORDS = 8
"""The longest name looked up: runs of up to this many query words."""
TEXT_WINDOW = 500
"""Documents whose text names the entity, newest first, read from the full-text index."""
CHECKED = 100
"""Documents checked for a short name with its capitals (the index ignores case)."""
WORD = re.compile(r"\w+")
CURATED = ("pack", "curated")
"""Entity statuses a query is read as naming."""


@dataclass
class NamedEntity:
    """An entity a query names, with every name it is known by."""

    entity: EntityRef
    matched: str
    """The words of the query that named it."""
    family: list[str] = field(default_factory=list)
    """Its id and every id merged into it."""
    names: list[str] = field(default_factory=list)


@dataclass
class QueryReading:
    """A query read as named entities (each a list: a name may be ambiguous) and plain words."""

    terms: list[list[NamedEntity]]
    words: str


def _short(name: str) -> bool:
    """Names the index would match in ordinary prose: ``IS-K``, ``ISK``, ``JA``."""
    tokens = WORD.findall(name)
    return len("".join(tokens)) <= 4 or any(len(t) <= 2 for t in tokens)


def _plausible(surface: str, norm: str) -> bool:
    """Whether query words may be read as a name: not "is", unless typed as "IS"."""
    letters = norm.replace(" ", "")
    return len(letters) >= 3 or (len(letters) >= 2 and surface.isupper())


def read_query(conn: Connection, resolver: Resolver, query: str) -> QueryReading:
    """Split ``query`` into the entities it names (longest names first) and other words.

    Only curated entities (the pack's, or accepted by an analyst) are read from a query:
    a provisional one is often a common word the pipeline took for a name ("Fighters").
    A single word that is no name of its own names the one curated entity with a name
    containing it: a surname in any case ("arsalan"), any word when typed capitalised
    ("Ansarullah").
    """
    spans = [(m.start(), m.end()) for m in WORD.finditer(query)]
    runs: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i in range(len(spans)):
        for j in range(i + 1, min(len(spans), i + MAX_WORDS) + 1):
            surface = query[spans[i][0] : spans[j - 1][1]]
            norm = fold(surface)
            if norm and _plausible(surface, norm):
                runs[norm].append((i, j))
    if not runs:
        return QueryReading([], query.strip())
    holders = _holders(conn, list(runs))
    for norm, places in runs.items():
        typed = [query[spans[i][0] : spans[i][1]] for i, j in places if j - i == 1]
        if norm in holders or len(norm) < 4 or not typed:
            continue
        anywhere = any(w[:1].isupper() for w in typed)
        if (only := _sole_holder_of_word(conn, resolver, norm, anywhere=anywhere)) is not None:
            holders[norm] = {only}
    found = sorted(
        ((i, j, norm) for norm in holders for i, j in runs[norm]), key=lambda x: (x[0] - x[1], x[0])
    )
    taken: set[int] = set()
    terms: list[tuple[int, list[NamedEntity]]] = []
    for i, j, norm in found:
        if taken & set(range(i, j)):
            continue
        surface = query[spans[i][0] : spans[j - 1][1]]
        named = _entities(resolver, holders[norm], surface)
        if named:
            taken |= set(range(i, j))
            terms.append((i, named))
    words = " ".join(query[s:e] for k, (s, e) in enumerate(spans) if k not in taken)
    for _, term in terms:
        for entity in term:
            entity.names = _names(conn, entity.family)
    return QueryReading([term for _, term in sorted(terms, key=lambda t: t[0])], words)


def _holders(conn: Connection, norms: list[str]) -> dict[str, set[str]]:
    """{folded name: ids of the entities holding it} (stored ids, merges not resolved)."""
    a = schema.aliases
    holders: dict[str, set[str]] = defaultdict(set)
    for row in conn.execute(select(a.c.norm, a.c.entity_id).where(a.c.norm.in_(norms)).distinct()):
        holders[row.norm].add(row.entity_id)
    return holders


def _sole_holder_of_word(
    conn: Connection, resolver: Resolver, word: str, *, anywhere: bool
) -> str | None:
    """The one curated entity with a name containing ``word``, if only one.

    ``anywhere``: the word may stand anywhere in the name; else it must end a person's.
    """
    a, e = schema.aliases, schema.entities
    at_end = a.c.norm.like(f"% {word}")
    if anywhere:
        name = at_end | a.c.norm.like(f"{word} %") | a.c.norm.like(f"% {word} %")
    else:
        name = at_end & (e.c.type == "person")
    rows = conn.execute(
        select(a.c.entity_id)
        .join(e, e.c.id == a.c.entity_id)
        .where(e.c.status.in_(CURATED), name)
        .distinct()
    ).scalars()
    canonical = {resolver(i) for i in rows}
    return canonical.pop() if len(canonical) == 1 else None


def _entities(resolver: Resolver, ids: set[str], matched: str) -> list[NamedEntity]:
    resolver.load(ids)
    named: dict[str, NamedEntity] = {}
    for entity_id in sorted(ids):
        ref = resolver.ref(entity_id)
        if ref is None or ref.status not in CURATED or ref.id in named:
            continue
        named[ref.id] = NamedEntity(ref, matched, resolver.family(ref.id))
    return list(named.values())


def _names(conn: Connection, family: list[str]) -> list[str]:
    """Every stored name of the entity, one per folded form, longest first."""
    a = schema.aliases
    rows = conn.execute(
        select(a.c.norm, func.min(a.c.alias)).where(a.c.entity_id.in_(family)).group_by(a.c.norm)
    ).all()
    return sorted((alias for _, alias in rows), key=lambda n: (-len(n), n))


def term_documents(conn: Connection, term: list[NamedEntity]) -> dict[str, int]:
    """{document id: mentions} for every document naming one of the term's entities.

    A document whose text has one of the names but no mention the pipeline linked
    counts with one mention.
    """
    family = sorted({i for named in term for i in named.family})
    m = schema.mentions
    counts: dict[str, int] = dict(
        conn.execute(
            select(m.c.document_id, func.count())
            .where(m.c.entity_id.in_(family))
            .group_by(m.c.document_id)
        ).all()
    )
    names = sorted({n for named in term for n in named.names})
    safe = [n for n in names if not _short(n)]
    short = [n for n in names if _short(n)]
    for doc_id in _text_matches(conn, safe, prefix=True):
        counts.setdefault(doc_id, 1)
    unseen = [d for d in _text_matches(conn, short, prefix=False) if d not in counts]
    for doc_id in _with_capitals(conn, unseen[:CHECKED], short):
        counts.setdefault(doc_id, 1)
    return counts


def _text_matches(conn: Connection, names: list[str], *, prefix: bool) -> list[str]:
    """Ids of the newest documents whose text has one of ``names`` (full-text index)."""
    phrases = [[w.lower() for w in WORD.findall(n)] for n in names]
    phrases = [p for p in phrases if p]
    if not phrases:
        return []
    if conn.dialect.name == "sqlite":
        parts = []
        for words in phrases:
            star = "*" if prefix and len(words[-1]) >= 4 else ""
            parts.append('"' + " ".join(words) + '"' + star)
        query = text(
            "SELECT id FROM documents_fts WHERE documents_fts MATCH :q "
            "ORDER BY rowid DESC LIMIT :window"
        )
        return list(conn.execute(query, {"q": " OR ".join(parts), "window": TEXT_WINDOW}).scalars())
    parts = []
    for words in phrases:
        last = words[-1] + (":*" if prefix and len(words[-1]) >= 4 else "")
        parts.append("(" + " <-> ".join([*words[:-1], last]) + ")")
    query = text(
        "SELECT id FROM documents WHERE search_vector @@ to_tsquery('simple', :q) "
        "ORDER BY published DESC, id DESC LIMIT :window"
    )
    return list(conn.execute(query, {"q": " | ".join(parts), "window": TEXT_WINDOW}).scalars())


def name_pattern(names: list[str], *, ignore_case: bool = False) -> re.Pattern[str] | None:
    """A pattern for any of ``names`` with free separators (``IS-K``, ``IS K``).

    Case-sensitive unless ``ignore_case``: a short name counts only with its capitals.
    """
    parts = [r"[\W_]*".join(re.escape(w) for w in WORD.findall(n)) for n in names]
    parts = [p for p in parts if p]
    if not parts:
        return None
    alternatives = "|".join(sorted(parts, key=len, reverse=True))
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<!\w)(?:" + alternatives + r")(?!\w)", flags)


def _with_capitals(conn: Connection, doc_ids: list[str], names: list[str]) -> list[str]:
    pattern = name_pattern(names)
    if pattern is None or not doc_ids:
        return []
    d = schema.documents
    rows = conn.execute(
        select(d.c.id, d.c.text).where(d.c.id.in_(bindparam("ids", expanding=True))),
        {"ids": doc_ids},
    )
    return [row.id for row in rows if pattern.search(row.text)]
