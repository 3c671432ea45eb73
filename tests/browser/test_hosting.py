"""The site as a charity hosts it: Debian's nginx with the server block the build wrote, in
Chromium. Pages of every language, their scripts at work (search, the filter, "open now"),
an embed view in another site's sandboxed frame and offline reading through the service
worker, all with the Content Security Policy on: not one violation, not one script error.
Then the same site under a sub-path, and a page with a script slipped into it, which the
policy must stop."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path

import pytest
from browsing import QuietHandler

from servers import Server, build_example

pytestmark = pytest.mark.browser

WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
});
"""
"""Every policy violation a page (or a frame in it) reports, kept where the test reads it."""

PAGES = [
    "",
    "en/",
    "en/lessons/first-lesson/",
    "en/guides/first-guide/",
    "en/guides/first-guide/text/",
    "en/words/",
    "en/my-lessons/",
    "en/help-near-you/riverton/",
    "en/help-near-you/riverton/riverton-central-library/",
    "en/no-such-page/",
    "ar/",
    "ar/lessons/first-lesson/",
    "ar/help-near-you/",
]


def _site(tmp_path_factory, base: str) -> Path:
    return build_example(tmp_path_factory.mktemp("hosted"), base)


def _serve(site: Path, base: str, folder: Path) -> Server:
    www = folder / "www"
    shutil.copytree(site, www / base.strip("/") if base != "/" else www)
    return Server("nginx", site, www, folder / "nginx").start()


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    site = _site(tmp_path_factory, "/")
    server = _serve(site, "/", tmp_path_factory.mktemp("nginx"))
    yield server
    server.stop()


def watched(context, problems: list[str]):
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("console", lambda msg: problems.append(f"console: {msg.text}")
            if msg.type == "error" and "Content Security Policy" in msg.text else None)  # fmt: skip
    return page


def violations(page) -> list[str]:
    found = []
    for frame in page.frames:
        found += frame.evaluate("window.__csp || []")
    return found


@pytest.mark.parametrize("path", PAGES)
def test_pages_run_under_their_policy_without_one_violation(browser, nginx, path):
    problems: list[str] = []
    context = browser.new_context()
    page = watched(context, problems)
    page.goto(f"{nginx.url}/{path}", wait_until="load")
    if path.endswith("help-near-you/riverton/"):
        page.get_by_label("Free Wi-Fi").check()
    if path.startswith("en/lessons/"):
        page.locator("#hs-q").fill("phone")
        page.locator("#hs-results li").first.wait_for()
        page.evaluate("navigator.serviceWorker.ready")
    problems += violations(page)
    context.close()
    assert problems == []


def test_an_embed_view_in_another_sites_sandboxed_frame(browser, nginx, tmp_path):
    embed = f"{nginx.url}/en/embed/lessons/first-lesson/"
    (tmp_path / "host.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Charity</title>'
        '<link rel="icon" href="data:,"></head><body>'
        f'<iframe src="{embed}" title="Lesson" sandbox="allow-scripts allow-popups" '
        'width="100%" height="200"></iframe></body></html>'
    )
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    host = http.server.ThreadingHTTPServer(("127.0.0.2", 0), handler)
    threading.Thread(target=host.serve_forever, daemon=True).start()
    try:
        problems: list[str] = []
        context = browser.new_context()
        page = watched(context, problems)
        page.goto(f"http://127.0.0.2:{host.server_port}/host.html", wait_until="load")
        frame = page.frame_locator("iframe")
        frame.locator("h1").wait_for()
        # The frame's script ran (the policy allows its hash): it reported its height.
        page.wait_for_function(
            "document.querySelector('iframe').getBoundingClientRect().height > 200"
        )
        problems += violations(page)
        context.close()
        assert problems == []
    finally:
        host.shutdown()


def test_offline_reading_through_the_service_worker(browser, tmp_path_factory):
    site = _site(tmp_path_factory, "/")
    server = _serve(site, "/", tmp_path_factory.mktemp("offline"))
    problems: list[str] = []
    context = browser.new_context()
    page = watched(context, problems)
    lesson = f"{server.url}/en/lessons/first-lesson/"
    page.goto(lesson, wait_until="load")
    page.evaluate("navigator.serviceWorker.ready")
    page.reload(wait_until="load")  # now under the worker's control, which keeps the page
    page.wait_for_function(
        "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k)"
        ".then(c => c.match(location.href))))).then(found => found.some(Boolean))"
    )
    server.stop()
    page.reload(wait_until="load")
    assert page.locator("h1").inner_text() == "Open an app"
    assert page.locator("#hs-offline").is_visible()
    problems += violations(page)
    context.close()
    assert problems == []


def test_a_site_under_a_sub_path_works_from_its_address(browser, tmp_path_factory):
    site = _site(tmp_path_factory, "/health/")
    server = _serve(site, "/health/", tmp_path_factory.mktemp("sub-path"))
    problems: list[str] = []
    failed: list[str] = []
    try:
        context = browser.new_context()
        page = watched(context, problems)
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        page.goto(f"{server.url}/health/", wait_until="load")
        page.get_by_role("link", name="English").click()
        page.get_by_role("link", name="Lessons").first.click()
        page.get_by_role("link", name="Open an app").click()
        page.wait_for_url("**/health/en/lessons/first-lesson/")
        picture = page.locator("img.hs-pic").first
        assert picture.evaluate("img => img.complete && img.naturalWidth > 0")
        scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
        assert scope == f"{server.url}/health/"
        page.locator("#hs-q").fill("phone")
        first = page.locator("#hs-results li a").first
        first.wait_for()
        assert first.get_attribute("href").startswith(f"{server.url}/health/en/") or (
            "/health/" in page.evaluate("el => el.href", first.element_handle())
        )
        code = page.locator(".hs-embed-this textarea").input_value()
        assert "https://example.org/health/en/embed/lessons/first-lesson/" in code
        problems += violations(page)
        context.close()
    finally:
        server.stop()
    assert failed == [] and problems == []


def test_a_script_slipped_into_a_page_is_stopped_by_the_policy(browser, tmp_path_factory):
    """As if a translation had got past every check: the page is changed after the build."""
    site = _site(tmp_path_factory, "/")
    page_file = site / "en/lessons/first-lesson/index.html"
    html = page_file.read_text()
    html = html.replace("</h1>", '</h1><script>document.title = "pwned"</script>'
                        '<img src="x" onerror="document.title = \'pwned too\'">', 1)  # fmt: skip
    page_file.write_text(html)
    for copy in (".br", ".gz"):
        Path(f"{page_file}{copy}").unlink()
    server = _serve(site, "/", tmp_path_factory.mktemp("injected"))
    try:
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(WATCH_CSP)
        page.goto(f"{server.url}/en/lessons/first-lesson/", wait_until="load")
        assert "pwned" not in page.title()
        found = violations(page)
        assert any(v.startswith("script-src") for v in found), found
        context.close()
    finally:
        server.stop()
