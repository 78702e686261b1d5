"""Read this room's shipped tables (src/khabar/data/events/): through
khabar.resources once they are registered in its SHIPPED table, else straight
from the package."""

from __future__ import annotations

from importlib import resources as files


def rows(name: str, width: int) -> list[list[str]]:
    """The rows of tab-separated table `name`, each padded to `width` columns
    (blank lines and # comments skipped)."""
    from khabar import resources

    key = f"events/{name}"
    if key in resources.SHIPPED:
        found = resources.rows(key)
    else:
        text = (files.files("khabar") / "data" / "events" / name).read_text(encoding="utf-8")
        found = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [[cell.strip() for cell in row] + [""] * (width - len(row)) for row in found]
