"""Expressions found side by side made one: a date and its clock time ("۱۲ تیر
ساعت ۱۰"), the two ends of a range ("از ۱۵ اسفند تا ۴ فروردین"), a shift and
the date it counts from ("سه روز پس از ۱۲ تیر"), a clock time and the day after
it ("ساعت ۱۰ صبح امروز"), durations in a row ("۲۳ ساعت و ۵ دقیقه")."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from khabar.extract.times.dates import DATE_NUMERIC, DATE_WORDS
from khabar.extract.times.found import (
    DURATION_RANGE,
    OUT_OF_RANGE,
    UNKNOWN_PUBLICATION,
    UNRESOLVED_END,
    UNRESOLVED_PART,
    Found,
    Hit,
)
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START, lazy
from khabar.extract.times.lexicon import (
    DAY_PART_WORDS,
    EDGES,
    END_WORD,
    RELATIVE_DAYS,
    UNIT_OF_CODE,
)
from khabar.extract.times.values import add_durations, clock_hour, shift_day, to_iso
from khabar.persian.calendar import CALENDAR_WORDS, GREGORIAN

_INTERVAL = re.compile(r"\s*(?:تا|الی|لغایت|-|–)\s*")
_FROM_BEFORE = re.compile(r"(?:از|بین|طی|در)\s*$")
_DATE_THEN_CLOCK = re.compile(r"\s*(?:(?:حدود|در|از|،)\s*)?(?:ساعت\s*)?")
_CLOCK_THEN_DATE = re.compile(r"\s*(?:،\s*)?(?:در\s+)?(?:(?:تاریخ|روز)\s*)?")
_SHIFT_GAP = re.compile(
    r"\s*(?:(?:(?P<direction>پس|بعد|قبل|پیش)\s+)?از|(?P<to>به))\s*"
    r"(?:(?:عید|جشن|انتخابات|حادثه|واقعه|مراسم|سالروز)\s+)?"  # "سه روز پس از انتخابات ۲۸ خرداد"
)
_FROM_IN_TARGET = re.compile(r"از\s+")  # "۱۵ روز قبل" | "از سال ۹۹": the "از" went to the year
_NO_FROM = re.compile(r"\s*(?:(?:پس|بعد|قبل|پیش)\s*)?")
_ISO_DAYS = re.compile(r"P(?P<amount>[0-9.]+)(?P<code>[DWMY])")
# Days named by their evening: a clock time with them is in the evening ("امشب ساعت ۸").
_EVENING_DAY = re.compile(r"(?<![\w\u200c])(?:امشب|دیشب|فرداشب|پریشب|شب|عصر|غروب|شامگاه)(?![\w\u200c])")
_DAY_PART_AFTER = re.compile(r"\s+(?:صبح|عصر|شب|ظهر|بامداد|غروب|شامگاه|صبحگاه|نیمه‌شب|بعد\s+از\s+ظهر|بعدازظهر)(?![\w\u200c])")
_CALENDAR_AFTER = lazy(lambda w: rf"\s+(?P<calendar>{w.calendar}){WORD_END}")
_DAY_AFTER = lazy(lambda w: rf"\s+(?:روز\s+)?(?P<relative_day>{w.relative_day}){WORD_END}")
_WEEKDAY_SAID = lazy(lambda w: rf"\s*\(\s*(?P<weekday>{w.weekday})")
_RELATIVE_DAY_IN = lazy(lambda w: rf"{WORD_START}(?:{w.relative_day}){WORD_END}")
_WEEKDAY_IN = lazy(lambda w: rf"{WORD_START}(?:{w.weekday}){WORD_END}")
_WRITTEN_DATE = lazy(lambda w: rf"{DIGIT}|{WORD_START}(?:{w.month})")  # a day written with its month, or digits

Joiner = Callable[[str, Found, Found, str], "Found | None"]


def merge(text: str, found: list[Found]) -> list[Found]:
    """Join each expression with the next where the words between make them one
    (see _JOINERS, tried in order); nothing joins across a line break."""
    out: list[Found] = []
    i = 0
    while i < len(found):
        cur = found[i]
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = text[cur.end : nxt.start] if nxt else ""
        joined = None
        if nxt is not None and "\n" not in gap:
            for joiner in _JOINERS:
                if (joined := joiner(text, cur, nxt, gap)) is not None:
                    break
        out.append(joined or cur)
        i += 2 if joined else 1
    return out


def _shifted(text: str, cur: Found, nxt: Found, gap: str) -> Found | None:
    """"سه روز پس از ۱۲ تیر", "یک هفته قبل از ۱۲ تیر", "۱۵ روز قبل از سال ۹۹"."""
    if nxt.kind in ("date", "interval") and nxt.value and not nxt.value.startswith("T"):
        return _shifted_from(text, cur, gap, nxt)
    return None


def _date_then_clock(text: str, cur: Found, nxt: Found, gap: str) -> Found | None:
    """"۱۲ تیر ساعت ۱۰": a datetime; a calendar word after the clock names the date's calendar."""
    if not (cur.kind == "date" and nxt.kind == "time" and _DATE_THEN_CLOCK.fullmatch(gap)):
        return None
    end = nxt.end
    calendar_after = _CALENDAR_AFTER().match(text, end)
    if calendar_after:  # "۱۳۲۳-۰۳-۲۳ ۱۲:۴۲ قمری"
        cur = _in_calendar(cur, calendar_after["calendar"])
        end = calendar_after.end() if cur.calendar == CALENDAR_WORDS[calendar_after["calendar"]] else end
    value = datetime_value(cur.value, cur.text, nxt)
    return Found(cur.start, end, text[cur.start : end], "datetime", value, cur.calendar,
                 None if value else cur.reason or UNRESOLVED_PART)


