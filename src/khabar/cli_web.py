"""`khabar serve`: the web app over a corpus (a thin skin over khabar.web)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def serve(
    db: Annotated[Path, typer.Option("--db", help="The corpus (SQLite) to serve, made by `khabar ingest --db`.")],
    host: Annotated[str, typer.Option("--host", help="The address to listen on; beyond 127.0.0.1 a token is required.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port to listen on.", min=1, max=65535)] = 8000,
    token: Annotated[
        str | None, typer.Option("--token", help="A token needed to write notes (else $KHABAR_TOKEN); required beyond 127.0.0.1.")
    ] = None,
) -> None:
    """Serve the corpus in the browser: search, articles with their analysis, entities,
    trends, events, analysts' notes, and the JSON API (/docs). Pages read the corpus
    read-only; only notes are written."""
    try:
        import uvicorn

        from khabar.web import Settings, SettingsError, create_app
        from khabar.web.settings import token_from_env
    except ImportError as exc:
        print(f"khabar: error: the web app needs its extra: pip install 'khabar[web]' ({exc.name} is missing)",
              file=sys.stderr)
        raise typer.Exit(2) from None
    from khabar.errors import KhabarError

    try:
        settings = Settings(db=db, host=host, port=port, token=token_from_env(token))
        app = create_app(settings)
    except SettingsError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    except KhabarError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    where = f"[{host}]" if ":" in host else host
    print(f"khabar: serving {db} at http://{where}:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def register(app: typer.Typer) -> None:
    """Add `khabar serve` to the CLI app."""
    app.command()(serve)
