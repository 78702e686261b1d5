"""The words around an expression that belong to it: prepositions and edges of
a period before it ("در", "از", "اوایل", "تا پایان"), "تا کنون" and a time zone
("به وقت تهران") after it; and the last pass, which keeps expressions apart."""

from __future__ import annotations

import re
from datetime import date, datetime

from khabar.extract.times.found import UNKNOWN_PUBLICATION, Found
from khabar.extract.times.fragments import WORD_END, alternation, lazy
from khabar.extract.times.lexicon import EDGES, END_WORD, TIME_ZONES
from khabar.extract.times.values import a_year_earlier, edge_of, interval
from khabar.persian.calendar import day_in, to_gregorian, year_end
from khabar.persian.chars import ZWNJ

# Words before a time expression that belong to it (a temporal phrase, as the
# parstdex gold marks it): prepositions, approximations and the edges of a period.
_LEFT = re.compile(
    r"(?:(?<![\w\u200c])(?:(?:در|از|به)\s+تاریخ|حدفاصل|حد\s+فاصل|در\s+آستانه|بازه|به\s+مدت|در\s*طول|پس\s+از|بعد\s+از|قبل\s+از|در|از|طی|ظرف|تا|هر|بین|حدود|حدوداً|حدودا|"
    r"(?:در\s*)?(?:اوایل|اواخر|اواسط|ابتدای|آغاز|پایان|انتهای|شروع|(?:نیمه|نیمسال)\s+(?:اول|نخست|دوم)|نیمه)|شامگاه|صبحگاه|سحرگاه|بامداد|غروب|راس|رأس|بعد\s*از\s*ظهر|قبل\s*از\s*ظهر|قبل\s+ظهر|"
    r"ساعات\s+(?:اولیه|نخست|پایانی)|(?:نخستین|اولین|آخرین)\s+ساعات)\s*)$"
)
_TWO_ENDS = re.compile(r"\s(?:تا|و|الی)\s|[-–]")
_IN_BEFORE = re.compile(r"^در\s*(?=\S)(?!طول)")
_SPACES = re.compile(r"\s+")
_OPENING_BEFORE = re.compile(r"(?<![\w\u200c])(?:از\s+)?(?:اول|ابتدای|آغاز)\s+$")
_UNTIL_NOW = re.compile(
    r"\s+(?:تا\s*کنون|تاکنون|تا\s+امروز|تا\s+به\s+امروز|تا\s+حالا|تا\s+به\s+حال|به\s+این\s+(?:سو|طرف))(?![\w\u200c])")
_DIGITS = re.compile("[0-9۰-۹]+")
_ZONE_AFTER = lazy(lambda w: rf"\s+به\s+وقت\s+(?P<zone>{alternation(TIME_ZONES)}){WORD_END}")


