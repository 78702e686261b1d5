"""The data model: `Article` (what ingest produces) and `Doc` (an analysed text)
with its stand-off layers. Every annotation is a span: `start`/`end` index
`Doc.text` (the normalized text) and `Doc.raw_span(start, end)` gives the span
of `Doc.raw_text` (the input) it came from. One JSON form for all of it:
`Doc.to_dict()` and `Doc.from_dict()` round-trip exactly."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Any

SCHEMA_VERSION = "2"


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
        return {"start": self.start, "end": self.end, "tokens": [self.first_token, self.end_token]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(data["start"], data["end"], *data["tokens"])


@dataclass(slots=True)
class Entity:
    """A named entity: text[start:end] of the Doc, linked to the knowledge base
    (`kb_id`, `name_en`) where an entry fits; `country` is ISO 3166-1 alpha-3,
    `role` a sector code (GOV, MIL, SPO, …)."""

    start: int
    end: int
    text: str
    label: str  # PER, LOC, ORG, EVENT
    kb_id: str | None = None
    name_en: str | None = None
    country: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "kb_id": self.kb_id, "name_en": self.name_en, "country": self.country, "role": self.role}


@dataclass(slots=True)
class Quantity:
    """A quantity: text[start:end] of the Doc, its kind, value and unit."""

    start: int
    end: int
    text: str
    kind: str  # money, percent, count, measure, number
    value: int | float | list[int | float]
    unit: str | None = None
    approx: str | None = None  # about, more_than, less_than, at_least, at_most
    ordinal: bool = False
    note: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "value": self.value, "unit": self.unit}
        for key in ("approx", "note"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.ordinal:
            data["ordinal"] = True
        return data


@dataclass(slots=True)
class TimeExpr:
    """A time expression: text[start:end] of the Doc, with its ISO value (a date,
    datetime, time, interval "A/B" or duration "P…"), the calendar it was written
    in, and, when it has no value, the reason why."""

    start: int
    end: int
    text: str
    kind: str  # date, datetime, time, interval, duration
    value: str | None
    calendar: str | None = None
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "value": self.value, "calendar": self.calendar}
        if self.reason:
            data["reason"] = self.reason
        return data


@dataclass(slots=True)
class Actor:
    """One side of an event: a span of the Doc and the codes of who it is."""

    start: int
    end: int
    text: str
    kb_id: str | None = None
    name_en: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3
    sector: str | None = None  # GOV, MIL, … (Phoenix/CAMEO actor codes)

    def to_dict(self) -> dict[str, Any]:
        return _plain_dict(self)


@dataclass(slots=True)
class Event:
    """A political event (PLOVER type, CAMEO code): `start`/`end` is its trigger;
    `evidence` the sentences that state it, as (start, end) spans."""

    start: int
    end: int
    text: str  # the trigger
    type: str  # PLOVER event type: CONSULT, AGREE, …
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    source: Actor | None = None
    target: Actor | None = None
    location: Entity | None = None
    date: str | None = None
    date_flag: str | None = None  # e.g. "published": the date is the article's, not stated
    evidence: list[tuple[int, int]] = field(default_factory=list)
    attribution: list[str] = field(default_factory=list)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        data = _plain_dict(self)
        for key in ("source", "target", "location"):
            value = getattr(self, key)
            data[key] = None if value is None else value.to_dict()
        data["evidence"] = [list(span) for span in self.evidence]
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        kwargs = _known(cls, data)
        for key, kind in (("source", Actor), ("target", Actor), ("location", Entity)):
            if kwargs.get(key) is not None:
                kwargs[key] = kind(**_known(kind, kwargs[key]))
        kwargs["evidence"] = [tuple(span) for span in kwargs.get("evidence", [])]
        return cls(**kwargs)


@dataclass
class Article:
    """A news article as ingest found it: cleaned, not yet analysed.

    `body` holds the paragraphs in order; `attributions` is the chain of sources
    from the publishing agency to the ones it cites ("به گزارش ایرنا از تی‌آرتی"
    → ["IRNA", "TRT"]); `source` names the input it was read from; `warnings`
    says what ingest noticed but did not stop on.
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
        return self.text_and_parts()[0]

    def text_and_parts(self) -> tuple[str, dict[str, Any]]:
        """`text()` and where each part lies in it: {"title": [a, b], "lead":
        [a, b], "body": [[a, b], …]} (an empty part as an empty span)."""
        pieces: list[str] = []
        pos = 0
        spans: list[list[int]] = []
        first_paragraph = True
        for n, part in enumerate((self.title, self.lead, *self.body)):
            if not part:
                spans.append([pos, pos])
                continue
            prefix = ""
            if n > 0 and first_paragraph and self.dateline:
                prefix = f"{self.dateline} - "
            if n > 0:
                first_paragraph = False
            if pieces:
                pieces.append("\n\n")
                pos += 2
            start = pos + len(prefix)
            pieces.append(prefix + part)
            pos += len(prefix) + len(part)
            spans.append([start, pos])
        return "".join(pieces), {"title": spans[0], "lead": spans[1], "body": spans[2:]}

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["published"] = self.published.isoformat() if self.published else None
        return {"schema": SCHEMA_VERSION, **data}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        kwargs = _known(cls, data)
        if kwargs.get("published"):
            kwargs["published"] = datetime.fromisoformat(kwargs["published"])
        return cls(**kwargs)


