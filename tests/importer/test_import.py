"""`healthskills places import`: good rows become place files that pass the check; bad rows
are reported with their line and why, and nothing is overwritten unless asked."""

import csv
import datetime as dt
import shutil

import pytest

from healthskills.check import check_project
from healthskills.cli import main
from healthskills.importer import import_places
from healthskills.load.yamlio import load_yaml
from healthskills.models import parse_model
from healthskills.models.place import WEEKDAYS, Place
from support import DATA, TODAY

IMPORT = DATA / "import"


def imported(project, name, **options):
    """Import a fixture copied into the project folder, so problems name it `name`."""
    shutil.copy(IMPORT / name, project.root / name)
    return import_places(project.root / name, project, today=TODAY, **options)


def lines(result):
    return [p.format().splitlines()[0] for p in result.problems]


def outcomes(result):
    return [(o.title, o.status, o.place_id) for o in result.outcomes]


def place(project, place_id):
    path = project.content / "places" / f"{place_id}.yaml"
    doc, problems = load_yaml(path.read_bytes(), f"content/places/{place_id}.yaml")
    assert problems == []
    model, problems = parse_model(Place, doc)
    assert problems == []
    return model


def test_csv_good_rows_written_bad_rows_reported_with_line_and_why(project):
    result = imported(project, "places.csv")
    assert outcomes(result) == [
        ('Row 2 ("Riverton Digital Hub")', "written", "riverton-digital-hub"),
        ('Row 3 ("Northgate Pharmacy")', "written", "northgate-pharmacy"),
        ("Row 4", "failed", "place"),
        ('Row 5 ("Riverton Tablet Café")', "failed", "riverton-tablet-cafe"),
        ('Row 6 ("Riverton Evening Club")', "failed", "riverton-evening-club"),
        ('Row 8 ("Old Mill Community Room")', "written", "old-mill-community-room"),
        ('Row 10 ("Riverton Digital Hub Annexe")', "failed", "riverton-digital-hub"),
    ]
    assert lines(result) == [
        "places.csv:1:1: warning [import-row] notes: The column `Notes` is not one we know, so it was ignored.",
        "places.csv:4:1: error [import-row] name: Row 4 was not imported: This field is required.",
        # every problem of a row at once, even when the first stops the model
        'places.csv:5:1: error [import-row] kind: Row 5 ("Riverton Tablet Café") was not imported: `cafe` is not one of: library, digital-inclusion-hub, community-centre, gp-practice, pharmacy, charity, other.',
        'places.csv:5:1: error [import-row] phone: Row 5 ("Riverton Tablet Café") was not imported: `12345` is not a UK phone number people can dial.',
        'places.csv:5:1: error [import-row] postcode: Row 5 ("Riverton Tablet Café") was not imported: `XYZ` is not a UK postcode.',
        'places.csv:6:1: error [import-row] lessons: Row 6 ("Riverton Evening Club") was not imported: There is no lesson `no-such-lesson`.',
        'places.csv:6:1: error [import-row] monday: Row 6 ("Riverton Evening Club") was not imported: `25:00-26:00` is not an opening range.',
        # row 8 starts on line 8: row 6 is blank, and its address cell holds a line break
        'places.csv:8:1: warning [import-row] checked: Row 8 ("Old Mill Community Room"): These details were last checked on 2025-01-01, more than 6 months ago.',
        'places.csv:10:1: error [import-row] id: Row 10 ("Riverton Digital Hub Annexe") was not imported: `riverton-digital-hub` is also the id of Row 2 ("Riverton Digital Hub").',
    ]
    hints = {p.key_path: p.hint for p in result.problems}
    assert hints["postcode"].startswith("write it like RT1 2AB")
    assert result.failed
    written = sorted(p.name for p in (project.content / "places").iterdir())
    assert written == [
        "northgate-pharmacy.yaml",
        "old-mill-community-room.yaml",
        "riverton-digital-hub.yaml",
    ]


