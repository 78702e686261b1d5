"""Who did it to whom: the source and target of a trigger from its clause.

Active voice: the source is the clause's subject (the first bare actor phrase
before the trigger; else the subject of an earlier clause of the sentence:
"X … دیدار کرده و … خواهند داد", "X گفت: …"); the target is found where the
trigger's record says («با» partner, «را» object, «از», «به», the words
between "خواستار … شد", the noun's genitive). Passive voice: the subject is
the target, «توسط»/«از سوی»/«به دست» or the genitive ("مورد حمله X قرار
گرفت") the source. "X و Y دیدار کردند" is one event between X and Y.
Pronouns and "این کشور", "دو طرف" are resolved against what came before."""

from __future__ import annotations

from dataclasses import dataclass, field

from khabar.extract.events.actors import NP, SentenceActors, actor_of
from khabar.extract.events.triggers import Mention
from khabar.model import Actor, Entity

_AGENT_MARKERS = ("توسط", "ازسوی", "بهدست")
_GEN_SKIP = frozenset(("ADJ", "NUM"))


@dataclass
class Discourse:
    """What earlier sentences of the document name, for words that point back."""

    person: Actor | None = None
    country: Actor | None = None
    pair: tuple[Actor, Actor] | None = None
    subjects: list[Actor] = field(default_factory=list)

    def see(self, actors: SentenceActors) -> None:
        """Remember the last person and country a sentence names."""
        for np_ in actors.nps:
            a = np_.actor
            if a is None or np_.attribution or np_.sport:
                continue
            if np_.label == "PER" or np_.kind == "agent" and a.sector == "GOV":
                self.person = a
            if a.kb_id and a.kb_id.startswith("G:") and a.country:
                self.country = a

    def see_entities(self, entities: list[Entity]) -> None:
        """The same for a sentence the coder did not parse."""
        for e in entities:
            if e.label == "PER" and e.country and e.role != "SPO":
                self.person = actor_of(e)
            elif e.kb_id and e.kb_id.startswith("G:"):
                self.country = actor_of(e)


@dataclass
class Roles:
    source: Actor | None
    target: Actor | None
    source_np: NP | None
    target_np: NP | None


def resolve(np_: NP | None, actors: SentenceActors, state: Discourse) -> tuple[Actor | None, Actor | None]:
    """The actor a phrase names (and, for "دو طرف", the second of the pair)."""
    if np_ is None:
        return None, None
    if np_.kind == "pronoun":
        for other in reversed(actors.nps):
            if other.start < np_.start and other.actor and other.label == "PER":
                return other.actor, None
        return state.person, None
    if np_.kind == "this":
        for other in reversed(actors.nps):
            if other.start < np_.start and other.actor and other.actor.kb_id and other.actor.kb_id.startswith("G:"):
                return other.actor, None
        return state.country, None
    if np_.kind == "pair":
        if state.pair:
            return state.pair
        return None, None
    return np_.actor, None


def assign(m: Mention, actors: SentenceActors, state: Discourse) -> Roles:
    view = actors.view
    cs, ce = view.clause_span(m.start)
    in_clause = [n for n in actors.nps if cs <= n.start < ce and not n.attribution
                 and (n.actor is not None or n.kind in ("pronoun", "this", "pair"))]
    trig = m.trigger
    subject = _subject(m, actors, cs)
    gen = _genitive(m, actors)
    source_np = target_np = None
    if m.voice == "passive":
        target_np = subject
        source_np = next((n for n in in_clause if n.marker in _AGENT_MARKERS), None) or gen
    elif m.voice == "nominal" and not m.setting:
        if "gen=tgt" in trig.flags:
            target_np = gen
        else:
            source_np = gen
            target_np = _target(m, in_clause, exclude=gen)
        if source_np is None and subject is not None and subject.start < m.start:
            source_np = subject
    else:
        source_np = subject
        if m.voice == "nominal" and gen is not None and "gen=tgt" in trig.flags or m.voice == "nominal" and gen is not None and gen is not subject:
            target_np = gen
        else:
            target_np = _target(m, in_clause, exclude=subject)
    source, second = resolve(source_np, actors, state)
    target, _ = resolve(target_np, actors, state)
    if target is None and "sym" in trig.flags and source_np is not None:
        if second is not None:
            target = second
        elif source_np.coord is not None:
            target_np = source_np.coord
            target, _ = resolve(target_np, actors, state)
    if "host" in trig.flags:
        source, target, source_np, target_np = target, source, target_np, source_np
    if source is not None and target is not None and _same(source, target) and source.start == target.start:
        target = None
    return Roles(source, target, source_np, target_np)


def _subject(m: Mention, actors: SentenceActors, cs: int) -> NP | None:
    """The first bare actor phrase of the clause before the trigger; else that
    of the nearest earlier clause of the sentence that has one."""
    view = actors.view
    clause = view.clause_of[m.start]
    while clause >= 0:
        for np_ in actors.nps:
            if view.clause_of[np_.start] != clause or np_.start >= m.start:
                continue
            if np_.marker or np_.obj or np_.attribution or np_.possessed or np_.sport:
                continue
            if np_.actor is None and np_.kind not in ("pronoun", "this", "pair"):
                continue
            if np_.kind == "place" and not _state_like(np_):
                continue
            return np_
        clause -= 1
    return None


def _state_like(np_: NP) -> bool:
    """A place that can stand for a state: a country, or a capital the linker
    read as its government."""
    a = np_.actor
    return a is not None and bool(a.kb_id) and (a.kb_id.startswith("G:") or a.sector == "GOV")


def _genitive(m: Mention, actors: SentenceActors) -> NP | None:
    """The actor phrase right after the trigger's words (its genitive:
    "سفر X", "ترور X", "مورد حمله X قرار گرفت")."""
    view = actors.view
    j = m.end
    while j < len(view) and (view.pos[j] in _GEN_SKIP or view.keys[j] in ("«", '"')) and j < m.end + 3:
        j += 1
    for np_ in actors.nps:
        if np_.start == j and not np_.attribution:
            return np_
    return None


def _target(m: Mention, in_clause: list[NP], exclude: NP | None) -> NP | None:
    trig = m.trigger
    view_last = m.last
    for where in trig.targets:
        for np_ in in_clause:
            if np_ is exclude or np_.sport or np_.attribution:
                continue
            if where == "را":
                if np_.obj and np_.start < view_last:
                    return np_
            elif where == "gap":
                if m.end <= np_.start < view_last and np_.actor is not None:
                    return np_
            elif where == "gen":
                continue
            elif np_.marker == where or (np_.marker == "علیه" and where == "علیه"):
                if np_.kind == "place" and where in ("در",):
                    continue
                return np_
    return None


def _same(a: Actor, b: Actor) -> bool:
    return (a.kb_id or a.text) == (b.kb_id or b.text)
