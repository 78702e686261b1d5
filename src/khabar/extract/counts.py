"""Counts of nouns: "هفت سارق" (7 robbers), "بیست و پنج خبرنگار", "۲ تبعه".

The quantity finder (numbers.py) reads text alone, so a small number in words
with no counting word ("دو کشور") looks like a determiner to it and is left out.
With the parts of speech known, a bare number right before a noun is a
count of that noun: its unit is the noun's lemma, and the span takes the noun in.
A noun the tagger calls a proper noun counts too ("۵۰ ایالت": the tagger
reads some common nouns as names); no noun counts that lies in a named entity
found by the entities layer ("۲ استقلال"). Left out: "یک"/"یکی" (the indefinite article), "نه" (also
"no"), ordinals, a number before a unit
of time (the times layer's), and anything inside a quantity or time already found.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from khabar.extract.gazetteer import gazetteer
from khabar.extract.numbers import (
    COUNTERS,
    CURRENCIES,
    MEASURES,
    PERCENT,
    TIME_UNITS,
    spelled_letters,
)
from khabar.extract.numberwords import CARDINALS, combine
from khabar.model import Doc, Quantity, Token
from khabar.persian.calendar import (
    AFGHAN_MONTHS,
    GREGORIAN_MONTH_NAMES,
    HIJRI_MONTH_NAMES,
    JALALI_MONTHS,
)

NOT_COUNTS = frozenset({"یک", "یه", "یکی", "نه"})  # an article, "no"
COUNT_NOTE = "a count of the noun that follows"
_SCORE_BEFORE = re.compile(r"[0-9۰-۹]+\s+بر\s+$")
PEOPLE_ADJECTIVES = frozenset({"نظامی", "غیرنظامی", "شبه\u200cنظامی", "روستایی", "زندانی", "خارجی", "معترض"})
_MONTHS = frozenset({*JALALI_MONTHS, *GREGORIAN_MONTH_NAMES, *HIJRI_MONTH_NAMES, *AFGHAN_MONTHS})
_UNIT_WORDS = frozenset({*CURRENCIES, *MEASURES, *COUNTERS, *PERCENT, *TIME_UNITS})
_UNIT_PREFIXES = tuple(sorted(_UNIT_WORDS, key=len, reverse=True))
MULTIPLIERS = frozenset({"برابر", "چندان", "جانبه", "طرفه", "منظوره"})  # "دو برابر": twice; "دو جانبه": bilateral


def counted_nouns(doc: Doc) -> list[Quantity]:
    """`doc.quantities` with the counts of nouns added (and numbers in words
    before a noun made counts of it), in text order."""
    starts = [t.start for t in doc.tokens]
    named = _named_starts(doc, starts)
    for q in doc.quantities:
        if _upgradable(q):
            k = bisect_left(starts, q.end)  # the first token after the number
            noun = doc.tokens[k] if k < len(doc.tokens) and _joins(doc.text, q, doc.tokens[k]) else None
            if _SCORE_BEFORE.search(doc.text, max(0, q.start - 16), q.start):
                noun = None  # "۳ بر ۲ پیروز شد": a score
            if noun is not None and _a_noun_to_count(noun, named):
                q.kind, q.unit, q.note = "count", noun.lemma or noun.text, _noted(q.note)
                q.end, q.text = noun.end, doc.text[q.start : noun.end]
    taken = sorted([(q.start, q.end) for q in doc.quantities] + [(t.start, t.end) for t in doc.times])
    out = list(doc.quantities)
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        i = 0
        while i < len(tokens):
            end = _number_run(tokens, i)
            if end is None:
                i += 1
                continue
            first, noun = tokens[i], tokens[end] if end < len(tokens) else None
            if noun is not None and _counts(tokens, i, end, noun, named) and not _overlaps(taken, first.start, noun.end):
                value = combine([CARDINALS[t.text] for t in tokens[i:end] if t.text != "و"])
                if value < 2:
                    i = end
                    continue  # "صفر دست یافت": no count of nothing
                out.append(Quantity(first.start, noun.end, doc.text[first.start : noun.end], "count",
                                    int(value), noun.lemma or noun.text, note=COUNT_NOTE))
            i = end
    out.sort(key=lambda q: q.start)
    return out


def _noted(note: str | None) -> str:
    return f"{note}; {COUNT_NOTE}" if note else COUNT_NOTE


def _named_starts(doc: Doc, starts: list[int]) -> set[int]:
    """The starts of the tokens inside a named entity: a person, a place, or an
    organisation of one word ("۲ استقلال"); an organisation of several words
    begins with the noun a number before it counts ("۱۳ پلیس عراق"). Empty
    when the entities layer did not run."""
    if not doc.entities:
        return set()
    inside: set[int] = set()
    for e in doc.entities:
        if e.label not in ("PER", "LOC") and " " in e.text:
            continue
        for k in range(bisect_right(starts, e.start) - 1, len(starts)):
            if k >= 0 and starts[k] >= e.end:
                break
            if k >= 0 and doc.tokens[k].end > e.start:
                inside.add(starts[k])
    return inside


def _joins(text: str, q: Quantity, token: Token) -> bool:
    """Whether `token` follows the number as its noun: after one space, or a
    common noun of three letters or more glued to digits ("۱۰گانه", "۵ماده";
    not "۱۴۱۴ق", "۱۰ها", "۸۰درصدش")."""
    gap = text[q.end : token.start]
    if gap == " ":
        return True
    glued = gap == "" and q.text[-1:].isdigit() and token.pos == "NOUN" and len(token.text) >= 3
    return glued and not token.text.startswith(_UNIT_PREFIXES)


def _a_noun_to_count(token: Token, named: set[int] = frozenset()) -> bool:
    """Whether `token` is a noun a number before it counts. A common noun
    counts unless it is a month ("۲۲ بهمن": a date). The tagger reads some
    common nouns as names ("۵۰ ایالت"): a proper noun counts unless it is a
    known name, a month or an adjective of a unit. An adjective right after a
    number stands for a noun (Persian adjectives follow their noun) when it
    names people: of a place ("سه فلسطینی", "۱۳ اروپایی") or of
    PEOPLE_ADJECTIVES ("۸۵ هزار نظامی"); not "پنج تیمی", "دو دولتی"
    (adjectives of a noun before them)."""
    if token.start in named or token.text in TIME_UNITS or token.text in CARDINALS or token.text in MULTIPLIERS:
        return False  # "۳ تهران", "۲ استقلال" are no things counted
    if token.pos == "ADJ":
        return token.text in PEOPLE_ADJECTIVES or _of_a_place(token.text)
    if token.pos not in ("NOUN", "PROPN") or token.text in _MONTHS:
        return False
    if token.pos == "NOUN":  # the gazetteer's villages are named by common nouns ("سرباز", "بانک")
        return True
    known = gazetteer().get(token.text) not in (None, "FIRST")  # a first name is often a word too ("مسافر")
    return not known and not any(stem in CARDINALS or stem in _UNIT_WORDS for stem in _stems(token.text))


def _of_a_place(word: str) -> bool:
    """Whether `word` is an adjective of a known place ("فلسطینی", "اروپایی", "ایرانی")."""
    from khabar.extract.kb import knowledge_base

    return word in knowledge_base().demonyms or any(gazetteer().get(stem) == "LOC" for stem in _stems(word))


def _stems(word: str) -> list[str]:
    """What an adjective in -ی may be made from: "یورویی" → ["یوروی", "یورو"]."""
    return [word[: -len(cut)] for cut in ("\u200cای", "یی", "ی") if len(word) > len(cut) and word.endswith(cut)]


def _number_run(tokens: list[Token], i: int) -> int | None:
    """The end of a run of number words starting at tokens[i] ("بیست و پنج"), or None."""
    if tokens[i].text not in CARDINALS or (i and (tokens[i - 1].text in CARDINALS or tokens[i - 1].pos == "NUM")):
        return None
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "و" and tokens[j + 1].text in CARDINALS:
        j += 2
    while j < len(tokens) and tokens[j].text in CARDINALS and CARDINALS[tokens[j].text] >= 1000:
        j += 1  # "دو هزار"
    return j


def _counts(tokens: list[Token], i: int, end: int, noun: Token, named: set[int]) -> bool:
    """Whether the number words tokens[i:end] count `noun`."""
    words = [t.text for t in tokens[i:end]]
    if words == ["یک"] or words[0] in NOT_COUNTS and len(words) == 1:
        return False
    if not _a_noun_to_count(noun, named):
        return False
    acronym = "سی" in words and (spelled_letters(noun.text) or (i > 0 and spelled_letters(tokens[i - 1].text)))
    return not acronym  # "سی بی سی"


def _upgradable(q: Quantity) -> bool:
    """A bare number in words (no unit, not ordinal, not a range) or an
    indefinite amount ("صدها") may become a count of the noun after it."""
    if q.kind != "number" or q.unit is not None or q.ordinal or (q.note and q.approx != "vague"):
        return False
    return q.approx == "vague" or (isinstance(q.value, int) and q.value >= 2)  # not a fraction, zero or one


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect_right(taken, (start, float("inf"))) - 1
    if k >= 0 and taken[k][1] > start:
        return True
    return k + 1 < len(taken) and taken[k + 1][0] < end
