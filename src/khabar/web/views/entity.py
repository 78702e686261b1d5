"""The entity page: its knowledge-base card, attention over time, the actors
named with it, the events it takes part in, its latest articles."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from khabar import kb
from khabar.store import trends
from khabar.store.search import Filters
from khabar.web.views import sample
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


def _span(attention: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """The first and last day of the non-empty periods of an attention series."""
    found = [p["period"] for p in attention if p["articles"]]
    if not found:
        return None, None
    first, last = found[0], found[-1]
    if len(last) == 7:  # a month: its first and last day
        last = (date.fromisoformat(last + "-01").replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        return first + "-01", last.isoformat()
    return first, last


def newest(conn: sqlite3.Connection, kb_id: str) -> sample.Sample:
    """The sample of an entity named in many articles: its newest `sample.K`,
    found by walking the articles newest first (an index) and keeping those
    that name it, which stops early because so many do."""
    conn.execute("DROP TABLE IF EXISTS temp.sample")
    conn.execute("""CREATE TEMP TABLE sample AS SELECT n, cluster, ROW_NUMBER() OVER (ORDER BY day DESC) AS rank FROM (
        SELECT a.n, a.cluster, a.day FROM articles a INDEXED BY articles_day WHERE a.day IS NOT NULL
        AND EXISTS (SELECT 1 FROM entities e WHERE e.article = a.n AND e.kb_id = ?)
        ORDER BY a.day DESC LIMIT ?)""", (kb_id, sample.K))
    return sample.Sample("sample", conn.execute("SELECT COUNT(*) FROM temp.sample").fetchone()[0], True)


def entity(conn: sqlite3.Connection, kb_id: str) -> dict[str, Any]:
    """Everything the entity page shows: attention over every article naming
    it (by day, week or month, as its span of days asks); the actors named with
    it and its latest stories from its newest `sample.K` articles."""
    info = card(conn, kb_id)
    where = Filters(entity=kb_id)
    attention = trends.attention(conn, None, where, interval="month")
    first, last = _span(attention)
    interval = interval_for(first, last)
    if interval != "month":  # a short span: counted again by week or day
        attention = trends.attention(conn, None, where, interval=interval)
        first, last = _span(attention)
    total = sum(p["articles"] for p in attention)
    recent = newest(conn, kb_id) if total > 5 * sample.K else sample.take(conn, None, where)
    return {
        "entity": info,
        "articles": total,
        "stories": conn.execute("SELECT COUNT(DISTINCT cluster) FROM temp.sample").fetchone()[0]
        if not recent.more else None,
        "first_day": first, "last_day": last,
        "interval": interval,
        "attention": attention,
        "sample": recent.to_dict(),
        "cooccurring": named(sample.entities(conn, recent, ("PER", "ORG"), 15, exclude=kb_id)),
        "events": events_of(conn, kb_id),
        "latest": sample.hits(conn, recent, 10),
    }
