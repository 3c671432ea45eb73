"""Content files → typed models: lessons, guides, the glossary, topics and pictures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel

from ..models import Glossary, Guide, Lesson, Topics, parse_model
from ..models.place import Place
from ..problems import Problem, Severity
from ..project import Project
from .files import read_bytes, read_yaml
from .yamlio import Document

M = TypeVar("M", bound=BaseModel)


@dataclass
class Loaded(Generic[M]):
    """A validated model and the document it came from (for positions in later checks)."""

    model: M
    doc: Document


@dataclass
class Content:
    """Everything the later stages need from content/, read once."""

    project: Project
    lessons: dict[str, Loaded[Lesson]] = field(default_factory=dict)
    guides: dict[str, Loaded[Guide]] = field(default_factory=dict)
    places: dict[str, Loaded[Place]] = field(default_factory=dict)
    """Places to get help (content/places/), local and national."""
    glossary: Loaded[Glossary] | None = None
    topics: Loaded[Topics] | None = None
    pictures: dict[str, bytes] = field(default_factory=dict)
    """Picture name → SVG bytes."""
    stems: dict[str, dict[str, Path]] = field(default_factory=dict)
    """Kind ('lessons', 'guides', 'places') → file stem → path, including files that failed to load,
    so references to a broken-but-present lesson are not reported as missing too."""


def _load_model(
    project: Project, path: Path, model: type[M]
) -> tuple[Loaded[M] | None, list[Problem]]:
    doc, problems = read_yaml(project, path)
    if doc is None:
        return None, problems
    # Structural YAML problems (a duplicate key, say) still leave usable data: go on, so
    # the author sees every problem in one run.
    parsed, found = parse_model(model, doc)
    problems += found
    return (Loaded(parsed, doc) if parsed is not None else None), problems


def load_content(project: Project) -> tuple[Content, list[Problem]]:
    content = Content(project)
    problems: list[Problem] = []

    for kind, model, target in (
        ("lessons", Lesson, content.lessons),
        ("guides", Guide, content.guides),
        ("places", Place, content.places),
    ):
        folder = project.content / kind
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
        content.stems[kind] = {path.stem: path for path in files}
        for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
            problems.append(
                Problem(
                    project.relative(path),
                    0,
                    0,
                    Severity.ERROR,
                    "file-name",
                    "Content files must end in .yaml, not .yml.",
                    hint=f"rename it to {path.stem}.yaml.",
                )
            )
        for path in files:
            loaded, found = _load_model(project, path, model)
            problems += found
            if loaded is not None:
                target[path.stem] = loaded

    for name, model, attr in (
        ("glossary.yaml", Glossary, "glossary"),
        ("topics.yaml", Topics, "topics"),
    ):
        path = project.content / name
        if not path.is_file():
            problems.append(
                Problem(
                    project.relative(path),
                    0,
                    0,
                    Severity.ERROR,
                    "missing-file",
                    f"content/{name} is missing.",
                    hint="every project needs one; see docs/authors.md.",
                )
            )
            continue
        loaded, found = _load_model(project, path, model)
        problems += found
        setattr(content, attr, loaded)

    if project.pictures.is_dir():
        for path in sorted(project.pictures.glob("*.svg")):
            data, found = read_bytes(project, path)
            problems += found
            if data is not None:
                content.pictures[path.stem] = data
    return content, problems
