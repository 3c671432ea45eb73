"""Every language's PO files, each read and parsed once per run."""

from __future__ import annotations

import functools
from pathlib import Path

from ..models.language import Language
from ..problems import Problem, Severity
from ..project import Project
from . import po
from .files import read_bytes

Catalogues = dict[str, po.Catalog]
"""One language's PO files: path relative to translations/<code>/ (`lessons/x.po`) →
catalogue."""


def catalogue_path(project: Project, language: Language, rel: str) -> Path:
    return project.translations / language.code / rel


@functools.lru_cache(maxsize=4096)
def parse_catalogue(path: str, data: bytes) -> tuple[po.Catalog | None, list[Problem]]:
    """A PO file's catalogue, or the problem that stops it being read (`path` is how the
    problem names the file). Parsed once for the same bytes (the preview checks again after
    every change); callers must not change the catalogue."""
    try:
        return po.loads(data.decode("utf-8")), []
    except po.POError as exc:
        problem = Problem(
            path, exc.line, 1, Severity.ERROR, "po-syntax",
            f"The PO file cannot be read: {exc}.",
            hint="open it in Poedit, or check the quotes on that line.",
        )  # fmt: skip
        return None, [problem]
    except UnicodeDecodeError:
        return None, [Problem(path, 0, 0, Severity.ERROR, "encoding",
                              "The PO file is not UTF-8.", hint="save it as UTF-8.")]  # fmt: skip


def load_catalogues(
    project: Project, languages: list[Language]
) -> tuple[dict[str, Catalogues], list[Problem]]:
    """Language code → its catalogues (English has none). A file that cannot be parsed is
    left out, with its problem."""
    found: dict[str, Catalogues] = {}
    problems: list[Problem] = []
    for language in languages:
        if language.is_source:
            continue
        folder = project.translations / language.code
        catalogues: Catalogues = {}
        for path in sorted(folder.rglob("*.po")) if folder.is_dir() else []:
            data, unreadable = read_bytes(project, path)
            problems += unreadable
            if data is None:
                continue
            catalogue, bad = parse_catalogue(project.relative(path), data)
            problems += bad
            if catalogue is not None:
                catalogues[path.relative_to(folder).as_posix()] = catalogue
        found[language.code] = catalogues
    return found, problems
