"""Time expressions in normalized Persian text, with their values.

Absolute dates in the three calendars (Jalali, Hijri, Gregorian: month names,
numeric forms, with or without a weekday), years, centuries and decades, times
of day, durations, and expressions relative to the publication date ("امروز",
"روز چهارشنبه", "هفته گذشته", "سال جاری", "دو روز پیش", "از آغاز سال جاری",
"۴ ماه نخست سال جاری میلادی"). Values are ISO 8601: a date, a datetime, a time
("T10:30"), an interval ("2021-01-01/2021-04-30") or a duration ("P3D"); when
a value cannot be known (relative, with no publication date) it is None with
the reason.

Which calendar does "سال جاری" count? The one the text last named ("میلادی",
"شمسی", "قمری") before the expression, else the Jalali year, as Iranian media do.
A weekday is the one of the publication week: the coming one when the sentence
speaks of the future (خواهد، می‌… with a present stem), the past one otherwise.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

import jdatetime

from khabar.extract.numbers import COUNTERS, CURRENCIES, MEASURES, approx_before
from khabar.extract.numberwords import (
    CARDINALS,
    compound_value,
    digits_value,
    ordinal_value,
    to_words,
)

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                 "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
JALALI_VARIANTS = {"أذر": "آذر", "اذر": "آذر", "امرداد": "مرداد"}
# The months of the solar year as Afghanistan names them (the zodiac signs): the
# same months as Iran's. Most are everyday words too (حمل, میزان, جدی, سرطان), so
# they make a date only with a day and a year written ("۱۵ اسد ۱۴۰۰").
AFGHAN_MONTHS = {"حمل": 1, "ثور": 2, "جوزا": 3, "سرطان": 4, "اسد": 5, "سنبله": 6,
                 "میزان": 7, "عقرب": 8, "قوس": 9, "جدی": 10, "دلو": 11, "حوت": 12}
GREGORIAN_MONTHS = {
    "ژانویه": 1, "ژانویهٔ": 1, "فوریه": 2, "مارس": 3, "آوریل": 4, "آپریل": 4, "مه": 5, "می": 5,
    "ژوئن": 6, "ژون": 6, "جون": 6, "ژوئیه": 7, "جولای": 7, "اوت": 8, "آگوست": 8, "اگوست": 8,
    "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
    # as Afghan media write them
    "جنوری": 1, "فبروری": 2, "مارچ": 3, "اپریل": 4, "اگست": 8, "سپتمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}
HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربیع‌الاول": 3, "ربیع‌الثانی": 4, "ربیع‌الآخر": 4, "جمادی‌الاول": 5,
    "جمادی‌الاولی": 5, "جمادی‌الثانی": 6, "جمادی‌الثانیه": 6, "جمادی‌الآخر": 6, "رجب": 7, "شعبان": 8,
    "رمضان": 9, "شوال": 10, "ذی‌القعده": 11, "ذیقعده": 11, "ذی‌الحجه": 12, "ذیحجه": 12,
    "ربیع اول": 3, "ربیع ثانی": 4, "جمادی اول": 5, "جمادی ثانی": 6,  # without "ال"
}
HIJRI_MONTHS.update({k.replace("\u200c", " "): v for k, v in HIJRI_MONTHS.items() if "\u200c" in k})
WEEKDAYS = {  # Python weekday numbers
    "شنبه": 5, "یکشنبه": 6, "یک‌شنبه": 6, "دوشنبه": 0, "سه‌شنبه": 1, "سشنبه": 1,
    "چهارشنبه": 2, "چارشنبه": 2, "پنجشنبه": 3, "پنج‌شنبه": 3, "جمعه": 4, "آدینه": 4,
}
# Named days and festivals: calendar, month, first day, last day (None: one day).
NAMED_DAYS: dict[str, tuple[str, int, int, int | None]] = {
    "نوروز": ("jalali", 1, 1, None), "سیزده‌به‌در": ("jalali", 1, 13, None), "سیزده به در": ("jalali", 1, 13, None),
    "سیزده بدر": ("jalali", 1, 13, None), "روز طبیعت": ("jalali", 1, 13, None), "یلدا": ("jalali", 9, 30, None),
    "دهه فجر": ("jalali", 11, 12, 22), "تاسوعا": ("hijri", 1, 9, None), "عاشورا": ("hijri", 1, 10, None),
    "اربعین": ("hijri", 2, 20, None), "مبعث": ("hijri", 7, 27, None), "عید مبعث": ("hijri", 7, 27, None),
    "نیمه شعبان": ("hijri", 8, 15, None), "عید فطر": ("hijri", 10, 1, None), "عید سعید فطر": ("hijri", 10, 1, None),
    "عیدالفطر": ("hijri", 10, 1, None), "عید قربان": ("hijri", 12, 10, None), "عید سعید قربان": ("hijri", 12, 10, None),
    "عید اضحی": ("hijri", 12, 10, None), "عیدالاضحی": ("hijri", 12, 10, None), "عید غدیر": ("hijri", 12, 18, None),
    "عید سعید غدیر": ("hijri", 12, 18, None), "غدیر خم": ("hijri", 12, 18, None), "شب قدر": ("hijri", 9, 19, 23),
    "شب‌های قدر": ("hijri", 9, 19, 23), "لیالی قدر": ("hijri", 9, 19, 23), "ایام البیض": ("hijri", 7, 13, 15),
    "ایام‌البیض": ("hijri", 7, 13, 15), "کریسمس": ("gregorian", 12, 25, None), "سال نو میلادی": ("gregorian", 1, 1, None),
    # days of Iran's official calendar and world days the press names
    "روز دانشجو": ("jalali", 9, 16, None), "روز معلم": ("jalali", 2, 12, None), "روز خبرنگار": ("jalali", 5, 17, None),
    "روز ارتش": ("jalali", 1, 29, None), "روز جمهوری اسلامی": ("jalali", 1, 12, None),
    "روز ملی خلیج فارس": ("jalali", 2, 10, None), "روز خلیج فارس": ("jalali", 2, 10, None),
    "روز جهانی کارگر": ("gregorian", 5, 1, None), "روز کارگر": ("gregorian", 5, 1, None),
    "روز جهانی زن": ("gregorian", 3, 8, None), "روز پدر": ("hijri", 7, 13, None), "روز مرد": ("hijri", 7, 13, None),
    "روز زن": ("hijri", 6, 20, None), "روز مادر": ("hijri", 6, 20, None),
    "روز قدس": ("hijri", 9, 0, None), "روز جهانی قدس": ("hijri", 9, 0, None),  # day 0: the month's last Friday
}
QUARTERS = {"نخست": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پایانی": 4, "آخر": 4}  # سه‌ماهه …
SEASONS = {"بهار": 1, "تابستان": 4, "پاییز": 7, "زمستان": 10}  # first Jalali month
UNITS = {"ثانیه": "S", "دقیقه": "M", "ساعت": "H", "روز": "D", "شب": "D", "شبانه‌روز": "D",
         "هفته": "W", "ماه": "M", "سال": "Y", "دهه": "Y", "قرن": "Y", "سده": "Y"}
UNIT_FACTOR = {"دهه": 10, "قرن": 100, "سده": 100}
CALENDAR_WORDS = {
    "هجری شمسی": "jalali", "هجری خورشیدی": "jalali", "شمسی": "jalali", "خورشیدی": "jalali", "ه.ش": "jalali", "ه.ش.": "jalali",
    "هجری قمری": "hijri", "قمری": "hijri", "ه.ق": "hijri", "ه.ق.": "hijri", "ق": "hijri", "هجری": "hijri",
    "میلادی": "gregorian", "م": "gregorian",
}
PAST_WORDS = {"گذشته": -1, "قبل": -1, "پیش": -1, "اخیر": -1, "پیشین": -1}
NEXT_WORDS = {"آینده": 1, "آتی": 1, "بعد": 1, "دیگر": 1, "پیش رو": 1, "پیش‌رو": 1}  # "سال پیش رو": the coming year
CURRENT_WORDS = {"جاری": 0, "کنونی": 0, "حاضر": 0, "فعلی": 0}
# Month names that are also everyday words: a date only with digits or a year.
AMBIGUOUS_MONTHS = frozenset({"دی", "تیر", "مهر", "آذر", "بهمن", "مرداد", "خرداد", "می", "مه", "صفر", "رجب"})
RELATIVE_DAYS = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "فردا": 1, "فرداشب": 1,
                 "پریروز": -2, "پریشب": -2, "پس‌فردا": 2, "شب گذشته": -1, "روز گذشته": -1}
# Parts of the day that name no hour on their own ("صبح امروز").
DAY_PART_WORDS = ("صبح", "بامداد", "ظهر", "بعدازظهر", "بعد از ظهر", "عصر", "غروب", "شب", "شامگاه", "صبحگاه",
                  "سحرگاه", "نیمه‌شب")
DAY_PARTS = {"صبح": 0, "بامداد": 0, "ق.ظ": 0, "ق. ظ": 0, "AM": 0, "am": 0, "ظهر": 12,
             "بعدازظهر": 12, "بعد از ظهر": 12, "عصر": 12, "ب.ظ": 12, "ب. ظ": 12, "PM": 12, "pm": 12,
             "شب": 12, "غروب": 12}


def _alt(words) -> str:
    """A pattern matching any of `words` (the longest where several match),
    written as a prefix tree so that the regex engine does not try each word
    in turn at every position."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def _ordinal_words() -> list[str]:
    out = ["نخست", "نخستین", "اول", "اولین", "یکم", "یکمین"]
    for n in range(2, 101):
        words = to_words(n)
        head, _, last = words.rpartition(" ")
        last_ord = {"سه": "سوم", "سی": "سی‌ام", "یک": "یکم"}.get(last, last + "م")
        base = (head + " " if head else "") + last_ord
        for form in {base, base.replace(" و ", "\u200cو"), base.replace(" و ", "و")}:
            out += [form, form + "ین"]
    return out


_D = "[0-9۰-۹]"
_NUMW = _alt(CARDINALS)
_NUM_ITEM = rf"(?:{_NUMW})(?:و?(?:{_NUMW}))*"  # a number word, or several written together
_NUMBER = (
    rf"(?:{_D}+(?:[.٫]{_D}+)?(?:\s+(?:هزار|میلیون|میلیارد))?"
    rf"|{_NUM_ITEM}(?:(?:\s+و\s+|\u200cو\s*|(?<=[^\Wو])و\s+|\s+){_NUM_ITEM})*(?:(?:(?<=هزار)|(?<=صد))\s+و\s+{_D}+(?![.٫/:]?{_D}))?)"  # "هزار و ۲۰۰"
)
_ORD = _alt(_ordinal_words())
_JM, _GM, _HM = _alt((*JALALI_MONTHS, *JALALI_VARIANTS)), _alt(GREGORIAN_MONTHS), _alt(HIJRI_MONTHS)
_EZAFE = r"(?:\u0654|\u200cی|\s+ی(?=\s))?"  # "ژانویهٔ"، "فوریه‌ی"، "ژوئیه ی" before a day's year
_AM = _alt(AFGHAN_MONTHS)
_MONTH = rf"(?:{_JM}|{_GM}{_EZAFE}|{_HM}|{_AM})"
_WD = _alt(WEEKDAYS)
_CAL = _alt(CALENDAR_WORDS)
_B = r"(?<![\w\u200c])"  # the start of a word
_E = r"(?![\w\u200c])"  # the end of a word
_YEAR_DIGITS = rf"{_D}{{2,4}}(?!{_D})"  # "۱۴۰۰", "۹۹"
_YEAR_WORDS = (rf"(?:{_NUMW})(?:و?(?:{_NUMW}))+(?![\w\u200c])"
               rf"|{_NUMW}(?:\s+(?:و\s+)?(?:{_NUMW}))*(?![\w\u200c])")  # "هزاروچهارصد", "دو هزار و بیست و یک"
_YEAR = rf"{_YEAR_DIGITS}|{_YEAR_WORDS}"

