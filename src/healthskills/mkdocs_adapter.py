"""The only module that knows about mkdocs: turns page sources into a themed site.

mkdocs-material is a replaceable renderer here. We stage a docs folder (the project's
hand-written pages plus our generated pages, whose bodies are finished HTML), derive a
config from the project's mkdocs.yml with our overrides, and run `mkdocs build` on it.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException
from mkdocs.utils.yaml import get_yaml_loader

from .check_config import CheckConfig, read_check_config
from .compress import precompress, text_files
from .load import Project
from .problems import Problem, Severity
from .render import PageSource
from .render.printing import PAPER_SIZES, SiteSettings

GENERATED_FOLDERS = ("lessons", "guides")
GENERATED_PAGES = ("my-lessons.md", "words.md", "translators.md", "content-report.md")
"""Pages healthskills writes into every language's docs; a hand-written one would be lost."""


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
    ignored = [
        f"theme.{key}"
        for key in ("palette", "features")
        if isinstance(theme, dict) and theme.get(key)
    ]
    ignored += ["extra_javascript"] if raw.get("extra_javascript") else []
    for setting in ignored:
        line, col = _key_position(project, setting.rpartition(".")[2])
        problems.append(
            Problem(
                path,
                line,
                col,
                Severity.WARNING,
                "theme-ignored",
                f"{setting} has no effect: healthskills pages do not load the theme's "
                "stylesheet or script, to stay small on slow connections.",
                hint="remove it; colours, search and offline reading come from healthskills.",
            )
        )
    return raw, problems


def _key_position(project: Project, name: str) -> tuple[int, int]:
    """Line and column of the first `name:` in mkdocs.yml (0, 0 when not found). Read only
    when a setting is being reported, for the author's editor to jump to."""
    text = project.mkdocs_yml.read_text(encoding="utf-8", errors="replace").splitlines()
    for number, row in enumerate(text, 1):
        if row.strip().startswith(name + ":"):
            return number, len(row) - len(row.lstrip()) + 1
    return 0, 0


def check_settings(project: Project) -> tuple[CheckConfig, list[Problem]]:
    """`extra: checks:` of mkdocs.yml: the project's choices for `healthskills check`.
    Other problems in mkdocs.yml are the build's to report."""
    raw, _ = read_mkdocs_yml(project)
    return read_check_config(
        raw, project.relative(project.mkdocs_yml), lambda name: _key_position(project, name)
    )


def site_settings(project: Project, raw: dict[str, Any]) -> tuple[SiteSettings, list[Problem]]:
    """The site's name, public address (printed under each sheet's QR code, and embedded
    from) and paper size (`extra: paper: A4` or `letter` in mkdocs.yml; A4 when not set)."""
    site_url = str(raw.get("site_url") or "https://example.org/").rstrip("/") + "/"
    site_name = str(raw.get("site_name") or "healthskills")
    extra = raw.get("extra") if isinstance(raw.get("extra"), dict) else {}
    paper = str(extra.get("paper", "A4"))
    if paper.lower() not in PAPER_SIZES:
        line, col = _key_position(project, "paper")
        problem = Problem(
            project.relative(project.mkdocs_yml), line, col, Severity.ERROR, "mkdocs-config",
            f"extra.paper is `{paper}`; printed guides can be A4 or letter.",
            hint="set `paper: A4` (or `paper: letter` for US Letter) under `extra:`.",
        )  # fmt: skip
        return SiteSettings(site_url, site_name=site_name), [problem]
    return SiteSettings(site_url, PAPER_SIZES[paper.lower()], site_name), []


