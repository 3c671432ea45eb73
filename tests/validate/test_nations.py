"""Which UK nations a page is for: declared on every lesson and guide, checked against the
nations the site serves, and said near the top of the page, in the reader's language."""

from __future__ import annotations

from bs4 import BeautifulSoup

from healthskills.build import build_project
from support import TODAY, edit, english_pages, problem_lines

LESSON = "content/lessons/first-lesson.yaml"
SECOND = "content/lessons/second-lesson.yaml"


def test_unknown_nation_is_an_error_with_a_suggestion(project):
    edit(project, LESSON, "applies_to: [england]", "applies_to: [englnd, wales]")
    assert problem_lines(project) == [
        f"{LESSON}:46:14: error [unknown-value] applies_to[0]: `englnd` is not one of: "
        "england, wales, scotland, northern-ireland."
    ]


def test_nations_are_required_and_a_page_not_for_all_says_what_is_different(project):
    edit(project, SECOND, "applies_to: [england, wales, scotland, northern-ireland]\n", "")
    edit(project, LESSON, "elsewhere: Health services work differently in Wales, Scotland "
         "and Northern Ireland.\n", "")  # fmt: skip
    assert problem_lines(project) == [
        f"{LESSON}:46:13: error [elsewhere-missing] applies_to: The page is not for wales, "
        "scotland, northern-ireland, but does not say what is different there.",
        f"{SECOND}:1:1: error [required] applies_to: This field is required.",
    ]


def test_a_note_for_all_four_nations_is_never_shown(project):
    edit(project, SECOND, "northern-ireland]", "northern-ireland]\nelsewhere: Never shown.")
    assert problem_lines(project) == [
        f"{SECOND}:30:12: warning [elsewhere-unused] elsewhere: The page is for all four "
        "nations, so `elsewhere` is never shown."
    ]


def test_a_page_for_none_of_the_sites_nations_is_reported(project):
    edit(project, "mkdocs.yml", "theme:", "extra:\n  nations: [wales]\ntheme:")
    assert problem_lines(project) == [
        "content/guides/first-guide.yaml:26:13: warning [nation-not-served] applies_to: The "
        "page is for england, and the site serves wales (extra.nations in mkdocs.yml).",
        f"{LESSON}:46:13: warning [nation-not-served] applies_to: The page is for england, "
        "and the site serves wales (extra.nations in mkdocs.yml).",
    ]


def test_the_page_says_where_it_applies_near_its_top(project):
    pages = {p.path: BeautifulSoup(p.body, "html.parser") for p in english_pages(project)}
    lesson = pages["lessons/first-lesson.md"]
    note = lesson.select_one(".hs-nations")
    assert note.find_previous("h1") is not None and note.find_next("h2", id="before-you-start")
    assert note.p.get_text(" ", strip=True) == (
        "This page is for England. Health services work differently in Wales, Scotland and "
        "Northern Ireland."
    )
    links = [(a.get_text(), a["href"]) for a in note.select("a")]
    assert links == [
        ("Wales: NHS 111 Wales", "https://111.wales.nhs.uk/"),
        ("Scotland: NHS inform", "https://www.nhsinform.scot/"),
        (
            "Northern Ireland: nidirect",
            "https://www.nidirect.gov.uk/articles/how-use-your-health-services",
        ),
    ]
    everywhere = pages["lessons/second-lesson.md"].select_one(".hs-nations")
    assert everywhere.get_text(" ", strip=True) == "This page is for everyone in the UK."
    assert everywhere.select("a") == []


TWO_LANGUAGES = """\
- {code: en, name: English, own_name: English, dir: ltr, status: source}
- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine}
"""


def test_the_note_is_in_the_readers_language(project, tmp_path):
    from healthskills.cli import main
    from healthskills.load import po

    (project.root / "translations").mkdir()
    (project.root / "translations/languages.yaml").write_text(TWO_LANGUAGES, encoding="utf-8")
    assert main(["translations", "update", "--project", str(project.root)]) == 0
    strings = {
        "ui.applies_to": "Ta strona jest dla: {nations}.",
        "ui.nation_england": "Anglia",
        "ui.nation_wales": "Walia",
        "ui.services_elsewhere": "Usługi zdrowotne w innych częściach Wielkiej Brytanii:",
    }
    path = project.root / "translations/pl/interface.po"
    catalog = po.loads(path.read_text(encoding="utf-8"))
    for entry in catalog.entries:
        if entry.msgctxt in strings:
            entry.msgstr = strings[entry.msgctxt]
    path.write_text(po.dumps(catalog), encoding="utf-8")
    edit(project, LESSON, "applies_to: [england]", "applies_to: [england, wales]")
    build_project(project, tmp_path / "site", TODAY, cache=False)
    page = tmp_path / "site/pl/lessons/first-lesson/index.html"
    note = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(".hs-nations")
    # The nations are joined the Polish way; the author's sentence is still English, marked so.
    assert note.strong.get_text() == "Ta strona jest dla: Anglia i Walia."
    assert note.select_one("span[lang=en]").get_text().startswith("Health services")
    assert note.select("p")[1].get_text().startswith("Usługi zdrowotne")
