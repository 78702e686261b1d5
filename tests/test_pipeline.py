"""Named components: which run, in what order, and what travels on the Doc."""

from datetime import date

import pytest

import khabar
from khabar.pipeline import COMPONENTS, Pipeline, resolve

SENTENCE = "رئیس‌جمهور دیروز در تهران گفت قیمت نفت ۵ درصد بالا رفت."


def test_all_layers_by_default_in_registry_order():
    assert Pipeline().names == list(COMPONENTS)
    assert Pipeline().names[:3] == ["normalize", "tokenize", "tag"]


def test_a_layer_brings_what_it_requires():
    assert resolve(["tokenize"]) == ["normalize", "tokenize"]
    assert resolve(["quantities"]) == ["normalize", "tokenize", "tag", "times", "quantities"]


def test_unknown_layer_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown layer 'ner'.*tokenize"):
        Pipeline(layers=["ner"])


def test_only_the_layers_asked_for_are_filled():
    doc = khabar.analyze(SENTENCE, layers=["tokenize"])
    assert doc.layers == ["normalize", "tokenize"]
    assert doc.tokens and doc.tokens[0].pos is None
    assert doc.entities == [] and doc.times == []


def test_published_travels_on_the_doc_and_resolves_relative_days():
    doc = Pipeline(layers=["times"])(SENTENCE, published=date(2021, 6, 28))
    assert doc.published == date(2021, 6, 28)
    assert [t.value for t in doc.times] == ["2021-06-27"]


def test_without_a_publication_date_relative_days_have_no_value():
    doc = khabar.analyze(SENTENCE, layers=["times"])
    assert doc.published is None
    assert doc.times[0].value is None and doc.times[0].reason


def test_pipe_reuses_one_pipeline():
    nlp = Pipeline(layers=["tag"])
    docs = list(nlp.pipe(["سلام.", "خداحافظ."]))
    assert [d.tokens[0].text for d in docs] == ["سلام", "خداحافظ"]
    assert all(d.tokens[0].pos for d in docs)


def test_analyze_gives_the_same_doc_as_a_full_pipeline():
    assert khabar.analyze(SENTENCE, published=date(2021, 6, 28)) == Pipeline()(SENTENCE, published=date(2021, 6, 28))


def test_a_page_in_another_language_skips_the_persian_layers_and_says_so():
    article = khabar.Article(title="وزير الخارجية", body=["التقى وزير الخارجية في أنقرة نظيره الروسي."], language="ar")
    doc = khabar.analyze(article)
    assert doc.language == "ar" and doc.layers == ["tokenize"]
    assert doc.text == doc.raw_text  # not turned into Persian letters
    assert doc.tokens and doc.entities == [] and doc.times == []
    assert "Persian-only layers normalize, tag" in doc.warnings[0]


def test_text_in_another_script_is_not_analysed_as_persian():
    from khabar.ingest.language import detect_language
    from khabar.ingest.reader import read

    assert detect_language("最牡慢敧 новости") == "other"
    assert detect_language("همکاری‌های دو کشور در سال ۱۴۰۰") != "other"
    doc = khabar.analyze(read(b"\xff\xfe\x00garbage", name="junk.txt"))  # UTF-16 junk reads as CJK letters
    assert doc.language == "other" and doc.layers == ["tokenize"] and doc.warnings
