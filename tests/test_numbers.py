"""Numbers and quantities: values of the expressions in tests/data/quantities.tsv,
number words both ways, and what must not be taken for a quantity."""

import json

import pytest
from conftest import read_tables
from hypothesis import given, settings
from hypothesis import strategies as st

import khabar
from khabar.extract.numbers import extract_quantities
from khabar.extract.numberwords import compound_value, ordinal_value, to_words


def _rows():
    return read_tables("quantities.tsv", "quantities_systematic.tsv")


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["text"])
def test_quantity_table(row):
    found = extract_quantities(khabar.normalize(row["sentence"]))
    assert len(found) == 1, [q.to_dict() for q in found]
    q = found[0]
    assert q.text == khabar.normalize(row["text"])
    assert (q.kind, q.value, q.unit or "", q.approx or "") == (
        row["kind"], json.loads(row["value"]), row["unit"], row["approx"],
    )


def test_table_has_enough_rows():
    assert len(_rows()) >= 60


def test_toman_is_converted_to_rials_and_noted():
    q = extract_quantities(khabar.normalize("قیمت ۵۰ هزار تومان است"))[0]
    assert (q.value, q.unit, q.note) == (500000, "IRR", "toman (10 rials)")


@pytest.mark.parametrize(
    "sentence",
    [
        "دو کشور با یکدیگر همکاری می‌کنند.",  # a determiner, not a quantity
        "این دیدار دو جانبه بود.",
        "نه، او نیامد.",
        "۴ ماه نخست سال",  # a duration: the times layer
        "در تاریخ ۱۴۰۰/۰۴/۰۹ ساعت ۱۰:۳۰",  # a date and a time
        "نخست‌وزیر سخنرانی کرد.",
        "تیم ما در مرحله یک هشتم نهایی جام حذفی بازی می‌کند.",  # a round of a cup, not ⅛
        "تیم ملی به مرحله یک چهارم پایانی رسید.",  # the same round, said another way
    ],
)
def test_not_quantities(sentence):
    assert extract_quantities(khabar.normalize(sentence)) == []


def test_quantity_offsets_index_the_doc_text():
    doc = khabar.analyze("به گزارش ایرنا، حجم تجارت ۹ میلیارد و ۱۰۰ هزار دلار شد و ۲۲.۵ درصد رشد کرد.")
    assert [doc.text[q.start : q.end] for q in doc.quantities] == ["۹ میلیارد و ۱۰۰ هزار دلار", "۲۲.۵ درصد"]
    assert doc.to_dict()["quantities"][0]["value"] == 9_000_100_000


@pytest.mark.parametrize(
    "word, value",
    [("دوم", 2), ("سوم", 3), ("سی‌ام", 30), ("چهارمین", 4), ("نخست", 1), ("اولین", 1), ("صدم", 100), ("بیست و سوم", 23)],
)
def test_ordinals(word, value):
    assert ordinal_value(khabar.normalize(word)) == value


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_words_for_any_integer_parse_back(n):
    assert compound_value(to_words(n)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**15))
def test_written_amounts_are_found_with_their_value(n):
    found = extract_quantities(khabar.normalize(f"مبلغ {to_words(n)} دلار پرداخت شد."))
    assert [(q.kind, q.value, q.unit) for q in found] == [("money", n, "USD")]


@settings(max_examples=300, deadline=None)
@given(st.dates(min_value=__import__("datetime").date(1700, 1, 1), max_value=__import__("datetime").date(2300, 12, 31)))
def test_jalali_gregorian_round_trip(day):
    import jdatetime

    assert jdatetime.date.fromgregorian(date=day).togregorian() == day


def test_years_and_dates_are_times_not_quantities():
    doc = khabar.analyze("در سال ۱۳۹۹ و در ۱۲ اردیبهشت ۱۴۰۰، ۵۰۰ نفر ثبت‌نام کردند.")
    assert [q.text for q in doc.quantities] == ["۵۰۰ نفر"]
    assert len(doc.times) == 2


def test_a_number_word_with_and_written_onto_it():
    found = extract_quantities(khabar.normalize("بودجه سیصدو پنج میلیون دلار و سه هزار و سیصد‌و ده نفر است"))
    assert [(q.value, q.unit) for q in found] == [(305_000_000, "USD"), (3310, "person")]


def test_number_words_out_of_order_are_not_one_number():
    """"هفت و بیست" is two numbers; "یک صد" and Dari's "دو صد" are hundreds."""
    from khabar.extract.numberwords import compound_value

    assert compound_value("هفت و بیست و هشت") is None
    assert compound_value("پانزده و سه") is None
    assert compound_value("دو صد و پنجاه") == 250
    assert compound_value("یک صد و بیست") == 120
    assert compound_value("نهصد و نود و نه هزار و نهصد و نود و نه") == 999_999


