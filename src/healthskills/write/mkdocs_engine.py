"""The only module that knows about mkdocs (and ProperDocs, its continuation, which has the
same Python API under `properdocs.*`): it wraps finished page bodies in mkdocs-material.

How: an empty docs folder, and a plugin of ours that hands the engine every page and file
from memory (the hand-written pages, and our generated pages as front matter only), puts
each generated page's finished body in place of the Markdown the engine would have
converted, leaves out the theme's own stylesheets and scripts (our template never loads
them), and puts the language's direction on `<html>`. The engine reads no project file.

Longer than most modules here, on purpose: everything healthskills knows about mkdocs is in
this one file, so that replacing the engine means replacing one file.
"""

from __future__ import annotations

import importlib
import json
import logging
import re
import shutil
import tempfile
import xml.etree.ElementTree as etree
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import yaml

from ..pages import page_address
from ..problems import Problem, Severity
from .engine import LanguageJob, SiteConfig

THEME_KEYS = (
    "language", "direction", "action.skip", "clipboard.copy", "clipboard.copied", "footer",
    "footer.next", "footer.previous", "header", "meta.source", "nav", "search",
    "search.config.lang", "search.config.separator", "search.placeholder", "search.reset",
    "search.result.initializer", "search.result.none", "search.result.one",
    "search.result.other", "search.result.placeholder", "search.result.term.missing",
    "search.share", "select.language", "source", "toc", "top",
)  # fmt: skip
"""mkdocs-material's interface strings that our pages show. For a language the theme does
not translate (Somali, Pashto, Tigrinya…) we translate them ourselves."""

PLACEHOLDER = "healthskills-body"
"""What a generated page's Markdown says: its finished body replaces it after conversion."""

_ID = re.compile(r"""\sid=["']([^"']+)["']""")


def _theme_file(*parts: str) -> Any:
    return resources.files("material").joinpath("templates", *parts)


class MkDocsFamily:
    """mkdocs, or ProperDocs (`package="properdocs"`), with mkdocs-material."""

    def __init__(self, package: str = "mkdocs") -> None:
        self.name = package

    def _module(self, name: str) -> Any:
        return importlib.import_module(f"{self.name}.{name}")

    def version(self) -> str:
        material = metadata.version("mkdocs-material")
        return f"{self.name} {metadata.version(self.name)}, material {material}"

    # ---- settings -------------------------------------------------------------------

    def _config(
        self,
        config: SiteConfig,
        lang: str,
        docs: Path,
        site: Path,
        theme: Path,
        extra: dict[str, Any] | None = None,
    ) -> Any:
        """The engine's configuration, from the project's settings (never from the file)."""
        extensions = list(config.markdown_extensions)
        if "md_in_html" not in extensions:
            extensions.append("md_in_html")  # lets a translated page mark English blocks
        values = {
            "site_name": config.site_name,
            "site_url": f"{config.site_url}{lang}/",
            "site_description": config.site_description or None,
            "copyright": config.copyright or None,
            "theme": {
                "name": "material",
                "custom_dir": str(theme),
                "language": lang,
                "font": False,
            },
            "plugins": [],
            "markdown_extensions": extensions,
            "validation": config.validation,
            "docs_dir": str(docs),
            "site_dir": str(site),
            "use_directory_urls": True,
            "strict": True,
            "extra": {"healthskills": extra or {}},
        }
        if config.nav is not None:
            values["nav"] = config.nav
        defaults = self._module("config.defaults")
        engine_config = defaults.MkDocsConfig(config_file_path=str(docs.parent / "mkdocs.yml"))
        engine_config.load_dict(values)
        return engine_config

    def check(self, config: SiteConfig) -> list[tuple[str, str]]:
        """(setting, message) for each setting the engine refuses."""
        with tempfile.TemporaryDirectory(prefix="healthskills-check-") as tmp:
            docs = Path(tmp) / "docs"
            docs.mkdir()
            theme = _theme_dir(Path(tmp), "en", None)
            engine_config = self._config(config, "en", docs, Path(tmp) / "site", theme)
            with _captured_log(self.name):
                errors, _ = engine_config.validate()
        return [(str(key), str(error)) for key, error in errors]

    def theme_strings(self, lang: str) -> dict[str, str]:
        if _theme_file("partials", "languages", f"{lang}.html").is_file():
            return {}
        text = _theme_file("partials", "languages", "en.html").read_text("utf-8")
        pairs = dict(re.findall(r'^\s*"([a-z.]+)": "((?:[^"\\]|\\.)*)",?$', text, flags=re.M))
        return {key: pairs[key] for key in THEME_KEYS if key in pairs}

    # ---- building -------------------------------------------------------------------

    def build_language(self, job: LanguageJob) -> list[Problem]:
        with tempfile.TemporaryDirectory(prefix=f"healthskills-{job.lang}-") as tmp:
            docs = Path(tmp) / "docs"
            docs.mkdir()
            theme = _theme_dir(Path(tmp), job.lang, job.theme_strings)
            site = Path(tmp) / "site" if job.only is not None else job.out_dir
            engine_config = self._config(job.config, job.lang, docs, site, theme, job.extra)

            def problem(message: str) -> Problem:
                return Problem(job.config.path, 0, 0, Severity.ERROR, "mkdocs",
                               message.replace(str(docs), "docs"))  # fmt: skip

            with _captured_log(self.name) as log:
                errors, _ = engine_config.validate()
                if errors:
                    return [problem(f"{key}: {error}") for key, error in errors]
                engine_config.plugins["healthskills"] = self._plugin(job, engine_config)
                try:
                    self._module("commands.build").build(engine_config)
                except Exception as exc:  # the engine's own errors: Abort, BuildError…
                    if not isinstance(exc, self._errors()):
                        raise
                    return [problem(m) for m in log.messages] or [problem(str(exc))]
            if job.only is not None:
                _copy_pages(site, job.out_dir, job.only)
            else:
                _add_sitemap_alternates(job.out_dir, job.lang, job.codes)
        return []

    def _errors(self) -> tuple[type[BaseException], ...]:
        exceptions = self._module("exceptions")
        return (exceptions.MkDocsException, exceptions.Abort, exceptions.ConfigurationError)

    def _plugin(self, job: LanguageJob, engine_config: Any) -> Any:
        """Our plugin, on this engine's plugin base class."""
        base = self._module("plugins").BasePlugin
        files_module = self._module("structure.files")
        # Blank lines out, as when bodies went through Markdown as HTML blocks (which a
        # blank line would end): the same pages, byte for byte.
        bodies = {page.path: _without_blank_lines(page.body) for page in job.pages}
        generated = {page.path: _front_matter(page) for page in job.pages}
        if job.only is not None:
            # A quick update: the pages asked for, and the menu's pages as stand-ins, so
            # the menu comes out as in a whole build.
            keep = set(job.only) | _nav_pages(job.config.nav)
            generated = {path: text for path, text in generated.items() if path in keep}
        before = f'<html lang="{job.lang}" class="no-js">'
        after = f'<html lang="{job.lang}" dir="{job.direction}" class="no-js">'

        class HealthskillsPlugin(base):  # type: ignore[misc, valid-type]
            def on_files(self, files: Any, config: Any) -> Any:
                for file in list(files):
                    if file.src_uri.startswith("assets/") and file.src_uri not in job.docs_files:
                        files.remove(file)  # the theme's own assets: never loaded
                docs = job.docs if job.only is None else {
                    rel: text for rel, text in job.docs.items()
                    if rel in job.only or rel in _nav_pages(job.config.nav)
                }  # fmt: skip
                given: dict[str, str | bytes] = {**docs, **generated}
                if job.only is None:
                    given |= job.docs_files
                # In the order a walk of a docs folder would give: the sitemap follows it.
                for rel in sorted(given, key=_walk_order):
                    files.append(files_module.File.generated(config, rel, content=given[rel]))
                return files

            def on_page_content(self, html: str, page: Any, config: Any, files: Any) -> str:
                body = bodies.get(page.file.src_uri)
                if body is None:
                    return html
                page.present_anchor_ids = set(_ID.findall(body))
                return body

            def on_post_page(self, output: str, page: Any, config: Any) -> str:
                # The theme puts `dir` on <body> only; screen readers and CSS `:dir()` want
                # it on <html> too.
                return output.replace(before, after, 1)

            def on_post_template(self, output: str, template_name: str, config: Any) -> str:
                return output.replace(before, after, 1)  # the 404 page, likewise

        return HealthskillsPlugin()


