"""The output folder: hive-style partitions `source=…/month=…/part-KEY.parquet`
that DuckDB, pandas, pyarrow and Dask read directly, written atomically (a
temporary dot-file renamed into place), so a reader or a retried task never
sees half a file and a task written twice leaves one file."""

from __future__ import annotations

import os
import re
import uuid
from pathlib import Path
from typing import Any

from khabar.errors import OutputError

ERRORS = "_errors.jsonl"  # beside the partitions; readers skip names starting with '_'
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\%=:*?"<>|]|^[._]')


def segment(value: str) -> str:
    """A partition value as a folder name: percent-encoded where a file
    system or a reader would stumble (readers decode it)."""
    return _UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), value)[:200]


def part_path(out: Path, source: str, month: str, key: str) -> Path:
    return out / f"source={segment(source)}" / f"month={segment(month)}" / f"part-{key}.parquet"


def write_part(out: Path, source: str, month: str, key: str, rows: list[dict[str, Any]]) -> str:
    """Write one task's rows of one partition; returns the path relative to `out`."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.scale.rows import file_schema

    path = part_path(out, source, month, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(pa.Table.from_pylist(rows, schema=file_schema()), tmp, compression="zstd")
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.relative_to(out).as_posix()


def parts(out: Path) -> list[str]:
    """Every part file in `out`, relative, sorted."""
    return sorted(p.relative_to(out).as_posix() for p in out.glob("source=*/month=*/part-*.parquet"))


def prepare(out: Path) -> None:
    """Make `out`, or check that it holds nothing but an earlier run's output."""
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: is a file; --out takes a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot be made ({exc.strerror or exc})") from None
    foreign = [p.name for p in out.iterdir() if not (p.name.startswith("source=") and p.is_dir()) and p.name != ERRORS]
    if foreign:
        raise OutputError(f"{out}: holds other files ({', '.join(sorted(foreign)[:3])}); "
                          "give a new or empty folder, or the folder of an earlier `khabar run`")


def tidy(out: Path, keep: set[str]) -> int:
    """Remove part files not in `keep` (an earlier run's, a failed task's) and
    left-over temporary files and empty folders; returns the files removed."""
    removed = 0
    for p in out.glob("source=*/month=*/*"):
        rel = p.relative_to(out).as_posix()
        if (p.name.startswith(".") and p.name.endswith(".tmp")) or (p.name.startswith("part-") and rel not in keep):
            p.unlink(missing_ok=True)
            removed += not p.name.startswith(".")
    for folder in sorted(out.glob("source=*/month=*")) + sorted(out.glob("source=*")):
        if folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
    return removed


def read(out: str | Path, columns: list[str] | None = None):
    """The whole output as one Arrow table (partition columns included)."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    hive = ds.partitioning(pa.schema([("source", pa.string()), ("month", pa.string())]), flavor="hive")
    return ds.dataset(str(out), format="parquet", partitioning=hive).to_table(columns=columns)
