"""Read this room's shipped tables (src/khabar/data/events/) through khabar.resources."""

from __future__ import annotations

from khabar import resources


def rows(name: str, width: int) -> list[list[str]]:
    """The rows of tab-separated table `name`, each padded to `width` columns
    (blank lines and # comments skipped)."""
    return [[cell.strip() for cell in row] + [""] * (width - len(row)) for row in resources.rows(f"events/{name}")]
