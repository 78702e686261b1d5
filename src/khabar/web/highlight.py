"""The article text cut into paragraphs of segments, each segment knowing the
annotations (entities, quantities, times, event triggers) that cover it, for
the normalized text and, through each span's `raw` offsets, for the original.

Spans may overlap or nest; cutting at every boundary gives flat segments that
the template writes as plain text or one <mark> (escaped by Jinja)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from khabar.model import Doc
from khabar.web import fmt

LABELS_FA = {"PER": "شخص", "LOC": "مکان", "ORG": "سازمان", "EVENT": "رویداد"}
KINDS_FA = {"entity": "موجودیت", "quantity": "مقدار", "time": "زمان", "event": "رخداد"}
QUANTITY_KINDS_FA = {"money": "پول", "percent": "درصد", "count": "شمار", "measure": "اندازه", "number": "عدد"}
TIME_KINDS_FA = {"date": "تاریخ", "datetime": "تاریخ و ساعت", "time": "ساعت", "interval": "بازه", "duration": "مدت"}
CALENDARS_FA = {"jalali": "خورشیدی", "gregorian": "میلادی", "hijri": "قمری"}
APPROX_FA = {"about": "حدود", "more_than": "بیش از", "less_than": "کمتر از", "at_least": "دست‌کم", "at_most": "حداکثر"}
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class Annotation:
    """One highlighted span and what hovering or clicking it shows: `parts`
    are (text, language) pairs, each shown isolated (<bdi>) so that Latin
    codes and ISO dates keep their order in the right-to-left line."""

    id: str
    kind: str  # entity, quantity, time, event
    css: str
    text: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    label: str
    parts: list[tuple[str, str]]
    href: str | None = None

    @property
    def detail(self) -> str:
        return " · ".join(text for text, _ in self.parts)


@dataclass
class Segment:
    """A stretch of text and the annotations over it (`css` and `tip` made by `decorate`)."""

    text: str
    anns: list[str] = field(default_factory=list)
    css: str = ""
    tip: str = ""


def _number(value: Any) -> str:
    if isinstance(value, list):
        return "–".join(_number(v) for v in value)
    return fmt.fa_number(value) if isinstance(value, (int, float)) else str(value)


def _entity_parts(e: Any) -> list[tuple[str, str]]:
    parts = [(LABELS_FA.get(e.label, e.label), "fa")]
    parts += [(p, "en") for p in (e.name_en, e.country, e.role, e.kb_id) if p]
    return parts if len(parts) > 1 else [*parts, ("بدون پیوند", "fa")]


def _quantity_parts(q: Any) -> list[tuple[str, str]]:
    parts = [(QUANTITY_KINDS_FA.get(q.kind, q.kind), "fa")]
    if q.approx:
        parts.append((APPROX_FA.get(q.approx, q.approx), "fa"))
    parts.append((_number(q.value), "fa"))
    if q.unit:
        parts.append((q.unit, "en" if q.unit.isascii() else "fa"))
    if q.note:
        parts.append((q.note, "en"))
    return parts


def _time_parts(t: Any) -> list[tuple[str, str]]:
    parts = [(TIME_KINDS_FA.get(t.kind, t.kind), "fa"), (t.value or "بدون مقدار", "en" if t.value else "fa")]
    if t.kind in ("date", "datetime") and t.value and "/" not in t.value and fmt.jalali(t.value):
        parts.append((fmt.jalali(t.value), "fa"))
    if t.calendar:
        parts.append((f"نوشته به گاه‌شماری {CALENDARS_FA.get(t.calendar, t.calendar)}", "fa"))
    if t.reason:
        parts.append((t.reason, "en"))
    return parts


def _event_parts(v: Any) -> list[tuple[str, str]]:
    parts = [(v.type, "en")]
    if v.mode:
        parts.append((v.mode, "en"))
    if v.cameo:
        parts.append((f"CAMEO {v.cameo}", "en"))
    actors = [a.text for a in (v.source, v.target) if a is not None]
    if actors:
        parts.append((" ← ".join(actors), "fa"))
    if v.date:
        parts.append((v.date, "en"))
    return parts


def annotations(doc: Doc) -> list[Annotation]:
    """Every span to highlight, in text order (entities, quantities, times, event triggers)."""
    out: list[Annotation] = []

    def add(prefix: str, n: int, kind: str, css: str, span: Any, label: str, parts: list[tuple[str, str]],
            href: str | None = None) -> None:
        raw = doc.raw_span(span.start, span.end)
        out.append(Annotation(f"{prefix}{n}", kind, css, span.text, span.start, span.end,
                              raw[0], raw[1], label, parts, href))

    for n, e in enumerate(doc.entities):
        add("e", n, "entity", f"ent ent-{e.label}", e, LABELS_FA.get(e.label, e.label), _entity_parts(e),
            f"/entities/{quote(e.kb_id, safe='')}" if e.kb_id else None)
    for n, q in enumerate(doc.quantities):
        add("q", n, "quantity", "qty", q, KINDS_FA["quantity"], _quantity_parts(q))
    for n, t in enumerate(doc.times):
        add("t", n, "time", "tm", t, KINDS_FA["time"], _time_parts(t))
    for n, v in enumerate(doc.events):
        add("v", n, "event", "evt", v, KINDS_FA["event"], _event_parts(v))
    out.sort(key=lambda a: (a.start, -a.end))
    return out


def _cut(text: str, spans: list[tuple[int, int, str]]) -> list[list[Segment]]:
    """`text` as paragraphs of segments; `spans` are (start, end, annotation id).
    One sweep over the boundaries: linear in the text and the spans."""
    valid = [s for s in spans if 0 <= s[0] < s[1] <= len(text)]
    opens: dict[int, list[str]] = {}
    closes: dict[int, list[str]] = {}
    for start, end, ann in valid:
        opens.setdefault(start, []).append(ann)
        closes.setdefault(end, []).append(ann)
    breaks = {m.start(): m.end() for m in _PARAGRAPH_BREAK.finditer(text)}
    cuts = sorted({0, len(text), *opens, *closes, *breaks, *breaks.values()})
    order = {ann: n for n, (_, _, ann) in enumerate(sorted(valid))}
    active: set[str] = set()
    paragraphs: list[list[Segment]] = [[]]
    skip_to = -1
    for a, b in zip(cuts, cuts[1:], strict=False):
        active.difference_update(closes.get(a, ()))
        active.update(opens.get(a, ()))
        if a in breaks:
            paragraphs.append([])
            skip_to = breaks[a]
        if a < skip_to:
            continue
        covering = sorted(active, key=order.__getitem__)
        current = paragraphs[-1]
        if current and current[-1].anns == covering:
            current[-1].text += text[a:b]
        else:
            current.append(Segment(text[a:b], covering))
    return [p for p in paragraphs if any(seg.text.strip() for seg in p)]


def normalized_view(doc: Doc, anns: list[Annotation]) -> list[list[Segment]]:
    """The normalized text in paragraphs, annotations on their spans."""
    return _cut(doc.text, [(a.start, a.end, a.id) for a in anns])


def original_view(doc: Doc, anns: list[Annotation]) -> list[list[Segment]]:
    """The original text in paragraphs, annotations on their raw spans."""
    return _cut(doc.raw_text, [(a.raw_start, a.raw_end, a.id) for a in anns])


def decorate(paragraphs: list[list[Segment]], anns: list[Annotation]) -> list[list[Segment]]:
    """Give each annotated segment its classes and its tooltip (every annotation over it)."""
    by_id = {a.id: a for a in anns}
    for paragraph in paragraphs:
        for seg in paragraph:
            if seg.anns:
                over = [by_id[i] for i in seg.anns]
                seg.css = " ".join(dict.fromkeys(c for a in over for c in a.css.split()))
                seg.tip = "\n".join(f"{a.label}: {a.detail}" for a in over)
    return paragraphs
