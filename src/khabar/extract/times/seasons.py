"""Seasons: "فصل تابستان" (this Jalali year's), seasons with the year they are
of ("پاییز امسال", "تابستان سال گذشته") and seasons named together ("پاییز و
زمستان امسال": from the first one's start to the last one's end; "فصل بهار و
تابستان", with no year, is no one year's). A season with its year written,
"تابستان ۱۴۰۰", is read with the months (months.py) unless it is one of several."""

from __future__ import annotations

import re

from khabar.extract.times.found import OUT_OF_RANGE, UNKNOWN_YEAR, Found, Hit
from khabar.extract.times.fragments import WORD_END, WORD_START
from khabar.extract.times.lexicon import NEXT_WORDS, PAST_WORDS
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import calendar_cue, interval, year_number, year_of
from khabar.persian.calendar import (
    CALENDAR_WORDS,
    GREGORIAN,
    JALALI,
    SEASONS,
    month_end,
    to_gregorian,
)

_SEASON_WORD = re.compile("|".join(SEASONS))
NO_YEAR = "seasons named without a year: a time of any year"


def _resolve_season(hit: Hit) -> Found:
    first = SEASONS[hit["season"]]
    year = year_of(hit.today, JALALI)
    value = interval(to_gregorian(JALALI, year, first, 1), month_end(JALALI, year, first + 2)) if year else None
    return hit.found("interval", value, JALALI, UNKNOWN_YEAR)


SEASON = Rule(
    "season",
    pattern=lambda w: rf"{WORD_START}فصل\s+(?P<season>{w.season}){WORD_END}",
    resolve=_resolve_season,
    keywords=lambda: ["فصل"],
    needs=lambda w: r"فصل",
    examples=(Example("فصل تابستان", "2021-06-22/2021-09-22"), Example("فصل زمستان", "2021-12-22/2022-03-20")),
)


def _resolve_seasons(hit: Hit) -> Found | None:
    """Seasons with a year ("پاییز امسال", "بهار و تابستان ۱۳۹۹"), or several
    seasons named together; each season after one later in the year is of the next year."""
    names = _SEASON_WORD.findall(hit["seasons"])
    if len(names) < 2 and not (hit["this_year"] or hit["relative"] or hit["year"]):
        return None  # "فصل تابستان" alone: the rule `season`
    cal = JALALI
    if hit["year"]:
        year = year_number(hit["year"], JALALI)
        if year is None:
            return None
        if year > 1700 or hit["calendar"] == "میلادی":  # "بهار و تابستان ۲۰۱۷": of the Jalali year that begins in that spring
            year, cal = year - 621, GREGORIAN
    elif hit["this_year"] or hit["relative"]:
        # "تابستان سال جاری" in a text that counts Christian years: the summer of this Christian year
        cal = CALENDAR_WORDS.get(hit["calendar"] or "") or calendar_cue(hit.text, hit.start) or JALALI
        cal = GREGORIAN if cal == GREGORIAN else JALALI
        if hit.today is None:
            return hit.found("interval", None, cal, UNKNOWN_YEAR)
        this = hit.today.year - 621 if cal == GREGORIAN else year_of(hit.today, JALALI)
        word = hit["this_year"] or hit["relative"]
        year = this + (-1 if word == "پارسال" else PAST_WORDS.get(word, 0) or NEXT_WORDS.get(word, 0))
    else:
        return hit.found("interval", None, JALALI, NO_YEAR)
    months = [SEASONS[name] for name in names]
    last_year = year + sum(1 for a, b in zip(months, months[1:], strict=False) if b <= a)  # "زمستان و بهار": into the next year
    value = interval(to_gregorian(JALALI, year, months[0], 1), month_end(JALALI, last_year, months[-1] + 2))
    return hit.found("interval", value, cal, OUT_OF_RANGE)


SEASONS_OF_YEAR = Rule(
    "seasons_of_year",
    pattern=lambda w: (
        rf"{WORD_START}(?:فصل(?:‌های|های)?\s+)?(?P<seasons>(?:{w.season})(?:(?:\s*[،,]\s*|\s+و\s*)(?:{w.season}))*){WORD_END}"
        rf"(?:\s+(?:(?P<this_year>امسال|پارسال)|سال\s+(?P<relative>جاری|گذشته|قبل|پیش|آینده|بعد)"
        rf"|(?:سال\s+)?(?P<year>{w.year_after_month}))(?:\s+(?P<calendar>{w.calendar}))?{WORD_END})?"
    ),
    resolve=_resolve_seasons,
    keywords=lambda: list(SEASONS),
    needs=lambda w: rf"(?:{w.season})(?:\s*[،,]\s*|\s+و\s*|\s+(?:امسال|پارسال|سال\s))",
    examples=(
        Example("پاییز و زمستان امسال", "2021-09-23/2022-03-20"),
        Example("تابستان سال گذشته", "2020-06-21/2020-09-21"),
        Example("پاییز و زمستان ۱۳۹۹", "2020-09-22/2021-03-20"),
        Example("زمستان و بهار امسال", "2021-12-22/2022-06-21"),
        Example("فصل بهار و تابستان", None),
    ),
    rejects=("بهار خواهر کوچک اوست.",),
)
