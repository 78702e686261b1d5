"""The one writer of a corpus: articles with their layers, index rows and
signatures, in batched transactions; runs and skips."""

from __future__ import annotations

import json
import sqlite3
import time
import zlib
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from khabar.ingest.inputs import Skip
from khabar.store.records import Record
from khabar.store.schema import LAYER_TABLES, connect

_ARTICLE_COLUMNS = (
    "id", "url", "source", "agency", "site", "published", "day", "ts", "title", "lead", "body",
    "dateline", "attributions", "language", "warnings", "input", "hash",
)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Writer:
    """Writes Records into a corpus; `store` inside an open transaction that
    `maybe_commit` closes every few articles or seconds."""

    def __init__(self, db: str | Path) -> None:
        self.conn: sqlite3.Connection = connect(db)
        self._pending = 0
        self._since = time.monotonic()

    def close(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self.conn.close()

    def known_hashes(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT id, hash FROM articles"))

    def start_run(self, inputs: int, workers: int) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (started, inputs, workers) VALUES (?, ?, ?)", (_now(), inputs, workers)
        )
        return int(cur.lastrowid)

    def finish_run(self, report: Any) -> None:
        self.commit()
        self.conn.execute(
            "UPDATE runs SET finished = ?, read = ?, added = ?, updated = ?, unchanged = ?, skipped = ? WHERE run = ?",
            (_now(), report.read, report.added, report.updated, report.unchanged, report.skipped, report.run),
        )

    def _begin(self) -> None:
        if not self.conn.in_transaction:
            self.conn.execute("BEGIN IMMEDIATE")
            self._since = time.monotonic()

    def maybe_commit(self, batch: int, seconds: float) -> None:
        if self.conn.in_transaction and (self._pending >= batch or time.monotonic() - self._since >= seconds):
            self.commit()

    def commit(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("COMMIT")
        self._pending = 0

    def skip(self, run: int, where: Skip) -> None:
        self._begin()
        record = None if where.record is None else str(where.record)
        self.conn.execute(
            "INSERT INTO skips VALUES (?, ?, ?, ?, ?, ?)", (run, where.input, where.line, record, where.reason, _now())
        )

    def store(self, rec: Record, run: int) -> bool:
        """Insert or replace one article; True if it replaced an older version."""
        self._begin()
        conn = self.conn
        values = [rec.article[c] for c in _ARTICLE_COLUMNS]
        found = conn.execute("SELECT n FROM articles WHERE id = ?", (rec.article["id"],)).fetchone()
        if found:
            n = found[0]
            self._remove_analysis(n)
            sets = ", ".join(f"{c} = ?" for c in _ARTICLE_COLUMNS)
            conn.execute(f"UPDATE articles SET {sets}, run = ? WHERE n = ?", (*values, run, n))
        else:
            marks = ", ".join("?" for _ in _ARTICLE_COLUMNS)
            cur = conn.execute(
                f"INSERT INTO articles ({', '.join(_ARTICLE_COLUMNS)}, run) VALUES ({marks}, ?)", (*values, run)
            )
            n = cur.lastrowid
            conn.execute("UPDATE articles SET cluster = n WHERE n = ?", (n,))
        from khabar.model import SCHEMA_VERSION

        conn.execute("INSERT OR REPLACE INTO docs VALUES (?, ?, ?)", (n, SCHEMA_VERSION, rec.doc))
        for table in LAYER_TABLES:
            rows = rec.layers.get(table) or []
            if rows:
                marks = ", ".join("?" for _ in range(len(rows[0]) + 1))
                conn.executemany(f"INSERT INTO {table} VALUES ({marks})", [(n, *row) for row in rows])
        conn.execute("INSERT INTO search_text VALUES (?, ?)", (n, rec.search_data))
        conn.execute("INSERT INTO search (rowid, fold, lemma) VALUES (?, ?, ?)", (n, rec.fold, rec.lemma))
        if rec.signature is not None:
            conn.execute("INSERT OR REPLACE INTO minhash VALUES (?, ?, ?)", (n, rec.signature, rec.shingles))
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('clusters', 'dirty')")
        self._pending += 1
        return bool(found)

    def _remove_analysis(self, n: int) -> None:
        """Drop an article's layers, index entries and signature (before its new version)."""
        conn = self.conn
        for table in LAYER_TABLES:
            conn.execute(f"DELETE FROM {table} WHERE article = ?", (n,))
        old = conn.execute("SELECT data FROM search_text WHERE article = ?", (n,)).fetchone()
        if old:
            data = json.loads(zlib.decompress(old[0]))
            conn.execute(
                "INSERT INTO search (search, rowid, fold, lemma) VALUES ('delete', ?, ?, ?)",
                (n, data["fold"], data["lemma"]),
            )
            conn.execute("DELETE FROM search_text WHERE article = ?", (n,))
        conn.execute("DELETE FROM minhash WHERE article = ?", (n,))

    def clusters_dirty(self) -> bool:
        found = self.conn.execute("SELECT value FROM meta WHERE key = 'clusters'").fetchone()
        return found is None or found[0] != "clean"

    def multi_clusters(self) -> int:
        return self.conn.execute("SELECT COUNT(*) FROM clusters WHERE articles > 1").fetchone()[0]
