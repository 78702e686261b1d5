"""Named entities found by the CRF tagger; its decoder against CRFsuite's."""

import pytest

import khabar
import khabar.ingest.reader
from khabar.extract.entities import entity_spans


def test_bio_spans():
    assert entity_spans(["B-PER", "I-PER", "O", "B-LOC", "I-ORG", "O"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "ORG")]


def test_entities_in_my_sentence():
    doc = khabar.analyze("وزیر امور خارجه فرانسه روز دوشنبه در پاریس با همتای آلمانی خود دیدار کرد و سازمان ملل از این دیدار استقبال کرد.")
    found = {(e.text, e.label) for e in doc.entities}
    assert ("پاریس", "LOC") in found
    assert any(label == "ORG" and "سازمان ملل" in text for text, label in found)
    for e in doc.entities:
        assert doc.text[e.start : e.end] == e.text
        assert e.text[0].isalnum() and e.text[-1].isalnum()


def test_seed_people_and_places(shared_data):
    doc = khabar.analyze(khabar.ingest.reader.read(shared_data / "seed/irna-ankara-moscow.txt"))
    found = {(e.text, e.label) for e in doc.entities}
    for name in ("سرگئی لاوروف", "رجب طیب اردوغان", "ولادیمیر پوتین", "پوتین", "اردوغان"):
        assert (name, "PER") in found, name
    for place in ("سوریه", "لیبی", "افغانستان", "اوکراین", "ادلب", "خاورمیانه", "دریای سیاه"):
        assert (place, "LOC") in found, place


def test_crf_decoder_equals_crfsuite(tmp_path, monkeypatch):
    """khabar's numpy Viterbi over exported weights labels every sentence as
    CRFsuite itself does (a small CRF trained here on sentences of our own)."""
    pycrfsuite = pytest.importorskip("pycrfsuite")
    from khabar.extract import ner

    data = [
        ("حسن روحانی در تهران با رئیس بانک مرکزی دیدار کرد .", "B-PER I-PER O B-LOC O O B-ORG I-ORG O O O"),
        ("سازمان ملل از اجلاس ژنو خبر داد .", "B-ORG I-ORG O B-EVENT I-EVENT O O O"),
        ("مریم میرزاخانی در شیراز به دنیا آمد .", "B-PER I-PER O B-LOC O O O O"),
        ("وزارت نفت قیمت بنزین را اعلام کرد .", "B-ORG I-ORG O O O O O O"),
    ]
    tables = ner.lexicon()
    trainer = pycrfsuite.Trainer(verbose=False)
    for text, tags in data:
        trainer.append(ner.sentence_features(text.split(), tables), tags.split())
    trainer.set_params({"c1": 0.0, "c2": 0.01, "max_iterations": 50, "feature.possible_transitions": True})
    trainer.train(str(tmp_path / "m.crfsuite"))
    reference = pycrfsuite.Tagger()
    reference.open(str(tmp_path / "m.crfsuite"))
    info = reference.info()
    state: dict = {}
    for (feature, label), weight in info.state_features.items():
        state.setdefault(feature, {})[label] = weight
    transitions: dict = {}
    for (a, b), weight in info.transitions.items():
        transitions.setdefault(a, {})[b] = weight
    ours = ner.CRFTagger(reference.labels(), state, transitions)
    tests = [
        "رئیس بانک مرکزی در شیراز گفت .",
        "میرزاخانی",
        "",
        "اجلاس ژنو و سازمان ملل و وزارت نفت و حسن روحانی در تهران و شیراز .",
        "کتاب روی میز است .",
    ]
    sentences = [t.split() for t in tests]
    expected = [reference.tag(ner.sentence_features(s, tables)) if s else [] for s in sentences]
    assert ours.tag_many(sentences) == expected
    assert ours.tag_many([sentences[0]]) == [expected[0]]
    monkeypatch.setattr(ner, "_BATCH", 2)  # several batches of sentences
    assert ours.tag_many(sentences) == expected
    assert expected[0][1:3] == ["B-ORG", "I-ORG"]  # the CRF did learn something to compare


def test_a_name_found_once_is_found_where_it_repeats():
    """Consistency within a document: an unknown surname after the full name, a
    multiword name, the most frequent label; everyday words are not spread."""
    from khabar.extract.ner import consistent_tags

    sentences = [
        ["مهندس", "کاوه", "زرین‌پوش", "به", "تبریز", "رفت", "."],
        ["زرین‌پوش", "گفت", "که", "شورای", "شهر", "تبریز", "موافق", "است", "."],
        ["او", "از", "تبریز", "و", "شورای", "شهر", "تبریز", "تشکر", "کرد", "."],
        ["امام", "جماعت", "آمد", "و", "امام", "سخن", "گفت", "."],
    ]
    tags = [
        ["O", "B-PER", "I-PER", "O", "B-LOC", "O", "O"],
        ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"],
        ["O", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
        ["B-PER", "O", "O", "O", "O", "O", "O", "O"],
    ]
    out = consistent_tags(sentences, tags)
    assert out[0] == tags[0]
    assert out[1][0] == "B-PER"  # the surname alone
    # the council's name spreads; "تبریز" alone is a word the lexicon knows, so it is left to the tagger
    assert out[2] == ["O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]
    assert out[3] == tags[3]  # "امام" is an everyday word: not spread
    # with a window of one sentence, the first sentence's name does not reach the third
    assert consistent_tags(sentences, tags, window=1)[2][4:7] == ["B-ORG", "I-ORG", "I-ORG"]
    assert consistent_tags(sentences[:1] + sentences[2:3], tags[:1] + tags[2:3], window=0)[1] == tags[2]
