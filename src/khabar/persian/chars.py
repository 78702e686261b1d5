"""Character tables for Persian: letter variants, digits, marks, joining classes."""

from __future__ import annotations

import unicodedata

ZWNJ = "\u200c"

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
LATIN_DIGITS = "0123456789"
ALL_DIGITS = LATIN_DIGITS + PERSIAN_DIGITS + ARABIC_DIGITS
# Persian and Arabic-Indic digits to Latin ones (for int() and comparisons).
TO_LATIN_DIGITS = str.maketrans(PERSIAN_DIGITS + ARABIC_DIGITS, LATIN_DIGITS * 2)

# Arabic-script letters used in Persian text (after normalization), plus the few
# Arabic letters that Persian keeps (أ ؤ ئ ء ة).
PERSIAN_LETTERS = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیأؤئءة"

# Letters that never join to the letter after them: a ZWNJ after one of them is
# invisible and meaningless, so normalization drops it.
NON_JOINING = "اآأإٱدذرزژوؤةءۀ"

# Marks that may sit on a letter and stay: tanwin-fatha, hamza above, shadda, superscript alef.
KEPT_MARKS = "\u064b\u064c\u0651\u0654\u0670"
# Short vowels and other marks that Persian news does not write: removed.
DROPPED_MARKS = "\u064d\u064e\u064f\u0650\u0652\u0653\u0655\u0656\u0657\u0658\u065a\u065b\u065c\u065d\u065e\u065f"

TATWEEL = "\u0640"

# Invisible characters that carry nothing: removed (ZWSP, ZWJ, LRM/RLM, embeddings,
# soft hyphen, BOM, word joiner, Arabic letter mark).
INVISIBLE = "\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u00ad\ufeff\u2060\u061c"

# Space-like characters turned into a plain space.
SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\t\x0b\x0c"

LETTER_VARIANTS = {
    "ي": "ی",  # Arabic yeh
    "ى": "ی",  # alef maksura
    "ې": "ی",
    "ۍ": "ی",
    "ێ": "ی",
    "ك": "ک",  # Arabic kaf
    "ڪ": "ک",
    "ە": "ه",  # ae
    "ۀ": "ه\u0654",  # heh with yeh above → heh + hamza above, as the UD treebanks write it
    "ۂ": "ه\u0654",
    "ہ": "ه",
    "ھ": "ه",
    "ٱ": "ا",
    "إ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "أ",
    "ٶ": "ؤ",
    "ٸ": "ئ",
}

# The letters that Windows-1256 (which has no Persian yeh) and Arabic keyboards
# write for Persian ی and ک.
ARABIC_YEH_KAF = (("ي", "ی"), ("ى", "ی"), ("ك", "ک"))


def persian_yeh_kaf(text: str) -> str:
    """Arabic yeh, alef maksura and kaf as Persian ی and ک (and nothing else)."""
    for old, new in ARABIC_YEH_KAF:
        if old in text:
            text = text.replace(old, new)
    return text


# Punctuation that Persian writes in its own form; applied only between Persian words.
PERSIAN_PUNCT = {",": "،", ";": "؛", "?": "؟"}


def _presentation_forms() -> dict[str, str]:
    """Map Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFF) to plain letters."""
    table: dict[str, str] = {}
    for cp in list(range(0xFB50, 0xFE00)) + list(range(0xFE70, 0xFEFF)):
        ch = chr(cp)
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch and decomposed.strip() and all(
            "\u0600" <= c <= "\u06ff" for c in decomposed
        ):
            table[ch] = "".join(LETTER_VARIANTS.get(c, c) for c in decomposed)
    return table


def char_table(digits: str = "persian") -> dict[int, str | None]:
    """The per-character translation table used by normalization.

    digits: "persian" (default) or "latin" — the script all digits are written in.
    """
    target = PERSIAN_DIGITS if digits == "persian" else LATIN_DIGITS
    table: dict[int, str | None] = {}
    table.update({ord(k): v for k, v in LETTER_VARIANTS.items()})
    for src in (PERSIAN_DIGITS, ARABIC_DIGITS, LATIN_DIGITS):
        for s, t in zip(src, target, strict=False):
            if s != t:
                table[ord(s)] = t
    for ch in DROPPED_MARKS + TATWEEL + INVISIBLE:
        table[ord(ch)] = None
    for ch in SPACES:
        table[ord(ch)] = " "
    table[ord("\r")] = None  # CRLF → LF; a lone CR is rare enough to lose
    table[ord("\u066b")] = "٫"  # Arabic decimal separator stays
    table[ord("\u066a")] = "٪"
    for form, plain in _presentation_forms().items():  # what they expand to goes through the table too
        mapped = "".join(t for c in plain if (t := table.get(ord(c), c)) is not None)
        table[ord(form)] = mapped or None  # "ﹷ" is a tatweel and a fatha: nothing
    return table


def fold(text: str) -> str:
    """Fold letter and digit variants (for comparing texts, not for output)."""
    return text.translate(_FOLD_TABLE)


_FOLD_TABLE = {k: v for k, v in char_table("latin").items() if v is not None and v != " "}
