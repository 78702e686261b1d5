"""Part-of-speech tagging (UD UPOS) with an averaged perceptron, greedy left to
right; the model is built by tools/train_tagger.py and loaded once, lazily, into
a numpy matrix for scoring."""

from __future__ import annotations

import gzip
import json
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from typing import Any

ZWNJ = "\u200c"
_DIGITS = frozenset("0123456789۰۱۲۳۴۵۶۷۸۹")
START = ("<s>", "<s2>")


def word_features(w: str) -> list[str]:
    """The features of a word on its own (the same wherever it stands)."""
    shape = "d" if w[0] in _DIGITS else ("z" if ZWNJ in w else ("p" if not w[0].isalpha() else "w"))
    return [
        "b",
        "w=" + w,
        "s1=" + w[-1:],
        "s2=" + w[-2:],
        "s3=" + w[-3:],
        "p1=" + w[:1],
        "p2=" + w[:2],
        "last=" + w.rsplit(ZWNJ, 1)[-1],
        "shape=" + shape,
    ]


def features(words: list[str], i: int, prev: str, prev2: str) -> list[str]:
    """The features of token i given the two tags before it."""
    return word_features(words[i]) + context_features(words, i, prev, prev2)


def context_features(words: list[str], i: int, prev: str, prev2: str) -> list[str]:
    """The features that depend on the neighbours and the tags before."""
    return tag_features(words[i], prev, prev2) + neighbour_features(words, i)


def tag_features(w: str, prev: str, prev2: str) -> list[str]:
    """The features that depend on the tags already chosen."""
    return ["t-1=" + prev, "t-2=" + prev + "|" + prev2, "t-1,w=" + prev + "|" + w]


def neighbour_features(words: list[str], i: int) -> list[str]:
    """The features that depend on the neighbouring words only."""
    w = words[i]
    before = words[i - 1] if i > 0 else "<s>"
    after = words[i + 1] if i + 1 < len(words) else "</s>"
    after2 = words[i + 2] if i + 2 < len(words) else "</s>"
    return [
        "w-1=" + before,
        "w+1=" + after,
        "w+2=" + after2,
        "s3-1=" + before[-3:],
        "s3+1=" + after[-3:],
        "w,w+1=" + w + "|" + after,
    ]


class Perceptron:
    """An averaged perceptron: weights[feature][tag]."""

    def __init__(self, weights: dict[str, dict[str, float]] | None = None, tags: list[str] | None = None):
        self.weights = weights or {}
        self.tags = tags or []
        self._totals: dict[tuple[str, str], float] = defaultdict(float)
        self._stamps: dict[tuple[str, str], int] = defaultdict(int)
        self._i = 0

    def scores(self, feats: list[str]) -> dict[str, float]:
        scores: dict[str, float] = {}
        weights = self.weights
        for f in feats:
            row = weights.get(f)
            if row:
                for tag, weight in row.items():
                    scores[tag] = scores.get(tag, 0.0) + weight
        return scores

    def predict(self, feats: list[str]) -> str:
        scores = self.scores(feats)
        return max(scores, key=scores.__getitem__) if scores else self.tags[0]

    def update(self, truth: str, guess: str, feats: list[str]) -> None:
        self._i += 1
        if truth == guess:
            return
        for f in feats:
            row = self.weights.setdefault(f, {})
            for tag, delta in ((truth, 1.0), (guess, -1.0)):
                key = (f, tag)
                weight = row.get(tag, 0.0)
                self._totals[key] += (self._i - self._stamps[key]) * weight
                self._stamps[key] = self._i
                row[tag] = weight + delta

    def average(self) -> None:
        for f, row in self.weights.items():
            for tag, weight in list(row.items()):
                key = (f, tag)
                total = self._totals[key] + (self._i - self._stamps[key]) * weight
                averaged = round(total / max(self._i, 1), 3)
                if averaged:
                    row[tag] = averaged
                else:
                    del row[tag]


