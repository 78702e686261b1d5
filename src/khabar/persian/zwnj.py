"""Half-space (ZWNJ) restoration.

Two sources of knowledge, tried in order for every word and every pair of
words separated by one space:

1. the lexicon built by tools/build_zwnj_lexicon.py: written forms keyed by
   their half-space-less spelling, joined ("همکاریهای") or spaced ("آتش بس");
2. rules for words the lexicon does not know: the verb prefixes می/نمی (after
   an optional particle: برمی‌گردد) before a verb form; plural and comparative
   suffixes (ها، های، ترین …); the clitics after a final ه (ای، اند، ام …); and
   "bound heads", second parts of compounds that the treebank nearly always
   writes after a half-space (ستیزی، نویس، کننده …).

A half-space that the input already has is never removed here. A word written
with a space is joined to its neighbour only in the input's spaced forms above
(a words pair of the lexicon, a prefix, a suffix, a clitic or a bound head).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from khabar import resources
from khabar.persian.chars import KEPT_MARKS, NON_JOINING, PERSIAN_LETTERS, ZWNJ

_WORD_SPLIT = re.compile(f"([{PERSIAN_LETTERS}{KEPT_MARKS}{ZWNJ}]+)")

PREFIXES = ("نمی", "می")
# Verb particles written joined before می ("فرومی‌ریختند", "برمی‌گردد"); "" for none.
PREVERBS = ("", "بر", "در", "فرو", "باز", "وا", "فرا", "ور")
# Suffixes written with a half-space after any joining letter; longest first.
PLURAL_SUFFIXES = ("هایشان", "هایتان", "هایمان", "هایش", "هایت", "هایم", "هایی", "های", "هاست", "ها")
COMPARATIVE_SUFFIXES = ("ترین", "تری", "تر")
# Clitics written with a half-space after a final ه (ترکیه‌ای، کرده‌اند، خانه‌اش).
HEH_CLITICS = ("اند", "ایم", "اید", "ای", "ام", "اش", "ات")
PERSON_ENDINGS = ("م", "ی", "د", "یم", "ید", "ند")
PAST_ENDINGS = ("", "م", "ی", "یم", "ید", "ند")
VOWEL_ENDINGS = ("یم", "یی", "ید", "ییم", "یید", "یند")

_CACHE_LIMIT = 200_000


@dataclass
class Lexicon:
    """The resources of half-space restoration (read-only once loaded), and a
    bounded memo of the words already resolved."""

    forms: dict[str, str]
    words: dict[str, int]
    adjectives: frozenset[str]
    verb_forms: frozenset[str]
    heads: frozenset[str] = frozenset()
    cache: dict[str, str] = field(default_factory=dict)
    pairs: dict[str, frozenset[str]] = field(default_factory=dict)
    right_words: frozenset[str] = frozenset()
    longest_head: int = 0

    def __post_init__(self) -> None:
        pairs: dict[str, set[str]] = {}
        for key in self.forms:
            first, _, rest = key.partition(" ")
            if rest and " " not in rest:
                pairs.setdefault(first, set()).add(rest)
        self.pairs = {first: frozenset(rests) for first, rests in pairs.items()}
        self.right_words = (
            frozenset(PLURAL_SUFFIXES + HEH_CLITICS + COMPARATIVE_SUFFIXES) | self.heads
        )
        self.longest_head = max(map(len, self.heads), default=0)

    def resolve(self, word: str) -> str:
        """The written form of one word (no spaces inside)."""
        cached = self.cache.get(word)
        if cached is not None:
            return cached
        if ZWNJ in word:
            form = self.forms.get(word.replace(ZWNJ, ""))
            if form is None or not _keeps_zwnj(word, form):
                form = ZWNJ.join(self._resolve_plain(seg) for seg in word.split(ZWNJ))
        else:
            form = self.forms.get(word) or self._resolve_plain(word)
        if len(self.cache) >= _CACHE_LIMIT:
            self.cache.clear()
        self.cache[word] = form
        return form

    def _resolve_plain(self, word: str) -> str:
        if word in self.words or len(word) < 3:
            return word
        form = self.forms.get(word)
        if form is not None:
            return form
        if word.endswith("ی") and word[:-1] in self.words:
            return word  # a known word and its ی ("ریشتری", "بیشتری"): not "ریش" + "تری"
        for preverb in PREVERBS:
            if not word.startswith(preverb):
                continue
            for prefix in PREFIXES:
                if word.startswith(prefix, len(preverb)):
                    rest = word[len(preverb) + len(prefix) :]
                    if self._is_verb(rest):
                        return preverb + prefix + ZWNJ + self._resolve_plain(rest)
        best: tuple[float, str] | None = None
        for suffix, stem in self._splits(word):
            score = self.words.get(stem, 0) or (1 if stem in self.forms else 0)
            if not score and suffix in PLURAL_SUFFIXES and len(stem) >= 3:
                score = 0.5  # an unknown word with a plural ending: most likely a plural
            if score and (best is None or score > best[0]):
                best = (score, glue(self.forms.get(stem, stem), suffix))
        return best[1] if best else word

    def _splits(self, word: str):
        for suffix in PLURAL_SUFFIXES:
            if word.endswith(suffix) and len(word) > len(suffix) + 1:
                yield suffix, word[: -len(suffix)]
        for suffix in COMPARATIVE_SUFFIXES:
            if word.endswith(suffix) and word[: -len(suffix)] in self.adjectives:
                yield suffix, word[: -len(suffix)]
        for suffix in HEH_CLITICS:
            if word.endswith("ه" + suffix) and len(word) > len(suffix) + 2:
                yield suffix, word[: -len(suffix)]
        for i in range(max(2, len(word) - self.longest_head), len(word) - 2):
            if word[i:] in self.heads:
                yield word[i:], word[:i]

    def _is_verb(self, rest: str) -> bool:
        if rest in self.verb_forms:
            return True
        for clitic in HEH_CLITICS:
            if rest.endswith("ه" + clitic) and rest[: -len(clitic) - 1] in self.verb_forms:
                return True
        return False

    def join(self, left: str, right: str) -> str | None:
        """The joined form of two words written with a space, or None to keep the space."""
        if left in PREFIXES and (self._is_verb(right) or right not in self.words):
            return left + ZWNJ + right  # not "می دو هزار" (May, two thousand)
        if right in PLURAL_SUFFIXES or right == "ترین":
            return glue(left, right)
        if right in HEH_CLITICS and left.endswith("ه"):
            return left + ZWNJ + right
        if right in ("تر", "تری") and left in self.adjectives:
            return glue(left, right)
        if right in self.heads and (left in self.words or left in self.forms):
            return glue(left, right)
        form = self.forms.get(left.replace(ZWNJ, "") + " " + right.replace(ZWNJ, ""))
        return form if form is not None and _keeps_zwnj(left + right, form) else None


def _rereads(joined: str, left: str, right: str, resolve) -> bool:
    """Whether a join written without a half-space ("برد" + "های" → "بردهای")
    would be read as another word by the next normalization ("برده‌ای"): then
    the space stays, so that normalization is idempotent."""
    return joined == left + right and resolve(joined) != joined


def glue(stem: str, suffix: str) -> str:
    """stem + suffix, with a half-space unless the stem ends in a non-joining letter."""
    last = stem.rstrip(KEPT_MARKS)[-1:]
    return stem + suffix if last in NON_JOINING else stem + ZWNJ + suffix


def _keeps_zwnj(word: str, form: str) -> bool:
    """True if `form` has a half-space at every place `word` has one."""
    return _zwnj_positions(word) <= _zwnj_positions(form)


def _zwnj_positions(word: str) -> set[int]:
    """Where the half-spaces of `word` stand, counted in letters without them."""
    positions, pos = set(), 0
    for seg in word.split(ZWNJ)[:-1]:
        pos += len(seg)
        positions.add(pos)
    return positions


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load the shipped lexicon once."""
    forms: dict[str, str] = {}
    for line in resources.lines("zwnj/forms.tsv.gz"):
        key, form = line.split("\t")
        forms[key] = form
    words: dict[str, int] = {}
    adjectives: set[str] = set()
    for line in resources.lines("zwnj/words.tsv.gz"):
        word, count, flag = line.split("\t")
        words[word] = int(count)
        if flag == "A":
            adjectives.add(word)
    verb_forms: set[str] = set()
    for line in resources.text("zwnj/verbs.tsv").splitlines():
        present, past = line.split("\t")
        if present:
            verb_forms.update(present + e for e in PERSON_ENDINGS)
            if present[-1] in "اوآ":
                verb_forms.update(present + e for e in VOWEL_ENDINGS)
        if past:
            verb_forms.update(past + e for e in PAST_ENDINGS)
            verb_forms.add(past + "ه")  # the participle: می‌گرفته
            words.setdefault(past + "ه", 1)
    verb_forms.add("توان")  # impersonal: می‌توان
    heads = frozenset(
        line.split("\t", 1)[0]
        for line in resources.text("zwnj/heads.tsv").splitlines()
    )
    return Lexicon(forms, words, frozenset(adjectives), frozenset(verb_forms), heads)


