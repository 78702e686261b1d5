"""Train the part-of-speech tagger (averaged perceptron, UD UPOS) shipped in
src/khabar/data/tagger.json.gz, and the lemma table src/khabar/data/lemmas.tsv.gz,
in the conventions of UD Persian-PerDT: PROPN for names, «را» ADP, the lemma of
شدن شد.

Training data (../shared/data; never UD Seraji test, never the held-back fifth
of PerDT dev, which bench/tagging.py measures on):
- PerDT dev, four sentences in five;
- the first 704 PerDT train sentences (an intermediate conversion: PREM → DET,
  PSUS → INTJ, titles (IDEN) and nouns may be PROPN, since it has none);
- UD Seraji dev and the 4,798 Seraji train sentences with 14 coarse tags,
  brought to PerDT's conventions (see `to_conventions`): its NOUN may be PROPN,
  and a function word takes PerDT's tags where PerDT never gives it Seraji's
  («را» PART → ADP, «نیز» SCONJ → ADV).

A gold tag may be a set ("NOUN|PROPN"): training accepts any of its tags. The
model keeps a lexicon whose classes are features, for words the treebanks never
show: word lists (`word_lists`: hazm's POS sets, first names, places) and word
clusters (`word_clusters`, from word statistics of the news archive and the
PerDT and Seraji train sentences; needs the tools extra, scikit-learn).

Usage: python tools/train_tagger.py [--iterations 6] [--lemmas-only]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from build_zwnj_lexicon import write_gz

from khabar import resources
from khabar.persian.lemmatize import lookup
from khabar.persian.normalize import normalize
from khabar.persian.tagger import START, Perceptron, features, lexicon_features, read_lexicon

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data"

Sent = list[tuple[str, str, str]]  # (form, tag or "TAG|TAG" alternatives, lemma)

COARSE = {"N": "NOUN", "V": "VERB", "P": "ADP", "CON": "CCONJ", "DELM": "PUNCT", "ADJ": "ADJ",
          "PRO": "PRON", "ADV": "ADV", "DET": "DET", "NUM": "NUM", "CLITIC": "PART", "FW": "X",
          "PREV": "ADP", "INT": "INTJ"}
PARTIAL = {"PREM": "DET", "IDEN": "NOUN|PROPN", "PSUS": "INTJ", "NOUN": "NOUN|PROPN"}
SPLITS = {"VERB": ("AUX", "VERB"), "CCONJ": ("CCONJ", "SCONJ"), "ADP": ("ADP", "ADV"), "PRON": ("DET", "PRON")}
UNSPLIT = frozenset({"VERB", "CCONJ"})  # coarse tags that are either of two UD tags; P and PRO are kept where UD uses them
FUNCTION = frozenset({"ADP", "PART", "SCONJ", "CCONJ", "AUX", "DET", "PRON", "ADV", "NUM", "INTJ"})
HELD_BACK = 5  # every fifth PerDT dev sentence is held back from training, to measure on
RARE = 0.1  # a tag given a word less often than this is no convention of the treebank
MIN_SEEN = 3  # a treebank's tags for a word count as its convention from this many examples
PASSIVE_PREFIXES = ("نمی\u200c", "می\u200c", "نمی", "می", "ن", "ب")


def clean(word: str) -> str:
    return normalize(word, restore_zwnj=False) or word


def blocks(path: Path) -> Iterator[list[str]]:
    """The runs of non-blank lines of a file (its sentences, in CoNLL-like formats)."""
    cur: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            cur.append(line)
        elif cur:
            yield cur
            cur = []
    if cur:
        yield cur


def read_conllu(path: Path, tagmap: dict[str, str] | None = None) -> list[Sent]:
    """Sentences of (form, upos, lemma): the word tokens (the parts of a multiword
    token); `tagmap` renames tags (a tag may become a set "A|B")."""
    sents = []
    for lines in blocks(path):
        cur = []
        for line in lines:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0] or "-" in cols[0]:
                continue  # the parts carry the tags; the tagger sees the parts
            upos = (tagmap or {}).get(cols[3], cols[3])
            if upos in ("", "_"):
                continue
            cur.append((clean(cols[1]), upos, clean(cols[2])))
        if cur:
            sents.append(cur)
    return sents


def split_perdt_dev(sents: list[Sent], fold: int = HELD_BACK - 1) -> tuple[list[Sent], list[Sent]]:
    """PerDT dev as (training part, held-back part): every fifth sentence (the
    5th, 10th…; another `fold` of five for cross-validation) is held back."""
    train = [s for i, s in enumerate(sents) if i % HELD_BACK != fold]
    held = [s for i, s in enumerate(sents) if i % HELD_BACK == fold]
    return train, held


def counts_of(sents: list[Sent], column: int = 1) -> dict[str, Counter]:
    """For each form, how often each tag (column 1) or lemma (column 2) is given it."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sent in sents:
        for token in sent:
            if "|" not in token[column]:
                counts[token[0]][token[column]] += 1
    return counts


