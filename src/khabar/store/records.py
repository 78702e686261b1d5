"""An analysed article as the rows the corpus stores (made in a worker process,
written by the one writer), and the stored Doc read back."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any
from urllib.parse import urlsplit

from khabar.model import SCHEMA_VERSION, Article, Doc
from khabar.store.clusters import shingles, sketch
from khabar.store.fold import fold_terms, fold_word
from khabar.store.schema import SCHEMA

LEVEL = 3  # zlib: level 6 makes the Docs 13% smaller at twice the time


@dataclass
class Record:
    """Everything stored for one article."""

    article: dict[str, Any]
    doc: bytes
    layers: dict[str, list[tuple]] = field(default_factory=dict)
    fold: str = ""
    lemma: str = ""
    search_data: bytes = b""
    signature: bytes | None = None
    shingles: int = 0  # distinct word shingles the signature was made of


def content_hash(article: Article) -> str:
    """A hash of what the article says (not of where it was read from): equal
    hashes, nothing to re-analyse."""
    data = article.to_dict()
    data.pop("source", None)
    data["_versions"] = [SCHEMA_VERSION, SCHEMA]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:32]


def outlet(article: Article) -> str | None:
    """Who published it: the agency, else the site, else the URL's host."""
    if article.agency or article.site:
        return article.agency or article.site
    if article.url:
        host = urlsplit(article.url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def article_row(article: Article, digest: str) -> dict[str, Any]:
    """The `articles` columns of an Article (without n, run and cluster)."""
    published = article.published
    day = ts = None
    if published is not None:
        day = published.date().isoformat()
        aware = published if published.tzinfo else published.replace(tzinfo=timezone.utc)
        ts = aware.timestamp()
    return {
        "id": article.id, "url": article.url, "source": outlet(article), "agency": article.agency,
        "site": article.site, "published": published.isoformat() if published else None,
        "day": day, "ts": ts, "title": article.title, "lead": article.lead,
        "body": "\n\n".join(article.body), "dateline": article.dateline,
        "attributions": json.dumps(article.attributions, ensure_ascii=False),
        "language": article.language, "warnings": json.dumps(article.warnings, ensure_ascii=False),
        "input": article.source, "hash": digest,
    }


def article_from_row(row: dict[str, Any]) -> Article:
    """The Article an `articles` row holds."""
    published = row["published"]
    return Article(
        title=row["title"] or "", body=row["body"].split("\n\n") if row["body"] else [],
        lead=row["lead"] or "", url=row["url"], site=row["site"], agency=row["agency"],
        published=datetime.fromisoformat(published) if published else None, dateline=row["dateline"],
        attributions=json.loads(row["attributions"] or "[]"), language=row["language"] or "fa",
        source=row["input"], warnings=json.loads(row["warnings"] or "[]"), id=row["id"],
    )


def make_record(doc: Doc, digest: str) -> Record:
    """The rows of an analysed article (`doc.article` is the Article)."""
    assert doc.article is not None
    words = [t.text for t in doc.tokens]
    gaps = [i > 0 and doc.text[doc.tokens[i - 1].end : t.start].strip(" ") != "" for i, t in enumerate(doc.tokens)]
    terms = fold_terms(words, gaps)
    spans = []
    for _, a, b in terms:
        spans.extend(doc.raw_span(doc.tokens[a].start, doc.tokens[b - 1].end))
    fold = " ".join(t for t, _, _ in terms)
    found = shingles([t for t, _, _ in terms])
    lemma = " ".join(_term_lemma(doc, term, a, b) for term, a, b in terms)  # one lemma a term
    search_data = zlib.compress(json.dumps({"fold": fold, "lemma": lemma, "spans": spans}).encode(), LEVEL)
    return Record(
        article=article_row(doc.article, digest),
        doc=pack_doc(doc),
        layers=layer_rows(doc),
        fold=fold,
        lemma=lemma,
        search_data=search_data,
        signature=sketch(found),
        shingles=len(found),
    )


def _term_lemma(doc: Doc, term: str, a: int, b: int) -> str:
    """The folded lemma of a term made of tokens a..b-1: the longest token's
    ("همکاری" of "همکاری ها", "کرد" of "می کنند"), else the term itself."""
    head = max(doc.tokens[a:b], key=lambda t: len(t.text))
    return fold_word(head.lemma or head.text) or term


def layer_rows(doc: Doc) -> dict[str, list[tuple]]:
    """Rows of the layer tables, without the article key (prepended when written)."""
    def dumps(value: Any) -> str | None:
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def actor(a: Any) -> tuple:
        return (None,) * 4 if a is None else (a.text, a.kb_id, a.country, a.sector)

    rows: dict[str, list[tuple]] = {
        "sentences": [(n, s.start, s.end) for n, s in enumerate(doc.sentences)],
        "entities": [(n, e.start, e.end, e.text, e.label, e.kb_id, e.name_en, e.country, e.role)
                     for n, e in enumerate(doc.entities)],
        "quantities": [(n, q.start, q.end, q.text, q.kind, dumps(q.value), q.unit, q.approx, int(q.ordinal), q.note)
                       for n, q in enumerate(doc.quantities)],
        "times": [(n, t.start, t.end, t.text, t.kind, t.value, t.calendar, t.reason) for n, t in enumerate(doc.times)],
        "events": [],
    }
    for n, e in enumerate(doc.events):
        loc = e.location
        rows["events"].append((
            n, e.start, e.end, e.text, e.type, e.mode, dumps(e.context), e.cameo, e.quad_class, e.goldstein,
            *actor(e.source), *actor(e.target),
            loc.text if loc else None, loc.kb_id if loc else None, loc.country if loc else None,
            e.date, e.date_flag, dumps([list(s) for s in e.evidence]), dumps(e.attribution), e.confidence,
        ))
    return rows


def pack_doc(doc: Doc) -> bytes:
    """`Doc.to_dict()` less what `from_dict` derives (each span's `raw`, a
    token's `text`), tokens as [start, end, space_after, lemma, pos]; zlib."""
    data = doc.to_dict()
    for key in ("entities", "quantities", "times", "events"):
        for span in data[key]:
            span.pop("raw", None)
    data["tokens"] = [[t["start"], t["end"], int(t["space_after"]), t["lemma"], t["pos"]] for t in data["tokens"]]
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), LEVEL)


def unpack_doc(blob: bytes) -> Doc:
    """The Doc that `pack_doc` stored."""
    data = json.loads(zlib.decompress(blob))
    text = data["text"]
    data["tokens"] = [
        {"start": s, "end": e, "text": text[s:e], "space_after": bool(sp), "lemma": lemma, "pos": pos}
        for s, e, sp, lemma, pos in data["tokens"]
    ]
    return Doc.from_dict(data)
