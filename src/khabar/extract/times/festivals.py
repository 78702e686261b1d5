"""Named days and festivals: "نوروز ۱۳۹۹", "شب یلدا", "روز عاشورا", "عید فطر",
"دهه فجر", "روز خبرنگار". Within the year written (a Jalali year below 1500, as
the Iranian press counts them, else Gregorian), or else the occurrence nearest
the publication date. Hijri days follow the Umm al-Qura tables, which can
differ from Iran's official calendar by a day."""

from __future__ import annotations

from datetime import date, timedelta

from khabar.extract.times.found import UNKNOWN_YEAR, Found, Hit
from khabar.extract.times.fragments import DIGIT, UNIT_WORDS, WORD_END, WORD_START, alternation
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import interval, to_int, year_of
from khabar.persian.calendar import (
    GREGORIAN,
    HIJRI,
    JALALI,
    full_year,
    month_end,
    to_gregorian,
    year_end,
)

# Named days: calendar, month, first day, last day (None: one day).
NAMED_DAYS: dict[str, tuple[str, int, int, int | None]] = {
    "نوروز": (JALALI, 1, 1, None), "سیزده‌به‌در": (JALALI, 1, 13, None), "سیزده به در": (JALALI, 1, 13, None),
    "سیزده بدر": (JALALI, 1, 13, None), "روز طبیعت": (JALALI, 1, 13, None), "یلدا": (JALALI, 9, 30, None),
    "دهه فجر": (JALALI, 11, 12, 22), "تاسوعا": (HIJRI, 1, 9, None), "عاشورا": (HIJRI, 1, 10, None),
    "اربعین": (HIJRI, 2, 20, None), "مبعث": (HIJRI, 7, 27, None), "عید مبعث": (HIJRI, 7, 27, None),
    "نیمه شعبان": (HIJRI, 8, 15, None), "عید فطر": (HIJRI, 10, 1, None), "عید سعید فطر": (HIJRI, 10, 1, None),
    "عیدالفطر": (HIJRI, 10, 1, None), "عید قربان": (HIJRI, 12, 10, None), "عید سعید قربان": (HIJRI, 12, 10, None),
    "عید اضحی": (HIJRI, 12, 10, None), "عیدالاضحی": (HIJRI, 12, 10, None), "عید غدیر": (HIJRI, 12, 18, None),
    "عید سعید غدیر": (HIJRI, 12, 18, None), "غدیر خم": (HIJRI, 12, 18, None), "شب قدر": (HIJRI, 9, 19, 23),
    "شب‌های قدر": (HIJRI, 9, 19, 23), "لیالی قدر": (HIJRI, 9, 19, 23), "ایام البیض": (HIJRI, 7, 13, 15),
    "ایام‌البیض": (HIJRI, 7, 13, 15), "کریسمس": (GREGORIAN, 12, 25, None), "سال نو میلادی": (GREGORIAN, 1, 1, None),
    # days of Iran's official calendar and world days the press names
    "روز دانشجو": (JALALI, 9, 16, None), "روز معلم": (JALALI, 2, 12, None), "روز خبرنگار": (JALALI, 5, 17, None),
    "روز ارتش": (JALALI, 1, 29, None), "روز جمهوری اسلامی": (JALALI, 1, 12, None),
    "روز ملی خلیج فارس": (JALALI, 2, 10, None), "روز خلیج فارس": (JALALI, 2, 10, None),
    "روز جهانی کارگر": (GREGORIAN, 5, 1, None), "روز کارگر": (GREGORIAN, 5, 1, None),
    "روز جهانی زن": (GREGORIAN, 3, 8, None), "روز پدر": (HIJRI, 7, 13, None), "روز مرد": (HIJRI, 7, 13, None),
    "روز زن": (HIJRI, 6, 20, None), "روز مادر": (HIJRI, 6, 20, None),
    "روز قدس": (HIJRI, 9, 0, None), "روز جهانی قدس": (HIJRI, 9, 0, None),  # day 0: the month's last Friday
}


def _resolve_named_day(hit: Hit) -> Found | None:
    cal, month, day, last = NAMED_DAYS[hit["name"]]
    kind = "interval" if last else "date"
    if hit["ezafe"] == "ی" and not hit["head"] and not hit["name"].endswith(("ا", "و")):
        return None  # "سارینا نوروزی": a surname; "تعطیلات نوروزی" is the festival; "یلدای امسال" an ezafe
    if hit["year"]:
        written = full_year(to_int(hit["year"]), cal)  # "نوروز ۹۲"
        if written > 2200:
            return None  # "نوروز ۳۵۰۰ ساله": an age, not a year
        year_cal = JALALI if written < 1500 else GREGORIAN
        lo, hi = to_gregorian(year_cal, written, 1, 1), year_end(year_cal, written)
        candidates = _occurrences(cal, month, day, lo) if lo and hi else []
        found = [d for d in candidates if lo <= d <= hi]
    elif hit.today is not None:
        found = sorted(_occurrences(cal, month, day, hit.today), key=lambda d: abs((d - hit.today).days))
    else:
        return hit.found(kind, None, cal, UNKNOWN_YEAR)
    if not found:
        return hit.found(kind, None, cal, "outside the calendar converter's range")
    first = found[0]
    if last:
        return hit.found("interval", interval(first, first + timedelta(days=last - day)), cal)
    return hit.found("date", first.isoformat(), cal)


def _occurrences(cal: str, month: int, day: int, near: date) -> list[date]:
    """The festival's dates in the year of its calendar that holds `near`, the one before and the one after."""
    try:
        year = year_of(near, cal)
    except (ValueError, OverflowError):
        return []
    if day == 0:  # "روز قدس": the last Friday of Ramadan
        ends = (month_end(cal, y, month) for y in (year - 1, year, year + 1))
        return [end - timedelta(days=(end.weekday() - 4) % 7) for end in ends if end is not None]
    dates = (to_gregorian(cal, y, month, day) for y in (year - 1, year, year + 1))
    return [d for d in dates if d is not None]


NAMED_DAY = Rule(
    "named_day",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<head>روز|شب|روزهای|ایام|تعطیلات|سفرهای|سفر|مسافران)\s+)?(?!(?<=زیارت\s)عاشورا)(?P<name>{alternation(NAMED_DAYS)})(?P<ezafe>ی|ِ)?{WORD_END}"
        rf"(?:\s+(?:سال\s+)?(?P<year>{DIGIT}{{4}}(?!{DIGIT})|(?<![یِ]\s){DIGIT}{{2}}(?!{DIGIT})(?!\s*(?:{w.not_year_after}|{UNIT_WORDS}){WORD_END})))?"
    ),
    resolve=_resolve_named_day,
    keywords=lambda: [*NAMED_DAYS, *(name + "ی" for name in NAMED_DAYS)],  # "یلدای"
    needs=lambda w: rf"{WORD_START}(?:{alternation(NAMED_DAYS)})",
    examples=(
        Example("شب یلدا", "2021-12-21"),
        Example("نوروز ۱۳۹۹", "2020-03-20"),
        Example("کریسمس ۲۰۲۰", "2020-12-25"),
        Example("دهه فجر", "2021-01-31/2021-02-10"),
        Example("عید فطر ۱۴۰۰", "2021-05-13"),
    ),
    rejects=("خانم سارینا نوروزی مقام اول را گرفت.", "مادران برایمان زیارت عاشورا می‌خوانند."),
)
