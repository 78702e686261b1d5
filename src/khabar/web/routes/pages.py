"""The HTML pages: home, search, article, entity, trends, events."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from khabar.store import notes
from khabar.store.query import QueryError
from khabar.web import fmt, highlight
from khabar.web.deps import Conn, Params
from khabar.web.templating import render
from khabar.web.views import article as article_view
from khabar.web.views import entity as entity_view
from khabar.web.views import events as events_view
from khabar.web.views import network, overview, search, trends
from khabar.web.views.common import blank

router = APIRouter(include_in_schema=False)


def _key(request: Request) -> str | None:
    from khabar.web.routes.notes import author_key

    return author_key(request)


def _chart(periods: list[str], series: list[dict]) -> dict:
    """What charts.js draws: Persian labels, the ISO periods, one line per series."""
    return {"labels": [fmt.period_label(p) for p in periods], "periods": periods, "series": series}


def _timeline_chart(found: list[dict]) -> dict | None:
    """Events per month, one stacked series per event type."""
    if not found:
        return None
    periods = sorted({r["period"] for r in found})
    counts = {(r["period"], r["type"]): r["events"] for r in found}
    kinds = sorted({r["type"] for r in found})
    return _chart(periods, [{"label": t, "data": [counts.get((p, t), 0) for p in periods]} for t in kinds])


@router.get("/")
def home(request: Request, conn: Conn) -> Response:
    data = overview.overview(conn, str(request.app.state.settings.db))
    return render(request, "index.html", {"o": data, "params": {}})


@router.get("/search")
def search_page(request: Request, p: Params, conn: Conn,
                page: int = Query(1, ge=1, le=500)) -> Response:
    size = request.app.state.settings.page_size
    context = {"params": p.raw, "p": p, "page": page, "size": size, "error": None, "result": None, "facets": None}
    try:
        f = p.filters()
        context["result"] = search.results(conn, p.q, f, limit=size, offset=(page - 1) * size,
                                           collapse=not p.all, lemma=p.lemma)
        if p.any:
            context["facets"] = search.facets(conn, p.q, f, lemma=p.lemma)
    except QueryError as exc:
        context["error"] = str(exc)
    return render(request, "search.html", context, status=400 if context["error"] else 200)


@router.get("/articles/{article_id:path}")
def article_page(request: Request, article_id: str, conn: Conn) -> Response:
    data, doc = article_view.article(conn, article_id)
    key = _key(request)
    context = {"a": data, "doc": doc, "anns": [], "text": [], "raw": [], "params": {},
               "notes": notes.thread(conn, "article", data["id"], key), "event_notes": {}}
    if doc is not None:
        anns = highlight.annotations(doc)
        context["anns"] = anns
        context["text"] = highlight.decorate(highlight.normalized_view(doc, anns), anns)
        context["raw"] = highlight.decorate(highlight.original_view(doc, anns), anns)
        context["events"] = list(enumerate(doc.events))
        context["event_notes"] = {
            n: notes.thread(conn, "event", article_view.event_target(data["id"], n), key)
            for n in range(len(doc.events))
        }
    return render(request, "article.html", context)


@router.get("/entities/{kb_id}")
def entity_page(request: Request, kb_id: str, conn: Conn) -> Response:
    data = entity_view.entity(conn, kb_id)
    chart = _chart([p["period"] for p in data["attention"]], [{
        "label": "خبرها", "data": [p["articles"] for p in data["attention"]],
        "share": [p["share"] for p in data["attention"]]}])
    return render(request, "entity.html", {
        "e": data, "chart": chart, "params": {"entity": kb_id},
        "notes": notes.thread(conn, "entity", kb_id, _key(request)),
    })


@router.get("/trends")
def trends_page(request: Request, p: Params, conn: Conn,
                q: Annotated[list[str] | None, Query(max_length=500)] = None,
                interval: str = Query("month")) -> Response:
    queries = [x for x in (blank(v) for v in q or []) if x][: trends.MAX_QUERIES]
    if not queries and (p.source or p.entity or p.event):
        queries = [""]  # the filters alone: every article they select
    context = {"queries": queries, "interval": interval, "params": {**p.raw, "q": queries, "interval": interval},
               "data": None, "error": None}
    if queries:
        try:
            data = trends.compare(conn, queries, p.filters(), interval=interval, lemma=p.lemma)
            context["data"] = data
            context["chart"] = _chart(data["periods"], [
                {"label": s["query"] or "همه", "data": s["articles"], "share": s["share"]} for s in data["series"]])
        except (QueryError, ValueError) as exc:
            context["error"] = str(exc)
    return render(request, "trends.html", context, status=400 if context["error"] else 200)


@router.get("/events")
def events_page(request: Request, p: Params, conn: Conn, actor: str | None = Query(None, max_length=200),
                country: str | None = Query(None, max_length=3), type: str | None = Query(None, max_length=50),
                page: int = Query(1, ge=1, le=500)) -> Response:
    ef = events_view.EventFilter(blank(actor), blank(country), blank(type))
    params = {**p.raw, "actor": blank(actor), "country": blank(country), "type": blank(type)}
    context = {"params": {k: v for k, v in params.items() if v}, "error": None, "total": 0, "rows": [],
               "timeline": None, "net": None, "sample": None, "types": events_view.types(conn), "page": page}
    try:
        data = events_view.events(conn, p.q, p.filters(), ef, offset=(page - 1) * 100)
        context.update(total=data["total"], rows=data["events"], sample=data["sample"],
                       timeline=_timeline_chart(data["timeline"]), net=network.layout(data["network"]))
    except QueryError as exc:
        context["error"] = str(exc)
    return render(request, "events.html", context, status=400 if context["error"] else 200)
