"""Atom 1.0 feeds (RFC 4287) of a watch list's alerts, for any feed reader to poll.

Built with ElementTree, so every value is escaped. Entry ids are stable (the alert's
fingerprint), so a reader shows each new fact once, even after its document changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from xml.etree import ElementTree as ET

from markupsafe import escape

from oxus.analysis.alerts import Alert

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    node = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        node.text = text
    return node


def _content(alert: Alert) -> str:
    """The entry's HTML body: the sentence, who says it, where and when it was published."""
    by = f" per {escape(alert.asserted_by)}" if alert.asserted_by else ""
    title = escape(alert.title or alert.document_id)
    return (
        f"<p><q>{escape(alert.evidence)}</q>{by}</p>"
        f"<p>{escape(alert.source)} [{alert.grade}], {escape(alert.published or 'undated')}: "
        f"{title}</p><p>Watched: {escape(', '.join(alert.watched))}</p>"
    )


def watch_feed(name: str, alerts: Iterable[Alert], *, base_url: str, created_at: str) -> bytes:
    """The feed of watch list ``name`` (alerts newest first) as UTF-8 XML."""
    base = base_url.rstrip("/")
    alerts = list(alerts)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _el(feed, "title", f"oxus watch list: {name}")
    _el(feed, "subtitle", "New facts about what this list watches, each with its source.")
    _el(feed, "id", f"{base}/watch/{name}.atom")
    _el(feed, "updated", alerts[0].created_at if alerts else created_at)
    _el(feed, "link", rel="self", type="application/atom+xml", href=f"{base}/watch/{name}.atom")
    _el(feed, "link", rel="alternate", type="text/html", href=f"{base}/watch?list={name}")
    author = _el(feed, "author")
    _el(author, "name", "oxus")
    _el(feed, "generator", "oxus")
    for alert in alerts:
        entry = _el(feed, "entry")
        _el(entry, "title", alert.summary)
        _el(entry, "id", f"urn:oxus:alert:{name}:{alert.fingerprint}")
        _el(entry, "published", alert.created_at)
        _el(entry, "updated", alert.created_at)
        _el(entry, "link", rel="alternate", type="text/html", href=base + alert.href)
        _el(entry, "category", term=alert.kind)
        _el(entry, "summary", f"{alert.evidence} ({alert.source}, {alert.published or 'undated'})")
        _el(entry, "content", _content(alert), type="html")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
