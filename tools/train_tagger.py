"""Train the part-of-speech tagger (averaged perceptron, UD UPOS) shipped in
src/khabar/data/tagger.json.gz, and the lemma table src/khabar/data/lemmas.tsv.gz.

Training data (../shared/data, never UD Seraji test): UD Seraji dev and PerDT dev
(full UPOS and lemmas), the first 704 PerDT train sentences (UPOS and lemmas of
an intermediate conversion; its PREM/IDEN/PSUS tags mapped), and the 4,798 Seraji
train sentences with 14 coarse tags, mapped to UPOS with the help of the UD data
(a word the UD data tags AUX or SCONJ keeps that tag).

Usage: python tools/train_tagger.py [--iterations 6] [--exclude-perdt-dev]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from build_zwnj_lexicon import write_gz

from khabar.persian.normalize import normalize
from khabar.persian.tagger import START, Perceptron, features

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data"

COARSE = {"N": "NOUN", "V": "VERB", "P": "ADP", "CON": "CCONJ", "DELM": "PUNCT", "ADJ": "ADJ",
          "PRO": "PRON", "ADV": "ADV", "DET": "DET", "NUM": "NUM", "CLITIC": "PART", "FW": "X",
          "PREV": "ADP", "INT": "INTJ"}
PARTIAL = {"PREM": "DET", "IDEN": "NOUN", "PSUS": "INTJ", "PROPN": "NOUN"}  # Seraji has no PROPN
CLOSED = frozenset({"ADP", "PART", "SCONJ", "CCONJ", "AUX", "DET", "PRON", "ADV"})


def harmonize(sents: list[list[tuple[str, str, str]]], reference: list[list[tuple[str, str, str]]]) -> None:
    """Give the function words of `sents` the tag the reference treebank (Seraji,
    the yardstick's conventions) gives them most often ("را": PART, not ADP)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for sent in reference:
        for form, upos, _ in sent:
            counts[form][upos] += 1
    majority = {f: c.most_common(1)[0][0] for f, c in counts.items() if sum(c.values()) >= 3}
    for sent in sents:
        for i, (form, upos, lemma) in enumerate(sent):
            ref = majority.get(form)
            if ref and ref != upos and ref in CLOSED and upos in CLOSED:
                sent[i] = (form, ref, lemma)


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


def read_conllu(path: Path) -> list[list[tuple[str, str, str]]]:
    """Sentences of (form, upos, lemma): the word tokens (the parts of a multiword token)."""
    sents = []
    for lines in blocks(path):
        cur = []
        for line in lines:
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue
            if "-" in cols[0]:
                continue  # the parts carry the tags; the tagger sees the parts
            upos = PARTIAL.get(cols[3], cols[3])
            if upos in ("", "_"):
                continue
            cur.append((clean(cols[1]), upos, clean(cols[2])))
        if cur:
            sents.append(cur)
    return sents


def read_coarse(path: Path, word_tags: dict[str, Counter]) -> list[list[tuple[str, str, str]]]:
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text"):
            if cur:
                sents.append(cur)
            cur = []
            continue
        if "\t" not in line:
            continue
        form, tag = line.split("\t")[:2]
        form = clean(form)
        upos = COARSE.get(tag)
        if upos is None:
            continue
        ud = word_tags.get(form)
        if ud:  # keep the UD split of V into VERB/AUX and CON into CCONJ/SCONJ
            best = ud.most_common(1)[0][0]
            if (upos, best) in {("VERB", "AUX"), ("CCONJ", "SCONJ"), ("NOUN", "PROPN"), ("ADP", "ADV"), ("PRON", "DET")}:
                upos = best
        cur.append((form, upos, ""))
    if cur:
        sents.append(cur)
    return sents


def train(sents: list[list[tuple[str, str, str]]], iterations: int, seed: int = 7, extra=None) -> Perceptron:
    """Train on (word, tag, _) sentences; `extra(words)` may add features per token."""
    tags = sorted({t for s in sents for _, t, _ in s})
    model = Perceptron({}, tags)
    rng = random.Random(seed)
    for it in range(iterations):
        rng.shuffle(sents)
        right = total = 0
        for sent in sents:
            words = [w for w, _, _ in sent]
            more = extra(words) if extra else None
            prev, prev2 = START
            for i, (_, truth, _) in enumerate(sent):
                feats = features(words, i, prev, prev2) + (more[i] if more else [])
                guess = model.predict(feats)
                model.update(truth, guess, feats)
                right += guess == truth
                total += 1
                prev2, prev = prev, truth
        print(f"iteration {it + 1}: {right / total:.4f} on training data")
    model.average()
    return model


def save_model(model: Perceptron, path: Path) -> dict[str, dict[str, float]]:
    """Write a trained model (tags and non-empty weight rows) as gzip JSON, no timestamp."""
    weights = {f: row for f, row in model.weights.items() if row}
    write_gz(path, [json.dumps({"tags": model.tags, "weights": weights}, ensure_ascii=False, separators=(",", ":"), sort_keys=True)])
    return weights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--iterations", type=int, default=6)
    args = ap.parse_args()
    ud = args.data / "ud"
    seraji = read_conllu(ud / "seraji/fa_seraji-ud-dev.conllu")
    perdt = read_conllu(ud / "perdt/fa_perdt-ud-dev.conllu") + read_conllu(ud / "perdt/train_partial_704.conllu")
    harmonize(perdt, seraji)
    gold = seraji + perdt
    word_tags: dict[str, Counter] = defaultdict(Counter)
    for sent in gold:
        for form, upos, _ in sent:
            word_tags[form][upos] += 1
    coarse = read_coarse(ud / "seraji/train_tokens_coarsepos.tsv", word_tags)
    print(len(gold), "UD sentences,", len(coarse), "coarse sentences")
    model = train(seraji * 3 + perdt + coarse, args.iterations)
    weights = save_model(model, OUT / "tagger.json.gz")
    pasts = {line.split("\t")[1] for line in (OUT / "zwnj" / "verbs.tsv").read_text(encoding="utf-8").splitlines()}

    def ud_lemma(lemma: str) -> str:
        """PerDT writes some verbs past#present ("برد#بر"); the UD convention keeps
        the past stem, and "#" only after a verb particle ("بر#داشت")."""
        parts = [p for p in lemma.split("#") if p]
        if len(parts) > 1 and parts[-2] in pasts and parts[-1] not in pasts:
            parts = parts[:-1]
        return "#".join(parts) or lemma

    lemmas: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for weight, sents in ((3, seraji), (1, perdt)):  # Seraji's conventions first (شد → کرد)
        for sent in sents:
            for form, upos, lemma in sent:
                if lemma and lemma != "_":
                    lemmas[(form, upos)][ud_lemma(lemma)] += weight
    rows = sorted(f"{form}\t{upos}\t{c.most_common(1)[0][0]}\n" for (form, upos), c in lemmas.items() if c.most_common(1)[0][0] != form)
    write_gz(OUT / "lemmas.tsv.gz", rows)
    print(len(weights), "features;", len(rows), "lemma entries")


if __name__ == "__main__":
    main()
