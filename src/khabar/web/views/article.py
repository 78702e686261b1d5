"""The article page: the stored row, its Doc with every span, its near-duplicate
copies."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from khabar.model import Doc
from khabar.store.records import unpack_doc
from khabar.web.views.common import NotFound, one, rows

_PUBLIC = ("id", "url", "source", "agency", "site", "published", "day", "title", "lead", "dateline", "language")


def article_row(conn: sqlite3.Connection, article_id: str) -> dict[str, Any]:
    """The `articles` row of an id (NotFound if none)."""
    row = one(conn, "SELECT * FROM articles WHERE id = ?", (article_id,))
    if row is None:
        raise NotFound(f"no article {article_id!r} in this corpus")
    return row


def stored_doc(conn: sqlite3.Connection, n: int) -> Doc | None:
    found = conn.execute("SELECT json FROM docs WHERE article = ?", (n,)).fetchone()
    return unpack_doc(found[0]) if found else None


def copies(conn: sqlite3.Connection, row: dict[str, Any]) -> list[dict[str, Any]]:
    """The other articles of its near-duplicate cluster, earliest first."""
    return rows(conn, "SELECT id, title, source, published FROM articles WHERE cluster = ? AND n != ? "
                "ORDER BY ts IS NULL, ts, n LIMIT 200", (row["cluster"], row["n"]))


def article(conn: sqlite3.Connection, article_id: str) -> tuple[dict[str, Any], Doc | None]:
    """The article (public fields, its cluster and copies) and its Doc."""
    row = article_row(conn, article_id)
    data = {k: row[k] for k in _PUBLIC}
    data["attributions"] = json.loads(row["attributions"] or "[]")
    data["body"] = row["body"].split("\n\n") if row["body"] else []
    cluster = one(conn, "SELECT a.id, c.articles, c.outlets FROM clusters c JOIN articles a ON a.n = c.cluster "
                  "WHERE c.cluster = ?", (row["cluster"],))
    data["cluster"] = cluster or {"id": row["id"], "articles": 1, "outlets": 1}
    data["copies"] = copies(conn, row)
    return data, stored_doc(conn, row["n"])


def event_target(article_id: str, n: int) -> str:
    """The notes target id of an article's event n."""
    return f"{article_id}#{n}"
