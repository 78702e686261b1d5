"""Every list as CSV or JSON Lines, with the filters of its page:
/export/search.csv?q=…, /export/events.jsonl?…, /export/trends.csv?q=…&q=…,
/export/entities.csv, /export/places.csv, /export/sources.csv, /export/notes.jsonl."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query
from starlette.responses import Response

from khabar.store import notes
from khabar.store import trends as store_trends
from khabar.store.query import QueryError
from khabar.web import exports
from khabar.web.deps import Conn, ListParams, Params
from khabar.web.views import events as events_view
from khabar.web.views import search, trends
from khabar.web.views.common import blank, rows

router = APIRouter(tags=["exports"])
MAX_ROWS = 10_000

COLUMNS = {
    "search": ["id", "title", "url", "source", "published", "score", "snippet", "cluster_id", "cluster_articles",
               "cluster_outlets"],
    "events": ["article_id", "n", "title", "published", "type", "mode", "cameo", "quad_class", "goldstein",
               "trigger", "source_text", "source_kb_id", "source_country", "target_text", "target_kb_id",
               "target_country", "location_text", "location_country", "date", "confidence", "copies"],
    "trends": ["query", "period", "articles", "stories", "all_articles", "share"],
    "entities": ["kb_id", "name", "text", "label", "country", "mentions", "articles", "stories"],
    "sources": ["source", "articles", "stories", "first_day", "last_day"],
    "notes": ["id", "target_type", "target_id", "parent_id", "author", "text", "created", "updated", "deleted"],
}
COLUMNS["places"] = COLUMNS["entities"]


def _search_rows(conn: sqlite3.Connection, p: ListParams) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    f = p.filters()
    while len(out) < MAX_ROWS:
        page = search.results(conn, p.q, f, limit=500, offset=len(out), collapse=not p.all, lemma=p.lemma)["hits"]
        for hit in page:
            cluster = hit.pop("cluster")
            hit.update(cluster_id=cluster["id"], cluster_articles=cluster["articles"],
                       cluster_outlets=cluster["outlets"])
            out.append(hit)
        if len(page) < 500:
            break
    return out[:MAX_ROWS]


@router.get("/export/{name}.{fmt}")
def export(name: str, fmt: str, p: Params, conn: Conn, q: Annotated[list[str] | None, Query()] = None,
           interval: str = Query("month"), actor: str | None = Query(None), country: str | None = Query(None),
           type: str | None = Query(None), target_type: str | None = Query(None),
           target_id: str | None = Query(None)) -> Response:
    """A list as a file: `name` is search, events, trends, entities, places, sources or
    notes; `fmt` csv or jsonl. The parameters are those of the list's page."""
    if name not in COLUMNS or fmt not in exports.FORMATS:
        raise HTTPException(404, f"no export {name}.{fmt}: lists are {', '.join(COLUMNS)}; formats csv, jsonl")
    try:
        f = p.filters()
        if name == "search":
            found = _search_rows(conn, p)
        elif name == "events":
            ef = events_view.EventFilter(blank(actor), blank(country), blank(type))
            _, found, _ = events_view.event_rows(conn, p.q, f, ef, limit=MAX_ROWS, k=MAX_ROWS)
        elif name == "trends":
            queries = [x for x in (blank(v) for v in q or []) if x] or ([p.q] if p.q.strip() else [])
            if not queries:
                raise HTTPException(400, "give at least one query: ?q=…")
            data = trends.compare(conn, queries, f, interval=interval, lemma=p.lemma)
            found = [{"query": s["query"], **row} for s in data["series"] for row in s["attention"]]
        elif name in ("entities", "places"):
            labels = ("LOC",) if name == "places" else ("PER", "ORG")
            found = store_trends.top_entities(conn, blank(p.q), f, labels=labels, limit=MAX_ROWS, lemma=p.lemma)
        elif name == "sources":
            found = store_trends.sources(conn, blank(p.q), f, limit=MAX_ROWS, lemma=p.lemma)
        else:
            found = _notes(conn, target_type, target_id)
    except (QueryError, ValueError) as exc:
        raise HTTPException(400, str(exc)) from None
    return exports.response(found, COLUMNS[name], fmt, name)


def _notes(conn: sqlite3.Connection, target_type: str | None, target_id: str | None) -> list[dict[str, Any]]:
    """Every note (or a target's), oldest first, without author keys."""
    if not notes.has_table(conn):
        return []
    cols = ", ".join(COLUMNS["notes"])
    if target_type and target_id:
        return rows(conn, f"SELECT {cols} FROM {notes.TABLE} WHERE target_type = ? AND target_id = ? "
                    "ORDER BY id", (target_type, target_id))
    return rows(conn, f"SELECT {cols} FROM {notes.TABLE} ORDER BY id LIMIT {MAX_ROWS}")