def _front_matter(page: Any) -> str:
    front = yaml.safe_dump(
        {"title": page.title, "description": page.description, "hs_kind": page.kind, **page.meta},
        allow_unicode=True,
        sort_keys=True,
    )
    return f"---\n{front}---\n\n{PLACEHOLDER}\n"


def _without_blank_lines(body: str) -> str:
    return "\n".join(line for line in body.splitlines() if line.strip())


def _walk_order(rel: str) -> tuple[tuple[int, str], ...]:
    """Folders' files before their subfolders, `index.md` first, as mkdocs walks docs/."""
    *folders, name = rel.split("/")
    stem = name.rsplit(".", 1)[0]
    return (*((1, folder) for folder in folders), (0, f"{stem not in ('index', 'README')}{name}"))


def _nav_pages(nav: list[Any] | None) -> set[str]:
    pages = set()
    for item in nav or []:
        target = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(target, str):
            pages.add(target)
    return pages


def _theme_dir(folder: Path, lang: str, strings: dict[str, str] | None) -> Path:
    """Our theme layer (theme/main.html), with our translation of the theme's strings for a
    language the theme does not know."""
    theme = folder / "theme"
    shutil.copytree(str(resources.files("healthskills").joinpath("theme")), theme)
    if strings is not None:
        partial = theme / "partials" / "languages" / f"{lang}.html"
        partial.parent.mkdir(parents=True, exist_ok=True)
        body = ",\n".join(
            f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in strings.items()
        )
        partial.write_text(
            "{% macro t(key) %}{{ {\n" + body + "\n}[key] }}{% endmacro %}\n", encoding="utf-8"
        )
    return theme


def _copy_pages(site: Path, out: Path, only: frozenset[str]) -> None:
    """From a quick update's output, the pages asked for, into the previewed site."""
    for rel in only:
        page = page_address(rel) + "index.html"
        source = site / page
        if source.is_file():
            target = out / page
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _captured_log(name: str) -> Iterator[_Collect]:
    logger = logging.getLogger(name)
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


_SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_XHTML_NS = "http://www.w3.org/1999/xhtml"


def _add_sitemap_alternates(site: Path, lang: str, codes: list[str]) -> None:
    """hreflang alternates for every page, the sitemap way (every language builds the same
    pages at the same paths). Its gzip copy, `sitemap.xml.gz`, comes with the other
    compressed files."""
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
