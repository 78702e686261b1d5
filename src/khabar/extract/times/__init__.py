"""Time expressions in normalized Persian text, with their values.

Absolute dates in the three calendars (Jalali, Hijri, Gregorian: month names,
numeric forms, with or without a weekday), years, centuries and decades, times
of day, durations, and expressions relative to the publication date ("امروز",
"روز چهارشنبه", "هفته گذشته", "سال جاری", "دو روز پیش", "از آغاز سال جاری",
"۴ ماه نخست سال جاری میلادی", "سال جدید"), seasons of a year ("پاییز و زمستان
امسال"), years by the name the Leader gave them ("سال جهاد اقتصادی"),
anniversaries ("هجدهمین سالگرد ارتحال امام"), named weeks, minutes of a game
("دقیقه ۹۰+۳") and parts of a day the text does not name ("قبل از ظهر"), and
a year said again ("در همان سال": the whole year named just before it).
Values are ISO 8601: a date, a datetime, a time ("T10:30"), an interval
("2021-01-01/2021-04-30") or a duration ("P3D"); when a value cannot be known
(relative, with no publication date; a season of no year; a new year that
could be either) it is None with the reason.

Which calendar does "سال جاری" count? The one the text last named ("میلادی",
"شمسی", "قمری") before the expression, else the Jalali year, as Iranian media do.

Each family of expressions is a module of rules (`rule.Rule`: name, pattern,
resolver, examples): dates, months, clock, ranges, relative, periods,
durations, years, decades, seasons, festivals (with named weeks and
anniversaries); `registry.RULES` orders them, `engine` runs them, `combine`
and `context` join and widen what they find.

Importing this package is cheap: the engine and its rules load on first use of
`extract_times` (and compile their patterns on the first text).
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_times"]


def __getattr__(name: str) -> Any:
    if name == "extract_times":
        from khabar.extract.times.engine import extract_times

        globals()[name] = extract_times
        return extract_times
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
