"""translations/languages.yaml: a language the offline packs cannot name is refused at its
line, with what to add; a three-letter code, or `iso639_3:`, is enough."""

from __future__ import annotations

from healthskills.load.languages import load_languages

ENGLISH = "- {code: en, name: English, own_name: English, dir: ltr, status: source}\n"


def _load(project, text: str):
    (project.root / "translations").mkdir(exist_ok=True)
    (project.root / "translations" / "languages.yaml").write_text(ENGLISH + text, "utf-8")
    return load_languages(project)


def test_a_language_kiwix_cannot_name_is_refused_with_what_to_add(project):
    _, problems = _load(project, "- {code: xx, name: X, own_name: X, dir: ltr, status: machine}\n")
    assert [(p.line, p.col) for p in problems] == [(2, 3)]
    assert "add `iso639_3:`" in problems[0].message


def test_three_letter_codes_and_iso639_3_name_the_language(project):
    languages, problems = _load(
        project,
        "- {code: prs, name: Dari, own_name: دری, dir: rtl, status: machine}\n"
        "- {code: xx, name: X, own_name: X, dir: ltr, status: machine, iso639_3: xxx}\n"
        "- {code: so, name: Somali, own_name: Soomaali, dir: ltr, status: machine}\n",
    )
    assert problems == []
    assert [language.zim_language for language in languages] == ["eng", "prs", "xxx", "som"]
