"""The OpenAPI page at /docs, with the Swagger UI files shipped in the package
(no CDN) and its start-up script as a static file (no inline script)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>khabar API</title>
<link rel="icon" href="/static/vendor/swagger-ui-dist/favicon-32x32.png">
<link rel="stylesheet" href="/static/vendor/swagger-ui-dist/swagger-ui.css">
</head><body><div id="swagger-ui"></div>
<script src="/static/vendor/swagger-ui-dist/swagger-ui-bundle.js"></script>
<script src="/static/js/swagger-init.js"></script>
</body></html>"""


@router.get("/docs")
def docs() -> HTMLResponse:
    return HTMLResponse(_PAGE)
