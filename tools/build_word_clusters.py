"""Build src/khabar/data/word_clusters.tsv.gz: each frequent word's cluster, a
feature of the entity tagger that lets it generalize from the names it was
trained on to words used the same way.

Words are described by the words around them (counts within two places either
side, weighted by positive pointwise mutual information), reduced to 100
dimensions (truncated SVD) and grouped by k-means, at two grains (64 and 512
clusters). Text: Fars News and Varzesh3 articles (word statistics only), UD
PerDT train's raw text, and the training and dev sentences of PEYMA and
ParsTwiNER; never a test set. Needs the tools extra (scikit-learn).

Usage: python tools/build_word_clusters.py [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import numpy as np
from build_zwnj_lexicon import write_gz

from khabar.persian.normalize import normalize
from khabar.persian.tokenize import tokenized_sentences

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data" / "word_clusters.tsv.gz"
VOCAB, CONTEXTS, WINDOW, DIMENSIONS, GRAINS = 30_000, 3_000, 2, 100, (64, 512)


def texts(data: Path):
    """Lines of text, raw (normalized and tokenized by the caller)."""
    for path in sorted((data / "news").glob("*/*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            yield item.get("title") or ""
            yield from (p for p in item.get("paragraphs") or [] if isinstance(p, str))
    yield from (data / "ud/perdt/train.raw.txt").read_text(encoding="utf-8").splitlines()
    for name, sep in (("peyma/train.txt", "|"), ("peyma/dev.txt", "|"), ("parstwiner/train.txt", "\t"),
                      ("parstwiner/dev.txt", "\t")):
        words: list[str] = []
        for line in [*(data / "ner" / name).read_text(encoding="utf-8").splitlines(), ""]:
            if sep in line:
                words.append(line.rsplit(sep, 1)[0])
            elif words:
                yield " ".join(words)
                words = []


def main() -> None:
    from scipy import sparse
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--vocab", type=int, default=VOCAB)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--grains", default=",".join(map(str, GRAINS)))
    args = ap.parse_args()
    grain_sizes = [int(k) for k in args.grains.split(",")]
    sentences = [[w for s in tokenized_sentences(normalize(line)) for w in s] for line in texts(args.data) if line.strip()]
    counts = Counter(w for s in sentences for w in s)
    print(f"{len(sentences):,} lines, {sum(counts.values()):,} tokens, {len(counts):,} distinct")
    vocab = [w for w, n in counts.most_common(args.vocab) if n >= args.min_count]
    row_of = {w: i for i, w in enumerate(vocab)}
    col_of = {w: i for i, w in enumerate(vocab[:CONTEXTS])}
    rows, cols = [], []
    for s in sentences:
        ids = [row_of.get(w, -1) for w in s]
        ctx = [col_of.get(w, -1) for w in s]
        for i, r in enumerate(ids):
            if r < 0:
                continue
            for j in range(max(0, i - WINDOW), min(len(s), i + WINDOW + 1)):
                if j != i and ctx[j] >= 0:
                    rows.append(r)
                    cols.append(ctx[j] + (0 if j < i else CONTEXTS))  # left and right contexts apart
    m = sparse.coo_matrix((np.ones(len(rows), dtype=np.float64), (rows, cols)),
                          shape=(len(vocab), 2 * CONTEXTS)).tocsr()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel()
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col] ** 0.75 * col_sum.sum() ** 0.25))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    vectors = TruncatedSVD(DIMENSIONS, random_state=7).fit_transform(ppmi)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    grains = [KMeans(k, n_init=1, random_state=7).fit_predict(vectors) for k in grain_sizes]
    lines = [f"{w}\t" + "|".join(str(g[i]) for g in grains) + "\n" for i, w in enumerate(vocab)]
    write_gz(args.out, sorted(lines))
    print(f"{len(vocab):,} words clustered into {grain_sizes}: {args.out} ({args.out.stat().st_size / 1e3:.0f} KB)")


if __name__ == "__main__":
    main()
