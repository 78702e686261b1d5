"""The `khabar` commands of the scale room: `run` (inputs to a Parquet
dataset, on worker processes or Dask) and `corpus load` (that dataset into a
corpus). Thin skins over khabar.scale; bad input is recorded and skipped,
errors are one line on stderr (exit 1), usage errors exit 2."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from khabar.errors import KhabarError

AsJson = Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")]


def _fail(message: str, code: int) -> typer.Exit:
    print(f"khabar: error: {' '.join(message.split())}", file=sys.stderr)
    return typer.Exit(code)


def _progress(label: str, quiet: bool):
    """A progress bar on stderr when it is a terminal, redrawn by the caller
    (no thread of its own: the local engine forks its workers)."""
    from rich import progress as bar

    console = Console(stderr=True, highlight=False)
    return bar.Progress(
        bar.TextColumn(f"[bold]{label}"), bar.BarColumn(), bar.MofNCompleteColumn(), bar.TextColumn("{task.fields[note]}"),
        bar.TimeRemainingColumn(), console=console, transient=True, auto_refresh=False,
        disable=quiet or not console.is_terminal,
    )


def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive), JSON/JSONL, HTML, text, WARC, gzip, or - for stdin.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The folder of the Parquet dataset (new, empty, or an earlier run's).")],
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Worker processes (default: every core; with --scheduler, the cluster's).")] = None,
    engine: Annotated[str, typer.Option("--engine", help="local (processes on this machine) or dask (dask.distributed).")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="With --engine dask: the scheduler's address (tcp://HOST:8786); default: a LocalCluster.")] = None,
    retries: Annotated[int, typer.Option("--retries", min=0, help="Times a failed task is submitted again.")] = 3,
    shard_mb: Annotated[float, typer.Option("--shard-mb", min=0.01, help="Input (MB) of one task: small files are grouped, larger ones split.")] = 2.0,
    max_file_mb: Annotated[float, typer.Option("--max-file-mb", min=0.001, help="Skip files larger than this (MB).")] = 200,
    max_decompressed_mb: Annotated[float, typer.Option("--max-decompressed-mb", min=0.001, help="Skip gzip files that decompress to more (MB).")] = 256,
    max_chars: Annotated[int, typer.Option("--max-chars", min=1, help="Skip documents longer than this (a worker's memory grows with its largest document).")] = 10_000_000,
    max_json_depth: Annotated[int, typer.Option("--max-json-depth", min=1, help="Skip JSON records nested deeper.")] = 64,
    as_json: AsJson = False,
) -> None:
    """Analyse inputs into Parquet partitioned by source and month (source=…/month=…/part-….parquet),
    readable by DuckDB, pandas, pyarrow and Dask; the columns of `khabar export --format parquet`,
    plus the content hash and the stored Doc. Every input, record or article that could not be read
    or analysed, and every failed attempt of a task, is listed in OUT/_errors.jsonl."""
    from khabar.ingest.limits import MB, Limits
    from khabar.scale import run as run_all

    if engine not in ("local", "dask"):
        raise _fail(f"--engine must be local or dask, not {engine!r}", 2)
    if scheduler and engine != "dask":
        raise _fail("--scheduler needs --engine dask", 2)
    with _progress("run", as_json) as progress:
        bar = progress.add_task("run", total=None, note="starting workers")
        progress.refresh()

        def advance(done: int, total: int, articles: int) -> None:
            progress.update(bar, completed=done, total=total, note=f"{articles:,} articles")
            progress.refresh()

        try:
            report = run_all(inputs, out, workers=workers, engine=engine, scheduler=scheduler, retries=retries,
                             shard_bytes=max(1, int(shard_mb * 1024 * 1024)), progress=advance,
                             limits=Limits(max(1, int(max_file_mb * MB)), max(1, int(max_decompressed_mb * MB)),
                                           max_chars, max_json_depth))
        except KhabarError as exc:
            raise _fail(str(exc), 1) from None
    if as_json:
        _print_json(report.to_dict())
    else:
        _print_run(report)
    if report.failed:
        raise _fail(f"{report.failed} task(s) failed after {retries} retries: their rows are missing "
                    f"(see {report.errors_file})", 1)
    if report.nothing_read:
        found = f"{report.inputs} input(s), every one skipped" if report.inputs else "no input files found"
        raise _fail(f"nothing could be read ({found})", 1)


def _print_run(report) -> None:
    console = Console(highlight=False, soft_wrap=True)
    rate = report.articles / report.seconds if report.seconds else 0.0
    console.print(Text(
        f"{report.articles:,} articles written to {report.out} ({report.files} files, {report.tasks} tasks, "
        f"{report.workers} {report.engine} workers) in {report.seconds:.1f} s ({rate:.1f} articles/s); "
        f"{report.skipped} skipped, {report.retried} tasks retried, {report.failed} failed"
    ))
    reasons = Counter(_kind(s["reason"]) for s in report.skips)
    for reason, count in reasons.most_common(8):
        console.print(Text(f"  {count} × {reason}"))
    if report.skips or report.failures:
        console.print(Text(f"listed in {report.errors_file}"))


def _kind(reason: str) -> str:
    return reason.split(" (", 1)[0].split(":", 1)[0][:80]


def load(
    folder: Annotated[Path, typer.Argument(help="The folder `khabar run` wrote.")],
    db: Annotated[Path, typer.Option("--db", help="The corpus (SQLite) to make or add to.")],
    as_json: AsJson = False,
) -> None:
    """Build the searchable corpus from the Parquet of `khabar run` (nothing is analysed again;
    a re-load skips unchanged articles and replaces changed ones)."""
    from khabar.scale import load as load_all

    with _progress("load", as_json) as progress:
        bar = progress.add_task("load", total=None, note="")
        progress.refresh()

        def advance(done: int, total: int) -> None:
            progress.update(bar, completed=done, total=total)
            progress.refresh()

        try:
            report = load_all(folder, db, progress=advance)
        except KhabarError as exc:
            raise _fail(str(exc), 1) from None
    data = report.to_dict()
    if as_json:
        _print_json(data)
    else:
        Console(highlight=False, soft_wrap=True).print(Text(
            f"{report.added:,} articles added to {db}, {report.updated} updated, {report.unchanged} unchanged, "
            f"{report.skipped} skipped (from {report.inputs} files); {report.clusters} near-duplicate clusters"
        ))
    if not report.read:
        raise _fail("nothing could be read", 1)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def register(app: typer.Typer) -> None:
    """Add `run` and the `corpus` group (`corpus load`) to the CLI app."""
    app.command()(run)
    corpus = typer.Typer(help="Corpora built from the Parquet of `khabar run`.", no_args_is_help=True)
    corpus.command("load")(load)
    app.add_typer(corpus, name="corpus")
