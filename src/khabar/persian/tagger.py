"""Part-of-speech tagging (UD UPOS, in UD Persian-PerDT's conventions: PROPN for
names, «را» ADP) with an averaged perceptron, greedy left to right, over the
features of each word, its neighbours, the tags before and the classes a
lexicon of word lists gives it; the model is built by tools/train_tagger.py and
loaded once, lazily, into a numpy matrix for scoring."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from khabar import resources
from khabar.persian.chars import LATIN_DIGITS, PERSIAN_DIGITS, ZWNJ

_DIGITS = frozenset(LATIN_DIGITS + PERSIAN_DIGITS)
START = ("<s>", "<s2>")
BOS, EOS = "<s>", "</s>"  # the words before and after a sentence, in neighbour features


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
    """The features of token i given the two tags before it (those of a
    lexicon come on top: `lexicon_features`)."""
    return word_features(words[i]) + context_features(words, i, prev, prev2)


def read_lexicon(classes: dict[str, list[str]]) -> dict[str, list[str]]:
    """The model's lexicon, {class: words}, as word → features ("lex=FIRST",
    "lex=hz=N,AJ"): what word lists say of a word the treebanks may never show."""
    lexicon: dict[str, list[str]] = {}
    for name, words in sorted(classes.items()):
        for w in words:
            lexicon.setdefault(w, []).append("lex=" + name)
    return lexicon


def lexicon_features(lexicon: dict[str, list[str]], words: list[str]) -> list[list[str]]:
    """The lexicon's features of each word of a sentence."""
    return [lexicon.get(w, []) for w in words]


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

    def __init__(
        self,
        weights: dict[str, dict[str, float]] | None = None,
        tags: list[str] | None = None,
        lexicon: dict[str, list[str]] | None = None,
    ):
        self.weights = weights or {}
        self.tags = tags or []
        self.lexicon = lexicon or {}  # word → its lexicon features (see read_lexicon)
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
    """The trained weights as a matrix (feature × tag) for fast scoring: a
    word's shares of the scores (its own features, and its part in its
    neighbours') are computed once and kept; many sentences are tagged at once."""

    def __init__(self, weights: dict[str, dict[str, float]], tags: list[str], lexicon: dict[str, list[str]] | None = None):
        import numpy as np

        self.tags = tags
        self.lexicon = lexicon or {}
        tag_index = {t: i for i, t in enumerate(tags)}
        self.index = {f: i for i, f in enumerate(weights)}
        self.missing = len(weights)  # a row of zeros for unknown features
        self.matrix = np.zeros((len(weights) + 1, len(tags)), dtype=np.float32)
        for f, row in weights.items():
            for t, weight in row.items():
                self.matrix[self.index[f], tag_index[t]] = weight
        # the scores of every (previous tag, the one before) state, row p * width + q
        previous = [*tags, *START]
        self.width = len(previous)
        rows = [self.index.get(f, self.missing) for p in previous for q in previous for f in (f"t-1={p}", f"t-2={p}|{q}")]
        self.by_state = self.matrix[rows].reshape(len(previous) ** 2, 2, len(tags)).sum(axis=1)
        # "w,w+1=" features, looked up by the numbers of their words
        self.pairs = PairFeatures.of(self.index, "w,w+1=")
        # "t-1,w=" features: word → k, and tag_word_rows[k, previous tag] its row (the zero row if
        # none; the last row, k = -1, for a word without any)
        at = {p: i for i, p in enumerate(previous)}
        self.tag_word: dict[str, int] = {}
        cells = []
        for f, row in self.index.items():
            if f.startswith("t-1,w="):
                p, _, w = f[6:].partition("|")  # a tag has no "|": the word is all after the first
                if p in at:
                    cells.append((self.tag_word.setdefault(w, len(self.tag_word)), at[p], row))
        self.tag_word_rows = np.full((len(self.tag_word) + 1, self.width), self.missing, dtype=np.int64)
        for k, p, row in cells:
            self.tag_word_rows[k, p] = row
        # word → its shares of the scores, and its numbers among the pairs' words and the "t-1,w=" words
        self.words = WordRows(self._vectors_of, _CACHE_LIMIT, (self.pairs.number, self.tag_word))

    def tag(self, words: list[str], extra: list[list[str]] | None = None) -> list[str]:
        """Tags for the words of one sentence. `extra` gives more features per
        token (the entity tagger's gazetteer)."""
        return self.tag_many([words], [extra] if extra else None)[0]

    def tag_many(self, sentences: list[list[str]], extras: list[list[list[str]]] | None = None) -> list[list[str]]:
        """Tags for many sentences, the same as `tag` on each: the greedy
        left-to-right choice is made for the i-th word of every sentence at
        once, so numpy works on a batch instead of one word at a time."""
        import numpy as np

        if not any(sentences):
            return [[] for _ in sentences]
        index, matrix, tags = self.index, self.matrix, self.tags
        words = [w for s in sentences for w in s]
        starts = np.cumsum([0] + [len(s) for s in sentences[:-1]])
        fixed, by_word = self._context_scores(sentences, words, starts)
        if extras:
            for start, feats_of in zip(starts, extras, strict=True):
                for i, feats in enumerate(feats_of):
                    for f in feats:
                        row = index.get(f)
                        if row is not None:
                            fixed[start + i] += matrix[row]
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: -len(sentences[k]))
        chosen = np.zeros(len(words), dtype=np.int64)
        lengths = [len(sentences[k]) for k in order]
        for first, end in side_by_side(lengths, SIDE_BY_SIDE, GRID_CELLS):
            group = order[first:end]
            self._greedy(fixed, by_word, starts[group], lengths[first:end], chosen)
        names = [tags[k] for k in chosen.tolist()]
        return [names[start : start + len(s)] for start, s in zip(starts.tolist(), sentences, strict=True)]

    def _greedy(self, fixed: Any, by_word: Any, firsts: Any, lengths: list[int], chosen: Any) -> None:
        """Tag side by side the sentences whose tokens begin at `firsts` (their
        lengths given longest first): the scores of their tokens laid out
        position by position, so a step reads one slice; the tags go to `chosen`."""
        import numpy as np

        width, longest, size = len(lengths), lengths[0], len(self.tags)
        tokens = np.concatenate([first + np.arange(n) for first, n in zip(firsts.tolist(), lengths, strict=True)])
        where = np.concatenate([np.arange(n) * width + j for j, n in enumerate(lengths)])  # token → (position, j)
        grid = np.zeros((longest * width, size), dtype=fixed.dtype)
        grid[where] = fixed[tokens]
        grid = grid.reshape(longest, width, size)
        word = np.full(longest * width, -1, dtype=np.int64)  # -1: the last row of tag_word_rows, all zero rows
        word[where] = by_word[tokens]
        word = word.reshape(longest, width)
        picked = np.zeros((longest, width), dtype=np.int64)
        active = np.searchsorted(-np.array(lengths), -np.arange(longest), side="left").tolist()  # longer than pos
        prev = np.full(width, size, dtype=np.int64)  # START[0]
        prev2 = np.full(width, size + 1, dtype=np.int64)  # START[1]
        by_state, states, matrix, tag_word_rows = self.by_state, self.width, self.matrix, self.tag_word_rows
        for pos in range(longest):
            n = active[pos]
            before = prev[:n]
            scores = grid[pos, :n] + by_state[before * states + prev2[:n]]
            scores += matrix[tag_word_rows[word[pos, :n], before]]  # "t-1,w=" (the zero row adds nothing)
            best = scores.argmax(axis=1)
            prev2[:n] = before
            prev[:n] = best
            picked[pos, :n] = best
        chosen[tokens] = picked.reshape(-1)[where]

    def _context_scores(self, sentences: list[list[str]], words: list[str], starts) -> tuple[Any, Any]:
        """The scores of every word's features that do not depend on the tags
        chosen: its own, its neighbours' (each word's share computed once and
        kept, see WordRows) and the pair with the next word; and each word's
        number among the words of "t-1,w=" features (-1: none)."""
        import numpy as np

        matrix, table = self.matrix, self.words
        seq = table.rows(words)
        ends = np.cumsum([len(s) for s in sentences])
        before, after, after2 = np.roll(seq, 1), np.roll(seq, -1), np.roll(seq, -2)
        nonempty = [k for k, s in enumerate(sentences) if s]
        before[starts[nonempty]] = WordRows.BOS
        after[ends[nonempty] - 1] = WordRows.EOS
        after2[ends[nonempty] - 1] = WordRows.EOS
        after2[[ends[k] - 2 for k in nonempty if len(sentences[k]) > 1]] = WordRows.EOS
        vectors, numbers = table.array, table.numbers
        fixed = vectors[seq, 0] + vectors[before, 1] + vectors[after, 2] + vectors[after2, 3]
        at, rows = self.pairs.hits(numbers[seq, 0], numbers[after, 0])
        fixed[at] += matrix[rows]  # one pair per token: the same sums as one at a time
        return fixed, numbers[seq, 1]

    def _vectors_of(self, w: str) -> Any:
        """A word's shares of the scores: its own features, and as the word
        before, after and two after another."""
        import numpy as np

        index, missing, m = self.index, self.missing, self.matrix
        own = word_features(w) + self.lexicon.get(w, [])
        return np.stack([
            m[[index.get(f, missing) for f in own]].sum(axis=0) if w not in (BOS, EOS) else m[missing],
            m[index.get("w-1=" + w, missing)] + m[index.get("s3-1=" + w[-3:], missing)],
            m[index.get("w+1=" + w, missing)] + m[index.get("s3+1=" + w[-3:], missing)],
            m[index.get("w+2=" + w, missing)],
        ])


