"""Readable views for the terminal (rich): a Doc, an Article's header, KB
entries, a batch summary. JSON and CoNLL-U come from the model itself
(`Doc.to_dict`, `Doc.to_conllu`)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from rich.console import Console
from rich.text import Text

from khabar.model import Article, Doc

STYLES = {"quantities": "magenta", "times": "green", "entities": "bold yellow"}


def print_doc(console: Console, doc: Doc) -> None:
    """The article's header, the counts, each layer as a list, then every
    sentence with its spans coloured and its tokens tagged."""
    if doc.article is not None:
        print_article_header(console, doc.article)
    for warning in doc.warnings:
        console.print(Text(f"note: {warning}", style="yellow"))
    console.print(Text(f"{len(doc.sentences)} sentences, {len(doc.tokens)} tokens", style="bold"))
    _section(console, "quantities", [_quantity_line(q) for q in doc.quantities])
    _section(console, "entities", [_entity_line(e) for e in doc.entities])
    _section(console, "times", [_time_line(t) for t in doc.times])
    for i, sent in enumerate(doc.sentences, 1):
        console.print(Text(f"\n[{i}] ", style="cyan") + highlighted(doc, sent.start, sent.end))
        tokens = doc.sentence_tokens(sent)
        console.print(Text(" │ ".join(f"{t.text}/{t.pos}" for t in tokens), style="dim"))


def _section(console: Console, name: str, lines: list[Text]) -> None:
    if lines:
        console.print(Text(name, style="bold"))
        for line in lines:
            console.print(line)


def _quantity_line(q: Any) -> Text:
    value = f"{q.value:,}" if isinstance(q.value, (int, float)) else " – ".join(f"{v:,}" for v in q.value)
    extra = " ".join(x for x in (q.unit or "", f"({q.approx})" if q.approx else "", "ordinal" if q.ordinal else "",
                                 f"[{q.note}]" if q.note else "") if x)
    return Text(f"  {q.text}", style=STYLES["quantities"]) + Text(f"  {q.kind}: {value} {extra}".rstrip())


def _entity_line(e: Any) -> Text:
    actor = "/".join(x for x in (e.country, e.role) if x)  # "TUR/GOV"; "USA/GOV" for "دولت آمریکا", which has no entry
    link = f"  → {e.name_en} [{e.kb_id}]" + (f" {actor}" if actor else "") if e.kb_id else (f"  ({actor})" if actor else "")
    return Text(f"  {e.text}", style=STYLES["entities"]) + Text(f"  {e.label}{link}")


def _time_line(t: Any) -> Text:
    value = t.value or f"? ({t.reason})"
    return Text(f"  {t.text}", style=STYLES["times"]) + Text(f"  {t.kind}: {value}" + (f" [{t.calendar}]" if t.calendar else ""))


def highlighted(doc: Doc, start: int, end: int) -> Text:
    """doc.text[start:end] with its entities, quantities and times in the
    colours of the lists (each layer is sorted: only the spans that can touch
    the stretch are looked at, so a long document costs linear time)."""
    text = Text(doc.text[start:end])
    for layer in ("quantities", "times", "entities"):
        spans = getattr(doc, layer)
        k = max(bisect_right(spans, start, key=lambda s: s.start) - 1, 0)
        for span in spans[k:]:
            if span.start >= end:
                break
            if start < span.end:
                text.stylize(STYLES[layer], max(span.start, start) - start, min(span.end, end) - start)
    return text


def print_article_header(console: Console, article: Article) -> None:
    """Title, then agency, dateline, attributions, date, address and warnings."""
    facts = [
        ("agency", article.agency),
        ("dateline", article.dateline),
        ("attributions", " → ".join(article.attributions) if article.attributions else None),
        ("published", article.published.isoformat() if article.published else None),
        ("url", article.url),
    ]
    console.print(Text(article.title or "(no title)", style="bold underline"))
    for key, value in facts:
        if value:
            console.print(Text(f"{key}: ", style="cyan") + Text(str(value)))
    for warning in article.warnings:
        console.print(Text(f"note: {warning}", style="yellow"))
    console.print()


def print_kb_entries(console: Console, found: list[Any], offices: dict[str, list[Any]], query: str) -> None:
    """Knowledge-base entries, one a line, with the offices each held."""
    if not found:
        console.print(f"no entry for {query!r}")
    for e in found:
        dates = f" {e.start or '…'}–{e.end or ''}" if e.start or e.end else ""
        console.print(Text(f"{e.id}", style="cyan") + Text(f"  {e.type}  {e.name_en}  {e.country or ''} {e.role or ''}{dates}  {' | '.join(e.names_fa)}"))
        for t in offices.get(e.id, ()):
            console.print(f"    {t.office.replace('_', ' ')} of {t.country}: {t.start}–{t.end or ''}")
