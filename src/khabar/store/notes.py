"""Analysts' notes: threaded notes and replies on an article, an entity or an
event, kept in the corpus database (one table, for the web app and the
library's `Corpus.add_note` alike; named `web_notes` after the app that made it first).

There are no accounts: whoever writes a note holds an author key (a random
secret, kept by the browser in a cookie or sent by an API client); the table
stores only its SHA-256, and only the same key edits or deletes the note. A
deleted note with replies stays as a stub so that the thread holds together."""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

TABLE = "web_notes"
TARGET_TYPES = ("article", "entity", "event")
MAX_TEXT = 4000
MAX_AUTHOR = 80
MAX_TARGET = 500
NO_AUTHOR = "ناشناس"  # "unknown": a note written without an author's name
MAX_DEPTH = 6  # replies deeper than this are shown at this depth

DDL = f"""
CREATE TABLE IF NOT EXISTS {TABLE} (
    id INTEGER PRIMARY KEY,
    target_type TEXT NOT NULL,   -- article, entity or event
    target_id TEXT NOT NULL,     -- articles.id, a kb_id, or "<article id>#<event n>"
    parent_id INTEGER REFERENCES {TABLE}(id),
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created TEXT NOT NULL,       -- ISO 8601, UTC
    updated TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    author_key TEXT NOT NULL     -- SHA-256 of the author's key
);
CREATE INDEX IF NOT EXISTS {TABLE}_target ON {TABLE}(target_type, target_id, created);
"""


class NoteError(ValueError):
    """A note that cannot be written as asked; `status` is the HTTP status to answer with."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Note:
    id: int
    target_type: str
    target_id: str
    parent_id: int | None
    author: str
    text: str
    created: str
    updated: str | None
    deleted: bool
    mine: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "target_type": self.target_type, "target_id": self.target_id,
            "parent_id": self.parent_id, "author": self.author, "text": self.text,
            "created": self.created, "updated": self.updated, "deleted": self.deleted, "mine": self.mine,
        }


def new_key() -> str:
    """A fresh author key."""
    return secrets.token_urlsafe(24)


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def ensure_table(conn: sqlite3.Connection) -> None:
    """Make the notes table if the corpus has none yet (inside the caller's transaction)."""
    for statement in DDL.split(";"):
        if statement.strip():
            conn.execute(statement)


def has_table(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (TABLE,)).fetchone() is not None


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _clean(text: Any, limit: int, what: str) -> str:
    if not isinstance(text, str):
        raise NoteError(f"{what} must be text")
    text = text.replace("\r\n", "\n").strip()
    if not text:
        raise NoteError(f"{what} is empty")
    if len(text) > limit:
        raise NoteError(f"{what} is longer than {limit} characters", 413)
    if any(ord(c) < 32 and c not in "\n\t" for c in text):
        raise NoteError(f"{what} holds control characters")
    return text


def check_target(target_type: Any, target_id: Any) -> tuple[str, str]:
    """The target as given, or a NoteError."""
    if target_type not in TARGET_TYPES:
        raise NoteError(f"target_type must be one of {', '.join(TARGET_TYPES)}")
    if not isinstance(target_id, str) or not target_id.strip() or len(target_id) > MAX_TARGET:
        raise NoteError("target_id must be a non-empty string")
    return target_type, target_id


def _row(row: sqlite3.Row | tuple, key: str | None) -> Note:
    id_, ttype, tid, parent, author, text, created, updated, deleted, stored_key = row
    return Note(id_, ttype, tid, parent, author, "" if deleted else text, created, updated, bool(deleted),
                mine=key is not None and secrets.compare_digest(stored_key, key_hash(key)))


_COLUMNS = "id, target_type, target_id, parent_id, author, text, created, updated, deleted, author_key"


def get(conn: sqlite3.Connection, note_id: int, key: str | None = None) -> Note | None:
    row = conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} WHERE id = ?", (note_id,)).fetchone()
    return None if row is None else _row(row, key)


def add(conn: sqlite3.Connection, *, target_type: Any, target_id: Any, parent_id: Any, author: Any,
        text: Any, key: str) -> Note:
    """Store a note (a reply when `parent_id` names a note on the same target)."""
    target_type, target_id = check_target(target_type, target_id)
    author = _clean(author, MAX_AUTHOR, "author")
    text = _clean(text, MAX_TEXT, "text")
    if parent_id is not None:
        if isinstance(parent_id, bool) or not isinstance(parent_id, int):
            raise NoteError("parent_id must be a note id or null")
        parent = get(conn, parent_id)
        if parent is None or (parent.target_type, parent.target_id) != (target_type, target_id):
            raise NoteError("parent_id is not a note on this target")
    cur = conn.execute(
        f"INSERT INTO {TABLE} (target_type, target_id, parent_id, author, text, created, author_key) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (target_type, target_id, parent_id, author, text, _now(), key_hash(key)),
    )
    note = get(conn, int(cur.lastrowid), key)
    assert note is not None
    return note


def _own(conn: sqlite3.Connection, note_id: int, key: str | None) -> Note:
    note = get(conn, note_id, key)
    if note is None or note.deleted:
        raise NoteError("no such note", 404)
    if not note.mine:
        raise NoteError("only its author can change a note", 403)
    return note


def edit(conn: sqlite3.Connection, note_id: int, text: Any, key: str | None) -> Note:
    """Replace the text of one's own note."""
    _own(conn, note_id, key)
    text = _clean(text, MAX_TEXT, "text")
    conn.execute(f"UPDATE {TABLE} SET text = ?, updated = ? WHERE id = ?", (text, _now(), note_id))
    note = get(conn, note_id, key)
    assert note is not None
    return note


def delete(conn: sqlite3.Connection, note_id: int, key: str | None) -> None:
    """Delete one's own note: removed if it has no replies, else a stub."""
    _own(conn, note_id, key)
    if conn.execute(f"SELECT 1 FROM {TABLE} WHERE parent_id = ? LIMIT 1", (note_id,)).fetchone():
        conn.execute(f"UPDATE {TABLE} SET deleted = 1, text = '', updated = ? WHERE id = ?", (_now(), note_id))
    else:
        conn.execute(f"DELETE FROM {TABLE} WHERE id = ?", (note_id,))


def thread(conn: sqlite3.Connection, target_type: str, target_id: str, key: str | None = None) -> list[dict]:
    """The notes on a target as a tree: top-level notes newest first, each with
    its `replies` (oldest first, as a conversation reads), nested."""
    if not has_table(conn):
        return []
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM {TABLE} WHERE target_type = ? AND target_id = ? ORDER BY created, id",
        (target_type, target_id),
    ).fetchall()
    nodes = {row[0]: {**_row(row, key).to_dict(), "replies": []} for row in rows}
    roots: list[dict] = []
    for node in nodes.values():
        parent = nodes.get(node["parent_id"]) if node["parent_id"] is not None else None
        (parent["replies"] if parent else roots).append(node)
    roots.reverse()
    return roots


def count(conn: sqlite3.Connection, target_type: str, target_id: str) -> int:
    if not has_table(conn):
        return 0
    return conn.execute(
        f"SELECT COUNT(*) FROM {TABLE} WHERE target_type = ? AND target_id = ? AND deleted = 0",
        (target_type, target_id),
    ).fetchone()[0]