def _clock_then_date(text: str, cur: Found, nxt: Found, gap: str) -> Found | None:
    """"ساعت ۱۰ روز ۱۲ تیر": a datetime."""
    if not (cur.kind == "time" and nxt.kind == "date" and _CLOCK_THEN_DATE.fullmatch(gap)):
        return None
    value = datetime_value(nxt.value, nxt.text, cur)
    return Found(cur.start, nxt.end, text[cur.start : nxt.end], "datetime", value, nxt.calendar,
                 None if value else nxt.reason or cur.reason or UNRESOLVED_PART)


def _range_of_days(text: str, cur: Found, nxt: Found, gap: str) -> Found | None:
    """"از ۱۵ اسفند تا ۴ فروردین", "۲۰۱۴-۲۰۱۳": an interval from the first's start
    to the second's end (a year written only at the end is also the start's)."""
    kinds = ("date", "datetime", "interval")
    if not (_INTERVAL.fullmatch(gap) and cur.kind in kinds and nxt.kind in kinds
            and (cur.calendar == nxt.calendar or gap.strip() not in ("-", "–"))):  # "23 نوامبر - سوم آذر": one day, two calendars
        return None
    start = cur.start
    before = _FROM_BEFORE.search(text[max(0, start - 6) : start])
    if before:
        start -= len(text[max(0, start - 6) : start]) - before.start()
    if (cur.parts and not cur.parts.year_written and nxt.parts and nxt.parts.year
            and cur.calendar == nxt.calendar):
        cur.value = to_iso(cur.calendar, nxt.parts.year, cur.parts.month, cur.parts.day)
        cur.parts.year = nxt.parts.year
    _across_new_year(cur, nxt)
    lo = cur.value.split("/")[0] if cur.value else None
    hi = nxt.value.split("/")[-1] if nxt.value else None
    if lo and hi and lo > hi and cur.kind == nxt.kind == "interval":  # "۲۰۱۴-۲۰۱۳": typed right to left
        lo, hi = nxt.value.split("/")[0], cur.value.split("/")[-1]
    value = f"{lo}/{hi}" if lo and hi else None
    return Found(start, nxt.end, text[start : nxt.end], "interval", value, cur.calendar or nxt.calendar,
                 None if value else UNRESOLVED_END)


def _range_of_clocks(text: str, cur: Found, nxt: Found, gap: str) -> Found | None:
    """"۸:۳۰ تا ۱۰:۰۰": an interval of clock times."""
    if not (cur.kind == nxt.kind == "time" and _INTERVAL.fullmatch(gap)):
        return None
    value = f"{cur.value}/{nxt.value}" if cur.value and nxt.value else None
    return Found(cur.start, nxt.end, text[cur.start : nxt.end], "interval", value, None, None if value else UNRESOLVED_END)


def _range_of_durations(text: str, cur: Found, nxt: Found, gap: str) -> Found | None:
    """"دو روز تا یک هفته": a range of durations, which ISO cannot write."""
    if not (cur.kind == nxt.kind == "duration" and gap.strip() in ("تا", "الی")):
        return None
    return Found(cur.start, nxt.end, text[cur.start : nxt.end], "duration", None, None, DURATION_RANGE)


_JOINERS: tuple[Joiner, ...] = (_shifted, _date_then_clock, _clock_then_date, _range_of_days, _range_of_clocks,
                                _range_of_durations)


