"""Helpers shared by tests: fixed dates, paths and quick edits of a fixture project."""

from __future__ import annotations

import datetime as dt
import fcntl
import functools
import os
import subprocess
import tempfile
from pathlib import Path

from healthskills.assets import collect_assets
from healthskills.build import build_project
from healthskills.check import CheckedProject, check_project
from healthskills.project import Project
from healthskills.render.context import PageSource
from healthskills.render.site import render_language

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent
TODAY = dt.date(2026, 6, 1)
"""A fixed 'today' so review-date rules give the same answer whenever tests run."""
PLACES_TODAY = dt.date(2026, 12, 1)
"""The fixed 'today' of the places example (tests/data/places-example), whose details were
checked in the autumn of 2026 and whose opening times change at Christmas."""


def problem_lines(project: Project, today: dt.date = TODAY) -> list[str]:
    """`file:line:col: severity [rule] key: message` for every problem (hints left out)."""
    return [p.format().splitlines()[0] for p in check_project(project, today).problems]


def checked_clean(project: Project, today: dt.date = TODAY) -> CheckedProject:
    """The checked project, which must have no problems at all."""
    checked = check_project(project, today)
    assert [p.format() for p in checked.problems] == []
    return checked


def english_pages(
    project: Project, today: dt.date = TODAY, *, clean: bool = True
) -> list[PageSource]:
    """Every generated English page of a project, rendered (nothing built)."""
    checked = checked_clean(project, today) if clean else check_project(project, today)
    local = checked.localised(checked.languages[0])
    assets = collect_assets(checked.content.pictures)
    return render_language(local, assets, checked.settings, today)


def edit(project: Project, rel: str, old: str, new: str) -> None:
    path = project.root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


RUN_VARIABLE = "HEALTHSKILLS_TEST_RUN"
"""Set by the controlling pytest process (conftest.py) and inherited by xdist workers."""


def shared_dir() -> Path:
    """A folder shared by every worker of this test run, removed when the run ends."""
    run = os.environ.get(RUN_VARIABLE) or f"pid{os.getpid()}"
    folder = Path(tempfile.gettempdir()) / f"healthskills-tests-{run}"
    folder.mkdir(exist_ok=True)
    return folder


@functools.cache
def real_site() -> Path:
    """The real project's site, with every PDF and offline pack, built once for the whole run: the first
    worker to get here builds it (about a minute, most of it printing) while the others
    wait on the lock, then all of them read the same files. While working on tests,
    HEALTHSKILLS_TEST_SITE can name a site already built with `healthskills build`."""
    if os.environ.get("HEALTHSKILLS_TEST_SITE"):
        return Path(os.environ["HEALTHSKILLS_TEST_SITE"])
    folder = shared_dir()
    with (folder / "site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "site.complete").exists():
            build_project(Project(REPO), folder / "site", pdfs=True, zims=True)
            (folder / "site.complete").touch()
    return folder / "site"


MM = 72 / 25.4
TOP_MARGIN, BOTTOM_MARGIN = 20 * MM, 22 * MM
"""print.css page margins: the running header and footer live inside them."""


def pdftotext(path: Path, first: int | None = None, last: int | None = None, *options: str) -> str:
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    command = ["pdftotext", *pages, *options, str(path), "-"]
    run = subprocess.run(command, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def body_text(path: Path, first: int | None = None, last: int | None = None, *options: str) -> str:
    """The text inside the page margins: without the running header and footer, which
    would otherwise interrupt a sentence that runs over a page break."""
    height = 297 * MM - TOP_MARGIN - BOTTOM_MARGIN
    crop = ["-x", "0", "-y", str(int(TOP_MARGIN)), "-W", "600", "-H", str(int(height))]
    return pdftotext(path, first, last, *options, *crop)
