"""The knowledge base of news actors, as a library: find entries by name, read
one by its id, list the offices a person held.

    >>> from khabar import kb
    >>> [e.id for e in kb.search("لاوروف")]
    ['P:lavrov']
    >>> [(t.office, t.country) for t in kb.offices("P:lavrov")]
    [('foreign_minister', 'RUS')]

The tables load once, on first use (extract/kb.py, through khabar.resources)."""

from __future__ import annotations

from khabar.extract.kb import SEAT_OF_GOVERNMENT, KBEntry, Term, knowledge_base

__all__ = ["KBEntry", "Term", "entry", "offices", "search"]


def search(query: str, limit: int | None = None) -> list[KBEntry]:
    """The entries whose English name (any case) or Persian names (any spelling
    of half-spaces, آ/ا, ی/ي) contain `query`, in the knowledge base's order;
    at most `limit` of them. An empty or blank query is a ValueError (it would
    match every entry)."""
    if not query.strip():
        raise ValueError("kb search: the query is empty; give a name or part of one, in Persian or English")
    if limit is not None and limit < 0:
        raise ValueError(f"kb search: limit must be 0 or more, not {limit}")
    found = knowledge_base().search(query.strip())
    return found if limit is None else found[:limit]


def entry(kb_id: str) -> KBEntry | None:
    """The entry with that id ("P:lavrov", "G:TUR"), or None."""
    return knowledge_base().entries.get(kb_id)


def offices(kb_id: str) -> list[Term]:
    """The offices the entry held, at any date, in the order of the table (a
    city's being a seat of government is not an office)."""
    return [t for t in knowledge_base().terms if t.holder == kb_id and t.office != SEAT_OF_GOVERNMENT]
