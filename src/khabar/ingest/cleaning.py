"""Text cleaning for ingest. An Article keeps its text (lead and body) as the
source wrote it, with whitespace tidied and, in Persian, Arabic yeh and kaf as
Persian letters (so that a page saved in Windows-1256 gives the same Article):
normalization is the persian stage's work (`analyze` normalizes and keeps
offsets back to this text, see DESIGN.md). The title is a label shown in lists,
so it is normalized here when Persian."""

from __future__ import annotations

import dataclasses
import re
import unicodedata

from khabar.ingest.language import detect_language
from khabar.model import Article
from khabar.persian.chars import persian_yeh_kaf
from khabar.persian.normalize import normalize

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
# Is there anything to tidy (most texts have none: one search, no substitution)?
_ODD_SPACE = re.compile(r"  |[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def clean(text: str, language: str) -> str:
    """The text normalized if Persian, else with tidy whitespace (for titles)."""
    if language == "fa":
        return normalize(text)
    return tidy(text, language)


def tidy(text: str, language: str) -> str:
    """The text in NFC with Windows line ends, space runs and edge spaces of
    each line tidied; in Persian, Arabic yeh and kaf as Persian letters. Other
    letters, digits and half-spaces are left as written."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    if language == "fa":
        text = persian_yeh_kaf(text)
    if _ODD_SPACE.search(text):
        text = _SPACES.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = text.replace(" \n", "\n").replace("\n ", "\n")
    return text.strip()


def tidy_lines(text: str, language: str) -> list[str]:
    """The non-empty lines of the tidied text."""
    return [line for line in tidy(text, language).split("\n") if line]


def mostly_words(*texts: str, sample: int = 20000) -> bool:
    """Whether letters and digits are at least as many as punctuation and
    symbols (not a run of '<', '=' or '*' that an extractor took for text);
    spaces, half-spaces and vowel marks count as neither."""
    text = "".join(t[:sample] for t in texts)
    words = len(_ALNUM.findall(text))
    symbols = sum(1 for c in _NOT_WORD.findall(text) if unicodedata.category(c)[0] in "PS")
    return words > 0 and words >= symbols


_ALNUM = re.compile(r"[^\W_]")
_NOT_WORD = re.compile(r"[^\w\s]")


def language_of(*texts: str) -> str:
    """The language of a text in parts (title, body…); Persian when undecided."""
    found = detect_language("\n".join(t for t in texts if t))
    return found if found in ("ar", "en", "other") else "fa"


def normalized(article: Article) -> Article:
    """The article with its lead and body normalized as well, when Persian (what
    `khabar ingest --normalize` writes); its id, of the text as written, is kept."""
    if article.language != "fa":
        return article
    return dataclasses.replace(article, lead=normalize(article.lead), body=[normalize(p) for p in article.body])
