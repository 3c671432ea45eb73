"""Embedding: a charity's page on another origin shows our lesson or guide in an iframe,
using the code copied from our full page. With our sandbox, with the issue's stricter one
(no escape for popups), and with none."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import QuietHandler
from bs4 import BeautifulSoup
from checks import describe_axe, run_axe

from healthskills.render.embed_code import FRAME_HEIGHT, SANDBOX

pytestmark = pytest.mark.browser

PUBLIC = "https://healthskills.example.org"
ITEMS = [("en", "lessons", "register-with-gp"), ("ar", "guides", "nhs-111")]
SANDBOXES = {"ours": SANDBOX, "strict": "allow-scripts allow-popups", "none": None}


def host_page(code: str, sandbox: str | None, query: str = "") -> str:
    if sandbox != SANDBOX:
        code = code.replace(f' sandbox="{SANDBOX}"', f' sandbox="{sandbox}"' if sandbox else "")
    if query:
        src = code.split('src="', 1)[1].split('"', 1)[0]
        code = code.replace(f'src="{src}"', f'src="{src}{query}"')
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A charity</title>'
        '<link rel="icon" href="data:,"></head><body><h1>A charity</h1><p><a id="before" href="#before">Before</a></p>'
        f'{code}<p><a id="after" href="#after">After</a></p></body></html>'
    )


@pytest.fixture(scope="module")
def host(built_site: Path, site_url: str, tmp_path_factory) -> Iterator[str]:
    """The charity's website on 127.0.0.2 (another origin than the site on 127.0.0.1),
    with the embed code copied from our full pages, pointed at the test's server."""
    folder = tmp_path_factory.mktemp("host")
    ours = site_url.rstrip("/")
    for lang, kind, item in ITEMS:
        page = BeautifulSoup(
            (built_site / lang / kind / item / "index.html").read_text(), "html.parser"
        )
        code = page.select_one(".hs-embed-this textarea").string.replace(PUBLIC, ours)
        for name, sandbox in SANDBOXES.items():
            (folder / f"{lang}-{kind}-{name}.html").write_text(host_page(code, sandbox))
        bad = "?accent=red%22%3E%3Cscript%3Ealert(1)%3C/script%3E&size=99px"
        (folder / f"{lang}-{kind}-bad.html").write_text(host_page(code, SANDBOX, bad))
        (folder / f"{lang}-{kind}-themed.html").write_text(
            host_page(code, SANDBOX, "?accent=green&size=large")
        )
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{server.server_port}/"
    server.shutdown()


def open_host(browser, url: str, **options):
    context = browser.new_context(**options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda m: errors.append(f"{m.text} at {m.location}") if m.type == "error" else None,
    )
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}"))
    context.on(
        "response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None
    )
    page.goto(url)
    return context, page, errors


def embedded(page):
    frame = page.locator("iframe").element_handle().content_frame()
    assert frame is not None
    frame.wait_for_load_state("load")
    return frame


@pytest.mark.parametrize("sandbox", SANDBOXES)
@pytest.mark.parametrize(("lang", "kind", "item"), ITEMS)
def test_embedded_page_fits_its_frame_without_errors(browser, host, lang, kind, item, sandbox):
    context, page, errors = open_host(browser, f"{host}{lang}-{kind}-{sandbox}.html")
    frame = embedded(page)
    assert frame.locator("h1").is_visible()
    # The frame's script reports the content's height; the host's code fits the iframe.
    page.wait_for_function(
        "h => document.querySelector('iframe').getBoundingClientRect().height !== h",
        arg=FRAME_HEIGHT,
    )
    content = frame.evaluate("document.getElementById('hs-embed').getBoundingClientRect().height")
    outer = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    assert abs(outer - content) <= 1 and content > FRAME_HEIGHT
    assert frame.evaluate("document.documentElement.scrollHeight") <= outer + 1  # no scrolling
    # Opening a details element (a quiz answer, the word list) grows the frame with it.
    if kind == "lessons":
        frame.locator("details.hs-option summary").first.click()
        page.wait_for_function(
            "h => document.querySelector('iframe').getBoundingClientRect().height > h",
            arg=outer,
        )
    # The full page opens in a new tab, unsandboxed or not, without errors there either.
    with context.expect_page() as opened:
        frame.locator(".hs-attribution a").click()
    full = opened.value
    full.on("pageerror", lambda error: errors.append(f"full page: {error}"))
    full.wait_for_load_state("load")
    assert full.url.endswith(f"/{lang}/{kind}/{item}/")
    assert errors == []
    context.close()


