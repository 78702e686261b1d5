"""The `khabar events` command: a thin skin over khabar.extract.events
(`analyze_inputs` plus the renderers of formats.py)."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

FORMATS = ("text", "json", "plover", "tsv")


def register(app: typer.Typer) -> None:
    """Add this room's commands to the CLI app."""
    app.command("events")(events)


def events(
    paths: Annotated[list[str], typer.Argument(help="Files, folders (recursive), JSONL, WARC, or - for stdin.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per article: its events and where they are.")] = False,
    output_format: Annotated[
        str, typer.Option("--format", help="text (default), json, plover (PLOVER/POLECAT-style records), tsv (GDELT-like).")
    ] = "text",
    published: Annotated[
        str | None, typer.Option("--published", help="Publication date for relative times, if the input has none: ISO (2021-06-30) or Jalali (1400-04-09).")
    ] = None,
) -> None:
    """Political events (PLOVER types, CAMEO codes) in Persian news: who did what to whom, where and when."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from khabar.errors import KhabarError
    from khabar.extract.events.formats import TSV_COLUMNS, analyze_inputs, plover_record, tsv_row
    from khabar.ingest.batch import expand

    fmt = "json" if as_json else output_format
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    when = _published(published) if published else None
    inputs = expand(paths)
    err = Console(stderr=True, highlight=False, soft_wrap=True, markup=False)
    out = Console(highlight=False, soft_wrap=True, markup=False)
    failed = articles = 0
    if fmt == "tsv":
        sys.stdout.write("\t".join(TSV_COLUMNS) + "\n")
    with Progress(TextColumn("[bold]events"), BarColumn(), MofNCompleteColumn(), console=err, transient=True,
                  disable=not err.is_terminal) as progress:
        task = progress.add_task("events", total=len(inputs))
        for label, result in analyze_inputs(inputs, published=when, on_input=lambda _: progress.advance(task)):
            if isinstance(result, KhabarError):
                failed += 1
                err.print(f"khabar: skipped {label}: {_reason(result, label)}")
                continue
            articles += 1
            doc = result
            if fmt == "plover":
                for n, e in enumerate(doc.events):
                    sys.stdout.write(json.dumps(plover_record(doc, e, n), ensure_ascii=False) + "\n")
            elif fmt == "tsv":
                for n, e in enumerate(doc.events):
                    sys.stdout.write("\t".join(tsv_row(doc, e, n)) + "\n")
            elif fmt == "json":
                data = doc.to_dict()
                record = {"input": label, "article": data["article"], "published": data["published"],
                          "events": data["events"]}
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                _print_events(out, label, doc)
    if fmt == "text":
        err.print(f"{articles} articles, {failed} inputs skipped")
    if not articles and failed:
        raise typer.Exit(1)


def _print_events(console: Console, label: str, doc) -> None:
    art = doc.article
    title = art.title if art is not None and art.title else ""
    console.print(Text(f"{label}", style="bold cyan") + Text(f"  {title}  ({doc.published or 'no date'})"))
    if not doc.events:
        console.print(Text("  no events", style="dim"))
    for e in doc.events:
        head = Text(f"  {e.type}", style="bold") + Text(f"{'/' + e.mode if e.mode else ''}  CAMEO {e.cameo}")
        if e.context:
            head += Text(f"  [{', '.join(e.context)}]", style="yellow")
        console.print(head)
        console.print(f"    {_side(e.source)} → {_side(e.target)}")
        where = f" @ {e.location.name_en or e.location.text}" if e.location else ""
        flag = f" ({e.date_flag})" if e.date_flag else ""
        console.print(f"    {e.date or '?'}{flag}{where}  goldstein {e.goldstein}  confidence {e.confidence}")
        for a, b in e.evidence:
            console.print(Text(f"    «{doc.text[a:b]}»", style="dim"))
        if e.attribution:
            console.print(Text(f"    reported by {' ← '.join(e.attribution)}", style="dim"))


def _side(actor) -> str:
    if actor is None:
        return "—"
    code = "/".join(x for x in (actor.country, actor.sector) if x)
    name = f" {actor.name_en}" if actor.name_en else ""
    return f"{actor.text}{name}" + (f" ({code})" if code else "")


def _reason(exc: Exception, label: str) -> str:
    text = str(exc)
    return text.split(": ", 1)[1] if text.startswith(label + ": ") else text


def _published(value: str):
    from khabar.errors import InputError
    from khabar.published import as_published

    try:
        return as_published(value)
    except ValueError as exc:
        raise InputError(f"--{exc}") from None
