"""Web app benchmark: server-side render time of every page (p50, p95, max) on
a large corpus, through the app in process (FastAPI's TestClient: routing,
queries, templates; no network).

The corpus is the news archive (../shared/data/news) analysed once (`--base`
articles by the full pipeline), then replicated to `--articles` with distinct
ids, URLs and dates (copy k of an article k weeks later), as
bench/corpus_scale.py does: the replicas of an article are copies of one
story and cluster together. Only the analysis is reused, so building is far
faster than ingesting every copy; `--db=PATH` measures an existing corpus
instead (e.g. one kept by `bench/corpus_scale.py --keep=PATH`).

Usage: python bench/web.py [--articles=100000] [--base=1500] [--requests=40] [--seed=7] [--db=PATH] [--keep=PATH]
"""

from __future__ import annotations

import copy
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import timedelta, timezone
from pathlib import Path
from urllib.parse import quote, urlencode

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA  # noqa: E402

from khabar.ingest.inputs import read_input  # noqa: E402
from khabar.model import Article  # noqa: E402
from khabar.persian import chars  # noqa: E402

GOAL_MS = 300.0


def option(name: str, default: str | None) -> str | None:
    for arg in sys.argv[1:]:
        if arg.startswith(f"--{name}="):
            return arg.split("=", 1)[1]
    return default


def archive(limit: int, rng: random.Random) -> list[Article]:
    files = sorted((DATA / "news").glob("*/*.json"))
    found = [a for f in files for _, a in read_input(str(f)) if isinstance(a, Article)]
    rng.shuffle(found)
    return found[:limit]


def build(db: Path, count: int, base: list[Article]) -> None:
    """Analyse `base`, then store `count` replicas of it and cluster them."""
    from khabar.pipeline import Pipeline
    from khabar.store.clusters import assign_clusters
    from khabar.store.records import content_hash, make_record
    from khabar.store.writer import Writer

    started = time.perf_counter()
    nlp = Pipeline()
    records = [make_record(nlp(a), content_hash(a)) for a in base]
    analysed = time.perf_counter() - started
    writer = Writer(db)
    run = writer.start_run(1, 1)
    for i in range(count):
        k, a = divmod(i, len(records))
        rec = copy.copy(records[a])
        row = dict(rec.article)
        row["id"] = f"{row['id']}~{k}"
        row["url"] = f"{row['url']}?copy={k}" if row["url"] else None
        if base[a].published is not None:
            when = base[a].published + timedelta(weeks=k)
            aware = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
            row.update(published=when.isoformat(), day=when.date().isoformat(), ts=aware.timestamp())
        rec.article = row
        writer.store(rec, run)
        writer.maybe_commit(500, 5.0)
    writer.commit()
    stored = time.perf_counter() - started - analysed
    assign_clusters(writer.conn)
    writer.close()
    print(f"built {count:,} articles from {len(base):,} analysed ones: analysis {analysed:.0f} s, "
          f"storing {stored:.0f} s, clustering {time.perf_counter() - started - analysed - stored:.0f} s")


def urls(db: Path, per_page: int, rng: random.Random) -> dict[str, list[str]]:
    """Varied URLs of every page, from the corpus's own words, ids and entities."""
    import sqlite3

    conn = sqlite3.connect(db)
    word = re.compile(f"[{chars.PERSIAN_LETTERS}\u200c]{{3,}}")
    titles = [t for (t,) in conn.execute("SELECT title FROM articles WHERE n % 7 = 0 LIMIT 3000")]
    df: Counter[str] = Counter()
    for title in titles:
        df.update(set(word.findall(chars.persian_yeh_kaf(title or ""))))
    common = [w for w, n in df.most_common(400) if n >= 3][20:]  # skip the commonest (stop) words
    ids = [i for (i,) in conn.execute("SELECT id FROM articles ORDER BY random() LIMIT ?", (per_page,))]
    top = [k for k, _ in conn.execute("SELECT kb_id, COUNT(*) c FROM entities WHERE kb_id IS NOT NULL "
                                      "GROUP BY kb_id ORDER BY c DESC LIMIT 200")]
    sources = [s for (s,) in conn.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL")]
    conn.close()

    def q() -> str:
        kind = rng.random()
        if kind < 0.6:
            return rng.choice(common)
        if kind < 0.85:
            return f"{rng.choice(common)} {rng.choice(common)}"
        return f"{rng.choice(common)} OR {rng.choice(common)}"

    def page(path: str, **params: object) -> str:
        return path + ("?" + urlencode(params, doseq=True) if params else "")

    entities = top[:10] + rng.sample(top, min(len(top), per_page - 10))  # the busiest always, then any
    return {
        "home": ["/"] * per_page,
        "search": [page("/search", q=q()) for _ in range(per_page - per_page // 4)]
        + [page("/search", q=q(), source=rng.choice(sources)) for _ in range(per_page // 4)],
        "api/search": [page("/api/search", q=q()) for _ in range(per_page)],
        "article": [f"/articles/{quote(i, safe='')}" for i in ids],
        "entity": [f"/entities/{quote(k, safe='')}" for k in entities[:per_page]],
        "trends": [page("/trends", q=[q(), q()]) for _ in range(per_page)],
        "events": [page("/events", q=q()) for _ in range(per_page - 1)] + ["/events"],
    }


def measure(db: Path, per_page: int, rng: random.Random) -> None:
    from fastapi.testclient import TestClient

    from khabar.web import Settings, create_app

    client = TestClient(create_app(Settings(db=db)), base_url="http://127.0.0.1:8000")
    start = time.perf_counter()
    assert client.get("/").status_code == 200
    cold = (time.perf_counter() - start) * 1000
    plan = urls(db, per_page, rng)
    for path in [plan[k][0] for k in plan]:  # warm caches (KB, templates, SQLite pages) once per page
        client.get(path)
    print(f"\n{'page':<12}{'requests':>9}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  slowest")
    worst = 0.0
    for name, paths in plan.items():
        times = []
        for path in paths:
            t0 = time.perf_counter()
            r = client.get(path)
            times.append(((time.perf_counter() - t0) * 1000, path))
            assert r.status_code == 200, (path, r.status_code, r.text[:300])
        ms = sorted(t for t, _ in times)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        worst = max(worst, p95)
        slow = max(times)[1]
        print(f"{name:<12}{len(ms):>9}{statistics.median(ms):>9.1f}{p95:>9.1f}{ms[-1]:>9.1f}  {slow[:60]}")
    print(f"\nhome page, first request (overview not cached yet): {cold:.0f} ms")
    print(f"worst page p95 {worst:.0f} ms (goal < {GOAL_MS:.0f} ms): {'met' if worst < GOAL_MS else 'NOT met'}")


def main() -> None:
    rng = random.Random(int(option("seed", "7")))
    per_page = int(option("requests", "40"))
    given = option("db", None)
    if given:
        db = Path(given)
        measure(db, per_page, rng)
        return
    count = int(option("articles", "100000"))
    base = archive(int(option("base", "1500")), rng)
    keep = option("keep", None)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(keep) if keep else Path(folder) / "corpus.db"
        if db.exists():
            db.unlink()
        build(db, count, base)
        size = os.path.getsize(db)
        print(f"corpus: {count:,} articles, {size / 1e6:.0f} MB ({size / count / 1000:.1f} kB an article)")
        measure(db, per_page, rng)


if __name__ == "__main__":
    main()
