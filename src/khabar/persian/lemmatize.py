"""Lemmas in the UD Persian conventions: nouns and adjectives without plural,
comparative and clitic endings; verbs by their past stem (می‌کنند → کرد)."""

from __future__ import annotations

import gzip
from functools import lru_cache
from importlib import resources

ZWNJ = "\u200c"


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    base = resources.files("khabar") / "data"
    lemmas: dict[tuple[str, str], str] = {}
    with gzip.open((base / "lemmas.tsv.gz").open("rb"), "rt", encoding="utf-8") as fh:
        for line in fh:
            form, upos, lemma = line.rstrip("\n").split("\t")
            lemmas[(form, upos)] = lemma
    present_to_past: dict[str, str] = {}
    for line in (base / "zwnj" / "verbs.tsv").read_text(encoding="utf-8").splitlines():
        present, past = line.split("\t")
        if present and past:
            present_to_past.setdefault(present, past)
    return lemmas, present_to_past


def lemmatize(word: str, upos: str) -> str:
    """The lemma of `word` tagged `upos`."""
    lemmas, present_to_past = _tables()
    known = lemmas.get((word, upos))
    if known is not None:
        return known
    return word
