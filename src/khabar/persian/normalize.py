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
from itertools import chain

from khabar.persian import chars
from khabar.persian.chars import ZWNJ

_LETTERS = chars.PERSIAN_LETTERS
_L = f"[{_LETTERS}]"
_JOINING = "".join(c for c in _LETTERS if c not in chars.NON_JOINING)

_HAS_LATIN = re.compile(r"[A-Za-z]+")
_ASCII_RUN = re.compile(r"[ -~]*")

_BLANK_LINES = re.compile(r"\n{3,}")
_KEEPS_ZWNJ_BEFORE = frozenset(_JOINING + chars.KEPT_MARKS)
_LETTER_SET = frozenset(_LETTERS)
# Every pattern below starts with the character it is about, so scanning is fast.
_LATIN_PUNCT = re.compile(r"[,;?]")
_SPACE_BEFORE_CLOSE = re.compile(r" +(?=[.،؛:!؟)\]»}])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[«{]) +")
_NO_SPACE_AFTER_MARK = re.compile(rf"([،؛؟!:)\]»}}])(?={_L})")
_DIGITS_AND_MARKS = frozenset(chars.PERSIAN_DIGITS + "،؛:!؟")
_OPENER = re.compile(r"[(\[«{]")

# A whole run of ZWNJs that `_zwnj_or_nothing` changes: one that does not
# follow a joining letter, or of two or more, or not followed by a letter.
# (It starts with a literal character: scanning for it is fast.)
_BAD_ZWNJ_RUN = re.compile(
    f"{ZWNJ}(?<!{ZWNJ}{ZWNJ})(?:(?<![{''.join(sorted(_KEEPS_ZWNJ_BEFORE))}]{ZWNJ}){ZWNJ}*|{ZWNJ}+|(?!{_L}))"
)
# What tells, faster than the substitution's own pattern, that it has work to do.
_SPACE_THEN_CLOSE = tuple((c, re.compile(re.escape(c) + f"(?<= {re.escape(c)})")) for c in ".،؛:!؟)]»}")
# (A literal pattern of two characters is found faster than `in` finds them.)
_OPEN_THEN_SPACE = tuple((c, re.compile(re.escape(c) + " ")) for c in "([«{")
_TWO_SPACES = re.compile("  ")
_SPACE_AT_LINE_BREAK = re.compile("\n(?: |(?<= \n))")
_THREE_LINE_BREAKS = re.compile("\n\n\n")
_MARK_THEN_LETTER = tuple((c, re.compile(re.escape(c) + f"(?={_L})")) for c in "،؛؟!:)]»}")
_GLUED_OPENER = tuple(
    (c, re.compile(re.escape(c) + f"(?<=[{_LETTERS}{''.join(sorted(_DIGITS_AND_MARKS))}]{re.escape(c)})"))
    for c in "([«{"
)

@lru_cache(maxsize=2)
def _table(digits: str) -> dict[int, str | None]:
    return chars.char_table(digits)


# Characters so common in real text that str.replace (one fast pass each) beats
# a pattern: Arabic yeh and kaf, and digits.
_FREQUENT = "يكى" + chars.LATIN_DIGITS + chars.ARABIC_DIGITS + chars.PERSIAN_DIGITS


@lru_cache(maxsize=2)
def _changing(digits: str) -> tuple[tuple[tuple[str, str], ...], re.Pattern[str]]:
    """The frequent one-for-one swaps, and a pattern for runs of the other
    characters that phase A changes."""
    table = _table(digits)
    swaps = tuple((c, table[ord(c)]) for c in _FREQUENT if ord(c) in table)
    rare = "".join(re.escape(chr(k)) for k in sorted(table) if chr(k) not in _FREQUENT)
    return swaps, re.compile(f"[{rare}]+")


def _translate(text: str, digits: str) -> str:
    swaps, rare = _changing(digits)
    for old, new in swaps:
        if old in text:
            text = text.replace(old, new)
    table = _table(digits)
    return rare.sub(lambda m: m.group().translate(table), text)


