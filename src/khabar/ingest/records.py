"""JSON and JSONL records with title/body-like fields to Articles (news dumps
such as {title, abstract, paragraphs, link}, and khabar's own output read back).

A JSON array is read record by record and a JSONL file line by line: a record
or line that cannot be read is an InputError in its place (a JSONL line named
by its 1-based number, an array record by its index from 0) and the others are
kept. Nesting deeper than the limit, a line longer than the limit and numbers
of more than 4,300 digits are errors of that record only."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from khabar.errors import InputError, LimitError, NoArticleError, skip
from khabar.ingest.cleaning import clean, language_of, tidy, tidy_lines
from khabar.ingest.dates import find_date, published_date
from khabar.ingest.limits import DEFAULT, Limits
from khabar.ingest.plaintext import build_article, strip_furniture
from khabar.model import Article

TITLE_FIELDS = ("title", "headline", "name")
LEAD_FIELDS = ("abstract", "lead", "lede", "summary", "description", "subtitle")
BODY_FIELDS = ("paragraphs", "body", "text", "content", "article", "articleBody")
URL_FIELDS = ("link", "url", "href", "source_url")
DATE_FIELDS = ("published", "date", "datePublished", "published_at", "pubDate", "time")

Record = tuple[str, Any]  # (label, the parsed value or an InputError)
_SPACE = re.compile(r"[ \t\n\r]*")
_NOT_SPACE = re.compile(r"\S")  # searched for, never a copy of the rest of a large text made
_MAX_INT_DIGITS = 4300  # Python's limit for int(str)


class NotJSON(ValueError):
    """The text does not even begin as JSON (a plain text that starts with '[')."""


def _int(digits: str) -> int | float:
    """A JSON integer; one too long for int() is read as a float (inf), not an error."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else float(digits)


_DECODER = json.JSONDecoder(parse_int=_int)


def iter_records(text: str, name: str, limits: Limits = DEFAULT, *, must_be_json: bool = True) -> Iterator[Record]:
    """(label, record) for every record of a JSON array, object or JSONL text,
    an InputError in the place of one that cannot be read. Without
    `must_be_json`, a text whose first value is not JSON raises NotJSON before
    anything is yielded (the caller reads it as plain text)."""
    start = _SPACE.match(text).end()
    if _first_line_is_a_value(text, start):
        yield from _lines(text, name, limits)
        return
    if text.startswith("[", start):
        yield from _array(text, start, name, limits, must_be_json)
        return
    try:
        value = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" or _has_json_lines(text):
            yield from _lines(text, name, limits)
            return
        if not must_be_json and not _NOT_SPACE.search(text, start + 1, exc.pos):
            raise NotJSON(exc.msg) from None
        yield name, skip(name, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})")
        return
    except RecursionError:
        yield name, _too_deep(name, limits)
        return
    yield name, _checked_depth(value, text, 0, len(text), name, limits)


def _array(text: str, at: int, name: str, limits: Limits, must_be_json: bool) -> Iterator[Record]:
    """The records of a top-level array, one at a time."""
    at = _SPACE.match(text, at + 1).end()
    if text.startswith("]", at):
        yield name, skip(name, "an empty JSON array: no records", kind=NoArticleError)
        return
    index = 0
    while True:
        try:
            value, end = _DECODER.raw_decode(text, at)
        except json.JSONDecodeError as exc:
            if not must_be_json and index == 0:
                raise NotJSON(exc.msg) from None
            yield name, _broken_array(name, exc, index)
            return
        except RecursionError:
            yield f"{name}#{index}", _too_deep(name, limits, record=index)
            end = _end_of_value(text, at)
            if end is None:
                yield name, skip(name, f"the JSON array cannot be read after record {index}", record=index)
                return
        else:
            yield f"{name}#{index}", _checked_depth(value, text, at, end, name, limits, record=index)
        at = _SPACE.match(text, end).end()
        if text.startswith("]", at):
            if _NOT_SPACE.search(text, at + 1):
                yield name, _broken_array(name, json.JSONDecodeError("Extra data after the array", text, at + 1), index + 1)
            return
        if not text.startswith(",", at):
            yield name, _broken_array(name, json.JSONDecodeError("Expecting ',' delimiter", text, at), index + 1)
            return
        at = _SPACE.match(text, at + 1).end()
        index += 1


