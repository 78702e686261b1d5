"""Named-entity benchmark: exact-span F1 per type (CoNLL scoring: an entity is
right when its type, start and end are right) on PEYMA test, the three Arman
test folds (evaluation only; never trained on) and ParsTwiNER test; tokens/s of
the tagger; tokens/s of the whole entity layer (tagger, role phrases, linking) on
Fars News; knowledge-base load time in a fresh process.

Usage: python bench/entities.py [--no-write]
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from _common import DATA, write_section  # noqa: E402
from train_ner import read_bio  # noqa: E402

from khabar.extract.entities import entity_spans, extract_entities  # noqa: E402
from khabar.extract.ner import tag_document, tag_many  # noqa: E402
from khabar.ingest.reader import iter_articles  # noqa: E402
from khabar.persian.normalize import normalize  # noqa: E402
from khabar.persian.tokenize import sentence_spans, token_spans  # noqa: E402

ARMAN = {"pers": "PER", "org": "ORG", "loc": "LOC", "event": "EVENT"}
# The sentences either side that stand for a sentence's article (PEYMA keeps its
# sentences in article order but marks no article boundaries).
CONTEXT = 10
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


def evaluate(sents, tagger=tag_many) -> tuple[dict[str, tuple[float, float, float]], float, int]:
    gold_all, pred_all = Counter(), Counter()
    tp = Counter()
    tokens = sum(len(s) for s in sents)
    tagger([["تهران"]])  # load the model first
    start = time.process_time()
    all_words = [[w for w, _, _ in s] for s in sents]
    predicted = tagger(all_words)
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
    sets = [("PEYMA test", read_bio(ner / "peyma/test.txt", "|")), ("ParsTwiNER test", read_bio(ner / "parstwiner/test.txt", "\t"))]
    sets += [(f"Arman test fold {k}", read_arman(ner / f"arman/test_fold{k}.txt")) for k in (1, 2, 3)]
    lines = ["| data | reading | PER F1 | LOC F1 | ORG F1 | PER/LOC/ORG micro P | R | F1 | tokens/s |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, sents in sets:
        for reading, tagger in (("sentence by sentence", tag_many),
                                (f"in context (±{CONTEXT} sentences)", lambda ws: tag_document(ws, CONTEXT))):
            scores, rate, _ = evaluate(sents, tagger)
            micro = scores["micro"]
            lines.append(
                f"| {name} | {reading} | {scores['PER'][2]:.3f} | {scores['LOC'][2]:.3f} | {scores['ORG'][2]:.3f} | "
                f"{micro[0]:.3f} | {micro[1]:.3f} | {micro[2]:.3f} | {rate:,.0f} |"
            )
    table = "\n".join(lines) + "\n\n" + layer_speed() + "\n\n" + kb_load()
    print(table)
    if "--no-write" not in sys.argv:
        write_section("Named entities", "Command: `python bench/entities.py` (gold tokens, exact-span scoring).\n\n" + table)


def layer_speed(articles: int = 300) -> str:
    """Tokens/s of extract_entities (tagger, role phrases, linking) on Fars News
    paragraphs, each with its article's publication date (the role phrases'
    holders depend on it)."""
    path = DATA / "news/farsnews/fars-news-1.json"
    records = json.loads(path.read_text(encoding="utf-8"))[:articles]
    read = [article for _, article in iter_articles(path.read_bytes(), path.name)]  # one per record, in order
    docs = []
    for r, article in zip(records, read, strict=False):
        text = normalize("\n".join(p for p in r.get("paragraphs", []) if isinstance(p, str)))
        spans = token_spans(text)
        published = getattr(article, "published", None)  # None for a record ingest could not read
        docs.append((text, [spans[a:b] for _, _, a, b in sentence_spans(text, spans)],
                     published.date() if published else None))
    tokens = sum(len(s) for _, sents, _ in docs for s in sents)
    extract_entities(*docs[0])  # load the models and the knowledge base
    best = 0.0
    for _ in range(3):
        start = time.process_time()
        found = [e for doc in docs for e in extract_entities(*doc)]
        best = max(best, tokens / (time.process_time() - start))
    linked = sum(e.kb_id is not None for e in found)
    return (f"Whole entity layer (tagger, role phrases, linking) on {articles} Fars News articles: "
            f"{best:,.0f} tokens/s ({tokens:,} tokens, {len(found):,} entities, {linked:,} of them linked "
            f"to the knowledge base ({linked / len(found):.0%}); CPU time, one core, best of 3).")


def kb_load() -> str:
    """Seconds to import and load the knowledge base in a fresh process (best of 3)."""
    code = ("import time; t = time.process_time(); from khabar.extract.kb import knowledge_base; "
            "kb = knowledge_base(); print(time.process_time() - t, len(kb.entries))")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
            for _ in range(3)]
    secs = min(float(r[0]) for r in runs)
    return f"Knowledge base: {runs[0][1]} entries, loaded in {secs:.2f} s (import included, CPU time, fresh process, best of 3)."


if __name__ == "__main__":
    main()
