"""A healthskills project: a folder holding mkdocs.yml, content/, translations/ and docs/."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Problem, Severity


@dataclass(frozen=True)
class Project:
    """Where a project's files are. Knows paths only; the load stage reads them."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def pictures(self) -> Path:
        return self.content / "pictures"

    @property
    def translations(self) -> Path:
        return self.root / "translations"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def cache(self) -> Path:
        """Where builds keep what they can reuse (printed PDFs, built languages, compressed
        files), keyed by the hash of what each was made from. Safe to delete at any time."""
        return self.root / ".cache" / "healthskills"

    def relative(self, path: Path) -> str:
        try:
            return path.relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_project(start: Path) -> tuple[Project | None, list[Problem]]:
    root = start.resolve()
    if not (root / "mkdocs.yml").is_file() or not (root / "content").is_dir():
        return None, [
            Problem(
                str(start),
                0,
                0,
                Severity.ERROR,
                "no-project",
                "This folder is not a healthskills project (no mkdocs.yml and content/ here).",
                hint="run the command in the project folder, or pass --project DIR.",
            )
        ]
    return Project(root), []
