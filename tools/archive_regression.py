"""Archive regression check: the JSON of `analyze` over the whole news archive.

    python tools/archive_regression.py snapshot OUT.jsonl [--workers 2] [--limit N]
    python tools/archive_regression.py diff BEFORE.jsonl AFTER.jsonl [--show 5]

`snapshot` reads every record of ../shared/data/news (farsnews and varzesh3) with
khabar's own JSON reader, analyzes it with its publication date and writes one
line per article: {"label", "doc"} where doc is `analyze(article).to_dict()`.
`diff` reports, per layer, how many articles differ and shows the first
differences, so a refactoring can prove it changed nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("KHABAR_DATA", ROOT.parent / "shared" / "data"))


def archive_files() -> list[Path]:
    """The archive's JSON files, in a fixed order."""
    return sorted((DATA / "news").glob("*/*.json"))


def _snapshot_file(path: str) -> list[str]:
    from khabar.errors import KhabarError
    from khabar.ingest.reader import iter_articles
    from khabar.pipeline import analyze

    lines = []
    for label, article in iter_articles(Path(path).read_bytes(), Path(path).name):
        if isinstance(article, KhabarError):
            lines.append(json.dumps({"label": label, "error": str(article)}, ensure_ascii=False))
            continue
        doc = analyze(article)
        lines.append(json.dumps({"label": label, "doc": doc.to_dict()}, ensure_ascii=False, sort_keys=True))
    return lines


def snapshot(out: Path, workers: int) -> None:
    files = [str(p) for p in archive_files()]
    if not files:
        sys.exit(f"no archive under {DATA / 'news'}")
    with ProcessPoolExecutor(workers) as pool, out.open("w", encoding="utf-8") as fh:
        for lines in pool.map(_snapshot_file, files):
            for line in lines:
                fh.write(line + "\n")


def _load(path: Path) -> dict[str, dict]:
    return {rec["label"]: rec for rec in map(json.loads, path.open(encoding="utf-8"))}


def _as_before(before: dict, after: dict) -> dict:
    """`after` without the keys that `before` does not have (top level, and in
    the items of each layer), to compare behaviour across a change of schema."""
    out = {}
    for key, value in after.items():
        if key not in before:
            continue
        old = before[key]
        if isinstance(value, list) and isinstance(old, list) and old and isinstance(old[0], dict):
            keys = set().union(*(item.keys() for item in old))
            value = [{k: v for k, v in item.items() if k in keys} for item in value]
        elif isinstance(value, dict) and isinstance(old, dict):
            value = {k: v for k, v in value.items() if k in old}
        out[key] = value
    return out


def diff(before: Path, after: Path, show: int, new_keys: bool = False) -> int:
    """Print the layers that differ; return the number of articles that differ.
    With `new_keys`, keys that only `after` has are not compared."""
    a, b = _load(before), _load(after)
    changed: Counter[str] = Counter()
    differing: set[str] = set()
    shown = 0
    for label in sorted(a.keys() | b.keys()):
        ra, rb = a.get(label), b.get(label)
        if ra == rb:
            continue
        if ra is None or rb is None or "doc" not in ra or "doc" not in rb:
            changed["(record)"] += 1
            differing.add(label)
            continue
        da, db = ra["doc"], rb["doc"]
        if new_keys:
            db = _as_before(da, db)
        for key in sorted(da.keys() | db.keys()):
            if da.get(key) != db.get(key):
                changed[key] += 1
                differing.add(label)
                if shown < show:
                    shown += 1
                    _show(label, key, da.get(key), db.get(key))
    total = sum(changed.values()) and len(differing)
    print(f"{len(a)} before, {len(b)} after, {total} articles differ")
    for key, n in changed.most_common():
        print(f"  {key}: {n}")
    return total


def _show(label: str, key: str, x, y) -> None:
    print(f"--- {label} [{key}]")
    if isinstance(x, list) and isinstance(y, list):
        xs = {json.dumps(i, ensure_ascii=False, sort_keys=True) for i in x}
        ys = {json.dumps(i, ensure_ascii=False, sort_keys=True) for i in y}
        for item in sorted(xs - ys)[:3]:
            print("  -", item[:400])
        for item in sorted(ys - xs)[:3]:
            print("  +", item[:400])
    else:
        print("  -", json.dumps(x, ensure_ascii=False)[:400])
        print("  +", json.dumps(y, ensure_ascii=False)[:400])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    snap = sub.add_parser("snapshot")
    snap.add_argument("out", type=Path)
    snap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    dif = sub.add_parser("diff")
    dif.add_argument("before", type=Path)
    dif.add_argument("after", type=Path)
    dif.add_argument("--show", type=int, default=5)
    dif.add_argument("--new-keys", action="store_true", help="ignore keys only AFTER has (a schema change)")
    args = parser.parse_args()
    if args.cmd == "snapshot":
        snapshot(args.out, args.workers)
    else:
        sys.exit(1 if diff(args.before, args.after, args.show, args.new_keys) else 0)


if __name__ == "__main__":
    main()
