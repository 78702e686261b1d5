"""Train the named-entity tagger shipped in src/khabar/data/ner.json.gz: a
linear-chain CRF (python-crfsuite, a tools extra; L-BFGS with L1 and L2
penalties; its weights written as JSON for khabar's own decoder) over BIO tags
of PER, LOC, ORG and EVENT, on PEYMA (terms noted in NOTICE.md) and ParsTwiNER
(MIT), train and dev sets; never on ArmanPersoNER (research only: evaluation at
most). The penalties and features were chosen on PEYMA dev with a model trained
on the train sets only (`--no-dev`); PEYMA test was never looked at for that.

Also writes src/khabar/data/ner_lexicon.tsv.gz, the word classes the features
use: for each word of hazm's lexicon (MIT), its part-of-speech tags and the
decimal order of its corpus frequency.

PEYMA writes words without half-spaces and multiword tokens with spaces; every
token is normalized as khabar normalizes text, and split where it holds spaces,
so training sees the tokens analysis will see.

Run it after tools/build_gazetteer.py and tools/build_word_clusters.py, whose
outputs are features.

Usage: python tools/train_ner.py [--no-dev] [--c1 0.05] [--c2 0.01] [--iterations 150]
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
import time
from pathlib import Path

from build_zwnj_lexicon import write_gz
from train_tagger import blocks

from khabar.persian.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "src" / "khabar" / "data"
# Types khabar tags; the others (dates, money, percent: other layers; nationality) become O.
KEEP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "EVE": "EVENT", "POG": "ORG"}


def read_bio(path: Path, sep: str) -> list[list[tuple[str, str, str]]]:
    """Sentences of (token, BIO tag, "") from `token<sep>TAG` lines, blank lines between sentences."""
    sents = []
    for lines in blocks(path):
        cur = []
        for line in lines:
            if sep not in line:
                continue
            token, tag = line.rsplit(sep, 1)
            tag = tag.strip().replace("_", "-")
            kind = tag[2:] if tag[:2] in ("B-", "I-") else ""
            label = KEEP.get(kind)
            bio = f"{tag[0]}-{label}" if label else "O"
            parts = normalize(token.strip()).split() or [token.strip()]
            for k, part in enumerate(parts):
                cur.append((part, bio if k == 0 or bio == "O" else "I-" + bio[2:], ""))
        if cur:
            sents.append(cur)
    return sents


def write_lexicon(hazm_words: Path, out: Path) -> int:
    """word → "POS|band" for hazm's word list, sorted, gzip without a timestamp."""
    classes: dict[str, str] = {}
    for line in hazm_words.read_text(encoding="utf-8").splitlines():
        word, count, pos = line.split("\t")
        key = normalize(word)
        if key and " " not in key and key not in classes:
            classes[key] = f"{pos or 'X'}|{min(9, int(math.log10(int(count) + 1)))}"
    write_gz(out, (f"{w}\t{c}\n" for w, c in sorted(classes.items())))
    return len(classes)


def main() -> None:
    import pycrfsuite

    from khabar.extract import ner

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--no-dev", action="store_true", help="train on the train sets only (for tuning on PEYMA dev)")
    ap.add_argument("--c1", type=float, default=0.05)
    ap.add_argument("--c2", type=float, default=0.01)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument("--out", type=Path, default=DATA_DIR / "ner.json.gz")
    args = ap.parse_args()
    print(write_lexicon(args.data / "lexicons/hazm/words.dat", DATA_DIR / "ner_lexicon.tsv.gz"), "lexicon words")
    ner.word_classes.cache_clear()
    tables = ner.lexicon()
    data = args.data / "ner"
    sents = read_bio(data / "peyma/train.txt", "|") + read_bio(data / "parstwiner/train.txt", "\t")
    if not args.no_dev:
        sents += read_bio(data / "peyma/dev.txt", "|") + read_bio(data / "parstwiner/dev.txt", "\t")
    print(len(sents), "sentences")
    trainer = pycrfsuite.Trainer(verbose=False)
    for sent in sents:
        trainer.append(ner.sentence_features([w for w, _, _ in sent], tables), [t for _, t, _ in sent])
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})
    start = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        trainer.train(str(Path(tmp) / "ner.crfsuite"))
        tagger = pycrfsuite.Tagger()
        tagger.open(str(Path(tmp) / "ner.crfsuite"))
        info = tagger.info()
        labels = tagger.labels()
        tagger.close()
    state: dict[str, dict[str, float]] = {}
    for (feature, label), weight in info.state_features.items():
        state.setdefault(feature, {})[label] = weight
    transitions: dict[str, dict[str, float]] = {}
    for (a, b), weight in info.transitions.items():
        transitions.setdefault(a, {})[b] = weight
    write_gz(args.out, [json.dumps({"labels": labels, "state": state, "transitions": transitions},
                                   ensure_ascii=False, separators=(",", ":"), sort_keys=True)])
    print(f"trained in {time.time() - start:.0f} s: {len(state):,} features; {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
