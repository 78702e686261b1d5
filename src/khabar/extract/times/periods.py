"""Weeks, months and years relative to the publication date: "هفته گذشته",
"سال جاری", "امسال", "این هفته", parts of them ("اوایل سال آینده", "از آغاز
سال جاری", "۴ ماه نخست سال جاری میلادی"), quarters ("سه‌ماهه سوم ۲۰۲۱"), and
periods the text counts but does not place ("سومین روز", "همان سال")."""

from __future__ import annotations

import re
from datetime import date

from khabar.extract.times.found import (
    HIJRI_RANGE_REASON,
    NOT_RESOLVED,
    UNKNOWN_PUBLICATION,
    UNKNOWN_YEAR,
    Found,
    Hit,
)
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START, Fragments, lazy
from khabar.extract.times.lexicon import NEXT_WORDS, PAST_WORDS, QUARTERS, unit_keywords
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import (
    calendar_cue,
    current,
    edge_of,
    interval,
    months_of,
    number,
    to_int,
    year_of,
)
from khabar.persian.calendar import (
    CALENDAR_WORDS,
    GREGORIAN,
    HIJRI,
    JALALI,
    month_end,
    to_gregorian,
    year_end,
    year_month,
)

_THIS_YEAR = ["امسال", "پارسال"]
ANAPHORIC_REASON = "refers to a time named earlier in the text"
# How far from a new year's first day "سال جدید" still says which year it is: the one just begun or about to.
_NEW_YEAR_REACH = 150
_STARTS = ("آغاز", "ابتدای", "شروع", "اول")
_ENDS = ("پایان", "آخر", "انتهای", "انتها", "اواخر")


def _calendar(hit: Hit) -> str:
    """The calendar written after the expression, else the one the text last named, else Jalali."""
    return CALENDAR_WORDS.get(hit["calendar"] or "") or calendar_cue(hit.text, hit.start) or JALALI


def _shift(hit: Hit) -> int:
    """How many units from the current one: "پارسال" -1, "سال آینده" 1."""
    if hit["this_year"] == "امسال":
        return 0
    if hit["this_year"] == "پارسال":
        return -1
    relative = hit["relative"]
    return PAST_WORDS.get(relative, 0) or NEXT_WORDS.get(relative, 0)


def _resolve_period(hit: Hit) -> Found:
    if hit["anaphor"]:  # "در این سال": the year named before it (context.resolve_anaphora)
        return hit.found("interval", None, None, ANAPHORIC_REASON)
    unit = "سال" if hit["this_year"] else hit["week"] or hit["unit"]  # "این هفته": the week of the publication date
    cal = _calendar(hit)
    if hit.today is None:
        return hit.found("interval", None, cal, UNKNOWN_PUBLICATION)
    if hit["plural"] or hit["relative"] == "اخیر" or unit not in ("هفته", "ماه", "سال"):
        return hit.found("interval", None, cal, "a vague period: not resolved to dates")
    value = interval(*current(hit.today, cal, unit, _shift(hit)))
    reason = None if value else HIJRI_RANGE_REASON if cal == HIJRI else NOT_RESOLVED  # "سال گذشته" (Hijri) in 1924
    return hit.found("interval", value, cal if unit != "هفته" else GREGORIAN, reason)


PERIOD = Rule(
    "period",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<this_year>امسال|پارسال)|(?:(?:این|همین|همان)\s+)?(?P<unit>هفته|ماه|سال|فصل|قرن|دهه)(?P<plural>‌های|ها)?\s+"
        rf"(?P<relative>{w.relative})|(?:این|همین)\s+(?P<week>هفته)|(?P<anaphor>(?:این|آن)\s+سال))(?:\s+(?P<calendar>{w.calendar}){WORD_END})?{WORD_END}"
    ),
    resolve=_resolve_period,
    keywords=lambda: ["ماه", "سال", "هفته", "قرن", "دهه", "فصل", *_THIS_YEAR],
    needs=lambda w: r"امسال|پارسال|هفته|ماه|سال|فصل|قرن|دهه",
    joined=True,
    examples=(
        Example("هفته گذشته", "2021-06-19/2021-06-25"),
        Example("سال جاری", "2021-03-21/2022-03-20"),
        Example("امسال", "2021-03-21/2022-03-20"),
        Example("این هفته", "2021-06-26/2021-07-02"),
        Example("ماه آینده میلادی", "2021-07-01/2021-07-31"),
        Example("سال‌های اخیر", None),
        Example("آن سال", None),
    ),
)


