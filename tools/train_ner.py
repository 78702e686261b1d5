"""Train the named-entity tagger shipped in src/khabar/data/ner.json.gz: the same
averaged perceptron as the part-of-speech tagger, over BIO tags of PER, LOC,
ORG and EVENT, on PEYMA train (terms noted in NOTICE.md) and ParsTwiNER train
(MIT). Never on ArmanPersoNER (research only: evaluation at most).

PEYMA writes words without half-spaces and multiword tokens with spaces; every
token is normalized as khabar normalizes text, and split where it holds spaces,
so training sees the tokens analysis will see.

Usage: python tools/train_ner.py [--iterations 6]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from train_tagger import save_model, train

from khabar.extract.gazetteer import gazetteer_features
from khabar.persian.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "khabar" / "data" / "ner.json.gz"
# Types khabar tags; the others (dates, money, percent: other layers; nationality) become O.
KEEP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG", "EVE": "EVENT", "POG": "ORG"}


def read_bio(path: Path, sep: str) -> list[list[tuple[str, str, str]]]:
    """Sentences of (token, BIO tag, "") from `token<sep>TAG` lines, blank lines between sentences."""
    sents, cur = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sents.append(cur)
            cur = []
            continue
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--iterations", type=int, default=6)
    args = ap.parse_args()
    ner = args.data / "ner"
    sents = read_bio(ner / "peyma/train.txt", "|") + read_bio(ner / "parstwiner/train.txt", "\t")
    print(len(sents), "sentences")
    model = train(sents, args.iterations, extra=gazetteer_features)
    weights = save_model(model, OUT)
    print(len(weights), "features")


if __name__ == "__main__":
    main()
