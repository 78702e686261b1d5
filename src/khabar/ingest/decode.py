"""Bytes to text, decided per file on evidence: UTF-8 (with or without BOM),
UTF-16, Windows-1256; binary refused.

- UTF-8 that is valid is taken, unless it is mojibake (Persian written as UTF-8,
  read as Windows-1256 and saved again as UTF-8: "ط³ظ„ط§ظ…"), which is repaired
  when it can be and refused when it cannot.
- A few invalid bytes in text that is otherwise UTF-8 (at least 9 valid
  multi-byte characters for every bad byte) are replaced by U+FFFD, with a
  warning that says how many and where the first one was.
- Bytes with almost no valid UTF-8 are read as Windows-1256 only if the result
  reads as text in the Arabic script (letters, spaces between words, few
  symbols, and not the letter pattern of mojibake); otherwise they are refused.
- In between (a file whose lines were saved in different encodings), each line
  is decided alone, with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from khabar.errors import InputError, skip
from khabar.ingest.files import read_file
from khabar.ingest.limits import DEFAULT, Limits

BOM_UTF8 = b"\xef\xbb\xbf"
_ASCII = bytes(range(128))
_MAGIC = (
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"), (b"\x7fELF", "an executable"),
    (b"BZh", "bzip2 data"), (b"\xfd7zXZ\x00", "xz data"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"RIFF", "a RIFF (audio or video) file"), (b"OggS", "Ogg audio"), (b"ID3", "MP3 audio"),
    (b"SQLite format 3\x00", "an SQLite database"), (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"wOFF", "a web font"), (b"wOF2", "a web font"), (b"\x00\x00\x01\x00", "an icon"),
)
# Characters that text in the Arabic script is made of (letters, digits, marks,
# punctuation, ZWNJ and the direction marks) and the punctuation it borrows.
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u200c-\u200f«»“”‘’…–—]")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_MOJIBAKE_LEADS = re.compile("[طظ]")  # UTF-8's lead bytes of Persian letters, read as Windows-1256
_LETTERS = re.compile(r"[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff]")


@dataclass
class Decoded:
    """Text, the encoding it was read in, and what was noticed on the way."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, name: str = "input", charset: str | None = None) -> str:
    """Decode `data` as text or raise InputError with a one-line reason.
    A declared `charset` (from HTTP headers) is tried first."""
    return decode_text(data, name, charset).text


def decode_text(data: bytes, name: str = "input", charset: str | None = None) -> Decoded:
    """`data` as text with its encoding and warnings, or an InputError naming `name`."""
    if (what := binary_format(data)) is not None:
        raise skip(name, f"binary data ({what}), not text")
    if data.startswith(BOM_UTF8):
        return _checked(_utf8(data[3:], name), name)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _checked(_utf16(data, "utf-16", name), name)
    if utf16 := _utf16_without_bom(data):
        return _checked(_utf16(data, utf16, name), name)
    if b"\x00" in data[:8192]:
        raise skip(name, "binary data, not text")
    return _checked(_utf8(data, name, _legacy(charset)), name)


