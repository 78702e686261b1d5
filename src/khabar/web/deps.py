"""Request dependencies: a read-only connection, and the parameters every list
shares (query and filters), parsed once for pages, API and exports alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Query, Request

from khabar.store.search import Filters
from khabar.web.views.common import filters


def reader(request: Request) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the corpus for this request."""
    with request.app.state.db.reader() as conn:
        yield conn


@dataclass
class ListParams:
    """A query and its filters as the URL gave them (`raw`, to fill the form
    and build links) and as the store reads them (`filters`, built on use so
    that a bad date is reported where the page can show it)."""

    q: str
    source: str | None
    date_from: str | None
    date_to: str | None
    entity: str | None
    event: str | None
    all: bool = False
    lemma: bool = False
    raw: dict[str, str] = field(default_factory=dict)

    def filters(self) -> Filters:
        return filters(self.source, self.date_from, self.date_to, self.entity, self.event)

    @property
    def any(self) -> bool:
        return bool(self.q.strip() or self.source or self.date_from or self.date_to or self.entity or self.event)


def list_params(
    q: str = Query("", max_length=500, description="The query: words (AND), \"phrases\", OR, -not, prefix*, lemma:word."),
    source: str | None = Query(None, max_length=200, description="An outlet or agency."),
    date_from: str | None = Query(None, alias="from", max_length=20,
                                  description="First day: YYYY-MM-DD, YYYY-MM or YYYY; a year below 1700 is Jalali."),
    date_to: str | None = Query(None, alias="to", max_length=20, description="Last day, as `from`."),
    entity: str | None = Query(None, max_length=200, description="A knowledge-base id the article names (P:lavrov)."),
    event: str | None = Query(None, max_length=50, description="An event type the article states (PLOVER: CONSULT…)."),
    all: bool = Query(False, description="Every copy of a story, not only its earliest."),
    lemma: bool = Query(False, description="Match every inflection of the query's words."),
) -> ListParams:
    raw = {"q": q, "source": source, "from": date_from, "to": date_to, "entity": entity, "event": event,
           "all": "1" if all else None, "lemma": "1" if lemma else None}
    return ListParams(q, source, date_from, date_to, entity, event, all, lemma,
                      {k: v for k, v in raw.items() if v})


Conn = Annotated[sqlite3.Connection, Depends(reader)]
Params = Annotated[ListParams, Depends(list_params)]
