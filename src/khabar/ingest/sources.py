"""The registry of news sources (src/khabar/data/sources.tsv): Persian names and
spellings to a stable id, English name and home URL."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from khabar import resources
from khabar.persian.normalize import name_key, normalize, normalized_name_key


@dataclass(frozen=True)
class Source:
    id: str
    name_en: str
    kind: str
    country: str
    home: str
    names_fa: tuple[str, ...]


@dataclass(frozen=True)
class Registry:
    sources: dict[str, Source]
    by_name: dict[str, str]
    max_words: int
    by_host: dict[str, list[Source]]

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def find(self, phrase: str) -> Source | None:
        """The source whose name is the longest run of words inside `phrase`,
        normalized text (half-spaces restored or not)."""
        # A key ignores spaces and half-spaces: a run's key is its words' keys joined.
        keys = [normalized_name_key(w) for w in phrase.split()]
        for n in range(min(self.max_words, len(keys)), 0, -1):
            for i in range(len(keys) - n + 1):
                found = self.by_name.get("".join(keys[i : i + n]))
                if found:
                    return self.sources[found]
        return None

    def exact(self, phrase: str) -> Source | None:
        """The source called exactly `phrase` (any spelling)."""
        found = self.by_name.get(name_key(phrase))
        return self.sources[found] if found else None

    def by_url(self, url: str) -> Source | None:
        """The source whose home is the host (or host and path prefix) of `url`."""
        parts = urlsplit(url if "//" in url else "//" + url)
        labels = (parts.hostname or "").split(".")
        path = parts.path.lstrip("/")
        for i in range(len(labels) - 1):  # the host, then its parent domains
            for src in self.by_host.get(".".join(labels[i:]), ()):
                home_path = src.home.partition("/")[2]
                if not home_path or path.startswith(home_path):
                    return src
        return None


@lru_cache(maxsize=1)
def registry() -> Registry:
    """Load the registry once."""
    text = resources.text("sources.tsv")
    sources: dict[str, Source] = {}
    by_name: dict[str, str] = {}
    max_words = 1
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sid, name_en, kind, country, home, names = line.split("\t")
        variants = tuple(n.strip() for n in names.split("|") if n.strip())
        sources[sid] = Source(sid, name_en, kind, country, home, variants)
        for name in variants:
            by_name.setdefault(name_key(name), sid)
            max_words = max(max_words, len(normalize(name, restore_zwnj=False).split()))
    by_host: dict[str, list[Source]] = {}
    for src in sources.values():  # longer homes (host/path) first
        by_host.setdefault(src.home.partition("/")[0], []).append(src)
    for group in by_host.values():
        group.sort(key=lambda s: -len(s.home))
    return Registry(sources, by_name, max_words, by_host)
