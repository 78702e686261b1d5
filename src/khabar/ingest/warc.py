"""WARC archives: every HTML response record to an Article.

An archive is read as a stream, a record at a time, each record's content up
to the characters limit (a larger page is that record's skip). A gzip archive
is decompressed once, by khabar, with the decompressed-size limit: beyond it
the whole archive is skipped (the records read so far are dropped, never half
an archive). A truncated or broken archive keeps the records read before the
break and records the break; an archive with no records, or none that is an
HTML page, is recorded too."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import BinaryIO

from khabar.errors import InputError, KhabarError, LimitError, skip
from khabar.ingest.compressed import GunzipReader, is_gzip
from khabar.ingest.decode import decode_text
from khabar.ingest.html import parse_html
from khabar.ingest.limits import DEFAULT, Limits
from khabar.model import Article

Result = tuple[str, Article | KhabarError]
_DRAIN = 1024 * 1024


def iter_warc(stream: BinaryIO, name: str, limits: Limits = DEFAULT) -> Iterator[Result]:
    """(label, Article or error) for every HTML response record of a WARC
    stream (gzip or not); the results come when the archive has been read."""
    head = stream.read(2)
    gunzip = GunzipReader(_Prefixed(head, stream), name, limits.max_decompressed_bytes) if is_gzip(head) else None
    raw = gunzip if gunzip is not None else _Prefixed(head, stream)
    results: list[Result] = []
    buffered = io.BufferedReader(raw, 1024 * 1024)
    try:
        if buffered.peek(5)[:5] != b"WARC/" and (gunzip is None or gunzip.error is None):
            yield name, skip(name, "not a WARC archive (it does not begin with 'WARC/')")
            return
        with contextlib.redirect_stderr(io.StringIO()):  # warcio prints its warnings there
            records, pages, broken, damaged = _read_records(buffered, name, limits, results)
    except LimitError as exc:
        yield name, exc
        return
    yield from (_parsed(item, name, limits) for item in results)
    if gunzip is not None and gunzip.error is not None:
        broken = (gunzip.error.reason or str(gunzip.error)).replace("(", "[").replace(")", "]")
    if broken is not None:
        yield name, skip(name, f"a truncated or broken WARC archive ({broken}; after {records} whole record(s))")
    elif damaged:
        yield name, skip(name, f"a damaged WARC archive ({damaged} record(s) with a wrong Content-Length; "
                               f"{pages} page(s) read from {records} record(s))")
    elif records == 0:
        yield name, skip(name, "not a WARC archive: no records could be read")
    elif pages == 0:
        yield name, skip(name, f"no HTML pages among the {records} WARC record(s)")


def _read_records(stream: BinaryIO, name: str, limits: Limits, out: list) -> tuple[int, int, str | None, int]:
    """Read the HTML pages of the archive into `out` as (url, content type,
    content or error): (whole records, HTML responses, why the archive broke
    off or None, how many records had a wrong length)."""
    from warcio.archiveiterator import ArchiveIterator

    records = pages = 0
    archive = ArchiveIterator(stream)
    try:
        for record in archive:
            page = None
            if record.rec_type == "response" and record.http_headers is not None:
                ctype = record.http_headers.get_header("Content-Type") or ""
                if "html" in ctype.lower():
                    url = record.rec_headers.get_header("WARC-Target-URI") or f"record {records + 1}"
                    page = (url, ctype, _content(record, name, url, limits))
            if _drain(record):
                return records, pages, "the last record is cut short", archive.err_count
            records += 1
            if page is not None:
                pages += 1
                out.append(page)
    except LimitError:
        raise
    except Exception as exc:  # noqa: BLE001 — warcio fails on broken archives in many ways (AttributeError among them); a broken archive is a recorded skip
        why = f"{type(exc).__name__}: {exc}".replace("(", "[").replace(")", "]") if str(exc) else type(exc).__name__
        return records, pages, why, archive.err_count
    return records, pages, None, archive.err_count


def _content(record, name: str, url: str, limits: Limits) -> bytes | KhabarError:
    """A page's bytes (its HTTP encoding undone), or the error that stands for it."""
    try:
        content = record.content_stream().read(limits.max_doc_bytes + 1)
    except Exception as exc:  # noqa: BLE001 — a content encoding warcio cannot undo: that record's skip
        return skip(name, f"the page cannot be read ({type(exc).__name__}: {exc})", record=url)
    if len(content) > limits.max_doc_bytes:
        return skip(name, f"a page of more than {limits.max_doc_bytes:,} bytes (--max-chars)", record=url, kind=LimitError)
    return content


def _parsed(item: tuple[str, str, bytes | KhabarError], name: str, limits: Limits) -> Result:
    url, ctype, content = item
    label = f"{name} {url}"
    if isinstance(content, KhabarError):
        return label, content
    try:
        decoded = decode_text(content, label, charset=_charset(ctype))
        if len(decoded.text) > limits.max_chars:
            return label, skip(name, f"a page of {len(decoded.text):,} characters (limit {limits.max_chars:,}, --max-chars)", record=url, kind=LimitError)
        article = parse_html(decoded.text, url=url if url.startswith(("http:", "https:")) else None, source=label)
    except KhabarError as exc:
        return label, _at_record(exc, name, url)
    article.warnings[:0] = decoded.warnings
    return label, article


def _at_record(exc: KhabarError, name: str, url: str) -> KhabarError:
    """The error with the archive and the record's address as where it happened."""
    if isinstance(exc, InputError) and exc.reason is not None:
        return skip(name, exc.reason, record=url, kind=type(exc))
    return exc


def _drain(record) -> bool:
    """Read the rest of the record; True if the archive ends before it does."""
    raw = record.raw_stream
    while raw.read(_DRAIN):
        pass
    return getattr(raw, "limit", 0) > 0


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None


class _Prefixed(io.RawIOBase):
    """`head` then the rest of `stream` (what was read to sniff it, put back)."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = head
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        n = min(len(buffer), len(self._head))
        buffer[:n] = self._head[:n]
        self._head = self._head[n:]
        data = self._stream.read(len(buffer) - n)
        buffer[n : n + len(data)] = data
        return n + len(data)
