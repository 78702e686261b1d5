"""Step 1 of the entity stage: the names of a sentence. The tagger's spans
(extract/ner.py), repaired against the knowledge base where it cut a name short
or ran two together, and the knowledge-base names it missed that cannot be
everyday words."""

from __future__ import annotations

from khabar.extract.entities.mention import Mention, mention_at
from khabar.extract.entities.sport import club, club_by_everyday_name
from khabar.extract.entities.vocabulary import (
    COMPATIBLE,
    COORDINATORS,
    DIRECTIONS,
    LABEL_OF_TYPE,
    PLACE_TYPES,
    wordlike,
)
from khabar.extract.kb import KBEntry, KnowledgeBase
from khabar.extract.ner import entity_spans

Span = tuple[int, int, str]  # words[first:end] and a label


def name_mentions(
    text: str, spans: list[tuple[int, int]], words: list[str], tags: list[str], kb: KnowledgeBase, sporty: bool
) -> list[Mention]:
    """The named entities of one sentence (its token `spans`, `words` and BIO
    `tags`): the tagger's, repaired, then the knowledge-base names it missed."""
    taken = [False] * len(words)
    found = [span for tagged in entity_spans(tags) for span in repaired(words, *tagged, taken, kb, sporty)]
    found += spotted(words, taken, kb, sporty)
    return [mention_at(text, spans, words, first, end, label) for first, end, label in found]


def repaired(
    words: list[str], first: int, end: int, label: str, taken: list[bool], kb: KnowledgeBase, sporty: bool
) -> list[Span]:
    """One tagged span without punctuation at its ends, grown by a word either
    side into a knowledge-base name, and split where it ran names together;
    nothing if it starts inside a name already taken. Marks its words taken."""
    first, end = trimmed(words, first, end)
    if first == end or taken[first]:
        return []  # nothing left, or already inside a name that was extended
    allowed = COMPATIBLE.get(label, ())  # "آبادان" (a place) does not grow into "نفت آبادان" (a club)
    grown = grown_left(words, first, end, allowed, sporty, kb) if first > 0 and not taken[first - 1] else None
    if grown is not None:
        first -= 1  # "شمال آفریقا" where the tagger saw only "آفریقا"
        if grown.type not in allowed:
            label = "ORG"  # "آلومینیوم اراک" in sports news: the club, where the tagger saw the town
    end = extended_right(words, first, end, allowed, kb)
    taken[first:end] = [True] * (end - first)
    out: list[Span] = []
    for part_first, part_end in split_coordinated(words, first, end, label, kb):
        part_first, part_end = trimmed(words, part_first, part_end)  # « ماناتل پارس » ، « مدیا پردازش »
        if part_end > part_first:
            out += split_known(words, part_first, part_end, label, kb)
    return out


def trimmed(words: list[str], first: int, end: int) -> tuple[int, int]:
    """words[first:end] without the punctuation at either end."""
    while first < end and not wordlike(words[first]):
        first += 1
    while end > first and not wordlike(words[end - 1]):
        end -= 1
    return first, end


def grown_left(
    words: list[str], first: int, end: int, allowed: tuple[str, ...], sporty: bool, kb: KnowledgeBase
) -> KBEntry | None:
    """The KB entry the tagged words make with the word before them: one of a
    type the tag allows, or in sports news a club ("آلومینیوم" + "اراک")."""
    if not wordlike(words[first - 1]):
        return None
    phrase = " ".join(words[first - 1 : end])
    grown = kb.lookup(phrase, allowed, normalized=True)
    return club(phrase, kb) if grown is None and sporty else grown


def extended_right(words: list[str], first: int, end: int, allowed: tuple[str, ...], kb: KnowledgeBase) -> int:
    """The end of the name once grown by up to two words after it into a
    knowledge-base name ("اسپوتنیک وی" where the tagger saw only "اسپوتنیک");
    words, not a full stop."""
    for more in (2, 1):
        if (end + more <= len(words) and all(wordlike(w) for w in words[end : end + more])
                and kb.lookup(" ".join(words[first : end + more]), allowed, normalized=True)):
            return end + more
    return end


def split_coordinated(words: list[str], first: int, end: int, label: str, kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Places the tagger ran together over "و" or "،" ("منطقه ادلب و شمال شرق سوریه")
    are split there, unless the whole is one known name ("سیستان و بلوچستان") or
    a part is a direction alone ("اروپای مرکزی و غربی")."""
    cuts = [k for k in range(first + 1, end - 1) if words[k] in COORDINATORS]
    if label != "LOC" or not cuts or kb.lookup(" ".join(words[first:end]), normalized=True):
        return [(first, end)]
    bounds = [first, *cuts, end]
    parts = [(a + (a != first), b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a + (a != first)]
    if any(b - a == 1 and words[a] in DIRECTIONS for a, b in parts):
        return [(first, end)]  # "اروپای مرکزی و غربی": one region
    return parts


def split_known(words: list[str], first: int, end: int, label: str, kb: KnowledgeBase) -> list[Span]:
    """Two known names of different kinds the tagger ran together ("کرملین
    پوتین") become two entities; an organisation named with its place or its
    parent ("حزب‌الله کردستان عراق", "مقاومت البرز", "نیروی قدس سپاه …") stays whole."""
    if end - first > 1 and kb.lookup(" ".join(words[first:end]), normalized=True) is None:
        for k in range(first + 1, end):
            left = kb.lookup(" ".join(words[first:k]), normalized=True)
            right = kb.lookup(" ".join(words[k:end]), normalized=True)
            if left and right and label == "ORG" and (right.type in PLACE_TYPES or left.type == right.type):
                continue
            if left and right:
                return [(first, k, LABEL_OF_TYPE.get(left.type, label)), (k, end, LABEL_OF_TYPE.get(right.type, label))]
    return [(first, end, label)]


def spotted(words: list[str], taken: list[bool], kb: KnowledgeBase, sporty: bool) -> list[Span]:
    """Knowledge-base names the tagger missed, where no name was taken: several
    words or a dotted acronym, which cannot be an everyday word; a club by
    everyday words ("صنعت نفت") only in sports news. Marks their words taken."""
    out: list[Span] = []
    for first, end, entry in kb_names(words, kb):
        if not sporty and club_by_everyday_name(entry, " ".join(words[first:end])):
            continue  # "صنعت نفت" outside sports news is the industry, not the club
        if not any(taken[first:end]):
            taken[first:end] = [True] * (end - first)
            out.append((first, end, LABEL_OF_TYPE.get(entry.type, "ORG")))
    return out


def kb_names(words: list[str], kb: KnowledgeBase) -> list[tuple[int, int, KBEntry]]:
    """Knowledge-base names in the words that are safe to take without the tagger."""
    out = []
    for i in range(len(words)):
        if words[i] not in kb.first_words and "." not in words[i]:
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            phrase = " ".join(words[i : i + n])
            if n == 1 and "." not in phrase:
                continue  # one word is taken from the tagger
            entry = kb.lookup(phrase, normalized=True)
            if entry is not None and all(wordlike(w) for w in words[i : i + n]):  # "مالی ." is not Mali
                out.append((i, i + n, entry))
                break
    return out
