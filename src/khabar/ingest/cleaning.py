"""Text cleaning by language: Persian is normalized by khabar.normalize; text in
another language only gets its whitespace tidied (its letters are its own)."""

from __future__ import annotations

import re
import unicodedata

from khabar.ingest.language import detect_language
from khabar.persian.normalize import normalize

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def clean(text: str, language: str) -> str:
    """The text, normalized if Persian, else with tidy whitespace."""
    if language == "fa":
        return normalize(text)
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n"))
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n")).strip()


def clean_lines(text: str, language: str) -> list[str]:
    """The non-empty lines of the cleaned text."""
    return [line for line in clean(text, language).split("\n") if line.strip()]


def language_of(*texts: str) -> str:
    """The language of a text in parts (title, body…); Persian when undecided."""
    found = detect_language("\n".join(t for t in texts if t))
    return found if found in ("ar", "en") else "fa"
