"""Time expressions: values of tests/data/times.tsv against 2021-06-30, the
seed's expressions, relative ones without a publication date, calendars."""

from datetime import date

import pytest
from conftest import read_tables
from hypothesis import example, given, settings
from hypothesis import strategies as st

import khabar
import khabar.ingest.reader
from khabar.extract.times import extract_times
from khabar.extract.times.found import NOT_A_TIME
from khabar.extract.times.registry import RULES
from khabar.extract.times.rule import EXAMPLE_DAY

PUBLISHED = date(2021, 6, 30)


def _rows():
    return read_tables("times.tsv", "times_systematic.tsv")


@pytest.mark.parametrize("row", _rows(), ids=lambda r: r["text"])
def test_time_table(row):
    found = extract_times(khabar.normalize(row["sentence"]), PUBLISHED)
    assert len(found) == 1, [t.to_dict() for t in found]
    t = found[0]
    assert t.text == khabar.normalize(row["text"])
    assert (t.kind, t.value or "", t.calendar or "") == (row["kind"], row["value"], row["calendar"])


def test_table_size():
    assert len(_rows()) >= 50


def test_seed_times(shared_data):
    doc = khabar.analyze(khabar.ingest.reader.read(shared_data / "seed/irna-ankara-moscow.txt"), published=PUBLISHED)
    values = {t.text: t.value for t in doc.times}
    assert values["روز چهارشنبه"] == "2021-06-30"
    assert values["در ۴ ماه نخست سال جاری میلادی"] == "2021-01-01/2021-04-30"
    assert values["هفته گذشته"] == "2021-06-19/2021-06-25"
    assert values["از آغاز سال جاری"] == "2021-01-01/2021-06-30"


def test_relative_without_publication_date_gives_a_reason():
    t = extract_times(khabar.normalize("هفته گذشته جلسه بود."))[0]
    assert t.value is None and "publication date" in t.reason


def test_year_is_taken_from_the_end_of_a_range():
    t = extract_times(khabar.normalize("بین ۲۷ اوت تا ۲۲ اکتبر سال ۲۰۱۷"), PUBLISHED)[0]
    assert t.value == "2017-08-27/2017-10-22"


def test_words_that_are_not_times():
    for sentence in ("نماز جمعه برگزار شد.", "یک دی جی آمد.", "تیر و کمان خرید.", "این کتاب ۱۴۰۰ صفحه دارد."):
        assert extract_times(khabar.normalize(sentence), PUBLISHED) == [], sentence


def test_analyze_uses_the_article_date():
    from datetime import datetime

    from khabar.ingest.dates import TEHRAN
    from khabar.model import Article

    art = Article(title="جلسه", body=["دیروز جلسه برگزار شد."], published=datetime(2021, 6, 30, 9, 0, tzinfo=TEHRAN))
    doc = khabar.analyze(art)
    assert [t.value for t in doc.times] == ["2021-06-29"]


def test_line_gate_skips_nothing_that_matches(monkeypatch):
    """The keyword gate (which lines are worth which patterns) changes no result:
    the tables and words written together, tried with and without it."""
    import khabar.extract.times.engine as engine
    from khabar.extract.times.registry import RULES

    text = "\n".join(khabar.normalize(r["sentence"]) for r in _rows()) + (
        "\nبیش از صدسال قبل ساخته شد\nامروزدوشنبه جلسه است\nمراسم شب یلدای امسال\nسال هزار و چهارصد\n۲۰۲۱ م"
        "\nجلسه روز ۵ می برگزار می‌شود\nگزارش سه‌ماهه دوم منتشر می‌شود"
    )
    gated = [t.to_dict() for t in extract_times(text, PUBLISHED)]
    every = frozenset(rule.name for rule in RULES)
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    monkeypatch.setattr(engine, "lines_to_try", lambda _: [(s, e, every) for s, e in zip(starts, ends, strict=True)])
    assert [t.to_dict() for t in extract_times(text, PUBLISHED)] == gated
    assert {"از صدسال قبل", "امروزدوشنبه", "شب یلدای امسال", "سال هزار و چهارصد", "۲۰۲۱ م", "روز ۵ می",
            "سه‌ماهه دوم"} <= {t["text"] for t in gated}


