"""The content report: its numbers on the fixture project, its order (overdue first), its
JSON schema, the terminal table and the editors' page on the site."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
from bs4 import BeautifulSoup

from healthskills.build import build_project
from healthskills.check import check_project
from healthskills.cli import main
from healthskills.report.content import content_report, report_table
from healthskills.settings.checks import Checks
from support import TODAY, edit

SCHEMA = json.loads(
    resources.files("healthskills").joinpath("report/schema.json").read_text("utf-8")
)
LANGUAGES = """\
- {code: en, name: English, own_name: English, dir: ltr, status: source}
- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine}
"""


def report_of(project):
    checked = check_project(project, TODAY)
    assert checked.errors == []
    return content_report(checked.content, checked.languages, checked.progress, TODAY, Checks())


def test_report_numbers_order_and_schema(project):
    # One lesson overdue, one due within 90 days; Polish translated in part.
    edit(
        project,
        "content/lessons/second-lesson.yaml",
        "review_due: 2027-01-10",
        "review_due: 2026-05-01",
    )
    edit(
        project,
        "content/guides/first-guide.yaml",
        "review_due: 2027-01-10",
        "review_due: 2026-07-01",
    )
    edit(
        project,
        "content/lessons/first-lesson.yaml",
        "reviewed: 2026-01-10",
        "owner: Digital team\nreviewed: 2026-01-10",
    )
    (project.root / "translations").mkdir(exist_ok=True)
    (project.root / "translations/languages.yaml").write_text(LANGUAGES, encoding="utf-8")
    assert main(["translations", "update", "--project", str(project.root)]) == 0
    report = report_of(project)
    jsonschema.validate(report, SCHEMA)
    assert report["date"] == "2026-06-01" and report["languages"] == ["pl"]
    assert [(i["kind"], i["id"]) for i in report["items"]] == [
        ("lesson", "second-lesson"),  # overdue: first
        ("guide", "first-guide"),  # then by due date
        ("lesson", "first-lesson"),
    ]
    overdue, soon, later = report["items"]
    assert overdue["overdue"] and overdue["days_until_due"] == -31
    assert soon["days_until_due"] == 30 and not soon["overdue"]
    assert later["owner"] == "Digital team" and overdue["owner"] == "healthskills editors"
    assert later["file"] == "content/lessons/first-lesson.yaml"
    assert report["totals"] == {
        "items": 3,
        "overdue": 1,
        "due_within_90_days": 1,
        "over_reading_age": 0,
    }
    # Nothing is translated yet: every text of every item is missing in Polish.
    pl = later["translations"]["pl"]
    assert pl["translated"] == 0 and pl["missing"] == pl["total"] > 0 and pl["percent"] == 0
    assert 5 <= later["reading_age"] <= 11 and later["reading_age_limit"] == 11
    assert soon["reading_age_limit"] == 9

    table = report_table(report).splitlines()
    assert table[1].split()[:3] == ["OVERDUE", "lesson", "second-lesson"]
    assert table[-1].startswith("3 lessons and guides; 1 overdue for review, 1 due within 90 days")


def test_schema_rejects_a_wrong_report(project):
    report = report_of(project)
    report["items"][0]["overdue"] = "no"
    try:
        jsonschema.validate(report, SCHEMA)
    except jsonschema.ValidationError as exc:
        assert list(exc.absolute_path) == ["items", 0, "overdue"]
    else:
        raise AssertionError("the schema accepted a string for `overdue`")


def test_report_command_prints_json(project, capsys):
    assert main(["report", "--project", str(project.root), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, SCHEMA)
    assert {i["id"] for i in report["items"]} == {"first-lesson", "second-lesson", "first-guide"}


def test_editors_page_on_the_site(project, tmp_path):
    edit(
        project,
        "content/lessons/second-lesson.yaml",
        "review_due: 2027-01-10",
        "review_due: 2026-05-01",
    )
    build_project(project, tmp_path / "site", TODAY)
    page = BeautifulSoup(
        (tmp_path / "site/en/content-report/index.html").read_text("utf-8"), "html.parser"
    )
    assert page.find("h1").get_text() == "Content report for editors"
    rows = page.select("table.hs-status tbody tr")
    assert [r.find("a")["href"] for r in rows] == [
        "../lessons/second-lesson/",
        "../guides/first-guide/",
        "../lessons/first-lesson/",
    ]
    assert "(overdue)" in rows[0].get_text() and "(overdue)" not in rows[1].get_text()
