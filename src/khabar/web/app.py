"""The FastAPI app: pages, JSON API, notes, exports and the API docs, over one
corpus opened read-only for reading."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.responses import JSONResponse, Response

from khabar import __version__
from khabar.store import notes
from khabar.web.db import Database, check_corpus
from khabar.web.routes import api, docs, exports, pages
from khabar.web.routes import notes as notes_routes
from khabar.web.security import GuardMiddleware, RateLimit
from khabar.web.settings import Settings
from khabar.web.templating import make_templates, render
from khabar.web.views.common import NotFound

STATIC = Path(__file__).parent / "static"
DESCRIPTION = """Persian news from a khabar corpus: search, articles with their analysis, entities,
trends, events, and analysts' notes. Every page has its JSON here. Writes (notes) take
`application/json` from the same origin, and the server's token when it has one."""


def create_app(settings: Settings) -> FastAPI:
    """The app for one corpus (`settings.db`, which must exist)."""
    check_corpus(settings.db)
    app = FastAPI(title="khabar", version=__version__, description=DESCRIPTION, docs_url=None, redoc_url=None)
    app.state.settings = settings
    app.state.db = Database(settings.db)
    app.state.limiter = RateLimit(settings.writes_per_minute, settings.write_burst)
    app.state.templates = make_templates()
    app.state.writable = _prepare_notes(app.state.db)
    app.add_middleware(GuardMiddleware, settings=settings)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for router in (pages.router, api.router, notes_routes.router, exports.router, docs.router):
        app.include_router(router)
    _handlers(app)
    return app


def _prepare_notes(db: Database) -> bool:
    """Make the notes table if missing; False when the corpus cannot be written."""
    import sqlite3

    try:
        with db.writer() as conn:
            notes.ensure_table(conn)
        return True
    except sqlite3.OperationalError:
        return False


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/export/", "/openapi"))


def _handlers(app: FastAPI) -> None:
    def page_error(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status, headers=headers)
        response = render(request, "error.html", {"status": status, "message": message, "params": {}}, status)
        for k, v in (headers or {}).items():
            response.headers[k] = v
        return response

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return page_error(request, 404, str(exc))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        return page_error(request, exc.status_code, str(exc.detail), exc.headers)

    from starlette.exceptions import HTTPException as StarletteHTTPException

    @app.exception_handler(StarletteHTTPException)
    async def starlette_error(request: Request, exc: StarletteHTTPException) -> Response:
        return page_error(request, exc.status_code, str(exc.detail), exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.errors()}, status_code=422)
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(x) for x in first.get("loc", ()))
        return page_error(request, 422, f"{where}: {first.get('msg', 'invalid')}")
