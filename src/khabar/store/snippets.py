"""Snippets: the stretch of an article's own text (Article.text(), as the
source wrote it) where the query's words are densest, with their spans."""

from __future__ import annotations

import json
import re
import zlib
from functools import lru_cache
from typing import Any

from khabar.store.query import highlight_terms
from khabar.store.records import article_from_row

WIDTH = 220  # characters


@lru_cache(maxsize=256)
def _wanted(query: str, lemma: bool) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    """Patterns of the folded words (and prefixes) a snippet marks, and of the lemmas."""
    terms, prefixes, lemmas = highlight_terms(query, lemma=lemma)
    words = [re.escape(t) for t in sorted(terms, key=len, reverse=True)]
    words += [re.escape(p) + r"[^ ]*" for p in sorted(prefixes, key=len, reverse=True)]
    fold = re.compile(r"(?:^| )(?:" + "|".join(words) + r")(?= |$)") if words else None
    lemma_pattern = (
        re.compile(r"(?:^| )(?:" + "|".join(map(re.escape, sorted(lemmas, key=len, reverse=True))) + r")(?= |$)")
        if lemmas else None
    )
    return fold, lemma_pattern


def _positions(pattern: re.Pattern[str] | None, terms: str) -> set[int]:
    """Indexes of the space-separated terms that `pattern` matches."""
    if pattern is None or not terms:
        return set()
    found = set()
    for m in pattern.finditer(terms):
        start = m.start() + (terms[m.start()] == " ")
        found.add(terms.count(" ", 0, start))
    return found


def snippet(
    row: dict[str, Any], data: bytes | None, query: str | None, *, lemma: bool = False, width: int = WIDTH
) -> tuple[str, int, list[list[int]]]:
    """(snippet, its start in the article text, [start, end] of each matched
    word in the snippet). Line breaks show as spaces (offsets unchanged)."""
    text = article_from_row(row).text()
    matches: list[tuple[int, int]] = []
    if data is not None and query and query.strip():
        fold, lemmas = _wanted(query, lemma)
        index = json.loads(zlib.decompress(data))
        spans = index["spans"]
        for i in sorted(_positions(fold, index["fold"]) | _positions(lemmas, index["lemma"])):
            matches.append((spans[2 * i], spans[2 * i + 1]))
    title_end = len(row.get("title") or "")
    start = _window_start(text, matches, title_end, width)
    end = min(len(text), start + width)
    while end < len(text) and not text[end].isspace() and end - start < width + 30:
        end += 1
    marks = [[s - start, e - start] for s, e in matches if s >= start and e <= end]
    return text[start:end].replace("\n", " "), start, marks


def _window_start(text: str, matches: list[tuple[int, int]], title_end: int, width: int) -> int:
    """Where the window with the most matches begins (after the title when the
    body has one), moved back to a word's start."""
    if not matches:
        return title_end + 2 if title_end + 2 < len(text) else 0
    starts = [m[0] for m in matches if m[0] > title_end] or [m[0] for m in matches]
    best, best_count, j = starts[0], 0, 0
    for i, s in enumerate(starts):  # the match that opens the fullest stretch (two pointers)
        while j < len(starts) and starts[j] < s + width * 3 // 4:
            j += 1
        if j - i > best_count:
            best, best_count = s, j - i
    start = max(0, best - width // 4)
    while start > 0 and not text[start - 1].isspace() and best - start < width // 4 + 30:
        start -= 1
    return start
