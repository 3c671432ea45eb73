"""Load and validate a project: the whole of `healthskills check`, reused by `build`."""

from __future__ import annotations

import datetime as dt

from .i18n import check_translations, load_languages
from .load import Content, Project, load_content
from .problems import Problem, sort_problems
from .validate import validate


def check_project(project: Project, today: dt.date | None = None) -> tuple[Content, list[Problem]]:
    content, problems = load_content(project)
    problems += validate(content, today or dt.date.today())
    languages, language_problems = load_languages(project)
    problems += language_problems + check_translations(project, languages)
    return content, sort_problems(problems)
