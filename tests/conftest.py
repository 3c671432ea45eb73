"""Shared fixtures: a copy of the small fixture project that a test may change freely."""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from pathlib import Path

import pytest

from healthskills.project import Project
from support import DATA, RUN_VARIABLE, shared_dir

BROWSER_ARTIFACTS = Path(__file__).parent.parent / "test-artifacts" / "browser"
_STARTED = time.monotonic()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite golden files from the current output instead of comparing",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Before xdist starts its workers, so they inherit it and share one built site.
    os.environ.setdefault(RUN_VARIABLE, uuid.uuid4().hex[:12])


def pytest_unconfigure(config: pytest.Config) -> None:
    if not hasattr(config, "workerinput"):  # the controller, once every worker is done
        shutil.rmtree(shared_dir(), ignore_errors=True)


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def project(tmp_path: Path) -> Project:
    root = tmp_path / "project"
    shutil.copytree(DATA / "minimal", root)
    return Project(root)


@pytest.fixture
def places_project(tmp_path: Path) -> Project:
    """A copy of the worked example for charities: local places in two areas, in English
    and Arabic."""
    root = tmp_path / "places"
    shutil.copytree(DATA / "places-example", root)
    return Project(root)


# The browser suite's report: these hooks live here, not in tests/browser/conftest.py,
# because under xdist only the top-level conftest is loaded in the controlling process.
def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # controller only: start a fresh report
        for old in [*BROWSER_ARTIFACTS.glob("report-*.jsonl"),
                    *BROWSER_ARTIFACTS.glob("axe-incomplete-*.txt")]:  # fmt: skip
            old.unlink()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    lines = []
    for report in sorted(BROWSER_ARTIFACTS.glob("report-*.jsonl")):
        lines += [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    pages = [line for line in lines if line["kind"] == "page"]
    if not pages:
        return
    violations = sum(line["violations"] for line in pages)
    incomplete = sum(line["incomplete"] for line in pages)
    write = terminalreporter.write_line
    terminalreporter.section("browser suite summary")
    write(f"pages visited: {len(pages)} ({len({p['lang'] for p in pages})} language(s))")
    write(f"axe runs: {sum(p['axe_runs'] for p in pages)}, violations: {violations}, "
          f"incomplete (needs review, not failing): {incomplete}")  # fmt: skip
    write(f"screenshots: {BROWSER_ARTIFACTS / 'screenshots'}")
    write(f"axe results to review by hand: {BROWSER_ARTIFACTS}/axe-incomplete-*.txt")
    write(f"time: {time.monotonic() - _STARTED:.1f} s")
