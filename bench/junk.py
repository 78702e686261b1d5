"""Ingest under junk: the full bad-input corpus, time against size, and random inputs.

    python bench/junk.py corpus [--bad 2000 --good 1000]   # one `khabar ingest` over tools/make_bad_inputs.py's corpus
    python bench/junk.py sizes [--sizes 1,10,100]            # MB of junk only: time and peak memory per size
    python bench/junk.py fuzz [--n 100000]                   # random and mutated inputs through iter_articles

Each `khabar ingest` runs in a child process whose peak resident memory is
reported. Everything is written to a temporary folder and removed after.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PEAK = (
    "import atexit, resource, sys; "
    "atexit.register(lambda: print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)); "
    "sys.argv = ['khabar'] + sys.argv[1:]; from khabar.cli import main; main()"
)


def _tool():
    spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "tools" / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_bad_inputs"] = module
    spec.loader.exec_module(module)
    return module


def run_ingest(*args: str) -> tuple[int, dict, float, int, str]:
    """(exit code, JSON summary, seconds, peak RSS in MB, stderr) of one `khabar ingest ... --json`."""
    started = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", _PEAK, "ingest", *args, "--json"], capture_output=True, timeout=7200)
    seconds = time.perf_counter() - started
    err = res.stderr.decode("utf-8", "replace")
    peak = next((int(line.split()[1]) // 1024 for line in err.splitlines() if line.startswith("PEAK_RSS_KB")), -1)
    return res.returncode, json.loads(res.stdout or b"{}"), seconds, peak, err


def _input_of(source: str) -> str:
    path = source.split(" ")[0].split("#")[0]
    head, _, tail = path.rpartition(":")
    return head if tail.isdigit() else path


def corpus(bad: int, good: int, work: Path) -> None:
    folder = work / "corpus"
    started = time.perf_counter()
    manifest = _tool().make_corpus(folder, bad=bad, good=good)
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    print(f"corpus: {len(manifest['files'])} files ({good} good, {bad} bad or hard), {size / 1e6:.1f} MB, "
          f"made in {time.perf_counter() - started:.0f} s")
    out = work / "articles.jsonl"
    code, summary, seconds, peak, err = run_ingest(str(folder), "--out", str(out))
    written = Counter(_input_of(json.loads(line)["source"]) for line in out.read_text(encoding="utf-8").splitlines())
    logged = [json.loads(line) for line in (work / "articles.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    skipped = Counter(e["input"] for e in logged)
    files = manifest["files"]
    lost = sum(max(0, f["articles"] - written[str(folder / n)]) for n, f in files.items())
    unexpected = sum(max(0, written[str(folder / n)] - f["articles"]) for n, f in files.items())
    unrecorded = sum(1 for n, f in files.items() if f["skip"] and not skipped[str(folder / n)])
    internal = sum(e["reason"].startswith("internal error") for e in logged)
    print(f"run 1: exit {code}, {seconds:.1f} s, peak {peak} MB; {summary['written']} articles written "
          f"(expected {sum(f['articles'] for f in files.values())}), {summary['failed']} skips recorded; "
          f"good articles lost {lost}, articles from junk {unexpected}, bad inputs unrecorded {unrecorded}, "
          f"internal errors {internal}, tracebacks {err.count('Traceback')}")
    code, again, seconds, peak, err = run_ingest(str(folder), "--out", str(out))
    print(f"run 2: exit {code}, {seconds:.1f} s, peak {peak} MB; {again['written']} written, "
          f"{again['already_present']} already there")
    for reason, count in Counter(_kind(e["reason"]) for e in logged).most_common():
        print(f"  {count:5d} × {reason}")


def _kind(reason: str) -> str:
    from khabar.ingest.batch import _reason_kind

    return _reason_kind(reason)


JUNK_KINDS = ("binary", "no NUL", "high bytes", "angle brackets", "unclosed scripts", "nested JSON", "bad JSONL",
              "mojibake", "spaces", "deep HTML", "truncated gzip", "garbage WARC", "Latin-1")


def junk_file(rng: random.Random, kind: str, size: int) -> tuple[str, bytes]:
    """One junk input of about `size` bytes (never an article)."""
    if kind == "binary":
        return ".bin", rng.randbytes(size) + b"\x00"
    if kind == "no NUL":
        return ".txt", bytes(rng.randint(1, 255) for _ in range(size))
    if kind == "high bytes":
        return ".dat", bytes(rng.randint(128, 255) for _ in range(size))
    if kind == "angle brackets":
        return ".html", b"<html><body>" + b"<" * size
    if kind == "unclosed scripts":
        return ".html", b"<html><body>" + b"<script>" * (size // 8)
    if kind == "nested JSON":
        return ".json", b"[" * (size // 2) + b"]" * (size // 2)
    if kind == "bad JSONL":
        return ".jsonl", b'{"title": \n' * (size // 11)
    if kind == "mojibake":
        text = ("ط³ظ„ط§ظ… ط¯ظ†غŒط§ " * (size // 30 + 1))[: size // 2]
        return ".txt", text.replace("ظ", "ظ\u00a0").encode()
    if kind == "spaces":
        return ".txt", "\u00a0 \n".encode() * (size // 4)
    if kind == "deep HTML":
        return ".html", b"<html><body>" + b"<div>" * (size // 10) + b"</div>" * (size // 10)
    if kind == "truncated gzip":
        return ".txt.gz", gzip.compress(rng.randbytes(size))[:-50]
    if kind == "garbage WARC":
        return ".warc", b"WARC/1.0\r\n" + rng.randbytes(size)
    return ".txt", ("Café résumé naïve " * (size // 18 + 1)).encode("latin-1")[:size]


def sizes(megabytes: list[float], work: Path) -> None:
    rng = random.Random(21)
    rows = []
    (work / "tiny").mkdir()
    for n, kind in enumerate(JUNK_KINDS):  # every kind once, small: the imports and first calls
        suffix, data = junk_file(rng, kind, 1000)
        (work / "tiny" / f"{n:02d}{suffix}").write_bytes(data)
    base = min(run_ingest(str(work / "tiny"), "--out", str(work / "tiny.jsonl"))[2] for _ in range(2))
    print(f"start-up and one 1 KB input of each kind: {base:.1f} s (subtracted below as 'net')")
    for mb in megabytes:
        folder = work / f"junk-{mb:g}"
        folder.mkdir()
        total = n = 0
        while total < mb * 1_000_000:
            suffix, data = junk_file(rng, JUNK_KINDS[n % len(JUNK_KINDS)], rng.randint(20_000, 200_000))
            (folder / f"{n:06d}{suffix}").write_bytes(data)
            total += len(data)
            n += 1
        code, summary, seconds, peak, err = run_ingest(str(folder), "--out", str(work / f"junk-{mb:g}.jsonl"))
        rows.append((mb, n, total, seconds, peak, summary.get("written"), summary.get("failed"), code, err.count("Traceback")))
        net = seconds - base
        print(f"{total / 1e6:7.1f} MB in {n:5d} files: {seconds:6.1f} s, net {net:6.1f} s ({net / (total / 1e6):.3f} s/MB), "
              f"peak {peak} MB, {summary.get('written')} written, {summary.get('failed')} skips, exit {code}, "
              f"tracebacks {err.count('Traceback')}")
    return rows


def fuzz(n: int, seed: int = 21) -> None:
    """`n` random inputs: mutations of good inputs of every format, and junk, through iter_articles."""
    from khabar.errors import KhabarError
    from khabar.ingest.limits import Limits
    from khabar.ingest.reader import iter_articles
    from khabar.model import Article

    tool = _tool()
    rng = random.Random(seed)
    arts = tool.Articles(rng)
    seeds = [(f"s{i}{suffix}", data) for i, make in enumerate(tool.good_inputs(arts) * 3) for suffix, data, _ in [make()]]
    seeds += [(f"j{i}{suffix}", data) for i, kind in enumerate(JUNK_KINDS) for suffix, data in [junk_file(rng, kind, 3000)]]
    limits = Limits(max_chars=500_000, max_decompressed_bytes=4 * 1024 * 1024)
    counts: Counter[str] = Counter()
    failures = []
    started = time.perf_counter()
    for i in range(n):
        name, data = rng.choice(seeds)
        data = bytearray(data)
        for _ in range(rng.choice((0, 1, 1, 2, 4, 16))):
            at = rng.randrange(len(data) + 1)
            action = rng.random()
            if action < 0.4 and data:
                data[min(at, len(data) - 1)] = rng.randrange(256)
            elif action < 0.7:
                data[at:at] = rng.randbytes(rng.randint(1, 8))
            elif action < 0.9:
                del data[at : at + rng.randint(1, 64)]
            else:
                data = data[: at or 1]
        try:
            for _label, result in iter_articles(bytes(data), name, limits):
                ok = isinstance(result, Article) or (isinstance(result, KhabarError) and str(result).startswith(name))
                counts["article" if isinstance(result, Article) else "skip" if ok else "bad result"] += 1
                if isinstance(result, Article):
                    json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
        except Exception as exc:  # noqa: BLE001 — what the fuzzing looks for
            counts["exception"] += 1
            failures.append((name, bytes(data[:200]), repr(exc)))
        if (i + 1) % 10_000 == 0:
            print(f"  {i + 1:,} inputs, {time.perf_counter() - started:.0f} s: {dict(counts)}", flush=True)
    seconds = time.perf_counter() - started
    print(f"fuzz: {n:,} inputs in {seconds:.0f} s ({n / seconds:.0f}/s): {dict(counts)}")
    for failure in failures[:10]:
        print("  FAILED", failure)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["corpus", "sizes", "fuzz"])
    parser.add_argument("--bad", type=int, default=2000)
    parser.add_argument("--good", type=int, default=1000)
    parser.add_argument("--sizes", default="1,10,100")
    parser.add_argument("--n", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="khabar-junk-") as tmp:
        if args.what == "corpus":
            corpus(args.bad, args.good, Path(tmp))
        elif args.what == "sizes":
            sizes([float(s) for s in args.sizes.split(",")], Path(tmp))
        else:
            fuzz(args.n)


if __name__ == "__main__":
    main()