def _part_of_period_pattern(w: Fragments) -> str:
    return (
        rf"{WORD_START}(?:(?:از\s+)?(?P<edge>اوایل|اواخر|اواسط|ابتدای|آغاز|شروع|اول|پایان|آخر|انتهای|انتها|(?:نیمه|نیمسال)\s+(?:اول|نخست|دوم))\s+|"
        rf"(?P<count>{w.number}|{w.number_word})[\s\u200c]*(?:(?P<count_unit>ماهه|ماه)(?:\u200cی)?\s+(?P<which>نخست|اول|ابتدای|پایانی|آخر|دوم)|ماهه)\s+)"
        rf"(?:(?P<this_year>امسال|پارسال)|(?P<unit>سال|ماه|هفته|قرن|دهه)(?:\s+(?P<relative>{w.relative})|(?!\s+(?:{DIGIT}|(?:{w.month}|{w.ordinal}|تحصیلی|زراعی|آبی|مبارک){WORD_END})|(?<=سال)\s+(?:جدید|نو){WORD_END})))"
        rf"(?:\s+(?P<calendar>{w.calendar}){WORD_END})?{WORD_END}"
    )


def _resolve_part_of_period(hit: Hit) -> Found:
    unit = "سال" if hit["this_year"] else hit["unit"]
    cal, today = _calendar(hit), hit.today
    if today is None or unit not in ("سال", "ماه", "هفته"):
        return hit.found("interval", None, cal, UNKNOWN_PUBLICATION if today is None else NOT_RESOLVED)
    first, last = current(today, cal, unit, _shift(hit))
    if first is None or last is None:  # "اوایل سال گذشته قمری" in 1924: before the Hijri tables
        return hit.found("interval", None, cal, HIJRI_RANGE_REASON if cal == HIJRI else NOT_RESOLVED)
    edge = hit["edge"].split()[0] if hit["edge"] else None
    if hit["count"]:  # "۴ ماه نخست سال": the first n months
        n = int(number(hit["count"]) or 0)
        months = months_of(first, cal, n, from_end=hit["which"] in ("پایانی", "آخر")) if unit == "سال" and 1 <= n <= 12 else None
        if months is None:  # "۰ ماه اول ماه": no such months
            return hit.found("interval", None, cal, NOT_RESOLVED)
        first, last = months
    elif edge in _STARTS and hit.span.startswith("از") and first <= today:
        last = today  # "از آغاز سال جاری": up to the publication date
    elif edge in (*_STARTS, "اوایل"):
        last = first + (last - first) / 3
    elif edge in _ENDS:
        first = last - (last - first) / 3
    elif edge == "اواسط":
        third = (last - first) / 3
        first, last = first + third, last - third
    elif edge in ("نیمه", "نیمسال"):
        half = "second_half" if "دوم" in hit["edge"] else "first_half"
        first, last = edge_of(half, first, last, cal if unit == "سال" else None)
    value = interval(first, last)
    return hit.found("interval", value, cal if unit != "هفته" else GREGORIAN, NOT_RESOLVED)


PART_OF_PERIOD = Rule(
    "part_of_period",
    pattern=_part_of_period_pattern,
    resolve=_resolve_part_of_period,
    keywords=lambda: ["ماه", "سال", "هفته", "قرن", "دهه", *_THIS_YEAR],
    needs=lambda w: r"ماه|سال|هفته|قرن|دهه",
    joined=True,
    examples=(
        Example("۴ ماه نخست سال جاری میلادی", "2021-01-01/2021-04-30"),
        Example("از آغاز سال جاری", "2021-03-21/2021-06-30"),
        Example("اواخر سال گذشته", "2020-11-19/2021-03-20"),
        Example("نیمه دوم امسال", "2021-09-23/2022-03-20"),
    ),
    rejects=("تا پایان سال تحصیلی",),
)


