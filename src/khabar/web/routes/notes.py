"""Writing notes: the JSON API (/api/notes) and the HTML forms of the pages
(/notes…), both behind the same guards: same origin, the token when the
server has one, a rate limit, a bounded body; forms also need their CSRF
token, the API a JSON body."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, RedirectResponse, Response

from khabar import kb
from khabar.store import notes
from khabar.web.deps import Conn
from khabar.web.security import (
    AUTHOR_COOKIE,
    AUTHOR_HEADER,
    TOKEN_COOKIE,
    check_csrf,
    check_json,
    check_same_origin,
    check_token,
    client_key,
    token_matches,
)
from khabar.web.templating import render

router = APIRouter()
MAX_BODY = 64 * 1024
_YEAR = 365 * 24 * 3600


class NoteIn(BaseModel):
    """A new note or reply."""

    target_type: str = Field(description="article, entity or event")
    target_id: str = Field(description="An article id, a kb_id, or '<article id>#<event number>'")
    parent_id: int | None = Field(None, description="The note this replies to (same target), or null")
    author: str = Field(description=f"The author's name (at most {notes.MAX_AUTHOR} characters)")
    text: str = Field(description=f"The note (at most {notes.MAX_TEXT} characters)")


class NoteEdit(BaseModel):
    text: str


def author_key(request: Request) -> str | None:
    """The author key a request carries (header, else cookie)."""
    found = request.headers.get(AUTHOR_HEADER) or request.cookies.get(AUTHOR_COOKIE)
    return found if found and 16 <= len(found) <= 128 else None


async def _body(request: Request) -> bytes:
    """The request body, refused beyond MAX_BODY bytes."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY:
        raise HTTPException(413, "the request is too large")
    size, chunks = 0, []
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise HTTPException(413, "the request is too large")
        chunks.append(chunk)
    request._body = b"".join(chunks)  # so that request.form() reads it again
    return request._body


def _guard(request: Request, *, api: bool) -> None:
    """Every write: same origin, the token, JSON (API), the rate limit, a writable corpus."""
    state = request.app.state
    check_same_origin(request)
    check_token(state.settings, request)
    if api:
        check_json(request)
    state.limiter.hit(client_key(request))
    if not state.writable:
        raise HTTPException(503, "this corpus is read-only here: notes cannot be written")


def target_exists(conn: sqlite3.Connection, target_type: str, target_id: str) -> bool:
    """Whether a note's target is in the corpus (or, for an entity, the KB)."""
    if target_type == "article":
        return conn.execute("SELECT 1 FROM articles WHERE id = ?", (target_id,)).fetchone() is not None
    if target_type == "entity":
        return kb.entry(target_id) is not None or conn.execute(
            "SELECT 1 FROM entities WHERE kb_id = ? LIMIT 1", (target_id,)).fetchone() is not None
    article_id, _, n = target_id.rpartition("#")
    return n.isdigit() and conn.execute(
        "SELECT 1 FROM events e JOIN articles a ON a.n = e.article WHERE a.id = ? AND e.n = ?",
        (article_id, int(n))).fetchone() is not None


def _add(request: Request, data: dict[str, Any], key: str) -> notes.Note:
    with request.app.state.db.writer() as conn:
        target_type, target_id = notes.check_target(data.get("target_type"), data.get("target_id"))
        if not target_exists(conn, target_type, target_id):
            raise notes.NoteError(f"no {target_type} {target_id!r} in this corpus", 404)
        return notes.add(conn, target_type=target_type, target_id=target_id, parent_id=data.get("parent_id"),
                         author=data.get("author"), text=data.get("text"), key=key)


def _edit(request: Request, note_id: int, text: Any, key: str | None) -> notes.Note:
    with request.app.state.db.writer() as conn:
        return notes.edit(conn, note_id, text, key)


def _delete(request: Request, note_id: int, key: str | None) -> None:
    with request.app.state.db.writer() as conn:
        notes.delete(conn, note_id, key)


