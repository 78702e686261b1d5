"""Which lines of a text are worth which rules: one pass of an Aho-Corasick
automaton (pyahocorasick) over the text finds the words without which a rule
cannot match (its keywords, whole words) and the digits some rules need; a line
with neither holds no time expression."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any

from khabar.extract.times.registry import RULES

LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters: words split at spaces, half-spaces, digits, marks
_DIGITS = re.compile("[0-9۰-۹]+")
_NEWLINE = re.compile("\n")
# Words too common in news to key a phrase of several words by (another word of it is used).
_COMMON = frozenset({"روز", "شب", "سال", "میلادی", "عید", "سعید", "نیمه", "قدر", "ایام", "دهه", "گذشته", "ماه"})
# A word that ends in a unit or begins with a relative day may hold two words written together.
_UNIT_TAILS = ("روز", "روزه", "هفته", "ماه", "ماهه", "سال", "ساله", "قرن", "دهه", "سده", "ساعت", "ساعته", "دقیقه", "ثانیه")
_DAY_HEADS = ("امروز", "دیروز", "فردا", "امشب", "دیشب")
_DIGIT_RULES = frozenset(rule.name for rule in RULES if rule.keywords is None)
_JOINED_RULES = frozenset(rule.name for rule in RULES if rule.joined)


@lru_cache(maxsize=1)
def keyword_index() -> dict[str, frozenset[str]]:
    """Words without which each rule cannot match (word → rule names). A
    keyword of several words is keyed by its longest word, which must then
    appear whole."""
    index: dict[str, set[str]] = {}
    for rule in RULES:
        for keyword in rule.keywords() if rule.keywords else ():
            parts = LETTERS.findall(keyword)
            rare = [p for p in parts if p not in _COMMON] if " " in keyword else parts
            word = max(rare or parts, key=len)
            index.setdefault(word, set()).add(rule.name)
    return {word: frozenset(names) for word, names in index.items()}


@lru_cache(maxsize=1)
def _automaton() -> Any:
    """The keywords, the unit words that may end a word written together
    ("صدسال") and the relative days that may begin one ("امروزدوشنبه"):
    word → (length, ((kind, rule names), …))."""
    import ahocorasick

    entries: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for word, names in keyword_index().items():
        entries.setdefault(word, []).append(("kw", names))
    for word in _UNIT_TAILS:
        entries.setdefault(word, []).append(("tail", _JOINED_RULES))
    for word in _DAY_HEADS:
        entries.setdefault(word, []).append(("head", _JOINED_RULES))
    automaton = ahocorasick.Automaton()
    for word, kinds in entries.items():
        automaton.add_word(word, (len(word), tuple(kinds)))
    automaton.make_automaton()
    return automaton


def lines_to_try(text: str) -> list[tuple[int, int, frozenset[str]]]:
    """(start, end, the rules worth trying) for each line of `text` that holds a
    keyword (a whole word; "می" of "می‌شود" is not the month) or a digit."""
    starts = [0]
    starts += [m.end() for m in _NEWLINE.finditer(text)]
    named: dict[int, frozenset[str]] = {}

    def mark(pos: int, names: frozenset[str]) -> None:
        line = bisect_right(starts, pos) - 1
        named[line] = named[line] | names if line in named else names

    size = len(text)
    for end, (length, kinds) in _automaton().iter(text):
        first = end - length + 1
        letter_before = first > 0 and text[first - 1].isalpha()
        letter_after = end + 1 < size and text[end + 1].isalpha()
        for kind, names in kinds:
            if kind == "kw":
                if not letter_before and not letter_after and not (length == 2 and text.startswith("می\u200c", first)):
                    mark(first, names)
            elif kind == "tail" and letter_before and not letter_after or kind == "head" and not letter_before and letter_after:
                mark(first, names)
    for m in _DIGITS.finditer(text):
        mark(m.start(), _DIGIT_RULES)
    return [(starts[i], starts[i + 1] - 1 if i + 1 < len(starts) else len(text), names)
            for i, names in sorted(named.items())]