def _resolve_quarter(hit: Hit) -> Found:
    """"سه‌ماهه سوم ۲۰۲۱": the three months of that quarter of the year."""
    written = to_int(hit["year"]) if hit["year"] else None
    cal = CALENDAR_WORDS.get(hit["calendar"] or "") or (
        (GREGORIAN if written >= 1500 else JALALI) if written else calendar_cue(hit.text, hit.start) or JALALI)
    if written:
        year = written
    elif hit.today is not None:
        this = hit["this_year"] or ""
        year = year_of(hit.today, cal) + (-1 if ("گذشته" in this or this == "پارسال") else 1 if "آینده" in this else 0)
    else:
        return hit.found("interval", None, cal, UNKNOWN_YEAR)
    last_month = 3 * QUARTERS[hit["quarter"]]
    return hit.found("interval", interval(to_gregorian(cal, year, last_month - 2, 1), month_end(cal, year, last_month)), cal)


QUARTER = Rule(
    "quarter",
    pattern=lambda w: (
        rf"{WORD_START}سه[\s\u200c]?ماهه(?:\u200cی|\u0654)?\s+(?P<quarter>{w.quarter})"
        rf"(?:\s+(?:سال\s+)?(?:(?P<year>{DIGIT}{{4}})(?!{DIGIT})|(?P<this_year>امسال|پارسال|سال\s+(?:جاری|گذشته|آینده))))?"
        rf"(?:\s+(?P<calendar>{w.calendar}))?{WORD_END}"
    ),
    resolve=_resolve_quarter,
    keywords=lambda: ["ماهه"],
    needs=lambda w: r"ماهه",
    examples=(Example("سه‌ماهه سوم ۲۰۲۱", "2021-07-01/2021-09-30"), Example("سه‌ماهه نخست امسال", "2021-03-21/2021-06-21")),
)

_MONTH_AFTER = lazy(lambda w: rf"\s+(?:{w.month}){WORD_END}")
_IN_A_ROW = re.compile(r"\s*(?:متوالی|پیاپی|پی\s*در\s*پی|پی\u200cدرپی|پی\u200cدر\u200cپی|پشت\s+سر\s+هم)(?![\w\u200c])")
_SCHOOL_YEAR_AFTER = re.compile(r"\s+(?:تحصیلی|زراعی|آبی)(?![\w\u200c])")


def _resolve_ordinal_period(hit: Hit) -> Found | None:
    unit, ordinal = hit["unit"], hit["ordinal"]
    if unit == "ماه" and _MONTH_AFTER().match(hit.text, hit.stop):
        return None  # "نیمه دوم ماه سپتامبر": the month is named after
    if _IN_A_ROW.match(hit.text, hit.stop):
        return None  # "برای دومین سال متوالی": a count of years, not a time
    if _SCHOOL_YEAR_AFTER.match(hit.text[hit.stop : hit.stop + 10]):
        return None  # "اول سال تحصیلی": the school year, not the calendar's
    if ordinal and ordinal.endswith("م") and unit == "روز" and not hit.span.startswith(("ربع", "نیمه")):
        return None  # "لیگ شانزدهم روز …": the ordinal ends the phrase before; "روز شانزدهم", "شانزدهمین روز" are days
    return hit.found("interval", None, None, "an ordinal period: not resolved to dates")


