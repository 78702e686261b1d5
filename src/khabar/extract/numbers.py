"""Quantities in normalized Persian text: numbers in digits, words or both, with
what they measure — money (ISO 4217), percent, counts, measures — and their
approximations ("حدود", "بیش از") and ranges ("۱۰ تا ۱۵").

Values are what the text literally says: "۹ میلیارد و ۱۰۰ هزار دلار" is
9,000,100,000 USD; "۵۰۰ هزار تومان" is 5,000,000 IRR (unit noted as toman).
Numbers before a unit of time ("۴ ماه", "سه روز") are left to the times layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from itertools import islice
from typing import Any

from khabar.extract.numberwords import (
    CARDINALS,
    FRACTION_WORDS,
    SCALE_VALUES,
    SCALES,
    UNITS,
    ZWNJ,
    combine,
    digits_value,
    ordinal_value,
    segment_words,
)
from khabar.model import Quantity
from khabar.persian.chars import LATIN_DIGITS, PERSIAN_DIGITS

_LATIN_OR_PERSIAN_DIGITS = LATIN_DIGITS + PERSIAN_DIGITS

# Currencies: Persian name (one or two words) → (ISO 4217 code, factor).
CURRENCIES: dict[str, tuple[str, int]] = {
    "دلار": ("USD", 1), "دلار آمریکا": ("USD", 1), "دلار امریکا": ("USD", 1),
    "دلار کانادا": ("CAD", 1), "دلار استرالیا": ("AUD", 1), "دلار هنگ‌کنگ": ("HKD", 1),
    "یورو": ("EUR", 1), "ریال": ("IRR", 1), "ریال ایران": ("IRR", 1), "تومان": ("IRR", 10),
    "ریال سعودی": ("SAR", 1), "ریال عمان": ("OMR", 1), "ریال قطر": ("QAR", 1), "ریال یمن": ("YER", 1),
    "روبل": ("RUB", 1), "لیر": ("TRY", 1), "لیر ترکیه": ("TRY", 1), "لیره ترکیه": ("TRY", 1),
    "لیره لبنان": ("LBP", 1), "لیره سوریه": ("SYP", 1), "پوند": ("GBP", 1), "پوند انگلیس": ("GBP", 1),
    "ین": ("JPY", 1), "ین ژاپن": ("JPY", 1), "یوان": ("CNY", 1), "یوان چین": ("CNY", 1),
    "درهم": ("AED", 1), "درهم امارات": ("AED", 1), "دینار عراق": ("IQD", 1), "دینار کویت": ("KWD", 1),
    "دینار بحرین": ("BHD", 1), "روپیه": ("INR", 1), "روپیه هند": ("INR", 1), "روپیه پاکستان": ("PKR", 1),
    "افغانی": ("AFN", 1), "فرانک سوئیس": ("CHF", 1), "وون": ("KRW", 1), "وون کره جنوبی": ("KRW", 1),
    "منات": ("AZN", 1), "منات آذربایجان": ("AZN", 1), "منات ترکمنستان": ("TMT", 1), "درام": ("AMD", 1),
    "سامانی": ("TJS", 1), "لاری": ("GEL", 1), "تنگه": ("KZT", 1), "بیت‌کوین": ("XBT", 1),
    "سنت": ("USD", 0.01),  # a cent alone is a dollar's; after "n euro و" it is the euro's (see _with_cents)
    "دینار عراقی": ("IQD", 1), "دینار کویتی": ("KWD", 1), "دینار بحرینی": ("BHD", 1), "ریال عربستان": ("SAR", 1),
    "ریال قطری": ("QAR", 1), "ریال عمانی": ("OMR", 1), "روپیه پاکستانی": ("PKR", 1), "دلار کانادایی": ("CAD", 1),
}
# Measures: Persian unit → English unit name.
MEASURES: dict[str, str] = {
    "بشکه": "barrel", "تن": "tonne", "کیلوگرم": "kg", "کیلو": "kg", "گرم": "g", "میلی‌گرم": "mg",
    "کیلومتر": "km", "متر": "m", "سانتی‌متر": "cm", "سانتیمتر": "cm", "میلی‌متر": "mm", "میلیمتر": "mm",
    "کیلومتر مربع": "km2", "متر مربع": "m2", "هکتار": "ha", "متر مکعب": "m3", "مترمکعب": "m3",
    "لیتر": "l", "میلی‌لیتر": "ml", "کیلووات": "kW", "مگاوات": "MW", "گیگاوات": "GW", "کیلووات ساعت": "kWh",
    "درجه سانتی‌گراد": "degC", "درجه": "degree", "ریشتر": "Richter", "مایل": "mile", "فوت": "ft",
    "اینچ": "inch", "گیگابایت": "GB", "مگابایت": "MB", "ترابایت": "TB", "قیراط": "carat", "اونس": "oz",
    "کیلومتر بر ساعت": "km/h", "متر بر ثانیه": "m/s", "بشکه در روز": "barrel/d", "مترمکعب در روز": "m3/d",
}
# Counters: what is counted → English name.
COUNTERS: dict[str, str] = {
    "بار": "times", "مرتبه": "times", "دفعه": "times", "نفر": "person", "مورد": "case",
    "دستگاه": "unit", "فروند": "vessel", "عدد": "item", "قطعه": "piece", "رأس": "head",
    "راس": "head", "باب": "building", "جلد": "volume", "واحد": "unit", "خانوار": "household",
    "کشته": "killed", "زخمی": "wounded", "مجروح": "wounded",
    "فقره": "item", "نسخه": "copy", "گل": "goal", "شاخه": "stem", "اصله": "tree", "تخته": "sheet",
}
# Nouns counted by a number before them: a count when the number is in digits or
# large ("۷۳ کشور", "۱۲۵۸ ورزشکار"); "دو کشور" is "the two countries", not a figure.
COUNTED_NOUNS: dict[str, str] = {
    "امتیاز": "point", "بازی": "game", "بازیکن": "player", "تیم": "team", "کشور": "country", "شهر": "city",
    "استان": "province", "روستا": "village", "کودک": "child", "دانش‌آموز": "pupil", "دانشجو": "student",
    "ورزشکار": "athlete", "شهید": "martyr", "زندانی": "prisoner", "پرونده": "case file", "شرکت": "company",
}
# Time units: a number before one of them belongs to the times layer.
TIME_UNITS = frozenset(
    ["ثانیه", "دقیقه", "ساعت", "روز", "شب", "هفته", "ماه", "سال", "قرن", "دهه", "سده", "فصل", "بامداد", "صبح", "ظهر", "عصر"]
)
PERCENT = frozenset({"درصد", "درصدی", "٪", "%"})
# Approximation words before a number, and what they mean.
APPROX_BEFORE = {
    "حدود": "about", "حدودا": "about", "حدوداً": "about", "تقریبا": "about", "تقریباً": "about",
    "نزدیک به": "about", "قریب به": "about", "در حدود": "about", "بالغ بر": "about",
    "بیش از": "more_than", "بیشتر از": "more_than", "افزون بر": "more_than", "بالای": "more_than",
    "کمتر از": "less_than", "کم‌تر از": "less_than", "زیر": "less_than",
    "دست‌کم": "at_least", "حداقل": "at_least", "حداکثر": "at_most", "تا": "at_most",
}
RANGE_WORDS = frozenset({"تا", "الی", "-", "–"})
# Indefinite amounts: "ده‌ها" (tens of), "صدها", "هزاران", "میلیون‌ها" …, as the range
# of values they can mean; a scale after one multiplies it ("ده‌ها هزار": 20,000–99,000).
VAGUE: dict[str, tuple[int, int]] = {
    "ده‌ها": (20, 99), "دهها": (20, 99), "صدها": (200, 999), "هزاران": (2_000, 9_999), "هزارها": (2_000, 9_999),
    "میلیون‌ها": (2 * 10**6, 999 * 10**6), "میلیونها": (2 * 10**6, 999 * 10**6),
    "میلیاردها": (2 * 10**9, 999 * 10**9), "میلیارد‌ها": (2 * 10**9, 999 * 10**9),
}
VAGUE_NOTE = "an indefinite amount: the range it can mean"
CENTS_NOTE = "cents (hundredths of the currency)"
# Latin letters as Persian spells them: "سی" beside one is the letter C of an
# acronym ("سی بی سی", "سی ان ان"), not thirty.
LETTER_NAMES = frozenset(
    ["ای", "بی", "دی", "اف", "جی", "اچ", "آی", "کی", "ال", "ام", "ان", "پی", "کیو", "آر", "اس", "تی", "یو",
     "وی", "دبلیو", "ایکس", "وای", "زد"]
)
# A word number below this, alone and before no unit, is usually a determiner
# ("دو کشور", "سه طرف"): it is not reported.
MIN_BARE_WORD_NUMBER = 10

_NUMBER_WORDS = sorted(set(CARDINALS) | set(FRACTION_WORDS) | {"اول", "اولین", "نخست", "نخستین"}, key=len, reverse=True)
_CANDIDATE = re.compile(rf"(?<![0-9۰-۹/.,٫٬:\w])[0-9۰-۹]|(?<![^\s«(])(?:{'|'.join(_NUMBER_WORDS)})")
_TOKEN = re.compile(r"[0-9۰-۹]+(?:[.,٫٬/:][0-9۰-۹]+)*|[٪%–-]|[^\s\d،؛:!?؟«»()\[\]{}\"'.,…٪%]+")
_SPACED_TOKEN = re.compile(r"[^\S\n]*(" + _TOKEN.pattern + ")")
# Nouns a number after which names a place in a series, not an amount of what follows
# (singular and plural: "ماده ۵", "مواد ۵ و ۶", "تبصره ۲", "مناطق ۴").
_LABEL_NOUNS = (
    "دقیقه|شماره|ردیف|بند|بندهای|ماده|مواد|اصل|اصول|تبصره|تبصره\u200cهای|صفحه|پلاک|کلانتری|ناحیه|شعبه|منطقه|مناطق|"
    "کد|حساب|کارت|ستاره|قطعنامه|سوره|آیه|پرواز|ایستگاه|کانال"
)
_POSITION_BEFORE = re.compile(
    rf"(?<![\w\u200c])(?:{_LABEL_NOUNS})\s+$"
)
# The next numbers of a list after one ("مناطق ۴، ۵ و ۹", "مواد ۲ و ۳"): labels too.
_LIST_AFTER_LABEL = re.compile(
    rf"(?<![\w\u200c])(?:{_LABEL_NOUNS})\s+[0-9۰-۹]+(?:\s*[،,]\s*[0-9۰-۹]+)*(?:\s*[،,]\s*|\s+و\s+)$"
)
LABEL_NOTE = "a place in a series or a label (article, branch, account), not an amount"
_IDENTIFIER = re.compile(r"[0-9۰-۹]{12,}")  # a card or account number
_AFTER_WORD_DASH = re.compile(r"[^\W\d_][-–]$")  # "کووید-۱۹": a name's number
_NUMBER_BEFORE = re.compile(r"(?:[0-9۰-۹]|(?<![\w\u200c])(?:یک|دو|سه|چند|چندین))\s+$")
_CODE = re.compile(r"[0۰][0-9۰-۹]{2,}(?![0-9۰-۹.,٫٬/:])")
# "دهم" is also the verb "(I) give" after the noun of a compound verb: "انجام دهم", "ادامه دهم".
_GIVE_VERB = re.compile(r"دهم(?![\w\u200c])")
_LIGHT_NOUN_BEFORE = re.compile(
    r"(?<![\w\u200c])(?:انجام|ادامه|نشان|قرار|شکست|تغییر|پایان|پاسخ|جواب|توضیح|ترجیح|اجازه|گوش|رای|رأی|فریب|"
    r"آموزش|یاد|تحویل|ارائه|نجات|کاهش|افزایش|فرصت|امتحان|جلوه|سامان|هدیه|دست|سر|تن|فشار|قول|صدقه|انتقال|تشخیص|"
    r"جهت|شخصیت|اهمیت|عادت|رشد|توسعه|پیوند|ربط|سوق|خاتمه|ارجاع|اختصاص|تشکیل|تذکر|هشدار|شعار|آزار|وعده)\s+$"
)
_CUP_ROUND = re.compile(r"(?:یک|۱)\s+(?:دوم|چهارم|هشتم|شانزدهم)\s+(?:نهایی|پایانی)(?![\w\u200c])")


def _position_before(text: str, pos: int) -> bool:
    """Whether the number at `pos` is a place in a series ("دقیقه ۶۱", "ماده ۵"),
    not after an amount of that noun ("۹۰ دقیقه ۲ گل": two goals)."""
    m = _POSITION_BEFORE.search(text, max(0, pos - 14), pos)
    if m is None:
        return False
    amount_unit = m.group().strip() in ("دقیقه", "صفحه")  # "۹۰ دقیقه ۲ گل"; but "ستاره ۷۸۰ ستاره ۱۱۲" is a code
    return not (amount_unit and _NUMBER_BEFORE.search(text, max(0, m.start() - 8), m.start()))


def extract_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` (already normalized), in order."""
    found: list[Quantity] = []
    end = 0
    for m in _CANDIDATE.finditer(text):
        if m.start() < end:
            continue
        if cup_round := _CUP_ROUND.match(text, m.start()):
            end = cup_round.end()  # "یک هشتم نهایی": a round of a cup, not a fraction
            continue
        if code := _CODE.match(text, m.start()):
            end = code.end()  # "۰۲۴۱", "۰۹۱۲۳۴۵۶۷۸۹": a dialling code or a number to call, not a quantity
            continue
        if (verb := _GIVE_VERB.match(text, m.start())) and _LIGHT_NOUN_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            end = verb.end()  # "انجام دهم": "I do", not the tenth
            continue
        quantity = _quantity_at(text, m.start())
        if quantity is not None:
            found.append(quantity)
            end = quantity.end
        else:  # do not look for numbers inside the word that was not one
            word = _TOKEN.match(text, m.start())
            end = word.end() if word else m.end()
    return _with_cents(text, _two_unit_measures(text, found))


