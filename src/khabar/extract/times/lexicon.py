"""The words of time expressions that are not calendar names (those are in
`khabar.persian.calendar`): relative days, parts of the day, units of time,
the words that point back, ahead or at now, edges of a period, time zones."""

from __future__ import annotations

import re

from khabar.persian.calendar import (
    AFGHAN_MONTHS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    JALALI_MONTHS,
    JALALI_VARIANTS,
)

# Month names that are also everyday words: a date only with digits or a year.
AMBIGUOUS_MONTHS = frozenset({"دی", "تیر", "مهر", "آذر", "بهمن", "مرداد", "خرداد", "می", "مه", "صفر", "رجب"})
RELATIVE_DAYS = {"امروز": 0, "امشب": 0, "دیروز": -1, "دیشب": -1, "فردا": 1, "فرداشب": 1,
                 "پریروز": -2, "پریشب": -2, "پس‌فردا": 2, "شب گذشته": -1, "روز گذشته": -1}
# Parts of the day that name no hour on their own ("صبح امروز").
DAY_PART_WORDS = ("صبح", "بامداد", "ظهر", "بعدازظهر", "بعد از ظهر", "عصر", "غروب", "شب", "شامگاه", "صبحگاه",
                  "سحرگاه", "نیمه‌شب")
# Parts of the day after a clock → the hours they add (12: after noon).
DAY_PARTS = {"صبح": 0, "بامداد": 0, "ق.ظ": 0, "ق. ظ": 0, "AM": 0, "am": 0, "ظهر": 12,
             "بعدازظهر": 12, "بعد از ظهر": 12, "عصر": 12, "ب.ظ": 12, "ب. ظ": 12, "PM": 12, "pm": 12,
             "شب": 12, "غروب": 12}
# Units of time → their ISO 8601 duration letter; a decade or century counts years.
UNITS = {"ثانیه": "S", "دقیقه": "M", "ساعت": "H", "روز": "D", "شب": "D", "شبانه‌روز": "D",
         "هفته": "W", "ماه": "M", "سال": "Y", "دهه": "Y", "قرن": "Y", "سده": "Y"}
UNIT_FACTOR = {"دهه": 10, "قرن": 100, "سده": 100}
CLOCK_UNITS = frozenset(["ثانیه", "دقیقه", "ساعت"])  # "۵ دقیقه بعد" is a time of day, not a date
UNIT_OF_CODE = {"D": "روز", "W": "هفته", "M": "ماه", "Y": "سال"}
PAST_WORDS = {"گذشته": -1, "قبل": -1, "پیش": -1, "اخیر": -1, "پیشین": -1}
NEXT_WORDS = {"آینده": 1, "آتی": 1, "بعد": 1, "دیگر": 1, "پیش رو": 1, "پیش‌رو": 1}  # "سال پیش رو": the coming year
CURRENT_WORDS = {"جاری": 0, "کنونی": 0, "حاضر": 0, "فعلی": 0}
UP_TO_TODAY = frozenset(["گذشته", "اخیر", "آینده", "آتی", "پیش رو", "پیش‌رو"])  # "۳ سال گذشته": up to the day
QUARTERS = {"نخست": 1, "اول": 1, "دوم": 2, "سوم": 3, "چهارم": 4, "پایانی": 4, "آخر": 4}  # سه‌ماهه …
# Words before a period that name a part of it.
EDGES = {"اوایل": "start", "ابتدای": "start", "آغاز": "start", "شروع": "start", "اواخر": "end",
         "پایان": "end", "انتهای": "end", "اواسط": "middle", "نیمه اول": "first_half", "نیمه دوم": "second_half",
         "نیمسال اول": "first_half", "نیمسال نخست": "first_half", "نیمسال دوم": "second_half"}
# A period named by its end ("پایان سال", "اواخر مهر").
END_WORD = re.compile(r"(?:پایان|انتهای|انتها|اواخر)\s")
# "به وقت تهران": the clock's time zone (IANA names; "محلی", local time, names none).
TIME_ZONES = {
    "تهران": "Asia/Tehran", "ایران": "Asia/Tehran", "گرینویچ": "UTC", "جهانی": "UTC", "کابل": "Asia/Kabul",
    "افغانستان": "Asia/Kabul", "مسکو": "Europe/Moscow", "لندن": "Europe/London", "پاریس": "Europe/Paris",
    "برلین": "Europe/Berlin", "آنکارا": "Europe/Istanbul", "استانبول": "Europe/Istanbul", "ترکیه": "Europe/Istanbul",
    "بغداد": "Asia/Baghdad", "عراق": "Asia/Baghdad", "ریاض": "Asia/Riyadh", "دبی": "Asia/Dubai",
    "پکن": "Asia/Shanghai", "توکیو": "Asia/Tokyo", "واشنگتن": "America/New_York", "نیویورک": "America/New_York",
    "شرق آمریکا": "America/New_York", "محلی": None,
}


def month_keywords() -> list[str]:
    """Every month name, and the Jalali ones written together with "ماه" ("تیرماه")."""
    months = [*JALALI_MONTHS, *JALALI_VARIANTS, *GREGORIAN_MONTHS, *HIJRI_MONTHS, *AFGHAN_MONTHS]
    return months + [m + "ماه" for m in (*JALALI_MONTHS, *JALALI_VARIANTS)]


def unit_keywords() -> list[str]:
    """The units of time with the endings they take ("دو ساله", "روزی", "روزهای")."""
    units = ["روز", "هفته", "ماه", "سال", "قرن", "دهه", "سده", "ساعت", "دقیقه", "ثانیه", "شب", "فصل", "ساعات", "دقایق"]
    return units + [u + end for u in units for end in ("ه", "ی", "ها", "های")]
