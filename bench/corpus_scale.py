"""Corpus scale benchmark: the news archive (../shared/data/news) replicated to
N articles with distinct ids and dates, ingested (read, analysed by the full
pipeline, indexed, clustered) on this machine's cores; then search latency
(p50/p95 over varied queries: words, two words, phrases, OR, NOT, prefixes,
lemmas, filters; 20 hits with snippets, copies collapsed) and the database's
size per article, table by table. Prints figures.

The replicas of an article are copies of one story (they cluster together), as
republished news is.

With --clone-to=N the analysed corpus is then grown to N rows in SQL (copies
of its rows: index entries, layers, signatures; not the Docs) and searched
again: search latency at a size whose analysis would take too long here.

Usage: python bench/corpus_scale.py [--articles=100000] [--workers=N] [--queries=200] [--seed=7] [--keep=DB]
                                    [--clone-to=N]
       python bench/corpus_scale.py --db=CORPUS [--queries=200]   (search latency only)
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA  # noqa: E402

from khabar.ingest.inputs import read_input  # noqa: E402
from khabar.model import Article  # noqa: E402
from khabar.persian import chars  # noqa: E402
from khabar.store import Corpus, ingest_into  # noqa: E402

SHARD = 5000  # articles a JSONL file


def option(name: str, default: str | None) -> str | None:
    for arg in sys.argv[1:]:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def archive() -> list[Article]:
    """The archive's articles, each id once."""
    files = sorted((DATA / "news").glob("*/*.json"))
    found = {a.id: a for f in files for _, a in read_input(str(f)) if isinstance(a, Article)}
    return list(found.values())


def replicate(articles: list[Article], count: int, folder: Path) -> list[Path]:
    """`count` records: copy k of an article has id 'ID~k', its date k weeks later."""
    paths: list[Path] = []
    for shard in range(math.ceil(count / SHARD)):
        paths.append(folder / f"shard-{shard:03d}.jsonl")
        with open(paths[-1], "w", encoding="utf-8") as sink:
            for i in range(shard * SHARD, min(count, (shard + 1) * SHARD)):
                k, a = divmod(i, len(articles))
                base = articles[a]
                data = base.to_dict()
                data["id"] = f"{base.id}~{k}"
                if base.published is not None:
                    data["published"] = (base.published + timedelta(weeks=k)).isoformat()
                if base.url:
                    data["url"] = f"{base.url}?copy={k}"
                sink.write(json.dumps(data, ensure_ascii=False) + "\n")
    return paths


def queries(articles: list[Article], count: int, rng: random.Random) -> list[tuple[str, dict]]:
    """Varied queries from the archive's own words."""
    word = re.compile(f"[{chars.PERSIAN_LETTERS}\u200c]{{3,}}")
    df: Counter[str] = Counter()
    texts = []
    for a in articles:
        text = chars.persian_yeh_kaf(" ".join([a.title, a.lead, *a.body]))
        texts.append(text)
        df.update(set(word.findall(text)))
    common = sorted(w for w, n in df.items() if 20 <= n <= 1500)
    rare = sorted(w for w, n in df.items() if 2 <= n < 20)
    sources = sorted({a.agency for a in articles if a.agency})

    def phrase() -> str:
        for _ in range(100):
            words = word.findall(rng.choice(texts))
            if len(words) > 3:
                i = rng.randrange(len(words) - 1)
                return f'"{words[i]} {words[i + 1]}"'
        return rng.choice(common)

    kinds = [
        (0.25, lambda: (rng.choice(common), {})),
        (0.10, lambda: (rng.choice(rare), {})),
        (0.15, lambda: (f"{rng.choice(common)} {rng.choice(common)}", {})),
        (0.15, lambda: (phrase(), {})),
        (0.08, lambda: (f"{rng.choice(common)} OR {rng.choice(rare)}", {})),
        (0.07, lambda: (f"{rng.choice(common)} -{rng.choice(common)}", {})),
        (0.07, lambda: (rng.choice(common)[:3] + "*", {})),
        (0.05, lambda: (rng.choice(common), {"lemma": True})),
        (0.08, lambda: (rng.choice(common), {"source": rng.choice(sources), "date_from": f"{rng.randrange(2004, 2020)}"})),
    ]
    out = []
    for _ in range(count):
        x = rng.random()
        for share, make in kinds:
            if x < share:
                out.append(make())
                break
            x -= share
        else:
            out.append(kinds[0][1]())
    return out


def sizes(db: Path) -> list[tuple[str, int]]:
    with Corpus(db) as corpus:
        corpus.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        rows = corpus.conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    groups: Counter[str] = Counter()
    for name, size in rows:
        key = "search (FTS5 index)" if name.startswith("search_") and name != "search_text" else name
        key = key if not key.startswith("sqlite_autoindex_articles") else "articles"
        groups[key.split(" ")[0] if key.startswith(("entities_", "articles_", "events_", "skips_", "notes_")) else key] += size
    return groups.most_common()


