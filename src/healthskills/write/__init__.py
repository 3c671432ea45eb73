"""Stage 6, write: the rendered site onto disk, whole or not at all.

Every language is built by the engine (`engine`, `mkdocs_engine`) into a folder next to
the site, in parallel processes, or copied from the cache when nothing it is made from
changed (`cache`); our own files (shared assets, embed views, search indexes, PDFs, the
page at `/`) are written beside them; each language's offline pack is made from its
finished pages (`zims`, `zim_pages`); text files get compressed copies (`compress`); every
link is checked (`links`); only then does the new site take the old one's place (`swap`).
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..problems import Problem, ProblemsFound, Severity
from ..render.offline import megabytes
from .cache import LanguageCache
from .compress import CompressedCache, precompress, text_files
from .engine import LanguageJob, build_language
from .links import check_site
from .swap import normalise_times, prune, swap
from .zims import ZimPack, fill_sizes, make_zims


@dataclass(frozen=True)
class Caches:
    """Where a build keeps what the next build can reuse (None: nothing is kept)."""

    folder: Path | None

    def sub(self, name: str) -> Path | None:
        return self.folder / name if self.folder is not None else None


def write_site(
    jobs: list[LanguageJob],
    files: dict[str, bytes],
    site_dir: Path,
    caches: Caches,
    engine_version: str,
    workers: int | None = None,
    packs: list[ZimPack] | None = None,
) -> dict[str, int]:
    """Build every language, write `files` (site-root relative path → bytes) beside them,
    make the offline `packs` from the finished pages, compress, check every link, and put
    the result at `site_dir`; returns each pack's size by language. Raises ProblemsFound,
    leaving `site_dir` as it was."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    compressed = CompressedCache(caches.sub("compressed"))
    languages = LanguageCache(caches.sub("languages"), engine_version)
    try:
        jobs = [_relocated(job, building) for job in jobs]
        to_build = [job for job in jobs if not languages.restore(job)]
        found = _run(to_build, compressed, workers)
        if found:
            raise ProblemsFound(found)
        for job in to_build:
            languages.store(job)
        for rel, data in files.items():
            target = building / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        sizes: dict[str, int] = {}
        if packs:
            sizes = _packed(building, packs, caches, compressed)
        precompress([building / rel for rel in files], compressed)
        normalise_times(building)
        base = urlsplit(jobs[0].config.site_url).path if jobs else "/"
        link_problems = check_site(building, base)
        if link_problems:
            raise ProblemsFound(link_problems)
        swap(building, site_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    for folder in (caches.sub("compressed"), caches.sub("languages"), caches.sub("zims")):
        if folder is not None:
            prune(folder)
    return sizes


def _packed(
    building: Path, packs: list[ZimPack], caches: Caches, compressed: CompressedCache
) -> dict[str, int]:
    """The offline packs, made from the finished pages, with their sizes filled in where
    the pages name them; returns each pack's size by language."""
    try:
        sizes = make_zims(building, packs, caches.sub("zims"))
    except (ValueError, RuntimeError) as exc:
        problem = Problem(
            "site", 0, 0, Severity.ERROR, "offline-pack",
            f"Could not make the offline packs: {exc}",
            hint="build with --no-zim to leave them out, and report this.",
        )  # fmt: skip
        raise ProblemsFound([problem]) from exc
    precompress(fill_sizes(building, sizes, megabytes), compressed)
    return sizes


def _relocated(job: LanguageJob, building: Path) -> LanguageJob:
    from dataclasses import replace

    return replace(job, out_dir=building / job.lang)


def _build_and_compress(job: LanguageJob, folder: Path | None) -> list[Problem]:
    """One language: the engine's build, then compressed copies of its text files."""
    problems = build_language(job)
    if not problems:
        precompress(text_files(job.out_dir), CompressedCache(folder))
    return problems


def _run(
    jobs: list[LanguageJob], compressed: CompressedCache, workers: int | None
) -> list[Problem]:
    """The languages' builds, in parallel on the available cores. Each build is
    independent, so processes (not threads: the engine is CPU-bound Python) scale with
    cores."""
    if not jobs:
        return []
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    folder = compressed.folder
    if workers <= 1:
        return [p for job in jobs for p in _build_and_compress(job, folder)]
    context = multiprocessing.get_context("spawn")  # no inherited locks or loggers
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        results = pool.map(_build_and_compress, jobs, [folder] * len(jobs))
        return [p for found in results for p in found]
