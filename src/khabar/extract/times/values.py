"""Values of time expressions: numbers read from their words, ISO 8601 dates,
intervals and durations, and the arithmetic of periods (this week, the first
n months of a year, a third of a period)."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date, timedelta
from functools import lru_cache

from khabar.extract.numberwords import compound_value, digits_value
from khabar.extract.times.lexicon import CLOCK_UNITS, DAY_PARTS
from khabar.persian.calendar import (
    GREGORIAN,
    JALALI,
    PLAIN_CALENDAR_WORDS,
    day_in,
    full_year,
    month_end,
    to_gregorian,
    year_end,
    year_month,
)
from khabar.persian.chars import TO_LATIN_DIGITS


def to_int(digits: str) -> int:
    """The value of a run of Latin or Persian digits."""
    return int(digits.translate(TO_LATIN_DIGITS))


def number(text: str | None) -> int | float | None:
    """A number in digits, in words, or both ("هزار و ۲۰۰"); None if it is not one."""
    if not text:
        return None
    text = text.strip()
    value = digits_value(text)
    if value is not None:
        return value
    head, sep, tail = text.rpartition(" و ")
    if sep and tail.isdigit() and (big := compound_value(head)) and (small := digits_value(tail)) is not None:
        return big + small if isinstance(big, int) and isinstance(small, int) and big % 100 == 0 and big > small else None
    return compound_value(text)  # "هزار و ۲۰۰": words, then digits


def year_number(text: str | None, calendar: str) -> int | None:
    """The year a text writes ("۹۵" → 1395 in the Jalali calendar), or None."""
    value = number(text) if text else None
    if not isinstance(value, int):
        return None
    return full_year(value, calendar)


def year_of(today: date | None, calendar: str) -> int | None:
    """The year of `today` in `calendar` (None without a day)."""
    return year_month(today, calendar)[0] if today is not None else None


def to_iso(calendar: str, year: int | None, month: int | None, day: int | None) -> str | None:
    """The ISO date of a day of `calendar`, or None if there is no such day."""
    d = to_gregorian(calendar, year, month, day)
    return d.isoformat() if d else None


def interval(first: date | None, last: date | None) -> str | None:
    """"first/last" as ISO dates, or None if either is unknown."""
    return f"{first.isoformat()}/{last.isoformat()}" if first and last else None


def amount_text(amount: float) -> str:
    """An amount as ISO durations write it: "3", "1.5"."""
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def add_durations(a: str, b: str) -> str:
    """"PT23H" + "PT5M" → "PT23H5M" (parts in ISO order)."""
    parts: dict[str, str] = {}
    for value in (a, b):
        date_part, _, time_part = value[1:].partition("T")
        for amount, unit in re.findall(r"([0-9.]+)([YMWD])", date_part):
            parts[unit] = amount
        for amount, unit in re.findall(r"([0-9.]+)([HMS])", time_part):
            parts["T" + unit] = amount
    date_part = "".join(parts[u] + u for u in "YMWD" if u in parts)
    time_part = "".join(parts["T" + u] + u for u in "HMS" if "T" + u in parts)
    return "P" + date_part + ("T" + time_part if time_part else "")


def clock_hour(hour: int, part: str | None) -> int:
    """The hour on a 24-hour clock: "۸ شب" is 20, but "۲ شب" is 2 and "۱۲ شب" midnight."""
    if part == "شب" and (hour < 5 or hour == 12):
        return hour % 12
    if part and DAY_PARTS.get(part) == 12 and hour < 12:
        return hour + 12
    return hour


def shift_day(today: date, amount: float, code: str, unit: str, direction: int) -> str | None:
    """`today` moved by the amount of units, or None outside the years ISO dates
    can hold ("۳۰۰۰ سال پیش" is before year 1)."""
    days = {"D": 1, "W": 7}.get(code if unit not in ("ماه",) else "")
    if unit in CLOCK_UNITS:
        return today.isoformat()
    try:
        if days is not None:
            return (today + timedelta(days=direction * amount * days)).isoformat()
        if unit == "ماه":
            index = today.year * 12 + today.month - 1 + direction * int(amount)
            year, month = divmod(index, 12)
            return date(year, month + 1, min(today.day, 28)).isoformat()
        year = today.year + direction * int(amount)
        if not 1 <= year <= 9999:
            return None
        try:
            return today.replace(year=year).isoformat()
        except ValueError:  # 29 February in a common year
            return today.replace(year=year, day=28).isoformat()
    except (ValueError, OverflowError):
        return None


def current(today: date, calendar: str, unit: str, shift: int) -> tuple[date | None, date | None]:
    """The week (Saturday to Friday), month or year of `today`, shifted by `shift` units."""
    if unit == "هفته":
        saturday = today - timedelta(days=(today.weekday() - 5) % 7) + timedelta(weeks=shift)
        return saturday, saturday + timedelta(days=6)
    this_year, this_month = year_month(today, calendar)
    if unit == "ماه":
        year, month = divmod(this_year * 12 + this_month - 1 + shift, 12)
        return to_gregorian(calendar, year, month + 1, 1), month_end(calendar, year, month + 1)
    year = this_year + shift
    return to_gregorian(calendar, year, 1, 1), year_end(calendar, year)


def months_of(first: date, calendar: str, n: int, from_end: bool = False) -> tuple[date | None, date | None] | None:
    """The first (or last) n months of the year that starts on `first`."""
    if calendar == GREGORIAN:
        year = first.year
        if from_end:
            return date(year, 13 - n, 1), date(year, 12, 31)
        return date(year, 1, 1), month_end(GREGORIAN, year, n)
    if calendar != JALALI:
        return None
    year = day_in(first, JALALI)[0]
    if from_end:
        return to_gregorian(JALALI, year, 13 - n, 1), year_end(JALALI, year)
    return to_gregorian(JALALI, year, 1, 1), month_end(JALALI, year, n)


def edge_of(edge: str, first: date, last: date, calendar: str | None = None) -> tuple[date, date]:
    """The part of [first, last] an edge word names (a third for start/middle/end;
    for the halves of a whole year, its first or last six months)."""
    if edge in ("first_half", "second_half") and calendar and months_of(first, calendar, 12) == (first, last):
        return months_of(first, calendar, 6, from_end=edge == "second_half") or (first, last)
    third = (last - first) / 3
    half = (last - first) / 2
    if edge == "start":
        return first, first + third
    if edge == "end":
        return last - third, last
    if edge == "middle":
        return first + third, last - third
    if edge == "first_half":
        return first, first + half
    return first + half + timedelta(days=1), last


def a_year_earlier(day: date, calendar: str) -> date:
    """The same day of the year before, in `calendar` (the 29th of a last month may become the 28th)."""
    if calendar == GREGORIAN:
        return to_gregorian(GREGORIAN, day.year - 1, day.month, day.day) or day.replace(year=day.year - 1, day=28)
    year, month, day_of_month = day_in(day, calendar)
    return to_gregorian(calendar, year - 1, month, min(day_of_month, 29)) or day


_CALENDAR_WORD = re.compile("|".join(PLAIN_CALENDAR_WORDS))


def calendar_cue(text: str, pos: int) -> str | None:
    """The calendar the text last named before `pos` ("میلادی", "شمسی", "قمری")."""
    ends, calendars = _calendar_words_in(text)
    k = bisect_right(ends, pos)
    return calendars[k - 1] if k else None


@lru_cache(maxsize=4)
def _calendar_words_in(text: str) -> tuple[list[int], list[str]]:
    """Where each calendar word of the text ends, and its calendar (one pass per text)."""
    found = [(m.end(), PLAIN_CALENDAR_WORDS[m.group()]) for m in _CALENDAR_WORD.finditer(text)]
    return [end for end, _ in found], [cal for _, cal in found]
