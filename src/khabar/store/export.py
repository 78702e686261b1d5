"""Exports of the articles a query selects: JSONL (one Doc a line), CSV and
Parquet (one article a row), CoNLL-U (tokens), PLOVER-style JSONL (one event a line)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from khabar.errors import KhabarError
from khabar.store.records import unpack_doc
from khabar.store.search import Filters, matching

FORMATS = ("jsonl", "csv", "parquet", "conllu", "plover")
COLUMNS = (
    "id", "url", "source", "agency", "published", "day", "title", "lead", "body", "language",
    "input", "cluster", "cluster_articles", "entities", "event_types",
)


def export(
    conn: sqlite3.Connection, out: str | Path, fmt: str, query: str | None = None,
    filters: Filters | None = None, *, lemma: bool = False,
) -> int:
    """Write the matching articles to `out` in `fmt`; returns the number of
    records written (articles, or events for plover)."""
    if fmt not in FORMATS:
        raise KhabarError(f"unknown export format {fmt!r}; the formats are: {', '.join(FORMATS)}")
    sql, params = matching(conn, query, filters, lemma=lemma)
    ordered = f"SELECT m.n FROM ({sql}) m ORDER BY m.ts IS NULL, m.ts, m.n"
    ids = [n for (n,) in conn.execute(ordered, params)]
    out = Path(out)
    if fmt == "parquet":
        return _parquet(conn, ids, out)
    with open(out, "w", encoding="utf-8", newline="") as sink:
        if fmt == "csv":
            writer = csv.DictWriter(sink, fieldnames=COLUMNS)
            writer.writeheader()
            for row in _article_rows(conn, ids):
                writer.writerow(row)
            return len(ids)
        count = 0
        for n, cluster_id in _clustered(conn, ids):
            doc = _doc(conn, n)
            if fmt == "jsonl":
                sink.write(json.dumps({**doc.to_dict(), "cluster": cluster_id}, ensure_ascii=False) + "\n")
                count += 1
            elif fmt == "conllu":
                sink.write(_conllu(doc))
                count += 1
            else:
                for record in _plover(doc, cluster_id):
                    sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
        return count


def _doc(conn: sqlite3.Connection, n: int):
    return unpack_doc(conn.execute("SELECT json FROM docs WHERE article = ?", (n,)).fetchone()[0])


def _clustered(conn: sqlite3.Connection, ids: list[int]) -> Iterator[tuple[int, str]]:
    for n in ids:
        yield n, conn.execute(
            "SELECT c.id FROM articles a JOIN articles c ON c.n = a.cluster WHERE a.n = ?", (n,)
        ).fetchone()[0]


def _article_rows(conn: sqlite3.Connection, ids: list[int]) -> Iterator[dict[str, Any]]:
    """One flat row an article: its fields, its cluster, the kb ids (else texts)
    of its entities and its event types, ';'-separated."""
    for n in ids:
        cur = conn.execute(
            """SELECT a.id, a.url, a.source, a.agency, a.published, a.day, a.title, a.lead, a.body, a.language,
                      a.input, c.id, k.articles FROM articles a JOIN articles c ON c.n = a.cluster
                      LEFT JOIN clusters k ON k.cluster = a.cluster WHERE a.n = ?""", (n,))
        row = dict(zip(COLUMNS[:13], cur.fetchone(), strict=True))
        names = conn.execute(
            "SELECT DISTINCT COALESCE(kb_id, text) FROM entities WHERE article = ? ORDER BY n", (n,)
        ).fetchall()
        types = conn.execute("SELECT DISTINCT type FROM events WHERE article = ? ORDER BY type", (n,)).fetchall()
        row["entities"] = ";".join(x for (x,) in names)
        row["event_types"] = ";".join(x for (x,) in types)
        yield row


def _parquet(conn: sqlite3.Connection, ids: list[int], out: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise KhabarError(
            "Parquet export needs pyarrow: pip install 'khabar[parquet]' (or pip install pyarrow)"
        ) from exc
    schema = pa.schema([(c, pa.int64() if c == "cluster_articles" else pa.string()) for c in COLUMNS[:13]]
                       + [("entities", pa.list_(pa.string())), ("event_types", pa.list_(pa.string()))])
    with pq.ParquetWriter(out, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _article_rows(conn, ids):
            row["entities"] = row["entities"].split(";") if row["entities"] else []
            row["event_types"] = row["event_types"].split(";") if row["event_types"] else []
            batch.append(row)
            if len(batch) == 1000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        if batch or not ids:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    return len(ids)


def _conllu(doc) -> str:
    """The Doc's CoNLL-U, sentence ids made unique by the article id."""
    article_id = doc.article.id if doc.article else ""
    lines = [f"# newdoc id = {article_id}"]
    for line in doc.to_conllu().splitlines():
        if line.startswith("# sent_id = "):
            line = f"# sent_id = {article_id}-{line[len('# sent_id = '):]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _plover(doc, cluster_id: str) -> Iterator[dict[str, Any]]:
    """PLOVER-style records (actor/recipient, event_type, mode, context) of the Doc's events."""
    article = doc.article
    for n, ev in enumerate(doc.events):
        def actor(a):
            return None if a is None else {"text": a.text, "kb_id": a.kb_id, "name": a.name_en,
                                           "country": a.country, "sector": a.sector}
        yield {
            "id": f"{article.id if article else ''}-{n}",
            "event_type": ev.type, "mode": ev.mode, "context": ev.context,
            "event_date": ev.date, "date_flag": ev.date_flag,
            "actor": actor(ev.source), "recipient": actor(ev.target),
            "location": None if ev.location is None else {
                "text": ev.location.text, "kb_id": ev.location.kb_id, "country": ev.location.country},
            "cameo": ev.cameo, "quad_class": ev.quad_class, "goldstein": ev.goldstein,
            "trigger": ev.text, "evidence": [doc.text[s:e] for s, e in ev.evidence],
            "attribution": ev.attribution, "confidence": ev.confidence,
            "story_id": article.id if article else None, "cluster": cluster_id,
            "publisher": (article.agency or article.site) if article else None,
            "story_date": article.published.isoformat() if article and article.published else None,
            "url": article.url if article else None,
        }
