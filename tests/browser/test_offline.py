"""Offline reading and search, in a real browser.

"Offline" here is real: the test's own web server is stopped, so every request the service
worker makes fails as it would without a connection (Playwright's offline switch does not
reach service workers in Chromium)."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import QuietHandler

LESSON = "en/lessons/set-up-nhs-app/"
STRINGS_EN = {
    "offline": "You are offline.",
    "saved": "Saved. You can read these lessons on this device without the internet.",
}


class Switchable:
    """A web server for the built site that can be switched off and on at the same port,
    sending the cache headers we recommend to hosts."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = 0
        self.server: http.server.ThreadingHTTPServer | None = None
        self.requests: list[str] = []
        self.hang = False
        """While set, pages are not answered until `release` is set: a connection that has
        all but died."""
        self.release = threading.Event()
        self.answered = threading.Event()

    def on(self) -> None:
        requests = self.requests
        switchable = self

        class Handler(QuietHandler):
            def do_GET(self) -> None:
                requests.append(self.path)
                hung = self.path.endswith("/") and switchable.hang
                if hung:
                    switchable.release.wait(timeout=60)
                super().do_GET()
                if hung:
                    switchable.answered.set()

            def end_headers(self) -> None:
                # The cache policy docs/charities.md asks hosts for.
                hashed = self.path.startswith("/assets/")
                self.send_header(
                    "Cache-Control", "public, max-age=31536000, immutable" if hashed else "no-cache"
                )
                super().end_headers()

        handler = functools.partial(Handler, directory=str(self.root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def off(self) -> None:
        assert self.server is not None
        self.server.shutdown()
        self.server.server_close()
        self.server = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"


@pytest.fixture
def server(built_site: Path) -> Iterator[Switchable]:
    switchable = Switchable(built_site)
    switchable.on()
    yield switchable
    if switchable.server is not None:
        switchable.off()


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    yield context
    context.close()
    assert errors == [], errors


def _wait_until_kept(page, url: str) -> None:
    """Until the service worker controls the page and has kept it with every file it used
    (it keeps the first page a reader opens after it starts, from what the browser already
    downloaded). All of it: a worker that does not yet control the page would let the next
    load go to the network, and one still keeping the page's files is still fetching when
    a test takes the server away."""
    page.wait_for_function(
        """url => navigator.serviceWorker.controller && Promise.all([
             caches.open('hs-pages').then(c => c.match(url)),
             ...performance.getEntriesByType('resource')
               .map(e => e.name).filter(name => /\\.[0-9a-f]{10}\\.[a-z0-9]+$/.test(name))
               .map(name => caches.open('hs-files').then(c => c.match(name))),
           ]).then(found => found.every(Boolean))""",
        arg=url,
        timeout=20000,
    )


def test_an_opened_lesson_is_readable_offline_and_says_so(server, context):
    page = context.new_page()
    page.goto(server.url + LESSON)
    assert page.locator("#hs-offline").is_hidden()
    _wait_until_kept(page, server.url + LESSON)
    server.off()

    page.reload()
    notice = page.locator("#hs-offline")
    notice.wait_for(state="visible")
    assert notice.inner_text().startswith(STRINGS_EN["offline"])
    assert page.locator("h1").inner_text() == "Set up the NHS App"
    # The pictures the reader saw came from the cache too.
    first = page.locator(".hs-step img").first
    assert first.evaluate("img => img.complete && img.naturalWidth > 0")

    server.on()
    with page.expect_navigation():
        notice.get_by_role("button").click()
    assert page.locator("#hs-offline").is_hidden(), "a fresh page still says it is a copy"


def test_on_a_connection_that_hangs_the_saved_copy_comes_with_its_notice(server, context):
    page = context.new_page()
    page.goto(server.url + LESSON)
    _wait_until_kept(page, server.url + LESSON)
    server.hang = True  # no answer: the worker gives up after its 10 s patience
    started = time.monotonic()
    page.reload(timeout=20000)
    page.locator("#hs-offline").wait_for(state="visible", timeout=20000)
    assert 9 < time.monotonic() - started < 15
    # Once the slow answer has come (the browser holds a second request for the same page
    # until then), "Try again" gets the live page.
    server.hang = False
    server.release.set()
    assert server.answered.wait(timeout=20)
    with page.expect_navigation():
        page.locator("#hs-offline").get_by_role("button").click()
    assert page.locator("#hs-offline").is_hidden()


def test_pages_opened_later_are_kept_as_they_are_read(server, context):
    page = context.new_page()
    page.goto(server.url + LESSON)
    _wait_until_kept(page, server.url + LESSON)
    second = server.url + "en/guides/nhs-app/"
    page.goto(second)  # through the worker now, which keeps it on the way
    _wait_until_kept(page, second)
    server.off()
    page.goto(server.url + LESSON)
    page.locator("#hs-offline").wait_for(state="visible")
    page.goto(second)
    page.locator("#hs-offline").wait_for(state="visible")
    assert page.locator(".hs-row").count() > 3


def test_a_page_never_opened_is_not_invented(server, context):
    page = context.new_page()
    page.goto(server.url + LESSON)
    _wait_until_kept(page, server.url + LESSON)
    server.off()
    with pytest.raises(Exception, match="ERR_"):
        page.goto(server.url + "en/lessons/book-gp-appointment/")


def test_save_a_topic_for_offline(server, context):
    page = context.new_page()
    page.goto(server.url + "en/lessons/")
    section = page.locator("section", has=page.locator("#topic-gp-practice"))
    button = section.locator("button[data-hs-save]")
    button.wait_for(state="visible")
    lessons = section.locator(".hs-cards a").evaluate_all("links => links.map(a => a.href)")
    assert len(lessons) == 3
    button.click()
    status = section.locator("[role=status]")
    page.wait_for_function(
        "el => el.textContent.startsWith('Saved')", arg=status.element_handle(), timeout=30000
    )
    assert status.inner_text() == STRINGS_EN["saved"]
    server.off()

    for url in lessons:  # none of them was opened before
        page.goto(url)
        page.locator("#hs-offline").wait_for(state="visible", timeout=5000)
        assert page.locator(".hs-step").count() > 0
        pictures = page.locator(".hs-step img").evaluate_all(
            "imgs => Promise.all(imgs.map(i => fetch(i.src).then(r => r.ok, () => false)))"
        )
        assert pictures and all(pictures), f"pictures not saved for {url}"


def test_offline_notice_is_in_the_readers_language(server, context, built_site):
    page = context.new_page()
    url = server.url + "ar/lessons/register-with-gp/"
    page.goto(url)
    _wait_until_kept(page, url)
    server.off()
    page.reload()
    notice = page.locator("#hs-offline")
    notice.wait_for(state="visible")
    template = notice.get_attribute("data-text")
    assert "{date}" in template and not template.startswith("You are offline")
    assert notice.locator("p").inner_text().startswith(template.split("{date}")[0])
    assert notice.evaluate("el => getComputedStyle(el).direction") == "rtl"


def test_without_service_workers_the_site_still_works(browser, site_url):
    context = browser.new_context(service_workers="block")
    errors: list[str] = []
    context.on("weberror", lambda error: errors.append(str(error.error)))
    page = context.new_page()
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + "en/lessons/", wait_until="networkidle")
    assert page.locator(".hs-save").first.is_hidden(), "a save button that cannot work"
    assert page.locator("h1").is_visible()
    context.close()
    assert errors == []


def test_search_loads_one_languages_index_only_when_used(server, context):
    page = context.new_page()
    page.goto(server.url + "uk/", wait_until="networkidle")
    assert not [r for r in server.requests if "/search/" in r], "index loaded before use"
    box = page.get_by_role("searchbox")
    box.focus()
    box.type("111")
    results = page.locator("#hs-results a")
    results.first.wait_for()
    fetched = [r for r in server.requests if "/search/" in r]
    assert fetched == ["/uk/search/index.json"]
    assert "111" in page.locator("#hs-results").inner_text()
    assert page.locator("#hs-results-count").inner_text()
    box.press("Enter")
    assert page.evaluate("document.activeElement.closest('#hs-results') !== null")
    box.press("Escape")


def test_search_is_hidden_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/")
    assert page.locator("#hs-search").is_hidden()
    assert page.locator("#hs-nav a").count() >= 5
    context.close()
