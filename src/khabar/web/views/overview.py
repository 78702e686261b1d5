"""The home page: the corpus in figures, its sources, its latest stories, and
the entities and places its newest RECENT articles name most. Cached for a
minute: on a large corpus the counts over every row take longer than a page may."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

from khabar.store import trends
from khabar.store.search import Filters
from khabar.web.views import sample
from khabar.web.views.common import named, one

RECENT = 2000  # the newest articles the home page's tops are counted over
TTL = 60.0
_cache: dict[str, tuple[float, dict[str, Any]]] = {}
_lock = threading.Lock()


def overview(conn: sqlite3.Connection, key: str) -> dict[str, Any]:
    """The overview of the corpus `key` names (its path), at most TTL seconds old."""
    with _lock:
        found = _cache.get(key)
        if found and time.monotonic() - found[0] < TTL:
            return found[1]
    data = _compute(conn)
    with _lock:
        _cache[key] = (time.monotonic(), data)
    return data


def forget(key: str) -> None:
    with _lock:
        _cache.pop(key, None)


def _compute(conn: sqlite3.Connection) -> dict[str, Any]:
    recent = sample.take(conn, None, Filters(), k=RECENT)
    counts = one(conn, "SELECT COUNT(*) AS articles, COUNT(DISTINCT cluster) AS stories, "
                 "COUNT(DISTINCT source) AS sources, MIN(day) AS first_day, MAX(day) AS last_day FROM articles") or {}
    return {
        **counts,
        "events": conn.execute("SELECT COUNT(*) FROM events").fetchone()[0],
        "entities": conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
        "top_sources": trends.sources(conn, None, limit=12),
        "sample": recent.to_dict(),
        "top_entities": named(sample.entities(conn, recent, ("PER", "ORG"), 12)),
        "top_places": named(sample.entities(conn, recent, ("LOC",), 12)),
        "latest": sample.hits(conn, recent, 10),
    }
