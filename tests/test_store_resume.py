"""kill -9 during ingest, then a re-run: the same articles, with the same
content, as a run that was never interrupted; nothing twice."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_store_data import many_articles, write_corpus

from khabar.store import Corpus, ingest_into

COUNT = 160
SCRIPT = "import sys; from khabar.store import ingest_into; ingest_into(sys.argv[1], [sys.argv[2]], workers=2)"


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.Error:  # not made yet
        return 0


def _content(db: Path) -> list[tuple]:
    with Corpus(db) as corpus:
        return corpus.conn.execute(
            "SELECT a.id, a.hash, a.title, d.json, s.data, m.signature FROM articles a JOIN docs d ON d.article = a.n "
            "JOIN search_text s ON s.article = a.n JOIN minhash m ON m.article = a.n ORDER BY a.id"
        ).fetchall()


def test_kill_9_mid_ingest_then_rerun_gives_the_uninterrupted_result(tmp_path):
    source = write_corpus(tmp_path / "in", many_articles(COUNT))
    db = tmp_path / "killed.db"
    proc = subprocess.Popen([sys.executable, "-c", SCRIPT, str(db), str(source)], start_new_session=True)
    try:
        deadline = time.monotonic() + 240
        while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the ingest and its workers, at once
        proc.wait()
    at_kill = _stored(db)
    assert 0 < at_kill < COUNT, f"the kill came at {at_kill} of {COUNT} articles"

    report = ingest_into(db, [str(source)], workers=2)
    assert report.read == COUNT and report.added == COUNT - at_kill and report.unchanged == at_kill
    clean = tmp_path / "clean.db"
    ingest_into(clean, [str(source)], workers=1)
    assert _content(db) == _content(clean)
    with Corpus(db) as killed, Corpus(clean) as whole:
        assert len(killed) == len(whole) == COUNT
        conn = killed.conn
        for table in ("docs", "search_text", "minhash"):
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == COUNT
        conn.execute("INSERT INTO search (search) VALUES ('integrity-check')")
        for query in ("سیل", "همکاری ها", "گزارش شماره"):
            assert killed.search(query, all=True).to_dict() == whole.search(query, all=True).to_dict()
        layers = "SELECT COUNT(*) FROM entities"
        assert conn.execute(layers).fetchone() == whole.conn.execute(layers).fetchone()
