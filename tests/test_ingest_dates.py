from datetime import date, datetime

import pytest

from chronik.dates import find_date_in_text, parse_date, parse_date_string


@pytest.mark.parametrize("value, expected_value, granularity, earliest, latest", [
    ("2022", "2022", "year", date(2022, 1, 1), date(2022, 12, 31)),
    ("2022-02", "2022-02", "month", date(2022, 2, 1), date(2022, 2, 28)),
    ("2024-02", "2024-02", "month", date(2024, 2, 1), date(2024, 2, 29)),
    ("2022-02-11", "2022-02-11", "day", date(2022, 2, 11), date(2022, 2, 11)),
    ("11.02.2022", "2022-02-11", "day", date(2022, 2, 11), date(2022, 2, 11)),
    ("1.2.2022", "2022-02-01", "day", date(2022, 2, 1), date(2022, 2, 1)),
    ("11. Februar 2022", "2022-02-11", "day", date(2022, 2, 11), date(2022, 2, 11)),
    ("Freitag, 11. Februar 2022", "2022-02-11", "day", date(2022, 2, 11), date(2022, 2, 11)),
    ("3. März 2022", "2022-03-03", "day", date(2022, 3, 3), date(2022, 3, 3)),
    ("3. Jänner 2022", "2022-01-03", "day", date(2022, 1, 3), date(2022, 1, 3)),
    ("Februar 2022", "2022-02", "month", date(2022, 2, 1), date(2022, 2, 28)),
    ("02.2022", "2022-02", "month", date(2022, 2, 1), date(2022, 2, 28)),
    ("20220211", "2022-02-11", "day", date(2022, 2, 11), date(2022, 2, 11)),
])
def test_granularity_is_what_the_input_gave(value, expected_value, granularity, earliest, latest):
    d = parse_date_string(value)
    assert (d.value, d.granularity, d.earliest, d.latest) == (expected_value, granularity, earliest, latest)


def test_month_never_becomes_a_day():
    d = parse_date("2022-02")
    assert d.granularity == "month" and d.day is None


@pytest.mark.parametrize("value, expected_value, day", [
    ("2022-02-24T05:30:00+01:00", "2022-02-24T05:30:00+01:00", date(2022, 2, 24)),
    ("2022-02-23T23:30:00Z", "2022-02-23T23:30:00+00:00", date(2022, 2, 23)),
    ("2022-02-24 05:30", "2022-02-24T05:30:00", date(2022, 2, 24)),
    ("Wed, 02 Feb 2022 14:20:00 +0100", "2022-02-02T14:20:00+01:00", date(2022, 2, 2)),
    ("11.02.2022, 14:30 Uhr", "2022-02-11T14:30:00", date(2022, 2, 11)),
])
def test_timestamps_are_instants_on_the_publishers_calendar_day(value, expected_value, day):
    d = parse_date_string(value)
    assert d.granularity == "instant"
    assert d.value == expected_value
    assert d.earliest == d.latest == day


@pytest.mark.parametrize("value", ["32.13.2022", "2022-02-30", "2022-13", "gestern", "", "Februar",
                                   "12345", "0999-01-01"])
def test_unparseable_dates_give_none(value):
    assert parse_date_string(value) is None


def test_non_string_values():
    assert parse_date(date(2022, 2, 11)).granularity == "day"
    assert parse_date(datetime(2022, 2, 11)).granularity == "day"
    assert parse_date(datetime(2022, 2, 11, 9, 30)).granularity == "instant"
    assert parse_date(2022).granularity == "year"
    assert parse_date(None) is None and parse_date(True) is None and parse_date([2022]) is None


def test_first_date_in_running_text():
    assert find_date_in_text("Berlin, 11. Februar 2022. Der Kanzler sagte am 12.02.2022 ...").value == "2022-02-11"
    assert find_date_in_text("Veröffentlicht am 23.02.2022 um 10 Uhr").value == "2022-02-23"
    assert find_date_in_text("Stand: Februar 2022").value == "2022-02"
    assert find_date_in_text("Rund 3000 Soldaten, Version 1.2.3") is None
