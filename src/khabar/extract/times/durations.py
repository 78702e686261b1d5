"""Amounts of time: durations ("۳ روز" → P3D, "۲۳ ساعت" → PT23H), points that
many units from the publication date ("دو روز پیش", "سه هفته دیگر"), the
stretch up to it ("در ۳ سال گذشته"), ranges ("۲ تا ۳ سال پیش", "یکی دو روز
پیش"), shifts waiting for the date named next ("سه روز پس از ۱۲ تیر"), and ages
("۲۵ سالگی")."""

from __future__ import annotations

import math
import re
from datetime import date, timedelta

from khabar.extract.times.found import (
    DURATION_RANGE,
    NOT_A_TIME,
    OUT_OF_RANGE,
    UNKNOWN_PUBLICATION,
    VAGUE_AMOUNT,
    Found,
    Hit,
    Shift,
)
from khabar.extract.times.fragments import DIGIT, UNIT_WORDS, WORD_END, WORD_START, lazy
from khabar.extract.times.lexicon import (
    CLOCK_UNITS,
    NEXT_WORDS,
    PAST_WORDS,
    UNIT_FACTOR,
    UNITS,
    UP_TO_TODAY,
    unit_keywords,
)
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import amount_text, number, shift_day
from khabar.persian.calendar import GREGORIAN

_AGE_GROUP_BEFORE = re.compile(r"(?<![\w\u200c])(?:زیر|رده\s+سنی)\s+$")
_NAVAD_BEFORE = re.compile(r"برنامه\s+$")  # "برنامه نود": a television programme
_FROM_AFTER = re.compile(r"\s+از(?![\w\u200c])")
# Before "یک روز" of a story: the start of a clause.
_CLAUSE_START = re.compile(r"[:.!?؟«\n،؛]\s*$")
# After "یک روز" of an amount: words that count or measure from it.
_AMOUNT_AFTER = lazy(lambda w: (
    r"\s*(?:[.،؛:!?؟)»]|$|(?:قبل|پس|بعد|پیش|تا|مانده|باقی|طول|کامل|تمام|دیگر|بیشتر|کمتر|زودتر|دیرتر|فرصت|وقت|مهلت|"
    r"استراحت|تعطیل|کاری|از|به|برای|و|یا|است|بود|در\s+(?:روز|هفته|ماه|سال))(?![\w\u200c]))"))
ONE_DAY = "'one day' of a story: an indefinite day, not an amount of time"
_WORD_AMOUNTS = {"چند": None, "چندین": None, "یک": 1, "یکی": 1, "نیم": 0.5}


def _resolve_span(hit: Hit) -> Found | None:
    text, start = hit.text, hit.start
    if hit["unit"] == "سال" and _AGE_GROUP_BEFORE.search(text, max(0, start - 12), start) and (number(hit["amount"]) or 99) <= 25:
        # "جام جهانی زیر ۲۰ سال", "تیم زیر ۲۳ سال قبل از بازی": an age group, not a span of time;
        # kept as a candidate that is then dropped, so that no shorter find ("سال قبل") takes its place
        return hit.found(NOT_A_TIME, None, None, "an age group")
    if hit["amount"] == "نود" and _NAVAD_BEFORE.search(text[max(0, start - 8) : start]):
        return None  # "برنامه نود هفته گذشته": the programme "Navad" last week, not ninety weeks
    said = hit["amount"]
    if _one_day_once(hit):
        return hit.found("date", None, None, ONE_DAY)
    n = _WORD_AMOUNTS.get(said, number(said)) if said else None
    if (hit["half"] or hit["half_before"]) and n is not None:
        n += 0.5
    unit, relative = hit["unit"], hit["relative"]
    if hit["to_amount"]:
        return _ranged_span(hit, n, number(hit["to_amount"]), unit, relative)
    if n is None and said and (pair := _adjacent_pair(said)):  # "دو سه ماه دیگر": two or three months
        return _ranged_span(hit, *pair, unit, relative)
    if n is None:  # "چند روز", "چند روز پیش" (a day), "چند سال اخیر" (the years up to the day)
        point = "time" if unit in CLOCK_UNITS else "date"  # "چند دقیقه بعد"
        kind = "duration" if relative is None else "interval" if relative in UP_TO_TODAY else point
        return hit.found(kind, None, None, VAGUE_AMOUNT)
    return _amount_of_units(hit, n * UNIT_FACTOR.get(unit, 1), unit, relative)


