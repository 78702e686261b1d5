"""Corpus search benchmarks on the news archive (../shared/data/news): prints figures.

1. Spelling: every half-space of the archive randomly dropped or turned into a
   space (seeded); the damaged archive ingested into a corpus (the full
   pipeline); for words that hold a half-space in the original archive, the
   query in each of its three spellings (half-space, joined, spaced: typed as
   words, and quoted as a phrase) against the articles whose original text
   holds the word in any spelling. Precision and recall, micro-averaged over (word,
   spelling) pairs; side by side, a Lucene-style analyzer (letters and digits
   folded, ZWNJ as a space, no restoration; the query as a phrase of its
   tokens, its best case) on the same damaged text and queries.
2. Near-duplicates: sampled archive articles copied with light edits (title
   prefix changed, a paragraph dropped, agency line changed); the share of
   copies in their original's cluster, of copies merged with another story,
   and the archive's own clusters listed for checking by hand.

Usage: python bench/search.py [--words=200] [--seed=13] [--workers=2] [--copies=300] [--skip-spelling] [--skip-copies]
"""

from __future__ import annotations

import json
import random
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA  # noqa: E402

from khabar.ingest.inputs import read_input  # noqa: E402
from khabar.model import Article  # noqa: E402
from khabar.persian import chars  # noqa: E402
from khabar.store import Corpus, ingest_into  # noqa: E402
from khabar.store.search import matching  # noqa: E402

ZWNJ = "\u200c"
_WORD_CHARS = f"[{chars.PERSIAN_LETTERS}]"


def archive() -> list[Article]:
    """The archive's articles, each id once."""
    files = sorted((DATA / "news").glob("*/*.json"))
    found = {a.id: a for f in files for _, a in read_input(str(f)) if isinstance(a, Article)}
    return list(found.values())


def option(name: str, default: int) -> int:
    for arg in sys.argv[1:]:
        if arg.startswith(f"--{name}="):
            return int(arg.split("=", 1)[1])
    return default


def record(article: Article, **changes) -> dict:
    data = article.to_dict()
    data.update(changes)
    return data


# ---- 1. spelling


def damage(text: str, rng: random.Random) -> str:
    """Every ZWNJ dropped or turned into a space, at random."""
    return re.sub(ZWNJ, lambda _: rng.choice(("", " ")), text)


def original_text(a: Article) -> str:
    return chars.persian_yeh_kaf("\n".join([a.title, a.lead, *a.body]))


def query_words(articles: list[Article], count: int, rng: random.Random) -> list[str]:
    """Words of two parts or more joined by a half-space in the original archive,
    found in 2 to 300 articles, letters only; a seeded sample."""
    df: dict[str, int] = defaultdict(int)
    word = re.compile(f"{_WORD_CHARS}+(?:{ZWNJ}{_WORD_CHARS}+)+")
    for a in articles:
        for w in set(word.findall(original_text(a))):
            df[w] += 1
    pool = sorted(w for w, n in df.items() if 2 <= n <= 300)
    return rng.sample(pool, min(count, len(pool)))


def truth(articles: list[Article], w: str) -> set[str]:
    """Articles whose original text holds the word: half-space, nothing or a space between its parts."""
    parts = [re.escape(p) for p in w.split(ZWNJ)]
    pattern = re.compile(f"(?<![\\w{ZWNJ}])" + f"[{ZWNJ} ]?".join(parts) + f"(?![\\w{ZWNJ}])")
    return {a.id for a in articles if pattern.search(original_text(a))}


def lucene_tokens(text: str) -> list[str]:
    """A Lucene-style Persian analyzer: letters and digits folded, marks
    removed, ZWNJ a space, words split at everything else."""
    text = chars.fold(text).replace(ZWNJ, " ")
    text = "".join(c for c in text if c not in chars.KEPT_MARKS + chars.DROPPED_MARKS + chars.TATWEEL)
    return [t.lower() for t in re.findall(r"\w+", text)]


