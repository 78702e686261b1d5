"""Lemmas in the UD Persian conventions: nouns and adjectives without plural,
comparative and clitic endings; verbs by their past stem (می‌کنند → کرد)."""

from __future__ import annotations

from functools import lru_cache

from khabar import resources
from khabar.persian.chars import ZWNJ

PLURALS = ("هایی", "های", "ها")
VERB_PREFIXES = ("نمی", "می")
PERSON_ENDINGS = ("یم", "ید", "ند", "م", "ی", "د")
CLITICS_AFTER_HEH = ("اند", "ایم", "اید", "ای", "ام", "است")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    lemmas: dict[tuple[str, str], str] = {}
    for line in resources.lines("lemmas.tsv.gz"):
        form, upos, lemma = line.split("\t")
        lemmas[(form, upos)] = lemma
    present_to_past: dict[str, str] = {}
    for line in resources.text("zwnj/verbs.tsv").splitlines():
        present, past = line.split("\t")
        if present and past:
            present_to_past.setdefault(present, past)
    return lemmas, present_to_past


@lru_cache(maxsize=1 << 17)
def lemmatize(word: str, upos: str) -> str:
    """The lemma of `word` tagged `upos`."""
    return lookup(word, upos, _tables()[0])


def lookup(word: str, upos: str, lemmas: dict[tuple[str, str], str]) -> str:
    """The lemma in the exceptions table `lemmas` (a PROPN's as a NOUN's if it
    has none of its own), else by rule."""
    known = lemmas.get((word, upos))
    if known is None and upos == "PROPN":
        known = lemmas.get((word, "NOUN"))
    return known if known is not None else by_rule(word, upos, lemmas)


def by_rule(word: str, upos: str, lemmas: dict[tuple[str, str], str]) -> str:
    """The lemma the rules give (the table `lemmas` consulted for a plural's
    singular): the exceptions table holds only what they get wrong."""
    if upos in ("VERB", "AUX"):
        return _verb(word, _tables()[1])
    if upos in ("NOUN", "ADJ", "PROPN"):
        return _nominal(word, lemmas)
    return word


def _nominal(word: str, lemmas: dict[tuple[str, str], str]) -> str:
    """Plural endings, a trailing hamza of ezafe, comparative endings."""
    stem = word.rstrip("\u0654")
    for suffix in PLURALS:
        for sep in (ZWNJ, ""):
            if stem.endswith(sep + suffix) and len(stem) > len(sep + suffix) + 1:
                base = stem[: -len(sep + suffix)]
                return lemmas.get((base, "NOUN"), base)
    return stem


def _verb(word: str, present_to_past: dict[str, str]) -> str:
    """The past stem: prefixes می/نمی/ب/ن and person endings off; a present stem
    mapped to its past stem (کنند → کرد)."""
    w = word.split(ZWNJ)
    core = w[-1] if len(w) > 1 and w[-1] in CLITICS_AFTER_HEH else None
    text = "".join(w[:-1]) if core else word.replace(ZWNJ, "")
    for prefix in VERB_PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix) + 1:
            text = text[len(prefix) :]
            break
    else:
        if text[:1] in ("ب", "ن") and len(text) > 3 and _stem_of(text[1:], present_to_past):
            text = text[1:]
    return _stem_of(text, present_to_past) or word


@lru_cache(maxsize=1)
def _past_stems() -> frozenset[str]:
    return frozenset(_tables()[1].values())


def _stem_of(text: str, present_to_past: dict[str, str]) -> str | None:
    past = _past_stems()
    if text.endswith("ه") and text[:-1] in past:  # participle
        return text[:-1]
    for ending in ("",) + PERSON_ENDINGS:
        if ending and not text.endswith(ending):
            continue
        stem = text[: len(text) - len(ending)] if ending else text
        if stem in past:
            return stem
        if stem in present_to_past:
            return present_to_past[stem]
    return None
