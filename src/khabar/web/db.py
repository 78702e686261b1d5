"""Connections to the corpus: read-only for every page that only reads, one
read-write connection (under a lock) for notes."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from khabar.errors import InputError
from khabar.store.schema import SCHEMA


def read_only(path: Path) -> sqlite3.Connection:
    """The corpus opened read-only (mode=ro): a page cannot write to it. (Its
    temporary tables, such as the store's FTS5 vocabulary view, are not in
    the file and stay writable.)"""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    return sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)


def check_corpus(path: Path) -> None:
    """Raise InputError unless `path` is a khabar corpus this app can read."""
    if not path.is_file():
        raise InputError(f"{path}: no such corpus (make one with `khabar ingest INPUT --db {path}`)")
    try:
        conn = read_only(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path}: not a khabar corpus ({exc})") from None
    if row is None or row[0] != SCHEMA:
        raise InputError(f"{path}: not a khabar corpus of schema {SCHEMA}")


class Database:
    """Opens read-only connections per request and keeps one writer for notes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._writer: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @contextmanager
    def reader(self) -> Iterator[sqlite3.Connection]:
        conn = read_only(self.path)
        try:
            yield conn
        finally:
            conn.close()

    @contextmanager
    def writer(self) -> Iterator[sqlite3.Connection]:
        """The read-write connection, one user at a time, in a transaction."""
        with self._lock:
            if self._writer is None:
                self._writer = sqlite3.connect(self.path, timeout=30, isolation_level=None,
                                               check_same_thread=False)
                self._writer.execute("PRAGMA busy_timeout = 30000")
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            if self._writer is not None:
                self._writer.close()
                self._writer = None