# "صبح پنج‌شنبه", "عصر جمعه": a part of the day before a weekday (not "بعد از ظهر", taken
# on the left as a whole, nor the part of a clock "۱۲:۳۰ ظهر"; "شب جمعه" is the eve, left out).
_PART_BEFORE_WD = r"(?:(?<!از\s)(?<!قبل\s)(?<![0-9۰-۹]\s)(?:صبح|عصر|ظهر)\s+(?=\S*شنبه|جمعه))?"
# A 4-digit number before one of these counts something: it is not a year.
_NOT_YEAR_AFTER = _alt(
    set(COUNTERS) | {k.split()[0] for k in CURRENCIES} | {k.split()[0] for k in MEASURES}
    | {"درصد", "٪", "%", "هزار", "میلیون", "میلیارد", "صفحه", "متری", "کیلومتری"}
)
# A year after a month is not the start of a figure: "تا پایان خرداد ۳۰ میلیارد", "اسفند یک هزار و ۹۶۰ تومان".
# Nor is a scale word alone a year: "درآمد تابستان هزار میلیارد", "تابستان میلیارد".
_YEAR_AFTER_MONTH = (
    rf"(?:{_YEAR_DIGITS}|(?!(?:هزار|میلیون|میلیارد|تریلیون){_E}(?!\s+و\s))(?:{_YEAR_WORDS})(?!\s+و\s*(?:{_D}|{_NUMW})))"
    rf"(?!\s*(?:{_NOT_YEAR_AFTER}){_E})"
)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """The expression patterns, compiled on first use (import stays fast)."""
    return [
        ("date_words", re.compile(
            rf"{_B}(?<!ساعت\s)(?:{_PART_BEFORE_WD}(?:روز\s+)?(?P<wd>{_WD})\s*)?(?:روز(?:‌های|های)?\s+)?(?P<day>{_D}{{1,2}}(?:\s?ام(?=\s))?|{_ORD}|{_NUMW}(?:\s+و\s+{_NUMW})?)"
            rf"(?:\s*(?:تا|الی|لغایت|و|-|–)\s*(?P<day2>{_D}{{1,2}}|{_ORD}))?(?:\s+روز)?\s*(?:ماه\s+)?"
            rf"(?P<month>{_MONTH})(?:[\s\u200c]*ماه)?(?:{_E}|(?={_D}))(?:(?:\s+|(?<!\s)(?={_D}))(?:(?:سال\s+)?(?P<year>{_YEAR_AFTER_MONTH})|(?P<yrel>امسال|پارسال|سال\s+جاری|سال\s+گذشته|سال\s+آینده|همان\s+سال|همین\s+سال|جاری)"
            rf"|(?P<near>گذشته|آینده|پیش\s+رو|پیش‌رو){_E}))?"
            rf"(?:\s+(?P<cal>{_CAL}){_E})?")),
        ("date_numeric", re.compile(
            rf"{_B}(?:(?:روز\s+)?(?P<wd>{_WD})(?:\u200cشب)?[،,]?\s*|روز\s+(?={_D}))?(?P<a>{_D}{{1,4}})\s*(?P<sep>[/\-.\\])\s*(?P<b>{_D}{{1,2}})\s*(?P=sep)\s*(?P<c>{_D}{{1,4}})(?!{_D})(?!\s*[/\-.\\]\s*{_D})"
            rf"(?:\s+(?P<cal>{_CAL}){_E})?")),
        ("month_year", re.compile(
            rf"{_B}(?:ماه\s+(?:مبارک\s+)?)?(?P<month>{_MONTH}|{_alt(SEASONS)})(?:[\s\u200c]*ماه)?\s+(?:سال\s+)?(?P<year>{_YEAR_AFTER_MONTH})(?:\s+(?P<cal>{_CAL}){_E})?")),
        ("time", re.compile(
            rf"(?:{_B}ساعت\s+)?(?<![0-9۰-۹:])(?P<h>{_D}{{1,2}})\s*:\s*(?P<m>{_D}{{2}})(?:\s*:\s*(?P<s>{_D}{{2}}))?(?!{_D})(?:\s+دقیقه{_E})?"
            rf"(?:\s*(?P<part>{_alt(DAY_PARTS)}){_E})?")),
        ("time_words", re.compile(
            rf"{_B}(?:(?:(?P<part0>{_alt(DAY_PARTS)})\s+)?ساعت\s+(?P<h>{_D}{{1,2}}|{_NUMW})(?:\s+و\s+(?:(?P<half>نیم)|(?P<m>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?)\s+دقیقه"
            rf"(?:\s+و\s+(?P<sec>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?)\s+ثانیه)?))?"
            rf"|(?P<h2>{_D}{{1,2}}|{_NUMW})\s*و\s*(?P<half2>نیم)(?=\s+(?:{_alt(DAY_PARTS)})))(?:\s+(?P<part>{_alt(DAY_PARTS)}){_E})?")),
        ("time_to", re.compile(
            rf"{_B}(?:(?P<lead>ساعت)\s+(?=\S+(?:\s+و\s+\S+)?\s+دقیقه\s+به\s))?(?P<before>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?|یک\s+ربع)\s+(?:دقیقه\s+)?به\s+(?P<clock>ساعت\s+)?(?P<h>{_D}{{1,2}}|{_NUMW}){_E}"
            rf"(?:\s+(?P<part>{_alt(DAY_PARTS)}){_E})?")),
        ("time_offset", re.compile(  # "۵ دقیقه بعد از ساعت ۱۱" → 11:05
            rf"{_B}(?P<n>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?|یک\s+ربع|نیم)\s+(?:(?P<unit>دقیقه|ساعت)\s+)?(?P<dir>بعد|پس|قبل|پیش)\s+از\s+ساعت\s+"
            rf"(?P<h>{_D}{{1,2}}|{_NUMW})(?:\s*:\s*(?P<m>{_D}{{2}}))?(?:\s+(?P<part>{_alt(DAY_PARTS)}))?{_E}")),
        ("clock_part", re.compile(  # "۸ صبح فردا", "۱۷ غروب جمعه": an hour without "ساعت", then the day
            rf"{_B}(?P<h>{_D}{{1,2}}|{_NUMW})(?:\s*:\s*(?P<m>{_D}{{2}}))?\s+(?P<part>{_alt(DAY_PARTS)})"
            rf"(?=\s+(?:روز\s+)?(?:{_alt(RELATIVE_DAYS)}|{_WD}|{_D}{{1,2}}\s*(?:{_MONTH}|[/\-.]))(?![\w\u200c]))")),
        ("clock_minutes", re.compile(  # "هفت و بیست دقیقه بعد از ظهر": a clock without "ساعت", told by its day part
            rf"{_B}(?P<h>{_D}{{1,2}}|{_NUMW})\s+و\s+(?P<m>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?)\s+دقیقه"
            rf"(?:\s+و\s+(?P<sec>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?)\s+ثانیه)?\s+(?P<part>{_alt(DAY_PARTS)}){_E}")),
        ("time_range", re.compile(  # "ساعت ۸ تا ۱۴", "ساعت ۹:۳۰ الی ۱۲ ظهر"
            rf"{_B}ساعت\s+(?P<h1>{_D}{{1,2}}|{_NUMW})(?:\s*:\s*(?P<m1>{_D}{{2}}))?(?:\s+(?P<p1>{_alt(DAY_PARTS)}))?"
            rf"\s*(?:تا|الی|لغایت|-|–)\s*(?:ساعت\s+)?(?P<h2>{_D}{{1,2}}|{_NUMW})(?:\s*:\s*(?P<m2>{_D}{{2}}))?(?!{_D})"
            rf"(?!\s*(?:{_MONTH}|روز(?!\s+(?:{_WD}|{_alt(RELATIVE_DAYS)}){_E})|هفته|ماه|سال|قرن|دهه|سده|ساعت|دقیقه|ثانیه|فصل|ساعات|دقایق|درصد|نفر){_E})(?:\s+(?P<p2>{_alt(DAY_PARTS)}))?{_E}")),
        ("clock_range", re.compile(  # "۸ تا ۹:۳۰", "۱۱:۳۰ - ۱۳": clock times without "ساعت", one of them with minutes
            rf"(?:{_B}ساعت\s*)?(?<![0-9۰-۹:/.])(?:(?P<h1>{_D}{{1,2}})\s*:\s*(?P<m1>{_D}{{2}})\s*(?:تا|الی|-|–)\s*(?P<h2>{_D}{{1,2}})(?:\s*:\s*(?P<m2>{_D}{{2}}))?"
            rf"|(?P<h3>{_D}{{1,2}})\s*(?:تا|الی|-|–)\s*(?P<h4>{_D}{{1,2}})\s*:\s*(?P<m4>{_D}{{2}}))(?![0-9۰-۹:/.])"
            rf"(?:\s+(?P<p2>{_alt(DAY_PARTS)}))?{_E}")),
        ("months_ending", re.compile(  # "چهار ماه منتهی به تیر ۱۴۰۰"
            rf"{_B}(?P<n>{_D}{{1,2}}|{_NUMW}(?:\s+و\s+{_NUMW})?)[\s\u200c]*ماه(?:ه)?\s+منتهی\s+به\s+(?:پایان\s+)?(?:ماه\s+)?"
            rf"(?P<month>{_JM})(?:[\s\u200c]*ماه)?(?:\s+(?:سال\s+)?(?P<year>{_D}{{2,4}}(?!{_D})|امسال|پارسال|سال\s+(?:جاری|گذشته)))?{_E}")),
        ("day_of_month", re.compile(  # "پانزدهم ماه جاری", "۱۵ ماه جاری" ("۲۰ ماه گذشته" is twenty months)
            rf"{_B}(?:(?P<n0>{_ORD}|{_D}{{1,2}})\s*(?:تا|الی|-)\s*)?(?:(?P<n>{_ORD})\s+(?:ماه\s+(?P<rel>جاری|گذشته|آینده|قبل|بعد|پیش)|(?:همین|این)\s+ماه)"
            rf"|(?P<d>{_D}{{1,2}})\s+(?:ماه\s+جاری|(?:همین|این)\s+ماه))(?:\s+(?P<cal>{_CAL}))?{_E}")),
        ("year_until_now", re.compile(  # the year of "از ۹۲ تا کنون"
            rf"(?<=از\s)(?P<y>{_D}{{2}}|{_D}{{4}})(?=\s+(?:تا\s*کنون|تاکنون|تا\s+امروز|تا\s+به\s+امروز|تا\s+حالا)(?![\w\u200c]))")),
        ("relative_day", re.compile(
            rf"{_B}(?:(?P<part>{_alt(DAY_PART_WORDS)})\s+)?(?P<rel>{_alt(RELATIVE_DAYS)})"
            rf"(?:\s*(?P<wd>{_WD})(?!\s*(?:{_D}{{1,2}}|{_ORD})\s*(?:ماه\s+)?(?:{_MONTH})))?{_E}")),  # not "امروز سه‌شنبه ۲۰ فروردین"
        ("quarter", re.compile(
            rf"{_B}سه[\s\u200c]?ماهه(?:\u200cی|\u0654)?\s+(?P<q>{_alt(QUARTERS)})"
            rf"(?:\s+(?:سال\s+)?(?:(?P<year>{_D}{{4}})(?!{_D})|(?P<this>امسال|پارسال|سال\s+(?:جاری|گذشته|آینده))))?"
            rf"(?:\s+(?P<cal>{_CAL}))?{_E}")),
        ("part_of_period", re.compile(
            rf"{_B}(?:(?:از\s+)?(?P<edge>اوایل|اواخر|اواسط|ابتدای|آغاز|شروع|اول|پایان|آخر|انتهای|انتها|(?:نیمه|نیمسال)\s+(?:اول|نخست|دوم))\s+|"
            rf"(?P<n>{_NUMBER}|{_NUMW})[\s\u200c]*(?:(?P<nunit>ماهه|ماه)(?:\u200cی)?\s+(?P<which>نخست|اول|ابتدای|پایانی|آخر|دوم)|ماهه)\s+)"
            rf"(?:(?P<this>امسال|پارسال)|(?P<unit>سال|ماه|هفته|قرن|دهه)(?:\s+(?P<rel>{_alt({**PAST_WORDS, **NEXT_WORDS, **CURRENT_WORDS})})|(?!\s+(?:{_D}|(?:{_MONTH}|{_ORD}|تحصیلی|زراعی|آبی|مبارک){_E}))))"
            rf"(?:\s+(?P<cal>{_CAL}){_E})?{_E}")),
        ("period", re.compile(
            rf"{_B}(?:(?P<this>امسال|پارسال)|(?:(?:این|همین|همان)\s+)?(?P<unit>هفته|ماه|سال|فصل|قرن|دهه)(?P<plural>‌های|ها)?\s+"
            rf"(?P<rel>{_alt({**PAST_WORDS, **NEXT_WORDS, **CURRENT_WORDS})})|(?:این|همین)\s+(?P<week>هفته))(?:\s+(?P<cal>{_CAL}){_E})?{_E}")),
        ("last_weekday", re.compile(  # "چهارشنبه آخر سال", "چهارشنبه‌سوری": the year's last such weekday
            rf"{_B}(?:(?:شب|روز)\s+)?(?:(?P<wd>{_WD})\s+(?:آخر|پایانی)\s+سال|(?P<suri>چهارشنبه[\s\u200c]?سوری)){_E}")),
        ("weekday", re.compile(
            rf"{_B}(?<!نماز )(?<!امام )(?<!خطیب ){_PART_BEFORE_WD}(?:روز\s+)?(?P<wd>{_WD})(?!\s*بازار)(?!\s+ماه(?![\w\u200c]))(?:\s+(?P<rel>پیش\s+رو|پیش‌رو|گذشته|قبل|پیش|آینده|آتی|بعد)|\s+(?P<thisweek>این\s+هفته|هفته\s+(?:گذشته|آینده|بعد|قبل|پیش\s+رو|پیش‌رو)))?{_E}")),
        ("span", re.compile(
            rf"{_B}(?P<n>{_NUMBER}|چند|چندین|یک|یه|نیم(?=[\s\u200c])|یکی(?=\s+(?:دو|سه)\s))(?P<half0>\s+و\s+نیم)?(?:(?:\s*(?:تا|الی|-|یا)\s*|(?<=یکی)\s+)(?P<n2>{_NUMBER}))?[\s\u200c]*(?P<unit>{_alt(UNITS)})(?:[یه]|\u200cی(?=\s+(?:{_alt({**PAST_WORDS, **NEXT_WORDS})}){_E}))?(?=(?:‌ای|‌ست)?{_E})(?P<half>\s+و\s+نیم)?(?P<per>\s+در\s+(?:روز|هفته|ماه|سال))?"
            rf"(?:\s+(?P<rel>{_alt({**PAST_WORDS, **NEXT_WORDS})}|(?:باقی\s*)?مانده(?=\s+به(?![\w\u200c]))){_E})?")),
        ("year", re.compile(
            rf"{_B}(?:(?:در\s+)?سال(?:‌های|های)?\s+(?P<y1>{_YEAR})(?:\s*(?:تا|-|–|و)\s*(?P<y2>{_D}{{2,4}}))?"
            rf"|(?P<y3>{_D}{{3,4}})(?:\s*(?:-|–|تا)?\s*(?P<y4>{_D}{{3,4}}))?(?=\s+(?:{_CAL}){_E})"
            rf"|(?:در\s+)?فصل\s+(?P<y5>{_D}{{2}}|{_D}{{4}})\s*[-–/]\s*(?P<y6>{_D}{{2}}|{_D}{{4}})(?!{_D}))(?:\s+(?P<cal>{_CAL}){_E})?(?P<bc>\s+قبل\s+از\s+میلاد)?(?!\s*(?:درصد|دلار|نفر))")),
        ("part_of_month", re.compile(  # "دهه اول محرم", "هفته آخر خرداد ۱۴۰۰": ten or seven days of a month
            rf"{_B}(?P<unit>دهه|هفته)\s+(?P<which>اول|نخست|دوم|سوم|چهارم|آخر|پایانی)\s+(?:ماه\s+)?(?P<month>{_JM}|{_HM}|{_GM})(?:[\s\u200c]*ماه)?"
            rf"(?:\s+(?:سال\s+)?(?P<year>{_D}{{4}})(?!{_D}))?{_E}")),
        ("century", re.compile(
            rf"{_B}(?P<unit>قرن|سده|دهه)(?:‌های|های|‌ی)?\s+(?P<n>{_ORD}|{_D}{{1,4}}|{_NUMW})(?:\s+و\s+(?:{_ORD}))?"
            rf"(?P<more>(?:\s*[،,]\s*{_D}{{2,4}}|\s*[،,]\s*(?:{_NUMW}))*(?:\s+و\s*(?:{_D}{{2,4}}|{_NUMW})(?=\s|$))?)"
            rf"(?:\s+(?:قرن|سده)(?:\s+{_ORD})?)?(?:\s+(?P<cal>{_CAL}){_E})?{_E}")),
        ("ordinal_period", re.compile(
            rf"{_B}(?:ربع\s+|نیمه\s+)?(?P<n>{_ORD})\s+(?P<unit>روز|هفته|ماه|سال|ساعات|دقایق|روزهای|ماه‌های|سال‌های)(?:\s+سال)?{_E}(?!\s+{_D})"
            rf"|{_B}(?:همان\s+|همین\s+)?(?:ساعات|روزهای|ماه‌های|ماه\s+های|سال‌های|هفته‌های)\s+(?:اول|نخست|پایانی|آخر|اخیر|گذشته|آینده)(?:\s+(?:سال|ماه))?{_E}")),
        ("age", re.compile(rf"{_B}(?P<n>{_D}{{1,3}}|{_NUMW}(?:\s+و\s+{_NUMW})?)\s*سالگی{_E}")),
        ("anaphoric", re.compile(
            rf"{_B}(?:(?P<jm>{_JM})[\s\u200c]*(?:ماه)?\s+)?(?:همان|همین)\s+(?P<unit>سال|ماه|هفته|روز|روزها|سال‌ها){_E}")),
        ("season", re.compile(rf"{_B}فصل\s+(?P<season>{_alt(SEASONS)}){_E}")),
        ("named_day", re.compile(
            rf"{_B}(?:(?P<head>روز|شب|روزهای|ایام|تعطیلات|سفرهای|سفر|مسافران)\s+)?(?!(?<=زیارت\s)عاشورا)(?P<name>{_alt(NAMED_DAYS)})(?P<adj>ی|ِ)?{_E}"
            rf"(?:\s+(?:سال\s+)?(?P<year>{_D}{{4}}(?!{_D})|(?<![یِ]\s){_D}{{2}}(?!{_D})(?!\s*(?:{_NOT_YEAR_AFTER}|{_UNIT_WORDS}){_E})))?")),
        ("month_range", re.compile(
            rf"{_B}(?P<m1>{_JM})(?:[\s\u200c]*ماه)?\s*(?:-|–|تا|الی)\s*(?P<m2>{_JM})(?:[\s\u200c]*ماه)?{_E}"
            rf"(?:\s+(?:سال\s+)?(?P<year>{_D}{{2,4}})(?!{_D}))?")),
        ("month_alone", re.compile(
            rf"{_B}(?:(?:ماه\s+(?:مبارک\s+)?(?P<hm>{_HM}))|(?P<jm>{_JM})[\s\u200c]*ماه|"
            rf"(?:(?<=(?:اوایل|اواخر|اواسط|پایان)\s)|(?<=(?:ابتدای|انتهای)\s)|(?<=نیمه\s(?:اول|دوم)\s))(?P<edged>{_JM})(?!\s*(?:{_YEAR_AFTER_MONTH}))|(?:ماه\s+)?(?P<gm>{_alt(k for k in GREGORIAN_MONTHS if k not in ('مه', 'می', 'جون', 'اوت'))}){_EZAFE}|ماه\s+(?P<june>جون|اوت){_EZAFE}|ماه\s+(?P<may>مه|می)(?![\w\u200c]))(?:\s+(?P<which>امسال|جاری|گذشته|آینده|سال\s+(?:جاری|گذشته|قبل|آینده|بعد)|همان\s+سال))?{_E}")),
        ("bare_year", re.compile(
            rf"(?<![\w\u200c/.:٫٬,])(?P<y>(?:13[0-9]|14[0-4])[0-9]|(?:19|20)[0-9]{{2}}|[۱][۳][۰-۹][۰-۹]|[۱][۴][۰-۴][۰-۹]|[۱][۹][۰-۹][۰-۹]|[۲][۰][۰-۹][۰-۹])"
            rf"(?![\w\u200c/.:٫٬,])(?!\s*(?:{_NOT_YEAR_AFTER}){_E})")),
    ]
