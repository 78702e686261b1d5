"""Publication dates written in pages read the one calendar table: the month
spellings times knows are dates for ingest too."""

from datetime import datetime

from khabar.ingest.dates import TEHRAN, date_in_url, find_date


def test_month_spellings_of_the_one_table():
    assert find_date("منتشر شده در ۵ اذر ۱۳۹۹") == datetime(2020, 11, 25, tzinfo=TEHRAN)
    assert find_date("کابل - ۱۵ اسد ۱۴۰۰ - ۱۰:۳۰") == datetime(2021, 8, 6, 10, 30, tzinfo=TEHRAN)
    assert find_date("۱۲ جون ۲۰۲۰") == datetime(2020, 6, 12, tzinfo=TEHRAN)
    assert find_date("۳ سپتمبر ۲۰۲۱") == datetime(2021, 9, 3, tzinfo=TEHRAN)


def test_dates_that_do_not_exist_are_not_found():
    assert find_date("۳۰ اسفند ۱۴۰۰") is None  # 1400 is a common year
    assert find_date("۳۰ اسفند ۱۳۹۹ ساعت ۱۲:۰۰") == datetime(2021, 3, 20, 12, 0, tzinfo=TEHRAN)
    assert find_date("۱۲ تیر ۱۴۰۰ ساعت ۲۵:۰۰") is None
    assert find_date("۱۲ ژوئن ۱۴۰۰") is None  # a Gregorian month, a Jalali year


def test_fars_item_numbers_are_jalali_dates():
    assert date_in_url("https://www.farsnews.ir/news/8707060255") == datetime(2008, 9, 27, tzinfo=TEHRAN)
    assert date_in_url("https://www.farsnews.ir/news/14001230000123") is None  # no Esfand 30 in 1400
