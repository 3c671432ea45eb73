"""Browser checks of particular features: quizzes without JavaScript, printed guides."""

from __future__ import annotations

import pytest
from browsing import built_site_path

from support import body_text

pytestmark = pytest.mark.browser

GUIDES = sorted(
    p.parent.relative_to(built_site_path()).as_posix() + "/"
    for p in built_site_path().glob("*/guides/*/index.html")
)


def test_quiz_answers_reveal_feedback_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "en/lessons/register-with-gp/")
    option = page.locator("details.hs-option").first
    feedback = option.locator(".hs-feedback")
    assert not feedback.is_visible()
    option.locator("summary").click()
    assert feedback.is_visible()
    assert feedback.inner_text().split()[0] in ("Right.", "Not")
    context.close()


@pytest.mark.parametrize("guide", GUIDES)
def test_printed_guide(browser, site_url, artifacts, guide):
    """Print emulation at the width of A4 paper: the easy-read layout, not the web page."""
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(site_url + guide)
    assert not page.locator(".hs-online").is_visible()  # the QR code is for paper only
    page.emulate_media(media="print")
    assert page.locator("h1").first.is_visible()
    for hidden in (".hs-header", ".hs-nav", ".hs-switcher", ".hs-downloads", ".hs-language-link"):
        assert not page.locator(hidden).is_visible(), f"{hidden} printed"
    assert page.locator(".hs-online svg").is_visible() and page.locator(".hs-url").is_visible()
    # Picture at the start of each row, words beside it: on the left in left-to-right
    # languages, on the right in right-to-left ones; words at 16 pt (21.33 px) or more.
    rtl = page.locator("html").get_attribute("dir") == "rtl"
    for row in page.locator(".hs-row").all()[:4]:
        picture = row.locator("img").bounding_box()
        words = row.locator("p").bounding_box()
        assert picture and words
        assert (picture["x"] > words["x"]) == rtl, guide
        size = row.locator("p").evaluate("p => parseFloat(getComputedStyle(p).fontSize)")
        assert size >= 16 * 96 / 72 - 0.01, f"{guide}: {size} px"
    name = guide.strip("/").replace("/", "_")
    page.screenshot(path=artifacts / "screenshots" / f"{name}--print.png", full_page=True)
    context.close()


@pytest.mark.parametrize("lang", ["en", "ar", "ur", "cy"])
def test_printing_a_guide_page_gives_the_pdf(browser, site_url, built_site, lang, tmp_path):
    """What a reader gets by printing the guide page from the browser is the sheet the
    build made: the same number of pages and the same words on each of them."""
    page = browser.new_page()
    page.goto(site_url + f"{lang}/guides/nhs-111/")
    # A browser loads lazy pictures when a person prints; page.pdf does not, so load them.
    page.evaluate(
        """() => Promise.all([...document.images].map(img => {
            img.loading = "eager";
            return img.complete ? null : new Promise(done => img.onload = img.onerror = done);
        }))"""
    )
    printed = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    (tmp_path / "printed.pdf").write_bytes(printed)
    theirs = body_text(tmp_path / "printed.pdf").split("\f")
    assert theirs == body_text(built_site / f"{lang}/print/nhs-111-{lang}.pdf").split("\f")


def _languages() -> list[tuple[str, str]]:
    import yaml
    from browsing import REPO

    data = yaml.safe_load((REPO / "translations/languages.yaml").read_text(encoding="utf-8"))
    return [(item["code"], item["dir"]) for item in data]


def test_language_switcher_goes_to_the_same_page(browser, site_url):
    page = browser.new_page()
    page.goto(site_url + "en/lessons/register-with-gp/")
    codes = [code for code, _ in _languages()]
    links = page.locator("#hs-languages a")
    assert links.count() == len(codes)
    for code in codes[1:]:
        page.goto(site_url + "en/lessons/register-with-gp/")
        page.locator(f'#hs-languages a[hreflang="{code}"]').click()
        assert page.url == f"{site_url}{code}/lessons/register-with-gp/"
        assert page.locator("html").get_attribute("lang") == code
        assert (
            page.locator('#hs-languages a[aria-current="page"]').get_attribute("hreflang") == code
        )
    page.close()


@pytest.mark.parametrize(("code", "direction"), _languages())
def test_layout_follows_the_writing_direction(browser, site_url, artifacts, code, direction):
    """In right-to-left languages the easy-read picture sits on the right of its words, the
    lesson picture on the right of its step, and the text starts at the right edge."""
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    page.goto(site_url + f"{code}/guides/register-with-gp/")
    assert page.locator("html").get_attribute("dir") == direction
    row = page.locator("li.hs-row").first
    picture, words = row.locator("img").bounding_box(), row.locator("p").bounding_box()
    if direction == "rtl":
        assert picture["x"] > words["x"] + words["width"] - 1
    else:
        assert picture["x"] + picture["width"] < words["x"] + 1
    page.screenshot(
        path=artifacts / "screenshots" / f"{code}_guides_register-with-gp--direction.png"
    )
    page.goto(site_url + f"{code}/lessons/register-with-gp/")
    step = page.locator(".hs-step-body").first
    picture, text = step.locator("img").bounding_box(), step.locator(".hs-step-text").bounding_box()
    assert (picture["x"] > text["x"]) == (direction == "rtl")
    heading = page.locator("h1").first.bounding_box()
    content = page.locator("article").first.bounding_box()
    if direction == "rtl":  # starts at the right edge of the content
        assert abs((heading["x"] + heading["width"]) - (content["x"] + content["width"])) < 40
    else:
        assert abs(heading["x"] - content["x"]) < 40
    page.close()
