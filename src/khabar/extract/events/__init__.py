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
from khabar.model import Actor, Doc, Event, TimeExpr

__all__ = ["extract_events", "lexicon"]


# Types whose events need no recipient; the others are coded only when the
# text names whom they are directed at (a mention without one still adds its
# sentence to an event that has one).
_ONE_SIDED = frozenset(("PROTEST", "MOBILIZE"))
_TAKES_CONTENT = frozenset(("AGREE", "REQUEST", "THREATEN", "ACCUSE", "REJECT", "SUPPORT"))


def extract_events(doc: Doc) -> list[Event]:
    """The events stated in `doc` (which has tokens, tags, entities and times)."""
    if not doc.sentences or not doc.tokens:
        return []
    lex = lexicon()
    state = Discourse()
    entity_starts = [e.start for e in doc.entities]
    persons = _persons(doc.entities)
    time_starts = [t.start for t in doc.times]
    coded: list[Coded] = []
    for n, sent in enumerate(doc.sentences):
        tokens = doc.sentence_tokens(sent)
        ents = _within(doc.entities, entity_starts, sent.start, sent.end)
        keys = [key(t.text) for t in tokens]
        lemmas = [key(t.lemma) if t.lemma else k for t, k in zip(tokens, keys, strict=True)]
        heads = lex.by_head
        if not any(k in heads or lk in heads for k, lk in zip(keys, lemmas, strict=True)):
            state.see_entities(ents)
            continue
        view = SentenceView(tokens, sent.first_token, keys, lemmas)
        times = _within(doc.times, time_starts, sent.start, sent.end)
        mentions = find(view, lex, _bound(tokens, ents, times))
        if not mentions:
            state.see_entities(ents)
            continue
        taken = {i for m in mentions for i in range(m.start, m.end)}
        actors = SentenceActors(view, ents, lex, taken, state.names, persons, times)
        for m in mentions:
            c = _code(doc, n, sent, view, actors, m, state, times, lex, mentions)
            if c is not None and _anaphoric(view, m):
                c = _refer_back(c, coded)
            if c is not None:
                coded.append(c)
                if c.event.source is not None and c.event.target is not None:
                    state.pair = (c.event.source, c.event.target)
        state.see(actors)
    return [e for e in merge(coded) if e.target is not None or e.type in _ONE_SIDED]


def _bound(tokens, ents: list, times: list) -> set[int]:
    """Indexes of the tokens inside a name or a time expression."""
    starts = [tok.start for tok in tokens]
    out: set[int] = set()
    for item in (*ents, *times):
        i = bisect.bisect_left(starts, item.start)
        while i < len(tokens) and tokens[i].start < item.end:
            out.add(i)
            i += 1
    return out


