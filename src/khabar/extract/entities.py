"""Named entities: PER, LOC, ORG and EVENT spans found by the CRF tagger
(extract/ner.py, trained by tools/train_ner.py), linked to the
knowledge base (extract/kb.py) where an entry fits; others keep kb_id None."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from khabar.extract.kb import KBEntry, KnowledgeBase, knowledge_base
from khabar.extract.ner import entity_spans, tag_document
from khabar.extract.roles import RolePhrase, find_roles, holder_for


@dataclass(slots=True)
class Entity:
    """A named entity: text[start:end] of the Doc."""

    start: int
    end: int
    text: str
    label: str
    kb_id: str | None = None
    name_en: str | None = None
    country: str | None = None
    role: str | None = None
    role_phrase: RolePhrase | None = field(default=None, repr=False, compare=False)  # it is one
    title: RolePhrase | None = field(default=None, repr=False, compare=False)  # one stands before it
    before: str = field(default="", repr=False, compare=False)  # the word before it
    after: str = field(default="", repr=False, compare=False)  # the word after it

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "label": self.label,
                "kb_id": self.kb_id, "name_en": self.name_en, "country": self.country, "role": self.role}


# The knowledge-base types an entity of each label may be linked to, preferred first.
COMPATIBLE = {
    "PER": ("PER",), "ORG": ("ORG", "PRODUCT", "FAC", "EVENT", "GPE"), "LOC": ("GPE", "LOC", "FAC"),
    "EVENT": ("EVENT",), "FAC": ("FAC", "LOC"),
}
DATELINE_MARKS = frozenset(["-", "–", "—", "/"])  # "تهران - ایرنا -": the place of the dateline
COORDINATORS = frozenset(["و", "،", ","])
DIRECTIONS = frozenset(["شمالی", "جنوبی", "شرقی", "غربی", "مرکزی", "میانه", "علیا", "سفلی", "شمال", "جنوب", "شرق", "غرب"])
APPOSITION_MARKS = frozenset(["،", "«", "»", "(", ")", ":"])  # between a name and its title
# Words before a capital that make it the place, not the government ("در آنکارا").
LOCATIVE = frozenset([
    "در", "به", "از", "تا", "شهر", "پایتخت", "سوی", "مقصد", "ساکن", "فرودگاه", "سفر", "سفرش",
    "بورس", "دانشگاه", "بازار", "متروی", "مترو", "خیابان", "میدان", "هتل", "بیمارستان", "ورزشگاه",
    # the city's own offices and people: "استاندار تهران" is Tehran's governor, not Iran's government
    "استاندار", "استانداری", "شهردار", "شهرداری", "فرماندار", "فرمانداری", "بخشدار", "دادستان", "دادستانی",
    "مردم", "ساکنان", "شهروندان", "اهالی", "نماینده", "نمایندگان", "استان", "شهرستان",
])
LABEL_OF_TYPE = {"PER": "PER", "ORG": "ORG", "PRODUCT": "ORG", "GPE": "LOC", "LOC": "LOC", "EVENT": "EVENT"}


def extract_entities(
    text: str, sentences: list[list[tuple[int, int]]], on: dt.date | None = None
) -> list[Entity]:
    """The entities of `text` given each sentence's token spans, linked to the
    knowledge base; a knowledge-base name the tagger missed is added when it
    cannot be an everyday word (several words, or a dotted acronym); role
    phrases ("وزیر امور خارجه ترکیه", "همتای روس او", "دولت عراق") resolved
    on the date `on` (the article's; today's when None)."""
    kb = knowledge_base()
    found: list[Entity] = []
    sports_words = len(SPORTS_WORDS.findall(text))
    sporty = sports_words > 0
    all_words = [[text[s:e] for s, e in spans] for spans in sentences]
    all_tags = tag_document(all_words)  # one article: a name found once is found where it repeats
    for spans, words, tags in zip(sentences, all_words, all_tags, strict=True):
        taken = [False] * len(words)
        mine: list[tuple[int, int, Entity]] = []
        for first, end, label in entity_spans(tags):
            while first < end and not _wordlike(words[first]):
                first += 1
            while end > first and not _wordlike(words[end - 1]):
                end -= 1
            if first == end or taken[first]:
                continue  # nothing left, or already inside a name that was extended
            allowed = COMPATIBLE.get(label, ())  # "آبادان" (a place) does not grow into "نفت آبادان" (a club)
            grown = _grown_left(words, first, end, allowed, sporty, kb) if first > 0 and not taken[first - 1] else None
            if grown is not None:
                first -= 1  # "شمال آفریقا" where the tagger saw only "آفریقا"
                if grown.type not in allowed:
                    label = "ORG"  # "آلومینیوم اراک" in sports news: the club, where the tagger saw the town
            for more in (2, 1):  # "اسپوتنیک وی" where the tagger saw only "اسپوتنیک" (words, not a full stop)
                if (end + more <= len(words) and all(_wordlike(w) for w in words[end : end + more])
                        and kb.lookup(" ".join(words[first : end + more]), allowed, normalized=True)):
                    end += more
                    break
            taken[first:end] = [True] * (end - first)
            for part_first, part_end in _split_coordinated(words, first, end, label, kb):
                while part_first < part_end and not _wordlike(words[part_first]):
                    part_first += 1  # a part between quotes: « ماناتل پارس » ، « مدیا پردازش »
                while part_end > part_first and not _wordlike(words[part_end - 1]):
                    part_end -= 1
                for a, b, kind in _split_known(words, part_first, part_end, label, kb) if part_end > part_first else ():
                    mine.append((a, b, _entity(text, spans, a, b, kind, words)))
        for first, end, entry in _kb_names(words, kb):
            if not sporty and _club_by_everyday_name(entry, " ".join(words[first:end])):
                continue  # "صنعت نفت" outside sports news is the industry, not the club
            if not any(taken[first:end]):
                taken[first:end] = [True] * (end - first)
                mine.append((first, end, _entity(text, spans, first, end, LABEL_OF_TYPE.get(entry.type, "ORG"), words)))
        found.extend(e for _, _, e in _with_roles(mine, words, text, spans, kb))
    found.sort(key=lambda e: e.start)
    return link(found, on, sporty, match_report=sports_words >= MATCH_REPORT_WORDS)


def _grown_left(words: list[str], first: int, end: int, allowed: tuple[str, ...], sporty: bool, kb) -> KBEntry | None:
    """The KB entry the tagged words make with the word before them: one of a
    type the tag allows, or in sports news a club ("آلومینیوم" + "اراک")."""
    if not _wordlike(words[first - 1]):
        return None
    phrase = " ".join(words[first - 1 : end])
    grown = kb.lookup(phrase, allowed, normalized=True)
    return _club(phrase, kb) if grown is None and sporty else grown


def _club(name: str, kb: KnowledgeBase) -> KBEntry | None:
    """The sports club (or body) of that name, if the knowledge base has one."""
    entry = kb.lookup(name, ("ORG",), normalized=True)
    return entry if entry is not None and entry.role == "SPO" else None


def _entity(text: str, spans: list[tuple[int, int]], a: int, b: int, label: str, words: list[str]) -> Entity:
    start, stop = spans[a][0], spans[b - 1][1]
    return Entity(start, stop, text[start:stop], label, before=words[a - 1] if a else "",
                  after=words[b] if b < len(words) else "")


def _with_roles(
    mine: list[tuple[int, int, Entity]], words: list[str], text: str, spans: list[tuple[int, int]], kb: KnowledgeBase
) -> list[tuple[int, int, Entity]]:
    """The sentence's entities with its role phrases: a phrase replaces the
    places inside it ("ترکیه" in "وزیر امور خارجه ترکیه"); a phrase next to a
    name ("وزیر خارجه قزاقستان، …", "… وزیر امور خارجه ترکیه") is that name's
    title, lending it its country and role."""
    for phrase in find_roles(words, kb):
        crossing = [m for m in mine if m[0] < phrase.end and phrase.first < m[1]]
        same_span = [m for m in crossing if (m[0], m[1]) == (phrase.first, phrase.end)]  # "مقام معظم رهبری" tagged PER
        if any(m[0] < phrase.first or m[1] > phrase.end or (m[2].label == "PER" and m not in same_span) for m in crossing):
            continue
        after = phrase.end
        while after < len(words) and after - phrase.end < 2 and words[after] in APPOSITION_MARKS:
            after += 1
        before = phrase.first
        while before and phrase.first - before < 2 and words[before - 1] in APPOSITION_MARKS:
            before -= 1  # "«دونالد ترامپ»، رئیس‌جمهور آمریکا": two marks between name and title
        named = next((m[2] for m in mine if m[2].label == "PER" and (m[0] == after or m[1] == before)), None)
        if phrase.label == "PER" and named is not None:
            named.title = phrase  # the name is the entity; the title's own words are not
            mine = [m for m in mine if m not in crossing or m[2].label == "LOC"]
            continue
        mine = [m for m in mine if m not in crossing]
        entity = _entity(text, spans, phrase.first, phrase.end, phrase.label, words)
        entity.role_phrase = phrase
        mine.append((phrase.first, phrase.end, entity))
    return sorted(mine, key=lambda m: m[0])


def _split_coordinated(words: list[str], first: int, end: int, label: str, kb) -> list[tuple[int, int]]:
    """Places the tagger ran together over "و" or "،" ("منطقه ادلب و شمال شرق سوریه")
    are split there, unless the whole is one known name ("سیستان و بلوچستان") or
    a part is a direction alone ("اروپای مرکزی و غربی")."""
    cuts = [k for k in range(first + 1, end - 1) if words[k] in COORDINATORS]
    if label != "LOC" or not cuts or kb.lookup(" ".join(words[first:end]), normalized=True):
        return [(first, end)]
    bounds = [first, *cuts, end]
    parts = [(a + (a != first), b) for a, b in zip(bounds[:-1], bounds[1:], strict=True) if b > a + (a != first)]
    if any(b - a == 1 and words[a] in DIRECTIONS for a, b in parts):
        return [(first, end)]  # "اروپای مرکزی و غربی": one region
    return parts


def _split_known(words: list[str], first: int, end: int, label: str, kb) -> list[tuple[int, int, str]]:
    """Two known names of different kinds the tagger ran together ("کرملین
    پوتین") become two entities; an organisation named with its place or its
    parent ("حزب‌الله کردستان عراق", "مقاومت البرز", "نیروی قدس سپاه …") stays whole."""
    if end - first > 1 and kb.lookup(" ".join(words[first:end]), normalized=True) is None:
        for k in range(first + 1, end):
            left = kb.lookup(" ".join(words[first:k]), normalized=True)
            right = kb.lookup(" ".join(words[k:end]), normalized=True)
            if left and right and label == "ORG" and (right.type in _PLACE_TYPES or left.type == right.type):
                continue
            if left and right:
                return [(first, k, LABEL_OF_TYPE.get(left.type, label)), (k, end, LABEL_OF_TYPE.get(right.type, label))]
    return [(first, end, label)]


def _kb_names(words: list[str], kb) -> list[tuple[int, int, KBEntry]]:
    """Knowledge-base names in the words that are safe to take without the tagger."""
    out = []
    for i in range(len(words)):
        if words[i] not in kb.first_words and "." not in words[i]:
            continue
        for n in (4, 3, 2, 1):
            if i + n > len(words):
                continue
            phrase = " ".join(words[i : i + n])
            if n == 1 and "." not in phrase:
                continue  # one word is taken from the tagger
            entry = kb.lookup(phrase, normalized=True)
            if entry is not None and all(_wordlike(w) for w in words[i : i + n]):  # "مالی ." is not Mali
                out.append((i, i + n, entry))
                break
    return out


# Words of sports news: a club named like a company or a common word ("استقلال",
# "ذوب آهن", "صنعت نفت") is linked to the club only in a text that has one.
SPORTS_WORDS = re.compile(
    r"(?<![\w\u200c])(?:فوتبال|فوتسال|والیبال|بسکتبال|لیگ|سرمربی|سرمربیگری|بازیکن|بازیکنان|دروازه‌بان|هافبک|مهاجم|پنالتی|ورزشگاه"
    r"|هم‌تیمی(?:‌ها|‌هایش|‌اش)?|گلزنی|لالیگا|پریمیرلیگ|بوندس‌لیگا|بوندسلیگا|دفاع\s+(?:چپ|راست)|ورزش\s*سه|ورزش۳)(?![\w\u200c])"
)


# A text with this many words of sport is about sport (a match, a club, a player), not
# merely touching on it as a political article may ("وزیر ورزش", "ورزشگاه آزادی").
MATCH_REPORT_WORDS = 3


def _club_by_everyday_name(entry: KBEntry, name: str) -> bool:
    """A sports club named so that the name may mean something else: an Iranian
    club (named for a company, a word or a town: "صنعت نفت", "استقلال") or any
    club by one word ("بارسلونا", the city); not "رئال مادرید" or "بایرن مونیخ"."""
    return entry.role == "SPO" and (entry.country == "IRN" or len(name.split()) < 2)


def link(entities: list[Entity], on: dt.date | None = None, sporty: bool = True, *,
         match_report: bool = False) -> list[Entity]:
    """Give each entity its knowledge-base entry where one fits: by any spelling
    of its name; a person's short form by the full name seen earlier in the
    text ("پوتین" after "ولادیمیر پوتین"); a name after a title word ("شهر
    آنتالیا") by the words after it, when the types agree. Role phrases get the
    office holder on the date `on`; a counterpart ("همتای روس او") holds the
    office of the person last named. A seat of government that is not the
    place of something ("آنکارا و مسکو گفت‌وگو می‌کنند", not "در آنکارا")
    stands for its government: country and role GOV. A title written without
    its country ("وزیر دفاع") is of the country last named with that office in
    the text, else its usual one (Iran's, as the Iranian press writes it). A
    sports club named by everyday words is linked only in a text about sport
    (`sporty`), where a capital stands for a team or a city, not a government
    ("آبی‌پوشان ریاض"). In a text about sport (`match_report`) a surname alone
    is a player's or a coach's unless the full name came first or the person
    held an office of sport: "حاتمی" there is not the army's commander. In any
    text a surname alone after an unknown person's full name is that person's
    ("مومنی" after "سعید مومنی" is not the minister Eskandar Momeni)."""
    kb = knowledge_base()
    people: dict[str, KBEntry] = {}
    strangers: set[str] = set()  # surnames of people named in full whom the KB does not know
    last_office: str | None = None
    country_of_office: dict[str, str] = {}  # the country last named with each office
    for entity in entities:
        phrase, title = entity.role_phrase, entity.title
        for named in (phrase, title):
            if named is not None and named.office and named.country:
                if named.country_unnamed and named.office in country_of_office:
                    named.country = country_of_office[named.office]  # "وزیر دفاع آمریکا … وزیر دفاع افزود"
                elif not named.country_unnamed:
                    country_of_office[named.office] = named.country
        if phrase is not None:
            entry = _role_entry(entity, phrase, kb, on, last_office)
        else:
            entry, itself = _name_entry(entity, kb, people)
            if entry is not None and not sporty and _club_by_everyday_name(entry, entity.text):
                entry = None
            alone = entity.label == "PER" and len(entity.text.split()) == 1
            if entry is not None and entry.type == "PER" and alone and people.get(entity.text) is not entry and (
                    entity.text in strangers or (match_report and not _a_person_of_sport(entry, kb))):
                entry = None  # "مومنی" after "سعید مومنی", not the minister
            if entry is not None and not itself:
                entity.country = entry.country  # "پلیس پاکستان": Pakistan's, not Pakistan
                if entry.type == "PER":
                    entity.role = "GOV"  # "دولت روحانی": the government the person led
                continue
            if entry is None and IRANIAN_GOVERNMENT.fullmatch(entity.text):
                entity.country, entity.role = "IRN", "GOV"  # "دولت یازدهم": Iran's, by its number
                continue
            if entry is None and title is not None:  # a name by its title: "وزیر خارجه قزاقستان، X"
                holder = holder_for(title, kb, on, last_office)
                if holder is not None and entity.text.split()[-1] in " ".join(holder.names_fa).split():
                    entry = holder
                elif title.country_unnamed:  # "رئیس‌جمهور X": X's country is not said
                    entity.role = title.role
                else:
                    entity.country, entity.role = title.country, title.role
        if entry is None:
            if entity.label == "PER" and len(entity.text.split()) > 1:
                surname = entity.text.split()[-1]
                strangers.add(surname)
                people.pop(surname, None)
            continue
        if entry.type == "PER":
            names = entry.names_fa[0].split()
            for word in names[1:] or names:  # "پوتین" after "ولادیمیر پوتین"; not "مهدی" after "مهدی طارمی"
                people[word] = entry
                strangers.discard(word)
            offices = [t.office for t in kb.terms_of(entry.id, on)]
            last_office = offices[0] if offices else last_office
        entity.kb_id, entity.name_en = entry.id, entry.name_en
        entity.country, entity.role = entry.country, entry.role
        if entry.type == "GPE" and entity.text.split()[0] in GOVERNMENT_HEADS:
            entity.role = "GOV"  # "رژیم صهیونیستی": Israel's government, as "دولت آمریکا" is America's
        if entity.label == "LOC" and not sporty and entity.before not in LOCATIVE and entity.after not in DATELINE_MARKS:
            seat = [t.country for t in kb.terms_of(entry.id, on) if t.office == "seat_of_government"]
            if seat:
                entity.country, entity.role = seat[0], "GOV"
    return entities


def _a_person_of_sport(entry: KBEntry, kb: KnowledgeBase) -> bool:
    """Whether the person is of sport: a player or a coach, or one who held an
    office of sport at any time (a minister of sport)."""
    return entry.role == "SPO" or any(t.holder == entry.id and "sport" in t.office for t in kb.terms)


# Words before a place's name that say what kind of place it is: "شهر آنتالیا" is Antalya.
PLACE_HEADS = frozenset([
    "شهر", "شهرستان", "استان", "کشور", "جزیره", "جزایر", "منطقه", "بندر", "روستا", "بخش", "دهستان", "ایالت",
    "پایتخت", "جمهوری", "کلان‌شهر", "سرزمین", "شبه‌جزیره", "خطه",
])
_PLACE_TYPES = frozenset(["GPE", "LOC"])
GOVERNMENT_HEADS = frozenset(["دولت", "حکومت", "کابینه", "رژیم", "نظام"])
# Iran's governments are named by their number since the revolution, or by their motto.
IRANIAN_GOVERNMENT = re.compile(
    r"دولت\s+(?:اول|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم|دهم|یازدهم|دوازدهم|سیزدهم|چهاردهم|تدبیر\s+و\s+امید)"
)
# Words before a club's name: "تیم فوتبال پرسپولیس", "باشگاه فرهنگی ورزشی سپاهان".
TEAM_HEADS = frozenset([
    "تیم", "باشگاه", "فوتبال", "فوتسال", "والیبال", "بسکتبال", "هندبال", "فرهنگی", "ورزشی", "فرهنگی‌ورزشی",
])
# Words before a person's name that are not part of it: "آقای ظریف", "سردار سلامی". Any
# other first word is a first name, and "هادی زارع‌پور" is not "عیسی زارع‌پور".
HONORIFICS = frozenset([
    "آقای", "خانم", "دکتر", "مهندس", "استاد", "سردار", "سرلشکر", "سرتیپ", "سرهنگ", "ژنرال", "امیر",
    "دریادار", "حجت‌الاسلام", "آیت‌الله", "حضرت", "امام", "شیخ", "سید", "حاج", "شهید", "مرحوم", "علامه",
])


def _name_entry(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> tuple[KBEntry | None, bool]:
    """The entry the entity's name fits, and whether it is the entity itself:
    the words after the first may name it ("باشگاه پرسپولیس", "شهر آنتالیا",
    "آقای ظریف"; a person only after an honorific) or only the place it belongs
    to ("پلیس پاکستان", "شهروند ساری", a team; not Sari), which lends it a
    country and nothing else, as a place at the end of an organisation's name
    does ("وزارت بهداشت افغانستان")."""
    allowed = COMPATIBLE.get(entity.label, ())
    entry = kb.lookup(entity.text, allowed, normalized=True)
    words = entity.text.split()
    named_by_rest = entity.label != "PER" or words[0] in HONORIFICS
    if entry is None and len(words) > 1 and named_by_rest and not (len(words) == 2 and words[1] in DIRECTIONS):
        entry = kb.lookup(" ".join(words[1:]), allowed, normalized=True)  # not "بخش مرکزی" (a district), Markazi
        if entry is not None:
            itself = words[0] in PLACE_HEADS if entry.type in _PLACE_TYPES else LABEL_OF_TYPE.get(entry.type) == entity.label
            return entry, itself
    if entry is None and entity.label == "ORG" and len(words) > 2 and words[0] in TEAM_HEADS:
        rest = list(words)
        while len(rest) > 1 and rest[0] in TEAM_HEADS:
            rest.pop(0)
        club = _club(" ".join(rest), kb)
        if club is not None:
            return club, True  # "تیم فوتبال پرسپولیس"
    if entry is None and entity.label == "ORG" and len(words) > 1 and words[0] in GOVERNMENT_HEADS:
        leader = kb.lookup(" ".join(words[1:]), ("PER",), normalized=True) or people.get(words[-1])
        if leader is not None:
            return leader, False  # "دولت بشار اسد": the government of the leader's country
    if entry is None and entity.label == "ORG":  # "فدراسیون فوتبال انگلیس", "شرکت ملی نفت لیبی"
        for k in range(2, len(words)):
            if words[k - 1] in ("شهید", "شهدای"):
                continue  # "مدرسه شهید نجف": named for a martyr, not a place
            place = kb.lookup(" ".join(words[k:]), ("GPE", "LOC"), normalized=True)
            if place is not None:
                return place, False
    bare = [w for w in words if w not in HONORIFICS]
    if entry is None and entity.label == "PER" and len(bare) == 1:  # "خامنه‌ای", "آیت‌الله خامنه‌ای"; not "سید هادی خامنه‌ای"
        entry = people.get(words[-1])
    return entry, True


def _role_entry(entity: Entity, phrase: RolePhrase, kb: KnowledgeBase, on, last_office: str | None) -> KBEntry | None:
    """The entry a role phrase names: the office holder, or for a group the
    organisation of that name ("وزارت امور خارجه روسیه"); None leaves the
    entity with the phrase's country and role."""
    entry = holder_for(phrase, kb, on, last_office) if phrase.label == "PER" else kb.lookup(entity.text, ("ORG",), normalized=True)
    if entry is None:
        entity.country, entity.role, entity.name_en = phrase.country, phrase.role, phrase.name_en
    return entry


def _wordlike(token: str) -> bool:
    """A token that can be part of a name (not punctuation)."""
    return any(c.isalnum() for c in token)
