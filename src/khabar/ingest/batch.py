"""Batch ingest: many inputs to one JSONL file of Articles, resumable, with every
input that could not be read recorded (and the batch going on)."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import InputError, KhabarError
from khabar.ingest.cleaning import normalized
from khabar.ingest.decode import read_bytes
from khabar.ingest.reader import iter_articles
from khabar.model import Article


@dataclass
class Summary:
    """What a batch did: articles written, already there, failed (with reasons)."""

    written: int = 0
    already_present: int = 0
    duplicates: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    inputs: int = 0

    def reasons(self) -> Counter[str]:
        return Counter(_reason_kind(r) for _, r in self.failed)

    def to_dict(self) -> dict:
        return {
            "inputs": self.inputs,
            "written": self.written,
            "already_present": self.already_present,
            "duplicates": self.duplicates,
            "failed": len(self.failed),
            "failures": [{"input": s, "reason": r} for s, r in self.failed],
        }


def error_log_path(out: Path) -> Path:
    return out.with_name(out.name + ".errors.jsonl")


def expand(paths: Iterable[str]) -> list[str]:
    """Files as given, folders walked recursively in sorted order, '-' for stdin."""
    found: list[str] = []
    for p in paths:
        if p == "-":
            found.append(p)
            continue
        path = Path(p)
        if path.is_dir():
            found.extend(
                str(f) for f in sorted(path.rglob("*")) if f.is_file() and not f.name.startswith(".")
            )
        else:
            found.append(p)
    return found


def ingest(
    paths: Iterable[str],
    out: Path,
    *,
    on_input: Callable[[str], None] | None = None,
    normalize: bool = False,
) -> Summary:
    """Read every input into `out` (JSONL, appended); skip articles whose id is
    already there; write the failures of this run to `out`.errors.jsonl. With
    `normalize`, lead and body are written normalized (else as the source wrote them)."""
    own = {out.resolve(), error_log_path(out).resolve()}  # an output inside an input folder is not an input
    inputs = [name for name in expand(paths) if name == "-" or Path(name).resolve() not in own]
    seen = _existing_ids(out)
    summary = Summary(inputs=len(inputs))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "a", encoding="utf-8") as sink, open(error_log_path(out), "w", encoding="utf-8") as errors:
        for name in inputs:
            for label, result in _read_input(name):
                if isinstance(result, Article):
                    if result.id in seen:
                        if seen[result.id] == "old":
                            summary.already_present += 1
                        else:
                            summary.duplicates += 1
                        continue
                    seen[result.id] = "new"
                    if normalize:
                        result = normalized(result)
                    sink.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
                    summary.written += 1
                else:
                    summary.failed.append((label, str(result)))
                    errors.write(json.dumps({"input": label, "reason": str(result)}, ensure_ascii=False) + "\n")
            sink.flush()
            if on_input:
                on_input(name)
    return summary


def _read_input(name: str) -> Iterator[tuple[str, Article | KhabarError]]:
    if name == "-":
        yield from iter_articles(sys.stdin.buffer.read(), "stdin")
        return
    try:
        data = read_bytes(name)
    except InputError as exc:
        yield name, exc
        return
    yield from iter_articles(data, name)


def _existing_ids(out: Path) -> dict[str, str]:
    """Ids of the articles already in `out`. A last line cut short by an
    interrupted run (no line end, not JSON) is removed so the file stays valid
    JSONL; any other line that is not an Article is left where it is."""
    if not out.exists():
        return {}
    ids: dict[str, str] = {}
    size = 0
    cut_at = None
    with open(out, "rb") as fh:
        for line in fh:
            try:
                ids[json.loads(line)["id"]] = "old"
            except (ValueError, KeyError, TypeError):
                if not line.endswith(b"\n"):
                    cut_at = size
            size += len(line)
    if cut_at is not None:
        with open(out, "rb+") as fh:
            fh.truncate(cut_at)
            fh.flush()
            os.fsync(fh.fileno())
    return ids


def _reason_kind(reason: str) -> str:
    """The reason without the input's name: 'binary data, not text'."""
    return reason.split(": ", 1)[-1] if ": " in reason else reason
