"""The limits of ingest. An input beyond one of them is skipped with the
reason, before any of it becomes an Article (never half-read); the defaults
keep a batch's memory under ~1.5 GB whatever it meets."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """`max_file_bytes`: a file as stored (checked before reading it);
    `max_decompressed_bytes`: a gzip file's content, decompressed (counted while
    decompressing: a gzip bomb stops there); `max_chars`: one document (a page,
    a text, a JSON record, a WARC record); `max_json_depth`: nesting of one JSON value."""

    max_file_bytes: int = 200 * MB
    max_decompressed_bytes: int = 200 * MB
    max_chars: int = 10_000_000
    max_json_depth: int = 64

    def __post_init__(self) -> None:
        for name in ("max_file_bytes", "max_decompressed_bytes", "max_chars", "max_json_depth"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be 1 or more, not {getattr(self, name)}")

    @property
    def max_doc_bytes(self) -> int:
        """The most bytes a document of `max_chars` characters can take (4 a character in UTF-8)."""
        return 4 * self.max_chars


DEFAULT = Limits()
