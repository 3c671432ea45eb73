"""Browser checks of particular features: quizzes without JavaScript, printed guides."""

from __future__ import annotations

import pytest
from browsing import built_site_path

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
    context = browser.new_context(viewport={"width": 794, "height": 1123})
    page = context.new_page()
    page.goto(site_url + guide)
    page.emulate_media(media="print")
    assert page.locator("h1").first.is_visible()
    assert not page.locator(".md-header").is_visible(), "site header printed"
    assert not page.locator(".md-sidebar--primary").is_visible(), "navigation printed"
    name = guide.strip("/").replace("/", "_")
    page.screenshot(path=artifacts / "screenshots" / f"{name}--print.png", full_page=True)
    context.close()
