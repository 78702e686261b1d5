"""Named entities: PER, LOC, ORG and EVENT spans, linked to the knowledge base
(extract/kb.py) where an entry fits; others keep kb_id None.

The stage runs in three steps over each article, every one its own module:
1. `names`: the spans of the CRF tagger (extract/ner.py, trained by
   tools/train_ner.py), repaired against the knowledge base, and the
   knowledge-base names the tagger missed;
2. `role_mentions`: role phrases (extract/roles.py: "وزیر امور خارجه ترکیه",
   "همتای روس او", "دولت عراق") as entities, or as the title of the name beside them;
3. `linker`: each mention linked to the knowledge base, by named steps;
4. `repeats`: a one-word name linked in the text, written again where the
   tagger did not see it, is the same actor.
The work is done on `Mention`s (mention.py); only their `Entity` is returned."""

from __future__ import annotations

import datetime as dt

from khabar.extract.entities.linker import Reading, link, link_mentions
from khabar.extract.entities.mention import Mention
from khabar.extract.entities.names import name_mentions
from khabar.extract.entities.repeats import repeated_names
from khabar.extract.entities.role_mentions import with_role_phrases
from khabar.extract.entities.sport import MATCH_REPORT_WORDS, sports_words
from khabar.extract.kb import knowledge_base
from khabar.extract.ner import entity_spans, tag_document
from khabar.model import Entity

__all__ = ["Entity", "entity_spans", "extract_entities", "link"]


def extract_entities(
    text: str, sentences_token_spans: list[list[tuple[int, int]]], on_date: dt.date | None = None
) -> list[Entity]:
    """The entities of `text`, given the (start, end) spans of each sentence's
    tokens, in the order of the text. Role phrases are resolved to the holder
    of the office on `on_date`, the article's date; with None, to nobody (their
    country and sector are still known)."""
    kb = knowledge_base()
    sport = sports_words(text)
    all_words = [[text[s:e] for s, e in spans] for spans in sentences_token_spans]
    all_tags = tag_document(all_words)  # one article: a name found once is found where it repeats
    mentions: list[Mention] = []
    for spans, words, tags in zip(sentences_token_spans, all_words, all_tags, strict=True):
        names = name_mentions(text, spans, words, tags, kb, sporty=sport > 0)
        mentions += with_role_phrases(names, text, spans, words, kb)
    mentions.sort(key=lambda m: m.entity.start)
    link_mentions(mentions, Reading(kb, on_date, sporty=sport > 0, match_report=sport >= MATCH_REPORT_WORDS))
    entities = [m.entity for m in mentions]
    entities += repeated_names(entities, text, sentences_token_spans, kb)
    return sorted(entities, key=lambda e: e.start)
