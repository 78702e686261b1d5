"""Times of day: "۱۲:۳۰", "ساعت ۱۰ و ۳۰ دقیقه", "ساعت هشت و نیم صبح", "ده
دقیقه به ساعت ۸", "۵ دقیقه بعد از ساعت ۱۱", "۸ صبح فردا", "هفت و بیست دقیقه
بعد از ظهر". A value is "Thh:mm" (with ":ss" when seconds are written)."""

from __future__ import annotations

from khabar.extract.times.found import Found, Hit
from khabar.extract.times.fragments import DIGIT, WORD_END, WORD_START
from khabar.extract.times.lexicon import DAY_PARTS
from khabar.extract.times.rule import Example, Rule
from khabar.extract.times.values import clock_hour, number, to_int


def _resolve_time(hit: Hit) -> Found | None:
    hour = clock_hour(to_int(hit["hour"]), hit["day_part"])
    minute = to_int(hit["minute"])
    if hour > 24 or minute > 59:
        return None
    second = f":{to_int(hit['second']):02d}" if hit["second"] else ""
    return hit.found("time", f"T{hour:02d}:{minute:02d}{second}")


TIME = Rule(
    "time",
    pattern=lambda w: (
        rf"(?:{WORD_START}ساعت\s+)?(?<![0-9۰-۹:])(?P<hour>{DIGIT}{{1,2}})\s*:\s*(?P<minute>{DIGIT}{{2}})(?:\s*:\s*(?P<second>{DIGIT}{{2}}))?(?!{DIGIT})(?:\s+دقیقه{WORD_END})?"
        rf"(?:\s*(?P<day_part>{w.day_part}){WORD_END})?"
    ),
    resolve=_resolve_time,
    keywords=None,
    needs=lambda w: rf"{DIGIT}\s*:\s*{DIGIT}",
    examples=(Example("ساعت ۱۰:۳۰", "T10:30"), Example("۸:۱۵ شب", "T20:15"), Example("۱۳:۳۱:۰۵", "T13:31:05")),
    rejects=("۲۵:۱۰",),
)


