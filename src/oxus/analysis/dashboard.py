"""The dashboard's overview: counts, latest documents, most active groups, recent incidents.

"Most active" looks at the latest documents only (mentions and events there), which is
both what an analyst wants to see first and a bounded query on a large store.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select

from oxus.analysis.incidents.persist import ensure_incidents
from oxus.analysis.incidents.views import Incident, build_incidents
from oxus.analysis.refs import EntityRef, Resolver
from oxus.store import Store, schema

RECENT_DOCUMENTS = 200
"""How many of the latest documents "most active" is measured over."""


@dataclass
class DocumentRow:
    id: str
    title: str | None
    outlet: str | None
    published: str | None


@dataclass
class ActiveGroup:
    group: EntityRef
    documents: int
    mentions: int


@dataclass
class Dashboard:
    counts: dict[str, int]
    latest: list[DocumentRow]
    active_groups: list[ActiveGroup]
    recent_incidents: list[Incident]
    open_review: int


def dashboard(store: Store, *, limit: int = 10) -> Dashboard:
    ensure_incidents(store)
    counts = store.stats()
    d = schema.documents
    with store.engine.connect() as conn:
        latest = [
            DocumentRow(r.id, r.title, r.outlet, r.published)
            for r in conn.execute(
                select(d.c.id, d.c.title, d.c.outlet, d.c.published)
                .where(d.c.duplicate_of.is_(None))
                .order_by(d.c.published.desc(), d.c.id)
                .limit(limit)
            )
        ]
        recent_ids = select(d.c.id).order_by(d.c.published.desc()).limit(RECENT_DOCUMENTS)
        m, e = schema.mentions, schema.entities
        rows = conn.execute(
            select(
                m.c.entity_id,
                func.count(func.distinct(m.c.document_id)).label("docs"),
                func.count().label("n"),
            )
            .join(e, e.c.id == m.c.entity_id)
            .where(m.c.document_id.in_(recent_ids.scalar_subquery()), e.c.type == "group")
            .group_by(m.c.entity_id)
        ).all()
        resolver = Resolver(conn)
        resolver.load(r.entity_id for r in rows)
        docs: Counter[str] = Counter()
        mentions: Counter[str] = Counter()
        for r in rows:
            canonical = resolver(r.entity_id) or r.entity_id
            docs[canonical] += r.docs
            mentions[canonical] += r.n
        ranked = sorted(docs, key=lambda i: (-docs[i], -mentions[i], i))[:limit]
        active = [ActiveGroup(resolver.ref(i), docs[i], mentions[i]) for i in ranked]  # type: ignore[arg-type]
        i = schema.incidents
        counts["incidents"] = conn.execute(select(func.count()).select_from(i)).scalar_one()
        incident_ids = list(
            conn.execute(
                select(i.c.id)
                .where(i.c.date.is_not(None))
                .order_by(i.c.date.desc(), i.c.id.desc())
                .limit(limit)
            ).scalars()
        )
        recent = build_incidents(conn, resolver, incident_ids)
        open_review = conn.execute(
            select(func.count())
            .select_from(schema.merge_candidates)
            .where(schema.merge_candidates.c.status == "open")
        ).scalar_one()
    return Dashboard(
        counts=counts,
        latest=latest,
        active_groups=active,
        recent_incidents=recent,
        open_review=open_review + counts.get("provisional entities", 0),
    )
