"""One `khabar ingest` run over the bad-input corpus of tools/make_bad_inputs.py
(a small one here; bench/junk.py runs the full size): every good article is
written, every bad input is recorded with its reason, nothing else is left
out, and a re-run adds nothing."""

import importlib.util
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("make_bad_inputs", ROOT / "tools" / "make_bad_inputs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_bad_inputs"] = module
    spec.loader.exec_module(module)
    return module


def _input_of(source: str) -> str:
    """The file an article came from: 'a.jsonl:3', 'a.json#0', 'a.warc.gz https://…' → the path."""
    path = source.split(" ")[0].split("#")[0]
    head, _, tail = path.rpartition(":")
    return head if tail.isdigit() else path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("junk") / "corpus"
    manifest = _tool().make_corpus(folder, bad=96, good=24, seed=7, huge_chars=200_000, bomb_mb=24, heavy_each=1)
    return folder, manifest


def _ingest(folder: Path, out: Path) -> tuple[int, dict]:
    res = subprocess.run(
        [sys.executable, "-m", "khabar", "ingest", str(folder), "--out", str(out), "--json",
         "--max-chars", "100000", "--max-decompressed-mb", "8"],
        capture_output=True, timeout=300,
    )
    assert b"Traceback" not in res.stderr, res.stderr.decode()
    return res.returncode, json.loads(res.stdout)


def test_every_good_article_is_written_and_every_bad_input_recorded(corpus, tmp_path):
    folder, manifest = corpus
    out = tmp_path / "articles.jsonl"
    code, summary = _ingest(folder, out)
    assert code == 0
    files = manifest["files"]
    assert summary["inputs"] == len(files) == 120 and summary["ignored"] == 4  # README.md, LICENSE, .hidden.txt, .manifest.json
    written = Counter(_input_of(json.loads(line)["source"]) for line in out.read_text(encoding="utf-8").splitlines())
    logged = [json.loads(line) for line in (tmp_path / "articles.jsonl.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    skipped = Counter(entry["input"] for entry in logged)
    wrong = {
        name: (expect, written[str(folder / name)], skipped[str(folder / name)])
        for name, expect in files.items()
        if written[str(folder / name)] != expect["articles"] or bool(skipped[str(folder / name)]) != expect["skip"]
    }
    assert wrong == {}
    assert summary["written"] == sum(f["articles"] for f in files.values()) and summary["duplicates"] == 0
    assert summary["failed"] == len(logged) >= sum(f["skip"] for f in files.values())
    assert all(set(e) == {"input", "line", "record", "reason", "run", "time"} and e["reason"] for e in logged)
    assert not [e for e in logged if e["reason"].startswith("internal error")]
    kinds = {files[Path(e["input"]).relative_to(folder).as_posix()]["kind"]: e["reason"] for e in logged}
    assert kinds["gzip bomb"] == "decompresses to more than 8,388,608 bytes (the limit; --max-decompressed-mb)"
    assert kinds["nested JSON array"] == "JSON nested deeper than 64 levels (the limit, --max-json-depth)"
    assert kinds["UTF-8 BOM only"] == "no text: only a byte-order mark"
    assert kinds["binary without NUL"] == "not text in UTF-8, UTF-16 or Windows-1256"

    code, again = _ingest(folder, out)
    assert code == 0
    assert (again["written"], again["already_present"]) == (0, summary["written"])
    assert len(out.read_text(encoding="utf-8").splitlines()) == summary["written"]


def test_a_batch_of_only_bad_inputs_exits_1_with_a_summary(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.bin").write_bytes(b"\x00" * 100)
    (tmp_path / "in" / "b.txt").write_bytes(b"\xef\xbb\xbf")
    res = subprocess.run([sys.executable, "-m", "khabar", "ingest", str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl")],
                         capture_output=True, timeout=120)
    assert res.returncode == 1
    out = res.stdout.decode()
    assert "0 articles written" in out and "2 skipped" in out and "1 × binary data, not text" in out
    assert res.stderr.decode() == "khabar: error: nothing could be read (2 input(s), every one skipped)\n"
