"""`healthskills build`: a checked project → render → print → write.

Nothing is written until every check has passed and every page is rendered. The site is
built next to its final place and renamed into it only when the whole build succeeded, so
a failed build leaves the previous site exactly as it was. The build reads no project file:
`check_project` has read them all (check.py).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .assets import Assets, collect_assets
from .check import CheckedProject, check_project
from .localise.content import Localised
from .localise.docs import translate_page
from .localise.extract import ORG_PREFIX, THEME_PREFIX, organisation_strings
from .models.language import Language
from .pages import SEARCH_INDEX, page_address
from .print.chromium import INSTALL_HINT
from .print.pdfs import PrintFailed, make_pdfs
from .problems import Problem, ProblemsFound, Severity, sort_problems
from .project import Project
from .render.context import PageSource
from .render.editors import render_report_page, render_status_page
from .render.embeds import render_embeds
from .render.indexes import render_root_index
from .render.offline import render_read_offline
from .render.policy import HEAD_SCRIPT, site_policies
from .render.search import docs_page, search_index, searchable
from .render.site import render_language
from .report.translations import progress_json
from .reproducible import source_date_epoch
from .settings import ProjectSettings
from .write import Caches, write_site
from .write.engine import LanguageJob
from .write.servers import server_files
from .write.zims import ZimPack, png_illustration


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    languages: int
    warnings: list[Problem]
    packs: dict[str, int] = field(default_factory=dict)
    """Each offline pack's size in bytes, by language (none without `zims`)."""


def build_project(
    project: Project,
    site_dir: Path,
    today: dt.date | None = None,
    workers: int | None = None,
    **options: Any,
) -> BuildResult:
    """Check, then build: `healthskills build` in one call."""
    engine = options.pop("engine", "mkdocs")
    return build_site(check_project(project, today, engine), site_dir, workers, **options)


def build_site(
    checked: CheckedProject,
    site_dir: Path,
    workers: int | None = None,
    *,
    pdfs: bool = False,
    zims: bool = False,
    cache: bool = True,
) -> BuildResult:
    """Build the whole site, every language, into `site_dir`. Raises ProblemsFound, leaving
    `site_dir` as it was, when the project or the build has errors.

    With `pdfs`, also print every guide's sheet, bilingual sheet and each language's
    champion pack with headless Chromium (`healthskills build` does; the live preview and
    most tests do not, because printing is the slowest part of a build). With `cache`,
    what the next build can reuse (PDFs, built languages, compressed files) is kept in the
    project's `.cache/healthskills/`, keyed by the hash of what each was made from.

    With `zims`, also make each language's offline pack for Kiwix (write/zims.py), which
    `healthskills build` does unless told `--no-zim`."""
    if checked.errors:
        raise ProblemsFound(checked.problems)
    warnings = checked.problems
    caches = Caches(checked.project.cache if cache else None)
    assets = collect_assets(checked.content.pictures, checked.settings.organisation)
    locals_ = [checked.localised(language) for language in checked.languages]

    pdf_files: dict[str, bytes] = {}
    if pdfs:
        pdf_files, pdf_problems = _print_pdfs(checked, locals_, assets, caches)
        if any(p.is_error for p in pdf_problems):
            raise ProblemsFound(warnings + pdf_problems)
        warnings = sort_problems(warnings + pdf_problems)
    sizes = {path: len(data) for path, data in pdf_files.items()}

    files: dict[str, bytes] = dict(assets.files)
    files["index.html"] = render_root_index(
        checked.languages, assets, checked.settings.site_name
    ).encode("utf-8")
    files |= server_files(checked.settings, *site_policies(assets))
    files |= pdf_files
    jobs = []
    for local in locals_:
        job, own = language_job(checked, local, assets, sizes, zims)
        files |= own
        jobs.append(job)
    packs = zim_packs(checked, locals_, assets) if zims else []
    made = write_site(jobs, files, site_dir, caches, checked.engine.version(), workers, packs)
    pages = sum(len(job.pages) for job in jobs)
    return BuildResult(site_dir, pages, len(jobs), warnings, made)


def language_job(
    checked: CheckedProject,
    local: Localised,
    assets: Assets,
    sizes: dict[str, int],
    zims: bool = False,
) -> tuple[LanguageJob, dict[str, bytes]]:
    """One language, rendered: the engine's job (its pages, hand-written pages and
    settings), and the files of its own we write beside them (embed views, search index).
    With `zims`, its "Read offline" page lists the offline packs."""
    status = progress_json(checked.progress, checked.languages)
    docs = _docs(checked, local)
    pages = render_language(local, assets, checked.settings, checked.today, sizes)
    pages.append(render_status_page(local, assets, checked.languages, status))
    pages.append(render_report_page(local, assets, checked.languages, checked.report))
    pages.append(render_read_offline(local, assets, checked.settings, checked.languages,
                                     build_date(checked.today), zims))  # fmt: skip
    files = render_embeds(local, assets, checked.settings, checked.today)
    files[f"{local.language.code}/{SEARCH_INDEX}"] = _search(pages, docs)
    # A guide's @page rules, beside its page (the theme links them as `print.css`).
    files |= {page.url + "print.css": page.meta["hs_print"].encode("utf-8")
              for page in pages if page.meta.get("hs_print")}  # fmt: skip
    return _job(checked, local, assets, pages, docs), files