def test_csv_round_trip_keeps_every_value(project):
    imported(project, "places.csv")
    with (IMPORT / "places.csv").open(encoding="utf-8", newline="") as file:
        row = next(csv.DictReader(file))
    hub = place(project, "riverton-digital-hub")
    assert hub.id == row["ID"]
    assert hub.name == row["Name"]
    assert hub.kind == row["Kind"]
    assert hub.area == row["Area"]
    assert hub.address == row["Address"]
    assert hub.postcode == row["Postcode"]
    assert hub.contact.phone == row["Phone"]
    assert hub.contact.email == row["Email"]
    assert hub.contact.website == row["Website"]
    assert hub.offers == row["Offers"].split("; ")
    assert hub.languages == ["pl", "ar"]  # `Arabic` written as its code
    for day in WEEKDAYS:
        cell = row[day.capitalize()]
        expected = [] if cell in ("", "closed") else cell.split("; ")
        assert hub.hours.ranges(day) == expected, day
    assert hub.booking == row["Booking"]
    assert hub.lessons == [row["Lessons"]]
    assert hub.checked == dt.date.fromisoformat(row["Checked"])
    assert hub.owner == row["Owner"]
    assert hub.how_to_find == row["How to find"]
    assert hub.summary == row["Summary"]


def test_csv_values_as_people_type_them(project):
    imported(project, "places.csv")
    pharmacy = place(project, "northgate-pharmacy")
    assert pharmacy.kind == "pharmacy"  # guessed from the name
    assert pharmacy.postcode == "RT9 4XY"  # from rt94xy
    assert pharmacy.hours.monday == ["09:00-18:00"]  # from 9:00 – 18:00
    assert pharmacy.offers == ["free-wifi", "step-free", "bsl"]  # Wi-Fi; wheelchair + BSL
    assert pharmacy.languages == []
    assert pharmacy.checked == dt.date(2026, 5, 15)  # from 15/05/2026
    room = place(project, "old-mill-community-room")
    assert room.address == "Flat 1 Old Mill, Mill Road"


def test_oruk_3_records_with_their_positions(project):
    result = imported(project, "directory-v3.json")
    assert outcomes(result) == [
        (
            'Record [0] ("Digital help at Riverton Library")',
            "written",
            "digital-help-at-riverton-library",
        ),
        (
            'Record [1].service_at_locations[0] ("Eastbrook Digital Champions, Eastbrook Community Centre")',
            "written",
            "eastbrook-digital-champions-eastbrook-community-centre",
        ),
        (
            'Record [1].service_at_locations[1] ("Eastbrook Digital Champions, Northgate Village Hall")',
            "written",
            "eastbrook-digital-champions-northgate-village-hall",
        ),
        ('Record [2] ("Riverton Phone Befriending")', "failed", "riverton-phone-befriending"),
        ('Record [3] ("Northgate Pharmacy")', "failed", "northgate-pharmacy"),
        ('Record [4] ("Old Riverton Computer Club")', "skipped", ""),
    ]
    champions = 'Record [1].service_at_locations[{}] ("Eastbrook Digital Champions, {}")'
    first = champions.format(0, "Eastbrook Community Centre")
    second = champions.format(1, "Northgate Village Hall")
    assert lines(result) == [
        'directory-v3.json:10:5: warning [import-row] [0]: Record [0] ("Digital help at Riverton Library"): hours: The schedule `1SA 14:00 16:00` repeats monthly, not weekly, so it was left out.',
        f"directory-v3.json:98:5: warning [import-row] [1].service_at_locations[0]: {first}: checked: These details were last checked on 2025-09-01, more than 6 months ago.",
        f"directory-v3.json:98:5: warning [import-row] [1].service_at_locations[0]: {first}: contact.website: `http://eastbrook.example.org/champions` is not an https:// address, so it was left out.",
        f"directory-v3.json:98:5: warning [import-row] [1].service_at_locations[1]: {second}: checked: These details were last checked on 2025-09-01, more than 6 months ago.",
        f"directory-v3.json:98:5: warning [import-row] [1].service_at_locations[1]: {second}: contact.website: `http://eastbrook.example.org/champions` is not an https:// address, so it was left out.",
        'directory-v3.json:164:5: error [import-row] [2]: Record [2] ("Riverton Phone Befriending") was not imported: address: This field is required.',
        'directory-v3.json:164:5: error [import-row] [2]: Record [2] ("Riverton Phone Befriending") was not imported: area: This field is required.',
        'directory-v3.json:164:5: error [import-row] [2]: Record [2] ("Riverton Phone Befriending") was not imported: hours: This field is required.',
        'directory-v3.json:164:5: error [import-row] [2]: Record [2] ("Riverton Phone Befriending") was not imported: postcode: This field is required.',
        'directory-v3.json:173:5: error [import-row] [3]: Record [3] ("Northgate Pharmacy") was not imported: contact.phone: `0163 296` is not a UK phone number people can dial.',
        'directory-v3.json:173:5: error [import-row] [3]: Record [3] ("Northgate Pharmacy") was not imported: postcode: `NOT A CODE` is not a UK postcode.',
        'directory-v3.json:202:5: warning [import-row] [4]: Record [4] ("Old Riverton Computer Club") was left out: its status is `defunct`.',
    ]
    library = place(project, "digital-help-at-riverton-library")
    assert library.model_dump(exclude_defaults=True) == {
        "id": "digital-help-at-riverton-library",
        "name": "Digital help at Riverton Library",
        "kind": "library",
        "summary": "Free help to get online, use the NHS App and book appointments.",
        "area": "Riverton",
        "address": "Riverton Central Library, 12 Market Street",
        "postcode": "RT1 2AB",
        "hours": {
            **{day: ["09:00-17:00"] for day in WEEKDAYS[:5]},
            "saturday": ["10:00-13:00"],
        },
        "exceptions": [{"date": dt.date(2026, 8, 31), "hours": "closed", "note": "Bank holiday"}],
        "offers": ["free-wifi", "computers", "nhs-app-help", "step-free", "hearing-loop", "bsl"],
        "languages": ["pl"],
        "contact": {
            "phone": "01632 960123",
            "email": "library@riverton.example.org",
            "website": "https://riverton.example.org/libraries/central",
        },
        "checked": dt.date(2026, 4, 20),
        "owner": "Riverton Borough Council",
    }
    # a schedule tied to one location is that location's; the untied one is the other's
    assert place(
        project, "eastbrook-digital-champions-eastbrook-community-centre"
    ).hours.model_dump(exclude_defaults=True) == {"wednesday": ["13:00-16:00"]}
    assert place(project, "eastbrook-digital-champions-northgate-village-hall").hours.model_dump(
        exclude_defaults=True
    ) == {"friday": ["10:00-12:00"]}


