"""Absolute dates: a day with its month name ("۱۲ اردیبهشت ۱۴۰۰", "سه‌شنبه ۲۵
ژانویه", "۲۸ اکتبر گذشته", "۵ و ۶ مهر") and numeric dates ("۱۴۰۰/۰۴/۰۹",
"11.24.2016"), in the Jalali, Hijri and Gregorian calendars."""

from __future__ import annotations

import re
from datetime import date

from khabar.extract.numberwords import CARDINALS, ordinal_value
from khabar.extract.times.found import UNKNOWN_YEAR, DateParts, Found, Hit
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START, Fragments
from khabar.extract.times.lexicon import AMBIGUOUS_MONTHS, month_keywords
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import interval, number, to_int, to_iso, year_number, year_of
from khabar.persian.calendar import (
    AFGHAN_MONTHS,
    CALENDAR_WORDS,
    GREGORIAN,
    GREGORIAN_MONTHS,
    JALALI,
    WEEKDAYS,
    month_calendar,
    month_number,
    to_gregorian,
)

# Nouns that name a place after a date: "میدان ۱۵ خرداد", "خیابان ۱۶ آذر", "ورزشگاه ۱۲ فروردین".
PLACE_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:میدان|خیابان|ورزشگاه|استادیوم|بزرگراه|اتوبان|بلوار|کوچه|چهارراه|پل|شهرک|گلزار|تالار|حسینیه|مدرسه|دبستان|دبیرستان|هنرستان|بیمارستان|پارک|مجتمع|مسجد|کوی|فرودگاه|سالن|پایگاه|لشکر|تیپ|ناو|کشتی|اردوگاه)\s+$"
)
_HALF_BEFORE = re.compile(r"(?:نیمه|نیمسال)\s+$")
_EZAFE_AFTER = re.compile(r"(?:\u0654|\u200cی|\s+ی)$")


def bare_month(name: str) -> str:
    """A month name without the ezafe written after it ("فوریه‌ی" → "فوریه")."""
    if name in GREGORIAN_MONTHS:
        return name
    return _EZAFE_AFTER.sub("", name)


def _date_words_pattern(w: Fragments) -> str:
    return (
        rf"{WORD_START}(?<!ساعت\s)(?:{w.part_before_weekday}(?:روز\s+)?(?P<weekday>{w.weekday})\s*)?(?:روز(?:‌های|های)?\s+)?(?P<day>{DIGIT}{{1,2}}(?:\s?ام(?=\s))?|{w.ordinal}|{w.number_word}(?:\s+و\s+{w.number_word})?)"
        rf"(?:\s*(?:تا|الی|لغایت|و|-|–)\s*(?P<last_day>{DIGIT}{{1,2}}|{w.ordinal}))?(?:\s+روز)?\s*(?:ماه\s+)?"
        rf"(?P<month>{w.month})(?:[\s\u200c]*ماه)?(?:{WORD_END}|(?={DIGIT}))(?:(?:\s+|(?<!\s)(?={DIGIT}))(?:(?:سال\s+)?(?P<year>{w.year_after_month})|(?P<year_said>امسال|پارسال|سال\s+جاری|سال\s+گذشته|سال\s+آینده|همان\s+سال|همین\s+سال|جاری)"
        rf"|(?P<nearest>گذشته|آینده|پیش\s+رو|پیش‌رو){WORD_END}))?"
        rf"(?:\s+(?P<calendar>{w.calendar}){WORD_END})?"
    )


def _resolve_date_words(hit: Hit) -> Found | None:
    day = number(hit["day"].removesuffix("ام").rstrip()) or ordinal_value(hit["day"])
    if not day:
        return None  # "دو بر صفر جون …": a score and a name, not a day zero
    month_name = bare_month(hit["month"])
    if _not_a_date(hit, month_name):
        return None
    cal = CALENDAR_WORDS.get(hit["calendar"] or "") or month_calendar(month_name)
    month, day = month_number(month_name), int(day)
    year = year_number(hit["year"], cal)
    year_written = year is not None
    if year is None and hit.today is not None and (hit["year_said"] or hit["nearest"]):
        year, year_written = _year_in_words(hit, cal, month, day), True
    if hit["last_day"]:
        return _days_of_month(hit, cal, year, month, day)
    parts = DateParts(month, day, year_written)
    if year is None:
        year = year_of(hit.today, cal)
        if year is None:
            found = hit.found("date", None, cal, UNKNOWN_YEAR)
            found.parts = parts
            return found
        if hit["weekday"]:
            year = _year_with_weekday(cal, year, month, day, WEEKDAYS[hit["weekday"]], hit.today)
    found = hit.found("date", to_iso(cal, year, month, day), cal, "not a valid date")
    parts.year = year
    found.parts = parts
    return found


def _not_a_date(hit: Hit, month_name: str) -> bool:
    """Words that look like a day and a month but are not a date."""
    if month_name in AMBIGUOUS_MONTHS and not hit["year"] and hit["day"] in CARDINALS and not hit["weekday"]:
        return True  # "یک دی جی", "سه تیر": not dates
    if month_name in AFGHAN_MONTHS and not (hit["year"] and hit["year"][0].isdigit() and hit["day"][0].isdigit()):
        return True  # "دو میزان": words; "۱۵ اسد ۱۴۰۰": a date
    if _HALF_BEFORE.search(hit.text[max(0, hit.start - 8) : hit.start]):
        return True  # "نیمه دوم ماه سپتامبر": the half of a month, not its second day
    # "میدان ۷ تیر", "خیابان ۱۷ شهریور": the names of places
    return not hit["year"] and PLACE_BEFORE.search(hit.text, max(0, hit.start - 24), hit.start) is not None


