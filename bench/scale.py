"""Scale, in one run: words/s on one core per layer; articles/s of `khabar run`
with 1 and 2 workers (local processes and a Dask LocalCluster) and the peak
memory of a worker; time and extra memory of one huge document (1, 5 and 20
MB, made at run time from the archive's articles) through `khabar.analyze_stream`
(each part's tokens counted and its JSON written to a null sink, as a user
writing JSON lines would; the time that JSON took is reported beside) and, up to --whole-max-mb, through `khabar.analyze`
whole, each in a fresh process.

    python bench/scale.py                        # full size: the whole archive, 1/5/20 MB
    python bench/scale.py --articles 200 --sizes 0.25,1 --layer-articles 40   # a quick look
    python bench/scale.py --json scale.json      # the figures as JSON too

Options: --articles N (archive articles for the throughput runs; default all),
--sizes MB,MB,… (single documents; default 1,5,20), --whole-max-mb MB (the
largest of them also analysed whole; default 5), --layer-articles N (for
the per-layer speed; default 300), --workers 1,2, --engines local,dask,
--doc-timeout S (per single document; default 3600), --skip layers,runs,docs.

Throughput is wall time of the whole run (workers starting and loading
models included) and, beside it, the rate after the first task came back (the
workers' steady state). Every run is also timed in CPU seconds of the workers'
tasks (model loading not included): articles per CPU second is the rate of
one busy core, and on a machine shared with other work `cpu / (wall ×
workers)` says how much of the cores the run had. Before the runs, n processes that only
burn CPU for 3 s measure how many cores the machine gives now: the ceiling
of any speed-up beside it. The Dask run's Parquet is compared with the
local run's (same rows, same bytes). Nothing is written to docs/: the figures
are printed (and saved with --json)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _common import DATA, ROOT  # noqa: E402

SOURCES = ("farsnews", "varzesh3")

DOC_WORKER = r"""
import gc, json, os, sys, time
from pathlib import Path
import khabar

def rss(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0

files, size, mode = json.loads(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
khabar.analyze("به گزارش ایرنا، وزیر امور خارجه روز دوشنبه ۱۲ تیر ۱۴۰۰ در تهران با ۳ هزار نفر دیدار کرد.")
want, parts, have = int(size * 1024 * 1024), [], 0
while have < want:
    for f in files:
        for rec in json.loads(Path(f).read_text(encoding="utf-8")):
            body = rec.get("paragraphs") or ""
            text = "\n".join([rec.get("title") or "", rec.get("abstract") or "", body if isinstance(body, str) else "\n".join(body)])
            parts.append(text)
            have += len(text.encode()) + 2
            if have >= want:
                break
        if have >= want:
            break
text = "\n\n".join(parts)
del parts
mb, words = len(text.encode()) / 2**20, len(text.split())  # before the peak is reset: split() alone costs ~70 bytes a word
gc.collect()
try:
    open("/proc/self/clear_refs", "w").write("5")  # peak memory counted from here
except OSError:
    pass
base = rss("VmRSS")
t, c = time.perf_counter(), time.process_time()
found = {}
if mode == "whole":
    doc = khabar.analyze(text)
    tokens = len(doc.tokens)
else:  # the stream, consumed as a user writing JSON lines would: each part serialized, then dropped
    tokens, n, slowest, json_s = 0, 0, 0.0, 0.0
    sink = open(os.devnull, "w", encoding="utf-8")
    last = time.perf_counter()
    for doc in khabar.analyze_stream(text):
        tokens += len(doc.tokens)
        started = time.perf_counter()
        sink.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
        n += 1
        now = time.perf_counter()
        json_s += now - started
        slowest, last = max(slowest, now - last), now
    del doc
    found = {"parts": n, "slowest_part_s": slowest, "json_s": json_s}
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"mode": mode, "mb": mb, "words": words, "tokens": tokens, "seconds": wall,
                  "s_per_mb": wall / mb, "cpu": cpu, "extra_mb": rss("VmHWM") - base, "base_mb": base, **found}))
