"""The fast paths of normalization give what the general ones give: a value or an
offset asserted for each, on sentences written for khabar."""

from khabar import normalize, normalize_aligned
from khabar.persian import normalize as module
from khabar.persian import zwnj
from khabar.persian.chars import ZWNJ

Z = ZWNJ


def test_a_text_with_only_frequent_swaps_is_mapped_by_them_with_identity_offsets():
    raw = "باغ كوچك ما 12 درخت دارد"
    assert module._special("persian").search(raw) is None  # Arabic letters and digits: frequent swaps
    assert module._special("persian").search("باغ ما حتماً") is not None  # a mark is special
    out, offsets = normalize_aligned(raw)
    assert out == "باغ کوچک ما ۱۲ درخت دارد"
    assert offsets == list(range(len(raw) + 1))
    assert module._phase_a(raw, "persian") == module._phase_a_text(raw, "persian")


def test_a_mark_or_a_tatweel_is_handled_in_its_word_alone():
    raw = "ســاعت   ده، او حتماً مي آيد و دفترِ من"
    assert [raw[a:b] for a, b in module._windows(raw, "persian", 1)] == ["ســاعت", "حتماً", "دفترِ"]
    assert module._phase_a(raw, "persian") == module._phase_a_text(raw, "persian")
    out, offsets = normalize_aligned(raw)
    assert out == f"ساعت ده، او حتماً می{Z}آید و دفتر من"
    assert raw[offsets[0] : offsets[4]] == "ســاعت"  # the tatweel falls inside the word
    end = out.index("دفتر") + 4
    assert raw[offsets[end - 4] : offsets[end]] == "دفترِ"  # and so does the dropped kasra


def test_a_latin_letter_or_a_character_outside_the_fast_ranges_takes_the_general_path():
    assert module._windows("ایران Iran ـ", "persian", 0) is None
    assert module._windows("قهوه\u0301 ـ", "persian", 0) is None
    assert normalize("نام ICT 2 و 2 ســال") == "نام ICT 2 و ۲ سال"


def test_phase_b_skips_what_has_nothing_to_do_and_does_the_rest():
    assert normalize("ساعت   ده، جلسه تمام شد .") == "ساعت ده، جلسه تمام شد."
    assert normalize(f"کتاب{Z}{Z}ها را آوردم") == f"کتاب{Z}ها را آوردم"
    assert normalize(f"در{Z}ها باز است{Z}") == "درها باز است"  # after a non-joining letter; at the end
    assert normalize("گل ها،می روند") == f"گل{Z}ها، می{Z}روند"
    assert normalize("باغ(بزرگ) و « گل »") == "باغ (بزرگ) و «گل»"
    text = "باغ ما بزرگ است"
    assert normalize(text) == text


def test_restore_by_tokens_equals_restore_by_words():
    texts = [
        "آن ها می شوند، ما نه",
        "نمي دانم چرا",
        "هوا سرد شده و بچه ها مي روند",
        "سامانه را به روز رسانی کردند و «می روند».",
        "گل ها،می روند و  دو  برگ ها",
        "",
        " ",
        "بچه",
    ]
    for text in texts:
        text = module._phase_a(text, "persian")
        assert zwnj.restore(text) == zwnj.restore_by_words(text), text
        assert zwnj.restore(text) == zwnj.restore(text)  # learnt tokens give the same again
    assert zwnj.restore("آن ها می شوند، ما نه") == f"آن{Z}ها می{Z}شوند، ما نه"


def test_offsets_of_an_inserted_half_space_and_a_removed_one():
    raw = "آن ها می شوند"
    out, offsets = normalize_aligned(raw)
    assert out == f"آن{Z}ها می{Z}شوند"
    assert offsets[2] == 2 and raw[offsets[2]] == " "  # the half-space stands where the space was
    raw = f"کتاب{Z}{Z}ها"
    out, offsets = normalize_aligned(raw)
    assert out == f"کتاب{Z}ها"
    assert offsets == [0, 1, 2, 3, 4, 6, 7, 8]
