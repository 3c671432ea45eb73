"""Every page of the real site in Chromium: no script errors, no failed requests, no
request to any other host, no sideways scrolling at 320 px, skip link first."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser


def page_paths(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).parent.as_posix() + "/"
        for p in site.rglob("index.html")
        if "search" not in p.parts
    )


def test_every_page_loads_cleanly_at_320px(browser, built_site, site_url):
    host = urlsplit(site_url).netloc
    paths = page_paths(built_site)
    assert len(paths) >= 20
    context = browser.new_context(viewport={"width": 320, "height": 640})
    failures: list[str] = []
    page = context.new_page()
    page.on("pageerror", lambda exc: failures.append(f"{page.url}: page error {exc}"))
    page.on(
        "console",
        lambda msg: (
            failures.append(f"{page.url}: console {msg.text}") if msg.type == "error" else None
        ),
    )
    # A request the next navigation cancels (ERR_ABORTED) is not a failure of the page.
    page.on(
        "requestfailed",
        lambda req: (
            failures.append(f"{page.url}: failed {req.url} {req.failure}")
            if "ERR_ABORTED" not in (req.failure or "")
            else None
        ),
    )
    page.on(
        "response",
        lambda res: (
            failures.append(f"{page.url}: HTTP {res.status} for {res.url}")
            if res.status >= 400
            else None
        ),
    )
    page.on(
        "request",
        lambda req: (
            failures.append(f"{page.url}: other host {req.url}")
            if urlsplit(req.url).netloc not in (host, "") and not req.url.startswith("data:")
            else None
        ),
    )
    for path in paths:
        page.goto(site_url + path.lstrip("./"), wait_until="load")
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            failures.append(f"{path}: scrolls sideways at 320 px ({width[0]} > {width[1]})")
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "[document.activeElement.className, document.activeElement.getAttribute('href')]"
        )
        if "skip" not in (focused[0] or ""):
            failures.append(f"{path}: first Tab stop is {focused}, not the skip link")
    context.close()
    assert not failures, "\n".join(failures)


def test_lesson_quiz_works_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/lessons/register-with-gp/")
    option = page.locator("details.hs-option").first
    feedback = option.locator(".hs-feedback")
    assert not feedback.is_visible()
    option.locator("summary").click()
    assert feedback.is_visible()
    context.close()
