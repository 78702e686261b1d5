"""Step 1 of the entity stage: the names of a sentence. The tagger's spans
(extract/ner.py), repaired against the knowledge base where it cut a name short
or ran two together, and the knowledge-base names it missed that cannot be
everyday words."""

from __future__ import annotations

from khabar.extract.entities.mention import Mention, mention_at
from khabar.extract.entities.sport import club, club_by_everyday_name
from khabar.extract.entities.vocabulary import (
    COMPATIBLE,
    COORDINATORS,
    DIRECTIONS,
    LABEL_OF_TYPE,
    PLACE_TYPES,
    wordlike,
)
from khabar.extract.kb import KBEntry, KnowledgeBase
from khabar.extract.ner import entity_spans, word_classes

Span = tuple[int, int, str]  # words[first:end] and a label
RARE_BAND = 2  # the highest frequency band of the word lexicon that a rare word is in


def name_mentions(
    text: str, spans: list[tuple[int, int]], words: list[str], tags: list[str], kb: KnowledgeBase, sporty: bool
) -> list[Mention]:
    """The named entities of one sentence (its token `spans`, `words` and BIO
    `tags`): the tagger's, repaired, then the knowledge-base names it missed."""
    taken = [False] * len(words)
    found = [span for tagged in entity_spans(tags) for span in repaired(words, *tagged, taken, kb, sporty)]
    found += spotted(words, taken, kb, sporty)
    bare = bare_names(words, taken, kb)
    found = places_in_a_list(words, sorted(found), taken, kb)
    mentions = [mention_at(text, spans, words, first, end, label) for first, end, label in found]
    for first, label, kb_id in bare:
        mention = mention_at(text, spans, words, first, first + 1, label)
        mention.known = kb_id
        mentions.append(mention)
    return sorted(mentions, key=lambda m: m.first)


def repaired(
    words: list[str], first: int, end: int, label: str, taken: list[bool], kb: KnowledgeBase, sporty: bool
) -> list[Span]:
    """One tagged span without punctuation at its ends, grown by a word either
    side into a knowledge-base name, and split where it ran names together;
    nothing if it starts inside a name already taken. Marks its words taken."""
    first, end = trimmed(words, first, end)
    if first == end or taken[first]:
        return []  # nothing left, or already inside a name that was extended
    allowed = COMPATIBLE.get(label, ())  # "آبادان" (a place) does not grow into "نفت آبادان" (a club)
    grown = grown_left(words, first, end, allowed, sporty, kb, taken) if first > 0 else None
    if grown is not None:
        first -= grown[1]  # "شمال آفریقا" where the tagger saw only "آفریقا"
        if grown[0].type not in allowed:
            label = "ORG"  # "آلومینیوم اراک" in sports news: the club, where the tagger saw the town
    end = extended_right(words, first, end, allowed, kb)
    taken[first:end] = [True] * (end - first)
    out: list[Span] = []
    for part_first, part_end in split_coordinated(words, first, end, label, kb):
        part_first, part_end = trimmed(words, part_first, part_end)  # « ماناتل پارس » ، « مدیا پردازش »
        if part_end > part_first:
            out += split_known(words, part_first, part_end, label, kb)
    return out


def trimmed(words: list[str], first: int, end: int) -> tuple[int, int]:
    """words[first:end] without the punctuation at either end."""
    while first < end and not wordlike(words[first]):
        first += 1
    while end > first and not wordlike(words[end - 1]):
        end -= 1
    return first, end


def grown_left(
    words: list[str], first: int, end: int, allowed: tuple[str, ...], sporty: bool, kb: KnowledgeBase,
    taken: list[bool] | None = None,
) -> tuple[KBEntry, int] | None:
    """The KB entry the tagged words make with up to three words before them,
    and how many: one of a type the tag allows ("کمیساریای عالی" + "سازمان
    ملل"), or in sports news a club ("آلومینیوم" + "اراک")."""
    for more in (3, 2, 1):
        start = first - more
        if start < 0 or not all(wordlike(w) for w in words[start:first]) or (taken and any(taken[start:first])):
            continue
        if more > 1 and words[start] not in kb.first_words:
            continue  # no name of several words begins there
        phrase = " ".join(words[start:end])
        grown = kb.lookup(phrase, allowed, normalized=True)
        if grown is None and sporty and more == 1:
            grown = club(phrase, kb)
        if grown is not None:
            return grown, more
    return None