_UNIT_WORDS = r"روز|هفته|ماه|سال|قرن|دهه|سده|ساعت|دقیقه|ثانیه|شب|فصل|ساعات|دقایق"
# What each pattern cannot match without: a cheap first test for every line.
@lru_cache(maxsize=1)
def _needs() -> dict[str, re.Pattern[str]]:
    """For each pattern, what it cannot match without (compiled on first use)."""
    nb = r"(?<![^\W\d]|\u200c)"  # not after a letter (a digit may come before a month: "۱۴مهر۹۴")
    return {name: re.compile(rx) for name, rx in {
        "date_words": rf"{nb}(?:{_MONTH})(?:[\s\u200c]*ماه)?(?![^\W\d]|\u200c)",
        "date_numeric": rf"{_D}\s*[/\-.\\]\s*{_D}",
        "month_year": rf"{_B}(?:{_MONTH}|{_alt(SEASONS)})(?:[\s\u200c]*ماه)?\s+(?:سال\s+)?[\w]",
        "time": rf"{_D}\s*:\s*{_D}",
        "clock_range": rf"{_D}\s*:\s*{_D}",
        "time_words": r"ساعت|نیم",
        "time_to": r"به\s+(?:ساعت|[0-9۰-۹]|\w+\s+(?:صبح|ظهر|عصر|شب|غروب|بامداد))|ربع\s+به",
        "relative_day": rf"{_B}(?:{_alt(RELATIVE_DAYS)})",
        "time_offset": r"از\s+ساعت",
        "clock_part": rf"\s(?:{_alt(DAY_PARTS)})\s",
        "clock_minutes": r"دقیقه",
        "months_ending": r"منتهی\s+به",
        "time_range": r"ساعت\s+\S+(?:\s*:\s*\S+)?(?:\s+\S+)?\s*(?:تا|الی|لغایت|-|–)",
        "day_of_month": r"ماه\s+(?:جاری|گذشته|آینده|قبل|بعد|پیش)|(?:همین|این)\s+ماه",
        "year_until_now": r"تا\s*کنون|تا\s+امروز|تا\s+به\s+امروز|تا\s+حالا",
        "quarter": r"ماهه",
        "part_of_period": r"ماه|سال|هفته|قرن|دهه",
        "period": r"امسال|پارسال|هفته|ماه|سال|فصل|قرن|دهه",
        "weekday": rf"{_B}(?:{_WD})",
        "last_weekday": rf"(?:{_WD})\s+(?:آخر|پایانی)\s+سال|سوری",
        "span": rf"(?:(?:{_B}|(?<=و))(?:{_NUMW}|چند|چندین|یک|یه|نیم)|[0-9۰-۹])[\s\u200c]*(?:{_UNIT_WORDS})",
        "year": rf"سال|فصل\s+{_D}|{_B}(?:{_CAL}){_E}",
        "century": r"قرن|سده|دهه",
        "part_of_month": r"(?:دهه|هفته)\s+(?:اول|نخست|دوم|سوم|چهارم|آخر|پایانی)\s",
        "ordinal_period": (
            r"(?:م|مین|نخست|اول|آخر)\s+(?:روز|هفته|ماه|سال|ساعات|دقایق|روزهای|ماه‌های|سال‌های)"
            r"|(?:ساعات|روزهای|ماه‌های|ماه\s+های|سال‌های|هفته‌های)\s+(?:اول|نخست|پایانی|آخر|اخیر|گذشته|آینده)"
        ),
        "age": r"سالگی",
        "anaphoric": r"همان|همین",
        "season": r"فصل",
        "named_day": rf"{_B}(?:{_alt(NAMED_DAYS)})",
        "month_range": rf"{_B}(?:{_JM})(?:[\s\u200c]*ماه)?\s*(?:-|–|تا|الی)\s*(?:{_JM})",
        "month_alone": rf"{_B}(?:(?:{_JM})[\s\u200c]*ماه|(?:اوایل|اواخر|اواسط|ابتدای|پایان|انتهای|اول|دوم)\s(?:{_JM})|ماه\s+(?:مبارک\s+)?(?:{_HM})|(?:{_GM})(?![\w\u200c]))",
        "bare_year": r"[12۱۲][0-9۰-۹]{3}",
    }.items()}
# Patterns that need a digit; every other one needs one of its keywords.
_DIGIT_PATTERNS = frozenset({"date_numeric", "time", "clock_range", "bare_year"})


@lru_cache(maxsize=1)
def _gate() -> Any:
    """An Aho-Corasick automaton (pyahocorasick) of the keywords, the unit
    words that may end a word written together ("صدسال") and the relative days
    that may begin one ("امروزدوشنبه"): word → (kind, pattern names)."""
    import ahocorasick

    entries: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for word, names in _keyword_index().items():
        entries.setdefault(word, []).append(("kw", names))
    for word in _UNIT_TAILS:
        entries.setdefault(word, []).append(("tail", _JOINED))
    for word in _DAY_HEADS:
        entries.setdefault(word, []).append(("head", _JOINED))
    automaton = ahocorasick.Automaton()
    for word, kinds in entries.items():
        automaton.add_word(word, (len(word), tuple(kinds)))
    automaton.make_automaton()
    return automaton


