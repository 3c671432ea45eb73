"""Your own copy: an organisation's name (translated), logo, accent colour and footer line,
set in mkdocs.yml, shown on every page; an unreadable accent or an unsafe logo refused at
its line and column."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from healthskills.build import build_project
from healthskills.render.policy import source_hash
from healthskills.settings.branding import contrast, darker_passing, weakest
from support import TODAY, edit, problem_lines

LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
    '<circle cx="32" cy="32" r="28" fill="#00703c"/></svg>'
)
ORGANISATION = """extra:
  organisation:
    name: Riverton Digital Health Partnership
    logo: docs/logo.svg
    accent: "#00703c"
    footer: Riverton Digital Health, 12 Market Street, Riverton. Phone 01632 960000.
theme:"""


def _own_copy(project, accent: str = "#00703c", logo: str = LOGO) -> None:
    (project.root / "docs/logo.svg").write_text(logo, encoding="utf-8")
    edit(project, "mkdocs.yml", "theme:", ORGANISATION.replace("#00703c", accent))


def _polish(project) -> None:
    """Polish, with the organisation's name and footer translated in its interface.po."""
    folder = project.root / "translations"
    (folder / "pl").mkdir(parents=True)
    (folder / "languages.yaml").write_text(
        "- {code: en, name: English, own_name: English, dir: ltr, status: source}\n"
        "- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine, "
        "partial: true}\n",
        encoding="utf-8",
    )
    (folder / "pl/interface.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "org.name"\nmsgid "Riverton Digital Health Partnership"\n'
        'msgstr "Partnerstwo Cyfrowego Zdrowia Riverton"\n\n'
        'msgctxt "org.footer"\n'
        'msgid "Riverton Digital Health, 12 Market Street, Riverton. Phone 01632 960000."\n'
        'msgstr "Riverton Digital Health, 12 Market Street, Riverton. Telefon 01632 960000."\n',
        encoding="utf-8",
    )


def test_every_page_carries_the_organisations_name_logo_colour_and_footer(project, tmp_path):
    _own_copy(project)
    _polish(project)
    assert [line for line in problem_lines(project) if "error" in line] == []
    site = tmp_path / "site"
    build_project(project, site, TODAY, cache=False)
    for lang, name, footer in (
        ("en", "Riverton Digital Health Partnership", "Phone 01632 960000."),
        ("pl", "Partnerstwo Cyfrowego Zdrowia Riverton", "Telefon 01632 960000."),
    ):
        page = BeautifulSoup((site / lang / "lessons/first-lesson/index.html").read_text(),
                             "html.parser")  # fmt: skip
        assert page.select_one(".hs-org").get_text() == name
        logo = page.select_one("img.hs-logo")
        assert (site / lang / "lessons/first-lesson" / logo["src"]).resolve().read_text() == LOGO
        assert footer in page.select_one(".hs-footer").get_text()
        style = page.find("style").string
        assert style.endswith(":root{--hs-blue:#00703c;--hs-dark-blue:#004e2a}")
        # The policy names the stylesheet as it is, accent and all.
        policy = page.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
        assert source_hash(style) in policy


def test_an_accent_readers_cannot_read_is_refused_with_a_darker_one(project):
    _own_copy(project, accent="#66aadd")
    lines = problem_lines(project)
    assert lines == [
        "mkdocs.yml:7:13: error [accent-contrast] extra.organisation.accent: The accent "
        "#66aadd has a contrast of 2.2:1 "
        "on the tip boxes; WCAG AA needs 4.5:1 for text."
    ]
    darker = darker_passing("#66aadd")
    assert weakest(darker)[1] >= 4.5 > weakest("#66aadd")[1]
    assert round(contrast("#00703c", "#ffffff"), 2) == 6.21  # NHS green on white


def test_a_logo_with_a_script_is_refused_like_a_picture(project):
    _own_copy(project, logo=LOGO.replace("</svg>", "<script>alert(1)</script></svg>"))
    lines = problem_lines(project)
    assert any(re.match(r"docs/logo\.svg: error \[svg-unsafe\]", line) for line in lines), lines
