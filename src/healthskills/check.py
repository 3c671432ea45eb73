"""Load and validate a project: the whole of `healthskills check`, reused by `build`."""

from __future__ import annotations

import datetime as dt

from .i18n import check_translation_quality, check_translations, load_languages
from .load import Content, Project, load_content
from .mkdocs_adapter import check_settings
from .plain_rules import check_plain_language
from .problems import Problem, sort_problems
from .validate import validate


def check_project(project: Project, today: dt.date | None = None) -> tuple[Content, list[Problem]]:
    content, problems = load_content(project)
    config, config_problems = check_settings(project)
    problems += validate(content, today or dt.date.today())
    problems += check_plain_language(content, config)
    languages, language_problems = load_languages(project)
    problems += language_problems + check_translations(project, languages)
    problems += check_translation_quality(content, languages)
    # The project's own severities (extra.checks.severity in mkdocs.yml) apply last.
    return content, sort_problems(config.apply(problems) + config_problems)
