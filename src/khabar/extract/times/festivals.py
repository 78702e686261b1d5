"""Named days and festivals: "نوروز ۱۳۹۹", "شب یلدا", "روز عاشورا", "عید فطر",
"دهه فجر", "روز خبرنگار"; named weeks ("هفته دفاع مقدس"); anniversaries of
well-known events ("هجدهمین سالگرد ارتحال امام"). Within the year written (a Jalali year below 1500, as
the Iranian press counts them, else Gregorian), or else the occurrence nearest
the publication date. Hijri days follow the Umm al-Qura tables, which can
differ from Iran's official calendar by a day."""

from __future__ import annotations

import re
from datetime import date, timedelta

from khabar.extract.numberwords import ordinal_value
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


# Weeks of Iran's official calendar the press names: calendar, month, first day, last day; None
# where the days move from year to year or khabar does not hold them (the week is found, without a value).
NAMED_WEEKS: dict[str, tuple[str, int, int, int] | None] = {
    "دفاع مقدس": (JALALI, 6, 31, 37), "دولت": (JALALI, 6, 2, 8), "وحدت": (HIJRI, 3, 12, 17),
    **dict.fromkeys((
        "اصناف", "بسیج", "کتاب", "سلامت", "معلم", "نیروی انتظامی", "ناجا", "محیط زیست", "منابع طبیعی",
        "پژوهش", "مجلس", "قوه قضاییه", "تربیت بدنی", "ملی کودک", "کار و کارگر", "هلال احمر", "هلال‌احمر",
        "جهاد کشاورزی", "شوراها", "بیمه", "تعاون", "صنعت و معدن", "ازدواج", "نماز", "عفاف و حجاب",
        "پرستار", "فرهنگ عمومی", "تربیت اسلامی", "آموزش همگانی", "صرفه‌جویی", "زن", "سلامت مردان",
        "میراث فرهنگی", "گردشگری", "پدافند غیرعامل", "امر به معروف", "خوابگاه", "قرآن", "مساجد",
    ), None),
}
NAMED_WEEK_REASON = "a named week whose days khabar's calendar does not hold"


def _resolve_named_week(hit: Hit) -> Found:
    days = NAMED_WEEKS[hit["name"]]
    if days is None:
        return hit.found("interval", None, None, NAMED_WEEK_REASON)
    cal, month, first, last = days
    if hit.today is None:
        return hit.found("interval", None, cal, UNKNOWN_YEAR)
    found = sorted(_occurrences(cal, month, first, hit.today), key=lambda d: abs((d - hit.today).days))
    if not found:
        return hit.found("interval", None, cal, "outside the calendar converter's range")
    return hit.found("interval", interval(found[0], found[0] + timedelta(days=last - first)), cal)


NAMED_WEEK = Rule(
    "named_week",
    pattern=lambda w: rf"{WORD_START}هفته(?:\u200cی)?\s+(?P<name>{alternation(NAMED_WEEKS)}){WORD_END}",
    resolve=_resolve_named_week,
    keywords=lambda: ["هفته"],
    needs=lambda w: rf"هفته(?:\u200cی)?\s+(?:{alternation(NAMED_WEEKS)})",
    examples=(
        Example("هفته دفاع مقدس", "2021-09-22/2021-09-28"),
        Example("هفته وحدت", "2021-10-18/2021-10-23"),
        Example("هفته اصناف", None),
    ),
)

