"""Jinja: the templates (autoescaped), the filters of `fmt`, and `render`,
which gives every page its form token."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import Response

from khabar import __version__
from khabar.web import fmt
from khabar.web.security import CSRF_COOKIE, TOKEN_COOKIE, csrf_nonce, csrf_token, token_matches

TEMPLATES = Path(__file__).parent / "templates"


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATES))
    env = templates.env
    env.autoescape = True  # every template, whatever its name
    env.trim_blocks = True
    env.lstrip_blocks = True
    env.filters.update(fmt.FILTERS)
    env.filters["path"] = lambda value: quote(str(value), safe="")
    env.filters["count_notes"] = count_notes
    env.globals["version"] = __version__
    env.globals["qs"] = qs
    return templates


def count_notes(tree: list[dict]) -> int:
    """Notes in a thread, replies included (deleted stubs not)."""
    return sum((not n["deleted"]) + count_notes(n["replies"]) for n in tree)


def qs(params: dict[str, Any], **changes: Any) -> str:
    """A query string of `params` with `changes` (None removes a key); lists repeat their key."""
    merged = {**params, **changes}
    pairs = []
    for key, value in merged.items():
        for v in value if isinstance(value, list) else [value]:
            if v not in (None, ""):
                pairs.append((key, v))
    return "?" + urlencode(pairs) if pairs else ""


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    """The template `name` with the page's context, its form token, and whether
    writing needs a token the browser does not hold yet."""
    settings = request.app.state.settings
    nonce, new = csrf_nonce(request)
    context = {
        **context,
        "csrf": csrf_token(settings, nonce),
        "need_login": settings.token is not None and not token_matches(settings, request.cookies.get(TOKEN_COOKIE)),
        "writable": request.app.state.writable,
        "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
    }
    response = request.app.state.templates.TemplateResponse(request, name, context, status_code=status)
    if new:
        response.set_cookie(CSRF_COOKIE, nonce, httponly=True, samesite="strict",
                            secure=request.url.scheme == "https")
    return response