def extended_right(words: list[str], first: int, end: int, allowed: tuple[str, ...], kb: KnowledgeBase) -> int:
    """The end of the name once grown by up to two words after it into a
    knowledge-base name ("اسپوتنیک وی" where the tagger saw only "اسپوتنیک");
    words, not a full stop."""
    for more in (2, 1):
        if (end + more <= len(words) and all(wordlike(w) for w in words[end : end + more])
                and kb.lookup(" ".join(words[first : end + more]), allowed, normalized=True)):
            return end + more
    return end


def split_coordinated(words: list[str], first: int, end: int, label: str, kb: KnowledgeBase) -> list[tuple[int, int]]:
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


def split_known(words: list[str], first: int, end: int, label: str, kb: KnowledgeBase) -> list[Span]:
    """Two known names of different kinds the tagger ran together ("کرملین
    پوتین") become two entities; an organisation named with its place or its
    parent ("حزب‌الله کردستان عراق", "مقاومت البرز", "نیروی قدس سپاه …") stays whole."""
    if end - first > 1 and kb.lookup(" ".join(words[first:end]), normalized=True) is None:
        for k in range(first + 1, end):
            left = kb.lookup(" ".join(words[first:k]), normalized=True)
            right = kb.lookup(" ".join(words[k:end]), normalized=True)
            if left and right and label == "ORG" and (right.type in PLACE_TYPES or left.type == right.type):
                continue
            if left and right and one_name(left, right, label):
                continue
            if left and right:
                return [(first, k, LABEL_OF_TYPE.get(left.type, label)), (k, end, LABEL_OF_TYPE.get(right.type, label))]
    return [(first, end, label)]


def one_name(left: KBEntry, right: KBEntry, label: str) -> bool:
    """True if two known names side by side are one unknown name: a town and a
    club word ("نورویچ سیتی"), a place and a town abroad of another country
    ("میامی هیت": a team, not Miami and Hit in Iraq; but "سیرجان کرمان" is a
    town and its province), a person's first name that is also a town
    ("شهریار نمکی", "بنت اسد")."""
    if left.type in PLACE_TYPES and right.role == "SPO":
        return True
    if left.type in PLACE_TYPES and right.id.startswith("L:gn") and left.country != right.country:
        return True
    return label == "PER" and left.type in PLACE_TYPES and right.type == "PER"


def spotted(words: list[str], taken: list[bool], kb: KnowledgeBase, sporty: bool) -> list[Span]:
    """Knowledge-base names the tagger missed, where no name was taken: several
    words or a dotted acronym, which cannot be an everyday word; a club by
    everyday words ("صنعت نفت") only in sports news. Marks their words taken."""
    out: list[Span] = []
    for first, end, entry in kb_names(words, kb):
        if not sporty and club_by_everyday_name(entry, " ".join(words[first:end])):
            continue  # "صنعت نفت" outside sports news is the industry, not the club
        if not any(taken[first:end]):
            taken[first:end] = [True] * (end - first)
            out.append((first, end, LABEL_OF_TYPE.get(entry.type, "ORG")))
    return out


def kb_names(words: list[str], kb: KnowledgeBase) -> list[tuple[int, int, KBEntry]]:
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
            if entry is not None and not entry.spotted:
                continue  # a town's name in several words may be words ("پیش رو نیز" is not Runiz)
            if entry is not None and all(wordlike(w) for w in words[i : i + n]):  # "مالی ." is not Mali
                out.append((i, i + n, entry))
                break
    return out


# Words that in Iranian news name one actor even alone, and the words beside them
# that make them something else: "مجلس" is the Majlis, not "مجلس ختم" (a wake) or
# "مجلس عراق"; "امام" after "ارتحال" or "راه" is Khomeini, not "امام جمعه".
BARE_NAMES: dict[str, tuple[str, str, frozenset[str], frozenset[str]]] = {
    # word: (label, kb id, words that may come before it (empty: any), words that may not come after it)
    "مجلس": ("ORG", "O:majlis", frozenset(), frozenset([
        "ختم", "عزا", "عزاداری", "ترحیم", "روضه", "روضه‌خوانی", "جشن", "بزرگداشت", "یادبود", "سوگواری", "عروسی",
        "سنا", "نمایندگان", "خبرگان", "اعلا", "اعلی", "اعلای", "ملی", "عوام", "اعیان", "شورا", "شورای", "عالی",
        "مؤسسان", "موسسان", "قانون‌گذاری", "قانونگذاری", "امت", "شعب", "نواب", "دوما", "مشورتی", "محلی", "درس",
        "وعظ", "مناظره", "شب", "شام", "ناهار", "افطار", "ایالتی", "فدرال", "اروپا", "ملت", "اسلامی",
    ])),
    "امام": ("PER", "P:khomeini", frozenset([
        "ارتحال", "رحلت", "راه", "خط", "مرقد", "حرم", "فرمان", "فرمایش", "فرمایشات", "پیام", "وصیت‌نامه", "وصیتنامه",
        "اندیشه", "اندیشه‌های", "آرمان", "آرمان‌های", "یاران", "یادگار", "سالگرد", "بنیانگذار", "بنیان‌گذار",
        "حضرت", "مکتب", "نهضت", "کلام", "سخنان", "تعبیر",
    ]), frozenset()),
}
# What may follow a bare "امام" that is Khomeini: an end of the phrase, not a name.
AFTER_BARE_IMAM = frozenset(["و", "،", ".", "(ره)", "(ره", "ره", "راحل", "را", "در", "که", "به", "از", "بود", "است", ":"])


