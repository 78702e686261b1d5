"""Tokenization benchmark against UD gold: token F1 on character spans, and
sentence-boundary F1 on the test set's sentences joined into one running text.

Usage: python bench/tokenization.py [FILE.conllu] [--no-write]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, conllu_sentences, write_section  # noqa: E402

from khabar import analyze  # noqa: E402

DEFAULT = DATA / "ud/seraji/fa_seraji-ud-test.conllu"


def gold_spans(text: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    spans, pos = [], 0
    for tok in tokens:
        at = text.find(tok, pos)
        if at < 0:
            return None
        spans.append((at, at + len(tok)))
        pos = at + len(tok)
    return spans


def f1(gold: set, pred: set) -> tuple[float, float, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def token_scores(sents: list[tuple[str, list[str]]]) -> tuple[tuple[float, float, float], int]:
    gold: set[tuple[int, int, int]] = set()
    pred: set[tuple[int, int, int]] = set()
    skipped = 0
    for i, (text, tokens) in enumerate(sents):
        spans = gold_spans(text, tokens)
        if spans is None:
            skipped += 1
            continue
        gold.update((i, s, e) for s, e in spans)
        doc = analyze(text)
        pred.update((i, *doc.raw_span(t.start, t.end)) for t in doc.tokens)
    return f1(gold, pred), skipped


def sentence_scores(sents: list[tuple[str, list[str]]]) -> tuple[float, float, float]:
    texts = [t for t, _ in sents]
    running = " ".join(texts)
    gold, pos = set(), 0
    for t in texts:
        pos += len(t)
        gold.add(pos)
        pos += 1
    doc = analyze(running)
    pred = {doc.raw_span(s.start, s.end)[1] for s in doc.sentences}
    # a predicted end may include trailing dropped characters; compare by the
    # last non-space character of the span
    pred = {running[:e].rstrip().__len__() for e in pred}
    gold = {running[:e].rstrip().__len__() for e in gold}
    return f1(gold, pred)


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = Path(args[0]) if args else DEFAULT
    if not path.exists():
        print(f"skip: {path} not found")
        return
    sents = conllu_sentences(path)
    (tp, tr, tf), skipped = token_scores(sents)
    sp, sr, sf = sentence_scores(sents)
    table = (
        "| data | tokens P | tokens R | tokens F1 | sentence-boundary P | R | F1 |\n"
        "|---|---|---|---|---|---|---|\n"
        f"| {path.name} | {tp:.3f} | {tr:.3f} | {tf:.3f} | {sp:.3f} | {sr:.3f} | {sf:.3f} |"
    )
    print(table)
    if skipped:
        print(f"({skipped} sentences whose gold tokens could not be located in their text were skipped)")
    if "--no-write" not in sys.argv and not args:
        write_section(
            "Tokenization",
            "Command: `python bench/tokenization.py` (token spans mapped back to the raw "
            "text through the normalization alignment; sentences joined by a space into "
            "one running text for boundary scoring).\n\n" + table,
        )


if __name__ == "__main__":
    main()
