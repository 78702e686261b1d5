"""What did we get? Detect HTML, plain text, JSON/JSONL and WARC, and read Articles."""

from __future__ import annotations

import gzip
import io
import re
from collections.abc import Iterator
from pathlib import Path

from khabar.errors import InputError, KhabarError
from khabar.ingest.decode import decode, read_bytes
from khabar.ingest.html import parse_html
from khabar.ingest.plaintext import parse_text
from khabar.ingest.records import iter_records, parse_record
from khabar.ingest.warc import iter_warc
from khabar.model import Article

# One article (an HTML page or a text) larger than this is not an article.
MAX_ARTICLE_BYTES = 10 * 1024 * 1024
_HTML = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]|<p[\s>]|<div[\s>]", re.I)

Result = tuple[str, Article | KhabarError]


def kind_of(data: bytes, name: str = "") -> str:
    """'warc', 'json', 'html' or 'text'."""
    head = data[:4096]
    if head.startswith(b"WARC/") or name.endswith((".warc", ".warc.gz")):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        try:
            if gzip.decompress(data[:65536] if len(data) < 65536 else data)[:5] == b"WARC/":
                return "warc"
        except (OSError, EOFError):
            pass
        return "gzip"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped[:1] in (b"{", b"[") or name.endswith((".json", ".jsonl")):
        return "json"
    try:
        text = decode(head[: len(head) - len(head) % 2] if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head, name)
    except InputError:
        text = ""
    return "html" if _HTML.search(text[:2000]) or name.endswith((".html", ".htm")) else "text"


def iter_articles(data: bytes, name: str) -> Iterator[Result]:
    """(label, Article or error) for every article in `data`."""
    if not data.strip():
        yield name, InputError(f"{name}: empty input")
        return
    kind = kind_of(data, name)
    if kind == "warc":
        yield from iter_warc(io.BytesIO(data), name)
        return
    if kind == "gzip":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield name, InputError(f"{name}: broken gzip data ({exc})")
            return
        yield from iter_articles(data, name.removesuffix(".gz"))
        return
    try:
        text = decode(data, name)
    except InputError as exc:
        yield name, exc
        return
    if kind == "json":
        for label, record in iter_records(text, name):
            if isinstance(record, KhabarError):
                yield label, record
                continue
            try:
                yield label, parse_record(record, label)
            except KhabarError as exc:
                yield label, exc
        return
    if len(data) > MAX_ARTICLE_BYTES:
        yield name, InputError(f"{name}: {len(data):,} bytes is too large for one article (limit {MAX_ARTICLE_BYTES:,})")
        return
    try:
        yield name, parse_html(text, source=name) if kind == "html" else parse_text(text, source=name)
    except KhabarError as exc:
        yield name, exc


def read(source: str | Path | bytes, *, name: str | None = None) -> Article:
    """Read one article from a path or bytes (HTML, plain text, one JSON record,
    or a WARC holding one page); raise a KhabarError if there is none or several."""
    if isinstance(source, bytes):
        data, label = source, name or "input"
    else:
        path = Path(source)
        label = name or str(path)
        data = read_bytes(path)
    results = list(iter_articles(data, label))
    articles = [r for _, r in results if isinstance(r, Article)]
    if len(articles) == 1:
        return articles[0]
    if articles:
        raise InputError(f"{label}: holds {len(articles)} articles; use `khabar ingest` for collections")
    errors = [r for _, r in results if isinstance(r, KhabarError)]
    raise errors[0] if errors else InputError(f"{label}: no article found")
