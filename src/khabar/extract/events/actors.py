"""The actors of a sentence as noun phrases: linked entities (with the title
that follows a name, and the agent noun before one: "سخنگوی کاخ کرملین" → RUS +
GOV), agent nouns with a demonym or a country ("مقامات روسی", "ملت کره
جنوبی"), bare agent nouns ("شورشیان"), demonyms as nouns ("صهیونیست‌ها"),
and words that point back ("وی", "این کشور", "دو طرف"); each with the
preposition that marks it, whether «را» follows it, whether it is the genitive
of another noun ("مواضع ترکیه"), and what «و» joins to it."""

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
    "درمورد", "طی", "ضمن", "پس", "پیش", "قبل", "بعد", "روی", "زیر", "درخصوص", "دربرابر",
))
_COMPOUND = {"سوی": "ازسوی", "طرف": "ازسوی", "جانب": "ازسوی", "دست": "بهدست", "وسیله": "توسط",
             "ضد": "علیه", "برابر": "مقابل"}
_ATTRIBUTION = frozenset(key(w) for w in ("گزارش", "نقل", "نوشته", "گفته", "اعلام"))
_PARTITIVE = frozenset(key(w) for w in ("یکی", "تعدادی", "برخی", "شماری", "بسیاری", "هیچیک", "هریک", "بعضی",
                                        "عده‌ای", "گروهی", "دو", "سه", "تن", "گردان", "واحد", "تیپ", "لشکر",
                                        "هیئتی", "گروه", "نفر"))
_PRONOUNS = frozenset(("وی", "او", "ایشان"))
_PAIR_WORDS = (("دو", "طرف"), ("طرفین",), ("دو", "کشور"), ("هر", "دو", "کشور"), ("دو", "رهبر"),
               ("رهبران", "دو", "کشور"), ("سران", "دو", "کشور"), ("روسای", "جمهور", "دو", "کشور"))
_THIS_COUNTRY = (("این", "کشور"), ("کشورش",), ("این", "رژیم"), ("این", "دولت"))
_OURS = (("کشورمان",), ("ایران", "اسلامی"))
_FIRST_WORDS = frozenset(w[0] for w in _PAIR_WORDS + _THIS_COUNTRY + _OURS)
_STOP_RIGHT = frozenset(("ADP", "PART", "VERB", "AUX", "CCONJ", "SCONJ", "NUM", "ADV", "PUNCT", "INTJ"))
_ADVERBIAL = frozenset(key(w) for w in ("ابتدا", "سپس", "اکنون", "هم‌اکنون", "امروز", "دیروز", "فردا", "اخیرا",
                                         "همچنین", "نیز", "تاکنون", "پیشتر", "بعدا", "سرانجام", "درنهایت", "حال",
                                         "وجود", "اساس", "ترتیب", "راستا"))
_CHAIN = frozenset(("NOUN", "ADJ", "NUM", "DET", "PROPN"))
_MEDIA = frozenset(key(w) for w in ("روزنامه", "شبکه", "رادیو", "تلویزیون", "خبرگزاری", "هفته‌نامه", "سایت",
                                    "پایگاه", "مجله", "نشریه", "خبرنگار"))


@dataclass
class NP:
    """A noun phrase that names (or points to) an actor: tokens [start, end)."""

    start: int
    end: int
    actor: Actor | None
    kind: str  # entity, place, agent (an agent noun with a country), role (without), pronoun, pair, this
    marker: str = ""  # the preposition before it (its key; "ازسوی", "بهدست" for compounds)
    obj: bool = False  # «را» follows it
    coord: NP | None = None  # the phrase joined to it by «و»
    possessed: bool = False  # the genitive of a noun that is not an actor ("مواضع ترکیه")
    attribution: bool = False  # names a source ("به گزارش X")
    sport: bool = False
    label: str = ""  # the entity label, if any
    head_noun: str = ""  # the noun it is the genitive of, if possessed
    head_at: int = -1  # that noun's token
    entity: Entity | None = None
    dateline: bool = False  # "تهران - …" at the head of the lead
    extras: list[Actor] = field(default_factory=list)


def actor_of(entity: Entity, sector: str | None = None) -> Actor:
    role = entity.role if entity.role in SECTORS else None
    return Actor(entity.start, entity.end, entity.text, entity.kb_id, entity.name_en, entity.country,
                 sector or role)


