"""Decades and centuries: "دهه ۶۰" (the Jalali 1360s; "دهه ۹۰ میلادی" the
1990s), "دهه‌های ۶۰ و ۷۰", "دهه ۱۹۹۰", "قرن بیستم" (a Gregorian century from the
16th on; an earlier one only with its calendar word: "قرن چهاردهم شمسی")."""

from __future__ import annotations

import re

from khabar.extract.numberwords import ordinal_value
from khabar.extract.times.found import HIJRI_RANGE_REASON, Found, Hit
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import interval, number
from khabar.persian.calendar import CALENDAR_WORDS, GREGORIAN, HIJRI, JALALI, to_gregorian, year_end

# The century a decade written with two digits is of ("دهه ۶۰ میلادی": the 1960s).
_DECADE_CENTURY = {JALALI: 1300, GREGORIAN: 1900, HIJRI: 1400}
_MORE_NUMBERS = re.compile(rf"{DIGIT}+|[^\s،,و\-–][^\s،,]*")
_RANGE_WORDS = frozenset(("تا", "الی"))


def _resolve_century(hit: Hit) -> Found | None:
    cardinal = number(hit["number"])
    n = cardinal or ordinal_value(hit["number"])
    if not n:
        return None
    cal = CALENDAR_WORDS.get(hit["calendar"] or "")
    if hit["unit"] != "دهه":
        cal = cal or (GREGORIAN if 16 <= n <= 21 else None)
        if cal is None or not isinstance(n, int) or n > 30:
            return hit.found("interval", None, cal, "a century whose calendar is not written")
        value = interval(to_gregorian(cal, (n - 1) * 100 + 1, 1, 1), year_end(cal, n * 100))
        return hit.found("interval", value, cal, HIJRI_RANGE_REASON if cal == HIJRI else "not a valid year")  # "سده یازدهم هجری"
    if cardinal is None:  # "دهه پنجم انقلاب"
        return hit.found("interval", None, cal, "the nth decade of a period not named")
    numbers = [n] + [number(x) for x in _MORE_NUMBERS.findall(hit["more"] or "") if x not in _RANGE_WORDS]
    if any(not isinstance(v, int) or v % 10 for v in numbers):
        return hit.found("interval", None, cal, "not a decade of years")
    first, last = min(numbers), max(numbers)
    if last < 100:  # "دهه ۶۰": of the century the calendar is in
        cal = cal or JALALI
        first, last = _DECADE_CENTURY[cal] + first, _DECADE_CENTURY[cal] + last
    else:
        cal = cal or (JALALI if 1200 <= first <= 1500 else GREGORIAN)
    value = interval(to_gregorian(cal, first, 1, 1), year_end(cal, last + 9))
    return hit.found("interval", value, cal, HIJRI_RANGE_REASON if cal == HIJRI else "not a valid year")


CENTURY = Rule(
    "century",
    pattern=lambda w: (
        rf"{WORD_START}(?P<unit>قرن|سده|دهه)(?:‌های|های|‌ی)?\s+(?P<number>{w.ordinal}|{DIGIT}{{1,4}}|{w.number_word})(?:\s+و\s+(?:{w.ordinal}))?"
        rf"(?P<more>(?:\s*[،,]\s*{DIGIT}{{2,4}}|\s*[،,]\s*(?:{w.number_word}))*(?:\s+و\s*(?:{DIGIT}{{2,4}}|{w.number_word})(?=\s|$)|\s*(?:تا|الی|-|–)\s*(?:{DIGIT}{{2,4}}|{w.number_word})(?![\w\u200c]))?)"
        rf"(?:\s+(?:قرن|سده)(?:\s+{w.ordinal})?)?(?:\s+(?P<calendar>{w.calendar}){WORD_END})?{WORD_END}"
    ),
    resolve=_resolve_century,
    keywords=lambda: ["قرن", "سده", "دهه"],
    needs=lambda w: r"قرن|سده|دهه",
    examples=(
        Example("دهه ۶۰", "1981-03-21/1991-03-20"),
        Example("دهه ۹۰ میلادی", "1990-01-01/1999-12-31"),
        Example("دهه‌های ۶۰ و ۷۰", "1981-03-21/2001-03-20"),
        Example("دهه‌های ۳۰ تا ۵۰ میلادی", "1930-01-01/1959-12-31"),
        Example("قرن بیستم", "1901-01-01/2000-12-31"),
        Example("سده یازدهم هجری", None),
    ),
)
