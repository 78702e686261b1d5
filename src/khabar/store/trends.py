"""Trends and aggregates over the articles a query selects: attention over
time, top entities, places, event types and sources, and the actors named
with an entity. "stories" count a near-duplicate cluster once."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Any

from khabar.store.search import Filters, matching

INTERVALS = ("day", "week", "month", "year")
# A week starts on Saturday, as the Iranian week does.
_PERIOD = {
    "day": "a.day",
    "week": "date(a.day, '-6 days', 'weekday 6')",
    "month": "substr(a.day, 1, 7)",
    "year": "substr(a.day, 1, 4)",
}
_MAX_FILLED = 5000  # periods with no article are listed as zeros up to this many


def _rows(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def attention(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *,
    interval: str = "day", lemma: bool = False,
) -> list[dict[str, Any]]:
    """Per period: matching articles, stories, all articles of the corpus then,
    and the share of those the query holds."""
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")
    sql, params = matching(conn, query, filters, lemma=lemma)
    period = _PERIOD[interval]
    found = _rows(conn, f"""
        SELECT {period} AS period, COUNT(*) AS articles, COUNT(DISTINCT m.cluster) AS stories
        FROM ({sql}) m JOIN articles a ON a.n = m.n WHERE a.day IS NOT NULL GROUP BY period ORDER BY period""", params)
    if not found:
        return []
    totals = dict(conn.execute(
        f"SELECT {period} AS period, COUNT(*) FROM articles a WHERE a.day BETWEEN ? AND ? GROUP BY period",
        (_first_day(found[0]["period"]), _last_day(found[-1]["period"], interval)),
    ).fetchall())
    by_period = {r["period"]: r for r in found}
    out = []
    for p in _periods(found[0]["period"], found[-1]["period"], interval, list(by_period)):
        row = by_period.get(p) or {"period": p, "articles": 0, "stories": 0}
        total = totals.get(p, 0)
        out.append({**row, "all_articles": total, "share": round(row["articles"] / total, 4) if total else 0.0})
    return out


def _first_day(period: str) -> str:
    """The first day of a period written YYYY, YYYY-MM or YYYY-MM-DD."""
    return {4: period + "-01-01", 7: period + "-01"}.get(len(period), period)


def _last_day(period: str, interval: str) -> str:
    if interval == "week":
        return (date.fromisoformat(period) + timedelta(days=6)).isoformat()
    if len(period) == 4:
        return period + "-12-31"
    if len(period) == 7:
        return period + "-31"
    return period


def _periods(first: str, last: str, interval: str, present: list[str]) -> list[str]:
    """Every period from first to last (or those present, when there would be too many)."""
    out: list[str] = []
    if interval in ("day", "week"):
        d, end = date.fromisoformat(first), date.fromisoformat(last)
        step = timedelta(days=1 if interval == "day" else 7)
        while d <= end and len(out) <= _MAX_FILLED:
            out.append(d.isoformat())
            d += step
    elif interval == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last and len(out) <= _MAX_FILLED:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        out = [f"{y:04d}" for y in range(int(first), int(last) + 1)]
    return present if len(out) > _MAX_FILLED else out


def top_entities(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *,
    labels: tuple[str, ...] = (), limit: int = 20, lemma: bool = False, exclude: str | None = None,
) -> list[dict[str, Any]]:
    """The entities the matching articles name most (by stories, then articles):
    linked ones by kb_id, others by their text; `labels` keeps those labels only."""
    sql, params = matching(conn, query, filters, lemma=lemma)
    where = ""
    extra: list[Any] = []
    if labels:
        where = f"WHERE e.label IN ({', '.join('?' for _ in labels)})"
        extra += list(labels)
    if exclude:
        where += (" AND" if where else "WHERE") + " (e.kb_id IS NULL OR e.kb_id != ?)"
        extra.append(exclude)
    return _rows(conn, f"""
        SELECT e.kb_id AS kb_id, COALESCE(MAX(e.name_en), MIN(e.text)) AS name, MIN(e.text) AS text,
               MIN(e.label) AS label, MAX(e.country) AS country, COUNT(*) AS mentions,
               COUNT(DISTINCT e.article) AS articles, COUNT(DISTINCT m.cluster) AS stories
        FROM ({sql}) m JOIN entities e ON e.article = m.n {where}
        GROUP BY COALESCE(e.kb_id, e.label || ':' || e.text)
        ORDER BY stories DESC, articles DESC, name LIMIT ?""", [*params, *extra, limit])


def cooccurring(
    conn: sqlite3.Connection, kb_id: str, query: str | None = None, filters: Filters | None = None, *,
    limit: int = 20, lemma: bool = False,
) -> list[dict[str, Any]]:
    """The people and organisations named in the articles that name `kb_id`."""
    base = filters or Filters()
    within = Filters(base.source, base.date_from, base.date_to, kb_id, base.event)
    return top_entities(conn, query, within, labels=("PER", "ORG"), limit=limit, lemma=lemma, exclude=kb_id)


def top_events(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *,
    limit: int = 20, lemma: bool = False,
) -> list[dict[str, Any]]:
    """Event types of the matching articles: `events` counts an event once
    however many copies of the story state it (same cluster, type, actors)."""
    sql, params = matching(conn, query, filters, lemma=lemma)
    return _rows(conn, f"""
        SELECT ev.type AS type, COUNT(*) AS mentions,
               COUNT(DISTINCT m.cluster || '|' || COALESCE(ev.source_kb_id, ev.source_text, '') || '|'
                     || COALESCE(ev.target_kb_id, ev.target_text, '')) AS events,
               COUNT(DISTINCT m.cluster) AS stories
        FROM ({sql}) m JOIN events ev ON ev.article = m.n
        GROUP BY ev.type ORDER BY events DESC, mentions DESC LIMIT ?""", [*params, limit])


def sources(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *,
    limit: int = 20, lemma: bool = False,
) -> list[dict[str, Any]]:
    """Outlets of the matching articles: articles, stories, first and last day."""
    sql, params = matching(conn, query, filters, lemma=lemma)
    return _rows(conn, f"""
        SELECT a.source AS source, COUNT(*) AS articles, COUNT(DISTINCT m.cluster) AS stories,
               MIN(a.day) AS first_day, MAX(a.day) AS last_day
        FROM ({sql}) m JOIN articles a ON a.n = m.n
        GROUP BY a.source ORDER BY articles DESC, source LIMIT ?""", [*params, limit])


def stats(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *,
    interval: str = "month", limit: int = 10, lemma: bool = False,
) -> dict[str, Any]:
    """Everything above for one query (what `khabar stats` shows)."""
    sql, params = matching(conn, query, filters, lemma=lemma)
    articles, stories = conn.execute(f"SELECT COUNT(*), COUNT(DISTINCT cluster) FROM ({sql})", params).fetchone()
    out: dict[str, Any] = {
        "query": query or "", "articles": articles, "stories": stories,
        "attention": attention(conn, query, filters, interval=interval, lemma=lemma),
        "entities": top_entities(conn, query, filters, labels=("PER", "ORG"), limit=limit, lemma=lemma),
        "places": top_entities(conn, query, filters, labels=("LOC",), limit=limit, lemma=lemma),
        "events": top_events(conn, query, filters, limit=limit, lemma=lemma),
        "sources": sources(conn, query, filters, limit=limit, lemma=lemma),
    }
    if filters and filters.entity:
        out["cooccurring"] = cooccurring(conn, filters.entity, query, filters, limit=limit, lemma=lemma)
    return out
