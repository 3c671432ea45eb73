"""The place file an import writes: neat, and read back exactly as it was meant."""

import datetime as dt

import pytest

from healthskills.importer.write import check_text, render
from healthskills.load.yamlio import load_yaml
from healthskills.models import parse_model
from healthskills.models.place import Place
from support import TODAY

BASE = {
    "id": "riverton-library",
    "name": "Riverton Library",
    "kind": "library",
    "area": "Riverton",
    "address": "12 Market Street",
    "postcode": "RT1 2AB",
    "hours": {"tuesday": ["10:00-12:00", "13:00-16:00"]},
    "checked": dt.date(2026, 5, 1),
    "owner": "Riverton Borough Council",
}


def read_back(text):
    doc, problems = load_yaml(text.encode("utf-8"), "content/places/riverton-library.yaml")
    assert problems == []
    model, problems = parse_model(Place, doc)
    assert problems == []
    return model


def test_keys_in_the_model_order_whatever_the_data_order():
    text = render(dict(reversed(BASE.items())), "from a test")
    assert text.splitlines() == [
        "# from a test",
        "id: riverton-library",
        "name: Riverton Library",
        "kind: library",
        "area: Riverton",
        "address: 12 Market Street",
        "postcode: RT1 2AB",
        "hours:",
        "  tuesday: [10:00-12:00, 13:00-16:00]",
        "checked: 2026-05-01",
        "owner: Riverton Borough Council",
    ]


@pytest.mark.parametrize(
    "name",
    ["no", "Yes", "true", "null", "~", "123", "1.5", "12:30", "Café: open late", "#1 Hub",
     "- Hub", "[Hub]", "Hub, the", "'quoted'", 'say "hi"', "مكتبة ريفرتون", "@home"],
)  # fmt: skip
def test_any_text_reads_back_as_the_same_text(name):
    data = BASE | {"name": name, "summary": name, "how_to_find": f"{name}: ask"}
    place = read_back(render(data))
    assert (place.name, place.summary, place.how_to_find) == (name, name, f"{name}: ask")


def test_exceptions_are_indented_under_their_key():
    data = BASE | {
        "exceptions": [{"date": dt.date(2026, 12, 25), "hours": "closed", "note": "Christmas"}]
    }
    text = render(data)
    assert "exceptions:\n  - date: 2026-12-25\n    hours: closed\n    note: Christmas\n" in text
    assert read_back(text).exceptions[0].note == "Christmas"


def test_check_text_gives_every_problem_of_a_refused_file():
    data = BASE | {"kind": "cafe", "postcode": "XYZ", "lessons": ["nowhere"], "checked": "soon"}
    found = check_text(render(data), "content/places/riverton-library.yaml", TODAY, ["a"])
    assert sorted((p.rule, p.key_path) for p in found) == [
        ("invalid-date", "checked"),
        ("place-postcode", "postcode"),
        ("unknown-lesson", "lessons[0]"),
        ("unknown-value", "kind"),
    ]
