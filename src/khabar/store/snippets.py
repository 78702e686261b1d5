"""Snippets: the stretch of an article's own text (Article.text(), as the
source wrote it) where the query's words are densest, with their spans."""

from __future__ import annotations

import json
import zlib
from functools import lru_cache
from typing import Any

from khabar.store.query import highlight_terms
from khabar.store.records import article_from_row

WIDTH = 220  # characters


@lru_cache(maxsize=256)
def _wanted(query: str, lemma: bool) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    terms, prefixes, lemmas = highlight_terms(query, lemma=lemma)
    return frozenset(terms), tuple(prefixes), frozenset(lemmas)


def snippet(
    row: dict[str, Any], data: bytes | None, query: str | None, *, lemma: bool = False, width: int = WIDTH
) -> tuple[str, int, list[list[int]]]:
    """(snippet, its start in the article text, [start, end] of each matched
    word in the snippet). Line breaks show as spaces (offsets unchanged)."""
    text = article_from_row(row).text()
    matches: list[tuple[int, int]] = []
    if data is not None and query and query.strip():
        terms, prefixes, lemmas = _wanted(query, lemma)
        index = json.loads(zlib.decompress(data))
        folds = index["fold"].split(" ") if index["fold"] else []
        lemma_of = index["lemma"].split(" ") if index["lemma"] else []
        spans = index["spans"]
        for i, term in enumerate(folds):
            if term in terms or (prefixes and term.startswith(prefixes)) or (
                lemmas and i < len(lemma_of) and lemma_of[i] in lemmas
            ):
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
    body = [m for m in matches if m[0] > title_end] or matches
    best, best_count = body[0][0], -1
    for s, _ in body:
        count = sum(1 for t, _ in body if s <= t < s + width * 3 // 4)
        if count > best_count:
            best, best_count = s, count
    start = max(0, best - width // 4)
    while start > 0 and not text[start - 1].isspace() and best - start < width // 4 + 30:
        start -= 1
    return start
