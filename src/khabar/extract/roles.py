"""Role phrases: actors named by their office or group rather than by name.

"وزیر امور خارجه ترکیه" (a title and a country) is the person who held that
office on the article's date; "همتای روس او" is the Russian holder of the office
of the person last named; "دولت عراق", "ارتش آمریکا", "مقامات روس" are a
country's government, military or officials. Titles, demonyms and office
holders come from the knowledge base (extract/kb.py)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from khabar.extract.kb import KBEntry, KnowledgeBase
from khabar.persian.normalize import name_key, normalized_name_key

# Words that make a country's collective actor: (sector, English head).
GROUPS = {
    name_key(words): value
    for words, value in {
        "دولت": ("GOV", "Government of"),
        "حکومت": ("GOV", "Government of"),
        "مقامات": ("GOV", "Officials of"),
        "مقام‌های": ("GOV", "Officials of"),
        "مسئولان": ("GOV", "Officials of"),
        "ارتش": ("MIL", "Armed forces of"),
        "نیروهای مسلح": ("MIL", "Armed forces of"),
        "نیروهای نظامی": ("MIL", "Armed forces of"),
        "پارلمان": ("LEG", "Parliament of"),
        "وزارت امور خارجه": ("GOV", "Ministry of Foreign Affairs of"),
        "وزارت خارجه": ("GOV", "Ministry of Foreign Affairs of"),
        "وزارت دفاع": ("MIL", "Ministry of Defence of"),
        "سفارت": ("GOV", "Embassy of"),
        "سفیر": ("GOV", "Ambassador of"),
    }.items()
}
ONE_PERSON = {name_key("سفیر")}  # the group words that name one person
COUNTERPART = {name_key(w) for w in ("همتای", "همتا")}
OUR_COUNTRY = {name_key(w) for w in ("کشورمان", "میهنمان")}
PRONOUNS = {"خود", "او", "وی", "ایشان"}
# Words between a title and its country: former, then-, elect name someone other
# than the holder on the article's date; current and new do not.
FORMER = frozenset({"سابق", "پیشین", "اسبق", "وقت", "منتخب"})
MODIFIERS = FORMER | {"کنونی", "فعلی", "جدید"}
MAX_HEAD_WORDS = 7
# A word of courtesy inside or after a title: "وزیر محترم اطلاعات", "رئیس جمهور محترم".
COURTESY = frozenset({"محترم"})
# Words before a title that make it anyone's: "یک رئیس‌جمهور کرد", "هیچ وزیری".
INDEFINITE = frozenset({"یک", "هیچ", "هر", "چند", "برخی"})
# Country names that are far more often everyday words: "مشکلات مالی" is not Mali. They
# name a country after a title ("رئیس‌جمهور مالی"), not elsewhere in a sentence.
EVERYDAY_COUNTRY_WORDS = frozenset({"مالی"})


@dataclass(slots=True)
class RolePhrase:
    """words[first:end] name an actor by office or group."""

    first: int
    end: int
    label: str  # PER for an office holder, ORG for a group
    country: str | None
    role: str
    office: str | None = None  # None for groups; for a counterpart, filled from context
    counterpart: bool = False
    name_en: str | None = None
    country_unnamed: bool = False  # no country written: the title's usual one, unless the text named another
    other_countries: frozenset[str] = frozenset()  # countries the sentence names that no other title claims


@lru_cache(maxsize=2)
def _prefixes(kb: KnowledgeBase) -> frozenset[str]:
    """Every beginning of the key of a title, group head or "همتای": a word
    whose key is not one cannot begin a role phrase."""
    keys = [*kb.titles, *GROUPS, *COUNTERPART]
    return frozenset(k[:n] for k in keys for n in range(1, len(k) + 1))


WORDS_KEPT = 100_000  # word forms whose answer to "may it begin a role phrase?" is kept


@lru_cache(maxsize=2)
def _may_begin(kb: KnowledgeBase) -> dict[str, bool]:
    """Word form → whether its key is in `_prefixes(kb)`, filled as words come
    (most words of a text are asked, and words repeat)."""
    return {}


def find_roles(words: list[str], kb: KnowledgeBase, names: list[tuple[int, int]] = ()) -> list[RolePhrase]:
    """The role phrases of one sentence's words, left to right, not overlapping;
    a title written without its country knows the countries the sentence names
    that are not another title's nor inside a name (`names`: the spans of the
    sentence's organisations and people: "کمیسیون سیاست خارجی مجلس سوئد")."""
    found: list[RolePhrase] = []
    prefixes, may_begin = _prefixes(kb), _may_begin(kb)
    i = 0
    while i < len(words):
        word = words[i]
        begins = may_begin.get(word)
        if begins is None:  # a word form not seen before
            if len(may_begin) >= WORDS_KEPT:
                may_begin.clear()
            begins = may_begin[word] = normalized_name_key(word) in prefixes
        if not begins:
            i += 1
            continue
        phrase = _role_at(words, i, kb)
        if phrase is None:
            i += 1
            continue
        found.append(phrase)
        i = phrase.end
    if any(p.country_unnamed for p in found):
        free = free_countries(words, [*((p.first, p.end) for p in found), *names], kb)
        for phrase in found:
            phrase.other_countries = free
    return found


def free_countries(words: list[str], spans: list[tuple[int, int]], kb: KnowledgeBase) -> frozenset[str]:
    """The countries a sentence names (by name or demonym) outside the spans
    of its role phrases and names: those a title without a country might be of."""
    inside = {k for first, end in spans for k in range(first, end)}
    starts = _country_starts(kb)
    out: set[str] = set()
    j = 0
    while j < len(words):
        may = j not in inside and words[j] not in EVERYDAY_COUNTRY_WORDS and normalized_name_key(words[j]) in starts
        where = _country_at(words, j, kb) if may else None
        if where is None:
            j += 1
            continue
        out.add(where[0])
        j = where[1]
    return frozenset(out)


