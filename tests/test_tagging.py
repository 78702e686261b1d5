"""Lemmas and parts of speech: the seed's words, one test per lemma rule, the
tag() API, and CoNLL-U output that UD tools read back."""

import pytest

import khabar
from khabar.persian.lemmatize import lemmatize


@pytest.mark.parametrize(
    "word, upos, lemma",
    [
        ("می‌کنند", "VERB", "کرد"),
        ("کرده‌اند", "VERB", "کرد"),
        ("رسیده", "VERB", "رسید"),
        ("همکاری‌های", "NOUN", "همکاری"),
        ("تروریست‌ها", "NOUN", "تروریست"),
        ("وزرای", "NOUN", "وزیر"),
        ("گسترش", "NOUN", "گسترش"),
        ("بررسی", "NOUN", "بررسی"),
        ("ایران", "NOUN", "ایران"),
    ],
)
def test_seed_words(word, upos, lemma):
    assert lemmatize(word, upos) == lemma


@pytest.mark.parametrize(
    "word, upos, lemma",
    [
        ("کتابخانه‌هایی", "NOUN", "کتابخانه"),  # plural + indefinite, with a half-space
        ("درختها", "NOUN", "درخت"),  # plural written joined
        ("خانهٔ", "NOUN", "خانه"),  # ezafe hamza
        ("نمی‌نویسند", "VERB", "نوشت"),  # negative prefix, present stem → past stem
        ("بنویسیم", "VERB", "نوشت"),  # subjunctive prefix
        ("ساختیم", "VERB", "ساخت"),  # past stem + person ending
        ("نوشته‌اند", "VERB", "نوشت"),  # participle + clitic
    ],
)
def test_lemma_rules(word, upos, lemma):
    assert lemmatize(word, upos) == lemma


def test_tag_api_on_my_sentence():
    tagged = khabar.tag(["دانشجویان", "کتاب‌ها", "را", "به", "کتابخانه", "بردند", "."])
    assert [p for _, p in tagged] == ["NOUN", "NOUN", "ADP", "ADP", "NOUN", "VERB", "PUNCT"]  # «را» ADP, as UD PerDT
    assert [lemma for lemma, _ in tagged][1] == "کتاب"
    assert tagged[-2][0] == "برد"


def test_analyze_fills_every_token():
    doc = khabar.analyze("همکاری‌های دو کشور گسترش می‌یابد.", layers=["tag"])
    assert all(t.pos and t.lemma for t in doc.tokens)
    assert doc.tokens[-2].lemma == "یافت"


def test_conllu_round_trip_keeps_every_character():
    conllu = pytest.importorskip("conllu")
    text = "وزیر گفت: «همکاری‌ها ادامه می‌یابد.» سپس جلسه، با حضور ۲۰ نفر، پایان یافت."
    doc = khabar.analyze(text, layers=["tag"])
    parsed = conllu.parse(doc.to_conllu())
    assert len(parsed) == len(doc.sentences)
    for sent, tokenlist in zip(doc.sentences, parsed, strict=True):
        rebuilt = "".join(
            t["form"] + ("" if (t["misc"] or {}).get("SpaceAfter") == "No" else " ") for t in tokenlist
        ).strip()
        assert rebuilt == doc.text[sent.start : sent.end]
        assert all(t["upos"] and t["lemma"] for t in tokenlist)
