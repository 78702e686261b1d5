"""`Mention`: an entity while the stage works on it, with its scratch state.
The stage returns only the `Entity` (khabar.model); the rest stays here."""

from __future__ import annotations

from dataclasses import dataclass

from khabar.extract.roles import RolePhrase
from khabar.model import Entity


@dataclass(eq=False, slots=True)  # compared by identity: two mentions are two places in the text
class Mention:
    """`entity` spans words[first:end] of its sentence; `before` and `after`
    are the words either side; `phrase` is the role phrase it is ("وزیر امور
    خارجه ترکیه"), `title` the one that stands next to it as its title
    ("وزیر خارجه قزاقستان، X"); `known` the entry a word names alone ("مجلس")."""

    entity: Entity
    first: int = 0
    end: int = 0
    before: str = ""
    after: str = ""
    phrase: RolePhrase | None = None
    title: RolePhrase | None = None
    known: str | None = None  # the entry a word names alone ("مجلس", names.BARE_NAMES)


def mention_at(text: str, spans: list[tuple[int, int]], words: list[str], first: int, end: int, label: str) -> Mention:
    """The mention of words[first:end] of a sentence whose token spans are `spans`."""
    start, stop = spans[first][0], spans[end - 1][1]
    return Mention(
        Entity(start, stop, text[start:stop], label), first, end,
        before=words[first - 1] if first else "", after=words[end] if end < len(words) else "",
    )
