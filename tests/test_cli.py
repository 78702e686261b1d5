import json
import subprocess
import sys
from pathlib import Path

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "sample-article.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "khabar", *args], input=stdin, capture_output=True, timeout=60
    )


def test_analyze_prints_sentences_and_tokens():
    res = run("analyze", str(SAMPLE))
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode("utf-8")
    assert "sentences" in out and "همکاری\u200cهای" in out


def test_analyze_json_from_stdin_in_windows_1256():
    text = "همکاريهاي دو كشور گسترش مي يابد."
    res = run("analyze", "-", "--json", stdin=text.encode("cp1256"))
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["text"] == "همکاری\u200cهای دو کشور گسترش می\u200cیابد."
    assert [t["text"] for t in doc["tokens"]][-1] == "."
    assert doc["sentences"] == [{"start": 0, "end": len(doc["text"]), "tokens": [0, 6]}]


def test_binary_file_is_a_one_line_error(tmp_path):
    p = tmp_path / "image.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    res = run("analyze", str(p))
    assert res.returncode == 1
    err = res.stderr.decode()
    assert err.count("\n") == 1 and "binary" in err and "Traceback" not in err


def test_missing_file_is_a_one_line_error(tmp_path):
    res = run("analyze", str(tmp_path / "missing.txt"))
    assert res.returncode == 1
    assert b"no such file" in res.stderr and b"Traceback" not in res.stderr


def test_normalize_command_with_latin_digits():
    res = run("normalize", "-", "--latin-digits", stdin="سال ۱۴۰۰ ميلادي".encode())
    assert res.stdout.decode().strip() == "سال 1400 میلادی"