_CACHE_LIMIT = 100_000  # word forms whose shares of the scores are kept


class WordRows:
    """What each word form contributes to a model's scores, computed once per
    form (by `compute`, a numpy array of one shape) and kept as a row of one
    array, so a batch's words are gathered with one indexing; row 0 is BOS,
    row 1 EOS. With each row, the form's number in each of the tables
    `numbers` (-1 if not there; a table may also be a function of the word):
    `numbers[row, t]`. When a batch's new forms
    would take it past `limit` forms, all are dropped first (a batch's own are
    always held; the values are the same whenever computed). Read `array` and
    `numbers` after `rows`: adding forms may replace them."""

    BOS, EOS = 0, 1

    def __init__(self, compute: Callable[[str], Any], limit: int, numbers: tuple[Any, ...] = ()):
        self.compute, self.limit, self.tables = compute, limit, numbers
        self.clear()

    def clear(self) -> None:
        self.row: dict[str, int] = {}
        self.array: Any = None
        self.numbers: Any = None
        self._add([BOS, EOS])

    def __len__(self) -> int:
        return len(self.row)

    def rows(self, words: list[str]) -> Any:
        """The rows of the words (an int array), those of new forms computed."""
        import numpy as np

        get = self.row.get
        rows = [get(w, -1) for w in words]
        if -1 in rows:
            new = list(dict.fromkeys(w for w, r in zip(words, rows, strict=True) if r < 0))
            if len(self.row) + len(new) > self.limit:
                self.clear()
                new = list(dict.fromkeys(w for w in words if w not in self.row))
            self._add(new)
            get = self.row.get
            rows = [get(w) for w in words]
        return np.array(rows, dtype=np.int64)

    def _add(self, words: list[str]) -> None:
        import numpy as np

        if not words:
            return
        vectors = np.stack([self.compute(w) for w in words])
        numbers = np.array(
            [[t.get(w, -1) if isinstance(t, dict) else t(w) for t in self.tables] for w in words], dtype=np.int64
        ).reshape(len(words), -1)
        n = len(self.row)
        if self.array is None:
            size = max(64, len(words))
            self.array = np.empty((size, *vectors.shape[1:]), dtype=vectors.dtype)
            self.numbers = np.empty((size, len(self.tables)), dtype=np.int64)
        elif n + len(words) > len(self.array):
            size = max(2 * len(self.array), n + len(words))
            array, self.array = self.array, np.empty((size, *self.array.shape[1:]), dtype=self.array.dtype)
            self.array[:n] = array[:n]
            numbers_before, self.numbers = self.numbers, np.empty((size, len(self.tables)), dtype=np.int64)
            self.numbers[:n] = numbers_before[:n]
        self.array[n : n + len(words)] = vectors
        self.numbers[n : n + len(words)] = numbers
        for k, w in enumerate(words):
            self.row[w] = n + k


