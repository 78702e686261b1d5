"""The pieces time patterns are written with: word edges, numbers in digits
and words, ordinals, month, weekday and calendar names, years. Built once, on
first use (`fragments()`), so that importing the package stays cheap."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from khabar.extract.times.lexicon import (
    CURRENT_WORDS,
    DAY_PART_WORDS,
    DAY_PARTS,
    NEXT_WORDS,
    PAST_WORDS,
    QUARTERS,
    RELATIVE_DAYS,
    UNITS,
)
from khabar.persian.calendar import (
    AFGHAN_MONTHS,
    CALENDAR_WORDS,
    GREGORIAN_MONTHS,
    HIJRI_MONTHS,
    JALALI_MONTHS,
    JALALI_VARIANTS,
    SEASONS,
    WEEKDAYS,
)
from khabar.persian.chars import ZWNJ

DIGIT = "[0-9۰-۹]"  # a Latin or Persian digit (normalized text has no other)
WORD_START = r"(?<![\w\u200c])"
WORD_END = r"(?![\w\u200c])"
EZAFE = r"(?:\u0654|\u200cی|\s+ی(?=\s))?"  # "ژانویهٔ"، "فوریه‌ی"، "ژوئیه ی" before a day's year
# The words a number of units of time is counted in, as a plain alternation.
UNIT_WORDS = r"روز|هفته|ماه|سال|قرن|دهه|سده|ساعت|دقیقه|ثانیه|شب|فصل|ساعات|دقایق"


def alternation(words: Iterable[str]) -> str:
    """A pattern matching any of `words` (the longest where several match),
    written as a prefix tree so that the regex engine does not try each word
    in turn at every position."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body


def ordinal_words() -> list[str]:
    """The ordinals from 1 to 100 in words, in the ways they are written ("بیست و یکم",
    "بیست‌ویکم", "بیستویکمین")."""
    from khabar.extract.numberwords import to_words

    out = ["نخست", "نخستین", "اول", "اولین", "یکم", "یکمین"]
    for n in range(2, 101):
        words = to_words(n)
        head, _, last = words.rpartition(" ")
        last_ord = {"سه": "سوم", "سی": f"سی{ZWNJ}ام", "یک": "یکم"}.get(last, last + "م")
        base = (head + " " if head else "") + last_ord
        for form in {base, base.replace(" و ", ZWNJ + "و"), base.replace(" و ", "و")}:
            out += [form, form + "ین"]
    return out


@dataclass(frozen=True, slots=True)
class Fragments:
    """Regex sources shared by the rules (see `fragments()`)."""

    number_word: str  # one cardinal word
    hour: str  # up to two digits, or a cardinal word
    small_number: str  # up to two digits, or one or two cardinal words ("بیست و پنج")
    number: str  # a number in digits, in words, or both ("هزار و ۲۰۰")
    ordinal: str  # "سوم", "بیست و یکمین"
    jalali_month: str
    gregorian_month: str
    hijri_month: str
    month: str  # a month of any calendar, a Gregorian one with its ezafe
    weekday: str
    calendar: str  # a calendar word or abbreviation
    season: str
    year: str  # in digits or in words
    year_after_month: str  # a year after a month that does not begin a figure
    not_year_after: str  # a word after which four digits count something
    part_before_weekday: str  # "صبح پنج‌شنبه"
    day_part: str  # "صبح", "ب.ظ"
    day_part_word: str  # a part of the day that names no hour on its own
    relative_day: str  # "امروز", "پریشب"
    unit: str  # a unit of time
    relative: str  # "گذشته", "آینده", "جاری"…
    past_or_next: str  # "گذشته", "آینده"…
    quarter: str


