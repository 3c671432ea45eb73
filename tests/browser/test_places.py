"""Help near you in Chromium, on the worked example (tests/data/places-example: local places
in two areas, English and Arabic): at 320 px, right to left, with JavaScript off; axe-core;
the filter by keyboard; "open now" with a fixed clock across midnight and on a bank
holiday; an area's embed view inside another site's page."""

from __future__ import annotations

import datetime as dt
import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from browsing import ARTIFACTS, QuietHandler
from checks import describe_axe, horizontal_overflow, overflowing, run_axe
from test_every_page import watch

from healthskills.build import build_site
from healthskills.project import Project
from support import DATA, PLACES_TODAY, checked_clean

pytestmark = pytest.mark.browser

LONDON = ZoneInfo("Europe/London")
PAGES = [
    "en/help-near-you/",
    "en/help-near-you/riverton/",
    "en/help-near-you/riverton/offers/free-sim/",
    "en/help-near-you/riverton/riverton-central-library/",
    "en/lessons/first-lesson/",
    "ar/help-near-you/",
    "ar/help-near-you/riverton/",
    "ar/help-near-you/eastbrook/eastbrook-pharmacy/",
]


@pytest.fixture(scope="module")
def places_url(tmp_path_factory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("places") / "project"
    shutil.copytree(DATA / "places-example", root)
    build_site(checked_clean(Project(root), PLACES_TODAY), root / "site", cache=False)
    handler = functools.partial(QuietHandler, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("path", PAGES)
def test_places_pages_at_320_px_pass_axe(browser, places_url, path, javascript):
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 320, "height": 640},
                                  java_script_enabled=javascript)  # fmt: skip
    page = context.new_page()
    watch(page, urlsplit(places_url).netloc, problems)
    page.goto(places_url + path, wait_until="load")
    violations, _ = run_axe(page) if javascript else _axe_without_page_script(page)
    problems += describe_axe(violations)
    scroll, inner = horizontal_overflow(page)
    if scroll > inner:
        problems.append(f"scrolls sideways ({scroll} > {inner}): {overflowing(page)}")
    if path.startswith("ar/"):
        assert page.evaluate("document.documentElement.dir") == "rtl"
    if path.endswith("/riverton/"):
        shot = ARTIFACTS / "screenshots" / f"places-{path.replace('/', '_')}{javascript}.png"
        shot.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=shot, full_page=True)
    context.close()
    assert problems == [], "\n".join(problems)


def _axe_without_page_script(page):
    """axe-core is a script: with JavaScript off it runs in a second, scripted page given
    the same HTML, with the page's own scripts taken out, so it sees what a reader without
    JavaScript sees."""
    html = page.content()
    context = page.context.browser.new_context(viewport={"width": 320, "height": 640})
    other = context.new_page()
    other.goto(page.url, wait_until="load")
    opening, rest = html.split("<html", 1)[1].split(">", 1)
    root_class = re.search(r'class="([^"]*)"', opening)
    other.evaluate(
        "([html, cls]) => { document.documentElement.innerHTML = html;"
        " document.documentElement.className = cls; }",
        [rest.rsplit("</html>", 1)[0], root_class[1] if root_class else ""],
    )
    assert other.evaluate("document.documentElement.className") == "no-js"
    result = run_axe(other)
    context.close()
    return result


