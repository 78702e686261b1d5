"""Event coding benchmark on our annotated Fars News articles (bench/events_dev.jsonl,
docs/events.md): precision, recall and F1 for the event type, for type + source +
target (actors compared by country code, or knowledge-base id for groups without a
state), and for type + date; separately for the articles used while writing the
rules (dev) and those held out from it (heldout). Then the speed of `analyze` with
the events layer against the same run without it.

A predicted event meets a gold one when one of its evidence sentences holds one of
the gold event's mentions; each gold event is met at most once. Predicted events
marked negated or hypothetical are left out (the annotation leaves them out).

Usage: python bench/events.py [--errors] [--speed-articles N] [--no-write]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, ROOT, write_section  # noqa: E402

import khabar  # noqa: E402
from khabar.ingest.reader import iter_articles  # noqa: E402
from khabar.pipeline import COMPONENTS, Pipeline  # noqa: E402

GOLD = ROOT / "bench" / "events_dev.jsonl"
NEWS = DATA / "news" / "farsnews"
LEFT_OUT = ("negated", "hypothetical")


@lru_cache(maxsize=8)
def articles(name: str) -> list:
    return [a for _, a in iter_articles((NEWS / name).read_bytes(), name)]


def article(label: str):
    name, index = label.split("#")
    return articles(name)[int(index)]


def gold_records() -> list[dict]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.startswith("#")]


def actor_ok(gold: dict | None, pred) -> bool:
    if gold is None:
        return pred is None
    if pred is None:
        return False
    codes = {c for c in [gold.get("country"), *gold.get("alt", [])] if c}
    if not codes:
        s, e = gold["span"]
        return pred.country is None or (pred.raw[0] < e and s < pred.raw[1])
    return pred.country in codes or (pred.kb_id or "") in codes


def actors_ok(gold: dict, pred) -> bool:
    direct = actor_ok(gold["source"], pred.source) and actor_ok(gold["target"], pred.target)
    if direct or not gold.get("symmetric"):
        return direct
    return actor_ok(gold["source"], pred.target) and actor_ok(gold["target"], pred.source)


class Pred:
    """A predicted event with raw offsets (the gold set's coordinates)."""

    def __init__(self, doc, event) -> None:
        self.event = event
        self.type = event.type
        self.date = event.date
        self.evidence = [doc.raw_span(a, b) for a, b in event.evidence]
        self.source = _RawActor(doc, event.source)
        self.target = _RawActor(doc, event.target)
        if event.source is None:
            self.source = None
        if event.target is None:
            self.target = None


class _RawActor:
    def __init__(self, doc, actor) -> None:
        if actor is None:
            return
        self.country, self.kb_id, self.text = actor.country, actor.kb_id, actor.text
        self.raw = doc.raw_span(actor.start, actor.end)


def score(records: list[dict], docs: dict, show_errors: bool) -> dict[str, dict[str, float]]:
    counts = Counter()
    for rec in records:
        doc = docs[rec["article"]]
        preds = [Pred(doc, e) for e in doc.events if not set(e.context) & set(LEFT_OUT)]
        golds = rec["events"]
        published = rec["published"]
        pairs = []
        for gi, g in enumerate(golds):
            for pi, p in enumerate(preds):
                if not any(a <= m[0] < b for m in g["mentions"] for a, b in p.evidence):
                    continue
                gdate = published if g["date"] == "pub" else g["date"]
                type_ok = p.type == g["type"]
                pairs.append(((type_ok, type_ok and actors_ok(g, p), type_ok and p.date == gdate), gi, pi))
        pairs.sort(key=lambda x: x[0], reverse=True)
        used_g, used_p, matched = set(), set(), {}
        for ok, gi, pi in pairs:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            matched[gi] = (pi, ok)
        counts["gold"] += len(golds)
        counts["pred"] += len(preds)
        counts["gold_dated"] += sum(1 for g in golds if g["date"] is not None)
        counts["pred_dated"] += len(preds) - sum(1 for gi in matched if golds[gi]["date"] is None)
        for gi, (_, ok) in matched.items():
            counts["type"] += ok[0]
            counts["actors"] += ok[1]
            if golds[gi]["date"] is not None:
                counts["date"] += ok[2]
        if show_errors:
            _errors(rec, doc, golds, preds, matched)
    out = {}
    for name, pred_n, gold_n in (("type", "pred", "gold"), ("type+source+target", "pred", "gold"),
                                 ("date", "pred_dated", "gold_dated")):
        tp = counts[{"type": "type", "type+source+target": "actors", "date": "date"}[name]]
        p = tp / counts[pred_n] if counts[pred_n] else 0.0
        r = tp / counts[gold_n] if counts[gold_n] else 0.0
        out[name] = {"p": p, "r": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp,
                     "pred": counts[pred_n], "gold": counts[gold_n]}
    return out


def _errors(rec, doc, golds, preds, matched) -> None:
    def side(a):
        return "-" if a is None else f"{a.text}({a.country})"

    def gside(a):
        return "-" if a is None else "/".join(c for c in [a.get("country"), *a.get("alt", [])] if c) or "?"

    pm = {pi: gi for gi, (pi, _) in matched.items()}
    for gi, g in enumerate(golds):
        where = doc.raw_text[g["mentions"][0][0]: g["mentions"][0][1]]
        if gi not in matched:
            print(f"  MISS {rec['article']} {g['type']} «{where}» {gside(g['source'])} → {gside(g['target'])} {g['date']}")
            continue
        pi, ok = matched[gi]
        p = preds[pi]
        if not all(ok[:2]) or (g["date"] is not None and not ok[2]):
            what = "type" if not ok[0] else "actors" if not ok[1] else "date"
            print(f"  DIFF-{what} {rec['article']} gold {g['type']} {gside(g['source'])} → {gside(g['target'])} {g['date']}"
                  f" | pred {p.type} {side(p.source)} → {side(p.target)} {p.date} «{p.event.text}»")
    for pi, p in enumerate(preds):
        if pi not in pm:
            print(f"  EXTRA {rec['article']} {p.type} «{p.event.text}» {side(p.source)} → {side(p.target)} {p.date}")


def speed(n_articles: int) -> dict[str, float]:
    """Words/s of analyze with and without the events layer, on the same articles, interleaved."""
    texts = []
    for name in sorted(p.name for p in NEWS.glob("fars-news-*.json")):
        texts += articles(name)
    texts = texts[:n_articles]
    with_events = Pipeline()
    without = Pipeline(layers=[n for n in COMPONENTS if n != "events"])
    for pipe in (with_events, without):  # load models once
        pipe(texts[0])
    words = 0
    t_with = t_without = 0.0
    t_events = 0.0
    from khabar.extract.events import extract_events

    for n, art in enumerate(texts):  # which run goes first alternates: a second run may find warm caches
        runs = [(without, "without"), (with_events, "with")]
        for pipe, name in runs if n % 2 else runs[::-1]:
            t0 = time.perf_counter()
            doc = pipe(art)
            spent = time.perf_counter() - t0
            if name == "with":
                t_with += spent
            else:
                t_without += spent
                plain = doc
        t0 = time.perf_counter()
        extract_events(plain)
        t_events += time.perf_counter() - t0
        words += sum(1 for t in plain.tokens if t.pos != "PUNCT")
    return {"articles": len(texts), "words": words, "with": words / t_with, "without": words / t_without,
            "events_only": words / t_events, "ratio": t_without / t_with}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="print every miss, difference and extra event")
    parser.add_argument("--split", choices=("dev", "heldout", "all"), default=None, help="errors of this split only")
    parser.add_argument("--only", choices=("dev", "heldout"), default=None, help="score this split only")
    parser.add_argument("--speed-articles", type=int, default=300)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if not NEWS.is_dir():
        sys.exit(f"no data at {NEWS}")
    records = gold_records()
    docs = {rec["article"]: khabar.analyze(article(rec["article"])) for rec in records}
    lines = ["| split | articles | gold events | measure | P | R | F1 |", "|---|---:|---:|---|---:|---:|---:|"]
    for split in (args.only,) if args.only else ("dev", "heldout", "all"):
        part = [r for r in records if split == "all" or r["split"] == split]
        show = args.errors and (args.split in (split, None) and split != "all" or args.split == "all" == split)
        if show:
            print(f"== errors: {split}")
        res = score(part, docs, show)
        for name, m in res.items():
            lines.append(f"| {split} | {len(part)} | {m['gold']} | {name} | {m['p']:.2f} | {m['r']:.2f} | {m['f1']:.2f} |")
    sp = speed(args.speed_articles) if args.speed_articles else None
    body = "\n".join(lines)
    if sp:
        body += (f"\n\nSpeed on {sp['articles']} Fars News articles ({sp['words']:,} words), one process: analyze "
                 f"with events {sp['with']:,.0f} words/s, without {sp['without']:,.0f} words/s "
                 f"(ratio {sp['ratio']:.2f}); the events layer alone {sp['events_only']:,.0f} words/s.")
    print(body)
    if not args.no_write:
        write_section("Events (PLOVER/CAMEO)", "Command: `python bench/events.py`\n\n" + body)


if __name__ == "__main__":
    main()
