"""The entity page: its knowledge-base card, attention over time, the actors
named with it, the events it takes part in, its latest articles."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from khabar import kb
from khabar.store import trends
from khabar.store.search import Filters, search
from khabar.web.views.common import NotFound, named, one, rows


def card(conn: sqlite3.Connection, kb_id: str) -> dict[str, Any]:
    """The KB entry (or what the corpus knows of an id the KB lacks)."""
    entry = kb.entry(kb_id)
    if entry is not None:
        return {
            "id": entry.id, "type": entry.type, "name_en": entry.name_en, "country": entry.country,
            "role": entry.role, "start": entry.start, "end": entry.end, "wikidata": entry.wikidata,
            "names_fa": list(entry.names_fa), "in_kb": True,
            "offices": [{"office": t.office, "country": t.country, "start": t.start, "end": t.end}
                        for t in kb.offices(kb_id)],
        }
    seen = one(conn, "SELECT MAX(name_en) AS name_en, MAX(country) AS country, MAX(role) AS role, "
               "MIN(label) AS label, COUNT(*) AS n FROM entities WHERE kb_id = ?", (kb_id,))
    if not seen or not seen["n"]:
        raise NotFound(f"no entity {kb_id!r} in the knowledge base or this corpus")
    names = [r["text"] for r in rows(conn, "SELECT text, COUNT(*) AS c FROM entities WHERE kb_id = ? "
                                     "GROUP BY text ORDER BY c DESC LIMIT 5", (kb_id,))]
    return {"id": kb_id, "type": seen["label"], "name_en": seen["name_en"], "country": seen["country"],
            "role": seen["role"], "start": None, "end": None, "wikidata": None, "names_fa": names,
            "in_kb": False, "offices": []}


def interval_for(first: str | None, last: str | None) -> str:
    """day, week or month: whichever gives a readable chart for the span of days."""
    if not first or not last:
        return "day"
    days = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return "day" if days <= 62 else "week" if days <= 400 else "month"


def events_of(conn: sqlite3.Connection, kb_id: str, limit: int = 50) -> list[dict[str, Any]]:
    """The events it is a source or target of, newest first."""
    return rows(conn, f"""
        SELECT a.id AS article, a.title, a.published, ev.n, ev.type, ev.mode, ev.cameo, ev.trigger,
               ev.source_text, ev.source_kb_id, ev.target_text, ev.target_kb_id, ev.location_text, ev.date,
               CASE WHEN ev.source_kb_id = ? THEN 'source' ELSE 'target' END AS side
        FROM events ev JOIN articles a ON a.n = ev.article
        WHERE ev.source_kb_id = ? OR ev.target_kb_id = ?
        ORDER BY a.ts IS NULL, a.ts DESC, ev.n LIMIT {int(limit)}""", (kb_id, kb_id, kb_id))


def entity(conn: sqlite3.Connection, kb_id: str) -> dict[str, Any]:
    """Everything the entity page shows."""
    info = card(conn, kb_id)
    where = Filters(entity=kb_id)
    span = one(conn, "SELECT MIN(a.day) AS first, MAX(a.day) AS last, COUNT(*) AS articles, "
               "COUNT(DISTINCT a.cluster) AS stories FROM articles a "
               "WHERE a.n IN (SELECT article FROM entities WHERE kb_id = ?)", (kb_id,)) or {}
    interval = interval_for(span.get("first"), span.get("last"))
    return {
        "entity": info,
        "articles": span.get("articles", 0), "stories": span.get("stories", 0),
        "first_day": span.get("first"), "last_day": span.get("last"),
        "interval": interval,
        "attention": trends.attention(conn, None, where, interval=interval),
        "cooccurring": named(trends.cooccurring(conn, kb_id, limit=15)),
        "events": events_of(conn, kb_id),
        "latest": search(conn, "", where, limit=10).to_dict()["hits"],
    }
