"""The only module that knows about mkdocs: turns page sources into a themed site.

mkdocs-material is a replaceable renderer here. We stage a docs folder (the project's
hand-written pages plus our generated pages, whose bodies are finished HTML), derive a
config from the project's mkdocs.yml with our overrides, and run `mkdocs build` on it.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
from mkdocs.utils.yaml import get_yaml_loader

from .load import Project
from .problems import Problem, Severity
from .render import PageSource

GENERATED_FOLDERS = ("lessons", "guides")


def read_mkdocs_yml(project: Project) -> tuple[dict[str, Any], list[Problem]]:
    """The project's mkdocs.yml as data (mkdocs' own loader, so `!ENV` works)."""
    path = project.relative(project.mkdocs_yml)
    try:
        with project.mkdocs_yml.open("rb") as handle:
            raw = yaml.load(handle, Loader=get_yaml_loader())
    except (OSError, yaml.YAMLError) as exc:
        return {}, [Problem(path, 0, 0, Severity.ERROR, "mkdocs-config", f"Cannot read: {exc}")]
    if not isinstance(raw, dict):
        return {}, [
            Problem(path, 1, 1, Severity.ERROR, "mkdocs-config", "mkdocs.yml must be a mapping.")
        ]
    problems = []
    theme = raw.get("theme")
    if isinstance(theme, dict) and theme.get("font", False) is not False:
        problems.append(
            Problem(
                path,
                0,
                0,
                Severity.ERROR,
                "web-fonts",
                "theme.font must be false: web fonts are fetched from another host.",
                hint="set `font: false` under `theme:`; pages use the device's own fonts.",
            )
        )
    return raw, problems


def stage_docs(project: Project, pages: list[PageSource], docs: Path) -> list[Problem]:
    """Copy hand-written pages and write generated ones into a staging docs folder."""
    problems = []
    shutil.copytree(project.docs, docs)
    for folder in GENERATED_FOLDERS:
        if (docs / folder).exists():
            problems.append(
                Problem(
                    f"docs/{folder}",
                    0,
                    0,
                    Severity.ERROR,
                    "reserved-folder",
                    f"docs/{folder}/ is generated from content/{folder}/; "
                    "it cannot be hand-written.",
                    hint=f"move these pages elsewhere, or write them as content/{folder}/*.yaml.",
                )
            )
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(
            {"title": page.title, "description": page.description, "hs_kind": page.kind},
            allow_unicode=True,
            sort_keys=True,
        )
        # Python-Markdown passes a block of HTML through untouched as long as it starts at
        # the beginning of a line; blank lines inside could end the block, so drop them.
        body = "\n".join(line for line in page.body.splitlines() if line.strip())
        target.write_text(f"---\n{front}---\n\n{body}\n", encoding="utf-8")
    return problems


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_mkdocs_log() -> Iterator[_Collect]:
    logger = logging.getLogger("mkdocs")
    handler = _Collect()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    logger.setLevel(logging.INFO)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


def build_language(
    project: Project,
    raw_config: dict[str, Any],
    lang: str,
    pages: list[PageSource],
    stage: Path,
    out_dir: Path,
    extra: dict[str, Any],
) -> list[Problem]:
    """Build one language's site into `out_dir` with mkdocs; return problems found."""
    docs = stage / "docs"
    problems = stage_docs(project, pages, docs)
    if problems:
        return problems

    theme = raw_config.get("theme", {})
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme}
    theme.update(
        custom_dir=str(resources.files("healthskills").joinpath("theme")),
        language=lang,
        font=False,
    )
    site_url = str(raw_config.get("site_url") or "https://example.org/").rstrip("/") + "/"
    merged_extra = dict(raw_config.get("extra") or {})
    merged_extra["healthskills"] = extra
    mkdocs_yml = project.relative(project.mkdocs_yml)

    def problem(message: str) -> Problem:
        message = message.replace(str(docs), "docs")
        return Problem(mkdocs_yml, 0, 0, Severity.ERROR, "mkdocs", message)

    with _captured_mkdocs_log() as log:
        try:
            config = load_config(
                config_file=str(project.mkdocs_yml),
                docs_dir=str(docs),
                site_dir=str(out_dir),
                site_url=f"{site_url}{lang}/",
                theme=theme,
                extra=merged_extra,
                strict=True,
                use_directory_urls=True,
            )
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except (Abort, ConfigurationError, MkDocsException) as exc:
            problems += [problem(m) for m in log.messages]
            if not log.messages:
                problems.append(problem(str(exc)))
    return problems
