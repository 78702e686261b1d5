"""JSON and JSONL records with title/body-like fields to Articles (news dumps
such as {title, abstract, paragraphs, link})."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from khabar.errors import InputError
from khabar.ingest.cleaning import clean, language_of, tidy, tidy_lines
from khabar.ingest.dates import find_date, published_date
from khabar.ingest.plaintext import build_article, strip_furniture
from khabar.model import Article

TITLE_FIELDS = ("title", "headline", "name")
LEAD_FIELDS = ("abstract", "lead", "lede", "summary", "description", "subtitle")
BODY_FIELDS = ("paragraphs", "body", "text", "content", "article", "articleBody")
URL_FIELDS = ("link", "url", "href", "source_url")
DATE_FIELDS = ("published", "date", "datePublished", "published_at", "pubDate", "time")


def iter_records(text: str, name: str) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """(label, record) for every record of a JSON array, object or JSONL text;
    a line that is not JSON gives an InputError in its place."""
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            yield name, InputError(f"{name}: invalid JSON ({exc.msg} at line {exc.lineno})")
            return
        for i, item in enumerate(data):
            yield f"{name}#{i}", item
        return
    lines = text.splitlines()
    if len(lines) == 1 or not all(line.lstrip().startswith("{") for line in lines if line.strip()):
        try:
            yield name, json.loads(text)
        except json.JSONDecodeError as exc:
            yield name, InputError(f"{name}: invalid JSON ({exc.msg} at line {exc.lineno})")
        return
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield f"{name}:{number}", json.loads(line)
        except json.JSONDecodeError as exc:
            yield f"{name}:{number}", InputError(f"{name}:{number}: invalid JSON ({exc.msg})")


def parse_record(record: Any, label: str) -> Article:
    """One record to an Article; InputError if it holds no article text."""
    if not isinstance(record, dict):
        raise InputError(f"{label}: a JSON {type(record).__name__}, not an object")
    if record.get("schema") and "body" in record and isinstance(record["body"], list):
        return Article.from_dict(record)  # khabar's own output read back
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
    url = _first_text(record, URL_FIELDS) or None
    warnings = [f"removed {dropped} line(s) of site furniture"] if dropped else []
    return build_article(
        title, body, url=url, source=label, published=published, warnings=warnings,
        lead=lead or None, language=language,
    )


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
