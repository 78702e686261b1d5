"""Speed of `analyze` as a user calls it: one article at a time, on one core.

    python bench/analyze_speed.py [--articles 300] [--rounds 3] [--against SRC_DIR] [--no-write]

Articles of the Fars News and Varzesh3 archive (../shared/data/news) are
analyzed one by one, each layer set in turn (all layers; all but events; only
normalize, tokenize, tag, times, quantities, entities); the figure is words per
second of CPU time (the best of `--rounds`). With `--against SRC_DIR` (another
checkout's `src`, e.g. the last release) both run in the same session,
interleaved round by round, each in a fresh process, and the table shows the
ratio — on a shared, noisy machine only a ratio measured side by side means
anything.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, ROOT, write_section  # noqa: E402

LAYER_SETS = {
    "all layers": None,
    "all but events": ["tag", "entities", "times", "quantities"],
    "normalize": ["normalize"],
    "tokenize": ["tokenize"],
    "tag": ["tag"],
    "times": ["times"],
    "quantities": ["quantities"],
    "entities": ["entities"],
}

WORKER = r"""
import json, sys, time
from datetime import date
import khabar
from khabar.ingest.reader import iter_articles
from pathlib import Path

paths, limit, layer_sets = json.loads(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
articles = []
for p in paths:
    for _, a in iter_articles(Path(p).read_bytes(), Path(p).name):
        if not isinstance(a, Exception):
            articles.append(a)
    if len(articles) >= limit:
        break
articles = articles[:limit]
words = sum(len(a.text().split()) for a in articles)
known = set(getattr(__import__("khabar.pipeline", fromlist=["x"]), "COMPONENTS", {}) or [])
out = {"words": words, "articles": len(articles)}
for a in articles:
    khabar.analyze(a)  # one untimed pass: models loaded and caches warm for every layer set alike
for name, layers in layer_sets.items():
    if layers is not None and known and not set(layers) <= known:
        continue
    kwargs = {} if layers is None else {"layers": layers}
    if layers is not None and not known:
        continue  # a khabar before named layers: only "all layers"
    t = time.process_time()
    for a in articles:
        khabar.analyze(a, **kwargs)
    out[name] = words / (time.process_time() - t)
print(json.dumps(out))
"""


def archive_files() -> list[str]:
    farsnews = sorted((DATA / "news/farsnews").glob("*.json"))
    varzesh3 = sorted((DATA / "news/varzesh3").glob("*.json"))
    return [str(p) for p in farsnews[-1:] + varzesh3[-1:]]  # the last files: older text, another sport


def run(src: Path, files: list[str], articles: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    res = subprocess.run(
        [sys.executable, "-c", WORKER, json.dumps(files), str(articles), json.dumps(LAYER_SETS)],
        capture_output=True, text=True, env=env, check=True,
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    args = sys.argv[1:]
    articles = int(args[args.index("--articles") + 1]) if "--articles" in args else 300
    rounds = int(args[args.index("--rounds") + 1]) if "--rounds" in args else 3
    against = Path(args[args.index("--against") + 1]) if "--against" in args else None
    if against is not None and not (against / "khabar" / "__init__.py").exists():
        sys.exit(f"--against {against}: no khabar package there (a checkout's src folder is needed)")
    if not (DATA / "news").exists():
        print("skip: ../shared/data not found")
        return
    files = archive_files()
    sides = {"this": ROOT / "src"} | ({"against": against} if against else {})
    best: dict[str, dict[str, float]] = {side: {} for side in sides}
    meta = {}
    for r in range(rounds):
        for side, src in sides.items():
            result = run(src, files, articles)
            meta = {"words": result.pop("words"), "articles": result.pop("articles")}
            for name, rate in result.items():
                best[side][name] = max(best[side].get(name, 0.0), rate)
        print(f"round {r + 1}/{rounds}: " + ", ".join(f"{s} all={best[s].get('all layers', 0):,.0f}" for s in sides))
    head = "| layers | words/s |" + (" against | ratio |" if against else "") + "\n"
    head += "|---|---|" + ("---|---|" if against else "") + "\n"
    rows = []
    for name in LAYER_SETS:
        if name not in best["this"]:
            continue
        row = f"| {name} | {best['this'][name]:,.0f} |"
        if against:
            other = best["against"].get(name)
            row += f" {other:,.0f} | {best['this'][name] / other:.2f} |" if other else " – | – |"
        rows.append(row)
    table = head + "\n".join(rows)
    about = (f"{meta['articles']} articles, {meta['words']:,} words (the last Fars News and Varzesh3 files), "
             f"one at a time, CPU time, best of {rounds} rounds")
    print(about)
    print(table)
    if "--no-write" not in args:
        cmd = "python bench/analyze_speed.py" + (f" --against {against}" if against else "")
        write_section("Speed of analyze, per article", f"Command: `{cmd}` ({about}).\n\n{table}")


if __name__ == "__main__":
    main()
