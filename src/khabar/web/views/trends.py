"""The trends page: attention over time for one or more queries compared
(articles and share of all articles per period), and the top entities, places
and event types of each query."""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.store import trends
from khabar.store.search import Filters
from khabar.web.views.common import named

MAX_QUERIES = 5


def compare(conn: sqlite3.Connection, queries: list[str], filters: Filters, *, interval: str = "month",
            lemma: bool = False, limit: int = 10) -> dict[str, Any]:
    """Per query: its attention series and its tops; `periods` is the union of
    every series' periods, so the chart's lines share one axis."""
    series = []
    for q in queries[:MAX_QUERIES]:
        series.append({
            "query": q,
            "attention": trends.attention(conn, q, filters, interval=interval, lemma=lemma),
            "entities": named(trends.top_entities(conn, q, filters, labels=("PER", "ORG"), limit=limit, lemma=lemma)),
            "places": named(trends.top_entities(conn, q, filters, labels=("LOC",), limit=limit, lemma=lemma)),
            "events": trends.top_events(conn, q, filters, limit=limit, lemma=lemma),
        })
    periods = sorted({p["period"] for s in series for p in s["attention"]})
    for s in series:
        by = {p["period"]: p for p in s["attention"]}
        s["articles"] = [by[p]["articles"] if p in by else 0 for p in periods]
        s["share"] = [by[p]["share"] if p in by else 0.0 for p in periods]
    return {"interval": interval, "periods": periods, "series": series}
