"""Clause grammar of a Persian sentence for the event coder: where clauses begin
and end, and what a verb group says — tense (past, present, future,
subjunctive), negation, voice, pluperfect — read from the tokens, their
lemmas (verbs by past stem: می‌کنند → کرد) and parts of speech."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from khabar.extract.events.lexicon import key
from khabar.model import Token

# Tokens that end a clause, and words that open one.
_CLAUSE_PUNCT = frozenset("،؛:.!?؟;")
_OPENERS = frozenset(key(w) for w in (
    "که", "تا", "اگر", "چنانچه", "زیرا", "چون", "اما", "ولی", "بلکه", "درحالیکه", "هرچند", "اگرچه",
    "اینکه", "آنکه", "چراکه",
))
_SOURCE_WORDS = frozenset(key(w) for w in ("گزارش", "نقل", "نوشته", "گفته"))
_CONNECTIVES = frozenset(key(w) for w in ("اساس", "حال", "ترتیب", "همچنین", "سوی", "وجود", "راستا", "رو"))
_CONDITIONAL = frozenset(key(w) for w in ("اگر", "چنانچه", "درصورتیکه"))
_PASSIVE_STEMS = ("شد", "شو", "گردید", "گرد")
_INDICATIVE_WITHOUT_MI = frozenset(("داشت", "بود", "است", "هست"))
# Words after which a clause states an intention or a plan: future.
_INTENT = (("قرار", ("است", "شد", "بود", "بوده")), ("قصد", ("دارد", "دارند", "داشت", "داشتند")),
           ("تصمیم", ("دارد", "دارند", "گرفت", "گرفتند", "گرفته")), ("درنظر", ("دارد", "دارند")))
_HEDGES = frozenset(key(w) for w in ("ممکن", "احتمالا", "احتمالاً", "شاید"))


@dataclass(frozen=True)
class VerbGroup:
    """What a clause's verb says."""

    index: int  # the main verb token (sentence-relative)
    verb: str  # its light-verb key: the lemma, or شد for the passive auxiliary
    tense: str  # past, present, future, subjunctive, participle
    negated: bool
    pluperfect: bool


