"""The khabar command line: a thin skin over the Python API."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.text import Text

from khabar.errors import KhabarError
from khabar.ingest.decode import decode, read_text

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Persian news intelligence, offline.")


@app.callback()
def _root() -> None:
    """khabar: Persian news intelligence, offline."""


def _read(source: str) -> str:
    if source == "-":
        return decode(sys.stdin.buffer.read(), "stdin")
    return read_text(Path(source))


@app.command()
def analyze(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the Doc as JSON.")] = False,
) -> None:
    """Normalize a text and split it into sentences and tokens."""
    from khabar.pipeline import analyze as run

    doc = run(_read(file))
    if as_json:
        sys.stdout.write(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return
    console = Console(highlight=False)
    console.print(Text(f"{len(doc.sentences)} sentences, {len(doc.tokens)} tokens", style="bold"))
    for i, sent in enumerate(doc.sentences, 1):
        console.print(Text(f"\n[{i}] ", style="cyan") + Text(doc.text[sent.start : sent.end]))
        tokens = doc.sentence_tokens(sent)
        console.print(Text(" │ ".join(t.text for t in tokens), style="dim"))


@app.command()
def normalize(
    file: Annotated[str, typer.Argument(help="A text file, or - for standard input.")],
    latin_digits: Annotated[bool, typer.Option("--latin-digits", help="Write digits as 0-9.")] = False,
) -> None:
    """Print the normalized text."""
    from khabar.persian.normalize import normalize as run

    sys.stdout.write(run(_read(file), digits="latin" if latin_digits else "persian") + "\n")


def main() -> None:
    """Entry point: typed errors become one line on stderr and exit code 1."""
    try:
        app(standalone_mode=False)
    except KhabarError as exc:
        print(f"khabar: error: {exc}", file=sys.stderr)
        sys.exit(1)
    except (typer.Abort, KeyboardInterrupt):
        print("khabar: aborted", file=sys.stderr)
        sys.exit(130)
    except Exception as exc:  # click usage errors arrive here in non-standalone mode
        from click.exceptions import ClickException

        if isinstance(exc, ClickException):
            exc.show()
            sys.exit(exc.exit_code)
        raise
