"""The hand-written pages (docs/): Markdown pages with their front matter, and any other
files beside them (pictures), read once for every language's build and for extraction."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from ..problems import Problem, Severity
from ..project import Project
from .files import read_bytes


@dataclass(frozen=True)
class DocsPage:
    """A hand-written page, split into its front matter and Markdown body."""

    rel: str
    """Path relative to docs/, such as `champions.md`."""
    text: str
    """The whole file as written."""
    front: dict[str, object] = field(default_factory=dict)
    body: str = ""


@dataclass(frozen=True)
class Docs:
    pages: dict[str, DocsPage] = field(default_factory=dict)
    """Markdown pages by path relative to docs/, in path order."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Every other file (pictures, downloads), by path relative to docs/."""


def split_front_matter(text: str) -> tuple[dict[str, object], str]:
    """`---`-fenced YAML front matter and the body after it. The one parser of front matter:
    extraction, translation and the engine all use what it found."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            meta = yaml.safe_load(text[4:end]) or {}
            if isinstance(meta, dict):
                return meta, text[end + 5 :]
    return {}, text


def load_docs(project: Project) -> tuple[Docs, list[Problem]]:
    docs = Docs()
    problems: list[Problem] = []
    folder = project.docs
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file():
            continue
        rel = path.relative_to(folder).as_posix()
        data, found = read_bytes(project, path)
        problems += found
        if data is None:
            continue
        if path.suffix != ".md":
            docs.files[rel] = data
            continue
        try:
            text = data.decode("utf-8")
            front, body = split_front_matter(text)
        except UnicodeDecodeError:
            problems.append(
                Problem(project.relative(path), 0, 0, Severity.ERROR, "encoding",
                        "The page is not UTF-8.", hint="save it as UTF-8.")
            )  # fmt: skip
            continue
        except yaml.YAMLError as exc:
            problems.append(Problem(project.relative(path), 1, 1, Severity.ERROR, "yaml-syntax",
                                    f"The page's front matter cannot be read: {exc}.",
                                    hint="check the lines between the two `---`."))  # fmt: skip
            continue
        docs.pages[rel] = DocsPage(rel, text, front, body)
    return docs, problems
