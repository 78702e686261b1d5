"""What did we get? Detect HTML, plain text, JSON/JSONL and WARC (gzip or not), and read Articles.

`iter_articles` never raises for bad input: every problem is an error in the
results, naming the input (and the line or record). Limits (`Limits`) are
checked before anything of an input becomes an Article."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

from khabar.errors import InputError, KhabarError, LimitError, NoArticleError, skip
from khabar.ingest.compressed import gunzip, is_gzip, peek
from khabar.ingest.decode import BOM_UTF8, decode, decode_text
from khabar.ingest.files import display, read_file
from khabar.ingest.html import parse_html
from khabar.ingest.limits import DEFAULT, Limits
from khabar.ingest.plaintext import parse_text
from khabar.ingest.records import NotJSON, iter_records, parse_record
from khabar.ingest.warc import iter_warc
from khabar.model import Article

_HTML = re.compile(r"<!doctype html|<html[\s>]|<body[\s>]|<head[\s>]|<article[\s>]|<p[\s>]|<div[\s>]", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_.:-]{2,40})""", re.I)
_WORD_CHAR = re.compile(r"[^\W_]")
_NOT_SPACE = re.compile(rb"\S")
_VISIBLE = re.compile(r"\S")
_JSON_NAMES = (".json", ".jsonl", ".ndjson")

Result = tuple[str, Article | KhabarError]


def kind_of(data: bytes, name: str = "") -> str:
    """'warc', 'gzip' (anything else compressed), 'json', 'html' or 'text'."""
    if is_gzip(data):
        return "warc" if peek(data, 5) == b"WARC/" or name.endswith(".warc.gz") else "gzip"
    if data[:5] == b"WARC/" or name.endswith(".warc"):
        return "warc"
    head = data[:4096]
    stripped = head.lstrip(BOM_UTF8 + b" \t\r\n")
    if stripped[:1] in (b"{", b"[") or name.endswith(_JSON_NAMES):
        return "json"
    try:
        text = decode(head[: len(head) - len(head) % 2] if head[:2] in (b"\xff\xfe", b"\xfe\xff") else head, name)
    except InputError:
        text = ""
    return _text_kind(text, name)


def _text_kind(text: str, name: str) -> str:
    return "html" if _HTML.search(text[:2000]) or name.endswith((".html", ".htm")) else "text"


def iter_articles(data: bytes, name: str, limits: Limits = DEFAULT) -> Iterator[Result]:
    """(label, Article or error) for every article in `data`."""
    if len(data) > limits.max_file_bytes:
        yield name, skip(name, f"too large ({len(data):,} bytes; limit {limits.max_file_bytes:,}, --max-file-mb)", kind=LimitError)
        return
    hint = name.removesuffix(".gz")
    if kind_of(data[:4096], name) == "warc":
        yield from iter_warc(io.BytesIO(data), name, limits)
        return
    if is_gzip(data):
        try:
            data = gunzip(data, name, limits.max_decompressed_bytes)
        except InputError as exc:
            yield name, exc
            return
        if is_gzip(data[:2]):
            yield name, skip(name, "gzip inside gzip: not read")
            return
        if data[:5] == b"WARC/":
            yield from iter_warc(io.BytesIO(data), name, limits)
            return
    yield from _iter_text(data, name, hint, limits)


def _iter_text(data: bytes, name: str, hint: str, limits: Limits) -> Iterator[Result]:
    """The articles of an input that is text: JSON, HTML or plain."""
    if not _NOT_SPACE.search(data):
        yield name, skip(name, "empty input", kind=NoArticleError)
        return
    if len(data) > limits.max_doc_bytes and not _may_be_json(data, hint):
        yield name, _too_long(name, f"{len(data):,} bytes", limits)
        return
    try:
        decoded = decode_text(data, name, _declared_charset(data))
    except InputError as exc:
        yield name, exc
        return
    text = decoded.text
    if _may_be_json(data, hint):
        records = _json_articles(text, name, limits, decoded.warnings, must_be_json=hint.endswith(_JSON_NAMES))
        try:
            first = next(records, None)
        except NotJSON:
            first = None  # a plain text that happens to begin with '[' or '{'
        else:
            yield first if first is not None else (name, skip(name, "no JSON records", kind=NoArticleError))
            yield from records
            return
    if not _WORD_CHAR.search(text):
        yield name, skip(name, _why_empty(data, text), kind=NoArticleError)
        return
    if len(text) > limits.max_chars:
        yield name, _too_long(name, f"{len(text):,} characters", limits)
        return
    try:
        article = parse_html(text, source=name) if _text_kind(text, hint) == "html" else parse_text(text, source=name)
    except KhabarError as exc:
        yield name, exc
        return
    yield name, _finished(article, decoded.warnings)


def _json_articles(text: str, name: str, limits: Limits, warnings: list[str], *, must_be_json: bool) -> Iterator[Result]:
    for label, record in iter_records(text, name, limits, must_be_json=must_be_json):
        if isinstance(record, KhabarError):
            yield label, record
            continue
        try:
            yield label, _finished(parse_record(record, label, limits), warnings)
        except KhabarError as exc:
            yield label, _located(exc, name, label)


def _located(exc: KhabarError, name: str, label: str) -> KhabarError:
    """A record's error with the input and its line or record number as attributes."""
    if not isinstance(exc, InputError) or exc.input is not None:
        return exc
    reason = str(exc).removeprefix(f"{label}: ")
    rest = label[len(name) :]
    if rest.startswith(":") and rest[1:].isdigit():
        return skip(name, reason, line=int(rest[1:]), kind=type(exc))
    if rest.startswith("#") and rest[1:].isdigit():
        return skip(name, reason, record=int(rest[1:]), kind=type(exc))
    return skip(name, reason, kind=type(exc))


def _finished(article: Article, warnings: list[str]) -> Article:
    """The article with the decoding's warnings first."""
    article.warnings[:0] = warnings
    return article


def _may_be_json(data: bytes, hint: str) -> bool:
    stripped = data[:4096].lstrip(BOM_UTF8 + b" \t\r\n")
    return stripped[:1] in (b"{", b"[") or hint.endswith(_JSON_NAMES)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def _why_empty(data: bytes, text: str) -> str:
    if data.startswith((BOM_UTF8, b"\xff\xfe", b"\xfe\xff")) and not _VISIBLE.search(text):
        return "no text: only a byte-order mark" + (" and spaces" if text else "")
    return "no text: only spaces, invisible characters or punctuation"


def _too_long(name: str, size: str, limits: Limits) -> LimitError:
    return skip(name, f"too large for one document ({size}; limit {limits.max_chars:,} characters, --max-chars)", kind=LimitError)


def read(source: str | Path | bytes, *, name: str | None = None, limits: Limits = DEFAULT) -> Article:
    """Read one article from a path or bytes (HTML, plain text, one JSON record,
    or a WARC holding one page); raise a KhabarError if there is none or several."""
    if isinstance(source, bytes):
        data, label = source, name or "input"
    else:
        label = name or display(source)
        data = read_file(source, limits.max_file_bytes)
    results = list(iter_articles(data, label, limits))
    articles = [r for _, r in results if isinstance(r, Article)]
    if len(articles) == 1:
        return articles[0]
    if articles:
        raise InputError(f"{label}: holds {len(articles)} articles; use `khabar ingest` for collections")
    errors = [r for _, r in results if isinstance(r, KhabarError)]
    raise errors[0] if errors else InputError(f"{label}: no article found")
