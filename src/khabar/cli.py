"""The khabar command line: a thin skin over the Python API."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from khabar import cli_corpus, cli_events, cli_scale, cli_web, render
from khabar.errors import KhabarError
from khabar.ingest.decode import decode, read_text

app = typer.Typer(
    add_completion=False, no_args_is_help=True, help="Persian news intelligence, offline.",
    epilog="Exit codes: 0 done; 1 an input (or every input of a batch) could not be read, or the "
    "output cannot be written; 2 usage error; 3 internal error (a bug); 130 interrupted.",
)


def _print_version(value: bool) -> None:
    if value:
        from khabar import __version__

        print(f"khabar {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """khabar: Persian news intelligence, offline."""


def _read(source: str) -> str:
    from khabar.ingest.files import read_stdin
    from khabar.ingest.limits import DEFAULT

    if source == "-":
        return decode(read_stdin(sys.stdin.buffer, DEFAULT.max_file_bytes), "stdin")
    return read_text(Path(source))


def _usage(message: str) -> typer.Exit:
    """A usage error: one line on stderr, exit code 2."""
    print(f"khabar: error: {message}", file=sys.stderr)
    return typer.Exit(2)


STREAM_CHARS = 1_000_000  # `khabar analyze` streams a text longer than this (~2 MB of Persian)


@app.command()
def analyze(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Doc as JSON (JSON lines, one a part, when streamed).")] = False,
    output_format: Annotated[
        str, typer.Option("--format", help="text (default), json or conllu.")
    ] = "text",
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for relative times: ISO (2021-06-30) or Jalali (1400-04-09).")
    ] = None,
    stream: Annotated[
        bool | None,
        typer.Option("--stream/--whole", help="Analyze part by part (--part-chars each, cut at paragraphs: "
                     "memory bounded, output as each part is done) or as one Doc. Default: streamed above "
                     f"{STREAM_CHARS:,} characters."),
    ] = None,
    part_chars: Annotated[int, typer.Option("--part-chars", help="Characters of a part when streamed.")] = 60_000,
    max_chars: Annotated[
        int, typer.Option("--max-chars", help="Refuse a document longer than this (as `khabar ingest` does).")
    ] = 10_000_000,
) -> None:
    """Read an article (text, HTML, JSON or WARC) and analyze it: normalized text, sentences,
    tokens with lemmas and parts of speech, quantities and times. A long text is streamed:
    one Doc per part, each with `start`, its place in the text (see khabar.analyze_stream)."""
    from dataclasses import replace

    from khabar.ingest.files import read_stdin
    from khabar.ingest.limits import DEFAULT
    from khabar.ingest.reader import read
    from khabar.pipeline import analyze as run
    from khabar.pipeline import analyze_stream

    if output_format not in ("text", "json", "conllu"):
        raise typer.BadParameter("--format must be text, json or conllu")
    for flag, value in (("--max-chars", max_chars), ("--part-chars", part_chars)):
        if value < 1:
            raise _usage(f"{flag} must be more than 0, not {value}")
    when = _parse_published(published) if published else None
    source = read_stdin(sys.stdin.buffer, DEFAULT.max_file_bytes) if file == "-" else Path(file)
    article = read(source, name="stdin" if file == "-" else None, limits=replace(DEFAULT, max_chars=max_chars))
    as_json = as_json or output_format == "json"
    if stream is None:
        stream = sum(map(len, (article.title, article.lead, *article.body))) > STREAM_CHARS
    docs = analyze_stream(article, published=when, part_chars=part_chars) if stream else [run(article, published=when)]
    console = Console(highlight=False, soft_wrap=True)
    sentences = 0
    for n, doc in enumerate(docs, 1):
        if as_json:
            sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=None if stream else 2) + "\n")
        elif output_format == "conllu":
            sys.stdout.write(doc.to_conllu(first=sentences + 1))
            sentences += len(doc.sentences)
        else:
            if stream:
                console.print(Text(f"── part {n}: characters {doc.start:,}–{doc.start + len(doc.raw_text):,} of the input",
                                   style="bold magenta"))
            render.print_doc(console, doc)
        if stream:
            sys.stdout.flush()


EXIT_CODES = """Exit codes: 0 done (some inputs may have been skipped: see the summary and
OUT.errors.jsonl); 1 nothing could be read (every input skipped, or none found), or
the output cannot be written; 2 usage error (unknown option, bad value, --out a
folder); 3 internal error (a bug: please report it); 130 interrupted."""


@app.command(epilog=EXIT_CODES)
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), JSONL, WARC, gzip, or - for stdin.")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="The JSONL file Articles are appended to.")] = None,
    db: Annotated[Path | None, typer.Option("--db", help="A corpus (SQLite) to analyse the articles into, instead of --out.")] = None,
    workers: Annotated[int | None, typer.Option("--workers", help="With --db: analysing processes (default: every core).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    normalize: Annotated[
        bool, typer.Option("--normalize", help="Write lead and body normalized too (slower; `analyze` normalizes anyway).")
    ] = False,
    max_file_mb: Annotated[float, typer.Option("--max-file-mb", help="Skip files larger than this (MB).")] = 200,
    max_decompressed_mb: Annotated[
        float, typer.Option("--max-decompressed-mb", help="Skip gzip files that decompress to more (MB).")
    ] = 200,
    max_chars: Annotated[int, typer.Option("--max-chars", help="Skip documents (a page, a text, a record) longer than this.")] = 10_000_000,
    max_json_depth: Annotated[int, typer.Option("--max-json-depth", help="Skip JSON records nested deeper.")] = 64,
) -> None:
    """Read news inputs into a JSONL file of Articles (resumable: a re-run adds only new articles).
    Titles are normalized; lead and body keep the text as the source wrote it, unless --normalize.
    Every input, line or record that cannot be read is skipped, and listed with the reason in
    OUT.errors.jsonl (kept across runs); the batch goes on and prints a summary at the end."""
    from khabar.ingest.limits import MB, Limits

    flags = {"--max-file-mb": max_file_mb, "--max-decompressed-mb": max_decompressed_mb,
             "--max-chars": max_chars, "--max-json-depth": max_json_depth}
    for flag, value in flags.items():
        if not value > 0:
            raise _usage(f"{flag} must be more than 0, not {value:g}")
    limits = Limits(max(1, int(max_file_mb * MB)), max(1, int(max_decompressed_mb * MB)), max_chars, max_json_depth)
    if (out is None) == (db is None):
        raise _usage("give --out FILE (a JSONL file of Articles) or --db FILE (a corpus), one of them")
    if db is not None:
        from khabar.ingest.limits import DEFAULT

        if limits != DEFAULT or normalize:
            raise _usage("--max-* and --normalize apply to --out; a corpus (--db) is read with the default limits")
        _ingest_into_db(db, paths, workers, as_json)
        return
    assert out is not None
    if out.is_dir():
        raise _usage(f"--out {out}: is a folder; give a file name, such as {out / 'articles.jsonl'}")
    summary = _run_batch(paths, out, normalize, limits, quiet=as_json)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_summary(summary, out)
    if summary.nothing_read:
        found = f"{summary.inputs} input(s), every one skipped" if summary.inputs else "no input files found"
        print(f"khabar: error: nothing could be read ({found})", file=sys.stderr)
        raise typer.Exit(1)


def _progress(quiet: bool):
    """A progress bar on stderr when it is a terminal (gone when done)."""
    from rich import progress as bar

    console = Console(stderr=True, highlight=False)
    return bar.Progress(
        bar.TextColumn("[bold]ingest"), bar.BarColumn(), bar.MofNCompleteColumn(), bar.TimeRemainingColumn(),
        console=console, transient=True, disable=quiet or not console.is_terminal,
    )


def _run_batch(paths: list[str], out: Path, normalize: bool, limits, *, quiet: bool):
    from khabar.ingest.batch import ingest as run

    with _progress(quiet) as progress:
        task = progress.add_task("ingest", total=None)
        return run(
            paths, out, normalize=normalize, limits=limits,
            on_start=lambda total: progress.update(task, total=total),
            on_input=lambda _: progress.advance(task),
        )


def _print_summary(summary, out: Path) -> None:
    from khabar.ingest.files import display

    console = Console(highlight=False, soft_wrap=True)
    left_out = f"; {summary.ignored} file(s) left out (hidden, README-like)" if summary.ignored else ""
    console.print(
        Text(
            f"{summary.written} articles written to {display(out)}, {summary.already_present} already there, "
            f"{summary.duplicates} duplicates, {summary.skipped} skipped (from {summary.inputs} inputs{left_out})"
        )
    )
    for reason, count in summary.reasons().most_common(12):
        console.print(Text(f"  {count} × {reason}"))
    if summary.skipped:
        console.print(Text(f"skips listed in {summary.errors_file} (run {summary.run})"))


def _ingest_into_db(db: Path, paths: list[str], workers: int | None, as_json: bool) -> None:
    try:
        from khabar.store import ingest_into
    except ImportError:
        raise KhabarError("--db: the corpus store (khabar.store.ingest_into) is not part of this khabar") from None
    with _progress(as_json) as progress:
        task = progress.add_task("ingest", total=None)
        report = ingest_into(db, paths, workers=workers, progress=lambda done, total: progress.update(task, completed=done, total=total))
    data = report.to_dict()
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        Console(highlight=False, soft_wrap=True).print(Text(
            f"{data.get('added', 0)} articles added to {db}, {data.get('updated', 0)} updated, "
            f"{data.get('unchanged', 0)} unchanged, {data.get('skipped', 0)} skipped (from {data.get('inputs', 0)} inputs)"
        ))
    if not data.get("read", 1):
        print("khabar: error: nothing could be read", file=sys.stderr)
        raise typer.Exit(1)


kb_app = typer.Typer(help="The knowledge base of news actors.")
app.add_typer(kb_app, name="kb")


@kb_app.command("search")
def kb_search(
    name: Annotated[str, typer.Argument(help="A name, in Persian or English, or part of one.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="Show at most this many entries.")] = None,
) -> None:
    """Find knowledge-base entries by name."""
    from dataclasses import asdict

    from khabar import kb

    try:
        found = kb.search(name, limit=limit)
    except ValueError as exc:
        raise _usage(str(exc)) from None
    offices = {e.id: kb.offices(e.id) for e in found}
    if as_json:
        rows = [{**asdict(e), "offices": [asdict(t) for t in offices[e.id]]} for e in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    render.print_kb_entries(Console(highlight=False, soft_wrap=True), found, offices, name)


@app.command()
def normalize(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    latin_digits: Annotated[bool, typer.Option("--latin-digits", help="Write digits as 0-9.")] = False,
) -> None:
    """Print the normalized text."""
    from khabar.persian.normalize import normalize as run

    sys.stdout.write(run(_read(file), digits="latin" if latin_digits else "persian") + "\n")


def _parse_published(value: str):
    from khabar.published import as_published

    try:
        return as_published(value)
    except ValueError as exc:
        raise _usage(f"--{exc}") from None


cli_events.register(app)
cli_corpus.register(app)
cli_web.register(app)
cli_scale.register(app)


def main() -> None:
    """Entry point: typed errors become one line on stderr and an exit code
    (see EXIT_CODES); never a traceback, unless KHABAR_DEBUG=1 asks for one."""
    try:
        result = app(standalone_mode=False)
    except KhabarError as exc:
        print(f"khabar: error: {_printable(exc)}", file=sys.stderr)
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        print("khabar: aborted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:  # `khabar analyze … | head`: the reader went away
        _quiet_stdout()
        sys.exit(0)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:
        # usage errors (click's, vendored by typer): shown as click shows them
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        if os.environ.get("KHABAR_DEBUG"):
            raise
        print(f"khabar: internal error: {type(exc).__name__}: {_printable(exc)} (a bug: please report it; "
              "KHABAR_DEBUG=1 shows the traceback)", file=sys.stderr)
        sys.exit(3)
    if isinstance(result, int) and result:
        sys.exit(result)


def _printable(exc: BaseException) -> str:
    """The message on one line, with any undecodable file-name bytes escaped."""
    text = " ".join(str(exc).split())
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's exit flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
