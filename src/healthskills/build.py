"""Orchestration: load → validate → render → write, into a temporary folder, then swap.

Nothing is written until every check has passed and every page is rendered. The site is
built next to its final place and renamed into it only when the whole build succeeded,
so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .assets import Assets, collect_assets
from .check import check_project
from .chromium import INSTALL_HINT
from .compress import precompress
from .content_report import content_report
from .docs_i18n import translate_page
from .i18n import (
    THEME_PREFIX,
    UI_PREFIX,
    Language,
    Translations,
    load_languages,
    load_translations,
    theme_english,
    theme_has_language,
    translation_status,
)
from .linkcheck import check_site
from .load import Content, Project
from .mkdocs_adapter import (
    LanguageBuild,
    build_language,
    check_settings,
    read_mkdocs_yml,
    site_settings,
)
from .pdfs import PrintFailed, make_pdfs
from .problems import Problem, ProblemsFound, Severity, sort_problems
from .render import (
    PageSource,
    localise_content,
    render_language,
    render_report_page,
    render_root_index,
    render_status_page,
)
from .render.embeds import render_embeds
from .render.printing import SiteSettings
from .status_report import status_json
from .strings import ENGLISH as ENGLISH_STRINGS


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    languages: int
    warnings: list[Problem]


def build_site(
    project: Project,
    site_dir: Path,
    today: dt.date | None = None,
    workers: int | None = None,
    *,
    pdfs: bool = False,
) -> BuildResult:
    """Build the whole site, every language, into `site_dir`. Raises ProblemsFound, leaving
    `site_dir` as it was, when content or the build has errors.

    With `pdfs`, also print every guide's sheet, bilingual sheet and each language's
    champion pack with headless Chromium (`healthskills build` does; the live preview and
    most tests do not, because printing is the slowest part of a build)."""
    content, problems = check_project(project, today)
    raw_config, config_problems = read_mkdocs_yml(project)
    settings, settings_problems = site_settings(project, raw_config)
    config_problems += settings_problems
    # check_project has already reported problems in languages.yaml and the PO files.
    languages, _ = load_languages(project)
    problems += config_problems
    translations = {lang.code: load_translations(project, lang) for lang in languages}
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    warnings = problems

    # Render everything in memory first.
    assets = collect_assets(content)
    site_name = str(raw_config.get("site_name") or "healthskills")
    pdf_files: dict[str, bytes] = {}
    if pdfs:
        pdf_files, pdf_problems = _print(content, assets, languages, translations, settings)
        if any(p.is_error for p in pdf_problems):
            raise ProblemsFound(warnings + pdf_problems)
        warnings = sort_problems(warnings + pdf_problems)
    sizes = {path: len(data) for path, data in pdf_files.items()}
    docs_sources = _read_docs(project)
    by_file = translation_status(content, languages)
    status = status_json(by_file, languages)
    checks, _ = check_settings(project)  # its problems are already in check_project's
    report = content_report(content, languages, by_file, today or dt.date.today(), checks)
    jobs: list[tuple[Language, list[PageSource], dict[str, str], dict[str, str] | None]] = []
    embeds: dict[str, bytes] = {}
    for language in languages:
        tr = translations[language.code]
        embeds |= render_embeds(content, assets, localise_content(content, language, tr), settings)
        pages = render_language(content, assets, language, tr, settings, sizes)
        pages.append(render_status_page(content, assets, language, tr, languages, status))
        pages.append(render_report_page(content, assets, language, tr, languages, report))
        notices = {key: _ui(tr, key) for key in ("fallback_page", "fallback_parts")}
        translated_docs = (
            {rel: translate_page(rel, text, tr, notices).text for rel, text in docs_sources.items()}
            if language.status != "source"
            else {}
        )
        theme_strings = None if theme_has_language(language.code) else _theme_strings(tr, language)
        jobs.append((language, pages, translated_docs, theme_strings))
    root_index = render_root_index(languages, assets, site_name)

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        with tempfile.TemporaryDirectory(prefix="healthskills-stage-") as stage:
            builds = [
                LanguageBuild(
                    project=project,
                    raw_config=raw_config,
                    lang=language.code,
                    direction=language.dir,
                    pages=pages,
                    translated_docs=translated_docs,
                    theme_strings=theme_strings,
                    extra=_extra(language, languages, assets, settings.site_url, translations),
                    stage=Path(stage) / language.code,
                    out_dir=building / language.code,
                )
                for language, pages, translated_docs, theme_strings in jobs
            ]
            found = _run_builds(builds, workers)
            if found:
                raise ProblemsFound(found)
        own_files = {**assets.files, **embeds, "index.html": root_index.encode("utf-8")}
        for rel, data in [*own_files.items(), *pdf_files.items()]:
            target = building / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        precompress([building / rel for rel in own_files])
        _normalise_times(building)
        link_problems = check_site(building)
        if link_problems:
            raise ProblemsFound(link_problems)
        _swap(building, site_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return BuildResult(site_dir, sum(len(job[1]) for job in jobs), len(languages), warnings)


def _print(
    content: Content,
    assets: Assets,
    languages: list[Language],
    translations: dict[str, Translations],
    settings: SiteSettings,
) -> tuple[dict[str, bytes], list[Problem]]:
    try:
        return make_pdfs(content, assets, languages, translations, settings)
    except PrintFailed as exc:
        problem = Problem("chromium", 0, 0, Severity.ERROR, "print-engine", str(exc),
                          hint=INSTALL_HINT)  # fmt: skip
        raise ProblemsFound([problem]) from exc


def _run_builds(builds: list[LanguageBuild], workers: int | None) -> list[Problem]:
    """One mkdocs build per language, in parallel on the available cores. Each mkdocs run is
    independent, so processes (not threads: mkdocs is CPU-bound Python) scale with cores."""
    workers = workers or min(len(builds), os.cpu_count() or 1)
    if workers <= 1:
        return [p for job in builds for p in build_language(job)]
    context = multiprocessing.get_context("spawn")  # no inherited locks or loggers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return [p for found in pool.map(build_language, builds) for p in found]


def _read_docs(project: Project) -> dict[str, str]:
    docs = project.docs
    return {
        path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
    }


def _ui(translations: Translations, key: str) -> str:
    return translations.lookup(UI_PREFIX + key, ENGLISH_STRINGS[key]) or ENGLISH_STRINGS[key]


def _theme_strings(translations: Translations, language: Language) -> dict[str, str]:
    strings = {
        key: translations.lookup(THEME_PREFIX + key, value) or value
        for key, value in theme_english().items()
    }
    strings["language"] = language.code
    strings["direction"] = language.dir
    return strings


def _extra(
    language: Language,
    languages: list[Language],
    assets: Assets,
    site_url: str,
    translations: dict[str, Translations],
) -> dict[str, Any]:
    tr = translations[language.code]
    return {
        "css": assets.css,
        "print_css": assets.print_css,
        "script": assets.script,
        "favicon": assets.favicon,
        "service_worker": assets.service_worker,
        "lang": language.code,
        "root_url": site_url,
        "languages": [
            {"code": lang.code, "name": lang.name, "own_name": lang.own_name, "dir": lang.dir}
            for lang in languages
        ],
        "machine_notice": _ui(tr, "machine_notice") if language.status == "machine" else "",
        "strings": {
            key: _ui(tr, key)
            for key in (
                *("languages", "language_switcher", "offline_copy", "try_again", "display"),
                *("text_size", "size_normal", "size_large", "size_larger", "high_contrast"),
            )
        },
    }


def _normalise_times(root: Path) -> None:
    """With SOURCE_DATE_EPOCH set, give every file that time, for reproducible archives."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch or not epoch.isdigit():
        return
    stamp = int(epoch)
    for path in root.rglob("*"):
        os.utime(path, (stamp, stamp), follow_symlinks=False)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists() or target.is_symlink():
        if not target.is_dir():
            raise ProblemsFound(
                [Problem(str(target), 0, 0, Severity.ERROR, "site-dir",
                         "The site folder exists and is not a folder.",
                         hint="choose another --site-dir or remove the file.")]
            )  # fmt: skip
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    new.parent.joinpath(target.name).chmod(0o755)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
