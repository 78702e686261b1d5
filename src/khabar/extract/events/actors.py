"""The actors of a sentence as noun phrases: linked entities (with the titles
that follow a name, and the agent noun before one: "سخنگوی کاخ کرملین" → RUS +
GOV), agent nouns with a demonym ("مقامات روسی"), pronouns and phrases that
point back ("وی", "این کشور", "دو طرف"), each with the preposition that marks
it, whether «را» follows it, and what it is coordinated with."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from khabar.extract.events.clause import SentenceView
from khabar.extract.events.lexicon import Lexicon, key
from khabar.extract.kb import knowledge_base
from khabar.model import Actor, Entity

# Phoenix/CAMEO agent codes an entity's role may carry over as the actor's sector.
SECTORS = frozenset(("GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
                     "CVL", "LAB", "LEG", "HLH", "REL", "REF", "IGO", "NGO", "AGR", "ELI", "UAF", "ENV"))
_QUOTES = frozenset('«»"\'()“”')
_PREPS = frozenset(key(w) for w in (
    "با", "از", "به", "بر", "در", "برای", "علیه", "ضد", "توسط", "بین", "میان", "درباره", "پیرامون",
    "مقابل", "برابر", "نزد", "سوی", "طرف", "جانب", "دست", "وسیله", "همراه", "جز", "بدون", "همچون", "مانند",
    "درمورد", "طی", "ضمن", "پس", "پیش", "قبل", "بعد", "روی", "زیر",
))
_COMPOUND = {"سوی": "ازسوی", "طرف": "ازسوی", "جانب": "ازسوی", "دست": "بهدست", "وسیله": "توسط",
             "ضد": "علیه", "برابر": "مقابل"}
_ATTRIBUTION = frozenset(key(w) for w in ("گزارش", "نقل", "نوشته", "گفته", "اعلام"))
_PRONOUNS = frozenset(("وی", "او", "ایشان"))
_PAIR_WORDS = (("دو", "طرف"), ("طرفین",), ("دو", "کشور"), ("هر", "دو", "کشور"), ("دو", "رهبر"))
_THIS_COUNTRY = (("این", "کشور"), ("کشورش",), ("این", "رژیم"), ("این", "دولت"))
_OURS = (("کشورمان",), ("ایران", "اسلامی"))
_STOP_RIGHT = frozenset(("ADP", "PART", "VERB", "AUX", "CCONJ", "SCONJ", "NUM", "ADV", "PUNCT", "INTJ"))


@dataclass
class NP:
    """A noun phrase that names (or points to) an actor: tokens [start, end)."""

    start: int
    end: int
    actor: Actor | None
    kind: str  # entity, agent, pronoun, pair, this, place
    marker: str = ""  # the preposition before it (its key; "ازسوی", "بهدست" for compounds)
    obj: bool = False  # «را» follows it
    coord: NP | None = None  # the phrase joined to it by «و»
    possessed: bool = False  # the genitive of a noun that is not an actor ("مواضع ترکیه")
    attribution: bool = False  # names a source ("به گزارش X")
    sport: bool = False
    pair: tuple[Actor, Actor] | None = None
    label: str = ""  # the entity label, if any
    head_noun: str = ""  # the noun it is the genitive of, if possessed
    entity: Entity | None = None
    extras: list[Actor] = field(default_factory=list)


def actor_of(entity: Entity, sector: str | None = None) -> Actor:
    role = entity.role if entity.role in SECTORS else None
    return Actor(entity.start, entity.end, entity.text, entity.kb_id, entity.name_en, entity.country,
                 sector or role)


def demonym(word: str, lex: Lexicon) -> str | None:
    """The country of a demonym or adjective ("عراقی" → IRQ, "روسی" → RUS)."""
    k = key(word)
    if k in lex.demonyms:
        return lex.demonyms[k]
    for suffix in ("ای", "یی", "ی"):
        if k.endswith(suffix) and len(k) > len(suffix) + 2:
            entry = knowledge_base().lookup(k[: -len(suffix)])
            if entry is not None and entry.type == "GPE" and entry.country:
                return entry.country
    return None


def _agent(view: SentenceView, i: int, lex: Lexicon) -> tuple[int, str] | None:
    """(length, sector) of an agent noun starting at token i ("مقامات", "وزیر خارجه")."""
    for words, sector in lex.agents.get(view.lemmas[i], ()) + lex.agents.get(view.keys[i], ()):
        n = len(words)
        if all(i + j < len(view) and words[j] in (view.keys[i + j], view.lemmas[i + j]) for j in range(n)):
            return n, sector
    return None


class SentenceActors:
    """The actor phrases of one sentence, in order."""

    def __init__(self, view: SentenceView, entities: list[Entity], lex: Lexicon, taken: set[int]) -> None:
        self.view = view
        self.lex = lex
        starts = [t.start for t in view.tokens]
        self.nps: list[NP] = []
        covered: set[int] = set()
        for ent in entities:
            a = bisect.bisect_right(starts, ent.start) - 1
            b = bisect.bisect_left(starts, ent.end)
            a = max(a, 0)
            if b <= a:
                continue
            if any(i in covered for i in range(a, b)):
                continue
            np_ = self._entity_np(ent, a, b, taken)
            if np_ is None:
                continue
            covered.update(range(np_.start, np_.end))
            self.nps.append(np_)
        self._pseudo(covered, taken)
        self.nps.sort(key=lambda n: n.start)
        self._mark()

    # -- building -------------------------------------------------------
    def _entity_np(self, ent: Entity, a: int, b: int, taken: set[int]) -> NP | None:
        view = self.view
        if ent.label not in ("PER", "ORG", "LOC"):
            return None
        kind = "entity" if ent.label != "LOC" else "place"
        sector = None
        start = a
        # an agent noun just before the entity heads the phrase ("سخنگوی کاخ کرملین")
        j = a - 1
        while j >= 0 and j >= a - 3 and view.pos[j] in ("NOUN", "ADJ") and j not in taken:
            found = _agent(view, j, self.lex)
            if found and j + found[0] <= a:
                start, sector, kind = j, found[1], "agent"
                break
            j -= 1
        actor = actor_of(ent, sector)
        if kind == "agent":
            toks = view.tokens
            actor = replace(actor, start=toks[start].start, end=toks[b - 1].end,
                            text=_span_text(view, start, b))
        np_ = NP(start, b, actor, kind, label=ent.label, sport=ent.role == "SPO", entity=ent)
        if kind == "entity" and start == a and a and view.pos[a - 1] == "NOUN" and a - 1 not in taken \
                and not _agent(view, a - 1, self.lex) and view.keys[a - 1] not in _ATTRIBUTION:
            np_.possessed = True
            np_.head_noun = view.lemmas[a - 1]
        if kind == "place" and start == a and a and view.pos[a - 1] == "NOUN" and a - 1 not in taken:
            np_.possessed = not _agent(view, a - 1, self.lex)
            np_.head_noun = view.lemmas[a - 1]
        if ent.label == "PER" or (ent.label == "ORG" and kind != "agent"):
            self._apposition(np_)
        return np_

    def _apposition(self, np_: NP) -> None:
        """Extend a name over the title that follows it ("«X» وزیر خارجه ترکیه",
        "X همتای روس او"), taking a country from the title when the name has none."""
        view, i = self.view, np_.end
        country = None
        while i < len(view) and i < np_.end + 8:
            k, p = view.keys[i], view.pos[i]
            if k in _QUOTES:
                i += 1
                continue
            if p in _STOP_RIGHT or (p == "PRON" and i and view.pos[i - 1] not in ("NOUN", "ADJ")):
                break
            if p == "PRON" and k not in _PRONOUNS and k not in ("خود",):
                break
            country = country or demonym(view.keys[i], self.lex) or self._country_word(i)
            i += 1
        if i > np_.end:
            np_.end = i
            if np_.actor and not np_.actor.country and country:
                np_.actor = replace(np_.actor, country=country)

    def _country_word(self, i: int) -> str | None:
        entry = knowledge_base().lookup(self.view.keys[i])
        return entry.country if entry is not None and entry.type == "GPE" else None

    def _pseudo(self, covered: set[int], taken: set[int]) -> None:
        """Pronouns, "این کشور", "دو طرف", and agent nouns with a demonym."""
        view = self.view
        i = 0
        while i < len(view):
            if i in covered or i in taken:
                i += 1
                continue
            k = view.keys[i]
            if k in _PRONOUNS and view.pos[i] == "PRON":
                self.nps.append(NP(i, i + 1, None, "pronoun"))
                i += 1
                continue
            n = _match(view, i, _PAIR_WORDS)
            if n:
                self.nps.append(NP(i, i + n, None, "pair"))
                i += n
                continue
            n = _match(view, i, _THIS_COUNTRY)
            if n:
                self.nps.append(NP(i, i + n, None, "this"))
                i += n
                continue
            n = _match(view, i, _OURS)
            if n:
                toks = view.tokens
                self.nps.append(NP(i, i + n, Actor(toks[i].start, toks[i + n - 1].end, _span_text(view, i, i + n),
                                                   "G:IRN", "Iran", "IRN", "GOV"), "entity"))
                i += n
                continue
            found = _agent(view, i, self.lex)
            if found:
                n, sector = found
                country, end = None, i + n
                for j in range(i + n, min(i + n + 3, len(view))):
                    if j in covered or view.pos[j] not in ("ADJ", "NOUN"):
                        break
                    country = demonym(view.keys[j], self.lex)
                    if country:
                        end = j + 1
                        break
                if country:
                    toks = view.tokens
                    actor = Actor(toks[i].start, toks[end - 1].end, _span_text(view, i, end), None, None,
                                  country, sector)
                    possessed = i > 0 and view.pos[i - 1] == "NOUN" and i - 1 not in taken \
                        and not _agent(view, i - 1, self.lex)
                    self.nps.append(NP(i, end, actor, "agent", possessed=possessed))
                    covered.update(range(i, end))
                    i = end
                    continue
            i += 1

    def _mark(self) -> None:
        """The preposition before each phrase, «را» after it, and coordination."""
        view = self.view
        for np_ in self.nps:
            j = np_.start - 1
            while j >= 0 and view.keys[j] in _QUOTES:
                j -= 1
            if j >= 0:
                k = view.keys[j]
                if k in _ATTRIBUTION or (k == "از" and j and view.keys[j - 1] in _ATTRIBUTION):
                    np_.attribution = True
                elif np_.possessed and j - 1 >= 0:
                    m = view.keys[j - 1]
                    np_.marker = m if m in _PREPS else ""
                elif k in _COMPOUND and j and view.keys[j - 1] in ("از", "به", "بر", "در"):
                    np_.marker = _COMPOUND[k]
                elif k in _PREPS or view.pos[j] == "ADP":
                    np_.marker = k
            e = np_.end
            while e < len(view) and view.keys[e] in _QUOTES:
                e += 1
            np_.obj = e < len(view) and view.keys[e] == "را"
        for left, right in zip(self.nps, self.nps[1:], strict=False):
            gap = [k for k in view.keys[left.end:right.start] if k not in _QUOTES]
            if gap in (["و"], ["،"]) and not right.marker and not left.obj:
                left.coord = right


def _match(view: SentenceView, i: int, patterns: tuple[tuple[str, ...], ...]) -> int:
    for words in patterns:
        if all(i + j < len(view) and view.keys[i + j] == w for j, w in enumerate(words)):
            return len(words)
    return 0


def _span_text(view: SentenceView, a: int, b: int) -> str:
    toks = view.tokens
    out = []
    for t in toks[a:b]:
        out.append(t.text)
        out.append(" " if t.space_after else "")
    return "".join(out).strip()