def _with_cents(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "n <currency> و m سنت" into one amount of that currency ("۳۳۳ دلار و ۵۰ سنت" is 333.5 USD)."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == q.kind == "money" and q.note == CENTS_NOTE and prev.note != CENTS_NOTE
            and not prev.approx and not q.approx and isinstance(prev.value, (int, float))
            and isinstance(q.value, (int, float)) and 0 <= q.value < 1 and _AND.fullmatch(text, prev.end, q.start)
        ):
            prev.value = _plain(Fraction(str(prev.value)) + Fraction(str(q.value)))
            prev.end, prev.text = q.end, text[prev.start : q.end]
            continue
        out.append(q)
    return out


# A measure written in a unit and its sub-unit: "یک متر و ۸۷ سانتی‌متر" is 1.87 m.
SUB_UNITS = {("m", "cm"): 100, ("m", "mm"): 1000, ("km", "m"): 1000, ("kg", "g"): 1000, ("tonne", "kg"): 1000}
_AND = re.compile(r"\s+و\s+")


def _two_unit_measures(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "n unit و m sub-unit" (m less than one unit) into one measure in the larger unit."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        per = SUB_UNITS.get((prev.unit, q.unit)) if prev is not None and prev.kind == q.kind == "measure" else None
        if (
            per and prev is not None and not prev.approx and not q.approx
            and isinstance(prev.value, int) and isinstance(q.value, (int, float)) and 0 <= q.value < per
            and _AND.fullmatch(text, prev.end, q.start)
        ):
            value = Fraction(prev.value) + Fraction(str(q.value)) / per
            prev.value = int(value) if value.denominator == 1 else float(value)
            prev.end, prev.text = q.end, text[prev.start : q.end]
            continue
        out.append(q)
    return out


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str


def _tokens(text: str, pos: int, limit: int = 64) -> list[_Tok]:
    """Up to `limit` tokens from `pos`, each after spaces, stopping at a line
    break or a character no token takes (the matches must follow each other)."""
    out: list[_Tok] = []
    for m in islice(_SPACED_TOKEN.finditer(text, pos), limit):
        if m.start() != pos:
            break
        out.append(_Tok(m.start(1), m.end(), m.group(1)))
        pos = m.end()
    return out


def _number(toks: list[_Tok], i: int) -> tuple[int | float | Fraction, int, bool, bool] | None:
    """Parse a number starting at toks[i]: (value, next index, is ordinal, all words)."""
    parts: list[int | float | Fraction] = []
    j = i
    words_only = True
    ordinal = False
    while j < len(toks):
        t = toks[j].text
        if parts and t == "و" and j + 1 < len(toks):
            j += 1
            continue
        value = _atom(t)
        if value is not None and "/" in t and j + 1 < len(toks) and _is_unit_word(toks[j + 1].text):
            value = _slash_decimal(t)  # "۵/۲ میلیارد دلار", "۲/۵ درصد": the slash is a decimal mark
        if value is not None:
            if isinstance(value, float) or t[0] in _LATIN_OR_PERSIAN_DIGITS:
                words_only = False
                if parts and value not in SCALE_VALUES and not _follows_scale(parts):
                    break  # "۲۰۲۱ ۵": two numbers side by side
            elif parts and not _after_and(toks, j) and value not in SCALE_VALUES and not _follows_scale(parts):
                break  # two word numbers side by side without "و"
            parts.append(value)
            j += 1
            continue
        if not parts and t == "نیم" and j + 1 < len(toks) and toks[j + 1].text in SCALES:
            parts.append(FRACTION_WORDS[t])  # "نیم میلیون": half a million
            j += 1
            continue
        if parts and _after_and(toks, j) and t in FRACTION_WORDS:
            parts.append(FRACTION_WORDS[t])  # "دو و نیم (میلیون)"
            j += 1
            continue
        ordinal_number = ordinal_value(t) if not parts or _after_and(toks, j) else None
        if ordinal_number is not None:
            parts.append(ordinal_number)
            ordinal = True
            j += 1
            break
        break
    if parts and toks[j - 1].text == "و":
        j -= 1
    if not parts:
        return None
    return combine(parts), j, ordinal, words_only


_UNIT_FIRST_WORDS = frozenset(
    k.split()[0] for table in (CURRENCIES, MEASURES, COUNTERS, COUNTED_NOUNS) for k in table
) | PERCENT | frozenset(SCALES)


def _is_unit_word(token: str) -> bool:
    """A scale, a percent sign or the first word of a unit (also as an adjective: "تومانی")."""
    return token in _UNIT_FIRST_WORDS or (token.endswith("ی") and token[:-1] in _UNIT_FIRST_WORDS)


def _slash_decimal(token: str) -> float | None:
    """"۵/۲" read as 5.2, as Persian writes decimals with a slash."""
    whole, _, part = token.partition("/")
    value = digits_value(f"{whole}.{part}")
    return float(value) if value is not None else None


def _follows_scale(parts: list[int | float | Fraction]) -> bool:
    return bool(parts) and parts[-1] in SCALE_VALUES


def _ends_with_and(token: str) -> bool:
    """A number word with "و" written onto it ("سیصدو"; not "دو" itself)."""
    return len(token) > 2 and token.endswith("و") and token not in CARDINALS


def _after_and(toks: list[_Tok], j: int) -> bool:
    """Whether "و" comes right before toks[j], alone or written onto the word before."""
    return toks[j - 1].text == "و" or _ends_with_and(toks[j - 1].text)


def _atom(token: str) -> int | float | None:
    if token[0] in _LATIN_OR_PERSIAN_DIGITS:
        if token.count("/") == 1:  # ۳/۴
            num, den = (digits_value(p) for p in token.split("/"))
            if isinstance(num, int) and isinstance(den, int) and num >= 1000 and den == num + 1:
                return None  # "۲۰۱۳/۲۰۱۴": two years, not a fraction
            return round(num / den, 6) if isinstance(num, int) and isinstance(den, int) and den else None
        return digits_value(token)
    if ZWNJ in token:  # یک‌سوم، دو‌پنجم; یک‌هزار
        num, _, den = token.partition(ZWNJ)
        if num in CARDINALS and den in SCALES:
            return CARDINALS[num] * SCALES[den]
        numerator, denominator = UNITS.get(num), ordinal_value(den)
        if numerator and denominator and denominator > numerator and not den.endswith("ین"):
            return round(numerator / denominator, 6)
        return None
    value = CARDINALS.get(token)
    if value is not None:
        return value
    if _ends_with_and(token):  # "سیصدو" of "سیصدو پنج"
        return _atom(token[:-1])
    if ZWNJ not in token and any(c == "و" for c in token[1:-1]):
        parts = segment_words(token)
        if parts and len(parts) > 1:
            return combine(parts)
    return None


def _unit_at(toks: list[_Tok], j: int, table: dict[str, Any]) -> tuple[str, int] | None:
    """The longest entry of `table` (one or more words) starting at toks[j],
    also as an adjective ("۱۵ هزار تومانی", "۵.۲ ریشتری", "افزایش ۲۰ درصدی")."""
    for n in (3, 2, 1):
        if j + n <= len(toks):
            key = " ".join(t.text for t in toks[j : j + n])
            if key in table:
                return key, j + n
            if key.endswith("ی") and key[:-1] in table:
                return key[:-1], j + n
    return None


@dataclass(slots=True)
class _Reading:
    """A number read from tokens: its value (or [low, high]), the index of the
    token after it, and how it was written."""

    value: Any
    j: int
    ordinal: bool
    words_only: bool
    vague: bool = False
    dash: bool = False  # a range written with a dash ("۲-۱"): maybe a score


def _quantity_at(text: str, pos: int) -> Quantity | None:
    """The quantity whose number starts at `pos`, or None."""
    toks = _tokens(text, pos)
    if not toks or _is_acronym_letter(toks, text, pos) or _IDENTIFIER.fullmatch(toks[0].text):
        return None
    if _AFTER_WORD_DASH.search(text, max(0, pos - 2), pos):
        return None
    reading = _value_at(toks)
    if reading is None:
        return None
    unit = _unit_after(text, pos, toks, reading)
    if unit is None:
        return None
    kind, unit_name, note = unit
    if reading.ordinal and kind != "number":
        return None
    value, note = _in_order(reading, kind, note)
    back = approx_before(text, pos)
    start = back[1] if back else toks[0].start
    approx = back[0] if back else None
    if reading.vague:
        approx, note = "vague", f"{note}; {VAGUE_NOTE}" if note else VAGUE_NOTE
    minus = _MINUS_BEFORE.search(text, max(0, start - 6), start)
    if minus and not isinstance(value, list) and kind != "count":
        start = minus.start()
        if unit_name == "kg":  # "منفی ۵۵ کیلوگرم": a weight class, up to 55 kg
            approx, note = "at_most", "weight class"
        else:
            value = -value  # "منفی ۱۰ درجه"
    end = toks[reading.j - 1].end
    return Quantity(start, end, text[start:end], kind, value, unit_name, approx=approx, ordinal=reading.ordinal, note=note)


def _value_at(toks: list[_Tok]) -> _Reading | None:
    """The number at toks[0]: words, digits, a fraction, an indefinite amount, a range."""
    vague = _vague_at(toks)
    first = vague if vague is not None else _number(toks, 0)
    if first is None:
        if toks[0].text != "نیم":
            return None
        first = (FRACTION_WORDS["نیم"], 1, False, True)
    value, j, ordinal, words_only = first
    reading = _Reading(_plain(value), j, ordinal, words_only, vague=vague is not None)
    fraction = _fraction_after(toks, j, value) if not ordinal else None
    if fraction is not None:
        reading.value, reading.j = fraction
        reading.words_only = False  # "سه چهارم" is a fraction, not a determiner
    if not ordinal and not reading.vague:
        _range_after(toks, reading)
    return reading


def _range_after(toks: list[_Tok], reading: _Reading) -> None:
    """Make `reading` a range when "تا", "الی" or a dash and a second number follow it."""
    j = reading.j
    if not (j + 1 < len(toks) and toks[j].text in RANGE_WORDS):
        return
    second = _number(toks, j + 1)
    if second is None or second[2]:
        return
    low, high = reading.value, _plain(second[0])
    scale = next((SCALES[t.text] for t in reversed(toks[j + 1 : second[1]]) if t.text in SCALES), 1)
    own_scale = any(t.text in SCALES for t in toks[:j])
    if scale > 1 and isinstance(low, (int, float)) and (
            low < high / scale or (not own_scale and high / scale < low <= 20 * high / scale)):
        low = _plain(low * scale)  # "۱۰ تا ۱۵ میلیون" (and "۲۰ تا ۱۰ میلیون" running down): the scale belongs to both
    elif (isinstance(low, int) and isinstance(high, int) and (1300 <= low < 1500 or 1900 <= low < 2100)
          and 0 < high - low % 100 <= 10):
        high = low - low % 100 + high  # "۲۰۱۸ تا ۱۹", "۱۳۹۸-۹۹": a year, and the next written short
    reading.dash = toks[j].text in ("-", "–")
    reading.value, reading.j = [low, high], second[1]
    reading.words_only = reading.words_only and second[3]


def _unit_after(text: str, pos: int, toks: list[_Tok], reading: _Reading) -> tuple[str, str | None, str | None] | None:
    """(kind, unit, note) of what follows the number, moving `reading.j` past
    the unit; None when it is not a quantity (a determiner, a number of time units)."""
    j = reading.j
    # a small number in words, alone, is usually a determiner ("دو کشور", "سه طرف")
    determiner = reading.words_only and not isinstance(reading.value, list) and reading.value < MIN_BARE_WORD_NUMBER
    if j < len(toks) and toks[j].text in PERCENT:
        reading.j = j + 1
        return "percent", "%", None
    if (cur := _unit_at(toks, j, CURRENCIES)) is not None:
        code, factor = CURRENCIES[cur[0]]
        reading.j = cur[1]
        if factor == 1:
            return "money", code, None
        reading.value = _scale(reading.value, factor)
        return "money", code, "toman (10 rials)" if factor == 10 else CENTS_NOTE
    if (meas := _unit_at(toks, j, MEASURES)) is not None and not _people(toks, meas[1], meas[0], text, pos):
        reading.j = meas[1]
        return "measure", MEASURES[meas[0]], None
    if not _position_before(text, pos):  # "در دقیقه ۶۱ بازی": the 61st minute of the game, not 61 games
        if (count := _unit_at(toks, j, COUNTERS)) is not None:
            reading.j = count[1]
            return "count", COUNTERS[count[0]], None
        if j < len(toks) and toks[j].text == "تن":
            reading.j = j + 1
            return "count", "person", None
        if not determiner and (noun := _unit_at(toks, j, COUNTED_NOUNS)) is not None:
            reading.j = noun[1]
            return "count", COUNTED_NOUNS[noun[0]], None
        if j < len(toks) and toks[j].text in TIME_UNITS:
            return None
    if determiner and not reading.ordinal:
        return None
    label = _position_before(text, pos) or _LIST_AFTER_LABEL.search(text, max(0, pos - 60), pos)
    fold = j < len(toks) and toks[j].text == "گانه"  # "مواد ۲۲ گانه": the 22 articles, an amount
    if label and not fold and not isinstance(reading.value, list):
        reading.ordinal = True  # "ماده ۱۸۰", "شعبه ۱۱۵۷": a rank or a label
        return "number", None, LABEL_NOTE
    return "number", None, None


def _in_order(reading: _Reading, kind: str, note: str | None) -> tuple[Any, str | None]:
    """A range low to high (noted when written high to low), or a score ("۲-۱") said to be one."""
    value = reading.value
    if not isinstance(value, list):
        return value, note
    if reading.dash and value[0] >= value[1]:
        if kind == "number":
            return value, "a result, not a range"  # "۲-۱", "۱-۱": a score; no range runs down or stands still
        return [value[1], value[0]], note  # "۲۰-۱۵ درصد": a range typed right to left
    if value[0] > value[1]:
        return [value[1], value[0]], f"{note}; written high to low" if note else "written high to low"  # "از ۳۵ تا ۹ درصد"
    return value, note


def _vague_at(toks: list[_Tok]) -> tuple[list[int], int, bool, bool] | None:
    """An indefinite amount at toks[0] ("ده‌ها", "صدها هزار"): ([low, high], next index, False, False)."""
    span = VAGUE.get(toks[0].text)
    if span is None:
        return None
    low, high = span
    j = 1
    if j < len(toks) and toks[j].text in SCALES:
        low, high, j = low * SCALES[toks[j].text], high * SCALES[toks[j].text], j + 1
    return [low, high], j, False, False


def _is_acronym_letter(toks: list[_Tok], text: str, pos: int) -> bool:
    """"سی" beside a spelled Latin letter: a letter of an acronym."""
    if toks[0].text != "سی":
        return False
    before = text[max(0, pos - 8) : pos].split()
    return (len(toks) > 1 and spelled_letters(toks[1].text)) or (bool(before) and spelled_letters(before[-1]))


def spelled_letters(word: str) -> bool:
    """Whether `word` is Latin letters spelled in Persian ("بی", "بی‌بی"; not "سابقه‌ای")."""
    return all(part in LETTER_NAMES for part in word.split(ZWNJ))


def _fraction_after(toks: list[_Tok], j: int, numerator) -> tuple[float, int] | None:
    """"یک سوم", "دو‌پنجم", "۳/۴" after the numerator."""
    if j < len(toks) and isinstance(numerator, int) and numerator < 20:
        denominator = ordinal_value(toks[j].text)
        if denominator and denominator > numerator and not toks[j].text.endswith("ین"):
            return round(numerator / denominator, 6), j + 1
    return None


def _people(toks: list[_Tok], j: int, unit: str, text: str = "", pos: int = 0) -> bool:
    """"تن" counts people before "از" or a word of casualties ("۵۰ تن کشته شدند"),
    or after people counted earlier in the clause ("تعداد جان‌باختگان به ۲۲۱۱۵ تن رسید")."""
    if unit != "تن":
        return False
    following = {t.text for t in toks[j : j + 3]}
    if following & {"از", "کشته", "زخمی", "مجروح", "بازداشت", "دستگیر", "جان"}:
        return True
    return _PEOPLE_BEFORE.search(text, max(0, pos - 60), pos) is not None


# People counted before a number in the same clause: "تن" after them is persons, not tonnes.
_PEOPLE_BEFORE = re.compile(r"(?:جان‌باختگان|جانباختگان|کشته‌شدگان|قربانیان|مبتلایان|مجروحان|زخمی‌ها|فوتی‌ها|"
                            r"بیماران|درگذشتگان|افراد|نفرات|شهروندان)[^.،؛\n]*$")
_MINUS_BEFORE = re.compile(r"(?<![\w\u200c])منفی\s+$")


def approx_before(text: str, pos: int) -> tuple[str, int] | None:
    """An approximation word ending right before `pos`: (meaning, its start)."""
    before = text[max(0, pos - 14) : pos].rstrip()
    for phrase, meaning in APPROX_BEFORE.items():
        if before.endswith(phrase):
            start = pos - (len(text[max(0, pos - 14) : pos]) - len(before)) - len(phrase)
            if start == 0 or not text[start - 1].isalpha():
                if phrase == "تا":
                    continue  # "تا" before a number is a range end or "until"
                return meaning, start
    return None


def _plain(value: int | float | Fraction) -> int | float:
    if isinstance(value, Fraction):
        return int(value) if value.denominator == 1 else float(value)
    if isinstance(value, float) and value.is_integer() and value >= 1e15:
        return int(value)
    return value


def _scale(value: Any, factor: int) -> Any:
    if isinstance(value, list):
        return [_plain(v * factor) for v in value]
    return _plain(value * factor)
