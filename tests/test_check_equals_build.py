"""`check` reports everything `build` would refuse, at its file, line and column.

Each case breaks the fixture project one way. Before, several of these passed `check` and
failed only in the middle of a build (mkdocs.yml was checked by mkdocs itself, hand-written
pages only by the built site's link check). Now both refuse each one, and `check` says where.
"""

from __future__ import annotations

import pytest

from healthskills.build import build_project
from healthskills.cli import main
from healthskills.problems import ProblemsFound
from support import TODAY, edit

YML = "mkdocs.yml"


def _docs(rel: str, text: str):
    def change(project):
        path = project.root / "docs" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    return change


def _yml(old: str, new: str):
    return lambda project: edit(project, YML, old, new)


PLACE = """id: library
name: Test Library
kind: library
area: Testtown
address: 1 Test Street
postcode: RT1 2AB
hours:
  monday: [09:00-17:00]
  tuesday: [09:00-17:00]
checked: 2026-05-01
owner: Test Libraries
"""


def _place(old: str, new: str):
    def change(project):
        folder = project.root / "content/places"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "library.yaml").write_text(PLACE.replace(old, new), encoding="utf-8")

    return change


def _po_error(project):
    folder = project.root / "translations"
    (folder / "pl").mkdir(parents=True)
    (folder / "languages.yaml").write_text(
        "- {code: en, name: English, own_name: English, dir: ltr, status: source}\n"
        "- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine}\n",
        encoding="utf-8",
    )
    (folder / "pl/topics.po").write_text('msgid "x"\nmsgstr "unclosed\n', encoding="utf-8")


CASES = {
    "bad site address": (
        _yml("site_url: https://test.example.org/", "site_url: test.example.org"),
        "mkdocs.yml:2:11: error [invalid-url] site_url: `test.example.org` is not a full web address.",
    ),
    "unknown setting": (
        _yml("site_name: Test site", "site_name: Test site\nsite_descripton: A test."),
        "mkdocs.yml:2:1: error [unknown-key] site_descripton: Unknown key `site_descripton`. Did you mean `site_description`?",
    ),
    "unsupported theme option": (
        _yml("  font: false", "  font: false\n  logo: logo.png"),
        "mkdocs.yml:6:3: error [unknown-key] theme.logo: Unknown key `logo`.",
    ),
    "web fonts": (
        _yml("  font: false", "  font:\n    text: Roboto"),
        "mkdocs.yml:5:3: error [web-fonts] theme.font must be false: web fonts are fetched from another host.",
    ),
    "paper size": (
        _yml("theme:", "extra:\n  paper: A3\ntheme:"),
        "mkdocs.yml:4:3: error [mkdocs-config] extra.paper is `A3`; printed guides can be A4 or letter.",
    ),
    "nation name": (
        _yml("theme:", "extra:\n  nations: [englnd]\ntheme:"),
        "mkdocs.yml:4:13: error [unknown-value] extra.nations[0]: `englnd` is not one of: england, wales, scotland, northern-ireland.",
    ),
    "a plugin": (
        _yml("theme:", "plugins:\n  - blog\ntheme:"),
        "mkdocs.yml:4:5: error [mkdocs-config] The plugin `blog` cannot run: healthskills builds pages without mkdocs plugins, so that the engine can be replaced.",
    ),
    "Markdown extension not installed": (
        _yml("theme:", "markdown_extensions:\n  - no_such_extension\ntheme:"),
        "mkdocs.yml:3:1: error [mkdocs-config] markdown_extensions:",
    ),
    "menu names a missing page": (
        _yml("  - translators.md", "  - translators.md\n  - about.md"),
        "mkdocs.yml:11:5: error [nav-page] nav[4]: The menu names `about.md`, which is not a page.",
    ),
    "docs page on a reserved path": (
        _docs("lessons/mine.md", "# Mine\n"),
        "docs/lessons: error [reserved-folder] docs/lessons/ is generated from content/lessons/; it cannot be hand-written.",
    ),
    "docs page in the places folder": (
        _docs("help-near-you/ours.md", "# Ours\n"),
        "docs/help-near-you: error [reserved-folder] docs/help-near-you/ is written by healthskills for every language; it cannot be hand-written.",
    ),
    "a place with a postcode that is not one": (
        _place("postcode: RT1 2AB", "postcode: RT1"),
        "content/places/library.yaml:6:11: error [place-postcode] postcode: `RT1` is not a UK postcode.",
    ),
    "a place open until 25:00": (
        _place("monday: [09:00-17:00]", "monday: [09:00-25:00]"),
        "content/places/library.yaml:8:12: error [place-hours] hours.monday[0]: `09:00-25:00` is not an opening range.",
    ),
    "docs page with a generated page's name": (
        _docs("words.md", "# Words\n"),
        "docs/words.md: error [reserved-folder] docs/words.md is made by healthskills for every language; it cannot be hand-written.",
    ),
    "broken Markdown link in a docs page": (
        _docs("about.md", "# About\n\nSee [the help](help.md).\n"),
        "docs/about.md:3:1: error [broken-link] Broken link help.md: there is no such page.",
    ),
    "broken HTML link in a docs page": (
        _docs("about.md", '# About\n\n<a href="lessons/nowhere/">x</a>\n'),
        "docs/about.md:3:1: error [broken-link] Broken link lessons/nowhere/: no page has that address.",
    ),
    "link to a missing anchor": (
        _docs("about.md", "# About\n\nSee [the start](index.md#nowhere).\n"),
        "docs/about.md:3:1: error [broken-link] No anchor #nowhere in index.md.",
    ),
    "unreadable PO file": (
        _po_error,
        "translations/pl/topics.po:2:1: error [po-syntax] The PO file cannot be read:",
    ),
    "glossary link the lesson never explains": (
        lambda p: edit(
            p,
            "content/lessons/second-lesson.yaml",
            "then let them try.",
            "then let them try. See the [app](glossary:app).",
        ),
        "content/lessons/second-lesson.yaml:28:20: error [glossary-unexplained] facilitator_notes: The link to `app` leads nowhere",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_check_reports_what_build_refuses(project, tmp_path, capsys, case):
    change, expected = CASES[case]
    change(project)
    assert main(["check", "--project", str(project.root)]) == 1
    reported = capsys.readouterr().err.splitlines()
    assert any(line.startswith(expected) for line in reported), "\n".join(reported)
    with pytest.raises(ProblemsFound):
        build_project(project, tmp_path / "site", TODAY, cache=False)
    assert not (tmp_path / "site").exists()


def test_a_clean_project_passes_both(project, tmp_path):
    assert main(["check", "--project", str(project.root)]) == 0
    build_project(project, tmp_path / "site", TODAY, cache=False)
    assert (tmp_path / "site/en/index.html").is_file()
