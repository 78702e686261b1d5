"""normalize_aligned: every output character maps back to where it came from."""

from khabar import normalize, normalize_aligned


def test_offsets_point_at_source_characters():
    raw = "همکاريهاي  دو كشور"
    out, offsets = normalize_aligned(raw)
    assert out == normalize(raw)
    assert len(offsets) == len(out) + 1
    word = out.split(" ")[1]
    s = out.index(word)
    assert raw[offsets[s] : offsets[s + len(word)]] == "دو"
    # the inserted ZWNJ maps to the boundary where it was inserted
    z = out.index("\u200c")
    assert raw[offsets[z]] == "ه"


def test_deleted_characters_fall_inside_spans():
    raw = "ســلام\u200f دنیا"
    out, offsets = normalize_aligned(raw)
    assert out == "سلام دنیا"
    # a dropped character belongs to the span before it
    assert raw[offsets[0] : offsets[4]] == "ســلام\u200f"
    assert raw[offsets[5] : offsets[9]] == "دنیا"


def test_expanding_characters_map_to_one_source():
    raw = "ﻻ"
    out, offsets = normalize_aligned(raw)
    assert out == "لا"
    assert offsets == [0, 0, 1]
