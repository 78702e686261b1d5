"""The data model: Article (what ingest produces) and Doc, whose layers are
stand-off (character offsets into Doc.text)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

SCHEMA_VERSION = "1"


@dataclass(slots=True)
class Token:
    """A word or punctuation token: text[start:end] of the Doc."""

    start: int
    end: int
    text: str
    space_after: bool = True
    lemma: str | None = None
    pos: str | None = None  # UD UPOS

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start, "end": self.end, "text": self.text, "space_after": self.space_after,
            "lemma": self.lemma, "pos": self.pos,
        }


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
    article: Article | None = None
    quantities: list[Any] = field(default_factory=list)
    times: list[Any] = field(default_factory=list)
    entities: list[Any] = field(default_factory=list)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.end_token]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `raw` that the normalized span (start, end) came from."""
        return self.offsets[start], self.offsets[end]

    def to_conllu(self) -> str:
        """The sentences and tokens in CoNLL-U (ID, FORM, LEMMA, UPOS; SpaceAfter=No in MISC)."""
        out: list[str] = []
        for n, sent in enumerate(self.sentences, 1):
            out.append(f"# sent_id = {n}")
            out.append(f"# text = {self.text[sent.start : sent.end]}")
            tokens = self.sentence_tokens(sent)
            for i, tok in enumerate(tokens, 1):
                last = i == len(tokens)
                misc = "_" if tok.space_after or last else "SpaceAfter=No"
                out.append("\t".join([str(i), tok.text, tok.lemma or "_", tok.pos or "_", "_", "_", "_", "_", "_", misc]))
            out.append("")
        return "\n".join(out) + ("\n" if out else "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_VERSION,
            "article": None if self.article is None else _article_meta(self.article),
            "text": self.text,
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": [
                {**t.to_dict(), "raw": list(self.raw_span(t.start, t.end))} for t in self.tokens
            ],
            "quantities": [q.to_dict() for q in self.quantities],
            "times": [t.to_dict() for t in self.times],
            "entities": [e.to_dict() for e in self.entities],
        }


@dataclass
class Article:
    """A news article as ingest found it: cleaned, not yet analysed.

    `body` holds the paragraphs in order; `attributions` is the chain of sources
    from the publishing agency to the ones it cites ("به گزارش ایرنا از تی‌آرتی"
    → ["IRNA", "TRT"]); `warnings` says what ingest noticed but did not stop on.
    """

    title: str = ""
    body: list[str] = field(default_factory=list)
    lead: str = ""
    url: str | None = None
    site: str | None = None
    agency: str | None = None
    published: datetime | None = None
    dateline: str | None = None
    attributions: list[str] = field(default_factory=list)
    language: str = "fa"
    source: str | None = None
    warnings: list[str] = field(default_factory=list)
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = self.content_id()

    def content_id(self) -> str:
        """A stable id: a hash of the title and body text (and the URL if known)."""
        digest = hashlib.sha256()
        for part in (self.url or "", self.title, self.lead, *self.body):
            digest.update(part.encode("utf-8"))
            digest.update(b"\x00")
        return digest.hexdigest()[:16]

    def text(self) -> str:
        """Title, lead and body as one text, a paragraph a line, blank lines
        between; the dateline place, if any, opens the lead ("تهران - …") as it
        did in the article, so that the analysis sees it."""
        paragraphs = [p for p in (self.lead, *self.body) if p]
        if self.dateline and paragraphs:
            paragraphs[0] = f"{self.dateline} - {paragraphs[0]}"
        return "\n\n".join(p for p in (self.title, *paragraphs) if p)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return {"schema": SCHEMA_VERSION, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        fields = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        if fields.get("published"):
            fields["published"] = datetime.fromisoformat(fields["published"])
        return cls(**fields)


def _article_meta(article: Article) -> dict[str, Any]:
    """The Article's fields but its text (which the Doc holds, normalized)."""
    data = article.to_dict()
    for key in ("schema", "title", "lead", "body"):
        data.pop(key)
    return data