def extend_left(text: str, expr: Found, today: date | None = None) -> Found:
    """Take in the words before the expression that belong to it; an edge word
    ("اوایل", "پایان") narrows an interval value to that part, and "تا پایان …"
    runs from the publication date to that end."""
    while True:
        m = _LEFT.search(text, max(0, expr.start - 14), expr.start)
        if m is None or m.start() == m.end():
            return expr
        word = _IN_BEFORE.sub("", _SPACES.sub(" ", m.group().strip())) or "در"
        if word == "بین" and not _TWO_ENDS.search(expr.text):
            return expr  # "بین" opens a range ("بین ۸ تا ۱۰"); before one time it is another word ("لیو بین بین")
        edge = EDGES.get(word)
        if word == "نیمه" or word.endswith(" نیمه"):
            days = _days_of(expr.value) if expr.kind == "interval" else None
            if days is None or not 27 <= (days[1] - days[0]).days <= 30:
                return expr  # "نیمه" before a month is its middle ("نیمه فوریه"); before anything else, another word
            edge = "middle"
        if edge and expr.kind == "interval" and (days := _days_of(expr.value)):
            first, last = days
            expr.value = interval(*edge_of(edge, first, last, expr.calendar))
            expr.whole_start = first
        if edge:
            expr.edged = True
        elif word == "تا" and expr.edged and (opening := _OPENING_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            # "اول تا اواسط آذر": from the start of the month to its middle
            if expr.whole_start and (days := _days_of(expr.value)):
                expr.value = interval(expr.whole_start, days[1])
            expr.set_span(text, opening.start(), expr.end)
            continue
        elif (word == "تا" and today is not None and expr.kind == "interval" and END_WORD.match(expr.text)
              and (days := _days_of(expr.value))):
            last = days[1]
            expr.value = interval(today, last) if last >= today else None
            expr.reason = None if expr.value else "an end before the publication date"
        expr.set_span(text, m.start(), expr.end)


def _days_of(value: str | None) -> tuple[date, date] | None:
    """The first and last day of an interval of days ("2021-01-01/2021-03-31"), or
    None for another value (clock times "T08:00/T10:00" have no days)."""
    if not value or "/" not in value:
        return None
    first, last = value.split("/")
    try:
        return date.fromisoformat(first[:10]), date.fromisoformat(last[:10])
    except ValueError:
        return None


def extend_right(text: str, expr: Found, today: date | None) -> Found:
    """"از سال ۹۲ تا کنون": the interval runs to the publication date."""
    m = _UNTIL_NOW.match(text, expr.end)
    if m is None:
        return expr
    expr.set_span(text, expr.start, m.end())
    first = expr.value.split("/")[0][:10] if expr.value else None
    year_unwritten = not _DIGITS.search(expr.text) or expr.parts is not None and not expr.parts.year_written
    if first and today and first > today.isoformat() and expr.calendar and year_unwritten:
        first = a_year_earlier(date.fromisoformat(first), expr.calendar).isoformat()  # "از ابتدای مهر تاکنون" in Tir: last Mehr
    expr.kind = "interval"
    expr.value = f"{first}/{today.isoformat()}" if first and today else None
    if today is None:
        expr.reason = UNKNOWN_PUBLICATION
    elif not expr.value:
        expr.reason = expr.reason or "a start that could not be resolved"  # "از چند ماه گذشته تاکنون"
    return expr


def with_zone(text: str, expr: Found, today: date | None) -> Found:
    """A clock time followed by its time zone: the span takes "به وقت …", and the
    value its UTC offset (for a time alone, the offset on the publication date)."""
    m = _ZONE_AFTER().match(text, expr.end) if expr.kind in ("time", "datetime") else None
    if m is None:
        return expr
    expr.set_span(text, expr.start, m.end())
    zone = TIME_ZONES[_SPACES.sub(" ", m["zone"])]
    if zone is None or not expr.value:
        return expr
    from zoneinfo import ZoneInfo

    day = date.fromisoformat(expr.value[:10]) if expr.kind == "datetime" else today
    if zone == "UTC":
        expr.value += "Z"
    elif day is not None:
        clock = expr.value.split("T")[1]
        hour, minute = int(clock[:2]) % 24, int(clock[3:5])
        offset = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone)).utcoffset()
        minutes = int(offset.total_seconds() // 60)
        expr.value += f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return expr


def apart(text: str, found: list[Found]) -> list[Found]:
    """No two expressions overlap once each has taken in the words around it: one
    inside the one before is dropped ("امروز" of "… تا به امروز"), and one that
    took in words of the one before gives them back ("۱۵ روز قبل" | "از سال ۹۹")."""
    out: list[Found] = []
    for t in found:
        if out and t.start < out[-1].end:
            if t.end <= out[-1].end:
                continue
            start = out[-1].end
            while start < t.end and (text[start].isspace() or text[start] == ZWNJ):
                start += 1
            t.set_span(text, start, t.end)
        out.append(t)
    return out


_YEAR_ANAPHOR = re.compile(r"(?:همان|همین|این|آن)\s+سال$")


def resolve_anaphora(text: str, found: list[Found]) -> list[Found]:
    """"در همان سال", "این سال": the year named last before it in the same
    paragraph, when that time is one whole year ("سال ۱۳۵۷", "سال جهاد اقتصادی");
    otherwise it stays without a value."""
    from khabar.extract.times.periods import ANAPHORIC_REASON

    for i, expr in enumerate(found):
        if expr.reason != ANAPHORIC_REASON or not _YEAR_ANAPHOR.search(expr.text):
            continue
        before = found[i - 1] if i else None
        if before is None or "\n" in text[before.end : expr.start] or not _whole_year(before):
            continue
        expr.value, expr.calendar, expr.reason = before.value, before.calendar, None
    return found


def _whole_year(expr: Found) -> bool:
    """Whether the expression's value is one whole year of its calendar."""
    days = _days_of(expr.value) if expr.kind == "interval" and expr.calendar else None
    if days is None:
        return False
    first, last = days
    try:
        year = day_in(first, expr.calendar)[0]
    except (ValueError, OverflowError):
        return False
    return to_gregorian(expr.calendar, year, 1, 1) == first and year_end(expr.calendar, year) == last
