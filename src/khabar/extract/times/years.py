"""Years: "سال ۱۴۰۰", "سال‌های ۹۲-۹۱", "۲۰۲۱ میلادی", "فصل ۹۴-۹۳" (a season of
a league), a year alone ("در ۱۳۹۹"), the year of "از ۹۲ تا کنون", a year by
the name Iran's Leader gave it ("سال جهاد اقتصادی": data/times/year_names.tsv)."""

from __future__ import annotations

import re
from functools import lru_cache

from khabar.extract.times.found import NOT_RESOLVED, Found, Hit
from khabar.extract.times.fragments import (
    DIGIT,
    UNIT_WORDS,
    WORD_END,
    WORD_START,
    Fragments,
    alternation,
    lazy,
)
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import interval, number, to_int, year_number, year_of
from khabar.persian.calendar import CALENDAR_WORDS, GREGORIAN, JALALI, to_gregorian, year_end


def _year_pattern(w: Fragments) -> str:
    return (
        rf"{WORD_START}(?:(?:در\s+)?سال(?:‌های|های)?\s+(?P<year>{w.year})(?:\s*(?:تا|-|–|و)\s*(?P<to_year>{DIGIT}{{2,4}}))?"
        rf"|(?P<year_before_calendar>{DIGIT}{{3,4}})(?:\s*(?:-|–|تا)?\s*(?P<to_year_before_calendar>{DIGIT}{{3,4}}))?(?=\s+(?:{w.calendar}){WORD_END})"
        rf"|(?:در\s+)?فصل\s+(?P<season_from>{DIGIT}{{2}}|{DIGIT}{{4}})\s*[-–/]\s*(?P<season_to>{DIGIT}{{2}}|{DIGIT}{{4}})(?!{DIGIT}))"
        rf"(?:\s+(?P<calendar>{w.calendar}){WORD_END})?(?P<before_christ>\s+قبل\s+از\s+میلاد)?(?!\s*(?:درصد|دلار|نفر))"
    )


def _resolve_year(hit: Hit) -> Found | None:
    written = hit["year"] or hit["year_before_calendar"] or hit["season_from"]
    if hit["season_from"] and abs(to_int(hit["season_from"]) - to_int(hit["season_to"])) != 1:
        return None  # "فصل ۹۴-۹۳" is a season of two years; "فصل ۳-۲" is a chapter
    first = number(written)
    if first is None or not isinstance(first, int):
        return None
    if not written[0].isdigit() and first < 1000:
        return None  # "سال ششم" of a journal, "سال یک": not years
    if hit["before_christ"]:
        return hit.found("interval", None, GREGORIAN, "a year before the common era")
    cal = CALENDAR_WORDS.get(hit["calendar"] or "") or (
        JALALI if 1200 <= first <= 1500 or first < 100 else GREGORIAN if 1500 < first <= 2200 else None)
    if cal is None:
        return None
    y_first = year_number(str(first), cal)
    second = hit["to_year"] or hit["to_year_before_calendar"] or hit["season_to"]
    y_last = year_number(second, cal) if second else y_first
    if y_first is None or y_last is None:
        return hit.found("interval", None, cal, "not a year")
    y_first, y_last = min(y_first, y_last), max(y_first, y_last)  # "سال ۹۲-۹۱": typed right to left
    return hit.found("interval", interval(to_gregorian(cal, y_first, 1, 1), year_end(cal, y_last)), cal, "not a valid year")


YEAR = Rule(
    "year",
    pattern=_year_pattern,
    resolve=_resolve_year,
    keywords=lambda: ["سال", "سال‌های", "سالهای", "فصل", *CALENDAR_WORDS],
    needs=lambda w: rf"سال|فصل\s+{DIGIT}|{WORD_START}(?:{w.calendar}){WORD_END}",
    examples=(
        Example("سال ۱۴۰۰", "2021-03-21/2022-03-20"),
        Example("سال‌های ۹۲-۹۱", "2012-03-20/2014-03-20"),
        Example("۲۰۲۱ میلادی", "2021-01-01/2021-12-31"),
        Example("فصل ۹۴-۹۳", "2014-03-21/2016-03-19"),
        Example("سال ۱۲۷۰ قمری", None),
    ),
    rejects=("سال ششم، شماره ۲",),
)


