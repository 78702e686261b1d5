"""Issue 21, the ingest half: every case reproduced on round 1, as a test.
Each input is our own text; the expected outcome is an Article (with the
warning that says what was repaired) or a recorded skip naming the input,
the line or record, and the reason."""

import gzip
import io
import json
import os
import time
import zlib
from datetime import datetime
from pathlib import Path

import pytest

from khabar.errors import InputError, LimitError, NoArticleError
from khabar.ingest import compressed
from khabar.ingest.batch import error_log_path, ingest
from khabar.ingest.dates import TEHRAN
from khabar.ingest.decode import decode_text
from khabar.ingest.html import parse_html, strip_tags
from khabar.ingest.limits import DEFAULT, Limits
from khabar.ingest.reader import iter_articles, read
from khabar.model import Article

SENTENCE = "شورای شهر شیراز امروز طرح توسعه کتابخانه‌های محله‌ای را تصویب کرد و اجرای آن از ماه آینده آغاز می‌شود."
TEXT = "تصویب طرح کتابخانه‌های محله‌ای\n\n" + "\n\n".join([SENTENCE] * 4) + "\n"


def results(data: bytes, name: str, limits: Limits = DEFAULT) -> list:
    return [r for _, r in iter_articles(data, name, limits)]


def only_error(data: bytes, name: str, limits: Limits = DEFAULT):
    found = results(data, name, limits)
    assert len(found) == 1 and isinstance(found[0], InputError), found
    return found[0]


def record(title: str = "خبر", **fields) -> dict:
    return {"title": title, "paragraphs": [SENTENCE], **fields}


# ---- item 2: a file name that is not UTF-8


def test_a_file_name_that_is_not_utf8_is_read_and_named_with_its_bytes_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good, bad = os.path.join(bytes(folder), b"caf\xe9.txt"), os.path.join(bytes(folder), b"bin\xff.bin")
    with open(good, "wb") as fh:
        fh.write(TEXT.encode())
    with open(bad, "wb") as fh:
        fh.write(b"\x00\x01\x02" * 100)
    out = tmp_path / "out.jsonl"
    summary = ingest([str(folder)], out)
    assert (summary.written, len(summary.skips)) == (1, 1)
    article = json.loads(out.read_text(encoding="utf-8"))
    assert article["source"] == str(folder / "caf\\xe9.txt")
    logged = json.loads(error_log_path(out).read_text(encoding="utf-8"))
    assert logged["input"] == str(folder / "bin\\xff.bin") and logged["reason"] == "binary data, not text"


# ---- item 3: tracebacks that are now recorded skips


def test_deeply_nested_json_is_a_skip_that_names_the_depth_limit():
    error = only_error(b'{"title": ' * 100_000 + b'"x"' + b"}" * 100_000, "deep.json")
    assert isinstance(error, LimitError)
    assert error.reason == "JSON nested deeper than 64 levels (the limit, --max-json-depth)"
    assert str(error).startswith("deep.json: ")


def test_a_deep_record_of_an_array_is_skipped_and_the_next_one_read():
    data = b"[" + b"[" * 5000 + b"]" * 5000 + b", " + json.dumps(record()).encode() + b"]"
    first, second = results(data, "dump.json")
    assert isinstance(first, LimitError) and first.record == 0
    assert isinstance(second, Article) and second.source == "dump.json#1"


def test_json_deeper_than_a_smaller_limit_is_skipped():
    nested = {"title": "خبر", "paragraphs": [SENTENCE], "meta": {"a": {"b": {"c": [1]}}}}
    assert isinstance(results(json.dumps(nested).encode(), "a.json")[0], Article)
    error = only_error(json.dumps(nested).encode(), "a.json", Limits(max_json_depth=3))
    assert error.reason.startswith("JSON nested deeper than 3 levels")