"""


def _burn(seconds: float) -> float:
    started, cpu, x = time.perf_counter(), time.process_time(), 0
    while time.perf_counter() - started < seconds:
        x += 1
    return time.process_time() - cpu


def calibrate(workers: list[int], seconds: float = 3.0) -> dict[str, float]:
    """Cores this machine gives now to n busy processes (CPU seconds / wall
    seconds): the ceiling of any speed-up measured beside it."""
    import multiprocessing

    found = {}
    for n in workers:
        with multiprocessing.get_context("fork").Pool(n) as pool:
            found[str(n)] = round(sum(pool.map(_burn, [seconds] * n)) / seconds, 2)
    return found


def archive() -> list[Path]:
    return [p for s in SOURCES for p in sorted((DATA / "news" / s).glob("*.json"))]


def sample(articles: int | None, folder: Path) -> tuple[list[str], int]:
    """The archive's files (all articles), or the first articles of each file
    written to `folder` (as many from each); the number of articles."""
    files = archive()
    if articles is None:
        return [str(p) for p in files], sum(len(json.loads(p.read_text(encoding="utf-8"))) for p in files)
    each = -(-articles // len(files))
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for p in files:
        records = json.loads(p.read_text(encoding="utf-8"))[:each]
        total += len(records)
        (folder / p.name).write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return [str(folder)], total


def input_bytes(inputs: list[str]) -> int:
    paths = [Path(i) for i in inputs]
    return sum(f.stat().st_size for p in paths for f in ([p] if p.is_file() else p.rglob("*.json")))


def layer_speed(articles: int) -> dict[str, float]:
    from analyze_speed import archive_files
    from analyze_speed import run as measure

    return measure(ROOT / "src", archive_files(), articles)


def throughput(inputs: list[str], engine: str, workers: int, shard_bytes: int, out: Path) -> dict:
    from khabar.scale import run

    marks: list[tuple[float, int]] = []
    started = time.perf_counter()
    report = run(inputs, out, workers=workers, engine=engine, shard_bytes=shard_bytes,
                 on_result=lambda r: marks.append((time.perf_counter(), r.articles)))
    wall = time.perf_counter() - started
    steady = None
    if len(marks) > workers:
        first = marks[0][0]
        done = sum(n for _, n in marks[1:])
        steady = done / (marks[-1][0] - first) if marks[-1][0] > first else None
    return {
        "engine": engine, "workers": report.workers, "articles": report.articles, "skipped": report.skipped,
        "tasks": report.tasks, "wall_s": round(wall, 2), "articles_per_s": round(report.articles / wall, 2),
        "steady_articles_per_s": round(steady, 2) if steady else None, "cpu_s": report.cpu_seconds,
        "articles_per_cpu_s": round(report.articles / report.cpu_seconds, 2) if report.cpu_seconds else None,
        "share_of_cores": round(report.cpu_seconds / (wall * report.workers), 2),
        "worker_peak_mb": report.worker_peak_mb, "retried": report.retried, "failed": report.failed,
    }


def same_output(a: Path, b: Path) -> dict:
    from khabar.scale import parquet

    files_a, files_b = parquet.parts(a), parquet.parts(b)
    same_bytes = files_a == files_b and all((a / f).read_bytes() == (b / f).read_bytes() for f in files_a)
    rows_a = sorted(parquet.read(a).to_pylist(), key=lambda r: r["id"])
    rows_b = sorted(parquet.read(b).to_pylist(), key=lambda r: r["id"])
    return {"rows": len(rows_a), "same_rows": rows_a == rows_b, "same_files": same_bytes}


def single_document(size_mb: float, timeout: float, mode: str = "stream") -> dict:
    """One document of `size_mb` in a fresh process: `khabar.analyze` on it
    whole (mode "whole"), or `khabar.analyze_stream` with each part's tokens
    counted and its JSON written to a null sink (mode "stream")."""
    files = [str(p) for p in archive()]
    try:
        res = subprocess.run([sys.executable, "-c", DOC_WORKER, json.dumps(files), str(size_mb), mode],
                             capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"mode": mode, "size_mb": size_mb, "error": f"more than {timeout:.0f} s"}
    except subprocess.CalledProcessError as exc:
        return {"mode": mode, "size_mb": size_mb, "error": (exc.stderr.strip().splitlines() or ["failed"])[-1]}
    found = json.loads(res.stdout.strip().splitlines()[-1])
    found["words_per_s"] = found["words"] / found["cpu"] if found["cpu"] else None
    return {"size_mb": size_mb, **{k: round(v, 2) if isinstance(v, float) else v for k, v in found.items()}}


def option(args: list[str], name: str, default: str | None) -> str | None:
    return args[args.index(name) + 1] if name in args else default


def main() -> None:
    args = sys.argv[1:]
    if not (DATA / "news").is_dir():
        print("skip: ../shared/data not found")
        return
    articles = option(args, "--articles", None)
    sizes = [float(s) for s in option(args, "--sizes", "1,5,20").split(",")]
    whole_max = float(option(args, "--whole-max-mb", "5"))
    layer_articles = int(option(args, "--layer-articles", "300"))
    workers = [int(w) for w in option(args, "--workers", "1,2").split(",")]
    engines = option(args, "--engines", "local,dask").split(",")
    doc_timeout = float(option(args, "--doc-timeout", "3600"))
    skip = set((option(args, "--skip", "") or "").split(","))
    results: dict = {"machine": {"cores": os.cpu_count(), "load_before": os.getloadavg()}}

    if "layers" not in skip:
        print(f"words/s on one core, by layer ({layer_articles} articles) …", flush=True)
        try:
            speeds = layer_speed(layer_articles)
            results["layer_sample"] = {"articles": speeds.pop("articles"), "words": speeds.pop("words")}
            results["layers"] = {k: round(v) for k, v in speeds.items()}
        except subprocess.CalledProcessError as exc:
            results["layers"] = {"error": (exc.stderr.strip().splitlines() or ["failed"])[-1]}
        print(json.dumps(results["layers"], ensure_ascii=False), flush=True)

    if "runs" not in skip:
        results["cores_given"] = calibrate(workers)
        print(f"cores given to 1, 2… busy processes now: {results['cores_given']}", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            inputs, total = sample(int(articles) if articles else None, Path(tmp) / "in")
            shard = max(4096, input_bytes(inputs) // (8 * max(workers)))  # enough tasks for every worker
            results["runs"] = {"articles_in": total, "shard_bytes": shard, "runs": []}
            for engine in engines:
                for n in workers:
                    print(f"khabar run: {engine}, {n} worker(s), {total} articles …", flush=True)
                    try:
                        found = throughput(inputs, engine, n, shard, Path(tmp) / f"{engine}-{n}")
                    except Exception as exc:  # noqa: BLE001 — a run that cannot start is a figure too
                        print(f"  failed: {exc}", flush=True)
                        continue
                    print(json.dumps(found), flush=True)
                    results["runs"]["runs"].append(found)
            results["runs"]["speedup"] = {
                engine: _ratio(results["runs"]["runs"], engine, workers) for engine in engines}
            done = {(r["engine"], r["workers"]) for r in results["runs"]["runs"]}
            if {("local", max(workers)), ("dask", max(workers))} <= done:
                n = max(workers)
                results["runs"]["dask_equals_local"] = same_output(Path(tmp) / f"local-{n}", Path(tmp) / f"dask-{n}")
                print(json.dumps(results["runs"]["dask_equals_local"]), flush=True)

    if "docs" not in skip:
        results["documents"] = []
        for size in sizes:
            for mode in ("stream", "whole"):
                if mode == "whole" and size > whole_max:
                    continue
                print(f"one document of {size:g} MB, {mode} …", flush=True)
                found = single_document(size, doc_timeout, mode)
                print(json.dumps(found), flush=True)
                results["documents"].append(found)

    results["machine"]["load_after"] = os.getloadavg()
    print()
    print(report(results))
    if "--json" in args:
        Path(option(args, "--json", "scale.json")).write_text(json.dumps(results, indent=2), encoding="utf-8")


def _ratio(runs: list[dict], engine: str, workers: list[int]) -> dict:
    """Articles/s of the most workers over one worker's (wall, and steady state)."""
    by = {r["workers"]: r for r in runs if r["engine"] == engine}
    lo, hi = by.get(min(workers)), by.get(max(workers))
    if not lo or not hi or lo is hi:
        return {}
    steady = (hi["steady_articles_per_s"] / lo["steady_articles_per_s"]
              if hi["steady_articles_per_s"] and lo["steady_articles_per_s"] else None)
    return {"wall": round(hi["articles_per_s"] / lo["articles_per_s"], 2),
            "steady": round(steady, 2) if steady else None}


