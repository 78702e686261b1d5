"""The search page: the store's search (the JSON of `khabar search --json`)
and the facets of the same query and filters, with counts."""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.store import trends
from khabar.store.search import Filters, search
from khabar.web.views.common import blank, named


def results(conn: sqlite3.Connection, query: str | None, filters: Filters, *, limit: int = 20, offset: int = 0,
            collapse: bool = True, lemma: bool = False) -> dict[str, Any]:
    """{"total", "hits"}: what `khabar search --json` prints."""
    return search(conn, blank(query) or "", filters, limit=limit, offset=offset, collapse=collapse,
                  lemma=lemma).to_dict()


def facets(conn: sqlite3.Connection, query: str | None, filters: Filters, *, lemma: bool = False,
           limit: int = 12) -> dict[str, Any]:
    """Counts by source, entity, place, event type and month for the query and filters."""
    q = blank(query)
    return {
        "sources": trends.sources(conn, q, filters, limit=limit, lemma=lemma),
        "entities": named(trends.top_entities(conn, q, filters, labels=("PER", "ORG"), limit=limit, lemma=lemma)),
        "places": named(trends.top_entities(conn, q, filters, labels=("LOC",), limit=limit, lemma=lemma)),
        "events": trends.top_events(conn, q, filters, limit=limit, lemma=lemma),
        "months": trends.attention(conn, q, filters, interval="month", lemma=lemma),
    }
