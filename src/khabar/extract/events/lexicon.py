"""The Persian trigger lexicon and its companion tables, as data
(src/khabar/data/events/): triggers.tsv (words, light verbs, PLOVER type,
CAMEO code, role frame), agents.tsv (nouns naming who acts: "مقامات" → GOV),
cues.tsv (words refining mode or context: "تلفنی" → phone) and demonyms.tsv.
Loaded once per process, on first use."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.extract.events._data import rows

ZWNJ = "\u200c"


def key(word: str) -> str:
    """A word as the lexicon compares it: without half-spaces."""
    return word.replace(ZWNJ, "")


@dataclass(frozen=True)
class Trigger:
    """One record of triggers.tsv."""

    words: tuple[str, ...]  # keys of the trigger's words, in order
    active: frozenset[str]  # light verbs (keys) in the active voice
    passive: frozenset[str]
    type: str
    cameo: str
    mode: str | None
    targets: tuple[str, ...]  # where the target is found, in order
    flags: frozenset[str]
    negated: tuple[str, str] | None  # (type, cameo) when negated; ("-", "") drops it
    example: str

    @property
    def is_verb(self) -> bool:
        return "verb" in self.flags


@dataclass(frozen=True)
class Cue:
    kind: str  # mode or context
    type: str  # the event type it refines, or * for any
    value: str | None
    cameo: str | None


@dataclass(frozen=True)
class Lexicon:
    by_head: dict[str, tuple[Trigger, ...]]  # first word's key → triggers, longest first
    agents: dict[str, tuple[tuple[tuple[str, ...], str], ...]]  # first word → (words, sector)
    cues: dict[str, tuple[Cue, ...]]
    demonyms: dict[str, str]
    triggers: tuple[Trigger, ...]


def _trigger(row: list[str]) -> Trigger:
    words, verbs, ptype, cameo, mode, targets, flags, example = row[:8]
    active, _, passive = verbs.partition("/")
    flagset = frozenset(flags.split())
    negated = None
    for flag in flagset:
        if flag.startswith("neg="):
            ntype, _, ncode = flag[4:].partition(":")
            negated = (ntype, ncode)
    return Trigger(
        words=tuple(key(w) for w in words.split()),
        active=frozenset(key(v) for v in active.split() if v != "-"),
        passive=frozenset(key(v) for v in passive.split() if v != "-"),
        type=ptype, cameo=cameo, mode=mode or None,
        targets=tuple(t for t in targets.split() if t != "-"),
        flags=flagset, negated=negated, example=example,
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The lexicon, loaded once."""
    triggers = tuple(_trigger(row) for row in rows("triggers.tsv", 8))
    heads: dict[str, list[Trigger]] = {}
    for trig in triggers:
        heads.setdefault(trig.words[0], []).append(trig)
    agents: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, sector in rows("agents.tsv", 2):
        parts = tuple(key(w) for w in words.split())
        agents.setdefault(parts[0], []).append((parts, sector))
    cues: dict[str, list[Cue]] = {}
    for word, kind, ptype, value, cameo in rows("cues.tsv", 5):
        cues.setdefault(key(word), []).append(Cue(kind, ptype, None if value == "-" else value, cameo or None))
    demonyms = {key(word): country for word, country in rows("demonyms.tsv", 2)}
    return Lexicon(
        by_head={h: tuple(sorted(ts, key=lambda t: -len(t.words))) for h, ts in heads.items()},
        agents={h: tuple(sorted(a, key=lambda x: -len(x[0]))) for h, a in agents.items()},
        cues={w: tuple(c) for w, c in cues.items()},
        demonyms=demonyms,
        triggers=triggers,
    )
