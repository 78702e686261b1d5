"""Lists as files: CSV (UTF-8 with a BOM, which spreadsheet programs need to
read Persian) or JSON Lines, streamed."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from starlette.responses import StreamingResponse

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8"}
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> Any:
    """A CSV cell: lists and dicts as JSON; text that a spreadsheet would run as
    a formula is prefixed with an apostrophe."""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def csv_lines(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


def response(rows: Iterable[dict[str, Any]], columns: list[str], fmt: str, name: str) -> StreamingResponse:
    """A download of `rows` (`columns` in that order for CSV)."""
    body = csv_lines(rows, columns) if fmt == "csv" else jsonl_lines(rows)
    return StreamingResponse(body, media_type=FORMATS[fmt],
                             headers={"content-disposition": f'attachment; filename="khabar-{name}.{fmt}"'})
