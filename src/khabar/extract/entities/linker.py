"""Step 3 of the entity stage: linking each mention to the knowledge base,
in the order of the text, by named steps.

A role phrase is linked by `link_role_phrase`. A name goes through
`entry_by_name` (which tries `surname_of_person_named_earlier`,
`by_any_spelling`, `person_after_honorific`, `club_with_its_town`,
`by_words_after_head`, `club_after_team_words`, `medium_after_its_kind`, `government_of_leader`,
`organisation_at_end_of_its_part`, `place_at_end_of_organisation`,
`short_form_of_person_named_earlier`), then the gates
`everyday_club_outside_sport`, `surname_of_someone_else` and
`bare_word_of_another_thing`, then
`region_named_in_full_earlier`, `town_of_the_province_named` and
`town_for_its_team`; an entry that
is not the entity itself only `lend_country`; failing an entry,
`iranian_government_by_number` and `name_by_its_title`. What the text has said
so far is kept by `carry_country_of_office`, `remember_person`,
`remember_place`, `remember_medium` (for `medium_named_before`) and
`remember_stranger`; at the end, `people_named_later`. A linked entity gets the entry (`apply_entry`), and then
`regime_is_government` and `capital_stands_for_government` may make it a
government."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from khabar.extract.entities.mention import Mention
from khabar.extract.entities.names import BARE_NAMES
from khabar.extract.entities.sport import a_person_of_sport, club, club_by_everyday_name
from khabar.extract.entities.vocabulary import (
    COMPATIBLE,
    DATELINE_MARKS,
    DIRECTIONS,
    GOVERNMENT_HEADS,
    HONORIFICS,
    IRANIAN_GOVERNMENT,
    LABEL_OF_TYPE,
    LOCATIVE,
    MARTYR_WORDS,
    MEDIA_WORDS,
    PLACE_HEADS,
    PLACE_TYPES,
    REGION_HEADS,
    TEAM_HEADS,
)
from khabar.extract.kb import (
    SEAT_OF_GOVERNMENT,
    KBEntry,
    KnowledgeBase,
    knowledge_base,
    province_of,
)
from khabar.extract.roles import RolePhrase, holder_for
from khabar.model import Entity
from khabar.persian.normalize import normalized_name_key

Found = tuple[KBEntry, bool]  # an entry, and whether it is the entity itself (not only its place or leader)
QUOTES = re.compile("[«»\"“”]")
# Verbs of speech after a medium's bare name: "به فارس گفت" is said to the agency.
SPEECH = frozenset(["گفت", "گفت:", "اظهار", "افزود", "عنوان", "توضیح", "اعلام"])


@dataclass(slots=True)
class Reading:
    """What the linker knows of the text: the article's date `on` (None: not
    known), whether it is about sport (`sporty`) or a match report, and what
    the text has said so far."""

    kb: KnowledgeBase
    on: dt.date | None = None
    sporty: bool = True
    match_report: bool = False
    people: dict[str, KBEntry] = field(default_factory=dict)  # a word of a linked person's name → the person
    strangers: set[str] = field(default_factory=set)  # surnames of people named in full whom the KB does not know
    last_office: str | None = None  # the office of the person last linked, for "همتای روس او"
    country_of_office: dict[str, str] = field(default_factory=dict)  # the country last named with each office
    provinces: list[str] = field(default_factory=list)  # Iran's provinces of the places linked so far, latest last
    regions: dict[str, KBEntry] = field(default_factory=dict)  # "کردستان" → the place named "اقلیم کردستان" before
    media: dict[str, KBEntry] = field(default_factory=dict)  # "فارس" → the medium named "خبرگزاری فارس" before


def link(entities: list[Entity], on: dt.date | None = None, sporty: bool = True, *,
         match_report: bool = False) -> list[Entity]:
    """Link entities read without their sentence (no words either side, no role
    phrases): each is given its knowledge-base entry where one fits."""
    link_mentions([Mention(e) for e in entities], Reading(knowledge_base(), on, sporty, match_report))
    return entities


def link_mentions(mentions: list[Mention], reading: Reading) -> None:
    """Link the mentions of one text, in its order (each may lean on those
    before), then `people_named_later`."""
    for mention in mentions:
        link_mention(mention, reading)
    people_named_later(mentions, reading)


def people_named_later(mentions: list[Mention], reading: Reading) -> None:
    """A surname the tagger took for a place or an organisation, left unlinked,
    that a person linked later in the text bears: that person (a headline's
    "کامرون" before "دیوید کامرون" in the lead)."""
    for mention in mentions:
        entity = mention.entity
        person = reading.people.get(entity.text)
        if (entity.kb_id is None and entity.label != "PER" and mention.phrase is None and person is not None
                and " " not in entity.text.strip()):
            entity.label = "PER"
            apply_entry(entity, person)


def link_mention(mention: Mention, reading: Reading) -> None:
    """Link one mention: give its entity a knowledge-base entry, or what is
    known without one (a country, a sector)."""
    entity = mention.entity
    for phrase in (mention.phrase, mention.title):
        if phrase is not None:
            carry_country_of_office(phrase, reading)
    if mention.phrase is not None:
        entry = link_role_phrase(entity, mention.phrase, reading)
    elif mention.known is not None:
        entry = reading.kb.entries.get(mention.known)
    else:
        entry, itself = entry_by_name(entity, reading.kb, reading.people)
        if entry is not None and (everyday_club_outside_sport(entry, entity, reading)
                                  or surname_of_someone_else(entry, entity, reading)
                                  or bare_word_of_another_thing(mention)):
            entry = None
        if entry is not None and itself:
            entry = region_named_in_full_earlier(entity, entry, reading) or town_of_the_province_named(entry, reading)
        if entry is not None and itself and town_for_its_team(mention, entry, reading):
            itself = False  # the team's town lends it its country
        if entry is not None and not itself:
            lend_country(entity, entry)
            return
        if entry is None and iranian_government_by_number(entity):
            return
        if entry is None and mention.title is not None:
            entry = name_by_its_title(entity, mention.title, reading)
    if entry is None:
        remember_stranger(entity, reading)
        return
    entry = medium_named_before(mention, entry, reading)
    remember_person(entry, reading)
    remember_medium(entity, entry, reading)
    remember_place(entity, entry, reading)
    apply_entry(entity, entry)
    regime_is_government(entity, entry)
    capital_stands_for_government(mention, entry, reading)


def carry_country_of_office(phrase: RolePhrase, reading: Reading) -> None:
    """A title written without its country ("وزیر دفاع") is of the country last
    named with that office ("وزیر دفاع آمریکا … وزیر دفاع افزود"), else its
    usual one (Iran's, as the Iranian press writes it), unless the sentence
    names another country that no other title claims: then whose it is stays
    unknown (`unresolved_among_countries`). A title with its country is remembered."""
    if not (phrase.office and phrase.country):
        return
    if phrase.country_unnamed and phrase.office in reading.country_of_office:
        phrase.country = reading.country_of_office[phrase.office]
    elif not phrase.country_unnamed:
        reading.country_of_office[phrase.office] = phrase.country
    unresolved_among_countries(phrase)


def unresolved_among_countries(phrase: RolePhrase) -> None:
    """A title without its country in a sentence that names another country and
    not the one assumed ("رئیس‌جمهوری … لیتوانی", "وزیر امور خارجه … آلمان")
    may be of either: no office holder and no country, rather than the wrong
    one. With the assumed country named too ("… در سفر به ونزوئلا گفت ایران …")
    the Iranian press's reading stands."""
    others = phrase.other_countries - {phrase.country}
    if phrase.country_unnamed and others and phrase.country not in phrase.other_countries:
        phrase.office, phrase.country = None, None


def link_role_phrase(entity: Entity, phrase: RolePhrase, reading: Reading) -> KBEntry | None:
    """The entry a role phrase names: the office holder on the article's date
    (a counterpart, "همتای روس او", holds the office of the person last
    named), or for a group the organisation of that name ("وزارت امور خارجه
    روسیه"). Without one the entity keeps the phrase's country and sector."""
    if phrase.label == "PER":
        entry = holder_for(phrase, reading.kb, reading.on, reading.last_office)
    else:
        entry = reading.kb.lookup(entity.text, ("ORG",), normalized=True)
    if entry is None:
        entity.country, entity.role, entity.name_en = phrase.country, phrase.role, phrase.name_en
    return entry


def entry_by_name(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> tuple[KBEntry | None, bool]:
    """The entry the entity's name fits, and whether it is the entity itself:
    the steps of NAME_STEPS in turn (the first that finds one wins), then
    `short_form_of_person_named_earlier`."""
    for step in NAME_STEPS:
        found = step(entity, kb, people)
        if found is not None:
            return found
    return short_form_of_person_named_earlier(entity, people), True


def surname_of_person_named_earlier(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """One word the tagger took for a place or an organisation that is a word
    of the name of a person linked earlier: that person ("کامرون" after "دیوید
    کامرون", not Cameroon). The entity becomes a person."""
    if entity.label == "PER" or " " in entity.text.strip() or entity.text not in people:
        return None
    entity.label = "PER"
    return people[entity.text], True


def person_after_honorific(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """A name that begins with an honorific is a person's, whatever the tagger
    said ("حضرت امام خمینی" tagged as an organisation)."""
    words = entity.text.split()
    if entity.label == "PER" or len(words) < 2 or words[0] not in HONORIFICS:
        return None
    for k in range(1, len(words)):
        entry = kb.lookup(" ".join(words[k:]), ("PER",), normalized=True)
        if entry is not None:
            entity.label = "PER"
            return entry, True
    return None


def by_any_spelling(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The entry of the name as written, quotation marks aside, of a type the
    label allows ("پوتین", "چاووش اوغلو" for "چاووش‌اوغلو", "ایالت «وایومینگ")."""
    entry = kb.lookup(unquoted(entity.text), COMPATIBLE.get(entity.label, ()), normalized=True)
    return None if entry is None else (entry, True)


def unquoted(text: str) -> str:
    """The text without the quotation marks inside a name ("ایالت «وایومینگ")."""
    return QUOTES.sub("", text) if QUOTES.search(text) else text


def by_words_after_head(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The words after the first name the entity ("شهر آنتالیا", "آقای ظریف";
    a person only after an honorific) or only the place it belongs to ("پلیس
    پاکستان", "شهرداری ساوه": a team or a town hall, not Saveh). Not a place
    and a direction ("بخش مرکزی" is a district, not Markazi)."""
    words = unquoted(entity.text).split()
    named_by_rest = entity.label != "PER" or words[0] in HONORIFICS
    if len(words) < 2 or not named_by_rest or (len(words) == 2 and words[1] in DIRECTIONS):
        return None
    entry = kb.lookup(" ".join(words[1:]), COMPATIBLE.get(entity.label, ()), normalized=True)
    if entry is None:
        return None
    itself = words[0] in PLACE_HEADS if entry.type in PLACE_TYPES else LABEL_OF_TYPE.get(entry.type) == entity.label
    return entry, itself


def club_after_team_words(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The club named after the words for a team ("تیم فوتبال پرسپولیس")."""
    words = entity.text.split()
    if entity.label != "ORG" or len(words) < 3 or words[0] not in TEAM_HEADS:
        return None
    while len(words) > 1 and words[0] in TEAM_HEADS:
        words.pop(0)
    found = club(" ".join(words), kb)
    return None if found is None else (found, True)


def government_of_leader(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The leader a government is named for ("دولت بشار اسد", or by the surname
    of a person named earlier): it lends the entity the leader's country."""
    words = entity.text.split()
    if entity.label != "ORG" or len(words) < 2 or words[0] not in GOVERNMENT_HEADS:
        return None
    leader = kb.lookup(" ".join(words[1:]), ("PER",), normalized=True) or people.get(words[-1])
    return None if leader is None else (leader, False)


def place_at_end_of_organisation(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The place that ends an organisation's name ("فدراسیون فوتبال انگلیس",
    "شرکت ملی نفت لیبی"): it lends its country. Not a place after "شهید"
    ("مدرسه شهید نجف" is named for a martyr)."""
    words = entity.text.split()
    if entity.label != "ORG":
        return None
    for k in range(2, len(words)):
        if words[k - 1] in MARTYR_WORDS:
            continue
        place = kb.lookup(" ".join(words[k:]), ("GPE", "LOC"), normalized=True)
        if place is not None:
            return place, False
    return None


def club_with_its_town(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """A club named with its town or country ("پیکان قزوین", "رئال مادرید
    اسپانیا"): the club, if they are of one country (a club by everyday words
    only in sports news, by the gate that follows)."""
    words = entity.text.split()
    if entity.label != "ORG" or len(words) < 2:
        return None
    for k in range(len(words) - 1, 0, -1):
        found = club(" ".join(words[:k]), kb)
        place = kb.lookup(" ".join(words[k:]), PLACE_TYPES_ORDER, normalized=True) if found else None
        if found is not None and place is not None and place.country == found.country:
            return found, True  # not "فدراسیون فوتبال اسپانیا": Iran's federation is not Spain's
    return None


PLACE_TYPES_ORDER = ("GPE", "LOC")


def medium_after_its_kind(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """A medium named after the words for its kind and what it is
    ("روزنامه فرامنطقه‌ای الحیات", "شبکه تلویزیونی ماهواره‌ای المنار")."""
    words = entity.text.split()
    if entity.label != "ORG" or len(words) < 3 or words[0] not in MEDIA_WORDS:
        return None
    for k in range(2, len(words)):
        entry = kb.lookup(" ".join(words[k:]), ("ORG",), normalized=True)
        if entry is not None and entry.role == "MED":
            return entry, True
    return None


def organisation_at_end_of_its_part(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """An organisation whose name ends a longer one, after the words for one of
    its parts or people ("نیروهای امدادی هلال‌احمر", "پایگاه امداد جاده‌ای
    هلال‌احمر"): the organisation (two words or more before it; one is
    `by_words_after_head`)."""
    words = entity.text.split()
    if entity.label != "ORG" or len(words) < 3:
        return None
    for k in range(2, len(words)):
        entry = kb.lookup(" ".join(words[k:]), ("ORG",), normalized=True)
        if entry is not None and entry.role not in ("SPO", "MED"):
            return entry, True
    return None


NAME_STEPS: tuple[Callable[[Entity, KnowledgeBase, dict[str, KBEntry]], Found | None], ...] = (
    surname_of_person_named_earlier, by_any_spelling, person_after_honorific, club_with_its_town,
    by_words_after_head, club_after_team_words, medium_after_its_kind, government_of_leader,
    organisation_at_end_of_its_part, place_at_end_of_organisation,
)


def short_form_of_person_named_earlier(entity: Entity, people: dict[str, KBEntry]) -> KBEntry | None:
    """A person named by one word, honorifics aside, is the person linked
    earlier with that word in the name ("پوتین" after "ولادیمیر پوتین",
    "آیت‌الله خامنه‌ای"); not "سید هادی خامنه‌ای"."""
    words = entity.text.split()
    if entity.label != "PER" or len([w for w in words if w not in HONORIFICS]) != 1:
        return None
    return people.get(words[-1])


def everyday_club_outside_sport(entry: KBEntry, entity: Entity, reading: Reading) -> bool:
    """True for a club by everyday words in a text not about sport: "استقلال"
    is independence there, "صنعت نفت" the industry."""
    return not reading.sporty and club_by_everyday_name(entry, entity.text)


def surname_of_someone_else(entry: KBEntry, entity: Entity, reading: Reading) -> bool:
    """True for a surname alone that is not the known person's: after an
    unknown person's full name ("مومنی" after "سعید مومنی" is not the minister),
    or in a match report where the person is not of sport ("حاتمی" is a player
    there, not the army's commander), unless the full name came first."""
    if entry.type != "PER" or entity.label != "PER" or len(entity.text.split()) != 1:
        return False
    if reading.people.get(entity.text) is entry:
        return False
    return entity.text in reading.strangers or (reading.match_report and not a_person_of_sport(entry, reading.kb))


def bare_word_of_another_thing(mention: Mention) -> bool:
    """True for a word that names one actor alone followed by a word that makes
    it something else ("مجلس ختم" is a wake, not the Majlis; names.BARE_NAMES)."""
    rule = BARE_NAMES.get(mention.entity.text)
    return rule is not None and mention.after in rule[3]


def lend_country(entity: Entity, entry: KBEntry) -> None:
    """An entry that is not the entity lends it its country ("پلیس پاکستان":
    Pakistan's, not Pakistan); a leader, his government ("دولت روحانی")."""
    entity.country = entry.country
    if entry.type == "PER":
        entity.role = "GOV"


def iranian_government_by_number(entity: Entity) -> bool:
    """Iran's government named by its number or motto ("دولت یازدهم", "دولت
    تدبیر و امید"): country IRN, sector GOV. True if it was one."""
    if not IRANIAN_GOVERNMENT.fullmatch(entity.text):
        return False
    entity.country, entity.role = "IRN", "GOV"
    return True


def name_by_its_title(entity: Entity, title: RolePhrase, reading: Reading) -> KBEntry | None:
    """A name by its title ("وزیر خارجه قزاقستان، X"): the office holder on the
    article's date if the name ends with a word of the holder's; else the
    entity takes the title's country (when the title says it) and sector."""
    holder = holder_for(title, reading.kb, reading.on, reading.last_office)
    if holder is not None and entity.text.split()[-1] in " ".join(holder.names_fa).split():
        return holder
    if title.country_unnamed:  # "رئیس‌جمهور X": X's country is not said
        entity.role = title.role
    else:
        entity.country, entity.role = title.country, title.role
    return None


def town_for_its_team(mention: Mention, entry: KBEntry, reading: Reading) -> bool:
    """True for a town abroad named alone in a match report, or taken for an
    organisation in sports news, not as a place ("در لیسبون"): the team of the
    town ("بیلبائو", "مقابل العین"), which the knowledge base does not know; it
    keeps the town's country."""
    entity = mention.entity
    if not entry.id.startswith("L:gn") or entity.kb_id is not None or mention.before in LOCATIVE:
        return False
    return (entity.label == "ORG" and reading.sporty) or (entity.label == "LOC" and reading.match_report)


def region_named_in_full_earlier(entity: Entity, entry: KBEntry, reading: Reading) -> KBEntry | None:
    """A place named by one word that a region of the text was named by in full
    ("کردستان" after "اقلیم کردستان" is Iraq's Kurdistan Region, not Iran's
    province; "آذربایجان" after "جمهوری آذربایجان" the republic)."""
    region = reading.regions.get(entity.text)
    if entity.label != "LOC" or region is None or region is entry or " " in entity.text.strip():
        return None
    return region


def town_of_the_province_named(entry: KBEntry, reading: Reading) -> KBEntry:
    """Of Iranian towns that share a name ("حاجی‌آباد" of Fars, Hormozgan and
    South Khorasan), the one of the province the text named last (by its
    province or a town of it: "به گزارش فارس از بیرجند"); else the usual one."""
    if not entry.id.startswith("L:IR-") or not reading.provinces:
        return entry
    namesakes = [i for i in reading.kb.by_name.get(normalized_name_key(entry.names_fa[0]), ()) if i.startswith("L:IR-")]
    for province in reversed(reading.provinces):
        for eid in namesakes:
            if province_of(eid, reading.kb) == province:
                return reading.kb.entries[eid]
    return entry


def medium_named_before(mention: Mention, entry: KBEntry, reading: Reading) -> KBEntry:
    """A medium's bare name after the text named it with its kind ("خبرگزاری
    فارس … این کارگردان به فارس گفت"): the medium, not the province, where
    the name is not a place's ("در فارس") or is spoken to ("به فارس گفت")."""
    medium = reading.media.get(mention.entity.text)
    if medium is None or medium is entry or entry.type not in PLACE_TYPES or entry.id.startswith("G:"):
        return entry  # "فرانسه" after "خبرگزاری فرانسه" is still France
    if mention.before in LOCATIVE and mention.after not in SPEECH:
        return entry
    mention.entity.label = "ORG"
    return medium


def remember_medium(entity: Entity, entry: KBEntry, reading: Reading) -> None:
    """A medium named with its kind ("خبرگزاری فارس"): its bare name is the medium from now on."""
    words = entity.text.split()
    if entry.role == "MED" and len(words) > 1 and words[0] in MEDIA_WORDS:
        reading.media[" ".join(words[1:])] = entry


def remember_place(entity: Entity, entry: KBEntry, reading: Reading) -> None:
    """A place linked: its Iranian province, and the last word of a region named
    with its kind ("اقلیم کردستان", "جمهوری آذربایجان")."""
    if entry.type not in PLACE_TYPES:
        return
    province = province_of(entry.id, reading.kb)
    if province is not None:
        if province in reading.provinces:
            reading.provinces.remove(province)  # at most Iran's 31 provinces, the one named last last
        reading.provinces.append(province)
    words = entity.text.split()
    if len(words) == 2 and words[0] in REGION_HEADS:
        reading.regions[words[1]] = entry


def remember_stranger(entity: Entity, reading: Reading) -> None:
    """A person named in full whom the KB does not know: the surname alone is
    theirs from now on, not a known person's."""
    if entity.label == "PER" and len(entity.text.split()) > 1:
        surname = entity.text.split()[-1]
        reading.strangers.add(surname)
        reading.people.pop(surname, None)


def remember_person(entry: KBEntry, reading: Reading) -> None:
    """A person linked: the words of the name after the first stand for them
    from now on ("پوتین" after "ولادیمیر پوتین"; not "مهدی" after "مهدی
    طارمی"), and their office on the date is the one a counterpart holds."""
    if entry.type != "PER":
        return
    names = entry.names_fa[0].split()
    for word in names[1:] or names:
        reading.people[word] = entry
        reading.strangers.discard(word)
    offices = [t.office for t in reading.kb.terms_of(entry.id, reading.on)]
    reading.last_office = offices[0] if offices else reading.last_office


def apply_entry(entity: Entity, entry: KBEntry) -> None:
    """The entity is the entry: its id, English name, country and sector."""
    entity.kb_id, entity.name_en = entry.id, entry.name_en
    entity.country, entity.role = entry.country, entry.role


def regime_is_government(entity: Entity, entry: KBEntry) -> None:
    """A country named with a word for its government ("رژیم صهیونیستی",
    "نظام جمهوری اسلامی") is its government, as "دولت آمریکا" is America's."""
    if entry.type == "GPE" and entity.text.split()[0] in GOVERNMENT_HEADS:
        entity.role = "GOV"


def capital_stands_for_government(mention: Mention, entry: KBEntry, reading: Reading) -> None:
    """A seat of government that is not the place of something ("آنکارا و
    مسکو گفت‌وگو می‌کنند", not "در آنکارا", "استاندار تهران" or a dateline)
    stands for its government: country and sector GOV. Not in sports news,
    where a capital is a team's city ("آبی‌پوشان ریاض")."""
    entity = mention.entity
    if entity.label != "LOC" or reading.sporty or mention.before in LOCATIVE or mention.after in DATELINE_MARKS:
        return
    seat = [t.country for t in reading.kb.terms_of(entry.id, reading.on) if t.office == SEAT_OF_GOVERNMENT]
    if seat:
        entity.country, entity.role = seat[0], "GOV"
