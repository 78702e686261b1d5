"""Word tokens and sentences over normalized Persian text, as character spans.

Tokens follow the UD Persian conventions: a word joined by half-spaces is one
token, punctuation is a token of its own, a number with separators ("۲۲.۵",
"۱٬۲۰۰", "۱۴۰۰/۰۴/۰۹", "۱۰:۳۰") is one token, and so are dotted acronyms
("تی.آر.تی"), URLs and e-mail addresses.

Sentences end after . ! ? ؟ (with any closing quote or bracket that follows)
and at every line break; never after an ellipsis, inside a number or an
acronym, or after a known abbreviation.
"""

from __future__ import annotations

import re

from khabar.persian.chars import KEPT_MARKS, PERSIAN_LETTERS, ZWNJ

_W = f"[{PERSIAN_LETTERS}{KEPT_MARKS}{ZWNJ}A-Za-z]"
_D = "[0-9۰-۹]"
_TOKEN = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s«»\"'<>()\[\]]+[^\s«»\"'<>()\[\].,،؛:!?؟]"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    rf"|{_D}+(?:[.,٫٬/:]{_D}+)*"
    rf"|(?:[{PERSIAN_LETTERS}]{{1,3}}\.)+[{PERSIAN_LETTERS}]{{1,3}}(?![{PERSIAN_LETTERS}])"
    r"|(?:[A-Za-z]\.){2,}"
    rf"|{_W}+(?:[-_]{_W}+)*(?:[-_]?{_D}+)?"
    r"|\.{2,}|…|[!?؟]+"
    r"|\S"
)

# Abbreviations that end in a dot without ending the sentence.
ABBREVIATIONS = frozenset(
    {"ه.ش", "ه.ق", "ق.م", "م", "ص", "ع", "س", "ج.ا.ا", "آ", "ج", "ر", "دکتر", "مهندس", "Mr", "Dr", "Mrs", "St"}
)
_TERMINAL = frozenset(".!?؟")
_CLOSERS = frozenset("»)]}\"'”’")


def token_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every token of `text` (already normalized)."""
    return [m.span() for m in _TOKEN.finditer(text)]


def sentence_spans(
    text: str, tokens: list[tuple[int, int]] | None = None
) -> list[tuple[int, int, int, int]]:
    """(start, end, first token, end token) of every sentence of `text`."""
    if tokens is None:
        tokens = token_spans(text)
    bounds: list[tuple[int, int]] = []
    first = 0
    n = len(tokens)
    k = 0
    while k < n:
        start, end = tokens[k]
        last = k
        if text[start] in _TERMINAL and not text.startswith("..", start) and not (
            text[start] == "." and k > first and _is_abbreviation(text, tokens[k - 1], start)
        ):
            while last + 1 < n and tokens[last + 1][0] == tokens[last][1] and text[tokens[last + 1][0]] in _CLOSERS:
                last += 1
        elif last + 1 < n and "\n" not in text[end : tokens[last + 1][0]]:
            k += 1
            continue
        bounds.append((first, last + 1))
        first = k = last + 1
    if first < n:
        bounds.append((first, n))
    return [(tokens[a][0], tokens[b - 1][1], a, b) for a, b in bounds]


def _is_abbreviation(text: str, prev: tuple[int, int], dot: int) -> bool:
    return prev[1] == dot and text[prev[0] : prev[1]] in ABBREVIATIONS
