"""The events page: the events of the articles a query selects, filtered by
actor, country and type; a timeline by type; the actor network. An event
stated in several copies of one story (same cluster, type and actors)
counts once, with the number of copies.

Bounded like the other pages (views.sample): among the matching articles
that state such events, the table and the network come from the best (or
newest) `sample.K`, the timeline from the best `TIMELINE`; `sample` in the
answer says how many articles were read and whether more matched."""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.store.search import Filters
from khabar.web.views import sample
from khabar.web.views.common import rows

TIMELINE = 20_000
_PARTS = ("m.cluster", "ev.type", "COALESCE(ev.source_kb_id, ev.source_text, '')",
          "COALESCE(ev.target_kb_id, ev.target_text, '')")
_KEY = ", ".join(_PARTS)  # one event of one story
_KEY_TEXT = " || '|' || ".join(_PARTS)
KEEP = ("article_id", "title", "published", "day", "n", "type", "mode", "cameo", "quad_class", "goldstein",
        "trigger", "source_text", "source_kb_id", "source_country", "target_text", "target_kb_id",
        "target_country", "location_text", "location_country", "date", "confidence", "copies")


class EventFilter:
    """Actor (a kb_id, source or target), country (of either actor or the place), event type."""

    def __init__(self, actor: str | None = None, country: str | None = None, event_type: str | None = None):
        where: list[str] = []
        self.params: list[Any] = []
        if actor:
            where.append("(ev.source_kb_id = ? OR ev.target_kb_id = ?)")
            self.params += [actor, actor]
        if country:
            where.append("(ev.source_country = ? OR ev.target_country = ? OR ev.location_country = ?)")
            self.params += [country.upper()] * 3
        if event_type:
            where.append("ev.type = ? COLLATE NOCASE")
            self.params.append(event_type)
        self.where = (" WHERE " + " AND ".join(where)) if where else ""

    def articles(self) -> tuple[str, list[Any]]:
        """The condition on an article `n`: it states such an event."""
        return f"n IN (SELECT ev.article FROM events ev{self.where})", self.params

    def and_(self) -> str:
        return " AND" if self.where else " WHERE"


def event_rows(conn: sqlite3.Connection, query: str | None, filters: Filters, ef: EventFilter, *,
               limit: int = 100, offset: int = 0, k: int | None = None) -> tuple[int, list[dict[str, Any]], sample.Sample]:
    """(events, one page of them newest first, the sample read): each the
    earliest copy's event, with `copies` (articles of the story that state it)."""
    s = sample.take(conn, query, filters, k=k, name="ev_sample", where=ef.articles())
    base = f"""
        SELECT ev.*, a.id AS article_id, a.title, a.published, a.day, a.ts, m.cluster,
               ROW_NUMBER() OVER (PARTITION BY {_KEY} ORDER BY a.ts IS NULL, a.ts, a.n, ev.n) AS k,
               COUNT(*) OVER (PARTITION BY {_KEY}) AS copies
        FROM temp.ev_sample m JOIN events ev ON ev.article = m.n JOIN articles a ON a.n = m.n{ef.where}"""
    found = rows(conn, f"""
        SELECT *, COUNT(*) OVER () AS total FROM ({base}) WHERE k = 1
        ORDER BY ts IS NULL, ts DESC, article, n LIMIT ? OFFSET ?""", [*ef.params, limit, offset])
    total = found[0]["total"] if found else 0
    return total, [{key: r[key] for key in KEEP} for r in found], s


def timeline(conn: sqlite3.Connection, query: str | None, filters: Filters, ef: EventFilter) -> list[dict[str, Any]]:
    """Events (counted once per story) per month and type."""
    sample.take(conn, query, filters, k=TIMELINE, name="tl_sample", where=ef.articles())
    return rows(conn, f"""
        SELECT substr(a.day, 1, 7) AS period, ev.type AS type, COUNT(DISTINCT {_KEY_TEXT}) AS events
        FROM temp.tl_sample m JOIN events ev ON ev.article = m.n JOIN articles a ON a.n = m.n{ef.where}
        {ef.and_()} a.day IS NOT NULL
        GROUP BY period, ev.type ORDER BY period, ev.type""", ef.params)


def network(conn: sqlite3.Connection, ef: EventFilter, limit: int = 60) -> list[dict[str, Any]]:
    """Edges source → target by event type, with how many stories state them
    (over the sample `event_rows` read)."""
    return rows(conn, f"""
        SELECT COALESCE(ev.source_kb_id, ev.source_text) AS source, MIN(ev.source_text) AS source_text,
               COALESCE(ev.target_kb_id, ev.target_text) AS target, MIN(ev.target_text) AS target_text,
               ev.type AS type, COUNT(DISTINCT m.cluster) AS events
        FROM temp.ev_sample m JOIN events ev ON ev.article = m.n{ef.where}
        {ef.and_()} ev.source_text IS NOT NULL AND ev.target_text IS NOT NULL
        GROUP BY 1, 3, ev.type ORDER BY events DESC, 1, 3 LIMIT ?""", [*ef.params, limit])


def events(conn: sqlite3.Connection, query: str | None, filters: Filters, ef: EventFilter, *,
           limit: int = 100, offset: int = 0) -> dict[str, Any]:
    """Everything the events page shows (and /api/events answers)."""
    total, found, s = event_rows(conn, query, filters, ef, limit=limit, offset=offset)
    return {"total": total, "sample": s.to_dict(), "events": found,
            "timeline": timeline(conn, query, filters, ef), "network": network(conn, ef)}


def types(conn: sqlite3.Connection) -> list[str]:
    """Every event type the corpus holds (for the filter's choices)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")]
