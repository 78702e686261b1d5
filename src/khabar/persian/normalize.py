"""Persian normalization: characters, digits, punctuation spacing, half-spaces.

`normalize(text)` is the fast path. `normalize_aligned(text)` gives the same text
plus, for every character of the output, the offset of the input character it
came from, so that annotations on normalized text can be shown in the original.

Normalization runs in two phases, and the split is what makes alignment exact:

* phase A is per character (`str.translate`): letter variants, digits,
  presentation forms, marks, invisible characters; each input character becomes
  zero, one or several output characters;
* phase B only inserts, deletes or swaps *boundary* characters (space, ZWNJ,
  line break) and swaps a punctuation mark for its Persian form; it never adds
  or removes any other character.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from khabar.persian import chars
from khabar.persian.chars import ZWNJ

_LETTERS = chars.PERSIAN_LETTERS
_L = f"[{_LETTERS}]"
_JOINING = "".join(c for c in _LETTERS if c not in chars.NON_JOINING)

# Spans that phase A must leave as they are: URLs, e-mail addresses, Latin words
# (with any digits inside them, e.g. "COVID-19", "5G").
_PROTECTED = re.compile(
    r"(?:https?://|ftp://|www\.)[^\s«»\"'<>()\[\]]+"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    r"|[A-Za-z0-9_\-./]*[A-Za-z][A-Za-z0-9_\-./]*",
)
_HAS_LATIN = re.compile(r"[A-Za-z]")

_SPACE_RUN = re.compile(r" {2,}")
_LINE_EDGE_SPACE = re.compile(r"^ +| +$", re.M)
_BLANK_LINES = re.compile(r"\n{3,}")
_PERSIAN_PUNCT = re.compile(rf"(?<={_L})([,;?])(?= ?{_L}|$|\s)")
_SPACE_BEFORE_CLOSE = re.compile(r"(?<=\S) +(?=[.،؛:!؟)\]»}](?![.\d۰-۹]))")
_SPACE_AFTER_OPEN = re.compile(r"(?<=[(\[«{]) +")
_SPACE_AFTER_MARK = re.compile(rf"(?<=[،؛؟!:)\]»}}])(?={_L})")
_SPACE_BEFORE_OPEN = re.compile(rf"(?<={_L})(?=[(\[«{{])")
_ZWNJ_RUN = re.compile(f"{ZWNJ}{{2,}}")
_ZWNJ_SPACE = re.compile(f" *{ZWNJ}+ *(?=[ \n])| +{ZWNJ}+|{ZWNJ}+(?= )")
_ZWNJ_USELESS = re.compile(
    f"(?<![{_JOINING}{chars.KEPT_MARKS}]){ZWNJ}|{ZWNJ}(?!{_L})"
)


@lru_cache(maxsize=2)
def _table(digits: str) -> dict[int, str | None]:
    return chars.char_table(digits)


def _phase_a(text: str, digits: str) -> str:
    """Per-character mapping, leaving URLs, e-mails and Latin words untouched."""
    text = _nfc_aligned(text)[0]
    table = _table(digits)
    if not _HAS_LATIN.search(text):
        return text.translate(table)
    out: list[str] = []
    pos = 0
    for m in _PROTECTED.finditer(text):
        out.append(text[pos : m.start()].translate(table))
        out.append(_strip_invisible(m.group()))
        pos = m.end()
    out.append(text[pos:].translate(table))
    return "".join(out)


_INVISIBLE_TABLE = {ord(c): None for c in chars.INVISIBLE + "\r"}


def _strip_invisible(span: str) -> str:
    return span.translate(_INVISIBLE_TABLE)


def _phase_b(text: str, restore_zwnj: bool) -> str:
    """Spacing, punctuation and half-space fixes: boundary characters only."""
    text = _SPACE_RUN.sub(" ", text)
    text = _ZWNJ_RUN.sub(ZWNJ, text)
    text = _ZWNJ_SPACE.sub(_keep_space, text)
    text = _ZWNJ_USELESS.sub("", text)
    text = _PERSIAN_PUNCT.sub(_persian_punct, text)
    text = _SPACE_BEFORE_CLOSE.sub("", text)
    text = _SPACE_AFTER_OPEN.sub("", text)
    text = _SPACE_AFTER_MARK.sub(" ", text)
    text = _SPACE_BEFORE_OPEN.sub(" ", text)
    if restore_zwnj:
        from khabar.persian.zwnj import restore

        text = restore(text)
    text = _LINE_EDGE_SPACE.sub("", text)
    text = _BLANK_LINES.sub("\n\n", text)
    return text.strip(" \n")


def _keep_space(m: re.Match[str]) -> str:
    return " " if " " in m.group() else ""


def _persian_punct(m: re.Match[str]) -> str:
    return chars.PERSIAN_PUNCT[m.group(1)]


def normalize(text: str, *, digits: str = "persian", restore_zwnj: bool = True) -> str:
    """Normalize Persian text.

    Letters to their Persian forms, digits to Persian (``digits="latin"`` for
    Latin), marks and invisible characters removed, spacing around punctuation,
    meaningless half-spaces removed and missing ones restored. Line breaks are
    kept (blank-line runs shrink to one blank line). URLs, e-mail addresses,
    Latin words, dotted acronyms and numbers with separators are left alone.
    Idempotent.
    """
    if digits not in ("persian", "latin"):
        raise ValueError(f"digits must be 'persian' or 'latin', not {digits!r}")
    return _phase_b(_phase_a(text, digits), restore_zwnj)


def normalize_aligned(
    text: str, *, digits: str = "persian", restore_zwnj: bool = True
) -> tuple[str, list[int]]:
    """Normalize and return (normalized, offsets).

    ``offsets`` has one entry per character of ``normalized`` plus a final one:
    ``offsets[i]`` is the index in ``text`` of the character that output
    character ``i`` came from (an inserted space or ZWNJ maps to the input
    position where it was inserted), and ``offsets[len(normalized)]`` is
    ``len(text)``. A span ``(s, e)`` of the output is ``text[offsets[s]:offsets[e]]``
    in the input. Offsets never decrease.
    """
    mid, mid_offsets = _phase_a_aligned(text, digits)
    out = _phase_b(mid, restore_zwnj)
    offsets = _align_boundaries(mid, out)
    mapped = [mid_offsets[i] for i in offsets]
    return out, mapped + [len(text)]


def _phase_a_aligned(text: str, digits: str) -> tuple[str, list[int]]:
    """Phase A character by character, recording where each output char came from."""
    nfc, nfc_offsets = _nfc_aligned(text)
    table = _table(digits)
    protected = [False] * len(nfc)
    for m in _PROTECTED.finditer(nfc):
        protected[m.start() : m.end()] = [True] * (m.end() - m.start())
    pieces: list[str] = []
    offsets: list[int] = []
    for k, ch in enumerate(nfc):
        if protected[k]:
            piece = _strip_invisible(ch)
        else:
            mapped = table.get(ord(ch), ch)
            piece = "" if mapped is None else mapped
        pieces.append(piece)
        offsets.extend([nfc_offsets[k]] * len(piece))
    return "".join(pieces), offsets


def _nfc_aligned(text: str) -> tuple[str, list[int]]:
    """NFC, one base character and its combining marks at a time."""
    if unicodedata.is_normalized("NFC", text):
        return text, list(range(len(text)))
    pieces: list[str] = []
    offsets: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        pieces.append(piece)
        offsets.extend([i] * len(piece))
        i = j
    return "".join(pieces), offsets


_BOUNDARY = frozenset(" \n" + ZWNJ)


def _align_boundaries(src: str, out: str) -> list[int]:
    """Map each char of `out` to an index of `src`, where `out` differs from
    `src` only by inserted, deleted or swapped boundary characters and by
    one-for-one swaps of other characters."""
    offsets: list[int] = []
    i = 0
    n = len(src)
    for ch in out:
        if ch in _BOUNDARY:
            if i < n and src[i] in _BOUNDARY:
                offsets.append(i)
                i += 1
            else:
                offsets.append(min(i, n - 1) if n else 0)
            continue
        while i < n and src[i] in _BOUNDARY:
            i += 1
        offsets.append(min(i, n - 1) if n else 0)
        i += 1
    return offsets