def stage_docs(
    project: Project, pages: list[PageSource], docs: Path, translated_docs: dict[str, str]
) -> list[Problem]:
    """Copy hand-written pages (or their translations) and write generated ones into a
    staging docs folder."""
    problems = []
    shutil.copytree(project.docs, docs)
    for rel, text in translated_docs.items():
        (docs / rel).write_text(text, encoding="utf-8")
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
    for name in GENERATED_PAGES:
        if (project.docs / name).exists():
            problems.append(
                Problem(
                    f"docs/{name}", 0, 0, Severity.ERROR, "reserved-folder",
                    f"docs/{name} is made by healthskills for every language; "
                    "it cannot be hand-written.",
                    hint=f"rename the page, for example to docs/about-{name}.",
                )
            )  # fmt: skip
    for page in pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        front = yaml.safe_dump(
            {
                "title": page.title,
                "description": page.description,
                "hs_kind": page.kind,
                **page.meta,
            },
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


@dataclass(frozen=True)
class LanguageBuild:
    """Everything one language's mkdocs build needs; picklable, for a worker process."""

    project: Project
    raw_config: dict[str, Any]
    lang: str
    direction: str
    pages: list[PageSource]
    translated_docs: dict[str, str]
    theme_strings: dict[str, str] | None
    """Our own translation of the theme's strings, for a language it does not know."""
    extra: dict[str, Any]
    stage: Path
    out_dir: Path


def build_language(job: LanguageBuild) -> list[Problem]:
    """Build one language's site into `out_dir` with mkdocs; return problems found."""
    project, raw_config, lang, stage, out_dir = (
        job.project, job.raw_config, job.lang, job.stage, job.out_dir,
    )  # fmt: skip
    docs = stage / "docs"
    problems = stage_docs(project, job.pages, docs, job.translated_docs)
    if problems:
        return problems
    theme_dir = stage / "theme"
    shutil.copytree(str(resources.files("healthskills").joinpath("theme")), theme_dir)
    if job.theme_strings is not None:
        partial = theme_dir / "partials" / "languages" / f"{lang}.html"
        partial.parent.mkdir(parents=True, exist_ok=True)
        partial.write_text(_theme_partial(job.theme_strings), encoding="utf-8")

    theme = raw_config.get("theme", {})
    theme = dict(theme) if isinstance(theme, dict) else {"name": theme}
    theme.update(custom_dir=str(theme_dir), language=lang, font=False)
    extensions = list(raw_config.get("markdown_extensions") or [])
    if "md_in_html" not in extensions:
        extensions.append("md_in_html")  # lets a translated page mark English blocks
    site_url = str(raw_config.get("site_url") or "https://example.org/").rstrip("/") + "/"
    merged_extra = dict(raw_config.get("extra") or {})
    merged_extra["healthskills"] = job.extra
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
                markdown_extensions=extensions,
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
    if not problems:
        _set_html_direction(out_dir, lang, job.direction)
        _add_sitemap_alternates(out_dir, lang, [x["code"] for x in job.extra["languages"]])
        _drop_theme_assets(out_dir, docs)
        precompress(text_files(out_dir))
    return problems


def _drop_theme_assets(site: Path, docs: Path) -> None:
    """Our template loads none of the theme's stylesheets, scripts or images (see
    theme/main.html), so its copies (about 3 MB per language) are removed, unless the
    project's own docs put a file at the same path."""
    theme_assets = Path(str(resources.files("material").joinpath("templates")))
    for path in sorted((theme_assets / "assets").rglob("*"), reverse=True):
        rel = path.relative_to(theme_assets)
        built = site / rel
        if (docs / rel).exists():
            continue
        if path.is_file() and built.is_file():
            built.unlink()
        elif path.is_dir() and built.is_dir() and not any(built.iterdir()):
            built.rmdir()
    assets = site / "assets"
    if assets.is_dir() and not any(assets.iterdir()) and not (docs / "assets").exists():
        assets.rmdir()


_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML_NS = "http://www.w3.org/1999/xhtml"


def _add_sitemap_alternates(site: Path, lang: str, codes: list[str]) -> None:
    """hreflang alternates for every page, the sitemap way (every language builds the same
    pages at the same paths). Its gzip copy, `sitemap.xml.gz`, comes from `precompress`."""
    import xml.etree.ElementTree as etree

    path = site / "sitemap.xml"
    if not path.is_file():
        return
    etree.register_namespace("", _SITEMAP_NS)
    etree.register_namespace("xhtml", _XHTML_NS)
    tree = etree.parse(path)
    marker = f"/{lang}/"
    for url in tree.getroot().iter(f"{{{_SITEMAP_NS}}}url"):
        loc = url.find(f"{{{_SITEMAP_NS}}}loc")
        if loc is None or not loc.text or marker not in loc.text:
            continue
        root, _, rest = loc.text.rpartition(marker)
        for code in codes:
            link = etree.SubElement(url, f"{{{_XHTML_NS}}}link")
            link.set("rel", "alternate")
            link.set("hreflang", code)
            link.set("href", f"{root}/{code}/{rest}")
    data = etree.tostring(tree.getroot(), encoding="utf-8", xml_declaration=True)
    path.write_bytes(data)


def _theme_partial(strings: dict[str, str]) -> str:
    """A theme translation file in mkdocs-material's own format."""
    body = ",\n".join(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in strings.items()
    )
    return "{% macro t(key) %}{{ {\n" + body + "\n}[key] }}{% endmacro %}\n"


def _set_html_direction(site: Path, lang: str, direction: str) -> None:
    """The theme puts `dir` on <body> only; screen readers and CSS `:dir()` want it on <html>
    too. A literal rewrite of the one tag the theme writes."""
    before = f'<html lang="{lang}" class="no-js">'
    after = f'<html lang="{lang}" dir="{direction}" class="no-js">'
    for path in site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        if before in text:
            path.write_text(text.replace(before, after, 1), encoding="utf-8")
