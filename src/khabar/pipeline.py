"""The pipeline: named components that each add one layer to a `Doc`.

    >>> nlp = Pipeline()                      # every layer
    >>> nlp.names
    ['normalize', 'tokenize', 'tag', 'entities', 'times', 'quantities', 'events']
    >>> doc = nlp("…", published=date(2021, 6, 28))
    >>> Pipeline(layers=["tokenize"])("…").tokens   # what tokenize needs runs too

`analyze(text, published=..., layers=...)` is the one-call face;
`analyze_stream` (`Pipeline.stream`) the same for a long text, one Doc per
part of about 60,000 characters cut at paragraph breaks. A component is
a small object with a `name`, the names it `requires`, and `__call__(doc)`
that reads the Doc and adds its layer; models load once per process, on first
use (khabar.resources). `published` travels on the Doc: nothing here reads
the clock.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime

from khabar.model import Article, Doc, Sentence, Token
from khabar.published import as_published

Published = date | datetime | str | None  # or a jdatetime date: see khabar.published


@dataclass(frozen=True)
class Component:
    """A named stage: `run(doc)` adds the layer `name` to the Doc."""

    name: str
    requires: tuple[str, ...]
    run: Callable[[Doc], None]
    persian_only: bool = True  # skipped for a text in another language

    def __call__(self, doc: Doc) -> None:
        self.run(doc)
        doc.layers.append(self.name)


PART_CHARS = 60_000  # characters of a part of a streamed text (Pipeline.stream)
_SENTENCE_END = re.compile(r"[.!?؟…]+[\"'»”)\]]*(?=\s)")
_SPACE = re.compile(r"\s")
_WORD = re.compile(r"\S")


def cuts(text: str, part_chars: int = PART_CHARS) -> Iterator[tuple[int, int, bool]]:
    """The parts of `text` as (start, end, cut_inside_a_word): consecutive,
    covering it (an empty text: one empty part), each of at most `part_chars`
    characters. A part ends at the last blank line within that length, else
    at the last newline; failing that after the last sentence end (a full
    stop, question or exclamation mark or ellipsis, with any closing quote or
    bracket, before a space), then at the last space. The whitespace of a cut
    opens the next part: a part's last span then maps to its last character
    (a Doc's end absorbs trailing whitespace). Only a run of `part_chars`
    characters without any space is cut at that length (True). Linear: a
    part's characters are searched a few times at most, and the next part
    starts where this one ends; nothing but the bounds is kept."""
    n = len(text)
    start = 0
    while True:  # an empty text is one empty part
        limit = start + part_chars
        if limit >= n:
            yield start, n, False
            return
        word = _WORD.search(text, start, limit)
        if word is None:  # nothing but whitespace
            yield start, limit, False
            start = limit
            continue
        first = word.start()  # a cut lies after the part's first visible character
        end = text.rfind("\n\n", first, limit + 1)
        if end < first:
            end = text.rfind("\n", first, limit + 1)
        hard = False
        if end < first:
            window = text[first : limit + 1]  # a space just after the limit counts: cut before it
            last = _last(_SENTENCE_END, window, "end")
            if last is None:
                last = _last(_SPACE, window, "start")
            end = first + last if last is not None else limit
            hard = last is None
        while end > first + 1 and text[end - 1].isspace():  # the whole run of whitespace goes to the next part
            end -= 1
        yield start, end, hard
        start = end


def _last(pattern: re.Pattern[str], window: str, edge: str) -> int | None:
    """Where the last match of `pattern` in `window` starts or ends (`edge`); None: no match."""
    found = None
    for match in pattern.finditer(window):
        found = match.end() if edge == "end" else match.start()
    return found


def _input(text: str | Article, published: Published) -> tuple[str, date | datetime | None, Article | None]:
    """The text to analyze, the date to resolve times against, and the Article if it is one."""
    published = as_published(published)
    article = text if isinstance(text, Article) else None
    if article is not None:
        text = article.text()
        published = published or article.published
    if not isinstance(text, str):
        raise TypeError(f"analyze: a str or an Article, not {type(text).__name__}")
    return text, published, article


def _normalize(doc: Doc) -> None:
    from khabar.persian.normalize import normalize_aligned

    doc.text, doc.offsets = normalize_aligned(doc.raw_text)


def _tokenize(doc: Doc) -> None:
    from khabar.persian.tokenize import sentence_spans, token_spans

    text = doc.text
    spans = token_spans(text)
    doc.tokens = [Token(s, e, text[s:e], text[e : e + 1].isspace()) for s, e in spans]
    doc.sentences = [Sentence(*b) for b in sentence_spans(text, spans)]


def _tag(doc: Doc) -> None:
    from khabar.persian.lemmatize import lemmatize
    from khabar.persian.tagger import model, tag_sentences

    words = [[t.text for t in doc.sentence_tokens(s)] for s in doc.sentences]
    for sent, tags in zip(doc.sentences, tag_sentences(model(), words), strict=True):
        for token, upos in zip(doc.sentence_tokens(sent), tags, strict=True):
            token.pos = upos
            token.lemma = lemmatize(token.text, upos)


def _entities(doc: Doc) -> None:
    from khabar.extract.entities import extract_entities

    spans = [[(t.start, t.end) for t in doc.sentence_tokens(s)] for s in doc.sentences]
    doc.entities = extract_entities(doc.text, spans, _day(doc.published))


def _times(doc: Doc) -> None:
    from khabar.extract.times import extract_times

    doc.times = extract_times(doc.text, doc.published)


def _quantities(doc: Doc) -> None:
    """Quantities that are not part of a time expression (a year is a time, not
    a number), and counts of nouns written in words (they need the tags)."""
    from khabar.extract.numbers import extract_quantities

    doc.quantities = [q for q in extract_quantities(doc.text) if not _inside(q.start, q.end, doc.times)]
    if doc.tokens and doc.tokens[0].pos is not None:
        from khabar.extract.counts import counted_nouns

        doc.quantities = counted_nouns(doc)


def _inside(start: int, end: int, spans: list) -> bool:
    """Whether (start, end) lies within one of `spans` (sorted, not overlapping)."""
    k = bisect_right(spans, start, key=lambda s: s.start) - 1
    return k >= 0 and spans[k].end >= end


def _events(doc: Doc) -> None:
    from khabar.extract.events import extract_events

    doc.events = extract_events(doc)


def _day(published: datetime | date | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


PERSIAN = frozenset({"fa", "und"})  # languages the Persian layers run on ("und": undecided)

# The registry: every component, in the order they run.
COMPONENTS: dict[str, Component] = {
    c.name: c
    for c in (
        Component("normalize", (), _normalize),
        Component("tokenize", ("normalize",), _tokenize, persian_only=False),
        Component("tag", ("tokenize",), _tag),
        Component("entities", ("tokenize",), _entities),
        Component("times", ("normalize",), _times),
        Component("quantities", ("tag", "times"), _quantities),
        Component("events", ("tag", "entities", "times"), _events),
    )
}


def register(component: Component, *, after: str | None = None) -> None:
    """Add a component to the registry (at the end, or after the one named)."""
    items = [(n, c) for n, c in COMPONENTS.items() if n != component.name]
    at = len(items) if after is None else [n for n, _ in items].index(after) + 1
    items.insert(at, (component.name, component))
    COMPONENTS.clear()
    COMPONENTS.update(items)
    _PIPELINES.clear()


def resolve(layers: Iterable[str] | None) -> list[str]:
    """The components to run for `layers` (None: all), with what they require, in registry order."""
    if layers is None:
        return list(COMPONENTS)
    wanted: set[str] = set()
    todo = list(layers)
    while todo:
        name = todo.pop()
        if name not in COMPONENTS:
            raise ValueError(f"unknown layer {name!r}; the layers are: {', '.join(COMPONENTS)}")
        if name not in wanted:
            wanted.add(name)
            todo.extend(COMPONENTS[name].requires)
    return [name for name in COMPONENTS if name in wanted]


class Pipeline:
    """Named components run in order over many documents (models load once)."""

    def __init__(self, layers: Iterable[str] | None = None) -> None:
        self.names = resolve(layers)
        self.components = [COMPONENTS[name] for name in self.names]

    def __repr__(self) -> str:
        return f"Pipeline(layers={self.names!r})"

    def __call__(self, text: str | Article, *, published: Published = None) -> Doc:
        """Analyze one text, or an Article's title, lead and body; relative
        times are resolved against `published` (a date, datetime, Jalali date,
        or an ISO or Jalali string: see khabar.published), by default the
        Article's publication date. ValueError for a `published` that is no date."""
        text, published, article = _input(text, published)
        return self._run(text, published, article, article.language if article is not None else None)

    def _run(self, text: str, published, article: Article | None, language: str | None, start: int = 0) -> Doc:
        doc = Doc(text=text, raw_text=text, offsets=list(range(len(text) + 1)), published=published, article=article,
                  start=start)
        if language is not None:
            doc.language = language
        skipped = []
        for component in self.components:
            if component.persian_only and doc.language not in PERSIAN:
                skipped.append(component.name)
            else:
                component(doc)
        if skipped:
            doc.warnings.append(f"language {doc.language!r}: the Persian-only layers {', '.join(skipped)} were not run")
        return doc

    def stream(
        self, text: str | Article, *, published: Published = None, part_chars: int = PART_CHARS
    ) -> Iterator[Doc]:
        """Analyze a long text part by part: one Doc per part of about
        `part_chars` characters, in order, so that time grows linearly with the
        text and memory with the part, not the whole (~100 MB for a 20 MB
        text, against gigabytes whole, if the caller keeps no more of the
        parts than it needs).

        The text (an Article's: title, lead and body, as `analyze` reads it) is
        cut at a blank line, else a newline; a paragraph longer than a part is
        cut after a sentence end, else at a space, never inside a word (only a
        run of `part_chars` characters without a space is cut at that length,
        and that part's warnings say so); see `cuts`. The parts cover the
        text with no gap or overlap: each Doc's `raw_text` is the text from
        `doc.start` on, and `doc.input_span(a, b)` maps any of its spans to the
        whole text. Every part runs the same components; `published` (by
        default the Article's date) and the Article's language apply to every
        part. Of an Article, each part carries the metadata (id, title, agency,
        attributions — events cite them —, URL, date) but not the lead and body
        (`doc.article.body` is empty: they are the parts' texts, and would
        otherwise be repeated in every part's JSON).

        What is lost across a cut, each part being analysed on its own: a
        sentence that a cut splits (only in a paragraph longer than a part)
        becomes two; a name found once by the tagger is looked for where it
        repeats in its own part only; a surname alone is linked to the person
        named in full, a place to the region named earlier, and an event's
        actor named by surname found, only within one part; `analyze` merges
        the mentions of one event across the whole text into one Event with
        their evidence, the stream within each part (an event stated in two
        parts is two Events). Tokens, sentences (but at such a cut), times and
        quantities are those of `analyze`: times are resolved against
        `published`, which every part has. A text of at most `part_chars`
        characters is one part: the same Doc as `analyze` gives."""
        if part_chars < 1:
            raise ValueError(f"part_chars must be 1 or more, not {part_chars}")
        text, published, article = _input(text, published)
        language = article.language if article is not None else None
        meta = None if article is None else replace(article, lead="", body=[])  # its id, agency, attributions…
        for start, end, hard in cuts(text, part_chars):
            whole = start == 0 and end == len(text)
            doc = self._run(text[start:end], published, article if whole else meta, language, start)
            if hard:
                doc.warnings.append(f"no space in {part_chars} characters: this part was cut inside a word")
            yield doc
            del doc  # while the next part is analysed, only the caller may hold this one

    def pipe(self, texts: Iterable[str | Article], *, published: Published = None) -> Iterator[Doc]:
        """Analyze many texts, one Doc each, in order."""
        for text in texts:
            yield self(text, published=published)


_PIPELINES: dict[tuple[str, ...] | None, Pipeline] = {}


def analyze(
    text: str | Article, *, published: Published = None, layers: Iterable[str] | None = None
) -> Doc:
    """Normalize `text` (or an Article's title, lead and body) and find its
    sentences, tokens (with lemmas and parts of speech), named entities,
    quantities and time expressions (stand-off spans), or only the `layers`
    named (with what they need). Relative times ("هفته گذشته") are resolved
    against `published`, by default the Article's publication date. The
    whole text becomes one Doc (about 100 MB of memory per MB of text): for
    a text of more than about a million characters use `analyze_stream`."""
    key = None if layers is None else tuple(layers)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(key)
    return _PIPELINES[key](text, published=published)


def analyze_stream(
    text: str | Article, *, published: Published = None, layers: Iterable[str] | None = None,
    part_chars: int = PART_CHARS,
) -> Iterator[Doc]:
    """`analyze` for a long text: one Doc per part of about `part_chars`
    characters, cut at paragraph breaks, in order, each with `start`, its
    place in the whole text (see `Pipeline.stream`: time linear in the text,
    memory bounded by the part; what is lost at the cuts)."""
    key = None if layers is None else tuple(layers)
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(key)
    return _PIPELINES[key].stream(text, published=published, part_chars=part_chars)


def sentences(text: str) -> list[str]:
    """The sentences of `text`, normalized."""
    from khabar.persian.normalize import normalize
    from khabar.persian.tokenize import sentence_bounds

    norm = normalize(text)
    return [norm[s:e] for s, e in sentence_bounds(norm)]


def tokenize(text: str) -> list[list[str]]:
    """The tokens of `text`, normalized, sentence by sentence."""
    from khabar.persian.normalize import normalize
    from khabar.persian.tokenize import tokenized_sentences

    return tokenized_sentences(normalize(text))
