"""The search page: the store's search (the JSON of `khabar search --json`)
and the facets of the same query and filters, counted over its best
`sample.K` articles (`facets["sample"]` says how many, and whether more matched)."""

from __future__ import annotations

import sqlite3
from typing import Any

from khabar.store.search import Filters, search
from khabar.web.views import sample
from khabar.web.views.common import blank, named


def results(conn: sqlite3.Connection, query: str | None, filters: Filters, *, limit: int = 20, offset: int = 0,
            collapse: bool = True, lemma: bool = False) -> dict[str, Any]:
    """{"total", "hits"}: what `khabar search --json` prints."""
    return search(conn, blank(query) or "", filters, limit=limit, offset=offset, collapse=collapse,
                  lemma=lemma).to_dict()


def facets(conn: sqlite3.Connection, query: str | None, filters: Filters, *, lemma: bool = False,
           limit: int = 12) -> dict[str, Any]:
    """Counts by source, entity, place, event type and month for the query and filters."""
    s = sample.take(conn, query, filters, lemma=lemma)
    return {
        "sample": s.to_dict(),
        "sources": sample.sources(conn, s, limit),
        "entities": named(sample.entities(conn, s, ("PER", "ORG"), limit)),
        "places": named(sample.entities(conn, s, ("LOC",), limit)),
        "events": sample.events(conn, s, limit),
        "months": sample.months(conn, s),
    }
