"""Sports news: a text about sport changes what a name means. A club named by
everyday words ("استقلال", "ذوب آهن", "صنعت نفت") is the club only there, and in
a match report a surname alone is a player's or a coach's."""

from __future__ import annotations

import re

from khabar.extract.kb import KBEntry, KnowledgeBase

# Words of sports news: a club named like a company or a common word ("استقلال",
# "ذوب آهن", "صنعت نفت") is linked to the club only in a text that has one.
SPORTS_WORDS = re.compile(
    r"(?<![\w\u200c])(?:فوتبال|فوتسال|والیبال|بسکتبال|لیگ|سرمربی|سرمربیگری|بازیکن|بازیکنان|دروازه‌بان|هافبک|مهاجم|پنالتی|ورزشگاه"
    r"|هم‌تیمی(?:‌ها|‌هایش|‌اش)?|گلزنی|لالیگا|پریمیرلیگ|بوندس‌لیگا|بوندسلیگا|دفاع\s+(?:چپ|راست)|ورزش\s*سه|ورزش۳)(?![\w\u200c])"
)
# A text with this many words of sport is about sport (a match, a club, a player), not
# merely touching on it as a political article may ("وزیر ورزش", "ورزشگاه آزادی").
MATCH_REPORT_WORDS = 3


def sports_words(text: str) -> int:
    """How many words of sport the text has (one makes it sporty; three a match report)."""
    return len(SPORTS_WORDS.findall(text))


def club(name: str, kb: KnowledgeBase) -> KBEntry | None:
    """The sports club (or body) of that name, if the knowledge base has one."""
    entry = kb.lookup(name, ("ORG",), normalized=True)
    return entry if entry is not None and entry.role == "SPO" else None


def club_by_everyday_name(entry: KBEntry, name: str) -> bool:
    """A sports club named so that the name may mean something else: an Iranian
    club (named for a company, a word or a town: "صنعت نفت", "استقلال") or any
    club by one word ("بارسلونا", the city); not "رئال مادرید" or "بایرن مونیخ"."""
    return entry.role == "SPO" and (entry.country == "IRN" or len(name.split()) < 2)


def a_person_of_sport(entry: KBEntry, kb: KnowledgeBase) -> bool:
    """Whether the person is of sport: a player or a coach, or one who held an
    office of sport at any time (a minister of sport)."""
    return entry.role == "SPO" or any(t.holder == entry.id and "sport" in t.office for t in kb.terms)
