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