def _persons(entities: list) -> dict:
    """People the article names in full, by surname (and full name), when
    they have a country: for the mentions the tagger missed."""
    out = {}
    for e in entities:
        if e.label == "PER" and e.country and e.role != "SPO" and " " in e.text.strip():
            out.setdefault(key(e.text.split()[-1]), e)
    return out


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
    place = location(m, actors, roles)
    if roles.target is None and trig.type in ("ASSAULT", "COERCE") and place is not None and place.country:
        # an attack in a place, on no one named: on that country
        roles.target = Actor(place.start, place.end, place.text, place.kb_id, place.name_en, place.country, None)
    if (roles.source is None and roles.target is None and not _anaphoric(view, m)
            or "mil" in trig.flags and not _armed(roles, actors, cs, ce)
            or trig.type == "CONSULT" and _media(roles)
            or trig.type == "THREATEN" and roles.target is not None and "خود" in roles.target.text.split()
            or any(f.startswith("needs=") for f in trig.flags) and not _needs(view, m, trig)
            or "deny" in trig.flags and _denial(view, m)
            or m.voice == "passive" and trig.is_verb and roles.source is None and not _violent(view)
            and not (roles.target is not None and roles.target.sector in _ARMED + ("GOV",))):
        return None
    ptype, cameo, mode = trig.type, trig.cameo, trig.mode
    if ptype == "ASSAULT" and roles.source is not None and roles.source.sector == "CVL" \
            and any(w in key(roles.source.text) for w in ("معترض", "تظاهرکننده", "تظاهرکنندگان")):
        ptype, cameo, mode = "PROTEST", "145", "riot"  # protesters who attack: a violent protest
    if "envoy" in trig.flags:
        ptype, cameo, mode = _envoy(view, m, actors, roles) or (ptype, cameo, mode)
    contexts: list[str] = []
    if "negonly" in trig.flags and not negated:
        return None
    if "negonly" in trig.flags:
        negated = False
    elif negated:
        if trig.negated is not None:
            if trig.negated[0] == "-":
                return None
            ptype, cameo, mode = trig.negated[0], trig.negated[1], None
        else:
            contexts.append("negated")
    mode, cameo, topics = refine(m, view, lex, ptype, mode, cameo)
    toks = view.tokens
    trig_start, trig_end = toks[m.start].start, toks[m.end - 1].end
    date, flag = sentence_date(doc, sent, _clause_times(view, m, times), trig_start)
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
    event.location = place
    event.source, event.target = roles.source, roles.target
    event.date, event.date_flag = date, flag
    event.evidence = [(sent.start, sent.end)]
    event.attribution = attribution(doc, actors)
    event.confidence = confidence(m, roles, quoted=_quoted(view, m.start))
    symmetric = "sym" in trig.flags or (roles.source_np is not None and roles.source_np.coord is roles.target_np)
    return Coded(event, "future" if future and "negated" not in contexts else tense, n, flag is None, symmetric,
                 roles.weak_target)


def _complement(view: SentenceView, m: Mention, mentions: list[Mention]) -> bool:
    """True if m is the content of another trigger ("وعده داده است که … همکاری
    می‌کند", "خواست که … "): its clause opens with «که» right after that trigger."""
    cs, _ = view.clause_span(m.start)
    if view.keys[cs] != "که":
        return False
    return any(o is not m and o.trigger.type in _TAKES_CONTENT and o.last < cs and cs - o.last <= 2
               for o in mentions)


def _anaphoric(view: SentenceView, m: Mention) -> bool:
    """A nominal trigger after «این» ("این دیدار") names an event told before."""
    return m.voice == "nominal" and m.start > 0 and view.keys[m.start - 1] in ("این", "همین")


def _refer_back(c: Coded, coded: list[Coded]) -> Coded | None:
    """The event "این دیدار" points to: the last one of its type, whose actors
    and date it takes (so that the two merge); none, if there is none."""
    for prior in reversed(coded):
        if prior.event.type == c.event.type:
            e = c.event
            e.source, e.target = prior.event.source, prior.event.target
            if not c.stated_date:
                e.date, e.date_flag = prior.event.date, prior.event.date_flag
            c.tense = "none" if prior.tense in ("future", "present") or c.tense == "none" else c.tense
            c.symmetric = prior.symmetric
            return c
    return None


_CLAIMS = frozenset(key(w) for w in ("ادعا", "ادعاها", "اتهام", "اتهامات", "گزارش", "شایعه", "خبر", "اظهارات",
                                     "مطالب", "دخالت", "نقش", "هرگونه", "شایعات", "ادعاهای", "روایت"))


def _denial(view: SentenceView, m: Mention) -> bool:
    """"این ادعاها را رد کرد", "هرگونه دخالت را رد کرد": a denial, not a refusal."""
    cs, _ = view.clause_span(m.start)
    return any(view.keys[j] in _CLAIMS or view.lemmas[j] in _CLAIMS for j in range(cs, m.start))


_VIOLENCE = frozenset(key(w) for w in ("حمله", "حملات", "انفجار", "گلوله", "بمباران", "تیراندازی", "درگیری",
                                       "شلیک", "ترور", "تروریستی", "انتحاری", "خمپاره", "موشک", "مسلح"))


