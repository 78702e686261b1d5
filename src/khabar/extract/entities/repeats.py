"""Step 4 of the entity stage: a name the text has linked, written again where
the tagger did not see it ("کنگره فیفا" in the headline after "فیفا" was found in
the lead; "الحیات" after "روزنامه الحیات"), is the same actor.

Only one-word names that are an organisation's or a person's alone in the
knowledge base and are not everyday words are taken: "سپاه" or "روحانی" can be
other things where the tagger left them."""

from __future__ import annotations

from bisect import bisect_left

from khabar.extract.entities.linker import apply_entry
from khabar.extract.entities.sport import club_by_everyday_name
from khabar.extract.kb import KBEntry, KnowledgeBase
from khabar.extract.ner import word_classes
from khabar.model import Entity
from khabar.persian.normalize import normalized_name_key

# The highest frequency band of the word lexicon a name may be in to be taken where it repeats.
MAX_BAND = 5
LABELS = {"ORG": "ORG", "PER": "PER"}


def repeated_names(
    entities: list[Entity], text: str, sentences_token_spans: list[list[tuple[int, int]]], kb: KnowledgeBase
) -> list[Entity]:
    """The entities for the untagged repetitions of the one-word names of the
    organisations and people linked in the text, in the order of the text."""
    names = _names_linked(entities, kb)
    if not names:
        return []
    covered = sorted((e.start, e.end) for e in entities)
    out = []
    for spans in sentences_token_spans:
        for start, end in spans:
            entry = names.get(text[start:end])
            if entry is not None and not _inside(covered, start, end):
                entity = Entity(start, end, text[start:end], LABELS[entry.type])
                apply_entry(entity, entry)
                out.append(entity)
    return out


def _names_linked(entities: list[Entity], kb: KnowledgeBase) -> dict[str, KBEntry]:
    """One-word name → entry, for the entries linked in the text that may be
    taken where they repeat."""
    out: dict[str, KBEntry] = {}
    for entity in entities:
        entry = kb.entries.get(entity.kb_id) if entity.kb_id else None
        if entry is None or entry.type not in LABELS:
            continue
        for name in entry.names_fa:
            if " " not in name and _safe(name, entry, kb):
                out[name] = entry
    return out


def _safe(name: str, entry: KBEntry, kb: KnowledgeBase) -> bool:
    """A name that is this entry's alone, no everyday word, and no club's by everyday words."""
    if kb.by_name.get(normalized_name_key(name)) != (entry.id,) or club_by_everyday_name(entry, name):
        return False
    _, _, band = word_classes().get(name, "0|0").partition("|")
    return not band.isdigit() or int(band) <= MAX_BAND


def _inside(covered: list[tuple[int, int]], start: int, end: int) -> bool:
    """True if [start, end) overlaps an entity (`covered` is sorted by start;
    entities do not nest, so the one starting last before `end` and the one
    before it are enough to look at)."""
    k = bisect_left(covered, (end, -1))
    return any(a < end and start < b for a, b in covered[max(0, k - 2) : k])
