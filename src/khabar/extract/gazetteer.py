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
    over up to four tokens covers it."""
    names, firsts, beginnings = gazetteer(), _first_words(), _beginnings()
    out: list[list[str]] = [[] for _ in words]
    i = 0
    while i < len(words):
        longest = firsts.get(words[i])
        if longest is None:
            i += 1
            continue
        joined = [words[i]]  # the joins of 1, 2 … tokens from i that may begin a name
        for k in range(i + 1, i + min(MAX_WORDS, len(words) - i, longest)):
            longer = joined[-1] + " " + words[k]
            if longer not in beginnings:
                break
            joined.append(longer)
        for n in range(len(joined), 0, -1):
            kind = names.get(joined[n - 1])
            if kind:
                out[i].append(f"gz={kind}-B")
                for k in range(i + 1, i + n):
                    out[k].append(f"gz={kind}-I")
                i += n
                break
        else:
            i += 1
    return out
