"""What a worker does: analyse one task's articles with the pipeline it
loaded once, and write them as Parquet parts (see khabar.scale.parquet).

Never raises for bad input: an input that cannot be read, or an article the
pipeline fails on, is a skip in the result. What raises (a disk that cannot
be written) fails the task, which the driver retries."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.errors import KhabarError, skip
from khabar.ingest.inputs import Result, Skip, locate, read_input
from khabar.ingest.limits import DEFAULT, Limits
from khabar.model import Article
from khabar.scale.plan import Task

# Analysed once when a worker starts, so every model and table is loaded before the first task.
WARM_UP = ("به گزارش ایرنا، وزیر امور خارجه ایران روز دوشنبه ۱۲ تیر ۱۴۰۰ در تهران با همتای "
           "ترکیه‌ای خود دیدار کرد و ۳ هزار میلیارد تومان برای ۲۰ درصد طرح‌ها اختصاص یافت.")

_PIPELINE = None
_START_ERROR: str | None = None  # why this worker could not load the pipeline


class WorkerStartError(KhabarError):
    """A worker could not load the pipeline (a broken install): no task can run."""


@dataclass
class TaskResult:
    """What a task did. `files`: (path relative to the output, rows)."""

    index: int
    key: str
    articles: int = 0
    words: int = 0  # tokens analysed
    skips: list[Skip] = field(default_factory=list)
    files: list[tuple[str, int]] = field(default_factory=list)
    seconds: float = 0.0  # CPU time of the analysis and writing
    pid: int = 0  # of the worker (for the report and the tests; never in a row)
    peak_mb: float = 0.0  # the worker's peak resident memory so far


def init_worker() -> None:
    """Build the pipeline of this process and load its models (once). Never
    raises (a pool's initializer must not): a failure is kept, and every task
    of this worker raises WorkerStartError with it."""
    global _PIPELINE, _START_ERROR
    if _PIPELINE is None and _START_ERROR is None:
        from khabar.pipeline import Pipeline

        try:
            pipeline = Pipeline()
            pipeline(WARM_UP, published="2021-07-03")
        except Exception as exc:  # noqa: BLE001 — reported by the tasks, once, as one line
            _START_ERROR = f"{type(exc).__name__}: {exc}"
            return
        _PIPELINE = pipeline


def run_task(task: Task, out: str, limits: Limits = DEFAULT) -> TaskResult:
    """Analyse `task` and write its rows under `out`."""
    from khabar.scale.parquet import write_part
    from khabar.scale.rows import export_row
    from khabar.store.records import content_hash

    init_worker()
    if _PIPELINE is None:
        raise WorkerStartError(f"a worker could not load khabar's pipeline ({_START_ERROR})")
    started = time.process_time()
    result = TaskResult(task.index, task.key, pid=os.getpid())
    partitions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for label, found in _owned(task, limits):
        if not isinstance(found, Article):
            result.skips.append(locate(label, found, task.inputs[0] if task.data is not None else None))
            continue
        try:
            doc = _PIPELINE(found)
            row = export_row(doc, content_hash(found))
        except Exception as exc:  # noqa: BLE001 — a bug of one stage costs one article, recorded
            result.skips.append(Skip(found.source or found.id, f"analysis failed ({type(exc).__name__}: {exc})",
                                     record=found.id))
            continue
        partitions.setdefault((row.pop("source"), row.pop("month")), []).append(row)
        result.articles += 1
        result.words += len(doc.tokens)
    for (source, month), rows in sorted(partitions.items()):
        result.files.append((write_part(Path(out), source, month, task.key, rows), len(rows)))
    result.seconds = round(time.process_time() - started, 3)
    result.peak_mb = _peak_mb()
    return result


def _peak_mb() -> float:
    """Peak resident memory of this process, in MB (0 where it cannot be known)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def _owned(task: Task, limits: Limits) -> Iterator[Result]:
    """The results (articles and errors) of the task's inputs that are its own."""
    for name in task.inputs:
        for i, found in enumerate(_read(task, name, limits)):
            if task.owns(i):
                yield found


def _read(task: Task, name: str, limits: Limits) -> Iterator[Result]:
    if task.data is None:
        yield from read_input(name, limits)
        return
    from khabar.ingest.reader import iter_articles

    try:
        yield from iter_articles(task.data, name, limits)
    except KhabarError as exc:
        yield name, exc
    except Exception as exc:  # noqa: BLE001 — as read_input: a parser's bug costs this input
        yield name, skip(name, f"internal error ({type(exc).__name__}: {exc}); the input was not read to its end")
