"""The corpus store: ingest (counts, skips, re-runs, updates), the stored Doc,
layer tables (events too), trends, notes."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime

import pytest
from test_store_data import ARTICLES, corpus_db, record, write_corpus  # noqa: F401 — corpus_db is a fixture

from khabar.errors import InputError
from khabar.model import Actor, Entity, Event
from khabar.pipeline import Pipeline
from khabar.store import Corpus, ingest_into
from khabar.store.clusters import assign_clusters
from khabar.store.records import content_hash, layer_rows, make_record
from khabar.store.writer import Writer


@pytest.fixture(scope="module")
def corpus(corpus_db):  # noqa: F811
    with Corpus(corpus_db, create=False) as c:
        yield c


def test_articles_table_holds_the_article(corpus):
    row = corpus.conn.execute(
        "SELECT id, url, source, agency, published, day, title, input, language FROM articles WHERE id = 'w2'"
    ).fetchone()
    assert row[:6] == ("w2", "https://example.ir/w2", "FARS", "FARS", "2021-06-29T09:30:00+04:30", "2021-06-29")
    assert row[6] == "نشست کارشناسان آب و کشاورزی در مشهد"
    assert row[7].endswith("news.jsonl:2") and row[8] == "fa"
    assert len(corpus) == len(ARTICLES)


def test_stored_doc_is_the_analysis(corpus):
    article = corpus.article("w1")
    assert article.published == datetime.fromisoformat("2021-06-28T10:00:00+04:30")
    stored = corpus.doc("w1")
    fresh = Pipeline()(article)
    assert stored.to_dict() == fresh.to_dict()
    assert stored.text.startswith("گسترش همکاری\u200cها")


def test_layer_tables(corpus):
    conn = corpus.conn
    n = conn.execute("SELECT n FROM articles WHERE id = 'w5'").fetchone()[0]
    doc = corpus.doc("w5")
    assert conn.execute("SELECT COUNT(*) FROM sentences WHERE article = ?", (n,)).fetchone()[0] == len(doc.sentences)
    quantities = conn.execute("SELECT text, kind, value FROM quantities WHERE article = ?", (n,)).fetchall()
    assert ("۲۲.۵ درصد", "percent", "22.5") in quantities
    entities = conn.execute("SELECT text, label, kb_id FROM entities WHERE article = ? ORDER BY n", (n,)).fetchall()
    assert entities == [(e.text, e.label, e.kb_id) for e in doc.entities]
    assert ("بانک مرکزی", "ORG", "O:cbi") in entities


def test_events_are_stored_in_their_table():
    doc = Pipeline(layers=["tokenize"])("ایران و ترکیه در آنکارا گفت‌وگو کردند.")
    doc.article = None
    event = Event(
        start=28, end=39, text="گفت‌وگو کردند", type="CONSULT", mode="meet", context=["diplomatic"], cameo="040",
        source=Actor(0, 5, "ایران", kb_id="G:IRN", country="IRN", sector="GOV"),
        target=Actor(8, 13, "ترکیه", kb_id="G:TUR", country="TUR", sector="GOV"),
        location=Entity(17, 22, "آنکارا", "LOC", kb_id="L:ankara", country="TUR"),
        date="2021-06-28", evidence=[(0, 40)], attribution=["IRNA"], confidence=0.8,
    )
    doc.events = [event]
    (row,) = layer_rows(doc)["events"]
    assert row[:9] == (0, 28, 39, "گفت‌وگو کردند", "CONSULT", "meet", '["diplomatic"]', "040", None)
    assert row[10:18] == ("ایران", "G:IRN", "IRN", "GOV", "ترکیه", "G:TUR", "TUR", "GOV")
    assert row[18:21] == ("آنکارا", "L:ankara", "TUR")
    assert row[21] == "2021-06-28" and json.loads(row[23]) == [[0, 40]] and row[-1] == 0.8


def test_an_event_in_three_copies_counts_once(tmp_path):
    """Stored through the writer (the coder may find no event in these sentences)."""
    from khabar.model import Article

    db = tmp_path / "events.db"
    writer = Writer(db)
    nlp = Pipeline()
    for a in ARTICLES:
        if a["id"] not in ("s1", "s2", "s3", "t1"):
            continue
        art = Article(title=a["title"], body=a["body"], agency=a["agency"], id=a["id"],
                      published=datetime.fromisoformat(a["published"]))
        doc = nlp(art)
        doc.events = [Event(0, 3, "سیل", "ASSAULT", source=Actor(0, 3, "سیل"), target=Actor(0, 3, "روستا"))]
        writer.store(make_record(doc, content_hash(art)), run=1)
    writer.commit()
    assign_clusters(writer.conn)
    writer.close()
    with Corpus(db) as corpus:
        (row,) = corpus.top_events()
        assert row == {"type": "ASSAULT", "mentions": 4, "events": 2, "stories": 2}


def test_rerun_reads_everything_and_stores_nothing_twice(tmp_path):
    source = write_corpus(tmp_path / "in", ARTICLES[:3])
    db = tmp_path / "c.db"
    first = ingest_into(db, [str(source)], workers=1)
    assert (first.read, first.added, first.updated, first.unchanged, first.skipped) == (3, 3, 0, 0, 0)
    again = ingest_into(db, [str(tmp_path / "in")], workers=1)
    assert (again.read, again.added, again.updated, again.unchanged) == (3, 0, 0, 3)
    with Corpus(db) as corpus:
        assert len(corpus) == 3
        assert corpus.conn.execute("SELECT COUNT(*) FROM search_text").fetchone()[0] == 3
        assert [r[0] for r in corpus.conn.execute("SELECT run FROM runs ORDER BY run")] == [1, 2]


def test_a_changed_article_is_updated(tmp_path):
    source = write_corpus(tmp_path / "in", ARTICLES[:2])
    db = tmp_path / "c.db"
    ingest_into(db, [str(source)], workers=1)
    changed = [dict(ARTICLES[0], body=[*ARTICLES[0]["body"], "سخنگوی وزارت نیرو نیز از امضای تفاهم‌نامه برق خبر داد."]),
               ARTICLES[1]]
    write_corpus(tmp_path / "in", changed)
    report = ingest_into(db, [str(source)], workers=1)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 1)
    with Corpus(db) as corpus:
        assert len(corpus) == 2
        assert [h.id for h in corpus.search("تفاهم‌نامه برق").hits] == ["w1"]
        assert corpus.search("همکاری‌ها").total == 2  # the old terms went, the kept ones stay
        assert "تفاهم\u200cنامه" in corpus.doc("w1").text
        n = corpus.conn.execute("SELECT n FROM articles WHERE id = 'w1'").fetchone()[0]
        sentences = corpus.conn.execute("SELECT COUNT(*) FROM sentences WHERE article = ?", (n,)).fetchone()[0]
        assert sentences == len(corpus.doc("w1").sentences)


def test_bad_inputs_are_recorded_and_the_batch_goes_on(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, ARTICLES[:2])
    (folder / "broken.jsonl").write_text(
        json.dumps(record(ARTICLES[2]), ensure_ascii=False) + "\n{not json\n", encoding="utf-8"
    )
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    db = folder / "corpus.db"  # inside the input folder: not read as an input
    report = ingest_into(db, [str(folder)], workers=1)
    assert report.added == 3 and report.skipped == 2
    where = {(s.input.rsplit("/", 1)[-1], s.line) for s in report.skips}
    assert where == {("broken.jsonl", 2), ("image.png", None)}
    with Corpus(db) as corpus:
        rows = corpus.skips()
        assert len(rows) == 2 and all(r["run"] == report.run and r["reason"] and r["at"] for r in rows)
        assert {r["line"] for r in rows} == {2, None}


def test_progress_is_reported_per_input(tmp_path):
    write_corpus(tmp_path / "a", ARTICLES[:1])
    write_corpus(tmp_path / "b", ARTICLES[1:2])
    seen = []
    ingest_into(tmp_path / "c.db", [str(tmp_path / "a"), str(tmp_path / "b")], workers=1,
                progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]


def test_two_workers_store_what_one_does(tmp_path):
    source = write_corpus(tmp_path / "in", ARTICLES)
    ingest_into(tmp_path / "one.db", [str(source)], workers=1)
    ingest_into(tmp_path / "two.db", [str(source)], workers=2)
    with Corpus(tmp_path / "one.db") as one, Corpus(tmp_path / "two.db") as two:
        query = "SELECT a.id, d.json FROM articles a JOIN docs d ON d.article = a.n ORDER BY a.id"
        assert one.conn.execute(query).fetchall() == two.conn.execute(query).fetchall()
        assert one.search("سیل").to_dict() == two.search("سیل").to_dict()


def test_not_a_corpus(tmp_path):
    with pytest.raises(InputError):
        Corpus(tmp_path / "missing.db", create=False)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)")
    with pytest.raises(InputError):
        Corpus(other)
    text = tmp_path / "notes.txt"
    text.write_text("not a database " * 100)
    with pytest.raises(InputError):
        Corpus(text)


def test_trends(corpus):
    days = corpus.attention("سیل", interval="day")
    assert [(d["period"], d["articles"], d["stories"], d["all_articles"]) for d in days] == [
        ("2021-07-01", 2, 1, 2), ("2021-07-02", 1, 1, 2)]
    assert days[1]["share"] == 0.5
    weeks = corpus.attention("همکاری‌ها", interval="week")
    # the week from Saturday 26 June holds 7 articles (the story's copies, the other story)
    assert weeks == [{"period": "2021-06-26", "articles": 3, "stories": 3, "all_articles": 7, "share": 0.4286}]
    months = corpus.attention(None, interval="month")
    assert [(m["period"], m["articles"], m["stories"]) for m in months] == [("2021-06", 3, 3), ("2021-07", 6, 4)]
    sources = corpus.sources("سیل")
    assert [(s["source"], s["articles"]) for s in sources] == [("FARS", 1), ("IRNA", 1), ("ISNA", 1)]
    places = corpus.top_entities("سیل", labels=("LOC",))
    assert places[0]["stories"] == 1 and places[0]["articles"] == 3


def test_stats_with_an_entity_lists_its_company(corpus):
    data = corpus.stats("همکاری‌ها", entity="G:TUR", interval="day")
    assert data["articles"] == 1 and data["stories"] == 1
    assert {"attention", "entities", "places", "events", "sources", "cooccurring"} <= set(data)
    assert all(row["kb_id"] != "G:TUR" for row in data["cooccurring"])


def test_notes(tmp_path):
    source = write_corpus(tmp_path / "in", ARTICLES[:1])
    ingest_into(tmp_path / "c.db", [str(source)], workers=1)
    with Corpus(tmp_path / "c.db") as corpus:
        note = corpus.add_note("w1", "پیگیری شود", author="analyst")
        reply = corpus.add_note("w1", "منبع دوم پیدا شد", parent=note)
        (thread,) = corpus.notes("w1")
        assert (thread["id"], thread["text"], thread["author"]) == (note, "پیگیری شود", "analyst")
        assert [(r["id"], r["text"], r["author"]) for r in thread["replies"]] == [(reply, "منبع دوم پیدا شد", "ناشناس")]
        with pytest.raises(InputError, match="nope"):
            corpus.add_note("nope", "x")
        with pytest.raises(InputError, match="empty"):
            corpus.add_note("w1", "  ")
    from khabar.store import notes  # the web app reads the same table

    conn = sqlite3.connect(tmp_path / "c.db")
    assert [n["text"] for n in notes.thread(conn, "article", "w1")] == ["پیگیری شود"]


def test_an_older_corpus_notes_move_into_the_one_notes_table(tmp_path):
    source = write_corpus(tmp_path / "in", ARTICLES[:1])
    ingest_into(tmp_path / "c.db", [str(source)], workers=1)
    conn = sqlite3.connect(tmp_path / "c.db")  # the notes table of schema "1" before the web app's
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, article INTEGER, created TEXT, author TEXT, text TEXT)")
    conn.execute("INSERT INTO notes VALUES (1, (SELECT n FROM articles WHERE id = 'w1'), '2026-01-02T03:04:05+00:00', NULL, 'قدیمی')")
    conn.commit()
    conn.close()
    with Corpus(tmp_path / "c.db") as corpus:
        (moved,) = corpus.notes("w1")
        assert (moved["text"], moved["author"], moved["created"]) == ("قدیمی", "ناشناس", "2026-01-02T03:04:05+00:00")
    names = {r[0] for r in sqlite3.connect(tmp_path / "c.db").execute("SELECT name FROM sqlite_master")}
    assert "notes" not in names and "web_notes" in names
