"""Named entities: PER, LOC, ORG and EVENT spans found by the statistical tagger
(src/khabar/data/ner.json.gz, trained by tools/train_ner.py), linked to the
knowledge base (extract/kb.py) where an entry fits; others keep kb_id None."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from khabar.extract.gazetteer import gazetteer_features
from khabar.extract.kb import KBEntry, knowledge_base
from khabar.persian.tagger import load_model, tag_words


@dataclass(slots=True)
class Entity:
    """A named entity: text[start:end] of the Doc."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str | None = None
    name_en: str | None = None
    country: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "kb_id": self.kb_id, "name_en": self.name_en, "country": self.country, "role": self.role}


def entity_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first token, end token, label) of the BIO entities of one sentence."""
    out: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != kind):
            if start is not None:
                out.append((start, i, kind))
            start, kind = (i, tag[2:]) if tag != "O" else (None, None)
    return out


# The knowledge-base types an entity of each label may be linked to.
COMPATIBLE = {"PER": {"PER"}, "ORG": {"ORG", "PRODUCT", "GPE"}, "LOC": {"LOC", "GPE"}, "EVENT": {"EVENT"}}
LABEL_OF_TYPE = {"PER": "PER", "ORG": "ORG", "PRODUCT": "ORG", "GPE": "LOC", "LOC": "LOC", "EVENT": "EVENT"}


def extract_entities(text: str, sentences: list[list[tuple[int, int]]]) -> list[Entity]:
    """The entities of `text` given each sentence's token spans, linked to the
    knowledge base; a knowledge-base name the tagger missed is added when it
    cannot be an everyday word (several words, or a dotted acronym)."""
    model, kb = load_model("ner.json.gz"), knowledge_base()
    found: list[Entity] = []
    for spans in sentences:
        words = [text[s:e] for s, e in spans]
        taken = [False] * len(words)
        for first, end, label in entity_spans(tag_words(model, words, gazetteer_features(words))):
            while first < end and not _wordlike(words[first]):
                first += 1
            while end > first and not _wordlike(words[end - 1]):
                end -= 1
            if first == end:
                continue
            if first > 0 and not taken[first - 1] and kb.lookup(" ".join(words[first - 1 : end])):
                first -= 1  # "شمال آفریقا" where the tagger saw only "آفریقا"
            taken[first:end] = [True] * (end - first)
            for a, b, kind in _split_known(words, first, end, label, kb):
                start, stop = spans[a][0], spans[b - 1][1]
                found.append(Entity(start, stop, text[start:stop], kind))
        for first, end, entry in _kb_names(words, kb):
            if not any(taken[first:end]):
                taken[first:end] = [True] * (end - first)
                start, stop = spans[first][0], spans[end - 1][1]
                found.append(Entity(start, stop, text[start:stop], LABEL_OF_TYPE.get(entry.type, "ORG")))
    found.sort(key=lambda e: e.start)
    return link(found)


def _split_known(words: list[str], first: int, end: int, label: str, kb) -> list[tuple[int, int, str]]:
    """Two known names the tagger ran together ("کرملین پوتین") become two entities."""
    if end - first > 1 and kb.lookup(" ".join(words[first:end])) is None:
        for k in range(first + 1, end):
            left, right = kb.lookup(" ".join(words[first:k])), kb.lookup(" ".join(words[k:end]))
            if left and right:
                return [(first, k, LABEL_OF_TYPE.get(left.type, label)), (k, end, LABEL_OF_TYPE.get(right.type, label))]
    return [(first, end, label)]


def _kb_names(words: list[str], kb) -> list[tuple[int, int, KBEntry]]:
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
                continue
            entry = kb.lookup(phrase)
            if entry is not None:
                out.append((i, i + n, entry))
                break
    return out


def link(entities: list[Entity]) -> list[Entity]:
    """Give each entity its knowledge-base entry where one fits: by any spelling
    of its name; a person's short form by the full name seen earlier in the
    text ("پوتین" after "ولادیمیر پوتین"); a name after a title word ("شهر
    آنتالیا") by the words after it, when the types agree."""
    kb = knowledge_base()
    people: dict[str, KBEntry] = {}
    for entity in entities:
        allowed = COMPATIBLE.get(entity.label, set())
        entry = kb.lookup(entity.text)
        if entry is not None and entity.label == "PER" and entry.type != "PER":
            entry = None
        words = entity.text.split()
        if entry is None and len(words) > 1:
            entry = kb.lookup(" ".join(words[1:]))
            if entry is not None and entry.type not in allowed:
                entry = None
        if entry is None and entity.label == "PER":
            entry = people.get(words[-1])
        if entry is None:
            continue
        if entry.type == "PER":
            for word in entry.names_fa[0].split():
                people[word] = entry
        entity.kb_id, entity.name_en = entry.id, entry.name_en
        entity.country, entity.role = entry.country, entry.role
    return entities


def _wordlike(token: str) -> bool:
    """A token that can be part of a name (not punctuation)."""
    return any(c.isalnum() for c in token)
