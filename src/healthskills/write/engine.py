"""The seam between healthskills and the engine that wraps finished pages in the site's
chrome (header, menu, language switcher, footer).

Everything else in healthskills makes finished page bodies; an engine only puts them in a
theme and writes the files. Today the engine is mkdocs with mkdocs-material. Material
reaches the end of its life in May 2027 and MkDocs 2 drops themes and plugins, so the
engine must be replaceable: `Engine` is all healthskills asks of one, `write.mkdocs_engine`
is the only module that imports an engine, and the same adapter runs on ProperDocs (a
maintained continuation of MkDocs 1.x) to prove the seam (`build --engine properdocs`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from ..problems import Problem
from ..render.context import PageSource


@dataclass(frozen=True)
class SiteConfig:
    """The project's settings an engine needs, as plain data (picklable)."""

    site_name: str
    site_url: str
    site_description: str
    copyright: str
    nav: list[Any] | None
    markdown_extensions: list[Any]
    validation: dict[str, Any]
    path: str = "mkdocs.yml"
    """How problems name the settings file."""


@dataclass(frozen=True)
class LanguageJob:
    """Everything one language's build needs, in memory: the engine reads no project file.
    Picklable, so languages can build in parallel processes."""

    engine: str
    lang: str
    direction: str
    config: SiteConfig
    pages: list[PageSource]
    """Generated pages, with finished bodies."""
    docs: dict[str, str]
    """Hand-written pages (path in docs/ → Markdown), translated for this language."""
    docs_files: dict[str, bytes]
    """Every other file in docs/ (pictures, downloads)."""
    theme_strings: dict[str, str] | None
    """Our translation of the theme's strings, for a language the theme does not know."""
    extra: dict[str, Any]
    """What our theme template (theme/main.html) needs: stylesheets, script, languages."""
    out_dir: Path
    codes: list[str] = field(default_factory=list)
    """Every language's code, for the sitemap's alternates."""
    only: frozenset[str] | None = None
    """Build only these pages (paths such as `lessons/x.md`) and write nothing else: the
    preview's quick update of what changed. None builds the whole language."""


class Engine(Protocol):
    name: str

    def version(self) -> str:
        """What the engine's output depends on: its own version and the theme's."""
        ...

    def check(self, config: SiteConfig) -> list[Problem]:
        """Problems the engine would raise with these settings, without building."""
        ...

    def theme_strings(self, lang: str) -> dict[str, str]:
        """The theme's English interface strings that need our translation for `lang`
        (none when the theme translates the language itself)."""
        ...

    def build_language(self, job: LanguageJob) -> list[Problem]:
        """Build one language's pages into `job.out_dir`; the problems found."""
        ...


ENGINES = ("mkdocs", "properdocs")
DEFAULT_ENGINE = "mkdocs"


def get_engine(name: str = DEFAULT_ENGINE) -> Engine:
    """The engine called `name`. Imported only when asked for, so a project that never
    builds with ProperDocs does not need it installed."""
    from .mkdocs_engine import MkDocsFamily

    if name not in ENGINES:
        raise ValueError(f"unknown engine {name!r}: use one of {', '.join(ENGINES)}")
    return MkDocsFamily(name)


def build_language(job: LanguageJob) -> list[Problem]:
    """One language's build, by name of engine: what a worker process runs."""
    return get_engine(job.engine).build_language(job)