def demonym(word: str, lex: Lexicon) -> str | None:
    """The country of a demonym or adjective ("عراقی" → IRQ, "روسی" → RUS)."""
    k = key(word)
    if k.endswith("ها"):
        k = k[:-2]
    if k in lex.demonyms:
        return lex.demonyms[k]
    for suffix in ("ای", "یی", "ی"):
        if k.endswith(suffix) and len(k) > len(suffix) + 2:
            entry = knowledge_base().lookup(k[: -len(suffix)])
            if entry is not None and entry.type == "GPE" and entry.country:
                return entry.country
    return None


def country_name(word: str) -> str | None:
    """The country a word names ("ترکیه" → TUR)."""
    entry = knowledge_base().lookup(word)
    return entry.country if entry is not None and entry.type == "GPE" else None


_TITLES = frozenset(key(w) for w in (
    "همتا", "همتای", "دبیرکل", "دبیر", "بنیانگذار", "بنیان‌گذار", "مشاور", "دستیار", "سرکنسول", "کارشناس",
    "فرمانده", "نماینده", "عضو", "رهبر", "رییس", "رئیس", "سخنگوی", "ولیعهد", "پادشاه", "امیر", "شاهزاده",
    "سناتور", "ژنرال", "سردار", "دکتر", "وزیرخارجه", "وزیر", "معاون", "نخست‌وزیر", "سفیر", "کاردار",
))


_OFFICES = frozenset(("GOV", "MIL", "LEG", "JUD", "COP", "="))


def _title(view: SentenceView, i: int, lex: Lexicon) -> bool:
    """True if token i opens a title ("وزیر خارجه …", "همتای روس او", "وزیرخدمات‌عمومی")."""
    k = view.keys[i]
    agent = _agent(view, i, lex)
    return k in _TITLES or view.lemmas[i] in _TITLES or agent is not None and agent[1] in _OFFICES \
        or k.startswith(("وزیر", "رئیس", "رییس", "معاون", "سفیر", "نماینده", "دبیرکل"))


def _agent(view: SentenceView, i: int, lex: Lexicon) -> tuple[int, str] | None:
    """(length, sector) of an agent noun starting at token i ("مقامات", "وزیر خارجه")."""
    for words, sector in lex.agents.get(view.lemmas[i], ()) + lex.agents.get(view.keys[i], ()):
        n = len(words)
        if all(i + j < len(view) and words[j] in (view.keys[i + j], view.lemmas[i + j]) for j in range(n)):
            return n, sector
    return None


