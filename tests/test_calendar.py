"""The calendars: month names and their variants, conversions at the edges
(Esfand 30 of a leap year, the Hijri tables' first and last days)."""

from datetime import date

import pytest

from khabar.persian.calendar import (
    CALENDAR_WORDS,
    GREGORIAN,
    GREGORIAN_MONTH_NAMES,
    GREGORIAN_MONTHS,
    HIJRI,
    HIJRI_MONTH_NAMES,
    HIJRI_MONTHS,
    JALALI,
    JALALI_MONTHS,
    WEEKDAYS,
    day_in,
    full_year,
    month_calendar,
    month_end,
    month_number,
    to_gregorian,
    year_end,
    year_month,
)


def test_esfand_30_exists_only_in_a_leap_year():
    assert to_gregorian(JALALI, 1399, 12, 30) == date(2021, 3, 20)
    assert to_gregorian(JALALI, 1403, 12, 30) == date(2025, 3, 20)
    assert to_gregorian(JALALI, 1400, 12, 30) is None
    assert month_end(JALALI, 1399, 12) == date(2021, 3, 20)
    assert month_end(JALALI, 1400, 12) == year_end(JALALI, 1400) == date(2022, 3, 20)


def test_jalali_months_have_31_30_and_29_or_30_days():
    assert month_end(JALALI, 1400, 6) == date(2021, 9, 22)  # Shahrivar 31
    assert month_end(JALALI, 1400, 7) == date(2021, 10, 22)  # Mehr 30
    assert to_gregorian(JALALI, 1400, 7, 31) is None


def test_hijri_dates_within_the_umm_al_qura_tables():
    assert to_gregorian(HIJRI, 1343, 1, 1) == date(1924, 8, 1)
    assert to_gregorian(HIJRI, 1500, 12, 30) == date(2077, 11, 16)
    assert to_gregorian(HIJRI, 1342, 12, 29) is None  # before the tables
    assert to_gregorian(HIJRI, 1501, 1, 1) is None  # after them
    assert to_gregorian(HIJRI, 1445, 1, 30) is None  # Muharram 1445 had 29 days
    assert month_end(HIJRI, 1445, 9) == date(2024, 4, 9)
    assert day_in(date(1924, 8, 1), HIJRI) == (1343, 1, 1)
    assert year_month(date(2077, 11, 16), HIJRI) == (1500, 12)
    with pytest.raises(OverflowError):
        year_month(date(1924, 7, 31), HIJRI)
    with pytest.raises(OverflowError):
        day_in(date(2077, 11, 17), HIJRI)


def test_gregorian_dates_and_the_year_of_a_day_in_each_calendar():
    assert to_gregorian(GREGORIAN, 2021, 2, 29) is None
    assert month_end(GREGORIAN, 2020, 2) == date(2020, 2, 29)
    assert day_in(date(2021, 6, 30), JALALI) == (1400, 4, 9)
    assert day_in(date(2021, 3, 21), JALALI) == (1400, 1, 1)
    assert year_month(date(2021, 6, 30), HIJRI) == (1442, 11)
    assert year_month(date(2021, 6, 30), GREGORIAN) == (2021, 6)
    assert to_gregorian(JALALI, None, 1, 1) is None


def test_month_names_and_their_variants():
    assert [month_number(m) for m in JALALI_MONTHS] == list(range(1, 13))
    assert [month_number(m) for m in GREGORIAN_MONTH_NAMES] == list(range(1, 13))  # the names dates are written with
    assert [month_number(m) for m in HIJRI_MONTH_NAMES] == list(range(1, 13))
    assert GREGORIAN_MONTH_NAMES[4] == "مه" and HIJRI_MONTH_NAMES[8] == "رمضان"
    assert month_number("اذر") == month_number("أذر") == 9
    assert month_number("امرداد") == 5
    assert month_number("اسد") == 5 and month_calendar("اسد") == JALALI  # Afghan names of the solar months
    assert month_number("ژوئیه") == month_number("جولای") == 7
    assert month_number("جون") == month_number("ژون") == 6
    assert month_number("سپتمبر") == 9 and month_calendar("سپتمبر") == GREGORIAN
    assert month_number("ربیع\u200cالاول") == month_number("ربیع الاول") == month_number("ربیع اول") == 3
    assert month_number("ذیحجه") == month_number("ذی الحجه") == 12
    assert month_calendar("رمضان") == HIJRI and month_calendar("تابستان") == JALALI
    assert set(HIJRI_MONTHS.values()) == set(GREGORIAN_MONTHS.values()) == set(range(1, 13))
    with pytest.raises(KeyError):
        month_number("کتاب")


def test_weekdays_calendar_words_and_short_years():
    assert WEEKDAYS["شنبه"] == date(2021, 6, 26).weekday()  # a Saturday
    assert WEEKDAYS["پنج\u200cشنبه"] == WEEKDAYS["پنجشنبه"] == 3
    assert CALENDAR_WORDS["ه.ش"] == CALENDAR_WORDS["خورشیدی"] == JALALI
    assert CALENDAR_WORDS["ه.ق"] == HIJRI and CALENDAR_WORDS["م"] == GREGORIAN
    assert full_year(95, JALALI) == 1395 and full_year(45, HIJRI) == 1445 and full_year(21, GREGORIAN) == 2021
    assert full_year(1399, JALALI) == 1399
