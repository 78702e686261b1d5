"""Code one trigger as an event: its PLOVER type after negation and tense (a
future meeting is AGREE), mode and CAMEO code refined by the words of its
clause ("تلفنی"), auxiliary and topical contexts, the date of its sentence,
its location, who reports it, and a confidence."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from khabar.extract.events import vocab
from khabar.extract.events.actors import SentenceActors
from khabar.extract.events.lexicon import Lexicon
from khabar.extract.events.roles import Roles
from khabar.extract.events.triggers import Mention
from khabar.model import Actor, Doc, Entity, Event, Sentence, TimeExpr

_DATED = ("date", "datetime", "interval")


@dataclass
class Coded:
    """An event with what the merge step needs to know about it."""

    event: Event
    tense: str  # past, present, future, none
    sentence: int
    stated_date: bool
    symmetric: bool = False  # its two sides may swap ("X و Y دیدار کردند")
    weak_target: bool = False  # its target is what it is about, not whom it addresses


_RESULT = frozenset(("موجب", "باعث", "سبب"))


def tense_of(m: Mention, view) -> tuple[str, bool, bool]:
    """(tense, negated, intent) of a mention; a subjunctive after "موجب شد تا"
    ("caused … to") states what happened."""
    cs, ce = view.clause_span(m.start)
    intent = view.intent(cs, ce) or (cs > 0 and view.intent(*view.clause_span(cs - 1)))
    if cs >= 3 and view.keys[cs] in ("تا", "که") and view.keys[cs - 2] in _RESULT and view.pos[cs - 1] == "VERB":
        group = view.finite_tense(cs - 1)
        own = view.finite_tense(m.verb) if m.verb is not None else None
        return group.tense, bool(own and own.negated), intent
    if m.verb is None:
        verbs = [j for j in range(cs, ce) if view.pos[j] == "VERB" and not m.start <= j < m.end
                 and not view.in_compound(j)]
        if not verbs and m.setting is False:
            return "none", False, intent
        if not verbs:
            verbs = [j for j in range(ce, len(view)) if view.pos[j] == "VERB" and not view.in_compound(j)][:1]
        if not verbs:
            return "none", False, intent
        group = view.finite_tense(verbs[-1])
        return group.tense, False, intent
    group = view.finite_tense(m.verb)
    return group.tense, group.negated, intent


def sentence_date(doc: Doc, sent: Sentence, times: list[TimeExpr], at: int) -> tuple[str | None, str | None]:
    """The date of the time expression of the sentence nearest the trigger
    (character `at`), else the publication date flagged "published"."""
    best = None
    for t in times:
        if t.value is None or t.kind not in _DATED:
            continue
        d = abs(t.start - at)
        if best is None or d < best[0]:
            best = (d, t)
    if best is not None:
        value = best[1].value
        return _day(value), None
    if doc.published is not None:
        day = doc.published.date() if isinstance(doc.published, dt.datetime) else doc.published
        return day.isoformat(), "published"
    return None, "unknown"


def _day(value: str) -> str:
    if "/" in value:
        a, b = value.split("/", 1)
        return f"{a[:10]}/{b[:10]}"
    return value[:10]


def date_bounds(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    a, _, b = value.partition("/")
    return a, b or a


def location(m: Mention, actors: SentenceActors, roles: Roles) -> Entity | None:
    """A place of the clause under «در» ("در شهر آنتالیا"), else a city the
    event went to."""
    view = actors.view
    cs, _ = view.clause_span(m.start)
    places = [n for n in actors.nps if n.kind == "place" and n.marker == "در" and n.entity is not None
              and (cs <= n.start < m.start or m.end <= n.start < min(m.last, m.end + 6))]
    if places:
        return places[-1].entity
    np_ = roles.target_np
    if m.trigger.mode == "visit" and np_ is not None and np_.kind == "place" and np_.entity is not None \
            and np_.entity.kb_id and np_.entity.kb_id.startswith("L:"):
        return np_.entity
    return None


def attribution(doc: Doc, actors: SentenceActors) -> list[str]:
    """The agency and the sources it cites; then who the sentence says it is
    reporting ("به گزارش کرملین")."""
    chain = list(doc.article.attributions) if doc.article is not None else []
    for np_ in actors.nps:
        if np_.attribution and np_.actor is not None:
            name = _source_name(np_.actor)
            if name and name not in chain:
                chain.append(name)
    return chain


def _source_name(actor: Actor) -> str | None:
    if actor.kb_id and actor.kb_id.startswith("M:"):
        return actor.kb_id[2:]
    return actor.name_en or actor.text


def refine(m: Mention, view, lex: Lexicon, ptype: str, mode: str | None, cameo: str) -> tuple[str | None, str, list[str]]:
    """Mode and CAMEO code from the clause's cue words; topical contexts."""
    cs, ce = view.clause_span(m.start)
    contexts: list[str] = []
    lo, hi = max(cs, m.start - 6), min(ce, m.last + 4)
    for j in range(cs, ce):
        for word in (view.keys[j], view.lemmas[j]):
            for cue in lex.cues.get(word, ()):
                if cue.kind == "context" and cue.value not in contexts:
                    contexts.append(cue.value)
                elif cue.kind == "mode" and cue.type == ptype and lo <= j <= hi and m.trigger.mode is None:
                    mode = cue.value or mode
                    cameo = cue.cameo or cameo
    return mode, cameo, contexts


def confidence(m: Mention, roles: Roles, quoted: bool) -> float:
    score = 0.45
    score += 0.2 if m.voice in ("active", "passive") else 0.0
    score += 0.15 if roles.source is not None else 0.0
    score += 0.1 if roles.target is not None else 0.0
    score -= 0.1 if quoted else 0.0
    return round(min(max(score, 0.05), 0.95), 2)


def finish(ptype: str, cameo: str, mode: str | None, contexts: list[str]) -> Event:
    """An Event with its type, code, quad class and Goldstein value (spans filled by the caller)."""
    event = Event(start=0, end=0, text="", type=ptype, mode=mode, context=contexts, cameo=cameo)
    recode(event)
    return event


def recode(event: Event) -> None:
    """Set the event's mode (from its CAMEO code, if it has none and the code
    gives one of the type's modes), quad class and Goldstein value."""
    code = vocab.code(event.cameo)
    if event.mode is None and code is not None and code.type == event.type:
        modes = vocab.plover_types().get(event.type)
        event.mode = code.mode if modes is not None and code.mode in modes.modes else None
    event.quad_class = code.quad_class if code else None
    event.goldstein = code.goldstein if code else None


def as_future(event: Event) -> None:
    """A cooperative event stated as future is an intention (PLOVER): AGREE."""
    if "future" not in event.context:
        event.context.insert(0, "future")
    ptype, cameo = vocab.as_future(event.type, event.cameo or "")
    if ptype != event.type:
        event.type, event.cameo, event.mode = ptype, cameo, None
    recode(event)
