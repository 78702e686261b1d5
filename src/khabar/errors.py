"""Typed errors: bad input is reported with a clear message, never a traceback.

An `InputError` made by `skip()` knows where it happened (the input, a 1-based
line of a JSONL file or a record of a JSON array or WARC archive) and why
(`reason`), so that a batch can log it as one structured line."""

from __future__ import annotations


class KhabarError(Exception):
    """Base class of every error khabar raises on purpose."""


class InputError(KhabarError):
    """The input cannot be read as text (binary, undecodable, missing, beyond a limit).

    `input`, `line`, `record` and `reason` say where and why, when known."""

    input: str | None = None
    line: int | None = None
    record: int | str | None = None
    reason: str | None = None


class NoArticleError(InputError):
    """The input was read but holds no article (a bot-check page, an empty page)."""


class LimitError(InputError):
    """The input is beyond one of the limits (bytes, decompressed size, characters, JSON depth)."""


class OutputError(KhabarError):
    """The output cannot be written (a folder, no permission, disk full)."""


def where(input: str, line: int | None = None, record: int | str | None = None) -> str:
    """'a.jsonl:3', 'a.json#2', 'crawl.warc.gz https://…' or 'a.txt'."""
    if line is not None:
        return f"{input}:{line}"
    if isinstance(record, int):
        return f"{input}#{record}"
    if record is not None:
        return f"{input} {record}"
    return input


def skip(
    input: str,
    reason: str,
    *,
    line: int | None = None,
    record: int | str | None = None,
    kind: type[InputError] = InputError,
) -> InputError:
    """An error naming the input (and line or record): str() is 'input:line: reason'."""
    exc = kind(f"{where(input, line, record)}: {reason}")
    exc.input, exc.line, exc.record, exc.reason = input, line, record, reason
    return exc
