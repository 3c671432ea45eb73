"""Orchestration: load → validate → render → write, into a temporary folder, then swap.

Nothing is written until every check has passed and every page is rendered. The site is
built next to its final place and renamed into it only when the whole build succeeded,
so a failed build leaves the previous site exactly as it was.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .assets import collect_assets
from .check import check_project
from .linkcheck import check_site
from .load import Project
from .mkdocs_adapter import build_language, read_mkdocs_yml
from .problems import Problem, ProblemsFound, Severity
from .render import render_language, render_root_index

ENGLISH = {"code": "en", "name": "English", "own_name": "English", "dir": "ltr"}


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    warnings: list[Problem]


def build_site(project: Project, site_dir: Path, today: dt.date | None = None) -> BuildResult:
    """Build the whole site into `site_dir`. Raises ProblemsFound, leaving `site_dir` as it
    was, when content or the build has errors."""
    content, problems = check_project(project, today)
    raw_config, config_problems = read_mkdocs_yml(project)
    problems += config_problems
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    warnings = problems

    # Render everything in memory first.
    assets = collect_assets(content)
    languages = [ENGLISH]
    pages = {lang["code"]: render_language(content, assets, lang["code"]) for lang in languages}
    site_name = str(raw_config.get("site_name") or "healthskills")
    root_index = render_root_index(languages, assets, site_name)
    extra = {"stylesheet": assets.stylesheet, "languages": languages}

    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    try:
        with tempfile.TemporaryDirectory(prefix="healthskills-stage-") as stage:
            for lang in languages:
                code = lang["code"]
                found = build_language(
                    project, raw_config, code, pages[code], Path(stage) / code,
                    building / code, extra,
                )  # fmt: skip
                if found:
                    raise ProblemsFound(found)
        for rel, data in assets.files.items():
            target = building / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (building / "index.html").write_text(root_index, encoding="utf-8")
        _normalise_times(building)
        link_problems = check_site(building)
        if link_problems:
            raise ProblemsFound(link_problems)
        _swap(building, site_dir)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return BuildResult(site_dir, sum(len(p) for p in pages.values()), warnings)


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
