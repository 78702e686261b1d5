"""The home page: the corpus in figures, its sources, its latest stories, the
entities it names most. Cached for a minute: on a large corpus the counts
over every entity take longer than a page may."""

from __future__ import annotations

import sqlite3
import threading
import time
from typing import Any

from khabar.store import trends
from khabar.store.search import search
from khabar.web.views.common import named, one

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
    counts = one(conn, "SELECT COUNT(*) AS articles, COUNT(DISTINCT cluster) AS stories, "
                 "COUNT(DISTINCT source) AS sources, MIN(day) AS first_day, MAX(day) AS last_day FROM articles") or {}
    return {
        **counts,
        "events": conn.execute("SELECT COUNT(*) FROM events").fetchone()[0],
        "entities": conn.execute("SELECT COUNT(*) FROM entities").fetchone()[0],
        "top_sources": trends.sources(conn, None, limit=12),
        "top_entities": named(trends.top_entities(conn, None, labels=("PER", "ORG"), limit=12)),
        "top_places": named(trends.top_entities(conn, None, labels=("LOC",), limit=12)),
        "latest": search(conn, "", limit=10).to_dict()["hits"],
    }
