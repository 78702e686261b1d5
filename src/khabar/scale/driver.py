"""`run`: inputs to a Parquet dataset, on worker processes or a Dask cluster.

The driver plans the tasks (khabar.scale.plan), keeps the engine busy,
submits a failed task again (up to `retries` times) and records every
failure; the workers analyse and write (khabar.scale.task). At the end the
folder holds exactly this run's parts, and `_errors.jsonl` beside them lists
every skipped input or article and every failed attempt of a task."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import KhabarError, OutputError
from khabar.ingest.inputs import Skip, locate
from khabar.ingest.limits import DEFAULT, Limits
from khabar.scale import parquet
from khabar.scale.plan import SHARD_BYTES, Task, plan
from khabar.scale.task import TaskResult, WorkerStartError

ENGINES = ("local", "dask")
RETRIES = 3


@dataclass
class RunReport:
    """What a run did (nothing of it is in the rows)."""

    out: str
    engine: str
    workers: int
    inputs: int = 0
    ignored: int = 0  # files a folder walk left out (hidden, README-like)
    tasks: int = 0
    articles: int = 0  # rows written
    words: int = 0  # tokens analysed
    skipped: int = 0  # inputs, records or articles not written (listed in the errors file)
    retried: int = 0  # task attempts that failed and were submitted again
    failed: int = 0  # tasks that failed every attempt: their rows are missing (listed in the errors file)
    files: int = 0
    removed: int = 0  # part files of an earlier run or a failed task, removed
    restarts: int = 0  # worker pools made again after a worker died (local engine)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the workers' tasks
    worker_peak_mb: float = 0.0  # the largest peak resident memory of a worker
    errors_file: str = ""
    skips: list[dict[str, Any]] = field(default_factory=list)
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def nothing_read(self) -> bool:
        return self.articles == 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def run(
    inputs: list[str],
    out: str | Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    retries: int = RETRIES,
    shard_bytes: int = SHARD_BYTES,
    limits: Limits = DEFAULT,
    progress: Callable[[int, int, int], None] | None = None,
    on_result: Callable[[TaskResult], None] | None = None,
) -> RunReport:
    """Analyse `inputs` (files, folders, '-' for standard input) into the
    Parquet dataset `out` (a folder). `workers`: processes, or Dask workers of
    a LocalCluster (default: every core; with `scheduler`, the cluster's).
    `progress(tasks_done, tasks, articles)` after each task; `on_result(result)`
    too. With `scheduler`, relative inputs are made absolute (the workers'
    folder is not this one), as the `input` column then shows. Raises
    KhabarError if the workers cannot load the pipeline. Raises
    OutputError if `out` cannot be written, KhabarError for an
    unknown engine; never for bad input."""
    if engine not in ENGINES:
        raise KhabarError(f"unknown engine {engine!r}; the engines are: {', '.join(ENGINES)}")
    started = time.perf_counter()
    out = Path(os.path.abspath(out))  # workers may not share this process's folder
    parquet.prepare(out)
    if scheduler:  # a cluster's workers read the inputs where they are: give them whole paths
        inputs = [i if i == "-" else os.path.abspath(i) for i in inputs]
    workers = max(1, workers or os.cpu_count() or 1)
    stdin, unread = _stdin(limits) if "-" in inputs else (None, None)
    found = plan(inputs, shard_bytes=shard_bytes, stdin=stdin)
    report = RunReport(str(out), engine, workers, inputs=found.inputs, ignored=found.ignored, tasks=len(found.tasks))
    report.skips = [s.to_dict() for s in found.skips + ([unread] if unread else [])]
    results: dict[int, TaskResult] = {}
    failed: list[Task] = []
    pool = _engine(engine, workers, str(out), limits, scheduler)
    report.workers = pool.workers
    try:
        _drive(pool, found.tasks, retries, report, results, failed, progress, on_result)
        report.restarts = pool.restarts
    finally:
        pool.close()
    keep = {path for r in results.values() for path, _ in r.files}
    report.removed = parquet.tidy(out, keep)
    for r in sorted(results.values(), key=lambda r: r.index):
        report.articles += r.articles
        report.words += r.words
        report.files += len(r.files)
        report.cpu_seconds += r.seconds
        report.worker_peak_mb = max(report.worker_peak_mb, r.peak_mb)
        report.skips.extend(s.to_dict() for s in r.skips)
    report.cpu_seconds = round(report.cpu_seconds, 3)
    report.skipped = len(report.skips)
    report.failed = len(failed)
    report.errors_file = str(out / parquet.ERRORS)
    _write_errors(out / parquet.ERRORS, report)
    report.seconds = round(time.perf_counter() - started, 3)
    return report


def _engine(name: str, workers: int, out: str, limits: Limits, scheduler: str | None):
    if name == "dask":
        try:
            from khabar.scale.dask_engine import DaskEngine
        except ImportError:
            raise KhabarError("--engine dask needs dask.distributed: pip install 'khabar[scale]'") from None
        try:
            return DaskEngine(workers, out, limits, scheduler)
        except (OSError, TimeoutError, ValueError) as exc:
            where = f"the Dask scheduler {scheduler}" if scheduler else "a Dask LocalCluster"
            raise KhabarError(f"cannot start on {where} ({type(exc).__name__}: {exc})") from None
    if scheduler:
        raise KhabarError("--scheduler is an address of a Dask scheduler: it needs --engine dask")
    from khabar.scale.local import LocalEngine

    return LocalEngine(workers, out, limits)


def _drive(pool, tasks: list[Task], retries: int, report: RunReport, results: dict[int, TaskResult],
           failed: list[Task], progress, on_result) -> None:
    """Keep `pool` busy until every task has a result or has failed `retries` + 1 times."""
    pending: deque[tuple[Task, int]] = deque((t, 1) for t in tasks)
    inflight: dict[Any, tuple[Task, int]] = {}
    articles = 0
    while pending or inflight:
        while pending and len(inflight) < pool.capacity:
            task, attempt = pending.popleft()
            inflight[pool.submit(task, attempt)] = (task, attempt)
        for handle in pool.wait(list(inflight)):
            task, attempt = inflight.pop(handle)
            try:
                result = pool.result(handle)
            except WorkerStartError as exc:  # no task can run: stop, with the reason
                raise KhabarError(str(exc)) from None
            except Exception as exc:  # noqa: BLE001 — a task's failure is recorded, and retried
                again = attempt <= retries
                report.failures.append({
                    "task": task.key, "input": task.describe(), "attempt": attempt,
                    "reason": f"{type(exc).__name__}: {exc}".strip(), "retried": again,
                })
                if again:
                    report.retried += 1
                    pending.append((task, attempt + 1))
                else:
                    failed.append(task)
                continue
            results[task.index] = result
            articles += result.articles
            if on_result:
                on_result(result)
            if progress:
                progress(len(results) + len(failed), len(tasks), articles)


def _write_errors(path: Path, report: RunReport) -> None:
    """One JSON line per skip, then one per failed attempt of a task."""
    try:
        with open(path, "w", encoding="utf-8") as sink:
            for item in report.skips:
                sink.write(json.dumps({"kind": "skip", **item}, ensure_ascii=False) + "\n")
            for item in report.failures:
                sink.write(json.dumps({"kind": "task", **item}, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise OutputError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _stdin(limits: Limits) -> tuple[bytes | None, Skip | None]:
    """Standard input's bytes, or why it could not be read."""
    from khabar.errors import InputError
    from khabar.ingest.files import read_stdin

    try:
        return read_stdin(sys.stdin.buffer, limits.max_file_bytes), None
    except InputError as exc:
        return None, locate("stdin", exc)
