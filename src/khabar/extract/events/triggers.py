"""Find the triggers of a sentence: lexicon records matched on the tokens'
lemmas and forms, with the verb that carries them (a light verb after the
noun, "مورد … قرار گرفت", a verb that is the trigger itself) and its voice;
a trigger without its verb is a nominal mention ("دیدار X و Y")."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.extract.events.clause import SentenceView, VerbGroup
from khabar.extract.events.lexicon import Lexicon, Trigger

_FILLERS = frozenset(("نیز", "هم", "همچنین", "مجددا", "مجدداً", "دوباره", "رسما", "رسماً", "شدیدا", "شدیداً"))
_SUPPORT_ADJ = frozenset(("برگزار", "برقرار"))
# Prepositions (and the nouns that make compound ones) under which a nominal
# event is told as background that happened: "در دیدار …", "پس از حمله …".
_SETTING = frozenset(("در", "طی", "ضمن", "جریان", "پی", "دنبال", "از", "پس", "بعد", "همزمان", "هنگام"))
_GAP = 15
_ORDINALS = frozenset(("نخستین", "اولین", "آخرین", "دومین", "سومین", "جدیدترین", "تازه‌ترین", "تازهترین"))
# Nouns whose genitive is an event that took place: "انجام حملات", "آغاز مذاکرات".
_HAPPENING = frozenset(("انجام", "آغاز", "ادامه", "برگزاری", "اعلام", "وقوع", "تداوم"))


@dataclass
class Mention:
    """A trigger found in a sentence (token indexes are sentence-relative)."""

    trigger: Trigger
    start: int
    end: int  # the trigger's words
    verb: int | None  # the verb that carries it, if any
    voice: str  # active, passive, nominal
    group: VerbGroup | None = None
    setting: bool = False  # a nominal mention under a setting preposition

    @property
    def last(self) -> int:
        return self.verb if self.verb is not None else self.end - 1


def _words_at(view: SentenceView, i: int, trig: Trigger) -> bool:
    n = len(trig.words)
    if i + n > len(view):
        return False
    return all(w in (view.keys[i + j], view.lemmas[i + j]) for j, w in enumerate(trig.words))


def _heads_predicate(view: SentenceView, i: int, bound: set[int]) -> bool:
    """True if the noun at i can head a light-verb predicate with a noun after
    it ("درخواست کمک کرد"): no preposition or other noun governs it (not
    "به حمله تهدید کرد", "میزبانی نشست … کرد")."""
    if i == 0 or i - 1 in bound:
        return True
    return view.pos[i - 1] not in ("ADP", "NOUN", "PROPN", "ADJ")


def find(view: SentenceView, lex: Lexicon, bound: set[int] | None = None) -> list[Mention]:
    """Every trigger of the sentence, longest match first, not overlapping
    (`bound`: tokens of names and times, which end a phrase)."""
    bound = bound or set()
    found: list[Mention] = []
    used: set[int] = set()
    heads = lex.by_head
    for i in range(len(view)):
        if i in used or view.lemmas[i] not in heads and view.keys[i] not in heads:
            continue
        cands = heads.get(view.lemmas[i], ()) + heads.get(view.keys[i], ())
        if view.lemmas[i] == view.keys[i]:
            cands = heads.get(view.keys[i], ())
        for trig in sorted(cands, key=lambda t: -len(t.words)):
            if not _words_at(view, i, trig):
                continue
            mention = _verbal(view, i, trig, bound) if not trig.is_verb else _verb_itself(view, i, trig)
            if mention is None:
                continue
            if any(o.verb is not None and o.verb == mention.verb and o.start < mention.start for o in found):
                break  # the object noun of another trigger's light verb: "درخواست کمک کرد"
            found.append(mention)
            used.update(range(mention.start, mention.end))
            break
    return _nominal_filter(view, _resumed(view, found))


def _resumed(view: SentenceView, found: list[Mention]) -> list[Mention]:
    """A verb that resumes, steps up or goes on with something ("از سر
    گرفت", "تشدید کرد", "ادامه داد", "آغاز کرد") states the event its object
    names: "تحریم‌ها را از سر گرفت" is a sanction, "حملات را تشدید کرد" an
    assault. Without such an object it is an event only if its own record
    says what it needs ("روابط را از سر گرفتند")."""
    out = list(found)
    for r in found:
        if "resume" not in r.trigger.flags or r.verb is None:
            continue
        cs, _ = view.clause_span(r.start)
        objects = [n for n in found if n is not r and n.voice == "nominal" and cs <= n.start < r.start]
        if objects:
            n = objects[-1]
            out[out.index(n)] = Mention(n.trigger, n.start, n.end, r.verb, r.voice)
            out.remove(r)
        elif not any(f.startswith("needs=") for f in r.trigger.flags):
            out.remove(r)
    return out


def _verb_itself(view: SentenceView, i: int, trig: Trigger) -> Mention | None:
    v = i + len(trig.words) - 1
    if view.pos[v] != "VERB":
        return None
    voice = "active"
    nxt = v + 1
    if nxt < len(view) and view.pos[nxt] in ("AUX", "VERB") and view.verb_key(nxt) == "شد":
        voice, v = "passive", nxt
    return Mention(trig, i, i + len(trig.words), v, voice)


def _verbal(view: SentenceView, i: int, trig: Trigger, bound: set[int]) -> Mention | None:
    end = i + len(trig.words)
    keys, pos = view.keys, view.pos
    # "مورد حمله قرار گرفت" (passive), "X را مورد انتقاد قرار داد" (active)
    if i and keys[i - 1] == "مورد":
        j = _skip_genitive(view, end)
        if j + 1 < len(view) and keys[j] == "قرار":
            voice = {"گرفت": "passive", "داد": "active"}.get(view.lemmas[j + 1])
            if voice:
                return Mention(trig, i, end, j + 1, voice)
    j = end
    _, clause_end = view.clause_span(i)
    limit = min(clause_end, end + (_GAP if "gap" in trig.flags else 5))
    nouns = 0  # nouns between the trigger and its light verb: "وعده همکاری داد", "حمله هوایی کرد"
    while j < limit:
        k = keys[j]
        if pos[j] == "AUX" and view.lemmas[j] == "خواست":
            j += 1  # the future auxiliary: "دیدار خواهند کرد"
            continue
        if pos[j] == "VERB" or (pos[j] == "AUX" and view.verb_key(j) in trig.active | trig.passive | {"شد"}):
            found = _with_verb(view, i, end, j, trig)
            if found.voice != "nominal" or "gap" not in trig.flags:
                return found
            j += 1
            continue
        if pos[j] == "AUX":
            break
        if k in _SUPPORT_ADJ and k in trig.active and j + 1 < len(view):
            group_voice = "active" if view.verb_key(j + 1) != "شد" else "nominal"
            return Mention(trig, i, end, j + 1, group_voice)
        if k == "قرار" and "قرار" in trig.active and j + 1 < len(view):
            voice = {"گرفت": "passive", "داد": "active"}.get(view.lemmas[j + 1])
            return Mention(trig, i, end, j + 1, voice) if voice else None
        if "gap" in trig.flags or k in _FILLERS or j in bound:
            j += 1
            continue
        if pos[j] in ("NOUN", "PROPN", "ADJ") and nouns < 2 and _heads_predicate(view, i, bound):
            nouns += 1
            j += 1
            continue
        if k == "و" and j + 2 < len(view) and pos[j + 1] == "NOUN" and pos[j + 2] in ("VERB", "AUX"):
            j += 2  # "دیدار و گفت‌وگو کردند"
            continue
        if k == "و" and trig.active:
            elided = _elided_verb(view, j, trig)  # "X با Y دیدار و دو طرف … تاکید کردند"
            if elided is not None:
                return Mention(trig, i, end, elided, "active")
        if pos[j] == "ADP" and "داشت" in trig.active:
            held = _verb_after_phrase(view, j, clause_end)  # "دیداری با X داشت"
            if held is not None and view.verb_key(held) == "داشت":
                return Mention(trig, i, end, held, "active")
        break
    return Mention(trig, i, end, None, "nominal")


def _verb_after_phrase(view: SentenceView, j: int, clause_end: int) -> int | None:
    """The first verb within ten tokens from j in the clause."""
    for v in range(j, min(clause_end, j + 10)):
        if view.pos[v] == "VERB":
            return v
    return None


def _elided_verb(view: SentenceView, j: int, trig: Trigger) -> int | None:
    """The verb a trigger shares with the next predicate when its own light
    verb is left out before «و»: the sentence's next verb, if it is one of
    the trigger's light verbs."""
    for v in range(j + 1, len(view)):
        if view.pos[v] == "VERB" and not view.in_compound(v):
            return v if view.verb_key(v) in trig.active else None
        if view.keys[v] in (".", "؛", ":"):
            return None
    return None


def _with_verb(view: SentenceView, i: int, end: int, v: int, trig: Trigger) -> Mention | None:
    vk = view.verb_key(v)
    if vk in ("است", "هست"):
        vk = "بود"
    if vk in trig.active:
        return Mention(trig, i, end, v, "active")
    if vk in trig.passive:
        return Mention(trig, i, end, v, "passive")
    return Mention(trig, i, end, None, "nominal")


def _skip_genitive(view: SentenceView, j: int) -> int:
    """The index after the words between a noun and «قرار» ("مورد حمله X قرار گرفت")."""
    k = j
    while k < len(view) and k < j + 8 and view.keys[k] != "قرار" and view.pos[k] not in ("VERB", "PUNCT"):
        k += 1
    return k


def _nominal_filter(view: SentenceView, found: list[Mention]) -> list[Mention]:
    """A nominal mention is an event when the sentence tells it as one: a
    headline's subject ("انتقاد X از Y"), a setting ("در دیدار …", "پس از
    حمله …"), or what is reported ("از آزادی … خبر داد"); not when a
    verbal trigger's clause holds it ("خواستار حمله … شد" is a request) or
    when it is the genitive of another noun ("کنترل آتش‌بس")."""
    out = []
    for m in found:
        if m.voice == "nominal" and "nom" not in m.trigger.flags:
            continue
        if m.voice == "nominal":
            j = m.start - 1
            while j >= 0 and (view.keys[j] in ("«", '"') or view.keys[j] in _ORDINALS):
                j -= 1  # "در پی نخستین حملات …"
            before = view.keys[j] if j >= 0 else ""
            m.setting = before in _SETTING and before != "از" or (
                before == "از" and j >= 1 and view.keys[j - 1] in ("پس", "بعد", "پیش", "قبل"))
            cs, _ = view.clause_span(m.start)
            opening = j < cs or before in ("این", "یک", "که") or view.keys[cs] in ("«", '"') and j <= cs
            reported = before == "از" and any(k == "خبر" for k in view.keys[m.end:])
            happening = before in _HAPPENING or view.lemmas[j] in _HAPPENING if j >= 0 else False
            clause = view.clause_of[m.start]
            governed = any(
                o is not m and o.verb is not None and o.verb > m.start and view.clause_of[o.verb] == clause
                for o in found
            )
            if governed and not m.setting or not (m.setting or opening or reported or happening):
                continue
            if m.setting and "nosetting" in m.trigger.flags:
                continue
        out.append(m)
    return out
