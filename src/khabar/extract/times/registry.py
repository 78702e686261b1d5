"""Every rule, in the order that breaks ties: where two rules find spans that
start at the same place and are as long, the earlier rule's is kept."""

from __future__ import annotations

from khabar.extract.times.clock import (
    CLOCK_MINUTES,
    CLOCK_PART,
    MATCH_MINUTE,
    PART_OF_DAY,
    TIME,
    TIME_OFFSET,
    TIME_TO,
    TIME_WORDS,
)
from khabar.extract.times.dates import DATE_NUMERIC, DATE_WORDS
from khabar.extract.times.decades import CENTURY
from khabar.extract.times.durations import AGE, SPAN, VAGUE_SPAN
from khabar.extract.times.festivals import ANNIVERSARY, NAMED_DAY, NAMED_WEEK
from khabar.extract.times.months import (
    DAY_OF_MONTH,
    MONTH_ALONE,
    MONTH_RANGE,
    MONTH_YEAR,
    MONTHS_ENDING,
    PART_OF_MONTH,
)
from khabar.extract.times.periods import (
    ANAPHORIC,
    CROP_YEAR,
    DEVELOPMENT_PLAN,
    NEW_YEAR,
    ORDINAL_PERIOD,
    PART_OF_PERIOD,
    PERIOD,
    QUARTER,
)
from khabar.extract.times.ranges import CLOCK_RANGE, TIME_RANGE
from khabar.extract.times.relative import LAST_WEEKDAY, RELATIVE_DAY, WEEKDAY
from khabar.extract.times.rule import Rule
from khabar.extract.times.seasons import SEASON, SEASONS_OF_YEAR
from khabar.extract.times.years import BARE_YEAR, EVENT_YEAR, YEAR, YEAR_NAME, YEAR_UNTIL_NOW

RULES: tuple[Rule, ...] = (
    DATE_WORDS, DATE_NUMERIC, MONTH_YEAR,
    TIME, TIME_WORDS, TIME_TO, TIME_OFFSET, CLOCK_PART, CLOCK_MINUTES, TIME_RANGE, CLOCK_RANGE,
    MONTHS_ENDING, DAY_OF_MONTH, YEAR_UNTIL_NOW, RELATIVE_DAY, QUARTER, PART_OF_PERIOD, PERIOD,
    LAST_WEEKDAY, WEEKDAY, SPAN, VAGUE_SPAN, YEAR_NAME, YEAR, PART_OF_MONTH, CENTURY, ORDINAL_PERIOD, AGE, ANAPHORIC,
    SEASON, SEASONS_OF_YEAR, PART_OF_DAY, MATCH_MINUTE, NAMED_DAY, NAMED_WEEK, ANNIVERSARY, NEW_YEAR, CROP_YEAR, DEVELOPMENT_PLAN, MONTH_RANGE, MONTH_ALONE, BARE_YEAR, EVENT_YEAR,
)
