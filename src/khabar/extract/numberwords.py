"""Persian numbers in words and digits: values of cardinals, ordinals, fractions,
and the reverse (an integer to its words)."""

from __future__ import annotations

import re
from fractions import Fraction

from khabar.persian.chars import TO_LATIN_DIGITS, ZWNJ

UNITS = {
    "صفر": 0, "یک": 1, "یه": 1, "دو": 2, "سه": 3, "چهار": 4, "پنج": 5, "شش": 6, "شیش": 6,
    "هفت": 7, "هشت": 8, "نه": 9, "ده": 10, "یازده": 11, "دوازده": 12, "سیزده": 13,
    "چهارده": 14, "پانزده": 15, "پونزده": 15, "شانزده": 16, "شونزده": 16, "هفده": 17,
    "هجده": 18, "هیجده": 18, "نوزده": 19,
}
TENS = {"بیست": 20, "سی": 30, "چهل": 40, "پنجاه": 50, "شصت": 60, "هفتاد": 70, "هشتاد": 80, "نود": 90}
HUNDREDS = {
    "صد": 100, "یکصد": 100, "دویست": 200, "سیصد": 300, "چهارصد": 400, "پانصد": 500,
    "پونصد": 500, "ششصد": 600, "هفتصد": 700, "هشتصد": 800, "نهصد": 900,
}
SCALES = {"هزار": 10**3, "میلیون": 10**6, "میلیارد": 10**9, "بیلیون": 10**9, "تریلیون": 10**12, "تریلیارد": 10**15}
SMALL = {**UNITS, **TENS, **HUNDREDS}
CARDINALS = {**SMALL, **SCALES}
_LONGEST = max(map(len, CARDINALS))

# Ordinal stems that differ from the cardinal: "سوم" (not "سه‌م"), "اول".
_ORDINAL_SPECIAL = {"اول": 1, "اولین": 1, "نخست": 1, "نخستین": 1, "یکم": 1, "یکمین": 1, "سوم": 3, "سومین": 3}
FRACTION_WORDS = {"نیم": Fraction(1, 2), "نصف": Fraction(1, 2), "ربع": Fraction(1, 4)}

MAX_DIGITS = 24  # digits before the decimal point of a number that is an amount
_DIGIT_NUMBER = re.compile(r"^[0-9]+(?:[,٬][0-9]{3})*(?:[.٫][0-9]+)?$")


def digits_value(text: str) -> int | float | None:
    """The value of a number written in digits ("۱٬۲۰۰", "۲۲.۵", "3,500"), or None."""
    latin = text.translate(TO_LATIN_DIGITS)
    if not _DIGIT_NUMBER.match(latin):
        return None
    latin = latin.replace(",", "").replace("٬", "").replace("٫", ".")
    if len(latin.partition(".")[0]) > MAX_DIGITS:
        return None  # not an amount (an id, a hash, junk); int() refuses 4,300 digits and float() gives inf
    return float(latin) if "." in latin else int(latin)


def word_value(word: str) -> int | None:
    """The value of one cardinal word ("هفتصد", "میلیون"), or None."""
    return CARDINALS.get(word)


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal word ("دوم", "سی‌ام", "چهارمین", "نخست", "بیست‌ویکم"), or None."""
    if word in _ORDINAL_SPECIAL:
        return _ORDINAL_SPECIAL[word]
    if ZWNJ + "و" in word:  # بیست‌ویکم
        word = word.replace(ZWNJ, "")
    elif ZWNJ in word and not word.endswith((ZWNJ + "ام", ZWNJ + "امین")):
        return None
    stem = word[:-2] if word.endswith("ین") else word
    if not stem.endswith("م"):
        return None
    stem = stem[:-1]
    if stem.endswith(ZWNJ + "ا"):  # سی‌ام
        stem = stem[:-2]
    elif stem.endswith("ا") and stem[:-1] in ("سی",):
        stem = stem[:-1]
    if stem.endswith("سه"):
        return None  # the ordinal of سه is سوم; "سهم" is a share
    if stem.endswith("سو"):  # سوم، بیست و سوم
        stem = stem[:-2] + "سه"
    return compound_value(stem)


def compound_value(words: str) -> int | None:
    """The value of a cardinal written in words, joined or spaced: "دو هزار و
    بیست و یک", "هزارونهصدونود", "سیصد‌وپنجاه"; None if it is not one."""
    values: list[int] = []
    for piece in re.split(rf"[\s{ZWNJ}]+", words.strip()):
        if piece == "و":
            continue
        segmented = segment_words(piece)
        if segmented is None:
            return None
        values.extend(segmented)
    merged: list[int] = []
    for value in values:  # "یک صد", "دو صد" (as Dari writes 200): a hundreds word
        if value == 100 and merged and 1 <= merged[-1] <= 9:
            merged[-1] *= 100
        else:
            merged.append(value)
    return combine(merged) if merged and _well_formed(merged) else None