class SentenceActors:
    """The actor phrases of one sentence, in order."""

    def __init__(self, view: SentenceView, entities: list[Entity], lex: Lexicon, taken: set[int],
                 names: dict[str, str] | None = None, persons: dict[str, Entity] | None = None,
                 times: list | None = None) -> None:
        self.view = view
        self.lex = lex
        self.taken = taken
        self.names = names if names is not None else {}
        starts = [t.start for t in view.tokens]
        self.time_tokens = {i for t in times or () for i, tok in enumerate(view.tokens)
                            if t.start <= tok.start < t.end}
        entities = sorted(list(entities) + self._repeated_names(entities, persons or {}), key=lambda e: e.start)
        self.place_at: dict[int, str] = {}  # token → the country of the name it is part of
        for e in entities:
            if e.country and e.role != "SPO" and (e.label == "LOC" or e.label == "PER" and not e.kb_id
                                                  or e.label == "ORG"):
                a = max(bisect.bisect_right(starts, e.start) - 1, 0)
                for i in range(a, bisect.bisect_left(starts, e.end)):
                    self.place_at[i] = e.country
        self.nps: list[NP] = []
        covered: set[int] = set()
        for ent in entities:
            a = max(bisect.bisect_right(starts, ent.start) - 1, 0)
            b = bisect.bisect_left(starts, ent.end)
            if b <= a or any(i in covered for i in range(a, b)):
                continue
            np_ = self._entity_np(ent, a, b)
            if np_ is None:
                continue
            covered.update(range(np_.start, np_.end))
            self.nps.append(np_)
        self._pseudo(covered)
        self.nps.sort(key=lambda n: n.start)
        self._mark()
        self.covered = {i for n in self.nps for i in range(n.start, n.end)} | self.time_tokens

    def _repeated_names(self, entities: list[Entity], persons: dict[str, Entity]) -> list[Entity]:
        """A person's surname where the tagger missed it, when the article
        names that person in full elsewhere ("شارون" after "آریل شارون")."""
        view, toks = self.view, self.view.tokens
        seen = {i for e in entities for i, tok in enumerate(toks) if e.start <= tok.start < e.end}
        out = []
        for i, k in enumerate(view.keys):
            if i in seen or i in self.taken or k not in persons or view.pos[i] == "VERB":
                continue
            full = persons[k]
            out.append(Entity(toks[i].start, toks[i].end, toks[i].text, "PER", full.kb_id, full.name_en,
                              full.country, full.role))
        return out

    # -- building -------------------------------------------------------
    def _entity_np(self, ent: Entity, a: int, b: int) -> NP | None:
        view = self.view
        if ent.label not in ("PER", "ORG", "LOC"):
            return None
        kind = "entity" if ent.label != "LOC" else "place"
        sector = "MED" if (view.keys[a] in _MEDIA or view.lemmas[a] in _MEDIA) and not ent.role else None
        if sector is None and not ent.role and ent.label == "ORG":
            head = _agent(view, a, self.lex)  # "پلیس ترکیه", "ارتش مالی": the sector its first word names
            sector = head[1] if head and head[1] != "=" else None
        start = a
        # an agent noun just before the entity heads the phrase ("سخنگوی کاخ کرملین")
        j = a - 1
        while j >= 0 and view.keys[j] in _QUOTES:
            j -= 1
        floor = j - 3
        while j >= 0 and j > floor and view.pos[j] in ("NOUN", "ADJ", "PROPN") and j not in self.taken:
            found = _agent(view, j, self.lex)
            if found and j + found[0] <= a:
                start, kind = j, "agent"
                sector = found[1] if found[1] != "=" else None
                break
            if view.pos[j] != "ADJ":
                break  # only adjectives between an agent noun and its name: "نیروهای مسلح X"
            j -= 1
        actor = actor_of(ent, sector)
        if not actor.country and ent.label == "PER":
            remembered = self.names.get(key(ent.text)) or self.names.get(key(ent.text.split()[-1]))
            if remembered:
                actor = replace(actor, country=remembered)
        if kind == "agent":
            toks = view.tokens
            actor = replace(actor, start=toks[start].start, end=toks[b - 1].end, text=_span_text(view, start, b))
        np_ = NP(start, b, actor, kind, label=ent.label, sport=ent.role == "SPO", entity=ent)
        self._possession(np_)
        if ent.label == "PER" or (ent.label == "ORG" and kind != "agent"):
            self._apposition(np_)
            if ent.label == "PER" and np_.actor and np_.actor.country:
                self.names[key(ent.text)] = np_.actor.country
                self.names.setdefault(key(ent.text.split()[-1]), np_.actor.country)
        return np_

    def _possession(self, np_: NP) -> None:
        """Mark a phrase that is the genitive of a noun that names no actor."""
        view, j = self.view, np_.start - 1
        while j >= 0 and view.keys[j] in _QUOTES:
            j -= 1
        if j >= 0 and j in self.taken:
            np_.possessed, np_.head_at = True, j  # the genitive of a trigger noun: "هشدار آمریکا"
            np_.head_noun = view.lemmas[j]
            return
        if j < 0 or view.pos[j] not in ("NOUN", "ADJ", "PROPN") or j in self.time_tokens:
            return
        if view.keys[j] in _ATTRIBUTION or _agent(view, j, self.lex) or view.keys[j] in _PARTITIVE \
                or view.keys[j] in _ADVERBIAL or view.keys[j] in _PREPS:
            return
        np_.possessed = True
        np_.head_noun, np_.head_at = view.lemmas[j], j

    def _apposition(self, np_: NP) -> None:
        """Extend a name over the title that follows it ("«X» وزیر خارجه ترکیه",
        "X همتای روس او"), taking a country from the title when the name has none."""
        view, i = self.view, np_.end
        country = None
        while i < len(view) and i < np_.end + 8:
            k, p = view.keys[i], view.pos[i]
            if k in ("«", "»", '"'):
                i += 1
                continue
            if k == "،" and i == np_.end and i + 1 < len(view) and _title(view, i + 1, self.lex):
                i += 1  # "X، وزیر خارجه Y"
                continue
            if i == np_.end and not _title(view, i, self.lex):
                break  # a name is followed by its title, not by another phrase: "ترامپ ایران را …"
            if p in _STOP_RIGHT or i in self.taken:
                break
            if p == "PRON" and (k not in _PRONOUNS and k != "خود" or view.pos[i - 1] not in ("NOUN", "ADJ")):
                break
            country = country or demonym(k, self.lex) or self.place_at.get(i)
            i += 1
        if i > np_.end:
            np_.end = i
            if np_.actor and not np_.actor.country and country:
                np_.actor = replace(np_.actor, country=country)

    def _pseudo(self, covered: set[int]) -> None:
        """Pronouns, "این کشور", "دو طرف", agent nouns, demonyms as nouns."""
        view = self.view
        i = 0
        while i < len(view):
            if i in covered or i in self.taken:
                i += 1
                continue
            made = self._pseudo_at(i, covered)
            if made is None:
                i += 1
                continue
            self.nps.append(made)
            covered.update(range(made.start, made.end))
            i = made.end

    def _pseudo_at(self, i: int, covered: set[int]) -> NP | None:
        view, toks = self.view, self.view.tokens
        k = view.keys[i]
        if k in _PRONOUNS and view.pos[i] == "PRON":
            return NP(i, i + 1, None, "pronoun")
        for words, kind in ((_PAIR_WORDS, "pair"), (_THIS_COUNTRY, "this")):
            n = _match(view, i, words)
            if n:
                return NP(i, i + n, None, kind)
        n = _match(view, i, _OURS)
        if n:
            return NP(i, i + n, Actor(toks[i].start, toks[i + n - 1].end, _span_text(view, i, i + n),
                                      "G:IRN", "Iran", "IRN", "GOV"), "entity")
        if view.pos[i] == "NOUN" and k.endswith("ها") and view.lemmas[i] != k:
            country = demonym(k, self.lex)  # "صهیونیست‌ها", "آمریکایی‌ها"
            if country:
                np_ = NP(i, i + 1, Actor(toks[i].start, toks[i].end, toks[i].text, None, None, country, None), "agent")
                self._possession(np_)
                return np_
        found = _agent(view, i, self.lex) if view.pos[i] in ("NOUN", "PROPN") else None
        if not found or found[1] == "=":
            return None
        n, sector = found
        country, end = None, i + n
        for j in range(i + n, min(i + n + 3, len(view))):
            if j in covered or j in self.taken or view.pos[j] not in ("ADJ", "NOUN", "PROPN", "DET"):
                break
            if _match(view, j, _THIS_COUNTRY):
                end = j + _match(view, j, _THIS_COUNTRY)
                country = "this"
                break
            country = demonym(view.keys[j], self.lex) or country_name(view.keys[j])
            if country:
                end = j + 1
                break
        if country is None and sector not in ("REB", "CVL", "OPP", "MIL", "COP", "LEG", "JUD", "LAB", "EDU", "REF"):
            return None
        while end < len(view) and view.pos[end] in ("NUM", "ADJ") and end not in covered and end not in self.taken \
                and end - i < 6:
            end += 1  # "این زن ۳۰ ساله را"
        actor = Actor(toks[i].start, toks[end - 1].end, _span_text(view, i, end), None, None,
                      None if country == "this" else country, sector)
        np_ = NP(i, end, actor, "agent" if country else "role")
        if country == "this":
            np_.kind = "role-this"
        self._possession(np_)
        return np_

    def _mark(self) -> None:
        """The preposition before each phrase, «را» after it, and coordination."""
        view = self.view
        for np_ in self.nps:
            j = (np_.head_at if np_.possessed else np_.start) - 1
            while j >= 0 and (view.keys[j] in _QUOTES or np_.possessed and view.pos[j] in _CHAIN
                              and view.keys[j] not in _PREPS and j not in self.taken):
                j -= 1
            if j >= 0:
                k = view.keys[j]
                if k in _ATTRIBUTION or (k == "از" and j and view.keys[j - 1] in _ATTRIBUTION):
                    np_.attribution = True
                elif k == "از" and j and view.keys[j - 1] in _PARTITIVE:
                    np_.marker = ""  # "یکی از وزرای عراقی": the phrase is the subject
                elif k in _COMPOUND and j and view.keys[j - 1] in ("از", "به", "بر", "در"):
                    np_.marker = _COMPOUND[k]
                elif k in _PREPS or view.pos[j] == "ADP":
                    np_.marker = k
            e = np_.end
            while e < len(view) and view.keys[e] in _QUOTES:
                e += 1
            np_.obj = e < len(view) and view.keys[e] == "را"
            np_.dateline = np_.start == 0 and e < len(view) and view.keys[e] == "-"
        for left, right in zip(self.nps, self.nps[1:], strict=False):
            gap = [k for k in view.keys[left.end:right.start] if k not in _QUOTES]
            if gap == ["و"] and not right.marker and not left.obj and not right.possessed:
                left.coord = right


def _match(view: SentenceView, i: int, patterns: tuple[tuple[str, ...], ...]) -> int:
    if view.keys[i] not in _FIRST_WORDS:
        return 0
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
