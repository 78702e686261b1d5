"""Named-entity benchmark: exact-span F1 per type (CoNLL scoring: an entity is
right when its type, start and end are right) on PEYMA test, the three Arman
test folds (evaluation only; never trained on) and ParsTwiNER test; tokens/s.

Usage: python bench/entities.py [--no-write]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import DATA, write_section  # noqa: E402
from train_ner import read_bio  # noqa: E402

from khabar.extract.entities import entity_spans  # noqa: E402
from khabar.extract.gazetteer import gazetteer_features  # noqa: E402
from khabar.persian.tagger import load_model, tag_words  # noqa: E402

ARMAN = {"pers": "PER", "org": "ORG", "loc": "LOC", "event": "EVENT"}
TYPES = ("PER", "LOC", "ORG")


def spans(tags: list[str]) -> set[tuple[int, int, str]]:
    return set(entity_spans(tags))


def read_arman(path: Path) -> list[list[tuple[str, str, str]]]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            lines.append("")
            continue
        token, _, tag = line.rpartition(" ")
        kind = ARMAN.get(tag[2:]) if tag[:2] in ("B-", "I-") else None
        lines.append(f"{token}\t{tag[:2] + kind if kind else 'O'}")
    return read_bio_text("\n".join(lines))


def read_bio_text(text: str) -> list[list[tuple[str, str, str]]]:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as fh:
        fh.write(text)
    try:
        return read_bio(Path(fh.name), "\t")
    finally:
        Path(fh.name).unlink()


def evaluate(sents, model) -> tuple[dict[str, tuple[float, float, float]], float, int]:
    gold_all, pred_all = Counter(), Counter()
    tp = Counter()
    tokens = sum(len(s) for s in sents)
    start = time.process_time()
    predicted = []
    for s in sents:
        words = [w for w, _, _ in s]
        predicted.append(tag_words(model, words, gazetteer_features(words)))
    secs = time.process_time() - start
    for sent, pred in zip(sents, predicted, strict=True):
        g, p = spans([t for _, t, _ in sent]), spans(pred)
        for _, _, k in g:
            gold_all[k] += 1
        for _, _, k in p:
            pred_all[k] += 1
        for _, _, k in g & p:
            tp[k] += 1
    scores = {}
    for kind in (*TYPES, "micro"):
        if kind == "micro":
            t, gp, pp = sum(tp[k] for k in TYPES), sum(gold_all[k] for k in TYPES), sum(pred_all[k] for k in TYPES)
        else:
            t, gp, pp = tp[kind], gold_all[kind], pred_all[kind]
        prec = t / pp if pp else 0.0
        rec = t / gp if gp else 0.0
        scores[kind] = (prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return scores, tokens / secs, tokens


def main() -> None:
    ner = DATA / "ner"
    if not ner.exists():
        print("skip: ../shared/data/ner not found")
        return
    model = load_model("ner.json.gz")
    sets = [("PEYMA test", read_bio(ner / "peyma/test.txt", "|")), ("ParsTwiNER test", read_bio(ner / "parstwiner/test.txt", "\t"))]
    sets += [(f"Arman test fold {k}", read_arman(ner / f"arman/test_fold{k}.txt")) for k in (1, 2, 3)]
    lines = ["| data | PER F1 | LOC F1 | ORG F1 | PER/LOC/ORG micro P | R | F1 | tokens/s |", "|---|---|---|---|---|---|---|---|"]
    for name, sents in sets:
        scores, rate, _ = evaluate(sents, model)
        micro = scores["micro"]
        lines.append(
            f"| {name} | {scores['PER'][2]:.3f} | {scores['LOC'][2]:.3f} | {scores['ORG'][2]:.3f} | "
            f"{micro[0]:.3f} | {micro[1]:.3f} | {micro[2]:.3f} | {rate:,.0f} |"
        )
    table = "\n".join(lines)
    print(table)
    if "--no-write" not in sys.argv:
        write_section("Named entities", "Command: `python bench/entities.py` (gold tokens, exact-span scoring).\n\n" + table)


if __name__ == "__main__":
    main()