def report(results: dict) -> str:
    """The figures as Markdown tables."""
    out = [f"cores: {results['machine']['cores']}; load average before {results['machine']['load_before'][0]:.1f}, "
           f"after {results['machine']['load_after'][0]:.1f}"]
    layers = results.get("layers", {})
    if layers:
        sample = results.get("layer_sample", {})
        out += ["", f"analyze, one article at a time ({sample.get('articles')} articles, {sample.get('words', 0):,} words):",
                "", "| layers | words/s (one core, CPU time) |", "|---|---|"]
        out += [f"| {k} | {v:,} |" if isinstance(v, int) else f"| {k} | {v} |" for k, v in layers.items()]
    runs = results.get("runs")
    if results.get("cores_given"):
        given = ", ".join(f"{n} process(es) {c}" for n, c in results["cores_given"].items())
        out += ["", f"cores the machine gave to busy processes just before the runs (CPU s / wall s): {given}"]
    if runs:
        out += ["", f"`khabar run` over {runs['articles_in']} archive articles (tasks of {runs['shard_bytes']:,} bytes):", "",
                "| engine | workers | wall s | articles/s | after first task | tasks' CPU s | articles per CPU s | share of cores | worker peak MB |",
                "|---|---|---|---|---|---|---|---|---|"]
        for r in runs["runs"]:
            out.append(f"| {r['engine']} | {r['workers']} | {r['wall_s']} | {r['articles_per_s']} | "
                       f"{r['steady_articles_per_s']} | {r['cpu_s']} | {r.get('articles_per_cpu_s')} | {r['share_of_cores']} | "
                       f"{r['worker_peak_mb']} |")
        for engine, ratio in runs.get("speedup", {}).items():
            if ratio:
                out.append(f"\n{engine}: 2 workers / 1 worker = {ratio['wall']}× (wall), {ratio['steady']}× (after the first task)")
        if "dask_equals_local" in runs:
            out.append(f"Dask output equals local output: {runs['dask_equals_local']}")
    docs = results.get("documents")
    if docs:
        out += ["", "| document | how | words | parts | seconds (wall) | s per MB | of which JSON s | CPU s | CPU s per MB "
                "| words/s (CPU) | extra memory MB |", "|---|---|---|---|---|---|---|---|---|---|---|"]
        for d in docs:
            how = "analyze_stream" if d.get("mode") == "stream" else "analyze (whole)"
            if "error" in d:
                out.append(f"| {d['size_mb']:g} MB | {how} | – | – | {d['error']} | – | – | – | – | – | – |")
            else:
                out.append(f"| {d['mb']:.2f} MB | {how} | {d['words']:,} | {d.get('parts', 1)} | {d['seconds']} | "
                           f"{d['s_per_mb']} | {d.get('json_s', '–')} | {d['cpu']} | {d['cpu'] / d['mb']:.2f} | "
                           f"{d['words_per_s']:,.0f} | {d['extra_mb']} |")
    return "\n".join(out)


if __name__ == "__main__":
    main()
