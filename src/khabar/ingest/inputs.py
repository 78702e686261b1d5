"""One input of a batch (a file, or '-' for standard input) to its Articles and
skips, never raising: what a batch, the corpus store or a worker calls.

A skip is located: `locate()` gives the input, the 1-based line of a JSONL
file or the record (index in a JSON array, address in a WARC archive) and the
reason, for one line of an errors log or a row of a table."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from khabar.errors import InputError, KhabarError, skip
from khabar.ingest.files import display, read_file, read_stdin
from khabar.ingest.limits import DEFAULT, Limits
from khabar.ingest.reader import iter_articles
from khabar.model import Article

Result = tuple[str, Article | KhabarError]


@dataclass(frozen=True)
class Skip:
    """An input, or a line or record of it, that gave no article, and why."""

    input: str
    reason: str
    line: int | None = None
    record: int | str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"input": self.input, "line": self.line, "record": self.record, "reason": self.reason}


def read_input(name: str, limits: Limits = DEFAULT) -> Iterator[Result]:
    """(label, Article or error) for every article of the file `name` ('-':
    standard input). Nothing is raised: an unexpected failure of a parser is
    an error of that input ('internal error …'), and the batch goes on."""
    label = "stdin" if name == "-" else display(name)
    try:
        data = read_stdin(sys.stdin.buffer, limits.max_file_bytes) if name == "-" else read_file(name, limits.max_file_bytes)
    except InputError as exc:
        yield label, exc
        return
    try:
        yield from iter_articles(data, label, limits)
    except KhabarError as exc:
        yield label, exc
    except Exception as exc:  # noqa: BLE001 — a bug (or MemoryError) must cost one input, not the batch
        del data
        yield label, skip(label, f"internal error ({type(exc).__name__}: {exc}); the input was not read to its end")


def locate(label: str, error: BaseException, input: str | None = None) -> Skip:
    """Where and why: from the error's attributes when it has them, else from its message."""
    if isinstance(error, InputError) and error.input is not None and error.reason is not None:
        return Skip(error.input, error.reason, error.line, error.record)
    message = str(error)
    base = input or label
    for prefix in (label, base):
        if message.startswith(prefix + ": "):
            message = message[len(prefix) + 2 :]
            break
    return Skip(base, message or type(error).__name__)
