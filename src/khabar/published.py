"""A publication date as users give it: `date`, `datetime`, `jdatetime.date`
or `jdatetime.datetime`, or a string — ISO ("2021-06-30", "2021-06-30T10:00+04:30")
or Jalali ("1400-04-09", "۱۴۰۰/۰۴/۰۹"; a year below 1700 is Jalali)."""

from __future__ import annotations

import re
from datetime import date, datetime

import jdatetime

from khabar.persian.calendar import GREGORIAN, JALALI, to_gregorian
from khabar.persian.chars import TO_LATIN_DIGITS

_DAY = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,2})")
JALALI_BEFORE = 1700  # a year below this is a Jalali year (Jalali 1700 is Gregorian 2321)


def as_published(value: object) -> date | datetime | None:
    """`value` as a Gregorian date or datetime; ValueError naming it if it is none."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, (jdatetime.datetime, jdatetime.date)):
        return value.togregorian()
    if isinstance(value, (datetime, date)):
        return value
    if not isinstance(value, str):
        raise ValueError(f"published: {value!r} is not a date (give a date, a datetime or a string such as '2021-06-30')")
    text = value.strip().translate(TO_LATIN_DIGITS)
    day = _DAY.fullmatch(text)
    if day:
        year, month, dd = map(int, day.groups())
        found = to_gregorian(JALALI if year < JALALI_BEFORE else GREGORIAN, year, month, dd)
        if found is None:
            raise ValueError(f"published: {value!r} is not a valid date (no such day)")
        return found
    try:
        parsed = datetime.fromisoformat(text)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"published: {value!r} is not a valid date ({exc})") from None
    if parsed.year < JALALI_BEFORE:
        raise ValueError(f"published: {value!r}: a Jalali date is written as a day only (1400-04-09)")
    return parsed
