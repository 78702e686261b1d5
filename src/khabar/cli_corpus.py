"""The `khabar` commands of the corpus room: thin skins over the library
(khabar.store): `search`, `stats`, `export`. A malformed query or date is one
line on stderr and exit code 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

Db = Annotated[Path, typer.Option("--db", help="The corpus (made by `khabar ingest INPUT --db FILE`).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Source = Annotated[str | None, typer.Option("--source", help="Only this outlet or agency (e.g. IRNA).")]
From = Annotated[str | None, typer.Option("--from", help="Published on or after (YYYY-MM-DD, YYYY-MM or YYYY).")]
To = Annotated[str | None, typer.Option("--to", help="Published on or before (YYYY-MM-DD, YYYY-MM or YYYY).")]
Entity = Annotated[str | None, typer.Option("--entity", help="Naming this knowledge-base entity (kb_id).")]
EventType = Annotated[str | None, typer.Option("--event", help="Stating an event of this PLOVER type.")]
Lemma = Annotated[bool, typer.Option("--lemma", help="Match every inflection of each word (کرد → می‌کنند).")]


def _user_error(message: str) -> typer.Exit:
    print(f"khabar: error: {message}", file=sys.stderr)
    return typer.Exit(2)


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def _open(db: Path):
    from khabar.store import Corpus

    return Corpus(db, create=False)


def search(
    query: Annotated[str, typer.Argument(help='Words (AND), "phrases", OR, -not, prefix*, lemma:word, ( ).')],
    db: Db,
    as_json: AsJson = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Hits to show.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Hits to pass over first.")] = 0,
    source: Source = None,
    date_from: From = None,
    date_to: To = None,
    entity: Entity = None,
    event: EventType = None,
    show_all: Annotated[bool, typer.Option("--all", help="Every copy of a story, not only its earliest.")] = False,
    lemma: Lemma = False,
) -> None:
    """Search the corpus: every spelling of a word finds every other (half-space, space or joined;
    Arabic or Persian letters; any digits). Ranked by BM25; copies of one story show once."""
    from khabar.store import QueryError

    with _open(db) as corpus:
        try:
            result = corpus.search(
                query, limit=limit, offset=offset, source=source, date_from=date_from, date_to=date_to,
                entity=entity, event=event, all=show_all, lemma=lemma,
            )
        except QueryError as exc:
            raise _user_error(str(exc)) from None
    if as_json:
        _print_json(result.to_dict())
        return
    console = Console(highlight=False, soft_wrap=True)
    stories = "articles" if show_all else "stories"
    console.print(Text(f"{result.total} {stories} match {query!r}", style="bold"))
    for n, hit in enumerate(result.hits, offset + 1):
        copies = hit.cluster["articles"]
        carried = f"  [{copies} copies, {hit.cluster['outlets']} outlets]" if copies > 1 and not show_all else ""
        day = (hit.published or "")[:10]
        console.print(Text(f"\n{n}. {hit.title}", style="bold") + Text(f"  {hit.score:.2f}", style="dim"))
        console.print(Text(f"   {hit.source or ''}  {day}  {hit.url or hit.id}{carried}", style="cyan"))
        snippet = Text("   " + hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start + 3, end + 3)
        console.print(snippet)


def stats(
    db: Db,
    query: Annotated[str | None, typer.Argument(help="A search query (none: the whole corpus).")] = None,
    as_json: AsJson = False,
    interval: Annotated[str, typer.Option("--by", help="day, week (from Saturday), month or year.")] = "month",
    limit: Annotated[int, typer.Option("--limit", min=1, help="Rows of each top list.")] = 10,
    source: Source = None,
    date_from: From = None,
    date_to: To = None,
    entity: Entity = None,
    event: EventType = None,
    lemma: Lemma = False,
) -> None:
    """Attention over time (articles, stories, share of all articles), top people and organisations,
    places, event types and sources for a query; with --entity, the actors named with it."""
    from khabar.store import QueryError
    from khabar.store.trends import INTERVALS

    if interval not in INTERVALS:
        raise _user_error(f"--by must be one of {', '.join(INTERVALS)}")
    with _open(db) as corpus:
        try:
            data = corpus.stats(
                query, interval=interval, limit=limit, source=source, date_from=date_from, date_to=date_to,
                entity=entity, event=event, lemma=lemma,
            )
        except QueryError as exc:
            raise _user_error(str(exc)) from None
    if as_json:
        _print_json(data)
        return
    console = Console(highlight=False, soft_wrap=True)
    console.print(Text(f"{data['articles']} articles, {data['stories']} stories match {data['query']!r}", style="bold"))
    sections = [
        ("attention", ("period", "articles", "stories", "all_articles", "share")),
        ("entities", ("name", "text", "label", "kb_id", "stories", "articles")),
        ("places", ("name", "text", "kb_id", "stories", "articles")),
        ("events", ("type", "events", "mentions", "stories")),
        ("sources", ("source", "articles", "stories", "first_day", "last_day")),
        ("cooccurring", ("name", "text", "label", "kb_id", "stories", "articles")),
    ]
    for key, columns in sections:
        if data.get(key):
            table = Table(title=key, title_justify="left", show_edge=False)
            for column in columns:
                table.add_column(column)
            for row in data[key]:
                table.add_row(*("" if row.get(c) is None else str(row[c]) for c in columns))
            console.print(table)


def export(
    db: Db,
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to write.")],
    output_format: Annotated[str, typer.Option("--format", help="jsonl, csv, parquet, conllu or plover.")] = "jsonl",
    query: Annotated[str | None, typer.Option("--query", "-q", help="A search query (none: every article).")] = None,
    as_json: AsJson = False,
    source: Source = None,
    date_from: From = None,
    date_to: To = None,
    entity: Entity = None,
    event: EventType = None,
    lemma: Lemma = False,
) -> None:
    """Export the articles a query selects: jsonl (a Doc a line), csv and parquet (an article a row),
    conllu (tokens), plover (an event a line, PLOVER-style JSON)."""
    from khabar.store import QueryError
    from khabar.store.export import FORMATS

    if output_format not in FORMATS:
        raise _user_error(f"--format must be one of {', '.join(FORMATS)}")
    if out.is_dir():
        raise _user_error(f"--out {out}: is a folder; give a file name")
    with _open(db) as corpus:
        try:
            count = corpus.export(
                out, output_format, query, source=source, date_from=date_from, date_to=date_to,
                entity=entity, event=event, lemma=lemma,
            )
        except QueryError as exc:
            raise _user_error(str(exc)) from None
    what = "events" if output_format == "plover" else "articles"
    if as_json:
        _print_json({"out": str(out), "format": output_format, what: count})
    else:
        Console(highlight=False, soft_wrap=True).print(Text(f"{count} {what} written to {out} ({output_format})"))


def register(app: typer.Typer) -> None:
    """Add this room's commands to the CLI app."""
    app.command()(search)
    app.command()(stats)
    app.command()(export)
