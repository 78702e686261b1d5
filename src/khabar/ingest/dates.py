"""Publication dates written in pages: Jalali or Gregorian, Persian or Latin digits,
numeric ("۱۴۰۰/۰۴/۰۹") or with month names ("چهارشنبه ۹ تیر ۱۴۰۰ - ۱۲:۳۰"); and
the dates that addresses carry ("/2021/06/30/"; Fars News item numbers)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from khabar.persian.calendar import (
    AFGHAN_MONTHS,
    GREGORIAN,
    GREGORIAN_MONTHS,
    JALALI,
    JALALI_MONTHS,
    JALALI_VARIANTS,
    full_year,
    month_calendar,
    month_number,
    to_gregorian,
)
from khabar.persian.chars import (
    ARABIC_DIGITS,
    ARABIC_YEH_KAF,
    LATIN_DIGITS,
    PERSIAN_DIGITS,
    TATWEEL,
    TO_LATIN_DIGITS,
)

TEHRAN = ZoneInfo("Asia/Tehran")

# The month names of the solar year (as Iran and Afghanistan write them) and of the Gregorian year.
_MONTH_NAMES = (*JALALI_MONTHS, *JALALI_VARIANTS, *AFGHAN_MONTHS, *GREGORIAN_MONTHS)
_MONTHS = "|".join(sorted(_MONTH_NAMES, key=len, reverse=True))
_D = f"[{LATIN_DIGITS}{PERSIAN_DIGITS}]"
_TIME = rf"(?:\s*[-–،,]?\s*(?:ساعت\s*)?(?P<hh>{_D}{{1,2}}):(?P<mm>{_D}{{2}}))?"
_NUMERIC = re.compile(rf"(?<!{_D})(?P<y>{_D}{{4}})[/\-.](?P<m>{_D}{{1,2}})[/\-.](?P<d>{_D}{{1,2}})(?!{_D}){_TIME}")
_WORDS = re.compile(rf"(?<!{_D})(?P<d>{_D}{{1,2}})\s+(?P<month>{_MONTHS})(?:\s+ماه)?\s+(?P<y>{_D}{{4}})(?!{_D}){_TIME}")
_LATIN = TO_LATIN_DIGITS
# What a date needs of normalization: Persian letters and digits, no tatweel (full
# normalization of a page's text cost more than the search itself).
_FOLD = str.maketrans({**dict(ARABIC_YEH_KAF), TATWEEL: None, "\u00a0": " ",
                       **{a: p for a, p in zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)}})


# Fars News numbers its items by their Jalali date: /news/8707060255 (1387-07-06, item
# 255), /news/13990512000123 (1399-05-12). Checked on the 1,200 Fars records in
# ../shared/data/news: every number is a valid date, and 41 of the 43 "امروز (weekday)"
# in their text name that date's weekday.
_FARS_ITEM = re.compile(r"(?:^|\.|//)farsnews\.(?:ir|com)/(?:[a-z]+/)?(?:news/|newstext\.php\?nn=)(?:(?P<y4>1[34]\d\d)|(?P<y2>[89]\d))(?P<m>\d\d)(?P<d>\d\d)\d{4,6}(?!\d)")
_PATH_DATE = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)/")


def date_in_url(url: str, tz: ZoneInfo = TEHRAN) -> datetime | None:
    """The publication day an address carries (midnight, `tz`), or None."""
    try:
        if m := _FARS_ITEM.search(url):
            year = int(m["y4"]) if m["y4"] else full_year(int(m["y2"]), JALALI)
            day = to_gregorian(JALALI, year, int(m["m"]), int(m["d"]))
            return datetime(day.year, day.month, day.day, tzinfo=tz) if day else None
        if m := _PATH_DATE.search(url):
            return datetime(int(m["y"]), int(m["m"]), int(m["d"]), tzinfo=tz)
    except ValueError:
        return None
    return None


def find_date(text: str, tz: ZoneInfo = TEHRAN) -> datetime | None:
    """The first date (with its time, if written) in `text`, timezone-aware."""
    text = text.translate(_FOLD)
    found = [m for rx in (_WORDS, _NUMERIC) for m in rx.finditer(text)]
    for m in sorted(found, key=lambda m: m.start()):
        value = _to_datetime(m, tz)
        if value is not None:
            return value
    return None


def _to_datetime(m: re.Match[str], tz: ZoneInfo) -> datetime | None:
    year = int(m["y"].translate(_LATIN))
    day = int(m["d"].translate(_LATIN))
    month_name = m.groupdict().get("month")
    hour = int(m["hh"].translate(_LATIN)) if m["hh"] else 0
    minute = int(m["mm"].translate(_LATIN)) if m["mm"] else 0
    if month_name:
        calendar, month = month_calendar(month_name), month_number(month_name)
    else:  # a numeric date: a year of 1200–1600 is Jalali
        calendar, month = JALALI if 1200 <= year <= 1600 else GREGORIAN, int(m["m"].translate(_LATIN))
    if not (1200 <= year <= 1600 if calendar == JALALI else 1800 <= year <= 2200):
        return None
    found = to_gregorian(calendar, year, month, day)
    try:
        return datetime(found.year, found.month, found.day, hour, minute, tzinfo=tz) if found else None
    except ValueError:  # an hour or minute past the clock
        return None


def iso_datetime(value: str) -> datetime | None:
    """An ISO 8601 date or date and time ("2021-06-30", "2019-11-19T13:03:00.000Z"), or None."""
    value = value.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def published_date(metadata: str | None, in_page: datetime | None) -> datetime | None:
    """The metadata date (meta tags, JSON-LD), with the time of day from a date
    written in the page on the same day when the metadata gives none."""
    parsed = iso_datetime(metadata) if metadata else None
    if parsed is None:
        return in_page
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=TEHRAN)
    if in_page and in_page.date() == parsed.date() and parsed.time() == datetime.min.time():
        return in_page
    return parsed
