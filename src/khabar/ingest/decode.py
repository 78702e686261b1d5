"""Bytes to text: UTF-8 (with or without BOM), UTF-16, Windows-1256; binary refused."""

from __future__ import annotations

from pathlib import Path

from khabar.errors import InputError

MAX_BYTES = 200 * 1024 * 1024


def decode(data: bytes, name: str = "input", charset: str | None = None) -> str:
    """Decode `data` as text or raise InputError with a one-line reason.
    A declared `charset` (from HTTP headers) is tried first."""
    if charset:
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16, name)
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not text in UTF-8, UTF-16 or Windows-1256") from exc
    if _mostly_controls(text):
        raise InputError(f"{name}: binary data, not text")
    return text


def read_bytes(path: str | Path) -> bytes:
    """A file's bytes, or InputError saying why not (missing, a folder, too large…)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{p}: too large ({size:,} bytes; limit {MAX_BYTES:,})")
        return p.read_bytes()
    except IsADirectoryError as exc:
        raise InputError(f"{p}: is a directory") from exc
    except FileNotFoundError as exc:
        raise InputError(f"{p}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{p}: permission denied") from exc
    except OSError as exc:
        raise InputError(f"{p}: {exc.strerror or exc}") from exc


def read_text(path: str | Path) -> str:
    """Read a file as text."""
    return decode(read_bytes(path), str(path))


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: invalid {encoding.upper()} text") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when the high bytes of the first characters are all
    0x00 (Latin), 0x06 (Arabic script) or 0x20 (ZWNJ, punctuation)."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    for encoding, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if all(b in (0x00, 0x06, 0x20) for b in high) and high.count(0x20) < len(high) / 2:
            return encoding
    return None


def _mostly_controls(text: str) -> bool:
    sample = text[:4096]
    bad = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    return bad > 0.05 * max(len(sample), 1)
