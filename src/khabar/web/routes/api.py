"""The JSON API: what each page shows, as JSON (the same views)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Query, Request

from khabar.store.query import QueryError
from khabar.web.deps import Conn, Params
from khabar.web.views import article as article_view
from khabar.web.views import entity as entity_view
from khabar.web.views import events as events_view
from khabar.web.views import overview, search, trends
from khabar.web.views.common import blank

router = APIRouter(prefix="/api")


def _bad(exc: Exception) -> HTTPException:
    return HTTPException(400, str(exc))


@router.get("/overview", tags=["pages"])
def api_overview(request: Request, conn: Conn) -> dict[str, Any]:
    """The corpus in figures (the home page)."""
    return overview.overview(conn, str(request.app.state.settings.db))


@router.get("/search", tags=["pages"])
def api_search(p: Params, conn: Conn, limit: int = Query(20, ge=1, le=1000),
               offset: int = Query(0, ge=0, le=100_000),
               facets: bool = Query(False, description="Add `facets`.")) -> dict[str, Any]:
    """`{"total", "hits": [{"id", "title", "url", "source", "published", "score", "snippet",
    "cluster"}]}`, as `khabar search --json` prints it; a story's copies are collapsed
    to its earliest article unless `all`. With `facets`, also the counts by source,
    entity, place, event type and month."""
    try:
        f = p.filters()
        out = search.results(conn, p.q, f, limit=limit, offset=offset, collapse=not p.all, lemma=p.lemma)
        if facets:
            out["facets"] = search.facets(conn, p.q, f, lemma=p.lemma)
    except QueryError as exc:
        raise _bad(exc) from None
    return out


@router.get("/articles/{article_id:path}", tags=["pages"])
def api_article(article_id: str, conn: Conn) -> dict[str, Any]:
    """The article (with its cluster and copies) and its `Doc` JSON (`Doc.to_dict()`)."""
    data, doc = article_view.article(conn, article_id)
    return {"article": data, "doc": doc.to_dict() if doc is not None else None}


@router.get("/entities/{kb_id}", tags=["pages"])
def api_entity(kb_id: str, conn: Conn) -> dict[str, Any]:
    """The entity's KB card, attention over time, co-occurring actors, events, latest articles."""
    return entity_view.entity(conn, kb_id)


@router.get("/trends", tags=["pages"])
def api_trends(p: Params, conn: Conn,
               q: Annotated[list[str] | None, Query(max_length=500, description="One or more queries to compare.")] = None,
               interval: str = Query("month", description="day, week, month or year")) -> dict[str, Any]:
    """Attention over time per query (articles, stories, share of all articles), and each
    query's top entities, places and event types."""
    queries = [x for x in (blank(v) for v in q or []) if x]
    if not queries:
        raise HTTPException(400, "give at least one query: ?q=…")
    try:
        return trends.compare(conn, queries, p.filters(), interval=interval, lemma=p.lemma)
    except (QueryError, ValueError) as exc:
        raise _bad(exc) from None


@router.get("/events", tags=["pages"])
def api_events(p: Params, conn: Conn, actor: str | None = Query(None, max_length=200),
               country: str | None = Query(None, max_length=3), type: str | None = Query(None, max_length=50),
               limit: int = Query(100, ge=1, le=1000), offset: int = Query(0, ge=0)) -> dict[str, Any]:
    """Events of the matching articles (once per story, with `copies`), their timeline by
    month and type, and the actor network's edges; read from the best (or newest) matching
    articles that state such events (`sample`: how many, and whether more matched)."""
    ef = events_view.EventFilter(blank(actor), blank(country), blank(type))
    try:
        return events_view.events(conn, p.q, p.filters(), ef, limit=limit, offset=offset)
    except QueryError as exc:
        raise _bad(exc) from None