def usual(counts: Counter, rare: float = RARE) -> list[str]:
    """The tags (or lemmas) a treebank gives a word more than `rare` of the time."""
    total = sum(counts.values())
    return sorted(t for t, n in counts.items() if n > rare * total)


def foreign_tag(word: str, tag: str, own: dict[str, Counter], other: dict[str, Counter], rare: float = RARE) -> bool:
    """True when `tag` of `word` is a convention of the other treebank only: this
    treebank has seen the word often enough and (almost: `rare`) never with
    that tag, the other has, and one side of it is a function-word tag."""
    mine = own.get(word)
    if not mine or sum(mine.values()) < MIN_SEEN or tag not in other.get(word, ()):
        return False
    tags = usual(mine, rare)
    return tag not in tags and (tag in FUNCTION or all(t in FUNCTION for t in tags))


def to_conventions(word: str, tag: str, target: dict[str, Counter], source: dict[str, Counter]) -> str:
    """A tag of the source treebank's conventions in the target's (PerDT):
    the target's usual tags for the word when it (almost) never gives it this
    one; a NOUN may be a PROPN (Seraji has none)."""
    if foreign_tag(word, tag, target, source):
        return "|".join(usual(target[word]))
    return "NOUN|PROPN" if tag == "NOUN" else tag


def to_seraji(word: str, tag: str, seraji: dict[str, Counter], perdt: dict[str, Counter], rare: float = 0.0) -> str:
    """A tag of PerDT's conventions in Seraji's, to score on Seraji test: PROPN
    is NOUN; a tag Seraji never (more than `rare` of the time) gives a word it
    has seen, and PerDT does, is Seraji's usual tag for it («را» ADP → PART)."""
    if tag == "PROPN":
        return "NOUN"
    return seraji[word].most_common(1)[0][0] if foreign_tag(word, tag, seraji, perdt, rare) else tag


def is_shodan(word: str) -> bool:
    """A form of the verb شدن (شد، می‌شود، نشده‌اند)."""
    for prefix in PASSIVE_PREFIXES:
        if word.startswith(prefix) and word[len(prefix):].startswith(("شد", "شو")):
            return True
    return word.startswith(("شد", "شو"))


def lemma_to_perdt(word: str, upos: str, lemma: str, perdt: dict[str, Counter]) -> str:
    """A lemma of Seraji's or the intermediate conversion's conventions in PerDT's:
    شدن by شد (not کرد), past#present by the past stem, and PerDT's lemma
    where PerDT never gives the word this one."""
    lemma = past_stem(lemma)
    if upos.startswith(("VERB", "AUX")) and lemma == "کرد" and is_shodan(word):
        return "شد"
    seen = perdt.get(word)
    if seen and sum(seen.values()) >= MIN_SEEN and lemma not in seen:
        return seen.most_common(1)[0][0]
    return lemma


def lemma_to_seraji(word: str, lemma: str, seraji: dict[str, Counter], perdt: dict[str, Counter]) -> str:
    """A lemma of PerDT's conventions in Seraji's, to score on Seraji test."""
    if lemma == "شد" and is_shodan(word):
        return "کرد"
    seen = seraji.get(word)
    if seen and sum(seen.values()) >= MIN_SEEN and lemma not in seen and lemma in perdt.get(word, ()):
        return seen.most_common(1)[0][0]
    return lemma


