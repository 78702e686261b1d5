"""Months: a month or season with its year ("خرداد ۱۴۰۰", "تابستان ۲۰۱۷"), a
month alone ("تیرماه", "ماه رمضان", "اکتبر گذشته"), ranges of months ("مهر تا
آذر ۱۳۹۹"), "ده ماه منتهی به دی ۱۳۹۹", the ten or seven days of a month ("دهه
اول محرم") and a day of this month ("پانزدهم ماه جاری")."""

from __future__ import annotations

import re
from datetime import timedelta

from khabar.extract.numberwords import ordinal_value
from khabar.extract.times.dates import bare_month
from khabar.extract.times.found import OUT_OF_RANGE, UNKNOWN_PUBLICATION, UNKNOWN_YEAR, Found, Hit
from khabar.extract.times.fragments import (
    DIGIT,
    EZAFE,
    WORD_END,
    WORD_START,
    Fragments,
    alternation,
)
from khabar.extract.times.lexicon import AMBIGUOUS_MONTHS, NEXT_WORDS, PAST_WORDS, month_keywords
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import calendar_cue, interval, number, to_iso, year_number, year_of
from khabar.persian.calendar import (
    AFGHAN_MONTHS,
    CALENDAR_WORDS,
    GREGORIAN,
    GREGORIAN_MONTHS,
    JALALI,
    JALALI_MONTHS,
    JALALI_VARIANTS,
    SEASONS,
    month_calendar,
    month_end,
    month_number,
    to_gregorian,
    year_month,
)
from khabar.persian.chars import LATIN_DIGITS, PERSIAN_DIGITS


def _resolve_month_year(hit: Hit) -> Found | None:
    month_name, written = bare_month(hit["month"]), hit["year"]
    if month_name in AFGHAN_MONTHS:
        return None  # "حمل ۱۴۰۰ تن": a word and a number
    if month_name not in JALALI_MONTHS and month_name not in SEASONS and (
        len(written.strip()) < 3 or (written[0] not in LATIN_DIGITS + PERSIAN_DIGITS and (number(written) or 0) < 1000)
    ):
        return None  # "محرم ۱۵", "ژوئن سه": not a month and a year
    cal = CALENDAR_WORDS.get(hit["calendar"] or "") or month_calendar(month_name)
    year = year_number(written, cal)
    if year is None:
        return None  # "تابستان یک یک": words that make no year
    if month_name in SEASONS:
        first, season_cal = SEASONS[month_name], JALALI
        if year > 1700 or hit["calendar"] == "میلادی":
            # "تابستان ۲۰۱۷": the season of the Jalali year that begins in that spring (1396)
            year, season_cal = year - 621, GREGORIAN
        value = interval(to_gregorian(JALALI, year, first, 1), month_end(JALALI, year, first + 2))
        return hit.found("interval", value, season_cal, OUT_OF_RANGE)  # "تابستان ۹۹۹۹": past the converters
    month = month_number(month_name)
    value = interval(to_gregorian(cal, year, month, 1), month_end(cal, year, month))
    return hit.found("interval", value, cal, "not a valid month")


MONTH_YEAR = Rule(
    "month_year",
    pattern=lambda w: (
        rf"{WORD_START}(?:ماه\s+(?:مبارک\s+)?)?(?P<month>{w.month}|{w.season})(?:[\s\u200c]*ماه)?\s+(?:سال\s+)?(?P<year>{w.year_after_month})(?:\s+(?P<calendar>{w.calendar}){WORD_END})?"
    ),
    resolve=_resolve_month_year,
    keywords=lambda: [*month_keywords(), *SEASONS],
    needs=lambda w: rf"{WORD_START}(?:{w.month}|{w.season})(?:[\s\u200c]*ماه)?\s+(?:سال\s+)?[\w]",
    examples=(
        Example("خرداد ۱۴۰۰", "2021-05-22/2021-06-21"),
        Example("تابستان ۲۰۱۷", "2017-06-22/2017-09-22"),
        Example("ماه مبارک رمضان ۱۴۴۲", "2021-04-13/2021-05-12"),
    ),
    rejects=("حمل ۱۴۰۰ تن بار", "درآمد تابستان هزار میلیارد تومان"),
)