ORDINAL_PERIOD = Rule(
    "ordinal_period",
    pattern=lambda w: (
        rf"{WORD_START}(?:ربع\s+|نیمه\s+)?(?P<ordinal>{w.ordinal})\s+(?P<unit>روز|هفته|ماه|سال|ساعات|دقایق|روزهای|ماه‌های|سال‌های)(?:\s+سال)?{WORD_END}(?!\s+{DIGIT})"
        rf"|{WORD_START}(?:همان\s+|همین\s+)?(?:ساعات|روزهای|ماه‌های|ماه\s+های|سال‌های|هفته‌های)\s+(?:اول|نخست|پایانی|آخر|اخیر|گذشته|آینده)(?:\s+(?:سال|ماه))?{WORD_END}"
    ),
    resolve=_resolve_ordinal_period,
    keywords=unit_keywords,
    needs=lambda w: (
        r"(?:م|مین|نخست|اول|آخر)\s+(?:روز|هفته|ماه|سال|ساعات|دقایق|روزهای|ماه‌های|سال‌های)"
        r"|(?:ساعات|روزهای|ماه‌های|ماه\s+های|سال‌های|هفته‌های)\s+(?:اول|نخست|پایانی|آخر|اخیر|گذشته|آینده)"
    ),
    joined=True,
    examples=(Example("سومین روز", None), Example("روزهای پایانی سال", None)),
    rejects=("این تیم برای سومین سال متوالی قهرمان شد", "برای دومین هفته پیاپی"),
)

ANAPHORIC = Rule(  # the year of "همان سال" is the one named just before it (context.resolve_anaphora)
    "anaphoric",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<month>{w.jalali_month})[\s\u200c]*(?:ماه)?\s+)?(?:همان|همین)\s+(?P<unit>سال|ماه|هفته|روز|روزها|سال‌ها){WORD_END}"
    ),
    resolve=lambda hit: hit.found("interval", None, None, ANAPHORIC_REASON),
    keywords=lambda: ["همان", "همین"],
    needs=lambda w: r"همان|همین",
    examples=(Example("همان سال", None), Example("مهر همان سال", None)),
)


# Words that place a story around the first of January in a country of the Christian
# calendar: its month names, Christmas, and countries and cities that keep that new year.
_CHRISTIAN_CUE = re.compile(
    r"(?<![\w\u200c])(?:ژانویه|ژانویهٔ|دسامبر|کریسمس|میلادی|آمریکا|امریکا|ایالات\s+متحده|واشنگتن|نیویورک|فلوریدا|کالیفرنیا|"
    r"اروپا|انگلیس|انگلستان|بریتانیا|لندن|فرانسه|پاریس|آلمان|برلین|ایتالیا|اسپانیا|روسیه|مسکو|کانادا|استرالیا|"
    r"برزیل|مکزیک|آرژانتین|لهستان|اوکراین|یونان|سوئد|نروژ|هلند|بلژیک|سوئیس|اتریش|ژاپن|کره\s+جنوبی|فیلیپین)(?![\w\u200c])")


def _christian_new_year_cue(text: str) -> bool:
    """Whether the article names a Christian-calendar month, Christmas or country."""
    return _CHRISTIAN_CUE.search(text) is not None


def _near_new_year_day(day: date) -> bool:
    """Whether `day` is within three weeks of a first of January."""
    return min(abs((date(y, 1, 1) - day).days) for y in (day.year, day.year + 1)) <= 21


def _resolve_new_year(hit: Hit) -> Found:
    """"سال جدید", "سال نو": the year (of the calendar written, else the one the
    text last named, else Jalali) whose first day is nearest the publication
    date; "آغاز سال جدید" is that first day. Far from any new year the words do
    not say which year they mean, and around the first of January, with no
    calendar named, not whether it is the Christian or the Iranian one."""
    cal = _calendar(hit)
    kind = "date" if hit["edge"] else "interval"
    if hit.today is None:
        return hit.found(kind, None, cal, UNKNOWN_PUBLICATION)
    if not hit["calendar"] and calendar_cue(hit.text, hit.start) is None and _near_new_year_day(hit.today):
        if not _christian_new_year_cue(hit.text):
            return hit.found(kind, None, None, "a new year named around the first of January: the Christian or the Iranian one is not said")
        cal = GREGORIAN  # "مهمانی سال نو … در فلوریدا" on the 3rd of January: the Christian new year
    this = year_of(hit.today, cal)
    firsts = [(y, to_gregorian(cal, y, 1, 1)) for y in (this, this + 1)]
    year, first = min(((y, d) for y, d in firsts if d is not None), key=lambda yd: abs((yd[1] - hit.today).days))
    if abs((first - hit.today).days) > _NEW_YEAR_REACH:
        return hit.found(kind, None, cal, "a new year named far from any new year: which one is not said")
    if hit["edge"]:
        return hit.found("date", first.isoformat(), cal)
    return hit.found("interval", interval(first, year_end(cal, year)), cal, NOT_RESOLVED)


