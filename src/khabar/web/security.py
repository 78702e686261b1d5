"""The app's guards: the Host header (against DNS rebinding), security headers,
form tokens (CSRF), same-origin JSON writes, the write token, a rate limit."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from starlette.types import ASGIApp, Receive, Scope, Send

from khabar.web.settings import Settings, is_loopback

CSRF_COOKIE = "khabar_csrf"
TOKEN_COOKIE = "khabar_token"
AUTHOR_COOKIE = "khabar_author"
AUTHOR_HEADER = "x-khabar-author-key"
TOKEN_HEADER = "x-khabar-token"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
       "form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


def _hostname(host: str) -> str:
    """'127.0.0.1' of '127.0.0.1:8000', '::1' of '[::1]:8000'."""
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class GuardMiddleware:
    """Refuses a Host that is not this machine when bound to loopback (a page
    of another site reached through DNS rebinding), and adds the security
    headers to every response."""

    def __init__(self, app: ASGIApp, settings: Settings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.settings.local_only:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            if not is_loopback(_hostname(host)):
                await _plain(send, 400, b"khabar: this server answers only to 127.0.0.1 or localhost")
                return

        async def with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, with_headers)


async def _plain(send: Send, status: int, body: bytes) -> None:
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"), *HEADERS]})
    await send({"type": "http.response.body", "body": body})


# ---- form tokens


def csrf_nonce(request: Request) -> tuple[str, bool]:
    """The browser's CSRF cookie value, and whether it is new (to be set)."""
    found = request.cookies.get(CSRF_COOKIE)
    if found and 16 <= len(found) <= 64:
        return found, False
    return secrets.token_urlsafe(24), True


def csrf_token(settings: Settings, nonce: str) -> str:
    """The form token for a cookie value: an HMAC only this server can make."""
    return hmac.new(settings.secret, nonce.encode(), hashlib.sha256).hexdigest()


def check_csrf(settings: Settings, request: Request, token: str | None) -> None:
    nonce = request.cookies.get(CSRF_COOKIE)
    if not nonce or not token or not hmac.compare_digest(csrf_token(settings, nonce), token):
        raise HTTPException(403, "the form token is missing or stale: reload the page and try again")


# ---- origin, token, rate


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def check_same_origin(request: Request) -> None:
    """A write from a browser must come from a page of this server: its Origin
    (or, lacking one, its Referer) must be this server's. A request with neither
    comes from no web page (curl, a script) and passes."""
    own = f"{request.url.scheme}://{request.headers.get('host', '')}".lower()
    origin = request.headers.get("origin")
    if origin is not None:
        if origin.lower() != own:
            raise HTTPException(403, "cross-origin write refused")
        return
    referer = request.headers.get("referer")
    if referer is not None and _origin_of(referer) != own:
        raise HTTPException(403, "cross-origin write refused")


def check_json(request: Request) -> None:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/json":
        raise HTTPException(415, "the API accepts only application/json bodies")


def given_token(request: Request) -> str | None:
    """The write token a request carries: header, bearer or cookie."""
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get(TOKEN_HEADER) or request.cookies.get(TOKEN_COOKIE)


def token_matches(settings: Settings, found: str | None) -> bool:
    """Whether `found` is the server's token (in constant time)."""
    return bool(found) and settings.token is not None and hmac.compare_digest(
        found.encode(), settings.token.encode())


def check_token(settings: Settings, request: Request) -> None:
    if settings.token is not None and not token_matches(settings, given_token(request)):
        raise HTTPException(401, "writing needs the server's token")


class RateLimit:
    """A token bucket per client: `burst` writes at once, `per_minute` sustained."""

    def __init__(self, per_minute: int, burst: int) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(burst)
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()

    def hit(self, client: str) -> None:
        """Take one write from the client's bucket, or raise 429."""
        now = time.monotonic()
        with self.lock:
            level, then = self.buckets.get(client, (self.burst, now))
            level = min(self.burst, level + (now - then) * self.rate)
            if level < 1:
                wait = int((1 - level) / self.rate) + 1 if self.rate else 60
                raise HTTPException(429, "too many writes: wait a little", headers={"Retry-After": str(wait)})
            self.buckets[client] = (level - 1, now)
            if len(self.buckets) > 10_000:
                self.buckets = dict(list(self.buckets.items())[-5_000:])


def client_key(request: Request) -> str:
    return request.client.host if request.client else "unknown"
