"""analyze(): raw text to Doc — normalization, tokens, sentences, lemmas and parts
of speech, named entities, quantities, times."""

from __future__ import annotations

from datetime import date, datetime

from khabar.extract.entities import extract_entities
from khabar.extract.numbers import extract_quantities
from khabar.extract.times import extract_times
from khabar.model import Article, Doc, Sentence, Token
from khabar.persian.lemmatize import lemmatize
from khabar.persian.normalize import normalize, normalize_aligned
from khabar.persian.tagger import model, tag_sentences
from khabar.persian.tokenize import (
    sentence_bounds,
    sentence_spans,
    token_spans,
    tokenized_sentences,
)


def analyze(text: str | Article, *, published: datetime | date | None = None) -> Doc:
    """Normalize `text` (or an Article's title, lead and body) and find its
    sentences, tokens (with lemmas and parts of speech), named entities,
    quantities and time expressions (stand-off spans).
    Relative times ("هفته گذشته") are resolved against `published`, by default
    the Article's publication date."""
    article = text if isinstance(text, Article) else None
    if article is not None:
        text = article.text()
        published = published or article.published
    norm, offsets = normalize_aligned(text)
    spans = token_spans(norm)
    tokens = [Token(s, e, norm[s:e], norm[e : e + 1].isspace()) for s, e in spans]
    sentences = [Sentence(*b) for b in sentence_spans(norm, spans)]
    _tag(tokens, sentences)
    times = extract_times(norm, published)
    entities = extract_entities(
        norm, [[(t.start, t.end) for t in tokens[s.first_token : s.end_token]] for s in sentences],
        published.date() if isinstance(published, datetime) else published,
    )
    quantities = _outside(extract_quantities(norm), times)
    return Doc(
        text=norm, raw_text=text, offsets=offsets, published=published, sentences=sentences, tokens=tokens,
        article=article, quantities=quantities, times=times, entities=entities,
    )


def sentences(text: str) -> list[str]:
    """The sentences of `text`, normalized."""
    norm = normalize(text)
    return [norm[s:e] for s, e in sentence_bounds(norm)]


def tokenize(text: str) -> list[list[str]]:
    """The tokens of `text`, normalized, sentence by sentence."""
    return tokenized_sentences(normalize(text))


def _tag(tokens: list[Token], sentences: list[Sentence]) -> None:
    """Fill the lemma and part of speech of every token, sentence by sentence."""
    words = [[t.text for t in tokens[s.first_token : s.end_token]] for s in sentences]
    for sent, tags in zip(sentences, tag_sentences(model(), words), strict=True):
        for token, upos in zip(tokens[sent.first_token : sent.end_token], tags, strict=True):
            token.pos = upos
            token.lemma = lemmatize(token.text, upos)


def _outside(quantities: list, times: list) -> list:
    """Quantities that are not part of a time expression (a year is a time, not a number)."""
    if not times:
        return quantities
    spans = [(t.start, t.end) for t in times]
    return [q for q in quantities if not any(s <= q.start and q.end <= e for s, e in spans)]
