"""Time-expression benchmark on parstdex's gold sentences (../shared/data/times):
span precision/recall/F1 (exact character spans, and overlapping spans) of
khabar side by side with parstdex itself (run in bench/.venv-parstdex when it
exists: `python -m venv bench/.venv-parstdex && bench/.venv-parstdex/bin/pip
install parstdex`), and words/s.

Usage: python bench/times.py [--errors=N] [--no-write]
       python bench/times.py --compare=OTHER_SRC [--rounds=N]

`--compare` times the time layer of this checkout and of another one (its
`src/` folder, e.g. an untouched baseline) side by side: the same normalized
Fars News text, each side in its own process, the runs interleaved, best of
each; it prints the ratio and writes nothing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, ROOT, write_section  # noqa: E402

from khabar import normalize_aligned  # noqa: E402
from khabar.extract.times import extract_times  # noqa: E402

GOLD = DATA / "times" / "data.json"
PARSTDEX = ROOT / "bench" / ".venv-parstdex" / "bin" / "python"
PARSTDEX_CODE = """
import json, sys
from parstdex import Parstdex
model = Parstdex()
out = []
for line in sys.stdin.read().split("\\n"):
    spans = model.extract_span(line)
    out.append(sorted(set(tuple(s) for s in spans.get("datetime", []))))
print(json.dumps(out))
"""


def ours(sentence: str) -> list[tuple[int, int]]:
    norm, offsets = normalize_aligned(sentence)
    spans = []
    for t in extract_times(norm):
        start, end = offsets[t.start], offsets[t.end]
        while end > start and sentence[end - 1].isspace():
            end -= 1
        spans.append((start, end))
    return spans


def score(gold: list[list[tuple[int, int]]], pred: list[list[tuple[int, int]]]) -> dict[str, float]:
    tp = fp = fn = otp = ofp = ofn = 0
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        tp += len(gs & ps)
        fp += len(ps - gs)
        fn += len(gs - ps)
        ofp += sum(not any(a < d and c < b for c, d in gs) for a, b in ps)
        ofn += sum(not any(a < d and c < b for a, b in ps) for c, d in gs)
        otp += sum(any(a < d and c < b for c, d in gs) for a, b in ps)
    def f(t, p_, n_):
        prec = t / (t + p_) if t + p_ else 0.0
        rec = t / (t + n_) if t + n_ else 0.0
        return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return {"exact": f(tp, fp, fn), "overlap": f(otp, ofp, ofn)}


def table_accuracy() -> tuple[int, int]:
    import csv
    from datetime import date

    import khabar

    rows = []
    for name in ("times.tsv", "times_systematic.tsv"):
        lines = [line for line in (ROOT / "tests" / "data" / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        rows += csv.DictReader(lines, delimiter="\t")
    right = 0
    for row in rows:
        found = extract_times(khabar.normalize(row["sentence"]), date(2021, 6, 30))
        right += len(found) == 1 and (found[0].kind, found[0].value or "", found[0].calendar or "") == (
            row["kind"], row["value"], row["calendar"])
    return right, len(rows)


def news_speed() -> tuple[float, float, int]:
    """Words/s on normalized Fars News text, and on the same text without the
    words that could start a time expression (nothing to find); what the
    second still found."""
    from speed import news_text

    import khabar
    from khabar.extract.times.gate import LETTERS, keyword_index

    text = khabar.normalize("\n\n".join(news_text()))
    keywords = keyword_index()
    empty = "\n".join(  # the same paragraphs, without those words
        " ".join(w for w in line.split()
                 if not any(c.isdigit() for c in w) and not any(k in keywords for k in LETTERS.findall(w)))
        for line in text.split("\n")
    )
    extract_times("ساعت ۱۰ روز ۱۲ تیر ۱۴۰۰")  # compile the patterns first

    def rate(sample: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            extract_times(sample)
            best = min(best, time.process_time() - start)
        return len(sample.split()) / best

    return rate(text), rate(empty), len(extract_times(empty))


TIMING_CODE = """
import sys, time
from datetime import date
from khabar.extract.times import extract_times
text = sys.stdin.read()
extract_times("ساعت ۱۰ روز ۱۲ تیر ۱۴۰۰", date(2021, 6, 30))  # compile the patterns first
best = {}
for published in (None, date(2021, 6, 30)):
    for _ in range(3):
        start = time.process_time()
        extract_times(text, published)
        spent = time.process_time() - start
        best[str(published)] = min(best.get(str(published), spent), spent)