SETS = {
    "all, spaced as words": ("half-space", "joined", "spaced"),
    "all, spaced as a phrase": ("half-space", "joined", "spaced, quoted"),
    "half-space": ("half-space",),
    "joined": ("joined",),
    "spaced": ("spaced",),
    "spaced, quoted": ("spaced, quoted",),
}


def score(results: dict[tuple[str, str], set[str]], truths: dict[str, set[str]]) -> dict[str, tuple[float, float]]:
    """Micro precision and recall, over sets of spellings."""
    out = {}
    for name, forms in SETS.items():
        tp = fp = fn = 0
        for (w, f), found in results.items():
            if f not in forms:
                continue
            tp += len(found & truths[w])
            fp += len(found - truths[w])
            fn += len(truths[w] - found)
        out[name] = (tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0)
    return out


def spelling(articles: list[Article], tmp: Path, words: int, seed: int, workers: int) -> None:
    rng = random.Random(seed)
    damaged = []
    for a in articles:
        damaged.append(record(a, title=damage(a.title, rng), lead=damage(a.lead, rng),
                              body=[damage(p, rng) for p in a.body]))
    source = tmp / "damaged.jsonl"
    source.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in damaged), encoding="utf-8")
    started = time.perf_counter()
    report = ingest_into(tmp / "damaged.db", [str(source)], workers=workers)
    print(f"damaged archive (every half-space dropped or spaced): {report.added} articles ingested "
          f"in {report.seconds:.0f} s ({workers} workers)")

    chosen = query_words(articles, words, random.Random(seed + 1))
    truths = {w: truth(articles, w) for w in chosen}
    forms = {
        "half-space": lambda w: w,
        "joined": lambda w: w.replace(ZWNJ, ""),
        "spaced": lambda w: w.replace(ZWNJ, " "),  # typed as words: AND, unless the corpus writes them as one
        "spaced, quoted": lambda w: '"' + w.replace(ZWNJ, " ") + '"',
    }

    # khabar: the corpus's own query path (every copy: no collapsing)
    ours: dict[tuple[str, str], set[str]] = {}
    with Corpus(tmp / "damaged.db") as corpus:
        ids = dict(corpus.conn.execute("SELECT n, id FROM articles"))
        t0 = time.perf_counter()
        for w in chosen:
            for name, make in forms.items():
                sql, params = matching(corpus.conn, make(w))
                ours[(w, name)] = {ids[n] for n, *_ in corpus.conn.execute(sql, params)}
        ours_seconds = time.perf_counter() - t0

    # Lucene-style: its own FTS5 table over the same damaged text
    lucene = sqlite3.connect(":memory:")
    lucene.execute("CREATE VIRTUAL TABLE t USING fts5(id UNINDEXED, body, tokenize='unicode61 remove_diacritics 0')")
    lucene.executemany("INSERT INTO t VALUES (?, ?)", [
        (d["id"], " ".join(lucene_tokens("\n".join([d["title"], d["lead"], *d["body"]])))) for d in damaged])
    theirs: dict[tuple[str, str], set[str]] = {}
    for w in chosen:
        for name, make in forms.items():
            tokens = lucene_tokens(make(w))
            phrase = '"' + " ".join(tokens) + '"'
            theirs[(w, name)] = {i for (i,) in lucene.execute("SELECT id FROM t WHERE t MATCH ?", (phrase,))}

    print(f"\nspelling: {len(chosen)} words with a half-space (seed {seed}), "
          f"{sum(len(t) for t in truths.values())} (word, article) pairs in the original archive, 3 spellings each")
    print(f"{'':24} {'khabar P':>9} {'R':>6}   {'Lucene-style P':>14} {'R':>6}")
    a, b = score(ours, truths), score(theirs, truths)
    for name in SETS:
        print(f"{name:24} {a[name][0]:9.3f} {a[name][1]:6.3f}   {b[name][0]:14.3f} {b[name][1]:6.3f}")
    print(f"khabar query time: {1000 * ours_seconds / (len(forms) * len(chosen)):.1f} ms a query (every match, no ranking)")
    misses = sorted(((len(truths[w] - ours[(w, f)]), w, f) for w, f in ours if truths[w] - ours[(w, f)]), reverse=True)
    print("largest misses (articles, word, spelling):", [(n, w, f) for n, w, f in misses[:8]])
    extra = sorted(((len(ours[(w, f)] - truths[w]), w, f) for w, f in ours if ours[(w, f)] - truths[w]), reverse=True)
    print("largest false finds (articles, word, spelling):", [(n, w, f) for n, w, f in extra[:8]])
    print(f"(ran {time.perf_counter() - started:.0f} s)")


