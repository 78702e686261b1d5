"""What the time stage works with: `Found`, a time expression being built with
the notes only this stage needs (which month and day a date wrote, a shift
waiting for its anchor), and `Hit`, one match of a rule. The stage returns
plain `khabar.model.TimeExpr`s: the notes stay here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from khabar.model import TimeExpr
from khabar.persian.calendar import HIJRI, HIJRI_YEARS
from khabar.persian.chars import TO_LATIN_DIGITS

NOT_A_TIME = "not_a_time"  # the kind of a candidate that holds its place and is then dropped

# Why an expression has no value.
UNKNOWN_PUBLICATION = "relative to a publication date that is not known"
UNKNOWN_YEAR = "the year is not written and there is no publication date"
BEYOND_CONVERTERS = "outside the dates the calendar converters hold (Hijri: 1924–2077 in the Gregorian calendar)"
OUT_OF_RANGE = "before year 1 or after year 9999, which ISO dates cannot hold"
HIJRI_RANGE_REASON = "a Hijri year outside the Umm al-Qura tables the converter has (1343–1500)"
UNRESOLVED_PART = "a part could not be resolved"
UNRESOLVED_END = "an end could not be resolved"
VAGUE_AMOUNT = "a vague amount of time"
DURATION_RANGE = "a range of durations"
NOT_RESOLVED = "not resolved to dates"

_YEAR_DIGITS = re.compile(r"(?<![0-9۰-۹])[0-9۰-۹]{3,4}(?![0-9۰-۹])")


@dataclass(slots=True)
class DateParts:
    """A day written with its month name: what joining it to another needs."""

    month: int
    day: int | None
    year_written: bool
    year: int | None = None


@dataclass(slots=True, frozen=True)
class Shift:
    """"دو روز بعد": an amount of units (`code` its ISO letter) away from a time named next."""

    amount: float
    code: str
    unit: str
    direction: int


@dataclass(slots=True, eq=False)
class Found(TimeExpr):
    """A time expression being built, with this stage's notes."""

    parts: DateParts | None = None  # a date with a month name
    shift: Shift | None = None  # a date some units before or after another
    edged: bool = False  # an edge word ("اوایل") was taken in on the left
    whole_start: date | None = None  # the first day before an edge word narrowed the value

    def expr(self) -> TimeExpr:
        """The expression as the Doc holds it, without the notes."""
        return TimeExpr(self.start, self.end, self.text, self.kind, self.value, self.calendar, self.reason)

    def set_span(self, text: str, start: int, end: int) -> None:
        """Move the edges of the expression in `text`."""
        self.start, self.end = start, end
        self.text = text[start:end]


@dataclass(slots=True)
class Hit:
    """One match of a rule's pattern, with what resolving it needs."""

    text: str
    match: re.Match[str]
    today: date | None

    @property
    def start(self) -> int:
        return self.match.start()

    @property
    def stop(self) -> int:
        return self.match.end()

    @property
    def span(self) -> str:
        return self.match.group()

    def __getitem__(self, group: str) -> str | None:
        return self.match[group]

    def found(self, kind: str, value: str | None, calendar: str | None = None, reason: str | None = None) -> Found:
        """The expression of the whole match; `reason` only when there is no value."""
        if value is not None:
            reason = None
        elif calendar == HIJRI and (reason or "").startswith("not a valid") and self._hijri_out_of_range():
            reason = HIJRI_RANGE_REASON  # "سال ۱۲۷۰ قمری": before the tables the converter has
        m = self.match
        start, stop = m.span()
        return Found(start, stop, m.group(), kind, value, calendar, reason)

    def _hijri_out_of_range(self) -> bool:
        """Whether the match writes a Hijri year the converter (hijridate) cannot take."""
        first, last = HIJRI_YEARS
        return any(not first <= int(y.translate(TO_LATIN_DIGITS)) <= last for y in _YEAR_DIGITS.findall(self.span))