def _broken_array(name: str, exc: json.JSONDecodeError, index: int) -> InputError:
    return skip(
        name,
        f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno}); "
        f"{index} record(s) before it read, the rest of the array not",
        record=index,
    )


def _lines(text: str, name: str, limits: Limits) -> Iterator[Record]:
    """JSONL: each non-blank line a record, named by its 1-based line number."""
    number = 0
    at = 0
    while at <= len(text):
        nl = text.find("\n", at)
        end = len(text) if nl == -1 else nl
        number += 1
        line_start = at
        at = end + 1
        if end - line_start > limits.max_chars:
            yield f"{name}:{number}", skip(
                name, f"a line of {end - line_start:,} characters (limit {limits.max_chars:,}, --max-chars)",
                line=number, kind=LimitError,
            )
            continue
        line = text[line_start:end].strip()
        if not line:
            continue
        try:
            value = _DECODER.decode(line)
        except json.JSONDecodeError as exc:
            yield f"{name}:{number}", skip(name, f"invalid JSON ({exc.msg} at column {exc.colno})", line=number)
            continue
        except RecursionError:
            yield f"{name}:{number}", _too_deep(name, limits, line=number)
            continue
        yield f"{name}:{number}", _checked_depth(value, line, 0, len(line), name, limits, line=number)


def _first_line_is_a_value(text: str, start: int) -> bool:
    """Whether the first line is a whole JSON value and more lines follow (JSONL)."""
    end = text.find("\n", start)
    if end == -1 or not _NOT_SPACE.search(text, end):
        return False
    try:
        _DECODER.decode(text[start:end])
    except (ValueError, RecursionError):
        return False
    return True


def _has_json_lines(text: str, sample: int = 5) -> bool:
    """Whether one of the first non-blank lines is a whole JSON object on its own (JSONL)."""
    seen = 0
    for line in text[:1_000_000].split("\n"):
        if not line.strip():
            continue
        seen += 1
        if line.startswith("{") and line.rstrip().endswith("}"):
            try:
                if isinstance(_DECODER.decode(line), dict):
                    return True
            except (ValueError, RecursionError):
                pass
        if seen >= sample:
            return False
    return False


def _checked_depth(value: Any, text: str, start: int, end: int, name: str, limits: Limits, **where: Any) -> Any:
    """`value`, or a LimitError if it nests deeper than the limit."""
    if text.count("[", start, end) + text.count("{", start, end) <= limits.max_json_depth:
        return value  # too few brackets to be deep: no need to look
    if _depth(value) > limits.max_json_depth:
        return _too_deep(name, limits, **where)
    return value


def _too_deep(name: str, limits: Limits, **where: Any) -> InputError:
    return skip(name, f"JSON nested deeper than {limits.max_json_depth} levels (the limit, --max-json-depth)", kind=LimitError, **where)


def _depth(value: Any) -> int:
    """How deep lists and objects nest in `value` (a scalar is 0), without recursion."""
    deepest = 0
    stack = [(value, 1)]
    while stack:
        item, level = stack.pop()
        children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else None
        if children is None:
            continue
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in children if isinstance(child, (dict, list)))
    return deepest


_VALUE_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.S)


def _end_of_value(text: str, at: int) -> int | None:
    """Where the array or object starting at `at` ends (brackets counted,
    strings skipped), or None if it does not."""
    depth = 0
    for m in _VALUE_TOKEN.finditer(text, at):
        token = m.group()
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
            if depth == 0:
                return m.end()
    return None