def test_a_lone_surrogate_becomes_u_fffd_with_a_warning():
    data = json.dumps(record(title="\ud800 خبر")).encode()  # json.dumps escapes it: \ud800
    (article,) = results(data, "a.json")
    assert article.title == "\ufffd خبر"
    assert "1 lone surrogate(s) (invalid \\u escapes) replaced by U+FFFD" in article.warnings
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")  # writable


def test_own_records_with_fields_of_the_wrong_type_are_skips_naming_the_field():
    own = Article(title="خبر", body=[SENTENCE]).to_dict()
    bad_body = only_error(json.dumps({**own, "body": [1]}).encode(), "a.jsonl")
    assert bad_body.reason == "field 'body' must be a list of texts, not [1]"
    bad_date = only_error(json.dumps({**own, "published": "x"}).encode(), "a.jsonl")
    assert bad_date.reason == "field 'published' is not an ISO date and time: 'x'"


def test_foreign_records_with_a_date_that_is_not_one_or_a_body_of_numbers_keep_the_article():
    (article,) = results(json.dumps(record(published="x")).encode(), "a.json")
    assert article.published is None
    assert "the date field 'x' is not a date; publication date unknown" in article.warnings
    (article,) = results(json.dumps({"title": "خبر", "body": [1, SENTENCE]}).encode(), "b.json")
    assert article.lead == SENTENCE
    assert "field 'body': 1 item(s) that are not text left out" in article.warnings


def test_a_number_of_5000_digits_does_not_stop_the_record():
    data = json.dumps(record()).encode()[:-1] + b', "views": ' + b"9" * 5000 + b"}"
    (article,) = results(data, "a.json")
    assert article.title == "خبر"


def _warc(pages: int, compress: bool) -> tuple[bytes, list[int]]:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    ends = []
    for i in range(pages):
        html = f"<html><body><article><h1>خبر {i}</h1><p>{SENTENCE} {SENTENCE} {SENTENCE}</p></article></body></html>"
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.ir/{i}", "response", payload=io.BytesIO(html.encode()), http_headers=headers))
        ends.append(buf.tell())
    return buf.getvalue(), ends


