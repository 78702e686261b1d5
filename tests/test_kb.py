"""The public knowledge-base API (khabar.kb) and the knowledge base's dates."""

import datetime as dt

import pytest

from khabar import kb
from khabar.extract.kb import knowledge_base


def test_search_finds_by_a_persian_or_an_english_name():
    assert [e.id for e in kb.search("لاوروف")] == ["P:lavrov"]
    assert "P:putin" in [e.id for e in kb.search("putin")]  # any case
    assert "P:cavusoglu" in [e.id for e in kb.search("چاووش اوغلو")]  # a space for the half-space


def test_search_with_a_limit():
    every = kb.search("ایران")
    assert len(every) > 3
    assert kb.search("ایران", limit=3) == every[:3]
    assert kb.search("ایران", limit=0) == []


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_an_empty_query_is_an_error_not_the_whole_knowledge_base(query):
    with pytest.raises(ValueError, match="query is empty"):
        kb.search(query)


def test_a_negative_limit_is_an_error():
    with pytest.raises(ValueError, match="limit"):
        kb.search("پوتین", limit=-1)


def test_entry_by_id():
    turkey = kb.entry("G:TUR")
    assert (turkey.name_en, turkey.country, turkey.wikidata) == ("Turkey", "TUR", "Q43")
    assert kb.entry("P:nobody") is None


def test_offices_are_a_persons_terms_not_a_citys_seat_of_government():
    assert [(t.office, t.country, t.start) for t in kb.offices("P:lavrov")] == [
        ("foreign_minister", "RUS", "2004-03-09")]
    assert ("foreign_minister", "2015-11-24", "2023-06-04") in [
        (t.office, t.start, t.end) for t in kb.offices("P:cavusoglu")]
    assert kb.offices("L:ankara") == []  # Turkey's seat of government: not an office
    assert kb.offices("P:nobody") == []


def test_a_holder_needs_a_date():
    """Who holds an office depends on the date: with none, nobody (the day the
    analysis runs is not the article's)."""
    base = knowledge_base()
    assert base.holder("foreign_minister", "TUR", dt.date(2021, 6, 30)).id == "P:cavusoglu"
    assert base.holder("foreign_minister", "TUR", dt.date(2024, 1, 10)).id == "P:fidan"
    assert base.holder("foreign_minister", "TUR", None) is None
    assert [t.office for t in base.terms_of("P:fidan", dt.date(2024, 1, 10))] == ["foreign_minister"]
    assert base.terms_of("P:fidan", None) == []


def test_a_seat_of_government_is_known_without_a_date():
    base = knowledge_base()
    assert [(t.office, t.country) for t in base.terms_of("L:ankara", None)] == [("seat_of_government", "TUR")]
    assert base.holder("seat_of_government", "TUR", None).id == "L:ankara"


# The tables (moved from test_linking.py).

def test_spelling_variants_find_one_entry():
    kb = knowledge_base()
    assert kb.lookup("چاووش اوغلو").id == kb.lookup("چاووش‌اوغلو").id == "P:cavusoglu"
    assert kb.lookup("تی آر تی").id == kb.lookup("تی.آر.تی").id == "M:TRT"
    assert kb.lookup("قره باغ").id == "L:karabakh"


def test_every_kb_id_is_written_once():
    """A second row with an id already seen would be dropped silently by the loader."""
    from importlib import resources

    seen: dict[str, str] = {}
    for name in ("entities.tsv", "places.tsv"):
        text = (resources.files("khabar") / "data" / "kb" / name).read_text(encoding="utf-8")
        for line in text.splitlines():
            if line.strip() and not line.startswith("#"):
                eid = line.split("\t", 1)[0]
                assert eid not in seen, f"{eid} in {name} and {seen.get(eid)}"
                seen[eid] = name
    assert knowledge_base().lookup("AFC").id == "O:afc"


def test_central_alone_is_not_markazi_province():
    assert knowledge_base().lookup("مرکزی") is None
    assert knowledge_base().lookup("استان مرکزی").id == "L:IR-markazi"