@lru_cache(maxsize=2)
def _special(digits: str) -> re.Pattern[str]:
    """A pattern for any character that phase A does more with than a frequent
    one-for-one swap: a character outside the fast NFC ranges, a combining mark,
    a Latin letter (it may start a protected span), a carriage return, or a
    character of the table that is not one of the frequent ones. A text without
    any is mapped by the swaps alone (nothing to compose, no mark to drop, no
    protected span)."""
    table = _table(digits)
    fast_ranges = (range(0x300), range(0x600, 0x700), range(0x2000, 0x2070), range(0xFB50, 0xFE00), range(0xFE70, 0xFF00))
    plain = [
        cp
        for cp in chain.from_iterable(fast_ranges)
        if not _OUTSIDE_FAST_NFC.match(ch := chr(cp))
        and not unicodedata.combining(ch)
        and not ("A" <= ch <= "Z" or "a" <= ch <= "z")
        and ch != "\r"
        and (cp not in table or ch in _FREQUENT)
    ]
    ranges = []
    for cp in plain:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    body = "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[^{body}]")


def _swap(text: str, digits: str) -> str:
    for old, new in _changing(digits)[0]:
        if old in text:
            text = text.replace(old, new)
    return text


def _phase_a(text: str, digits: str) -> str:
    """Per-character mapping, leaving URLs, e-mails and Latin words untouched;
    then NFC again (a mapping or deletion may bring a mark to a new base), and marks
    that follow a space or the start of the text (stray marks) dropped."""
    first = _special(digits).search(text)
    if not first:  # the common case: the frequent swaps are all
        return _swap(text, digits)
    windows = _windows(text, digits, first.start())
    if windows is not None:
        pieces: list[str] = []
        pos = 0
        for start, end in windows:
            pieces.append(text[pos:start])
            pieces.append(_phase_a_text(text[start:end], digits))
            pos = end
        pieces.append(text[pos:])
        return _swap("".join(pieces), digits)  # the swaps do nothing to what phase A made
    return _phase_a_text(text, digits)


def _windows(text: str, digits: str, first: int) -> list[tuple[int, int]] | None:
    """The stretches between spaces and line breaks that hold a special character
    (see `_special`), if there is no Latin letter and no character outside the
    fast NFC ranges (None otherwise). Phase A of such a text is phase A of each
    of them and the swaps elsewhere: without Latin letters there is no protected
    span, and a character, its marks (NFC) and the test for a stray mark (a
    space, a line break or the start before it) never reach across a space or a
    line break, which phase A keeps as they are."""
    windows: list[tuple[int, int]] = []
    n = len(text)
    for m in _special(digits).finditer(text, first):
        i = m.start()
        ch = m.group()
        if ch <= "\x7f" and ch.isalpha() or _OUTSIDE_FAST_NFC.match(ch):
            return None
        if windows and i < windows[-1][1]:
            continue
        start = max(text.rfind(" ", 0, i), text.rfind("\n", 0, i)) + 1
        end = min((k for k in (text.find(" ", i), text.find("\n", i)) if k >= 0), default=n)
        if windows and start <= windows[-1][1]:
            start = windows.pop()[0]
        windows.append((start, end))
    return windows


def _phase_a_text(text: str, digits: str) -> str:
    """Phase A of any text (see `_phase_a`)."""
    text = _nfc(text)
    if not _HAS_LATIN.search(text):
        text = _translate(text, digits)
    else:
        out: list[str] = []
        pos = 0
        for start, end in _protected_spans(text):
            out.append(_translate(text[pos:start], digits))
            out.append(_strip_invisible(text[start:end]))
            pos = end
        out.append(_translate(text[pos:], digits))
        text = "".join(out)
    text = _nfc(text)  # a mapped or deleted character may bring a mark to a new base
    if _OUTSIDE_FAST_NFC.search(text):
        return _drop_stray_marks_aligned(text, [])[0]
    return _drop_stray_arabic_marks(text)


def _drop_stray_arabic_marks(text: str) -> str:
    """Drop runs of Arabic marks after whitespace, a ZWNJ or the start."""
    if not _STRAY_MARK.search(text) and not _ARABIC_MARKS.match(text):
        return text
    out: list[str] = []
    pos = 0
    for m in _ARABIC_MARKS.finditer(text):
        i = m.start()
        if i == 0 or text[i - 1].isspace() or text[i - 1] == ZWNJ:
            out.append(text[pos:i])
            pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


def _drop_stray_marks_aligned(text: str, offsets: list[int]) -> tuple[str, list[int]]:
    """Drop combining marks after whitespace, a ZWNJ or the start (offsets may be [])."""
    keep = []
    after_boundary = True
    for k, ch in enumerate(text):
        if unicodedata.combining(ch):
            if after_boundary:
                continue
        else:
            after_boundary = ch.isspace() or ch == ZWNJ
        keep.append(k)
    if len(keep) == len(text):
        return text, offsets
    return "".join(text[k] for k in keep), [offsets[k] for k in keep] if offsets else []