@lru_cache(maxsize=1)
def fragments() -> Fragments:
    """The shared pattern pieces, built on first use."""
    from khabar.extract.numberwords import CARDINALS

    number_word = alternation(CARDINALS)
    number_item = rf"(?:{number_word})(?:و?(?:{number_word}))*"  # a number word, or several written together
    jalali, gregorian, hijri = alternation((*JALALI_MONTHS, *JALALI_VARIANTS)), alternation(GREGORIAN_MONTHS), alternation(HIJRI_MONTHS)
    year_digits = rf"{DIGIT}{{2,4}}(?!{DIGIT})"  # "۱۴۰۰", "۹۹"
    year_words = (rf"(?:{number_word})(?:و?(?:{number_word}))+(?![\w\u200c])"
                  rf"|{number_word}(?:\s+(?:و\s+)?(?:{number_word}))*(?![\w\u200c])")  # "هزاروچهارصد", "دو هزار و بیست و یک"
    not_year_after = _not_year_after()
    return Fragments(
        number_word=number_word,
        hour=rf"{DIGIT}{{1,2}}|{number_word}",
        small_number=rf"{DIGIT}{{1,2}}|{number_word}(?:\s+و\s+{number_word})?",
        number=(
            rf"(?:{DIGIT}+(?:[.٫]{DIGIT}+)?(?:\s+(?:هزار|میلیون|میلیارد))?"
            rf"|{number_item}(?:(?:\s+و\s+|\u200cو\s*|(?<=[^\Wو])و\s+|\s+){number_item})*(?:(?:(?<=هزار)|(?<=صد))\s+و\s+{DIGIT}+(?![.٫/:]?{DIGIT}))?)"  # "هزار و ۲۰۰"
        ),
        ordinal=alternation(ordinal_words()),
        jalali_month=jalali,
        gregorian_month=gregorian,
        hijri_month=hijri,
        month=rf"(?:{jalali}|{gregorian}{EZAFE}|{hijri}|{alternation(AFGHAN_MONTHS)})",
        weekday=alternation(WEEKDAYS),
        calendar=alternation(CALENDAR_WORDS),
        season=alternation(SEASONS),
        year=rf"{year_digits}|{year_words}",
        # A year after a month is not the start of a figure: "تا پایان خرداد ۳۰ میلیارد", "اسفند یک هزار و
        # ۹۶۰ تومان". Nor is a scale word alone a year: "درآمد تابستان هزار میلیارد", "تابستان میلیارد".
        year_after_month=(
            rf"(?:{year_digits}|(?!(?:هزار|میلیون|میلیارد|تریلیون){WORD_END}(?!\s+و\s))(?:{year_words})(?!\s+و\s*(?:{DIGIT}|{number_word})))"
            rf"(?!\s*(?:{not_year_after}){WORD_END})"
        ),
        not_year_after=not_year_after,
        # "صبح پنج‌شنبه", "عصر جمعه": a part of the day before a weekday (not "بعد از ظهر", taken on the
        # left as a whole, nor the part of a clock "۱۲:۳۰ ظهر"; "شب جمعه" is the eve, left out).
        part_before_weekday=r"(?:(?<!از\s)(?<!قبل\s)(?<![0-9۰-۹]\s)(?:صبح|عصر|ظهر)\s+(?=\S*شنبه|جمعه|آدینه))?",
        day_part=alternation(DAY_PARTS),
        day_part_word=alternation(DAY_PART_WORDS),
        relative_day=alternation(RELATIVE_DAYS),
        unit=alternation(UNITS),
        relative=alternation({**PAST_WORDS, **NEXT_WORDS, **CURRENT_WORDS}),
        past_or_next=alternation({**PAST_WORDS, **NEXT_WORDS}),
        quarter=alternation(QUARTERS),
    )


def _not_year_after() -> str:
    """The words after which a 4-digit number counts something: it is not a year."""
    from khabar.extract.numbers import COUNTERS, CURRENCIES, MEASURES

    return alternation(
        set(COUNTERS) | {k.split()[0] for k in CURRENCIES} | {k.split()[0] for k in MEASURES}
        | {"درصد", "٪", "%", "هزار", "میلیون", "میلیارد", "صفحه", "متری", "کیلومتری"}
    )


def lazy(build: Callable[[Fragments], str]) -> Callable[[], re.Pattern[str]]:
    """A regex written with the fragments, compiled on first use: call the
    result to get the compiled pattern."""

    @lru_cache(maxsize=1)
    def compiled() -> re.Pattern[str]:
        return re.compile(build(fragments()))

    return compiled
