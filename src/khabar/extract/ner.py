"""The entity tagger: a linear-chain CRF over BIO tags of PER, LOC, ORG and EVENT,
trained with CRFsuite by tools/train_ner.py and shipped as its weights in
src/khabar/data/ner.json.gz; decoded here (Viterbi) with numpy, so running it
needs no CRF library.

A token's features: the word, its affixes and shape, its class in the word
lexicon (part of speech and frequency band, from ner_lexicon.tsv.gz; "OOV" when
unknown, as names mostly are), its word clusters (word_clusters.tsv.gz: words
used alike, so a surname or a city unseen in training looks like those seen),
much the same for the words around it, the pairs it makes with its neighbours,
and the gazetteer's matches over it and beside it.
What a word contributes (as itself, or as the word before or after another) is
scored once per distinct word and kept."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from khabar import resources
from khabar.extract import gazetteer
from khabar.extract.gazetteer import gazetteer_features
from khabar.persian.tagger import (
    GRID_CELLS,
    PairFeatures,
    WordRows,
    side_by_side,
    word_features,
)

BOS, EOS = "<s>", "</s>"
_CACHE_LIMIT = 200_000
_BATCH = 256  # sentences decoded side by side
BATCH_TOKENS = 20_000  # tokens whose features and scores are held at once


@lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Word → its lexicon class, e.g. "N,AJ|5" (part-of-speech tags | frequency band)."""
    return resources.pairs("ner_lexicon.tsv.gz")


@lru_cache(maxsize=1)
def word_clusters() -> dict[str, str]:
    """Word → its clusters at two grains, e.g. "43|114" (tools/build_word_clusters.py)."""
    return resources.pairs("word_clusters.tsv.gz")


def lexicon() -> tuple[dict[str, str], dict[str, str]]:
    """The word classes and the word clusters, the two tables the features read."""
    return word_classes(), word_clusters()


def word_parts(w: str, tables: tuple[dict[str, str], dict[str, str]]) -> tuple[list[str], ...]:
    """The features a word brings: (as itself, as the word before, after, two
    before, two after the token being tagged)."""
    if w in (BOS, EOS):
        return [], ["w-1=" + w, "s3-1=" + w], ["w+1=" + w, "s3+1=" + w], ["w-2=" + w], ["w+2=" + w]
    classes, clusters = tables
    pos, _, band = classes.get(w, "OOV|-").partition("|")
    coarse, _, fine = clusters.get(w, "-|-").partition("|")
    return (
        [*word_features(w)[1:], "lx=" + pos, "fq=" + band, "lxfq=" + pos + band, "c64=" + coarse, "c512=" + fine],
        ["w-1=" + w, "s3-1=" + w[-3:], "lx-1=" + pos, "fq-1=" + band, "c-1=" + fine],
        ["w+1=" + w, "s3+1=" + w[-3:], "lx+1=" + pos, "fq+1=" + band, "c+1=" + fine],
        ["w-2=" + w, "lx-2=" + pos, "fq-2=" + band],
        ["w+2=" + w],
    )


def token_extras(words: list[str]) -> list[list[str]]:
    """The features of each token that are not one word's: the pairs with the
    neighbours, and the gazetteer's matches on the token and beside it."""
    gz = gazetteer_features(words)
    padded = [BOS, *words, EOS]
    out = []
    for i, w in enumerate(words):
        feats = ["w,w+1=" + w + "|" + padded[i + 2], "w-1,w=" + padded[i] + "|" + w, *gz[i]]
        if i and gz[i - 1]:
            feats += ["p:" + g for g in gz[i - 1]]
        if i + 1 < len(words) and gz[i + 1]:
            feats += ["n:" + g for g in gz[i + 1]]
        out.append(feats)
    return out