def test_without_javascript_every_place_shows_its_full_opening_times(browser, places_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(places_url + "en/help-near-you/riverton/", wait_until="load")
    assert page.locator("form.hs-filter").is_hidden()
    assert page.locator(".hs-open-now").first.is_hidden()
    library = page.locator(".hs-place", has_text="Riverton Central Library")
    hours = library.locator("dl.hs-hours").first.inner_text()
    assert "Monday to Wednesday" in hours and "09:00 to 17:00" in hours
    assert "Saturday" in hours and "10:00 to 13:00" in hours
    changes = library.locator("dl.hs-hours").nth(1).inner_text()
    assert "25 December 2026" in changes and "Closed" in changes
    # The filter is a list of links to pages of their own.
    page.get_by_role("link", name="Free SIM card or mobile data (National Databank)").click()
    page.wait_for_url("**/riverton/offers/free-sim/")
    names = page.locator(".hs-place-name").all_inner_texts()
    assert names == ["Riverside Community Hub"]
    context.close()


def test_the_filter_works_by_keyboard_and_says_what_it_shows(browser, places_url):
    context = browser.new_context()
    page = context.new_page()
    page.goto(places_url + "en/help-near-you/riverton/", wait_until="load")
    assert page.locator(".hs-filter-links").is_hidden()  # the links give way to the form
    wifi = page.get_by_label("Free Wi-Fi")
    wifi.focus()
    page.keyboard.press("Space")
    assert wifi.is_checked()
    visible = page.locator(".hs-place:visible .hs-place-name").all_inner_texts()
    assert visible == ["Riverside Community Hub", "Riverton Central Library",
                       "Riverton Night Shelter drop-in"]  # fmt: skip
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # and computers
    page.get_by_label("Help in Polish").check()
    visible = page.locator(".hs-place:visible .hs-place-name").all_inner_texts()
    assert visible == ["Riverton Central Library"]
    assert page.locator(".hs-filter-status").inner_text() == "Showing 1 of 3 places."
    page.get_by_label("Help in Polish").uncheck()
    page.get_by_label("Help in Urdu").check()
    page.get_by_label("Printing").check()
    assert page.locator(".hs-place:visible").count() == 0
    assert page.locator(".hs-filter-status").inner_text() == (
        "No places match what you chose. Try choosing less."
    )
    context.close()


@pytest.mark.parametrize(
    "when, expected",
    [
        # A Monday morning: the library is open; the night shelter is not.
        (
            "2026-12-07 10:30",
            {
                "Riverton Central Library": "Open now, until 17:00",
                "Riverton Night Shelter drop-in": "Closed now",
                "Riverside Community Hub": "Open now, until 12:00",
            },
        ),
        # Late on Monday the shelter is open to midnight, then on past it on Tuesday.
        (
            "2026-12-07 23:30",
            {
                "Riverton Night Shelter drop-in": "Open now",
                "Riverton Central Library": "Closed now",
            },
        ),
        ("2026-12-08 01:15", {"Riverton Night Shelter drop-in": "Open now, until 02:00"}),
        # Christmas Day and the bank holiday Monday after it: closed, whatever the week says.
        (
            "2026-12-25 10:30",
            {"Riverside Community Hub": "Closed now", "Riverton Central Library": "Closed now"},
        ),
        (
            "2026-12-28 10:30",
            {
                "Riverton Central Library": "Closed now",
                "Riverside Community Hub": "Open now, until 12:00",
            },
        ),
        # New Year's Eve: shorter hours than a usual Thursday.
        ("2026-12-31 11:00", {"Riverton Central Library": "Open now, until 12:00"}),
        ("2026-12-31 13:00", {"Riverton Central Library": "Closed now"}),
    ],
)
def test_open_now_follows_the_uk_clock(browser, places_url, when, expected):
    context = browser.new_context(timezone_id="Asia/Kolkata")  # the phone's own zone differs
    page = context.new_page()
    moment = dt.datetime.strptime(when, "%Y-%m-%d %H:%M").replace(tzinfo=LONDON)
    page.clock.set_fixed_time(moment)
    page.goto(places_url + "en/help-near-you/riverton/", wait_until="load")
    for name, state in expected.items():
        line = page.locator(".hs-place", has_text=name).locator(".hs-open-now")
        assert line.is_visible()
        assert line.inner_text() == state, name
    context.close()


def test_open_now_is_said_in_the_readers_language(browser, places_url):
    context = browser.new_context()
    page = context.new_page()
    page.clock.set_fixed_time(dt.datetime(2026, 12, 7, 10, 30, tzinfo=LONDON))
    page.goto(places_url + "ar/help-near-you/riverton/riverton-central-library/")
    ui = page.locator(".hs-places").first
    line = page.locator(".hs-open-now").inner_text()
    assert line == ui.get_attribute("data-open-until").replace("{time}", _arabic_time(page))
    assert page.locator("h1").get_attribute("lang") == "en"  # the name, as written
    context.close()


def _arabic_time(page) -> str:
    return page.evaluate(
        "new Intl.DateTimeFormat('ar-u-nu-latn', {hour: 'numeric', minute: '2-digit', "
        "timeZone: 'UTC'}).format(new Date(Date.UTC(2000, 0, 1, 17, 0)))"
    )


def test_an_areas_embed_view_works_in_another_sites_page(browser, places_url, tmp_path):
    embed = places_url + "en/embed/help-near-you/riverton/"
    (tmp_path / "host.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council</title>'
        '<link rel="icon" href="data:,"></head><body><h1>Council</h1>'
        f'<iframe src="{embed}" title="Places" sandbox="allow-scripts allow-popups" '
        'width="100%" height="300"></iframe></body></html>'
    )
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        context = browser.new_context()
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(f"http://127.0.0.2:{server.server_port}/host.html", wait_until="load")
        frame = page.frame_locator("iframe")
        names = frame.locator(".hs-place-name").all_inner_texts()
        assert names == ["Riverside Community Hub", "Riverton Central Library",
                         "Riverton Night Shelter drop-in"]  # fmt: skip
        link = frame.locator(".hs-place-name a").first
        assert link.get_attribute("target") == "_blank"
        assert errors == []
        context.close()
    finally:
        server.shutdown()