def _across_new_year(cur: Found, nxt: Found) -> None:
    """"از ۱۵ اسفند تا ۴ فروردین", "از ۲۴ اسفند تا ۱۵ فروردین ۹۷": a range whose end
    comes before its start crosses a new year; the end moves a year on, or the
    start a year back, whichever has no year written."""
    if not (cur.kind == nxt.kind == "date" and cur.value and nxt.value and cur.value > nxt.value
            and cur.calendar == nxt.calendar and cur.parts and nxt.parts):
        return
    if not nxt.parts.year_written:
        moved, shift = nxt, 1
    elif not cur.parts.year_written:
        moved, shift = cur, -1
    else:
        return  # both years written: the text says what it says
    if moved.parts.year:
        value = to_iso(moved.calendar, moved.parts.year + shift, moved.parts.month, moved.parts.day)
        moved.value = value or moved.value


def _shifted_from(text: str, cur: Found, gap: str, target: Found) -> Found | None:
    """"n units before/after" followed by "از" and a date or a period: that
    date moved, or the period's first day moved back / its last day moved on
    ("۱۵ روز قبل از سال ۹۹", "دو هفته پس از ماه رمضان"); an edge of a period
    is its first or its last day ("ده روز پیش از پایان سال")."""
    inside = _FROM_IN_TARGET.match(target.text) if _NO_FROM.fullmatch(gap) else None
    m = _SHIFT_GAP.fullmatch(gap + (inside.group() if inside else ""))
    if m is None or (m["to"] and not cur.text.endswith("مانده")):  # "سه روز مانده به ۱۲ تیر"
        return None
    if cur.kind == "date" and cur.shift is not None and not m["direction"]:
        amount, code, unit, direction = cur.shift.amount, cur.shift.code, cur.shift.unit, cur.shift.direction
    elif cur.kind == "duration" and m["direction"] and cur.value and (d := _ISO_DAYS.fullmatch(cur.value)):
        amount, code = float(d["amount"]), d["code"]
        unit, direction = UNIT_OF_CODE[code], -1 if m["direction"] in ("قبل", "پیش") else 1
    else:
        return None
    if unit not in ("روز", "شب", "هفته", "ماه", "سال"):
        return None
    first, _, last = target.value.partition("/")
    named = target.text[inside.end() :] if inside else target.text
    head = named.split(maxsplit=1)
    if END_WORD.match(named):
        anchor = last or first  # "پایان سال": its last day
    elif len(head) == 2 and EDGES.get(head[0]) == "start":
        anchor = first  # "۳ روز قبل از آغاز سال": its first day
    else:
        anchor = first if direction < 0 or not last else last
    value = shift_day(date.fromisoformat(anchor[:10]), amount, code, unit, direction)
    return Found(cur.start, target.end, text[cur.start : target.end], "date", value, target.calendar,
                 None if value else OUT_OF_RANGE)


def _in_calendar(found: Found, calendar_word: str) -> Found:
    """A date written without its calendar word, read again with the word after it."""
    if found.calendar == CALENDAR_WORDS[calendar_word]:
        return found
    written = f"{found.text} {calendar_word}"
    for rule in (DATE_WORDS, DATE_NUMERIC):
        if (m := rule.regex.fullmatch(written)) and (redone := rule.resolve(Hit(written, m, None))) is not None:
            return Found(found.start, found.end, found.text, "date", redone.value, redone.calendar, redone.reason)
    return found


def datetime_value(day_value: str | None, day_text: str, time: Found) -> str | None:
    """The day's date and the time's clock as one value (None if either is
    unknown); the clock moves to the evening when the day says evening and the
    time names no part of the day ("امشب ساعت ۸" → T20:00)."""
    clock = time.value
    if not day_value or not clock:
        return None
    part = _EVENING_DAY.search(day_text)
    if part is not None and not any(p in time.text for p in DAY_PART_WORDS):
        word = "شب" if "شب" in part.group() else part.group()
        clock = f"T{clock_hour(int(clock[1:3]), word):02d}{clock[3:]}"
    return day_value + clock


def chain(text: str, found: list[Found], today: date | None = None) -> list[Found]:
    """Expressions that follow each other with only a space or "و" between them
    are one expression ("شنبه عصر", "۲۳ ساعت و ۵ دقیقه", "۱۳۹۵/۰۸/۱۹ ۱۳:۳۱");
    a clock time takes the day named after it ("ساعت ۱۰ صبح امروز")."""
    out: list[Found] = []
    for expr in found:
        if out and expr.start < out[-1].end:
            continue  # inside a time that took the day after it
        if out and _weekday_said(text, out[-1], expr):
            out[-1].set_span(text, out[-1].start, expr.end + text.startswith(")", expr.end))
            continue  # "صبح امروز (شنبه)": the weekday says which day today is
        expr = _with_day_after(text, expr, today)
        part = _DAY_PART_AFTER.match(text, expr.end)
        if part and expr.kind in ("date", "datetime") and not text[expr.start : expr.end].startswith("ساعت"):
            expr.set_span(text, expr.start, part.end())
        if out and _chains(text, out[-1], expr):
            out.append(_join(text, out.pop(), expr))
        else:
            out.append(expr)
    return out