def bare_names(words: list[str], taken: list[bool], kb: KnowledgeBase) -> list[tuple[int, str, str]]:
    """Words that name one actor alone (BARE_NAMES), where no name was taken
    and the words beside them allow it: (position, label, kb id). Marks their
    words taken."""
    out: list[tuple[int, str, str]] = []
    if BARE_NAMES.keys().isdisjoint(words):
        return out
    for i, word in enumerate(words):
        rule = BARE_NAMES.get(word)
        if rule is None or taken[i]:
            continue
        label, kb_id, before, not_after = rule
        prev, nxt = (words[i - 1] if i else ""), (words[i + 1] if i + 1 < len(words) else "")
        if before and prev not in before:
            continue
        if nxt in not_after or (word == "امام" and nxt and nxt not in AFTER_BARE_IMAM):
            continue
        if nxt and kb.lookup(nxt, ("GPE",), normalized=True) is not None:
            continue  # "مجلس عراق", "مجلس ترکیه": another country's
        taken[i] = True
        out.append((i, label, kb_id))
    return out


def places_in_a_list(words: list[str], found: list[Span], taken: list[bool], kb: KnowledgeBase) -> list[Span]:
    """Places named in a list with other places ("آزادشهر و رامیان", "چرام،
    لنده، بهمئی و دنا"): a one-word name of a KB place next to a place across
    "و" or "،" is a place, where the tagger took it for a person or missed it."""
    places = {(a, b) for a, b, label in found if label == "LOC"}
    out = list(found)
    coordinators = [k for k, w in enumerate(words) if w in COORDINATORS] if places else []
    # only a word on either side of a "و" or "،" can be beside a place across it
    beside = sorted({i for k in coordinators for i in (k - 1, k + 1) if 0 <= i < len(words)})
    changed = bool(coordinators)
    while changed:
        changed = False
        for k, (a, b, label) in enumerate(out):
            if b - a == 1 and label == "PER" and _beside_a_place(a, places, words) and _a_place(words[a], kb):
                out[k] = (a, b, "LOC")
                places.add((a, b))
                changed = True
        for i in beside:
            word = words[i]
            if not taken[i] and _beside_a_place(i, places, words) and _a_place(word, kb):
                taken[i] = True
                out.append((i, i + 1, "LOC"))
                places.add((i, i + 1))
                changed = True
    return sorted(out)


def _a_place(word: str, kb: KnowledgeBase) -> bool:
    """A word that is a KB place's name and no KB person's, and no everyday
    word ("رامیان", "لوداب"; not "بهار", "سرباز" or "چک", which are towns too)."""
    return (rare_word(word) and kb.lookup(word, ("GPE", "LOC"), normalized=True) is not None
            and kb.lookup(word, ("PER",), normalized=True) is None)


def rare_word(word: str) -> bool:
    """True for a word the word lexicon lacks, or knows only as a rare noun."""
    pos, _, band = word_classes().get(word, "0|0").partition("|")
    return pos == "0" or (pos == "N" and band.isdigit() and int(band) <= RARE_BAND)


def _beside_a_place(i: int, places: set[tuple[int, int]], words: list[str]) -> bool:
    """True if words[i] and a place stand on either side of one "و" or "،"."""
    if i >= 2 and words[i - 1] in COORDINATORS and any(b == i - 1 for _, b in places):
        return True
    return i + 2 < len(words) and words[i + 1] in COORDINATORS and any(a == i + 2 for a, _ in places)
