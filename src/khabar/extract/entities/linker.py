"""Step 3 of the entity stage: linking each mention to the knowledge base,
in the order of the text, by named steps.

A role phrase is linked by `link_role_phrase`. A name goes through
`entry_by_name` (which tries `by_any_spelling`, `by_words_after_head`,
`club_after_team_words`, `government_of_leader`,
`place_at_end_of_organisation`, `short_form_of_person_named_earlier`), then the
gates `everyday_club_outside_sport` and `surname_of_someone_else`; an entry
that is not the entity itself only `lend_country`; failing an entry,
`iranian_government_by_number` and `name_by_its_title`. What the text has said
so far is kept by `carry_country_of_office`, `remember_person` and
`remember_stranger`. A linked entity gets the entry (`apply_entry`), and then
`regime_is_government` and `capital_stands_for_government` may make it a
government."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from khabar.extract.entities.mention import Mention
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
    PLACE_HEADS,
    PLACE_TYPES,
    TEAM_HEADS,
)
from khabar.extract.kb import SEAT_OF_GOVERNMENT, KBEntry, KnowledgeBase, knowledge_base
from khabar.extract.roles import RolePhrase, holder_for
from khabar.model import Entity

Found = tuple[KBEntry, bool]  # an entry, and whether it is the entity itself (not only its place or leader)


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


def link(entities: list[Entity], on: dt.date | None = None, sporty: bool = True, *,
         match_report: bool = False) -> list[Entity]:
    """Link entities read without their sentence (no words either side, no role
    phrases): each is given its knowledge-base entry where one fits."""
    link_mentions([Mention(e) for e in entities], Reading(knowledge_base(), on, sporty, match_report))
    return entities


def link_mentions(mentions: list[Mention], reading: Reading) -> None:
    """Link the mentions of one text, in its order (each may lean on those before)."""
    for mention in mentions:
        link_mention(mention, reading)


def link_mention(mention: Mention, reading: Reading) -> None:
    """Link one mention: give its entity a knowledge-base entry, or what is
    known without one (a country, a sector)."""
    entity = mention.entity
    for phrase in (mention.phrase, mention.title):
        if phrase is not None:
            carry_country_of_office(phrase, reading)
    if mention.phrase is not None:
        entry = link_role_phrase(entity, mention.phrase, reading)
    else:
        entry, itself = entry_by_name(entity, reading.kb, reading.people)
        if entry is not None and (everyday_club_outside_sport(entry, entity, reading)
                                  or surname_of_someone_else(entry, entity, reading)):
            entry = None
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
    remember_person(entry, reading)
    apply_entry(entity, entry)
    regime_is_government(entity, entry)
    capital_stands_for_government(mention, entry, reading)


def carry_country_of_office(phrase: RolePhrase, reading: Reading) -> None:
    """A title written without its country ("وزیر دفاع") is of the country last
    named with that office ("وزیر دفاع آمریکا … وزیر دفاع افزود"), else its
    usual one (Iran's, as the Iranian press writes it); a title with its
    country is remembered."""
    if not (phrase.office and phrase.country):
        return
    if phrase.country_unnamed and phrase.office in reading.country_of_office:
        phrase.country = reading.country_of_office[phrase.office]
    elif not phrase.country_unnamed:
        reading.country_of_office[phrase.office] = phrase.country


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


def by_any_spelling(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The entry of the name as written, of a type the label allows ("پوتین",
    "چاووش اوغلو" for "چاووش‌اوغلو")."""
    entry = kb.lookup(entity.text, COMPATIBLE.get(entity.label, ()), normalized=True)
    return None if entry is None else (entry, True)


def by_words_after_head(entity: Entity, kb: KnowledgeBase, people: dict[str, KBEntry]) -> Found | None:
    """The words after the first name the entity ("شهر آنتالیا", "آقای ظریف";
    a person only after an honorific) or only the place it belongs to ("پلیس
    پاکستان", "شهرداری ساوه": a team or a town hall, not Saveh). Not a place
    and a direction ("بخش مرکزی" is a district, not Markazi)."""
    words = entity.text.split()
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


NAME_STEPS: tuple[Callable[[Entity, KnowledgeBase, dict[str, KBEntry]], Found | None], ...] = (
    by_any_spelling, by_words_after_head, club_after_team_words, government_of_leader, place_at_end_of_organisation,
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
