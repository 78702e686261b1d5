"""WARC archives: every HTML response record to an Article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from khabar.errors import InputError, KhabarError
from khabar.ingest.decode import decode
from khabar.ingest.html import parse_html
from khabar.model import Article


def iter_warc(stream: BinaryIO, name: str) -> Iterator[tuple[str, Article | KhabarError]]:
    """(label, Article or error) for every HTML response record of a WARC stream."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            ctype = record.http_headers.get_header("Content-Type") or ""
            if "html" not in ctype.lower():
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            label = f"{name} {url}"
            try:
                html = decode(record.content_stream().read(), label, charset=_charset(ctype))
                yield label, parse_html(html, url=url, source=label)
            except KhabarError as exc:
                yield label, exc
    except ArchiveLoadFailed as exc:
        yield name, InputError(f"{name}: not a readable WARC file ({exc})")


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";"):
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ").lower()
    return None
