"""Political events (PLOVER types, CAMEO codes) coded from Persian sentences."""

from __future__ import annotations

from khabar.model import Doc, Event


def extract_events(doc: Doc) -> list[Event]:
    """The events stated in `doc` (which has tokens, tags, entities and times)."""
    return []