def test_festivals_resolve_to_the_nearest_occurrence_or_the_year_written():
    def value(sentence, published=PUBLISHED):
        return [t.value for t in extract_times(khabar.normalize(sentence), published)]

    assert value("مراسم شب یلدا") == ["2021-12-21"]  # 174 days ahead is nearer than 192 behind
    assert value("مراسم شب یلدا", date(2021, 3, 1)) == ["2020-12-20"]
    assert value("نوروز ۱۳۹۹ در قرنطینه گذشت") == ["2020-03-20"]
    assert value("کریسمس ۲۰۲۰") == ["2020-12-25"]
    assert [t.reason for t in extract_times(khabar.normalize("روز عاشورا"))] == [
        "the year is not written and there is no publication date"]


def test_dates_that_name_places_are_not_times():
    """A date after a square, street or stadium is the place's name; one with a year is a date."""
    assert extract_times(khabar.normalize("تجمع در میدان ۷ تیر برگزار شد."), PUBLISHED) == []
    assert extract_times(khabar.normalize("مراسم در خیابان ۱۷ شهریور بود."), PUBLISHED) == []
    for place in ("دبستان ۲۲ بهمن", "بیمارستان ۱۵ خرداد", "سالن هفتم تیر"):
        assert extract_times(khabar.normalize(f"مدیر {place} از آن بازدید کرد."), PUBLISHED) == [], place
    found = extract_times(khabar.normalize("ورزشگاه ۱۲ فروردین در ۱۸ خرداد افتتاح می‌شود."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("در ۱۸ خرداد", "2021-06-08")]
    found = extract_times(khabar.normalize("مدارس از ۱ مهر باز می‌شوند."), PUBLISHED)
    assert [t.value for t in found] == ["2021-09-23"]


def test_age_groups_are_not_spans_of_time():
    """"زیر ۲۳ سال" names a team's age group; "ده سال" after "کودکان زیر" an age."""
    assert extract_times(khabar.normalize("تیم زیر ۲۳ سال قبل از بازی تمرین کرد."), PUBLISHED) == []
    found = extract_times(khabar.normalize("رقابت‌های مقدماتی زیر ۱۹ سال ۲۰۱۶ در تهران بود."), PUBLISHED)
    assert [t.value for t in found] == ["2016-01-01/2016-12-31"]
    found = extract_times(khabar.normalize("او ۲۰ سال در این باشگاه بازی کرد."), PUBLISHED)
    assert [t.value for t in found] == ["P20Y"]


def test_afghan_month_names_need_a_day_and_a_year():
    """حمل، میزان، جدی… are everyday words too: a date only as "۱۵ اسد ۱۴۰۰"."""
    for sentence in ("به میزان ۱۴۰۰ تن کالا حمل شد.", "هزینه حمل ۱۴۰۰ تن بار", "دو میزان را مقایسه کرد.", "بشار اسد ۱۴۰۰ روز"):
        found = extract_times(khabar.normalize(sentence), PUBLISHED)
        assert all("اسد" not in t.text and "میزان" not in t.text and "حمل" not in t.text for t in found), sentence
    found = extract_times(khabar.normalize("نشست در ۲ حوت ۱۳۹۹ برگزار شد."), PUBLISHED)
    assert [t.value for t in found] == ["2021-02-20"]


def test_ordinal_ending_a_phrase_is_not_a_day():
    """"لیگ شانزدهم روز سه‌شنبه …": the ordinal belongs to the league; the day is read whole."""
    found = extract_times(khabar.normalize("لیگ شانزدهم روز سه‌شنبه ۱۵ تیر آغاز می‌شود."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("روز سه‌شنبه ۱۵ تیر", "2021-07-06")]


def test_school_and_water_years_are_not_calendar_years():
    for sentence in ("تا پایان سال تحصیلی کلاس‌ها ادامه دارد.", "بارش‌ها از ابتدای سال آبی کم بود."):
        assert extract_times(khabar.normalize(sentence), PUBLISHED) == [], sentence


def test_durations_do_not_join_other_times():
    """"در سال گذشته ۶۳ شب": a year and a number of nights, two expressions."""
    found = extract_times(khabar.normalize("او در سال گذشته ۶۳ شب در هتل ماند."), PUBLISHED)
    assert [(t.text, t.kind) for t in found] == [("در سال گذشته", "interval"), ("۶۳ شب", "duration")]


def test_the_past_n_months_is_not_a_day_of_last_month():
    found = extract_times(khabar.normalize("قیمت‌ها طی ۲۰ ماه گذشته دو برابر شد."), PUBLISHED)
    assert [t.kind for t in found] == ["interval"] and found[0].value.endswith("/2021-06-30")


def test_numbers_and_names_that_look_like_times():
    """"حدود ۲۰۰۰ سرباز" is a number; "سارینا نوروزی" a surname; "پایان هفته هفدهم" a league's week;
    "نیمروز" a county (was half a day); "زیارت عاشورا" a prayer."""
    for sentence in ("در این جنگ حدود ۲۰۰۰ سرباز کشته شدند.", "خانم سارینا نوروزی مقام اول را گرفت.",
                     "این تیم در پایان هفته هفدهم دوم شد.", "فرماندار شهرستان نیمروز آمد.",
                     "مادران برایمان زیارت عاشورا می‌خوانند.", "نرخ رسمی: یک کرون سوئد ۱۳۱۴ ریال.",
                     "او با نتیجه دو بر صفر جون را شکست داد.", "توپ از بالای دروازه راهی اوت شد."):
        assert extract_times(khabar.normalize(sentence), PUBLISHED) == [], sentence


def test_volumes_and_weekdays_of_named_months_are_not_dates():
    for sentence in ("این مقاله در سال ششم، شماره ۲ فصلنامه چاپ شد.", "آخرین جمعه ماه رمضان نامی دیگر دارد."):
        assert all("سال شش" not in t.text and "جمعه" not in t.text
                   for t in extract_times(khabar.normalize(sentence), PUBLISHED)), sentence


def test_spans_do_not_depend_on_the_publication_date():
    """"دو روز دیگر" was a duration without a publication date and a date with
    one, so "امروز تا دو روز دیگر" was one interval or two expressions."""
    for text in ("اتفاقات امروز تا دو روز دیگر مهم است.", "نمایشگاه اول تا اواسط آذر باز است."):
        norm = khabar.normalize(text)
        undated = [(t.start, t.end) for t in extract_times(norm)]
        assert undated == [(t.start, t.end) for t in extract_times(norm, PUBLISHED)]
        assert len(undated) == 1


def test_a_hijri_year_before_the_converters_tables_says_so():
    """hijridate holds the Umm al-Qura tables (1343–1500 AH); an earlier year has
    no value and says why ("not a valid year" said nothing; a century had no reason)."""
    for text in ("این رساله در سال ۱۲۷۰ قمری نوشته شد.", "او از دانشمندان سده یازدهم هجری است."):
        found = extract_times(khabar.normalize(text), PUBLISHED)
        assert [(t.value, "1343" in (t.reason or "")) for t in found] == [(None, True)], text


def test_every_time_without_a_value_says_why():
    """"ساعت ۲۲ امشب" with no publication date had neither a value nor a reason."""
    for row in _rows():
        for published in (None, PUBLISHED):
            for t in extract_times(khabar.normalize(row["sentence"]), published):
                assert t.value is not None or t.reason, (row["sentence"], published, t.text)


def test_expressions_do_not_overlap_after_taking_in_their_words():
    """"… تا به امروز" also gave "امروز" again; "۱۵ روز قبل" and "قبل از سال ۹۹" shared "قبل"."""
    for text in ("او از سال ۲۰۰۹ تا به امروز ۴۴ بازی کرد.", "من ۱۵ روز قبل از سال ۹۹ به تیم آمدم."):
        found = extract_times(khabar.normalize(text), PUBLISHED)
        assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False)), [t.text for t in found]