def _lines_to_try(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, the patterns worth trying) for each line of `text` that
    holds a keyword (a whole word; "می" of "می‌شود" is not the month) or a digit;
    the other lines cannot hold a time expression."""
    starts = [0]
    starts += [m.end() for m in _NEWLINE.finditer(text)]
    named: dict[int, frozenset[str]] = {}

    def mark(pos: int, names: frozenset[str]) -> None:
        line = bisect_right(starts, pos) - 1
        named[line] = named[line] | names if line in named else names

    size = len(text)
    for end, (length, kinds) in _gate().iter(text):
        first = end - length + 1
        letter_before = first > 0 and text[first - 1].isalpha()
        letter_after = end + 1 < size and text[end + 1].isalpha()
        for kind, names in kinds:
            if kind == "kw":
                if not letter_before and not letter_after and not (length == 2 and text.startswith("می\u200c", first)):
                    mark(first, names)
            elif kind == "tail" and letter_before and not letter_after or kind == "head" and not letter_before and letter_after:
                mark(first, names)
    for m in _DIGITS.finditer(text):
        mark(m.start(), _DIGIT_PATTERNS)
    return [(starts[i], starts[i + 1] - 1 if i + 1 < len(starts) else len(text), names)
            for i, names in sorted(named.items())]


_DIGITS = re.compile("[0-9۰-۹]+")
_NEWLINE = re.compile("\n")


_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: words split at spaces, half-spaces, digits, marks
# A word that ends in a unit or begins with a relative day may hold two words written together.
_UNIT_TAILS = ("روز", "روزه", "هفته", "ماه", "ماهه", "سال", "ساله", "قرن", "دهه", "سده", "ساعت", "ساعته", "دقیقه", "ثانیه")
_DAY_HEADS = ("امروز", "دیروز", "فردا", "امشب", "دیشب")
_JOINED = frozenset({"span", "ordinal_period", "relative_day", "weekday", "period", "part_of_period"})


# Words too common in news to key a phrase of several words by (another word of it is used).
_COMMON = frozenset({"روز", "شب", "سال", "میلادی", "عید", "سعید", "نیمه", "قدر", "ایام", "دهه", "گذشته", "ماه"})


@lru_cache(maxsize=1)
def _keyword_index() -> dict[str, frozenset[str]]:
    """Words without which each pattern cannot match (word → pattern names),
    for the gate (see _gate). A keyword of several words is keyed by its
    longest word, which must then appear whole."""
    months = [*JALALI_MONTHS, *JALALI_VARIANTS, *GREGORIAN_MONTHS, *HIJRI_MONTHS, *AFGHAN_MONTHS]
    months += [m + "ماه" for m in (*JALALI_MONTHS, *JALALI_VARIANTS)]  # "تیرماه"
    units = ["روز", "هفته", "ماه", "سال", "قرن", "دهه", "سده", "ساعت", "دقیقه", "ثانیه", "شب", "فصل", "ساعات", "دقایق"]
    units += [u + end for u in units for end in ("ه", "ی", "ها", "های")]  # "دو ساله", "روزی", "روزهای"
    years = ["امسال", "پارسال"]
    table = {
        "date_words": months,
        "month_year": [*months, *SEASONS],
        "time_words": ["ساعت", "نیم"],
        "time_to": ["ساعت", "ربع", *DAY_PARTS],
        "relative_day": list(RELATIVE_DAYS),
        "time_offset": ["ساعت"],
        "clock_part": list(DAY_PARTS),
        "clock_minutes": ["دقیقه"],
        "months_ending": ["منتهی"],
        "time_range": ["ساعت"],
        "day_of_month": ["جاری", "گذشته", "آینده", "قبل", "بعد", "پیش", "همین", "این"],
        "year_until_now": ["کنون", "تاکنون", "امروز", "حالا"],
        "quarter": ["ماهه"],
        "part_of_period": ["ماه", "سال", "هفته", "قرن", "دهه", *years],
        "period": ["ماه", "سال", "هفته", "قرن", "دهه", "فصل", *years],
        "weekday": list(WEEKDAYS),
        "last_weekday": [*WEEKDAYS, "سوری", "چهارشنبه‌سوری"],
        "span": units,
        "century": ["قرن", "سده", "دهه"],
        "part_of_month": ["دهه", "هفته"],
        "ordinal_period": units,
        "age": ["سالگی"],
        "anaphoric": ["همان", "همین"],
        "season": ["فصل"],
        "named_day": [*NAMED_DAYS, *(name + "ی" for name in NAMED_DAYS)],  # "یلدای"
        "month_range": [*JALALI_MONTHS, *JALALI_VARIANTS, *(m + "ماه" for m in JALALI_MONTHS)],
        "month_alone": months,
        "year": ["سال", "سال‌های", "سالهای", "فصل", *CALENDAR_WORDS],
    }
    assert set(table) | _DIGIT_PATTERNS == {name for name, _ in _patterns()}
    index: dict[str, set[str]] = {}
    for name, words in table.items():
        for keyword in words:
            parts = _LETTERS.findall(keyword)
            rare = [p for p in parts if p not in _COMMON] if " " in keyword else parts
            word = max(rare or parts, key=len)
            index.setdefault(word, set()).add(name)
    return {word: frozenset(names) for word, names in index.items()}


_INTERVAL = re.compile(r"\s*(?:تا|الی|لغایت|-|–)\s*")
_FROM_BEFORE = re.compile(r"(?:از|بین|طی|در)\s*$")


@dataclass(slots=True)
class TimeExpr:
    """A time expression: text[start:end] of the Doc, with its ISO value."""

    start: int
    end: int
    text: str
    kind: str  # date, datetime, time, interval, duration
    value: str | None
    calendar: str | None = None
    reason: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        data = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "value": self.value, "calendar": self.calendar}
        if self.reason:
            data["reason"] = self.reason
        return data


def extract_times(text: str, published: datetime | date | None = None) -> list[TimeExpr]:
    """Every time expression of `text` (already normalized), resolved against
    `published` where it is relative."""
    today = published.date() if isinstance(published, datetime) else published
    if today is not None and not date(2, 1, 1) <= today <= date(9998, 12, 31):
        today = None  # no day before or after it can be written as an ISO date
    candidates: list[TimeExpr] = []
    needs = _needs()
    for start, end, named in _lines_to_try(text):  # no time expression crosses a line break
        for name, rx in _patterns():
            if name not in named or not needs[name].search(text, start, end):
                continue  # cheap tests: the pattern cannot match this line
            for m in rx.finditer(text, start, end):
                if m.end() > m.start():
                    try:
                        expr = _resolve(text, m.start(), m.end(), name, m, today)
                    except (ValueError, OverflowError):  # a publication date the Hijri tables do not reach (1924–2077)
                        expr = TimeExpr(m.start(), m.end(), m.group(), "date", None, None, BEYOND_CONVERTERS)
                    if expr is not None:
                        candidates.append(expr)
    candidates.sort(key=lambda t: (t.start, t.start - t.end))
    found: list[TimeExpr] = []
    end = -1
    for expr in candidates:  # the longest at each place, none overlapping
        if expr.start >= end:
            found.append(expr)
            end = expr.end
    found = [expr for expr in found if expr.kind != NOT_A_TIME]
    merged = _chain(text, _merge(text, _merge(text, found)), today)  # twice: a datetime made by the first pass may begin or end an interval
    return _apart(text, [_with_zone(text, _extend_right(text, _extend_left(text, t, today), today), today) for t in merged])


def _apart(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """No two expressions overlap once each has taken in the words around it: one
    inside the one before is dropped ("امروز" of "… تا به امروز"), and one that
    took in words of the one before gives them back ("۱۵ روز قبل" | "از سال ۹۹")."""
    out: list[TimeExpr] = []
    for t in found:
        if out and t.start < out[-1].end:
            if t.end <= out[-1].end:
                continue
            t.start = out[-1].end
            while t.start < t.end and (text[t.start].isspace() or text[t.start] == "\u200c"):
                t.start += 1
            t.text = text[t.start : t.end]
        out.append(t)
    return out


_DAY_AFTER = re.compile(rf"\s+(?:روز\s+)?(?P<rel>{_alt(RELATIVE_DAYS)}){_E}")
_DAY_PART_AFTER = re.compile(r"\s+(?:صبح|عصر|شب|ظهر|بامداد|غروب|شامگاه|صبحگاه|نیمه‌شب|بعد\s+از\s+ظهر|بعدازظهر)(?![\w\u200c])")


def _chain(text: str, found: list[TimeExpr], today: date | None = None) -> list[TimeExpr]:
    """Expressions that follow each other with only a space or "و" between them
    are one expression ("شنبه عصر", "۲۳ ساعت و ۵ دقیقه", "۱۳۹۵/۰۸/۱۹ ۱۳:۳۱");
    a clock time takes the day named after it ("ساعت ۱۰ صبح امروز")."""
    out: list[TimeExpr] = []
    for expr in found:
        if out and expr.start < out[-1].end:
            continue  # inside a time that took the day after it
        if (out and (said := _WEEKDAY_SAID.fullmatch(text, out[-1].end, expr.end)) and expr.kind == "date"
                and _RELATIVE_DAY_IN.search(out[-1].text) and said["wd"] == expr.text):
            out[-1].end = expr.end + text.startswith(")", expr.end)
            out[-1].text = text[out[-1].start : out[-1].end]
            continue  # "صبح امروز (شنبه)": the weekday says which day today is
        day = _DAY_AFTER.match(text, expr.end) if expr.kind == "time" else None
        if day:
            offset = RELATIVE_DAYS[re.sub(r"\s+", " ", day.group("rel"))]
            value = _datetime_value((today + timedelta(days=offset)).isoformat() if today else None, day.group("rel"), expr)
            expr = TimeExpr(expr.start, day.end(), text[expr.start : day.end()], "datetime", value, "gregorian",
                            None if value else "relative to a publication date that is not known")
        part = _DAY_PART_AFTER.match(text, expr.end)
        if part and expr.kind in ("date", "datetime") and not text[expr.start : expr.end].startswith("ساعت"):
            expr.end = part.end()
            expr.text = text[expr.start : expr.end]
        gap = text[out[-1].end : expr.start] if out else None
        durations_alike = out and (out[-1].kind == "duration") == (expr.kind == "duration")  # not "سال گذشته ۶۳ شب"
        day_then_clocks = out and out[-1].kind == "date" and expr.kind == "interval" and (expr.value or "T").startswith("T")
        period_then_today = (  # "لیگ سال ۱۳۹۶ | امروز (پنج‌شنبه)", "در فصل جاری | بامداد فردا"; not "ساعات پایانی دیشب"
            out and out[-1].kind == "interval" and expr.kind in ("date", "datetime") and _RELATIVE_DAY_IN.search(expr.text)
            and (out[-1].value and not out[-1].value.startswith("T") or "فصل" in out[-1].text))
        if out and "\n" not in gap and durations_alike and not period_then_today and (
                gap.strip() == "" or (gap.strip() == "و" and out[-1].kind == expr.kind == "duration")
                or (gap.strip() == "از" and day_then_clocks)):  # "روز شنبه از ساعت ۸ تا ۱۴"
            prev = out.pop()
            out.append(_join(text, prev, expr))
        else:
            out.append(expr)
    return out


def _join(text: str, a: TimeExpr, b: TimeExpr) -> TimeExpr:
    """One expression from two adjacent ones; a date and a time make a datetime."""
    span = text[a.start : b.end]
    for date_part, time_part in ((a, b), (b, a)):
        if date_part.kind == "date" and time_part.kind == "time":
            value = _datetime_value(date_part.value, date_part.text, time_part)
            return TimeExpr(a.start, b.end, span, "datetime", value, date_part.calendar,
                            None if value else "a part could not be resolved")
    if a.kind == b.kind == "duration" and a.value and b.value and a.value.startswith("P") and b.value.startswith("P"):
        return TimeExpr(a.start, b.end, span, "duration", _add_durations(a.value, b.value))
    for day, clocks in ((a, b), (b, a)):
        if day.kind == "date" and clocks.kind == "interval" and (clocks.value or "").startswith("T"):
            return TimeExpr(a.start, b.end, span, "interval", _clocks_on(day.value, clocks.value, day is b),
                            day.calendar, None if day.value else "a part could not be resolved")
    if (b.value and b.kind in ("date", "datetime") and a.kind in ("date", "datetime") and _RELATIVE_DAY_IN.search(a.text)
            and _WRITTEN_DATE.search(b.text)):
        # "امروز سه‌شنبه ۲۰ فروردین": the date written, with the clock of "ساعت ۱۷ امروز" if it has none
        if a.kind == "datetime" and b.kind == "date" and a.value and "T" in a.value:
            return TimeExpr(a.start, b.end, span, "datetime", b.value + a.value[a.value.index("T"):], b.calendar)
        return TimeExpr(a.start, b.end, span, b.kind, b.value, b.calendar, b.reason)
    keep = a if a.value else b
    return TimeExpr(a.start, b.end, span, keep.kind, keep.value, keep.calendar, keep.reason)


_CURRENCY_BEFORE = re.compile(  # "یک دلار ۱۳۲۰", "هر کرون سوئد ۱۳۱۴": a rate; not "یورو ۲۰۱۶", the tournament
    rf"(?<![\w\u200c])(?:یک|هر|{_D}+)\s+(?:{_alt(CURRENCIES)}|کرون)(?:\s+[^\W\d]+)?\s*[:=]?\s*$")
_WEEKDAY_SAID = re.compile(rf"\s*\(\s*(?P<wd>{_WD})")
_RELATIVE_DAY_IN = re.compile(rf"{_B}(?:{_alt(RELATIVE_DAYS)}){_E}")
_WRITTEN_DATE = re.compile(rf"{_D}|{_B}(?:{_MONTH})")  # a day written with its month, or digits


def _clocks_on(day: str | None, clocks: str, day_after: bool) -> str | None:
    """"ساعت ۸ تا ۱۴ روز شنبه": the clock range on that day; a range past
    midnight ends on the day named after it ("از ۲۲ تا ۵ صبح شنبه") or starts on
    the day named before it."""
    if not day or len(day) != 10:
        return None
    first, last = clocks.split("/")
    d1 = d2 = date.fromisoformat(day)
    if last < first:
        if day_after:
            d1 -= timedelta(days=1)
        else:
            d2 += timedelta(days=1)
    return f"{d1.isoformat()}{first}/{d2.isoformat()}{last}"


def _add_durations(a: str, b: str) -> str:
    """"PT23H" + "PT5M" → "PT23H5M" (parts in ISO order)."""
    parts: dict[str, str] = {}
    for value in (a, b):
        date_part, _, time_part = value[1:].partition("T")
        for number, unit in re.findall(r"([0-9.]+)([YMWD])", date_part):
            parts[unit] = number
        for number, unit in re.findall(r"([0-9.]+)([HMS])", time_part):
            parts["T" + unit] = number
    date_part = "".join(parts[u] + u for u in "YMWD" if u in parts)
    time_part = "".join(parts["T" + u] + u for u in "HMS" if "T" + u in parts)
    return "P" + date_part + ("T" + time_part if time_part else "")


# "به وقت تهران": the clock's time zone (IANA names; "محلی", local time, names none).
TIME_ZONES = {
    "تهران": "Asia/Tehran", "ایران": "Asia/Tehran", "گرینویچ": "UTC", "جهانی": "UTC", "کابل": "Asia/Kabul",
    "افغانستان": "Asia/Kabul", "مسکو": "Europe/Moscow", "لندن": "Europe/London", "پاریس": "Europe/Paris",
    "برلین": "Europe/Berlin", "آنکارا": "Europe/Istanbul", "استانبول": "Europe/Istanbul", "ترکیه": "Europe/Istanbul",
    "بغداد": "Asia/Baghdad", "عراق": "Asia/Baghdad", "ریاض": "Asia/Riyadh", "دبی": "Asia/Dubai",
    "پکن": "Asia/Shanghai", "توکیو": "Asia/Tokyo", "واشنگتن": "America/New_York", "نیویورک": "America/New_York",
    "شرق آمریکا": "America/New_York", "محلی": None,
}
_ZONE_AFTER = re.compile(rf"\s+به\s+وقت\s+(?P<zone>{_alt(TIME_ZONES)}){_E}")


def _with_zone(text: str, expr: TimeExpr, today: date | None) -> TimeExpr:
    """A clock time followed by its time zone: the span takes "به وقت …", and the
    value its UTC offset (for a time alone, the offset on the publication date)."""
    m = _ZONE_AFTER.match(text, expr.end) if expr.kind in ("time", "datetime") else None
    if m is None:
        return expr
    expr.end = m.end()
    expr.text = text[expr.start : expr.end]
    zone = TIME_ZONES[re.sub(r"\s+", " ", m["zone"])]
    if zone is None or not expr.value:
        return expr
    from zoneinfo import ZoneInfo

    day = date.fromisoformat(expr.value[:10]) if expr.kind == "datetime" else today
    if zone == "UTC":
        expr.value += "Z"
    elif day is not None:
        hour, minute = int(expr.value.split("T")[1][:2]) % 24, int(expr.value.split("T")[1][3:5])
        offset = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone)).utcoffset()
        minutes = int(offset.total_seconds() // 60)
        expr.value += f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return expr


def _a_year_earlier(day: date, cal: str) -> date:
    """The same day of the year before, in calendar `cal` (the 29th of a last month may become the 28th)."""
    if cal == "jalali":
        j = jdatetime.date.fromgregorian(date=day)
        return _to_date("jalali", j.year - 1, j.month, min(j.day, 29)) or day
    if cal == "hijri":
        from hijridate import Gregorian

        h = Gregorian(day.year, day.month, day.day).to_hijri()
        return _to_date("hijri", h.year - 1, h.month, min(h.day, 29)) or day
    return _to_date("gregorian", day.year - 1, day.month, day.day) or day.replace(year=day.year - 1, day=28)


_UNTIL_NOW = re.compile(
    r"\s+(?:تا\s*کنون|تاکنون|تا\s+امروز|تا\s+به\s+امروز|تا\s+حالا|تا\s+به\s+حال|به\s+این\s+(?:سو|طرف))(?![\w\u200c])")


def _extend_right(text: str, expr: TimeExpr, today: date | None) -> TimeExpr:
    """"از سال ۹۲ تا کنون": the interval runs to the publication date."""
    m = _UNTIL_NOW.match(text, expr.end)
    if m is None:
        return expr
    expr.end = m.end()
    expr.text = text[expr.start : expr.end]
    first = expr.value.split("/")[0][:10] if expr.value else None
    year_unwritten = not _DIGITS.search(expr.text) or "month" in expr.fields and not expr.fields.get("year_written")
    if first and today and first > today.isoformat() and expr.calendar and year_unwritten:
        first = _a_year_earlier(date.fromisoformat(first), expr.calendar).isoformat()  # "از ابتدای مهر تاکنون" in Tir: last Mehr
    expr.kind = "interval"
    expr.value = f"{first}/{today.isoformat()}" if first and today else None
    if today is None:
        expr.reason = "relative to a publication date that is not known"
    elif not expr.value:
        expr.reason = expr.reason or "a start that could not be resolved"  # "از چند ماه گذشته تاکنون"
    return expr


# Words before a time expression that belong to it (a temporal phrase, as the
# parstdex gold marks it): prepositions, approximations and the edges of a period.
_LEFT = re.compile(
    r"(?:(?<![\w\u200c])(?:(?:در|از|به)\s+تاریخ|حدفاصل|حد\s+فاصل|در\s+آستانه|بازه|به\s+مدت|در\s*طول|پس\s+از|بعد\s+از|قبل\s+از|در|از|طی|ظرف|تا|هر|بین|حدود|حدوداً|حدودا|"
    r"(?:در\s*)?(?:اوایل|اواخر|اواسط|ابتدای|آغاز|پایان|انتهای|شروع|(?:نیمه|نیمسال)\s+(?:اول|نخست|دوم))|شامگاه|صبحگاه|سحرگاه|بامداد|غروب|راس|رأس|بعد\s*از\s*ظهر|قبل\s*از\s*ظهر|قبل\s+ظهر|"
    r"ساعات\s+(?:اولیه|نخست|پایانی)|(?:نخستین|اولین|آخرین)\s+ساعات)\s*)$"
)
EDGES = {"اوایل": "start", "ابتدای": "start", "آغاز": "start", "شروع": "start", "اواخر": "end",
         "پایان": "end", "انتهای": "end", "اواسط": "middle", "نیمه اول": "first_half", "نیمه دوم": "second_half",
         "نیمسال اول": "first_half", "نیمسال نخست": "first_half", "نیمسال دوم": "second_half"}


def _extend_left(text: str, expr: TimeExpr, today: date | None = None) -> TimeExpr:
    """Take in the words before the expression that belong to it; an edge word
    ("اوایل", "پایان") narrows an interval value to that part, and "تا پایان …"
    runs from the publication date to that end."""
    while True:
        m = _LEFT.search(text, max(0, expr.start - 14), expr.start)
        if m is None or m.start() == m.end():
            return expr
        word = re.sub(r"^در\s*(?=\S)(?!طول)", "", re.sub(r"\s+", " ", m.group().strip())) or "در"
        edge = EDGES.get(word)
        if edge and expr.kind == "interval" and expr.value and "/" in expr.value:
            first, last = (date.fromisoformat(v[:10]) for v in expr.value.split("/"))
            expr.value = _interval(*_edge(edge, first, last, expr.calendar))
            expr.fields = {**expr.fields, "whole_start": first}
        if edge:
            expr.fields = {**expr.fields, "edged": True}
        elif word == "تا" and expr.fields.get("edged") and (
                opening := _OPENING_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            # "اول تا اواسط آذر": from the start of the month to its middle
            if expr.fields.get("whole_start") and expr.value:
                expr.value = _interval(expr.fields["whole_start"], date.fromisoformat(expr.value.split("/")[1][:10]))
            expr.start = opening.start()
            expr.text = text[expr.start : expr.end]
            continue
        elif (word == "تا" and today is not None and expr.kind == "interval" and expr.value and "/" in expr.value
              and _END_WORD.match(expr.text)):
            last = date.fromisoformat(expr.value.split("/")[1][:10])
            expr.value = _interval(today, last) if last >= today else None
            expr.reason = None if expr.value else "an end before the publication date"
        expr.start = m.start()
        expr.text = text[expr.start : expr.end]


_OPENING_BEFORE = re.compile(r"(?<![\w\u200c])(?:از\s+)?(?:اول|ابتدای|آغاز)\s+$")
_END_WORD = re.compile(r"(?:پایان|انتهای|انتها|اواخر)\s")


def _edge(edge: str, first: date, last: date, cal: str | None = None) -> tuple[date, date]:
    """The part of [first, last] an edge word names (a third for start/middle/end;
    for the halves of a whole year, its first or last six months)."""
    if edge in ("first_half", "second_half") and cal and _months_of(first, cal, 12) == (first, last):
        return _months_of(first, cal, 6, from_end=edge == "second_half") or (first, last)
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


def _merge(text: str, found: list[TimeExpr]) -> list[TimeExpr]:
    """Join a date and the time after it into a datetime, "X تا Y" into an
    interval, and "n units before/after" a date into the date it names."""
    out: list[TimeExpr] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = text[cur.end : nxt.start] if nxt else ""
        if "\n" in gap:  # nothing joins across a line break
            nxt = None
        if (nxt and nxt.kind in ("date", "interval") and nxt.value and not nxt.value.startswith("T")
                and (shifted := _shifted_from(text, cur, gap, nxt)) is not None):
            out.append(shifted)  # "سه روز پس از ۱۲ تیر", "یک هفته قبل از ۱۲ تیر", "۱۵ روز قبل از سال ۹۹"
            i += 2
            continue
        if nxt and cur.kind == "date" and nxt.kind == "time" and re.fullmatch(r"\s*(?:(?:حدود|در|از|،)\s*)?(?:ساعت\s*)?", gap):
            end = nxt.end
            cal_after = _CAL_AFTER.match(text, end)
            if cal_after:  # "۱۳۲۳-۰۳-۲۳ ۱۲:۴۲ قمری": the calendar word names the date's calendar
                cur = _in_calendar(cur, cal_after["cal"])
                end = cal_after.end() if cur.calendar == CALENDAR_WORDS[cal_after["cal"]] else end
            value = _datetime_value(cur.value, cur.text, nxt)
            out.append(TimeExpr(cur.start, end, text[cur.start : end], "datetime", value, cur.calendar,
                                None if value else cur.reason or "a part could not be resolved"))
            i += 2
            continue
        if nxt and cur.kind == "time" and nxt.kind == "date" and re.fullmatch(r"\s*(?:،\s*)?(?:در\s+)?(?:(?:تاریخ|روز)\s*)?", gap):
            value = _datetime_value(nxt.value, nxt.text, cur)
            out.append(TimeExpr(cur.start, nxt.end, text[cur.start : nxt.end], "datetime", value, nxt.calendar,
                                None if value else nxt.reason or cur.reason or "a part could not be resolved"))
            i += 2
            continue
        if (
            nxt
            and _INTERVAL.fullmatch(gap)
            and cur.kind in ("date", "datetime", "interval")
            and nxt.kind in ("date", "datetime", "interval")
            and (cur.calendar == nxt.calendar or gap.strip() not in ("-", "–"))  # "23 نوامبر - سوم آذر": one day, two calendars
        ):
            start = cur.start
            before = _FROM_BEFORE.search(text[max(0, start - 6) : start])
            if before:
                start -= len(text[max(0, start - 6) : start]) - before.start()
            if "month" in cur.fields and not cur.fields.get("year_written") and nxt.fields.get("year") and cur.calendar == nxt.calendar:
                cur.value = _to_iso(cur.calendar, nxt.fields["year"], cur.fields["month"], cur.fields["day"])
                cur.fields["year"] = nxt.fields["year"]
            _across_new_year(cur, nxt)
            lo = cur.value.split("/")[0] if cur.value else None
            hi = nxt.value.split("/")[-1] if nxt.value else None
            if lo and hi and lo > hi and cur.kind == nxt.kind == "interval":  # "۲۰۱۴-۲۰۱۳": typed right to left
                lo, hi = nxt.value.split("/")[0], cur.value.split("/")[-1]
            value = f"{lo}/{hi}" if lo and hi else None
            out.append(TimeExpr(start, nxt.end, text[start : nxt.end], "interval", value, cur.calendar or nxt.calendar,
                                None if value else "an end could not be resolved"))
            i += 2
            continue
        if nxt and cur.kind == nxt.kind == "time" and _INTERVAL.fullmatch(gap):
            value = f"{cur.value}/{nxt.value}" if cur.value and nxt.value else None
            out.append(TimeExpr(cur.start, nxt.end, text[cur.start : nxt.end], "interval", value, None,
                                None if value else "an end could not be resolved"))
            i += 2
            continue
        if nxt and cur.kind == nxt.kind == "duration" and gap.strip() in ("تا", "الی"):
            out.append(TimeExpr(cur.start, nxt.end, text[cur.start : nxt.end], "duration", None, None, "a range of durations"))
            i += 2
            continue
        out.append(cur)
        i += 1
    return out


def _across_new_year(cur: TimeExpr, nxt: TimeExpr) -> None:
    """"از ۱۵ اسفند تا ۴ فروردین", "از ۲۴ اسفند تا ۱۵ فروردین ۹۷": a range whose end
    comes before its start crosses a new year; the end moves a year on, or the
    start a year back, whichever has no year written."""
    if not (cur.kind == nxt.kind == "date" and cur.value and nxt.value and cur.value > nxt.value
            and cur.calendar == nxt.calendar and "month" in cur.fields and "month" in nxt.fields):
        return
    if not nxt.fields.get("year_written"):
        moved, shift = nxt, 1
    elif not cur.fields.get("year_written"):
        moved, shift = cur, -1
    else:
        return  # both years written: the text says what it says
    if moved.fields.get("year"):
        value = _to_iso(moved.calendar, moved.fields["year"] + shift, moved.fields["month"], moved.fields["day"])
        moved.value = value or moved.value


_SHIFT_GAP = re.compile(
    r"\s*(?:(?:(?P<dir>پس|بعد|قبل|پیش)\s+)?از|(?P<to>به))\s*"
    r"(?:(?:عید|جشن|انتخابات|حادثه|واقعه|مراسم|سالروز)\s+)?"  # "سه روز پس از انتخابات ۲۸ خرداد"
)
_FROM_IN_TARGET = re.compile(r"از\s+")  # "۱۵ روز قبل" | "از سال ۹۹": the "از" went to the year
_NO_FROM = re.compile(r"\s*(?:(?:پس|بعد|قبل|پیش)\s*)?")
_ISO_DAYS = re.compile(r"P(?P<n>[0-9.]+)(?P<code>[DWMY])")
_UNIT_OF_CODE = {"D": "روز", "W": "هفته", "M": "ماه", "Y": "سال"}


def _shifted_from(text: str, cur: TimeExpr, gap: str, target: TimeExpr) -> TimeExpr | None:
    """"n units before/after" followed by "از" and a date or a period: that
    date moved, or the period's first day moved back / its last day moved on
    ("۱۵ روز قبل از سال ۹۹", "دو هفته پس از ماه رمضان"); an edge of a period
    is its first or its last day ("ده روز پیش از پایان سال")."""
    inside = _FROM_IN_TARGET.match(target.text) if _NO_FROM.fullmatch(gap) else None
    m = _SHIFT_GAP.fullmatch(gap + (inside.group() if inside else ""))
    if m is None or (m["to"] and not cur.text.endswith("مانده")):  # "سه روز مانده به ۱۲ تیر"
        return None
    if cur.kind == "date" and "shift" in cur.fields and not m["dir"]:
        amount, code, unit, direction = cur.fields["shift"]
    elif cur.kind == "duration" and m["dir"] and cur.value and (d := _ISO_DAYS.fullmatch(cur.value)):
        amount, code = float(d["n"]), d["code"]
        unit, direction = _UNIT_OF_CODE[code], -1 if m["dir"] in ("قبل", "پیش") else 1
    else:
        return None
    if unit not in ("روز", "شب", "هفته", "ماه", "سال"):
        return None
    first, _, last = target.value.partition("/")
    named = target.text[inside.end() :] if inside else target.text
    head = named.split(maxsplit=1)
    if _END_WORD.match(named):
        anchor = last or first  # "پایان سال": its last day
    elif len(head) == 2 and EDGES.get(head[0]) == "start":
        anchor = first  # "۳ روز قبل از آغاز سال": its first day
    else:
        anchor = first if direction < 0 or not last else last
    value = _shift(date.fromisoformat(anchor[:10]), amount, code, unit, direction)
    return TimeExpr(cur.start, target.end, text[cur.start : target.end], "date", value, target.calendar,
                    None if value else OUT_OF_RANGE)


_MONTH_AFTER = re.compile(rf"\s+(?:{_MONTH}){_E}")
_CAL_AFTER = re.compile(rf"\s+(?P<cal>{_CAL}){_E}")


def _in_calendar(found: TimeExpr, cal_word: str) -> TimeExpr:
    """A date written without its calendar word, read again with the word after it."""
    if found.calendar == CALENDAR_WORDS[cal_word]:
        return found
    written = f"{found.text} {cal_word}"
    for name, rx in _patterns():
        if name in ("date_numeric", "date_words") and (m := rx.fullmatch(written)):
            redone = _resolve(written, 0, len(written), name, m, None)
            if redone is not None:
                return TimeExpr(found.start, found.end, found.text, "date", redone.value, redone.calendar, redone.reason)
    return found


def _num(text: str | None) -> int | float | None:
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


def _calendar_cue(text: str, pos: int) -> str | None:
    """The calendar the text last named before `pos`."""
    ends, calendars = _calendar_words_in(text)
    k = bisect_right(ends, pos)
    return calendars[k - 1] if k else None


_CALENDAR_WORD = re.compile("میلادی|شمسی|خورشیدی|قمری")
_CALENDAR_OF_WORD = {"میلادی": "gregorian", "شمسی": "jalali", "خورشیدی": "jalali", "قمری": "hijri"}


@lru_cache(maxsize=4)
def _calendar_words_in(text: str) -> tuple[list[int], list[str]]:
    """Where each calendar word of the text ends, and its calendar (one pass per text)."""
    found = [(m.end(), _CALENDAR_OF_WORD[m.group()]) for m in _CALENDAR_WORD.finditer(text)]
    return [end for end, _ in found], [cal for _, cal in found]


# Nouns that name a place after a date: "میدان ۱۵ خرداد", "خیابان ۱۶ آذر", "ورزشگاه ۱۲ فروردین".
NOT_A_TIME = "not_a_time"  # a candidate that holds its place and is then dropped
_AGE_GROUP_BEFORE = re.compile(r"(?<![\w\u200c])(?:زیر|رده\s+سنی)\s+$")
_PLACE_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:میدان|خیابان|ورزشگاه|استادیوم|بزرگراه|اتوبان|بلوار|کوچه|چهارراه|پل|شهرک|گلزار|تالار|حسینیه|مدرسه|دبستان|دبیرستان|هنرستان|بیمارستان|پارک|مجتمع|مسجد|کوی|فرودگاه|سالن|پایگاه|لشکر|تیپ|ناو|کشتی|اردوگاه)\s+$"
)


BEYOND_CONVERTERS = "outside the dates the calendar converters hold (Hijri: 1924–2077 in the Gregorian calendar)"
OUT_OF_RANGE = "before year 1 or after year 9999, which ISO dates cannot hold"
HIJRI_RANGE_REASON = "a Hijri year outside the Umm al-Qura tables the converter has (1343–1500)"


def _hijri_out_of_range(span: str) -> bool:
    """Whether the span writes a Hijri year the converter (hijridate) cannot take."""
    return any(not 1343 <= int(y.translate(_LATIN)) <= 1500 for y in re.findall(r"(?<![0-9۰-۹])[0-9۰-۹]{3,4}(?![0-9۰-۹])", span))


def _resolve(text: str, start: int, stop: int, name: str, m: re.Match[str], today: date | None) -> TimeExpr | None:
    g = m.groupdict()
    span = text[start:stop]

    def expr(kind: str, value: str | None, calendar: str | None = None, reason: str | None = None) -> TimeExpr:
        if value is None and calendar == "hijri" and (reason or "").startswith("not a valid") and _hijri_out_of_range(span):
            reason = HIJRI_RANGE_REASON  # "سال ۱۲۷۰ قمری": before the tables the converter has
        return TimeExpr(start, stop, span, kind, value, calendar, reason if value is None else None)

    if name == "date_words":
        day = _num(g["day"].removesuffix("ام").rstrip()) or ordinal_value(g["day"])
        if not day:
            return None  # "دو بر صفر جون …": a score and a name, not a day zero
        month_name = _bare_month(g["month"])
        if month_name in AMBIGUOUS_MONTHS and not g["year"] and g["day"] in CARDINALS and not g["wd"]:
            return None  # "یک دی جی", "سه تیر": not dates
        if month_name in AFGHAN_MONTHS and not (g["year"] and g["year"][0].isdigit() and g["day"][0].isdigit()):
            return None  # "دو میزان": words; "۱۵ اسد ۱۴۰۰": a date
        if re.search(r"(?:نیمه|نیمسال)\s+$", text[max(0, start - 8) : start]):
            return None  # "نیمه دوم ماه سپتامبر": the half of a month, not its second day
        if not g["year"] and _PLACE_BEFORE.search(text, max(0, start - 24), start):
            return None  # "میدان ۷ تیر", "خیابان ۱۷ شهریور": the names of places
        cal = CALENDAR_WORDS.get(g["cal"] or "") or _calendar_of_month(month_name)
        year = _year(g["year"], cal)
        month = _month_number(month_name, cal)
        day = int(day) if day else None
        fields = {"month": month, "day": day, "year_written": year is not None}
        if year is None and g.get("yrel") and today is not None:
            shift = -1 if ("گذشته" in g["yrel"] or g["yrel"] == "پارسال") else 1 if "آینده" in g["yrel"] else 0
            year = _year_from(today, cal) + shift
            fields["year_written"] = True
        if year is None and g.get("near") and today is not None and (year := _year_from(today, cal)) is not None:
            # "۲۸ اکتبر گذشته": the last such day before the publication date; "… آینده": the next
            this_year = _to_date(cal, year, month, day)
            if this_year is not None and "گذشته" in g["near"] and this_year >= today:
                year -= 1
            elif this_year is not None and "گذشته" not in g["near"] and this_year <= today:
                year += 1
            fields["year_written"] = True
        if g.get("day2"):
            last_day = _num(g["day2"]) or ordinal_value(g["day2"])
            if day and last_day and last_day < day:
                day, last_day = int(last_day), day  # "۲۵ و ۲۴ شهریور"
            y = year if year is not None else _year_from(today, cal)
            value = _interval(_to_date(cal, y, month, day), _to_date(cal, y, month, int(last_day or 0))) if y else None
            return expr("interval", value, cal, "not a valid date or the year is unknown")
        if year is None:
            year = _year_from(today, cal)
            if year is None:
                found = expr("date", None, cal, "the year is not written and there is no publication date")
                found.fields = fields
                return found
            if g["wd"] and not fields["year_written"] and today is not None:
                year = _year_with_weekday(cal, year, month, day, WEEKDAYS[g["wd"]], today)
        found = expr("date", _to_iso(cal, year, month, day), cal, "not a valid date")
        found.fields = {**fields, "year": year}
        return found
    if name == "date_numeric":
        a, b, c = (int(g[k].translate(_LATIN)) for k in ("a", "b", "c"))
        if len(g["a"]) == 4 or (len(g["a"]) == 2 and a > 31 and c <= 31):  # ۱۳۹۵/۸/۱۹, ۹۵/۹/۶
            year, month, day = a, b, c
        elif len(g["c"]) == 4 or len(g["c"]) == 2:
            year, month, day = c, b, a
            if month > 12 and day <= 12:
                month, day = day, month  # 11.24.2016
        else:
            return None
        cal = CALENDAR_WORDS.get(g["cal"] or "") or ("jalali" if 1200 <= year <= 1600 or year < 100 else "gregorian")
        year = _year(str(year), cal)
        value = _to_iso(cal, year, month, day) if year else None
        if value is None and not g["cal"]:
            return None  # digits and separators only: maybe not a date at all
        return expr("date", value, cal, "not a valid date in that calendar (Hijri dates convert for 1343–1500 AH)")
    if name == "month_year":
        month_name = _bare_month(g["month"])
        if month_name in AFGHAN_MONTHS:
            return None  # "حمل ۱۴۰۰ تن": a word and a number
        if month_name not in JALALI_MONTHS and month_name not in SEASONS and (
            len(g["year"].strip()) < 3 or (g["year"][0] not in "0123456789۰۱۲۳۴۵۶۷۸۹" and (_num(g["year"]) or 0) < 1000)
        ):
            return None  # "محرم ۱۵", "ژوئن سه": not a month and a year
        cal = CALENDAR_WORDS.get(g["cal"] or "") or _calendar_of_month(month_name)
        year = _year(g["year"], cal)
        if year is None:
            return None  # "تابستان یک یک": words that make no year
        if month_name in SEASONS:
            first = SEASONS[month_name]
            season_cal = "jalali"
            if year is not None and (year > 1700 or g["cal"] == "میلادی"):
                # "تابستان ۲۰۱۷": the season of the Jalali year that begins in that spring (1396)
                year, season_cal = year - 621, "gregorian"
            value = _interval(_to_date("jalali", year, first, 1), _month_end("jalali", year, first + 2))
            return expr("interval", value, season_cal, OUT_OF_RANGE)  # "تابستان ۹۹۹۹": past the converters
        month = _month_number(month_name, cal)
        value = _interval(_to_date(cal, year, month, 1), _month_end(cal, year, month))
        return expr("interval", value, cal, "not a valid month")
    if name == "time":
        hour, minute = int(g["h"].translate(_LATIN)), int(g["m"].translate(_LATIN))
        hour = _day_part(hour, g.get("part"))
        if hour > 24 or minute > 59:
            return None
        second = f":{g['s'].translate(_LATIN)}" if g.get("s") else ""
        return expr("time", f"T{hour:02d}:{minute:02d}{second}")
    if name == "time_to":
        hour, before = _num(g["h"]), (15 if "ربع" in g["before"] else _num(g["before"]))
        if hour is None or before is None or not 0 < before < 60 or hour > 24:
            return None
        if not (g["clock"] or g["lead"] or g["part"] or "ربع" in g["before"]):
            return None  # "ده دقیقه به پایان": not a time of day
        hour = _day_part((int(hour) - 1) % 24, g["part"])
        return expr("time", f"T{hour:02d}:{60 - int(before):02d}")
    if name == "time_words":
        hour = _num(g["h"] or g["h2"])
        if hour is None or hour > 24:
            return None
        minute = 30 if (g["half"] or g["half2"]) else int(_num(g["m"]) or 0)
        second = int(_num(g["sec"]) or 0) if g.get("sec") else None
        hour = _day_part(int(hour), g.get("part") or g.get("part0"))
        if minute > 59 or (second or 0) > 59:
            return None
        return expr("time", f"T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else ""))
    if name == "time_offset":
        n = 15 if "ربع" in g["n"] else 30 if g["n"] == "نیم" else _num(g["n"])
        hour = _num(g["h"])
        if n is None or hour is None or hour > 24:
            return None
        if g["unit"] == "ساعت" and g["n"] != "نیم":
            n *= 60
        minutes = int(n) * (-1 if g["dir"] in ("قبل", "پیش") else 1)
        at = (_day_part(int(hour), g["part"]) * 60 + int((g["m"] or "0").translate(_LATIN)) + minutes) % (24 * 60)
        return expr("time", f"T{at // 60:02d}:{at % 60:02d}")
    if name == "clock_part":
        hour = _num(g["h"])
        minute = int(g["m"].translate(_LATIN)) if g["m"] else 0
        if hour is None or hour > 24 or minute > 59:
            return None
        return expr("time", f"T{_day_part(int(hour), g['part']):02d}:{minute:02d}")
    if name == "clock_minutes":
        hour, minute = _num(g["h"]), _num(g["m"])
        second = _num(g["sec"]) if g["sec"] else None
        if hour is None or minute is None or hour > 12 or minute > 59 or (second or 0) > 59:
            return None
        clock = f"T{_day_part(int(hour), g['part']):02d}:{int(minute):02d}"
        return expr("time", clock + (f":{int(second):02d}" if second is not None else ""))
    if name == "clock_range":
        g = {"h1": g["h1"] or g["h3"], "m1": g["m1"], "p1": None, "h2": g["h2"] or g["h4"], "m2": g["m2"] or g["m4"], "p2": g["p2"]}
        name = "time_range"
    if name == "time_range":
        clocks = []
        for h, mm, part in ((g["h1"], g["m1"], g["p1"]), (g["h2"], g["m2"], g["p2"])):
            hour, minute = _num(h), int(mm.translate(_LATIN)) if mm else 0
            if hour is None or hour > 24 or minute > 59:
                return None
            clocks.append(f"T{_day_part(int(hour), part):02d}:{minute:02d}")
        return expr("interval", "/".join(clocks))
    if name == "months_ending":
        return _months_ending(g, expr, today)
    if name == "day_of_month":
        day = _num(g["d"]) or ordinal_value(g["n"] or "")
        if not day or g["n"] in ("اول", "نخست", "اولین", "نخستین"):
            return None  # "اول ماه آینده": the start of the month (part_of_period)
        cal = CALENDAR_WORDS.get(g["cal"] or "") or _calendar_cue(text, start) or "jalali"
        if today is None:
            return expr("date", None, cal, "relative to a publication date that is not known")
        year, month = _year_month(today, cal)
        shift = PAST_WORDS.get(g["rel"] or "", 0) or NEXT_WORDS.get(g["rel"] or "", 0)
        year, month = divmod(year * 12 + month - 1 + shift, 12)
        first = ordinal_value(g["n0"]) or _num(g["n0"]) if g["n0"] else None
        if first and first < day:  # "سوم تا پنجم ماه جاری"
            lo, hi = _to_iso(cal, year, month + 1, int(first)), _to_iso(cal, year, month + 1, int(day))
            return expr("interval", f"{lo}/{hi}" if lo and hi else None, cal, "not a valid date")
        return expr("date", _to_iso(cal, year, month + 1, int(day)), cal, "not a valid date")
    if name == "year_until_now":
        y = int(g["y"].translate(_LATIN))
        cal = "gregorian" if 1900 <= y <= 2200 else "jalali"
        year = _year(str(y), cal)
        if cal == "jalali" and not 1200 <= year <= 1500:
            return None
        return expr("interval", _interval(_to_date(cal, year, 1, 1), _year_end(cal, year)), cal)
    if name == "relative_day":
        if today is None:
            return expr("date", None, None, "relative to a publication date that is not known")
        return expr("date", (today + timedelta(days=RELATIVE_DAYS[g["rel"]])).isoformat(), "gregorian")
    if name == "last_weekday":
        target = WEEKDAYS[g["wd"]] if g["wd"] else WEEKDAYS["چهارشنبه"]
        if today is None:
            return expr("date", None, "jalali", "relative to a publication date that is not known")
        year = _year_from(today, "jalali")
        days = []
        for y in (year - 1, year):  # the last such weekday before each Nowruz near the publication date
            nowruz = _to_date("jalali", y + 1, 1, 1)
            days.append(nowruz - timedelta(days=(nowruz.weekday() - target - 1) % 7 + 1))
        nearest = min(days, key=lambda d: abs((d - today).days))
        return expr("date", nearest.isoformat(), "jalali")
    if name == "weekday":
        if today is None:
            return expr("date", None, None, "relative to a publication date that is not known")
        target = WEEKDAYS[g["wd"]]
        direction = _direction(g.get("rel"), g.get("thisweek"), text, stop)
        return expr("date", _weekday_date(today, target, direction).isoformat(), "gregorian")
    if name == "period":
        return _period(text, start, stop, span, g, today)
    if name == "quarter":
        return _quarter(g, expr, text, start, today)
    if name == "part_of_period":
        return _part_of_period(text, start, stop, span, g, today)
    if name == "span":
        if g["unit"] == "سال" and _AGE_GROUP_BEFORE.search(text, max(0, start - 12), start) and (_num(g["n"]) or 99) <= 25:
            # "جام جهانی زیر ۲۰ سال", "تیم زیر ۲۳ سال قبل از بازی": an age group, not a span of time;
            # kept as a candidate that is then dropped, so that no shorter find ("سال قبل") takes its place
            return expr(NOT_A_TIME, None, None, "an age group")
        if g["n"] == "نود" and re.search(r"برنامه\s+$", text[max(0, start - 8) : start]):
            return None  # "برنامه نود هفته گذشته": the programme "Navad" last week, not ninety weeks
        return _span(span, start, stop, g, today, text[stop : stop + 6])
    if name == "year":
        y1 = g["y1"] or g["y3"] or g["y5"]
        if g["y5"] and abs(int(g["y5"].translate(_LATIN)) - int(g["y6"].translate(_LATIN))) != 1:
            return None  # "فصل ۹۴-۹۳" is a season of two years; "فصل ۳-۲" is a chapter
        cal = CALENDAR_WORDS.get(g["cal"] or "")
        first = _num(y1)
        if first is None or not isinstance(first, int):
            return None
        if not y1[0].isdigit() and first < 1000:
            return None  # "سال ششم" of a journal, "سال یک": not years
        if g.get("bc"):
            return expr("interval", None, "gregorian", "a year before the common era")
        if cal is None:
            cal = "jalali" if 1200 <= first <= 1500 or first < 100 else "gregorian" if 1500 < first <= 2200 else None
        if cal is None:
            return None
        if g.get("bc"):
            return expr("interval", None, cal, "a year before the common era")
        y_first = _year(str(first), cal)
        second = g["y2"] or g["y4"] or g["y6"]
        y_last = _year(second, cal) if second else y_first
        if y_first is None or y_last is None:
            return expr("interval", None, cal, "not a year")
        y_first, y_last = min(y_first, y_last), max(y_first, y_last)  # "سال ۹۲-۹۱": typed right to left
        value = _interval(_to_date(cal, y_first, 1, 1), _year_end(cal, y_last))
        return expr("interval", value, cal, "not a valid year")
    if name == "bare_year":
        if approx_before(text, start) or _CURRENCY_BEFORE.search(text, max(0, start - 30), start):
            return None  # "حدود ۲۰۰۰ سرباز", "یک کرون سوئد ۱۳۱۴" (a rate): numbers, not years
        y = int(g["y"].translate(_LATIN))
        cal = "jalali" if y < 1500 else "gregorian"
        return expr("interval", _interval(_to_date(cal, y, 1, 1), _year_end(cal, y)), cal)
    if name == "anaphoric":
        return expr("interval", None, None, "refers to a time named earlier in the text")
    if name == "ordinal_period":
        if g["unit"] == "ماه" and _MONTH_AFTER.match(text, stop):
            return None  # "نیمه دوم ماه سپتامبر": the month is named after
        if re.match(r"\s+(?:تحصیلی|زراعی|آبی)(?![\w\u200c])", text[stop : stop + 10]):
            return None  # "اول سال تحصیلی": the school year, not the calendar's
        if g["n"] and g["n"].endswith("م") and g["unit"] == "روز" and not span.startswith(("ربع", "نیمه")):
            return None  # "لیگ شانزدهم روز …": the ordinal ends the phrase before; "روز شانزدهم", "شانزدهمین روز" are days
        return expr("interval", None, None, "an ordinal period: not resolved to dates")
    if name == "age":
        n = _num(g["n"])
        return expr("duration", f"P{_fmt(n)}Y" if n else None, None, "not a number")
    if name == "season":
        first = SEASONS[g["season"]]
        year = _year_from(today, "jalali")
        value = _interval(_to_date("jalali", year, first, 1), _month_end("jalali", year, first + 2)) if year else None
        return expr("interval", value, "jalali", "the year is not written and there is no publication date")
    if name == "century":
        return _century(g, expr)
    if name == "part_of_month":
        return _part_of_month(g, expr, today)
    if name == "named_day":
        return _named_day(g, expr, today)
    if name == "month_range":
        if g["m1"] in AMBIGUOUS_MONTHS and g["m2"] in AMBIGUOUS_MONTHS and not g["year"] and "ماه" not in span:
            return None  # "تیر تا مهر" could be words; with a year or "ماه", months
        year = _year(g["year"], "jalali") if g["year"] else _year_from(today, "jalali")
        first, last = _month_number(g["m1"], "jalali"), _month_number(g["m2"], "jalali")
        if year is None:
            return expr("interval", None, "jalali", "the year is not written and there is no publication date")
        # "اسفند تا فروردین" runs into the next year; a year written is the second month's
        start_year, end_year = (year - (last < first), year) if g["year"] else (year, year + (last < first))
        return expr("interval", _interval(_to_date("jalali", start_year, first, 1), _month_end("jalali", end_year, last)), "jalali")
    if name == "month_alone":
        month_name = _bare_month(g["hm"] or g["jm"] or g["gm"] or g["june"] or g["edged"] or g["may"])
        cal = _calendar_of_month(month_name)
        year = _year_from(today, cal)
        if year is None:
            return expr("interval", None, cal, "the year is not written and there is no publication date")
        month = _month_number(month_name, cal)
        current = _year_month(today, cal)[1]
        which = re.sub(r"\s+", " ", g["which"] or "")
        if which == "گذشته":  # the last one before this month
            year -= month >= current
        elif which == "آینده":  # the next one after this month
            year += month <= current
        elif which in ("سال گذشته", "سال قبل", "سال آینده", "سال بعد"):  # "اردیبهشت سال آینده": of next year
            year += 1 if which in ("سال آینده", "سال بعد") else -1
        value = _interval(_to_date(cal, year, month, 1), _month_end(cal, year, month))
        return expr("interval", value, cal)
    return None


_LATIN = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
_FUTURE = re.compile(r"خواه|\bمی‌(?:شود|کند|کنند|شوند|رسد|آید|گیرد|دهد|رود)\b|آینده|فردا")


def _direction(rel: str | None, thisweek: str | None, text: str, pos: int) -> int:
    ahead = ("آینده", "آتی", "بعد", "پیش رو", "پیش‌رو")
    if (rel and re.sub(r"\s+", " ", rel) in ahead) or (thisweek and any(w in re.sub(r"\s+", " ", thisweek) for w in ahead)):
        return 1
    if rel or (thisweek and ("گذشته" in thisweek or "قبل" in thisweek)):
        return -1
    if thisweek:
        return 0
    sentence_end = min((i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0), default=len(text))
    return 1 if _FUTURE.search(text[pos:sentence_end]) else -1


def _year_with_weekday(cal: str, year: int, month: int, day: int | None, weekday: int, today: date) -> int:
    """Of this year, the last and the next, the one in which the day falls on the
    weekday written with it, nearest the publication date ("سه‌شنبه ۲۵ ژانویه"
    said in June 2021 is 2022's: 2021's was a Monday); `year` if none is."""
    fits = [(abs((d - today).days), y) for y in (year, year - 1, year + 1)
            if (d := _to_date(cal, y, month, day)) is not None and d.weekday() == weekday]
    return min(fits)[1] if fits else year


def _weekday_date(today: date, target: int, direction: int) -> date:
    """The weekday `target` nearest to `today` in `direction` (0: this week); today itself when it is that day."""
    if today.weekday() == target:
        return today
    if direction >= 0:
        return today + timedelta(days=(target - today.weekday()) % 7)
    return today - timedelta(days=(today.weekday() - target) % 7)


def _day_part(hour: int, part: str | None) -> int:
    """The hour on a 24-hour clock: "۸ شب" is 20, but "۲ شب" is 2 and "۱۲ شب" midnight."""
    if part == "شب" and (hour < 5 or hour == 12):
        return hour % 12
    if part and DAY_PARTS.get(part) == 12 and hour < 12:
        return hour + 12
    return hour


# Days named by their evening: a clock time with them is in the evening ("امشب ساعت ۸").
_EVENING_DAY = re.compile(r"(?<![\w\u200c])(?:امشب|دیشب|فرداشب|پریشب|شب|عصر|غروب|شامگاه)(?![\w\u200c])")


def _datetime_value(day_value: str | None, day_text: str, time: TimeExpr) -> str | None:
    """The day's date and the time's clock as one value (None if either is
    unknown); the clock moves to the evening when the day says evening and the
    time names no part of the day ("امشب ساعت ۸" → T20:00)."""
    clock = time.value
    if not day_value or not clock:
        return None
    part = _EVENING_DAY.search(day_text)
    if part is not None and not any(p in time.text for p in DAY_PART_WORDS):
        word = "شب" if "شب" in part.group() else part.group()
        clock = f"T{_day_part(int(clock[1:3]), word):02d}{clock[3:]}"
    return day_value + clock


def _calendar_of_month(name: str) -> str:
    if name in JALALI_MONTHS or name in SEASONS or name in JALALI_VARIANTS or name in AFGHAN_MONTHS:
        return "jalali"
    if name in HIJRI_MONTHS:
        return "hijri"
    return "gregorian"


def _named_day(g: dict[str, Any], expr, today: date | None) -> TimeExpr:
    """A festival on its date: within the year written (a Jalali year below 1500,
    as the Iranian press counts them, else Gregorian), or else the occurrence
    nearest the publication date."""
    cal, month, day, last = NAMED_DAYS[g["name"]]
    kind = "interval" if last else "date"
    if g.get("adj") == "ی" and not g.get("head") and not g["name"].endswith(("ا", "و")):
        return None  # "سارینا نوروزی": a surname; "تعطیلات نوروزی" is the festival; "یلدای امسال" an ezafe
    if g.get("year"):
        written = int(g["year"].translate(_LATIN))
        if written < 100:  # "نوروز ۹۲"
            written += 1300 if cal == "jalali" else 1400 if cal == "hijri" else 2000
        if written > 2200:
            return None  # "نوروز ۳۵۰۰ ساله": an age, not a year
        year_cal = "jalali" if written < 1500 else "gregorian"
        lo, hi = _to_date(year_cal, written, 1, 1), _year_end(year_cal, written)
        candidates = _occurrences(cal, month, day, lo) if lo and hi else []
        found = [d for d in candidates if lo <= d <= hi]
    elif today is not None:
        found = sorted(_occurrences(cal, month, day, today), key=lambda d: abs((d - today).days))
    else:
        return expr(kind, None, cal, "the year is not written and there is no publication date")
    if not found:
        return expr(kind, None, cal, "outside the calendar converter's range")
    first = found[0]
    if last:
        return expr("interval", _interval(first, first + timedelta(days=last - day)), cal)
    return expr("date", first.isoformat(), cal)


def _occurrences(cal: str, month: int, day: int, near: date) -> list[date]:
    """The festival's dates in the year of its calendar that holds `near`, the one before and the one after."""
    try:
        year = _year_from(near, cal)
    except (ValueError, OverflowError):
        return []
    if day == 0:  # "روز قدس": the last Friday of Ramadan
        ends = (_month_end(cal, y, month) for y in (year - 1, year, year + 1))
        return [end - timedelta(days=(end.weekday() - 4) % 7) for end in ends if end is not None]
    dates = (_to_date(cal, y, month, day) for y in (year - 1, year, year + 1))
    return [d for d in dates if d is not None]


