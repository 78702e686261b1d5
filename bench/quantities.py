"""Quantities benchmark: value accuracy on tests/data/quantities*.tsv, and speed of
scanning normalized news text (Fars News) with its quantities, and the same text
with every digit and number word taken out (nothing to find). One core, CPU time.

Usage: python bench/quantities.py [--no-write]
"""

from __future__ import annotations

import csv
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import ROOT, write_section  # noqa: E402
from speed import news_text  # noqa: E402

import khabar  # noqa: E402
from khabar.extract.numbers import _CANDIDATE, extract_quantities  # noqa: E402


def table_accuracy() -> tuple[int, int]:
    rows = []
    for name in ("quantities.tsv", "quantities_systematic.tsv"):
        path = ROOT / "tests" / "data" / name
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
        rows += csv.DictReader(lines, delimiter="\t")
    right = 0
    for row in rows:
        found = extract_quantities(khabar.normalize(row["sentence"]))
        want = (row["kind"], json.loads(row["value"]), row["unit"], row["approx"])
        right += len(found) == 1 and (found[0].kind, found[0].value, found[0].unit or "", found[0].approx or "") == want
    return right, len(rows)


def rate(text: str) -> tuple[float, int]:
    words = len(text.split())
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        found = extract_quantities(text)
        best = min(best, time.process_time() - start)
    return words / best, len(found)


def main() -> None:
    right, total = table_accuracy()
    text = khabar.normalize("\n\n".join(news_text()))
    empty = " ".join(w for w in text.split() if not _CANDIDATE.search(" " + w))
    with_rate, found = rate(text)
    empty_rate, leftover = rate(empty)
    body = (
        f"Values right on the table: {right}/{total}.\n\n"
        f"| text | words/s | quantities found |\n|---|---|---|\n"
        f"| Fars News, normalized ({len(text.split()):,} words) | {with_rate:,.0f} | {found:,} |\n"
        f"| the same without digits and number words | {empty_rate:,.0f} | {leftover} |"
    )
    print(body)
    if "--no-write" not in sys.argv:
        write_section("Quantities", "Command: `python bench/quantities.py`.\n\n" + body)


if __name__ == "__main__":
    main()