# Events the press counts anniversaries of: a pattern, the calendar, year, month and day.
_EVENTS: tuple[tuple[str, str, int, int, int], ...] = (
    (r"(?:ارتحال|رحلت)\s+(?:جانگداز\s+|جانسوز\s+)?(?:حضرت\s+)?(?:امام(?:\s+خمینی)?(?:\s*\(ره\))?(?!\s+(?:حسن|حسین|علی|رضا|صادق|باقر|کاظم|جواد|هادی|عسکری|سجاد|زین|موسی|محمد|جعفر|زمان|دوازدهم))"
     r"|بنیان[\s\u200c]?گذار\s+(?:کبیر\s+)?(?:انقلاب(?:\s+اسلامی)?|جمهوری\s+اسلامی))", JALALI, 1368, 3, 14),
    (r"پیروزی\s+(?:شکوهمند\s+)?انقلاب(?:\s+اسلامی)?", JALALI, 1357, 11, 22),
    (r"(?:ورود|بازگشت)\s+(?:تاریخی\s+)?(?:حضرت\s+)?امام\s+خمینی", JALALI, 1357, 11, 12),
    (r"تسخیر\s+لانه\s+جاسوسی", JALALI, 1358, 8, 13),
    (r"(?:آزادسازی|آزادی|فتح)\s+(?:خونین\s*شهر|خرمشهر)", JALALI, 1361, 3, 3),
    (r"قیام\s+(?:خونین\s+)?(?:۱۵|15|پانزده)\s+خرداد", JALALI, 1342, 3, 15),
    (r"آغاز\s+(?:جنگ\s+تحمیلی|دفاع\s+مقدس)", JALALI, 1359, 6, 31),
    (r"(?:فاجعه|حادثه)\s+(?:هفتم|۷|7|هفت)\s+تیر", JALALI, 1360, 4, 7),
    (r"بمباران\s+شیمیایی\s+سردشت", JALALI, 1366, 4, 7),
    (r"(?:سرنگونی|انهدام|حمله\s+به)\s+هواپیمای\s+(?:مسافربری\s+)?(?:ایرباس|ایران[\s\u200c]?ایر)", JALALI, 1367, 4, 12),
    (r"شهادت\s+(?:(?:سردار|سپهبد|حاج|شهید)\s+)*(?:قاسم\s+)?سلیمانی", JALALI, 1398, 10, 13),
    (r"شهادت\s+(?:(?:استاد|آیت[\s\u200c]?(?:ال)?له|شهید)\s+)*(?:مرتضی\s+)?مطهری", JALALI, 1358, 2, 12),
    (r"(?:حملات|حمله|حادثه|حوادث|رویداد)\s+(?:۱۱|11)\s+سپتامبر", GREGORIAN, 2001, 9, 11),
)
_EVENT_GROUPS = "|".join(f"(?P<event{i}>{pattern})" for i, (pattern, *_) in enumerate(_EVENTS))
UNKNOWN_EVENT = "an anniversary of an event whose date khabar does not hold"


def _resolve_anniversary(hit: Hit) -> Found | None:
    """"هجدهمین سالگرد ارتحال امام": the day that many years after the event;
    "سالروز پیروزی انقلاب": its anniversary nearest the publication date; "هفتصدمین
    سالگرد" of an event khabar does not know is found without a value."""
    which = next((i for i in range(len(_EVENTS)) if hit[f"event{i}"]), None)
    n = _ordinal(hit["ordinal"]) if hit["ordinal"] else None
    if which is None:
        return hit.found("date", None, None, UNKNOWN_EVENT) if n else None
    _, cal, year, month, day = _EVENTS[which]
    if n:
        value = to_gregorian(cal, year + n, month, day)
        return hit.found("date", value.isoformat() if value else None, cal, "outside the calendar converter's range")
    if hit.today is None:
        return hit.found("date", None, cal, UNKNOWN_YEAR)
    found = sorted(_occurrences(cal, month, day, hit.today), key=lambda d: abs((d - hit.today).days))
    return hit.found("date", found[0].isoformat() if found else None, cal, "outside the calendar converter's range")


def _ordinal(text: str) -> int | None:
    """"هجدهمین" → 18, "۳۰ امین" → 30."""
    digits = re.match(rf"{DIGIT}+", text)
    value = to_int(digits.group()) if digits else ordinal_value(text)
    return value if isinstance(value, int) and value > 0 else None


ANNIVERSARY = Rule(
    "anniversary",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<ordinal>{w.ordinal}|{DIGIT}{{1,4}}[\s\u200c]*(?:امین|مین|ام)(?![\w\u200c])|(?:{w.number_word})(?:\s+و\s+|[\s\u200c]?و[\s\u200c]?)?(?:{w.number_word})?(?:مین|م)(?![\w\u200c]))\s+)?(?:سالگرد|سالروز)"
        rf"(?:\s+(?:{_EVENT_GROUPS}))?{WORD_END}"
    ),
    resolve=_resolve_anniversary,
    keywords=lambda: ["سالگرد", "سالروز"],
    needs=lambda w: r"سالگرد|سالروز",
    examples=(
        Example("هجدهمین سالگرد ارتحال امام خمینی", "2007-06-04"),
        Example("سالروز پیروزی انقلاب اسلامی", "2021-02-10"),
        Example("پنجاهمین سالگرد", None),
        Example("هشتصدمین سالگرد", None),
    ),
    rejects=("در سالروز تأسیس این مدرسه جشن گرفتند.", "سالروز رحلت امام رضا"),
)