SIDE_BY_SIDE = 256  # sentences tagged side by side, at most
GRID_CELLS = 1 << 16  # positions × sentences of a group, at most (unless one sentence is longer)


def side_by_side(lengths: list[int], most: int = SIDE_BY_SIDE, cells: int = GRID_CELLS) -> list[tuple[int, int]]:
    """(first, end) of runs of sentences, given their lengths longest first, to
    be decoded side by side: at most `most` of them, and their grid (the
    longest × their number) of at most `cells`, so one long sentence does not
    make a grid of its length times many short ones."""
    bounds, first = [], 0
    while first < len(lengths):
        end = first + max(1, min(most, cells // max(lengths[first], 1)))
        bounds.append((first, min(end, len(lengths))))
        first = end
    return bounds


class PairFeatures:
    """Pairs of words (a, b), each with a row, looked up for a whole batch at
    once from the numbers of the two words (`number`, which a WordRows keeps
    for each word form) instead of building each pair's name."""

    def __init__(self, pairs: list[tuple[str, str, int]]):
        import numpy as np

        self.number: dict[str, int] = {}
        for a, b, _ in pairs:
            self.number.setdefault(a, len(self.number))
            self.number.setdefault(b, len(self.number))
        self.base = max(len(self.number), 1)
        keys = np.array([self.number[a] * self.base + self.number[b] for a, b, _ in pairs], dtype=np.int64)
        order = np.argsort(keys, kind="stable")
        self.keys = keys[order]
        self.rows = np.array([row for _, _, row in pairs], dtype=np.int64)[order]

    @classmethod
    def of(cls, index: dict[str, int], prefix: str) -> PairFeatures:
        """The features `prefix` + a + "|" + b of a model's `index`. A word with
        "|" in it: every split of the name is kept, so any (a, b) whose name is
        a feature finds it."""
        splits = []
        for f, row in index.items():
            if f.startswith(prefix):
                rest = f[len(prefix) :]
                cut = rest.find("|")
                while cut >= 0:
                    splits.append((rest[:cut], rest[cut + 1 :], row))
                    cut = rest.find("|", cut + 1)
        return cls(splits)

    def hits(self, firsts: Any, seconds: Any) -> tuple[Any, Any]:
        """(positions, rows) of the pairs of word numbers (firsts[k], seconds[k])
        that are features (-1: a word in no pair)."""
        import numpy as np

        if not len(self.keys):
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        key = firsts * self.base + seconds
        at = np.minimum(np.searchsorted(self.keys, key), len(self.keys) - 1)
        hit = np.flatnonzero((firsts >= 0) & (seconds >= 0) & (self.keys[at] == key))
        return hit, self.rows[at[hit]]


def tag_sentences(
    model: Perceptron | Tagger, sentences: list[list[str]], extras: list[list[list[str]]] | None = None
) -> list[list[str]]:
    """Tags for many sentences (`extras`: more features per token of each)."""
    if isinstance(model, Tagger):
        return model.tag_many(sentences, extras)
    return [tag_words(model, s, extras[k] if extras else None) for k, s in enumerate(sentences)]


def tag_words(model: Perceptron | Tagger, words: list[str], extra: list[list[str]] | None = None) -> list[str]:
    """Tags for the words of one sentence (`extra`: more features per token)."""
    if isinstance(model, Tagger):
        return model.tag(words, extra)
    prev, prev2 = START
    out: list[str] = []
    known = lexicon_features(model.lexicon, words)
    for i in range(len(words)):
        tag = model.predict(features(words, i, prev, prev2) + known[i] + (extra[i] if extra else []))
        out.append(tag)
        prev2, prev = prev, tag
    return out


@lru_cache(maxsize=4)
def load_model(filename: str) -> Tagger:
    """A shipped sequence model (src/khabar/data/FILENAME), loaded once."""
    data = resources.json_data(filename)
    return Tagger(data["weights"], data["tags"], read_lexicon(data.get("lexicon", {})))


def model() -> Tagger:
    """The part-of-speech model."""
    return load_model("tagger.json.gz")


Tagged = list[tuple[str, str]]


def tag(tokens: list[str] | list[list[str]]) -> Tagged | list[Tagged]:
    """(lemma, UPOS) for each token of one pre-tokenized sentence. Given a list
    of sentences (each a list of tokens), a list of such lists, all tagged in
    one batch (much faster than one call per sentence)."""
    from khabar.persian.lemmatize import lemmatize

    batch = bool(tokens) and all(isinstance(s, (list, tuple)) for s in tokens)
    sentences = [_words(s, k + 1) for k, s in enumerate(tokens)] if batch else [_words(tokens, 0)]
    tagged = [
        [(lemmatize(w, t), t) for w, t in zip(words, tags, strict=True)]
        for words, tags in zip(sentences, tag_sentences(model(), sentences), strict=True)
    ]
    return tagged if batch else tagged[0]


def _words(tokens: list[str], sentence: int) -> list[str]:
    """The normalized words of one sentence's tokens; a ValueError names a
    token that is not a word (and its sentence, in a batch)."""
    where = f"sentence {sentence}, " if sentence else ""
    for i, t in enumerate(tokens):
        if not isinstance(t, str) or not t.strip():
            raise ValueError(f"tag: {where}token {i + 1} of {len(tokens)} is {t!r}, not a word")
    return [_normal_form(t) for t in tokens]


@lru_cache(maxsize=1 << 16)
def _normal_form(token: str) -> str:
    """A token normalized as the tagger was trained (letters, digits; no half-space restored)."""
    from khabar.persian.normalize import normalize

    return normalize(token, restore_zwnj=False) or token
