"""Browser fixtures: the real site built once per worker, served on localhost, visited in
Debian's Chromium, and a report of every page visited.

Playwright cannot download a browser here, so it drives the system's `chromium`, with the
background-networking features off (they would try to reach Google's hosts).
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import ARTIFACTS, CHROMIUM_ARGS, QuietHandler, built_site_path, site_pages, sweep

from healthskills.print.chromium import find_chromium


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "page_path" in metafunc.fixturenames:
        pages = sweep(site_pages(built_site_path()))
        metafunc.parametrize("page_path", pages, ids=[p or "/" for p in pages])


@pytest.fixture(scope="session")
def built_site() -> Path:
    return built_site_path()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    path = find_chromium()
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
