"""The calendars Persian text writes dates in, in one place: the Jalali (solar
Hijri) year of Iran, with the month names Afghanistan uses for it; the lunar
Hijri year (Umm al-Qura tables); the Gregorian year as Persian spells its
months. Month, season and weekday names with their variants, the words that
name a calendar ("میلادی", "ه.ش"), and conversions to Gregorian dates through
jdatetime and hijridate (imported on first use).

A calendar is named by one of the strings JALALI, HIJRI, GREGORIAN.
"""

from __future__ import annotations

from datetime import date

from khabar.persian.chars import ZWNJ

JALALI = "jalali"
HIJRI = "hijri"
GREGORIAN = "gregorian"

JALALI_MONTHS = ("فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
                 "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند")
# Spellings met in the press for a month of JALALI_MONTHS.
JALALI_VARIANTS = {"أذر": "آذر", "اذر": "آذر", "امرداد": "مرداد"}
# The months of the solar year as Afghanistan names them (the zodiac signs): the
# same months as Iran's.
AFGHAN_MONTHS = {"حمل": 1, "ثور": 2, "جوزا": 3, "سرطان": 4, "اسد": 5, "سنبله": 6,
                 "میزان": 7, "عقرب": 8, "قوس": 9, "جدی": 10, "دلو": 11, "حوت": 12}
# The name the Iranian press writes for each month (for writing dates), then every spelling read.
GREGORIAN_MONTH_NAMES = ("ژانویه", "فوریه", "مارس", "آوریل", "مه", "ژوئن",
                         "ژوئیه", "اوت", "سپتامبر", "اکتبر", "نوامبر", "دسامبر")
GREGORIAN_MONTHS = {
    **{name: number for number, name in enumerate(GREGORIAN_MONTH_NAMES, 1)},
    "ژانویهٔ": 1, "آپریل": 4, "می": 5, "ژون": 6, "جون": 6, "جولای": 7, "آگوست": 8, "اگوست": 8,
    # as Afghan media write them
    "جنوری": 1, "فبروری": 2, "مارچ": 3, "اپریل": 4, "اگست": 8, "سپتمبر": 9, "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
}
HIJRI_MONTH_NAMES = ("محرم", "صفر", f"ربیع{ZWNJ}الاول", f"ربیع{ZWNJ}الثانی", f"جمادی{ZWNJ}الاول", f"جمادی{ZWNJ}الثانی",
                     "رجب", "شعبان", "رمضان", "شوال", f"ذی{ZWNJ}القعده", f"ذی{ZWNJ}الحجه")
_HIJRI_WRITTEN = {
    **{name: number for number, name in enumerate(HIJRI_MONTH_NAMES, 1)},
    f"ربیع{ZWNJ}الآخر": 4, f"جمادی{ZWNJ}الاولی": 5, f"جمادی{ZWNJ}الثانیه": 6, f"جمادی{ZWNJ}الآخر": 6,
    "ذیقعده": 11, "ذیحجه": 12,
    "ربیع اول": 3, "ربیع ثانی": 4, "جمادی اول": 5, "جمادی ثانی": 6,  # without "ال"
}
# Every Hijri month name, also with a space where a half-space belongs ("ربیع الاول").
HIJRI_MONTHS = {**_HIJRI_WRITTEN, **{k.replace(ZWNJ, " "): v for k, v in _HIJRI_WRITTEN.items() if ZWNJ in k}}
# Weekday names → Python's weekday numbers (Monday 0); the Persian week runs Saturday to Friday.
WEEKDAYS = {
    "شنبه": 5, "یکشنبه": 6, f"یک{ZWNJ}شنبه": 6, "دوشنبه": 0, f"سه{ZWNJ}شنبه": 1, "سشنبه": 1,
    "چهارشنبه": 2, "چارشنبه": 2, "پنجشنبه": 3, f"پنج{ZWNJ}شنبه": 3, "جمعه": 4, "آدینه": 4,
}
# The seasons of the solar year → their first Jalali month.
SEASONS = {"بهار": 1, "تابستان": 4, "پاییز": 7, "زمستان": 10}
# Words and abbreviations that name the calendar of a date written before them.
CALENDAR_WORDS = {
    "هجری شمسی": JALALI, "هجری خورشیدی": JALALI, "شمسی": JALALI, "خورشیدی": JALALI, "ه.ش": JALALI, "ه.ش.": JALALI,
    "هجری قمری": HIJRI, "قمری": HIJRI, "ه.ق": HIJRI, "ه.ق.": HIJRI, "ق": HIJRI, "هجری": HIJRI,
    "میلادی": GREGORIAN, "م": GREGORIAN,
}
# The calendar words that name a calendar on their own, wherever they stand in a text.
PLAIN_CALENDAR_WORDS = {word: CALENDAR_WORDS[word] for word in ("میلادی", "شمسی", "خورشیدی", "قمری")}
# A year written with two digits counts from the century the press means: "۹۵" is 1395.
SHORT_YEAR_BASE = {JALALI: 1300, HIJRI: 1400, GREGORIAN: 2000}
# The Hijri years hijridate's Umm al-Qura tables hold (1924-08-01 to 2077-11-16).
HIJRI_YEARS = (1343, 1500)


