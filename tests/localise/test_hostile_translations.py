"""A translation is text from outside the project's own authors: one sent in by a volunteer,
or from a PO file that someone tampered with. Whatever it holds, no script reaches a page:
`check` refuses it, and even a page rendered from it anyway carries no markup that runs."""

from __future__ import annotations

from bs4 import BeautifulSoup

from healthskills.assets import collect_assets
from healthskills.check import check_project
from healthskills.render.site import render_language
from support import TODAY

HOSTILE = (
    'Tap it. <script>alert(1)</script><img src="x" onerror="alert(2)"> '
    '[Open](javascript:alert(3)) <a href="javascript:alert(4)">here</a>'
)


def _polish(project) -> None:
    folder = project.root / "translations"
    (folder / "pl/lessons").mkdir(parents=True)
    (folder / "languages.yaml").write_text(
        "- {code: en, name: English, own_name: English, dir: ltr, status: source}\n"
        "- {code: pl, name: Polish, own_name: Polski, dir: ltr, status: machine, "
        "partial: true}\n",
        encoding="utf-8",
    )
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    english = "Tap the [app](glossary:app) once. Then see the [easy read](guide:first-guide)."
    hostile = HOSTILE.replace('"', '\\"')
    (folder / "pl/lessons/first-lesson.po").write_text(
        header + f'msgctxt "steps.open.text"\nmsgid "{english}"\nmsgstr "{hostile}"\n\n'
        'msgctxt "steps.open.title"\nmsgid "Open it"\n'
        'msgstr "Otwórz <script>alert(5)</script>"\n',
        encoding="utf-8",
    )
    (folder / "pl/interface.po").write_text(
        header + 'msgctxt "ui.steps"\nmsgid "Steps"\nmsgstr "Kroki<img src=x onerror=alert(6)>"\n',
        encoding="utf-8",
    )


def test_check_refuses_markup_and_scripts_in_translations(project):
    _polish(project)
    problems = [p for p in check_project(project, TODAY).problems if p.path.startswith("transl")]
    rules = {p.rule for p in problems if p.is_error}
    assert "translation-links" in rules  # the links to the glossary and guide were lost
    assert any(p.is_error and p.rule == "raw-html" for p in problems), [
        p.format() for p in problems
    ]


def test_a_page_rendered_from_a_hostile_translation_has_nothing_that_runs(project):
    _polish(project)
    checked = check_project(project, TODAY)
    polish = next(lang for lang in checked.languages if lang.code == "pl")
    pages = render_language(checked.localised(polish), collect_assets(checked.content.pictures),
                            checked.settings, TODAY)  # fmt: skip
    lesson = next(page for page in pages if page.path == "lessons/first-lesson.md").body
    assert "Tap it." in lesson  # the translation is there, as text
    soup = BeautifulSoup(lesson, "html.parser")
    assert soup.find_all("script") == []
    handlers = [(tag.name, a) for tag in soup.find_all(True) for a in tag.attrs
                if a.lower().startswith("on")]  # fmt: skip
    assert handlers == []
    links = [a["href"] for a in soup.find_all("a", href=True)]
    assert not [href for href in links if href.strip().lower().startswith("javascript:")]
    assert not [img for img in soup.find_all("img") if img.get("src") == "x"]
    assert "Kroki&lt;img" in lesson  # the interface string is shown as text