def test_two_countries_is_not_a_figure():
    """A small number in words before a noun is a determiner ("دو کشور"); in digits or large, a count."""
    assert extract_quantities(khabar.normalize("دو کشور درباره همکاری گفت‌وگو کردند.")) == []
    found = extract_quantities(khabar.normalize("نمایندگان ۷۳ کشور آمدند."))
    assert [(q.kind, q.value, q.unit) for q in found] == [("count", 73, "country")]


def test_a_number_word_after_a_half_space_is_part_of_another_word():
    """"می‌دهم" (I give) was the ordinal 10, "بی‌بی‌سی" (BBC) the number 30 and
    "بی‌سیم" (wireless) 30: 110 false numbers in the news archive."""
    text = khabar.normalize("من گزارش را به بی‌بی‌سی می‌دهم و از بی‌سیم استفاده نمی‌کنم.")
    assert extract_quantities(text) == []


def test_dahom_after_the_noun_of_a_compound_verb_is_the_verb():
    text = khabar.normalize("باید کارم را انجام دهم و به تمرین ادامه دهم. تیم در رده دهم جدول است.")
    assert [(q.text, q.value) for q in extract_quantities(text)] == [("دهم", 10)]
    assert text[extract_quantities(text)[0].start - 4 :].startswith("رده دهم")


def test_codes_with_a_leading_zero_are_not_quantities():
    text = khabar.normalize("کد تلفن از ۰۲۴ به ۰۲۴۱ تغییر کرد و دما ۰.۵ درجه بالا رفت.")
    assert [(q.text, q.value) for q in extract_quantities(text)] == [("۰.۵ درجه", 0.5)]


def test_tens_and_ones_written_together_need_and():
    """"سینه‌ام" (my chest) was the ordinal 39 (سی + نه); "یکصد", "دوهزار" and "سی‌ونه" stay numbers."""
    assert extract_quantities(khabar.normalize("از زور فشار قفسه سینه‌ام درد دارم.")) == []
    assert [compound_value(w) for w in ("یکصد", "دوهزار", "سی‌ونه", "سینه")] == [100, 2000, 39, None]


def test_a_number_after_a_place_in_a_series_counts_nothing_after_it():
    """"در دقیقه ۸۸ گل دوم" was 88 goals and "پیراهن شماره ۱۰ تیم" 10 teams (about 60 in the archive)."""
    found = extract_quantities(khabar.normalize("او در دقیقه ۸۸ گل دوم را زد و در ۹۰ دقیقه ۲ گل زد."))
    assert [(q.text, q.kind, q.unit) for q in found] == [
        ("۸۸", "number", None), ("دوم", "number", None), ("۲ گل", "count", "goal")]


def test_a_pair_that_runs_down_is_a_result_or_a_range_typed_right_to_left():
    """"۲-۱" is a score; "۲۰-۱۵ درصد" the range 15–20; "۶۰۰-۵۰۰ میلیون تومان" was [6,000, 5×10^9] rials."""
    found = extract_quantities(khabar.normalize("تیم ما ۲-۱ برد و سهم آن ۲۰-۱۵ درصد و هزینه ۶۰۰-۵۰۰ میلیون تومان بود."))
    assert [(q.value, q.note) for q in found] == [
        ([2, 1], "a result, not a range"), ([15, 20], None), ([5_000_000_000, 6_000_000_000], "toman (10 rials)")]


def test_a_range_written_high_to_low_is_put_in_order_and_says_so():
    (q,) = extract_quantities(khabar.normalize("سهم این بخش از ۳۵ تا ۹ درصد کاهش یافت."))
    assert (q.value, q.unit, q.note) == ([9, 35], "%", "written high to low")
    (q,) = extract_quantities(khabar.normalize("هزینه بین ۲۰ تا ۱۰ میلیون تومان است."))
    assert (q.value, q.note) == ([100_000_000, 200_000_000], "toman (10 rials); written high to low")


def test_a_second_year_written_short_is_the_next_year():
    (q,) = extract_quantities(khabar.normalize("بودجه سال‌های ۲۰۱۸ تا ۱۹ تصویب شد."))
    assert q.value == [2018, 2019]
    (q,) = extract_quantities(khabar.normalize("شمار اعضا از ۲۰۰۰ تا ۵۰ نفر کم شد."))
    assert (q.value, q.note) == ([50, 2000], "written high to low")  # not a year: not 2000–2050
