"""The knowledge base of news actors (src/khabar/data/kb/entities.tsv, written by
us): people, organisations, countries and places with canonical English names,
country (ISO 3166 alpha-3), role and the dates it held, and Wikidata ids where
certain. A name is found whatever its spelling of half-spaces, spaces and dots."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from khabar.persian.normalize import name_key, normalize


@dataclass(frozen=True)
class KBEntry:
    id: str
    type: str
    name_en: str
    country: str | None
    role: str | None
    start: str | None
    end: str | None
    wikidata: str | None
    names_fa: tuple[str, ...]


@dataclass(frozen=True)
class KnowledgeBase:
    entries: dict[str, KBEntry]
    by_name: dict[str, str]
    first_words: frozenset[str]  # the first word of every name, as written after normalization

    def lookup(self, name: str) -> KBEntry | None:
        found = self.by_name.get(name_key(name))
        return self.entries[found] if found else None

    def search(self, query: str) -> list[KBEntry]:
        """Entries whose English or Persian names contain `query`."""
        q, qk = query.lower(), name_key(query)
        return [
            e for e in self.entries.values()
            if q in e.name_en.lower() or any(qk and qk in name_key(n) for n in e.names_fa)
        ]


@lru_cache(maxsize=1)
def knowledge_base() -> KnowledgeBase:
    text = (resources.files("khabar") / "data" / "kb" / "entities.tsv").read_text(encoding="utf-8")
    entries: dict[str, KBEntry] = {}
    by_name: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        eid, etype, name_en, country, role, start, end, qid, names = line.split("\t")
        variants = tuple(n for n in names.split("|") if n)
        entries[eid] = KBEntry(eid, etype, name_en, country or None, role or None, start or None,
                               end or None, qid or None, variants)
        for name in variants:
            by_name.setdefault(name_key(name), eid)
    firsts = frozenset(normalize(n).split()[0] for e in entries.values() for n in e.names_fa if n.strip())
    return KnowledgeBase(entries, by_name, firsts)
