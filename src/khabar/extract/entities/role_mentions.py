"""Step 2 of the entity stage: role phrases (extract/roles.py) among a
sentence's names. A phrase is an entity of its own, replacing the places
inside it ("ترکیه" in "وزیر امور خارجه ترکیه"), or, next to a person's name,
that person's title ("وزیر خارجه قزاقستان، …", "… وزیر امور خارجه ترکیه")."""

from __future__ import annotations

from khabar.extract.entities.mention import Mention, mention_at
from khabar.extract.entities.vocabulary import APPOSITION_MARKS
from khabar.extract.kb import KnowledgeBase
from khabar.extract.roles import RolePhrase, find_roles

MAX_MARKS = 2  # "«دونالد ترامپ»، رئیس‌جمهور آمریکا": two marks between name and title


def with_role_phrases(
    mentions: list[Mention], text: str, spans: list[tuple[int, int]], words: list[str], kb: KnowledgeBase
) -> list[Mention]:
    """The sentence's mentions with its role phrases, in the order of the words.
    A phrase that cuts across a name, or holds a person's name it is not, is
    left out; a person's title is kept on the person (`Mention.title`) and its
    words are no entity, save the places in it."""
    names = [(m.first, m.end) for m in mentions if m.entity.label in ("ORG", "PER") and m.end - m.first > 1]
    for phrase in find_roles(words, kb, names):
        crossing = [m for m in mentions if m.first < phrase.end and phrase.first < m.end]
        if any(_cut_by(m, phrase) for m in crossing):
            continue
        person = person_beside(mentions, words, phrase) if phrase.label == "PER" else None
        if person is not None:
            person.title = phrase  # the name is the entity; the title's own words are not
            mentions = [m for m in mentions if m not in crossing or m.entity.label == "LOC"]
            continue
        mentions = [m for m in mentions if m not in crossing]
        mention = mention_at(text, spans, words, phrase.first, phrase.end, phrase.label)
        mention.phrase = phrase
        mentions.append(mention)
    return sorted(mentions, key=lambda m: m.first)


def _cut_by(mention: Mention, phrase: RolePhrase) -> bool:
    """True if the phrase must give way to a name it overlaps: the name reaches
    beyond it, or is a person's inside it (unless the tagger took the whole
    phrase for a person: "مقام معظم رهبری")."""
    if mention.first < phrase.first or mention.end > phrase.end:
        return True
    same_span = (mention.first, mention.end) == (phrase.first, phrase.end)
    return mention.entity.label == "PER" and not same_span


def person_beside(mentions: list[Mention], words: list[str], phrase: RolePhrase) -> Mention | None:
    """The person named right after the phrase or right before it, with at most
    two marks between ("،", "«", "(" …): the one the phrase is the title of."""
    after = phrase.end
    while after < len(words) and after - phrase.end < MAX_MARKS and words[after] in APPOSITION_MARKS:
        after += 1
    before = phrase.first
    while before and phrase.first - before < MAX_MARKS and words[before - 1] in APPOSITION_MARKS:
        before -= 1
    return next((m for m in mentions if m.entity.label == "PER" and (m.first == after or m.end == before)), None)
