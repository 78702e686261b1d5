"""Near-duplicate stories: MinHash signatures over word shingles of the folded
text, LSH (datasketch) for candidates, a check of the estimated similarity, and
union-find; a cluster is named by its earliest article.

Two articles are copies when their shingle sets are similar (estimated Jaccard
≥ THRESHOLD), or when they are less so but the shorter is mostly contained in
the longer (Jaccard ≥ LOW and containment ≥ CONTAINED): a copy that dropped a
third of a short story. Different stories that share an opening paragraph
(a schedule and, a day later, the results) share less of the shorter one."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence

import numpy as np

NUM_PERM = 128
SEED = 1
SHINGLE = 4  # words per shingle
SCHEME = "affine32"  # datasketch >= 2.0: 32-bit hash values
THRESHOLD = 0.5  # estimated Jaccard similarity of the shingle sets: copies
LOW = 0.3  # … or at least this, and
CONTAINED = 0.8  # the share of the shorter's shingles that the longer has (estimated)


def shingles(terms: Sequence[str]) -> set[bytes]:
    """The word `SHINGLE`-grams of a text's terms (one shingle if it is shorter)."""
    if len(terms) <= SHINGLE:
        return {" ".join(terms).encode()} if terms else set()
    return {" ".join(terms[i : i + SHINGLE]).encode() for i in range(len(terms) - SHINGLE + 1)}


def copies(j: float, a: int, b: int) -> bool:
    """Whether two articles of `a` and `b` shingles whose signatures estimate
    Jaccard similarity `j` are copies of one story."""
    if j >= THRESHOLD:
        return True
    if j < LOW or not a or not b:
        return False
    shared = j * (a + b) / (1 + j)
    return shared / min(a, b) >= CONTAINED


def signature(terms: Sequence[str]) -> bytes | None:
    """The MinHash signature of a text's terms (uint32 little-endian), None for no text."""
    return sketch(shingles(terms))


def sketch(found: set[bytes]) -> bytes | None:
    """The MinHash signature of a set of shingles, None for none."""
    from datasketch import MinHash

    if not found:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    minhash.update_batch(list(found))
    return minhash.hashvalues.astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """The Jaccard similarity two signatures estimate."""
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


def assign_clusters(conn: sqlite3.Connection) -> int:
    """Cluster the whole corpus again; set `articles.cluster` and fill `clusters`.
    Returns the number of clusters with more than one article."""
    from datasketch import LeanMinHash, MinHashLSH

    rows = conn.execute(
        "SELECT a.n, a.ts, m.signature, m.shingles FROM articles a LEFT JOIN minhash m ON m.article = a.n ORDER BY a.n"
    ).fetchall()
    parent = {n: n for n, *_ in rows}

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    lsh = MinHashLSH(threshold=LOW, num_perm=NUM_PERM)
    values: dict[int, np.ndarray] = {}
    sizes: dict[int, int] = {}
    for n, _, sig, count in rows:
        if sig is None:
            continue
        hv = np.frombuffer(sig, "<u4")
        sketch = LeanMinHash(seed=SEED, hashvalues=hv, scheme=SCHEME)
        for other in lsh.query(sketch):
            if copies(float(np.mean(values[other] == hv)), sizes[other], count or 0):
                parent[find(other)] = find(n)
        lsh.insert(n, sketch)
        values[n] = hv
        sizes[n] = count or 0
    when = {n: (math.inf if ts is None else ts, n) for n, ts, *_ in rows}
    first: dict[int, int] = {}
    for n in parent:
        root = find(n)
        if root not in first or when[n] < when[first[root]]:
            first[root] = n
    current = dict(conn.execute("SELECT n, cluster FROM articles"))
    changes = [(first[find(n)], n) for n in parent if current.get(n) != first[find(n)]]
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("UPDATE articles SET cluster = ? WHERE n = ?", changes)
        conn.execute("DELETE FROM clusters")
        conn.execute(
            "INSERT INTO clusters SELECT cluster, COUNT(*), COUNT(DISTINCT source), MIN(day), MAX(day) "
            "FROM articles GROUP BY cluster"
        )
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('clusters', 'clean')")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    members: dict[int, int] = {}
    for n in parent:
        members[find(n)] = members.get(find(n), 0) + 1
    return sum(1 for size in members.values() if size > 1)