def build_date(today: dt.date) -> dt.date:
    """The date a build says it was made: SOURCE_DATE_EPOCH's, for reproducible builds."""
    epoch = source_date_epoch()
    return today if epoch is None else dt.datetime.fromtimestamp(epoch, dt.UTC).date()


def zim_packs(checked: CheckedProject, locals_: list[Localised], assets: Assets) -> list[ZimPack]:
    """Every language's offline pack, as write/zims.py makes it: with the metadata Kiwix
    shows in its library, in the pack's language where it is words."""
    settings = checked.settings
    org = settings.organisation
    maker = org.name if org is not None else settings.site_name
    picture = assets.files[assets.logo or assets.favicon]
    illustration = png_illustration(picture)
    slug = re.sub(r"[^a-z0-9]+", "-", settings.site_name.lower()).strip("-") or "healthskills"
    made = build_date(checked.today).isoformat()
    packs = []
    for local in locals_:
        language = local.language
        metadata = {
            "Name": f"{slug}_{language.code}",
            "Title": _shortened(settings.site_name, 30),
            "Description": _shortened(local.ui("zim_description"), 80),
            "Language": language.zim_language or "",
            "Creator": maker,
            "Publisher": maker,
            "Date": made,
            "Tags": "health;nhs;easy-read",
            "Source": settings.site_url,
            "Scraper": f"healthskills {__version__}",
        }
        if settings.site_description:
            metadata["LongDescription"] = settings.site_description
        packs.append(ZimPack(language.code, metadata, local.ui("needs_internet"),
                             settings.site_url, illustration))  # fmt: skip
    return packs


def _shortened(text: str, limit: int) -> str:
    """Kiwix shows at most `limit` characters of a title or description."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _print_pdfs(
    checked: CheckedProject, locals_: list[Localised], assets: Assets, caches: Caches
) -> tuple[dict[str, bytes], list[Problem]]:
    try:
        return make_pdfs(checked.content, locals_, assets, checked.settings, caches.sub("pdfs"),
                         today=checked.today)  # fmt: skip
    except PrintFailed as exc:
        problem = Problem("chromium", 0, 0, Severity.ERROR, "print-engine", str(exc),
                          hint=INSTALL_HINT)  # fmt: skip
        raise ProblemsFound([problem]) from exc


def _search(pages: list[PageSource], docs: dict[str, str]) -> bytes:
    """A language's search index: its generated pages and its hand-written ones."""
    found = [(page_address(page.path), page.title, page.body) for page in pages if searchable(page)]
    found += [docs_page(rel, text) for rel, text in docs.items()]
    return search_index(found)


def _docs(checked: CheckedProject, local: Localised) -> dict[str, str]:
    """The hand-written pages in this language, block by block."""
    if local.language.is_source:
        return {rel: page.text for rel, page in checked.docs.pages.items()}
    notices = {key: local.ui(key) for key in ("fallback_page", "fallback_parts")}
    return {
        rel: translate_page(page, local.translations, notices).text
        for rel, page in checked.docs.pages.items()
    }


def _job(
    checked: CheckedProject,
    local: Localised,
    assets: Assets,
    pages: list[PageSource],
    docs: dict[str, str],
) -> LanguageJob:
    language = local.language
    english = checked.engine.theme_strings(language.code)
    theme_strings = None
    if english:
        theme_strings = {
            key: local.translations.lookup(THEME_PREFIX + key, value) or value
            for key, value in english.items()
        }
        theme_strings["language"] = language.code
        theme_strings["direction"] = language.dir
    return LanguageJob(
        engine=checked.engine.name,
        lang=language.code,
        direction=language.dir,
        config=checked.site_config(),
        pages=pages,
        docs=docs,
        docs_files=checked.docs.files,
        theme_strings=theme_strings,
        extra=_extra(local, checked.languages, assets, checked.settings),
        out_dir=Path(language.code),
        codes=[lang.code for lang in checked.languages],
    )


def _extra(
    local: Localised, languages: list[Language], assets: Assets, settings: ProjectSettings
) -> dict[str, Any]:
    """What our theme template (theme/main.html) shows besides the page body."""
    language = local.language
    org = settings.organisation
    organisation = None
    if org is not None:
        strings = organisation_strings(org)
        organisation = {
            key: local.translations.lookup(ORG_PREFIX + key, english) or english
            for key, english in strings.items()
        } | {"logo": assets.logo}
    return {
        "organisation": organisation,
        "css": assets.css,
        "csp": site_policies(assets)[0].meta,
        "head_script": HEAD_SCRIPT,
        "print_css": assets.print_css,
        "script": assets.script,
        "favicon": assets.favicon,
        "service_worker": assets.service_worker,
        "lang": language.code,
        "root_url": settings.site_url,
        "languages": [
            {"code": lang.code, "name": lang.name, "own_name": lang.own_name, "dir": lang.dir}
            for lang in languages
        ],
        "machine_notice": local.ui("machine_notice") if language.status == "machine" else "",
        "strings": {
            key: local.ui(key)
            for key in (
                *("languages", "language_switcher", "offline_copy", "try_again", "display"),
                *("text_size", "size_normal", "size_large", "size_larger", "high_contrast"),
            )
        },
    }