def test_oruk_1_and_2_fields_and_paging(project):
    result = imported(project, "directory-v2.json", owner="Westfield Digital Partnership")
    assert lines(result) == [
        "directory-v2.json: warning [import-row] This is page 1 of 3 of the directory: only its 2 services were read.",
        'directory-v2.json:9:5: warning [import-row] [0]: Record [0] ("Westfield Library"): languages: `Riverton Creole` is not a language we know, so it was left out.',
        "directory-v2.json:57:5: error [import-row] [1]: Record [1] was not imported: name: This field is required.",
    ]
    library = place(project, "westfield-library")
    assert library.hours.model_dump(exclude_defaults=True) == {
        "monday": ["09:30-17:00"],  # byday MO
        "wednesday": ["09:30-19:00"],  # weekday 3
        "saturday": ["10:00-24:00"],  # closes at 00:00: midnight
    }
    # a holiday over four days is four entries; one already past is left out
    assert [(e.date, e.hours) for e in library.exceptions] == [
        (dt.date(2026, 12, 24), "closed"),
        (dt.date(2026, 12, 25), "closed"),
        (dt.date(2026, 12, 26), "closed"),
        (dt.date(2026, 12, 27), "closed"),
        (dt.date(2026, 12, 31), ["10:00-13:00"]),
    ]
    assert library.offers == ["printing", "step-free"]  # not the "No hearing loop"
    assert library.languages == ["ur", "so"]
    assert library.contact.phone == "+44 (0)1632 960999"
    assert library.contact.website == "https://westfield.example.org/library"
    assert library.owner == "Westfield Digital Partnership"  # --owner wins


