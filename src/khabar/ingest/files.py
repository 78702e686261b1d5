"""Files and folders as inputs: the walk of a folder and the reading of one file.

The walk skips what is not news: hidden files and folders (`.git/` among
them) and README/LICENSE-like files; it never follows a symbolic link into a
folder it has walked already (a loop). Reading opens only regular files, and
opens them without blocking, so that a FIFO, a socket or a device is recorded
as skipped instead of being waited on; a file larger than the limit is skipped
before it is read. A file name that is not valid UTF-8 is shown with its bad
bytes escaped ('caf\\xe9.txt') and still opened by its real name."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field

from khabar.errors import InputError, LimitError, skip

# Files a folder walk leaves out (named on the command line, they are read).
NOT_NEWS = re.compile(
    r"^(?:readme|licen[cs]e|copying|notice|changelog|changes|history|authors|contributors|contributing"
    r"|code_of_conduct|security|manifest|makefile)(?:[._-][\w.-]*)?$",
    re.IGNORECASE,
)
_KINDS = {
    stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


def display(name: str | os.PathLike[str]) -> str:
    """A file name fit to print and to write in JSON: bytes that were not UTF-8 escaped."""
    text = os.fspath(name)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


@dataclass
class Walk:
    """The files found under the inputs, in order; what could not be walked
    (as InputErrors naming it); how many files were left out as not news."""

    files: list[str] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)
    ignored: int = 0


def walk(paths: Iterable[str]) -> Walk:
    """Files as given, folders walked recursively in sorted order, '-' for stdin."""
    found = Walk()
    for p in paths:
        if p != "-" and _is_dir(p):
            _walk_dir(p, found, set())
        else:
            found.files.append(p)
    return found


def _is_dir(path: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False  # reading it says why


def _walk_dir(folder: str, found: Walk, seen: set[tuple[int, int]]) -> None:
    try:
        st = os.stat(folder)
    except OSError as exc:
        found.skipped.append(skip(display(folder), reason_of(exc)))
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        found.skipped.append(skip(display(folder), "a symbolic link loop (folder already walked); not followed"))
        return
    seen = seen | {key}
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        found.skipped.append(skip(display(folder), reason_of(exc)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            found.ignored += 1 if not _entry_is_dir(entry) else 0
            continue
        if _entry_is_dir(entry):
            _walk_dir(entry.path, found, seen)
        elif NOT_NEWS.match(entry.name):
            found.ignored += 1
        else:
            found.files.append(entry.path)


def _entry_is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()  # follows a link: a loop is caught by the walk
    except OSError:
        return False


def read_file(path: str | os.PathLike[str], max_bytes: int) -> bytes:
    """The bytes of a regular file, or an InputError saying why not."""
    name = display(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise skip(name, _kind(st.st_mode))
        if st.st_size > max_bytes:
            raise skip(name, f"too large ({st.st_size:,} bytes; limit {max_bytes:,}, --max-file-mb)", kind=LimitError)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):  # replaced since the stat
                raise skip(name, "not a regular file")
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        broken = exc.errno == errno.ENOENT and os.path.islink(path)
        raise skip(name, "a broken symbolic link" if broken else reason_of(exc)) from None
    except ValueError as exc:  # an embedded NUL in the name
        raise skip(name, f"not a usable file name ({exc})") from None
    if len(data) > max_bytes:
        raise skip(name, f"too large (more than {max_bytes:,} bytes, --max-file-mb)", kind=LimitError)
    return data


def read_stdin(stream, max_bytes: int, name: str = "stdin") -> bytes:
    """Standard input, up to the limit (an InputError beyond it)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise skip(name, f"too large (more than {max_bytes:,} bytes, --max-file-mb)", kind=LimitError)
    return data


def reason_of(exc: OSError) -> str:
    """'no such file', 'permission denied', 'a symbolic link loop'…"""
    reasons = {
        errno.ENOENT: "no such file", errno.EACCES: "permission denied", errno.EPERM: "permission denied",
        errno.ELOOP: "a symbolic link loop", errno.EISDIR: "is a directory", errno.ENXIO: "not a regular file (no device)",
        errno.ENAMETOOLONG: "file name too long", errno.ENOTDIR: "no such file (a part of the path is not a folder)",
    }
    return reasons.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def _kind(mode: int) -> str:
    kind = stat.S_IFMT(mode)
    if kind == stat.S_IFDIR:
        return "is a directory"
    what = _KINDS.get(kind)
    return f"not a regular file ({what})" if what else "not a regular file"


def expand(paths: Iterable[str]) -> list[str]:
    """The files of `walk(paths)`."""
    return walk(paths).files


__all__ = ["NOT_NEWS", "Walk", "display", "expand", "read_file", "read_stdin", "reason_of", "walk"]
