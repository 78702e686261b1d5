"""Named entities found by the statistical tagger (linking is not built yet)."""

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