def _month_alone_pattern(w: Fragments) -> str:
    gregorian = alternation(k for k in GREGORIAN_MONTHS if k not in ("مه", "می", "جون", "اوت"))
    return (
        rf"{WORD_START}(?:(?:ماه\s+(?:مبارک\s+)?(?P<hijri_month>{w.hijri_month}))|(?P<jalali_month>{w.jalali_month})[\s\u200c]*ماه|"
        rf"(?:(?<=(?:اوایل|اواخر|اواسط|پایان)\s)|(?<=(?:ابتدای|انتهای)\s)|(?<=نیمه\s(?:اول|دوم)\s))(?P<edged_month>{w.jalali_month})(?!\s*(?:{w.year_after_month}))"
        rf"|(?P<bare_month>{w.jalali_month})(?=\s+(?:امسال|گذشته|آینده|جاری|سال\s+(?:جاری|گذشته|قبل|آینده|بعد)){WORD_END})"
        rf"|(?:ماه\s+)?(?P<gregorian_month>{gregorian}){EZAFE}|ماه\s+(?P<everyday_month>جون|اوت){EZAFE}|ماه\s+(?P<may>مه|می)(?![\w\u200c]))"
        rf"(?:\s+(?P<which>امسال|جاری|گذشته|آینده|سال\s+(?:جاری|گذشته|قبل|آینده|بعد)|همان\s+سال))?{WORD_END}"
    )


def _resolve_month_alone(hit: Hit) -> Found:
    named = (hit["hijri_month"] or hit["jalali_month"] or hit["gregorian_month"] or hit["everyday_month"]
             or hit["edged_month"] or hit["may"] or hit["bare_month"])
    month_name = bare_month(named)
    if hit["bare_month"] and month_name in AMBIGUOUS_MONTHS:
        return None  # "تیر سال گذشته" may be a word; "تیرماه سال گذشته" is the month
    cal = month_calendar(month_name)
    year = year_of(hit.today, cal)
    if year is None:
        return hit.found("interval", None, cal, UNKNOWN_YEAR)
    month = month_number(month_name)
    current = year_month(hit.today, cal)[1]
    which = re.sub(r"\s+", " ", hit["which"] or "")
    if which == "گذشته":  # the last one before this month
        year -= month >= current
    elif which == "آینده":  # the next one after this month
        year += month <= current
    elif which in ("سال گذشته", "سال قبل", "سال آینده", "سال بعد"):  # "اردیبهشت سال آینده": of next year
        year += 1 if which in ("سال آینده", "سال بعد") else -1
    return hit.found("interval", interval(to_gregorian(cal, year, month, 1), month_end(cal, year, month)), cal)


MONTH_ALONE = Rule(
    "month_alone",
    pattern=_month_alone_pattern,
    resolve=_resolve_month_alone,
    keywords=month_keywords,
    needs=lambda w: (
        rf"{WORD_START}(?:(?:{w.jalali_month})[\s\u200c]*ماه|(?:اوایل|اواخر|اواسط|ابتدای|پایان|انتهای|اول|دوم)\s(?:{w.jalali_month})"
        rf"|(?:{w.jalali_month})\s+(?:امسال|گذشته|آینده|جاری|سال\s)"
        rf"|ماه\s+(?:مبارک\s+)?(?:{w.hijri_month})|(?:{w.gregorian_month})(?![\w\u200c]))"
    ),
    examples=(
        Example("تیرماه", "2021-06-22/2021-07-22"),
        Example("ماه رمضان", "2021-04-13/2021-05-12"),
        Example("اکتبر گذشته", "2020-10-01/2020-10-31"),
        Example("اردیبهشت‌ماه سال آینده", "2022-04-21/2022-05-21"),
        Example("اسفند سال گذشته", "2021-02-19/2021-03-20"),  # a month then "سال گذشته": that month of last year
        Example("اسفند امسال", "2022-02-20/2022-03-20"),
    ),
    rejects=("توپ از بالای دروازه راهی اوت شد.", "تیر سال گذشته"),
)


def _resolve_month_range(hit: Hit) -> Found | None:
    first_name, last_name, written = hit["first_month"], hit["last_month"], hit["year"]
    if first_name in AMBIGUOUS_MONTHS and last_name in AMBIGUOUS_MONTHS and not written and "ماه" not in hit.span:
        return None  # "تیر تا مهر" could be words; with a year or "ماه", months
    year = year_number(written, JALALI) if written else year_of(hit.today, JALALI)
    first, last = month_number(first_name), month_number(last_name)
    if year is None:
        return hit.found("interval", None, JALALI, UNKNOWN_YEAR)
    # "اسفند تا فروردین" runs into the next year; a year written is the second month's
    start_year, end_year = (year - (last < first), year) if written else (year, year + (last < first))
    return hit.found("interval", interval(to_gregorian(JALALI, start_year, first, 1), month_end(JALALI, end_year, last)), JALALI)