# ---- 2. near-duplicates


def edited(a: Article, rng: random.Random) -> dict:
    """A light copy: another title prefix, a paragraph dropped (if there are
    three or more), the agency line another outlet's."""
    body = list(a.body)
    if len(body) >= 3:
        body.pop(rng.randrange(1, len(body)))
    body = [re.sub(r"^به گزارش [^،,]{1,40}[،,]", "به گزارش خبرگزاری نمونه،", p, count=1) for p in body]
    title = rng.choice(("فوری | ", "ویدئو | ", "گزارش | ")) + a.title
    return record(a, id=f"copy-{a.id}", title=title, body=body, agency="SAMPLE", url=None)


def near_duplicates(articles: list[Article], tmp: Path, copies: int, seed: int, workers: int) -> None:
    rng = random.Random(seed)
    sampled = rng.sample(articles, min(copies, len(articles)))
    rows = [record(a) for a in articles] + [edited(a, rng) for a in sampled]
    source = tmp / "copies.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    report = ingest_into(tmp / "copies.db", [str(source)], workers=workers)
    if report.skipped:
        print("skipped:", [(s.line, s.reason) for s in report.skips[:5]])
    with Corpus(tmp / "copies.db") as corpus:
        cluster = dict(corpus.conn.execute("SELECT id, cluster FROM articles"))
        members: dict[int, list[str]] = defaultdict(list)
        for i, c in cluster.items():
            members[c].append(i)
        sampled = [a for a in sampled if f"copy-{a.id}" in cluster and a.id in cluster]  # both stored
        found = sum(cluster[f"copy-{a.id}"] == cluster[a.id] for a in sampled)
        merged = sum(
            any(m not in (a.id, f"copy-{a.id}") and not m.startswith("copy-") for m in members[cluster[a.id]])
            for a in sampled
        )
        own = [ms for ms in members.values() if len([m for m in ms if not m.startswith("copy-")]) > 1]
        print(f"\nnear-duplicates: {len(sampled)} edited copies (title prefix, a paragraph dropped, agency line), "
              f"{report.added} articles ingested in {report.seconds:.0f} s")
        print(f"copies in their original's cluster: {found}/{len(sampled)} = {found / len(sampled):.3f}")
        print(f"originals whose cluster also holds another archive article: {merged}")
        print(f"the archive's own clusters of 2+ articles: {len(own)}; for checking by hand:")
        title = dict(corpus.conn.execute("SELECT id, title FROM articles"))
        for ms in own:
            print("  ---")
            for m in [m for m in ms if not m.startswith("copy-")][:4]:
                print(f"  {m}  {title[m][:90]}")


def main() -> None:
    seed = option("seed", 13)
    workers = option("workers", 2)
    articles = archive()
    print(f"archive: {len(articles)} articles from {DATA / 'news'}")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        if "--skip-spelling" not in sys.argv:
            spelling(articles, tmp, option("words", 200), seed, workers)
        if "--skip-copies" not in sys.argv:
            near_duplicates(articles, tmp, option("copies", 300), seed, workers)


if __name__ == "__main__":
    main()