def sentence_features(words: list[str], tables: tuple[dict[str, str], dict[str, str]]) -> list[list[str]]:
    """Every feature of every token of one sentence (what the CRF is trained on)."""
    padded = [BOS, BOS, *words, EOS, EOS]
    parts = [word_parts(w, tables) for w in padded]
    extras = token_extras(words)
    return [
        parts[k][0] + parts[k - 1][1] + parts[k + 1][2] + parts[k - 2][3] + parts[k + 2][4] + extras[k - 2]
        for k in range(2, len(words) + 2)
    ]


class CRFTagger:
    """The CRF's weights as matrices, and batched Viterbi decoding."""

    def __init__(self, labels: list[str], state: dict[str, dict[str, float]], transitions: dict[str, dict[str, float]]):
        import numpy as np

        self.labels = labels
        at = {label: i for i, label in enumerate(labels)}
        self.index = {f: i for i, f in enumerate(state)}
        self.missing = len(state)  # a row of zeros for unknown features
        self.matrix = np.zeros((len(state) + 1, len(labels)))
        for f, row in state.items():
            for label, weight in row.items():
                self.matrix[self.index[f], at[label]] = weight
        self.transitions = np.zeros((len(labels), len(labels)))
        for a, row in transitions.items():
            for b, weight in row.items():
                self.transitions[at[a], at[b]] = weight
        self.tables = lexicon()
        # the pair features, looked up by the numbers of their words
        self.right_pairs = PairFeatures.of(self.index, "w,w+1=")
        self.left_pairs = PairFeatures.of(self.index, "w-1,w=")
        # the gazetteer: which two words may begin a name, and the rows of its features
        # gazetteer_rows[where, kind, inside]: where 0 the token, 1 the token after it ("p:"),
        # 2 the token before it ("n:"); inside 0 the first word of the name ("-B"), 1 another ("-I")
        self.name_beginnings = PairFeatures([(a, b, 0) for a, b in gazetteer.two_word_beginnings()])
        self.gazetteer_rows = np.array([[[self.index.get(f"{where}gz={kind}-{part}", -1) for part in "BI"]
                                         for kind in gazetteer.kinds()] for where in ("", "p:", "n:")], dtype=np.int64)
        # word → its five parts (see word_parts), and its numbers: among the pairs' words (0, 1), the
        # words of two-word beginnings of names (2), the most words of a name it begins (3), the kind
        # of name it is alone (4), and 1 if it has a space (5)
        self.words = WordRows(self._vectors_of, _CACHE_LIMIT, (
            self.right_pairs.number, self.left_pairs.number, self.name_beginnings.number,
            gazetteer._first_words(), gazetteer.kind_alone(), _has_space))

    def _vectors_of(self, w: str) -> Any:
        import numpy as np

        index, missing, m = self.index, self.missing, self.matrix
        return np.stack([m[[index.get(f, missing) for f in part]].sum(axis=0) for part in word_parts(w, self.tables)])

    def _layout(self, sentences: list[list[str]]) -> tuple[Any, Any]:
        """The WordRows rows of the sentences' words, each sentence between two
        BOS and two EOS, and where in them the sentences' own tokens are."""
        import numpy as np

        padded = self.words.rows([w for s in sentences for w in (BOS, BOS, *s, EOS, EOS)])
        offsets = np.cumsum([0] + [len(s) + 4 for s in sentences[:-1]])
        at = np.concatenate([np.arange(len(s)) + off + 2 for s, off in zip(sentences, offsets, strict=True)])
        return padded, at

    def emissions(self, sentences: list[list[str]]) -> Any:
        """The state scores of every token of every sentence, one row per token."""
        import numpy as np

        padded, at = self._layout(sentences)
        table = self.words.array  # (word forms, 5, labels)
        scores = (table[padded[at], 0] + table[padded[at - 1], 1] + table[padded[at + 1], 2]
                  + table[padded[at - 2], 3] + table[padded[at + 2], 4])
        tokens, rows = self.extra_rows(sentences, (padded, at))
        np.add.at(scores, tokens, self.matrix[rows])
        return scores

    def extra_rows(self, sentences: list[list[str]], layout: tuple[Any, Any] | None = None) -> tuple[Any, Any]:
        """(token, row) of every feature of `token_extras` that the model has,
        tokens numbered across the sentences, each token's in the order
        `token_extras` gives them (the scores are summed in that order); the
        pairs are looked up by the numbers of their words (`layout`: the
        sentences' `_layout`, made here if not given)."""
        import numpy as np

        padded, at = layout or self._layout(sentences)
        numbers = self.words.numbers
        right_at, right_rows = self.right_pairs.hits(numbers[padded[at], 0], numbers[padded[at + 1], 0])
        left_at, left_rows = self.left_pairs.hits(numbers[padded[at - 1], 1], numbers[padded[at], 1])
        gz_at, gz_rows, gz_groups = self._gazetteer_hits(sentences, padded, at)
        tokens = np.concatenate([right_at, left_at, gz_at])
        groups = np.concatenate([np.zeros(len(right_at), dtype=np.int64), np.ones(len(left_at), dtype=np.int64),
                                 gz_groups])
        rows = np.concatenate([right_rows, left_rows, gz_rows])
        order = np.lexsort((groups, tokens))  # stable: a group's features keep their order
        return tokens[order], rows[order]

    def _gazetteer_hits(self, sentences: list[list[str]], padded: Any, at: Any) -> tuple[Any, Any, Any]:
        """(token, row, group) of the gazetteer's features, as `token_extras`
        has them (gazetteer_features): group 2 on the token of a match, 3 on
        the token after it ("p:"), 4 on the token before it ("n:"). Matches
        are taken left to right, longest first; a word that begins a name of
        several words and is followed by the beginning of one is matched word
        by word (`gazetteer.longest_match`), the others — a name of one word
        or none — for the whole batch at once."""
        import numpy as np

        numbers = self.words.numbers[padded[at]]
        count = len(at)
        lengths = [len(s) for s in sentences]
        ends = np.repeat(np.cumsum(lengths), lengths)  # each token's sentence end
        last = np.arange(count) + 1 == ends
        following = self.words.numbers[padded[at + 1]]
        extending = np.zeros(count, dtype=bool)
        extending[self.name_beginnings.hits(numbers[:, 2], following[:, 2])[0]] = True
        extending |= following[:, 5] == 1  # a next word with a space: see what it makes, word by word
        extending &= (numbers[:, 3] > 1) & ~last
        first, length, kind = [], [], []
        covered = np.zeros(count, dtype=bool)
        flat: list[str] | None = None
        number_of_kind = {k: n for n, k in enumerate(gazetteer.kinds())}
        done = -1  # tokens up to here are inside a match taken
        for i in np.flatnonzero(extending).tolist():
            if i <= done:
                continue
            flat = flat if flat is not None else [w for s in sentences for w in s]
            match = gazetteer.longest_match(flat, i, int(ends[i]))
            if match is not None:
                first.append(i)
                length.append(match[0])
                kind.append(number_of_kind[match[1]])
                covered[i : i + match[0]] = True
                done = i + match[0] - 1
        alone = np.flatnonzero((numbers[:, 4] >= 0) & ~extending & ~covered)  # names of one word
        first = np.concatenate([np.array(first, dtype=np.int64), alone])
        kind = np.concatenate([np.array(kind, dtype=np.int64), numbers[alone, 4]])
        length = np.concatenate([np.array(length, dtype=np.int64), np.ones(len(alone), dtype=np.int64)])
        # every token of every match: its kind, and whether it is the name's first
        tokens = np.repeat(first, length) + np.arange(length.sum()) - np.repeat(np.cumsum(length) - length, length)
        kinds = np.repeat(kind, length)
        inside = (tokens != np.repeat(first, length)).astype(np.int64)
        starts = np.arange(count) == ends - np.repeat(lengths, lengths)  # each sentence's first token
        parts = []
        for where, group, to, keep in ((0, 2, tokens, np.ones(len(tokens), dtype=bool)),
                                       (1, 3, tokens + 1, ~last[tokens]), (2, 4, tokens - 1, ~starts[tokens])):
            rows = self.gazetteer_rows[where, kinds, inside]
            keep = keep & (rows >= 0)
            parts.append((to[keep], rows[keep], np.full(int(keep.sum()), group, dtype=np.int64)))
        return tuple(np.concatenate([p[k] for p in parts]) for k in range(3))

    def tag_many(self, sentences: list[list[str]]) -> list[list[str]]:
        """The best label sequence of each sentence (Viterbi; sentences of
        similar length are decoded side by side, one position of all of them
        per numpy step)."""
        import numpy as np

        if not any(sentences):
            return [[] for _ in sentences]
        scores = self.emissions(sentences)
        starts = np.cumsum([0] + [len(s) for s in sentences[:-1]])
        order = sorted((k for k, s in enumerate(sentences) if s), key=lambda k: -len(sentences[k]))
        chosen = np.zeros(len(scores), dtype=np.int64)
        lengths = [len(sentences[k]) for k in order]
        for first, end in side_by_side(lengths, _BATCH, GRID_CELLS):  # a grid: the longest sentence × the batch
            batch = order[first:end]
            tokens = np.concatenate([starts[k] + np.arange(len(sentences[k])) for k in batch])
            chosen[tokens] = self._viterbi(scores, tokens, [len(sentences[k]) for k in batch])
        names = [self.labels[i] for i in chosen.tolist()]
        return [names[s : s + len(words)] for s, words in zip(starts.tolist(), sentences, strict=True)]

    def _viterbi(self, scores: Any, tokens: Any, lengths: list[int]) -> Any:
        """The best labels of the tokens (`scores` rows, sentence after sentence)
        of sentences whose lengths are given longest first."""
        import numpy as np

        width, longest, size = len(lengths), lengths[0], len(self.labels)
        # grid[pos, j]: the scores of the pos-th token of the j-th sentence
        where = np.concatenate([np.arange(n) * width + j for j, n in enumerate(lengths)])
        grid = np.zeros((longest * width, size))
        grid[where] = scores[tokens]
        grid = grid.reshape(longest, width, size)
        active = np.searchsorted(-np.array(lengths), -np.arange(longest), side="left").tolist()  # longer than pos
        back = np.zeros((longest, width * size), dtype=np.int64)  # back[pos, j * size + label]: the label before
        delta = grid[0].copy()  # a finished sentence's row keeps its final scores
        into = self.transitions.T.copy()  # into[to, from]: the best is found over the last, contiguous axis
        cells = np.arange(width * size) * size  # where each (sentence, to) begins in a flat candidate array
        for pos in range(1, longest):
            n = active[pos]
            cand = (delta[:n, None, :] + into).reshape(-1)  # (sentence, to, from), flat
            best = cand.reshape(n * size, size).argmax(axis=1)
            back[pos, : n * size] = best
            delta[:n] = cand[cells[: n * size] + best].reshape(n, size) + grid[pos, :n]  # the maximum, read at its place
        label = delta.argmax(axis=1)  # each sentence's best last label
        path = np.zeros((longest, width), dtype=np.int64)
        base = np.arange(width) * size
        for pos in range(longest - 1, -1, -1):
            n = active[pos]
            path[pos, :n] = label[:n]
            if pos:
                label[:n] = back[pos, base[:n] + label[:n]]
        return path.reshape(-1)[where]


