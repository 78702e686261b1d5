"""Ranges of clock times: "ساعت ۸ تا ۱۴", "ساعت ۹:۳۰ الی ۱۲ ظهر", "۸ تا ۹:۳۰",
"۱۱:۳۰ - ۱۳". A value is "Thh:mm/Thh:mm". (Ranges of days, months and years
are joined from their ends in combine.py.)"""

from __future__ import annotations

from khabar.extract.times.found import Found, Hit
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START, Fragments
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import clock_hour, number, to_int


def _clocks(hit: Hit, ends: tuple[tuple[str | None, str | None, str | None], ...]) -> Found | None:
    """The interval between two clock times, each (hour, minute, part of the day)."""
    clocks = []
    for hour_text, minute_text, part in ends:
        hour, minute = number(hour_text), to_int(minute_text) if minute_text else 0
        if hour is None or hour > 24 or minute > 59:
            return None
        clocks.append(f"T{clock_hour(int(hour), part):02d}:{minute:02d}")
    return hit.found("interval", "/".join(clocks))


def _time_range_pattern(w: Fragments) -> str:
    return (
        rf"{WORD_START}ساعت\s+(?P<from_hour>{w.hour})(?:\s*:\s*(?P<from_minute>{DIGIT}{{2}}))?(?:\s+(?P<from_part>{w.day_part}))?"
        rf"\s*(?:تا|الی|لغایت|-|–)\s*(?:ساعت\s+)?(?P<to_hour>{w.hour})(?:\s*:\s*(?P<to_minute>{DIGIT}{{2}}))?(?!{DIGIT})"
        rf"(?!\s*(?:{w.month}|روز(?!\s+(?:{w.weekday}|{w.relative_day}){WORD_END})|هفته|ماه|سال|قرن|دهه|سده|ساعت|دقیقه|ثانیه|فصل|ساعات|دقایق|درصد|نفر){WORD_END})"
        rf"(?:\s+(?P<to_part>{w.day_part}))?{WORD_END}"
    )


TIME_RANGE = Rule(
    "time_range",
    pattern=_time_range_pattern,
    resolve=lambda hit: _clocks(hit, ((hit["from_hour"], hit["from_minute"], hit["from_part"]),
                                      (hit["to_hour"], hit["to_minute"], hit["to_part"]))),
    keywords=lambda: ["ساعت"],
    needs=lambda w: r"ساعت\s+\S+(?:\s*:\s*\S+)?(?:\s+\S+)?\s*(?:تا|الی|لغایت|-|–)",
    examples=(Example("ساعت ۸ تا ۱۴", "T08:00/T14:00"), Example("ساعت ۹:۳۰ الی ۱۲ ظهر", "T09:30/T12:00")),
    rejects=("ساعت ۸ تا ۱۰ درصد",),
)


def _clock_range_pattern(w: Fragments) -> str:  # clock times without "ساعت", one of them with minutes
    return (
        rf"(?:{WORD_START}ساعت\s*)?(?<![0-9۰-۹:/.])(?:(?P<from_hour>{DIGIT}{{1,2}})\s*:\s*(?P<from_minute>{DIGIT}{{2}})\s*(?:تا|الی|-|–)\s*(?P<to_hour>{DIGIT}{{1,2}})(?:\s*:\s*(?P<to_minute>{DIGIT}{{2}}))?"
        rf"|(?P<whole_hour>{DIGIT}{{1,2}})\s*(?:تا|الی|-|–)\s*(?P<then_hour>{DIGIT}{{1,2}})\s*:\s*(?P<then_minute>{DIGIT}{{2}}))(?![0-9۰-۹:/.])"
        rf"(?:\s+(?P<to_part>{w.day_part}))?{WORD_END}"
    )


CLOCK_RANGE = Rule(
    "clock_range",
    pattern=_clock_range_pattern,
    resolve=lambda hit: _clocks(hit, ((hit["from_hour"] or hit["whole_hour"], hit["from_minute"], None),
                                      (hit["to_hour"] or hit["then_hour"], hit["to_minute"] or hit["then_minute"], hit["to_part"]))),
    keywords=None,
    needs=lambda w: rf"{DIGIT}\s*:\s*{DIGIT}",
    examples=(Example("۸ تا ۹:۳۰", "T08:00/T09:30"), Example("۱۱:۳۰ - ۱۳", "T11:30/T13:00")),
)
