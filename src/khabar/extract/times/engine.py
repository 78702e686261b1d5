"""The time stage: every rule over the lines worth it, the longest find at each
place, then the finds joined and widened (combine.py, context.py)."""

from __future__ import annotations

from datetime import date, datetime

from khabar.extract.times.combine import chain, merge
from khabar.extract.times.context import apart, extend_left, extend_right, with_zone
from khabar.extract.times.found import BEYOND_CONVERTERS, NOT_A_TIME, Found, Hit
from khabar.extract.times.gate import lines_to_try
from khabar.extract.times.registry import RULES
from khabar.model import TimeExpr


def extract_times(text: str, published: datetime | date | None = None) -> list[TimeExpr]:
    """Every time expression of `text` (already normalized), resolved against
    `published` where it is relative."""
    today = published.date() if isinstance(published, datetime) else published
    if today is not None and not date(2, 1, 1) <= today <= date(9998, 12, 31):
        today = None  # no day before or after it can be written as an ISO date
    found = [expr for expr in _longest(_candidates(text, today)) if expr.kind != NOT_A_TIME]
    merged = chain(text, merge(text, merge(text, found)), today)  # twice: a datetime made by the first pass may begin or end an interval
    widened = [with_zone(text, extend_right(text, extend_left(text, t, today), today), today) for t in merged]
    return [expr.expr() for expr in apart(text, widened)]


def _candidates(text: str, today: date | None) -> list[Found]:
    """What every rule finds, on the lines that may hold it (no time expression
    crosses a line break), in order of place, longest first."""
    candidates: list[Found] = []
    for start, end, named in lines_to_try(text):
        for rule in RULES:
            if rule.name not in named or not rule.prefilter.search(text, start, end):
                continue  # cheap tests: the pattern cannot match this line
            for m in rule.regex.finditer(text, start, end):
                if m.end() > m.start() and (expr := _resolve(rule.resolve, Hit(text, m, today))) is not None:
                    candidates.append(expr)
    candidates.sort(key=lambda t: (t.start, t.start - t.end))
    return candidates


def _resolve(resolve, hit: Hit) -> Found | None:
    try:
        return resolve(hit)
    except (ValueError, OverflowError):  # a publication date the Hijri tables do not reach (1924–2077)
        return Found(hit.start, hit.stop, hit.span, "date", None, None, BEYOND_CONVERTERS)


def _longest(candidates: list[Found]) -> list[Found]:
    """The longest at each place, none overlapping."""
    found: list[Found] = []
    end = -1
    for expr in candidates:
        if expr.start >= end:
            found.append(expr)
            end = expr.end
    return found