# A rate, not a year: "یک دلار ۱۳۲۰", "هر کرون سوئد ۱۳۱۴"; not "یورو ۲۰۱۶", the tournament.
_CURRENCY_BEFORE = lazy(lambda w: (
    rf"(?<![\w\u200c])(?:یک|هر|{DIGIT}+)\s+(?:{_currency_names()}|کرون)(?:\s+[^\W\d]+)?\s*[:=]?\s*$"))


def _currency_names() -> str:
    from khabar.extract.numbers import CURRENCIES

    return alternation(CURRENCIES)


def _resolve_bare_year(hit: Hit) -> Found | None:
    from khabar.extract.numbers import approx_before

    start = hit.start
    if approx_before(hit.text, start) or _CURRENCY_BEFORE().search(hit.text, max(0, start - 30), start):
        return None  # "حدود ۲۰۰۰ سرباز", "یک کرون سوئد ۱۳۱۴" (a rate): numbers, not years
    year = to_int(hit["year"])
    cal = JALALI if year < 1500 else GREGORIAN
    return hit.found("interval", interval(to_gregorian(cal, year, 1, 1), year_end(cal, year)), cal)


BARE_YEAR = Rule(
    "bare_year",
    pattern=lambda w: (
        rf"(?<![\w\u200c/.:٫٬,])(?P<year>(?:13[0-9]|14[0-4])[0-9]|(?:19|20)[0-9]{{2}}|[۱][۳][۰-۹][۰-۹]|[۱][۴][۰-۴][۰-۹]|[۱][۹][۰-۹][۰-۹]|[۲][۰][۰-۹][۰-۹])"
        rf"(?![\w\u200c/.:٫٬,])(?!\s*(?:{w.not_year_after}){WORD_END})"
    ),
    resolve=_resolve_bare_year,
    keywords=None,
    needs=lambda w: r"[12۱۲][0-9۰-۹]{3}",
    examples=(Example("۱۳۹۹", "2020-03-20/2021-03-20"), Example("2016", "2016-01-01/2016-12-31")),
    rejects=("حدود ۲۰۰۰ سرباز", "این کتاب ۱۴۰۰ صفحه دارد.", "یک کرون سوئد ۱۳۱۴ ریال"),
)


def _resolve_year_until_now(hit: Hit) -> Found | None:
    written = to_int(hit["year"])
    cal = GREGORIAN if 1900 <= written <= 2200 else JALALI
    year = year_number(str(written), cal)
    if cal == JALALI and not 1200 <= year <= 1500:
        return None
    return hit.found("interval", interval(to_gregorian(cal, year, 1, 1), year_end(cal, year)), cal)


YEAR_UNTIL_NOW = Rule(  # the year of "از ۹۲ تا کنون" (the stretch to now is taken in later)
    "year_until_now",
    pattern=lambda w: (
        rf"(?<=از\s)(?P<year>{DIGIT}{{2}}|{DIGIT}{{4}})(?=\s+(?:تا\s*کنون|تاکنون|تا\s+امروز|تا\s+به\s+امروز|تا\s+حالا)(?![\w\u200c]))"
    ),
    resolve=_resolve_year_until_now,
    keywords=lambda: ["کنون", "تاکنون", "امروز", "حالا"],
    needs=lambda w: r"تا\s*کنون|تا\s+امروز|تا\s+به\s+امروز|تا\s+حالا",
    examples=(Example("از ۹۲ تا کنون", "2013-03-21/2014-03-20"),),
)


# Separators between the words of a year's name: "تولید، اشتغال", "تولید - اشتغال", "تولید و اشتغال".
_NAME_GAP = r"(?:\s*[،,؛;:\-–ـ]\s*|\s+)(?:و\s+)?"
_NAME_WORDS = re.compile(r"[،,؛;:\-–ـ«»]+")  # what separates the words of a name (spaces aside)
_NAME_JUNK = re.compile(r"[\s\u200c،,؛;:\-–ـ«»]+")


def _name_key(words: str) -> str:
    """A year's name reduced to its letters: no "و" between words, no spaces or half-spaces."""
    return "".join(w for w in _NAME_JUNK.split(words) if w != "و")