def _protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans that keep their characters as written: runs of printable ASCII
    (spaces included) that hold a Latin letter — Latin words and sentences with
    their numbers, URLs, e-mail addresses."""
    spans: list[tuple[int, int]] = []
    end = 0
    for m in _HAS_LATIN.finditer(text):
        if m.start() < end:
            continue
        start = m.start()
        while start > end and " " <= text[start - 1] <= "~":
            start -= 1
        end = _ASCII_RUN.match(text, m.end()).end()
        spans.append((start, end))
    return spans


# Outside these ranges, NFC is done cluster by cluster (slow, rare in Persian news).
_OUTSIDE_FAST_NFC = re.compile("[^\x00-\u02ff\u0600-\u06ff\u2000-\u206f\ufb50-\ufdff\ufe70-\ufeff]")
# Every character of the fast ranges whose combining class is not 0.
_MARK_CLASS = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]"
_ARABIC_MARKS = re.compile(_MARK_CLASS + "+")
_STRAY_MARK = re.compile(f"[\\s{ZWNJ}]{_MARK_CLASS}")
# Pairs of a base and one mark that NFC composes into one character (آ أ ؤ ئ …).
_COMPOSING = frozenset(
    (chr(base), mark)
    for base in range(0x600, 0x700)
    for mark in "\u0653\u0654\u0655"
    if len(unicodedata.normalize("NFC", chr(base) + mark)) == 1
)


def _nfc(text: str) -> str:
    """NFC of each base character with its combining marks (only a mark that
    composes with its base, or a run of marks that may need reordering, is looked at)."""
    if _OUTSIDE_FAST_NFC.search(text):
        return _nfc_aligned(text)[0]
    out: list[str] = []
    pos = 0
    for m in _ARABIC_MARKS.finditer(text):
        start = m.start()
        if m.end() - start == 1 and (text[start - 1 : start], m.group()) not in _COMPOSING:
            continue
        start = max(start - 1, pos)
        out.append(text[pos:start])
        out.append(unicodedata.normalize("NFC", text[start : m.end()]))
        pos = m.end()
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_INVISIBLE_TABLE = {ord(c): None for c in chars.INVISIBLE + "\r"}


def _strip_invisible(span: str) -> str:
    return span.translate(_INVISIBLE_TABLE)


def _phase_b(text: str, restore_zwnj: bool) -> str:
    """Spacing, punctuation and half-space fixes: boundary characters only.

    Each substitution runs only if it would change something: that is tested
    first with a one-character `in` or a pattern that starts with a literal
    character (both much faster than a scan for a class of characters; a
    two-character `in` is slower than such a pattern)."""
    if ZWNJ in text:
        text = _BAD_ZWNJ_RUN.sub(_zwnj_or_nothing, text)
    if _TWO_SPACES.search(text):
        while "  " in text:  # as re.sub(" {2,}", " ", text), faster
            text = text.replace("  ", " ")
    if "," in text or ";" in text or "?" in text:
        text = _LATIN_PUNCT.sub(_persian_punct, text)
    if any(close in text and pattern.search(text) for close, pattern in _SPACE_THEN_CLOSE):
        text = _SPACE_BEFORE_CLOSE.sub(_drop_space_before_close, text)
    if any(opener in text and pattern.search(text) for opener, pattern in _OPEN_THEN_SPACE):
        text = _SPACE_AFTER_OPEN.sub(r"\1", text)
    if any(mark in text and pattern.search(text) for mark, pattern in _MARK_THEN_LETTER):
        text = _NO_SPACE_AFTER_MARK.sub(r"\1 ", text)
    if any(opener in text and pattern.search(text) for opener, pattern in _GLUED_OPENER):
        text = _OPENER.sub(_space_before_open, text)
    if restore_zwnj:
        from khabar.persian.zwnj import restore

        text = restore(text)
    if _SPACE_AT_LINE_BREAK.search(text):
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    if _THREE_LINE_BREAKS.search(text):
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip(" \n")


def _zwnj_or_nothing(m: re.Match[str]) -> str:
    """One ZWNJ between a joining letter and a letter; nothing elsewhere."""
    s, i, j = m.string, m.start(), m.end()
    if i and j < len(s) and s[i - 1] in _KEEPS_ZWNJ_BEFORE and s[j] in _LETTER_SET:
        return ZWNJ
    return ""


def _persian_punct(m: re.Match[str]) -> str:
    """, ; ? after a Persian word become ، ؛ ؟ (not inside numbers or Latin text)."""
    s, i = m.string, m.start()
    before = s[i - 2 : i].rstrip(" ")[-1:]
    after = s[i + 1 : i + 3].lstrip(" ")[:1]
    if before in _LETTER_SET and (not after or after in _LETTER_SET or after in "\n«("):
        return chars.PERSIAN_PUNCT[m.group()]
    return m.group()


def _drop_space_before_close(m: re.Match[str]) -> str:
    """No space before a closing mark, unless it opens a number (" .۵") or an ellipsis."""
    s, i, j = m.string, m.start(), m.end()
    before = s[i - 1] if i else "\n"
    after = s[j + 1] if j + 1 < len(s) else ""
    if before == "\n" or before.isascii() or (s[j] in ".:" and (after.isdigit() or after == s[j])):
        return m.group()
    return ""


def _space_before_open(m: re.Match[str]) -> str:
    i = m.start()
    before = m.string[i - 1] if i else ""
    return " " + m.group() if before in _LETTER_SET or before in _DIGITS_AND_MARKS else m.group()


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
    return _phase_b(_phase_a(_lone_cr_as_newline(text), digits), restore_zwnj)


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
    mid, mid_offsets = _phase_a_offsets_or_identity(_lone_cr_as_newline(text), digits)
    out = _phase_b(mid, restore_zwnj)
    offsets = _align_boundaries(mid, out)
    if mid_offsets is not None:
        offsets = list(map(mid_offsets.__getitem__, offsets))
    offsets.append(len(text))
    return out, offsets


# Offsets are mostly runs of consecutive integers: slices of this list give them
# without making an int object per character (texts longer than it use range).
_INTS = list(range(1 << 16))


def _run(start: int, end: int) -> list[int] | range:
    return _INTS[start:end] if end <= len(_INTS) else range(start, end)


_LONE_CR = re.compile(r"\r(?!\n)")


def _lone_cr_as_newline(text: str) -> str:
    """A carriage return not followed by a line feed (old Mac line ends) is a
    line break; in CRLF it is dropped by phase A. Same length: offsets hold."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


