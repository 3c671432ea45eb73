"""The project's settings: mkdocs.yml, read once into `ProjectSettings`, with positions.

mkdocs.yml is the file charities already know from MkDocs, so healthskills keeps it, but
reads it itself, with the same strict YAML loader as content (plus mkdocs' `!ENV`), into a
model that knows every setting healthskills supports. A typo, a setting that would do
nothing, or one that would break the build is reported by `check` at its line and column,
like any problem in content, instead of surfacing from mkdocs in the middle of a build.
The engine that wraps pages in the theme gets its configuration from these settings, never
from the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import ConfigDict, Field, field_validator

from ..load.files import read_bytes, read_yaml
from ..load.yamlio import Document
from ..models import parse_model
from ..models.common import NATIONS, ContentModel, Nation, Text
from ..problems import Problem, Severity
from ..project import Project
from ..validate.pictures import check_svg
from .branding import (
    AA,
    HEX,
    LOGO_LIMIT,
    Organisation,
    OrganisationFile,
    darker_passing,
    weakest,
)
from .checks import Checks, read_checks

__all__ = ["PAPER_SIZES", "Checks", "ProjectSettings", "read_settings"]

PAPER_SIZES = {"a4": "A4", "letter": "letter"}
"""Paper sizes a project can choose (`extra: paper:`); CSS `@page size` names."""

DEFAULT_SITE_URL = "https://example.org/"
_SITE_URL = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(/[^\s?#]*)?")


class _Settings(ContentModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ThemeFile(_Settings):
    name: Literal["material"] = Field(
        default="material", description="the theme that wraps every page: `material`"
    )
    font: Any = Field(default=False, description="must be false: pages use the device's fonts")
    language: str | None = Field(
        default=None, description="not needed: every language's pages get their own"
    )
    palette: Any = Field(default=None, description="has no effect: healthskills sets colours")
    features: Any = Field(
        default=None, description="has no effect: the theme's script is not loaded"
    )


class ExtraFile(_Settings):
    checks: Any = Field(default=None, description="settings for `healthskills check`")
    paper: str = Field(default="A4", description="paper for printed guides: A4 or letter")
    nations: list[Nation] = Field(
        default_factory=lambda: list(NATIONS),
        min_length=1,
        description="the UK nations the site serves: england, wales, scotland, northern-ireland",
    )
    organisation: OrganisationFile | None = Field(
        default=None,
        description="your own copy: the organisation's name, logo, accent colour and footer",
    )


class MkdocsFile(_Settings):
    """mkdocs.yml as healthskills reads it: the settings it supports, and no others."""

    site_name: Text = Field(description="the site's name, shown on every page")
    site_url: str = Field(
        default=DEFAULT_SITE_URL,
        description="the site's public address, such as https://health.example.org/",
    )
    site_description: str | None = Field(default=None, description="one sentence about the site")
    site_author: str | None = Field(default=None, description="who publishes the site")
    copyright: str | None = Field(default=None, description="the line at the foot of every page")
    theme: ThemeFile = Field(default_factory=ThemeFile, description="the theme: `name: material`")
    plugins: list[Any] = Field(
        default_factory=list, description="not used: healthskills writes its own search index"
    )
    nav: list[Any] | None = Field(default=None, description="the menu: pages in docs/")
    markdown_extensions: list[Any] = Field(
        default_factory=list, description="Python-Markdown extensions for the pages in docs/"
    )
    validation: dict[str, Any] = Field(
        default_factory=dict, description="how strictly links in docs/ are checked"
    )
    extra_css: list[Any] = Field(default_factory=list, description="has no effect")
    extra_javascript: list[Any] = Field(default_factory=list, description="has no effect")
    extra: ExtraFile = Field(default_factory=ExtraFile, description="healthskills' own settings")

    @field_validator("theme", mode="before")
    @classmethod
    def _theme_by_name(cls, value: Any) -> Any:
        return {"name": value} if isinstance(value, str) else value


@dataclass(frozen=True)
class ProjectSettings:
    """What every stage needs from mkdocs.yml. The defaults are those of a project whose
    mkdocs.yml says no more than its name."""

    site_name: str = "healthskills"
    site_url: str = DEFAULT_SITE_URL
    """The public address, ending in `/`: printed under each sheet's QR code, and the
    address other websites embed from."""
    site_description: str = ""
    copyright: str = ""
    paper: str = "A4"
    nations: tuple[str, ...] = NATIONS
    checks: Checks = field(default_factory=Checks)
    nav: list[Any] | None = None
    markdown_extensions: list[Any] = field(default_factory=list)
    validation: dict[str, Any] = field(default_factory=dict)
    organisation: Organisation | None = None
    """The organisation hosting this copy (settings/branding.py), if mkdocs.yml names one."""
    doc: Document | None = None
    """mkdocs.yml as read, for the positions of later problems (nav entries, say)."""
    path: str = "mkdocs.yml"


def read_settings(project: Project) -> tuple[ProjectSettings, list[Problem]]:
    """mkdocs.yml, read once. On problems, the settings are the defaults wherever a
    setting could not be read, so the other checks can still run."""
    doc, problems = read_yaml(project, project.mkdocs_yml, env_tags=True)
    path = project.relative(project.mkdocs_yml)
    if doc is None:
        return ProjectSettings(path=path), problems
    if not isinstance(doc.data, dict):
        return ProjectSettings(path=path), [
            doc.problem(
                (),
                "mkdocs-config",
                "mkdocs.yml must be a mapping of settings.",
                hint="start from the mkdocs.yml of the starter project.",
            )
        ]
    model, found = parse_model(MkdocsFile, doc)
    problems += found
    raw_extra = doc.data.get("extra") if isinstance(doc.data.get("extra"), dict) else {}
    checks, found = read_checks(raw_extra.get("checks"), doc)
    problems += found
    if model is None:
        return ProjectSettings(checks=checks, doc=doc, path=path), problems

    site_url = model.site_url.strip()
    if not _SITE_URL.fullmatch(site_url):
        problems.append(doc.problem(
            ("site_url",), "invalid-url", f"`{site_url}` is not a full web address.",
            hint="give the address the site will have, starting https://, such as "
            "https://health.example.org/ or https://example.org/health/.",
        ))  # fmt: skip
        site_url = DEFAULT_SITE_URL
    paper = model.extra.paper
    if paper.lower() not in PAPER_SIZES:
        problems.append(_setting(
            doc, ("extra", "paper"), "mkdocs-config",
            f"extra.paper is `{paper}`; printed guides can be A4 or letter.",
            "set `paper: A4` (or `paper: letter` for US Letter) under `extra:`.",
        ))  # fmt: skip
        paper = "A4"
    organisation, found = _organisation(project, model.extra.organisation, doc)
    problems += found
    settings = ProjectSettings(
        organisation=organisation,
        site_name=model.site_name,
        site_url=site_url.rstrip("/") + "/",
        site_description=model.site_description or "",
        copyright=model.copyright or "",
        paper=PAPER_SIZES[paper.lower()],
        nations=tuple(dict.fromkeys(model.extra.nations)),
        checks=checks,
        nav=model.nav,
        markdown_extensions=model.markdown_extensions,
        validation=model.validation,
        doc=doc,
        path=path,
    )
    return settings, problems + _theme_problems(model, doc)


def _organisation(
    project: Project, org: OrganisationFile | None, doc: Document
) -> tuple[Organisation | None, list[Problem]]:
    """The organisation's name, footer, accent colour (readable, or refused) and logo (an
    SVG checked like pictures, read here, once)."""
    if org is None:
        return None, []
    problems: list[Problem] = []
    where = ("extra", "organisation")
    accent = ""
    if org.accent is not None:
        if not HEX.fullmatch(org.accent):
            problems.append(doc.problem(
                (*where, "accent"), "mkdocs-config",
                f"`{org.accent}` is not a colour written #rrggbb.",
                hint='write it as six hex digits in quotes, such as "#00703c".',
            ))  # fmt: skip
        else:
            background, ratio = weakest(org.accent)
            if ratio < AA:
                problems.append(doc.problem(
                    (*where, "accent"), "accent-contrast",
                    f"The accent {org.accent} has a contrast of {ratio:.1f}:1 on "
                    f"{background}; WCAG AA needs {AA}:1 for text.",
                    hint=f"use a darker shade, such as \"{darker_passing(org.accent)}\".",
                ))  # fmt: skip
            else:
                accent = org.accent.lower()
    logo, logo_path = b"", ""
    if org.logo is not None:
        path = (project.root / org.logo).resolve()
        inside = path.is_relative_to(project.root.resolve())
        if not inside or path.suffix.lower() != ".svg" or not path.is_file():
            problems.append(doc.problem(
                (*where, "logo"), "mkdocs-config",
                f"`{org.logo}` is not an SVG file in the project.",
                hint="put the logo in the project, such as docs/logo.svg, and give its path.",
            ))  # fmt: skip
        else:
            data, found = read_bytes(project, path)
            problems += found
            logo_path = project.relative(path)
            svg = check_svg(logo_path, data or b"", LOGO_LIMIT, Severity.ERROR)
            problems += svg
            if data is not None and not any(p.is_error for p in svg):
                logo = data
    return Organisation(org.name, org.footer or "", accent, logo, logo_path), problems


def _setting(
    doc: Document,
    loc: tuple[str | int, ...],
    rule: str,
    message: str,
    hint: str,
    severity: Severity = Severity.ERROR,
) -> Problem:
    """A problem at a setting's key; its message names the setting, so no key path."""
    line, col = doc.where(loc, key=True)
    return Problem(doc.path, line, col, severity, rule, message, hint=hint)