def _well_formed(values: list[int]) -> bool:
    """Between scales, hundreds come before tens and tens before ones, each at
    most once ("بیست و هشت"; not "هفت و بیست و هشت", which is two numbers)."""
    last = 4
    for value in values:
        if value in SCALE_VALUES and value >= 1000:
            last = 4
            continue
        rank = 3 if value >= 100 else 2 if value >= 20 else 1
        if rank >= last:
            return False
        last = rank
    return True


def segment_words(piece: str) -> list[int] | None:
    """Number words written together, with or without "و" between them
    ("هزارونهصدونود" → [1000, 900, 90]); longest word first at each point."""
    if piece in CARDINALS:
        return [CARDINALS[piece]]
    values: list[int] = []
    i = 1 if piece.startswith("و") and len(piece) > 1 else 0
    after_and = True
    while i < len(piece):
        for length in range(min(_LONGEST, len(piece) - i), 0, -1):
            value = CARDINALS.get(piece[i : i + length])
            if value is not None:
                if not after_and and value not in _JOINED_SCALES:
                    return None  # "سینه" (chest) is not سی + نه: tens and ones are joined by "و"
                values.append(value)
                i += length
                after_and = piece.startswith("و", i)
                if after_and:
                    i += 1  # "ونهصد" inside, or a final "و" before a space: "سیصدو پنج"
                break
        else:
            return None
    return values


_JOINED_SCALES = frozenset({100, 1000, 10**6, 10**9, 10**12})  # "یکصد", "دوهزار": written onto the number before


def combine(values: list[int | float | Fraction]) -> int | float | Fraction:
    """Combine number parts in reading order: [9, 10**9, 100, 1000] → 9,000,100,000.
    A scale multiplies the parts since the last larger scale: "هزار میلیارد" is
    10**12, "هزار و دویست تریلیون" is 1,200 × 10**12, and "۲ هزار و ۳۰۰ هزار
    میلیارد" (as budgets are written) 2,300 × 10**12."""
    chunks: list[tuple[int | float | Fraction, int]] = []  # (value, scale)
    group: int | float | Fraction = 0
    for value in values:
        if value in SCALE_VALUES and value >= 1000:
            acc = group
            while chunks and chunks[-1][1] <= value:  # "۲ هزار و ۳۰۰ هزار": (2,000 + 300) thousand
                acc += chunks.pop()[0]
            chunks.append(((acc or 1) * value, value))
            group = 0
        else:
            group += value
    return sum(v for v, _ in chunks) + group


SCALE_VALUES = frozenset(SCALES.values())

_ONES = ["", "یک", "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "نه", "ده", "یازده", "دوازده",
         "سیزده", "چهارده", "پانزده", "شانزده", "هفده", "هجده", "نوزده"]
_TENS_W = ["", "", "بیست", "سی", "چهل", "پنجاه", "شصت", "هفتاد", "هشتاد", "نود"]
_HUNDREDS_W = ["", "صد", "دویست", "سیصد", "چهارصد", "پانصد", "ششصد", "هفتصد", "هشتصد", "نهصد"]
_SCALE_W = [(10**12, "تریلیون"), (10**9, "میلیارد"), (10**6, "میلیون"), (10**3, "هزار")]


def to_words(n: int) -> str:
    """An integer in Persian words: 9000100000 → "نه میلیارد و صد هزار"."""
    if n < 0:
        return "منفی " + to_words(-n)
    if n == 0:
        return "صفر"
    parts: list[str] = []
    for scale, name in _SCALE_W:
        if n >= scale:
            head, n = divmod(n, scale)
            parts.append(f"{to_words(head)} {name}" if head > 1 or scale > 1000 else name)
    if n:
        parts.append(_below_thousand(n))
    return " و ".join(parts)


def _below_thousand(n: int) -> str:
    words = []
    if n >= 100:
        words.append(_HUNDREDS_W[n // 100])
        n %= 100
    if n >= 20:
        words.append(_TENS_W[n // 10])
        n %= 10
    if n:
        words.append(_ONES[n])
    return " و ".join(words)
