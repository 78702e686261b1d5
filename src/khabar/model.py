"""The data model: Doc with stand-off layers (character offsets into Doc.text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1"


@dataclass(slots=True)
class Token:
    """A word or punctuation token: text[start:end] of the Doc."""

    start: int
    end: int
    text: str
    space_after: bool = True

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "space_after": self.space_after}


@dataclass(slots=True)
class Sentence:
    """A sentence: text[start:end] of the Doc, tokens[first_token:end_token]."""

    start: int
    end: int
    first_token: int
    end_token: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "tokens": [self.first_token, self.end_token],
        }


@dataclass
class Doc:
    """An analysed text. `text` is normalized; `offsets` maps each of its
    characters (and its end) back to an index of `raw`."""

    text: str
    raw: str
    offsets: list[int]
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.end_token]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `raw` that the normalized span (start, end) came from."""
        return self.offsets[start], self.offsets[end]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": [
                {**t.to_dict(), "raw": list(self.raw_span(t.start, t.end))} for t in self.tokens
            ],
        }
