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
from itertools import compress, count, islice
from operator import contains, itemgetter

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
_LONGEST_TOKEN = 64  # longer tokens are resolved each time, not remembered


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
    # Per space-delimited token, for `restore` (see `token`).
    token_infos: dict[str, tuple[object, str | None, str]] = field(default_factory=dict)
    token_firsts: dict[str, str] = field(default_factory=dict)
    token_lasts: dict[str, str] = field(default_factory=dict)
    pair_nexts: dict[str, frozenset[str]] = field(default_factory=dict)
    joins: dict[tuple[str, str], object] = field(default_factory=dict)

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
        self.pair_nexts = {first: rests | _ONLY_RIGHT for first, rests in self.pairs.items()}

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

    def token(self, token: str) -> None:
        """Remember what `restore` needs of a space-less token.

        `token_infos[token]` is (nexts, follow, form). nexts: what may follow
        its last word for the space after it to be a candidate for a join —
        the words its pairs in the lexicon go on with, and `_RIGHT`; or every
        word after a prefix; or nothing if it does not end with a word. follow:
        its first word, or `_RIGHT` if that is a right-hand word (a suffix, a
        clitic or a bound head: a candidate after any word), or None if it does
        not start with a word. form: the token with every word resolved.
        `token_firsts`, `token_lasts`: its first and last words, resolved, if
        it starts or ends with a word."""
        parts = _WORD_SPLIT.split(token)
        nexts: object = _NO_WORD
        follow = None
        form = token
        if len(parts) > 1:
            words = [self.resolve(w) for w in parts[1::2]]
            parts[1::2] = words
            form = "".join(parts)
            if not parts[0]:
                first = self.token_firsts[token] = words[0]
                follow = _RIGHT if first in self.right_words else first
            if not parts[-1]:
                last = self.token_lasts[token] = words[-1]
                nexts = _ANY_WORD if last in PREFIXES else self.pair_nexts.get(last, _ONLY_RIGHT)
        self.token_infos[token] = (nexts, follow, form)

    def forget_token(self, token: str) -> None:
        for table in self._token_tables():
            table.pop(token, None)

    def _token_tables(self) -> tuple[dict, ...]:
        return (self.token_infos, self.token_firsts, self.token_lasts)

    def join_spaced(self, left: str, right: str) -> str | None:
        """`join`, unless the joined word would be reread as another word (remembered)."""
        key = (left, right)
        joined = self.joins.get(key, _UNKNOWN)
        if joined is _UNKNOWN:
            joined = self.join(left, right)
            if joined is not None and _rereads(joined, left, right, self.resolve):
                joined = None
            if len(self.joins) >= _CACHE_LIMIT:
                self.joins.clear()
            self.joins[key] = joined
        return joined

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
    """Restore missing half-spaces in normalized text.

    The same algorithm as `restore_by_words`, on the text cut at its spaces:
    words never cross a space, and a join only happens across one space between
    two words. What the algorithm needs of a token is kept per token
    (`Lexicon.token`), so that on a text of known tokens the work per word is a
    few look-ups done in C."""
    lex = lexicon()
    tokens = text.split(" ")
    infos = list(map(lex.token_infos.get, tokens))
    try:
        forms = list(map(_FORM, infos))
    except TypeError:  # a token not seen yet: None in `infos`
        pass
    else:
        return _restore_tokens(lex, tokens, infos, forms)
    long_tokens = _learn_tokens(lex, tokens, infos)
    try:
        return _restore_tokens(lex, tokens, infos, list(map(_FORM, infos)))
    finally:
        for token in long_tokens:  # not kept: a document without spaces is one token
            lex.forget_token(token)


_NEXTS, _FOLLOW, _FORM = itemgetter(0), itemgetter(1), itemgetter(2)


def _restore_tokens(lex: Lexicon, tokens: list[str], infos: list, forms: list[str]) -> str:
    # The space after token i is a candidate if token i ends with a word and
    # token i + 1 starts with one that may follow it.
    follows = map(_FOLLOW, islice(infos, 1, None))
    candidates = list(compress(count(), map(contains, map(_NEXTS, infos), follows)))
    if candidates:
        _join_tokens(lex, tokens, forms, candidates)
    return " ".join(forms)


def _learn_tokens(lex: Lexicon, tokens: list[str], infos: list) -> list[str]:
    """Learn the tokens not seen yet (filling their `infos`); return the long ones
    (to be forgotten after this text)."""
    if len(lex.token_infos) >= _CACHE_LIMIT:
        for table in lex._token_tables():
            table.clear()
        infos[:] = [None] * len(infos)  # what was found is gone with the rest
    long_tokens = []
    i = infos.index(None)
    while True:
        token = tokens[i]
        if token not in lex.token_infos:
            lex.token(token)
            if len(token) > _LONGEST_TOKEN:
                long_tokens.append(token)
        infos[i] = lex.token_infos[token]
        try:
            i = infos.index(None, i + 1)
        except ValueError:
            return long_tokens


class _AnyWord:
    """Every word: what a prefix (می، نمی) may be followed by."""

    def __contains__(self, word: object) -> bool:
        return word is not None


_ANY_WORD = _AnyWord()
_NO_WORD: frozenset[str] = frozenset()
_RIGHT = "\0right"  # stands for any right-hand word among the follows of `Lexicon.token`
_ONLY_RIGHT = frozenset([_RIGHT])
_UNKNOWN = object()


def _candidate(lex: Lexicon, a: str, b: str) -> bool:
    return b in lex.right_words or a in PREFIXES or b in lex.pairs.get(a, ())


def _join_tokens(lex: Lexicon, tokens: list[str], forms: list[str], candidates: list[int]) -> None:
    """The joins of `restore_by_words`, right to left, on tokens (in `forms`): a
    join merges two tokens; when the left one is a single word, the joined word
    may join the word before it (the space before it is then a candidate)."""
    firsts, lasts = lex.token_firsts, lex.token_lasts
    first_now: dict[int, str] = {}  # the first word of a token that a join changed
    while candidates:
        b = candidates.pop()
        left = lasts[tokens[b]]
        right = first_now.get(b + 1) or firsts[tokens[b + 1]]
        joined = lex.join_spaced(left, right)
        if joined is None:
            continue
        forms[b] = forms[b][: len(forms[b]) - len(left)] + joined + forms[b + 1][len(right) :]
        del forms[b + 1]
        if _WORD_SPLIT.fullmatch(tokens[b]):  # a single word: the joined word is the token's first
            first_now[b] = joined
            j = b - 1  # "به روز رسانی": "روزرسانی" is made, then "به‌روزرسانی"
            if j >= 0 and not (candidates and candidates[-1] == j) and tokens[j] in lasts and (
                _candidate(lex, lasts[tokens[j]], joined)
            ):
                candidates.append(j)


def restore_by_words(text: str) -> str:
    """Restore missing half-spaces in normalized text, word by word."""
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