@dataclass
class Doc:
    """An analysed text. `text` is normalized; `raw_text` is what it came from;
    `offsets` maps each character of `text` (and its end) to an index of
    `raw_text`. `published` is the date relative times were resolved against;
    `article` the Article analysed, when there was one. `start` is where
    `raw_text` begins in a longer input when the Doc is one part of it
    (`Pipeline.stream`; 0 otherwise): `input_span` maps a span to that input."""

    text: str
    raw_text: str
    offsets: list[int]
    published: datetime | date | None = None
    article: Article | None = None
    language: str = "fa"
    layers: list[str] = field(default_factory=list)  # the components that ran, in order
    warnings: list[str] = field(default_factory=list)  # what the analysis noticed or left out
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    start: int = 0  # where raw_text begins in the whole input (a part of a streamed text)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token : sentence.end_token]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `raw_text` that the normalized span (start, end) came from."""
        return self.offsets[start], self.offsets[end]

    def input_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of the whole input that the normalized span (start, end)
        came from: `raw_span` shifted by `self.start` (the same for a Doc that
        is not a part)."""
        return self.start + self.offsets[start], self.start + self.offsets[end]

    def to_conllu(self, first: int = 1) -> str:
        """The sentences and tokens in CoNLL-U (ID, FORM, LEMMA, UPOS; SpaceAfter=No in MISC);
        sentence ids from `first` on (the parts of a streamed text go on numbering)."""
        out: list[str] = []
        for n, sent in enumerate(self.sentences, first):
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
        """The JSON form: both texts, the alignment between them, every layer;
        each span also carries `raw`, its [start, end] in `raw_text`; a part of
        a longer input (`start` > 0) says where `raw_text` begins in it."""
        data = {
            "schema": SCHEMA_VERSION,
            "article": None if self.article is None else _article_meta(self.article, self.raw_text),
            "published": None if self.published is None else self.published.isoformat(),
            "language": self.language,
            "layers": list(self.layers),
            "warnings": list(self.warnings),
            "text": self.text,
            "raw_text": self.raw_text,
            "alignment": _compress(self.offsets),
            "sentences": [s.to_dict() for s in self.sentences],
            "tokens": [self._with_raw(t) for t in self.tokens],
            "entities": [self._with_raw(e) for e in self.entities],
            "quantities": [self._with_raw(q) for q in self.quantities],
            "times": [self._with_raw(t) for t in self.times],
            "events": [self._with_raw(e) for e in self.events],
        }
        if self.start:
            data["start"] = self.start
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Doc:
        """The Doc that `to_dict` wrote (raw spans are derived, not read)."""
        if str(data.get("schema")) != SCHEMA_VERSION:
            raise ValueError(f"a Doc of schema {data.get('schema')!r}; this khabar reads schema {SCHEMA_VERSION}")
        raw_text = data["raw_text"]
        published = data.get("published")
        if published:
            published = datetime.fromisoformat(published) if "T" in published else date.fromisoformat(published)
        return cls(
            text=data["text"],
            raw_text=raw_text,
            offsets=_expand(data["alignment"], len(data["text"])),
            published=published,
            article=None if data.get("article") is None else _article_from_meta(data["article"], raw_text),
            language=data.get("language", "fa"),
            layers=list(data.get("layers", [])),
            warnings=list(data.get("warnings", [])),
            sentences=[Sentence.from_dict(s) for s in data.get("sentences", [])],
            tokens=[Token(**_known(Token, t)) for t in data.get("tokens", [])],
            entities=[Entity(**_known(Entity, e)) for e in data.get("entities", [])],
            quantities=[Quantity(**_known(Quantity, q)) for q in data.get("quantities", [])],
            times=[TimeExpr(**_known(TimeExpr, t)) for t in data.get("times", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            start=int(data.get("start", 0)),
        )

    def _with_raw(self, span: Any) -> dict[str, Any]:
        return {**span.to_dict(), "raw": list(self.raw_span(span.start, span.end))}


def _plain_dict(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


def _known(cls: type, data: dict[str, Any]) -> dict[str, Any]:
    """The items of `data` that are fields of `cls`."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in data.items() if k in names}


def _compress(offsets: list[int]) -> list[list[int]]:
    """The alignment as runs: [i, raw_i] wherever `raw_i - i` changes (it is
    constant between), so an unchanged text is one pair."""
    runs: list[list[int]] = []
    shift = None
    for i, raw in enumerate(offsets):
        if raw - i != shift:
            runs.append([i, raw])
            shift = raw - i
    return runs


def _expand(runs: list[list[int]], length: int) -> list[int]:
    """The offsets (`length` + 1 of them) that `_compress` wrote as runs."""
    offsets: list[int] = []
    for n, (i, raw) in enumerate(runs):
        stop = runs[n + 1][0] if n + 1 < len(runs) else length + 1
        offsets.extend(range(raw, raw + stop - i))
    return offsets


def _article_meta(article: Article, raw_text: str) -> dict[str, Any]:
    """The Article's fields; its title, lead and body as spans of `raw_text`
    when that is the article's text (as `analyze` makes it), else in full."""
    data = article.to_dict()
    text, parts = article.text_and_parts()
    if text == raw_text:
        for key in ("title", "lead", "body"):
            data.pop(key)
        data["parts"] = parts
    data.pop("schema")
    return data


def _article_from_meta(meta: dict[str, Any], raw_text: str) -> Article:
    data = dict(meta)
    parts = data.pop("parts", None)
    if parts is not None:
        data["title"] = raw_text[slice(*parts["title"])]
        data["lead"] = raw_text[slice(*parts["lead"])]
        data["body"] = [raw_text[slice(*span)] for span in parts["body"]]
    return Article.from_dict(data)
