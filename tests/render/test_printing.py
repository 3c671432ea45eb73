"""The CSS a printed page gets from author and translator text, and the sheets' QR codes."""

from __future__ import annotations

import re

from healthskills.models import Source
from healthskills.render.printing import (
    Margins,
    css_string,
    online,
    organisations,
    page_rules,
)
from healthskills.settings import ProjectSettings


def unescape(css: str) -> str:
    """What a CSS parser reads from a string literal (hex escapes and quotes)."""
    assert css[0] == css[-1] == '"'
    return re.sub(r"\\([0-9a-f]{1,6}) ?", lambda m: chr(int(m[1], 16)), css[1:-1])


def test_css_strings_cannot_escape_their_quotes_or_the_style_element():
    hostile = 'Title"}body{display:none}</style><script>alert(1)</script>\\\n'
    literal = css_string(hostile)
    assert unescape(literal) == hostile
    inner = literal[1:-1]
    for dangerous in ('"', "<", ">", "{", "}", "\n"):
        assert dangerous not in inner
    assert "\\5c " in inner  # the backslash itself is escaped


def test_css_strings_keep_every_script_readable():
    for text in ("Getting help fast: NHS 111", "الحصول على المساعدة", "Gwneud cais · 999"):
        assert unescape(css_string(text)) == text
    assert css_string("NHS 111") == '"NHS 111"'  # nothing to escape, nothing escaped


def test_page_numbers_follow_the_translation_and_the_direction():
    margins = Margins("Title", "Footer", "{page} / {pages} صفحه")
    ltr = page_rules(margins, "ltr")
    assert '@bottom-left{content:"Footer";width:72%}' in ltr
    assert '@bottom-right{content:counter(page) " / " counter(pages) " صفحه";width:28%}' in ltr
    rtl = page_rules(margins, "rtl", "p3")
    assert rtl.startswith("@page p3{")
    assert (
        '@bottom-right{content:"Footer";width:72%}' in rtl
        and "@bottom-left{content:counter(page)" in rtl
    )


def test_source_organisations_are_their_web_addresses():
    sources = [
        Source(title="A", url="https://www.nhs.uk/a/"),
        Source(title="B", url="https://www.nhs.uk/b/"),
        Source(title="C", url="https://111.nhs.uk/"),
    ]
    assert organisations(sources) == "nhs.uk, 111.nhs.uk"
    more = [Source(title=h, url=f"https://{h}/") for h in ("a.org", "b.org", "c.org", "d.org")]
    assert organisations(more) == "a.org, b.org, c.org …"  # the footer keeps to one line


def test_online_address_and_qr_code():
    where = online(
        ProjectSettings(site_url="https://health.example.org/charity/"), "ar/guides/nhs-111/"
    )
    assert where.url == "https://health.example.org/charity/ar/guides/nhs-111/"
    assert where.short == "health.example.org/charity/ar/guides/nhs-111/"
    assert where.qr.startswith('<svg class="hs-qr-code" aria-hidden="true" focusable="false" ')
    assert "<script" not in where.qr and "href" not in where.qr


def test_qr_codes_lead_under_the_sites_own_path():
    """A site hosted at https://example.org/health/ prints QR codes that lead there."""
    where = online(ProjectSettings(site_url="https://example.org/health/"), "en/guides/x/")
    assert where.url == "https://example.org/health/en/guides/x/"
    assert where.short == "example.org/health/en/guides/x/"
