"""The time stage: every rule over the lines worth it, the longest find at each
place, then the finds joined and widened (combine.py, context.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache

from khabar.extract.times.combine import chain, merge
from khabar.extract.times.context import (
    apart,
    extend_left,
    extend_right,
    resolve_anaphora,
    with_zone,
)
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
    return [expr.expr() for expr in resolve_anaphora(text, apart(text, widened))]


def _candidates(text: str, today: date | None) -> list[Found]:
    """What every rule finds, on the lines that may hold it (no time expression
    crosses a line break), in order of place, longest first."""
    candidates: list[Found] = []
    for start, end, named in lines_to_try(text):
        for prefilter, regex, resolve in _rules_for(named):
            if not prefilter.search(text, start, end):
                continue  # a cheap test: the pattern cannot match this line
            for m in regex.finditer(text, start, end):
                if m.end() == m.start():
                    continue
                try:
                    expr = resolve(Hit(text, m, today))
                except (ValueError, OverflowError):  # a publication date the Hijri tables do not reach (1924–2077)
                    expr = Found(m.start(), m.end(), m.group(), "date", None, None, BEYOND_CONVERTERS)
                if expr is not None:
                    candidates.append(expr)
    candidates.sort(key=lambda t: (t.start, t.start - t.end))
    return candidates


Compiled = tuple[re.Pattern[str], re.Pattern[str], Callable[[Hit], Found | None]]


@lru_cache(maxsize=1024)
def _rules_for(named: frozenset[str]) -> tuple[Compiled, ...]:
    """The cheap test, pattern and resolver of each rule named, in the order of
    RULES (compiled on first use)."""
    return tuple((rule.prefilter, rule.regex, rule.resolve) for rule in RULES if rule.name in named)


def _longest(candidates: list[Found]) -> list[Found]:
    """The longest at each place, none overlapping."""
    found: list[Found] = []
    end = -1
    for expr in candidates:
        if expr.start >= end:
            found.append(expr)
            end = expr.end
    return found
