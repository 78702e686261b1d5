"""Batch ingest: many inputs to one JSONL file of Articles, resumable, with every
input that could not be read recorded (and the batch going on).

The output is only appended to: a re-run adds the articles not already there.
Its errors log (`OUT.errors.jsonl`) accumulates across runs: one JSON line per
skip, {"input", "line", "record", "reason", "run", "time"}. A last line that an
interrupted run left without its line end is completed (if it is whole JSON)
or removed (if it is not) before anything is appended."""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from khabar.errors import OutputError
from khabar.ingest.cleaning import normalized
from khabar.ingest.decode import read_bytes  # noqa: F401 — part of this module's API (used by the corpus store)
from khabar.ingest.files import display, expand, walk
from khabar.ingest.inputs import Skip, locate, read_input
from khabar.ingest.limits import DEFAULT, Limits
from khabar.model import Article

__all__ = ["Summary", "error_log_path", "expand", "ingest", "new_run_id", "read_bytes"]

MAX_KEPT = 10_000  # skips kept in the Summary (all are counted, and logged as below)
MAX_LOGGED_PER_INPUT = 1_000  # skips of one input logged one by one; the rest as one line of counts


@dataclass
class Summary:
    """What a batch did: articles written, already there, duplicates within
    the run, skips (with where and why), inputs read and files left out."""

    written: int = 0
    already_present: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (where, reason), as `skips`
    skips: list[Skip] = field(default_factory=list)  # the first MAX_KEPT of them
    skipped: int = 0  # all of them
    kinds: Counter[str] = field(default_factory=Counter)  # all of them, by kind of reason
    inputs: int = 0
    ignored: int = 0  # files a folder walk left out (hidden, README-like)
    run: str = ""
    errors_file: str | None = None

    @property
    def read(self) -> int:
        """Articles read (written or not)."""
        return self.written + self.already_present + self.duplicates

    @property
    def nothing_read(self) -> bool:
        """True when not one article could be read: the batch failed."""
        return self.read == 0

    def reasons(self) -> Counter[str]:
        """How many skips of each kind of reason ('too large', 'invalid JSON'…)."""
        return self.kinds

    def to_dict(self) -> dict[str, Any]:
        return {
            "run": self.run,
            "inputs": self.inputs,
            "ignored": self.ignored,
            "written": self.written,
            "already_present": self.already_present,
            "duplicates": self.duplicates,
            "failed": self.skipped,
            "errors_file": self.errors_file,
            "failures": [s.to_dict() for s in self.skips],  # the first MAX_KEPT; all are in the errors file
        }


def error_log_path(out: Path) -> Path:
    return out.with_name(out.name + ".errors.jsonl")


def new_run_id() -> str:
    """'20240630T101500Z-3f9a1c': the time a run started (UTC) and a random tail."""
    return f"{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


