"""Streaming a long text: `Pipeline.stream` / `khabar.analyze_stream` cut the
text at paragraph breaks into parts, analyse each on its own, and say where
each part lies in the whole text (`Doc.start`, `Doc.input_span`)."""

import json
import subprocess
import sys
from datetime import date, datetime

import pytest

import khabar
from khabar.model import Article, Doc
from khabar.pipeline import Pipeline, cuts

# Our own sentences, a paragraph each; "ايران" is written with Arabic yeh (normalized to ی).
PARAGRAPHS = [
    "وزیر امور خارجه ايران روز سه‌شنبه در مسکو با همتای روسی خود گفت‌وگو کرد.",
    "به گفته سخنگوی دولت، این سفر دو روز طول می‌کشد و ۱۵ سند همکاری امضا می‌شود.",
    "هفته آینده هیئتی از پکن به تهران می‌آید و درباره خرید ۳ میلیون تن گندم گفت‌وگو می‌کند.",
]
TEXT = "\n\n".join(PARAGRAPHS)
PUBLISHED = date(2021, 6, 28)


def _covers(text: str, bounds: list[tuple[int, int, bool]], part_chars: int) -> None:
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    for (_, end, _), (start, _, _) in zip(bounds, bounds[1:], strict=False):
        assert end == start  # no gap, no overlap
    assert all(0 <= b - a <= part_chars for a, b, _ in bounds)
    assert "".join(text[a:b] for a, b, _ in bounds) == text


@pytest.mark.parametrize("part_chars", [1, 2, 7, 40, 80, 150, 10_000])
def test_parts_cover_the_text_in_order(part_chars):
    text = "  \n" + TEXT + "\n" + "یک دو سه. " * 30 + "\r\n\r\nپایان  \n"
    bounds = list(cuts(text, part_chars))
    _covers(text, bounds, part_chars)
    assert all(b > a for a, b, _ in bounds)


def test_parts_end_at_paragraph_breaks():
    bounds = list(cuts(TEXT, max(map(len, PARAGRAPHS)) + 2))
    assert [TEXT[a:b].strip() for a, b, _ in bounds] == PARAGRAPHS
    assert all(TEXT[b : b + 2] == "\n\n" for _, b, _ in bounds[:-1])  # the break opens the next part


def test_a_long_paragraph_is_cut_at_a_sentence_end_then_a_space():
    sentences = "قیمت نان در شهر بالا رفت. مردم نگران هستند! آیا دولت کاری می‌کند؟ " * 20
    bounds = list(cuts(sentences, 100))
    _covers(sentences, bounds, 100)
    for _, end, hard in bounds[:-1]:
        assert not hard
        assert sentences[end - 1] in ".!؟" and sentences[end] == " "
    words = "بازار ارز امروز آرام بود و خریداران کم بودند " * 20  # no sentence end
    bounds = list(cuts(words, 60))
    _covers(words, bounds, 60)
    for _, end, hard in bounds[:-1]:
        assert not hard and words[end].isspace() and not words[end - 1].isspace()  # never inside a word


def test_a_run_without_spaces_is_cut_at_the_limit_and_said():
    text = "الف" * 20  # 60 letters, no space
    bounds = list(cuts(text, 40))
    _covers(text, bounds, 40)
    assert [h for _, _, h in bounds] == [True, False]
    docs = list(khabar.analyze_stream(text, part_chars=40, layers=["tokenize"]))
    assert "cut inside a word" in docs[0].warnings[0] and not docs[1].warnings


def test_spans_map_back_to_the_whole_text():
    docs = list(khabar.analyze_stream(TEXT, published=PUBLISHED, part_chars=90))
    assert len(docs) >= 3
    assert "".join(d.raw_text for d in docs) == TEXT
    for doc in docs:
        assert TEXT[doc.start : doc.start + len(doc.raw_text)] == doc.raw_text
        for span in [*doc.tokens, *doc.entities, *doc.times, *doc.quantities]:
            a, b = doc.input_span(span.start, span.end)
            raw_a, raw_b = doc.raw_span(span.start, span.end)
            assert TEXT[a:b] == doc.raw_text[raw_a:raw_b]
            assert khabar.normalize(TEXT[a:b]) == span.text
            assert TEXT[b - 1 : b] == span.text[-1:]  # ends at its own last character, not the part's trailing break
    iran = [doc.input_span(t.start, t.end) for doc in docs for t in doc.tokens if t.text == "ایران"]
    assert [TEXT[a:b] for a, b in iran] == ["ايران"]  # the input's characters, Arabic yeh and all


