"""The data model: one JSON form that round-trips exactly, and spans that lead
back to both texts the JSON holds."""

import json
from datetime import date, datetime, timezone

import pytest

import khabar
from khabar.model import Actor, Article, Doc, Entity, Event, _compress, _expand

TEXT = "وزیر امور خارجه ترکیه روز چهارشنبه در آنکارا با همتای روسی خود دیدار میکند.\n\nدو کشور ۹ میلیارد دلار قرارداد امضا کردند."


def _round_trip(doc: Doc) -> Doc:
    return Doc.from_dict(json.loads(json.dumps(doc.to_dict(), ensure_ascii=False)))


def test_round_trip_of_a_text():
    doc = khabar.analyze(TEXT, published=date(2021, 6, 28))
    assert doc.tokens and doc.quantities and doc.times
    assert _round_trip(doc) == doc


def test_round_trip_of_an_article_keeps_its_parts():
    article = Article(title="دیدار وزیران", lead="خلاصه خبر", body=["بند یکم", "", "بند دوم"],
                      dateline="آنکارا", agency="IRNA", attributions=["IRNA", "TRT"],
                      published=datetime(2021, 6, 28, 10, 30, tzinfo=timezone.utc), url="https://example.org/1")
    doc = khabar.analyze(article)
    data = doc.to_dict()
    assert "body" not in data["article"]  # the parts are spans of raw_text, not copies
    assert data["raw_text"][slice(*data["article"]["parts"]["lead"])] == "خلاصه خبر"
    back = _round_trip(doc)
    assert back == doc
    assert back.article.body == ["بند یکم", "", "بند دوم"]
    assert back.published == datetime(2021, 6, 28, 10, 30, tzinfo=timezone.utc)


def test_every_span_indexes_text_and_raw_text():
    doc = khabar.analyze("همکاریهای دو كشور در سال ۱۴۰۰ به ۳ ميليارد دلار رسید.", published=date(2021, 6, 28))
    data = doc.to_dict()
    for layer in ("tokens", "entities", "quantities", "times"):
        for span in data[layer]:
            assert data["text"][span["start"] : span["end"]] == span["text"]
            raw = data["raw_text"][span["raw"][0] : span["raw"][1]]
            assert khabar.normalize(raw) == span["text"], (layer, raw)


def test_events_round_trip():
    doc = khabar.analyze("دیدار کردند.")
    doc.events = [Event(0, 5, "دیدار", "CONSULT", mode="visit", context=["future"], cameo="036", quad_class=1,
                        goldstein=4.0, source=Actor(0, 5, "x", "P:1", "A", "TUR", "GOV"), target=None,
                        location=Entity(0, 5, "x", "LOC", "L:1"), date="2021-06-30", evidence=[(0, 12)],
                        attribution=["IRNA"], confidence=0.8)]
    assert _round_trip(doc) == doc


@pytest.mark.parametrize("offsets", [[0], [0, 1, 2, 3], [0, 2, 3, 3, 7, 8], [5, 4, 9, 10]])
def test_alignment_runs_expand_to_the_offsets(offsets):
    assert _expand(_compress(offsets), len(offsets) - 1) == offsets


def test_an_unchanged_text_is_one_alignment_run():
    assert khabar.analyze("سلام دنیا", layers=["normalize"]).to_dict()["alignment"] == [[0, 0]]


def test_another_schema_is_refused():
    data = khabar.analyze("سلام").to_dict()
    data["schema"] = "1"
    with pytest.raises(ValueError, match="schema"):
        Doc.from_dict(data)


def test_round_trip_seed_and_200_archive_articles(shared_data):
    from khabar.ingest.reader import iter_articles, read

    docs = [khabar.analyze(read(shared_data / "seed/irna-ankara-moscow.txt"), published=date(2021, 6, 28))]
    for name in ("farsnews/fars-news-1.json", "varzesh3/varzesh3-1.json"):
        path = shared_data / "news" / name
        if not path.exists():
            path = sorted((shared_data / "news" / name.split("/")[0]).glob("*.json"))[0]
        for _, article in list(iter_articles(path.read_bytes(), path.name))[:100]:
            docs.append(khabar.analyze(article))
    assert len(docs) == 201
    for doc in docs:
        assert _round_trip(doc) == doc
