"""Named entities: PER, LOC, ORG and EVENT spans found by the statistical tagger
(src/khabar/data/ner.json.gz, trained by tools/train_ner.py). Linking to the
knowledge base is not built yet: kb_id, name_en, country and role stay None."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from khabar.extract.gazetteer import gazetteer_features
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


def extract_entities(text: str, sentences: list[list[tuple[int, int]]]) -> list[Entity]:
    """The entities of `text` given each sentence's token spans."""
    model = load_model("ner.json.gz")
    found: list[Entity] = []
    for spans in sentences:
        words = [text[s:e] for s, e in spans]
        for first, end, label in entity_spans(tag_words(model, words, gazetteer_features(words))):
            while first < end and not _wordlike(words[first]):
                first += 1
            while end > first and not _wordlike(words[end - 1]):
                end -= 1
            if first == end:
                continue
            start, stop = spans[first][0], spans[end - 1][1]
            found.append(Entity(start, stop, text[start:stop], label))
    return found


def _wordlike(token: str) -> bool:
    """A token that can be part of a name (not punctuation)."""
    return any(c.isalnum() for c in token)