def _resolve_time_words(hit: Hit) -> Found | None:
    hour = number(hit["hour"] or hit["hour_and_half"])
    if hour is None or hour > 24:
        return None
    minute = 30 if (hit["half"] or hit["half_after"]) else int(number(hit["minute"]) or 0)
    second = int(number(hit["second"]) or 0) if hit["second"] else None
    hour = clock_hour(int(hour), hit["day_part"] or hit["part_before"])
    if minute > 59 or (second or 0) > 59:
        return None
    return hit.found("time", f"T{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else ""))


TIME_WORDS = Rule(
    "time_words",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?:(?P<part_before>{w.day_part})\s+)?ساعت\s+(?P<hour>{w.hour})(?:\s+و\s+(?:(?P<half>نیم)|(?P<minute>{w.small_number})\s+دقیقه"
        rf"(?:\s+و\s+(?P<second>{w.small_number})\s+ثانیه)?))?"
        rf"|(?P<hour_and_half>{w.hour})\s*و\s*(?P<half_after>نیم)(?=\s+(?:{w.day_part})))(?:\s+(?P<day_part>{w.day_part}){WORD_END})?"
    ),
    resolve=_resolve_time_words,
    keywords=lambda: ["ساعت", "نیم"],
    needs=lambda w: r"ساعت|نیم",
    examples=(
        Example("ساعت ۱۰ و ۳۰ دقیقه", "T10:30"),
        Example("ساعت هشت و نیم صبح", "T08:30"),
        Example("۸ و نیم شب", "T20:30"),
        Example("ساعت ۲۳ و ۵ دقیقه و ۱۰ ثانیه", "T23:05:10"),
    ),
)


def _resolve_time_to(hit: Hit) -> Found | None:
    minutes = hit["minutes"]
    hour, before = number(hit["hour"]), (15 if "ربع" in minutes else number(minutes))
    if hour is None or before is None or not 0 < before < 60 or hour > 24:
        return None
    if not (hit["clock_word"] or hit["clock_before"] or hit["day_part"] or "ربع" in minutes):
        return None  # "ده دقیقه به پایان": not a time of day
    hour = clock_hour((int(hour) - 1) % 24, hit["day_part"])
    return hit.found("time", f"T{hour:02d}:{60 - int(before):02d}")


TIME_TO = Rule(
    "time_to",
    pattern=lambda w: (
        rf"{WORD_START}(?:(?P<clock_before>ساعت)\s+(?=\S+(?:\s+و\s+\S+)?\s+دقیقه\s+به\s))?(?P<minutes>{w.small_number}|یک\s+ربع)\s+(?:دقیقه\s+)?به\s+(?P<clock_word>ساعت\s+)?(?P<hour>{w.hour}){WORD_END}"
        rf"(?:\s+(?P<day_part>{w.day_part}){WORD_END})?"
    ),
    resolve=_resolve_time_to,
    keywords=lambda: ["ساعت", "ربع", *DAY_PARTS],
    needs=lambda w: r"به\s+(?:ساعت|[0-9۰-۹]|\w+\s+(?:صبح|ظهر|عصر|شب|غروب|بامداد))|ربع\s+به",
    examples=(Example("ده دقیقه به ساعت ۸", "T07:50"), Example("یک ربع به ۹ شب", "T20:45")),
    rejects=("ده دقیقه به پایان بازی مانده بود.",),
)


def _resolve_time_offset(hit: Hit) -> Found | None:
    amount_text = hit["amount"]
    amount = 15 if "ربع" in amount_text else 30 if amount_text == "نیم" else number(amount_text)
    hour = number(hit["hour"])
    if amount is None or hour is None or hour > 24:
        return None
    if hit["unit"] == "ساعت" and amount_text != "نیم":
        amount *= 60
    minutes = int(amount) * (-1 if hit["direction"] in ("قبل", "پیش") else 1)
    at = (clock_hour(int(hour), hit["day_part"]) * 60 + to_int(hit["minute"] or "0") + minutes) % (24 * 60)
    return hit.found("time", f"T{at // 60:02d}:{at % 60:02d}")


TIME_OFFSET = Rule(
    "time_offset",
    pattern=lambda w: (
        rf"{WORD_START}(?P<amount>{w.small_number}|یک\s+ربع|نیم)\s+(?:(?P<unit>دقیقه|ساعت)\s+)?(?P<direction>بعد|پس|قبل|پیش)\s+از\s+ساعت\s+"
        rf"(?P<hour>{w.hour})(?:\s*:\s*(?P<minute>{DIGIT}{{2}}))?(?:\s+(?P<day_part>{w.day_part}))?{WORD_END}"
    ),
    resolve=_resolve_time_offset,
    keywords=lambda: ["ساعت"],
    needs=lambda w: r"از\s+ساعت",
    examples=(Example("۵ دقیقه بعد از ساعت ۱۱", "T11:05"), Example("نیم ساعت قبل از ساعت ۸ شب", "T19:30")),
)


def _resolve_clock_part(hit: Hit) -> Found | None:
    hour = number(hit["hour"])
    minute = to_int(hit["minute"]) if hit["minute"] else 0
    if hour is None or hour > 24 or minute > 59:
        return None
    return hit.found("time", f"T{clock_hour(int(hour), hit['day_part']):02d}:{minute:02d}")


CLOCK_PART = Rule(  # an hour without "ساعت", then the day
    "clock_part",
    pattern=lambda w: (
        rf"{WORD_START}(?P<hour>{w.hour})(?:\s*:\s*(?P<minute>{DIGIT}{{2}}))?\s+(?P<day_part>{w.day_part})"
        rf"(?=\s+(?:روز\s+)?(?:{w.relative_day}|{w.weekday}|{DIGIT}{{1,2}}\s*(?:{w.month}|[/\-.]))(?![\w\u200c]))"
    ),
    resolve=_resolve_clock_part,
    keywords=lambda: list(DAY_PARTS),
    needs=lambda w: rf"\s(?:{w.day_part})\s",
    examples=(Example("۸ صبح فردا", "T08:00"), Example("۱۷ غروب جمعه", "T17:00")),
)


def _resolve_clock_minutes(hit: Hit) -> Found | None:
    hour, minute = number(hit["hour"]), number(hit["minute"])
    second = number(hit["second"]) if hit["second"] else None
    if hour is None or minute is None or hour > 12 or minute > 59 or (second or 0) > 59:
        return None
    clock = f"T{clock_hour(int(hour), hit['day_part']):02d}:{int(minute):02d}"
    return hit.found("time", clock + (f":{int(second):02d}" if second is not None else ""))


CLOCK_MINUTES = Rule(  # a clock without "ساعت", told by its part of the day
    "clock_minutes",
    pattern=lambda w: (
        rf"{WORD_START}(?P<hour>{w.hour})\s+و\s+(?P<minute>{w.small_number})\s+دقیقه"
        rf"(?:\s+و\s+(?P<second>{w.small_number})\s+ثانیه)?\s+(?P<day_part>{w.day_part}){WORD_END}"
    ),
    resolve=_resolve_clock_minutes,
    keywords=lambda: ["دقیقه"],
    needs=lambda w: r"دقیقه",
    examples=(Example("هفت و بیست دقیقه بعد از ظهر", "T19:20"),),
)


PART_OF_DAY = Rule(  # "قبل از ظهر", "بامداد", "اذان مغرب": a part of a day the text does not name
    "part_of_day",
    pattern=lambda w: (
        rf"{WORD_START}(?<!{DIGIT}\s)(?:(?:قبل|پیش|بعد)\s*از\s*ظهر|بعدازظهر|بامداد|سحرگاه|شامگاه|نیمه[\s\u200c]?شب|اذان\s+(?:صبح|ظهر|مغرب|عشا))"
        rf"{WORD_END}(?!\s+(?:(?:روز|شب|امروز|دیروز|فردا|پریروز|امشب|دیشب|{w.weekday})(?![\w\u200c])|{DIGIT}|(?:{w.ordinal})\s+(?:{w.month})))"
    ),
    resolve=lambda hit: hit.found("time", None, None, "a part of a day the text does not name"),
    keywords=lambda: ["ظهر", "بعدازظهر", "بامداد", "سحرگاه", "شامگاه", "نیمه‌شب", "شب", "اذان"],
    needs=lambda w: r"ظهر|بامداد|سحرگاه|شامگاه|نیمه[\s\u200c]?شب|اذان",
    examples=(Example("قبل از ظهر", None), Example("بامداد", None), Example("اذان مغرب", None)),
    rejects=("بامداد امروز", "ساعت ۳ بعد از ظهر", "شامگاه ۳۱ شهریور", "بعد از ظهر سوم مهر"),
)

_MINUTE = rf"{DIGIT}{{1,3}}(?:\s*\+\s*{DIGIT}{{1,2}})?"

MATCH_MINUTE = Rule(  # "دقیقه ۹۰+۳", "دقایق ۵، ۶۱ و ۸۹": minutes of a game or a programme
    "match_minute",
    pattern=lambda w: (
        rf"{WORD_START}(?<!{DIGIT}\s)(?:دقیقه|دقایق)\s+(?:{_MINUTE}(?:\s*[،,]\s*{_MINUTE})*(?:\s+(?:و|تا)\s+{_MINUTE})?|نود|چهل\s+و\s+پنج)"
        rf"(?![\w\u200c])(?!\s*(?:[:/.]{DIGIT}|ثانیه|درصد|نفر|دقیقه|ساعت))"
    ),
    resolve=lambda hit: hit.found("time", None, None, "a minute of a game or a programme, not a clock time"),
    keywords=lambda: ["دقیقه", "دقایق"],
    needs=lambda w: rf"(?:دقیقه|دقایق)\s+(?:{DIGIT}|نود|چهل)",
    examples=(Example("دقیقه ۹۰+۳", None), Example("دقایق ۵، ۶۱ و ۸۹", None), Example("دقیقه نود", None)),
    rejects=("۲۰ دقیقه ۳۰ ثانیه گذشت",),
)
