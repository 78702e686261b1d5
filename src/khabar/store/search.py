"""Search: the articles a query and filters select, ranked by BM25, a
near-duplicate cluster collapsed to its earliest article."""

from __future__ import annotations

import calendar
import sqlite3
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from khabar.store.query import QueryError, compile_query
from khabar.store.snippets import snippet


@dataclass
class Filters:
    """What an article must also be: from a source (outlet or agency), published
    within [date_from, date_to] (YYYY, YYYY-MM or YYYY-MM-DD, in the article's
    time zone), naming a knowledge-base entity, stating an event type."""

    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    entity: str | None = None
    event: str | None = None


@dataclass
class Hit:
    id: str
    title: str
    url: str | None
    source: str | None
    published: str | None
    score: float
    snippet: str
    cluster: dict[str, Any]
    highlights: list[list[int]] = field(default_factory=list)  # [start, end] in the snippet
    offset: int = 0  # where the snippet starts in the article's text (Article.text())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class SearchResult:
    total: int  # stories (clusters) that match, or articles with collapse=False
    hits: list[Hit]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "hits": [h.to_dict() for h in self.hits]}


def _day(value: str, *, end: bool) -> str:
    """YYYY, YYYY-MM or YYYY-MM-DD as the first (or last) day it names."""
    parts = value.strip().split("-")
    try:
        if len(parts) == 1:
            d = date(int(parts[0]), 12 if end else 1, 31 if end else 1)
        elif len(parts) == 2:
            y, m = int(parts[0]), int(parts[1])
            d = date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        else:
            d = date.fromisoformat(value.strip())
    except ValueError as exc:
        raise QueryError(f"not a date (YYYY-MM-DD, YYYY-MM or YYYY): {value!r}") from exc
    return d.isoformat()


def vocabulary(conn: sqlite3.Connection) -> Callable[[str], int]:
    """A folded term's document frequency in the corpus (0: not there)."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search', 'col')")
    seen: dict[str, int] = {}

    def known(term: str) -> int:
        if term not in seen:
            row = conn.execute("SELECT doc FROM temp.search_vocab WHERE term = ? AND col = 'fold'", (term,)).fetchone()
            seen[term] = row[0] if row else 0
        return seen[term]

    return known


def _has_index(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone() is not None


def matching(
    conn: sqlite3.Connection, query: str | None, filters: Filters | None = None, *, lemma: bool = False
) -> tuple[str, list[Any]]:
    """SQL selecting (n, cluster, ts, score) of the matching articles, and its parameters."""
    filters = filters or Filters()
    where: list[str] = []
    params: list[Any] = []
    hot = "INDEXED BY articles_hot" if _has_index(conn, "articles_hot") else ""
    if query is not None and query.strip():
        sql = f"SELECT a.n, a.cluster, a.ts, bm25(search) AS score FROM search JOIN articles a {hot} ON a.n = search.rowid"
        where.append("search MATCH ?")
        params.append(compile_query(query, lemma=lemma, known=vocabulary(conn)))
    else:
        sql = f"SELECT a.n, a.cluster, a.ts, 0.0 AS score FROM articles a {hot}"
    if filters.source:
        where.append("(a.source = ? COLLATE NOCASE OR a.agency = ? COLLATE NOCASE OR a.site = ? COLLATE NOCASE)")
        params += [filters.source] * 3
    if filters.date_from:
        where.append("a.day >= ?")
        params.append(_day(filters.date_from, end=False))
    if filters.date_to:
        where.append("a.day <= ?")
        params.append(_day(filters.date_to, end=True))
    if filters.entity:
        where.append("a.n IN (SELECT article FROM entities WHERE kb_id = ?)")
        params.append(filters.entity)
    if filters.event:
        where.append("a.n IN (SELECT article FROM events WHERE type = ? COLLATE NOCASE)")
        params.append(filters.event)
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql, params


def search(
    conn: sqlite3.Connection,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
    collapse: bool = True,
    lemma: bool = False,
) -> SearchResult:
    """The best `limit` hits of `query` (an empty query: every article, newest first)."""
    sql, params = matching(conn, query, filters, lemma=lemma)
    ranked = "score, ts DESC, n" if query and query.strip() else "ts IS NULL, ts DESC, n"
    if collapse:
        page = f"""
            WITH m AS ({sql}),
            r AS (SELECT n, ts, MIN(score) OVER (PARTITION BY cluster) AS score,
                         ROW_NUMBER() OVER (PARTITION BY cluster ORDER BY ts IS NULL, ts, n) AS k FROM m)
            SELECT n, score, COUNT(*) OVER () FROM r WHERE k = 1 ORDER BY {ranked} LIMIT ? OFFSET ?"""
    else:
        page = f"SELECT n, score, COUNT(*) OVER () FROM ({sql}) ORDER BY {ranked} LIMIT ? OFFSET ?"
    try:
        rows = conn.execute(page, (*params, limit, offset)).fetchall()
    except sqlite3.OperationalError as exc:
        if "fts5" in str(exc) or "MATCH" in str(exc):
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        raise
    if not rows:
        total = 0 if offset == 0 else _count(conn, sql, params, collapse)
        return SearchResult(total, [])
    hits = [_hit(conn, n, score, query, lemma) for n, score, _ in rows]
    return SearchResult(rows[0][2], hits)


def _count(conn: sqlite3.Connection, sql: str, params: list[Any], collapse: bool) -> int:
    what = "COUNT(DISTINCT cluster)" if collapse else "COUNT(*)"
    return conn.execute(f"SELECT {what} FROM ({sql})", params).fetchone()[0]


def _hit(conn: sqlite3.Connection, n: int, score: float, query: str, lemma: bool) -> Hit:
    conn.row_factory = sqlite3.Row
    try:
        row = conn.execute("SELECT * FROM articles WHERE n = ?", (n,)).fetchone()
        cluster = conn.execute(
            "SELECT a.id, c.articles, c.outlets FROM clusters c JOIN articles a ON a.n = c.cluster WHERE c.cluster = ?",
            (row["cluster"],),
        ).fetchone()
        data = conn.execute("SELECT data FROM search_text WHERE article = ?", (n,)).fetchone()
    finally:
        conn.row_factory = None
    text, start, marks = snippet(dict(row), data[0] if data else None, query, lemma=lemma)
    info = (
        {"id": cluster["id"], "articles": cluster["articles"], "outlets": cluster["outlets"]}
        if cluster else {"id": row["id"], "articles": 1, "outlets": 1}
    )
    return Hit(
        id=row["id"], title=row["title"] or "", url=row["url"], source=row["source"], published=row["published"],
        score=round(-score, 4), snippet=text, cluster=info, highlights=marks, offset=start,
    )
