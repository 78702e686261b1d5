"""Publication dates in every form a user gives them (issue 21, item 1)."""

from datetime import date, datetime, timezone

import jdatetime
import pytest

import khabar
from khabar.published import as_published


@pytest.mark.parametrize("value, expected", [
    ("2021-06-30", date(2021, 6, 30)),
    ("1400-04-09", date(2021, 6, 30)),
    ("۱۴۰۰/۰۴/۰۹", date(2021, 6, 30)),
    ("1399/12/30", date(2021, 3, 20)),  # Esfand 30 of a leap year
    (date(2021, 6, 30), date(2021, 6, 30)),
    (jdatetime.date(1400, 4, 9), date(2021, 6, 30)),
    ("2021-06-30T10:00:00+04:30", datetime.fromisoformat("2021-06-30T10:00:00+04:30")),
    (datetime(2021, 6, 30, tzinfo=timezone.utc), datetime(2021, 6, 30, tzinfo=timezone.utc)),
    (None, None),
    ("  ", None),
])
def test_published_forms(value, expected):
    assert as_published(value) == expected


@pytest.mark.parametrize("value", ["x", "1400-13-01", "1400-12-31", 20210630, 3.5, "2021-02-30"])
def test_not_a_date_is_a_clear_value_error(value):
    with pytest.raises(ValueError, match="published"):
        as_published(value)


def test_analyze_takes_a_string_date():
    doc = khabar.analyze("دیروز باران بارید.", published="1400-04-09", layers=["times"])
    assert doc.published == date(2021, 6, 30)
    assert doc.times[0].value == "2021-06-29"


def test_analyze_refuses_a_bad_date_before_any_work():
    with pytest.raises(ValueError, match="'x'"):
        khabar.analyze("دیروز", published="x")