@pytest.mark.parametrize(("lang", "kind", "item"), ITEMS)
def test_keyboard_goes_into_the_frame_and_out_again(browser, host, lang, kind, item):
    context, page, errors = open_host(browser, f"{host}{lang}-{kind}-ours.html")
    frame = embedded(page)
    frame.locator(".hs-attribution a").wait_for()
    page.focus("#before")
    page.keyboard.press("Tab")
    # The frame is on another site, so in another process: focus reaches it a moment after
    # the key press. Wait for it (5 s at most), in and back in.
    page.wait_for_function("document.activeElement.tagName === 'IFRAME'", timeout=5000)
    frame.wait_for_function("document.activeElement !== document.body", timeout=5000)
    assert frame.evaluate("document.activeElement.tagName") in ("A", "SUMMARY", "BUTTON")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "after":
            break
    assert page.evaluate("document.activeElement.id") == "after"
    page.keyboard.press("Shift+Tab")
    # And back in, to the frame's last link.
    page.wait_for_function("document.activeElement.tagName === 'IFRAME'", timeout=5000)
    assert frame.evaluate("document.activeElement.closest('.hs-attribution') !== null")
    assert errors == []
    context.close()


@pytest.mark.parametrize(("lang", "kind", "item"), ITEMS)
def test_axe_inside_the_frame(browser, host, lang, kind, item):
    context, page, _ = open_host(browser, f"{host}{lang}-{kind}-strict.html")
    frame = embedded(page)
    violations, _ = run_axe(frame)
    assert violations == [], describe_axe(violations)
    assert frame.evaluate("document.documentElement.lang") == lang
    context.close()


@pytest.mark.parametrize(("lang", "kind", "item"), ITEMS)
def test_host_can_choose_allowed_colours_and_sizes_only(browser, host, lang, kind, item):
    context, page, errors = open_host(browser, f"{host}{lang}-{kind}-themed.html")
    frame = embedded(page)
    assert frame.evaluate("document.documentElement.dataset.accent") == "green"
    assert frame.evaluate("getComputedStyle(document.documentElement).fontSize") == "18px"
    link = frame.locator(".hs-attribution a")
    assert link.evaluate("a => getComputedStyle(a).color") == "rgb(0, 127, 59)"
    context.close()

    context, page, errors = open_host(browser, f"{host}{lang}-{kind}-bad.html")
    frame = embedded(page)
    assert "alert" in frame.evaluate("location.search")  # the value did arrive
    assert frame.evaluate("Object.keys(document.documentElement.dataset)") == []
    assert frame.evaluate("getComputedStyle(document.documentElement).fontSize") == "16px"
    assert errors == []  # no script ran, no dialog opened
    context.close()


def test_without_javascript_the_frame_keeps_a_readable_height_and_scrolls(browser, host):
    context, page, errors = open_host(
        browser, f"{host}en-lessons-ours.html", java_script_enabled=False
    )
    frame = embedded(page)
    height = page.evaluate("document.querySelector('iframe').getBoundingClientRect().height")
    assert height == FRAME_HEIGHT
    assert frame.evaluate("document.documentElement.scrollHeight") > FRAME_HEIGHT
    frame.evaluate("window.scrollTo(0, 400)")
    assert frame.evaluate("window.scrollY") == 400
    assert errors == []
    context.close()


def test_copy_button_copies_the_embed_code(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + "ar/guides/nhs-111/")
    page.locator(".hs-embed-this summary").click()
    code = page.locator("#hs-embed-code").input_value()
    assert code.startswith(
        '<iframe src="https://healthskills.example.org/ar/embed/guides/nhs-111/"'
    )
    page.locator(".hs-copy").click()
    page.wait_for_function("document.querySelector('.hs-embed-this [role=status]').textContent")
    assert page.evaluate("navigator.clipboard.readText()") == code
    context.close()

    # Without JavaScript there is no button, and the code is there to select and copy.
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "ar/guides/nhs-111/")
    page.locator(".hs-embed-this summary").click()
    assert not page.locator(".hs-copy").is_visible()
    assert page.locator("#hs-embed-code").is_visible()
    assert page.locator("#hs-embed-code").input_value() == code
    context.close()
