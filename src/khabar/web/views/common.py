"""Helpers shared by the views: rows as dicts, filters from request parameters."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from khabar.persian.chars import TO_LATIN_DIGITS
from khabar.store.query import QueryError
from khabar.store.search import Filters

_BOUND = re.compile(r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?")
JALALI_BEFORE = 1700  # as khabar.published: a year below this is Jalali


class NotFound(LookupError):
    """The page's subject (an article, an entity) is not in the corpus."""


def rows(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def one(conn: sqlite3.Connection, sql: str, params: list[Any] | tuple = ()) -> dict[str, Any] | None:
    found = rows(conn, sql, params)
    return found[0] if found else None


def blank(value: str | None) -> str | None:
    """None for a missing or blank parameter, else the value stripped."""
    return value.strip() or None if value is not None else None


def date_bound(value: str | None, *, end: bool) -> str | None:
    """A date filter as the store reads it (YYYY, YYYY-MM or YYYY-MM-DD,
    Gregorian). Persian or Arabic digits are read; a Jalali year, month or day
    ("1400", "۱۴۰۰-۰۴", "1400/4/9") becomes the Gregorian day that starts
    (or, for `end`, ends) it."""
    value = blank(value)
    if value is None:
        return None
    text = value.translate(TO_LATIN_DIGITS)
    m = _BOUND.fullmatch(text)
    if m is None:
        raise QueryError(f"not a date (YYYY-MM-DD, YYYY-MM or YYYY; Jalali or Gregorian): {value!r}")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if year >= JALALI_BEFORE:
        return "-".join(p for p in (f"{year:04d}", m[2] and f"{month:02d}", m[3] and f"{day:02d}") if p)
    import jdatetime

    try:
        if day:
            first = last = jdatetime.date(year, month, day)
        elif month:
            first = jdatetime.date(year, month, 1)
            last = jdatetime.date(year + (month == 12), month % 12 + 1, 1) - jdatetime.timedelta(days=1)
        else:
            first = jdatetime.date(year, 1, 1)
            last = jdatetime.date(year + 1, 1, 1) - jdatetime.timedelta(days=1)
    except ValueError as exc:
        raise QueryError(f"not a Jalali date: {value!r} ({exc})") from None
    return (last if end else first).togregorian().isoformat()


def filters(source: str | None = None, date_from: str | None = None, date_to: str | None = None,
            entity: str | None = None, event: str | None = None) -> Filters:
    """The store's Filters from request parameters (blank ones ignored; dates
    through `date_bound`)."""
    return Filters(blank(source), date_bound(date_from, end=False), date_bound(date_to, end=True),
                   blank(entity), blank(event))


def filter_params(f: Filters) -> dict[str, str]:
    """The query-string parameters of a Filters (for links that keep them)."""
    pairs = {"source": f.source, "from": f.date_from, "to": f.date_to, "entity": f.entity, "event": f.event}
    return {k: v for k, v in pairs.items() if v}


def named(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entity rows with `name_fa`: the knowledge base's Persian name for a linked
    entity (not the phrase that happened to name it, "وزیر نفت ایران"), else its text."""
    from khabar import kb

    for row in found:
        entry = kb.entry(row["kb_id"]) if row.get("kb_id") else None
        row["name_fa"] = entry.names_fa[0] if entry is not None and entry.names_fa else row.get("text")
    return found