def test_a_span_of_time_beyond_iso_years_has_no_value_and_does_not_fail():
    """"۳۰۰۰ سال پیش" raised ValueError (year -979) and stopped the analysis;
    "هزار و ۲۰۰ سال قبل" was read as "۲۰۰ سال قبل"."""
    found = extract_times(khabar.normalize("این بنا ۳۰۰۰ سال پیش ساخته شد."), PUBLISHED)
    assert [(t.value, "9999" in t.reason) for t in found] == [(None, True)]
    found = extract_times(khabar.normalize("این حوزه از هزار و ۲۰۰ سال قبل برپاست."), PUBLISHED)
    assert [t.value for t in found] == ["0821-06-30"]


_FUZZ_TEXT = (
    "فروردین تیر دی ژوئن اکتبر محرم رمضان ربیع‌الاول امروز دیروز فردا شنبه جمعه سال ماه هفته روز ساعت دقیقه "
    "قرن دهه فصل تا از در پیش قبل بعد گذشته آینده جاری امسال اوایل پایان نیمه اول دوم و یک دو یکی بیست صد هزار "
    "هجری قمری شمسی میلادی صبح شب مانده به حدود زیر تابستان زمستان میلیارد میلیون - / : ، ۰ ۱ ۹ ۱۲ ۳۱ ۹۹ ۱۳۰۰ ۱۴۰۰ ۲۰۲۱ ۹۹۹۹ ۱۲:۳۰ ۱۴۰۰/۰۱/۰۱"
)
_FUZZ_WORDS = _FUZZ_TEXT.split()