def parse_record(record: Any, label: str, limits: Limits = DEFAULT) -> Article:
    """One record to an Article; InputError if it holds no article text, or
    (khabar's own records) a field of the wrong type."""
    if not isinstance(record, dict):
        raise InputError(f"{label}: a JSON {_json_type(record)}, not an object")
    record, surrogates = _without_surrogates(record)
    if _is_own(record):
        article = _own_record(record, label)  # khabar's own output read back
        article.warnings.extend(_surrogate_warning(surrogates))
        return article
    size = sum(len(v) for v in record.values() if isinstance(v, str))
    size += sum(len(p) for f in BODY_FIELDS if isinstance(record.get(f), list) for p in record[f] if isinstance(p, str))
    if size > limits.max_chars:
        raise LimitError(f"{label}: {size:,} characters of text (limit {limits.max_chars:,}, --max-chars)")
    warnings = _type_warnings(record) + _surrogate_warning(surrogates)
    raw_title, raw_lead = _first_text(record, TITLE_FIELDS), _first_text(record, LEAD_FIELDS)
    raw_lines = [line for p in _paragraphs(record) for line in p.split("\n") if line.strip()]
    language = language_of(raw_title, raw_lead, *raw_lines[:20])
    title, lead = clean(raw_title, language), tidy(raw_lead, language)
    lines = tidy_lines("\n".join(raw_lines), language)
    body, dropped = strip_furniture(lines)
    if not title and not body and not lead:
        raise InputError(f"{label}: no title or body fields")
    date_value = _first_text(record, DATE_FIELDS)
    published = published_date(date_value, None) if _is_iso(date_value) else find_date(date_value) if date_value else None
    if date_value and published is None:
        warnings.append(f"the date field {_short(date_value)!r} is not a date; publication date unknown")
    url = _first_text(record, URL_FIELDS) or None
    if dropped:
        warnings.append(f"removed {dropped} line(s) of site furniture")
    return build_article(
        title, body, url=url, source=label, published=published, warnings=warnings,
        lead=lead or None, language=language,
    )


_OWN_TEXT = ("title", "lead", "url", "site", "agency", "dateline", "language", "source", "id")
_OWN_LISTS = ("body", "attributions", "warnings")


def _own_record(record: dict[str, Any], label: str) -> Article:
    """An Article as khabar wrote it, every field checked for its type."""
    for key in _OWN_TEXT:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise InputError(f"{label}: field {key!r} is a JSON {_json_type(record[key])}, not text")
    for key in _OWN_LISTS:
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(f"{label}: field {key!r} must be a list of texts, not {_short(json.dumps(value))}")
    published = record.get("published")
    if published is not None and not (isinstance(published, str) and _iso(published)):
        raise InputError(f"{label}: field 'published' is not an ISO date and time: {_short(str(published))!r}")
    return Article.from_dict(record)


def _is_own(record: dict[str, Any]) -> bool:
    """A record khabar wrote: a schema number, an id and a body."""
    schema = record.get("schema")
    return isinstance(schema, (str, int)) and str(schema).isdigit() and "body" in record and "id" in record


def _iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def _type_warnings(record: dict[str, Any]) -> list[str]:
    """Warnings for known fields of a type that cannot be read (their values are left out)."""
    warnings = []
    for key in (*TITLE_FIELDS, *LEAD_FIELDS, *URL_FIELDS, *DATE_FIELDS):
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            warnings.append(f"field {key!r} is a JSON {_json_type(value)}, not text: left out")
    for key in BODY_FIELDS:
        value = record.get(key)
        if isinstance(value, list) and (bad := sum(not isinstance(v, str) for v in value)):
            warnings.append(f"field {key!r}: {bad} item(s) that are not text left out")
        elif value is not None and not isinstance(value, (str, list)):
            warnings.append(f"field {key!r} is a JSON {_json_type(value)}, not text: left out")
    return warnings


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _without_surrogates(record: dict[str, Any]) -> tuple[dict[str, Any], int]:
    """The record with every lone surrogate (a JSON escape such as \\ud800 that is
    not half of a pair, and that UTF-8 cannot write) replaced by U+FFFD; how many."""
    found = 0

    def fix(value: Any) -> Any:
        nonlocal found
        if isinstance(value, str):
            if _SURROGATE.search(value):
                found += len(_SURROGATE.findall(value))
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, list):
            return [fix(v) for v in value]
        if isinstance(value, dict):
            return {fix(k): fix(v) for k, v in value.items()}
        return value

    fixed = {fix(k): fix(v) if isinstance(v, (str, list)) else v for k, v in record.items()}
    return fixed, found


def _surrogate_warning(count: int) -> list[str]:
    return [f"{count} lone surrogate(s) (invalid \\u escapes) replaced by U+FFFD"] if count else []


def _json_type(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}.get(type(value), "number")


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _first_text(record: dict[str, Any], names: tuple[str, ...]) -> str:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def _paragraphs(record: dict[str, Any]) -> list[str]:
    for name in BODY_FIELDS:
        value = record.get(name)
        if isinstance(value, list):
            return [v for v in value if isinstance(v, str) and v.strip()]
        if isinstance(value, str) and value.strip():
            return [p for p in value.split("\n") if p.strip()]
    return []


def _is_iso(value: str) -> bool:
    return len(value) >= 10 and value[4] == "-" and value[:4].isdigit()
