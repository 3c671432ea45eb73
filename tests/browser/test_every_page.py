"""Every page of every language in Chromium, checked the way disabled users meet it.

For each page: axe-core (WCAG 2.0–2.2 A/AA) at desktop and phone widths (the site offers
one colour scheme and no text-size setting yet: add each one here when it arrives); usable
in forced colours with reduced motion (heading shown, focus outlined, screenshots kept); no sideways scrolling at 320x640; text at 200% loses nothing; keyboard: skip link
first, every control reachable, a visible focus ring on each; no script errors, failed
requests or requests to any other host. Screenshots of a sample go to test-artifacts/.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from browsing import record
from checks import (
    clipped_text,
    describe_axe,
    horizontal_overflow,
    log_incomplete,
    other_host,
    overflowing,
    run_axe,
    walk_keyboard,
)

pytestmark = pytest.mark.browser

SAMPLE = re.compile(
    r"^(|[a-z-]+/|[a-z-]+/lessons/|[a-z-]+/lessons/register-with-gp/|[a-z-]+/guides/register-with-gp/)$"
)
"""Pages whose screenshots are kept: root, each language's home, lessons index, one lesson and
one guide."""


def watch(page, host: str, problems: list[str]) -> None:
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on(
        "console",
        lambda msg: problems.append(f"console error: {msg.text}") if msg.type == "error" else None,
    )
    # A request that the next navigation cancels (ERR_ABORTED) is not the page's failure.
    page.on(
        "requestfailed",
        lambda req: (
            problems.append(f"request failed: {req.url} {req.failure}")
            if "ERR_ABORTED" not in (req.failure or "")
            else None
        ),
    )
    page.on(
        "response",
        lambda res: problems.append(f"HTTP {res.status}: {res.url}") if res.status >= 400 else None,
    )
    page.on(
        "request",
        lambda req: (
            problems.append(f"request to another host: {req.url}")
            if other_host(req.url, host)
            else None
        ),
    )


def screenshot_name(page_path: str, variant: str) -> str:
    return (page_path.strip("/").replace("/", "_") or "root") + f"--{variant}.png"


def test_page(browser, site_url, artifacts, page_path):
    host = urlsplit(site_url).netloc
    url = site_url + page_path
    lang = page_path.split("/", 1)[0] if "/" in page_path else "root"
    problems: list[str] = []
    incomplete: list[dict] = []
    axe_runs = 0
    keep = SAMPLE.match(page_path) is not None

    def axe(page, setting: str) -> None:
        nonlocal axe_runs
        violations, unsure = run_axe(page)
        axe_runs += 1
        problems.extend(f"axe [{setting}] {line}" for line in describe_axe(violations))
        incomplete.extend(unsure)
        log_incomplete(artifacts, f"{page_path or '/'} [{setting}]", unsure)

    # Desktop: axe, keyboard, text at 200 %.
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    watch(page, host, problems)
    page.goto(url, wait_until="load")
    axe(page, "desktop")
    stops, unreachable, no_ring = walk_keyboard(page)
    if not stops or "skip" not in stops[0].split(" ", 1)[0]:
        first = stops[0] if stops else "nothing"
        problems.append(f"first Tab stop is {first}, not the skip link")
    problems.extend(f"not reachable by keyboard: {item}" for item in unreachable)
    problems.extend(f"no visible focus indicator: {item}" for item in no_ring)
    if keep:
        page.screenshot(
            path=artifacts / "screenshots" / screenshot_name(page_path, "1280"), full_page=True
        )
    page.evaluate(
        "document.documentElement.style.fontSize ="
        " (parseFloat(getComputedStyle(document.documentElement).fontSize) * 2) + 'px'"
    )
    scroll, inner = horizontal_overflow(page)
    if scroll > inner:
        problems.append(f"text at 200%: scrolls sideways ({scroll} > {inner}): {overflowing(page)}")
    problems.extend(f"text at 200%: text cut off in {item}" for item in clipped_text(page))

    # Forced colours (Windows high contrast) and reduced motion.
    page.evaluate("document.documentElement.style.fontSize = ''")
    page.emulate_media(forced_colors="active", reduced_motion="reduce")
    page.reload(wait_until="load")
    if not page.locator("h1").first.is_visible():
        problems.append("forced colours: the main heading is not visible")
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; })()"
    )
    if not ring:
        problems.append("forced colours: the focused element has no outline")
    if keep:
        page.screenshot(
            path=artifacts / "screenshots" / screenshot_name(page_path, "forced-colours"),
            full_page=True,
        )
    context.close()

    # Phone: reflow at 320 x 640, axe on the phone layout.
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    watch(page, host, problems)
    page.goto(url, wait_until="load")
    scroll, inner = horizontal_overflow(page)
    if scroll > inner:
        problems.append(f"320 px: scrolls sideways ({scroll} > {inner}): {overflowing(page)}")
    axe(page, "320 px")
    if keep:
        page.screenshot(
            path=artifacts / "screenshots" / screenshot_name(page_path, "320"), full_page=True
        )
    context.close()

    record("page", path=page_path, lang=lang, violations=sum(p.startswith("axe ") for p in problems),
           incomplete=len(incomplete), axe_runs=axe_runs)  # fmt: skip
    assert not problems, f"{page_path or '/'}:\n" + "\n".join(problems)
