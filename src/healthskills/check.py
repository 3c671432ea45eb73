"""`healthskills check`, and the front door of every build: load and validate everything.

`check_project` reads each file of the project once, runs every rule, and returns a
`CheckedProject` holding what it read and what it found. `build` takes that and never reads
a project file again, so whatever the build would refuse, `check` has already reported,
with its file, line and column.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from .load.catalogues import Catalogues, load_catalogues
from .load.content import Content, load_content
from .load.docs import Docs, load_docs
from .load.languages import load_languages
from .localise.content import Localised, localise_content
from .localise.progress import FileProgress, translation_progress
from .localise.translations import Translations, translations_for
from .models.language import Language
from .problems import Problem, Severity, sort_problems
from .project import Project
from .report.content import content_report
from .settings import ProjectSettings, read_settings
from .validate.content import validate_content
from .validate.easy_read import validate_easy_read
from .validate.pictures import validate_pictures
from .validate.places import validate_places
from .validate.plain_language import validate_plain_language
from .validate.project import validate_project
from .validate.translations import validate_translations
from .write.engine import DEFAULT_ENGINE, Engine, SiteConfig, get_engine


@dataclass
class CheckedProject:
    """Everything a build needs, read once and checked: the settings, the content, the
    hand-written pages, the languages and their catalogues, and every problem found."""

    project: Project
    settings: ProjectSettings
    content: Content
    docs: Docs
    languages: list[Language]
    catalogues: dict[str, Catalogues]
    problems: list[Problem]
    today: dt.date
    engine: Engine = field(repr=False)
    _localised: dict[str, Localised] = field(default_factory=dict, repr=False)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    def translations(self, language: Language) -> Translations:
        return self.localised(language).translations

    def localised(self, language: Language) -> Localised:
        """The language's view of the content, made once and shared by every page,
        embed and printed document of the language."""
        if language.code not in self._localised:
            translations = translations_for(language, self.catalogues.get(language.code))
            self._localised[language.code] = localise_content(self.content, language, translations)
        return self._localised[language.code]

    @functools.cached_property
    def progress(self) -> dict[str, list[FileProgress]]:
        """How much of each language is translated, per PO file."""
        return translation_progress(
            self.content,
            self.docs,
            self.languages,
            self.catalogues,
            self.engine.theme_strings,
            self.settings.organisation,
        )

    @functools.cached_property
    def report(self) -> dict[str, Any]:
        """The content report (`healthskills report`, and its page on the site)."""
        return content_report(
            self.content, self.languages, self.progress, self.today, self.settings.checks
        )

    def site_config(self) -> SiteConfig:
        s = self.settings
        return SiteConfig(s.site_name, s.site_url, s.site_description, s.copyright, s.nav,
                          s.markdown_extensions, s.validation, s.path)  # fmt: skip


def check_project(
    project: Project, today: dt.date | None = None, engine: str = DEFAULT_ENGINE
) -> CheckedProject:
    """Read and check the whole project. Problems are sorted, with the project's own
    severities (`extra.checks.severity` in mkdocs.yml) applied."""
    today = today or dt.date.today()
    the_engine = get_engine(engine)
    settings, problems = read_settings(project)
    content, found = load_content(project)
    problems += found
    docs, found = load_docs(project)
    problems += found
    languages, found = load_languages(project)
    problems += found
    catalogues, found = load_catalogues(project, languages)
    problems += found

    problems += validate_content(content, today)
    problems += validate_places(content, today)
    problems += validate_easy_read(content)
    problems += validate_pictures(content)
    problems += validate_plain_language(content, settings.checks)
    problems += validate_translations(
        content, docs, languages, catalogues, the_engine.theme_strings, settings.organisation
    )
    problems += validate_project(settings, content, docs)
    checked = CheckedProject(project, settings, content, docs, languages, catalogues, [], today,
                             the_engine)  # fmt: skip
    if not any(p.rule in ("mkdocs-config", "invalid-url") for p in problems):
        problems += _engine_problems(checked)
    checked.problems = sort_problems(settings.checks.apply(problems))
    return checked


def _engine_problems(checked: CheckedProject) -> list[Problem]:
    """Settings the engine would refuse (a Markdown extension that is not installed, say),
    at the setting's place in mkdocs.yml."""
    doc = checked.settings.doc
    found = []
    for key, message in checked.engine.check(checked.site_config()):
        if doc is not None:
            found.append(doc.problem((key,), "mkdocs-config", message,
                                     hint="see docs/charities.md for the settings healthskills "
                                     "supports.", key=True))  # fmt: skip
        else:
            found.append(Problem(checked.settings.path, 0, 0, Severity.ERROR, "mkdocs-config",
                                 f"{key}: {message}"))  # fmt: skip
    return found
