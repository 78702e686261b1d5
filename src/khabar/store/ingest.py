"""Ingest into the corpus: read every input as `khabar ingest` does, analyse in
worker processes (models load once per worker), write from one process.

Resumable: each batch of articles is one transaction, so a killed run leaves
whole articles only; a re-run skips the articles whose content is already
stored (same id, same hash), re-analyses changed ones and records every input
it could not read in the `skips` table."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from khabar.ingest.files import display, walk
from khabar.ingest.inputs import Skip, locate, read_input
from khabar.ingest.limits import DEFAULT, Limits
from khabar.model import Article
from khabar.store.clusters import assign_clusters
from khabar.store.records import Record, content_hash, make_record
from khabar.store.writer import Writer

BATCH = 32  # articles per transaction
BATCH_SECONDS = 2.0


@dataclass
class IngestReport:
    """What one run did. Every skip is also a row of the corpus's `skips`
    table (with this `run` and the time), which is where earlier runs' are."""

    db: str
    run: int
    inputs: int = 0
    read: int = 0  # articles read from the inputs
    added: int = 0
    updated: int = 0  # stored before with other content: re-analysed and replaced
    unchanged: int = 0  # stored before with the same content (or twice in this run)
    skipped: int = 0  # inputs, lines or records not stored
    skips: list[Skip] = field(default_factory=list)  # khabar.ingest.inputs.Skip: input, reason, line, record
    ignored: int = 0  # files a folder walk left out (hidden, README-like)
    clusters: int = 0  # near-duplicate clusters of more than one article, after this run
    seconds: float = 0.0
    workers: int = 1
    skips_table: str = "skips"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def ingest_into(
    db: str | Path,
    inputs: list[str],
    *,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    limits: Limits = DEFAULT,
) -> IngestReport:
    """Read `inputs` (files, folders, '-' for stdin) as `khabar ingest` does,
    analyse each article with the full pipeline and store it in the corpus
    `db` (made if missing). `workers` processes analyse (default: every core);
    `progress(done, total)` is called as inputs are finished."""
    started = time.perf_counter()
    workers = max(1, workers or os.cpu_count() or 1)
    writer = Writer(db)
    own = {Path(f"{db}{suffix}").resolve() for suffix in ("", "-wal", "-shm", "-journal")}
    found = walk(inputs)
    files = [f for f in found.files if f == "-" or _resolved(f) not in own]
    report = IngestReport(db=str(db), run=writer.start_run(len(files), workers), inputs=len(files), workers=workers)
    report.ignored = found.ignored
    tasks = _tasks(files, writer.known_hashes(), limits)
    try:
        for error in found.skipped:
            _skipped(report, writer, locate(str(error), error))
        for kind, *payload in _analysed(tasks, workers):
            if kind == "article":
                record: Record = payload[1]
                report.read += 1
                if writer.store(record, report.run):
                    report.updated += 1
                else:
                    report.added += 1
            elif kind == "unchanged":
                report.read += 1
                report.unchanged += 1
            elif kind == "skip":
                _skipped(report, writer, payload[1])
            elif kind == "end" and progress:
                progress(payload[0] + 1, len(files))
            writer.maybe_commit(BATCH, BATCH_SECONDS)
        writer.commit()
        if writer.clusters_dirty():
            report.clusters = assign_clusters(writer.conn)
        else:
            report.clusters = writer.multi_clusters()
        report.seconds = round(time.perf_counter() - started, 3)
        writer.finish_run(report)
    finally:
        writer.close()
    return report


# ---- reading (in the main process; a feeder thread when there are workers)


def _tasks(files: list[str], known: dict[str, str], limits: Limits) -> Iterator[tuple]:
    """("article", i, Article, hash) for what must be analysed; ("unchanged", i),
    ("skip", i, Skip) and ("end", i) for the rest, in input order."""
    seen: dict[str, str] = {}
    for i, name in enumerate(files):
        shown = "stdin" if name == "-" else display(name)
        for label, result in read_input(name, limits):
            if isinstance(result, Article):
                result.source = result.source or label  # provenance (khabar's own records may have none)
                digest = content_hash(result)
                if known.get(result.id) == digest or seen.get(result.id) == digest:
                    yield ("unchanged", i)
                else:
                    seen[result.id] = digest
                    yield ("article", i, result, digest)
            else:
                yield ("skip", i, locate(label, result, shown))
        yield ("end", i)


def _resolved(name: str) -> Path | None:
    try:
        return Path(name).resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _skipped(report: IngestReport, writer: Writer, where: Skip) -> None:
    report.skipped += 1
    report.skips.append(where)
    writer.skip(report.run, where)


# ---- analysis (worker processes, or this one)

_PIPELINE = None


def _init_worker() -> None:
    global _PIPELINE
    from khabar.pipeline import Pipeline

    _PIPELINE = Pipeline()


def _analyse(task: tuple) -> tuple:
    """A task's result: ("article", i, Record), or the task itself passed on."""
    if task[0] != "article":
        return task
    _, i, article, digest = task
    if _PIPELINE is None:
        _init_worker()
    try:
        return ("article", i, make_record(_PIPELINE(article), digest))
    except Exception as exc:  # a bug of one stage must not stop the batch: recorded as a skip
        where = Skip(article.source or article.id, f"analysis failed ({type(exc).__name__}: {exc})", record=article.id)
        return ("skip", i, where)


def _analysed(tasks: Iterator[tuple], workers: int) -> Iterable[tuple]:
    """The results of `tasks`, in order; with workers > 1 from a process pool,
    at most a few hundred tasks ahead of the writer (memory stays flat)."""
    if workers == 1:
        yield from map(_analyse, tasks)
        return
    slots = threading.BoundedSemaphore(workers * 64)

    def bounded() -> Iterator[tuple]:
        for task in tasks:
            slots.acquire()
            yield task

    # fork: a worker starts with khabar imported and needs no `if __name__ == "__main__"` in the caller
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(workers, initializer=_init_worker) as pool:
        for result in pool.imap(_analyse, bounded(), chunksize=4):
            slots.release()
            yield result