def _has_space(word: str) -> int:
    return 1 if " " in word else -1


@lru_cache(maxsize=1)
def crf_tagger() -> CRFTagger:
    """The shipped model, loaded once."""
    data = resources.json_data("ner.json.gz")
    return CRFTagger(data["labels"], data["state"], data["transitions"])


def tag_many(sentences: list[list[str]]) -> list[list[str]]:
    """BIO tags for the words of each sentence, decoded in batches of at most
    BATCH_TOKENS tokens (a long document costs memory in proportion to a
    batch, not to itself)."""
    tagger = crf_tagger()
    out: list[list[str]] = []
    for first, end in token_batches(sentences, BATCH_TOKENS):
        out += tagger.tag_many(sentences[first:end])
    return out


def token_batches(sentences: list[list[str]], size: int) -> list[tuple[int, int]]:
    """(first, end) of runs of sentences of about `size` tokens each (a longer
    sentence is a batch of its own)."""
    bounds, first, count = [], 0, 0
    for k, words in enumerate(sentences):
        if count and count + len(words) > size:
            bounds.append((first, k))
            first, count = k, 0
        count += len(words)
    if first < len(sentences):
        bounds.append((first, len(sentences)))
    return bounds


def tag_document(sentences: list[list[str]], window: int | None = None) -> list[list[str]]:
    """BIO tags for the sentences of one document: each sentence tagged on its
    own, then made consistent (see `consistent_tags`)."""
    return consistent_tags(sentences, tag_many(sentences), window)