def _keep_key(response: Response, request: Request, key: str) -> None:
    """Give a browser that had no author key the new one (a key sent in the
    header is the client's own business)."""
    if author_key(request) is None:
        response.set_cookie(AUTHOR_COOKIE, key, max_age=_YEAR, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")


def _error(exc: notes.NoteError) -> HTTPException:
    return HTTPException(exc.status, str(exc))


# ---- JSON API


@router.get("/api/notes", tags=["notes"])
def list_notes(request: Request, conn: Conn, target_type: str = Query(..., description="article, entity or event"),
               target_id: str = Query(..., max_length=notes.MAX_TARGET)) -> dict[str, Any]:
    """The notes on a target: top-level notes newest first, replies nested (`replies`)."""
    try:
        notes.check_target(target_type, target_id)
    except notes.NoteError as exc:
        raise _error(exc) from None
    return {"target_type": target_type, "target_id": target_id,
            "notes": notes.thread(conn, target_type, target_id, author_key(request))}


_NOTE_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": NoteIn.model_json_schema()}}}}
_EDIT_BODY = {"requestBody": {"required": True, "content": {"application/json": {"schema": NoteEdit.model_json_schema()}}}}


def _json(body: bytes) -> dict[str, Any]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise HTTPException(400, "the body is not JSON") from None
    if not isinstance(data, dict):
        raise HTTPException(422, "the body must be a JSON object")
    return data


@router.post("/api/notes", tags=["notes"], status_code=201, openapi_extra=_NOTE_BODY)
async def post_note(request: Request) -> Response:
    """Add a note or a reply. The answer is the note with its `id`; the author
    key (header `X-Khabar-Author-Key` or the cookie) identifies its author
    for edits: when the request had none, a new one is returned as
    `author_key` (and set as a cookie)."""
    _guard(request, api=True)
    data = _json(await _body(request))
    key = author_key(request)
    fresh = key is None
    key = key or notes.new_key()
    try:
        note = await run_in_threadpool(_add, request, data, key)
    except notes.NoteError as exc:
        raise _error(exc) from None
    out = note.to_dict()
    if fresh:
        out["author_key"] = key
    response = JSONResponse(out, status_code=201)
    _keep_key(response, request, key)
    return response


@router.patch("/api/notes/{note_id}", tags=["notes"], openapi_extra=_EDIT_BODY)
async def patch_note(request: Request, note_id: int) -> dict[str, Any]:
    """Change the text of one's own note (same author key)."""
    _guard(request, api=True)
    data = _json(await _body(request))
    try:
        note = await run_in_threadpool(_edit, request, note_id, data.get("text"), author_key(request))
    except notes.NoteError as exc:
        raise _error(exc) from None
    return note.to_dict()


@router.delete("/api/notes/{note_id}", tags=["notes"], status_code=204)
async def delete_note(request: Request, note_id: int) -> Response:
    """Delete one's own note (a note with replies stays as a stub)."""
    _guard(request, api=True)
    try:
        await run_in_threadpool(_delete, request, note_id, author_key(request))
    except notes.NoteError as exc:
        raise _error(exc) from None
    return Response(status_code=204)


# ---- HTML forms


def _next(value: Any) -> str:
    """Where to go back to: a path of this site only."""
    if isinstance(value, str) and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value.split("#")[0]
    return "/"


async def _form(request: Request) -> dict[str, str]:
    _guard(request, api=False)
    await _body(request)
    form = await request.form()
    data = {k: v for k, v in form.items() if isinstance(v, str)}
    check_csrf(request.app.state.settings, request, data.get("csrf"))
    return data


@router.post("/notes", include_in_schema=False)
async def form_note(request: Request) -> Response:
    data = await _form(request)
    key = author_key(request) or notes.new_key()
    parent = data.get("parent_id") or None
    fields = {**data, "parent_id": int(parent) if parent and parent.isdigit() else None}
    try:
        note = await run_in_threadpool(_add, request, fields, key)
    except notes.NoteError as exc:
        raise _error(exc) from None
    response = RedirectResponse(f"{_next(data.get('next'))}#note-{note.id}", status_code=303)
    _keep_key(response, request, key)
    return response


@router.post("/notes/{note_id}/edit", include_in_schema=False)
async def form_edit(request: Request, note_id: int) -> Response:
    data = await _form(request)
    try:
        await run_in_threadpool(_edit, request, note_id, data.get("text"), author_key(request))
    except notes.NoteError as exc:
        raise _error(exc) from None
    return RedirectResponse(f"{_next(data.get('next'))}#note-{note_id}", status_code=303)


@router.post("/notes/{note_id}/delete", include_in_schema=False)
async def form_delete(request: Request, note_id: int) -> Response:
    data = await _form(request)
    try:
        await run_in_threadpool(_delete, request, note_id, author_key(request))
    except notes.NoteError as exc:
        raise _error(exc) from None
    return RedirectResponse(f"{_next(data.get('next'))}#notes", status_code=303)


@router.get("/login", include_in_schema=False)
def login_page(request: Request, next: str = "/") -> Response:
    return render(request, "login.html", {"next": _next(next), "params": {}})


@router.post("/login", include_in_schema=False)
async def login(request: Request) -> Response:
    """Keep the server's token in a cookie, so that this browser's forms may write."""
    state = request.app.state
    check_same_origin(request)
    state.limiter.hit(client_key(request))
    await _body(request)
    form = await request.form()
    data = {k: v for k, v in form.items() if isinstance(v, str)}
    check_csrf(state.settings, request, data.get("csrf"))
    token = data.get("token", "")
    if state.settings.token is not None and not token_matches(state.settings, token):
        raise HTTPException(401, "that is not the server's token")
    response = RedirectResponse(_next(data.get("next")), status_code=303)
    if state.settings.token is not None:
        response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response
