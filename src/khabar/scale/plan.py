"""Inputs to tasks: the unit a worker analyses and retries, and what names
its output files.

Small files are grouped until a group holds about `shard_bytes`; a file
larger than that is split into n parts, part j taking the results (articles
and unreadable records) numbered i with (i // BLOCK) % n == j (so the parts
are even, whatever the articles' sizes).
Every part reads the whole file (reading is cheap beside analysis) and every
result belongs to one part only, so nothing is analysed or recorded twice.
The plan depends only on the inputs, so two runs give the same tasks."""

from __future__ import annotations

import hashlib
import json
import math
import os
from dataclasses import dataclass, field

from khabar.ingest.files import walk
from khabar.ingest.inputs import Skip, locate

SHARD_BYTES = 2 * 1024 * 1024
MAX_FILES = 256  # files in one group
MAX_PARTS = 4096  # parts of one file
BLOCK = 1  # consecutive results of a split file that go to one part


@dataclass(frozen=True)
class Task:
    """Files (or standard input's bytes) to analyse, or one part of one file."""

    index: int
    inputs: tuple[str, ...]
    part: int = 0
    parts: int = 1
    data: bytes | None = field(default=None, repr=False)  # standard input, read by the driver

    @property
    def key(self) -> str:
        """Names the task's output files: the same inputs, the same key."""
        ident = [list(self.inputs), self.part, self.parts]
        if self.data is not None:
            ident.append(hashlib.sha1(self.data).hexdigest())
        return hashlib.sha1(json.dumps(ident, ensure_ascii=False).encode("utf-8", "surrogateescape")).hexdigest()[:16]

    def owns(self, i: int) -> bool:
        """Whether result i of the input is this part's."""
        return self.parts == 1 or (i // BLOCK) % self.parts == self.part

    def describe(self) -> str:
        names = ", ".join(self.inputs[:3]) + (f" (+{len(self.inputs) - 3})" if len(self.inputs) > 3 else "")
        return names + (f" [part {self.part + 1}/{self.parts}]" if self.parts > 1 else "")


@dataclass
class Plan:
    tasks: list[Task]
    skips: list[Skip]  # inputs the walk could not read
    inputs: int  # files (and standard input)
    ignored: int  # files the walk left out (hidden, README-like)


def plan(paths: list[str], *, shard_bytes: int = SHARD_BYTES, stdin: bytes | None = None) -> Plan:
    """The tasks for `paths` (files and folders; '-' is standard input, whose
    bytes the caller passes as `stdin`)."""
    found = walk([p for p in paths if p != "-"])
    tasks: list[Task] = []
    group: list[str] = []
    size = 0

    def close_group() -> None:
        nonlocal group, size
        if group:
            tasks.append(Task(len(tasks), tuple(group)))
        group, size = [], 0

    for name in found.files:
        n = _size(name)
        if n > shard_bytes:
            close_group()
            parts = min(MAX_PARTS, math.ceil(n / shard_bytes))
            first = len(tasks)
            tasks.extend(Task(first + j, (name,), j, parts) for j in range(parts))
            continue
        group.append(name)
        size += n
        if size >= shard_bytes or len(group) >= MAX_FILES:
            close_group()
    close_group()
    if "-" in paths and stdin is not None:
        tasks.append(Task(len(tasks), ("stdin",), data=stdin))
    skips = [locate(str(error), error) for error in found.skipped]
    return Plan(tasks, skips, len(found.files) + ("-" in paths), found.ignored)


def _size(name: str) -> int:
    try:
        return os.stat(name).st_size
    except (OSError, ValueError):
        return 0  # reading it says why
