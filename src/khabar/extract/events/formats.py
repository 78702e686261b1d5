"""Events of many inputs, and their exchange formats: PLOVER/POLECAT-style JSON
records and a GDELT-like event table (TSV)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import Any

from khabar.errors import KhabarError
from khabar.model import Actor, Doc, Event

TSV_COLUMNS = (
    "GlobalEventID", "Day", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code", "IsRootEvent", "EventCode",
    "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "ActionGeo_FullName",
    "ActionGeo_CountryCode", "DateFlag", "PloverType", "PloverMode", "Context", "Confidence", "Attribution",
    "SOURCEURL", "ArticleID",
)


def analyze_inputs(
    paths: Iterable[str], *, published: datetime | date | None = None,
    on_input: Callable[[str], None] | None = None,
) -> Iterator[tuple[str, Doc | KhabarError]]:
    """(label, analysed Doc or the error that stopped it) for every article of
    every input (files, folders, JSONL, WARC, '-' for stdin), as `khabar
    ingest` reads them; a failure names its input and the batch goes on."""
    from khabar.ingest.batch import expand
    from khabar.ingest.decode import read_bytes
    from khabar.ingest.reader import iter_articles
    from khabar.pipeline import analyze

    for name in expand(paths):
        try:
            data = sys.stdin.buffer.read() if name == "-" else read_bytes(name)
        except KhabarError as exc:
            yield name, exc
        else:
            for label, result in iter_articles(data, "stdin" if name == "-" else name):
                if isinstance(result, KhabarError):
                    yield label, result
                else:
                    yield label, analyze(result, published=published)
        if on_input:
            on_input(name)


def event_id(doc: Doc, n: int) -> str:
    """A stable id: the article's id and the event's number in it."""
    return f"{doc.article.id if doc.article else 'text'}-{n + 1}"


def actor_code(actor: Actor | None) -> str:
    """The CAMEO-style actor code: country and sector ("TURGOV"), or ""."""
    if actor is None:
        return ""
    return (actor.country or "") + (actor.sector or "")


def plover_record(doc: Doc, event: Event, n: int) -> dict[str, Any]:
    """A PLOVER/POLECAT-style record of one event."""
    art = doc.article

    def side(actor: Actor | None) -> dict[str, Any] | None:
        if actor is None:
            return None
        return {"text": actor.text, "start": actor.start, "end": actor.end, "code": actor_code(actor),
                "country": actor.country, "sector": actor.sector, "kb_id": actor.kb_id, "name": actor.name_en}

    return {
        "id": event_id(doc, n),
        "event_type": event.type,
        "mode": event.mode,
        "context": list(event.context),
        "actor": side(event.source),
        "recipient": side(event.target),
        "date": event.date,
        "date_flag": event.date_flag,
        "location": None if event.location is None else {
            "text": event.location.text, "kb_id": event.location.kb_id, "name": event.location.name_en,
            "country": event.location.country,
        },
        "trigger": {"text": event.text, "start": event.start, "end": event.end},
        "evidence": [{"text": doc.text[a:b], "start": a, "end": b, "raw": list(doc.raw_span(a, b))}
                     for a, b in event.evidence],
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "attribution": list(event.attribution),
        "confidence": event.confidence,
        "article_id": art.id if art else None,
        "url": art.url if art else None,
        "source": art.source if art else None,
    }


def tsv_row(doc: Doc, event: Event, n: int) -> list[str]:
    """One row of the event table, in the order of TSV_COLUMNS."""
    art = doc.article
    code = event.cameo or ""
    loc = event.location

    def cell(value: Any) -> str:
        return "" if value is None else str(value).replace("\t", " ").replace("\n", " ")

    def side(actor: Actor | None) -> list[str]:
        if actor is None:
            return ["", "", "", ""]
        return [actor_code(actor), cell(actor.name_en or actor.text), cell(actor.country), cell(actor.sector)]

    return [
        event_id(doc, n), (event.date or "")[:10].replace("-", ""), *side(event.source), *side(event.target),
        "1", code, code[:3], code[:2], cell(event.quad_class), cell(event.goldstein), str(len(event.evidence)),
        cell(loc.name_en or loc.text) if loc else "", cell(loc.country) if loc else "", cell(event.date_flag),
        event.type, cell(event.mode), ";".join(event.context), cell(event.confidence),
        ">".join(event.attribution), cell(art.url if art else None), cell(art.id if art else None),
    ]