def ingest(
    paths: Iterable[str],
    out: Path,
    *,
    on_input: Callable[[str], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    normalize: bool = False,
    limits: Limits = DEFAULT,
    run: str | None = None,
) -> Summary:
    """Read every input into `out` (JSONL, appended); skip articles whose id is
    already there; append this run's skips to `out`.errors.jsonl. With
    `normalize`, lead and body are written normalized (else as the source wrote
    them). `on_start(total)` is told how many inputs there are, `on_input(name)`
    when each is done. An output that cannot be written raises OutputError;
    no input does: each is a skip."""
    out = Path(out)
    log_path = error_log_path(out)
    _check_output(out)
    own = {out.resolve(), log_path.resolve()}  # an output inside an input folder is not an input
    found = walk(paths)
    inputs = [name for name in found.files if name == "-" or _resolved(name) not in own]
    summary = Summary(inputs=len(inputs), ignored=found.ignored, run=run or new_run_id(), errors_file=str(log_path))
    if on_start:
        on_start(len(inputs))
    try:
        seen = _existing_ids(out)
        _complete_last_line(log_path)
        with open(out, "a", encoding="utf-8") as sink, open(log_path, "a", encoding="utf-8") as log:
            for error in found.skipped:
                _record(summary, log, locate(str(error), error))
            for name in inputs:
                shown = "stdin" if name == "-" else display(name)
                unlisted: Counter[str] = Counter()
                logged = 0
                for label, result in read_input(name, limits):
                    if isinstance(result, Article):
                        _write(result, seen, summary, sink, normalize)
                        continue
                    where = locate(label, result, shown)
                    if logged < MAX_LOGGED_PER_INPUT:
                        logged += 1
                        _record(summary, log, where)
                    else:  # a file of a million bad lines is not a million log lines
                        _count(summary, where)
                        unlisted[_reason_kind(where.reason)] += 1
                if unlisted:
                    more = "; ".join(f"{count} × {kind}" for kind, count in unlisted.most_common())
                    _log(summary, log, Skip(shown, f"{sum(unlisted.values())} more skips not listed one by one: {more}"))
                sink.flush()
                log.flush()
                if on_input:
                    on_input(name)
    except OSError as exc:
        raise OutputError(f"{display(out)}: cannot be written ({exc.strerror or exc})") from None
    return summary


def _check_output(out: Path) -> None:
    if out.is_dir():
        raise OutputError(f"{display(out)}: is a folder; --out takes a file name, such as articles.jsonl")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{display(out)}: its folder cannot be made ({exc.strerror or exc})") from None


def _resolved(name: str) -> Path | None:
    try:
        return Path(name).resolve()
    except (OSError, RuntimeError, ValueError):
        return None


def _write(article: Article, seen: dict[str, str], summary: Summary, sink: IO[str], normalize: bool) -> None:
    """Write the article unless its id is there already."""
    if article.id in seen:
        if seen[article.id] == "old":
            summary.already_present += 1
        else:
            summary.duplicates += 1
        return
    seen[article.id] = "new"
    if normalize:
        article = normalized(article)
    sink.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
    summary.written += 1


def _record(summary: Summary, log: IO[str], where: Skip) -> None:
    """Count the skip, keep it (the first MAX_KEPT) and write it to the log."""
    _count(summary, where)
    _log(summary, log, where)


def _count(summary: Summary, where: Skip) -> None:
    summary.skipped += 1
    summary.kinds[_reason_kind(where.reason)] += 1
    if len(summary.skips) < MAX_KEPT:
        summary.skips.append(where)
        summary.failed.append((_label(where), where.reason))


def _log(summary: Summary, log: IO[str], where: Skip) -> None:
    entry = {**where.to_dict(), "run": summary.run, "time": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    log.write(json.dumps(entry, ensure_ascii=False) + "\n")


def _label(where: Skip) -> str:
    if where.line is not None:
        return f"{where.input}:{where.line}"
    if where.record is not None:
        return f"{where.input}#{where.record}" if isinstance(where.record, int) else f"{where.input} {where.record}"
    return where.input


def _existing_ids(out: Path) -> dict[str, str]:
    """Ids of the articles already in `out`, after its last line is made whole
    (see `_complete_last_line`); any other line that is not an Article is left
    where it is."""
    if not out.exists():
        return {}
    _complete_last_line(out)
    ids: dict[str, str] = {}
    with open(out, "rb") as fh:
        for line in fh:
            with contextlib.suppress(ValueError, KeyError, TypeError, RecursionError):
                ids[json.loads(line)["id"]] = "old"
    return ids


def _complete_last_line(path: Path) -> None:
    """A last line without its line end: completed if it is JSON, removed if it
    is not (an interrupted write), so that appending starts on a line of its own."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with open(path, "rb+") as fh:
        start = _last_line_start(fh, size)
        fh.seek(start)
        last = fh.read()
        if last.endswith(b"\n"):
            return
        try:
            json.loads(last)
        except (ValueError, RecursionError):
            fh.truncate(start)
        else:
            fh.seek(0, os.SEEK_END)
            fh.write(b"\n")
        fh.flush()
        os.fsync(fh.fileno())


def _last_line_start(fh, size: int, block: int = 1 << 16) -> int:
    """Where the last line of the file starts (after the last b'\\n' that is not its final byte)."""
    end = size - 1  # a final b'\n' belongs to the last line
    while end > 0:
        start = max(0, end - block)
        fh.seek(start)
        chunk = fh.read(end - start)
        at = chunk.rfind(b"\n")
        if at != -1:
            return start + at + 1
        end = start
    return 0


_DETAILS = re.compile(r"\s*\([^()]*\)")
_NUMBER = re.compile(r"(?<![\w-])\d[\d,.]*(?![\w-])")


def _reason_kind(reason: str) -> str:
    """The reason without what differs from input to input, for counting:
    'too large (52,000,000 bytes; …)' → 'too large'; 'a line of 12,000 characters' → 'a line of N characters'."""
    kind = reason
    while (shorter := _DETAILS.sub("", kind)) != kind:
        kind = shorter
    return _NUMBER.sub("N", kind).strip() or reason
