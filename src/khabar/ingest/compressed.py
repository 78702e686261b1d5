"""gzip, decompressed once and as it is read, with a limit on the decompressed
size: a gzip bomb stops at the limit (a LimitError, at once). A truncated or
corrupt stream ends where the good data ends, and `GunzipReader.error` says
why (so that a reader keeps what came before the break); `gunzip` raises it.
Every member of a multi-member file (as WARC writers make them) is read."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from khabar.errors import InputError, LimitError, skip

GZIP_MAGIC = b"\x1f\x8b"
_IN = 64 * 1024  # compressed bytes read at a time
_OUT = 1024 * 1024  # decompressed bytes made at a time


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def peek(data: bytes, size: int = 64) -> bytes:
    """The first `size` decompressed bytes of gzip `data` (b'' if they cannot be had)."""
    try:
        return zlib.decompressobj(31).decompress(data[:_IN], size)
    except zlib.error:
        return b""


class GunzipReader(io.RawIOBase):
    """A readable stream of the decompressed content of the gzip stream `source`."""

    def __init__(self, source: BinaryIO, name: str, limit: int) -> None:
        self._source = source
        self._name = name
        self._limit = limit
        self._inflate = zlib.decompressobj(31)
        self._pending = b""
        self._done = False
        self.produced = 0  # decompressed bytes so far
        self.error: InputError | None = None  # why the stream ended early, if it did

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[override]
        filled = 0
        while filled < len(buffer):
            if not self._pending:
                if self._done:
                    break
                try:
                    self._pending = self._more()
                except LimitError:
                    raise
                except InputError as exc:
                    self.error, self._done = exc, True
                    break
            n = min(len(buffer) - filled, len(self._pending))
            buffer[filled : filled + n] = self._pending[:n]
            self._pending = self._pending[n:]
            filled += n
        return filled

    def _more(self) -> bytes:
        """The next piece of decompressed content; b'' at the clean end of the last member."""
        while True:
            if self._inflate.unconsumed_tail:
                data = self._inflate.unconsumed_tail
            elif self._inflate.eof:
                data = self._inflate.unused_data.lstrip(b"\x00") or self._source.read(_IN).lstrip(b"\x00")
                if not data:
                    self._done = True
                    return b""
                if not data.startswith(GZIP_MAGIC[: len(data)]):
                    raise skip(self._name, f"broken gzip data: not gzip after {self.produced:,} decompressed bytes")
                self._inflate = zlib.decompressobj(31)
            else:
                data = self._source.read(_IN)
                if not data:
                    raise skip(self._name, f"truncated gzip data (ends after {self.produced:,} decompressed bytes)")
            try:
                out = self._inflate.decompress(data, _OUT)
            except zlib.error as exc:
                raise skip(self._name, f"broken gzip data ({exc})") from None
            if out:
                self.produced += len(out)
                if self.produced > self._limit:
                    raise skip(
                        self._name,
                        f"decompresses to more than {self._limit:,} bytes (the limit; --max-decompressed-mb)",
                        kind=LimitError,
                    )
                return out


def gunzip(data: bytes, name: str, limit: int) -> bytearray:
    """The decompressed content of gzip `data` (a bytearray: no second copy
    is made), or an InputError (LimitError beyond `limit`)."""
    reader = GunzipReader(io.BytesIO(data), name, limit)
    out = bytearray()
    while chunk := reader.read(_OUT):
        out += chunk
    if reader.error is not None:
        raise reader.error
    return out
