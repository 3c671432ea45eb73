"""Rendered page bodies compared with committed golden files.

After an intended change to the output, run `pytest tests/render --update-golden` and
review the diff of tests/render/testdata/ like any other change.
"""

from pathlib import Path

import pytest

from healthskills.assets import collect_assets
from healthskills.check import check_project
from healthskills.render import render_language
from support import TODAY

TESTDATA = Path(__file__).parent / "testdata"


def rendered_pages(project):
    content, problems = check_project(project, TODAY)
    assert problems == []
    return render_language(content, collect_assets(content))


def test_pages_match_golden_files(project, update_golden):
    pages = rendered_pages(project)
    assert {p.path for p in pages} == {
        "lessons/index.md",
        "guides/index.md",
        "lessons/first-lesson.md",
        "lessons/second-lesson.md",
        "guides/first-guide.md",
        "guides/first-guide/text.md",
        "my-lessons.md",
        "words.md",
    }
    mismatched = []
    for page in pages:
        golden = TESTDATA / page.path.replace(".md", ".html")
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
    content, problems = check_project(project, TODAY)
    assert {p.rule for p in problems} == {"raw-html", "link-scheme"}
    # Even if an author ignores the check, the renderer sanitises.
    page = next(
        p for p in render_language(content, collect_assets(content))
        if p.path == "lessons/first-lesson.md"
    )  # fmt: skip
    for bad in ("<script", "onerror", "javascript:"):
        assert bad not in page.body


def test_titles_are_escaped(project):
    lesson = project.root / "content/lessons/second-lesson.yaml"
    lesson.write_text(
        lesson.read_text().replace("title: Close an app", 'title: "Close <b>an</b> app"')
    )
    content, _ = check_project(project, TODAY)
    page = next(
        p for p in render_language(content, collect_assets(content))
        if p.path == "lessons/second-lesson.md"
    )  # fmt: skip
    assert "Close &lt;b&gt;an&lt;/b&gt; app" in page.body