def _found(docs: list[Doc]) -> tuple[list, list]:
    entities = [(d.input_span(e.start, e.end), e.text, e.label, e.kb_id) for d in docs for e in d.entities]
    times = [(d.input_span(t.start, t.end), t.text, t.value) for d in docs for t in d.times]
    return entities, times


def test_the_same_entities_and_times_as_analyze():
    whole = khabar.analyze(TEXT, published=PUBLISHED)
    parts = list(khabar.analyze_stream(TEXT, published=PUBLISHED, part_chars=max(map(len, PARAGRAPHS)) + 2))
    assert len(parts) == 3
    entities, times = _found(parts)
    assert (entities, times) == _found([whole])
    assert entities and times
    quantities = [(d.input_span(q.start, q.end), q.value) for d in parts for q in d.quantities]
    assert quantities == [(whole.input_span(q.start, q.end), q.value) for q in whole.quantities]
    for layer in ("tokens", "sentences"):
        spans = [d.input_span(x.start, x.end) for d in parts for x in getattr(d, layer)]
        assert spans == [whole.input_span(x.start, x.end) for x in getattr(whole, layer)]


def test_a_short_text_is_one_part_the_same_as_analyze():
    (doc,) = khabar.analyze_stream(TEXT, published=PUBLISHED)
    assert doc.start == 0
    assert doc.to_dict() == khabar.analyze(TEXT, published=PUBLISHED).to_dict()


def test_an_article():
    article = Article(title="دیدار دو وزیر", lead="گفت‌وگوها دیروز آغاز شد.", body=PARAGRAPHS,
                      published=datetime(2021, 6, 28, 9, 30), agency="IRNA")
    text = article.text()
    docs = list(Pipeline().stream(article, part_chars=100))
    assert len(docs) > 1 and "".join(d.raw_text for d in docs) == text
    assert all(d.published == article.published for d in docs)
    assert all(d.article.id == article.id and d.article.agency == "IRNA" and not d.article.body for d in docs)
    assert all(Doc.from_dict(json.loads(json.dumps(d.to_dict()))) == d for d in docs)
    (one,) = khabar.analyze_stream(article)
    assert one.to_dict() == khabar.analyze(article).to_dict()
    assert [t.value for d in docs for t in d.times if t.text == "دیروز"] == ["2021-06-27"]
    other = Article(title="Talks", body=["The ministers met on Tuesday."], language="en")
    (doc,) = khabar.analyze_stream(other)
    assert doc.language == "en" and "not run" in doc.warnings[0]


def test_empty_text():
    (doc,) = khabar.analyze_stream("")
    assert doc.to_dict() == khabar.analyze("").to_dict()
    assert list(cuts("", 10)) == [(0, 0, False)]


def test_the_parts_are_made_one_at_a_time():
    stream = khabar.analyze_stream(TEXT, part_chars=90, layers=["tokenize"])
    first = next(stream)
    assert first.start == 0 and first.raw_text == TEXT[: len(first.raw_text)]
    assert next(stream).start == len(first.raw_text)


def test_bad_part_size():
    with pytest.raises(ValueError):
        next(khabar.analyze_stream(TEXT, part_chars=0))


def test_round_trip_of_a_part():
    docs = list(khabar.analyze_stream(TEXT, published=PUBLISHED, part_chars=90))
    for doc in docs:
        data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
        assert ("start" in data) == (doc.start > 0)
        assert data.get("start", 0) == doc.start
        back = Doc.from_dict(data)
        assert back == doc and back.start == doc.start


def test_cli_streams_json_lines_and_conllu(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text(TEXT, encoding="utf-8")
    cmd = [sys.executable, "-m", "khabar", "analyze", str(path), "--stream", "--part-chars", "90"]
    res = subprocess.run([*cmd, "--json"], capture_output=True, timeout=60)
    assert res.returncode == 0, res.stderr
    parts = [Doc.from_dict(json.loads(line)) for line in res.stdout.decode().splitlines()]
    text = "".join(d.raw_text for d in parts)
    assert len(parts) > 1 and all(text[d.start : d.start + len(d.raw_text)] == d.raw_text for d in parts)
    res = subprocess.run([*cmd, "--format", "conllu"], capture_output=True, timeout=60)
    ids = [line for line in res.stdout.decode().splitlines() if line.startswith("# sent_id")]
    assert ids == [f"# sent_id = {n}" for n in range(1, len(ids) + 1)] and len(ids) == sum(len(d.sentences) for d in parts)
    res = subprocess.run(cmd, capture_output=True, timeout=60)
    assert res.returncode == 0 and "part 2" in res.stdout.decode()
