"""Publication dates written in pages: Jalali or Gregorian, Persian or Latin digits,
numeric ("۱۴۰۰/۰۴/۰۹") or with month names ("چهارشنبه ۹ تیر ۱۴۰۰ - ۱۲:۳۰")."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import jdatetime

from khabar.persian.chars import ARABIC_DIGITS, PERSIAN_DIGITS

TEHRAN = ZoneInfo("Asia/Tehran")

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                 "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
GREGORIAN_MONTHS = {
    "ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "مه": 5, "می": 5,
    "ژوئن": 6, "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "سپتامبر": 9,
    "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}
_MONTHS = "|".join(sorted((*JALALI_MONTHS, *GREGORIAN_MONTHS), key=len, reverse=True))
_D = "[0-9۰-۹]"
_TIME = rf"(?:\s*[-–،,]?\s*(?:ساعت\s*)?(?P<hh>{_D}{{1,2}}):(?P<mm>{_D}{{2}}))?"
_NUMERIC = re.compile(rf"(?<!{_D})(?P<y>{_D}{{4}})[/\-.](?P<m>{_D}{{1,2}})[/\-.](?P<d>{_D}{{1,2}})(?!{_D}){_TIME}")
_WORDS = re.compile(rf"(?<!{_D})(?P<d>{_D}{{1,2}})\s+(?P<month>{_MONTHS})(?:\s+ماه)?\s+(?P<y>{_D}{{4}})(?!{_D}){_TIME}")
_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
# What a date needs of normalization: Persian letters and digits, no tatweel (full
# normalization of a page's text cost more than the search itself).
_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ـ": None, "\u00a0": " ",
                       **{a: p for a, p in zip(ARABIC_DIGITS, PERSIAN_DIGITS, strict=True)}})


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
    try:
        if month_name in JALALI_MONTHS:
            if not 1200 <= year <= 1600:
                return None
            month = JALALI_MONTHS.index(month_name) + 1
            return jdatetime.datetime(year, month, day, hour, minute).togregorian().replace(tzinfo=tz)
        month = GREGORIAN_MONTHS[month_name] if month_name else int(m["m"].translate(_LATIN))
        if 1200 <= year <= 1600 and month_name is None:
            return jdatetime.datetime(year, month, day, hour, minute).togregorian().replace(tzinfo=tz)
        if 1800 <= year <= 2200:
            return datetime(year, month, day, hour, minute, tzinfo=tz)
    except (ValueError, KeyError):
        return None
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
