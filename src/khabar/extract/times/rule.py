"""A rule of time expressions as a record: its name, its pattern, the function
that resolves a match to a value, what the text must hold for the pattern to
match (keywords for the line gate, a cheap pattern), and examples."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from khabar.extract.times.found import Found, Hit
from khabar.extract.times.fragments import Fragments, fragments

# The publication date every rule's examples are resolved against (a Wednesday; Jalali 1400-04-09).
EXAMPLE_DAY = date(2021, 6, 30)


@dataclass(frozen=True, slots=True)
class Example:
    """A text the rule matches whole, with the value it resolves to (None: no value,
    with a reason)."""

    text: str
    value: str | None


@dataclass(frozen=True, eq=False)
class Rule:
    """One family member of time expressions.

    pattern: builds the regex from the shared fragments (compiled on first use).
    resolve: a match → the expression it names, or None when the words are not a time.
    keywords: the words a line must hold for the pattern to match (see gate.py);
        None when the pattern needs a digit instead.
    needs: a cheap regex the line must match first.
    joined: whether the pattern may match words written together ("صدسال", "امروزدوشنبه").
    examples: texts the rule reads whole, with their values on EXAMPLE_DAY.
    rejects: texts in which the rule finds no time (words that only look like one).
    """

    name: str
    pattern: Callable[[Fragments], str]
    resolve: Callable[[Hit], Found | None]
    keywords: Callable[[], Iterable[str]] | None
    needs: Callable[[Fragments], str]
    examples: tuple[Example, ...] = ()
    rejects: tuple[str, ...] = ()
    joined: bool = False

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The compiled pattern."""
        return re.compile(self.pattern(fragments()))

    @cached_property
    def prefilter(self) -> re.Pattern[str]:
        """The compiled cheap test."""
        return re.compile(self.needs(fragments()))

    def find(self, text: str, today: date | None, start: int = 0, end: int | None = None) -> list[Found]:
        """The expressions this rule alone finds in text[start:end]."""
        found = []
        for m in self.regex.finditer(text, start, len(text) if end is None else end):
            if m.end() > m.start() and (expr := self.resolve(Hit(text, m, today))) is not None:
                found.append(expr)
        return found
