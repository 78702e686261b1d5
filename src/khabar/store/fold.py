"""Folding: one index term for every spelling of a word.

The text is normalized first (khabar.persian.normalize restores most
half-spaces); folding then makes what is left equal: a term has no ZWNJ,
no marks, Persian letters for Arabic variants (ي/ی، ك/ک), آ/أ/إ as ا, ئ as ی,
ؤ as و, Latin digits for all three scripts, lower-case Latin. A plural,
comparative or clitic suffix standing alone ("همکاری ها" that normalization
left spaced) joins the word before it, and می/نمی the word after, so
همکاری‌ها = همکاریها = همکاری ها and می‌کنند = میکنند = می کنند.

A term holds only letters and digits ("۲۲.۵" → "22x5", "تی.آر.تی" → "تیارتی"),
so that SQLite's unicode61 tokenizer splits the folded text exactly where we did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from khabar.persian import chars
from khabar.persian.normalize import normalized_name_key
from khabar.persian.zwnj import COMPARATIVE_SUFFIXES, HEH_CLITICS, PLURAL_SUFFIXES, PREFIXES

_MARKS = str.maketrans("", "", chars.KEPT_MARKS + chars.DROPPED_MARKS + chars.TATWEEL + chars.INVISIBLE)
_NUMBER_POINT = re.compile(r"(?<=\d)[.٫/:](?=\d)")
_THOUSANDS = re.compile(r"(?<=\d)[,٬،](?=\d\d\d)")
_NOT_WORD = re.compile(r"[^\w]|_", re.UNICODE)
_PERSIAN_WORD = re.compile(f"[{chars.PERSIAN_LETTERS}]+")


@lru_cache(maxsize=1 << 17)
def fold_word(word: str) -> str:
    """The index form of one word ('' for punctuation)."""
    text = chars.fold(word).translate(_MARKS)
    text = _THOUSANDS.sub("", text)
    text = _NUMBER_POINT.sub("x", text)
    text = normalized_name_key(text)  # ZWNJ, spaces, dots and the ezafe mark out; آ/أ/إ/ئ/ؤ folded
    return _NOT_WORD.sub("", text).lower()


def _folded(words: Sequence[str]) -> frozenset[str]:
    return frozenset(fold_word(w) for w in words)


_SUFFIXES = _folded(PLURAL_SUFFIXES + COMPARATIVE_SUFFIXES + HEH_CLITICS)
_PREFIXES = _folded(PREFIXES)
# ای joins only a word ending in ه ("ترکیه ای"; not "گفت ای مردم", "کشور ای").
_AFTER_HEH_ONLY = _folded(("ای",))


def fold_terms(words: Sequence[str], gaps: Sequence[bool] | None = None) -> list[tuple[str, int, int]]:
    """Index terms of a run of tokens: (term, first token, last token + 1).

    `gaps[i]` is True when something other than spacing (punctuation, a line
    break) separates token i from token i - 1: an affix never joins across it.
    Punctuation gives no term."""
    folded = [fold_word(w) for w in words]
    out: list[list] = []
    glue_next = False
    for i, term in enumerate(folded):
        if not term:
            glue_next = False
            continue
        apart = gaps is not None and gaps[i]
        prev = out[-1] if out and out[-1][2] == i and not apart else None
        persian = _PERSIAN_WORD.fullmatch(term) is not None
        if glue_next and prev is not None and persian:
            prev[0] += term
            prev[2] = i + 1
            glue_next = False
            continue
        glue_next = False
        if (
            prev is not None
            and term in _SUFFIXES
            and _PERSIAN_WORD.fullmatch(prev[0])
            and (term not in _AFTER_HEH_ONLY or prev[0].endswith("ه"))
        ):
            prev[0] += term
            prev[2] = i + 1
            continue
        out.append([term, i, i + 1])
        glue_next = term in _PREFIXES
    return [(t, a, b) for t, a, b in out]


def fold_text(words: Sequence[str]) -> str:
    """The folded terms of `words`, space-separated (what the index holds)."""
    return " ".join(t for t, _, _ in fold_terms(words))