def restore(text: str) -> str:
    """Restore missing half-spaces in normalized text."""
    parts = _WORD_SPLIT.split(text)
    if len(parts) < 2:
        return text
    lex = lexicon()
    cache, resolve = lex.cache, lex.resolve
    words = [cache.get(w) or resolve(w) for w in parts[1::2]]
    seps = parts[2:-1:2]
    right, pairs = lex.right_words, lex.pairs
    candidates = [
        k
        for k, (sep, a, b) in enumerate(zip(seps, words[:-1], words[1:], strict=True))
        if sep == " " and (b in right or a in PREFIXES or b in pairs.get(a, ()))
    ]
    while candidates:  # right to left, so a joined word can join the word before it
        k = candidates.pop()
        joined = lex.join(words[k], words[k + 1])
        if joined is not None and not _rereads(joined, words[k], words[k + 1], resolve):
            words[k] = joined
            words[k + 1] = ""
            seps[k] = ""
            j = k - 1  # "به روز رسانی": "روزرسانی" is made, then "به‌روزرسانی"
            if j >= 0 and not (candidates and candidates[-1] == j) and seps[j] == " " and (
                joined in right or words[j] in PREFIXES or joined in pairs.get(words[j], ())
            ):
                candidates.append(j)
    parts[1::2] = words
    parts[2:-1:2] = seps
    return "".join(parts)
