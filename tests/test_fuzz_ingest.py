"""Fuzzing the ingest of every format (hypothesis, a small budget here; bench/junk.py
--fuzz runs many more): whatever the bytes, `iter_articles` gives Articles and
errors that name the input, never raises, and every Article can be written as
UTF-8 JSON. A JSONL text gives one result per non-blank line, named by its number."""

import gzip
import io
import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from khabar.errors import KhabarError
from khabar.ingest.limits import Limits
from khabar.ingest.reader import iter_articles
from khabar.model import Article

# KHABAR_FUZZ_EXAMPLES=2000 for a longer run
FUZZ = settings(max_examples=int(os.environ.get("KHABAR_FUZZ_EXAMPLES", "40")), deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
LIMITS = Limits(max_chars=200_000, max_decompressed_bytes=2 * 1024 * 1024, max_json_depth=16)
PERSIAN = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكۀة‌ ۰۱۲۳۴۵۶۷۸۹،.؟«»\n"
NAMES = st.sampled_from(["a.txt", "a.html", "a.json", "a.jsonl", "a.warc", "a.warc.gz", "a.txt.gz", "a", "x.bin"])
persian_text = st.text(alphabet=st.sampled_from(PERSIAN), max_size=400)
any_text = st.text(max_size=300)


def check(data: bytes, name: str) -> list:
    found = list(iter_articles(data, name, LIMITS))
    assert found, "every input gives an article or a skip"
    for label, result in found:
        assert label.startswith(name)
        if isinstance(result, Article):
            json.dumps(result.to_dict(), ensure_ascii=False).encode("utf-8")
        else:
            assert isinstance(result, KhabarError), result
            assert str(result).startswith(name) and "\n" not in str(result)
    return found


@FUZZ
@given(st.binary(max_size=3000), NAMES)
def test_any_bytes(data, name):
    check(data, name)


@FUZZ
@given(st.lists(st.one_of(persian_text, any_text), min_size=1, max_size=8), st.sampled_from(["utf-8", "utf-16", "cp1256"]))
def test_plain_text_in_any_encoding(lines, encoding):
    text = "\n\n".join(lines)
    if encoding == "cp1256":
        text = text.replace("ی", "ي").replace("ک", "ك")
    check(text.encode(encoding, "replace"), "a.txt")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | persian_text | any_text,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["title", "body", "paragraphs", "abstract", "published", "date", "link", "schema", "id", "x"]), children, max_size=6),
    max_leaves=30,
)


@FUZZ
@given(st.lists(json_values, min_size=1, max_size=6))
def test_json_lines_one_result_per_line(values):
    lines = [json.dumps(v, ensure_ascii=False) for v in values]
    found = check("\n".join(lines).encode("utf-8", "surrogatepass"), "a.jsonl")
    refused = len(found) == 1 and "binary data" in str(found[0][1])  # a short file of control characters
    if len(lines) > 1 and not refused:
        assert [label for label, _ in found] == [f"a.jsonl:{n}" for n in range(1, len(lines) + 1)]


@FUZZ
@given(st.lists(json_values, max_size=6), st.booleans())
def test_json_arrays_and_objects(values, as_object):
    document = {"title": values[0] if values else "", "paragraphs": values} if as_object else values
    check(json.dumps(document).encode(), "a.json")


fragments = st.lists(
    st.one_of(
        persian_text,
        st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<script>", "</script>", "<style>", "<", ">", "&zwnj;",
                         "<article>", "</article>", "<h1>", "</h1>", "<!--", "-->", "<meta charset='cp1256'>",
                         "<title>", "</title>", "<br/>", "&amp;", "<![CDATA[", "]]>"]),
    ),
    max_size=60,
)


@FUZZ
@given(fragments)
def test_html_fragments(parts):
    check(("<html><body>" + "".join(parts)).encode(), "a.html")


def _warc(payloads: list[bytes], compress: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=compress)
    for i, payload in enumerate(payloads):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://example.ir/{i}", "response", payload=io.BytesIO(payload), http_headers=headers))
    return buf.getvalue()


@FUZZ
@given(st.lists(fragments.map(lambda p: ("<html><body>" + "".join(p)).encode()), min_size=1, max_size=3),
       st.booleans(), st.floats(0, 1))
def test_warc_archives_whole_or_cut(pages, compress, keep):
    data = _warc(pages, compress)
    cut = data[: max(1, int(len(data) * keep))]
    found = check(cut, "a.warc.gz" if compress else "a.warc")
    assert sum(isinstance(r, Article) for _, r in found) <= len(pages)


@FUZZ
@given(persian_text, st.floats(0, 1))
def test_gzip_whole_or_cut(text, keep):
    data = gzip.compress(("عنوان\n\n" + text).encode())
    check(data[: max(2, int(len(data) * keep))], "a.txt.gz")


@FUZZ
@given(st.sampled_from(["txt", "json", "html"]), st.lists(st.tuples(st.integers(0, 10_000), st.binary(max_size=4)), max_size=6))
def test_mutated_good_inputs(kind, edits):
    text = "نشست شورای شهر\n\n" + "شورای شهر امروز طرح توسعه کتابخانه‌ها را تصویب کرد. " * 6
    data = {
        "txt": text.encode(),
        "json": json.dumps({"title": "خبر", "paragraphs": [text]}, ensure_ascii=False).encode(),
        "html": f"<html><body><article><h1>خبر</h1><p>{text}</p></article></body></html>".encode(),
    }[kind]
    for at, junk in edits:
        at %= len(data) + 1
        data = data[:at] + junk + data[at + len(junk) // 2 :]
    check(data, f"a.{kind}")