class SentenceView:
    """A sentence's tokens as the coder reads them: keys, lemmas, tags, clauses."""

    def __init__(self, tokens: list[Token], offset: int, keys: list[str] | None = None,
                 lemmas: list[str] | None = None) -> None:
        self.tokens = tokens
        self.offset = offset  # index of the first token in the Doc
        self.keys = keys if keys is not None else [key(t.text) for t in tokens]
        self.lemmas = lemmas if lemmas is not None else [key(t.lemma or t.text) for t in tokens]
        self.pos = [t.pos or "X" for t in tokens]

    def __len__(self) -> int:
        return len(self.tokens)

    @cached_property
    def clause_of(self) -> list[int]:
        """The clause number of every token. Punctuation ends a clause — a comma
        only after a verb or a source ("به گزارش X،"), not inside a list or
        after a name's title; a subordinator, a contrasting conjunction, or «و»
        after a verb opens one; after the verb of a relative clause the clause
        it interrupted goes on."""
        out, n = [], 0
        relative = False
        verb = attributed = False
        for i, k in enumerate(self.keys):
            if i and (k in _OPENERS or (k == "و" and self.pos[i - 1] in ("VERB", "AUX") and not self._compound(i))):
                n += 1
                relative = k == "که" and self.pos[i - 1] in ("NOUN", "ADJ", "PART", "PROPN", "NUM")
                verb = attributed = False
            elif relative and i and self.pos[i - 1] in ("VERB", "AUX") and self.pos[i] not in ("AUX", "PUNCT"):
                n += 1  # "X را که … می‌کرد به ضرب گلوله کشته‌اند"
                relative = verb = attributed = False
            out.append(n)
            if self.pos[i] in ("VERB", "AUX") and not self.in_compound(i):
                verb = True
            elif k in _SOURCE_WORDS or k in _CONNECTIVES and (len(out) < 5 or out[-5] != n):
                attributed = True  # "به گزارش X،", "بر این اساس،"
            if k in _CLAUSE_PUNCT and (k != "،" or verb or attributed):
                n += 1
                relative = verb = attributed = False
        return out

    def main_span(self, i: int) -> tuple[int, int]:
        """The clause of token i with the part of its clause before a relative
        clause that interrupted it ("X ایران را علیه … که … است، محکوم کرد")."""
        start, end = self.clause_span(i)
        while start > 0:
            prev_start, _ = self.clause_span(start - 1)
            if self.keys[prev_start] not in ("که", "اینکه", "آنکه") or prev_start == 0:
                break
            if self.keys[start - 1] not in ("،",) and self.pos[start - 1] not in ("VERB", "AUX"):
                break
            if self.pos[prev_start - 1] in ("VERB", "AUX", "PUNCT") and self.keys[prev_start] == "که":
                break  # a complement ("گفت که …"), not an interruption
            start, _ = self.clause_span(prev_start - 1)
        return start, end

    def _compound(self, i: int) -> bool:
        """«و» inside a compound noun written apart: "گفت و گو"."""
        return self.keys[i - 1] == "گفت" and i + 1 < len(self.keys) and self.keys[i + 1] in ("گو", "گوی", "شنود")

    def in_compound(self, j: int) -> bool:
        """True if verb token j is a part of "گفت و گو", not a verb."""
        keys = self.keys
        if keys[j] == "گفت" and j + 2 < len(keys) and keys[j + 1] == "و" and keys[j + 2] in ("گو", "گوی", "شنود"):
            return True
        return keys[j] in ("گو", "گوی") and j >= 2 and keys[j - 1] == "و" and keys[j - 2] == "گفت"

    def clause_span(self, i: int) -> tuple[int, int]:
        """[start, end) token indexes of the clause holding token i."""
        c = self.clause_of[i]
        start = i
        while start > 0 and self.clause_of[start - 1] == c:
            start -= 1
        end = i + 1
        while end < len(self.keys) and self.clause_of[end] == c:
            end += 1
        return start, end

    def clause_opener(self, i: int) -> str:
        """The subordinator or conjunction that opens the clause of token i ('' if none)."""
        start, _ = self.clause_span(i)
        k = self.keys[start]
        return k if k in _OPENERS or k == "و" else ""

    def verb_key(self, i: int) -> str:
        """The light-verb key of verb token i: شد for the passive auxiliary
        (whatever its lemma), else the lemma."""
        stem = self._stem(i)
        if stem.startswith(_PASSIVE_STEMS):
            return "شد"
        return "بود" if self.lemmas[i] in ("است", "هست") else self.lemmas[i]

    def _stem(self, i: int) -> str:
        text = self.keys[i]
        lemma = self.lemmas[i]
        if text.startswith("ن") and not lemma.startswith("ن"):
            text = text[1:]
        for prefix in ("می", "ب"):
            if text.startswith(prefix) and not lemma.startswith(prefix):
                text = text[len(prefix):]
                break
        return text

    def negated(self, i: int) -> bool:
        text, lemma = self.keys[i], self.lemmas[i]
        if lemma.startswith("ن"):
            return text.startswith("نن") or text.startswith("نمین")
        return text.startswith("ن")

    def verb_group(self, v: int) -> VerbGroup:
        """The tense, negation and voice of the verb at token v."""
        keys, lemmas, pos = self.keys, self.lemmas, self.pos
        negated = self.negated(v)
        future = False
        for j in (v - 1, v - 2):
            if j >= 0 and pos[j] == "AUX" and lemmas[j] == "خواست":
                future = True
                negated = negated or keys[j].startswith("ن")
                break
        after = v + 1 < len(keys) and pos[v + 1] == "AUX"
        pluperfect = after and lemmas[v + 1] == "بود" and keys[v + 1].startswith("بود") and keys[v].endswith("ه")
        stem = self._stem(v)
        past = lemmas[v]
        if stem.startswith(_PASSIVE_STEMS):  # the passive auxiliary, whatever its lemma
            past = "شد" if stem.startswith("شد") else "گردید"
        progressive = keys[v][1:] if negated else keys[v]
        if future:
            tense = "future"
        elif progressive.startswith("می") and not lemmas[v].startswith("می"):
            tense = "past" if stem.startswith(past) else "present"
        elif keys[v].endswith("ه") and not after and lemmas[v] not in _INDICATIVE_WITHOUT_MI:
            tense = "participle"
        elif lemmas[v] in _INDICATIVE_WITHOUT_MI or keys[v] in ("است", "هست"):
            tense = "past" if stem.startswith(past) and lemmas[v] != "است" and keys[v] not in ("است", "هست") else "present"
        elif stem.startswith(past):
            tense = "past"
        else:
            tense = "subjunctive"
        return VerbGroup(v, self.verb_key(v), tense, negated, pluperfect)

    def finite_tense(self, v: int) -> VerbGroup:
        """The verb group of v; a participle chained by «و» ("دیدار کرده و …
        خواهند داد") takes the tense of the next finite verb of the sentence."""
        group = self.verb_group(v)
        if group.tense != "participle":
            return group
        for j in range(v + 1, len(self.keys)):
            if self.pos[j] == "VERB":
                nxt = self.verb_group(j)
                if nxt.tense != "participle":
                    return VerbGroup(v, group.verb, nxt.tense, group.negated or nxt.negated, nxt.pluperfect)
        return VerbGroup(v, group.verb, "past", group.negated, False)

    def intent(self, start: int, end: int) -> bool:
        """True if the clause [start, end) states a plan or intention ("قرار است")."""
        keys = self.keys
        for i in range(start, end - 1):
            for word, follows in _INTENT:
                if keys[i] == word and keys[i + 1] in follows:
                    return True
        return False

    def hypothetical(self, start: int, end: int) -> bool:
        """True if the clause [start, end) is a condition or a hedge."""
        keys = self.keys
        if keys[start] in _CONDITIONAL:
            return True
        for i in range(start, end):
            if keys[i] in _HEDGES:
                return True
            if keys[i] == "صورت" and i and keys[i - 1] == "در":
                return True
            if keys[i] == "شرط" and i and keys[i - 1] in ("به", "بشرط"):
                return True
        return False