class Tagger:
    """The trained weights as a matrix (feature × tag) for fast scoring; a word's
    own features are scored once and kept."""

    def __init__(self, weights: dict[str, dict[str, float]], tags: list[str]):
        import numpy as np

        self.tags = tags
        tag_index = {t: i for i, t in enumerate(tags)}
        self.index = {f: i for i, f in enumerate(weights)}
        self.missing = len(weights)  # a row of zeros for unknown features
        self.matrix = np.zeros((len(weights) + 1, len(tags)), dtype=np.float32)
        for f, row in weights.items():
            for t, weight in row.items():
                self.matrix[self.index[f], tag_index[t]] = weight
        self.word_scores: dict[str, Any] = {}
        # the rows of the features of the previous tags, looked up once
        previous = [*tags, *START]
        zero = self.matrix[self.missing]
        self.by_prev = {p: self.matrix[self.index["t-1=" + p]] if "t-1=" + p in self.index else zero for p in previous}
        self.by_pair = {
            (p, q): self.matrix[self.index[f"t-2={p}|{q}"]] if f"t-2={p}|{q}" in self.index else zero
            for p in previous
            for q in previous
        }

    def tag(self, words: list[str], extra: list[list[str]] | None = None) -> list[str]:
        """Tags for the words of one sentence: the scores that do not depend on
        the tags chosen are computed for the whole sentence at once. `extra`
        gives more features per token (the entity tagger's gazetteer)."""
        if not words:
            return []
        index, missing, matrix, cache, tags = self.index, self.missing, self.matrix, self.word_scores, self.tags
        rows = [[index.get(f, missing) for f in neighbour_features(words, i)] for i in range(len(words))]
        fixed = matrix[rows].sum(axis=1)
        if extra:
            for i, feats in enumerate(extra):
                for f in feats:
                    row = index.get(f)
                    if row is not None:
                        fixed[i] += matrix[row]
        for i, w in enumerate(words):
            own = cache.get(w)
            if own is None:
                own = matrix[[index.get(f, missing) for f in word_features(w)]].sum(axis=0)
                if len(cache) > 200_000:
                    cache.clear()
                cache[w] = own
            fixed[i] += own
        prev, prev2 = START
        out: list[str] = []
        by_prev, by_pair = self.by_prev, self.by_pair
        for i, w in enumerate(words):
            scores = fixed[i] + by_prev[prev] + by_pair[prev, prev2]
            row = index.get("t-1,w=" + prev + "|" + w)
            if row is not None:
                scores = scores + matrix[row]
            tag = tags[int(scores.argmax())]
            out.append(tag)
            prev2, prev = prev, tag
        return out


def tag_words(model: Perceptron | Tagger, words: list[str], extra: list[list[str]] | None = None) -> list[str]:
    """Tags for the words of one sentence (`extra`: more features per token)."""
    if isinstance(model, Tagger):
        return model.tag(words, extra)
    prev, prev2 = START
    out: list[str] = []
    for i in range(len(words)):
        tag = model.predict(features(words, i, prev, prev2) + (extra[i] if extra else []))
        out.append(tag)
        prev2, prev = prev, tag
    return out


@lru_cache(maxsize=4)
def load_model(filename: str) -> Tagger:
    """A shipped sequence model (src/khabar/data/FILENAME), loaded once."""
    path = resources.files("khabar") / "data" / filename
    with gzip.open(path.open("rb"), "rt", encoding="utf-8") as fh:
        data = json.load(fh)
    return Tagger(data["weights"], data["tags"])


def model() -> Tagger:
    """The part-of-speech model."""
    return load_model("tagger.json.gz")


def tag(tokens: list[str]) -> list[tuple[str, str]]:
    """(lemma, UPOS) for each token of one pre-tokenized sentence."""
    from khabar.persian.lemmatize import lemmatize
    from khabar.persian.normalize import normalize

    words = [normalize(t, restore_zwnj=False) or t for t in tokens]
    tags = tag_words(model(), words)
    return [(lemmatize(w, t), t) for w, t in zip(words, tags, strict=True)]
