"""Places: the details a learner acts on (postcode, phone, opening times) are checked like
lesson content, with the file, line and column of each problem, all at once."""

from __future__ import annotations

import pytest

from healthskills.check import check_project
from healthskills.models.place import dial_digits, normal_postcode, parse_range, tel_href
from support import PLACES_TODAY, edit

LIBRARY = "content/places/riverton-central-library.yaml"
HUB = "content/places/riverside-community-hub.yaml"
HELPLINE = "content/places/helpline-example.yaml"


def place_problems(project, today=PLACES_TODAY) -> list[str]:
    return [
        p.format().splitlines()[0]
        for p in check_project(project, today).problems
        if p.path.startswith("content/places/")
    ]


def test_the_worked_example_is_clean(places_project):
    assert [p.format() for p in check_project(places_project, PLACES_TODAY).problems] == []


def test_postcode_phone_email_and_language_are_checked_where_they_are_written(places_project):
    edit(places_project, LIBRARY, "postcode: RT1 2AB", "postcode: RT1 2A")
    edit(places_project, LIBRARY, "phone: 01632 960123", "phone: 01632 9601")
    edit(places_project, LIBRARY, "email: library@example.org", "email: library.example.org")
    edit(places_project, LIBRARY, "languages: [pl, ro]", "languages: [pl, xx, pl]")
    assert place_problems(places_project) == [
        f"{LIBRARY}:7:11: error [place-postcode] postcode: `RT1 2A` is not a UK postcode.",
        f"{LIBRARY}:28:17: error [place-language] languages[1]: `xx` is not a language code "
        "we know.",
        f"{LIBRARY}:28:21: error [duplicate-id] languages[2]: The language id `pl` is used twice "
        "(also at languages[0]).",
        f"{LIBRARY}:30:10: error [place-phone] contact.phone: `01632 9601` is not a UK phone "
        "number people can dial.",
        f"{LIBRARY}:31:10: error [place-email] contact.email: `library.example.org` is not an "
        "email address.",
    ]


def test_a_website_must_be_https(places_project):
    edit(places_project, LIBRARY, "website: https://library", "website: http://library")
    assert place_problems(places_project) == [
        f"{LIBRARY}:32:12: error [invalid-url] contact.website: "
        "`http://library.example.org/riverton` is not a full https:// address.",
    ]


def test_opening_times_must_make_sense(places_project):
    edit(places_project, LIBRARY, "monday: [09:00-17:00]", "monday: [09:00-25:00]")
    edit(places_project, LIBRARY, "tuesday: [09:00-17:00]", "tuesday: [17:00-09:00]")
    edit(places_project, LIBRARY, "wednesday: [09:00-17:00]",
         "wednesday: [09:00-13:00, 12:00-17:00]")  # fmt: skip
    edit(places_project, LIBRARY, "thursday: [09:00-19:00]", "thursday: [9am-5pm]")
    assert place_problems(places_project) == [
        f"{LIBRARY}:10:12: error [place-hours] hours.monday[0]: `09:00-25:00` is not an "
        "opening range.",
        f"{LIBRARY}:11:13: error [place-hours] hours.tuesday[0]: `17:00-09:00` ends before it "
        "starts.",
        f"{LIBRARY}:12:28: error [place-hours] hours.wednesday[1]: `12:00-17:00` overlaps "
        "another range of the same day.",
        f"{LIBRARY}:13:14: error [place-hours] hours.thursday[0]: `9am-5pm` is not an opening "
        "range.",
    ]


def test_a_misspelled_day_gets_one_message_not_one_per_shape_hours_can_take(places_project):
    edit(places_project, LIBRARY, "sunday: closed", "sundy: closed")
    edit(places_project, HUB, "friday: [10:00-12:00]", "friday: 10am")
    assert place_problems(places_project) == [
        f"{HUB}:12:11: error [unknown-value] hours.friday: `10am` is not one of: closed.",
        f"{LIBRARY}:16:3: error [unknown-key] hours.sundy: Unknown key `sundy`. Did you mean "
        "`sunday`?",
    ]