def _year_in_words(hit: Hit, cal: str, month: int, day: int) -> int:
    """The year of "۱۲ تیر امسال", "۵ مهر سال گذشته"; of "۲۸ اکتبر گذشته" the last
    such day before the publication date, of "… آینده" the next."""
    today = hit.today
    year = year_of(today, cal)
    if said := hit["year_said"]:
        return year + (-1 if ("گذشته" in said or said == "پارسال") else 1 if "آینده" in said else 0)
    this_year = to_gregorian(cal, year, month, day)
    if this_year is not None and "گذشته" in hit["nearest"] and this_year >= today:
        return year - 1
    if this_year is not None and "گذشته" not in hit["nearest"] and this_year <= today:
        return year + 1
    return year


def _days_of_month(hit: Hit, cal: str, year: int | None, month: int, day: int) -> Found:
    """"۵ تا ۸ مهر", "۲۵ و ۲۴ شهریور": the days between, in order."""
    last_day = number(hit["last_day"]) or ordinal_value(hit["last_day"])
    if last_day and last_day < day:
        day, last_day = int(last_day), day
    y = year if year is not None else year_of(hit.today, cal)
    value = interval(to_gregorian(cal, y, month, day), to_gregorian(cal, y, month, int(last_day or 0))) if y else None
    return hit.found("interval", value, cal, "not a valid date or the year is unknown")


def _year_with_weekday(cal: str, year: int, month: int, day: int | None, weekday: int, today: date) -> int:
    """Of this year, the last and the next, the one in which the day falls on the
    weekday written with it, nearest the publication date ("سه‌شنبه ۲۵ ژانویه"
    said in June 2021 is 2022's: 2021's was a Monday); `year` if none is."""
    fits = [(abs((d - today).days), y) for y in (year, year - 1, year + 1)
            if (d := to_gregorian(cal, y, month, day)) is not None and d.weekday() == weekday]
    return min(fits)[1] if fits else year


DATE_WORDS = Rule(
    "date_words",
    pattern=_date_words_pattern,
    resolve=_resolve_date_words,
    keywords=month_keywords,
    needs=lambda w: rf"(?<![^\W\d]|\u200c)(?:{w.month})(?:[\s\u200c]*ماه)?(?![^\W\d]|\u200c)",  # a digit may come before: "۱۴مهر۹۴"
    examples=(
        Example("۱۲ اردیبهشت ۱۴۰۰", "2021-05-02"),
        Example("سه‌شنبه ۲۵ ژانویه", "2022-01-25"),
        Example("۲۸ اکتبر گذشته", "2020-10-28"),
        Example("۵ تا ۸ مهر", "2021-09-27/2021-09-30"),
        Example("۱۵ اسد ۱۴۰۰", "2021-08-06"),
        Example("۱۰ محرم ۱۴۴۵", "2023-07-28"),
    ),
    rejects=("یک دی جی آمد.", "دو میزان را مقایسه کرد.", "تجمع در میدان ۷ تیر"),
)


def _date_numeric_pattern(w: Fragments) -> str:
    return (
        rf"{WORD_START}(?:(?:روز\s+)?(?P<weekday>{w.weekday})(?:\u200cشب)?[،,]?\s*|روز\s+(?={DIGIT}))?(?P<first>{DIGIT}{{1,4}})\s*(?P<separator>[/\-.\\])\s*(?P<middle>{DIGIT}{{1,2}})\s*(?P=separator)\s*(?P<last>{DIGIT}{{1,4}})(?!{DIGIT})(?!\s*[/\-.\\]\s*{DIGIT})"
        rf"(?:\s+(?P<calendar>{w.calendar}){WORD_END})?"
    )


def _resolve_date_numeric(hit: Hit) -> Found | None:
    first, middle, last = (to_int(hit[k]) for k in ("first", "middle", "last"))
    if len(hit["first"]) == 4 or (len(hit["first"]) == 2 and first > 31 and last <= 31):  # ۱۳۹۵/۸/۱۹, ۹۵/۹/۶
        year, month, day = first, middle, last
    elif len(hit["last"]) in (2, 4):
        year, month, day = last, middle, first
        if month > 12 and day <= 12:
            month, day = day, month  # 11.24.2016
    else:
        return None
    cal = CALENDAR_WORDS.get(hit["calendar"] or "") or (JALALI if 1200 <= year <= 1600 or year < 100 else GREGORIAN)
    year = year_number(str(year), cal)
    value = to_iso(cal, year, month, day) if year else None
    if value is None and not hit["calendar"]:
        return None  # digits and separators only: maybe not a date at all
    return hit.found("date", value, cal, "not a valid date in that calendar (Hijri dates convert for 1343–1500 AH)")


DATE_NUMERIC = Rule(
    "date_numeric",
    pattern=_date_numeric_pattern,
    resolve=_resolve_date_numeric,
    keywords=None,
    needs=lambda w: rf"{DIGIT}\s*[/\-.\\]\s*{DIGIT}",
    examples=(
        Example("۱۴۰۰/۰۴/۰۹", "2021-06-30"),
        Example("۹۵/۹/۶", "2016-11-26"),
        Example("11.24.2016", "2016-11-24"),
        Example("۱۴۴۲/۱۱/۲۰ قمری", "2021-06-30"),
    ),
    rejects=("نسبت ۳۵/۴۰/۵۰ است.",),
)