MONTH_RANGE = Rule(
    "month_range",
    pattern=lambda w: (
        rf"{WORD_START}(?P<first_month>{w.jalali_month})(?:[\s\u200c]*ماه)?\s*(?:-|–|تا|الی)\s*(?P<last_month>{w.jalali_month})(?:[\s\u200c]*ماه)?{WORD_END}"
        rf"(?:\s+(?:سال\s+)?(?P<year>{DIGIT}{{2,4}})(?!{DIGIT}))?"
    ),
    resolve=_resolve_month_range,
    keywords=lambda: [*JALALI_MONTHS, *JALALI_VARIANTS, *(m + "ماه" for m in JALALI_MONTHS)],
    needs=lambda w: rf"{WORD_START}(?:{w.jalali_month})(?:[\s\u200c]*ماه)?\s*(?:-|–|تا|الی)\s*(?:{w.jalali_month})",
    examples=(
        Example("مهر تا آذر ۱۳۹۹", "2020-09-22/2020-12-20"),
        Example("اسفند تا فروردین", "2022-02-20/2022-04-20"),
    ),
    rejects=("تیر تا مهر",),
)


def _resolve_months_ending(hit: Hit) -> Found:
    """"ده ماه منتهی به دی ۱۳۹۹": the n Jalali months that end with that month
    (of the year written, else its latest occurrence up to the publication date)."""
    n = number(hit["count"])
    month = month_number(hit["month"])
    if not isinstance(n, int) or not 1 <= n <= 120:
        return hit.found("interval", None, JALALI, "not a number of months")
    written = hit["year"] or ""
    year = year_number(written, JALALI) if written[:1].isdigit() else None
    if year is None and hit.today is not None:
        this_year, this_month = year_month(hit.today, JALALI)
        year = this_year - ("پارسال" in written or "گذشته" in written)
        if not written and month > this_month:
            year -= 1  # "منتهی به اسفند" said in Tir: the last Esfand
    if year is None:
        return hit.found("interval", None, JALALI, UNKNOWN_YEAR)
    first_year, first_month = divmod(year * 12 + month - n, 12)
    return hit.found("interval", interval(to_gregorian(JALALI, first_year, first_month + 1, 1), month_end(JALALI, year, month)), JALALI)


MONTHS_ENDING = Rule(
    "months_ending",
    pattern=lambda w: (
        rf"{WORD_START}(?P<count>{w.small_number})[\s\u200c]*ماه(?:ه)?\s+منتهی\s+به\s+(?:پایان\s+)?(?:ماه\s+)?"
        rf"(?P<month>{w.jalali_month})(?:[\s\u200c]*ماه)?(?:\s+(?:سال\s+)?(?P<year>{DIGIT}{{2,4}}(?!{DIGIT})|امسال|پارسال|سال\s+(?:جاری|گذشته)))?{WORD_END}"
    ),
    resolve=_resolve_months_ending,
    keywords=lambda: ["منتهی"],
    needs=lambda w: r"منتهی\s+به",
    examples=(
        Example("ده ماه منتهی به دی ۱۳۹۹", "2020-03-20/2021-01-19"),
        Example("سه ماه منتهی به اسفند", "2020-12-21/2021-03-20"),
    ),
)


