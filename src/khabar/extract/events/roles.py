"""Who did it to whom: the source and target of a trigger from its clause.

Active voice: the source is the clause's subject (the first bare actor phrase
before the trigger; else the subject of an earlier clause of the sentence:
"X … دیدار کرده و … خواهند داد", "X گفت: …"); the target is found where the
trigger's record says («با» partner, «را» object, «از», «به», the words
between "خواستار … شد", the noun's genitive). Passive voice: the subject is
the target, «توسط»/«از سوی»/«به دست» or the genitive ("مورد حمله X قرار
گرفت") the source. "X و Y دیدار کردند" is one event between X and Y.
Pronouns and "این کشور", "دو طرف" are resolved against what came before; an
agent noun without a country ("شورشیان") takes the country of the place the
clause names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace

from khabar.extract.events.actors import NP, SentenceActors, actor_of, demonym
from khabar.extract.events.actors import _agent as agent_at
from khabar.extract.events.triggers import Mention
from khabar.model import Actor, Entity

_AGENT_MARKERS = ("توسط", "ازسوی", "بهدست")
_GEN_SKIP = frozenset(("ADJ", "NUM"))
_POINTERS = ("pronoun", "this", "pair", "role-this")
_NEAR = 6  # a nominal trigger's target stands within this many tokens after it


@dataclass
class Discourse:
    """What earlier sentences of the document name, for words that point back."""

    person: Actor | None = None
    country: Actor | None = None
    pair: tuple[Actor, Actor] | None = None
    countries: list[Actor] = field(default_factory=list)  # the last distinct countries named
    names: dict[str, str] = field(default_factory=dict)  # a person's name → country, once known

    def _country(self, a: Actor) -> None:
        self.country = a
        self.countries = [c for c in self.countries if c.country != a.country][-3:] + [a]

    def see(self, actors: SentenceActors) -> None:
        """Remember the last person and countries a sentence names."""
        for np_ in actors.nps:
            a = np_.actor
            if a is None or np_.attribution or np_.sport:
                continue
            if np_.label == "PER" or np_.kind == "agent" and a.sector == "GOV":
                self.person = a
            if a.kb_id and a.kb_id.startswith("G:") and a.country:
                self._country(a)

    def see_entities(self, entities: list[Entity]) -> None:
        """The same for a sentence the coder did not parse."""
        for e in entities:
            if e.label == "PER" and e.country and e.role != "SPO":
                self.person = actor_of(e)
            elif e.kb_id and e.kb_id.startswith("G:"):
                self._country(actor_of(e))

    def two_sides(self) -> tuple[Actor, Actor] | None:
        if self.pair:
            return self.pair
        if len(self.countries) >= 2:
            return self.countries[-2], self.countries[-1]
        return None


@dataclass
class Roles:
    source: Actor | None
    target: Actor | None
    source_np: NP | None
    target_np: NP | None
    weak_target: bool = False  # the target is what a request or refusal is about, not its addressee


def resolve(np_: NP | None, actors: SentenceActors, state: Discourse) -> tuple[Actor | None, Actor | None]:
    """The actor a phrase names (and, for "دو طرف", the second of the pair)."""
    if np_ is None:
        return None, None
    if np_.kind == "pronoun":
        for other in reversed(actors.nps):
            if other.start < np_.start and other.actor and other.label == "PER" and not other.attribution:
                return other.actor, None
        return state.person, None
    if np_.kind in ("this", "role-this"):
        country = None
        for other in reversed(actors.nps):
            if other.start < np_.start and other.actor and other.actor.kb_id and other.actor.kb_id.startswith("G:"):
                country = other.actor
                break
        country = country or state.country
        if np_.kind == "this" or country is None:
            return country, None
        return replace(np_.actor, country=country.country), None
    if np_.kind == "pair":
        sides = state.two_sides()
        return sides if sides else (None, None)
    return np_.actor, None


def assign(m: Mention, actors: SentenceActors, state: Discourse) -> Roles:
    view = actors.view
    cs, ce = view.main_span(m.start)
    in_clause = [n for n in actors.nps if cs <= n.start < ce and not n.attribution
                 and (n.actor is not None or n.kind in _POINTERS)]
    trig = m.trigger
    subject = _subject(m, actors)
    gen = _genitive(m, actors)
    source_np = target_np = None
    weak = False
    if m.voice == "passive":
        target_np = subject or next((n for n in in_clause if n.possessed and not n.marker and n.start < m.start
                                     and n.actor is not None), None)
        source_np = next((n for n in in_clause if n.marker in _AGENT_MARKERS), None) or gen
    elif m.voice == "nominal" and not m.setting:
        if "gen=tgt" in trig.flags:
            target_np = gen
        else:
            source_np = gen
            if "sym" in trig.flags and gen is not None and gen.coord is not None:
                target_np = gen.coord
            else:
                target_np, weak = _target(m, in_clause, actors, exclude=gen)
        if source_np is None and subject is not None and subject.start < m.start:
            source_np = subject
    elif m.voice == "nominal" and gen is not None and "gen=tgt" not in trig.flags:
        source_np = gen  # a setting with its own actor: "در پی سفر X به Y"
        target_np, weak = _target(m, in_clause, actors, exclude=gen)
    else:
        source_np = subject if not (m.voice == "nominal" and _passive_clause(view, cs, ce)) else None
        if "sym" in trig.flags and subject is not None and subject.coord is not None and m.voice != "nominal":
            target_np = subject.coord
        elif m.voice == "nominal" and gen is not None and gen is not subject:
            target_np = gen
        else:
            target_np, weak = _target(m, in_clause, actors, exclude=subject)
    if "sym" in trig.flags and m.voice == "nominal" and (source_np is None or target_np is None):
        between = next((n for n in in_clause if n.marker in ("بین", "میان") and n.coord is not None
                        and m.end <= n.start < m.end + _NEAR), None)
        if between is not None:  # "درگیری بین نیروهای دولتی و شورشیان"
            source_np, target_np = between, between.coord
    source, second = resolve(source_np, actors, state)
    target, _ = resolve(target_np, actors, state)
    if target is None and "sym" in trig.flags and source_np is not None:
        if second is not None:
            target = second
        elif source_np.coord is not None:
            target_np = source_np.coord
            target, _ = resolve(target_np, actors, state)
    if target is None and target_np is None and m.trigger.type in _GENERIC_TYPES and m.voice != "passive":
        target = _generic_target(m, actors, source, source_np.end if source_np is not None else cs)
    if "host" in trig.flags:
        source, target, source_np, target_np = target, source, target_np, source_np
    source = _placed(source, source_np, actors, m, None)
    target = _placed(target, target_np, actors, m, source if trig.type in _DOMESTIC else None)
    if source is not None and target is not None and source.start == target.start:
        target = None
    return Roles(source, target, source_np, target_np, weak)


# Types whose target may be people the text does not name as an actor ("ده
# روزنامه‌نگار را بازداشت کرد"): they are coded by what the object phrase says.
# Types whose target may be what they are about, named inside their phrase.
_ABOUT = frozenset(("REQUEST", "REJECT", "SUPPORT", "ACCUSE", "THREATEN"))
_GENERIC_TYPES = frozenset(("COERCE", "ASSAULT", "RETREAT", "ACCUSE"))
_DOMESTIC = frozenset(("COERCE", "RETREAT", "ACCUSE"))


def _generic_target(m: Mention, actors: SentenceActors, source: Actor | None, cs: int) -> Actor | None:
    """The object of an arrest, attack or release that names no actor ("ده
    روزنامه‌نگار را", "به یک مسجد در کابل"): an actor with the country its
    words or its clause's place give, or (arrests, releases, trials) the
    acting state's own."""
    view = actors.view
    span = _object_span(view, m, cs)
    if span is None:
        return None
    a, b = span
    lex = actors.lex
    country = None
    sector = "CVL"
    for j in range(a, b):
        found = agent_at(view, j, lex)
        if found and sector == "CVL":
            sector = found[1] if found[1] != "=" else sector
        country = country or demonym(view.keys[j], lex) or actors.place_at.get(j)
    if country is None:
        _, ce = view.clause_span(m.start)
        places = [n for n in actors.nps if cs <= n.start < ce and n.kind == "place" and n.actor
                  and n.actor.country and not n.dateline]
        if places:
            country = places[-1].actor.country
    state = source is not None and bool(source.country) and (
        source.sector in ("GOV", "JUD", "COP", "MIL") or (source.kb_id or "").startswith("G:"))
    if country is None and state and (m.trigger.type in _DOMESTIC or m.trigger.mode == "execute") and (
            m.trigger.type != "ACCUSE" or source.sector in ("JUD", "COP")):
        country = source.country
    if country is None:
        return None
    toks = view.tokens
    return Actor(toks[a].start, toks[b - 1].end, " ".join(t.text for t in toks[a:b]), None, None, country, sector)


def _object_span(view, m: Mention, cs: int) -> tuple[int, int] | None:
    """The tokens of the «را» object before the trigger, or of the «به» phrase
    of an attack."""
    for r in range(m.start - 1, cs - 1, -1):
        if view.keys[r] == "را":
            a = r
            while a > cs and view.pos[a - 1] in ("NOUN", "ADJ", "NUM", "DET", "PROPN") and a - 1 not in (m.start,):
                a -= 1
            return (a, r) if a < r else None
    if "به" in m.trigger.targets:
        window = range(m.end, min(len(view), m.end + _NEAR)) if m.voice == "nominal" else range(cs, m.start)
        for p in window:
            if view.keys[p] == "به":
                b = p + 1
                stop = m.start if p < m.start else len(view)
                while b < stop and view.pos[b] in ("NOUN", "ADJ", "NUM", "DET", "PROPN"):
                    b += 1
                return (p + 1, b) if b > p + 1 else None
    return None


def _placed(actor: Actor | None, np_: NP | None, actors: SentenceActors, m: Mention,
            other: Actor | None) -> Actor | None:
    """An agent noun without a country ("شورشیان", "پلیس", "زندانیان") takes
    the country of the place its clause (else its sentence) names, else that
    of the state on the other side (a government and its own prisoners)."""
    if actor is None or actor.country or actor.kb_id or np_ is None or np_.kind != "role":
        return actor
    view = actors.view
    cs, ce = view.clause_span(m.start)
    for lo, hi in ((cs, ce), (0, len(view))):
        counts = Counter(n.actor.country for n in actors.nps
                         if lo <= n.start < hi and n.kind == "place" and n.actor and n.actor.country
                         and not (n.start == 0 and n.end < len(view) and view.keys[n.end] == "-"))
        if counts:
            return replace(actor, country=counts.most_common(1)[0][0])
    if other is not None and other.country and other.sector in ("GOV", "JUD", "COP", "MIL"):
        return replace(actor, country=other.country)
    return actor


def _subject(m: Mention, actors: SentenceActors) -> NP | None:
    """The first bare actor phrase of the clause before the trigger; else that
    of the nearest earlier clause of the sentence that has one. A clause that
    opens with «که» after a noun is a relative clause: its subject is that
    noun, if it names an actor ("شهروند روس که … دستگیر شده بود")."""
    view = actors.view
    clause = view.clause_of[m.start]
    cs, _ = view.clause_span(m.start)
    own = _first_bare(actors, clause, m.start)
    if own is not None:
        return own
    if view.keys[cs] in ("که",) and cs > 0 and view.pos[cs - 1] in ("NOUN", "ADJ", "PROPN", "NUM"):
        return next((n for n in actors.nps if n.end == cs and not n.attribution
                     and (n.actor is not None or n.kind in _POINTERS)), None)
    ms, _ = view.main_span(m.start)
    if ms < cs:  # the clause a relative clause interrupted
        found = _first_bare(actors, view.clause_of[ms], m.start)
        if found is not None:
            return found
    clause -= 1
    while clause >= 0:
        start = next((i for i, c in enumerate(view.clause_of) if c == clause), None)
        if start is not None and (view.keys[start] not in ("که", "اینکه", "تا") or clause == 0):
            found = _first_bare(actors, clause, m.start)
            if found is not None:
                return found
        clause -= 1
    return None


def _first_bare(actors: SentenceActors, clause: int, before: int) -> NP | None:
    """The first actor phrase of a clause that no preposition or «را» marks."""
    view = actors.view
    for np_ in actors.nps:
        if view.clause_of[np_.start] != clause or np_.start >= before:
            continue
        if np_.marker or np_.obj or np_.attribution or np_.possessed or np_.sport:
            continue
        if np_.actor is None and np_.kind not in _POINTERS:
            continue
        if np_.kind == "place" and not _state_like(np_):
            continue
        return np_
    return None


def _passive_clause(view, cs: int, ce: int) -> bool:
    """True if the clause's verb is passive ("… در حملات اخیر کشته شده‌اند"):
    its subject suffered, and did not do, what a setting names."""
    return any(view.pos[j] in ("VERB", "AUX") and view.verb_key(j) == "شد" and j > cs
               and view.pos[j - 1] in ("VERB", "ADJ") for j in range(cs, ce))


def _state_like(np_: NP) -> bool:
    """A place that can stand for a state: a country or a city (a capital)
    that a clause has as its bare subject ("مسکو، واشنگتن را … متهم کرد"),
    not a dateline ("تهران - …")."""
    a = np_.actor
    return a is not None and bool(a.kb_id) and bool(a.country) and a.kb_id.startswith(("G:", "L:")) \
        and not np_.dateline


def _genitive(m: Mention, actors: SentenceActors) -> NP | None:
    """The actor phrase right after the trigger's words (its genitive:
    "سفر X", "ترور X", "مورد حمله X قرار گرفت")."""
    view = actors.view
    j = m.end
    while j < len(view) and (view.pos[j] in _GEN_SKIP or view.keys[j] in ("«", '"')) and j < m.end + 3:
        j += 1
    limit = j + 3  # through a short chain of nouns: "محکومیت حمله اسرائیل"
    while j < min(limit, len(view)):
        for np_ in actors.nps:
            if np_.start == j and not np_.attribution:
                return np_
        if view.pos[j] not in ("NOUN", "PROPN", "ADJ", "NUM") or j in actors.taken:
            break
        j += 1
    return None


def _target(m: Mention, in_clause: list[NP], actors: SentenceActors, exclude: NP | None) -> tuple[NP | None, bool]:
    """The target phrase where the trigger's record says, and whether it is a
    weak one (what a request is about rather than whom it asks)."""
    view = actors.view
    trig = m.trigger
    last = m.last
    for where in trig.targets:
        if where == "content":
            found = _content(m, actors, exclude)
            if found is not None:
                return found, True
            continue
        if where == "pre":
            found = next((n for n in in_clause if n is not exclude and n.actor is not None and not n.sport
                          and (exclude is None or n.start >= exclude.end) and n.start < m.start
                          and not (n.kind == "place" and n.marker == "در" and not _state_like(n))), None)
            if found is not None:
                return found, True
            continue
        for np_ in in_clause:
            if np_ is exclude or np_.sport:
                continue
            if where == "مرز":
                if np_.head_noun == "مرز" or np_.marker == "با" and np_.start >= 2 and view.keys[np_.start - 2] == "مرز":
                    return np_, False
                continue
            if np_.kind == "place" and np_.marker == "در":
                continue
            if m.voice == "nominal" and not m.end <= np_.start < m.end + _NEAR:
                continue
            if where == "را":
                if np_.start < last and _in_object(view, np_, m):
                    return np_, False
            elif where == "gap":
                if m.end <= np_.start < last and np_.actor is not None:
                    return np_, True
            elif np_.marker == where and (np_.start < last or m.voice == "nominal") and _own_preposition(view, np_, m, actors.covered):
                return np_, False
    for where in trig.targets if trig.type in _ABOUT else ():  # "از تحریم‌ها علیه ایران حمایت نمی‌کند"
        found = _inside_phrase(view, m, in_clause, where, exclude)
        if found is not None:
            return found, True
    return None, False


def _inside_phrase(view, m: Mention, in_clause: list[NP], where: str, exclude: NP | None) -> NP | None:
    """The first actor within the phrase the trigger's preposition opens, before the trigger."""
    if where not in ("از", "به", "با", "بر", "علیه", "درباره"):
        return None
    start = exclude.end if exclude is not None else view.clause_span(m.start)[0]
    for p in range(start, m.start):
        if view.keys[p] != where:
            continue
        for np_ in in_clause:
            if p < np_.start < m.start and np_.actor is not None and np_ is not exclude and not np_.sport \
                    and not (np_.kind == "place" and np_.marker == "در"):
                return np_
        return None
    return None


def _content(m: Mention, actors: SentenceActors, exclude: NP | None) -> NP | None:
    """The first actor named after the verb, in the rest of its clause or the
    next one: what an intention or a demand is about ("تمایل دارد با X …")."""
    view = actors.view
    if m.verb is None:
        return None
    _, ce = view.clause_span(m.verb)
    end = view.clause_span(ce)[1] if ce < len(view) and view.keys[ce] in ("که",) else ce
    for np_ in actors.nps:
        if m.verb < np_.start < end and np_ is not exclude and np_.actor is not None and not np_.attribution \
                and not (np_.kind == "place" and np_.marker == "در"):
            return np_
    return None


def _in_object(view, np_: NP, m: Mention) -> bool:
    """True if the phrase is (within) the «را» object of the trigger's clause:
    no preposition marks it and a «را» follows it before the trigger."""
    if np_.marker and not np_.possessed:
        return False
    for j in range(np_.end, m.start):
        k = view.keys[j]
        if k == "را":
            return True
        if view.pos[j] in ("VERB", "PUNCT") and k not in ("«", "»", '"'):
            return False
    return False


def _own_preposition(view, np_: NP, m: Mention, covered: set[int]) -> bool:
    """False if the phrase's preposition belongs to another noun ("مبارزه با
    داعش", "همکاری با X" inside a request) rather than to the trigger."""
    j = (np_.head_at if np_.possessed else np_.start) - 1
    while j >= 0 and view.keys[j] in ("«", '"'):
        j -= 1
    j -= 1  # the token before the preposition
    if j < 0 or m.start <= j < m.end:
        return True
    if m.end <= j and all(view.pos[k] in ("NOUN", "PROPN", "ADJ", "PRON", "NUM") for k in range(m.end, j + 1)):
        return True  # the trigger's own genitive comes between: "خروج نیروهایش از عراق"
    return not (view.pos[j] == "NOUN" and j not in covered and not _is_trigger_word(view, j))


def _is_trigger_word(view, j: int) -> bool:
    from khabar.extract.events.lexicon import lexicon

    heads = lexicon().by_head
    return view.lemmas[j] in heads or view.keys[j] in heads