@settings(max_examples=300, deadline=None)
@example(["۱۲:۳۰", "ربیع‌الاول", "ژوئن"], date(1910, 5, 5))
@example(["۹۹۹۹", "سال", "پیش"], date(2021, 6, 30))
@example(["تابستان", "میلیارد"], None)
@example(["تابستان", "یک", "یک"], None)
@example(["تابستان", "۹۹۹۹"], None)
@example(["۰", "ماه", "اول", "ماه", "شمسی"], date(1956, 7, 27))
@example(["قمری", "سال", "گذشته"], date(1924, 10, 9))
@given(st.lists(st.sampled_from(_FUZZ_WORDS), min_size=1, max_size=9),
       st.one_of(st.none(), st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))))
def test_any_run_of_time_words_resolves_without_failing(words, published):
    """Found by fuzzing: a Hijri month with a publication date before 1924 raised
    OverflowError (the Umm al-Qura tables), "۳۰۰۰ سال پیش" ValueError."""
    text = khabar.normalize(" ".join(words))
    found = extract_times(text, published)
    for t in found:
        assert text[t.start : t.end] == t.text and (t.value is not None or t.reason)
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


def test_the_programme_navad_is_not_ninety_weeks():
    found = extract_times(khabar.normalize("او در برنامه نود هفته گذشته حاضر شد."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("هفته گذشته", "2021-06-19/2021-06-25")]


def test_a_weekday_in_brackets_after_today_is_part_of_it():
    """"صبح امروز (شنبه)" gave "شنبه" as a second date, resolved on its own (~110 in the archive)."""
    found = extract_times(khabar.normalize("در دیدارهای صبح امروز (چهارشنبه) لیگ بسکتبال آغاز شد."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("صبح امروز (چهارشنبه)", "2021-06-30")]


def test_a_period_then_today_are_two_times():
    """"سال ۱۳۹۹ امروز": the year names the league, "امروز" the day; the edge of
    a day before "دیشب" is still part of it."""
    found = extract_times(khabar.normalize("قهرمان لیگ سال ۱۳۹۹ امروز (چهارشنبه) جام را بالای سر برد."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("سال ۱۳۹۹", "2020-03-20/2021-03-20"), ("امروز (چهارشنبه)", "2021-06-30")]
    found = extract_times(khabar.normalize("آتش در ساعات پایانی دیشب خاموش شد."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("در ساعات پایانی دیشب", "2021-06-29")]


def test_until_now_after_a_vague_start_says_the_start_is_vague():
    """The publication date is known; what is missing is where the stretch begins."""
    (t,) = extract_times(khabar.normalize("قیمت‌ها از چند ماه گذشته تاکنون بالا رفته است."), PUBLISHED)
    assert (t.text, t.kind, t.value, t.reason) == ("از چند ماه گذشته تاکنون", "interval", None, "a vague amount of time")
    (t,) = extract_times(khabar.normalize("قیمت‌ها از چند ماه گذشته تاکنون بالا رفته است."))
    assert t.reason == "relative to a publication date that is not known"


def test_a_scale_word_after_a_season_or_month_is_no_year():
    """"تابستان میلیارد" had neither a value nor a reason; "تابستان هزار" was the
    summer of the year 1000 (1621)."""
    assert extract_times(khabar.normalize("درآمد تابستان هزار میلیارد تومان بود."), PUBLISHED) == []
    assert extract_times(khabar.normalize("شهرداری در اسفند هزار درخت کاشت."), PUBLISHED) == []
    found = extract_times(khabar.normalize("تابستان هزار و چهارصد هوا بسیار گرم بود."), PUBLISHED)
    assert [(t.text, t.value) for t in found] == [("تابستان هزار و چهارصد", "2021-06-22/2021-09-22")]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.name)
def test_every_rule_reads_its_examples(rule):
    """Each rule record's examples, read by that rule alone against EXAMPLE_DAY;
    its rejects give no time."""
    assert rule.examples, rule.name
    for case in rule.examples:
        found = rule.find(khabar.normalize(case.text), EXAMPLE_DAY)
        assert [t.value for t in found] == [case.value], case.text
        assert found[0].value is not None or found[0].reason, case.text
    for text in rule.rejects:
        found = rule.find(khabar.normalize(text), EXAMPLE_DAY)
        assert [t.text for t in found if t.kind != NOT_A_TIME] == [], text


def test_rules_are_records_with_unique_names():
    assert len({rule.name for rule in RULES}) == len(RULES) == 43
    assert all(callable(rule.resolve) and callable(rule.pattern) for rule in RULES)


def test_words_that_made_the_stage_fail_now_say_why():
    """Four inputs raised before times became a package (TypeError, ValueError,
    AttributeError): an edge of a Hijri year before the tables, an edge word
    before clock times, and the last Wednesday of a year at jdatetime's end."""
    def found(text, published):
        return [(t.text, t.value, t.reason) for t in extract_times(khabar.normalize(text), published)]

    hijri = "a Hijri year outside the Umm al-Qura tables the converter has (1343–1500)"
    assert found("اوایل سال گذشته قمری", date(1924, 10, 1)) == [("اوایل سال گذشته قمری", None, hijri)]
    assert found("از آغاز سال گذشته قمری", date(1924, 10, 1)) == [("از آغاز سال گذشته قمری", None, hijri)]
    assert found("اوایل ساعت ۸ تا ۱۰", PUBLISHED) == [("اوایل ساعت ۸ تا ۱۰", "T08:00/T10:00", None)]
    # the Nowruz of Jalali 9378 is past jdatetime: the one before is the nearest known
    assert found("چهارشنبه آخر سال", date(9998, 12, 1)) == [("چهارشنبه آخر سال", "9998-03-18", None)]


def _times(sentence, published=PUBLISHED):
    return [(t.text, t.value) for t in extract_times(khabar.normalize(sentence), published)]


def test_seasons_named_together_take_their_year_or_none():
    assert _times("این دو فیلم در پاییز و زمستان امسال ساخته می‌شوند.") == [("در پاییز و زمستان امسال", "2021-09-23/2022-03-20")]
    assert _times("کشاورزان در بهار و تابستان ۱۳۹۸ زیان دیدند.") == [("در بهار و تابستان ۱۳۹۸", "2019-03-21/2019-09-22")]
    [(text, value)] = _times("این گیاه به فصل پاییز و زمستان نیاز دارد.")
    assert text == "فصل پاییز و زمستان" and value is None  # no year: seasons of any year


def test_a_range_of_decades_keeps_its_calendar_word():
    assert _times("این ترانه‌ها در دهه‌های ۶۰ تا ۸۰ میلادی شنیده می‌شد.") == [("در دهه‌های ۶۰ تا ۸۰ میلادی", "1960-01-01/1989-12-31")]


def test_the_new_year_is_the_one_whose_first_day_is_nearest():
    from datetime import date

    assert _times("برنامه‌های باشگاه در سال جدید اعلام شد.", date(2019, 3, 10)) == [("در سال جدید", "2019-03-21/2020-03-19")]
    assert _times("برنامه‌های باشگاه در سال جدید اعلام شد.", date(2019, 4, 20)) == [("در سال جدید", "2019-03-21/2020-03-19")]
    assert _times("کمی مانده به آغاز سال جدید جلسه گذاشتیم.", date(2019, 4, 20)) == [("آغاز سال جدید", "2019-03-21")]
    assert [v for _, v in _times("از ابتدای سال جدید تاکنون ۸ حادثه رخ داد.", date(2019, 4, 20))] == ["2019-03-21/2019-04-20"]
    [(_, value)] = _times("برنامه‌های باشگاه در سال جدید اعلام شد.", date(2019, 9, 25))
    assert value is None  # half a year from either Nowruz: which new year is not said


def test_years_named_by_their_slogan():
    from datetime import date

    assert _times("مدیر کارخانه سال رونق تولید را سال موفقی خواند.") == [("سال رونق تولید", "2019-03-21/2020-03-19")]
    [(_, value)] = _times("شعار سال اقتصاد مقاومتی بر دیوار بود.", date(2015, 5, 1))
    assert value is None  # named so in 1395 and 1396: neither had come yet


def test_a_year_said_again_takes_the_year_named_just_before():
    found = _times("سال ۱۳۸۵ را به یاد دارم؛ در آن سال سد ساخته شد.")
    assert found == [("سال ۱۳۸۵", "2006-03-21/2007-03-20"), ("در آن سال", "2006-03-21/2007-03-20")]
    [(_, value)] = _times("در آن سال سد ساخته شد.")
    assert value is None  # no year before it
    assert _times("سال ۱۳۸۵ گذشت.\n\nدر همان سال سد ساخته شد.")[1][1] is None  # not across paragraphs


def test_anniversaries_of_known_events_and_of_others():
    assert _times("مردم در سی‌امین سالگرد پیروزی انقلاب اسلامی راهپیمایی کردند.") == [
        ("در سی‌امین سالگرد پیروزی انقلاب اسلامی", "2009-02-10")]
    [(text, value)] = _times("شهر دویستمین سالگرد بنای پل را جشن گرفت.")
    assert text == "دویستمین سالگرد" and value is None
    assert _times("در سالروز رحلت امام رضا عزاداری کردند.") == []


def test_named_weeks_and_vague_minutes_have_no_value():
    assert _times("به مناسبت هفته کتاب نمایشگاهی برپا شد.") == [("هفته کتاب", None)]
    assert _times("مربی تیم دقایقی پیش به ورزشگاه رسید.") == [("دقایقی پیش", None)]


def test_one_day_of_a_story_is_not_a_duration():
    assert _times("او گفت: یک روز پدرم مرا به بازار برد.") == [("یک روز", None)]
    assert _times("جلسه یک روز طول کشید.") == [("یک روز", "P1D")]
    assert _times("نتایج یک روز بعد آمد.") == [("یک روز بعد", None)]  # after a time the text named before


def test_adineh_as_a_surname_is_not_friday():
    assert _times("بازیگرانی چون مریم آدینه و سارا کریمی آمدند.") == []
    assert _times("روز آدینه جلسه برگزار شد.") == [("روز آدینه", "2021-06-25")]


def test_events_named_by_a_two_digit_year():
    assert _times("پس از انتخابات ۹۲ دولت عوض شد.") == [("۹۲", "2013-03-21/2014-03-20")]
    assert _times("انتخابات ۲۸ خرداد برگزار شد.")[0][0] == "۲۸ خرداد"


def test_parts_of_a_day_and_minutes_of_a_game_alone():
    assert _times("او قبل از ظهر به بانک رفت.") == [("قبل از ظهر", None)]
    assert _times("مهاجم در دقیقه ۸۵ گل زد.") == [("در دقیقه ۸۵", None)]
    assert _times("پیش از ظهر امروز جلسه بود.")[0][1] == "2021-06-30"


def test_a_relative_day_ending_a_title_in_quotes_is_a_name():
    assert _times("این گزارش را روزنامه «جهان امروز» منتشر کرد.") == []


def test_a_new_year_around_january_without_a_calendar_is_flagged():
    from datetime import date

    [(_, value)] = _times("مهمانی سال نو در کاخ برگزار شد.", date(2021, 1, 3))
    assert value is None
    assert _times("مهمانی سال نو میلادی در کاخ برگزار شد.", date(2021, 1, 3)) == [("سال نو میلادی", "2021-01-01")]


def test_a_season_of_this_year_in_a_text_that_counts_christian_years():
    from datetime import date

    text = "عضویت در سال ۲۰۰۶ میلادی قطعی است و تابستان سال جاری مذاکرات تمام می‌شود."
    assert _times(text, date(2005, 1, 14))[-1] == ("تابستان سال جاری", "2005-06-22/2005-09-22")


def test_a_part_of_the_day_before_a_date_is_the_dates():
    from datetime import date

    assert _times("شامگاه ۳۱ شهریور امسال حادثه رخ داد.", date(2010, 9, 26)) == [("شامگاه ۳۱ شهریور امسال", "2010-09-22")]


def test_a_new_year_around_january_in_a_story_of_a_christian_calendar_country():
    text = "جشن سال نو در نیویورک با حضور هزاران نفر برگزار شد و مهمانان سال نوی خود را در خیابان گذراندند."
    assert _times(text, date(2019, 1, 2)) == [("سال نو", "2019-01-01/2019-12-31"), ("سال نوی", "2019-01-01/2019-12-31")]


def test_a_month_then_last_year_is_that_month_of_last_year():
    assert _times("قیمت‌ها از اسفند سال گذشته بالا رفت.", date(2021, 6, 30)) == [("از اسفند سال گذشته", "2021-02-19/2021-03-20")]
    assert _times("قیمت‌ها از تیر سال گذشته بالا رفت.", date(2021, 6, 30)) == [("سال گذشته", "2020-03-20/2021-03-20")]  # "تیر" alone may be a word


def test_the_middle_of_a_month_as_for_its_middle_third():
    assert _times("مذاکرات از نیمه ژانویه آغاز شد.", date(2021, 6, 30)) == [("از نیمه ژانویه", "2021-01-11/2021-01-21")]
    assert _times("مذاکرات از اواسط ژانویه آغاز شد.", date(2021, 6, 30)) == [("از اواسط ژانویه", "2021-01-11/2021-01-21")]


def test_a_weekday_after_this_year_is_its_own_expression():
    found = _times("نتیجه مسابقه امسال روز شنبه اعلام می‌شود.", date(2021, 6, 30))
    assert [t for t, _ in found] == ["امسال", "روز شنبه"]


def test_a_count_of_years_in_a_row_is_no_time():
    assert _times("این باشگاه برای سومین سال پیاپی قهرمان شد.", date(2021, 6, 30)) == []


def test_the_crop_year_and_a_development_plan():
    assert _times("خرید گندم در سال زراعی جاری بیشتر شد.", date(2018, 12, 30)) == [("در سال زراعی جاری", "2018-09-23/2019-09-22")]
    [(span, value)] = _times("ظرفیت تا پایان برنامه ششم توسعه دو برابر می‌شود.", date(2016, 4, 13))
    assert span == "تا پایان برنامه ششم توسعه" and value is None