def _quarter(g: dict[str, Any], expr, text: str, start: int, today: date | None) -> TimeExpr:
    """"سه‌ماهه سوم ۲۰۲۱": the three months of that quarter of the year."""
    written = int(g["year"].translate(_LATIN)) if g.get("year") else None
    cal = CALENDAR_WORDS.get(g.get("cal") or "") or (
        ("gregorian" if written >= 1500 else "jalali") if written else _calendar_cue(text, start) or "jalali")
    if written:
        year = written
    elif today is not None:
        this = g.get("this") or ""
        year = _year_from(today, cal) + (-1 if ("گذشته" in this or this == "پارسال") else 1 if "آینده" in this else 0)
    else:
        return expr("interval", None, cal, "the year is not written and there is no publication date")
    last_month = 3 * QUARTERS[g["q"]]
    return expr("interval", _interval(_to_date(cal, year, last_month - 2, 1), _month_end(cal, year, last_month)), cal)


def _part_of_month(g: dict[str, Any], expr, today: date | None) -> TimeExpr | None:
    """"دهه اول محرم", "هفته آخر اسفند": ten or seven days of a month (of the
    year written, else the occurrence nearest the publication date)."""
    cal = _calendar_of_month(g["month"])
    year = _year(g["year"], cal) if g["year"] else _year_from(today, cal)
    if year is None:
        return expr("interval", None, cal, "the year is not written and there is no publication date")
    month = _month_number(g["month"], cal)
    size = 10 if g["unit"] == "دهه" else 7
    part = {"اول": 0, "نخست": 0, "دوم": 1, "سوم": 2, "چهارم": 3}.get(g["which"])
    if size == 10 and part == 3:
        return None  # a month has three ten-day parts
    if not g["year"] and today is not None:  # the occurrence nearest the publication date
        year = min((year - 1, year, year + 1),
                   key=lambda y: abs(((_to_date(cal, y, month, 1) or today) - today).days))
    month_end = _month_end(cal, year, month)
    if part is None:  # the last ten days (to the month's end) or the last seven
        first = _to_date(cal, year, month, 21) if size == 10 else month_end and month_end - timedelta(days=6)
        return expr("interval", _interval(first, month_end), cal)
    last = month_end if size == 10 and part == 2 else _to_date(cal, year, month, size * part + size)
    return expr("interval", _interval(_to_date(cal, year, month, size * part + 1), last), cal)


