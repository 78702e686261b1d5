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


# The knowledge base of issue 22: its size, its sources, the spellings it implies.

def test_six_thousand_entries_each_with_its_source():
    kb = knowledge_base()
    assert len(kb.entries) >= 6000
    assert all(e.source for e in kb.entries.values())
    assert kb.entries["P:elbaradei"].source == "phoenix:Countries:MOHAMED_ELBARADEI_+archive"
    assert kb.entries["P:mousavi_lari"].source == "khabar+archive"  # not in Phoenix; the spelling is in the news
    assert kb.entries["L:mosul"].source.startswith("khabar")
    assert kb.entries["M:REUTERS"].source == "sources.tsv"
    assert kb.entries["G:TUR"].source == "khabar"
    assert kb.entries["L:IR-fars-shiraz"].source == "iran-cities"


def test_actors_of_the_2000s_with_their_terms():
    kb = knowledge_base()
    assert kb.lookup("جرج بوش").id == kb.lookup("جورج بوش").id == "P:bush_gw"
    assert kb.lookup("کوفی عنان").id == "P:annan"
    assert kb.lookup("پرویز مشرف").id == "P:musharraf"
    assert kb.lookup("سازمان کشورهای آمریکایی").id == "O:oas"
    assert kb.lookup("پرنسا لاتینا").id == "M:PRENSALATINA"
    assert kb.lookup("فلوجه").id == "L:fallujah"
    assert kb.holder("president", "USA", dt.date(2004, 5, 1)).id == "P:bush_gw"
    assert kb.holder("director_general", "IAEA", dt.date(2005, 1, 1)).id == "P:elbaradei"
    assert kb.holder("interior_minister", "IRN", dt.date(2004, 3, 14)).id == "P:mousavi_lari"
    assert kb.holder("prime_minister", "GBR", dt.date(2016, 2, 19)).id == "P:cameron"


def test_media_are_found_with_the_word_for_their_kind_and_in_the_singular():
    kb = knowledge_base()
    assert kb.lookup("رویتر").id == kb.lookup("خبرگزاری رویتر").id == "M:REUTERS"
    assert kb.lookup("شبکه خبری العربیه").id == "M:ALARABIYA"
    assert kb.lookup("روزنامه الحیات").id == "M:ALHAYAT"
    assert kb.lookup("آسوشیتدپر") is None  # "Associated Press" is no plural


def test_a_full_arab_name_without_its_article_but_not_a_surname_alone():
    kb = knowledge_base()
    assert kb.lookup("حیدر عبادی").id == "P:abadi"
    assert kb.lookup("عبادی") is None  # Shirin Ebadi's name too: not Abadi's


def test_iranian_towns_that_share_a_name_all_have_an_entry():
    kb = knowledge_base()
    from khabar.persian.normalize import name_key

    ids = kb.by_name[name_key("حاجی‌آباد")]
    assert {"L:IR-fars-hajjiabad", "L:IR-hormozgan-hajjiabad", "L:IR-south-khorasan-hajjiabad"} <= set(ids)
    assert kb.lookup("مهاباد").id == "L:IR-west-azerbaijan-mahabad"  # the largest, unless the text says otherwise


def test_arabic_letters_in_a_name():
    kb = knowledge_base()
    assert kb.lookup("حماة").id == kb.lookup("حماه").id == "L:hama"
    assert kb.lookup("الحياة").id == "M:ALHAYAT"  # ي and ة of Arabic text
    assert kb.lookup("إدلب").id == kb.lookup("ادلب").id
    assert kb.lookup("مؤتلفه اسلامی").id == "O:motalefeh"


def test_lookup_answers_are_kept_and_the_same():
    """KnowledgeBase.lookup keeps its answers: asked again (or after the store
    was emptied), the same entry; types as a list still work."""
    from khabar.extract import kb as kb_module
    from khabar.extract.kb import knowledge_base

    kb = knowledge_base()
    first = kb.lookup("ایران", ("GPE",), normalized=True)
    assert first is not None and first.type == "GPE"
    assert ("ایران", ("GPE",), True) in kb._found and first.id == "G:IRN"
    assert kb.lookup("ایران", ("GPE",), normalized=True) is first
    assert kb.lookup("ایران", ["GPE"], normalized=True) is first
    assert kb.lookup("کلمه‌ای که نام نیست") is None
    kb._found.clear()
    assert kb.lookup("ایران", ("GPE",), normalized=True) is first
    assert kb_module.LOOKUPS_KEPT >= 10_000
