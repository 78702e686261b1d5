"""Exports of a query: JSONL of Docs, CSV and Parquet rows, CoNLL-U, PLOVER-style events."""

from __future__ import annotations

import csv
import json
import sys

import pytest
from test_store_data import corpus_db  # noqa: F401 — the fixture

from khabar.errors import KhabarError
from khabar.model import Doc
from khabar.store import Corpus


@pytest.fixture(scope="module")
def corpus(corpus_db):  # noqa: F811
    with Corpus(corpus_db, create=False) as c:
        yield c


def test_jsonl_is_one_doc_a_line(corpus, tmp_path):
    out = tmp_path / "docs.jsonl"
    assert corpus.export(out, "jsonl", "سیل گلستان") == 3
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["article"]["id"] for d in lines] == ["s1", "s2", "s3"]  # oldest first
    assert {d["cluster"] for d in lines} == {"s1"}
    assert Doc.from_dict(lines[1]).to_dict() == corpus.doc("s2").to_dict()


def test_csv_is_one_article_a_row(corpus, tmp_path):
    out = tmp_path / "a.csv"
    assert corpus.export(out, "csv", "همکاری‌ها") == 3
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["id"] for r in rows] == ["w1", "w2", "w3"]
    assert "G:TUR" in rows[0]["entities"].split(";") and rows[0]["cluster_articles"] == "1"
    assert rows[1]["body"].startswith("به گزارش فارس")


def test_parquet(corpus, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    assert corpus.export(out, "parquet", source="IRNA") == 4
    table = pq.read_table(out)
    assert table.num_rows == 4 and table.column("source").to_pylist() == ["IRNA"] * 4
    assert table.column("id").to_pylist() == ["w1", "s1", "t1", "w5"]
    assert "G:TUR" in table.column("entities").to_pylist()[0]


def test_parquet_without_pyarrow_is_a_clear_error(corpus, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(KhabarError, match=r"khabar\[parquet\]"):
        corpus.export(tmp_path / "a.parquet", "parquet")


def test_conllu(corpus, tmp_path):
    conllu = pytest.importorskip("conllu")
    out = tmp_path / "a.conllu"
    assert corpus.export(out, "conllu", "تورم") == 1
    sentences = conllu.parse(out.read_text(encoding="utf-8"))
    assert len(sentences) == len(corpus.doc("w5").sentences)
    assert sentences[0].metadata["newdoc id"] == "w5" and sentences[0].metadata["sent_id"] == "w5-1"
    assert sentences[0][0]["form"] == "نرخ"


def test_plover_is_one_event_a_line(corpus, tmp_path):
    out = tmp_path / "events.jsonl"
    stored = corpus.conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    assert corpus.export(out, "plover") == stored
    for line in out.read_text(encoding="utf-8").splitlines():
        event = json.loads(line)
        assert event["event_type"] and event["story_id"] and event["cluster"] and "actor" in event


def test_unknown_format(corpus, tmp_path):
    with pytest.raises(KhabarError, match="unknown export format"):
        corpus.export(tmp_path / "x", "xml")
