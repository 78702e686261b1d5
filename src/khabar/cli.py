"""The khabar command line: a thin skin over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from khabar import cli_corpus, cli_events, render
from khabar.errors import KhabarError
from khabar.ingest.decode import decode, read_text

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Persian news intelligence, offline.")


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
    if source == "-":
        return decode(sys.stdin.buffer.read(), "stdin")
    return read_text(Path(source))


@app.command()
def analyze(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Doc as JSON.")] = False,
    output_format: Annotated[
        str, typer.Option("--format", help="text (default), json or conllu.")
    ] = "text",
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for relative times: ISO (2021-06-30) or Jalali (1400-04-09).")
    ] = None,
) -> None:
    """Read an article (text, HTML, JSON or WARC) and analyze it: normalized text, sentences,
    tokens with lemmas and parts of speech, quantities and times."""
    from khabar.ingest.reader import read
    from khabar.pipeline import analyze as run

    if output_format not in ("text", "json", "conllu"):
        raise typer.BadParameter("--format must be text, json or conllu")
    source = sys.stdin.buffer.read() if file == "-" else Path(file)
    when = _parse_published(published) if published else None
    doc = run(read(source, name="stdin" if file == "-" else None), published=when)
    if as_json or output_format == "json":
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    if output_format == "conllu":
        sys.stdout.write(doc.to_conllu())
        return
    render.print_doc(Console(highlight=False, soft_wrap=True), doc)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), JSONL, WARC, or - for stdin.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="The JSONL file Articles are appended to.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    normalize: Annotated[
        bool, typer.Option("--normalize", help="Write lead and body normalized too (slower; `analyze` normalizes anyway).")
    ] = False,
) -> None:
    """Read news inputs into a JSONL file of Articles (resumable: a re-run adds only new articles).
    Titles are normalized; lead and body keep the text as the source wrote it, unless --normalize."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from khabar.ingest.batch import error_log_path, expand
    from khabar.ingest.batch import ingest as run

    inputs = expand(paths)
    console = Console(stderr=True, highlight=False)
    with Progress(
        TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, transient=True, disable=as_json,
    ) as progress:
        task = progress.add_task("ingest", total=len(inputs))
        summary = run(inputs, out, on_input=lambda _: progress.advance(task), normalize=normalize)
    if as_json:
        sys.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(highlight=False, soft_wrap=True)
    console.print(
        f"[bold]{summary.written}[/] articles written to {out}, {summary.already_present} already there, "
        f"{summary.duplicates} duplicates, [bold]{len(summary.failed)}[/] inputs failed "
        f"(from {summary.inputs} inputs)"
    )
    for reason, count in summary.reasons().most_common():
        console.print(f"  {count} × {reason}")
    if summary.failed:
        console.print(f"failures listed in {error_log_path(out)}")


kb_app = typer.Typer(help="The knowledge base of news actors.")
app.add_typer(kb_app, name="kb")


@kb_app.command("search")
def kb_search(
    name: Annotated[str, typer.Argument(help="A name, in Persian or English, or part of one.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the entries as JSON.")] = False,
) -> None:
    """Find knowledge-base entries by name."""
    from dataclasses import asdict

    from khabar.extract.kb import knowledge_base

    kb = knowledge_base()
    found = kb.search(name)
    offices = {e.id: [t for t in kb.terms if t.holder == e.id and t.office != "seat_of_government"] for e in found}
    if as_json:
        rows = [{**asdict(e), "offices": [asdict(t) for t in offices[e.id]]} for e in found]
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(highlight=False, soft_wrap=True)
    if not found:
        console.print(f"no entry for {name!r}")
    for e in found:
        dates = f" {e.start or '…'}–{e.end or ''}" if e.start or e.end else ""
        console.print(Text(f"{e.id}", style="cyan") + Text(f"  {e.type}  {e.name_en}  {e.country or ''} {e.role or ''}{dates}  {' | '.join(e.names_fa)}"))
        for t in offices[e.id]:
            console.print(f"    {t.office.replace('_', ' ')} of {t.country}: {t.start}–{t.end or ''}")


@app.command()
def normalize(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    latin_digits: Annotated[bool, typer.Option("--latin-digits", help="Write digits as 0-9.")] = False,
) -> None:
    """Print the normalized text."""
    from khabar.persian.normalize import normalize as run

    sys.stdout.write(run(_read(file), digits="latin" if latin_digits else "persian") + "\n")


def _parse_published(value: str):
    from khabar.errors import InputError
    from khabar.published import as_published

    try:
        return as_published(value)
    except ValueError as exc:
        raise InputError(f"--{exc}") from None


cli_events.register(app)
cli_corpus.register(app)


def main() -> None:
    """Entry point: typed errors become one line on stderr and exit code 1."""
    try:
        result = app(standalone_mode=False)
    except KhabarError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        print("khabar: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:
        # usage errors (click's, vendored by typer): shown as click shows them
        show, code = getattr(exc, "show", None), getattr(exc, "exit_code", None)
        if callable(show) and isinstance(code, int):
            show()
            sys.exit(code)
        raise
    if isinstance(result, int) and result:
        sys.exit(result)
