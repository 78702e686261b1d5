"""One test per normalization rule, on sentences written for khabar."""

import pytest

from khabar import normalize
from khabar.persian.chars import ZWNJ

Z = ZWNJ


def test_arabic_letters_become_persian():
    assert normalize("كتاب علي") == "کتاب علی"
    assert normalize("مصطفى") == "مصطفی"


def test_heh_with_yeh_above_is_written_as_heh_and_hamza():
    assert normalize("خانۀ ما") == "خانه\u0654 ما"


def test_presentation_forms_become_letters():
    assert normalize("ﻻ ﺳﻼﻡ") == "لا سلام"


def test_digits_become_persian_by_default_and_latin_on_request():
    assert normalize("سال 1400 و ٢٠٢١") == "سال ۱۴۰۰ و ۲۰۲۱"
    assert normalize("سال ۱۴۰۰", digits="latin") == "سال 1400"


def test_bad_digits_option_is_an_error():
    with pytest.raises(ValueError):
        normalize("x", digits="roman")


def test_tatweel_short_vowels_and_invisibles_removed():
    assert normalize("ســلام بَر تو\u200f") == "سلام بر تو"
    assert normalize("اصلاً") == "اصلاً"  # tanwin stays


def test_spaces_collapsed_and_paragraphs_kept():
    assert normalize("یک   دو\u00a0سه\n\n\n\nچهار  ") == "یک دو سه\n\nچهار"


def test_persian_punctuation_and_spacing():
    assert normalize("آمد ,رفت ?") == "آمد، رفت؟"
    assert normalize("او گفت :« سلام »") == "او گفت: «سلام»"
    assert normalize("کتاب(جلد دوم)را خواندم") == "کتاب (جلد دوم) را خواندم"
    assert normalize("تهران،مشهد") == "تهران، مشهد"


def test_meaningless_zwnj_removed():
    assert normalize(f"کتاب{Z}{Z}ها") == f"کتاب{Z}ها"
    assert normalize(f"{Z}سلام{Z} دنیا") == "سلام دنیا"
    assert normalize(f"کار{Z}ها") == "کارها"  # after a non-joining letter


def test_spaced_forms_get_half_spaces():
    assert normalize("ما همکاری می کنیم") == f"ما همکاری می{Z}کنیم"
    assert normalize("تنش ها کاهش یافت") == f"تنش{Z}ها کاهش یافت"
    assert normalize("آنان رفته اند") == f"آنان رفته{Z}اند"
    assert normalize("صنایع ترکیه ای") == f"صنایع ترکیه{Z}ای"
    assert normalize("نمی دانم") == f"نمی{Z}دانم"


def test_joined_forms_get_half_spaces():
    assert normalize("همکاریهای اقتصادی") == f"همکاری{Z}های اقتصادی"
    assert normalize("ایشان میکنند") == f"ایشان می{Z}کنند"
    assert normalize("دیدار کردهاند") == f"دیدار کرده{Z}اند"
    assert normalize("گفتوگو ادامه دارد") == f"گفت{Z}وگو ادامه دارد"


def test_words_that_look_inflected_are_left_alone():
    assert normalize("تنها راه") == "تنها راه"
    assert normalize("میز و میدان") == "میز و میدان"
    assert normalize("بیشتر و بهتر") == "بیشتر و بهتر"


def test_half_space_after_non_joining_letter_is_not_added():
    assert normalize("کار ها") == "کارها"


def test_existing_half_spaces_are_kept():
    text = f"پژوهش{Z}های تازه{Z}ای"
    assert normalize(text) == text


def test_things_that_must_not_change():
    for text in (
        "به گزارش ایرنا از تی.آر.تی",
        "رشد ۲۲.۵ درصدی",
        "۱٬۲۰۰ نفر",
        "نشانی https://www.irna.ir/news/84000123/page?id=7 است",
        "به news.desk@example.com بنویسید",
        "The meeting in Antalya, 2021",
        "واکسن COVID-19 رسید",
    ):
        assert normalize(text) == text, text


def test_idempotent_on_a_mixed_paragraph():
    text = "همکاریهای  دو كشور ,  به  ٢٢.٥ درصد رسید؛ آنها می كنند .\n\n\nپایان"
    once = normalize(text)
    assert normalize(once) == once


def test_a_joined_word_joins_the_word_before_it_in_one_pass():
    # "روز رسانی" becomes "روزرسانی", which then takes "به": one pass gives what two did.
    once = normalize("سامانه در حال به روز رسانی است و به کار گیری آن آسان است.")
    assert "به‌روزرسانی" in once and "به‌کارگیری" in once
    assert normalize(once) == once


def test_every_presentation_form_normalizes_once_and_for_all():
    # "ﹷ" (U+FE77) expands to a tatweel and a fatha, which a second pass used to drop.
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        once = normalize(chr(cp))
        assert normalize(once) == once, hex(cp)
    assert normalize("\ufe77") == ""


def test_empty_and_whitespace():
    assert normalize("") == ""
    assert normalize(" \n \n") == ""


def test_fast_mark_class_is_every_combining_char_of_the_fast_ranges():
    import re
    import unicodedata

    from khabar.persian import normalize as module

    fast = [chr(c) for c in range(0x10000) if not module._OUTSIDE_FAST_NFC.match(chr(c))]
    combining = {c for c in fast if unicodedata.combining(c)}
    assert combining == {c for c in fast if re.fullmatch(module._ARABIC_MARKS, c)}


def test_stray_marks_after_a_space_are_dropped():
    assert normalize("سلام َدنیا") == "سلام دنیا"


def test_bound_compound_heads_join_after_a_known_word():
    assert normalize("رفتار سامی ستیزی") == f"رفتار سامی{Z}ستیزی"
    assert normalize("یک فرهنگ نویس") == f"یک فرهنگ{Z}نویس"


def test_preverb_before_mi_keeps_the_preverb_joined():
    assert normalize("آنها برمیگردند") == f"آنها برمی{Z}گردند"


def test_two_everyday_words_are_not_joined_without_treebank_evidence():
    assert normalize("کار تمام شده است") == "کار تمام شده است"


def test_mi_joins_only_a_verb_form():
    assert normalize("تا پنجم می دو هزار و بیست و دو") == "تا پنجم می دو هزار و بیست و دو"  # May, 2022
    assert normalize("اواسط می امسال") == "اواسط می امسال"
    assert normalize("نمی توان گفت") == f"نمی{Z}توان گفت"
    assert normalize("آنها می رفته اند") == f"آنها می{Z}رفته{Z}اند"