@pytest.mark.parametrize("compress", [True, False])
def test_a_truncated_warc_keeps_the_records_before_the_cut_and_records_the_cut(compress):
    data, ends = _warc(3, compress)
    cut = data[: ends[1] + (ends[2] - ends[1]) // 2]
    found = results(cut, "crawl.warc.gz" if compress else "crawl.warc")
    assert [a.url for a in found if isinstance(a, Article)] == ["https://example.ir/0", "https://example.ir/1"]
    (error,) = [e for e in found if isinstance(e, InputError)]
    assert error.reason.startswith("a truncated or broken WARC archive (")
    assert error.reason.endswith("; after 2 whole record(s))")


def test_a_garbage_warc_and_a_warc_cut_in_its_header_are_recorded():
    assert only_error(b"WARC/1.0\r\n" + bytes(range(1, 200)) * 5, "junk.warc").reason == "no HTML pages among the 1 WARC record(s)"
    data, _ = _warc(1, False)
    assert "truncated or broken" in only_error(data[:60], "cut.warc").reason
    assert only_error(b"not a warc at all", "named.warc").reason == "not a WARC archive (it does not begin with 'WARC/')"


def test_a_gzip_bomb_stops_at_the_decompressed_limit_quickly():
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    bomb = b"".join([*(packer.compress(b"\x00" * 1024 * 1024) for _ in range(64)), packer.flush()])  # 64 MB in 64 KB
    assert len(bomb) < 100_000
    started = time.perf_counter()
    error = only_error(bomb, "bomb.txt.gz", Limits(max_decompressed_bytes=8 * 1024 * 1024))
    assert time.perf_counter() - started < 2
    assert isinstance(error, LimitError)
    assert error.reason == "decompresses to more than 8,388,608 bytes (the limit; --max-decompressed-mb)"


# ---- item 4: one bad byte; Windows-1256 only with evidence; no mojibake


def test_one_invalid_byte_is_replaced_and_the_file_stays_utf8():
    data = TEXT.encode()
    at = data.index(b" ", 100)
    decoded = decode_text(data[:at] + b"\xff" + data[at:], "a.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text == TEXT[: len(data[:at].decode())] + "\ufffd" + TEXT[len(data[:at].decode()) :]
    assert decoded.warnings == [f"1 invalid UTF-8 byte sequence(s) replaced by U+FFFD (the first at byte {at:,})"]
    (article,) = results(data[:at] + b"\xff" + data[at:], "a.txt")
    assert article.warnings[0].startswith("1 invalid UTF-8 byte sequence(s)")


def test_windows_1256_is_read_when_it_reads_as_arabic_script():
    cp1256 = TEXT.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ")
    decoded = decode_text(cp1256.encode("cp1256"), "a.txt")
    assert (decoded.encoding, decoded.text, decoded.warnings) == ("windows-1256", cp1256, [])


def test_mojibake_is_repaired_when_it_can_be_and_refused_when_it_cannot():
    mojibake = TEXT.encode("utf-8").decode("cp1256")
    decoded = decode_text(mojibake.encode("utf-8"), "a.txt")
    assert decoded.text == TEXT
    assert decoded.warnings == ["repaired mojibake (UTF-8 text that had been read as Windows-1256)"]
    broken = mojibake.replace("ظ", "ظ\u00a0")  # what a later cleaning did to it
    with pytest.raises(InputError, match="mojibake"):
        decode_text(broken.encode("utf-8"), "a.txt")


def test_a_file_of_mixed_encodings_is_decided_line_by_line():
    lines = [SENTENCE.encode(), SENTENCE.replace("ی", "ي").replace("ک", "ك").replace("\u200c", " ").encode("cp1256"), SENTENCE.encode()]
    decoded = decode_text(b"\n".join(lines), "a.txt")
    assert decoded.text.split("\n")[0] == decoded.text.split("\n")[2] == SENTENCE
    assert decoded.text.split("\n")[1].startswith("شوراي شهر شيراز")  # as Windows-1256 writes it
    assert decoded.warnings == ["mixed encodings: 1 line(s) read as Windows-1256, the rest as UTF-8"]


@pytest.mark.parametrize(
    "data, reason",
    [
        (bytes(range(1, 256)) * 20, "not text in UTF-8, UTF-16 or Windows-1256"),  # binary without NUL bytes
        (bytes(range(128, 256)) * 40, "not text in UTF-8, UTF-16 or Windows-1256"),  # high bytes only
        (b"\x89PNG\r\n\x1a\n" + b"\x01" * 50, "binary data (a PNG image), not text"),
        (("Café résumé naïve " * 30).encode("latin-1"), "not text in UTF-8, UTF-16 or Windows-1256"),
    ],
)
def test_binary_without_nul_bytes_is_no_article(data, reason):
    assert only_error(data, "x.txt").reason == reason


# ---- item 5: one bad JSONL line


def test_a_bad_jsonl_line_is_skipped_with_its_line_number_and_the_rest_kept():
    lines = [json.dumps(record("یک"), ensure_ascii=False), "", "not json", json.dumps(record("دو"), ensure_ascii=False), '{"title": ']
    found = list(iter_articles("\n".join(lines).encode(), "dump.jsonl"))
    assert [(label, type(r).__name__) for label, r in found] == [
        ("dump.jsonl:1", "Article"), ("dump.jsonl:3", "InputError"), ("dump.jsonl:4", "Article"), ("dump.jsonl:5", "InputError"),
    ]
    assert (found[1][1].line, found[1][1].reason) == (3, "invalid JSON (Expecting value at column 1)")
    assert str(found[3][1]).startswith("dump.jsonl:5: invalid JSON")


def test_a_jsonl_whose_first_line_is_bad_is_still_read_line_by_line():
    data = ("garbage\n" + json.dumps(record("یک"), ensure_ascii=False) + "\n").encode()
    assert [type(r).__name__ for r in results(data, "a.jsonl")] == ["InputError", "Article"]


def test_a_jsonl_line_beyond_the_characters_limit_is_skipped():
    data = (json.dumps(record("یک"), ensure_ascii=False) + "\n" + json.dumps(record("ب" * 5000)) + "\n").encode()
    first, second = results(data, "a.jsonl", Limits(max_chars=1000))
    assert isinstance(first, Article)
    assert isinstance(second, LimitError) and second.line == 2 and second.reason.startswith("a line of 30,")


def test_a_raw_line_separator_inside_a_json_string_does_not_split_the_line():
    data = json.dumps(record("یک\u2028دو"), ensure_ascii=False).encode() + b"\n" + json.dumps(record("سه")).encode()
    assert [type(r).__name__ for r in results(data, "a.jsonl")] == ["Article", "Article"]


# ---- item 6: gzip once, bounded


def test_gzip_is_decompressed_once(monkeypatch):
    made = []
    original = compressed.GunzipReader.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(compressed.GunzipReader, "__init__", counting)
    monkeypatch.setattr(gzip, "decompress", lambda *a, **k: pytest.fail("gzip.decompress called"))
    (article,) = results(gzip.compress(TEXT.encode()), "a.txt.gz")
    assert article.title == "تصویب طرح کتابخانه‌های محله‌ای" and made == [1]


def test_a_truncated_gzip_text_is_skipped_whole():
    error = only_error(gzip.compress(TEXT.encode())[:-20], "a.txt.gz")
    assert error.reason.startswith("truncated gzip data")


# ---- item 10: plain-text dates, empty files, [] and the language


def test_plain_text_published_is_not_the_first_date_in_the_body():
    text = "نشست شورای شهر\n\nدر نشست ۱۲ تیر ۱۴۰۰ اعضای شورا درباره بودجه گفت‌وگو کردند و آن را تصویب کردند.\n"
    assert read(text.encode()).published is None


def test_plain_text_published_comes_from_a_date_line():
    text = "نشست شورای شهر\n\nتاریخ انتشار: چهارشنبه ۹ تیر ۱۴۰۰ - ۱۲:۳۰\n\nدر نشست ۱۲ تیر ۱۴۰۰ اعضای شورا گفت‌وگو کردند.\n"
    assert read(text.encode()).published == datetime(2021, 6, 30, 12, 30, tzinfo=TEHRAN)


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"\xef\xbb\xbf", "no text: only a byte-order mark"),
        (b"\xff\xfe", "no text: only a byte-order mark"),
        ("\u00a0\u00a0\n\u00a0".encode(), "no text: only spaces, invisible characters or punctuation"),
        ("\ufeff\u200c ... !".encode(), "no text: only spaces, invisible characters or punctuation"),
        (b"", "empty input"),
        (b"[]", "an empty JSON array: no records"),
        (b"<html><body>" + b"<" * 5000 + b"</body></html>", "no article text found"),
        ("عنوان\n\n".encode() + b"= * # " * 500, "no article text: mostly symbols, not words"),
    ],
)
def test_inputs_without_text_are_recorded_skips_not_empty_articles(data, reason):
    error = only_error(data, "x.txt")
    assert isinstance(error, NoArticleError) and error.reason == reason