def _one_day_once(hit: Hit) -> bool:
    """"یک روز امیر به من گفت": "one day" beginning a clause is a day of a story,
    not an amount of time ("یک روز بعد", "یک روز طول کشید", "یک روز در هفته" are amounts)."""
    if hit["amount"] not in ("یک", "یه") or hit["unit"] not in ("روز", "شب") or hit.span.strip() not in ("یک روز", "یه روز", "یک شب", "یه شب"):
        return False
    text, start = hit.text, hit.start
    if not _CLAUSE_START.search(text, max(0, start - 4), start) and text[max(0, start - 4) : start].strip():
        return False
    return not _AMOUNT_AFTER().match(text, hit.stop)


def _amount_of_units(hit: Hit, amount: float, unit: str, relative: str | None) -> Found:
    """A known amount of units: a duration, a point from the publication date,
    the stretch up to it, or a shift from a time named next."""
    code, today = UNITS[unit], hit.today
    if relative is None:
        return hit.found("duration", f"PT{amount_text(amount)}{code}" if unit in CLOCK_UNITS else f"P{amount_text(amount)}{code}")
    if relative == "دیگر":  # "دو روز دیگر" is a date whether or not the publication date is known
        if today is None:
            return hit.found("date", None, None, UNKNOWN_PUBLICATION)
        return hit.found("date", shift_day(today, amount, code, unit, 1), GREGORIAN, OUT_OF_RANGE)
    if relative.endswith("مانده"):
        relative = "قبل"  # "۶ هفته مانده به المپیک": six weeks before it
    if relative == "بعد" or (relative == "قبل" and hit.span.endswith("مانده")) or (
            relative in ("قبل", "پیش") and _FROM_AFTER.match(hit.text[hit.stop : hit.stop + 6])):
        reason = "after a time the text named before" if relative == "بعد" else "before an event the text names"
        kind = "time" if unit in CLOCK_UNITS else "date"  # "۵ دقیقه مانده به پایان بازی"
        found = hit.found(kind, None, None, reason)  # "دو سال بعد", "یک هفته قبل از انتخابات"
        found.shift = Shift(amount, code, unit, 1 if relative == "بعد" else -1)  # "… قبل از ۱۲ تیر" resolves it
        return found
    if today is None:
        return hit.found("date", None, None, UNKNOWN_PUBLICATION)
    direction = PAST_WORDS.get(relative, 0) or NEXT_WORDS.get(relative, 0)
    point = shift_day(today, amount, code, unit, direction)
    if unit == "ساعت" and relative in ("گذشته", "اخیر", "آینده", "آتی"):  # "۲۴ ساعت گذشته": the days those hours may touch
        point = (today + timedelta(days=direction * math.ceil(amount / 24))).isoformat()
    if point is None:
        return hit.found("date", None, None, OUT_OF_RANGE)
    if relative in UP_TO_TODAY:  # "در ۳ سال گذشته": the interval up to today
        value = f"{point}/{today.isoformat()}" if direction < 0 else f"{today.isoformat()}/{point}"
        return hit.found("interval", value, GREGORIAN)
    return hit.found("date", point, GREGORIAN)


def _adjacent_pair(words: str) -> tuple[int, int] | None:
    """Two numbers one after the other said as a range: "دو سه" → (2, 3)."""
    parts = words.split()
    if len(parts) == 2:
        a, b = number(parts[0]), number(parts[1])
        if isinstance(a, int) and isinstance(b, int) and 1 <= a < 10 and b == a + 1:
            return a, b
    return None


