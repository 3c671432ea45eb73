"""Stage 4, render for paper: the documents that become PDFs, as pure functions.

A guide's PDF is printed from the same body HTML and the same two stylesheets (screen, then
print) as the guide page, so a sheet printed at home from the browser and the PDF a champion
downloads come out the same. What differs per document is said in CSS `@page` rules built
here: the paper size, the running header (the title) and footer (the review date, the
source organisation and "Page 2 of 5"), placed in the page margins by the print engine.

Nothing here touches the disk or knows which engine prints: `print/pdfs.py` hands these
documents to Chromium.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

import segno
from markupsafe import Markup

from ..models import Guide, Lesson, Source
from ..settings import ProjectSettings


@dataclass(frozen=True)
class PrintDoc:
    """A standalone HTML document to print, and where its PDF goes."""

    path: str
    """Site-root relative path of the PDF, such as `ar/print/nhs-111-ar.pdf`."""
    html: str
    lang: str
    kind: str
    """`sheet`, `bilingual`, `pack` or `poster`."""
    guide: str | None = None
    """The guide a sheet prints, or the place a poster shows."""


# ---- CSS for the page margins ---------------------------------------------------------

_CSS_SAFE = re.compile(r"[^\W_]| |[.,:;!?'’()/+-]")


def css_string(text: str) -> str:
    """`text` as a CSS string literal. Everything but letters, digits, spaces and harmless
    punctuation becomes a hex escape, so author text can never end the string or the
    `<style>` element it sits in (`"`, `\\`, `<` and `>` are all escaped)."""
    return '"' + "".join(c if _CSS_SAFE.fullmatch(c) else f"\\{ord(c):x} " for c in text) + '"'


def _counters(template: str) -> str:
    """ "Page {page} of {pages}" in the reader's language → CSS content with page counters.
    Translators may reorder the placeholders; each becomes a counter where it stands."""
    parts = []
    for piece in re.split(r"(\{page\}|\{pages\})", template):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts) or '""'


@dataclass(frozen=True)
class Margins:
    """The running header and footer of a printed document (or of one part of a pack)."""

    header: str
    footer: str
    page_of: str
    """The "Page {page} of {pages}" template in the reader's language."""


def page_rules(margins: Margins, direction: str, name: str = "") -> str:
    """CSS `@page` rule putting the header at the top and the footer at the bottom; in
    right-to-left languages the footer's two halves swap sides. Fonts and sizes for the
    margins live in print.css; a `name` makes the rule apply to one part of a pack only."""
    start, end = ("left", "right") if direction == "ltr" else ("right", "left")
    selector = f"@page {name}" if name else "@page"
    # Fixed shares of the width, so a long footer wraps on its side and the page number
    # always keeps one line.
    return (
        f"{selector}{{@top-center{{content:{css_string(margins.header)}}}"
        f"@bottom-{start}{{content:{css_string(margins.footer)};width:72%}}"
        f"@bottom-{end}{{content:{_counters(margins.page_of)};width:28%}}}}"
    )


def paper_rule(settings: ProjectSettings) -> str:
    return f"@page{{size:{settings.paper}}}"


FOOTER_ORGANISATIONS = 3
"""Source organisations named in a page footer; the sources section lists them all. More
would push the page number onto a second line."""


def organisations(sources: list[Source]) -> str:
    """The source organisations as people read them on paper: `nhs.uk, gov.uk`."""
    hosts = [urlsplit(source.url).hostname or "" for source in sources]
    names = list(dict.fromkeys(host.removeprefix("www.") for host in hosts if host))
    shown = ", ".join(names[:FOOTER_ORGANISATIONS])
    return shown + (" …" if len(names) > FOOTER_ORGANISATIONS else "")


class _Page(Protocol):
    """What a footer needs of the page it is printed on (render.context.PageContext)."""

    def t(self, key: str, **values: str) -> str: ...

    def date(self, value: object) -> str: ...


def footer_text(page: _Page, item: Guide | Lesson) -> str:
    """ "Last reviewed: 3 March 2026 · Source: nhs.uk" in the reader's language."""
    reviewed = f"{page.t('last_reviewed')}: {page.date(item.reviewed)}"
    return f"{reviewed} · {page.t('source_organisation', names=organisations(item.sources))}"


# ---- the web address and QR code on each sheet ----------------------------------------


@dataclass(frozen=True)
class Online:
    """Where a printed sheet leads: the same guide online, in the same language."""

    url: str
    """The full address the QR code holds."""
    short: str
    """The address to type, without `https://`."""
    qr: Markup
    """The QR code as inline SVG (no request, sharp at any size)."""


def online(settings: ProjectSettings, url: str) -> Online:
    full = settings.site_url + url
    short = full.removeprefix("https://").removeprefix("http://")
    return Online(full, short, _qr_svg(full))


@functools.lru_cache(maxsize=4096)
def _qr_svg(address: str) -> Markup:
    """QR code for `address` (medium error correction: survives a crease or a smudge).
    Cached: each address is printed on its page, its text-only page and its PDFs."""
    code = segno.make(address, error="m", micro=False)
    svg = code.svg_inline(border=4, omitsize=True, svgclass=None, lineclass=None)
    # The address is printed beside the code, so the picture itself is decorative.
    svg = svg.replace("<svg ", '<svg class="hs-qr-code" aria-hidden="true" focusable="false" ', 1)
    return Markup(svg)