def test_written_files_pass_the_check(project):
    for name in ("places.csv", "directory-v3.json", "directory-v2.json"):
        imported(project, name)
    problems = [
        p.format().splitlines()[0]
        for p in check_project(project, TODAY).problems
        if p.path.startswith("content/places/")
    ]
    # the only problems are the details the directory itself last checked too long ago
    assert problems == [
        "content/places/eastbrook-digital-champions-eastbrook-community-centre.yaml:13:10: warning [place-not-checked] checked: These details were last checked on 2025-09-01, more than 6 months ago.",
        "content/places/eastbrook-digital-champions-northgate-village-hall.yaml:13:10: warning [place-not-checked] checked: These details were last checked on 2025-09-01, more than 6 months ago.",
        "content/places/old-mill-community-room.yaml:13:10: warning [place-not-checked] checked: These details were last checked on 2025-01-01, more than 6 months ago.",
    ]
    assert len(list((project.content / "places").glob("*.yaml"))) == 7


def test_a_written_file_is_neat(project):
    imported(project, "places.csv")
    text = (project.content / "places/riverton-digital-hub.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[:3] == [
        "# Imported from places.csv (Row 2) on 2026-06-01 by `healthskills places import`.",
        "id: riverton-digital-hub",
        "name: Riverton Digital Hub",
    ]
    assert "  monday: [09:00-12:00, 13:00-17:00]\n" in text
    assert "offers: [free-wifi, computers, printing]\n" in text
    assert "contact:\n  phone: 01632 960321\n  email: hello@hub.example.org\n" in text


def test_import_again_keeps_files_unless_replace(project):
    imported(project, "places.csv")
    hub = project.content / "places/riverton-digital-hub.yaml"
    hub.write_text(hub.read_text(encoding="utf-8") + "# corrected by hand\n", encoding="utf-8")
    again = imported(project, "places.csv")
    assert [o.status for o in again.outcomes if o.status != "failed"] == ["kept"] * 3
    assert (
        'places.csv:2:1: warning [import-row] Row 2 ("Riverton Digital Hub"): '
        "content/places/riverton-digital-hub.yaml already exists, so it was left as it was."
    ) in lines(again)
    assert hub.read_text(encoding="utf-8").endswith("# corrected by hand\n")
    replaced = imported(project, "places.csv", replace=True)
    assert [o.status for o in replaced.outcomes if o.status != "failed"] == ["replaced"] * 3
    assert "corrected by hand" not in hub.read_text(encoding="utf-8")


def test_area_and_owner_options_win(project):
    imported(project, "directory-v3.json", area="Riverton Borough", owner="Riverton Hub")
    library = place(project, "digital-help-at-riverton-library")
    assert (library.area, library.owner) == ("Riverton Borough", "Riverton Hub")
    # with an area, the only thing missing for the phone service is still its address
    befriending = imported(project, "directory-v3.json", area="Riverton Borough")
    assert not any("area:" in line for line in lines(befriending))


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        (
            "broken.json",
            b'[\n  {"name": "A",\n   "status": active}\n]',
            "broken.json:3:14: error [unreadable] The file is not valid JSON: Expecting value.",
        ),
        (
            "latin1.csv",
            b"name,area\nCaf\xe9 Riverton,Riverton\n",
            "latin1.csv:2:4: error [encoding] The file is not valid UTF-8 (byte 0xe9).",
        ),
        (
            "places.xlsx",
            b"PK\x03\x04",
            "places.xlsx: error [unreadable] healthskills imports Open Referral UK files (.json) and spreadsheets saved as CSV (.csv), not `.xlsx` files.",
        ),
        (
            "object.json",
            b'{"services": []}',
            'object.json:1:1: error [unreadable] No services found: expected a list of services, a paged response (`{"contents": [...]}` or `{"content": [...]}`), or one service.',
        ),
        (
            "header.csv",
            b"area,address\nRiverton,12 Market Street\n",
            "header.csv:1:1: error [import-row] The header row has no `name` column, so no row can become a place.",
        ),
        (
            "twice.csv",
            b"name,Name\nRiverton Library,Riverton Library\n",
            "twice.csv:1:1: error [import-row] name: The column `Name` is there twice (column 2).",
        ),
        ("empty.csv", b"\n\n", "empty.csv: error [empty-file] The file is empty."),
        (
            "none.json",
            b"[]",
            "none.json: warning [import-row] The file holds no places, so nothing was written.",
        ),
    ],
)
def test_a_bad_file_is_one_clear_problem(project, name, raw, expected):
    (project.root / name).write_bytes(raw)
    result = import_places(project.root / name, project, today=TODAY)
    assert lines(result) == [expected]
    assert result.outcomes == []
    assert not (project.content / "places").exists()


