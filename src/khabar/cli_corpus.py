"""The `khabar` commands of the corpus room: thin skins over the library."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add this room's commands to the CLI app."""
