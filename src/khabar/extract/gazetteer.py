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


def gazetteer_features(words: list[str]) -> list[list[str]]:
    """For each token, "gz=KIND-B"/"gz=KIND-I" where the longest gazetteer match
    over up to four tokens covers it."""
    names, firsts = gazetteer(), _first_words()
    out: list[list[str]] = [[] for _ in words]
    i = 0
    while i < len(words):
        longest = firsts.get(words[i])
        if longest is None:
            i += 1
            continue
        for n in range(min(MAX_WORDS, len(words) - i, longest), 0, -1):
            kind = names.get(" ".join(words[i : i + n]))
            if kind:
                out[i].append(f"gz={kind}-B")
                for k in range(i + 1, i + n):
                    out[k].append(f"gz={kind}-I")
                i += n
                break
        else:
            i += 1
    return out
