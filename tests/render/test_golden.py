"""Rendered page bodies compared with committed golden files.

After an intended change to the output, run `pytest tests/render --update-golden` and
review the diff of tests/render/testdata/ like any other change.
"""

from pathlib import Path

import pytest

from healthskills.check import check_project
from support import PLACES_TODAY, TODAY, english_pages

TESTDATA = Path(__file__).parent / "testdata"


def test_pages_match_golden_files(project, update_golden):
    pages = english_pages(project)
    assert {p.path for p in pages} == {
        "lessons/index.md",
        "guides/index.md",
        "lessons/first-lesson.md",
        "lessons/second-lesson.md",
        "guides/first-guide.md",
        "guides/first-guide/text.md",
        "my-lessons.md",
        "words.md",
        "help-near-you/index.md",
    }
    _compare(pages, TESTDATA, update_golden)


def test_places_pages_match_golden_files(places_project, update_golden):
    """The worked example's "Help near you": the national list, an area, a filter page, a
    place, and a lesson whose "Get help in person" names the places that teach it."""
    pages = english_pages(places_project, PLACES_TODAY)
    wanted = {
        "help-near-you/index.md",
        "help-near-you/riverton/index.md",
        "help-near-you/riverton/offers/free-sim/index.md",
        "help-near-you/riverton/languages/pl/index.md",
        "help-near-you/eastbrook/eastbrook-pharmacy.md",
        "help-near-you/riverton/riverton-central-library.md",
        "lessons/first-lesson.md",
    }
    assert wanted <= {p.path for p in pages}
    _compare([p for p in pages if p.path in wanted], TESTDATA / "places", update_golden)


def _compare(pages, folder: Path, update_golden: bool) -> None:
    mismatched = []
    for page in pages:
        golden = folder / page.path.replace(".md", ".html")
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(page.body + "\n", encoding="utf-8")
        elif not golden.is_file() or golden.read_text(encoding="utf-8") != page.body + "\n":
            mismatched.append(page.path)
    if update_golden:
        pytest.skip("golden files rewritten")
    assert mismatched == [], "run pytest --update-golden and review the diff"


def test_author_html_cannot_reach_a_page(project):
    lesson = project.root / "content/lessons/first-lesson.yaml"
    text = lesson.read_text().replace(
        "warning: Do not share your password.",
        'warning: "<script>alert(1)</script><img src=x onerror=alert(2)>[x](javascript:alert(3))"',
    )
    lesson.write_text(text)
    problems = check_project(project, TODAY).problems
    assert {p.rule for p in problems} == {"raw-html", "link-scheme"}
    # Even if an author ignores the check, the renderer sanitises.
    page = next(
        p for p in english_pages(project, clean=False) if p.path == "lessons/first-lesson.md"
    )
    for bad in ("<script", "onerror", "javascript:"):
        assert bad not in page.body


def test_titles_are_escaped(project):
    lesson = project.root / "content/lessons/second-lesson.yaml"
    lesson.write_text(
        lesson.read_text().replace("title: Close an app", 'title: "Close <b>an</b> app"')
    )
    page = next(p for p in english_pages(project) if p.path == "lessons/second-lesson.md")
    assert "Close &lt;b&gt;an&lt;/b&gt; app" in page.body
