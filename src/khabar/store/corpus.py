"""`Corpus`: one SQLite file of analysed articles, and what can be asked of it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from khabar.errors import InputError
from khabar.model import Article, Doc
from khabar.store import export as _export
from khabar.store import notes as note_store
from khabar.store import trends
from khabar.store.ingest import IngestReport, ingest_into
from khabar.store.records import article_from_row, unpack_doc
from khabar.store.schema import connect
from khabar.store.search import Filters, SearchResult
from khabar.store.search import search as _search


class Corpus:
    """An embedded corpus (SQLite + FTS5): `Corpus("news.db")`.

    With `create=False` a missing file is an InputError instead of a new corpus.
    Filters, wherever a method takes them: `source` (outlet or agency),
    `date_from`/`date_to` (YYYY[-MM[-DD]]), `entity` (a kb_id), `event` (a PLOVER type)."""

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        self.path = Path(path)
        self.conn: sqlite3.Connection = connect(self.path, create=create)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    # ---- writing

    def ingest(
        self, inputs: list[str], *, workers: int | None = None,
        progress: Callable[[int, int], None] | None = None,
    ) -> IngestReport:
        """`ingest_into` this corpus."""
        return ingest_into(self.path, inputs, workers=workers, progress=progress)

    def add_note(
        self, article_id: str, text: str, *, author: str | None = None, key: str = "", parent: int | None = None
    ) -> int:
        """Attach an analyst's note to an article (a reply to note `parent`);
        returns the note's id. The note shows in the web app beside the article;
        only the same `key` may later edit or delete it there. InputError for an
        unknown article or a note the rules refuse (empty, too long)."""
        self._n(article_id)
        try:
            note = note_store.add(self.conn, target_type="article", target_id=article_id, parent_id=parent,
                             author=author or note_store.NO_AUTHOR, text=text, key=key)
        except note_store.NoteError as exc:
            raise InputError(f"note on {article_id}: {exc}") from None
        return note.id

    def notes(self, article_id: str) -> list[dict[str, Any]]:
        """The notes on an article as threads: newest first, each with its `replies`."""
        self._n(article_id)
        return note_store.thread(self.conn, "article", article_id)

    # ---- reading

    def _n(self, article_id: str) -> int:
        found = self.conn.execute("SELECT n FROM articles WHERE id = ?", (article_id,)).fetchone()
        if found is None:
            raise InputError(f"no article {article_id!r} in {self.path}")
        return found[0]

    def article(self, article_id: str) -> Article:
        self.conn.row_factory = sqlite3.Row
        try:
            row = self.conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
        finally:
            self.conn.row_factory = None
        if row is None:
            raise InputError(f"no article {article_id!r} in {self.path}")
        return article_from_row(dict(row))

    def doc(self, article_id: str) -> Doc:
        """The stored analysis (`Doc.to_dict()` of it is what ingest made)."""
        blob = self.conn.execute("SELECT json FROM docs WHERE article = ?", (self._n(article_id),)).fetchone()
        return unpack_doc(blob[0])

    def cluster(self, article_id: str) -> list[dict[str, Any]]:
        """The copies of an article's story, earliest first."""
        cur = self.conn.execute(
            """SELECT b.id, b.source, b.published, b.title FROM articles a JOIN articles b ON b.cluster = a.cluster
               WHERE a.id = ? ORDER BY b.ts IS NULL, b.ts, b.n""", (article_id,))
        return [dict(zip(("id", "source", "published", "title"), row, strict=True)) for row in cur]

    def skips(self, run: int | None = None) -> list[dict[str, Any]]:
        """The inputs ingest could not store (of one run, or all)."""
        names = ("run", "input", "line", "record", "reason", "at")
        sql = f"SELECT {', '.join(names)} FROM skips"
        cur = self.conn.execute(sql + (" WHERE run = ?" if run else "") + " ORDER BY rowid", (run,) if run else ())
        return [dict(zip(names, row, strict=True)) for row in cur]

    # ---- asking

    def search(
        self, query: str, *, limit: int = 20, offset: int = 0, source: str | None = None,
        date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
        event: str | None = None, all: bool = False, lemma: bool = False,
    ) -> SearchResult:
        """Ranked hits of `query` (see khabar.store.query for the syntax); a
        near-duplicate cluster shows once, as its earliest matching article,
        unless `all`. Raises QueryError for a malformed query or date."""
        filters = Filters(source, date_from, date_to, entity, event)
        return _search(self.conn, query, filters, limit=limit, offset=offset, collapse=not all, lemma=lemma)

    def stats(
        self, query: str | None = None, *, interval: str = "month", limit: int = 10, source: str | None = None,
        date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
        event: str | None = None, lemma: bool = False,
    ) -> dict[str, Any]:
        """Attention over time, top entities, places, event types and sources of
        the articles `query` selects; with `entity`, the actors named with it."""
        filters = Filters(source, date_from, date_to, entity, event)
        return trends.stats(self.conn, query, filters, interval=interval, limit=limit, lemma=lemma)

    def attention(self, query: str | None = None, *, interval: str = "day", **filters: str | None) -> list[dict]:
        return trends.attention(self.conn, query, Filters(**filters), interval=interval)

    def top_entities(self, query: str | None = None, *, labels: tuple[str, ...] = (), limit: int = 20,
                     **filters: str | None) -> list[dict]:
        return trends.top_entities(self.conn, query, Filters(**filters), labels=labels, limit=limit)

    def cooccurring(self, kb_id: str, query: str | None = None, *, limit: int = 20,
                    **filters: str | None) -> list[dict]:
        return trends.cooccurring(self.conn, kb_id, query, Filters(**filters), limit=limit)

    def top_events(self, query: str | None = None, *, limit: int = 20, **filters: str | None) -> list[dict]:
        return trends.top_events(self.conn, query, Filters(**filters), limit=limit)

    def sources(self, query: str | None = None, *, limit: int = 20, **filters: str | None) -> list[dict]:
        return trends.sources(self.conn, query, Filters(**filters), limit=limit)

    def export(
        self, out: str | Path, format: str, query: str | None = None, *, source: str | None = None,
        date_from: str | None = None, date_to: str | None = None, entity: str | None = None,
        event: str | None = None, lemma: bool = False,
    ) -> int:
        """Write what `query` selects (everything without one) as jsonl, csv,
        parquet, conllu or plover; returns the records written."""
        filters = Filters(source, date_from, date_to, entity, event)
        return _export.export(self.conn, out, format, query, filters, lemma=lemma)
