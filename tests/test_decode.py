import pytest

from khabar.errors import InputError
from khabar.ingest.decode import decode, read_text

TEXT = "خبرگزاری گزارش داد که نمایشگاه کتاب آغاز شد."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),
        TEXT.encode("utf-16-le"),
        TEXT.encode("utf-16-be"),
    ],
)
def test_unicode_encodings(data):
    assert decode(data) == TEXT


def test_windows_1256():
    arabic_yeh = TEXT.replace("ی", "ي")  # Windows-1256 has no Persian yeh
    assert decode(arabic_yeh.encode("cp1256")) == arabic_yeh


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        decode(bytes(range(256)) * 4)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_empty_file_is_empty_text(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    assert read_text(p) == ""


def test_valid_utf8_wins_over_a_declared_charset():
    from khabar.ingest.decode import decode_text

    page = f"<html><head><meta charset='windows-1256'></head><body><p>{TEXT}</p></body></html>"
    decoded = decode_text(page.encode("utf-8"), "page.html", charset="windows-1256")
    assert (decoded.encoding, decoded.warnings) == ("utf-8", []) and TEXT in decoded.text


def test_a_declared_legacy_charset_is_used_when_the_bytes_are_not_utf8():
    from khabar.ingest.decode import decode_text

    english = "The minister said \u201cwe are ready\u201d and left. " * 5
    decoded = decode_text(english.encode("cp1252"), "page.html", charset="windows-1252")
    assert (decoded.encoding, decoded.text) == ("cp1252", english)


def test_the_meta_charset_of_a_page_is_read():
    from khabar.ingest.reader import read

    body = "<p>" + ("The minister said \u201cwe are ready\u201d and the talks would continue next week. " * 5) + "</p>"
    page = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head><body><article>{body}</article></body></html>'
    article = read(page.encode("cp1252"), name="page.html")
    assert "\u201cwe are ready\u201d" in article.text() and article.warnings == []


def test_utf16_of_an_odd_length_drops_the_last_byte_with_a_warning():
    from khabar.ingest.decode import decode_text

    decoded = decode_text(TEXT.encode("utf-16") + b"\x00", "a.txt")
    assert decoded.text == TEXT
    assert decoded.warnings == ["UTF-16 text with an odd number of bytes: the last byte dropped"]


def test_a_fifo_is_not_read(tmp_path):
    import os

    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match="not a regular file"):
        read_text(tmp_path / "pipe")
