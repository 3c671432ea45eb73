"""A page as it is inside an offline pack: what needs the web left out, folder links made
page links, and links that leave the pack online and saying so."""

from __future__ import annotations

from healthskills.write.zim_pages import pack_pages, resolve, rewrite

SITE = "https://example.org/health/"
MARK = "(needs the internet)"
IN_PACK = {
    "en/index.html",
    "en/lessons/index.html",
    "en/lessons/x/index.html",
    "en/words/index.html",
}


def _page(body: str, path: str = "en/lessons/x/index.html") -> str:
    return rewrite(path, body, IN_PACK, SITE, MARK).html


def test_links_to_pages_in_the_pack_name_the_page():
    html = _page(
        '<a href="../">All</a> <a href="../../words/#word-gp">GP</a> <a href="./">Here</a>'
        '<a href="../..">Home</a>'
    )
    assert '<a href="../index.html">All</a>' in html
    assert '<a href="../../index.html">Home</a>' in html
    assert '<a href="../../words/index.html#word-gp">GP</a>' in html
    assert '<a href="index.html">Here</a>' in html
    assert MARK not in html


def test_links_that_leave_the_pack_go_online_and_say_so():
    html = _page(
        '<a href="../../../ar/lessons/x/">عربي</a>'
        '<a href="../../print/x-en.pdf" download>PDF</a>'
        '<a class="ext" href="https://www.nhs.uk/a?b=1&amp;c=2">NHS</a>'
    )
    assert (
        f'<a href="{SITE}ar/lessons/x/">عربي <span class="hs-needs-internet">{MARK}</span></a>'
        in html
    )
    assert f'<a href="{SITE}en/print/x-en.pdf" download>PDF <span' in html
    # An address that was already whole is copied as written.
    assert '<a class="ext" href="https://www.nhs.uk/a?b=1&amp;c=2">NHS <span' in html


def test_what_works_without_the_internet_is_left_alone():
    body = ('<a href="tel:111">111</a><a href="sms:85258">Text</a>'
            '<a href="mailto:a@example.org">Email</a><a href="#step-2">Step 2</a>')  # fmt: skip
    assert _page(body) == body


def test_what_needs_the_web_is_left_out():
    html = _page(
        '<head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'">'
        "<title>A &amp; B</title></head>"
        '<form id="hs-search" data-hs-online><label>Search <input name="q"></label>'
        "<div><div>deep</div></div></form>"
        '<p>kept &nbsp; &#169;</p><input type="hidden" data-hs-online><p>after</p>'
        '<script src="../../../assets/a.js" data-sw="../../../sw.js" defer></script>'
    )
    assert "hs-search" not in html and "deep" not in html and "hidden" not in html
    assert "Content-Security-Policy" not in html and '<meta charset="utf-8">' in html
    assert "<p>kept &nbsp; &#169;</p>" in html and "<p>after</p>" in html
    assert '<script src="../../../assets/a.js" defer></script>' in html


def test_a_page_knows_its_title_and_what_it_loads():
    page = rewrite(
        "en/lessons/x/index.html",
        '<title>Open &amp; use</title><link rel="canonical" href="https://example.org/x/">'
        '<link rel="stylesheet" href="print.css"><img src="../../../assets/p.svg">',
        IN_PACK, SITE, MARK,
    )  # fmt: skip
    assert page.title == "Open & use"
    assert page.loads == ("en/lessons/x/print.css", "assets/p.svg")


def test_resolve():
    assert resolve("en/lessons/x/index.html", "../") == "en/lessons/index.html"
    assert resolve("en/index.html", "lessons/x/#a") == "en/lessons/x/index.html"
    assert resolve("en/index.html", "../../x/") is None
    assert resolve("en/index.html", "https://nhs.uk/") is None


def test_pages_of_a_pack(tmp_path):
    for rel in ("en/index.html", "en/lessons/x/index.html", "en/embed/lessons/x/index.html",
                "en/search/index.json", "en/read-offline/index.html", "en/404.html",
                "en/translators/index.html", "ar/index.html"):  # fmt: skip
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    assert pack_pages(tmp_path, "en") == ["en/index.html", "en/lessons/x/index.html"]
