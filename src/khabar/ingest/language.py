"""Which language is this text in: Persian, Arabic, English (or other)?
Decided by the function words that each language writes most."""

from __future__ import annotations

import re

_PERSIAN = frozenset(["در", "به", "از", "که", "را", "این", "با", "است", "برای", "آن", "می", "شد", "کرد", "های", "و", "یک", "تا", "هم", "خود", "شده"])
_ARABIC = frozenset(["في", "من", "على", "إلى", "التي", "الذي", "أن", "عن", "مع", "هذا", "هذه", "كان", "قد", "ذلك", "بين", "أو", "لم"])
_ENGLISH = frozenset(["the", "of", "and", "to", "in", "is", "that", "for", "on", "with", "as", "was", "by", "at", "from"])
_WORD = re.compile(r"[^\W\d_]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_PERSIAN_ONLY_LETTERS = "پچژگ"  # letters of Persian that Arabic does not have


def detect_language(text: str, sample: int = 3000) -> str:
    """'fa', 'ar', 'en', 'other' (letters mostly of another script: CJK, Cyrillic…),
    or 'und' when no language stands out."""
    head = text[:sample]
    persian_only = sum(head.count(c) for c in _PERSIAN_ONLY_LETTERS)
    if persian_only >= 8 and (not _LATIN_RUN.search(head) or persian_only * 10 > len(_LATIN_RUN.findall(head))):
        return "fa"  # letters Arabic does not write, and little Latin: no need to count words
    if _another_script(head):
        return "other"
    counts = {"fa": 0, "ar": 0, "en": 0}
    for word in _WORD.findall(head):
        lower = word.lower()
        if lower in _PERSIAN:
            counts["fa"] += 1
        if lower in _ARABIC:
            counts["ar"] += 1
        if lower in _ENGLISH:
            counts["en"] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] >= 2 else "und"


_ARABIC_OR_LATIN = re.compile(r"[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeffA-Za-z]")


def _another_script(head: str) -> bool:
    """Whether most letters of `head` are neither Arabic-script nor Latin (a
    UTF-16 reading of junk gives CJK letters)."""
    letters = sum(1 for c in head if c.isalpha())
    return letters > 0 and len(_ARABIC_OR_LATIN.findall(head)) * 2 < letters