def _theme_problems(model: MkdocsFile, doc: Document) -> list[Problem]:
    """Settings mkdocs would take but healthskills pages do not use: web fonts are refused
    (they are fetched from another host), the rest are warnings that they do nothing."""
    problems = []
    if model.theme.font is not False:
        problems.append(_setting(
            doc, ("theme", "font"), "web-fonts",
            "theme.font must be false: web fonts are fetched from another host.",
            "set `font: false` under `theme:`; pages use the device's own fonts.",
        ))  # fmt: skip
    ignored = [("theme", key) for key in ("palette", "features") if getattr(model.theme, key)]
    ignored += [(key,) for key in ("extra_css", "extra_javascript") if getattr(model, key)]
    for loc in ignored:
        setting = ".".join(loc)
        problems.append(_setting(
            doc, loc, "theme-ignored",
            f"{setting} has no effect: healthskills pages do not load the theme's "
            "stylesheet or script, to stay small on slow connections.",
            "remove it; colours, search and offline reading come from healthskills.",
            Severity.WARNING,
        ))  # fmt: skip
    for index, plugin in enumerate(model.plugins):
        name = (
            plugin
            if isinstance(plugin, str)
            else next(iter(plugin), "")
            if isinstance(plugin, dict)
            else ""
        )
        if name == "search":
            problems.append(_setting(
                doc, ("plugins", index), "theme-ignored",
                "plugins: search has no effect: healthskills writes its own search index.",
                "remove `search` from `plugins`.", Severity.WARNING,
            ))  # fmt: skip
        else:
            problems.append(_setting(
                doc, ("plugins", index), "mkdocs-config",
                f"The plugin `{name}` cannot run: healthskills builds pages without mkdocs "
                "plugins, so that the engine can be replaced.",
                "remove it from `plugins`.",
            ))  # fmt: skip
    return problems