def past_stem(lemma: str) -> str:
    """UD PerDT keeps a verb's past stem alone: "برد#بر" → برد, "#است" → است,
    "بر#داشت#دار" → داشت."""
    parts = [p for p in lemma.split("#") if p]
    if len(parts) < 2:
        return parts[0] if parts else lemma
    return next((p for p in parts if p in past_stems()), parts[0])


@lru_cache(maxsize=1)
def past_stems() -> frozenset[str]:
    """The past stems of the shipped verb table (present TAB past)."""
    rows = (line.split("\t") for line in resources.lines("zwnj/verbs.tsv"))
    return frozenset(row[1] for row in rows if len(row) > 1 and row[1])


def read_coarse(path: Path) -> list[Sent]:
    """The Seraji train sentences: (form, coarse tag as UPOS, no lemma)."""
    sents: list[Sent] = []
    cur: Sent = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text"):
            if cur:
                sents.append(cur)
            cur = []
            continue
        if "\t" not in line:
            continue
        form, tag = line.split("\t")[:2]
        upos = COARSE.get(tag)
        if upos is not None:
            cur.append((clean(form), upos, ""))
    if cur:
        sents.append(cur)
    return sents


def refine_coarse(sents: list[Sent], ud: dict[str, Counter]) -> None:
    """The coarse tags in UD's, by the tags the UD data (`ud`) usually gives the
    word: V may be VERB or AUX and CON CCONJ or SCONJ (a set, where the UD data
    uses both); a P or PRO that it never gives the word becomes its ADV or DET."""
    for sent in sents:
        for i, (form, upos, lemma) in enumerate(sent):
            seen = usual(ud[form]) if form in ud else []
            options = [t for t in SPLITS.get(upos, ()) if t in seen]
            if options and (upos in UNSPLIT or upos not in seen):
                sent[i] = (form, "|".join(options), lemma)


def convert(sents: list[Sent], target: dict[str, Counter], source: dict[str, Counter], lemmas: dict[str, Counter]) -> list[Sent]:
    """Seraji-convention sentences in PerDT's conventions (tags, each of a set, and lemmas)."""
    return [[(w, convert_tag(w, t, target, source), lemma_to_perdt(w, t, lem, lemmas) if lem else lem) for w, t, lem in s] for s in sents]


def convert_tag(word: str, tags: str, target: dict[str, Counter], source: dict[str, Counter]) -> str:
    """`to_conventions` of each tag of a set "A|B"."""
    out = {c for t in tags.split("|") for c in to_conventions(word, t, target, source).split("|")}
    return "|".join(sorted(out))


def training_data(data: Path, fold: int = HELD_BACK - 1) -> tuple[list[Sent], list[Sent], list[Sent]]:
    """(PerDT-style gold sentences, Seraji sentences converted, coarse Seraji converted)."""
    ud = data / "ud"
    perdt, _held = split_perdt_dev(read_conllu(ud / "perdt/fa_perdt-ud-dev.conllu"), fold)
    perdt_tags, perdt_lemmas = counts_of(perdt), counts_of(perdt, 2)
    partial = [
        [(w, t, lemma_to_perdt(w, t, lem, perdt_lemmas)) for w, t, lem in s]
        for s in read_conllu(ud / "perdt/train_partial_704.conllu", PARTIAL)
    ]
    seraji = read_conllu(ud / "seraji/fa_seraji-ud-dev.conllu")
    coarse = read_coarse(ud / "seraji/train_tokens_coarsepos.tsv")
    refine_coarse(coarse, counts_of(seraji))
    seraji_tags = counts_of(seraji + coarse)
    return (
        perdt + partial,
        convert(seraji, perdt_tags, seraji_tags, perdt_lemmas),
        convert(coarse, perdt_tags, seraji_tags, perdt_lemmas),
    )


