"""The trends page: attention over time for one or more queries compared
(articles and share of all articles per period), and the top entities, places
and event types of each query."""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.store import trends
from khabar.store.search import Filters
from khabar.web.views import sample
from khabar.web.views.common import named

MAX_QUERIES = 5


def compare(conn: sqlite3.Connection, queries: list[str], filters: Filters, *, interval: str = "month",
            lemma: bool = False, limit: int = 10) -> dict[str, Any]:
    """Per query: its attention series (every matching article) and its tops
    (over its best `sample.K` articles); `periods` is the union of
    every series' periods, so the chart's lines share one axis."""
    series = []
    for q in queries[:MAX_QUERIES]:
        series.append({
            "query": q,
            "attention": trends.attention(conn, q, filters, interval=interval, lemma=lemma),
            **_tops(conn, q, filters, lemma, limit),
        })
    periods = sorted({p["period"] for s in series for p in s["attention"]})
    for s in series:
        by = {p["period"]: p for p in s["attention"]}
        s["articles"] = [by[p]["articles"] if p in by else 0 for p in periods]
        s["share"] = [by[p]["share"] if p in by else 0.0 for p in periods]
    return {"interval": interval, "periods": periods, "series": series}


def _tops(conn: sqlite3.Connection, query: str, filters: Filters, lemma: bool, limit: int) -> dict[str, Any]:
    s = sample.take(conn, query, filters, lemma=lemma)
    return {"sample": s.to_dict(), "entities": named(sample.entities(conn, s, ("PER", "ORG"), limit)),
            "places": named(sample.entities(conn, s, ("LOC",), limit)), "events": sample.events(conn, s, limit)}
