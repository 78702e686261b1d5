"""Search over the test corpus: every spelling finds every other, the query
language, filters, collapsed near-duplicates, snippets in the article text."""

from __future__ import annotations

import pytest
from test_store_data import corpus_db  # noqa: F401 — the fixture

from khabar.store import Corpus, QueryError
from khabar.store.fold import fold_word

SPELLERS = {"w1", "w2", "w3"}


@pytest.fixture(scope="module")
def corpus(corpus_db):  # noqa: F811
    with Corpus(corpus_db, create=False) as c:
        yield c


def ids(corpus: Corpus, query: str, **kw) -> set[str]:
    return {h.id for h in corpus.search(query, limit=50, **kw).hits}


@pytest.mark.parametrize("query", ["همکاری\u200cها", "همکاریها", "همکاری ها", "همكاريها"])
def test_plural_in_any_spelling_finds_all_three(corpus, query):
    assert ids(corpus, query) == SPELLERS


@pytest.mark.parametrize("query", ["می\u200cکنند", "میکنند", "می کنند", "مي كنند"])
def test_verb_prefix_in_any_spelling_finds_all_three(corpus, query):
    assert ids(corpus, query) == SPELLERS


def test_arabic_letters_and_digits_of_three_scripts(corpus):
    assert ids(corpus, "كشاورزي") == ids(corpus, "کشاورزی") == {"w2"}
    assert ids(corpus, "۲۰ درصد") == ids(corpus, "20 درصد") == ids(corpus, "٢٠ درصد") == {"w2"}
    assert ids(corpus, "۱۵ شهر") == ids(corpus, "15 شهر") == {"w3"}
    assert ids(corpus, "22.5") == ids(corpus, "۲۲٫۵") == {"w5"}


def test_lemma_finds_every_inflection(corpus):
    assert ids(corpus, "کرد") == {"w3", "w5"}  # only the bare form ("خواهند کرد", "اعلام کرد")
    inflected = ids(corpus, "کرد", lemma=True)
    assert {"w1", "w3", "w4", "w5"} <= inflected  # کردند، کرد، کرده‌اند، کرد
    assert ids(corpus, "lemma:کرد") == inflected
    assert ids(corpus, "بازیکن", lemma=True) == {"w4"}  # بازیکنان


def test_query_language(corpus):
    assert ids(corpus, '"بانک مرکزی"') == {"w5"}
    assert ids(corpus, '"مرکزی بانک"') == set()
    assert ids(corpus, "پرسپولیس OR تورم") == {"w4", "w5"}
    assert ids(corpus, "همکاری\u200cها -ترکیه") == {"w2", "w3"}
    assert ids(corpus, "همکاری ها NOT ترکیه") == {"w2", "w3"}
    assert ids(corpus, "همکار*") == SPELLERS
    assert ids(corpus, "(پرسپولیس OR تورم) بانک") == {"w5"}
    assert ids(corpus, "«بانک مرکزی» AND تورم") == {"w5"}


@pytest.mark.parametrize("query", ['"بانک', "(ایران", "ایران)", "OR", "ایران OR", "-ایران", "()", "!!!", "*", "lemma:"])
def test_malformed_query_is_a_query_error(corpus, query):
    with pytest.raises(QueryError):
        corpus.search(query)


def test_filters(corpus):
    assert ids(corpus, "همکاری\u200cها", source="FARS") == {"w2"}
    assert ids(corpus, "همکاری\u200cها", source="fars") == {"w2"}
    assert ids(corpus, "همکاری\u200cها", date_from="2021-06-29", date_to="2021-06-29") == {"w2"}
    assert ids(corpus, "همکاری\u200cها", date_from="2021-06-30") == {"w3"}
    assert ids(corpus, "همکاری\u200cها", date_to="2021-06") == SPELLERS
    with pytest.raises(QueryError):
        corpus.search("ایران", date_from="2021-13")


def test_entity_filter_uses_the_kb_id(corpus):
    found = {kb for (kb,) in corpus.conn.execute(
        "SELECT e.kb_id FROM entities e JOIN articles a ON a.n = e.article WHERE a.id = 'w1'")}
    assert "G:TUR" in found
    assert ids(corpus, "همکاری\u200cها", entity="G:TUR") == {"w1"}


def test_copies_of_a_story_collapse_to_the_earliest(corpus):
    result = corpus.search("سیل گلستان")
    assert result.total == 1
    (hit,) = result.hits
    assert hit.id == "s1"
    assert hit.cluster == {"id": "s1", "articles": 3, "outlets": 3}
    every = corpus.search("سیل گلستان", all=True)
    assert every.total == 3 and {h.id for h in every.hits} == {"s1", "s2", "s3"}
    # the similar story of another city is its own cluster
    assert corpus.search("بارش باران").total == 2


def test_snippet_is_the_article_text_with_the_words_marked(corpus):
    for query in ("همکاری ها", "میکنند"):
        hits = {h.id: h for h in corpus.search(query).hits}
        for article_id in SPELLERS:
            hit = hits[article_id]
            text = corpus.article(article_id).text()
            assert hit.snippet == text[hit.offset : hit.offset + len(hit.snippet)].replace("\n", " ")
            marked = [fold_word(hit.snippet[s:e].replace(" ", "")) for s, e in hit.highlights]
            assert fold_word(query.replace(" ", "")) in marked


def test_ranking_puts_the_denser_article_first(corpus):
    hits = corpus.search("بانک").hits
    assert hits[0].id == "w5" and hits[0].score > 0


def test_result_as_json_shape(corpus):
    data = corpus.search("تورم").to_dict()
    assert data["total"] == 1
    hit = data["hits"][0]
    assert {"id", "title", "url", "source", "published", "score", "snippet", "cluster"} <= set(hit)
    assert hit["source"] == "IRNA" and hit["published"].startswith("2021-07-05")


def test_empty_query_lists_newest_first_and_paging(corpus):
    first = corpus.search("", limit=2)
    assert [h.id for h in first.hits] == ["w5", "w4"]
    assert first.total == 7  # 9 articles, the story's 3 copies as one
    second = corpus.search("", limit=2, offset=2)
    assert second.total == 7 and [h.id for h in second.hits] == ["t1", "s1"]


COMPOUNDS = [
    ("c1", "تیم ملی به\u200cخوبی بازی کرد و هواداران از نتیجه راضی بودند."),
    ("c2", "مدافعان بهخوبی از دروازه تیم محافظت کردند."),
    ("c3", "این طرح به خوبی در سه استان اجرا شد."),
    ("c4", "به مدرسه رفتیم و خوبی معلم را دیدیم."),
]


def test_a_compound_of_two_words_in_any_spelling(tmp_path):
    from test_store_data import write_corpus

    from khabar.store import ingest_into

    articles = [{"id": i, "title": "", "body": [text], "agency": "IRNA"} for i, text in COMPOUNDS]
    ingest_into(tmp_path / "c.db", [str(write_corpus(tmp_path / "in", articles))], workers=1)
    with Corpus(tmp_path / "c.db") as corpus:
        for query in ("به\u200cخوبی", "بهخوبی", "به خوبی", '"به خوبی"'):
            assert ids(corpus, query) == {"c1", "c2", "c3"}, query
        assert ids(corpus, "مدرسه معلم") == {"c4"}  # two words are still both words
        assert ids(corpus, "خوبی") == {"c3", "c4"}
