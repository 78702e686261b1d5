"""Issue 22, quantities: counts of nouns in words, cents, indefinite amounts, acronyms."""

import pytest

import khabar


def quantities(text):
    return [(q.text, q.kind, q.value, q.unit) for q in khabar.analyze(text, layers=["quantities"]).quantities]


@pytest.mark.parametrize("text, expected", [
    ("هفت سارق در شهر دستگیر شدند.", [("هفت سارق", "count", 7, "سارق")]),
    ("بیست و پنج خبرنگار به سالن آمدند.", [("بیست و پنج خبرنگار", "count", 25, "خبرنگار")]),
    ("پنج کودک و دو زن زخمی شدند.", [("پنج کودک", "count", 5, "کودک"), ("دو زن", "count", 2, "زن")]),
    ("دو هزار سرباز به مرز رفتند.", [("دو هزار سرباز", "count", 2000, "سرباز")]),
])
def test_a_number_in_words_before_a_noun_counts_it(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["یک مقام آگاه گفت.", "نه تنها او آمد.", "سه روز گذشت.", "شبکه سی بی سی خبر داد."])
def test_not_counts(text):
    assert quantities(text) == []


def test_money_with_cents_is_one_amount():
    assert quantities("بهای هر سهم ۳۳۳ دلار و ۵۰ سنت شد.") == [("۳۳۳ دلار و ۵۰ سنت", "money", 333.5, "USD")]
    assert quantities("بلیت ۵ یورو و ۲۰ سنت است.") == [("۵ یورو و ۲۰ سنت", "money", 5.2, "EUR")]


def test_indefinite_amounts_are_ranges_flagged_vague():
    doc = khabar.analyze("ده‌ها هزار نفر در میدان جمع شدند.", layers=["quantities"])
    q = doc.quantities[0]
    assert (q.text, q.kind, q.value, q.unit, q.approx) == ("ده‌ها هزار نفر", "count", [20000, 99000], "person", "vague")
    assert quantities("صدها خانه ویران شد.") == [("صدها خانه", "count", [200, 999], "خانه")]


@pytest.mark.parametrize("text", ["گزارش بی بی سی", "شبکه سی ان ان", "سازمان سی آی ای"])
def test_an_acronym_is_not_thirty(text):
    assert quantities(text) == []


def test_a_clitic_before_thirty_is_not_a_spelled_letter():
    assert quantities("با سابقه‌ای سی نفر آمد.")[0][2] == 30


@pytest.mark.parametrize("text", ["هزینه‌ها دو برابر شد.", "یک‌هزارم آن نبود.", "با نتیجه ۴ بر صفر دست یافت."])
def test_multipliers_fractions_and_zero_count_nothing(text):
    assert all(kind != "count" for _, kind, _, _ in quantities(text))


@pytest.mark.parametrize("text, expected", [
    ("دو تبعه خارجی بازداشت شدند و ۲ تبعه دیگر آزاد شدند.", [("دو تبعه", "count", 2, "تبعه"), ("۲ تبعه", "count", 2, "تبعه")]),
    ("در یک‌هزار و ۵۰۰ روستا آب نیست.", [("یک‌هزار و ۵۰۰ روستا", "count", 1500, "village")]),
    ("تعداد جان‌باختگان به ۲۲۱۱۵ تن رسید.", [("۲۲۱۱۵ تن", "count", 22115, "person")]),
])
def test_counts_in_digits_joined_thousands_and_persons(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", [
    "شماره کارت ۶۱۰۴۳۳۷۹۹۹۹۹۹۹۹۶ اعلام شد.", "بیماری کووید-۱۹ شایع شد.", "تیم با نتیجه ۳ بر ۲ پیروز شد.",
])
def test_identifiers_names_and_scores_are_no_amounts(text):
    assert all(kind != "count" and unit is None for _, kind, _, unit in quantities(text))
    assert not any(v == 19 or (isinstance(v, int) and v > 10**12) for _, _, v, _ in quantities(text))


def test_a_label_is_flagged_not_an_amount():
    (q,) = khabar.analyze("طبق ماده ۱۸۰ قانون عمل شد.", layers=["quantities"]).quantities
    assert (q.text, q.ordinal, q.unit) == ("۱۸۰", True, None) and "label" in q.note


def test_counts_do_not_cross_a_line_break():
    assert quantities("سایپا ۳\n\nگل‌ها را زدند") == [("۳", "number", 3, None)]


def test_a_noun_tagged_as_a_name_still_counts_unless_it_is_an_entity():
    doc = khabar.analyze("قانون تازه در همه ۵۰ ایالت آمریکا اجرا می‌شود.", layers=["tag", "quantities"])
    assert [t.pos for t in doc.tokens if t.text == "ایالت"] == ["PROPN"]  # the case this rule is for
    assert quantities("قانون تازه در همه ۵۰ ایالت آمریکا اجرا می‌شود.") == [("۵۰ ایالت", "count", 50, "ایالت")]
    for text in ("تیم ما ۲ استقلال را برد.", "دیروز ۳ تهران را دیدند."):
        doc = khabar.analyze(text, layers=["entities", "quantities"])
        assert doc.entities and [(q.kind, q.unit) for q in doc.quantities] == [("number", None)]


@pytest.mark.parametrize("text, expected", [
    ("در این شهر ۱۲کتابخانه ساخته شد.", [("۱۲کتابخانه", "count", 12, "کتابخانه")]),
    ("این طرح ۸۰درصد پیشرفت دارد.", [("۸۰درصد", "percent", 80, "%")]),
])
def test_a_noun_glued_to_digits_is_counted_but_not_a_unit_or_suffix(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("در این حمله سه فلسطینی زخمی شدند.", [("سه فلسطینی", "count", 3, "فلسطینی")]),
    ("حدود ۸۵ هزار نظامی در رزمایش بودند.", [("حدود ۸۵ هزار نظامی", "count", 85000, "نظامی")]),
    ("کشته شدن ۱۳ پلیس عراق در انفجار", [("۱۳ پلیس", "count", 13, "پلیس")]),
])
def test_people_named_by_an_adjective_and_the_head_of_an_organisation_are_counted(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize("text", [
    "روابط دو جانبه گسترش یافت.", "این مسابقه پنج تیمی است.", "راه‌حل دو دولتی مطرح شد.",
    "سفر ۵۰ میلیون یورویی", "مراسم ۱۵ خرداد برگزار شد.",
])
def test_adjectives_of_a_noun_before_and_dates_are_no_counts(text):
    assert all(kind != "count" for _, kind, _, _ in quantities(text))


def test_numbers_listed_after_a_label_noun_are_labels():
    doc = khabar.analyze("امسال مناطق ۴، ۵ و ۹ طرح را اجرا می‌کنند و ماده ۱۲ و ۲۰ نفر حاضرند.", layers=["quantities"])
    assert [(q.text, q.ordinal) for q in doc.quantities] == [("۴", True), ("۵", True), ("۹", True), ("۱۲", True), ("۲۰ نفر", False)]
    assert quantities("مواد ۲۲ گانه قانون") == [("۲۲ گانه", "count", 22, "گانه")]
    (q,) = khabar.analyze("تبصره ۲- این بند اجرا شود.", layers=["quantities"]).quantities
    assert q.ordinal and "label" in q.note