@pytest.mark.parametrize(
    "text, language",
    [
        ("The talks\n\nThe minister said on Monday that the talks with the neighbouring countries would continue next week.", "en"),
        ("المحادثات\n\nأعلنت الحكومة في بيان رسمي أن الاجتماع سيعقد في العاصمة خلال الأسبوع المقبل مع وفد من الدول المجاورة.", "ar"),
        (TEXT, "fa"),
    ],
)
def test_the_language_of_an_article_is_marked(text, language):
    assert read(text.encode()).language == language


def test_a_plain_text_that_begins_with_a_bracket_is_text_not_json():
    article = read(("[ویدئو] " + TEXT).encode())
    assert article.title.startswith("[ویدئو]")


# ---- item 11: resume, the errors log, the folder walk, what is not a regular file


def test_resume_completes_a_last_record_without_its_line_end(tmp_path):
    out = tmp_path / "out.jsonl"
    kept = Article(title="پیشین", body=[SENTENCE]).to_dict()
    out.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")  # no line end
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    assert ingest([str(tmp_path / "a.txt")], out).written == 1
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "" and [json.loads(line)["title"] for line in lines[:-1]] == ["پیشین", "تصویب طرح کتابخانه‌های محله‌ای"]


def test_the_errors_file_accumulates_one_line_per_skip_with_run_and_time(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.jsonl").write_text(json.dumps(record("یک"), ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = ingest([str(tmp_path / "in")], out)
    second = ingest([str(tmp_path / "in")], out)
    assert (first.written, second.written, second.already_present) == (1, 0, 1)
    logged = [json.loads(line) for line in error_log_path(out).read_text(encoding="utf-8").splitlines()]
    assert [(e["input"], e["line"], e["record"], e["reason"]) for e in logged] == [
        (str(tmp_path / "in" / "a.jsonl"), 2, None, "invalid JSON (Expecting value at column 1)")
    ] * 2
    assert [e["run"] for e in logged] == [first.run, second.run] and first.run != second.run
    assert all(datetime.fromisoformat(e["time"]).tzinfo is not None for e in logged)


def test_the_folder_walk_leaves_out_git_hidden_and_readme_like_files(tmp_path):
    for name in (".git/config", ".git/objects/ab", ".cache/page.txt", "README.md", "LICENSE", "license.txt",
                 "CHANGELOG.rst", ".hidden.txt", "news/COPYING"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(TEXT, encoding="utf-8")
    (tmp_path / "news" / "a.txt").write_text(TEXT, encoding="utf-8")
    summary = ingest([str(tmp_path)], tmp_path / "out" / "articles.jsonl")
    assert (summary.inputs, summary.written, summary.ignored, summary.skips) == (1, 1, 6, [])
    assert ingest([str(tmp_path / "README.md")], tmp_path / "b.jsonl").written == 1  # named, it is read


def test_a_fifo_a_socket_and_symlink_loops_are_skipped_never_waited_on(tmp_path):
    import socket

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    os.mkfifo(folder / "pipe")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock"))
    os.symlink(folder / "loop2", folder / "loop1")
    os.symlink(folder / "loop1", folder / "loop2")
    os.symlink(folder, folder / "again")  # a folder link back up
    os.symlink(folder / "missing", folder / "broken")
    try:
        started = time.perf_counter()
        summary = ingest([str(folder)], tmp_path / "out.jsonl")
        assert time.perf_counter() - started < 30
    finally:
        server.close()
    reasons = {Path(s.input).name: s.reason for s in summary.skips}
    assert reasons == {
        "pipe": "not a regular file (a FIFO)",
        "sock": "not a regular file (a socket)",
        "loop1": "a symbolic link loop",
        "loop2": "a symbolic link loop",
        "again": "a symbolic link loop (folder already walked); not followed",
        "broken": "a broken symbolic link",
    }
    assert summary.written == 1


def test_an_unreadable_file_is_recorded(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "secret.txt").write_text(TEXT, encoding="utf-8")
    real_open = os.open

    def guarded(path, *args, **kwargs):
        if str(path).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", guarded)
    summary = ingest([str(tmp_path)], tmp_path / "out" / "o.jsonl")
    assert summary.written == 1
    assert [(Path(s.input).name, s.reason) for s in summary.skips] == [("secret.txt", "permission denied")]


def test_out_pointing_to_a_folder_is_one_clear_error(tmp_path):
    from khabar.errors import OutputError

    with pytest.raises(OutputError, match="is a folder; --out takes a file name"):
        ingest([str(tmp_path)], tmp_path)


# ---- item 12: cost linear in the input


def test_html_with_many_angle_brackets_is_linear():
    para = f"<p>{SENTENCE} {SENTENCE}</p>"
    page = "<html><body>" + para + "<script>" * 40_000 + "<" * 100_000 + para + "</body></html>"  # 420 KB
    started = time.perf_counter()
    article = parse_html(page)
    assert time.perf_counter() - started < 5  # was 36 s for 300 KB
    assert SENTENCE in article.text()


def test_strip_tags_matches_the_tag_pattern_it_replaced():
    import re

    pattern = re.compile(r"<script.*?</script>|<style.*?</style>|<[^>]+>", re.S | re.I)
    for html in ("<p>a</p><script>x<p></script>b", "a < b > c", "<<>>", "<STYLE>s</style>t<", "<script>open <b>bold</b>"):
        assert strip_tags(html) == pattern.sub(" ", html)


# ---- limits: skipped with the reason, never half-read


def test_a_file_beyond_the_bytes_limit_is_skipped_before_it_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    summary = ingest([str(tmp_path / "a.txt")], tmp_path / "o.jsonl", limits=Limits(max_file_bytes=100))
    assert summary.written == 0
    assert summary.skips[0].reason == f"too large ({len(TEXT.encode()):,} bytes; limit 100, --max-file-mb)"


def test_a_document_beyond_the_characters_limit_is_skipped():
    error = only_error(TEXT.encode(), "a.txt", Limits(max_chars=50))
    assert isinstance(error, LimitError) and error.reason.startswith("too large for one document")


def test_a_record_beyond_the_characters_limit_is_skipped():
    data = json.dumps([record("یک"), record("دو", abstract="ب" * 500)], ensure_ascii=False).encode()
    first, second = results(data, "a.json", Limits(max_chars=400))
    assert isinstance(first, Article)
    assert isinstance(second, LimitError) and second.record == 1
    assert second.reason == "604 characters of text (limit 400, --max-chars)"


# ---- the batch never stops


def test_a_bug_in_a_parser_costs_one_input_not_the_batch(tmp_path, monkeypatch):
    from khabar.ingest import inputs

    real = inputs.iter_articles

    def flaky(data, name, limits):
        if name.endswith("b.txt"):
            raise TypeError("a bug")
        return real(data, name, limits)

    monkeypatch.setattr(inputs, "iter_articles", flaky)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(TEXT.replace("تصویب", name), encoding="utf-8")
    summary = ingest([str(tmp_path)], tmp_path / "out" / "o.jsonl")
    assert summary.written == 2
    assert [(Path(s.input).name, s.reason) for s in summary.skips] == [
        ("b.txt", "internal error (TypeError: a bug); the input was not read to its end")
    ]


def test_a_warc_record_with_a_wrong_length_is_recorded_and_warcio_prints_nothing(capsys):
    data, _ = _warc(2, False)
    at = data.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = data.index(b"\r\n", at)
    damaged = data[:at] + str(int(data[at:end]) - 40).encode() + data[end:]
    found = results(damaged, "crawl.warc")
    (error,) = [e for e in found if isinstance(e, InputError)]
    assert error.reason.startswith("a damaged WARC archive (1 record(s) with a wrong Content-Length")
    assert capsys.readouterr().err == ""


def test_a_file_of_many_bad_lines_is_counted_in_full_and_logged_in_part(tmp_path):
    from khabar.ingest.batch import MAX_LOGGED_PER_INPUT

    lines = [json.dumps(record("یک"), ensure_ascii=False)] + ["not json"] * 2000 + ['{"title": ']
    (tmp_path / "a.jsonl").write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out" / "o.jsonl"
    summary = ingest([str(tmp_path / "a.jsonl")], out)
    assert (summary.written, summary.skipped) == (1, 2001)
    assert summary.reasons() == {"invalid JSON": 2001}
    logged = [json.loads(line) for line in error_log_path(out).read_text(encoding="utf-8").splitlines()]
    assert len(logged) == MAX_LOGGED_PER_INPUT + 1 and logged[0]["line"] == 2
    assert logged[-1]["reason"] == "1001 more skips not listed one by one: 1001 × invalid JSON"