def _century(g: dict[str, Any], expr) -> TimeExpr | None:
    """"دهه ۶۰" (the Jalali 1360s; "دهه ۹۰ میلادی" the 1990s), "دهه‌های ۶۰ و ۷۰",
    "دهه ۱۹۹۰", "قرن بیستم" (a Gregorian century from the 16th on; an earlier one
    only with its calendar word: "قرن چهاردهم شمسی")."""
    cardinal = _num(g["n"])
    n = cardinal or ordinal_value(g["n"])
    if not n:
        return None
    decade = g["unit"] == "دهه"
    cal = CALENDAR_WORDS.get(g["cal"] or "")
    if decade and cardinal is None:  # "دهه پنجم انقلاب"
        return expr("interval", None, cal, "the nth decade of a period not named")
    if not decade:
        cal = cal or ("gregorian" if 16 <= n <= 21 else None)
        if cal is None or not isinstance(n, int) or n > 30:
            return expr("interval", None, cal, "a century whose calendar is not written")
        return expr("interval", _interval(_to_date(cal, (n - 1) * 100 + 1, 1, 1), _year_end(cal, n * 100)), cal,
                    HIJRI_RANGE_REASON if cal == "hijri" else "not a valid year")  # "سده یازدهم هجری"
    numbers = [n] + [_num(x) for x in re.findall(rf"{_D}+|[^\s،,و][^\s،,]*", g.get("more") or "")]
    if any(not isinstance(v, int) or v % 10 for v in numbers):
        return expr("interval", None, cal, "not a decade of years")
    first, last = min(numbers), max(numbers)
    if last < 100:  # "دهه ۶۰": of the century the calendar is in
        cal = cal or "jalali"
        base = 1300 if cal == "jalali" else 1900 if cal == "gregorian" else 1400
        first, last = base + first, base + last
    else:
        cal = cal or ("jalali" if 1200 <= first <= 1500 else "gregorian")
    return expr("interval", _interval(_to_date(cal, first, 1, 1), _year_end(cal, last + 9)), cal,
                HIJRI_RANGE_REASON if cal == "hijri" else "not a valid year")