def _violent(view: SentenceView) -> bool:
    """"کشته شدند" is an attack only when the sentence says there was violence (not a flood)."""
    return any(k in _VIOLENCE or lk in _VIOLENCE for k, lk in zip(view.keys, view.lemmas, strict=True))


def _media(roles) -> bool:
    """An interview is not a consultation: "در گفت‌وگو با شبکه الجزیره"."""
    return any(a is not None and a.sector == "MED" for a in (roles.source, roles.target))


def _needs(view: SentenceView, m: Mention, trig) -> bool:
    """A trigger that is an event only with one of its words in the clause
    before it ("روابط را از سر گرفتند")."""
    words = next(f[6:].split(",") for f in trig.flags if f.startswith("needs="))
    cs, _ = view.clause_span(m.start)
    return any(view.lemmas[j] in words or view.keys[j] in words for j in range(cs, m.start))


def _clause_times(view: SentenceView, m: Mention, times: list[TimeExpr]) -> list[TimeExpr]:
    """The time expressions that date a trigger: those of its clause, else
    those before it in the sentence with no other verb between."""
    cs, ce = view.clause_span(m.start)
    own = [t for t in times if _in_clause(view, cs, ce, t)]
    if own:
        return own
    toks = view.tokens
    out = []
    for t in times:
        if t.start >= toks[cs].start:
            continue
        j = next((i for i, tok in enumerate(toks) if tok.start >= t.end), cs)
        verbs = [i for i in range(j, cs) if view.pos[i] == "VERB"]
        if not verbs or len(verbs) == 1 and _reporting(view, verbs[0]):
            out.append(t)
    return out


_REPORTING_VERBS = frozenset(("گفت", "افزود", "نوشت"))
_REPORTING_NOUNS = frozenset(key(w) for w in ("اعلام", "تصریح", "تاکید", "تأکید", "اظهار", "خاطرنشان", "عنوان",
                                            "ادعا", "مدعی", "اشاره", "یادآور"))


def _reporting(view: SentenceView, v: int) -> bool:
    """True if verb v reports speech ("گفت", "اعلام کرد"): the time before it
    dates what it reports."""
    return view.lemmas[v] in _REPORTING_VERBS or v > 0 and view.keys[v - 1] in _REPORTING_NOUNS


_ARMED = ("MIL", "REB", "COP")


def _armed(roles, actors: SentenceActors, cs: int, ce: int) -> bool:
    """True if an armed actor takes part, or the clause names armed men ("نیروهای خود")."""
    if any(a is not None and a.sector in _ARMED for a in (roles.source, roles.target)):
        return True
    view = actors.view
    return any(a[0][1] in _ARMED for a in (lex_agent(view, j) for j in range(cs, ce)) if a)


def lex_agent(view: SentenceView, j: int):
    from khabar.extract.events.actors import _agent

    found = _agent(view, j, lexicon())
    return (found, None) if found else None


def _envoy(view: SentenceView, m: Mention, actors: SentenceActors, roles) -> tuple[str, str, str] | None:
    """"سفیر خود را فراخواند" recalls one's own ambassador (SANCTION), and
    its target is the country it is recalled from; "سفیر X به وزارت خارجه
    فراخوانده شد" summons another's (ACCUSE), by the ministry it is called to."""
    cs, _ = view.clause_span(m.start)
    if m.voice == "passive" and roles.target is not None and "سفیر" in roles.target.text.split()[0]:
        by = next((n for n in actors.nps if cs <= n.start < m.start and n.marker == "به" and n.actor), None)
        if by is not None:
            roles.source, roles.source_np = by.actor, by
        return "ACCUSE", "114", "allege"
    for j in range(cs, m.start - 1):
        if view.keys[j] == "سفیر" and view.keys[j + 1] in ("خود", "خویش"):
            target = next((n for n in actors.nps if cs <= n.start < m.start and n.marker == "از" and n.actor), None)
            if target is not None:
                roles.target, roles.target_np = target.actor, target
            return "SANCTION", "161", "withdraw"
    return None


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