def month_calendar(name: str) -> str:
    """The calendar of a month (or season) name: "تیر" and "اسد" Jalali,
    "رمضان" Hijri, any other Gregorian."""
    if name in JALALI_MONTHS or name in SEASONS or name in JALALI_VARIANTS or name in AFGHAN_MONTHS:
        return JALALI
    if name in HIJRI_MONTHS:
        return HIJRI
    return GREGORIAN


def month_number(name: str) -> int:
    """The number (1–12) of a month name of any calendar; KeyError for another word."""
    if name in AFGHAN_MONTHS:
        return AFGHAN_MONTHS[name]
    name = JALALI_VARIANTS.get(name, name)
    if name in JALALI_MONTHS:
        return JALALI_MONTHS.index(name) + 1
    if name in HIJRI_MONTHS:
        return HIJRI_MONTHS[name]
    return GREGORIAN_MONTHS[name]


def full_year(year: int, calendar: str) -> int:
    """A year written with one or two digits in its century ("۹۵" → 1395 Jalali,
    2095 Gregorian); a longer one as it is."""
    return year + SHORT_YEAR_BASE[calendar] if year < 100 else year


def to_gregorian(calendar: str, year: int | None, month: int | None, day: int | None) -> date | None:
    """The Gregorian date of a day written in `calendar`, or None when there is
    no such day (Esfand 30 of a common year) or the converter cannot reach it."""
    if year is None or month is None or day is None:
        return None
    try:
        if calendar == JALALI:
            import jdatetime

            return jdatetime.date(year, month, day).togregorian()
        if calendar == HIJRI:
            from hijridate import Hijri

            return Hijri(year, month, day).to_gregorian()
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def month_end(calendar: str, year: int | None, month: int) -> date | None:
    """The Gregorian date of the last day of a month of `calendar`, or None."""
    if year is None:
        return None
    for day in (31, 30, 29, 28):
        last = to_gregorian(calendar, year, month, day)
        if last is not None:
            return last
    return None


def year_end(calendar: str, year: int) -> date | None:
    """The Gregorian date of the last day of a year of `calendar`, or None."""
    return month_end(calendar, year, 12)


def year_month(day: date, calendar: str) -> tuple[int, int]:
    """The year and month that hold a Gregorian date in `calendar`."""
    year, month, _ = day_in(day, calendar)
    return year, month


def day_in(day: date, calendar: str) -> tuple[int, int, int]:
    """The year, month and day of a Gregorian date in `calendar` (OverflowError
    for a Hijri one outside the years the tables hold)."""
    if calendar == JALALI:
        import jdatetime

        jalali = jdatetime.date.fromgregorian(date=day)
        return jalali.year, jalali.month, jalali.day
    if calendar == HIJRI:
        from hijridate import Gregorian

        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
        return hijri.year, hijri.month, hijri.day
    return day.year, day.month, day.day