def _resolve_part_of_month(hit: Hit) -> Found | None:
    """"دهه اول محرم", "هفته آخر اسفند": ten or seven days of a month (of the
    year written, else the occurrence nearest the publication date)."""
    today, written = hit.today, hit["year"]
    cal = month_calendar(hit["month"])
    year = year_number(written, cal) if written else year_of(today, cal)
    if year is None:
        return hit.found("interval", None, cal, UNKNOWN_YEAR)
    month = month_number(hit["month"])
    size = 10 if hit["unit"] == "دهه" else 7
    part = {"اول": 0, "نخست": 0, "دوم": 1, "سوم": 2, "چهارم": 3}.get(hit["which"])
    if size == 10 and part == 3:
        return None  # a month has three ten-day parts
    if not written and today is not None:  # the occurrence nearest the publication date
        year = min((year - 1, year, year + 1),
                   key=lambda y: abs(((to_gregorian(cal, y, month, 1) or today) - today).days))
    last_day = month_end(cal, year, month)
    if part is None:  # the last ten days (to the month's end) or the last seven
        first = to_gregorian(cal, year, month, 21) if size == 10 else last_day and last_day - timedelta(days=6)
        return hit.found("interval", interval(first, last_day), cal)
    last = last_day if size == 10 and part == 2 else to_gregorian(cal, year, month, size * part + size)
    return hit.found("interval", interval(to_gregorian(cal, year, month, size * part + 1), last), cal)


PART_OF_MONTH = Rule(
    "part_of_month",
    pattern=lambda w: (
        rf"{WORD_START}(?P<unit>دهه|هفته)\s+(?P<which>اول|نخست|دوم|سوم|چهارم|آخر|پایانی)\s+(?:ماه\s+)?(?P<month>{w.jalali_month}|{w.hijri_month}|{w.gregorian_month})(?:[\s\u200c]*ماه)?"
        rf"(?:\s+(?:سال\s+)?(?P<year>{DIGIT}{{4}})(?!{DIGIT}))?{WORD_END}"
    ),
    resolve=_resolve_part_of_month,
    keywords=lambda: ["دهه", "هفته"],
    needs=lambda w: r"(?:دهه|هفته)\s+(?:اول|نخست|دوم|سوم|چهارم|آخر|پایانی)\s",
    examples=(
        Example("دهه اول محرم", "2021-08-09/2021-08-18"),
        Example("هفته آخر خرداد ۱۴۰۰", "2021-06-15/2021-06-21"),
    ),
)


def _resolve_day_of_month(hit: Hit) -> Found | None:
    day = number(hit["day"]) or ordinal_value(hit["ordinal_day"] or "")
    if not day or hit["ordinal_day"] in ("اول", "نخست", "اولین", "نخستین"):
        return None  # "اول ماه آینده": the start of the month (part_of_period)
    cal = CALENDAR_WORDS.get(hit["calendar"] or "") or calendar_cue(hit.text, hit.start) or JALALI
    if hit.today is None:
        return hit.found("date", None, cal, UNKNOWN_PUBLICATION)
    year, month = year_month(hit.today, cal)
    shift = PAST_WORDS.get(hit["relative"] or "", 0) or NEXT_WORDS.get(hit["relative"] or "", 0)
    year, month = divmod(year * 12 + month - 1 + shift, 12)
    first = ordinal_value(hit["first_day"]) or number(hit["first_day"]) if hit["first_day"] else None
    if first and first < day:  # "سوم تا پنجم ماه جاری"
        lo, hi = to_iso(cal, year, month + 1, int(first)), to_iso(cal, year, month + 1, int(day))
        return hit.found("interval", f"{lo}/{hi}" if lo and hi else None, cal, "not a valid date")
    return hit.found("date", to_iso(cal, year, month + 1, int(day)), cal, "not a valid date")


DAY_OF_MONTH = Rule(
    "day_of_month",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<first_day>{w.ordinal}|{DIGIT}{{1,2}})\s*(?:تا|الی|-)\s*)?(?:(?P<ordinal_day>{w.ordinal})\s+(?:ماه\s+(?P<relative>جاری|گذشته|آینده|قبل|بعد|پیش)|(?:همین|این)\s+ماه)"
        rf"|(?P<day>{DIGIT}{{1,2}})\s+(?:ماه\s+جاری|(?:همین|این)\s+ماه))(?:\s+(?P<calendar>{w.calendar}))?{WORD_END}"
    ),
    resolve=_resolve_day_of_month,
    keywords=lambda: ["جاری", "گذشته", "آینده", "قبل", "بعد", "پیش", "همین", "این"],
    needs=lambda w: r"ماه\s+(?:جاری|گذشته|آینده|قبل|بعد|پیش)|(?:همین|این)\s+ماه",
    examples=(
        Example("پانزدهم ماه جاری", "2021-07-06"),
        Example("سوم تا پنجم همین ماه", "2021-06-24/2021-06-26"),
        Example("۲۰ ماه جاری میلادی", "2021-06-20"),
    ),
)
