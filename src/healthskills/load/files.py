"""Reading a project's files: each file once, with one kind of problem when it cannot be."""

from __future__ import annotations

import functools
from pathlib import Path

from ..problems import Problem, Severity
from ..project import Project
from .yamlio import MAX_BYTES, Document, load_yaml


def read_bytes(project: Project, path: Path) -> tuple[bytes | None, list[Problem]]:
    """The file's bytes, or a problem naming it. A file over the YAML size limit is not
    read into memory at all: its size is enough to refuse it."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return b"\0" * (MAX_BYTES + 1), []
        return path.read_bytes(), []
    except OSError as exc:
        rel = project.relative(path)
        return None, [
            Problem(rel, 0, 0, Severity.ERROR, "unreadable", f"Cannot read the file: {exc}.")
        ]


def read_yaml(
    project: Project, path: Path, *, env_tags: bool = False
) -> tuple[Document | None, list[Problem]]:
    raw, problems = read_bytes(project, path)
    if raw is None:
        return None, problems
    return parse_yaml(raw, project.relative(path), env_tags)


@functools.lru_cache(maxsize=1024)
def parse_yaml(raw: bytes, path: str, env_tags: bool) -> tuple[Document | None, list[Problem]]:
    """A file's YAML, parsed once for the same bytes: the preview checks the project again
    after every change, and only the file that changed needs parsing. Callers must not
    change the document."""
    return load_yaml(raw, path, env_tags=env_tags)