@lru_cache(maxsize=2)
def _length_changing(digits: str) -> re.Pattern[str]:
    """A pattern for the characters after which phase A output and input may
    differ in length: deleted or expanded characters and combining marks."""
    table = _table(digits)
    chars_ = {chr(k) for k, v in table.items() if v is None or len(v) != 1}
    chars_ |= set(chars.INVISIBLE + "\r")
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars_)) + "]|" + _MARK_CLASS)


def _phase_a_offsets(text: str, digits: str) -> tuple[str, list[int]]:
    """Phase A output and its offsets."""
    mid, offsets = _phase_a_offsets_or_identity(text, digits)
    return mid, list(range(len(mid))) if offsets is None else offsets


def _phase_a_offsets_or_identity(text: str, digits: str) -> tuple[str, list[int] | None]:
    """Phase A output and its offsets (None: the identity, when no character
    changed length). Character-by-character work is done only in the windows
    (between spaces or line breaks) that hold a character whose mapping may
    change the length; everywhere else the offsets are the identity."""
    if not _special(digits).search(text):  # only one-for-one swaps
        return _swap(text, digits), None
    if _OUTSIDE_FAST_NFC.search(text):
        return _phase_a_aligned(text, digits)
    mid = _phase_a(text, digits)
    first = _length_changing(digits).search(text)
    if first is None and len(mid) == len(text):
        return mid, None
    offsets: list[int] = []
    pos = 0
    n = len(text)
    for m in _length_changing(digits).finditer(text, first.start() if first else n):
        if m.start() < pos:
            continue
        start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start()), pos - 1) + 1
        end = min((i for i in (text.find(" ", m.end()), text.find("\n", m.end())) if i >= 0), default=n)
        offsets += _run(pos, start)
        offsets.extend(o + start for o in _phase_a_aligned(text[start:end], digits)[1])
        pos = end
    offsets += _run(pos, n)
    if len(offsets) != len(mid):  # a window was not independent after all
        return _phase_a_aligned(text, digits)
    return mid, offsets