print(best["None"], best["2021-06-30"])
"""


def compare(other_src: str, rounds: int) -> None:
    """This checkout's time layer against another's, interleaved in one run."""
    from speed import news_text

    import khabar

    text = khabar.normalize("\n\n".join(news_text()))
    words = len(text.split())
    sides = {"this": str(ROOT / "src"), "other": other_src}
    best: dict[str, list[float]] = {side: [float("inf"), float("inf")] for side in sides}
    for _ in range(rounds):
        for side, src in sides.items():
            env = {**os.environ, "PYTHONPATH": src}
            out = subprocess.run([sys.executable, "-c", TIMING_CODE], input=text, capture_output=True, text=True,
                                 env=env, check=True, cwd="/").stdout.split()
            best[side] = [min(b, float(x)) for b, x in zip(best[side], out, strict=True)]
    for i, label in enumerate(("no publication date", "published 2021-06-30")):
        this, other = best["this"][i], best["other"][i]
        print(f"{label}: this {words / this:,.0f} words/s, other ({other_src}) {words / other:,.0f} words/s; "
              f"speed ratio this/other {other / this:.3f}")


def main() -> None:
    if other := next((a.split("=", 1)[1] for a in sys.argv if a.startswith("--compare=")), None):
        compare(other, int(next((a.split("=")[1] for a in sys.argv if a.startswith("--rounds=")), 5)))
        return
    if not GOLD.exists():
        print("skip: ../shared/data/times not found")
        return
    items = json.loads(GOLD.read_text(encoding="utf-8"))
    sentences = [x["test_input"] for x in items]
    gold = [[tuple(s) for s in json.loads(x["expected"])] for x in items]
    start = time.process_time()
    pred = [ours(s) for s in sentences]
    secs = time.process_time() - start
    words = sum(len(s.split()) for s in sentences)
    rows = [("khabar", score(gold, pred))]
    if PARSTDEX.exists():
        res = subprocess.run([str(PARSTDEX), "-c", PARSTDEX_CODE], input="\n".join(s.replace("\n", " ") for s in sentences),
                             capture_output=True, text=True, timeout=900)
        try:
            theirs = [[tuple(s) for s in spans] for spans in json.loads(res.stdout)]
            rows.append(("parstdex", score(gold, theirs)))
        except (ValueError, TypeError):
            print("parstdex could not run:", res.stderr.strip().splitlines()[-1:])
    show = int(next((a.split("=")[1] for a in sys.argv if a.startswith("--errors=")), 0))
    for s, g, p in list(zip(sentences, gold, pred, strict=True)):
        if show and set(g) != set(p):
            show -= 1
            print(s, "\n  gold:", [s[a:b] for a, b in g], "\n  ours:", [s[a:b] for a, b in p])
    lines = ["| system | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 |", "|---|---|---|---|---|---|---|"]
    for name, sc in rows:
        lines.append(f"| {name} | " + " | ".join(f"{v:.3f}" for v in (*sc["exact"], *sc["overlap"])) + " |")
    table = "\n".join(lines)
    right, total = table_accuracy()
    news_rate, empty_rate, leftover = news_speed()
    table += (
        f"\n\nValues right on khabar's tables (tests/data/times*.tsv, resolved against 2021-06-30): {right}/{total}."
        f"\n\nSpeed: {news_rate:,.0f} words/s extracting times from normalized Fars News text (patterns compiled, best of 3); "
        f"{empty_rate:,.0f} words/s on the same text without digits and the words a time expression needs "
        f"(nothing to find; {leftover} found); "
        f"{words / secs:,.0f} words/s on the 305 short gold sentences (normalization with alignment included)."
    )
    print(table)
    if "--no-write" not in sys.argv:
        write_section(
            "Time expressions",
            "Command: `python bench/times.py` (parstdex's 305 gold sentences; khabar's spans "
            "found in normalized text and mapped back to the input through the alignment; "
            "exact = same start and end, overlap = any shared character).\n\n" + table,
        )


if __name__ == "__main__":
    main()
