"""`geostate.PartialDate`: dates known to the day, the month, the year, or "on or before"."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import geostate
from geostate import PartialDate, Precision

# -- parsing each form ---------------------------------------------------------------------


def test_a_year() -> None:
    date = PartialDate.parse("2022")
    assert (date.year, date.month, date.day, date.on_or_before) == (2022, None, None, False)
    assert date.precision is Precision.YEAR
    assert date.first_day == dt.date(2022, 1, 1)
    assert date.last_day == dt.date(2022, 12, 31)


def test_a_month() -> None:
    date = PartialDate.parse("2022-07")
    assert (date.year, date.month, date.day) == (2022, 7, None)
    assert date.precision is Precision.MONTH
    assert date.first_day == dt.date(2022, 7, 1)
    assert date.last_day == dt.date(2022, 7, 31)


def test_a_day() -> None:
    date = PartialDate.parse("2022-07-13")
    assert (date.year, date.month, date.day) == (2022, 7, 13)
    assert date.precision is Precision.DAY
    assert date.first_day == date.last_day == dt.date(2022, 7, 13)


def test_on_or_before_a_day() -> None:
    date = PartialDate.parse("[..2016-08-31]")
    assert date.on_or_before
    assert (date.year, date.month, date.day) == (2016, 8, 31)
    assert date.precision is Precision.DAY
    assert date.first_day == dt.date.min  # only a bound is known
    assert date.last_day == dt.date(2016, 8, 31)


@pytest.mark.parametrize(
    ("text", "precision", "last"),
    [
        ("[..2016]", Precision.YEAR, dt.date(2016, 12, 31)),
        ("[..2016-02]", Precision.MONTH, dt.date(2016, 2, 29)),
    ],
)
def test_on_or_before_a_year_or_a_month(text: str, precision: Precision, last: dt.date) -> None:
    date = PartialDate.parse(text)
    assert date.on_or_before
    assert date.precision is precision
    assert date.first_day == dt.date.min
    assert date.last_day == last


def test_of_a_datetime_date() -> None:
    assert PartialDate.of(dt.date(2022, 7, 13)) == PartialDate.parse("2022-07-13")
    assert PartialDate.of(dt.date(2022, 7, 13)).precision is Precision.DAY


def test_the_extremes_of_the_calendar() -> None:
    assert PartialDate.parse("0001").first_day == dt.date(1, 1, 1)
    assert PartialDate.parse("9999").last_day == dt.date(9999, 12, 31)
    assert PartialDate.parse("9999-12-31").last_day == dt.date(9999, 12, 31)


# -- last days of months, leap years included -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "last"),
    [
        ("2024-02", dt.date(2024, 2, 29)),  # divisible by 4
        ("2023-02", dt.date(2023, 2, 28)),
        ("1900-02", dt.date(1900, 2, 28)),  # divisible by 100, not 400
        ("2000-02", dt.date(2000, 2, 29)),  # divisible by 400
        ("2022-04", dt.date(2022, 4, 30)),
        ("2022-12", dt.date(2022, 12, 31)),
        ("2024", dt.date(2024, 12, 31)),
    ],
)
def test_last_day(text: str, last: dt.date) -> None:
    assert PartialDate.parse(text).last_day == last


@pytest.mark.parametrize("text", ["2024-02-29", "2000-02-29", "1600-02-29"])
def test_a_leap_day_in_a_leap_year_is_a_date(text: str) -> None:
    assert PartialDate.parse(text).last_day.day == 29


def test_first_day_of_a_leap_month_is_the_first() -> None:
    assert PartialDate.parse("2024-02").first_day == dt.date(2024, 2, 1)


# -- text round trip ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "2022",
        "2022-07",
        "2022-07-13",
        "0001",
        "0999-01-01",
        "[..2016-08-31]",
        "[..2016-08]",
        "[..2016]",
    ],
)
def test_str_round_trip(text: str) -> None:
    date = PartialDate.parse(text)
    assert str(date) == text
    assert PartialDate.parse(str(date)) == date
    assert repr(date) == f"PartialDate.parse({text!r})"


def test_dates_of_different_precision_are_different() -> None:
    assert PartialDate.parse("2022") != PartialDate.parse("2022-01")
    assert PartialDate.parse("2022-01") != PartialDate.parse("2022-01-01")
    assert PartialDate.parse("2016-08-31") != PartialDate.parse("[..2016-08-31]")
    assert PartialDate.parse("2022-07") == PartialDate(2022, 7)


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_day_round_trips(day: dt.date) -> None:
    date = PartialDate.of(day)
    assert str(date) == day.isoformat()
    assert PartialDate.parse(day.isoformat()) == date
    assert date.first_day == date.last_day == day


@given(st.integers(1, 9999), st.integers(1, 12))
def test_every_month_ends_on_its_last_day(year: int, month: int) -> None:
    date = PartialDate(year, month)
    assert date.last_day == dt.date(year, month, calendar.monthrange(year, month)[1])
    assert PartialDate.parse(str(date)) == date


# -- ordering ----------------------------------------------------------------------------------


def test_facts_sort_by_the_day_they_take_effect() -> None:
    year, day = PartialDate.parse("2022"), PartialDate.parse("2022-01-05")
    assert day.sort_key() < year.sort_key()  # the year counts from 2022-12-31
    # The same last day: the one that may have started earlier comes first.
    assert year.sort_key() < PartialDate.parse("2022-12").sort_key()


def test_on_or_before_sorts_at_its_bound() -> None:
    bound = PartialDate.parse("[..2016-08-31]")
    assert PartialDate.parse("2016-08-30").sort_key() < bound.sort_key()
    assert bound.sort_key() < PartialDate.parse("2016-09-01").sort_key()


# -- invalid dates -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2022-02-30", "'2022-02-30' is not a valid date: day is out of range for month"),
        ("2023-02-29", "day is out of range for month"),
        ("1900-02-29", "day is out of range for month"),
        ("2022-04-31", "day is out of range for month"),
        ("2022-07-00", "day is out of range for month"),
        ("2022-13-01", "'2022-13-01' is not a valid date: month must be in 1..12"),
        ("2022-00", "month must be in 1..12"),
        ("[..2022-02-30]", "day is out of range for month"),
        ("0000", "year 0 is out of range"),
    ],
)
def test_impossible_dates_are_refused(text: str, said: str) -> None:
    with pytest.raises(geostate.InvalidDate) as caught:
        PartialDate.parse(text)
    assert said in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "22",
        "22-07-13",
        "2022-7-13",
        "2022/07/13",
        "13-07-2022",
        "2022-07-13T00:00",
        " 2022-07-13",
        "2022-07-13 ",
        "[..2016-08-31",
        "2016-08-31]",
        "[2016-08-31]",
        "2022-07-13-01",
        "20220713",
    ],
)
def test_other_forms_are_refused(text: str) -> None:
    with pytest.raises(geostate.InvalidDate, match="expected YYYY, YYYY-MM, YYYY-MM-DD"):
        PartialDate.parse(text)


@pytest.mark.parametrize("value", [2022, None, dt.date(2022, 7, 13), b"2022"])
def test_parse_takes_text_only(value: object) -> None:
    with pytest.raises(geostate.InvalidDate, match="a date is a string"):
        PartialDate.parse(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        ((2022, 13), "month must be in 1..12"),
        ((2022, 2, 30), "day is out of range"),
        ((2022, None, 5), "needs a month"),
        ((True,), "year must be an integer"),
        (("2022",), "year must be an integer"),
        ((10_000,), "out of range"),
    ],
)
def test_the_constructor_checks_too(args: tuple[object, ...], said: str) -> None:
    with pytest.raises(geostate.InvalidDate, match=said):
        PartialDate(*args)  # type: ignore[arg-type]


def test_invalid_date_is_a_geostate_value_error() -> None:
    with pytest.raises(ValueError, match="not a valid date"):
        PartialDate.parse("2022-02-30")
    assert issubclass(geostate.InvalidDate, geostate.InvalidValue)
    assert issubclass(geostate.InvalidDate, geostate.GeostateError)


@pytest.mark.parametrize("text", ["２０２２-07-13", "٢٠٢٢-07-13"])
def test_non_ascii_digits_are_refused(text: str) -> None:
    with pytest.raises(geostate.InvalidDate):
        PartialDate.parse(text)