def _months_ending(g: dict[str, Any], expr, today: date | None) -> TimeExpr:
    """"ده ماه منتهی به دی ۱۳۹۹": the n Jalali months that end with that month
    (of the year written, else its latest occurrence up to the publication date)."""
    n = _num(g["n"])
    month = _month_number(g["month"], "jalali")
    if not isinstance(n, int) or not 1 <= n <= 120:
        return expr("interval", None, "jalali", "not a number of months")
    written = g["year"] or ""
    year = _year(written, "jalali") if written[:1].isdigit() else None
    if year is None and today is not None:
        this_year, this_month = _year_month(today, "jalali")
        year = this_year - ("پارسال" in written or "گذشته" in written)
        if not written and month > this_month:
            year -= 1  # "منتهی به اسفند" said in Tir: the last Esfand
    if year is None:
        return expr("interval", None, "jalali", "the year is not written and there is no publication date")
    first_year, first_month = divmod(year * 12 + month - n, 12)
    return expr("interval", _interval(_to_date("jalali", first_year, first_month + 1, 1), _month_end("jalali", year, month)), "jalali")


def _bare_month(name: str) -> str:
    """A month name without the ezafe written after it ("فوریه‌ی" → "فوریه")."""
    if name in GREGORIAN_MONTHS:
        return name
    return re.sub(r"(?:\u0654|\u200cی|\s+ی)$", "", name)


