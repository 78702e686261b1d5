"""Time and quantity audit of issue 22: khabar on the 30 articles of
bench/audit_articles.txt against the hand-checked bench/audit_times.jsonl and
bench/audit_quantities.jsonl (offsets into `analyze(article).text` and the
expected values; their header lines say what was and was not marked).

Times (`doc.times` against the gold times):
- precision: found times that overlap a gold time and carry its value (one of
  its '|'-separated readings; a gold null wants a null value) / found times;
- recall: gold times that some found time overlaps with the right value / gold times.

Quantities (`doc.quantities`, leaving out those khabar itself marks `ordinal`:
ranks of a series, not amounts; their number is printed):
- value precision: found quantities that overlap a gold quantity with the same
  value / found quantities;
- value+unit precision: the same, and khabar's unit is one of the gold's
  '|'-separated unit names;
- recall: gold quantities that some found quantity overlaps with the same value
  / gold quantities (value+unit recall is printed too).

Sets (--set, same scoring): `tuned` (default), the 30 articles above, which the rules were tuned
on; `heldout`, the 15 articles of bench/audit_heldout_articles.txt with bench/audit_heldout_times.jsonl
and bench/audit_heldout_quantities.jsonl, annotated before khabar's output on them was seen.

Usage: python bench/audit.py [--set tuned|heldout] [--errors]   (--errors lists every miss and false positive)
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, ROOT  # noqa: E402

import khabar  # noqa: E402
from khabar.ingest.reader import iter_articles  # noqa: E402

BENCH = ROOT / "bench"
FARS = DATA / "news" / "farsnews"
# --set: the articles file, the gold times and the gold quantities.
SETS = {
    "tuned": ("audit_articles.txt", "audit_times.jsonl", "audit_quantities.jsonl"),
    "heldout": ("audit_heldout_articles.txt", "audit_heldout_times.jsonl", "audit_heldout_quantities.jsonl"),
}


def read_jsonl(path: Path) -> dict[str, list[dict]]:
    """The gold items of a file by article label (lines starting with # are comments)."""
    out: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rec = json.loads(line)
            out.setdefault(rec["article"], []).append(rec)
    return out


def read_articles(listing: str = "audit_articles.txt") -> dict[str, object]:
    """The audit articles by label, in the order of the listing file (bench/audit_articles.txt by default)."""
    lines = (BENCH / listing).read_text(encoding="utf-8").splitlines()
    labels = [s.strip() for s in lines if s.strip() and not s.startswith("#")]
    found: dict[str, object] = {}
    for name in sorted({label.split("#")[0] for label in labels}):
        found.update((k, a) for k, a in iter_articles((FARS / name).read_bytes(), name) if k in labels)
    return {label: found[label] for label in labels}


def overlaps(g: dict, x) -> bool:
    return g["start"] < x.end and x.start < g["end"]


def time_ok(g: dict, t) -> bool:
    return t.value is None if g["value"] is None else t.value in g["value"].split("|")


def same_value(g: dict, q) -> bool:
    a, b = g["value"], q.value
    if isinstance(a, list) or isinstance(b, list):
        return list(a) == list(b) if isinstance(a, list) and isinstance(b, list) else False
    return abs(a - b) <= 1e-9 * max(abs(a), 1)


def unit_ok(g: dict, q) -> bool:
    return q.unit is not None and q.unit in g["unit"].split("|")


def gold_text(gold: list[dict], x, fmt) -> str:
    return ", ".join(fmt(g) for g in gold if overlaps(g, x)) or "no gold"


def score_times(label: str, doc, gold: list[dict], tally: Counter, errors: list[str]) -> None:
    tally["times found"] += len(doc.times)
    tally["times gold"] += len(gold)
    for t in doc.times:
        if any(overlaps(g, t) and time_ok(g, t) for g in gold):
            tally["times right"] += 1
        else:
            want = gold_text(gold, t, lambda g: repr(g["value"]))
            errors.append(f"time FP   {label} {t.start}-{t.end} {t.text!r} {t.value!r} vs gold {want}")
    for g in gold:
        if any(overlaps(g, t) and time_ok(g, t) for t in doc.times):
            tally["times recalled"] += 1
        else:
            got = [(t.text, t.value) for t in doc.times if overlaps(g, t)]
            text = doc.text[g["start"] : g["end"]]
            errors.append(f"time miss {label} {g['start']}-{g['end']} {text!r} want {g['value']!r} got {got or 'nothing'}")


def score_quantities(label: str, doc, gold: list[dict], tally: Counter, errors: list[str]) -> None:
    found = [q for q in doc.quantities if not q.ordinal]
    tally["ordinals left out"] += len(doc.quantities) - len(found)
    tally["quantities found"] += len(found)
    tally["quantities gold"] += len(gold)
    for q in found:
        value = any(overlaps(g, q) and same_value(g, q) for g in gold)
        unit = any(overlaps(g, q) and same_value(g, q) and unit_ok(g, q) for g in gold)
        tally["value right"] += value
        tally["value+unit right"] += unit
        if not unit:
            want = gold_text(gold, q, lambda g: f"{g['value']} {g['unit']}")
            what = "unit FP " if value else "value FP"
            errors.append(f"qty {what} {label} {q.start}-{q.end} {q.text!r} {q.value} {q.unit} vs gold {want}")
    for g in gold:
        near = [q for q in found if overlaps(g, q) and same_value(g, q)]
        tally["quantities recalled"] += bool(near)
        tally["quantities recalled with unit"] += any(unit_ok(g, q) for q in near)
        if not near:
            got = [(q.text, q.value, q.unit) for q in found if overlaps(g, q)]
            text = doc.text[g["start"] : g["end"]]
            errors.append(f"qty miss     {label} {g['start']}-{g['end']} {text!r} want {g['value']} {g['unit']} got {got or 'nothing'}")


def ratio(tally: Counter, a: str, b: str) -> str:
    return f"{tally[a]}/{tally[b]} = {tally[a] / tally[b]:.1%}" if tally[b] else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description="Time and quantity audit of issue 22.")
    parser.add_argument("--set", choices=sorted(SETS), default="tuned", help="which audit set (default: tuned)")
    parser.add_argument("--errors", action="store_true", help="list every miss and false positive")
    args = parser.parse_args()
    if not FARS.exists():
        print(f"skip: {FARS} not found")
        return
    listing, times_file, quantities_file = SETS[args.set]
    times, quantities = read_jsonl(BENCH / times_file), read_jsonl(BENCH / quantities_file)
    tally: Counter = Counter()
    errors: list[str] = []
    articles = read_articles(listing)
    for label, article in articles.items():
        doc = khabar.analyze(article)
        score_times(label, doc, times.get(label, []), tally, errors)
        score_quantities(label, doc, quantities.get(label, []), tally, errors)
    print(f"set {args.set}: {len(articles)} articles, {tally['times gold']} gold times, {tally['quantities gold']} gold quantities")
    print(f"times: precision {ratio(tally, 'times right', 'times found')}, recall {ratio(tally, 'times recalled', 'times gold')}")
    print(f"quantities: value precision {ratio(tally, 'value right', 'quantities found')}, "
          f"value+unit precision {ratio(tally, 'value+unit right', 'quantities found')}")
    print(f"quantities: recall {ratio(tally, 'quantities recalled', 'quantities gold')}, "
          f"value+unit recall {ratio(tally, 'quantities recalled with unit', 'quantities gold')} "
          f"({tally['ordinals left out']} ordinals left out)")
    if args.errors:
        print(*errors, sep="\n")


if __name__ == "__main__":
    main()