def test_a_missing_file(project):
    result = import_places(project.root / "nowhere.csv", project, today=TODAY)
    assert lines(result) == [
        "nowhere.csv: error [unreadable] Cannot read the file: No such file or directory."
    ]


def test_one_service_object_and_a_service_in_the_middle_of_a_line(project):
    (project.root / "one.json").write_text(
        '{"name": "Riverton Library", "status": "active",'
        ' "organization": {"name": "Riverton Borough Council"},'
        ' "regular_schedules": [{"byday": "TU", "opens_at": "10:00", "closes_at": "12:00"}],'
        ' "service_at_locations": [{"location": {"physical_addresses": [{"address_1":'
        ' "12 Market Street", "city": "Riverton", "postal_code": "RT1 2AB"}]}}]}',
        encoding="utf-8",
    )
    result = import_places(project.root / "one.json", project, today=TODAY)
    assert outcomes(result) == [('Record [0] ("Riverton Library")', "written", "riverton-library")]
    assert place(project, "riverton-library").checked == TODAY  # no assured date: today


def run(capsys, *argv):
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exit_codes_and_output(project, tmp_path, capsys):
    root = str(project.root)
    shutil.copy(IMPORT / "places.csv", project.root / "places.csv")
    code, out, err = run(
        capsys, "places", "import", str(project.root / "places.csv"), "--project", root
    )
    assert code == 1
    assert "wrote content/places/riverton-digital-hub.yaml (Row 2" in out
    assert "not imported: Row 4\n" in out
    assert "3 places written, 0 kept as they were, 4 not imported, 0 left out" in out
    assert "error [import-row] phone: Row 5" in err
    assert "Traceback" not in err

    good = tmp_path / "good.csv"
    good.write_text(
        "name,area,address,postcode,tuesday,owner,checked\n"
        "Riverton Library,Riverton,12 Market Street,RT1 2AB,10:00-12:00,Riverton Borough Council,"
        f"{dt.date.today().isoformat()}\n",
        encoding="utf-8",
    )
    out_dir = tmp_path / "out"
    args = ["places", "import", str(good), "--project", root, "--to", str(out_dir)]
    code, out, err = run(capsys, *args)
    assert code == 0, err
    assert (out_dir / "riverton-library.yaml").is_file()
    assert err.strip().endswith("No problems found.")
    code, out, _ = run(capsys, *args)
    assert code == 0 and "kept " in out  # a file left as it was is not a failure

    code, _, err = run(capsys, "places", "import", str(tmp_path / "x.pdf"), "--project", root)
    assert code == 1 and "error [unreadable]" in err and "Traceback" not in err


def test_csv_edge_cases(project):
    (project.root / "edge.csv").write_text(
        "name,area,address,postcode,friday,checked,owner,languages\n"
        "Offers,Riverton,1 Quay Road,RT1 2AB,10:00-12:00,2026-05-01,Riverton Hub,Riverton Creole\n"
        "Riverton Hub,Riverton,2 Quay Road,RT1 2AB,10:00-12:00,2026-05-01,Riverton Hub,,extra\n"
        "Riverton Hub,Riverton,3 Quay Road,RT1 2AB,closed,2026-05-01,Riverton Hub,urdu; Urdu\n",
        encoding="utf-8",
    )
    result = import_places(project.root / "edge.csv", project, today=TODAY)
    assert outcomes(result) == [
        ('Row 2 ("Offers")', "failed", "offers-2"),  # `offers` is a folder of every area
        ('Row 3 ("Riverton Hub")', "written", "riverton-hub"),
        ('Row 4 ("Riverton Hub")', "written", "riverton-hub-2"),
    ]
    assert lines(result) == [
        'edge.csv:2:1: error [import-row] languages: Row 2 ("Offers") was not imported: `Riverton Creole` is not a language we know.',
        'edge.csv:3:1: warning [import-row] Row 3 ("Riverton Hub"): has 9 cells but the header only 8: `extra` and any after it were ignored.',
    ]
    second = place(project, "riverton-hub-2")
    assert second.hours.model_dump() == {day: "closed" for day in WEEKDAYS}
    assert second.languages == ["ur"]