def consistent_tags(
    sentences: list[list[str]], tags: list[list[str]], window: int | None = None
) -> list[list[str]]:
    """A name the tagger found once is a name wherever the document repeats it
    untagged ("دارسی" tagged in one sentence, missed in the next), with the
    label it was given most often. `window`: only the sentences that many
    before and after count as the document (for text whose article boundaries
    are not known); None: all of them."""
    found = [entity_spans(t) for t in tags]
    if window is None:
        names = _names(sentences, found, range(len(sentences)))
        return [_fill(words, t, names) for words, t in zip(sentences, tags, strict=True)]
    return [
        _fill(words, t, _names(sentences, found, range(max(0, i - window), min(len(sentences), i + window + 1))))
        for i, (words, t) in enumerate(zip(sentences, tags, strict=True))
    ]


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of the BIO entities of one sentence."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start is not None:
                out.append((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (None, None)
    return out


Names = dict[str, list[tuple[int, dict[tuple[str, ...], str]]]]


def _names(sentences: list[list[str]], found: list[list[tuple[int, int, str]]], which: range) -> Names:
    """First word → [(length, {the words of a name of that length: its most
    frequent label})], longest first: a position is matched against each
    length once, whatever the number of names (a long document names
    thousands of people called "محمد …")."""
    labels: dict[tuple[str, ...], dict[str, int]] = {}
    for k in which:
        for first, end, label in found[k]:
            keys = [tuple(sentences[k][first:end])] if end - first > 1 or _unknown(sentences[k][first]) else []
            surname = sentences[k][end - 1]
            if label == "PER" and end - first > 1 and len(surname) > 2 and _unknown(surname):
                keys.append((surname,))  # "علیفر" after "محمدرضا علیفر"
            for key in keys:
                counts = labels.setdefault(key, {})
                counts[label] = counts.get(label, 0) + 1
    by_length: dict[str, dict[int, dict[tuple[str, ...], str]]] = {}
    for seq, counts in labels.items():
        by_length.setdefault(seq[0], {}).setdefault(len(seq), {})[seq] = max(counts, key=lambda lab: (counts[lab], lab))
    return {first: sorted(lengths.items(), reverse=True) for first, lengths in by_length.items()}


def _unknown(word: str) -> bool:
    """A word the lexicon does not know, as most names are: a single word is
    taken as a name where it repeats only then ("دارسی"; not "امام" or "جهان",
    which the tagger may have taken for a name once)."""
    return len(word) > 1 and word not in word_classes()


def _fill(words: list[str], tags: list[str], names: Names) -> list[str]:
    """The tags with the untagged repetitions of known names tagged."""
    out = list(tags)
    for k, word in enumerate(words):
        for length, seqs in names.get(word, ()):
            end = k + length
            label = seqs.get(tuple(words[k:end])) if end <= len(words) else None
            if (label is not None and all(t == "O" for t in out[k:end])
                    and not (end < len(out) and out[end].startswith("I-"))):
                out[k:end] = ["B-" + label] + ["I-" + label] * (length - 1)
                break
    return out
