"""Bounded aggregates for pages: the articles a query and filters select are
kept, at most `k` of them, in a temporary table (the most relevant for a
query, the newest without one), and the tops (sources, entities, places,
event types, months) are counted over those. A page's cost then stays flat
however many articles match; the page says when it counted a sample.

The store's trends (khabar.store.trends) count every matching article; these
are the same counts over the sample (same keys), for pages that must answer
in a fraction of a second on a large corpus."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from khabar.store.search import Filters, matching
from khabar.web.views.common import blank, rows

K = 1000  # articles a page's tops are counted over


@dataclass
class Sample:
    """The temporary table `name` holds (n, cluster, rank) of `size` articles;
    `more` is True when further articles matched."""

    name: str
    size: int
    more: bool

    def to_dict(self) -> dict[str, Any]:
        return {"articles": self.size, "sampled": self.more}


def take(conn: sqlite3.Connection, query: str | None, filters: Filters, *, lemma: bool = False, k: int | None = None,
         name: str = "sample", where: tuple[str, list[Any]] | None = None) -> Sample:
    """Fill temp table `name` with the best (or newest) k matching articles
    (`where`: a further condition on their `n`, with its parameters)."""
    k = K if k is None else k
    q = blank(query)
    sql, params = matching(conn, q, filters, lemma=lemma)
    if where is not None:
        sql = f"SELECT * FROM ({sql}) WHERE {where[0]}"
        params = [*params, *where[1]]
    order = "score, ts DESC, n" if q else "ts IS NULL, ts DESC, n DESC"
    conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
    # ORDER BY … LIMIT keeps only k + 1 rows while sorting; the ranks are numbered on those alone
    conn.execute(f"CREATE TEMP TABLE {name} AS SELECT n, cluster, ROW_NUMBER() OVER (ORDER BY {order}) AS rank "
                 f"FROM (SELECT n, cluster, ts, score FROM ({sql}) ORDER BY {order} LIMIT ?)", [*params, k + 1])
    size = conn.execute(f"SELECT COUNT(*) FROM temp.{name}").fetchone()[0]
    if size > k:
        conn.execute(f"DELETE FROM temp.{name} WHERE rank > ?", (k,))
    return Sample(name, min(size, k), size > k)


def sources(conn: sqlite3.Connection, s: Sample, limit: int = 12) -> list[dict[str, Any]]:
    return rows(conn, f"""
        SELECT a.source AS source, COUNT(*) AS articles, COUNT(DISTINCT m.cluster) AS stories,
               MIN(a.day) AS first_day, MAX(a.day) AS last_day
        FROM temp.{s.name} m JOIN articles a ON a.n = m.n
        GROUP BY a.source ORDER BY articles DESC, source LIMIT ?""", (limit,))


def entities(conn: sqlite3.Connection, s: Sample, labels: tuple[str, ...] = (), limit: int = 12,
             exclude: str | None = None) -> list[dict[str, Any]]:
    """As khabar.store.trends.top_entities, over the sample."""
    where, params = [], []
    if labels:
        where.append(f"e.label IN ({', '.join('?' for _ in labels)})")
        params += list(labels)
    if exclude:
        where.append("(e.kb_id IS NULL OR e.kb_id != ?)")
        params.append(exclude)
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    return rows(conn, f"""
        SELECT e.kb_id AS kb_id, COALESCE(MAX(e.name_en), MIN(e.text)) AS name, MIN(e.text) AS text,
               MIN(e.label) AS label, MAX(e.country) AS country, COUNT(*) AS mentions,
               COUNT(DISTINCT e.article) AS articles, COUNT(DISTINCT m.cluster) AS stories
        FROM temp.{s.name} m JOIN entities e ON e.article = m.n {cond}
        GROUP BY COALESCE(e.kb_id, e.label || ':' || e.text)
        ORDER BY stories DESC, articles DESC, name LIMIT ?""", [*params, limit])


def events(conn: sqlite3.Connection, s: Sample, limit: int = 12) -> list[dict[str, Any]]:
    """As khabar.store.trends.top_events (an event once per story), over the sample."""
    return rows(conn, f"""
        SELECT ev.type AS type, COUNT(*) AS mentions,
               COUNT(DISTINCT m.cluster || '|' || COALESCE(ev.source_kb_id, ev.source_text, '') || '|'
                     || COALESCE(ev.target_kb_id, ev.target_text, '')) AS events,
               COUNT(DISTINCT m.cluster) AS stories
        FROM temp.{s.name} m JOIN events ev ON ev.article = m.n
        GROUP BY ev.type ORDER BY events DESC, mentions DESC LIMIT ?""", (limit,))


def months(conn: sqlite3.Connection, s: Sample) -> list[dict[str, Any]]:
    """Articles and stories of the sample per month, newest first."""
    return rows(conn, f"""
        SELECT substr(a.day, 1, 7) AS period, COUNT(*) AS articles, COUNT(DISTINCT m.cluster) AS stories
        FROM temp.{s.name} m JOIN articles a ON a.n = m.n WHERE a.day IS NOT NULL
        GROUP BY period ORDER BY period DESC""")


def hits(conn: sqlite3.Connection, s: Sample, limit: int = 10) -> list[dict[str, Any]]:
    """The first `limit` stories of the sample, each as its earliest article
    (as search shows a story), in the shape of search hits, the snippet being
    the article's opening."""
    found = rows(conn, f"""
        SELECT a.id, a.title, a.url, a.source, a.published, substr(COALESCE(NULLIF(a.lead, ''), a.body), 1, 220)
               AS snippet, c.articles AS cluster_articles, c.outlets AS cluster_outlets, f.id AS cluster_id
        FROM (SELECT MIN(rank) AS rank FROM temp.{s.name} GROUP BY cluster ORDER BY rank LIMIT ?) t
        JOIN temp.{s.name} m ON m.rank = t.rank JOIN articles a ON a.n = m.cluster
        LEFT JOIN clusters c ON c.cluster = a.cluster LEFT JOIN articles f ON f.n = a.cluster
        ORDER BY t.rank""", (limit,))
    for hit in found:
        hit["cluster"] = {"id": hit.pop("cluster_id") or hit["id"], "articles": hit.pop("cluster_articles") or 1,
                          "outlets": hit.pop("cluster_outlets") or 1}
        hit["snippet"] = (hit["snippet"] or "").replace("\n", " ")
        hit["highlights"] = []
        hit["score"] = 0.0
    return found
