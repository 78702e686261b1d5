"""Word tokens and sentences over normalized Persian text, as character spans.

Tokens follow the UD Persian conventions: a word joined by half-spaces is one
token, punctuation is a token of its own, a number with separators ("۲۲.۵",
"۱٬۲۰۰", "۱۴۰۰/۰۴/۰۹", "۱۰:۳۰") is one token, and so are dotted acronyms
("تی.آر.تی"), URLs and e-mail addresses.

Sentences end after . ! ? ؟ (with any closing quote or bracket that follows)
and at every line break; never after an ellipsis, inside a number or an
acronym, after a known abbreviation, or at a quote closed inside a sentence
(«…؟» after words of it).
"""

from __future__ import annotations

import re
from bisect import bisect_left

# Characters that never belong inside a word token.
_PUNCT = r".,،؛:!?؟«»()\[\]{}\"'…;/@٫٬%٪"
_W = rf"[^\s{_PUNCT}\-*0-9۰-۹]"
_D = "[0-9۰-۹]"
# Alternatives are ordered so that each fails at its first character when it does
# not apply; the word class is a negated set, which the engine scans fastest.
_TOKEN = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s«»\"'<>()\[\]]*[^\s«»\"'<>()\[\].,،؛:!?؟]"
    rf"|{_W}+(?:[.@]{_W}+)*(?:[-_]?{_D}+|[-_]{_W}+)*"
    rf"|{_D}+(?:[.,٫٬/:]{_D}+)*"
    r"|\.{2,}|[!?؟]+|\S"
)
# Where a sentence may end: terminal marks (with the closing quotes or brackets
# that follow them) before whitespace or the end, and every line break; the
# whitespace after the end is consumed.
_SENTENCE_END = re.compile(r"([.!?؟]+[»)\]}\"'”’]*)(?:\s+|$)|\n\s*")
_LEADING_SPACE = re.compile(r"\s*")

# Abbreviations that end in a dot without ending the sentence.
ABBREVIATIONS = frozenset(
    {"ه.ش", "ه.ق", "ق.م", "م", "ص", "ع", "س", "ج.ا.ا", "آ", "ج", "ر", "دکتر", "مهندس", "Mr", "Dr", "Mrs", "St"}
)


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every token of `text` (already normalized)."""
    return [m.span() for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text` (already normalized), without
    the whitespace around it."""
    bounds: list[tuple[int, int]] = []
    start = _LEADING_SPACE.match(text).end()
    for m in _SENTENCE_END.finditer(text):
        mark = m.group(1)
        if mark is None:
            end = m.start()
        elif mark[0] == "." and (mark.startswith("..") or _after_abbreviation(text, m.start())) and "\n" not in m.group():
            continue  # an ellipsis or abbreviation goes on, unless a line break follows
        elif mark[0] in "?!؟" and mark.endswith("»") and "\n" not in m.group() and _quoted_inside(text, start, m.start()):
            continue  # «…؟» quoted inside a sentence: 'او پرسید «چرا؟» و رفت.' is one sentence
        else:
            end = m.end(1)
        if end > start:
            bounds.append((start, end))
        start = m.end()
    end = len(text.rstrip())
    if end > start:
        bounds.append((start, end))
    return bounds


def _quoted_inside(text: str, start: int, mark: int) -> bool:
    """Whether the quote closing at `mark` opened after words of the sentence begun at `start`."""
    opening = text.rfind("«", start, mark)
    return opening > start and bool(text[start:opening].strip())


def _after_abbreviation(text: str, dot: int) -> bool:
    before = text[max(0, dot - 8) : dot].split()
    return bool(before) and before[-1].lstrip("(«") in ABBREVIATIONS


def sentence_spans(
    text: str, tokens: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, int]]:
    """(start, end, first token, end token) of every sentence of `text`."""
    if tokens is None:
        tokens = token_spans(text)
    starts = [s for s, _ in tokens]
    out = []
    for start, end in sentence_bounds(text):
        a = bisect_left(starts, start)
        b = bisect_left(starts, end, a)
        if b > a:
            out.append((start, end, a, b))
    return out


def tokenized_sentences(text: str) -> list[list[str]]:
    """Token strings, sentence by sentence, of `text` (already normalized)."""
    findall = _TOKEN.findall
    return [findall(text, s, e) for s, e in sentence_bounds(text)]
