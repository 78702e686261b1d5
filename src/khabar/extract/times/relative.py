"""Days relative to the publication date: "دیروز", "صبح امروز", "روز
چهارشنبه", "شنبه هفته آینده", "چهارشنبه آخر سال". A weekday alone is the one
of the publication week: the coming one when the sentence speaks of the future
(خواهد، می‌… with a present stem), the past one otherwise."""

from __future__ import annotations

import re
from datetime import date, timedelta

from khabar.extract.times.found import UNKNOWN_PUBLICATION, Found, Hit
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START
from khabar.extract.times.lexicon import RELATIVE_DAYS
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import year_of
from khabar.persian.calendar import GREGORIAN, JALALI, WEEKDAYS, to_gregorian

_FUTURE = re.compile(r"خواه|\bمی‌(?:شود|کند|کنند|شوند|رسد|آید|گیرد|دهد|رود)\b|آینده|فردا")
# A relative day ending a title of one or two words in quotes ("«وطن امروز»").
_TITLE_START = re.compile(r"«\s*[^\s«»]+(?:\s+[^\s«»]+)?\s+$")
_TITLE_END = re.compile(r"\s*»")
_AHEAD = ("آینده", "آتی", "بعد", "پیش رو", "پیش‌رو")


def _resolve_relative_day(hit: Hit) -> Found | None:
    if (not hit["day_part"] and not hit["weekday"] and _TITLE_END.match(hit.text, hit.stop)
            and _TITLE_START.search(hit.text, max(0, hit.start - 30), hit.start)):
        return None  # "«وطن امروز»", "«ایران فردا»": the last word of a title in quotes
    if hit.today is None:
        return hit.found("date", None, None, UNKNOWN_PUBLICATION)
    return hit.found("date", (hit.today + timedelta(days=RELATIVE_DAYS[hit["relative_day"]])).isoformat(), GREGORIAN)


RELATIVE_DAY = Rule(
    "relative_day",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<day_part>{w.day_part_word})\s+)?(?P<relative_day>{w.relative_day})"
        rf"(?:\s*(?P<weekday>{w.weekday})(?!\s*(?:{DIGIT}{{1,2}}|{w.ordinal})\s*(?:ماه\s+)?(?:{w.month})))?{WORD_END}"  # not "امروز سه‌شنبه ۲۰ فروردین"
    ),
    resolve=_resolve_relative_day,
    keywords=lambda: list(RELATIVE_DAYS),
    needs=lambda w: rf"{WORD_START}(?:{w.relative_day})",
    joined=True,
    examples=(Example("دیروز", "2021-06-29"), Example("صبح امروز", "2021-06-30"), Example("پس‌فردا", "2021-07-02")),
    rejects=("این خبر را روزنامه «وطن امروز» نوشت.",),
)


def _resolve_weekday(hit: Hit) -> Found | None:
    if hit["weekday"] == "آدینه" and hit.span == "آدینه":
        return None  # "گلاب آدینه": the literary Friday is also a surname; as a day it comes with "روز" or a week
    if hit.today is None:
        return hit.found("date", None, None, UNKNOWN_PUBLICATION)
    direction = _direction(hit["relative"], hit["week"], hit.text, hit.stop)
    return hit.found("date", _weekday_date(hit.today, WEEKDAYS[hit["weekday"]], direction).isoformat(), GREGORIAN)


def _direction(relative: str | None, week: str | None, text: str, pos: int) -> int:
    """Whether a weekday is the coming one (1), the past one (-1) or of this week (0)."""
    if (relative and re.sub(r"\s+", " ", relative) in _AHEAD) or (week and any(w in re.sub(r"\s+", " ", week) for w in _AHEAD)):
        return 1
    if relative or (week and ("گذشته" in week or "قبل" in week)):
        return -1
    if week:
        return 0
    sentence_end = min((i for i in (text.find(".", pos), text.find("\n", pos)) if i >= 0), default=len(text))
    return 1 if _FUTURE.search(text[pos:sentence_end]) else -1


def _weekday_date(today: date, target: int, direction: int) -> date:
    """The weekday `target` nearest to `today` in `direction` (0: this week); today itself when it is that day."""
    if today.weekday() == target:
        return today
    if direction >= 0:
        return today + timedelta(days=(target - today.weekday()) % 7)
    return today - timedelta(days=(today.weekday() - target) % 7)


WEEKDAY = Rule(
    "weekday",
    pattern=lambda w: (
        rf"{WORD_START}(?<!نماز )(?<!امام )(?<!خطیب ){w.part_before_weekday}(?:روز\s+)?(?P<weekday>{w.weekday})(?!\s*بازار)(?!\s+ماه(?![\w\u200c]))"
        rf"(?:\s+(?P<relative>پیش\s+رو|پیش‌رو|گذشته|قبل|پیش|آینده|آتی|بعد)|\s+(?P<week>این\s+هفته|هفته\s+(?:گذشته|آینده|بعد|قبل|پیش\s+رو|پیش‌رو)))?{WORD_END}"
    ),
    resolve=_resolve_weekday,
    keywords=lambda: list(WEEKDAYS),
    needs=lambda w: rf"{WORD_START}(?:{w.weekday})",
    joined=True,
    examples=(
        Example("روز چهارشنبه", "2021-06-30"),
        Example("شنبه هفته آینده", "2021-07-03"),
        Example("دوشنبه گذشته", "2021-06-28"),
        Example("پنجشنبه این هفته", "2021-07-01"),
        Example("روز آدینه", "2021-06-25"),
    ),
    rejects=("نماز جمعه برگزار شد.", "پرستو گلستانی، گلاب آدینه و شیلا خداداد آمدند."),
)


def _resolve_last_weekday(hit: Hit) -> Found:
    """The last such weekday before the Nowruz nearest the publication date."""
    target = WEEKDAYS[hit["weekday"]] if hit["weekday"] else WEEKDAYS["چهارشنبه"]
    today = hit.today
    if today is None:
        return hit.found("date", None, JALALI, UNKNOWN_PUBLICATION)
    year = year_of(today, JALALI)
    days = []
    for y in (year - 1, year):  # the last such weekday before each Nowruz near the publication date
        nowruz = to_gregorian(JALALI, y + 1, 1, 1)
        if nowruz is not None:  # None past the years jdatetime holds (Jalali 9377)
            days.append(nowruz - timedelta(days=(nowruz.weekday() - target - 1) % 7 + 1))
    nearest = min(days, key=lambda d: abs((d - today).days))
    return hit.found("date", nearest.isoformat(), JALALI)


LAST_WEEKDAY = Rule(  # "چهارشنبه آخر سال", "چهارشنبه‌سوری": the year's last such weekday
    "last_weekday",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?:شب|روز)\s+)?(?:(?P<weekday>{w.weekday})\s+(?:آخر|پایانی)\s+سال|(?P<suri>چهارشنبه[\s\u200c]?سوری)){WORD_END}"
    ),
    resolve=_resolve_last_weekday,
    keywords=lambda: [*WEEKDAYS, "سوری", "چهارشنبه‌سوری"],
    needs=lambda w: rf"(?:{w.weekday})\s+(?:آخر|پایانی)\s+سال|سوری",
    examples=(Example("چهارشنبه‌سوری", "2021-03-17"), Example("جمعه آخر سال", "2021-03-19")),
)