NEW_YEAR = Rule(
    "new_year",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<edge>آغاز|شروع|ابتدای|تحویل|حلول|فرارسیدن|فرا\s+رسیدن)\s+)?سال\s+(?:جدید|نوی?)"
        rf"(?:\s+(?P<calendar>{w.calendar}))?{WORD_END}(?!\s+(?:تحصیلی|زراعی|آبی|مالی){WORD_END})"
    ),
    resolve=_resolve_new_year,
    keywords=lambda: ["سال"],
    needs=lambda w: r"سال\s+(?:جدید|نو)",
    examples=(
        Example("سال جدید", "2021-03-21/2022-03-20"),  # 101 days after Nowruz: the year just begun
        Example("سال جدید میلادی", None),  # half a year from either first of January: which one is not said
        Example("آغاز سال جدید", "2021-03-21"),
        Example("سال نوی", "2021-03-21/2022-03-20"),
    ),
    rejects=("سال جدید تحصیلی از مهر آغاز می‌شود",),
)


def _resolve_crop_year(hit: Hit) -> Found:
    """"سال زراعی جاری": Iran's crop year, 1 Mehr to 31 Shahrivar, the one the
    publication date is in ("گذشته" the one before, "آینده" the one after)."""
    if hit.today is None:
        return hit.found("interval", None, JALALI, UNKNOWN_PUBLICATION)
    year, month = year_month(hit.today, JALALI)
    relative = hit["relative"]
    first_year = year - (month < 7) + (PAST_WORDS.get(relative, 0) or NEXT_WORDS.get(relative, 0))
    return hit.found("interval", interval(to_gregorian(JALALI, first_year, 7, 1), month_end(JALALI, first_year + 1, 6)), JALALI)


CROP_YEAR = Rule(
    "crop_year",
    pattern=lambda w: rf"{WORD_START}سال\s+زراعی\s+(?P<relative>جاری|گذشته|قبل|آینده|بعد|پیش){WORD_END}",
    resolve=_resolve_crop_year,
    keywords=lambda: ["زراعی"],
    needs=lambda w: r"سال\s+زراعی\s",
    examples=(
        Example("سال زراعی جاری", "2020-09-22/2021-09-22"),  # Tir 1400: the crop year that began in Mehr 1399
        Example("سال زراعی گذشته", "2019-09-23/2020-09-21"),
    ),
)

_PLAN_ORDINALS = "اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم"
PLAN_REASON = "a development plan: its years are not tabled"

DEVELOPMENT_PLAN = Rule(  # "تا پایان برنامه ششم توسعه": a period named by one of Iran's development plans
    "development_plan",
    pattern=lambda w: (
        rf"{WORD_START}(?<!قانون\s)(?<!لایحه\s)برنامه\s+(?:(?P<ordinal>{_PLAN_ORDINALS})\s+توسعه|توسعه\s+(?P<after>{_PLAN_ORDINALS})){WORD_END}"
        rf"|(?:(?<=پایان\s)|(?<=انتهای\s)|(?<=ابتدای\s)|(?<=آغاز\s)|(?<=طول\s)|(?<=دوره\s)|(?<=دوران\s))"
        rf"برنامه\s+(?P<bare>{_PLAN_ORDINALS}){WORD_END}(?!\s+(?:تلویزیون|سیما|رادیو|مسابقه|این|آن){WORD_END})"
    ),
    resolve=lambda hit: hit.found("interval", None, JALALI, PLAN_REASON),
    keywords=lambda: ["برنامه"],
    needs=lambda w: rf"برنامه\s+(?:{_PLAN_ORDINALS}|توسعه)",
    examples=(Example("برنامه ششم توسعه", None), Example("برنامه توسعه پنجم", None)),
    rejects=("برنامه ششم این مسابقه پخش شد", "قانون برنامه چهارم توسعه اصلاح شد"),  # a law's name
)