@lru_cache(maxsize=1)
def year_names() -> dict[str, tuple[str, tuple[int, ...]]]:
    """The names of the years (data/times/year_names.tsv) as khabar normalizes
    them, by their letters (`_name_key`): key → (the name, the Jalali years so named)."""
    from khabar import normalize
    from khabar.resources import rows

    names: dict[str, tuple[str, tuple[int, ...]]] = {}
    for year, name in rows("times/year_names.tsv"):
        written = normalize(name)
        key = _name_key(written)
        names[key] = (written, (*names.get(key, ("", ()))[1], int(year)))
    return names


def _name_pattern(name: str) -> str:
    """A year's name with any separator between its words, and a half-space within
    a word written with a space, a half-space or nothing."""
    words = [w for w in _NAME_WORDS.sub(" ", name).split() if w != "و"]
    return _NAME_GAP.join(r"[\s\u200c]?".join(re.escape(p) for p in w.split("\u200c")) for w in words)


def _year_name_pattern(w: Fragments) -> str:
    written = sorted((name for name, _ in year_names().values()), key=lambda n: (-len(n.split()), n))  # the longest first
    names = "|".join(_name_pattern(n) for n in written)
    return rf"{WORD_START}سال\s+«?\s*(?P<name>{names})(?:\s*»)?{WORD_END}"


def _resolve_year_name(hit: Hit) -> Found:
    """"سال جهاد اقتصادی": the Jalali year so named; a name given to two years
    ("سال اقتصاد مقاومتی") is the later one up to the publication year."""
    years = year_names()[_name_key(hit["name"])][1]
    if len(years) > 1:
        this = year_of(hit.today, JALALI)
        years = tuple(y for y in years if this is not None and y <= this)[-1:]
        if not years:
            return hit.found("interval", None, JALALI, "a name given to several years")
    year = years[0]
    return hit.found("interval", interval(to_gregorian(JALALI, year, 1, 1), year_end(JALALI, year)), JALALI, NOT_RESOLVED)


YEAR_NAME = Rule(
    "year_name",
    pattern=_year_name_pattern,
    resolve=_resolve_year_name,
    keywords=lambda: ["سال"],
    needs=lambda w: rf"سال\s+«?\s*(?:{alternation({_NAME_JUNK.split(name)[0] for name, _ in year_names().values()})})",
    examples=(
        Example("سال جهاد اقتصادی", "2011-03-21/2012-03-19"),
        Example("سال «رونق تولید»", "2019-03-21/2020-03-19"),
        Example("سال اقتصاد مقاومتی؛ تولید - اشتغال", "2017-03-21/2018-03-20"),
        Example("سال اقتصاد مقاومتی", "2017-03-21/2018-03-20"),
    ),
    rejects=("سال تولید این خودرو ۱۳۹۸ است",),
)


# Events the press names by their Jalali year in two digits: "انتخابات ۹۶", "فتنه ۸۸", "کنکور ۹۹".
_YEAR_EVENTS = ("انتخابات", "فتنه", "فتنه‌گران", "فتنه گران", "کنکور", "بودجه", "سرشماری", "اغتشاشات")


def _resolve_event_year(hit: Hit) -> Found | None:
    year = year_number(hit["year"], JALALI)
    if year is None:
        return None
    m = hit.match
    value = interval(to_gregorian(JALALI, year, 1, 1), year_end(JALALI, year))
    return Found(m.start("year"), m.end("year"), m["year"], "interval", value, JALALI, None if value else "not a valid year")


EVENT_YEAR = Rule(
    "event_year",
    pattern=lambda w: (
        rf"{WORD_START}(?:{alternation(_YEAR_EVENTS)})\s+(?P<year>{DIGIT}{{2}})(?![0-9۰-۹/.:٫٬,،\-–]?{DIGIT})"
        rf"(?!\s*(?:[/.:\-–]|(?:{w.not_year_after}|{w.month}|{UNIT_WORDS}|تا|الی|درصد|نفر|سال){WORD_END}))"
    ),
    resolve=_resolve_event_year,
    keywords=lambda: list(_YEAR_EVENTS),
    needs=lambda w: rf"(?:{alternation(_YEAR_EVENTS)})\s+{DIGIT}{{2}}",
    examples=(Example("انتخابات ۹۶", "2017-03-21/2018-03-20"), Example("فتنه ۸۸", "2009-03-21/2010-03-20")),
    rejects=("انتخابات ۲۹ خرداد برگزار شد", "بودجه ۱۲ درصد افزایش یافت", "کنکور ۲۴ ساعت دیگر برگزار می‌شود"),
)
