"""How the pages write numbers and dates: Persian digits in Persian text,
Jalali and Gregorian dates side by side (the Jinja filters of the app)."""

from __future__ import annotations

from datetime import date, datetime

from khabar.persian.calendar import GREGORIAN_MONTH_NAMES, JALALI, JALALI_MONTHS, day_in
from khabar.persian.chars import LATIN_DIGITS, PERSIAN_DIGITS

_TO_PERSIAN = str.maketrans(LATIN_DIGITS, PERSIAN_DIGITS)


def fa_digits(value: object) -> str:
    """`value` as text with Latin digits written as Persian ones."""
    return "" if value is None else str(value).translate(_TO_PERSIAN)


def fa_number(value: int | float | None) -> str:
    """A count in Persian digits with the Persian thousands separator (۱٬۲۳۴)."""
    if value is None:
        return ""
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return fa_digits(text.replace(",", "٬").replace(".", "٫"))


def _as_date(value: str | date | datetime | None) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None


def jalali(value: str | date | datetime | None) -> str:
    """The Jalali date in Persian ("۹ تیر ۱۴۰۰"), or '' for no date."""
    day = _as_date(value)
    if day is None:
        return ""
    y, m, d = day_in(day, JALALI)
    return fa_digits(f"{d} {JALALI_MONTHS[m - 1]} {y}")


def gregorian(value: str | date | datetime | None) -> str:
    """The Gregorian date in Persian ("۳۰ ژوئن ۲۰۲۱"), or '' for no date."""
    day = _as_date(value)
    if day is None:
        return ""
    return fa_digits(f"{day.day} {GREGORIAN_MONTH_NAMES[day.month - 1]} {day.year}")


def both_dates(value: str | date | datetime | None) -> str:
    """Jalali, then Gregorian in parentheses ("۹ تیر ۱۴۰۰ (۳۰ ژوئن ۲۰۲۱)")."""
    j = jalali(value)
    return f"{j} ({gregorian(value)})" if j else ""


def clock(value: str | None) -> str:
    """The time of day of an ISO datetime in Persian digits ("۱۴:۳۰"), or ''."""
    if not value or "T" not in value:
        return ""
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return ""
    return fa_digits(moment.strftime("%H:%M"))


def period_label(period: str) -> str:
    """A chart label: a day as its Jalali date, a month as the Gregorian month
    in Persian ("ژوئن ۲۰۲۱"), a year as it is, all in Persian digits."""
    if len(period) == 10:
        return jalali(period)
    if len(period) == 7:
        return fa_digits(f"{GREGORIAN_MONTH_NAMES[int(period[5:7]) - 1]} {period[:4]}")
    return fa_digits(period)


def local_moment(value: str | None, zone: str = "Asia/Tehran") -> str:
    """A UTC timestamp (a note's) as Tehran's date, both calendars, and clock."""
    if not value:
        return ""
    try:
        from zoneinfo import ZoneInfo

        moment = datetime.fromisoformat(value).astimezone(ZoneInfo(zone))
    except (ValueError, KeyError):
        return both_dates(value)
    return f"{both_dates(moment)} ساعت {fa_digits(moment.strftime('%H:%M'))}"


FILTERS = {
    "fa": fa_digits, "fa_number": fa_number, "jalali": jalali, "gregorian": gregorian,
    "both_dates": both_dates, "clock": clock, "period": period_label, "moment": local_moment,
}
