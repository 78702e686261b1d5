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


def _roll_up(days: list[dict[str, Any]], interval: str) -> list[dict[str, Any]]:
    """Day rows of the store's attention summed into weeks (from Saturday) or months;
    `stories` sums the days' stories (a story spread over days counts on each)."""
    if interval == "day":
        return days
    out: dict[str, dict[str, Any]] = {}
    for row in days:
        day = date.fromisoformat(row["period"])
        key = day.isoformat()[:7] if interval == "month" else (day - timedelta(days=(day.weekday() - 5) % 7)).isoformat()
        into = out.setdefault(key, {"period": key, "articles": 0, "stories": 0, "all_articles": 0})
        for k in ("articles", "stories", "all_articles"):
            into[k] += row[k]
    for row in out.values():
        row["share"] = round(row["articles"] / row["all_articles"], 4) if row["all_articles"] else 0.0
    return list(out.values())


def entity(conn: sqlite3.Connection, kb_id: str) -> dict[str, Any]:
    """Everything the entity page shows: attention over every article naming
    it (by day, summed into weeks or months for a long span); the actors named
    with it and its latest stories from its newest `sample.K` articles."""
    info = card(conn, kb_id)
    where = Filters(entity=kb_id)
    days = trends.attention(conn, None, where, interval="day")
    first = days[0]["period"] if days else None
    last = days[-1]["period"] if days else None
    interval = interval_for(first, last)
    recent = sample.take(conn, None, where)
    return {
        "entity": info,
        "articles": sum(d["articles"] for d in days),
        "stories": conn.execute("SELECT COUNT(DISTINCT cluster) FROM temp.sample").fetchone()[0]
        if not recent.more else None,
        "first_day": first, "last_day": last,
        "interval": interval,
        "attention": _roll_up(days, interval),
        "sample": recent.to_dict(),
        "cooccurring": named(sample.entities(conn, recent, ("PER", "ORG"), 15, exclude=kb_id)),
        "events": events_of(conn, kb_id),
        "latest": sample.hits(conn, recent, 10),
    }
