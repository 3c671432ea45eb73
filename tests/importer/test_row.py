"""The small readers both import formats share: times, days, dates, languages, ids."""

import datetime as dt

import pytest

from healthskills.importer.row import (
    clock,
    first_sentence,
    language_code,
    normal_range,
    parse_date,
    postcode,
    slug,
    time_range,
    website,
    weekday,
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("09:00", "09:00"),
        ("9:00", "09:00"),
        ("09:00:00", "09:00"),
        ("09:00:00.000", "09:00"),
        ("09:00Z", "09:00"),
        ("09:00:00+01:00", "09:00"),
        ("1970-01-01T09:30:00", "09:30"),
        ("9.30", "09:30"),
        ("nine", None),
        (None, None),
        (900, None),
    ],
)
def test_clock(value, expected):
    assert clock(value) == expected


def test_time_range_midnight_is_the_end_of_the_day():
    assert time_range("18:00", "00:00") == "18:00-24:00"
    assert time_range("00:00", "00:00") == "00:00-24:00"
    assert time_range("09:00", None) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("9:00 – 17:00", "09:00-17:00"),
        ("09.00-12.30", "09:00-12:30"),
        (" 13:00 - 17:00 ", "13:00-17:00"),
        ("mornings", "mornings"),  # kept as typed, for the check to name
    ],
)
def test_normal_range(typed, expected):
    assert normal_range(typed) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("MO", "monday"), ("Tue", "tuesday"), ("Thurs", "thursday"), ("Sunday", "sunday"),
     (1, "monday"), (7, "sunday"), ("3", "wednesday"), (0, None), (8, None), ("xx", None),
     (True, None)],
)  # fmt: skip
def test_weekday(value, expected):
    assert weekday(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-05-01", dt.date(2026, 5, 1)),
        ("2026-05-01T10:30:45.123Z", dt.date(2026, 5, 1)),
        ("01/05/2026", dt.date(2026, 5, 1)),  # UK order: day first
        ("2026-02-30", None),
        ("May 2026", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("pl", "pl"),
        ("PL", "pl"),
        ("pol", "pl"),  # ISO 639-2
        ("pl-PL", "pl"),
        ("Polish", "pl"),
        ("polish (polski)", "pl"),
        ("Bengali", "bn"),  # babel says Bangla
        ("Farsi", "fa"),
        ("Arabic", "ar"),
        ("Welsh", "cy"),
        ("Klingon", None),  # babel knows the name, but cannot name it in other languages
        ("Riverton Creole", None),
        ("", None),
    ],
)
def test_language_code(value, expected):
    assert language_code(value) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Riverton Library", "riverton-library"),
        ("Café Cymraeg & Library", "cafe-cymraeg-library"),
        ("St. Mary's — Community Hub", "st-mary-s-community-hub"),
        ("مكتبة", ""),  # no letters an id can use: the import calls it `place`
        ("word " * 30, "-".join(["word"] * 12)),  # cut at a word, 60 characters at most
    ],
)
def test_slug(name, expected):
    assert slug(name) == expected


def test_postcode_is_printed_the_usual_way_unless_it_cannot_be_one():
    assert postcode("rt12ab") == "RT1 2AB"
    assert postcode(" RT1   2AB ") == "RT1 2AB"
    assert postcode("RT1") == "RT1"
    assert postcode("NOT A CODE") == "NOT A CODE"


def test_website_must_be_https():
    assert website("https://example.org/x") == ("https://example.org/x", None)
    assert website("www.example.org/x") == ("https://www.example.org/x", None)
    found, note = website("http://example.org")
    assert found is None and "is not an https:// address" in note.message
    found, note = website("ask at the desk")
    assert found is None and "is not a web address" in note.message


def test_first_sentence_of_a_description():
    assert first_sentence("<p>Free help. Bring&nbsp;your phone.</p>") == "Free help."
    assert first_sentence("One long sentence " * 20) is None