def _weekday_said(text: str, prev: Found, expr: Found) -> bool:
    """"امروز (شنبه)": a weekday in brackets after a relative day."""
    said = _WEEKDAY_SAID().fullmatch(text, prev.end, expr.end)
    return (said is not None and expr.kind == "date" and _RELATIVE_DAY_IN().search(prev.text) is not None
            and said["weekday"] == expr.text)


def _with_day_after(text: str, expr: Found, today: date | None) -> Found:
    """A clock time followed by a relative day ("ساعت ۱۰ امروز"): a datetime."""
    day = _DAY_AFTER().match(text, expr.end) if expr.kind == "time" else None
    if day is None:
        return expr
    said = day["relative_day"]
    offset = RELATIVE_DAYS[re.sub(r"\s+", " ", said)]
    value = datetime_value((today + timedelta(days=offset)).isoformat() if today else None, said, expr)
    return Found(expr.start, day.end(), text[expr.start : day.end()], "datetime", value, GREGORIAN,
                 None if value else UNKNOWN_PUBLICATION)


def _chains(text: str, prev: Found, expr: Found) -> bool:
    """Whether `expr` continues `prev` as one expression."""
    gap = text[prev.end : expr.start]
    words = gap.strip()
    durations_alike = (prev.kind == "duration") == (expr.kind == "duration")  # not "سال گذشته ۶۳ شب"
    day_then_clocks = prev.kind == "date" and expr.kind == "interval" and (expr.value or "T").startswith("T")
    period_then_today = (  # "لیگ سال ۱۳۹۶ | امروز (پنج‌شنبه)", "در فصل جاری | بامداد فردا"; not "ساعات پایانی دیشب"
        prev.kind == "interval" and expr.kind in ("date", "datetime") and _RELATIVE_DAY_IN().search(expr.text)
        and (prev.value and not prev.value.startswith("T") or "فصل" in prev.text))
    year_then_weekday = (  # "امسال | روز جمعه": a weekday does not narrow a year or a month to one day
        prev.kind == "interval" and expr.kind == "date" and _WEEKDAY_IN().search(expr.text) is not None
        and _long_interval(prev.value))
    return bool("\n" not in gap and durations_alike and not period_then_today and not year_then_weekday and (
        words == "" or (words == "و" and prev.kind == expr.kind == "duration")
        or (words == "از" and day_then_clocks)))  # "روز شنبه از ساعت ۸ تا ۱۴"


def _long_interval(value: str | None) -> bool:
    """Whether `value` is an interval of days four weeks long or longer."""
    if not value or "/" not in value or value.startswith("T"):
        return False
    first, last = value.split("/")
    try:
        return (date.fromisoformat(last[:10]) - date.fromisoformat(first[:10])).days >= 27
    except ValueError:
        return False


def _join(text: str, a: Found, b: Found) -> Found:
    """One expression from two adjacent ones; a date and a time make a datetime."""
    span = text[a.start : b.end]
    for date_part, time_part in ((a, b), (b, a)):
        if date_part.kind == "date" and time_part.kind == "time":
            value = datetime_value(date_part.value, date_part.text, time_part)
            return Found(a.start, b.end, span, "datetime", value, date_part.calendar, None if value else UNRESOLVED_PART)
    if a.kind == b.kind == "duration" and a.value and b.value and a.value.startswith("P") and b.value.startswith("P"):
        return Found(a.start, b.end, span, "duration", add_durations(a.value, b.value))
    for day, clocks in ((a, b), (b, a)):
        if day.kind == "date" and clocks.kind == "interval" and (clocks.value or "").startswith("T"):
            return Found(a.start, b.end, span, "interval", _clocks_on(day.value, clocks.value, day is b),
                         day.calendar, None if day.value else UNRESOLVED_PART)
    if (b.value and b.kind in ("date", "datetime") and a.kind in ("date", "datetime") and _RELATIVE_DAY_IN().search(a.text)
            and _WRITTEN_DATE().search(b.text)):
        # "امروز سه‌شنبه ۲۰ فروردین": the date written, with the clock of "ساعت ۱۷ امروز" if it has none
        if a.kind == "datetime" and b.kind == "date" and a.value and "T" in a.value:
            return Found(a.start, b.end, span, "datetime", b.value + a.value[a.value.index("T"):], b.calendar)
        return Found(a.start, b.end, span, b.kind, b.value, b.calendar, b.reason)
    keep = a if a.value else b
    return Found(a.start, b.end, span, keep.kind, keep.value, keep.calendar, keep.reason)


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