def _month_number(name: str, cal: str) -> int:
    if name in AFGHAN_MONTHS:
        return AFGHAN_MONTHS[name]
    name = JALALI_VARIANTS.get(name, name)
    if name in JALALI_MONTHS:
        return JALALI_MONTHS.index(name) + 1
    if name in HIJRI_MONTHS:
        return HIJRI_MONTHS[name]
    return GREGORIAN_MONTHS[name]


def _year(text: str | None, cal: str) -> int | None:
    value = _num(text) if text else None
    if not isinstance(value, int):
        return None
    if value < 100:  # "۹۵" → 1395, "۲۱" → 2021 only for Gregorian context
        return value + (1300 if cal == "jalali" else 1400 if cal == "hijri" else 2000)
    return value


def _year_month(today: date, cal: str) -> tuple[int, int]:
    """The year and month of `today` in the calendar `cal`."""
    if cal == "jalali":
        j = jdatetime.date.fromgregorian(date=today)
        return j.year, j.month
    if cal == "hijri":
        from hijridate import Gregorian

        h = Gregorian(today.year, today.month, today.day).to_hijri()
        return h.year, h.month
    return today.year, today.month


def _year_from(today: date | None, cal: str) -> int | None:
    return _year_month(today, cal)[0] if today is not None else None


def _to_date(cal: str, year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None or day is None:
        return None
    try:
        if cal == "jalali":
            return jdatetime.date(year, month, day).togregorian()
        if cal == "hijri":
            from hijridate import Hijri

            return Hijri(year, month, day).to_gregorian()
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _to_iso(cal: str, year: int | None, month: int | None, day: int | None) -> str | None:
    d = _to_date(cal, year, month, day)
    return d.isoformat() if d else None


def _month_end(cal: str, year: int | None, month: int) -> date | None:
    if year is None:
        return None
    for day in (31, 30, 29, 28):
        d = _to_date(cal, year, month, day)
        if d is not None:
            return d
    return None


def _year_end(cal: str, year: int) -> date | None:
    return _month_end(cal, year, 12)


def _interval(first: date | None, last: date | None) -> str | None:
    return f"{first.isoformat()}/{last.isoformat()}" if first and last else None


def _current(today: date, cal: str, unit: str, shift: int) -> tuple[date, date] | None:
    """The week (Saturday to Friday), month or year of `today`, shifted by `shift` units."""
    if unit == "هفته":
        saturday = today - timedelta(days=(today.weekday() - 5) % 7) + timedelta(weeks=shift)
        return saturday, saturday + timedelta(days=6)
    this_year, this_month = _year_month(today, cal)
    if unit == "ماه":
        year, month = divmod(this_year * 12 + this_month - 1 + shift, 12)
        return _to_date(cal, year, month + 1, 1), _month_end(cal, year, month + 1)
    year = this_year + shift
    return _to_date(cal, year, 1, 1), _year_end(cal, year)


def _shift_of(g: dict[str, Any]) -> int:
    rel = g.get("rel")
    if g.get("this") == "امسال":
        return 0
    if g.get("this") == "پارسال":
        return -1
    return PAST_WORDS.get(rel, 0) or NEXT_WORDS.get(rel, 0)


def _period(text: str, start: int, stop: int, span: str, g: dict[str, Any], today: date | None) -> TimeExpr:
    unit = "سال" if g.get("this") else g.get("week") or g["unit"]  # "این هفته": the week of the publication date
    cal = CALENDAR_WORDS.get(g.get("cal") or "") or _calendar_cue(text, start) or "jalali"
    if today is None:
        return TimeExpr(start, stop, span, "interval", None, cal, "relative to a publication date that is not known")
    if g.get("plural") or g.get("rel") == "اخیر" or unit not in ("هفته", "ماه", "سال"):
        return TimeExpr(start, stop, span, "interval", None, cal, "a vague period: not resolved to dates")
    first_last = _current(today, cal, unit, _shift_of(g))
    value = _interval(*first_last) if first_last else None
    reason = None if value else HIJRI_RANGE_REASON if cal == "hijri" else "not resolved to dates"  # "سال گذشته" (Hijri) in 1924
    return TimeExpr(start, stop, span, "interval", value, cal if unit != "هفته" else "gregorian", reason)


def _part_of_period(text: str, start: int, stop: int, span: str, g: dict[str, Any], today: date | None) -> TimeExpr:
    unit = "سال" if g.get("this") else g["unit"]
    cal = CALENDAR_WORDS.get(g.get("cal") or "") or _calendar_cue(text, start) or "jalali"
    if today is None or unit not in ("سال", "ماه", "هفته"):
        reason = "relative to a publication date that is not known" if today is None else "not resolved to dates"
        return TimeExpr(start, stop, span, "interval", None, cal, reason)
    first_last = _current(today, cal, unit, _shift_of(g))
    if first_last is None:
        return TimeExpr(start, stop, span, "interval", None, cal, "not resolved to dates")
    first, last = first_last
    edge = (g.get("edge") or "").split()[0] if g.get("edge") else None
    if g.get("n"):  # "۴ ماه نخست سال": the first n months
        n = int(_num(g["n"]) or 0)
        months = _months_of(first, cal, n, from_end=g.get("which") in ("پایانی", "آخر")) if unit == "سال" and 1 <= n <= 12 else None
        if months is None:  # "۰ ماه اول ماه": no such months
            return TimeExpr(start, stop, span, "interval", None, cal, "not resolved to dates")
        first, last = months
    elif edge in ("آغاز", "ابتدای", "شروع", "اول") and span.startswith("از") and first <= today:
        last = today  # "از آغاز سال جاری": up to the publication date
    elif edge in ("آغاز", "ابتدای", "شروع", "اول", "اوایل"):
        last = first + (last - first) / 3
    elif edge in ("پایان", "آخر", "انتهای", "انتها", "اواخر"):
        first = last - (last - first) / 3
    elif edge == "اواسط":
        third = (last - first) / 3
        first, last = first + third, last - third
    elif edge in ("نیمه", "نیمسال"):
        first, last = _edge("second_half" if "دوم" in g["edge"] else "first_half", first, last, cal if unit == "سال" else None)
    value = _interval(first, last)
    return TimeExpr(start, stop, span, "interval", value, cal if unit != "هفته" else "gregorian",
                    None if value else "not resolved to dates")


def _months_of(first: date, cal: str, n: int, from_end: bool = False) -> tuple[date, date] | None:
    """The first (or last) n months of the year that starts on `first`."""
    if cal == "gregorian":
        year = first.year
        if from_end:
            return date(year, 13 - n, 1), date(year, 12, 31)
        return date(year, 1, 1), _month_end("gregorian", year, n)
    year = jdatetime.date.fromgregorian(date=first).year if cal == "jalali" else None
    if year is None:
        return None
    if from_end:
        return _to_date("jalali", year, 13 - n, 1), _year_end("jalali", year)
    return _to_date("jalali", year, 1, 1), _month_end("jalali", year, n)


_FROM_AFTER = re.compile(r"\s+از(?![\w\u200c])")
_UP_TO_TODAY = frozenset(["گذشته", "اخیر", "آینده", "آتی", "پیش رو", "پیش‌رو"])  # "۳ سال گذشته": up to the day
_CLOCK_UNITS = frozenset(["ثانیه", "دقیقه", "ساعت"])  # "۵ دقیقه بعد" is a time of day, not a date


def _span(span: str, start: int, stop: int, g: dict[str, Any], today: date | None,
          text_after: str | None = None) -> TimeExpr | None:
    n_text = g["n"]
    n = {"چند": None, "چندین": None, "یک": 1, "یکی": 1, "نیم": 0.5}.get(n_text, _num(n_text)) if n_text else None
    unit = g["unit"]
    if (g.get("half") or g.get("half0")) and n is not None:
        n += 0.5
    rel = g.get("rel")
    if g.get("n2"):
        return _ranged_span(start, stop, span, n, _num(g["n2"]), unit, rel, today)
    if n is None and n_text and (pair := _adjacent_pair(n_text)):  # "دو سه ماه دیگر": two or three months
        return _ranged_span(start, stop, span, *pair, unit, rel, today)
    if n is None:  # "چند روز", "چند روز پیش" (a day), "چند سال اخیر" (the years up to the day)
        point = "time" if unit in _CLOCK_UNITS else "date"  # "چند دقیقه بعد"
        kind = "duration" if rel is None else "interval" if rel in _UP_TO_TODAY else point
        return TimeExpr(start, stop, span, kind, None, None, "a vague amount of time")
    amount = n * UNIT_FACTOR.get(unit, 1)
    code = UNITS[unit]
    iso = f"PT{_fmt(amount)}{code}" if unit in _CLOCK_UNITS else f"P{_fmt(amount)}{code}"
    if rel is None or rel in ("دیگر",):
        if rel and today is not None:
            point = _shift(today, amount, code, unit, 1)
            return TimeExpr(start, stop, span, "date", point, "gregorian", None if point else OUT_OF_RANGE)
        if rel:  # "دو روز دیگر" is a date whether or not the publication date is known
            return TimeExpr(start, stop, span, "date", None, None, "relative to a publication date that is not known")
        return TimeExpr(start, stop, span, "duration", iso)
    if rel and rel.endswith("مانده"):
        rel = "قبل"  # "۶ هفته مانده به المپیک": six weeks before it
    if rel == "بعد" or (rel == "قبل" and span.endswith("مانده")) or (rel in ("قبل", "پیش") and _FROM_AFTER.match(text_after or "")):
        reason = "after a time the text named before" if rel == "بعد" else "before an event the text names"
        kind = "time" if unit in _CLOCK_UNITS else "date"  # "۵ دقیقه مانده به پایان بازی"
        found = TimeExpr(start, stop, span, kind, None, None, reason)  # "دو سال بعد", "یک هفته قبل از انتخابات"
        found.fields = {"shift": (amount, code, unit, 1 if rel == "بعد" else -1)}  # "… قبل از ۱۲ تیر" resolves it
        return found
    if today is None:
        return TimeExpr(start, stop, span, "date", None, None, "relative to a publication date that is not known")
    direction = PAST_WORDS.get(rel, 0) or NEXT_WORDS.get(rel, 0)
    point = _shift(today, amount, code, unit, direction)
    if unit == "ساعت" and rel in ("گذشته", "اخیر", "آینده", "آتی"):  # "۲۴ ساعت گذشته": the days those hours may touch
        point = (today + timedelta(days=direction * math.ceil(amount / 24))).isoformat()
    if point is None:
        return TimeExpr(start, stop, span, "date", None, None, OUT_OF_RANGE)
    if rel in _UP_TO_TODAY:  # "در ۳ سال گذشته": the interval up to today
        value = f"{point}/{today.isoformat()}" if direction < 0 else f"{today.isoformat()}/{point}"
        return TimeExpr(start, stop, span, "interval", value, "gregorian")
    return TimeExpr(start, stop, span, "date", point, "gregorian")


def _adjacent_pair(words: str) -> tuple[int, int] | None:
    """Two numbers one after the other said as a range: "دو سه" → (2, 3)."""
    parts = words.split()
    if len(parts) == 2:
        a, b = _num(parts[0]), _num(parts[1])
        if isinstance(a, int) and isinstance(b, int) and 1 <= a < 10 and b == a + 1:
            return a, b
    return None


def _ranged_span(start: int, stop: int, span: str, n: float | None, n2: float | None, unit: str,
                 rel: str | None, today: date | None) -> TimeExpr:
    """"۲ تا ۳ روز پیش", "یکی دو سال آینده", "یک یا دو هفته دیگر": the days
    between the two amounts back or on from the publication date (from today for
    "گذشته"/"آینده", which count the time up to it); without such a word, or
    after one that counts from another time ("بعد"), a range of durations has no
    ISO value."""
    direction = PAST_WORDS.get(rel or "", 0) or NEXT_WORDS.get(rel or "", 0)
    if n is None or n2 is None or not direction or rel == "بعد":
        return TimeExpr(start, stop, span, "duration", None, None, "a range of durations")
    if today is None:
        return TimeExpr(start, stop, span, "interval", None, None, "relative to a publication date that is not known")
    code = UNITS[unit]
    near, far = (_shift(today, amount * UNIT_FACTOR.get(unit, 1), code, unit, direction) for amount in sorted((n, n2)))
    if unit == "ساعت":  # "۲۴ تا ۴۸ ساعت آینده": the days those hours may touch
        far = (today + timedelta(days=direction * math.ceil(max(n, n2) / 24))).isoformat()
    if rel in _UP_TO_TODAY or unit in _CLOCK_UNITS:
        near = today.isoformat()
    if near is None or far is None:
        return TimeExpr(start, stop, span, "interval", None, None, OUT_OF_RANGE)
    value = f"{far}/{near}" if direction < 0 else f"{near}/{far}"
    return TimeExpr(start, stop, span, "interval", value, "gregorian")


def _shift(today: date, amount: float, code: str, unit: str, direction: int) -> str | None:
    """`today` moved by the amount of units, or None outside the years ISO dates
    can hold ("۳۰۰۰ سال پیش" is before year 1)."""
    days = {"D": 1, "W": 7}.get(code if unit not in ("ماه",) else "")
    if unit in _CLOCK_UNITS:
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


def _fmt(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else str(amount)