def _ranged_span(hit: Hit, n: float | None, n2: float | None, unit: str, relative: str | None) -> Found:
    """"۲ تا ۳ روز پیش", "یکی دو سال آینده", "یک یا دو هفته دیگر": the days
    between the two amounts back or on from the publication date (from today for
    "گذشته"/"آینده", which count the time up to it); without such a word, or
    after one that counts from another time ("بعد"), a range of durations has no
    ISO value."""
    today: date | None = hit.today
    direction = PAST_WORDS.get(relative or "", 0) or NEXT_WORDS.get(relative or "", 0)
    if n is None or n2 is None or not direction or relative == "بعد":
        return hit.found("duration", None, None, DURATION_RANGE)
    if today is None:
        return hit.found("interval", None, None, UNKNOWN_PUBLICATION)
    code = UNITS[unit]
    near, far = (shift_day(today, amount * UNIT_FACTOR.get(unit, 1), code, unit, direction) for amount in sorted((n, n2)))
    if unit == "ساعت":  # "۲۴ تا ۴۸ ساعت آینده": the days those hours may touch
        far = (today + timedelta(days=direction * math.ceil(max(n, n2) / 24))).isoformat()
    if relative in UP_TO_TODAY or unit in CLOCK_UNITS:
        near = today.isoformat()
    if near is None or far is None:
        return hit.found("interval", None, None, OUT_OF_RANGE)
    value = f"{far}/{near}" if direction < 0 else f"{near}/{far}"
    return hit.found("interval", value, GREGORIAN)


SPAN = Rule(
    "span",
    pattern=lambda w: (
        rf"{WORD_START}(?P<amount>{w.number}|چند|چندین|یک|یه|نیم(?=[\s\u200c])|یکی(?=\s+(?:دو|سه)\s))(?P<half_before>\s+و\s+نیم)?"
        rf"(?:(?:\s*(?:تا|الی|-|یا)\s*|(?<=یکی)\s+)(?P<to_amount>{w.number}))?[\s\u200c]*(?P<unit>{w.unit})"
        rf"(?:[یه]|\u200cی(?=\s+(?:{w.past_or_next}){WORD_END}))?(?=(?:‌ای|‌ست)?{WORD_END})(?P<half>\s+و\s+نیم)?(?P<per>\s+در\s+(?:روز|هفته|ماه|سال))?"
        rf"(?:\s+(?P<relative>{w.past_or_next}|(?:باقی\s*)?مانده(?=\s+به(?![\w\u200c]))){WORD_END})?"
    ),
    resolve=_resolve_span,
    keywords=unit_keywords,
    needs=lambda w: rf"(?:(?:{WORD_START}|(?<=و))(?:{w.number_word}|چند|چندین|یک|یه|نیم)|[0-9۰-۹])[\s\u200c]*(?:{UNIT_WORDS})",
    joined=True,
    examples=(
        Example("۳ روز", "P3D"),
        Example("۲۳ ساعت", "PT23H"),
        Example("دو روز پیش", "2021-06-28"),
        Example("سه هفته دیگر", "2021-07-21"),
        Example("۳ سال گذشته", "2018-06-30/2021-06-30"),
        Example("۲ تا ۳ سال پیش", "2018-06-30/2019-06-30"),
        Example("یکی دو روز پیش", "2021-06-28/2021-06-29"),
        Example("دو سال و نیم", "P2.5Y"),
        Example("چند روز", None),
    ),
    rejects=("تیم زیر ۲۳ سال",),
)

AGE = Rule(
    "age",
    pattern=lambda w: rf"{WORD_START}(?P<years>{DIGIT}{{1,3}}|{w.number_word}(?:\s+و\s+{w.number_word})?)\s*سالگی{WORD_END}",
    resolve=lambda hit: hit.found("duration", f"P{amount_text(n)}Y" if (n := number(hit["years"])) else None, None, "not a number"),
    keywords=lambda: ["سالگی"],
    needs=lambda w: r"سالگی",
    examples=(Example("۲۵ سالگی", "P25Y"), Example("هفتاد سالگی", "P70Y")),
)


VAGUE_SPAN = Rule(  # "دقایقی پیش", "ساعاتی بعد": a few minutes or hours from a time not said
    "vague_span",
    pattern=lambda w: rf"{WORD_START}(?:دقایقی|ساعاتی|لحظاتی|ثانیه‌هایی)\s+(?:پیش|قبل|بعد|دیگر){WORD_END}",
    resolve=lambda hit: hit.found("time", None, None, VAGUE_AMOUNT),
    keywords=lambda: ["دقایقی", "ساعاتی", "لحظاتی", "ثانیه‌هایی"],
    needs=lambda w: r"(?:دقایقی|ساعاتی|لحظاتی|هایی)\s",
    examples=(Example("دقایقی پیش", None), Example("ساعاتی بعد", None)),
)
