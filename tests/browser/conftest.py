"""Browser fixtures: the real site built once per worker, served on localhost, visited in
Debian's Chromium, and a report of every page visited.

Playwright cannot download a browser here, so it drives the system's `chromium`, with the
background-networking features off (they would try to reach Google's hosts).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import _STARTED, ARTIFACTS, CHROMIUM_ARGS, built_site_path, site_pages


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_path" in metafunc.fixturenames:
        pages = site_pages(built_site_path())
        metafunc.parametrize("page_path", pages, ids=[p or "/" for p in pages])


@pytest.fixture(scope="session")
def built_site() -> Path:
    return built_site_path()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


def chromium_path() -> str | None:
    return os.environ.get("HEALTHSKILLS_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    path = chromium_path()
    if path is None:
        pytest.fail("Debian's chromium is not installed: run `make test`, which installs it.")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # controller only: start a fresh report
        for old in ARTIFACTS.glob("report-*.jsonl"):
            old.unlink()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    lines = []
    for report in sorted(ARTIFACTS.glob("report-*.jsonl")):
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
    write(f"screenshots: {ARTIFACTS / 'screenshots'}")
    write(f"axe results to review by hand: {ARTIFACTS}/axe-incomplete-*.txt")
    write(f"time: {time.monotonic() - _STARTED:.1f} s")
