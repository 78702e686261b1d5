"""Political events (PLOVER types, CAMEO codes) coded from Persian sentences.

    >>> doc = khabar.analyze(article, published=date(2021, 6, 28))
    >>> [(e.type, e.source.country, e.target.country, e.date) for e in doc.events]

Sentence by sentence: triggers from the lexicon (triggers.find), the clause's
actors (actors.SentenceActors) and roles (roles.assign), the event coded
(code), then mentions of one event merged (merge). Sentences without a
trigger word cost one dictionary look-up per token."""

from __future__ import annotations

import bisect
import datetime as dt

from khabar.extract.events.actors import SentenceActors
from khabar.extract.events.clause import SentenceView
from khabar.extract.events.code import (
    Coded,
    attribution,
    confidence,
    date_bounds,
    finish,
    location,
    refine,
    sentence_date,
    tense_of,
)
from khabar.extract.events.lexicon import Lexicon, key, lexicon
from khabar.extract.events.merge import merge
from khabar.extract.events.roles import Discourse, assign
from khabar.extract.events.triggers import Mention, find
from khabar.model import Doc, Event, TimeExpr

__all__ = ["extract_events", "lexicon"]


_TAKES_CONTENT = frozenset(("AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"))


def extract_events(doc: Doc) -> list[Event]:
    """The events stated in `doc` (which has tokens, tags, entities and times)."""
    if not doc.sentences or not doc.tokens:
        return []
    lex = lexicon()
    state = Discourse()
    entity_starts = [e.start for e in doc.entities]
    time_starts = [t.start for t in doc.times]
    coded: list[Coded] = []
    for n, sent in enumerate(doc.sentences):
        tokens = doc.sentence_tokens(sent)
        ents = _within(doc.entities, entity_starts, sent.start, sent.end)
        if not _has_head(tokens, lex):
            state.see_entities(ents)
            continue
        view = SentenceView(tokens, sent.first_token)
        mentions = find(view, lex)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        actors = SentenceActors(view, ents, lex, taken)
        times = _within(doc.times, time_starts, sent.start, sent.end)
        for m in mentions:
            c = _code(doc, n, sent, view, actors, m, state, times, lex, mentions)
            if c is not None:
                coded.append(c)
                if c.event.source is not None and c.event.target is not None:
                    state.pair = (c.event.source, c.event.target)
        state.see(actors)
    return merge(coded)


def _has_head(tokens, lex: Lexicon) -> bool:
    heads = lex.by_head
    return any(t.lemma and key(t.lemma) in heads or key(t.text) in heads for t in tokens)


def _within(items: list, starts: list[int], a: int, b: int) -> list:
    return items[bisect.bisect_left(starts, a): bisect.bisect_left(starts, b)]


def _code(doc: Doc, n: int, sent, view: SentenceView, actors: SentenceActors, m: Mention,
          state: Discourse, times: list[TimeExpr], lex: Lexicon, mentions: list[Mention]) -> Coded | None:
    trig = m.trigger
    cs, ce = view.clause_span(m.start)
    if any(np_.sport for np_ in actors.nps if cs <= np_.start < ce):
        return None
    if _complement(view, m, mentions):
        return None
    tense, negated, intent = tense_of(m, view)
    hypothetical = view.hypothetical(cs, ce)
    if tense == "subjunctive" and not intent:
        return None
    roles = assign(m, actors, state)
    if roles.source is None and roles.target is None:
        return None
    if "mil" in trig.flags and not _armed(roles):
        return None
    ptype, cameo, mode = trig.type, trig.cameo, trig.mode
    contexts: list[str] = []
    if negated:
        if trig.negated is not None:
            if trig.negated[0] == "-":
                return None
            ptype, cameo, mode = trig.negated[0], trig.negated[1], None
        else:
            contexts.append("negated")
    mode, cameo, topics = refine(m, view, lex, ptype, mode, cameo)
    toks = view.tokens
    trig_start, trig_end = toks[m.start].start, toks[m.end - 1].end
    date, flag = sentence_date(doc, sent, [t for t in times if _in_clause(view, cs, ce, t)] or times, trig_start)
    published = _published_day(doc)
    bounds = date_bounds(date)
    future = tense == "future" or intent
    if tense == "present" and bounds and flag is None and published and bounds[0] > published:
        future = True
    if hypothetical:
        contexts.append("hypothetical")
    if bounds and flag is None and published and bounds[1] < _years_before(published, 1):
        contexts.append("historical")
    event = finish(ptype, cameo, mode, contexts + [t for t in topics if t not in contexts])
    event.start, event.end, event.text = trig_start, trig_end, doc.text[trig_start:trig_end]
    event.source, event.target = roles.source, roles.target
    event.location = location(m, actors, roles)
    event.date, event.date_flag = date, flag
    event.evidence = [(sent.start, sent.end)]
    event.attribution = attribution(doc, actors)
    event.confidence = confidence(m, roles, quoted=_quoted(view, m.start))
    symmetric = "sym" in trig.flags or (roles.source_np is not None and roles.source_np.coord is roles.target_np)
    return Coded(event, "future" if future and "negated" not in contexts else tense, n, flag is None, symmetric)


def _complement(view: SentenceView, m: Mention, mentions: list[Mention]) -> bool:
    """True if m is the content of another trigger ("وعده داده است که … همکاری
    می‌کند", "خواست که … "): its clause opens with «که» right after that trigger."""
    cs, _ = view.clause_span(m.start)
    if view.keys[cs] != "که":
        return False
    return any(o is not m and o.trigger.type in _TAKES_CONTENT and o.last < cs and cs - o.last <= 2
               for o in mentions)


def _armed(roles) -> bool:
    for a in (roles.source, roles.target):
        if a is not None and a.sector in ("MIL", "REB", "COP"):
            return True
    return False


def _in_clause(view: SentenceView, cs: int, ce: int, t: TimeExpr) -> bool:
    toks = view.tokens
    return toks[cs].start <= t.start < toks[ce - 1].end


def _published_day(doc: Doc) -> str | None:
    p = doc.published
    if p is None:
        return None
    return (p.date() if isinstance(p, dt.datetime) else p).isoformat()


def _years_before(day: str, years: int) -> str:
    return f"{int(day[:4]) - years:04d}{day[4:]}"


def _quoted(view: SentenceView, i: int) -> bool:
    depth = 0
    for k in view.keys[:i]:
        if k == "«":
            depth += 1
        elif k == "»":
            depth = max(0, depth - 1)
    return depth > 0 and ":" in view.keys[:i]