def test_ingest_command_summary_and_resume(tmp_path):
    data = Path(__file__).parent / "data"
    out = tmp_path / "articles.jsonl"
    (tmp_path / "broken.bin").write_bytes(bytes(range(256)) * 8)
    args = ("ingest", str(data / "scraped.txt"), str(data / "news-page.html"), str(tmp_path / "broken.bin"), "--out", str(out))
    first = run(*args, "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert summary["written"] == 2 and summary["failed"] == 1
    assert "binary" in summary["failures"][0]["reason"]
    again = run(*args)
    assert again.returncode == 0
    assert "0 articles written" in again.stdout.decode() and "2 already there" in again.stdout.decode()
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


def test_ingest_normalize_option(tmp_path):
    data = Path(__file__).parent / "data"
    plain, normal = tmp_path / "plain.jsonl", tmp_path / "normal.jsonl"
    assert run("ingest", str(data / "scraped.txt"), "--out", str(plain), "--json").returncode == 0
    assert run("ingest", str(data / "scraped.txt"), "--out", str(normal), "--normalize", "--json").returncode == 0
    as_written, normalized = (json.loads(p.read_text(encoding="utf-8")) for p in (plain, normal))
    assert as_written["id"] == normalized["id"]
    assert as_written["lead"].startswith("نمایشگاه بین المللی")
    assert normalized["lead"].startswith("نمایشگاه بین‌المللی")


def test_analyze_reads_an_html_article():
    data = Path(__file__).parent / "data"
    res = run("analyze", str(data / "news-page.html"), "--json")
    doc = json.loads(res.stdout)
    assert doc["article"]["agency"] == "IRNA"
    assert doc["article"]["published"] == "2021-06-30T12:30:00+04:30"
    assert doc["text"].startswith("افتتاح کتابخانه‌های روستایی")


def test_analyze_conllu_output():
    res = run("analyze", "-", "--format", "conllu", stdin="دانشجویان کتاب‌ها را بردند.".encode())
    assert res.returncode == 0, res.stderr
    lines = [line for line in res.stdout.decode().splitlines() if line and not line.startswith("#")]
    assert [line.split("\t")[3] for line in lines] == ["NOUN", "NOUN", "ADP", "VERB", "PUNCT"]  # «را» is ADP in UD Persian
    assert lines[3].split("\t")[9] == "SpaceAfter=No"


def test_usage_errors_are_reported_without_traceback():
    for args in (("analyze",), ("bogus",), ("analyze", str(SAMPLE), "--format", "xml")):
        res = run(*args)
        assert res.returncode == 2, args
        assert b"Traceback" not in res.stderr and b"Error" in res.stderr + res.stdout


def test_kb_search():
    res = run("kb", "search", "لاوروف", "--json")
    assert res.returncode == 0, res.stderr
    found = json.loads(res.stdout)
    assert [e["id"] for e in found] == ["P:lavrov"]
    assert found[0]["offices"] == [
        {"office": "foreign_minister", "country": "RUS", "holder": "P:lavrov", "start": "2004-03-09", "end": None}
    ]
    assert b"P:putin" in run("kb", "search", "Putin").stdout
    assert "foreign minister of TUR: 2015-11-24–2023-06-04" in run("kb", "search", "چاووش").stdout.decode()


def test_readable_view_highlights_entities_quantities_and_times_in_the_sentence():
    import khabar
    from khabar.render import highlighted as _highlighted

    doc = khabar.analyze("دیروز در تبریز قیمت نان ۲۰ درصد بالا رفت.")
    sent = doc.sentences[0]
    text = _highlighted(doc, sent.start, sent.end)
    styled = {(text.plain[s.start : s.end], str(s.style)) for s in text.spans}
    assert ("تبریز", "bold yellow") in styled
    assert ("۲۰ درصد", "magenta") in styled
    assert ("دیروز", "green") in styled


def test_readable_view_shows_an_unlinked_actor_and_a_quantitys_note():
    text = "هزینه این طرح بین ۲۰ تا ۱۰ میلیون تومان است و دولت آمریکا با آن مخالفت کرد."
    res = run("analyze", "-", stdin=text.encode("utf-8"))
    assert res.returncode == 0, res.stderr
    out = res.stdout.decode("utf-8")
    assert "(USA/GOV)" in out  # no entry, but a country and a role
    assert "[toman (10 rials); written high to low]" in out


# ---- issue 21: one clear line and a documented exit code, never a traceback


def _one_line_error(res: subprocess.CompletedProcess, code: int) -> str:
    assert res.returncode == code, res.stderr
    err = res.stderr.decode()
    assert err.count("\n") == 1 and err.startswith("khabar: error: ") and "Traceback" not in err, err
    return err


def test_out_pointing_to_a_folder_is_a_usage_error(tmp_path):
    err = _one_line_error(run("ingest", str(SAMPLE), "--out", str(tmp_path)), 2)
    assert f"--out {tmp_path}: is a folder" in err


def test_ingest_needs_an_output(tmp_path):
    err = _one_line_error(run("ingest", str(SAMPLE)), 2)
    assert "give --out FILE" in err


def test_limits_must_be_positive(tmp_path):
    err = _one_line_error(run("ingest", str(SAMPLE), "--out", str(tmp_path / "o.jsonl"), "--max-json-depth", "0"), 2)
    assert err == "khabar: error: --max-json-depth must be more than 0, not 0\n"


def test_empty_kb_query_is_a_one_line_usage_error():
    for query in ("", "   "):
        err = _one_line_error(run("kb", "search", query), 2)
        assert "the query is empty" in err


def test_a_bad_published_value_is_a_usage_error():
    err = _one_line_error(run("analyze", str(SAMPLE), "--published", "x"), 2)
    assert "published" in err


def test_analyze_a_fifo_is_an_error_not_a_wait(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe")
    err = _one_line_error(run("analyze", str(tmp_path / "pipe")), 1)
    assert err == f"khabar: error: {tmp_path / 'pipe'}: not a regular file (a FIFO)\n"


def test_a_folder_with_nothing_to_read_exits_1(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "README.md").write_text("# notes", encoding="utf-8")
    res = run("ingest", str(tmp_path / "in"), "--out", str(tmp_path / "o.jsonl"))
    assert res.returncode == 1
    assert res.stderr.decode().endswith("khabar: error: nothing could be read (no input files found)\n")


def test_limit_flags_reach_the_batch(tmp_path):
    record = {"title": "خبر", "paragraphs": ["متن خبر."], "meta": {"a": {"b": [1]}}}
    (tmp_path / "a.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "b.txt").write_text("عنوان\n\n" + "متن خبر امروز. " * 20, encoding="utf-8")
    res = run("ingest", str(tmp_path / "a.json"), str(tmp_path / "b.txt"), "--out", str(tmp_path / "o.jsonl"),
              "--json", "--max-json-depth", "2", "--max-chars", "100")
    assert res.returncode == 1, res.stderr
    reasons = [f["reason"] for f in json.loads(res.stdout)["failures"]]
    assert reasons == ["JSON nested deeper than 2 levels (the limit, --max-json-depth)",
                       "too large for one document (532 bytes; limit 100 characters, --max-chars)"]


def test_some_inputs_skipped_is_still_exit_0_and_the_help_documents_exit_codes(tmp_path):
    (tmp_path / "bad.bin").write_bytes(b"\x00" * 10)
    res = run("ingest", str(SAMPLE), str(tmp_path / "bad.bin"), "--out", str(tmp_path / "o.jsonl"))
    assert res.returncode == 0
    assert "1 articles written" in res.stdout.decode() and "1 skipped" in res.stdout.decode()
    help_text = run("ingest", "--help").stdout.decode()
    assert "Exit codes: 0 done" in help_text and "1 nothing could be read" in help_text


def test_output_closed_early_is_no_traceback():
    proc = subprocess.Popen([sys.executable, "-m", "khabar", "analyze", str(SAMPLE), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in err and b"BrokenPipe" not in err


def test_ingest_into_a_corpus_with_db(tmp_path):
    data = Path(__file__).parent / "data"
    (tmp_path / "bad.bin").write_bytes(b"\x00" * 10)
    db = tmp_path / "news.db"
    res = run("ingest", str(data / "scraped.txt"), str(tmp_path / "bad.bin"), "--db", str(db), "--workers", "1", "--json")
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)
    assert (report["added"], report["skipped"]) == (1, 1)
    err = _one_line_error(run("ingest", str(data / "scraped.txt"), "--db", str(db), "--out", str(tmp_path / "o.jsonl")), 2)
    assert "one of them" in err