def _role_at(words: list[str], i: int, kb: KnowledgeBase) -> RolePhrase | None:
    if normalized_name_key(words[i]) in COUNTERPART:
        where = _country_at(words, i + 1, kb)
        if where is None:
            return None
        country, end = where
        if end < len(words) and words[end] in PRONOUNS:
            end += 1
        return RolePhrase(i, end, "PER", country, "GOV", counterpart=True)
    prefixes = _prefixes(kb)
    at = _title_words(words, i)  # the positions of the words a title may take, courtesy words left out
    longest = 1
    while longest < min(MAX_HEAD_WORDS, len(at)) and normalized_name_key(
        "".join(words[k] for k in at[: longest + 1])
    ) in prefixes:
        longest += 1
    for n in range(longest, 0, -1):
        key = normalized_name_key("".join(words[k] for k in at[:n]))
        title = kb.titles.get(key)
        if title is not None:
            after = _past_courtesy(words, at[n - 1] + 1)
            modifier = words[after] if after < len(words) and words[after] in MODIFIERS else None
            after += modifier is not None
            indefinite = i > 0 and words[i - 1] in INDEFINITE  # "یک رئیس‌جمهور کرد": nobody in particular
            office = None if modifier in FORMER or indefinite else title.office  # "رئیس‌جمهور سابق آمریکا"
            if title.country is not None:
                return RolePhrase(i, after, "PER", title.country, title.role, office)
            where = _country_at(words, after, kb) or _country_of_next_title(words, after, kb)
            if where is None and title.unnamed is not None:  # "وزیر نیرو": Iran's
                return RolePhrase(i, after, "PER", title.unnamed, title.role, office, country_unnamed=True)
            if where is None:
                continue  # "نخست‌وزیر" alone says not whose
            return RolePhrase(i, where[1], "PER", where[0], title.role, office)
        group = GROUPS.get(key)
        if group is not None:
            where = _country_at(words, i + n, kb)
            if where is None:
                continue
            country, end = where
            head = kb.entries.get(f"G:{country}")
            name_en = f"{group[1]} {head.name_en}" if head else None
            label = "PER" if key in ONE_PERSON else "ORG"  # "سفیر ایران" is a person
            return RolePhrase(i, end, label, country, group[0], name_en=name_en)
    return None


@lru_cache(maxsize=2)
def _country_starts(kb: KnowledgeBase) -> frozenset[str]:
    """The keys of the first words of countries' names and of demonyms: a word
    whose key is not one begins no country."""
    names = [n for e in kb.entries.values() if e.id.startswith("G:") for n in e.names_fa]
    firsts = {name_key(n.split()[0]) for n in names if n.split()}
    firsts.update(k for k in kb.demonyms)  # demonyms of one word; longer ones begin with one too
    firsts.update(OUR_COUNTRY)
    return frozenset(firsts)


def _title_words(words: list[str], i: int) -> list[int]:
    """The positions from i on that a title may be made of, a courtesy word
    inside it skipped ("وزیر محترم اطلاعات")."""
    return [k for k in range(i, min(len(words), i + MAX_HEAD_WORDS + 2)) if k == i or words[k] not in COURTESY]


def _past_courtesy(words: list[str], j: int) -> int:
    """j, or past the courtesy word there ("رئیس جمهور محترم")."""
    return j + 1 if j < len(words) and words[j] in COURTESY else j


def _country_of_next_title(words: list[str], j: int, kb: KnowledgeBase) -> tuple[str, int] | None:
    """The country of a title joined to this one by "و", perhaps after a word
    ("وزیر امور خارجه و معاون صدراعظم آلمان": both Germany's), and where this
    title ends."""
    if j + 1 >= len(words) or words[j] != "و":
        return None
    for start in (j + 1, j + 2):  # "و صدراعظم آلمان", "و معاون صدراعظم آلمان"
        for n in range(min(MAX_HEAD_WORDS, len(words) - start), 0, -1):
            title = kb.titles.get(normalized_name_key("".join(words[start : start + n])))
            where = _country_at(words, start + n, kb) if title is not None else None
            if where is not None:
                return where[0], j  # the phrase is this title; the next one is its own
    return None


def _country_at(words: list[str], j: int, kb: KnowledgeBase) -> tuple[str, int] | None:
    """(ISO code, end) of the country named or described at words[j]: a country
    name ("ترکیه", "جمهوری اسلامی ایران"), a demonym ("روس") or "کشورمان"."""
    if j >= len(words):
        return None
    if normalized_name_key(words[j]) in OUR_COUNTRY:
        return "IRN", j + 1
    for n in (4, 3, 2, 1):
        if j + n > len(words):
            continue
        phrase = " ".join(words[j : j + n])
        entry = kb.lookup(phrase, ("GPE",), normalized=True)
        if entry is not None and entry.id.startswith("G:") and entry.country:
            return entry.country, j + n
        demonym = kb.demonyms.get(normalized_name_key(phrase))
        if demonym is not None:
            return demonym, j + n
    return None


def holder_for(phrase: RolePhrase, kb: KnowledgeBase, on, last_office: str | None) -> KBEntry | None:
    """The person a PER role phrase names on the date, where the KB knows."""
    office = phrase.office or (last_office if phrase.counterpart else None)
    if office is None or phrase.country is None:
        return None
    return kb.holder(office, phrase.country, on)
