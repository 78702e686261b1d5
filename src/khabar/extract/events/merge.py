"""Events stated more than once in an article are one event: mentions of the
same type between compatible actors (the same person, or a state and its
minister), at compatible times (one date within the other, or one unstated),
neither future against past, become one event with several evidence spans."""

from __future__ import annotations

from khabar.extract.events.code import Coded, as_future, date_bounds
from khabar.model import Actor, Event

_SYMMETRIC = frozenset(("CONSULT", "AGREE", "COOPERATE", "ASSAULT", "SUPPORT", "RETREAT"))


def _compatible_actor(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return True
    if not a.kb_id and not a.country or not b.kb_id and not b.country:
        return True  # a name the knowledge base does not know
    if a.kb_id and a.kb_id == b.kb_id:
        return True
    if a.kb_id and b.kb_id and a.kb_id.startswith("P:") and b.kb_id.startswith("P:"):
        return False
    if a.country and a.country == b.country:
        return True
    return not a.kb_id and not b.kb_id and a.text == b.text


def _sides(e: Event) -> tuple[Actor | None, Actor | None]:
    return e.source, e.target


def _actors_match(cx: Coded, cy: Coded) -> bool:
    x, y = cx.event, cy.event
    xs, xt = _sides(x)
    ys, yt = _sides(y)
    if xs is None and xt is None or ys is None and yt is None:
        return False
    weak = cx.weak_target or cy.weak_target
    direct = _compatible_actor(xs, ys) and (weak and xs is not None or _compatible_actor(xt, yt))
    if direct and (xs is None) == (ys is None) or direct and xt is not None and yt is not None:
        return _anchor(xs, ys) or _anchor(xt, yt)
    if x.type in _SYMMETRIC and cx.symmetric and cy.symmetric:
        swapped = _compatible_actor(xs, yt) and _compatible_actor(xt, ys)
        return swapped and (_anchor(xs, yt) or _anchor(xt, ys))
    return False


def _anchor(a: Actor | None, b: Actor | None) -> bool:
    """Both sides name someone (not merely both unknown)."""
    return a is not None and b is not None


def _dates_match(x: Coded, y: Coded) -> bool:
    if not x.stated_date or not y.stated_date:
        return True
    a, b = date_bounds(x.event.date), date_bounds(y.event.date)
    if a is None or b is None:
        return True
    return (a[0] <= b[0] and b[1] <= a[1]) or (b[0] <= a[0] and a[1] <= b[1])


def _tenses_match(x: Coded, y: Coded) -> bool:
    return {x.tense, y.tense} != {"past", "future"}


def _modes_match(x: Event, y: Event) -> bool:
    return x.mode is None or y.mode is None or x.mode == y.mode


def compatible(x: Coded, y: Coded) -> bool:
    return (x.event.type == y.event.type and _modes_match(x.event, y.event) and _tenses_match(x, y)
            and _dates_match(x, y) and _actors_match(x, y))


def _specificity(c: Coded) -> tuple:
    e = c.event
    persons = sum(1 for a in (e.source, e.target) if a is not None and a.kb_id and a.kb_id.startswith("P:"))
    sides = sum(1 for a in (e.source, e.target) if a is not None)
    return (-sides, -persons, -int(c.stated_date), c.sentence)


def merge(coded: list[Coded]) -> list[Event]:
    """One event per cluster of compatible mentions, in the order the article first states them."""
    clusters: list[list[Coded]] = []
    for c in sorted(coded, key=_specificity):
        fits = [cl for cl in clusters if compatible(cl[0], c) and all(_tenses_match(o, c) for o in cl)]
        if fits:
            # a present-tense mention of a one-off event belongs with the one planned
            fits.sort(key=lambda cl: not any(o.tense == "future" for o in cl))
            fits[0].append(c)
        else:
            clusters.append([c])
    events = [_combine(cluster) for cluster in clusters]
    events.sort(key=lambda e: e.evidence[0][0] if e.evidence else e.start)
    return events


def _narrower(a: str | None, b: str | None) -> bool:
    ba, bb = date_bounds(a), date_bounds(b)
    if ba is None or bb is None:
        return False
    return bb[0] <= ba[0] and ba[1] <= bb[1] and ba != bb


def _combine(cluster: list[Coded]) -> Event:
    head = cluster[0]
    e = head.event
    first = min(cluster, key=lambda c: c.event.start)
    evidence = sorted({span for c in cluster for span in c.event.evidence})
    contexts = list(e.context)
    for c in cluster[1:]:
        for ctx in c.event.context:
            if ctx not in contexts and ctx != "negated":
                contexts.append(ctx)
        e.source = e.source or c.event.source
        if e.target is None or head.weak_target and not c.weak_target and c.event.target is not None:
            e.target = c.event.target or e.target
        e.location = e.location or c.event.location
        e.mode = e.mode or c.event.mode
        if c.stated_date and (not head.stated_date or _narrower(c.event.date, e.date)):
            e.date, e.date_flag, head = c.event.date, c.event.date_flag, c
    e.context = contexts
    if any(c.tense == "future" for c in cluster):
        as_future(e)
    e.start, e.end, e.text = first.event.start, first.event.end, first.event.text
    e.evidence = evidence
    bonus = 0.05 * (len(cluster) - 1)
    e.confidence = round(min(0.99, max(c.event.confidence or 0 for c in cluster) + bonus), 2)
    return e