def _utf8(data: bytes, name: str, legacy: str = "cp1256") -> Decoded:
    """UTF-8, repaired, replaced or in part `legacy` (Windows-1256 unless the
    input declared another charset), as the evidence says: valid UTF-8 wins
    over a declared charset, which is often wrong."""
    try:
        return _unmojibake(Decoded(data.decode("utf-8"), "utf-8"), name)
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    replaced = data.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - data.count("\ufffd".encode())
    n_ascii = len(data) - len(data.translate(None, _ASCII))
    multibyte = len(replaced) - n_ascii - bad  # valid characters of 2 to 4 bytes
    if multibyte >= 9 * bad:
        return Decoded(replaced, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD (the first at byte {first_bad:,})"])
    del replaced
    if multibyte * 9 <= bad:
        text = data.decode(legacy, "replace")
        if _reads_as_arabic_script(text) if legacy == "cp1256" else _reads_as_text(text) and not _looks_like_mojibake(text):
            return Decoded(text, "windows-1256" if legacy == "cp1256" else legacy)
        raise skip(name, "not text in UTF-8, UTF-16 or Windows-1256" + ("" if legacy == "cp1256" else f" (nor {legacy}, as declared)"))
    return _per_line(data, name)


def _legacy(charset: str | None) -> str:
    """The codec of a declared charset other than UTF-8/16 ('cp1256' if none or unknown)."""
    if not charset:
        return "cp1256"
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return "cp1256"
    return "cp1256" if codec.startswith(("utf", "cp1256")) else codec


def _per_line(data: bytes, name: str) -> Decoded:
    """Each line in UTF-8, else Windows-1256 where that reads as Arabic-script text, else UTF-8 with U+FFFD."""
    lines: list[str] = []
    legacy = replaced = 0
    for line in data.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        text = line.decode("cp1256")
        if _reads_as_arabic_script(text, short=True):
            legacy += 1
            lines.append(text)
        else:
            replaced += 1
            lines.append(line.decode("utf-8", "replace"))
    warnings = [f"mixed encodings: {legacy} line(s) read as Windows-1256, the rest as UTF-8"] if legacy else []
    if replaced:
        warnings.append(f"{replaced} line(s) with invalid UTF-8 bytes replaced by U+FFFD")
    return Decoded("\n".join(lines), "mixed", warnings)


def _unmojibake(decoded: Decoded, name: str) -> Decoded:
    """Valid UTF-8 that is mojibake is repaired (or refused if it cannot be)."""
    if not _looks_like_mojibake(decoded.text):
        return decoded
    try:
        text = decoded.text.encode("cp1256").decode("utf-8")
    except UnicodeError:
        raise skip(name, "mojibake: Persian text decoded with the wrong encoding and saved again; it cannot be repaired") from None
    return Decoded(text, "utf-8", ["repaired mojibake (UTF-8 text that had been read as Windows-1256)"])


def _utf16(data: bytes, encoding: str, name: str) -> Decoded:
    warnings = []
    if len(data) % 2:
        data = data[:-1]
        warnings.append("UTF-16 text with an odd number of bytes: the last byte dropped")
    try:
        return Decoded(data.decode(encoding), encoding, warnings)
    except UnicodeDecodeError as exc:
        text = data.decode(encoding, "replace")
        if text.count("\ufffd") * 100 > len(text):
            raise skip(name, f"invalid {encoding.upper()} text") from None
        warnings.append(f"invalid UTF-16 replaced by U+FFFD (the first at byte {exc.start:,})")
        return Decoded(text, encoding, warnings)


def _checked(decoded: Decoded, name: str) -> Decoded:
    if not _reads_as_text(decoded.text):
        raise skip(name, "binary data, not text")
    return decoded


def binary_format(data: bytes) -> str | None:
    """What a file of a known binary format is ('a PNG image'), by its first bytes."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _reads_as_text(text: str) -> bool:
    """Few control characters and U+FFFD (in samples from the start, the middle and the end)."""
    sample = text[:4096] + text[len(text) // 2 : len(text) // 2 + 4096] + text[-4096:]
    return len(_CONTROLS.findall(sample)) + sample.count("\ufffd") <= 0.05 * max(len(sample), 1)


def _reads_as_arabic_script(text: str, short: bool = False) -> bool:
    """Text of words (spaces between them) whose non-ASCII characters are nearly
    all of the Arabic script, with few controls, and not mojibake."""
    sample = text[:20000]
    if len(_CONTROLS.findall(sample)) > 0.01 * len(sample):
        return False
    non_ascii = sum(1 for c in sample if c > "\x7f")
    if non_ascii and len(_ARABIC_SCRIPT.findall(sample)) < 0.9 * non_ascii:
        return False
    if not short and len(sample) >= 200 and sum(c.isspace() for c in sample) < 0.03 * len(sample):
        return False
    return not _looks_like_mojibake(sample)


def _looks_like_mojibake(text: str) -> bool:
    """Persian letters as UTF-8 read in Windows-1256 start with ط or ظ: in
    Persian these are well under 1% of letters, in such mojibake 40% or more."""
    sample = text[:20000]
    letters = len(_LETTERS.findall(sample))
    return letters >= 8 and len(_MOJIBAKE_LEADS.findall(sample)) > 0.25 * letters


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or '-be' when the high bytes of the first characters are all
    0x00 (Latin), 0x06 (Arabic script) or 0x20 (ZWNJ, punctuation)."""
    head = data[:4096]
    head = head[: len(head) - len(head) % 2]
    if len(head) < 4:
        return None
    for encoding, high in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if all(b in (0x00, 0x06, 0x20) for b in high) and high.count(0x20) < len(high) / 2:
            return encoding
    return None


def read_bytes(path: str | Path, limits: Limits = DEFAULT) -> bytes:
    """A file's bytes, or InputError saying why not (missing, a folder, a FIFO, too large…)."""
    return read_file(path, limits.max_file_bytes)


def read_text(path: str | Path, limits: Limits = DEFAULT) -> str:
    """Read a file as text."""
    return decode(read_bytes(path, limits), str(path))


__all__ = ["Decoded", "InputError", "binary_format", "decode", "decode_text", "read_bytes", "read_text"]
