"""The offline packs in a real reader: Debian's kiwix-serve (kiwix-tools) serving the English
and Arabic ZIM files of the real site, as a champion runs it on a laptop for a room with
no internet, and Chromium reading a lesson, a guide and the word list through it.

kiwix-serve puts its own bar (search, library button) on top of every page it serves
unless told `--nosearchbar`. The bar is Kiwix's, not ours: the pages are checked with it
(scripts, pictures, policy) as readers see them, and axe checks our part of the page."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from checks import describe_axe, run_axe

from healthskills.pages import zim_path
from servers import free_port, wait_for_port

pytestmark = pytest.mark.browser

HOST = "127.0.0.4"
PAGES = [
    ("en", "lessons/book-gp-appointment/index.html", "Book or cancel a GP appointment online"),
    ("en", "guides/nhs-111/index.html", None),
    ("en", "words/index.html", "Word list"),
    ("ar", "lessons/book-gp-appointment/index.html", None),
    ("ar", "guides/nhs-111/index.html", None),
    ("ar", "words/index.html", None),
]
WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', e => {
  window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`);
});
"""


@pytest.fixture(scope="module")
def kiwix(built_site: Path, tmp_path_factory):
    serve = shutil.which("kiwix-serve")
    if serve is None:
        pytest.fail("Debian's kiwix-serve is not installed: run `make test`, which installs it.")
    work = tmp_path_factory.mktemp("kiwix")
    log = work / "kiwix.log"
    port = free_port(HOST)
    packs = [str(built_site / zim_path(lang)) for lang in ("en", "ar")]
    with log.open("w") as out:
        proc = subprocess.Popen([serve, "--address", HOST, "--port", str(port), *packs],
                                stdout=out, stderr=out)  # fmt: skip
    try:
        wait_for_port(proc, port, "kiwix-serve", log, HOST)
        yield f"http://{HOST}:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize(("lang", "path", "title"), PAGES, ids=[f"{p[0]}/{p[1]}" for p in PAGES])
def test_pages_read_in_kiwix(browser, kiwix, artifacts, lang, path, title):
    problems: list[str] = []
    failed: list[str] = []
    context = browser.new_context(viewport={"width": 320, "height": 640})
    context.add_init_script(WATCH_CSP)
    page = context.new_page()
    page.on("pageerror", lambda exc: problems.append(f"script error: {exc}"))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    response = page.goto(f"{kiwix}/healthskills-{lang}/{lang}/{path}", wait_until="load")
    assert response is not None and response.status == 200

    heading = page.locator("article h1").first.inner_text().strip()
    assert heading and (title is None or heading == title)
    assert page.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    pictures = page.locator("article img")
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()  # pictures load when they come into view
        page.wait_for_function("img => img.complete", arg=picture.element_handle())
        assert picture.evaluate("img => img.naturalWidth > 0"), index
    # Nothing that needs the web came along: no search box, no other languages.
    assert page.locator("#hs-search, #hs-languages, [data-hs-online]").count() == 0
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    # The page's script runs (the display settings appear with it).
    page.locator("#hs-display").wait_for(state="visible")

    violations, _ = run_axe(page)
    ours = [v for v in violations if any(
        not str(node["target"][0]).startswith(("#kiwix", ".kiwix")) for node in v["nodes"])]  # fmt: skip
    page.screenshot(path=artifacts / "screenshots" / f"kiwix-{lang}-{path.split('/')[0]}.png",
                    full_page=True)  # fmt: skip
    problems += page.evaluate("window.__csp")
    context.close()
    assert describe_axe(ours) == []
    assert failed == [] and problems == []
