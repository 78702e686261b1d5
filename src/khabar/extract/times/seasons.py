"""Seasons named without a year: "فصل تابستان" is this Jalali year's. (A season
with its year, "تابستان ۱۴۰۰", is read with the months: months.py.)"""

from __future__ import annotations

from khabar.extract.times.found import UNKNOWN_YEAR, Found, Hit
from khabar.extract.times.fragments import WORD_END, WORD_START
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import interval, year_of
from khabar.persian.calendar import JALALI, SEASONS, month_end, to_gregorian


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
