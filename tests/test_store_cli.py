"""The corpus commands: search, stats, export (thin skins; JSON for machines;
a malformed query is one line and exit code 2)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from test_store_data import corpus_db  # noqa: F401 — the fixture


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, timeout=120)


def test_search_json(corpus_db):  # noqa: F811
    res = run("search", "همکاری ها", "--db", str(corpus_db), "--json", "--limit", "2")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["total"] == 3 and len(data["hits"]) == 2
    assert set(data["hits"][0]) >= {"id", "title", "url", "source", "published", "score", "snippet", "cluster"}


def test_search_text_shows_the_copies(corpus_db):  # noqa: F811
    res = run("search", "باران", "--db", str(corpus_db), "--source", "IRNA")
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode()
    assert "2 stories match" in out and "[3 copies, 3 outlets]" in out
    res = run("search", "باران", "--db", str(corpus_db), "--all", "--json")
    assert json.loads(res.stdout)["total"] == 4


@pytest.mark.parametrize(
    "args",
    [("search", '"بانک'), ("search", "ایران OR"), ("search", "()"), ("search", "ایران", "--from", "1400-13-01"),
     ("stats", "(ایران"), ("export", "--query", "ایران)", "--out", "x.csv", "--format", "csv"),
     ("stats", "ایران", "--by", "decade"), ("export", "--out", "x.xml", "--format", "xml")],
)
def test_malformed_input_is_one_line_and_exit_2(corpus_db, args):  # noqa: F811
    res = run(*args, "--db", str(corpus_db))
    err = res.stderr.decode()
    assert res.returncode == 2, err
    assert err.count("\n") == 1 and err.startswith("khabar: error:") and "Traceback" not in err


def test_missing_corpus_is_one_line(tmp_path):
    res = run("search", "ایران", "--db", str(tmp_path / "none.db"))
    err = res.stderr.decode()
    assert res.returncode == 1 and err.count("\n") == 1 and "no such corpus" in err
    assert not (tmp_path / "none.db").exists()


def test_stats_json(corpus_db):  # noqa: F811
    res = run("stats", "باران", "--db", str(corpus_db), "--json", "--by", "day")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["articles"] == 4 and data["stories"] == 2
    assert [a["period"] for a in data["attention"]] == ["2021-07-01", "2021-07-02"]
    assert {s["source"] for s in data["sources"]} == {"IRNA", "FARS", "ISNA"}
    res = run("stats", "--db", str(corpus_db))
    assert res.returncode == 0 and "attention" in res.stdout.decode()


def test_export_command(corpus_db, tmp_path):  # noqa: F811
    out = tmp_path / "x.csv"
    res = run("export", "--db", str(corpus_db), "--query", "همکاریها", "--format", "csv", "--out", str(out), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["articles"] == 3
    assert out.read_text(encoding="utf-8").count("\n") >= 4
