"""`translations/languages.yaml`: the languages the site is built in, English first."""

from __future__ import annotations

from dataclasses import replace

from ..models import parse_model
from ..models.language import ENGLISH, Language
from ..problems import Problem
from ..project import Project
from .files import read_yaml
from .yamlio import Document


def load_languages(project: Project) -> tuple[list[Language], list[Problem]]:
    """The site's languages, English first. Without languages.yaml: English only."""
    path = project.translations / "languages.yaml"
    if not path.is_file():
        return [ENGLISH], []
    doc, problems = read_yaml(project, path)
    if doc is None or problems:
        return [ENGLISH], problems
    if not isinstance(doc.data, list):
        return [ENGLISH], [doc.problem((), "type", "Expected a list of languages.")]
    languages: list[Language] = []
    out: list[Problem] = []
    seen: set[str] = set()
    for index, item in enumerate(doc.data):
        sub = Document(
            doc.path,
            item,
            {loc[1:]: pos for loc, pos in doc.positions.items() if loc[:1] == (index,)},
            {loc[1:]: pos for loc, pos in doc.key_positions.items() if loc[:1] == (index,)},
        )
        language, found = parse_model(Language, sub)
        out += [_reindex(p, index) for p in found]
        if language is None:
            continue
        if language.code in seen:
            out.append(doc.problem((index, "code"), "duplicate-id",
                                   f"The language `{language.code}` is listed twice."))  # fmt: skip
        seen.add(language.code)
        languages.append(language)
    if "en" not in seen:
        out.append(doc.problem((), "required", "English (`en`) must be listed: it is the source."))
    languages.sort(key=lambda lang: lang.code != "en")
    return languages, out


def _reindex(problem: Problem, index: int) -> Problem:
    return replace(
        problem, key_path=f"[{index}]." + problem.key_path if problem.key_path else f"[{index}]"
    )