def clone(db: Path, target: int) -> float:
    """Grow the corpus to `target` rows by copying the analysed ones in SQL (new
    ids, dates k weeks later): their index entries, layers and signatures, not
    their Docs; then cluster again. For search latency at a size whose
    analysis would take too long here. Returns the seconds it took."""
    import zlib

    from khabar.store.clusters import assign_clusters

    started = time.perf_counter()
    with Corpus(db) as corpus:
        conn = corpus.conn
        base = conn.execute("SELECT MAX(n) FROM articles").fetchone()[0]
        have = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        index = {n: json.loads(zlib.decompress(data)) for n, data in conn.execute("SELECT article, data FROM search_text")}
        columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)") if r[1] not in ("n", "id", "ts", "day", "cluster")]
        k = 0
        while have < target:
            k += 1
            shift, limit = k * base, min(base, target - have)
            conn.execute("BEGIN")
            conn.execute(
                f"INSERT INTO articles (n, id, ts, day, cluster, {', '.join(columns)}) "
                f"SELECT n + ?, id || '~c{k}', ts + ? * 604800, date(day, '+{7 * k} days'), NULL, {', '.join(columns)} "
                "FROM articles WHERE n <= ? ORDER BY n LIMIT ?", (shift, k, base, limit))
            for table in ("entities", "events", "minhash", "search_text"):
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                rest = ", ".join(c if c != "article" else "article + ?" for c in cols)
                conn.execute(f"INSERT INTO {table} SELECT {rest} FROM {table} WHERE article <= ? AND article + ? IN "
                             "(SELECT n FROM articles)", (shift, base, shift))
            conn.executemany("INSERT INTO search (rowid, fold, lemma) VALUES (?, ?, ?)",
                             [(n + shift, d["fold"], d["lemma"]) for n, d in sorted(index.items())][:limit])
            conn.execute("COMMIT")
            have = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assign_clusters(conn)
    return time.perf_counter() - started


def search_latency(db: Path, asked: list[tuple[str, dict]]) -> None:
    """p50/p95 of the queries, run twice: the first pass reads the index from
    disk (cold), the second from the page cache (as a running server does)."""
    with Corpus(db) as corpus:
        corpus.search("خبر", limit=20)  # warm: lexicons and tagger loaded
        corpus.search("ایران", limit=20, lemma=True)
        size = len(corpus)
        for name in ("cold", "warm"):
            times, totals = [], []
            for q, kw in asked:
                t0 = time.perf_counter()
                result = corpus.search(q, limit=20, **kw)
                times.append(1000 * (time.perf_counter() - t0))
                totals.append(result.total)
            shown = [q + "".join(f" --{k}={v}" for k, v in kw.items()) for q, kw in asked]
            slow = sorted(zip(times, shown, totals, strict=True), reverse=True)[:5]
            times = sorted(times)
            p95 = times[max(0, math.ceil(0.95 * len(times)) - 1)]
            print(f"search over {size:,} articles ({name}): {len(times)} queries, p50 {statistics.median(times):.1f} ms, "
                  f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms; median stories matched {statistics.median(totals):.0f}")
            print("  slowest:", [(f"{t:.0f} ms", q, f"{n} stories") for t, q, n in slow])


def main() -> None:
    count = int(option("articles", "100000"))
    workers = int(option("workers", str(os.cpu_count() or 1)))
    rng = random.Random(int(option("seed", "7")))
    articles = archive()
    existing = option("db", None)
    if existing:  # search latency only, on a corpus made before
        search_latency(Path(existing), queries(articles, int(option("queries", "200")), rng))
        return
    print(f"archive: {len(articles)} articles; corpus of {count:,} ({math.ceil(count / len(articles))} replicas), "
          f"{workers} workers, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        shards = replicate(articles, count, tmp)
        db = Path(option("keep", None) or tmp / "corpus.db")
        started = time.perf_counter()
        report = ingest_into(db, [str(p) for p in shards], workers=workers)
        seconds = time.perf_counter() - started
        print(f"ingest: {report.added:,} added, {report.skipped} skipped, {report.clusters:,} clusters of 2+, "
              f"{seconds:.0f} s = {seconds / 60:.1f} min, {report.added / seconds:.1f} articles/s")
        if seconds:
            print(f"  projected for 100,000 articles at this rate: {100_000 / (report.added / seconds) / 60:.1f} min")

        total = db.stat().st_size
        print(f"database: {total / 1e6:.1f} MB, {total / report.added / 1024:.1f} KiB an article")
        for name, size in sizes(db)[:12]:
            print(f"  {name:28} {size / report.added / 1024:7.2f} KiB an article")

        asked = queries(articles, int(option("queries", "200")), rng)
        search_latency(db, asked)
        target = int(option("clone-to", "0"))
        if target > report.added:
            took = clone(db, target)
            print(f"cloned to {target:,} rows in SQL (index, layers, signatures; clusters computed again) in {took:.0f} s")
            search_latency(db, asked)


if __name__ == "__main__":
    main()