def word_lists(data: Path) -> dict[str, list[str]]:
    """The tagger's lexicon, {class: words}, from word lists that may train:
    hazm's part-of-speech sets ("hz=N,AJ"), Iranian first names (FIRST),
    Iran's cities, CLDR's territories and GeoNames cities of 100,000 people or
    more written in Persian letters (PLACE). Single words only."""
    classes: dict[str, set[str]] = defaultdict(set)

    def add(name: str, word: str) -> None:
        word = clean(word.strip())
        if word and " " not in word:
            classes[name].add(word)

    for line in (data / "lexicons/hazm/words.dat").read_text(encoding="utf-8").splitlines():
        word, _, tags = line.split("\t")
        if tags != "0":
            add("hz=" + tags, word)
    with open(data / "lexicons/names/iranianNamesDataset.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            add("FIRST", row["Names"])
    for path in sorted((data / "gazetteers/iran_cities").glob("*.json")):
        for city in json.loads(path.read_text(encoding="utf-8")):
            add("PLACE", city)
    for line in (data / "gazetteers/cldr_fa/territories.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        add("PLACE", line.split("\t")[1])
    for line in (data / "gazetteers/geonames_fa/cities_arabic_script_alts.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if cols[5] == "1" and int(cols[3] or 0) >= 100_000:
            add("PLACE", cols[4])
    return {name: sorted(words) for name, words in sorted(classes.items())}


def cluster_texts(data: Path) -> Iterator[str]:
    """Running text for word clusters (word statistics only): Fars News and
    Varzesh3 articles, the PerDT and Seraji train sentences; never a dev or test set."""
    for path in sorted((data / "news").glob("*/*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            yield item.get("title") or ""
            yield from (p for p in item.get("paragraphs") or [] if isinstance(p, str))
    for name in ("ud/perdt/train.raw.txt", "ud/seraji/train.raw.txt"):
        yield from (data / name).read_text(encoding="utf-8").splitlines()


def word_clusters(data: Path, vocab: int = 30_000, grains: tuple[int, ...] = (512,)) -> dict[str, list[str]]:
    """{"c512=7": words, …}: the words seen 3 times or more in `cluster_texts`
    (the `vocab` most frequent), grouped by k-means over `word_vectors` at each
    grain. Needs the tools extra (scikit-learn)."""
    from sklearn.cluster import KMeans

    from khabar.persian.tokenize import tokenized_sentences

    sentences = [[w for s in tokenized_sentences(normalize(line)) for w in s] for line in cluster_texts(data) if line.strip()]
    counts = Counter(w for s in sentences for w in s)
    words = [w for w, n in counts.most_common(vocab) if n >= 3]
    vectors = word_vectors(sentences, words)
    classes: dict[str, list[str]] = {}
    for k in grains:
        for w, label in zip(words, KMeans(k, n_init=1, random_state=7).fit_predict(vectors), strict=True):
            classes.setdefault(f"c{k}={label}", []).append(w)
    return {name: sorted(ws) for name, ws in sorted(classes.items())}


def word_vectors(sentences: list[list[str]], words: list[str], contexts: int = 3000, window: int = 2):
    """A unit vector (100 SVD dimensions) for each of `words`: the counts of the
    `contexts` most frequent words within `window` places (left and right
    apart), weighted by positive PMI with smoothed context probabilities."""
    import numpy as np
    from scipy import sparse
    from sklearn.decomposition import TruncatedSVD

    row = {w: i for i, w in enumerate(words)}
    column = {w: i for i, w in enumerate(words[:contexts])}
    pairs: Counter = Counter()
    for s in sentences:
        for i, w in enumerate(s):
            if w in row:
                for j in range(max(0, i - window), min(len(s), i + window + 1)):
                    if j != i and s[j] in column:
                        pairs[(row[w], column[s[j]] + (0 if j < i else len(column)))] += 1
    cells = np.array(list(pairs), dtype=np.int64)
    r, c, n = cells[:, 0], cells[:, 1], np.array(list(pairs.values()), dtype=np.float64)
    row_sum = np.bincount(r, n, len(words))
    smoothed = np.bincount(c, n, 2 * len(column)) ** 0.75  # as in word2vec
    pmi = np.log(n * smoothed.sum() / (row_sum[r] * smoothed[c]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (r[keep], c[keep])), shape=(len(words), 2 * len(column)))
    vectors = TruncatedSVD(100, random_state=7).fit_transform(ppmi)
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def allowed_best(model: Perceptron, feats: list[str], gold: str, guess: str) -> str:
    """The gold tag to learn: the guess if gold allows it, else the best-scored gold tag."""
    if "|" not in gold:
        return gold
    options = gold.split("|")
    if guess in options:
        return guess
    scores = model.scores(feats)
    return max(options, key=lambda t: scores.get(t, 0.0))


def train(sents: list[Sent], iterations: int, seed: int = 7, extra=None, lexicon=None) -> Perceptron:
    """Train on (word, tag, _) sentences; `extra(words)` may add features per
    token, and so does `lexicon` ({class: words}), which the model keeps."""
    tags = sorted({t for s in sents for _, gold, _ in s for t in gold.split("|")})
    model = Perceptron({}, tags, read_lexicon(lexicon or {}))
    rng = random.Random(seed)
    for it in range(iterations):
        rng.shuffle(sents)
        right = total = 0
        for sent in sents:
            words = [w for w, _, _ in sent]
            more = lexicon_features(model.lexicon, words)
            if extra:
                more = [a + b for a, b in zip(more, extra(words), strict=True)]
            prev, prev2 = START
            for i, (_, gold, _) in enumerate(sent):
                feats = features(words, i, prev, prev2) + more[i]
                guess = model.predict(feats)
                truth = allowed_best(model, feats, gold, guess)
                model.update(truth, guess, feats)
                right += guess == truth
                total += 1
                prev2, prev = prev, truth
        print(f"iteration {it + 1}: {right / total:.4f} on training data")
    model.average()
    return model


def save_model(model: Perceptron, path: Path, lexicon: dict[str, list[str]] | None = None) -> dict[str, dict[str, float]]:
    """Write a trained model (tags, non-empty weight rows and the lexicon, if
    any) as gzip JSON, no timestamp."""
    weights = {f: row for f, row in model.weights.items() if row}
    data = {"tags": model.tags, "weights": weights} | ({"lexicon": lexicon} if lexicon else {})
    write_gz(path, [json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)])
    return weights


def lemma_table(weighted: list[tuple[int, list[Sent]]]) -> dict[tuple[str, str], str]:
    """(form, UPOS) → lemma where the lemmatizer's rules would say otherwise:
    the most frequent lemma of each pair, the sources weighted (a token tagged
    "NOUN|PROPN" counts as a NOUN)."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for weight, sents in weighted:
        for sent in sents:
            for form, upos, lemma in sent:
                if lemma and lemma != "_":
                    votes[(form, upos.split("|")[0])][lemma] += weight
    best = {key: c.most_common(1)[0][0] for key, c in votes.items()}
    table: dict[tuple[str, str], str] = {}
    for _ in range(3):  # a rule may read the table (a plural's singular): again until nothing is missing
        missing = {key: lemma for key, lemma in sorted(best.items()) if lookup(*key, table) != lemma}
        table.update(missing)
        if not missing:
            break
    return table


def build(data: Path, iterations: int = 6, fold: int = HELD_BACK - 1, lexicon=None):
    """(model, lemma table, lexicon) trained without PerDT dev's `fold`."""
    perdt, seraji, coarse = training_data(data, fold)
    print(len(perdt), "PerDT sentences,", len(seraji), "Seraji dev,", len(coarse), "coarse Seraji train")
    lexicon = lexicon or word_lists(data) | word_clusters(data)
    model = train(perdt * 3 + seraji + coarse, iterations, lexicon=lexicon)
    return model, lemma_table([(3, perdt), (1, seraji)]), lexicon


def write_lemmas(table: dict[tuple[str, str], str]) -> None:
    write_gz(OUT / "lemmas.tsv.gz", sorted(f"{form}\t{upos}\t{lemma}\n" for (form, upos), lemma in table.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--iterations", type=int, default=6)
    ap.add_argument("--lemmas-only", action="store_true", help="rebuild the lemma table only")
    args = ap.parse_args()
    started = time.perf_counter()
    if args.lemmas_only:
        perdt, seraji, _ = training_data(args.data)
        table = lemma_table([(3, perdt), (1, seraji)])
    else:
        model, table, lexicon = build(args.data, args.iterations)
        print(len(save_model(model, OUT / "tagger.json.gz", lexicon)), "features")
    write_lemmas(table)
    print(f"{len(table)} lemma entries; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
