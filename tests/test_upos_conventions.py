"""Parts of speech and lemmas in the UD Persian-PerDT conventions (PROPN for
names, «را» ADP, the lemma of شدن شد), the map between PerDT's and Seraji's
conventions the trainer and the benchmark use, and khabar.tag on many sentences."""

import sys
from collections import Counter
from pathlib import Path

import pytest

import khabar
from khabar.persian.lemmatize import lemmatize

TOOLS = Path(__file__).resolve().parents[1] / "tools"


@pytest.fixture
def trainer(monkeypatch):
    monkeypatch.syspath_prepend(str(TOOLS))
    import train_tagger

    yield train_tagger
    sys.modules.pop("train_tagger", None)


def tags(sentence: str) -> dict[str, str]:
    return {word: upos for word, (_, upos) in zip(sentence.split(), khabar.tag(sentence.split()), strict=True)}


def test_ra_is_adp():
    assert tags("نیلوفر کتاب تازه را به کتابخانه برد .")["را"] == "ADP"
    assert tags("دولت گزارش سالانه را منتشر کرد .")["را"] == "ADP"


def test_places_and_a_surname_are_propn():
    tagged = tags("مریم رضایی دیروز از مشهد به تهران رفت .")
    assert tagged["مشهد"] == tagged["تهران"] == tagged["رضایی"] == "PROPN"
    assert tagged["دیروز"] == "NOUN" and tagged["رفت"] == "VERB"


def test_common_nouns_stay_nouns():
    tagged = tags("قیمت نان در بازار افزایش یافت .")
    assert tagged["قیمت"] == tagged["نان"] == tagged["بازار"] == "NOUN"


def test_lemmas_of_shodan_and_ast():
    words = "این طرح در مجلس بررسی شد و اجرا می‌شود ."
    tagged = khabar.tag(words.split())
    assert tagged[5] == tagged[8] == ("شد", "VERB")
    assert lemmatize("است", "AUX") == "است"  # not بود
    assert lemmatize("کشورهای", "PROPN") == "کشور"  # a PROPN's lemma as a NOUN's


def test_tag_takes_many_sentences_in_one_batch():
    sentences = [["کاوه", "نامه", "را", "نوشت", "."], ["باران", "آمد", "."], ["سلام"]]
    assert khabar.tag(sentences) == [khabar.tag(s) for s in sentences]
    assert khabar.tag([]) == []


def test_a_bad_token_in_a_batch_names_its_sentence():
    with pytest.raises(ValueError, match="sentence 2, token 1"):
        khabar.tag([["باران", "آمد"], ["", "رفت"]])


def test_seraji_tags_in_perdt_conventions(trainer):
    perdt = {"را": Counter(ADP=40), "نیز": Counter(ADV=20), "تا": Counter(SCONJ=5, ADP=4), "کتاب": Counter(NOUN=9)}
    seraji = {"را": Counter(PART=30), "نیز": Counter(SCONJ=12), "تا": Counter(ADP=6, SCONJ=3), "کتاب": Counter(NOUN=8)}
    assert trainer.to_conventions("را", "PART", perdt, seraji) == "ADP"
    assert trainer.to_conventions("نیز", "SCONJ", perdt, seraji) == "ADV"
    assert trainer.to_conventions("تا", "ADP", perdt, seraji) == "ADP"  # both treebanks use it
    assert trainer.to_conventions("کتاب", "NOUN", perdt, seraji) == "NOUN|PROPN"  # Seraji has no PROPN
    assert trainer.to_seraji("را", "ADP", seraji, perdt) == "PART"
    assert trainer.to_seraji("نیز", "ADV", seraji, perdt) == "SCONJ"
    assert trainer.to_seraji("تهران", "PROPN", seraji, perdt) == "NOUN"
    assert trainer.to_seraji("کتاب", "ADJ", seraji, perdt) == "ADJ"  # an error stays an error


def test_lemmas_in_perdt_conventions(trainer):
    assert trainer.past_stem("کرد#کن") == "کرد"
    assert trainer.past_stem("#است") == "است"
    assert trainer.past_stem("بر#داشت#دار") == "داشت"
    assert trainer.lemma_to_perdt("می‌شود", "VERB", "کرد", {}) == "شد"
    assert trainer.lemma_to_perdt("می‌کند", "VERB", "کرد", {}) == "کرد"
    assert trainer.lemma_to_seraji("نشده", "شد", {}, {}) == "کرد"


def test_ambiguous_gold_accepts_the_guess(trainer):
    from khabar.persian.tagger import Perceptron

    model = Perceptron({"b": {"NOUN": 1.0, "PROPN": 2.0}}, ["NOUN", "PROPN", "ADJ"])
    assert trainer.allowed_best(model, ["b"], "NOUN|PROPN", "PROPN") == "PROPN"
    assert trainer.allowed_best(model, ["b"], "NOUN|PROPN", "ADJ") == "PROPN"  # the better-scored option
    assert trainer.allowed_best(model, ["b"], "NOUN", "PROPN") == "NOUN"


def test_held_back_perdt_and_seraji_test(shared_data, trainer):
    """The figures issue 22 asks for: UPOS ≥ 0.93 and lemma ≥ 0.95 on the
    PerDT dev sentences the tagger never saw; Seraji test, in its conventions,
    no more than half a point under 0.9537 (the tagger before)."""
    from khabar.persian.tagger import model, tag_sentences

    ud = shared_data / "ud"
    perdt_train, held = trainer.split_perdt_dev(trainer.read_conllu(ud / "perdt/fa_perdt-ud-dev.conllu"))
    seraji_dev = trainer.read_conllu(ud / "seraji/fa_seraji-ud-dev.conllu")
    seraji_tags, perdt_tags = trainer.counts_of(seraji_dev), trainer.counts_of(perdt_train)

    def accuracy(sents, to=lambda w, t: t) -> tuple[float, float]:
        predicted = tag_sentences(model(), [[w for w, _, _ in s] for s in sents])
        pairs = [(tok, t) for s, p in zip(sents, predicted, strict=True) for tok, t in zip(s, p, strict=True)]
        upos = sum(to(w, t) == gold for (w, gold, _), t in pairs) / len(pairs)
        return upos, sum(lemmatize(w, t) == lem for (w, _, lem), t in pairs) / len(pairs)

    upos, lemma = accuracy(held)
    assert upos >= 0.93 and lemma >= 0.95, (upos, lemma)
    upos, _ = accuracy(trainer.read_conllu(ud / "seraji/fa_seraji-ud-test.conllu"),
                       lambda w, t: trainer.to_seraji(w, t, seraji_tags, perdt_tags))
    assert upos >= 0.9487, upos