def _phase_a_aligned(text: str, digits: str) -> tuple[str, list[int]]:
    """Phase A character by character, recording where each output char came from."""
    nfc, nfc_offsets = _nfc_aligned(text)
    table = _table(digits)
    protected = [False] * len(nfc)
    for start, end in _protected_spans(nfc):
        protected[start:end] = [True] * (end - start)
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
    mid = "".join(pieces)
    mid, again = _nfc_aligned(mid)
    if len(again) != len(offsets) or mid != "".join(pieces):
        offsets = [offsets[i] for i in again]
    return _drop_stray_marks_aligned(mid, offsets)


def _nfc_aligned(text: str) -> tuple[str, list[int]]:
    """NFC, one base character and its combining marks at a time."""
    if not _OUTSIDE_FAST_NFC.search(text) and _nfc(text) == text:
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
        offsets.extend(range(i, j) if piece == text[i:j] else _cluster_offsets(text, i, j, piece))
        i = j
    return "".join(pieces), offsets


def _cluster_offsets(text: str, i: int, j: int, piece: str) -> list[int]:
    """Where each character of `piece` (the NFC of text[i:j], a base and its
    marks) came from: the base from i, each mark from where that mark stands
    in the input (i if it was composed away), never decreasing, so that no
    character of the output maps to an empty span of the input."""
    offsets = [i]
    used: set[int] = set()
    for ch in piece[1:]:
        at = next((k for k in range(i + 1, j) if text[k] == ch and k not in used), i)
        used.add(at)
        offsets.append(max(at, offsets[-1]))
    return offsets


_BOUNDARY = frozenset(" \n" + ZWNJ)


def _align_boundaries(src: str, out: str) -> list[int]:
    """Map each char of `out` to an index of `src`, where `out` differs from
    `src` only by inserted, deleted or swapped boundary characters and by
    one-for-one swaps of other characters.

    Stretches that the two strings share are mapped at once (found by comparing
    slices); the character-by-character rule of `_align_boundaries_slow` runs
    only where they differ, so the result is the same, much faster."""
    if src == out:
        return list(_run(0, len(out)))
    offsets: list[int] = []
    n, m = len(src), len(out)
    i = j = 0
    while j < m:
        same = _common_prefix(src, i, out, j, min(_STRETCH, n - i, m - j))
        if same:
            offsets += _run(i, i + same)
            i += same
            j += same
            continue
        i = _align_step(src, i, out[j], offsets)
        j += 1
    return offsets


_STRETCH = 512


def _common_prefix(a: str, i: int, b: str, j: int, limit: int) -> int:
    """The largest h <= limit with a[i:i+h] == b[j:j+h]."""
    if limit <= 0 or a[i] != b[j]:
        return 0
    if a[i : i + limit] == b[j : j + limit]:
        return limit
    lo, hi = 1, limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if a[i : i + mid] == b[j : j + mid]:
            lo = mid
        else:
            hi = mid
    return lo


def _align_step(src: str, i: int, ch: str, offsets: list[int]) -> int:
    """Map one output character; return the new position in `src`."""
    n = len(src)
    if ch in _BOUNDARY:
        if i < n and src[i] in _BOUNDARY:
            offsets.append(i)
            return i + 1
        offsets.append(min(i, n - 1) if n else 0)
        return i
    while i < n and src[i] in _BOUNDARY:
        i += 1
    offsets.append(min(i, n - 1) if n else 0)
    return i + 1


def _align_boundaries_slow(src: str, out: str) -> list[int]:
    """The same mapping as `_align_boundaries`, one character at a time."""
    offsets: list[int] = []
    i = 0
    for ch in out:
        i = _align_step(src, i, ch, offsets)
    return offsets


_NAME_KEY_IGNORED = re.compile(r"[\s\u200c.\u0654]+")
# Letters that names are spelt with either way: آمریکا/امریکا, رئیسی/رییسی, أ/ا, ؤ/و.
_NAME_KEY_FOLDED = str.maketrans({"آ": "ا", "أ": "ا", "إ": "ا", "ئ": "ی", "ؤ": "و"})


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """What two spellings of one name share: normalized, without spaces,
    half-spaces, dots or the ezafe mark, آ/أ/إ as ا, ئ as ی, ؤ as و
    ("تی.آر.تی", "تی‌آرتی" and "تی آر تی" have one key; so have "کرهٔ" and "کره")."""
    return normalized_name_key(normalize(name, restore_zwnj=False))


@lru_cache(maxsize=1 << 16)  # asked for every word of a text by the entity layer: words repeat
def normalized_name_key(name: str) -> str:
    """`name_key` of a name taken from normalized text (no normalization again)."""
    return _NAME_KEY_IGNORED.sub("", name).translate(_NAME_KEY_FOLDED)
