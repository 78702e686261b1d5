"""The events page: the events of the articles a query selects, filtered by
actor, country and type; a timeline by type; the actor network. An event
stated in several copies of one story (same cluster, type and actors)
counts once, with the number of copies."""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.store.search import Filters, matching
from khabar.web.views.common import blank, rows


def _where(actor: str | None, country: str | None, event_type: str | None) -> tuple[str, list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if actor:
        where.append("(ev.source_kb_id = ? OR ev.target_kb_id = ?)")
        params += [actor, actor]
    if country:
        where.append("(ev.source_country = ? OR ev.target_country = ? OR ev.location_country = ?)")
        params += [country.upper()] * 3
    if event_type:
        where.append("ev.type = ? COLLATE NOCASE")
        params.append(event_type)
    return (" WHERE " + " AND ".join(where)) if where else "", params


_PARTS = ("m.cluster", "ev.type", "COALESCE(ev.source_kb_id, ev.source_text, '')",
          "COALESCE(ev.target_kb_id, ev.target_text, '')")
_KEY = ", ".join(_PARTS)  # one event of one story
_KEY_TEXT = " || '|' || ".join(_PARTS)


def event_rows(conn: sqlite3.Connection, query: str | None, filters: Filters, *, actor: str | None = None,
               country: str | None = None, event_type: str | None = None, limit: int = 100,
               offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
    """(events, one page of them newest first): each the earliest copy's
    event, with `copies` (articles of the story that state it)."""
    sql, params = matching(blank(query), filters)
    where, extra = _where(actor, country, event_type)
    base = f"""
        SELECT ev.*, a.id AS article_id, a.title, a.published, a.day, a.ts, m.cluster,
               ROW_NUMBER() OVER (PARTITION BY {_KEY} ORDER BY a.ts IS NULL, a.ts, a.n, ev.n) AS k,
               COUNT(*) OVER (PARTITION BY {_KEY}) AS copies
        FROM ({sql}) m JOIN events ev ON ev.article = m.n JOIN articles a ON a.n = m.n{where}"""
    found = rows(conn, f"""
        SELECT *, COUNT(*) OVER () AS total FROM ({base}) WHERE k = 1
        ORDER BY ts IS NULL, ts DESC, article, n LIMIT ? OFFSET ?""", [*params, *extra, limit, offset])
    total = found[0]["total"] if found else 0
    keep = ("article_id", "title", "published", "day", "n", "type", "mode", "cameo", "quad_class", "goldstein",
            "trigger", "source_text", "source_kb_id", "source_country", "target_text", "target_kb_id",
            "target_country", "location_text", "location_country", "date", "confidence", "copies")
    return total, [{k: r[k] for k in keep} for r in found]


def timeline(conn: sqlite3.Connection, query: str | None, filters: Filters, *, actor: str | None = None,
             country: str | None = None, event_type: str | None = None) -> list[dict[str, Any]]:
    """Events (counted once per story) per month and type."""
    sql, params = matching(blank(query), filters)
    where, extra = _where(actor, country, event_type)
    return rows(conn, f"""
        SELECT substr(a.day, 1, 7) AS period, ev.type AS type, COUNT(DISTINCT {_KEY_TEXT}) AS events
        FROM ({sql}) m JOIN events ev ON ev.article = m.n JOIN articles a ON a.n = m.n{where}
        {'AND' if where else 'WHERE'} a.day IS NOT NULL
        GROUP BY period, ev.type ORDER BY period, ev.type""", [*params, *extra])


def network(conn: sqlite3.Connection, query: str | None, filters: Filters, *, actor: str | None = None,
            country: str | None = None, event_type: str | None = None, limit: int = 60) -> list[dict[str, Any]]:
    """Edges source → target by event type, with how many events (once per story)."""
    sql, params = matching(blank(query), filters)
    where, extra = _where(actor, country, event_type)
    cond = "ev.source_text IS NOT NULL AND ev.target_text IS NOT NULL"
    return rows(conn, f"""
        SELECT COALESCE(ev.source_kb_id, ev.source_text) AS source, MIN(ev.source_text) AS source_text,
               COALESCE(ev.target_kb_id, ev.target_text) AS target, MIN(ev.target_text) AS target_text,
               ev.type AS type, COUNT(DISTINCT m.cluster) AS events
        FROM ({sql}) m JOIN events ev ON ev.article = m.n{where} {'AND' if where else 'WHERE'} {cond}
        GROUP BY 1, 3, ev.type ORDER BY events DESC, 1, 3 LIMIT ?""", [*params, *extra, limit])


def types(conn: sqlite3.Connection) -> list[str]:
    """Every event type the corpus holds (for the filter's choices)."""
    return [r[0] for r in conn.execute("SELECT DISTINCT type FROM events WHERE type IS NOT NULL ORDER BY type")]
