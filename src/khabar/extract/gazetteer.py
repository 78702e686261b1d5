"""The gazetteer (src/khabar/data/gazetteer.tsv.gz, built by tools/build_gazetteer.py)
as features for the entity tagger: which tokens begin or continue a known place,
organisation, or first name."""

from __future__ import annotations

from functools import lru_cache

from khabar import resources

MAX_WORDS = 4


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Name → kind (LOC, ORG, PER, FIRST)."""
    return resources.pairs("gazetteer.tsv.gz")


@lru_cache(maxsize=1)
def _first_words() -> dict[str, int]:
    """The first word of every name → the most words a name beginning with it
    has (tokens joined by spaces make at least as many words as there are tokens)."""
    out: dict[str, int] = {}
    for name in gazetteer():
        first = name.split(" ", 1)[0]
        out[first] = max(out.get(first, 0), name.count(" ") + 1)
    return out


@lru_cache(maxsize=1)
def _beginnings() -> frozenset[str]:
    """Every name, and every beginning of one that ends before one of its
    spaces ("سازمان", "سازمان ملل" of "سازمان ملل متحد"): tokens joined by
    spaces can make a name only if each shorter join of them is one of these."""
    out: set[str] = set()
    for name in gazetteer():
        cut = name.find(" ")
        while cut >= 0:
            out.add(name[:cut])
            cut = name.find(" ", cut + 1)
        out.add(name)
    return frozenset(out)


def gazetteer_features(words: list[str]) -> list[list[str]]:
    """For each token, "gz=KIND-B"/"gz=KIND-I" where the longest gazetteer match
    over up to four tokens covers it (matches taken left to right)."""
    out: list[list[str]] = [[] for _ in words]
    i = 0
    while i < len(words):
        match = longest_match(words, i, len(words))
        if match is None:
            i += 1
            continue
        n, kind = match
        out[i].append(f"gz={kind}-B")
        for k in range(i + 1, i + n):
            out[k].append(f"gz={kind}-I")
        i += n
    return out


@lru_cache(maxsize=1)
def kinds() -> tuple[str, ...]:
    """The kinds of names, in a fixed order (a kind's number is its place)."""
    return tuple(sorted(set(gazetteer().values())))


@lru_cache(maxsize=1)
def kind_alone() -> dict[str, int]:
    """A name of one word (no space) → the number of its kind."""
    number = {kind: k for k, kind in enumerate(kinds())}
    return {name: number[kind] for name, kind in gazetteer().items() if kind and " " not in name}


@lru_cache(maxsize=1)
def two_word_beginnings() -> list[tuple[str, str]]:
    """(a, b) for each beginning of a name "a b" with one space (see
    `_beginnings`): a first word followed by b may begin a longer match."""
    return [tuple(b.split(" ")) for b in _beginnings() if b.count(" ") == 1]


def longest_match(words: list[str], i: int, end: int) -> tuple[int, str] | None:
    """(length, kind) of the longest name of up to four words at words[i]
    (not reaching `end`), as `gazetteer_features` finds it, or None."""
    names, beginnings = gazetteer(), _beginnings()
    longest = _first_words().get(words[i])
    if longest is None:
        return None
    joined = [words[i]]
    for k in range(i + 1, i + min(MAX_WORDS, end - i, longest)):
        longer = joined[-1] + " " + words[k]
        if longer not in beginnings:
            break
        joined.append(longer)
    for n in range(len(joined), 0, -1):
        kind = names.get(joined[n - 1])
        if kind:
            return n, kind
    return None