def test_a_bank_holiday_listed_twice_is_reported(places_project):
    edit(places_project, LIBRARY, "date: 2026-12-28", "date: 2026-12-25")
    assert place_problems(places_project) == [
        f"{LIBRARY}:21:11: error [place-hours] exceptions[1].date: 2026-12-25 is listed twice "
        "(also exceptions[0]).",
    ]


def test_a_local_place_needs_an_address_and_a_national_one_a_source(places_project):
    edit(places_project, HUB, "postcode: RT2 5QD\n", "")
    edit(places_project, HELPLINE, "national: true\n", "national: true\narea: Riverton\n")
    edit(places_project, HELPLINE, "sources:\n  - title: Example Health Helpline\n"
         "    url: https://helpline.example.org/\n", "")  # fmt: skip
    problems = place_problems(places_project)
    assert f"{HUB}:1:1: error [required] postcode: This field is required." in problems
    assert (f"{HELPLINE}:5:1: error [place-national] area: A national service has no `area`: "
            'it is shown under "Help you can get anywhere".') in problems  # fmt: skip
    assert (f"{HELPLINE}:1:1: error [place-national] sources: A national service needs the "
            "official page its details come from.") in problems  # fmt: skip


def test_details_not_checked_for_six_months_are_a_warning(places_project):
    import datetime as dt

    later = PLACES_TODAY + dt.timedelta(days=200)
    stale = [line for line in place_problems(places_project, later) if "place-not-checked" in line]
    assert stale[0] == (
        "content/places/eastbrook-medical-centre.yaml:20:10: warning [place-not-checked] "
        "checked: These details were last checked on 2026-09-15, more than 6 months ago."
    )
    assert len(stale) == 6  # every place of the example, as time passes
    edit(places_project, LIBRARY, "checked: 2026-11-20", "checked: 2026-12-24")
    assert place_problems(places_project) == [
        f"{LIBRARY}:35:10: error [review-in-future] checked: `checked` (2026-12-24) is in the "
        "future."
    ]


def test_lessons_must_exist_and_areas_are_spelled_one_way(places_project):
    edit(places_project, LIBRARY, "lessons: [first-lesson, second-lesson]",
         "lessons: [first-lesson, secnd-lesson]")  # fmt: skip
    edit(places_project, HUB, "area: Riverton", "area: riverton")
    assert place_problems(places_project) == [
        f"{HUB}:5:7: warning [place-area] area: The area `riverton` is spelled `Riverton` in "
        "another place.",
        f"{LIBRARY}:34:25: error [unknown-lesson] lessons[1]: There is no lesson `secnd-lesson`.",
    ]


def test_a_place_cannot_take_the_name_of_an_area_folder(places_project):
    old = places_project.root / LIBRARY
    text = old.read_text().replace("id: riverton-central-library", "id: offers")
    old.unlink()
    (places_project.root / "content/places/offers.yaml").write_text(text)
    assert place_problems(places_project) == [
        "content/places/offers.yaml:1:5: error [place-id] id: `offers` is a folder of every "
        "area's pages, so a place cannot be called that."
    ]


@pytest.mark.parametrize(
    "written, digits, href",
    [
        ("01632 960123", "01632960123", "tel:+441632960123"),
        ("+44 (0)20 7946 0123", "02079460123", "tel:+442079460123"),
        ("111", "111", "tel:111"),
        ("116 123", "116123", "tel:116123"),
        ("0800 1111", "08001111", "tel:+448001111"),
        ("18001 111", "18001111", "tel:18001111"),
    ],
)
def test_numbers_people_write_become_numbers_a_phone_dials(written, digits, href):
    assert dial_digits(written) == digits
    assert tel_href(written) == href


@pytest.mark.parametrize("written", ["0163 2960", "phone us", "+33 1 23 45 67 89", "999999"])
def test_numbers_that_cannot_be_dialled_are_refused(written):
    assert dial_digits(written) is None


def test_postcodes_and_ranges_are_normalised():
    assert normal_postcode("rt12ab") == "RT1 2AB"
    assert normal_postcode(" sw1a  1aa") == "SW1A 1AA"
    assert parse_range("09:30-17:00") == (570, 1020)
    assert parse_range("18:00-24:00") == (1080, 1440)
    assert parse_range("24:00-24:30") is None
    assert parse_range("09:60-10:00") is None
